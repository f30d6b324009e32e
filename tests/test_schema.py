"""The published schemas: well-formed, documented, loaded from the package, shipped in the wheel.

Whether they say what validate() says is tests/test_schema_agreement.py.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import regress
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from ttsbuilder._schema_build import build, render
from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.published import (
    BASE_URI,
    SCHEMA_KINDS,
    registry,
    schema,
    schema_id,
    schema_path,
)
from ttsbuilder.routes import ROUTES, Route
from ttsbuilder.validation import validate

ROOT = Path(__file__).parent.parent
SCHEMAS = ROOT / "ttsbuilder" / "schemas"
FILES = sorted(SCHEMAS.glob("*.schema.json"))
CASES = [(kind, profile) for kind in SCHEMA_KINDS for profile in ("enablex", "azure")]


def load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def test_the_files_are_the_ones_the_builder_makes() -> None:
    built = build()
    assert sorted(path.name for path in FILES) == sorted(built)
    for path in FILES:
        assert path.read_text(encoding="utf-8") == render(built[path.name]), (
            f"{path.name} is stale: run make schemas"
        )


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_file_is_a_documented_draft_2020_12_schema(path: Path) -> None:
    document = load(path)
    Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["$id"] == BASE_URI + path.name
    assert document["title"]
    assert document["description"]
    assert document["examples"]
    undocumented = [where for where, node in described_nodes(document) if "description" not in node]
    assert not undocumented, f"no description (hover help) at {undocumented}"


def described_nodes(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property and definition an editor shows hover help for.

    Conditional overlays (``if``/``then``/``not``) repeat a property to constrain it;
    their hover text comes from the property itself.
    """
    if not isinstance(node, dict):
        return
    for keyword in ("properties", "$defs"):
        for name, child in node.get(keyword, {}).items():
            yield f"{where}/{keyword}/{name}", child
    for keyword, child in node.items():
        if keyword in ("if", "then", "else", "not", "examples", "enum", "const"):
            continue
        if isinstance(child, dict):
            yield from described_nodes(child, f"{where}/{keyword}")
        elif isinstance(child, list):
            for index, item in enumerate(child):
                yield from described_nodes(item, f"{where}/{keyword}/{index}")


@pytest.mark.parametrize(("kind", "profile"), CASES)
def test_examples_are_valid_under_the_schema_and_validate(kind: str, profile: str) -> None:
    published = schema(kind, profile)
    checker = Draft202012Validator(published, registry=registry())
    for example in published["examples"]:
        assert list(checker.iter_errors(example)) == []
        assert [p for p in validate(example, kind, profile) if p.is_error] == []


@pytest.mark.parametrize(("kind", "profile"), CASES)
def test_schema_returns_the_file_and_a_fresh_copy(kind: str, profile: str) -> None:
    published = schema(kind, profile)
    assert published == load(schema_path(kind, profile))
    assert schema_path(kind, profile).parent.resolve() == SCHEMAS.resolve()
    assert published["$id"] == schema_id(kind, profile)
    published["title"] = "changed"
    published["examples"].clear()
    assert schema(kind, profile) == load(schema_path(kind, profile))


def test_profiles_pick_their_files() -> None:
    assert schema_path("play", "azure").name == "play-azure.schema.json"
    assert schema_path("hold", "azure").name == "hold.schema.json"
    azure = schema("tts", "azure")["$defs"]["express-as"]["properties"]
    assert "styledegree" in azure
    assert "styledegree" not in schema("tts")["$defs"]["express-as"]["properties"]


def test_unknown_kind_or_profile_is_a_ttsbuilder_error() -> None:
    with pytest.raises(TTSBuilderError, match="tts, play, dial-out, connect"):
        schema("auto")
    with pytest.raises(TTSBuilderError, match="profile"):
        schema("tts", "google")


def test_registry_resolves_cross_file_references_offline() -> None:
    checker = Draft202012Validator(schema("dial-out"), registry=registry())
    body = {
        "from": "+15550100000",
        "to": "+15550100001",
        "action_on_connect": {"play": {"text_to_speech_option": {"break": {"value": "9s"}}}},
    }
    paths = [list(error.absolute_path) for error in checker.iter_errors(body)]
    assert paths == [["action_on_connect", "play", "text_to_speech_option", "break", "value"]]
    azure = Draft202012Validator(schema("dial-out", "azure"), registry=registry())
    assert azure.is_valid(body)


def test_a_prompt_file_may_name_its_schema() -> None:
    document = {"$schema": schema_id("play"), "text": "Hi", "voice": "male"}
    assert Draft202012Validator(schema("play"), registry=registry()).is_valid(document)
    assert validate(document, "play") == []


def test_the_wheel_ships_the_schema_files_and_catalog(tmp_path: Path) -> None:
    from hatchling.builders.wheel import WheelBuilder

    (wheel,) = WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    with zipfile.ZipFile(wheel) as archive:
        for path in [*FILES, SCHEMAS / "catalog.json"]:
            shipped = archive.read(f"ttsbuilder/schemas/{path.name}")
            assert shipped == path.read_bytes()


# --- the patterns mean the same in Python (python-jsonschema) and ECMA-262 (editors) -------


def patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for keyword, child in node.items():
            if keyword == "pattern":
                yield child
            elif keyword == "patternProperties":
                yield from child
            if keyword not in ("examples", "enum", "const"):
                yield from patterns(child)
    elif isinstance(node, list):
        for item in node:
            yield from patterns(item)


PATTERNS = sorted({pattern for path in FILES for pattern in patterns(load(path))})


def test_every_pattern_is_a_unicode_ecma_262_regex() -> None:
    for pattern in PATTERNS:
        regress.Regex(pattern, "u")
        re.compile(pattern)


_PROBES = st.one_of(
    st.text(max_size=8),
    st.from_regex(r"[+-]?[0-9]{0,6}(\.[0-9]{0,3})?(ms|s|Hz|st|%)?\n?", fullmatch=True),
    st.from_regex(r"(text|say-as|prosody)[0-9]{0,3}\n?", fullmatch=True),
    st.from_regex(r"(sip:|https?://)?[a-zA-Z0-9@. -]{0,10}", fullmatch=True),
    st.sampled_from(("\x00", "a\x0b", "\ufffe", "😀", "2000ms\n", "en-US", "+15550100000")),
).filter(lambda text: re.search("[\ud800-\udfff]", text) is None)  # regress takes UTF-8


@settings(max_examples=150, deadline=None)
@given(text=_PROBES)
def test_python_and_ecma_read_every_pattern_alike(text: str) -> None:
    for pattern in PATTERNS:
        python = re.search(pattern, text) is not None
        ecma = regress.Regex(pattern, "u").find(text) is not None
        assert python == ecma, (pattern, text)


def test_the_schema_examples_use_the_seed_tree_as_the_tests_do() -> None:
    from ttsbuilder._schema_build import SEED_TREE

    seed = Path(__file__).parent / "data" / "seed" / "advanced_tree.json"
    assert json.loads(seed.read_text(encoding="utf-8")) == SEED_TREE


def refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for keyword, child in node.items():
            if keyword == "$ref" and isinstance(child, str):
                yield child
            elif keyword not in ("examples", "enum", "const"):
                yield from refs(child)
    elif isinstance(node, list):
        for item in node:
            yield from refs(item)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_file_is_self_contained(path: Path) -> None:
    """Every reference points into the same file, and to something there: no other file."""
    document = load(path)
    for reference in sorted(set(refs(document))):
        assert reference.startswith("#/$defs/"), reference
        assert reference.removeprefix("#/$defs/") in document["$defs"], reference


# Found in the adversarial trial of issue 11: the hold body's description (and so the
# OpenAPI document's, and the typed client generated from it) said PUT; the route is POST.
BODY_ROUTES = [route for route in ROUTES if route.body is not None]


@pytest.mark.parametrize("route", BODY_ROUTES, ids=str)
@pytest.mark.parametrize("profile", ["enablex", "azure"])
def test_a_body_schema_that_names_a_route_names_its_own(route: Route, profile: str) -> None:
    assert route.body is not None
    description = schema(route.body, profile)["description"]  # type: ignore[arg-type]
    named = re.match(r"(GET|POST|PUT|DELETE) /\S*: ", description)
    assert named is None or named.group() == f"{route}: "


def test_docs_schemas_md_names_each_body_s_route_as_the_route_table_has_it() -> None:
    text = (ROOT / "docs" / "schemas.md").read_text(encoding="utf-8")
    covers = dict(
        re.findall(r"^\| `([a-z-]+)` \| `[a-z-]+\.schema\.json` \|[^|]*\| `([^`]+)`", text, re.M)
    )
    assert covers == {route.body: str(route) for route in BODY_ROUTES}
