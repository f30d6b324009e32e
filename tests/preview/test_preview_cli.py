"""``ttsbuilder preview``: arguments, outputs and exit codes (0 ok, 1 errors, 2 usage/I/O)."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from ttsbuilder.cli import preview as command
from ttsbuilder.preview import engine
from ttsbuilder.preview.audio import read_wav

pytestmark = pytest.mark.usefixtures("engine_available")

PLAY = {
    "language": "en-US",
    "voice": "female",
    "text_to_speech_option": {
        "text": "Thanks for calling.",
        "break": {"value": "1.5s"},
        "express-as": {"style": "friendly", "text": "How can I help?"},
    },
}


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="ttsbuilder preview")
    command.configure(parser)
    return command.run(parser.parse_args(argv))


@pytest.fixture
def prompt(tmp_path: Path) -> Path:
    path = tmp_path / "prompt.json"
    path.write_text(json.dumps(PLAY, indent=2), encoding="utf-8")
    return path


def test_module_follows_the_cli_contract() -> None:
    assert isinstance(command.HELP, str)
    assert "\n" not in command.HELP


def test_writes_the_wav_and_reports_duration_and_warnings(
    prompt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(str(prompt), "-o", str(tmp_path / "out.wav")) == 0
    out, err = capsys.readouterr()
    samples, rate = read_wav(tmp_path / "out.wav")
    assert out.startswith(f"{prompt}: {len(samples) / rate:.3f} s")
    # warnings carry the file position of the node
    assert f"{prompt}:9:5: TTS701" in err


def test_timeline_text_and_image(
    prompt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(str(prompt), "--timeline", "--timeline-image", str(tmp_path / "t.svg")) == 0
    out = capsys.readouterr().out
    assert "/text_to_speech_option/break" in out
    assert out.splitlines()[-1].startswith("total ")
    assert etree.parse(str(tmp_path / "t.svg")).getroot().tag.endswith("svg")


def test_json_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(PLAY).encode())))
    assert run("-", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["file"] == "<stdin>"
    assert data["entries"][-1]["end"] == data["duration"]
    assert [p["code"] for p in data["problems"]] == ["TTS701"]


def test_yaml_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("text: Hello\nbreak: {value: 250ms}\n", encoding="utf-8")
    assert run(str(path), "--timeline") == 0
    assert "/break" in capsys.readouterr().out


def test_wav_to_stdout(prompt: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer))
    assert run(str(prompt), "-o", "-") == 0
    assert buffer.getvalue()[:4] == b"RIFF"


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        ('{"text": "Hi", "break": {"value": "9s"}}', 1, "TTS202"),
        ('{"text": "Hi",}', 1, "TTS501"),
        ('{"prompt_name": "welcome"}', 2, "recorded prompt"),
    ],
)
def test_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, code: int, message: str
) -> None:
    path = tmp_path / "p.json"
    path.write_text(content, encoding="utf-8")
    assert run(str(path), "-o", str(tmp_path / "o.wav")) == code
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "o.wav").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ("missing.json",),
        ("{prompt}", "-o", "/nonexistent/dir/o.wav"),
        ("{prompt}", "--timeline-image", "/nonexistent/dir/t.svg"),
        ("{prompt}", "-o", "-", "--timeline"),
    ],
)
def test_io_and_usage_errors_exit_2_with_one_line(
    prompt: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    assert run(*(a.format(prompt=prompt) for a in argv)) == 2
    err = capsys.readouterr().err
    assert err.count("ttsbuilder preview:") == 1
    assert "Traceback" not in err


def test_missing_extra_exits_2_with_the_install_command(
    prompt: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(engine, "_ENGINE", None)
    monkeypatch.setitem(sys.modules, "espeakng_loader", None)
    assert run(str(prompt), "--timeline") == 2
    err: Any = capsys.readouterr().err
    assert "pip install 'ttsbuilder[preview]'" in err


@pytest.mark.parametrize("option", ["-o", "--timeline-image"])
def test_an_empty_output_name_is_a_usage_error(tmp_path: Path, option: str) -> None:
    # Found by the adversarial pass: -o "$OUT" with OUT unset exited 0 and wrote nothing.
    prompt = tmp_path / "hi.json"
    prompt.write_text('{"text": "Hi"}')
    done = subprocess.run(
        [sys.executable, "-m", "ttsbuilder", "preview", str(prompt), option, ""],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert (
        done.stderr
        == f"ttsbuilder preview: {option} needs a file name (or - for standard output), not ''\n"
    )
    assert list(tmp_path.iterdir()) == [prompt]


@pytest.mark.parametrize(
    "argv",
    [
        ("{prompt}", "-o", "{prompt}"),
        ("{prompt}", "-o", "{folder}/./prompt.json"),
        ("{prompt}", "--timeline-image", "{prompt}"),
        ("{prompt}", "-o", "{folder}/link.json"),
        ("{prompt}", "-o", "{folder}/out.wav", "--timeline-image", "{folder}/./out.wav"),
    ],
)
def test_an_output_over_the_prompt_or_the_other_output_is_a_usage_error(
    prompt: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    # Found by the SSML/targets trial: `preview welcome.json -o welcome.json` replaced the
    # prompt with its own audio, status 0.
    assert prompt.name == "prompt.json"
    (prompt.parent / "link.json").symlink_to(prompt)
    before = prompt.read_bytes()
    given = (a.format(prompt=prompt, folder=prompt.parent) for a in argv)
    assert run(*given) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("ttsbuilder preview: ")
    assert prompt.read_bytes() == before
    assert not (prompt.parent / "out.wav").exists()


def test_a_device_may_take_both_outputs(prompt: Path) -> None:
    assert run(str(prompt), "-o", "/dev/null", "--timeline-image", "/dev/null") == 0
