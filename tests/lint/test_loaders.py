"""Loaders: what plain parsers hide becomes a positioned problem, never an exception."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttsbuilder.lint.check import LintOptions, check_source, lint_bytes
from ttsbuilder.lint.loaders import format_for, load_bytes, sniff_format


def codes(data: bytes, fmt: str = "json") -> list[tuple[str, int | None, int | None]]:
    return [(p.code, p.line, p.column) for p in lint_bytes(data, fmt)]  # type: ignore[arg-type]


def test_repeated_key_is_an_error_at_its_second_occurrence() -> None:
    data = b'{\n  "text": "Hello",\n  "break": {"value": "1s"},\n  "text": "world"\n}\n'
    source = load_bytes(data, "json")
    assert source.document == {"text": "world", "break": {"value": "1s"}}
    [problem] = source.problems
    assert (problem.code, problem.pointer, problem.line, problem.column) == (
        "TTS502",
        "/text",
        4,
        3,
    )
    assert problem.hint == "rename it 'text2'"


def test_repeated_key_deep_inside_is_found() -> None:
    data = b'{"prosody": {"rate": "slow",\n "text": "a", "rate": "fast", "text2": "b"}}'
    [problem] = load_bytes(data, "json").problems
    assert (problem.pointer, problem.line, problem.column) == ("/prosody/rate", 2, 15)
    assert problem.hint is None  # rate is an attribute: renumbering it would be wrong


def test_the_rename_hint_counts_only_its_own_objects_keys() -> None:
    # Both objects are at /a (a repeated key): the second one's keys alone decide its hint.
    data = b'{"a": {"text": "x"},\n "a": {"text": "y", "text": "z"}}'
    hints = [(p.pointer, p.line, p.hint) for p in load_bytes(data, "json").problems]
    assert hints == [("/a", 2, None), ("/a/text", 2, "rename it 'text2'")]
    data = b"a: {text: x}\na: {text: y, text: z}\n"
    hints = [(p.pointer, p.line, p.hint) for p in load_bytes(data, "yaml").problems]
    assert hints == [("/a", 2, None), ("/a/text", 2, "rename it 'text2'")]


def test_syntax_error_carries_the_parsers_position_and_message() -> None:
    data = b'{"text": "Hello",\n "break" {"value": "1s"}}'
    with pytest.raises(json.JSONDecodeError) as parser:  # this Python's own words
        json.loads(data)
    [problem] = load_bytes(data, "json").problems
    assert (problem.code, problem.line, problem.column) == ("TTS501", 2, 10)
    assert problem.message == f"not valid JSON: {parser.value.msg}"
    assert problem.hint is None


@pytest.mark.parametrize(
    ("data", "line", "column", "end"),
    [
        (b'{"text": "Hello",\n}', 1, 17, "object"),
        (b'{"text": "Hi",}', 1, 14, "object"),
        (b'{"text": "x" ,\n\t }', 1, 14, "object"),
        (b'{\n  "text": ["a", "b",\n  ]\n}', 2, 20, "array"),
    ],
)
def test_a_trailing_comma_reads_the_same_on_every_python(
    data: bytes, line: int, column: int, end: str
) -> None:
    # Found running the suite on 3.13, whose json points at the comma ("Illegal trailing
    # comma before end of object") where 3.10 to 3.12 point at the bracket after it
    # ("Expecting property name ...", "Expecting value"): on 3.13 the hint was lost, and the
    # position depended on the Python. Positions counted by hand; 3.13's wording.
    [problem] = load_bytes(data, "json").problems
    assert (problem.code, problem.line, problem.column) == ("TTS501", line, column)
    assert problem.message == f"not valid JSON: Illegal trailing comma before end of {end}"
    assert problem.hint == "remove the trailing comma"


@pytest.mark.parametrize("data", [b'{"a":,}', b"[,]", b"{,}", b"[1,,]", b'{"a": 1, 5}'])
def test_a_comma_that_follows_no_value_is_left_to_the_parser(data: bytes) -> None:
    with pytest.raises(json.JSONDecodeError) as parser:
        json.loads(data)
    [problem] = load_bytes(data, "json").problems
    assert problem.message == f"not valid JSON: {parser.value.msg}"
    assert (problem.line, problem.column) == (parser.value.lineno, parser.value.colno)
    assert problem.hint is None


_PLAIN = st.text(alphabet="ab xyz", max_size=5)  # nothing that looks like JSON structure
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | _PLAIN,
    lambda inner: (
        st.lists(inner, min_size=1, max_size=3)
        | st.dictionaries(_PLAIN, inner, min_size=1, max_size=3)
    ),
    max_leaves=8,
)


@given(
    value=_JSON.filter(lambda v: isinstance(v, (list, dict))),
    indent=st.sampled_from([None, 2]),
    data=st.data(),
)
def test_the_comma_pointed_at_is_the_one_to_remove(
    value: object, indent: int | None, data: st.DataObject
) -> None:
    # The oracle is json itself: without the character at the problem's position, the
    # text parses back to the value it was written from.
    text = json.dumps(value, indent=indent)
    closers = [i for i, c in enumerate(text) if c in "}]" and text[:i].rstrip()[-1] not in "[{"]
    at = data.draw(st.sampled_from(closers))
    before = len(text[:at].rstrip())
    broken = text[:before] + "," + text[before:]
    [problem] = load_bytes(broken.encode(), "json").problems
    assert problem.hint == "remove the trailing comma"
    assert problem.line is not None
    assert problem.column is not None
    lines = broken.split("\n")
    assert lines[problem.line - 1][problem.column - 1] == ","
    lines[problem.line - 1] = (
        lines[problem.line - 1][: problem.column - 1] + lines[problem.line - 1][problem.column :]
    )
    assert json.loads("\n".join(lines)) == value


def test_comments_are_a_syntax_error_in_json() -> None:
    [problem] = load_bytes(b'{\n  // greeting\n  "text": "Hi"\n}', "json").problems
    assert (problem.code, problem.line, problem.column) == ("TTS501", 2, 3)
    assert problem.hint == "JSON has no comments: remove them"


def test_a_raw_control_character_in_a_string_is_named_with_its_place() -> None:
    # RFC 8259 section 7: control characters in strings must be escaped. json's message
    # ends in "at" (its own place follows); ours is the problem's line and column.
    [problem] = load_bytes(b'{\n "text": "a\tb"}', "json").problems
    assert (problem.code, problem.line, problem.column) == ("TTS501", 2, 12)
    assert problem.message == "not valid JSON: Invalid control character"
    assert problem.hint == "write it as an escape such as \\t or \\u0001, or remove it"


@pytest.mark.parametrize("constant", [b"NaN", b"Infinity", b"-Infinity"])
def test_nan_and_infinity_are_not_json(constant: bytes) -> None:
    [problem] = load_bytes(b'{"asr": true,\n "start_timeout": ' + constant + b"}", "json").problems
    assert (problem.code, problem.line, problem.column) == ("TTS501", 2, 19)


def test_not_utf8_names_the_byte_and_its_position() -> None:
    [problem] = load_bytes(b'{\n "text": "Caf\xe9"}', "json").problems
    assert problem.code == "TTS503"
    assert "0xE9 at offset 15" in problem.message
    assert (problem.line, problem.column) == (2, 14)


@pytest.mark.parametrize("data", [b"", b"  \n\t\n", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_empty_file(data: bytes, fmt: str) -> None:
    assert codes(data, fmt) == [("TTS504", 1, 1)]


def test_a_byte_order_mark_is_accepted() -> None:
    assert codes(b'\xef\xbb\xbf{"text": "Hi", "break": {"value": "9s"}}') == [("TTS202", 1, 26)]


def test_lone_surrogate_escapes_are_legal_json_that_validate_rejects() -> None:
    assert [c for c, _, _ in codes(b'{"text": "a\\ud800"}')] == ["TTS112"]


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    assert codes(b"[" * 200_000, "json") == [("TTS506", 1, 1)]
    assert codes(b"[" * 200_000, "yaml") == [("TTS506", 1, 1)]
    assert codes(b"a:\n" + b"".join(b"  " * i + b"b:\n" for i in range(1, 3000)), "yaml")[0][0] in (
        "TTS506",
        "TTS111",
    )


def test_no_prompt_is_the_validate_warning() -> None:
    for data, fmt in [(b"[]", "json"), (b"null", "json"), (b"# only a comment\n", "yaml")]:
        assert [c for c, _, _ in codes(data, fmt)] == ["TTS413"]


def test_yaml_positions_come_from_the_parser() -> None:
    data = b"# welcome\ntext: Hello\nbreak:\n  value: 9s\n"
    assert codes(data, "yaml") == [("TTS202", 4, 3)]


def test_yaml_repeated_key_and_dates() -> None:
    data = b"text: Hi\nsay-as:\n  interpret-as: date\n  format: ymd\n  text: 2020-10-19\ntext: x\n"
    source = load_bytes(data, "yaml")
    found = [(p.code, p.pointer, p.line, p.column, p.hint) for p in source.problems]
    assert found == [
        ("TTS505", "/say-as/text", 5, 9, "quote it: '2020-10-19'"),
        ("TTS502", "/text", 6, 1, "rename it 'text2'"),
    ]


def test_yaml_alias_bomb_and_recursion_are_refused() -> None:
    from ttsbuilder.rules.source import TOO_COMPLEX

    assert codes(TOO_COMPLEX.bad.encode(), "yaml") == [("TTS506", 1, 1)]
    assert codes(b"a: &a [*a]\n", "yaml") == [("TTS506", 1, 1)]


def test_yaml_small_aliases_and_merge_keys_work() -> None:
    data = b"base: &b {value: 1s}\ntext: Hi\nbreak: *b\nbreak2:\n  <<: *b\n  strength: weak\n"
    source = load_bytes(data, "yaml")
    assert source.problems == []
    assert source.document["break2"] == {"strength": "weak", "value": "1s"}


def test_yaml_values_json_cannot_carry() -> None:
    data = b"text: !custom Hi\nbreak: {value: .inf}\n"
    found = [(c, line) for c, line, _ in codes(data, "yaml")]
    assert ("TTS505", 1) in found
    assert ("TTS505", 2) in found


def test_yaml_stream_of_documents_is_a_catalog() -> None:
    data = b"text: Hello\n---\ntext: Bye\nbreak: {value: 9s}\n"
    source = load_bytes(data, "yaml")
    assert source.document == [{"text": "Hello"}, {"text": "Bye", "break": {"value": "9s"}}]
    [problem] = check_source(source)
    assert (problem.pointer, problem.line, problem.column) == ("/1/break/value", 4, 9)


def test_yaml_syntax_error_has_a_position() -> None:
    [problem] = load_bytes(b"text: [Hello\n", "yaml").problems
    assert problem.code == "TTS501"
    assert problem.line == 2


def test_catalog_arrays_with_an_explicit_kind() -> None:
    data = b'[{"text": "Hi", "voice": "male"},\n {"text": "Bye"}]'
    problems = lint_bytes(data, "json", LintOptions(kind="play"))
    assert [(p.pointer, p.line) for p in problems] == [("/1", 2)]


def test_format_by_name_and_by_content() -> None:
    assert format_for("a/b.JSON") == "json"
    assert format_for("x.yml") == "yaml"
    assert format_for("README") is None
    assert sniff_format(b'  {"a": 1}') == "json"
    assert sniff_format(b"a: 1") == "yaml"


def test_an_integer_longer_than_python_converts_is_still_json() -> None:
    # Found in an adversarial pass: RFC 8259 numbers have no length limit, but the file
    # was "not valid JSON: Exceeds the limit (4300 digits) ... sys.set_int_max_str_digits()".
    huge = "9" * 5000
    data = f'{{"text": "a",\n "break": {{"value": {huge}}}}}'.encode()
    assert codes(data) == [("TTS103", 2, 12)]  # a number where a string goes, at its key
    [problem] = lint_bytes(data, "json")
    assert "4300" not in problem.message
    assert codes(f'{{"text": "a", "text2": -{huge}}}'.encode()) == [("TTS103", 1, 15)]


def test_a_yaml_integer_longer_than_python_converts_is_a_number() -> None:
    # Found in an adversarial pass: YAML reads it as an integer, ttsbuilder read the string
    # "999..." and reported nothing for `text: 999...`.
    problems = lint_bytes(b"text: " + b"9" * 5000 + b"\n", "yaml")
    assert [(p.code, p.line, p.column, p.hint) for p in problems] == [("TTS103", 1, 1, None)]
    assert problems[0].message == "expected a string, got a number inf"


@pytest.mark.parametrize("opening", ["[", "{", "- ["])
def test_deep_yaml_flow_nesting_is_refused_quickly(opening: str) -> None:
    """ruamel.yaml's scanner took 4 s on 3,000 '[' (found through the studio's /api/check)."""
    import time

    from ttsbuilder.lint.loaders import MAX_FLOW_DEPTH

    text = opening * (MAX_FLOW_DEPTH * 12)
    started = time.process_time()
    source = load_bytes(text.encode(), "yaml")
    assert time.process_time() - started < 0.5
    assert [(p.code, p.message) for p in source.problems] == [
        ("TTS506", "the YAML nests too deeply")
    ]


def test_brackets_in_quotes_and_comments_are_not_nesting() -> None:
    many = "[" * 2000
    text = f"a: \"{many}\"\nb: '{many}'\n# {many}\nc: [[1], {{d: [2]}}]\n"
    source = load_bytes(text.encode(), "yaml")
    assert source.problems == []
    assert source.document == {"a": many, "b": many, "c": [[1], {"d": [2]}]}
