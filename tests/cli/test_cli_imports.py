"""Each command imports only what it uses (checked in a fresh interpreter, per command)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("lxml", "jsonschema", "referencing", "ruamel", "hypothesis", "concurrent")

PROBE = """
import contextlib, io, json, sys
from ttsbuilder.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    main(sys.argv[1:])
print(json.dumps(sorted(sys.modules)))
"""


def loaded(*argv: str, cwd: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=True, cwd=cwd
    )
    return set(json.loads(done.stdout))


def top(modules: set[str]) -> set[str]:
    return {name for name in HEAVY for m in modules if m == name or m.startswith(name + ".")}


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["-V"]])
def test_version_and_help_import_only_the_version(tmp_path: Path, argv: list[str]) -> None:
    ours = {m for m in loaded(*argv, cwd=tmp_path) if m.startswith("ttsbuilder")}
    # _streams: the guard on standard output (standard library only), --version too.
    assert ours == {
        "ttsbuilder",
        "ttsbuilder._version",
        "ttsbuilder.cli",
        "ttsbuilder.cli._streams",
    }


def test_schema_imports_no_parser_or_validator(tmp_path: Path) -> None:
    modules = loaded("schema", "play", cwd=tmp_path)
    assert top(modules) == set()
    assert not any(m.startswith("ttsbuilder.ssml") for m in modules)


def test_lint_of_json_imports_no_yaml_or_xml(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"text": "Hi", "text": "again"}')
    assert top(loaded("lint", "a.json", cwd=tmp_path)) == set()
    (tmp_path / "b.yaml").write_text("text: Hi\n")
    assert top(loaded("lint", "a.json", "b.yaml", cwd=tmp_path)) == {"ruamel"}
