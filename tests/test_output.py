"""ttsbuilder._output: printable text for people, exact JSON for programs, for any string."""

from __future__ import annotations

import json
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from ttsbuilder._output import printable, to_json

# Every code point, lone surrogates included (a JSON key can hold one; so can a file name).
ANY_TEXT = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF))


@given(ANY_TEXT)
def test_printable_text_is_one_line_of_strict_utf8_without_controls(text: str) -> None:
    shown = printable(text)
    shown.encode("utf-8")  # strict: no surrogate left
    assert len(shown.splitlines()) <= 1  # str.splitlines knows every line boundary
    categories = {unicodedata.category(c) for c in shown}
    assert not categories & {"Cc", "Cs", "Zl", "Zp"}
    assert not set(shown) & set(
        "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    )


@given(ANY_TEXT)
def test_printable_leaves_ordinary_text_alone(text: str) -> None:
    ordinary = "".join(
        c for c in text if unicodedata.category(c) not in ("Cc", "Cs", "Zl", "Zp", "Cf")
    )
    assert printable(ordinary) == ordinary


@given(st.lists(ANY_TEXT, max_size=3), st.sampled_from([None, 2]))
def test_json_reads_back_exactly_and_is_strict_utf8(strings: list[str], indent: int | None) -> None:
    text = to_json({"values": strings}, indent=indent)
    text.encode("utf-8")
    assert json.loads(text) == {"values": strings}
    assert not [c for c in text if unicodedata.category(c) in ("Cc", "Cs") and c != "\n"]


def test_bytes_that_are_not_utf8_show_as_those_bytes() -> None:
    assert printable(b"caf\xe9.json".decode("utf-8", "surrogateescape")) == "caf\\xe9.json"
    assert printable("tab\there") == "tab\\there"
    assert printable("\u2028\x85\x7f") == "\\u2028\\x85\\x7f"
