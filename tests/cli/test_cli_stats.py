"""``ttsbuilder stats``: per-prompt budgets in text and JSON, exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ttsbuilder.cli import main


@pytest.fixture(autouse=True)
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


HELLO = {"text": "Hello", "break": {"value": "500ms"}, "text2": "world"}


def test_text_report_per_target(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "hello.json").write_text(json.dumps(HELLO))
    status, out, err = run(["stats", "hello.json"], capsys)
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "hello.json azure: 10 characters spoken, 31 billable, 204 bytes of SSML, 1 break, "
        "0.5 s of pauses",
        "hello.json polly: 10 characters spoken, 10 billable, 46 bytes of SSML, 1 break, "
        "0.5 s of pauses",
        "hello.json google: 10 characters spoken, 84 billable, 84 bytes of SSML, 1 break, "
        "0.5 s of pauses",
    ]


def test_json_report_with_catalog_pointers(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalog = {"welcome": {"text": "Hi", "voice": "male"}, "menu": [{"text": "Press 1"}]}
    (here / "catalog.yaml").write_text(json.dumps(catalog))
    status, out, _ = run(["stats", ".", "--target", "polly", "--format", "json"], capsys)
    assert status == 0
    records = json.loads(out)
    assert [(r["file"], r["pointer"], r["characters"]) for r in records] == [
        ("catalog.yaml", "/welcome", 2),
        ("catalog.yaml", "/menu/0", 7),
    ]
    assert records[0]["allowances"][0] == {"what": "billed characters", "used": 2, "limit": 3000}


def test_over_a_limit_exits_1_with_the_problem(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "long.json").write_text(json.dumps({"text": "a" * 3001}))
    status, out, err = run(["stats", "long.json", "--target", "polly"], capsys)
    assert status == 1
    assert out.endswith("OVER billed characters 3001/3000\n")
    assert err.startswith("long.json:1:1: TTS901 error 3001 billed characters")


def test_errors_are_reported_not_measured(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "bad.yaml").write_text("text: Hi\nbreak:\n  value: 9s\n")
    status, out, err = run(["stats", "bad.yaml"], capsys)
    assert (status, out) == (1, "")
    assert err.startswith("bad.yaml:3:3: TTS202 error")


def test_bodies_without_speech_are_skipped(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "hold.json").write_text(json.dumps({"state": "hold", "music_on_hold": "ring"}))
    status, out, err = run(["stats", "hold.json"], capsys)
    assert (status, out, err) == (0, "", "")


def test_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["stats", "nowhere.json"], capsys)
    assert status == 2
    assert "nowhere.json" in err


def test_standard_input(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    stdin = io.TextIOWrapper(io.BytesIO(b"text: Hi\n"))
    monkeypatch.setattr(sys, "stdin", stdin)
    status, out, _ = run(["stats", "-", "--stdin-filename", "p.yaml", "--target", "w3c"], capsys)
    assert status == 0
    assert out.startswith("p.yaml w3c: 2 characters spoken, ")


def test_render_refuses_a_request_over_the_platform_limit(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "long.json").write_text(json.dumps({"text": "a" * 3001}))
    status, out, err = run(["render", "long.json", "--target", "polly"], capsys)
    assert (status, out) == (1, "")
    assert err.startswith("long.json:1:1: TTS901 error")
    status, out, _ = run(["render", "long.json", "--target", "azure"], capsys)
    assert status == 0
    assert out.startswith("<speak")


def test_the_lint_configuration_applies(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "pyproject.toml").write_text(
        '[tool.ttsbuilder]\nprofile = "azure"\nexclude = ["drafts"]\n'
    )
    (here / "drafts").mkdir()
    (here / "drafts" / "draft.json").write_text(json.dumps({"text": "Draft"}))
    # A 15 s pause is an error in the enablex profile, allowed in azure's.
    (here / "long.json").write_text(json.dumps({"text": "Hi", "break": {"value": "15s"}}))
    status, out, err = run(["stats", "--target", "polly"], capsys)
    assert (status, err) == (0, "")
    # <speak>Hi<break time="10000ms"/><break time="5000ms"/></speak>: 7 + 2 + 23 + 22 + 8
    assert out == (
        "long.json polly: 2 characters spoken, 2 billable, 62 bytes of SSML, 2 breaks, "
        "15 s of pauses\n"
    )
    status, _, err = run(["stats", "--target", "polly", "--profile", "enablex"], capsys)
    assert status == 1
    assert "TTS202" in err


def test_a_missing_configuration_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["stats", "--config", "nowhere.toml"], capsys)
    assert status == 2
    assert "nowhere.toml" in err


def test_a_folder_walk_passes_over_files_without_prompts(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "package.json").write_text(json.dumps({"name": "app", "version": "1.0.0"}))
    (here / "hi.json").write_text(json.dumps({"text": "Hi"}))
    status, out, err = run(["stats", ".", "--target", "polly"], capsys)
    assert (status, err) == (0, "")
    assert out.startswith("hi.json polly: 2 characters spoken")
    assert "package.json" not in out


def test_duration_without_the_preview_extra_is_one_usage_error(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by the per-extra audit: a core install exited 1 ("problems found") and said
    # the same line once per file and target, as if each prompt were at fault.
    import sys

    from ttsbuilder.preview import engine

    monkeypatch.setattr(engine, "_ENGINE", None)
    monkeypatch.setitem(sys.modules, "espeakng_loader", None)  # import now fails
    (here / "a.json").write_text(json.dumps(HELLO))
    (here / "b.json").write_text(json.dumps(HELLO))
    status, out, err = run(["stats", "a.json", "b.json", "--duration"], capsys)
    assert (status, out) == (2, "")
    assert err == (
        "ttsbuilder stats: error: audio preview needs espeakng_loader, which is not "
        "installed: pip install 'ttsbuilder[preview]'\n"
    )


def test_a_voice_no_target_takes_is_one_usage_error(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # docs/cli.md: an unknown value is a usage error (2). It was status 1, "problems
    # found", once per file and target, as if each prompt were at fault.
    (here / "a.json").write_text(json.dumps(HELLO))
    (here / "b.json").write_text(json.dumps(HELLO))
    status, out, err = run(["stats", "a.json", "b.json", "--voice", "Joanna"], capsys)
    assert (status, out) == (2, "")
    assert err == (
        "ttsbuilder stats: error: voice='Joanna' is not allowed: use 'female', 'male' or "
        "an Azure voice name like 'en-US-JennyNeural'\n"
    )
    status, out, err = run(["stats", "a.json", "--voice", "Joanna", "--target", "polly"], capsys)
    assert (status, err) == (0, "")
    status, out, err = run(["stats", "a.json", "--language", "en US"], capsys)
    assert (status, out, err.count("\n")) == (2, "", 1)
