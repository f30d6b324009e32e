"""The dispatcher: static help, lazy subcommands, a fast ``--version``."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

from ttsbuilder import __version__
from ttsbuilder.cli import COMMANDS, main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"ttsbuilder {__version__}\n"


def test_version_imports_nothing_but_the_version_module() -> None:
    code = (
        "import sys; from ttsbuilder.cli import main; main(['--version']); "
        "import json; names = [m for m in sys.modules if m.startswith('ttsbuilder')]; "
        "print(json.dumps(sorted(names)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(done.stdout.splitlines()[-1])
    # _streams guards standard output with the standard library only.
    assert loaded == [
        "ttsbuilder",
        "ttsbuilder._version",
        "ttsbuilder.cli",
        "ttsbuilder.cli._streams",
    ]


def test_help_lists_commands_without_importing_them(capsys: pytest.CaptureFixture[str]) -> None:
    for name in COMMANDS:
        sys.modules.pop(f"ttsbuilder.cli.{name}", None)
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out
        assert f"ttsbuilder.cli.{name}" not in sys.modules


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_module_keeps_the_contract(name: str) -> None:
    module = importlib.import_module(f"ttsbuilder.cli.{name}")
    assert COMMANDS[name] == module.HELP
    assert callable(module.configure)
    assert callable(module.run)


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["nonsense"]) == 2
    assert "invalid choice" in capsys.readouterr().err
