"""``ttsbuilder render`` and ``ttsbuilder schema``."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from lxml import etree

from ttsbuilder.cli import main
from ttsbuilder.published import schema


@pytest.fixture(autouse=True)
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


PLAY = {"language": "en-US", "voice": "male", "text_to_speech_option": {"text": "Hi & bye"}}


def test_render_prints_ssml(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "play.json").write_text(json.dumps(PLAY))
    status, out, err = run(["render", "play.json"], capsys)
    assert (status, err) == (0, "")
    speak = etree.fromstring(out.encode())
    assert speak.tag == "{http://www.w3.org/2001/10/synthesis}speak"
    assert "".join(speak.itertext()) == "Hi & bye"


def test_render_errors_go_to_stderr_with_positions(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "bad.yaml").write_text("text: Hi\nbreak:\n  value: 9s\n")
    status, out, err = run(["render", "bad.yaml"], capsys)
    assert (status, out) == (1, "")
    assert err.startswith("bad.yaml:3:3: TTS202 error")


def test_render_stdin_and_w3c_notes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = b'{"express-as": {"style": "cheerful", "text": "yay"}}'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, out, err = run(["render", "-", "--target", "w3c"], capsys)
    assert status == 0
    assert "yay" in out
    assert err.startswith("-:1:2: TTS604 warning")


def test_render_a_catalog_needs_a_pointer(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "all.json").write_text(json.dumps({"welcome": {"text": "Hi"}, "bye": {"text": "Bye"}}))
    status, _, err = run(["render", "all.json"], capsys)
    assert status == 2
    assert "--pointer" in err
    status, out, _ = run(["render", "all.json", "--pointer", "/bye"], capsys)
    assert status == 0
    assert "Bye" in out
    assert run(["render", "all.json", "--pointer", "/nothing"], capsys)[0] == 2


def test_render_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["render", "missing.json"], capsys)
    assert status == 2
    assert err == "ttsbuilder render: error: cannot read missing.json: No such file or directory\n"


@pytest.mark.parametrize("profile", ["enablex", "azure"])
def test_schema_prints_the_published_schema(
    capsys: pytest.CaptureFixture[str], profile: str
) -> None:
    status, out, _ = run(["schema", "play", "--profile", profile], capsys)
    assert status == 0
    assert json.loads(out) == schema("play", profile)


def test_schema_of_an_unknown_kind(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["schema", "nope"], capsys)
    assert status == 2
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--voice", "../../etc/passwd"], "voice='../../etc/passwd' is not allowed"),
        (["--voice", "Joanna", "--target", "google"], "or a Google voice name"),
        (["--language", 'en-US"><x'], "is not a language tag like 'en-US'"),
    ],
)
def test_a_bad_voice_or_language_argument_is_a_usage_error(
    here: Path, capsys: pytest.CaptureFixture[str], option: list[str], message: str
) -> None:
    # docs/cli.md: an unknown value is status 2, as `preview --voice` already is; it was 1.
    (here / "play.json").write_text(json.dumps(PLAY))
    status, out, err = run(["render", "play.json", *option], capsys)
    assert (status, out) == (2, "")
    assert err.startswith("ttsbuilder render: error: ")
    assert message in err
    assert err.count("\n") == 1


def test_a_language_with_no_default_voice_is_a_problem_of_the_prompt(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "tree.json").write_text(json.dumps({"text": "Hi"}))
    status, _, err = run(["render", "tree.json", "--language", "xx-XX"], capsys)
    assert status == 1
    assert "TTS602" in err
