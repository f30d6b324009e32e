"""Every script in examples/ runs, exits 0 and prints what it promises."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ttsbuilder.validation import validate

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SCRIPTS = sorted(path for path in EXAMPLES.glob("*.py") if not path.name.startswith("_"))

# The seed's advanced play sample (text_to_speech_option), with its stray quote fixed
# as SPEC §1 says: the silence value is "2000ms".
SEED_TREE = Path(__file__).parent / "data" / "seed" / "advanced_tree.json"

# route suffix → the kind of body it takes
ROUTES = {
    "/call": "dial-out",
    "/hold": "hold",
    "/recording": "recording",
    "/transfer": "transfer",
    "/forward": "forward",
    "/connect": "connect",
    "/play": "play",
}


def _run(script: Path, *arguments: str) -> str:
    result = subprocess.run(
        [sys.executable, str(script), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def _pairs(value: Any) -> Any:
    """A JSON value with every object as its list of (key, value) pairs: order counts."""
    if isinstance(value, dict):
        return [(key, _pairs(item)) for key, item in value.items()]
    return value


def _requests(output: str) -> list[tuple[str, str, Any]]:
    """(method, path, body) of each request block the examples print."""
    found = []
    lines = output.splitlines()
    for index, line in enumerate(lines):
        method, _, path = line.partition(" ")
        if method in ("PUT", "POST") and path.startswith("/voice/v1/"):
            assert lines[index + 1] == "Content-Type: application/json"
            body_lines = []
            for body_line in lines[index + 2 :]:
                body_lines.append(body_line)
                if body_line in ("}", "{}"):
                    break
            found.append((method, path, json.loads("\n".join(body_lines))))
    return found


@pytest.mark.parametrize(
    "script",
    [path for path in SCRIPTS if path.name != "demo.py"],
    ids=lambda path: path.name,
)
def test_example_runs(script: Path) -> None:
    assert _run(script).strip()


def test_demo_runs_every_step(tmp_path: Path) -> None:
    output = _run(EXAMPLES / "demo.py", "--out", str(tmp_path))
    for step in ("1. compose", "2. ttsbuilder lint", "3. ttsbuilder lint --fix", "4. render"):
        assert f"=== {step}" in output
    assert "copied-from-docs.json:7:15: TTS105 error break key 'time' should be 'value'" in output
    assert '+    "break": {"value": "1500ms"},' in output  # the fix, as a diff
    assert '<mstts:express-as style="customerservice">' in output
    assert (tmp_path / "welcome.wav").stat().st_size > 44
    assert (tmp_path / "welcome-timeline.svg").read_text(encoding="utf-8").startswith("<svg")


def test_seed_prompt_prints_the_seed_tree_key_for_key() -> None:
    printed = json.loads(_run(EXAMPLES / "seed_prompt.py"))
    assert _pairs(printed) == _pairs(json.loads(SEED_TREE.read_text(encoding="utf-8")))


def test_send_play_sends_a_valid_play_body() -> None:
    output = _run(EXAMPLES / "send_play.py")
    [(method, path, body)] = _requests(output)
    assert method == "PUT"
    assert path.endswith("/play")
    assert validate(body, kind="play") == []
    assert body["dtmf"] is True
    assert output.rstrip().endswith("-> 200 initiated")


def test_call_flow_sends_every_body_kind_valid() -> None:
    output = _run(EXAMPLES / "call_flow.py")
    sent = _requests(output)
    kinds = []
    for _method, path, body in sent:
        kind = next(kind for suffix, kind in ROUTES.items() if path.endswith(suffix))
        assert validate(body, kind=kind) == [], (path, body)
        kinds.append(kind)
    assert set(kinds) == set(ROUTES.values()) - {"play"}
    assert sent[0][2]["action_on_connect"]["play"]["text_to_speech_option"]["say-as"] == {
        "interpret-as": "date",
        "format": "mdy",
        "text": "12/03/2026",
    }
    assert output.rstrip().endswith(f"{len(sent)} requests sent")


def test_other_clients_prints_three_payloads_and_a_budget() -> None:
    output = _run(EXAMPLES / "other_clients.py")
    assert '<Say language="en-GB" voice="Polly.Brian">Thanks for calling Acme.' in output
    assert '<Speak voice="Polly.Brian" language="en-GB">Thanks for calling Acme.' in output
    assert '"action": "talk"' in output
    # 24 + 42 + 38 characters of text; Polly bills exactly those.
    assert "polly: 104 characters spoken, 104 billable" in output
