"""``--fix`` is one way: load → check → edits → apply → re-load → verify (issue 10, item 3).

The passes are counted by wrapping the functions that do them, so a second load, check
or member scan of the same text (the old pipeline made 8 loads and 5 checks) fails here.

And linear, counted rather than timed: each line of Python that ``lint`` and ``lint
--fix`` run, and each built-in they call, is counted for catalogs of n, 2n and 3n
identical prompts, and each count must grow by the same step from n to 2n as from 2n
to 3n. A loop over the file inside a loop over its problems (the old pipeline's shape)
fails that, however fast or busy the machine. Work that one built-in does in C (a
search through a list, ``in`` on a list) is not seen.
"""

from __future__ import annotations

import gc
import json
import sys
from collections import Counter
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from ttsbuilder.lint import check, fix, loaders
from ttsbuilder.lint.runner import Job, lint_data
from ttsbuilder.validation import _near_name


def catalog(prompts: int) -> bytes:
    body = {
        f"p{i}": {
            "text1": "Hi",
            "break": {"time": "1s"},
            "express-as": {"style": "Cheerful", "text": "x"},
        }
        for i in range(prompts)
    }
    return json.dumps(body, indent=2).encode()


def counted(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    counts: Counter[str] = Counter()

    def wrap(owner: Any, name: str, label: str) -> None:
        real: Callable[..., Any] = getattr(owner, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counts[label] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, wrapper)

    wrap(loaders.Source, "__init__", "load")
    wrap(loaders, "scan_json", "members")
    wrap(loaders, "yaml_members", "members")
    wrap(check, "validate", "check")
    wrap(fix, "detect", "detect")
    return counts


@pytest.mark.parametrize("prompts", [1, 40])
def test_one_fix_loads_and_checks_twice_whatever_the_size(
    monkeypatch: pytest.MonkeyPatch, prompts: int
) -> None:
    counts = counted(monkeypatch)
    linted = lint_data(catalog(prompts), "json", Job(fix=True))
    assert len(linted.changes) == 3 * prompts
    assert linted.problems == []
    # The file as read, and the fixed text: each loaded, checked and mapped once.
    assert counts == {"load": 2, "check": 2, "members": 1, "detect": 1}


def test_yaml_fix_is_one_way_too(monkeypatch: pytest.MonkeyPatch) -> None:
    counts = counted(monkeypatch)
    text = b"a: {text1: Hi, break: {time: 1s}}\nb: {text: x, text02: y}\n"
    linted = lint_data(text, "yaml", Job(fix=True))
    assert len(linted.changes) == 3
    assert counts == {"load": 2, "check": 2, "members": 1, "detect": 1}


def test_nothing_to_fix_is_one_load_and_one_check(monkeypatch: pytest.MonkeyPatch) -> None:
    counts = counted(monkeypatch)
    lint_data(b'{"text": "Hi"}', "json", Job(fix=True))
    assert counts == {"load": 1, "check": 1}


# --- linear: counted calls ------------------------------------------------------------

#: One prompt of each shape (``{name}`` is its fixed-width key), a file format and the
#: fixes expected per prompt. Fixed-width names: a YAML parser's calls follow the text's
#: characters, so a prompt ``p10`` must be as long as ``p9``.
SHAPES = {
    "json, the benchmark's prompt": (
        '"{name}": {{"text1": "Hi.", "break": {{"time": "5ms"}}, '
        '"express-as": {{"style": "Cheerful", "text": "x"}}, "text2": "Bye."}}',
        "json",
        3,
    ),
    "json, a number and express_as (two rounds)": (
        '"{name}": {{"express_as": {{"style": "Cheerful", "text1": "x"}}, '
        '"prosody": {{"rate": 1.5, "text": "y"}}}}',
        "json",
        4,
    ),
    "json, a repeated key (unsafe)": ('"{name}": {{"text": "a", "text": "b"}}', "json", 1),
    "yaml": (
        "{name}: {{text1: Hi, break: {{time: 5ms}}, express-as: {{style: Cheerful, text: x}}}}",
        "yaml",
        3,
    ),
    # A value YAML reads as a date (TTS505) in every prompt: each such problem was once
    # compared with every prompt, to keep only those in or above one.
    "yaml, a date in each prompt": (
        "{name}: {{text: 2024-01-01, break: {{time: 5ms}}}}",
        "yaml",
        1,
    ),
    "yaml, a suppression comment in each prompt": (
        "{name}: {{text: 2024-01-01, break: {{time: 5ms}}}}  # ttsbuilder: ignore[TTS505]",
        "yaml",
        1,
    ),
}


def shaped(shape: str, prompts: int) -> bytes:
    template, format, _ = SHAPES[shape]
    items = [template.format(name=f"p{index:05d}") for index in range(prompts)]
    if format == "yaml":
        return "\n".join(items).encode() + b"\n"
    return ("{\n" + ",\n".join(items) + "\n}\n").encode()


def steps(data: bytes, format: str, job: Job) -> Counter[tuple[str, int, str]]:
    """How often each line of Python runs and each built-in is called, linting ``data``.

    A line counts once each time it starts, and again each time a loop comes back to it,
    so a loop inside a comprehension counts every turn.
    """
    counts: Counter[tuple[str, int, str]] = Counter()

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            counts[frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name] += 1
        return trace

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event == "c_call":
            counts["", 0, getattr(arg, "__qualname__", repr(arg))] += 1

    # Whether a name misspells a kind is remembered per name: each run starts without.
    _near_name.cache_clear()
    tracer, profiler = sys.gettrace(), sys.getprofile()  # a coverage run's, kept
    collecting = gc.isenabled()
    gc.disable()  # a collection runs callbacks (hypothesis has one) wherever it falls
    sys.settrace(trace)
    sys.setprofile(profile)
    try:
        lint_data(data, format, job)  # type: ignore[arg-type]
    finally:
        sys.setprofile(profiler)
        sys.settrace(tracer)
        if collecting:
            gc.enable()
    return counts


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("fixing", [True, False], ids=["fix", "lint"])
def test_every_line_runs_a_linear_number_of_times(shape: str, fixing: bool) -> None:
    _, format, fixes = SHAPES[shape]
    job = Job(fix=fixing, unsafe_fixes=True)
    linted = lint_data(shaped(shape, 5), format, job)  # warm: caches filled, imports done
    assert len(linted.changes) == (5 * fixes if fixing else 0)
    step = 8
    one, two, three = (steps(shaped(shape, n * step), format, job) for n in (1, 2, 3))
    assert sum(three.values()) > sum(one.values()) > 0
    bent = {
        f"{file.rpartition('/')[2]}:{line} ({name})": (one[key], two[key], three[key])
        for key in one | two | three
        for file, line, name in [key]
        if three[key] - two[key] != two[key] - one[key]
    }
    assert bent == {}, f"runs for {step}, {2 * step}, {3 * step} prompts"
