"""``ttsbuilder schema KIND``: print a published JSON Schema, the catalog, or the OpenAPI document.

The same documents as ``ttsbuilder/schemas/*.schema.json`` in the repository, for editors and for
tools such as check-jsonschema. ``ttsbuilder schema catalog`` prints the schema catalog
(``ttsbuilder/schemas/catalog.json``, SchemaStore's format); ``ttsbuilder schema openapi``
prints the OpenAPI 3.1 document of the Voice API (``ttsbuilder/schemas/openapi.json``),
for client generators.

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

HELP = "print the published JSON Schema of a kind, the schema catalog, or the OpenAPI document"

#: The argument that prints the catalog instead of a schema.
CATALOG = "catalog"

#: The argument that prints the OpenAPI document instead of a schema.
OPENAPI = "openapi"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the schema arguments to ``parser``."""
    from ttsbuilder.profiles import PROFILES
    from ttsbuilder.published import SCHEMA_KINDS

    parser.add_argument(
        "kind",
        metavar="KIND",
        choices=(*SCHEMA_KINDS, CATALOG, OPENAPI),
        help=(
            f"{', '.join(SCHEMA_KINDS)}; {CATALOG} for the schema catalog, "
            f"or {OPENAPI} for the Voice API's OpenAPI document"
        ),
    )
    parser.add_argument(
        "--profile",
        choices=tuple(PROFILES),
        default="enablex",
        help="the limits the schema encodes (default: enablex)",
    )


def run(args: argparse.Namespace) -> int:
    """Print the schema of ``args.kind`` (or the catalog, or OpenAPI); 2 for an unknown kind."""
    from ttsbuilder.errors import TTSBuilderError
    from ttsbuilder.openapi import openapi_document
    from ttsbuilder.published import catalog, schema

    try:
        if args.kind == CATALOG:
            published = catalog()
        elif args.kind == OPENAPI:
            published = openapi_document(args.profile)
        else:
            published = schema(args.kind, args.profile)
    except TTSBuilderError as exc:
        print(f"ttsbuilder schema: error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(json.dumps(published, indent=2, ensure_ascii=False) + "\n")
    return 0
