"""Voice and language values never reach eSpeak NG as paths (issue 10.1).

eSpeak NG opens ``<data>/voices/<name>`` for a voice name it does not know: before the
fix, ``--language`` or ``--voice`` with enough ``../`` made it read ``/etc/passwd``, print
its lines and segfault (exit 139), and ``/dev/zero`` made it hang. Each attack runs in a
subprocess with a timeout, so a crash or a hang fails the test instead of the run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ttsbuilder.errors import PreviewError
from ttsbuilder.preview import render
from ttsbuilder.preview.engine import get_engine

pytestmark = pytest.mark.usefixtures("engine_available")

#: Enough ``../`` to climb from any data folder to the root.
UP = "../" * 24
ATTACKS = [
    ("--language", UP + "etc/passwd", "not a BCP 47 tag"),
    ("--voice", UP + "etc/passwd", "voice"),
    ("--language", UP + "dev/zero", "not a BCP 47 tag"),
    ("--voice", UP + "dev/zero", "voice"),
    ("--voice", "../../../../../../x", "no voice"),  # short enough to be looked up
    ("--voice", "en-us+" + UP[:30] + "etc/passwd", "voice"),  # the variant part
    ("--voice", "en-us+../../../x", "no voice"),
    ("--voice", "/etc/passwd", "no voice"),
    ("--language", "en-US/../../../../etc/passwd", "not a BCP 47 tag"),
]


def _cli(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ttsbuilder", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env={**os.environ, "PYTHONFAULTHANDLER": ""},
    )


@pytest.mark.parametrize(("option", "value", "message"), ATTACKS)
def test_cli_refuses_paths_as_voice_or_language(
    option: str, value: str, message: str, tmp_path: Path
) -> None:
    (tmp_path / "hi.json").write_text('{"text": "hi"}', encoding="utf-8")
    done = _cli("preview", "hi.json", "-o", "o.wav", option, value, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("ttsbuilder preview: ")
    assert message in lines[0]
    assert "root:" not in done.stderr
    assert "Bad voice attribute" not in done.stderr
    assert not (tmp_path / "o.wav").exists()


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"text": "hi", "language": UP + "etc/passwd"}, "TTS405 error"),
        ({"text": "hi", "voice": UP + "etc/passwd"}, "TTS406 error"),
        ({"text": "hi", "voice": "female", "language": UP + "dev/zero"}, "TTS405 error"),
    ],
)
def test_cli_refuses_paths_inside_the_document(
    body: dict[str, str], code: str, tmp_path: Path
) -> None:
    (tmp_path / "play.json").write_text(json.dumps(body), encoding="utf-8")
    done = _cli("preview", "play.json", "-o", "o.wav", cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # the document has errors
    assert code in done.stderr
    assert "root:" not in done.stderr
    assert not (tmp_path / "o.wav").exists()


def test_library_raises_instead_of_killing_the_interpreter(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        from ttsbuilder.errors import PreviewError
        from ttsbuilder.preview import preview_wav
        for name in ("language", "voice"):
            try:
                preview_wav({{"text": "hi"}}, "o.wav", **{{name: {UP + "etc/passwd"!r}}})
            except PreviewError as error:
                print(type(error).__name__, error)
        print("alive")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "alive"
    assert done.stdout.count("PreviewError") == 2
    assert "root:" not in done.stderr


def test_listed_voices_still_work() -> None:
    voices = get_engine().voices
    assert {"en-us", "en", "es", "de", "cmn"} <= voices.voices
    assert render({"text": "hi"}, voice="en-us+f3").voice == "en-us+f3"
    assert render({"text": "hi"}, voice="EN-US").voice == "en-us"
    assert render({"text": "hi"}, language="es-419", voice="female").voice.endswith("+f3")


@pytest.mark.parametrize("voice", ["", "x" * 41, 5, b"en-us", "../en-us", "en-us+nope"])
def test_bad_voice_arguments_are_preview_errors(voice: object) -> None:
    with pytest.raises(PreviewError, match="voice"):
        render({"text": "hi"}, voice=voice)  # type: ignore[arg-type]


@pytest.mark.parametrize("language", ["", "english", "en_US", 7, "en-US\n", "../en"])
def test_bad_language_arguments_are_preview_errors(language: object) -> None:
    with pytest.raises(PreviewError, match="BCP 47"):
        render({"text": "hi"}, language=language)  # type: ignore[arg-type]


PROPERTY = textwrap.dedent(
    """
    from hypothesis import given, settings, strategies as st
    from ttsbuilder.errors import PreviewError
    from ttsbuilder.preview import render

    PIECES = st.sampled_from(["../", "/", "etc/passwd", "dev/zero", "+", "en-us", "f3", "\\x00",
                              "proc/self/mem", "..", "-", "!v/", "en", "%s", "\\\\"])
    VALUES = st.text(max_size=60) | st.lists(PIECES, max_size=20).map("".join)

    @settings(max_examples=300, deadline=None, database=None)
    @given(VALUES, VALUES)
    def check(voice, language):
        for options in ({"voice": voice}, {"language": language}):
            try:
                render({"text": "hi"}, **options)
            except PreviewError:
                pass

    check()
    print("no crash")
    """
)


def test_arbitrary_voice_and_language_strings_never_crash_or_hang(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROPERTY], capture_output=True, text=True, timeout=300, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "no crash"
    assert "root:" not in done.stderr
