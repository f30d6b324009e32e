"""The pre-commit hooks, run by a real ``pre-commit`` on a temporary repository.

``pre-commit try-repo`` installs this working tree into a fresh environment with pip,
as a user's ``repo:`` entry would; pip fetches the dependencies from the package
registry (about 20 s here).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent))


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is a dev dependency")
def test_hooks_lint_and_fix_in_another_repository(tmp_path: Path) -> None:
    assert PRE_COMMIT is not None
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "bad.json").write_text('{"text": "Hi", "break": {"value": "9s"}}\n')
    (repo / "alias.yaml").write_text("# greeting\ntext: Hi\nbreak: {time: 1s}  # pause\n")
    (repo / "notes.txt").write_text("not a prompt\n")
    git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never"}
    # try-repo commits a dirty checkout to a shadow repository: it needs an identity even
    # on a machine with no git configuration.
    for role in ("AUTHOR", "COMMITTER"):
        env.setdefault(f"GIT_{role}_NAME", "ttsbuilder tests")
        env.setdefault(f"GIT_{role}_EMAIL", "tests@example.invalid")
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run(
        [PRE_COMMIT, "try-repo", str(ROOT), "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "bad.json:1:26: TTS202 error '9s' is too long" in output
    # try-repo runs every hook of .pre-commit-hooks.yaml: the fix hook, then the lint hook.
    assert "alias.yaml:3:9: fixed TTS105 renamed 'time' to 'value'" in output
    assert "files were modified by this hook" in output
    assert "alias.yaml:3:9: TTS105" not in output
    assert "notes.txt" not in output
    assert (
        repo / "alias.yaml"
    ).read_text() == "# greeting\ntext: Hi\nbreak: {value: 1s}  # pause\n"
    assert (repo / "bad.json").read_text() == '{"text": "Hi", "break": {"value": "9s"}}\n'
