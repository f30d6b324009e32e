"""--fix: key aliases, case and numbering repaired in place, and nothing else changes."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ttsbuilder.codec import split_member
from ttsbuilder.lint.check import LintOptions, lint_bytes
from ttsbuilder.lint.fix import fix_source
from ttsbuilder.lint.loaders import load_bytes
from ttsbuilder.strategies import trees


def fixed(
    data: str, fmt: str = "json", *, unsafe: bool = False, **options: Any
) -> tuple[str | None, list[str]]:
    source = load_bytes(data.encode(), fmt)  # type: ignore[arg-type]
    result = fix_source(source, options=LintOptions(**options), unsafe=unsafe)
    return result.text, [str(change) for change in result.changes]


def test_aliases_are_renamed_in_place() -> None:
    before = '{\n  "break": {"time": "2s"},\n  "say_as": {"interpret_as": "number", "text": "3"}\n}'
    after = '{\n  "break": {"value": "2s"},\n  "say-as": {"interpret-as": "number", "text": "3"}\n}'
    text, changes = fixed(before)
    assert text == after
    assert changes == [
        "2:13: TTS105 renamed 'time' to 'value'",
        "3:3: TTS105 renamed 'say_as' to 'say-as'",
        "3:14: TTS105 renamed 'interpret_as' to 'interpret-as'",
    ]


def test_case_and_numbering() -> None:
    text, changes = fixed(
        '{"silence": {"type": "Leading", "value": "1s"}, "text1": "a", "text02": "b",'
        ' "express-as": {"style": "Cheerful", "text": "c"}}'
    )
    assert text == (
        '{"silence": {"type": "leading", "value": "1s"}, "text": "a", "text2": "b",'
        ' "express-as": {"style": "cheerful", "text": "c"}}'
    )
    assert [c.split(" ")[1] for c in changes] == ["TTS205", "TTS106", "TTS107", "TTS205"]


def test_repeated_keys_are_numbered_in_spoken_order_only_as_an_unsafe_fix() -> None:
    data = '{"text": "a", "break": {"value": "1s"}, "text": "b", "text": "c"}'
    # json.loads keeps only "c": numbering the keys makes "a b c" spoken, a change.
    assert fixed(data) == (None, [])
    text, changes = fixed(data, unsafe=True)
    assert text == '{"text": "a", "break": {"value": "1s"}, "text2": "b", "text3": "c"}'
    assert changes == [
        "1:41: TTS502 renamed 'text' to 'text2' (unsafe)",
        "1:54: TTS502 renamed 'text' to 'text3' (unsafe)",
    ]


def test_yaml_keeps_comments_quotes_and_layout() -> None:
    source = (
        "# greeting prompt\n"
        "text: Hello   # first\n"
        "break: {time: 1s}\n"
        "text: world   # second\n"
        "express-as:\n"
        "  style: 'Gentle'   # the seed's sample\n"
        "  text1: softly\n"
    )
    text, changes = fixed(source, "yaml", unsafe=True)
    assert text == (
        "# greeting prompt\n"
        "text: Hello   # first\n"
        "break: {value: 1s}\n"
        "text2: world   # second\n"
        "express-as:\n"
        "  style: 'gentle'   # the seed's sample\n"
        "  text: softly\n"
    )
    assert len(changes) == 4


def test_a_file_that_cannot_be_fixed_safely_is_left_alone() -> None:
    # Renumbering the say-as 'text' attribute would invent a member: refused.
    assert fixed('{"say-as": {"interpret-as": "cardinal", "text": "1", "text": "2"}}')[0] is None
    # A renamed alias that collides with the real key would repeat it: refused.
    assert fixed('{"break": {"time": "1s", "value": "2s"}}')[0] is None
    # A payload key repeated is not content numbering.
    assert fixed('{"voice": "male", "voice": "female", "text": "Hi"}')[0] is None
    assert fixed('{"text": "a", "text": }')[0] is None


def test_fix_respects_select_and_ignore() -> None:
    data = '{"break": {"time": "2s"}, "express-as": {"style": "Cheerful", "text": "x"}}'
    text, changes = fixed(data, ignore=("TTS105",))
    assert text is not None
    assert '"time"' in text
    assert '"cheerful"' in text
    assert len(changes) == 1


def dump_pairs(value: Any, rename: Any, content: bool = True) -> str:
    """JSON text of ``value`` with member names passed through ``rename(name, content)``."""
    if isinstance(value, dict):
        members = (
            f"{json.dumps(rename(k, content))}: "
            + dump_pairs(v, rename, content and split_member(k)[0] in ("prosody", "express-as"))
            for k, v in value.items()
        )
        return "{" + ", ".join(members) + "}"
    return json.dumps(value)


_ALIASES = {"value": "time", "say-as": "say_as", "express-as": "express_as"}


@settings(max_examples=60, deadline=None)
@given(trees(), st.sampled_from(["repeat", "alias", "one"]))
def test_fix_restores_the_canonical_tree(tree: Any, how: str) -> None:
    def rename(name: str, content: bool) -> str:
        kind, suffix = split_member(name)
        if how == "alias":
            return _ALIASES.get(name, name) if content or name == "value" else name
        if not content:
            return name
        if how == "repeat":
            return kind
        return name + "1" if not suffix and kind in ("text", "break") else name

    mangled = dump_pairs(tree, rename)
    result = fix_source(load_bytes(mangled.encode(), "json"), unsafe=True)
    repaired = result.text if result.text is not None else mangled
    assert json.loads(repaired, object_pairs_hook=list) == json.loads(
        json.dumps(tree), object_pairs_hook=list
    )
    assert lint_bytes(repaired.encode(), "json") == []
