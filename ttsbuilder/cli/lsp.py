"""``ttsbuilder lsp``: the language server for prompt files, over standard input and output.

An editor starts it and talks the Language Server Protocol to it; see docs/editors.md.
Settings come from ``[tool.ttsbuilder]`` in the nearest ``pyproject.toml`` and from the
editor (``initializationOptions`` or ``workspace/didChangeConfiguration``, key
``ttsbuilder``). Needs the ``lsp`` extra: ``pip install 'ttsbuilder[lsp]'``.

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> configure(parser)
>>> parser.parse_args(["--stdio"]).stdio
True
"""

from __future__ import annotations

import argparse

__all__ = ["HELP", "configure", "run"]

HELP = "run the language server for prompt files (JSON, YAML) over standard input and output"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the lsp options to ``parser``."""
    parser.epilog = (
        "The server reads [tool.ttsbuilder] (profile, kind, select, ignore, include) from "
        "the nearest pyproject.toml; editor settings under 'ttsbuilder' take precedence "
        "(and 'debounce', milliseconds to wait after a change). Set-up for VS Code, "
        "Neovim, Helix and Emacs: docs/editors.md."
    )
    parser.add_argument(
        "--stdio",
        action="store_true",
        help="talk over standard input and output (the default and only transport; "
        "accepted because editors pass it)",
    )


def run(args: argparse.Namespace) -> int:
    """Serve until the editor sends ``exit``; 0 after a ``shutdown``, else 1."""
    from ttsbuilder._extras import require

    require("pygls", extra="lsp", feature="ttsbuilder lsp")
    require("lsprotocol", extra="lsp", feature="ttsbuilder lsp")
    import contextlib
    import os
    import sys

    from ttsbuilder.lsp.server import serve

    # The protocol gets copies of the standard streams (the server closes its own on
    # exit); anything else printed meanwhile goes to standard error, not into the protocol.
    stdout = os.fdopen(os.dup(1), "wb")
    try:
        with os.fdopen(os.dup(0), "rb") as stdin, contextlib.redirect_stdout(sys.stderr):
            shut_down = serve(stdin, stdout)
    finally:
        with contextlib.suppress(OSError):  # the client may have closed its end already
            stdout.close()
    return 0 if shut_down else 1
