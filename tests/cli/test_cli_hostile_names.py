"""Hostile file names and keys on disk, linted as a whole directory (issue 10.6 and 10.7).

A file name that forges a GitHub workflow command, one with ESC and BEL, one that is not
UTF-8, and a key with a lone surrogate: every format reports every file, in valid UTF-8
(standard output is strict UTF-8 here, as in a UTF-8 locale), one problem per line in
``text`` and ``github``, and the exact strings in ``json`` and ``sarif``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FORGED = "x\n::error file=evil.py,line=1::INJECTED\n.json"
CONTROLS = "bell\x07\x1b[31m.json"
NOT_UTF8 = os.fsdecode(b"bad\xff.json")  # 'bad\udcff.json'
BAD = '{"tex": "a", "text": "b"}\n'  # a prompt, so a directory walk checks it
SURROGATE = '{"te\\udfffxt": "a\\udfffb", "text": "c"}\n'  # legal JSON escapes


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    try:
        for name in (FORGED, CONTROLS, NOT_UTF8):
            (tmp_path / name).write_text(BAD)
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses such names")
    (tmp_path / "surrogate.json").write_text(SURROGATE)
    (tmp_path / "ok.json").write_text('{"text": "Hi"}\n')
    return tmp_path


def lint(
    folder: Path, output: str, path: str = ".", encoding: str = "utf-8"
) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONIOENCODING": f"{encoding}:strict"}
    env.pop("TTSBUILDER_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "ttsbuilder", "lint", "--format", output, path],
        cwd=folder,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stdout.decode(encoding), done.stderr.decode(encoding)


def _no_controls(text: str) -> bool:
    return not [c for c in text if c != "\n" and (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0)]


def test_text_shows_each_name_escaped_on_one_line(folder: Path) -> None:
    status, out, err = lint(folder, "text")
    assert (status, err) == (1, "")
    assert _no_controls(out)
    lines = out.splitlines()
    assert lines[-1] == "4 errors in 4 of 5 files"
    assert sorted(line.split(":1:2: ")[0] for line in lines[:-1]) == [
        "bad\\xff.json",
        "bell\\x07\\x1b[31m.json",
        "surrogate.json",
        "x\\n::error file=evil.py,line=1::INJECTED\\n.json",
    ]
    assert not [line for line in lines if line.startswith("::")]  # no forged command
    assert "unknown key 'te\\udfffxt'" in out


def test_github_forges_no_command_and_passes_no_control(folder: Path) -> None:
    status, out, err = lint(folder, "github")
    assert (status, err) == (1, "")
    assert _no_controls(out)
    lines = out.splitlines()
    assert len(lines) == 4
    assert all(line.startswith("::error file=") for line in lines)
    files = sorted(line.split(",line=")[0] for line in lines)
    assert files == [
        "::error file=bad\\xff.json",
        "::error file=bell\\x07\\x1b[31m.json",
        "::error file=surrogate.json",
        # GitHub's own escapes: its runner decodes them back to the real name.
        "::error file=x%0A%3A%3Aerror file=evil.py%2Cline=1%3A%3AINJECTED%0A.json",
    ]


def test_json_and_sarif_report_every_file_with_its_exact_name(folder: Path) -> None:
    status, out, err = lint(folder, "json")
    assert (status, err) == (1, "")
    items = json.loads(out)
    assert sorted(item["path"] for item in items) == sorted(
        [NOT_UTF8, CONTROLS, "surrogate.json", FORGED]
    )
    (surrogate,) = [item for item in items if item["path"] == "surrogate.json"]
    assert surrogate["pointer"] == "/te\udfffxt"
    # A reader gets back the bytes of the name: os.fsencode of what JSON holds.
    assert b"bad\xff.json" in [os.fsencode(item["path"]) for item in items]

    status, out, err = lint(folder, "sarif")
    assert (status, err) == (1, "")
    log = json.loads(out)
    uris = sorted(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    )
    assert uris == [
        "bad%FF.json",
        "bell%07%1B%5B31m.json",
        "surrogate.json",
        "x%0A%3A%3Aerror%20file%3Devil.py%2Cline%3D1%3A%3AINJECTED%0A.json",
    ]


@pytest.mark.skipif(
    importlib.util.find_spec("espeakng_loader") is None, reason="needs the preview extra"
)
def test_the_preview_timeline_shows_a_bidi_override_as_an_escape(tmp_path: Path) -> None:
    # U+202E would reverse what follows it on the reader's screen ("Trojan source").
    (tmp_path / "bidi.json").write_text('{"text": "pay \\u202e001$"}')
    done = subprocess.run(
        [sys.executable, "-m", "ttsbuilder", "preview", "bidi.json", "--timeline"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert '"pay \\u202e001$"' in done.stdout
    assert "\u202e" not in done.stdout


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_terminal_that_is_not_utf8_gets_escapes_not_a_failed_report(
    tmp_path: Path, encoding: str
) -> None:
    (tmp_path / "u.json").write_text('{"text": "a", "tëxt→😀": "a"}', encoding="utf-8")
    outputs = {}
    for output in ("text", "json", "sarif", "github"):
        status, outputs[output], err = lint(tmp_path, output, "u.json", encoding)
        assert (status, err) == (1, "")
    shown = {"ascii": "t\\u00ebxt", "latin-1": "tëxt"}[encoding] + "\\u2192\\ud83d\\ude00"
    assert f"unknown key '{shown}'" in outputs["text"]
    assert "\\u2192\\ud83d\\ude00" in outputs["github"]
    # The escapes are JSON's own: a parser reads back the exact key.
    assert json.loads(outputs["json"])[0]["pointer"] == "/tëxt→😀"
    json.loads(outputs["sarif"])


def _run(folder: Path, *argv: str) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    env.pop("TTSBUILDER_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "ttsbuilder", *argv],
        cwd=folder,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stdout.decode(), done.stderr.decode()


# A name that forges a second report line, and one that reverses what follows it.
NEWLINE = "x\nfake.json polly: 0 characters spoken"
BIDI = "pay\u202etxt.json"


@pytest.mark.parametrize("name", [NEWLINE, BIDI])
def test_stats_and_import_show_each_name_escaped_on_one_line(tmp_path: Path, name: str) -> None:
    # Found by the SSML/targets trial: lint escaped names, stats, import and preview did not.
    try:
        (tmp_path / name).write_text('{"text": "Hi"}\n')
        (tmp_path / (name + ".ssml")).write_text("<speak>Hi</speak>")
        (tmp_path / (name + ".bad.ssml")).write_text("<speak><audio/></speak>")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses such names")
    shown = name.replace("\n", "\\n").replace("\u202e", "\\u202e")
    status, out, err = _run(tmp_path, "stats", name, "--target", "polly")
    assert (status, err) == (0, "")
    counts = "2 characters spoken, 2 billable, 17 bytes of SSML, 0 breaks, 0 s of pauses"
    assert out == f"{shown} polly: {counts}\n"
    status, out, err = _run(tmp_path, "stats", name + ".missing")
    assert (status, out) == (2, "")
    assert err == f"ttsbuilder stats: error: {shown}.missing: no such file or directory\n"
    status, out, err = _run(tmp_path, "import", name + ".ssml", name + ".bad.ssml")
    assert status == 1
    assert out == f"{shown}.ssml -> {shown}.json\n"
    assert err.splitlines()[-1] == f"ttsbuilder import: {shown}.bad.ssml: not converted"
    assert _no_controls(out + err)
    assert "\u202e" not in out + err


@pytest.mark.skipif(
    importlib.util.find_spec("espeakng_loader") is None, reason="needs the preview extra"
)
def test_the_preview_summary_shows_the_name_escaped(tmp_path: Path) -> None:
    try:
        (tmp_path / NEWLINE).write_text('{"text": "Hi"}\n')
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses such names")
    status, out, err = _run(tmp_path, "preview", NEWLINE)
    assert (status, err) == (0, "")
    assert out.startswith("x\\nfake.json polly: 0 characters spoken: ")
    assert out.count("\n") == 1
