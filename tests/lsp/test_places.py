"""Where the cursor is, in half-typed JSON and YAML (expected places read off the text)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttsbuilder.lsp.places import place_at


@pytest.mark.parametrize(
    ("text", "column", "path", "key", "prefix"),
    [
        ('{"', 2, (), None, ""),
        ('{"text": "a", "br', 17, (), None, "br"),
        ('{"prosody": {"rate": "fa', 24, ("prosody",), "rate", "fa"),
        ('{"prosody": {"rate": "fast"}, "', 31, (), None, ""),
        ('[{"text": "a"}, {"say-as": {"', 29, ("1", "say-as"), None, ""),
        ('{"a": {"b": [{"c": {"', 21, ("a", "b", "0", "c"), None, ""),
    ],
)
def test_json_places(
    text: str, column: int, path: tuple[str, ...], key: str | None, prefix: str
) -> None:
    place = place_at(text, "json", 0, column)
    assert (place.path, place.key, place.prefix) == (path, key, prefix)


def test_json_siblings_after_the_cursor_count() -> None:
    text = '{"say-as": {"format": "", "interpret-as": "time", "text": "9:00"}}'
    place = place_at(text, "json", 0, 23)
    assert place.key == "format"
    assert place.siblings["interpret-as"] == "time"
    assert place.keys == ("format", "interpret-as", "text")


def test_yaml_places() -> None:
    text = "text: hi\nprosody:\n  rate: fa\n  say-as:\n    interpret-as: \n  text2: x\n"
    assert place_at(text, "yaml", 2, 10).path == ("prosody",)
    assert place_at(text, "yaml", 2, 10).key == "rate"
    assert place_at(text, "yaml", 2, 10).prefix == "fa"
    deep = place_at(text, "yaml", 4, 18)
    assert (deep.path, deep.key) == (("prosody", "say-as"), "interpret-as")
    top = place_at(text, "yaml", 6, 0)
    assert (top.path, top.key, top.keys) == ((), None, ("text", "prosody"))


def test_yaml_key_under_cursor() -> None:
    place = place_at("say-as:\n  interpret-as: date\n", "yaml", 1, 5)
    assert (place.path, place.key, place.word) == (("say-as",), None, "interpret-as")


@given(st.text(max_size=60), st.integers(0, 5), st.integers(0, 80))
def test_any_text_any_cursor_is_an_answer(text: str, line: int, column: int) -> None:
    for format in ("json", "yaml"):
        place = place_at(text, format, line, column)  # type: ignore[arg-type]
        assert isinstance(place.path, tuple)
