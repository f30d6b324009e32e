"""Standard output that fails, and internal errors: real processes, real streams (issue 10.8).

Each way standard output can fail gets one line on standard error and the status
docs/cli.md documents, never a traceback: closed (``>&-``), full (``> /dev/full``), a pipe
with no reader (``| (exec 0<&-; true)``), for every command that prints.
"""

from __future__ import annotations

import importlib.util
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

HI = '{"text": "Hi"}\n'
CLOSED = "ttsbuilder: error: cannot write to standard output: it is closed\n"
FULL = "ttsbuilder: error: cannot write to standard output: No space left on device\n"
TTSBUILDER = (sys.executable, "-m", "ttsbuilder")

needs_preview = pytest.mark.skipif(
    importlib.util.find_spec("espeakng_loader") is None, reason="needs the preview extra"
)
COMMANDS = [
    pytest.param(["--version"], id="version"),
    pytest.param(["--help"], id="help"),  # argparse swallows the error: reported all the same
    pytest.param(["lint", "--help"], id="lint-help"),
    pytest.param(["render", "hi.json"], id="render"),
    pytest.param(["schema", "play"], id="schema"),
    pytest.param(["rule", "TTS101"], id="rule"),
    pytest.param(["lint", "--fix", "-"], id="lint-fix-stdin"),
    pytest.param(["lint", "bad.json"], id="lint"),
    pytest.param(["preview", "hi.json", "-o", "-"], id="preview", marks=needs_preview),
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "hi.json").write_text(HI)
    (tmp_path / "bad.json").write_text('{"text": "Hi", "text": "again"}\n')
    return tmp_path


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "TTSBUILDER_DEBUG"}
    return {**env, **extra}


def _run(argv: list[str], folder: Path, stdout: int, **env: str) -> tuple[int, str]:
    with open(folder / "hi.json", "rb") as stdin:
        done = subprocess.run(
            [*TTSBUILDER, *argv],
            cwd=folder,
            stdin=stdin,
            stdout=stdout,
            stderr=subprocess.PIPE,
            env=_env(**env),
            timeout=120,
            check=False,
        )
    return done.returncode, done.stderr.decode()


@pytest.mark.parametrize("argv", COMMANDS)
def test_a_closed_standard_output_is_one_line_and_status_2(folder: Path, argv: list[str]) -> None:
    # What the shell does for `ttsbuilder ... >&-`: the process starts with no descriptor 1.
    done = subprocess.run(
        ["sh", "-c", 'exec "$@" >&- <hi.json', "sh", *TTSBUILDER, *argv],
        cwd=folder,
        stderr=subprocess.PIPE,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr.decode()) == (2, CLOSED)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("argv", COMMANDS)
def test_a_full_standard_output_is_one_line_and_status_2(folder: Path, argv: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        assert _run(argv, folder, full.fileno()) == (2, FULL)


@pytest.mark.parametrize("argv", COMMANDS)
def test_a_pipe_whose_reader_went_away_ends_quietly_with_141(folder: Path, argv: list[str]) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader has gone before the first write: EPIPE, every time
    try:
        assert _run(argv, folder, write) == (141, "")
        # Asked for, the reason is one line.
        status, err = _run(argv, folder, write, TTSBUILDER_DEBUG="1")
        assert (status, err) == (
            141,
            "ttsbuilder: standard output's reader went away (broken pipe)\n",
        )
    finally:
        os.close(write)


def test_the_shell_reproducer(folder: Path) -> None:
    command = shlex.join(TTSBUILDER)
    done = subprocess.run(
        ["bash", "-c", f"{command} --version | (exec 0<&-; sleep 1); echo ${{PIPESTATUS[0]}}"],
        cwd=folder,
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
        check=False,
    )
    assert done.stderr == ""
    assert done.stdout.strip() in ("141", "0")  # 0 if the reader had not gone yet


def test_a_closed_standard_error_does_not_spill_onto_standard_output(folder: Path) -> None:
    done = subprocess.run(
        ["sh", "-c", 'exec "$@" 2>&-', "sh", *TTSBUILDER, "render", "missing.json"],
        cwd=folder,
        capture_output=True,
        env=_env(),
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, b"")


BUG = (
    "import sys, ttsbuilder.cli.schema as schema\n"
    "def run(args): return {}['boom']\n"
    "schema.run = run\n"
    "from ttsbuilder.cli import main\n"
    "sys.exit(main(['schema', 'play']))\n"
)


def test_an_internal_error_is_one_line_and_its_traceback_is_there_when_asked(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", BUG], capture_output=True, text=True, env=_env(), timeout=60
    )
    assert (done.returncode, done.stderr) == (
        2,
        "ttsbuilder: internal error: KeyError: 'boom' (TTSBUILDER_DEBUG=1 shows the traceback)\n",
    )
    done = subprocess.run(
        [sys.executable, "-c", BUG],
        capture_output=True,
        text=True,
        env=_env(TTSBUILDER_DEBUG="1"),
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("Traceback (most recent call last):\n")
    assert "in run\n" in done.stderr
    assert done.stderr.endswith("ttsbuilder: internal error: KeyError: 'boom'\n")


def test_an_internal_error_with_no_message_still_names_itself(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # What a memory cap made of the preview: "internal error: " and nothing after it.
    import ttsbuilder.cli.schema as schema
    from ttsbuilder.cli import main

    def run(args: object) -> int:
        raise MemoryError

    monkeypatch.delenv("TTSBUILDER_DEBUG", raising=False)
    monkeypatch.setattr(schema, "run", run)
    assert main(["schema", "play"]) == 2
    assert capsys.readouterr().err == (
        "ttsbuilder: internal error: MemoryError (TTSBUILDER_DEBUG=1 shows the traceback)\n"
    )
