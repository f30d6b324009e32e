"""Each extra alone is enough for its feature: no dependency it forgot, no other extra needed.

The wheel-in-a-fresh-venv tests install ``[all]`` (which would hide an extra that leans on
another's packages) and no extra. Building nine more virtualenvs would cost a minute, so
each extra runs here in a subprocess of the dev venv in which every third-party module
outside that extra's dependency closure (its requirements and theirs, read from the
installed distributions' metadata) cannot be imported. Cost: about 5 s for the nine
(`pytest -p no:xdist tests/test_extras_alone.py`), where nine venvs would take a minute.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_packaging import EXTRAS, PYPROJECT

# What each extra is for (README, Install), exercised end to end; each prints "ok".
FEATURES = {
    "preview": """
import ttsbuilder
ttsbuilder.preview_wav({"text": "Hi"}, "hi.wav")
assert open("hi.wav", "rb").read(4) == b"RIFF"
""",
    "twilio": """
import ttsbuilder
body = ttsbuilder.play(ttsbuilder.Prompt().text("Hi"), language="en-US", voice="female")
assert "<Say" in str(ttsbuilder.twilio_say(body))
""",
    "httpx": """
import httpx, ttsbuilder
from ttsbuilder.clients import httpx_event_hooks
sent = []
transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(200))
client = httpx.Client(transport=transport, event_hooks=httpx_event_hooks())
client.put("https://api.enablex.io/voice/v1/call/f1/play", json={"text": "Hi", "voice": "female"})
try:
    client.put("https://api.enablex.io/voice/v1/call/f1/play", json={"text": "Hi"})
except ttsbuilder.ValidationError:
    pass
assert len(sent) == 1
""",
    "requests": """
import ttsbuilder
from ttsbuilder.clients import requests_session
try:
    requests_session().put("https://api.enablex.io/voice/v1/call/f1/play", json={"text": "Hi"})
except ttsbuilder.ValidationError:
    pass
""",
    "pydantic": """
import pydantic
from ttsbuilder.pydantic import PlayBody
class Prompt(pydantic.BaseModel):
    play: PlayBody
Prompt(play={"text": "Hi", "voice": "female"})
Prompt.model_json_schema()
""",
    "hypothesis": """
from hypothesis import HealthCheck, given, settings
from ttsbuilder import strategies, validate
# Whether the extra works, not how fast a loaded machine draws: no too_slow health check.
@settings(max_examples=5, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.prompts())
def test(tree):
    assert not [p for p in validate(tree) if p.is_error]
test()
""",
    "jsonschema": """
from jsonschema import Draft202012Validator
from ttsbuilder.published import registry, schema
validator = Draft202012Validator(schema("play"), registry=registry())
assert validator.is_valid({"text": "Hello", "voice": "female"})
""",
    "lsp": """
import ttsbuilder.lsp.server
""",
    "studio": """
import uvicorn
from ttsbuilder.studio.server import Studio
studio = Studio(["."], port=0)
try:
    uvicorn.Config(studio.app(), log_level="warning").load()  # what serve() runs
finally:
    studio.close()
""",
}

# Runs first in the child: imports of third-party modules outside ALLOWED fail, as if
# the distribution were not installed.
BLOCKER = """
import importlib.abc, sys
ALLOWED = set(sys.argv[1].split(","))
class Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if top in ALLOWED or top in sys.stdlib_module_names or top.startswith("_"):
            return None
        raise ModuleNotFoundError(f"No module named {name!r} (blocked)", name=name)
sys.meta_path.insert(0, Blocker())
"""


def _closure(requirements: list[str], extras: tuple[str, ...] = ()) -> set[str]:
    """Distribution names needed by ``requirements``, following installed metadata."""
    from importlib.metadata import PackageNotFoundError, requires

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    seen: set[str] = set()
    todo = [(Requirement(r), extras) for r in requirements]
    while todo:
        requirement, wanted = todo.pop()
        environment = [{"extra": e} for e in wanted or ("",)]
        if requirement.marker and not any(requirement.marker.evaluate(e) for e in environment):
            continue
        name = canonicalize_name(requirement.name)
        if name == "ttsbuilder":
            todo += [(Requirement(r), ()) for x in requirement.extras for r in EXTRAS[x]]
            continue
        if name in seen:
            continue
        seen.add(name)
        try:
            needs = requires(requirement.name) or []
        except PackageNotFoundError:
            continue  # not for this Python (a marker said so) or an optional extra's
        todo += [(Requirement(r), tuple(requirement.extras)) for r in needs]
    return seen


def _modules(distributions: set[str]) -> set[str]:
    """Top-level modules the installed ``distributions`` provide.

    Read here from each distribution's ``top_level.txt`` or else its RECORD, because
    ``importlib.metadata.packages_distributions()`` differs by Python: 3.10's reads
    ``top_level.txt`` alone, which wheels built by hatchling or maturin (httpx, pydantic,
    orjson, ...) do not have, so it would block what an extra needs.
    """
    from importlib.metadata import distributions as installed

    from packaging.utils import canonicalize_name

    modules: set[str] = set()
    for distribution in installed():
        if canonicalize_name(distribution.metadata["Name"]) not in distributions:
            continue
        declared = (distribution.read_text("top_level.txt") or "").split()
        recorded = {
            file.parts[0] if len(file.parts) > 1 else file.name.partition(".")[0]
            for file in distribution.files or ()
            if file.suffix in {".py", ".so", ".pyd"} and file.parts[0] != ".."
        }
        modules |= set(declared) or recorded
    return modules


@pytest.mark.parametrize("extra", sorted(set(EXTRAS) - {"all", "dev"}))
def test_each_extra_alone_gives_its_feature(extra: str, tmp_path: Path) -> None:
    assert set(FEATURES) == set(EXTRAS) - {"all", "dev"}  # a new extra needs its probe
    needed = _closure([*PYPROJECT["project"]["dependencies"], *EXTRAS[extra]])
    allowed = _modules(needed) | {"ttsbuilder"}
    script = BLOCKER + FEATURES[extra] + "\nprint('ok')\n"
    done = subprocess.run(
        [sys.executable, "-c", script, ",".join(sorted(allowed))],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "ok"), done.stderr[-2000:]


def test_the_blocker_blocks() -> None:
    # An extra's feature with that extra's closure left out fails: the check has teeth.
    allowed = _modules(_closure(PYPROJECT["project"]["dependencies"])) | {"ttsbuilder"}
    done = subprocess.run(
        [sys.executable, "-c", BLOCKER + FEATURES["twilio"], ",".join(sorted(allowed))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "MissingExtraError: twilio_say() needs twilio.twiml" in done.stderr
