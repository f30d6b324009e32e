"""Inputs a demanding user throws at the commands: each gets a clear answer, never a hang.

Closed standard input, endless devices, FIFOs, files named twice, a broken pipe,
bad configuration files, unwritable outputs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ttsbuilder.cli import main
from ttsbuilder.lint import reading

BAD = '{"text": "Hi", "text": "there"}\n'
posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("command", "prefix"),
    [
        (["lint", "-"], "ttsbuilder lint: error: standard input: cannot read the file"),
        (["render", "-"], "ttsbuilder render: error: cannot read -"),
        (["preview", "-"], "ttsbuilder preview: cannot read <stdin>"),
    ],
)
def test_closed_standard_input_is_an_io_error(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    prefix: str,
) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # what Python makes of `ttsbuilder lint - <&-`
    status, out, err = run(command, capsys)
    assert status == 2
    assert err.startswith(prefix)
    assert "standard input is closed" in err
    assert "internal error" not in err
    # An unread file is not counted as a file without problems.
    assert "no problems in 1 file" not in out


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_device_is_too_large_not_a_hang(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["lint", "/dev/zero"], capsys)
    assert status == 1
    assert out.startswith("/dev/zero:1:1: TTS506 error the file is larger than 64 MiB")
    status, _, err = run(["render", "/dev/zero"], capsys)
    assert status == 2
    assert "too large to check" in err


def test_a_file_over_the_limit_is_a_problem_or_an_error_never_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 16)
    big = tmp_path / "big.json"
    big.write_text('{"text": "a long enough prompt"}')
    status, out, _ = run(["lint", str(big)], capsys)
    assert status == 1
    assert "TTS506 error the file is larger than 16 bytes" in out
    # Ignoring TTS506 must not turn an unchecked file into a clean one.
    status, out, err = run(["lint", "--ignore", "TTS506", str(big)], capsys)
    assert status == 2
    assert "too large to check" in err
    assert "no problems in 1 file" not in out


@posix_only
def test_a_fifo_without_a_writer_reads_as_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    status, out, _ = run(["lint", str(fifo)], capsys)
    assert status == 1
    assert "TTS504" in out
    # Found in a directory, a FIFO is not a prompt file at all.
    (tmp_path / "ok.json").write_text('{"text": "Hi"}')
    status, out, _ = run(["lint", str(tmp_path)], capsys)
    assert (status, out) == (0, "no problems in 1 file\n")


@posix_only
def test_a_fifo_with_a_writer_is_read(tmp_path: Path) -> None:
    done = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m ttsbuilder lint <(printf '%s' '{BAD.strip()}')"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert "TTS502" in done.stdout


def test_a_file_named_twice_is_linted_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bad.json").write_text(BAD)
    status, out, _ = run(["lint", "bad.json", "./bad.json", "."], capsys)
    assert status == 1
    assert out.count("TTS502") == 1
    assert out.endswith("1 error in 1 of 1 file\n")


def test_fixing_standard_input_always_echoes_the_text() -> None:
    for given, expected in (
        (b'{"text1": "a"}', b'{"text": "a"}'),
        (b'{"text": "already fine"}', b'{"text": "already fine"}'),
        (b"\xef\xbb\xbf{}", b"\xef\xbb\xbf{}"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "ttsbuilder", "lint", "--fix", "-"],
            input=given,
            capture_output=True,
            check=False,
        )
        # Standard output is the file, whole, and nothing else: the report goes to stderr.
        assert done.stdout == expected
        assert b"file" in done.stderr


def test_bad_configuration_files_are_one_line_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ok.json").write_text('{"text": "Hi"}')
    for table, message in (
        (b"[tool.ttsbuilder]\n\xff\xfe = 1\n", "cannot read the configuration"),
        (b'[tool.ttsbuilder]\njobs = "4"\n', "jobs must be an integer, got '4'"),
        (b'[tool.ttsbuilder]\nstrict = "yes"\n', "strict must be true or false, got 'yes'"),
        (b"[tool.ttsbuilder]\nkind = 3\n", "kind must be a string, got 3"),
        (b"[tool.ttsbuilder]\njobs = -1\n", "jobs must be at least 1"),
        (b'[tool.ttsbuilder]\nselect = ["TTS999"]\n', "unknown rule code or name: TTS999"),
    ):
        Path("pyproject.toml").write_bytes(table)
        status, out, err = run(["lint", "ok.json"], capsys)
        assert status == 2, table
        assert out == ""
        assert len(err.splitlines()) == 1
        assert message in err
        assert "internal error" not in err


def test_a_broken_pipe_ends_quietly(tmp_path: Path) -> None:
    for index in range(400):
        (tmp_path / f"p{index:03}.json").write_text(BAD)
    process = subprocess.Popen(
        [sys.executable, "-m", "ttsbuilder", "lint", "--jobs", "1", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    first = process.stdout.readline()  # like `| head -1`: read one line, then hang up
    process.stdout.close()
    err = process.stderr.read()
    process.stderr.close()
    status = process.wait(timeout=120)
    assert b"TTS502" in first
    assert b"Traceback" not in err
    assert b"BrokenPipeError" not in err
    assert err == b""  # quiet, like a shell tool stopped by SIGPIPE
    assert status == 141  # 128 + SIGPIPE (docs/cli.md)


def test_render_names_the_file_not_the_stdin_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(BAD)
    status, _, err = run(["render", str(path), "--stdin-filename", "other.json"], capsys)
    assert status == 1
    assert err.startswith(f"{path}:1:16: TTS502")


def test_render_of_a_catalog_lists_its_prompts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    two = tmp_path / "two.json"
    two.write_text('[{"text": "Hi"}, {"text": "Bye"}]')
    status, out, err = run(["render", str(two)], capsys)
    assert (status, out) == (2, "")
    assert err.endswith("holds 2 prompts (/0, /1): pick one with --pointer\n")
    # With an explicit kind, an array is a catalog of that kind: the same answer.
    status, out, err = run(["render", "--kind", "tts", str(two)], capsys)
    assert (status, out) == (2, "")
    assert err.endswith("holds 2 prompts (/0, /1): pick one with --pointer\n")
    status, out, _ = run(["render", "--kind", "tts", "--pointer", "/1", str(two)], capsys)
    assert status == 0
    assert ">Bye</voice>" in out
    many = tmp_path / "many.json"
    many.write_text("[" + ", ".join('{"text": "Hi"}' for _ in range(7)) + "]")
    status, _, err = run(["render", str(many)], capsys)
    assert err.endswith("holds 7 prompts (/0, /1, /2, /3, /4, ...): pick one with --pointer\n")
