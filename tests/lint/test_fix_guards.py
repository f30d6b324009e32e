"""``--fix``'s guards, each pinned by a hand-written case (found by mutation testing).

Each case is a file before and after ``--fix`` written by hand, read as SPEC "Trees"
reads it; ``docs/mutation.md`` ("lint --fix") names the mutant each one kills.
"""

from __future__ import annotations

import pytest

from ttsbuilder.lint.check import check_source
from ttsbuilder.lint.fix import TextEdit, _same_leaves, apply_edits, fix_source, plan_fixes
from ttsbuilder.lint.loaders import load_bytes


def fixed(text: str, fmt: str = "json", *, unsafe: bool = False) -> str | None:
    source = load_bytes(text.encode(), fmt)  # type: ignore[arg-type]
    return fix_source(source, unsafe=unsafe).text


def planned(text: str, fmt: str = "json") -> list[tuple[str, str]]:
    source = load_bytes(text.encode(), fmt)  # type: ignore[arg-type]
    return [(e.old, e.new) for f in plan_fixes(source, check_source(source)) for e in f.edits]


def test_members_inside_prosody_and_express_as_are_renumbered() -> None:
    # SPEC "Trees": prosody and express-as hold content members, numbered as the root's.
    assert fixed('{"prosody": {"rate": "+10%", "text1": "a"}}') == (
        '{"prosody": {"rate": "+10%", "text": "a"}}'
    )
    assert fixed('{"express-as": {"style": "calm", "text1": "a"}}') == (
        '{"express-as": {"style": "calm", "text": "a"}}'
    )


def test_a_prompt_below_the_root_has_its_prosody_renumbered() -> None:
    before = '{"p": {"text": "a", "prosody": {"rate": "+10%", "text1": "b"}}}'
    assert fixed(before) == '{"p": {"text": "a", "prosody": {"rate": "+10%", "text": "b"}}}'


@pytest.mark.parametrize("where", ['{"say-as": {}}', '{"p": {"text": "x", "say-as": {}}}'])
def test_a_say_as_text_is_no_numbered_member(where: str) -> None:
    # say-as takes one "text" (SPEC): a repeated one is not renamed "text2", a key say-as
    # does not take; not even as an unsafe fix, and not in the plan an editor is given.
    say_as = '{"interpret-as": "cardinal", "text": "1", "text": "2"}'
    text = where.replace("{}", say_as)
    assert planned(text) == []
    assert fixed(text, unsafe=True) is None


def test_an_unknown_numbered_key_is_not_renumbered() -> None:
    # "rate2" is no content member (SPEC: text, break, prosody, express-as, say-as, ...):
    # renaming it "rate" would make it a prosody rate. Only "text1" is repaired.
    assert fixed('{"text1": "a", "rate2": "x"}') == '{"text": "a", "rate2": "x"}'


def test_a_json_number_is_quoted_with_its_own_digits() -> None:
    assert planned('{"text": 1.5}') == [("1.5", '"1.5"')]


SSML = (
    '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis"'
    ' xmlns:mstts="https://www.w3.org/2001/mstts" xml:lang="en-US"><voice name="x">'
    '<mstts:express-as style="Cheerful">Hi</mstts:express-as></voice></speak>'
)


def test_ssml_is_never_fixed() -> None:
    source = load_bytes(SSML.encode(), "ssml")
    problems = check_source(source)
    assert [p.code for p in problems] == ["TTS205"]
    assert plan_fixes(source, problems) == []
    assert fix_source(source, problems).text is None


def leaves_alike(before: str, after: str) -> bool:
    old = load_bytes(before.encode(), "json").members()
    new = load_bytes(after.encode(), "json").members()
    return _same_leaves(old, new)


@pytest.mark.parametrize(
    ("before", "after", "alike"),
    [
        ('{"text": "a"}', '{"text2": "a"}', True),  # a key renamed: leaves unchanged
        ('{"style": "Cheerful"}', '{"style": "cheerful"}', True),  # case of a style
        ('{"type": "Leading"}', '{"type": "leading"}', True),  # case of a silence type
        ('{"a": 1}', '{"a": "1"}', True),  # a number quoted with its own digits
        ('{"a": -2.5}', '{"a": "-2.5"}', True),
        ('{"text": "a"}', '{"text": "a", "text2": "b"}', False),  # a member more
        ('{"a": {}}', '{"a": "x"}', False),  # an object became a string
        ('{"a": {"b": "x"}}', '{"a": {"b": "y"}}', False),  # inside an object
        ('{"text": "a"}', '{"text": "b"}', False),
        ('{"a": "x", "b": "y"}', '{"a": "x", "b": "z"}', False),  # after an equal one
        ('{"a": 1, "b": "x"}', '{"a": "1", "b": "y"}', False),  # after a quoted number
        ('{"a": 1}', '{"a": "2"}', False),  # quoted with other digits
        ('{"a": 1}', '{"a": 2}', False),
        ('{"a": true}', '{"a": "true"}', False),  # a boolean is no number
        ('{"style": "calm"}', '{"style": 1}', False),
        ('{"text": "A"}', '{"text": "a"}', False),  # only style and type ignore case
        ('{"style": "calm"}', '{"style": "sad"}', False),
    ],
)
def test_an_unsafe_fix_may_change_no_value_but_by_case_or_quotes(
    before: str, after: str, alike: bool
) -> None:
    assert leaves_alike(before, after) is alike


def test_suffixes_out_of_order_are_renumbered_in_document_order() -> None:
    # SPEC "Trees": spoken order is document order; TTS108 says the suffixes go down.
    source = load_bytes(b'{"text2": "a", "text": "b"}', "json")
    assert [p.code for p in check_source(source)] == ["TTS108"]
    result = fix_source(source)
    assert result.text == '{"text": "a", "text2": "b"}'
    assert [str(c) for c in result.changes] == [
        "1:2: TTS108 renamed 'text2' to 'text'",
        "1:16: TTS108 renamed 'text' to 'text2'",
    ]


def test_a_fix_names_the_object_and_the_prompt_it_repairs() -> None:
    source = load_bytes(b'{"p": {"text": "a", "prosody": {"rate": "+1%", "text1": "b"}}}', "json")
    [fix] = plan_fixes(source, check_source(source))
    assert (fix.pointer, fix.prompt, fix.safe) == ("/p/prosody", "/p", True)


def test_an_unsafe_renumbering_marks_each_change_unsafe() -> None:
    source = load_bytes(b'{"text": "a", "text": "b"}', "json")
    result = fix_source(source, unsafe=True)
    assert result.text == '{"text": "a", "text2": "b"}'
    assert [c.safe for c in result.changes] == [False]


def test_a_key_at_the_first_character_is_fixed() -> None:
    assert fixed("text1: a\nbreak: {time: 1s}\n", "yaml") == "text: a\nbreak: {value: 1s}\n"


def test_a_json_key_written_with_escapes_is_read_as_json_reads_it() -> None:
    # json.loads reads "te\\u0078t1" as "text1": the key is renamed, written plainly.
    assert fixed('{"te\\u0078t1": "a"}') == '{"text": "a"}'


def test_overlapping_edits_are_refused() -> None:
    edits = [TextEdit(0, 3, 1, 1, "abc", "x"), TextEdit(2, 4, 1, 3, "cd", "y")]
    with pytest.raises(ValueError, match=r"^overlapping edits$"):
        apply_edits("abcd", edits)
    touching = [TextEdit(0, 2, 1, 1, "ab", "x"), TextEdit(2, 4, 1, 3, "cd", "y")]
    assert apply_edits("abcd", touching) == "xy"
