"""``ttsbuilder studio [PATH...]``: a local prompt studio in the browser.

    ttsbuilder studio prompts/
    ttsbuilder studio welcome.json menu.yaml --port 8765 --no-browser

Serves the studio on 127.0.0.1, prints its URL (with the session's token) as the first
line on standard output, and opens the browser unless ``--no-browser``. Stops on
Ctrl-C or SIGTERM. Exit codes: 0 stopped, 2 a usage error (a missing path, a port in use) or
the ``studio`` extra is missing. See docs/studio.md.
"""

from __future__ import annotations

import argparse
import sys

__all__ = ["HELP", "configure", "run"]

HELP = "edit, check, fix, render and hear prompt files in a local web page"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``studio`` arguments to ``parser``."""
    from ttsbuilder.profiles import PROFILES

    parser.add_argument(
        "paths", metavar="PATH", nargs="*", help="files and folders to serve (default: .)"
    )
    parser.add_argument(
        "--port", type=int, default=0, help="the port on 127.0.0.1 (default: any free one)"
    )
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    parser.add_argument(
        "--profile", choices=tuple(PROFILES), default="enablex", help="limits to check"
    )


def run(args: argparse.Namespace) -> int:
    """Run ``ttsbuilder studio``; returns the exit code."""
    from ttsbuilder.errors import MissingExtraError, TTSBuilderError
    from ttsbuilder.studio.server import Studio

    if not 0 <= args.port <= 65535:
        print(f"ttsbuilder studio: --port {args.port} is not a port (0-65535)", file=sys.stderr)
        return 2
    try:
        from ttsbuilder._extras import require

        require("uvicorn", extra="studio", feature="ttsbuilder studio")
        require("starlette", extra="studio", feature="ttsbuilder studio")
        studio = Studio(args.paths or ["."], port=args.port, profile=args.profile)
    except MissingExtraError as exc:
        print(f"ttsbuilder studio: {exc}", file=sys.stderr)
        return 2
    except TTSBuilderError as exc:
        print(f"ttsbuilder studio: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(
            f"ttsbuilder studio: cannot listen on port {args.port}: {exc.strerror}", file=sys.stderr
        )
        return 2
    print(studio.url, flush=True)
    if not args.no_browser:
        import webbrowser

        webbrowser.open(studio.url)
    studio.serve()
    return 0
