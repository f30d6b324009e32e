"""``ttsbuilder schema KIND``: print the published JSON Schema of a kind.

The same documents as ``ttsbuilder/schemas/*.schema.json`` in the repository, for editors and for
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
    from ttsbuilder.profiles import PROFILES
    from ttsbuilder.published import SCHEMA_KINDS

    parser.add_argument("kind", metavar="KIND", choices=SCHEMA_KINDS, help=", ".join(SCHEMA_KINDS))
    parser.add_argument(
        "--profile",
        choices=tuple(PROFILES),
        default="enablex",
        help="the limits the schema encodes (default: enablex)",
    )


def run(args: argparse.Namespace) -> int:
    """Print the schema of ``args.kind``; 2 for an unknown kind."""
    from ttsbuilder.errors import TTSBuilderError
    from ttsbuilder.published import schema

    try:
        published = schema(args.kind, args.profile)
    except TTSBuilderError as exc:
        print(f"ttsbuilder schema: error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(json.dumps(published, indent=2, ensure_ascii=False) + "\n")
    return 0
