"""``--fix`` on real files: atomic, mode- and link-keeping, CRLF-keeping, idempotent, safe."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ttsbuilder._files import write_atomically
from ttsbuilder.lint import reading, runner
from ttsbuilder.lint.positions import CONTAINER, scan_json
from ttsbuilder.lint.runner import Job, lint_path

CRLF = '{\r\n  "text": "Hi",\r\n  "text1": "x",\r\n  "break": {"time": "1s"}\r\n}\r\n'
YAML = "# greeting\ntext: Hi   # first\ntext1: there\r\nbreak:\r\n  time: 1s # pause\r\n"


def fix(path: Path) -> tuple[str, ...]:
    report = lint_path(str(path), Job(fix=True))
    assert report.error is None
    return tuple(c.code for c in report.changes)


def test_crlf_and_comments_survive_and_a_second_fix_changes_nothing(tmp_path: Path) -> None:
    for name, text in (("a.json", CRLF), ("b.yaml", YAML)):
        path = tmp_path / name
        path.write_bytes(text.encode())
        assert fix(path) == ("TTS106", "TTS105")
        fixed = path.read_bytes()
        assert fixed == text.replace("text1", "text2").replace("time", "value").encode()
        assert fix(path) == ()
        assert path.read_bytes() == fixed


def test_mode_is_kept_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(CRLF)
    path.chmod(0o640)
    fix(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["a.json"]


def test_a_failed_rename_leaves_the_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.json"
    path.write_text(CRLF)

    def fail(source: str, target: str) -> None:
        assert Path(source).parent == tmp_path  # the temporary file is beside the target
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(reading.os, "replace", fail)
    report = lint_path(str(path), Job(fix=True))
    assert report.error is not None
    assert "cannot write the fix: No space left on device" in report.error
    assert report.changes == ()
    # The problems reported are the file's own, which is unchanged byte for byte.
    assert {p.code for p in report.problems} == {"TTS105", "TTS106"}
    assert path.read_bytes() == CRLF.encode()
    assert os.listdir(tmp_path) == ["a.json"]


def test_a_symbolic_link_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "shared.json"
    target.write_text(CRLF)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    fix(link)
    assert link.is_symlink()
    assert "text2" in target.read_text()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_only_regular_files_are_rewritten(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        write_atomically(str(fifo), b"{}")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    with pytest.raises(IsADirectoryError):
        write_atomically(str(tmp_path), b"{}")
    with pytest.raises(FileNotFoundError):
        write_atomically(str(tmp_path / "new.json"), b"{}")
    write_atomically(str(tmp_path / "new.json"), b"{}", create=True)
    assert (tmp_path / "new.json").read_bytes() == b"{}"


def spoken(text: str) -> list[object]:
    """Every scalar of the file in order, repeated keys included (what is spoken, and how)."""
    leaves = [m.leaf for m in scan_json(text)[0] if m.leaf is not CONTAINER]
    return [leaf.lower() if isinstance(leaf, str) else leaf for leaf in leaves]


names = st.sampled_from(["text", "text1", "text02", "text3", "break", "break1", "say_as"])
members = st.lists(st.tuples(names, st.sampled_from(["Hi", "there", "1s"])), max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(members, st.sampled_from(["\n", "\r\n"]))
def test_fix_keeps_speech_and_line_endings_and_is_idempotent(
    tmp_path: Path, pairs: list[tuple[str, str]], newline: str
) -> None:
    body = ("," + newline).join(
        f'  "{name}": '
        + (json.dumps({"value": value}) if name.startswith("break") else json.dumps(value))
        for name, value in pairs
    )
    text = "{" + newline + body + newline + "}" + newline
    path = tmp_path / "p.json"
    path.write_text(text, newline="")
    before = spoken(text)
    fix(path)
    after_text = path.read_bytes().decode()
    assert spoken(after_text) == before
    assert after_text.count("\r\n") == text.count("\r\n")
    assert fix(path) == ()
    assert path.read_bytes().decode() == after_text


def test_a_save_made_while_fixing_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"text1": "old"}')
    theirs = b'{"text1": "saved by someone else meanwhile"}'
    real = runner.lint_data

    def slow_fix(data: bytes, fmt: Any, job: Job, *rest: Any) -> runner.Linted:
        linted = real(data, fmt, job, *rest)
        path.write_bytes(theirs)  # an editor saves while the fix runs
        return linted

    monkeypatch.setattr(runner, "lint_data", slow_fix)
    report = lint_path(str(path), Job(fix=True))
    assert path.read_bytes() == theirs
    assert report.error is not None
    assert "changed while it was being fixed" in report.error
    assert report.changes == ()
    assert [p.code for p in report.problems] == ["TTS106"]  # the file as it was read
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_a_removed_file_is_not_recreated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"text1": "old"}')
    real = runner.lint_data

    def removed(data: bytes, fmt: Any, job: Job, *rest: Any) -> runner.Linted:
        linted = real(data, fmt, job, *rest)
        path.unlink()
        return linted

    monkeypatch.setattr(runner, "lint_data", removed)
    report = lint_path(str(path), Job(fix=True))
    assert report.error is not None
    assert list(tmp_path.iterdir()) == []


def test_a_hard_linked_file_is_not_split(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"text1": "x"}')
    other = tmp_path / "b.json"
    os.link(path, other)
    report = lint_path(str(path), Job(fix=True))
    assert report.error is not None
    assert "2 hard links" in report.error
    assert os.stat(path).st_ino == os.stat(other).st_ino
    assert path.read_text() == '{"text1": "x"}'
