"""``ttsbuilder schema KIND``: print the published JSON Schema of a kind, or the catalog.

The same documents as ``ttsbuilder/schemas/*.schema.json`` in the repository, for editors and for
tools such as check-jsonschema. ``ttsbuilder schema catalog`` prints the schema catalog
(``ttsbuilder/schemas/catalog.json``, SchemaStore's format).

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

HELP = "print the published JSON Schema of a kind, or the schema catalog"

#: The argument that prints the catalog instead of a schema.
CATALOG = "catalog"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the schema arguments to ``parser``."""
    from ttsbuilder.profiles import PROFILES
    from ttsbuilder.published import SCHEMA_KINDS

    parser.add_argument(
        "kind",
        metavar="KIND",
        choices=(*SCHEMA_KINDS, CATALOG),
        help=f"{', '.join(SCHEMA_KINDS)}, or {CATALOG} for the schema catalog",
    )
    parser.add_argument(
        "--profile",
        choices=tuple(PROFILES),
        default="enablex",
        help="the limits the schema encodes (default: enablex)",
    )


def run(args: argparse.Namespace) -> int:
    """Print the schema of ``args.kind`` (or the catalog); 2 for an unknown kind."""
    from ttsbuilder.errors import TTSBuilderError
    from ttsbuilder.published import catalog, schema

    try:
        published = catalog() if args.kind == CATALOG else schema(args.kind, args.profile)
    except TTSBuilderError as exc:
        print(f"ttsbuilder schema: error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(json.dumps(published, indent=2, ensure_ascii=False) + "\n")
    return 0
