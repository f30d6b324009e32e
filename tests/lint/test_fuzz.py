"""No input makes the linter raise: arbitrary bytes, and JSON/YAML-looking noise."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ttsbuilder.lint.check import lint_bytes
from ttsbuilder.lint.fix import fix_source
from ttsbuilder.lint.loaders import load_bytes

FRAGMENTS = [
    "{", "}", "[", "]", ":", ",", '"', "text", "break", "say_as", "value", "time", "&a", "*a",
    "<<", "!!binary", "- ", "\n", "  ", "#", "---", "NaN", "\\ud800", "2020-10-19", "? ",
    '"text": "x"', "\t", "\x00", "\xff", "|", ">", "%YAML 1.1", "!tag", "1e999", "'",
]  # fmt: skip

noise = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


def check(data: bytes) -> None:
    for fmt in ("json", "yaml"):
        problems = lint_bytes(data, fmt)  # type: ignore[arg-type]
        assert all(p.line is not None and p.line >= 1 for p in problems)
        assert all(p.column is not None and p.column >= 1 for p in problems)
        fix_source(load_bytes(data, fmt))  # type: ignore[arg-type]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=200))
@example(b"\xed\xa0\x80")
@example(b"[" * 5000)
@example(b"- " * 3000)
@example(b"1" * 5000)
def test_any_bytes(data: bytes) -> None:
    check(data)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(noise)
def test_structured_noise(text: str) -> None:
    check(text.encode("utf-8", "surrogatepass"))


json_values: Any = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["text", "break", "value", "time", "x"]), children, max_size=3
        )
    ),
    max_leaves=12,
)


@settings(max_examples=100, deadline=None)
@given(json_values)
def test_any_json_document(value: Any) -> None:
    check(json.dumps(value).encode())
