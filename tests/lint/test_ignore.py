"""``.gitignore`` semantics, checked against git itself (``git ls-files --others``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ttsbuilder.lint.discovery import discover
from ttsbuilder.lint.ignore import IgnoreFile

GIT = shutil.which("git")

SEGMENTS = ["a", "b", "ab", "*", "?", "a*", "*b", "[ab]", "[!a]", "[^b]", "[a-b]", "**"]
# Not "a**": gitignore(5) calls it two plain stars, but git 2.39 lets "a**/b" match "ab"
# (its "**/" may match nothing, slash included); ttsbuilder follows the documentation.
SEGMENTS += ["*.json", "b?", "\\a"]
DIRS = ["a", "b", "ab", "ba"]
LEAVES = ["a.json", "b.json", "ab.json", "a.yml", "x.json"]


@st.composite
def patterns(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=3))
    line = "/".join(parts)
    if draw(st.booleans()):
        line = "/" + line
    if draw(st.booleans()):
        line += "/"
    if draw(st.integers(0, 4)) == 0:
        line = "!" + line
    return line


@st.composite
def trees(draw: st.DrawFn) -> dict[str, str]:
    """File paths → contents: some prompt-ish files and some .gitignore files."""
    files: dict[str, str] = {}
    for _ in range(draw(st.integers(1, 8))):
        folders = draw(st.lists(st.sampled_from(DIRS), max_size=3))
        files["/".join([*folders, draw(st.sampled_from(LEAVES))])] = "{}"
    folders_used = {"/".join(p.split("/")[:i]) for p in files for i in range(p.count("/") + 1)}
    for folder in sorted(folders_used):
        if draw(st.booleans()):
            lines = draw(st.lists(patterns(), min_size=1, max_size=4))
            files[f"{folder}/.gitignore" if folder else ".gitignore"] = "\n".join(lines) + "\n"
    return files


def _git(repo: str, *args: str) -> str:
    assert GIT is not None
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    done = subprocess.run(
        [GIT, *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.mark.skipif(GIT is None, reason="needs git")
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(trees())
def test_the_walk_skips_what_git_ignores(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as repo:
        conflict = False
        for name, text in files.items():
            path = Path(repo, name)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text)
            except (FileExistsError, NotADirectoryError, IsADirectoryError):
                conflict = True  # a name drawn both as a folder and a file
        if conflict:
            return
        _git(repo, "init", "-q")
        listed = _git(repo, "ls-files", "--others", "--exclude-standard").splitlines()
        kept_by_git = {p for p in listed if not p.endswith(".gitignore")}
        ours = {
            os.path.relpath(p, repo).replace(os.sep, "/")
            for p in discover([repo], include=["*.json", "*.yml"])
        }
        assert ours == kept_by_git, files


def test_info_exclude_and_nested_gitignore_files(tmp_path: Path) -> None:
    if GIT is None:
        pytest.skip("needs git")
    _git(str(tmp_path), "init", "-q")
    (tmp_path / ".git" / "info").mkdir(exist_ok=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("local.json\n")
    (tmp_path / ".gitignore").write_text("generated/\n*.tmp.json\n")
    for name in ("a.json", "local.json", "x.tmp.json", "generated/g.json", "sub/keep.tmp.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}")
    (tmp_path / "sub" / ".gitignore").write_text("!keep.tmp.json\n")
    found = {os.path.relpath(p, tmp_path) for p in discover([str(tmp_path)])}
    assert found == {"a.json", os.path.join("sub", "keep.tmp.json")}
    # Walking from a sub-folder, the work tree's .gitignore files still apply.
    (tmp_path / "sub" / "drop.tmp.json").write_text("{}")
    found = {os.path.basename(p) for p in discover([str(tmp_path / "sub")])}
    assert found == {"keep.tmp.json"}


def test_a_hostile_gitignore_costs_no_time() -> None:
    rules = IgnoreFile.parse("", "*a" * 30 + "*b\n" + "**/" * 50 + "z\nx/" + "*/**/" * 50 + "z\n")
    start = time.perf_counter()
    assert rules.match("a" * 5000, False) is None
    assert rules.match("/".join(["q"] * 500), False) is None
    assert rules.match("x/" + "/".join(["q"] * 500) + "/y", False) is None
    assert time.perf_counter() - start < 2  # exponential backtracking would take years


def test_pattern_forms() -> None:
    rules = IgnoreFile.parse(
        "",
        "# a comment\n\\#literal.json\nspaced.json   \nescaped\\ \n/only-top.json\n"
        "deep/**/x.json\nlogs/**\n[z-a].json\nunclosed[.json\n",
    )
    cases = {
        ("#literal.json", False): True,
        ("spaced.json", False): True,
        ("escaped ", False): True,
        ("only-top.json", False): True,
        ("sub/only-top.json", False): None,
        ("deep/x.json", False): True,
        ("deep/a/b/x.json", False): True,
        ("logs/a/b.json", False): True,
        ("logs", True): None,
        ("z.json", False): None,
        ("unclosed[.json", False): None,  # git: an unclosed bracket matches nothing
    }
    for (path, is_dir), expected in cases.items():
        assert rules.match(path, is_dir) is expected, path
