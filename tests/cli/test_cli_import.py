"""``ttsbuilder import``: SSML files to tree files, refusals per file, nothing overwritten."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.lint.test_ssml_files import as_written
from ttsbuilder.cli import main
from ttsbuilder.lint.loaders import load_bytes
from ttsbuilder.ssml import parse_ssml, render_ssml
from ttsbuilder.strategies import trees

GOOD = '<speak><voice name="en-US-JennyNeural">Hi <break time="1s"/> there</voice></speak>'
GOOD_TREE = {"text": "Hi ", "break": {"value": "1s"}, "text2": " there"}
AUDIO = '<speak><voice name="x">Hi\n  <audio src="a.wav"/></voice></speak>'


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_file_becomes_a_json_tree_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "welcome.ssml", GOOD)
    assert main(["import", path]) == 0
    assert json.loads((tmp_path / "welcome.json").read_text(encoding="utf-8")) == GOOD_TREE
    assert capsys.readouterr().out == f"{path} -> {tmp_path / 'welcome.json'}\n"


def test_yaml_into_a_folder(tmp_path: Path) -> None:
    path = write(tmp_path, "welcome.xml", GOOD)
    (tmp_path / "out").mkdir()
    assert main(["import", path, "--format", "yaml", "-o", str(tmp_path / "out")]) == 0
    data = (tmp_path / "out" / "welcome.yaml").read_bytes()
    assert load_bytes(data, "yaml").document == GOOD_TREE
    assert data.decode() == "text: 'Hi '\nbreak:\n  value: 1s\ntext2: ' there'\n"


def test_each_refused_file_says_why_and_the_others_are_converted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audio = write(tmp_path, "audio.ssml", AUDIO)
    laughs = write(
        tmp_path,
        "laughs.ssml",
        '<!DOCTYPE speak [<!ENTITY a "ha">]>\n<speak>&a;</speak>',
    )
    good = write(tmp_path, "good.ssml", GOOD)
    assert main(["import", audio, laughs, good]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{audio}:2:3: TTS511 error <audio> cannot be represented in a text_to_speech_option tree",
        f"ttsbuilder import: {audio}: not converted",
        f"{laughs}:1:18: TTS510 error a DOCTYPE that declares entities is refused",
        f"ttsbuilder import: {laughs}: not converted",
    ]
    assert sorted(os.listdir(tmp_path)) == ["audio.ssml", "good.json", "good.ssml", "laughs.ssml"]


def test_an_error_under_the_profile_refuses_a_warning_does_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = write(tmp_path, "long.ssml", '<speak>\n<break time="9s"/></speak>')
    assert main(["import", long]) == 1
    assert f"{long}:2:8: TTS202 error" in capsys.readouterr().err
    assert main(["import", long, "--profile", "azure"]) == 0
    warned = write(tmp_path, "fast.ssml", '<speak><prosody rate="+300%">Hi</prosody></speak>')
    assert main(["import", warned]) == 0
    assert "TTS211 warning" in capsys.readouterr().err


def test_an_existing_file_is_never_replaced_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "welcome.ssml", GOOD)
    target = tmp_path / "welcome.json"
    target.write_bytes(b"mine")
    assert main(["import", path]) == 2
    assert "exists (replace it with --force)" in capsys.readouterr().err
    assert target.read_bytes() == b"mine"
    assert main(["import", path, "--force"]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == GOOD_TREE
    assert sorted(os.listdir(tmp_path)) == ["welcome.json", "welcome.ssml"]  # no temporaries


def test_two_files_with_one_target_in_a_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write(tmp_path, "a.ssml", GOOD)
    second = write(tmp_path, "a.xml", "<speak>Other</speak>")
    assert main(["import", first, second, "--force"]) == 2
    assert "was written from another file of this run" in capsys.readouterr().err
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8")) == GOOD_TREE


def test_standard_input_and_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    assert main(["import", "-"]) == 0
    assert json.loads(capsys.readouterr().out) == GOOD_TREE
    path = write(tmp_path, "welcome.ssml", GOOD)
    assert main(["import", path, "-o", "-", "--format", "yaml"]) == 0
    assert capsys.readouterr().out.startswith("text: 'Hi '\n")
    assert not (tmp_path / "welcome.yaml").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["import", "missing.ssml"], "cannot read missing.ssml"),
        (["import", "a.ssml", "-o", "nowhere"], "nowhere: no such folder"),
        (["import", "a.ssml", "b.ssml", "-o", "-"], "-o - writes one tree"),
        (["import", "a.ssml", "--format", "toml"], "invalid choice"),
    ],
)
def test_usage_and_io_errors_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_whitespace_normalize_for_hand_indented_ssml(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "indented.ssml",
        '<speak>\n  <voice name="x">\n    Hello\n    <break time="1s"/>\n    world\n  </voice>\n'
        "</speak>\n",
    )
    assert main(["import", path, "--whitespace", "normalize", "-o", str(tmp_path)]) == 0
    tree = json.loads((tmp_path / "indented.json").read_text(encoding="utf-8"))
    assert tree == {"text": " Hello ", "break": {"value": "1s"}, "text2": " world "}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees("enablex"), st.sampled_from(["json", "yaml"]))
@example({"text": "0", "silence": {"type": "leading", "value": "0.0s"}}, "json")  # hypothesis
def test_render_then_import_gives_the_same_tree(tree: dict[str, Any], fmt: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        ssml = render_ssml(tree)
        path = os.path.join(folder, "prompt.ssml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(ssml)
        assert main(["import", path, "--format", fmt]) == 0
        with open(os.path.join(folder, f"prompt.{fmt}"), "rb") as handle:
            document = load_bytes(handle.read(), fmt).document  # type: ignore[arg-type]
    assert document == as_written(tree)  # a silence in fractions of a second: whole ms
    assert document == parse_ssml(ssml)  # the same reader as parse_ssml


def test_render_reads_an_ssml_file_as_lint_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    azure = GOOD.replace(
        "<speak>",
        '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en-US">',
    )
    path = write(tmp_path, "welcome.ssml", azure)
    assert main(["render", path, "--target", "w3c", "--voice", "male"]) == 0
    assert capsys.readouterr().out == (
        '<speak xmlns="http://www.w3.org/2001/10/synthesis" version="1.1" xml:lang="en-US">'
        '<voice gender="male">Hi <break time="1s"/> there</voice></speak>\n'
    )
    broken = write(tmp_path, "broken.ssml", AUDIO)
    assert main(["render", broken]) == 1
    assert f"{broken}:2:3: TTS511" in capsys.readouterr().err


GOOGLE = '<speak><voice name="en-US-Wavenet-F"><prosody rate="130%">Hi</prosody></voice></speak>'


def test_a_dialect_is_read_as_that_platform_means_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Google's rate 130% is 1.3x normal speed (docs/platforms.md), Azure's would be +130%:
    # read as Azure, `render --target google` wrote it back as 230%.
    path = write(tmp_path, "google.ssml", GOOGLE)
    assert main(["import", path, "--dialect", "google", "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out) == {"prosody": {"rate": "+30%", "text": "Hi"}}
    assert main(["render", path, "--dialect", "google", "--target", "google"]) == 0
    assert capsys.readouterr().out == GOOGLE + "\n"
    assert main(["render", path, "--dialect", "google", "--target", "azure"]) == 0
    assert 'rate="+30%"' in capsys.readouterr().out


def test_polly_digits_and_decibels_come_back_as_the_trees_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path,
        "polly.ssml",
        '<speak><prosody volume="+6dB">Call</prosody>'
        '<say-as interpret-as="digits">12</say-as></speak>',
    )
    assert main(["import", path, "--dialect", "azure", "-o", "-"]) == 1  # not Azure's
    capsys.readouterr()
    assert main(["import", path, "--dialect", "polly", "-o", "-"]) == 0
    tree = json.loads(capsys.readouterr().out)
    # +6 dB is a factor of 10^(6/20) = 1.99526: +99.5262315%.
    assert tree["prosody"]["volume"].startswith("+99.526")
    assert tree["say-as"] == {"interpret-as": "number_digit", "text": "12"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees("enablex"), st.sampled_from(["azure", "w3c", "polly", "google"]))
def test_each_targets_rendering_imported_in_its_dialect_renders_the_same(
    tree: dict[str, Any], target: str
) -> None:
    import tempfile

    ssml = render_ssml(tree, target)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "prompt.ssml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(ssml)
        assert main(["import", path, "--dialect", target]) == 0
        with open(os.path.join(folder, "prompt.json"), "rb") as handle:
            document = load_bytes(handle.read(), "json").document
    assert render_ssml(document, target) == ssml
    assert document == parse_ssml(ssml, target=target)  # the same reader as parse_ssml


def test_the_tree_file_never_replaces_the_ssml_file_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An SSML file named .json: its tree file is its own name. With --force it was
    # replaced by the tree, and the SSML was gone.
    path = write(tmp_path, "welcome.json", GOOD)
    assert main(["import", path, "--force"]) == 2
    assert "would replace the SSML file itself" in capsys.readouterr().err
    assert (tmp_path / "welcome.json").read_text(encoding="utf-8") == GOOD
    assert main(["import", path, "--force", "--format", "yaml"]) == 0
    assert (tmp_path / "welcome.json").read_text(encoding="utf-8") == GOOD


def test_standard_input_named_twice_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # It was read twice: the tree, then "-:1:1: TTS504 the file is empty", status 1.
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    assert main(["import", "-", "-"]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == (
        "",
        "ttsbuilder import: error: - (standard input) can be read once: name it once\n",
    )
