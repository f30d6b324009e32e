"""The runner: discovery, parallel jobs, atomic fixes and the configuration table."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from ttsbuilder._files import write_atomically
from ttsbuilder.lint.config import ConfigError, find_config, load_config
from ttsbuilder.lint.discovery import discover
from ttsbuilder.lint.runner import PARALLEL_THRESHOLD, Job, lint_files


def tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_discovery_includes_excludes_and_skips_hidden(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "a.json": "{}",
            "sub/b.yaml": "",
            "sub/c.yml": "",
            "sub/notes.txt": "",
            ".git/d.json": "{}",
            "build/e.json": "{}",
        },
    )
    found = discover([str(tmp_path)], exclude=["build"])
    assert [os.path.relpath(f, tmp_path) for f in found] == ["a.json", "sub/b.yaml", "sub/c.yml"]
    only_yaml = discover([str(tmp_path)], include=["*.yaml"])
    assert [os.path.basename(f) for f in only_yaml] == ["b.yaml"]
    assert discover([str(tmp_path / "sub/notes.txt"), "-"]) == [
        str(tmp_path / "sub/notes.txt"),
        "-",
    ]


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        discover([str(tmp_path / "missing.json")])


def test_parallel_and_serial_runs_agree(tmp_path: Path) -> None:
    files = {
        f"p{i:03}.json": f'{{"text": "Hi", "break": {{"value": "{i % 7}s"}}}}'
        for i in range(PARALLEL_THRESHOLD + 10)
    }
    tree(tmp_path, files)
    paths = discover([str(tmp_path)])
    serial = list(lint_files(paths, jobs=1))
    parallel = list(lint_files(paths, jobs=2))
    assert serial == parallel
    too_long = sum(
        1 for i in range(PARALLEL_THRESHOLD + 10) if i % 7 >= 5
    )  # 5s and 6s are too long
    assert sum(1 for r in serial if r.problems) == too_long


def test_progress_is_reported(tmp_path: Path) -> None:
    tree(tmp_path, {"a.json": '{"text": "x"}', "b.json": '{"text": "y"}'})
    calls: list[tuple[int, int]] = []
    list(lint_files(discover([str(tmp_path)]), progress=lambda d, t: calls.append((d, t))))
    assert calls == [(1, 2), (2, 2)]


def test_fix_rewrites_atomically_keeping_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b'\xef\xbb\xbf{"break": {"time": "2s"}}\r\n')
    path.chmod(0o640)
    [report] = lint_files([str(path)], Job(fix=True))
    assert report.problems == ()
    assert [c.code for c in report.changes] == ["TTS105"]
    assert path.read_bytes() == b'\xef\xbb\xbf{"break": {"value": "2s"}}\r\n'
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["a.json"]


def test_an_unfixable_file_is_left_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    data = b'{"say-as": {"interpret-as": "number", "text": "1", "text": "2"}}  \n'
    path.write_bytes(data)
    before = path.stat().st_mtime_ns
    [report] = lint_files([str(path)], Job(fix=True))
    assert [p.code for p in report.problems] == ["TTS502"]
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == before


def test_write_atomically_replaces_the_content(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("old")
    write_atomically(str(path), b"new")
    assert path.read_text() == "new"


def test_config_table_is_read_and_checked(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ttsbuilder]\nprofile = "azure"\nstrict = true\nignore = "TTS108"\n'
    )
    (tmp_path / "sub").mkdir()
    found = find_config(str(tmp_path / "sub"))
    assert found == str(tmp_path / "pyproject.toml")
    assert load_config(found) == {"profile": "azure", "strict": True, "ignore": ["TTS108"]}
    (tmp_path / "pyproject.toml").write_text("[tool.ttsbuilder]\njobs = true\n")
    with pytest.raises(ConfigError, match="jobs must be an integer"):
        load_config(found)
    (tmp_path / "pyproject.toml").write_text("[tool.ttsbuilder\n")
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(found)


def test_a_bug_on_one_file_costs_only_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ttsbuilder.lint import runner

    real = runner.lint_data

    def buggy(data: bytes, format: Any, job: Any, *rest: Any) -> Any:
        if b"boom" in data:
            raise RuntimeError("boom")
        return real(data, format, job, *rest)

    monkeypatch.setattr(runner, "lint_data", buggy)
    for name, text in (
        ("a.json", '{"tex": "a", "text": "b"}'),
        ("b.json", '{"text": "boom"}'),
        ("c.json", "{}"),
    ):
        (tmp_path / name).write_text(text)
    reports = list(runner.lint_files(discover([str(tmp_path)]), jobs=1))
    assert [os.path.basename(r.path) for r in reports] == ["a.json", "b.json", "c.json"]
    assert [p.code for p in reports[0].problems] == ["TTS101"]
    assert reports[1].error == f"{tmp_path / 'b.json'}: internal error: RuntimeError: boom"
