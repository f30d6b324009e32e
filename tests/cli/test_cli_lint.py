"""``ttsbuilder lint``: exit codes, formats, settings, and never a traceback."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ttsbuilder.cli import main

GOOD = '{"text": "Hello", "break": {"value": "1s"}}\n'
BAD = '{"text": "Hello",\n "break": {"value": "9s"}}\n'
WARN = '{"prosody": {"rate": "30%", "text": "Hi"}}\n'


@pytest.fixture
def prompts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.json").write_text(GOOD)
    (tmp_path / "bad.json").write_text(BAD)
    (tmp_path / "warn.yaml").write_text("prosody:\n  rate: 30%\n  text: Hi\n")
    return tmp_path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_text_report_and_exit_1(prompts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["lint", "."], capsys)
    assert status == 1
    assert out.splitlines() == [
        "bad.json:2:12: TTS202 error '9s' is too long: the enablex profile allows pauses "
        "below 5000ms",
        "warn.yaml:2:3: TTS212 warning " + out.splitlines()[1].split(" warning ", 1)[1],
        "1 error and 1 warning in 2 of 3 files",
    ]
    assert err == ""


def test_warnings_pass_unless_strict(prompts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["lint", "warn.yaml"], capsys)[0] == 0
    assert run(["lint", "--strict", "warn.yaml"], capsys)[0] == 1
    assert run(["lint", "good.json"], capsys)[:2] == (0, "no problems in 1 file\n")


def test_profile_select_and_ignore(prompts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["lint", "--profile", "azure", "bad.json"], capsys)[0] == 0
    assert run(["lint", "--ignore", "TTS2", "bad.json"], capsys)[0] == 0
    assert run(["lint", "--select", "pause-too-long", "bad.json", "warn.yaml"], capsys)[0] == 1
    status, _, err = run(["lint", "--select", "TTS999", "bad.json"], capsys)
    assert status == 2
    assert err == "ttsbuilder lint: error: unknown rule code or name: TTS999\n"


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_machine_formats(prompts: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    status, out, _ = run(["lint", "--format", fmt, "bad.json"], capsys)
    assert status == 1
    if fmt == "json":
        assert [item["code"] for item in json.loads(out)] == ["TTS202"]
    elif fmt == "sarif":
        assert json.loads(out)["runs"][0]["results"][0]["ruleId"] == "TTS202"
    else:
        assert out.startswith("::error file=bad.json,line=2,col=12,title=TTS202 pause-too-long::")


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"text: Hi\ntext: again\n")))
    status, out, _ = run(["lint", "-", "--stdin-filename", "prompt.yaml"], capsys)
    assert status == 1
    assert out.startswith("prompt.yaml:2:1: TTS502 error")


def test_config_table(prompts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (prompts / "pyproject.toml").write_text(
        '[tool.ttsbuilder]\nprofile = "azure"\nstrict = true\nformat = "json"\n'
    )
    status, out, _ = run(["lint", "bad.json", "warn.yaml"], capsys)
    assert status == 1  # strict: the warning fails
    assert [item["code"] for item in json.loads(out)] == ["TTS212"]
    assert run(["lint", "--no-strict", "--format", "text", "warn.yaml"], capsys)[0] == 0


def test_fix_reports_what_it_changed(prompts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (prompts / "alias.json").write_text('{"break": {"time": "1s"}, "text": "Hi"}')
    status, out, err = run(["lint", "--fix", "--show-fixes", "alias.json"], capsys)
    assert status == 0
    assert out == "no problems in 1 file\n"
    assert err.splitlines() == [
        "alias.json:1:12: fixed TTS105 renamed 'time' to 'value'",
        "fixed 1 problem in 1 file",
    ]
    assert (prompts / "alias.json").read_text() == '{"break": {"value": "1s"}, "text": "Hi"}'
    (prompts / "alias.json").write_text('{"break": {"time": "1s"}, "text": "Hi"}')
    assert run(["lint", "--fix", "alias.json"], capsys)[2] == "fixed 1 problem in 1 file\n"


def test_unsafe_fixes_are_counted_then_made_when_asked(
    prompts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repeated = prompts / "repeated.json"
    repeated.write_text('{"text": "a", "text": "b"}')
    status, out, err = run(["lint", "--fix", "repeated.json"], capsys)
    assert status == 1
    assert "TTS502" in out
    assert err.splitlines() == [
        "1 more fix is available with --unsafe-fixes (unsafe: what is spoken changes)"
    ]
    assert repeated.read_text() == '{"text": "a", "text": "b"}'
    status, out, err = run(
        ["lint", "--fix", "--unsafe-fixes", "--show-fixes", "repeated.json"], capsys
    )
    assert status == 0
    assert err.splitlines() == [
        "repeated.json:1:15: fixed TTS502 renamed 'text' to 'text2' (unsafe fix)",
        "fixed 1 problem in 1 file",
    ]
    assert repeated.read_text() == '{"text": "a", "text2": "b"}'


def test_a_file_saved_meanwhile_is_an_error_with_exit_2(
    prompts: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ttsbuilder.lint import runner

    path = prompts / "alias.json"
    path.write_text('{"break": {"time": "1s"}}')
    real = runner.lint_data

    def meanwhile(data: bytes, fmt: runner.Format, job: runner.Job, *rest: Any) -> runner.Linted:
        linted = real(data, fmt, job, *rest)
        path.write_text('{"text": "theirs"}')
        return linted

    monkeypatch.setattr(runner, "lint_data", meanwhile)
    status, _, err = run(["lint", "--fix", "alias.json"], capsys)
    assert status == 2
    assert "alias.json: cannot write the fix: the file changed while it was being fixed" in err
    assert path.read_text() == '{"text": "theirs"}'


@pytest.mark.parametrize(
    "argv",
    [["lint", "missing.json"], ["lint", "--jobs", "0", "."], ["lint", "--format", "xml", "."]],
)
def test_usage_errors_are_one_line_and_exit_2(
    prompts: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, err = run(argv, capsys)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_unreadable_file_is_an_io_error(prompts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A socket exists but cannot be opened as a file, even by root.
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("socket.json")
        status, _, err = run(["lint", "good.json", "socket.json"], capsys)
    assert status == 2
    assert err.startswith("ttsbuilder lint: error: socket.json: cannot read the file")


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=120), st.sampled_from(["x.json", "x.yaml", "x.yml"]))
def test_no_traceback_whatever_the_file(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        status = main(["lint", "--format", "json", str(path)])
    finally:
        sys.stdout, sys.stderr = saved
    assert status in (0, 1)
    assert err.getvalue() == ""
    json.loads(out.getvalue())


def test_python_dash_m(prompts: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ttsbuilder", "lint", "bad.json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.startswith("bad.json:2:12: TTS202")
