"""Helpers for the SSML tests: Microsoft's and the W3C schemas, the seed payloads.

The schemas are third-party files the project keeps, with their licence notices, in
``ttsbuilder/ssml/xsd/``, so a clone checks its SSML with nothing beside it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from lxml import etree

from ttsbuilder.strategies import trees

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "seed"
XSD = ROOT / "ttsbuilder" / "ssml" / "xsd"
SCHEMA_ENTRY = {"azure": "azure/ssml.xsd", "w3c": "w3c-1.1-core/ssmlv1p1-core.xsd"}


def load_schema(target: str) -> etree.XMLSchema:
    """The XML Schema of ``target`` (``azure`` or ``w3c``), read with no network."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    path = XSD / SCHEMA_ENTRY[target]
    return etree.XMLSchema(etree.parse(str(path), parser))


_SCHEMAS: dict[str, etree.XMLSchema] = {}


def schema(target: str) -> etree.XMLSchema:
    """The cached schema of ``target``."""
    if target not in _SCHEMAS:
        _SCHEMAS[target] = load_schema(target)
    return _SCHEMAS[target]


def assert_valid(ssml: str, target: str) -> etree._Element:
    """Parse ``ssml`` (it must be well-formed) and check it against the target's schema."""
    root = etree.fromstring(ssml.encode("utf-8"))
    checker = schema(target)
    if not checker.validate(root):
        raise AssertionError(f"{target} schema rejects {ssml!r}: {checker.error_log}")
    return root


def seed(name: str) -> Any:
    """A seed payload from tests/data/seed (``play``, ``advanced_tree``, ...)."""
    return json.loads((SEED / f"{name}.json").read_text(encoding="utf-8"))


#: (profile, tree) pairs: valid trees of both profiles, with and without warned-about values.
ANY_TREE = st.one_of(
    [
        strategy.map(lambda tree, profile=profile: (profile, tree))
        for profile in ("enablex", "azure")
        for strategy in (trees(profile), trees(profile, warnings=True))
    ]
)
