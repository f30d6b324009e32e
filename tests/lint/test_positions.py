"""The position map: every member of any JSON text, at the right line and column."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from ttsbuilder.lint.loaders import load_bytes
from ttsbuilder.lint.positions import CONTAINER, PositionMap, locate_json, scan_json
from ttsbuilder.problems import escape_pointer

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=20,
)


def pointers(value: Any, at: str = "") -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = [(at, CONTAINER if isinstance(value, (dict, list)) else value)]
    if isinstance(value, dict):
        for key, item in value.items():
            found += pointers(item, f"{at}/{escape_pointer(key)}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += pointers(item, f"{at}/{index}")
    return found


def line_column(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


@given(json_values, st.sampled_from([None, 0, 2, "\t"]), st.booleans())
def test_scanner_finds_every_member_where_it_is(value: Any, indent: Any, ascii: bool) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ascii)
    members, repeats = scan_json(text)
    assert repeats == []
    assert [(m.pointer, m.leaf) for m in members] == pointers(value)
    for member in members:
        token = member.key or member.value
        assert (member.line, member.column) == line_column(text, token.start)
        if member.key is not None:
            assert json.loads(text[member.key.start : member.key.end]) == member.name
        if member.leaf is not CONTAINER:
            assert json.loads(text[member.value.start : member.value.end]) == member.leaf


def test_locate_falls_back_to_the_nearest_ancestor() -> None:
    members, _ = scan_json('{\n  "break": {\n    "strength": "weak"\n  }\n}')
    positions = PositionMap(members)
    assert positions.locate("/break/strength") == (3, 5)
    assert positions.locate("/break/value") == (2, 3)
    assert positions.locate("/nothing/here") == (1, 1)
    assert positions.locate("") == (1, 1)


def test_escaped_keys_are_found_by_their_pointer() -> None:
    members, _ = scan_json('{"a/b": {"c~d": 1, "\\u00e9": 2}}')
    assert [m.pointer for m in members] == ["", "/a~1b", "/a~1b/c~0d", "/a~1b/\u00e9"]


def test_the_map_is_built_only_when_asked() -> None:
    source = load_bytes(b'{"text": "Hello"}', "json")
    assert source._members is None
    assert source.locate("/text") == (1, 2)
    assert source._members is not None


def test_columns_count_code_points() -> None:
    members, _ = scan_json('{"text": "\U0001f600", "break": {"value": "1s"}}')
    assert PositionMap(members).locate("/break") == (1, 15)


@given(
    st.dictionaries(
        st.text(max_size=6),
        st.none() | st.booleans() | st.integers() | st.text(max_size=6),
        max_size=5,
    ),
    st.booleans(),
)
def test_scanned_leaves_equal_the_parsed_values(document: dict[str, object], ascii: bool) -> None:
    text = json.dumps(document, ensure_ascii=ascii)
    members, _ = scan_json(text)
    assert [(m.name, m.leaf) for m in members[1:]] == list(document.items())


@given(
    json_values,
    st.sampled_from([None, 0, 2, "\t"]),
    st.booleans(),
    st.lists(st.text(max_size=6), max_size=3),
)
def test_locating_a_few_pointers_agrees_with_the_full_map(
    value: Any, indent: Any, ascii: bool, missing: list[str]
) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ascii)
    wanted = [pointer for pointer, _ in pointers(value)]
    # pointers that name nothing: they fall back to their nearest ancestor
    extras = zip(wanted, missing, strict=False)
    wanted += [f"{pointer}/{escape_pointer(extra)}" for pointer, extra in extras]
    full = PositionMap(scan_json(text)[0])
    assert locate_json(text, wanted) == {pointer: full.locate(pointer) for pointer in wanted}


def test_locating_a_repeated_key_finds_its_last_occurrence() -> None:
    text = '{"text": "a",\n "break": {"value": "1s"},\n "text": {"deep": 1}}'
    full = PositionMap(scan_json(text)[0])
    wanted = ["/text", "/text/deep", "/break/value"]
    assert locate_json(text, wanted) == {pointer: full.locate(pointer) for pointer in wanted}
    assert locate_json(text, ["/text"]) == {"/text": (3, 2)}


def test_a_linted_catalog_positions_its_problems_without_a_member_map() -> None:
    document = {"prompts": {f"p{n}": {"text": f"Prompt {n}"} for n in range(200)}}
    document["prompts"]["p150"]["brek"] = {"value": "1s"}
    source = load_bytes(json.dumps(document, indent=2).encode(), "json")
    [(line, column)] = source.locate_many(["/prompts/p150/brek"])
    assert source._members is None  # no map of every member was built
    assert (line, column) == PositionMap(scan_json(source.text)[0]).locate("/prompts/p150/brek")
