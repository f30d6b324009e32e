"""The ``ttsbuilder`` command: a dispatcher that imports a subcommand only when it runs.

Each subcommand is a module ``ttsbuilder.cli.<name>`` with ``HELP`` (one line),
``configure(parser)`` and ``run(args) -> int``. Their names and help lines are known
here statically, so ``ttsbuilder --help`` and ``ttsbuilder --version`` import nothing
but ``ttsbuilder._version``.

>>> main(["--version"])  # doctest: +ELLIPSIS
ttsbuilder ...
0
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from ttsbuilder._version import __version__

if TYPE_CHECKING:
    import argparse

__all__ = ["COMMANDS", "main"]

#: Subcommand name → one-line help (kept equal to each module's ``HELP`` by a test).
COMMANDS: dict[str, str] = {
    "lint": "check prompt files (JSON, YAML, SSML) and report problems with line and column",
    "render": "print the SSML of a prompt file; problems go to standard error",
    "schema": (
        "print the published JSON Schema of a kind, the schema catalog, or the OpenAPI document"
    ),
    "preview": "speak a prompt offline with eSpeak NG into a WAV file, and show its timeline",
    "lsp": "run the language server for prompt files (JSON, YAML) over standard input and output",
    "import": "convert SSML prompt files (.ssml, .xml) to tree files (JSON or YAML)",
    "rule": "explain a rule: what it checks, why, whether --fix repairs it, and its examples",
    "studio": "edit, check, fix, render and hear prompt files in a local web page",
    "stats": "report each prompt's size, billable characters and pauses per platform",
}

#: Exit status for a usage or I/O error (see docs/cli.md).
USAGE_ERROR = 2


def _parser_class() -> type[argparse.ArgumentParser]:
    import argparse

    class Parser(argparse.ArgumentParser):
        """An argument parser whose usage errors are one line (and exit 2)."""

        def error(self, message: str) -> NoReturn:
            self.exit(USAGE_ERROR, f"{self.prog}: error: {message} (see --help)\n")

    return Parser


def _command_in(argv: Sequence[str]) -> str | None:
    for arg in argv:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``ttsbuilder`` with ``argv`` (default: the process arguments); return the exit status.

    0: no errors; 1: problems found; 2: usage or I/O error (a closed or full standard
    output too); 141: standard output's reader went away. Never a traceback, unless
    ``TTSBUILDER_DEBUG=1`` asks for the one of an internal error (docs/cli.md).
    """
    from ttsbuilder.cli import _streams

    args = list(sys.argv[1:] if argv is None else argv)
    with _streams.guarded() as stdout:
        try:
            status = _run(args)
            stdout.flush()  # a full disk shows here, not in the interpreter's last flush
        except _streams.OutputError as error:
            return _streams.failed(error)
        if stdout.failures:  # raised, but swallowed on the way (argparse's --help does)
            return _streams.failed(stdout.failures[0])
    return status


def _run(args: list[str]) -> int:
    from ttsbuilder.cli._streams import OutputError, debugging, say

    try:
        if args in (["--version"], ["-V"]):
            print(f"ttsbuilder {__version__}")
            return 0
        return _dispatch(args)
    except SystemExit as exc:  # argparse's --help and usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except KeyboardInterrupt:
        say("ttsbuilder: interrupted")
        return 130
    except OutputError:
        raise
    except Exception as exc:  # the last line of defence: one line, never a traceback
        from ttsbuilder._output import printable
        from ttsbuilder.errors import TTSBuilderError

        if isinstance(exc, (TTSBuilderError, OSError)):
            say(printable(f"ttsbuilder: error: {exc}"))
            return USAGE_ERROR
        if debugging():
            import traceback

            with contextlib.suppress(OSError, ValueError):
                traceback.print_exc()
        what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        hint = "" if debugging() else " (TTSBUILDER_DEBUG=1 shows the traceback)"
        say(printable(f"ttsbuilder: internal error: {what}{hint}"))
        return USAGE_ERROR


def _dispatch(args: list[str]) -> int:
    import importlib

    parser = _parser_class()(
        prog="ttsbuilder",
        description="Build, validate, render and lint Voice API text-to-speech prompts.",
        epilog="Exit status: 0 no errors, 1 problems found, 2 usage or I/O error (or a bug: "
        "TTSBUILDER_DEBUG=1 shows its traceback), 141 output pipe closed. See docs/cli.md.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"ttsbuilder {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=type(parser))
    chosen = _command_in(args)
    module = None
    for name, help_line in COMMANDS.items():
        sub = commands.add_parser(name, help=help_line, description=help_line)
        if name == chosen:
            try:
                module = importlib.import_module(f"ttsbuilder.cli.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"ttsbuilder.cli.{name}":
                    raise
                print(f"ttsbuilder: the {name} command is not installed", file=sys.stderr)
                return USAGE_ERROR
            module.configure(sub)
    namespace = parser.parse_args(args)
    if module is None:
        parser.print_help(sys.stderr)
        return USAGE_ERROR
    status: int = module.run(namespace)
    return status
