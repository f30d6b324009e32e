"""``ttsbuilder schema KIND``: print the published JSON Schema of a kind.

The same files as ``schemas/*.schema.json`` in the repository, for editors and for
tools such as check-jsonschema.

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> configure(parser)
>>> parser.parse_args(["play"]).kind
'play'
"""

from __future__ import annotations

import argparse
import json
import sys

__all__ = ["HELP", "configure", "run"]

HELP = "print the published JSON Schema of a kind"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the schema arguments to ``parser``."""
    parser.add_argument("kind", metavar="KIND", help="tts, play, dial-out, connect, ...")


def run(args: argparse.Namespace) -> int:
    """Print the schema of ``args.kind``; 2 for an unknown kind."""
    from ttsbuilder.errors import TTSBuilderError
    from ttsbuilder.schemas import schema

    try:
        published = schema(args.kind)
    except TTSBuilderError as exc:
        print(f"ttsbuilder schema: error: {exc}", file=sys.stderr)
        return 2
    text = published if isinstance(published, str) else json.dumps(published, indent=2)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
