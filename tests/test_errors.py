"""The exceptions: each survives pickling (a process pool, multiprocessing, a task queue).

Found in the adversarial trial of issue 11: a ``ValidationError`` raised by a client hook
in a worker process came back to the parent with ``problems`` a list of the message's
characters (or failed to unpickle at all), because pickle calls ``cls(*args)``.
"""

from __future__ import annotations

import copy
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

from ttsbuilder import check_request
from ttsbuilder.errors import (
    ArgumentError,
    BuildError,
    MissingExtraError,
    PreviewError,
    SSMLError,
    TTSBuilderError,
    ValidationError,
)

URL = "https://api.enablex.io/voice/v1/call/f1aa/play"
PROBLEMS = check_request("PUT", URL, {"text": "Hello", "start_timeout": 5})

ERRORS = [
    ValidationError(PROBLEMS, method="PUT", url=URL),
    ValidationError(PROBLEMS),
    ArgumentError("voice='robot' is not allowed", argument="voice", value="robot", hint="x"),
    BuildError("no", argument="rate", value=3),
    SSMLError("unclosed <speak>", line=3, column=7),
    PreviewError("no engine"),
    MissingExtraError("ttsbuilder lsp", "pygls", "lsp"),
]


def _state(error: BaseException) -> tuple[object, ...]:
    return (type(error), str(error), error.args, vars(error), getattr(error, "name", None))


@pytest.mark.parametrize("error", ERRORS, ids=lambda error: type(error).__name__)
def test_an_error_survives_pickling_and_copying(error: TTSBuilderError) -> None:
    assert _state(pickle.loads(pickle.dumps(error))) == _state(error)
    assert _state(copy.copy(error)) == _state(error)


def _raise_in_a_worker() -> None:
    raise ValidationError(PROBLEMS, method="PUT", url=URL)


def test_a_validation_error_comes_back_whole_from_a_process_pool() -> None:
    with ProcessPoolExecutor(max_workers=1) as pool, pytest.raises(ValidationError) as caught:
        pool.submit(_raise_in_a_worker).result(timeout=60)
    assert caught.value.problems == PROBLEMS
    assert (caught.value.method, caught.value.url) == ("PUT", URL)
    assert [p.code for p in caught.value.problems] == ["TTS403", "TTS404"]
