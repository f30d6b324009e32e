"""``--fix``'s guards, each pinned by a hand-written case (found by mutation testing).

Each case is a file before and after ``--fix`` written by hand, read as SPEC "Trees"
reads it; ``docs/mutation.md`` ("lint --fix") names the mutant each one kills.
"""

from __future__ import annotations

from typing import Any

import pytest

from ttsbuilder.lint.check import LintOptions, check_source
from ttsbuilder.lint.fix import (
    Change,
    Fix,
    TextEdit,
    _apply_verified,
    _same_leaves,
    apply_edits,
    fix_source,
    plan_fixes,
    speech,
)
from ttsbuilder.lint.loaders import load_bytes
from ttsbuilder.validation import detect


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
    assert fixed('{"express-as": {"style": "cheerful", "text1": "a"}}') == (
        '{"express-as": {"style": "cheerful", "text": "a"}}'
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
        ('{"style": "cheerful"}', '{"style": 1}', False),
        ('{"text": "A"}', '{"text": "a"}', False),  # only style and type ignore case
        ('{"style": "cheerful"}', '{"style": "sad"}', False),
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


def test_a_prompt_shared_with_a_key_outside_any_prompt_is_left_alone() -> None:
    # The alias makes p/note the same object as the prompt: renaming text1 in the prompt
    # would rename it in p/note too, outside any prompt. A YAML loader reads both.
    text = "p: {voice: male, text_to_speech_option: &b {text1: a}, note: *b}\n"
    assert fixed(text, "yaml") is None
    assert safe_yaml(text)["p"]["note"] == {"text1": "a"}


def safe_yaml(text: str) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(text)


# --- verification: a fix that would change what is said is dropped ----------------------
# The planner makes no such fix, so these hand a bad one to the verifier, beside a good
# one in another prompt: the bad one's prompt is dropped, the good one is kept.


def edit_fix(text: str, old: str, new: str, prompt: str, *, nth: int = 0) -> Fix:
    """A fix replacing the ``nth`` occurrence of ``old`` (as written) in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(old, start + 1)
    edit = TextEdit(start, start + len(old), 1, start + 1, old, new)
    return Fix(prompt, prompt, True, (edit,), (Change(1, start + 1, "TTS105", "hand-made"),))


def verified(text: str, fixes: list[Fix], fmt: str = "json") -> str | None:
    source = load_bytes(text.encode(), fmt)  # type: ignore[arg-type]
    problems = check_source(source)
    prompts = [pointer for _, pointer in detect(source.document)]  # every one a tts tree
    applied = _apply_verified(source, problems, fixes, LintOptions(), prompts)
    return None if applied is None else applied.source.text


@pytest.mark.parametrize(
    ("text", "bad", "after"),
    [
        # a text changed
        (
            '{"p": {"text": "a"}, "q": {"text1": "b"}}',
            ('"a"', '"z"', "/p"),
            '{"p": {"text": "a"}, "q": {"text": "b"}}',
        ),
        # prompts whose keys need escaping in a pointer (RFC 6901: ~1 is /, ~0 is ~)
        (
            '{"a/b": {"text": "a"}, "c~d": {"text1": "b"}}',
            ('"a"', '"z"', "/a~1b"),
            '{"a/b": {"text": "a"}, "c~d": {"text": "b"}}',
        ),
        (
            '{"c~d": {"text": "a"}, "a/b": {"text1": "b"}}',
            ('"a"', '"z"', "/c~0d"),
            '{"c~d": {"text": "a"}, "a/b": {"text": "b"}}',
        ),
        # prompts in an array
        ('[{"text": "a"}, {"text1": "b"}]', ('"a"', '"z"', "/0"), '[{"text": "a"}, {"text": "b"}]'),
        # a style written in a case that TTS205 reports: speaks the same, but a problem more
        (
            '{"p": {"express-as": {"style": "cheerful", "text": "a"}}, "q": {"text1": "b"}}',
            ('"cheerful"', '"Cheerful"', "/p"),
            '{"p": {"express-as": {"style": "cheerful", "text": "a"}}, "q": {"text": "b"}}',
        ),
    ],
)
def test_a_fix_that_changes_a_prompt_is_dropped_and_the_others_kept(
    text: str, bad: tuple[str, str, str], after: str
) -> None:
    source = load_bytes(text.encode(), "json")
    good = plan_fixes(source, check_source(source))
    old, new, prompt = bad
    assert verified(text, [edit_fix(text, old, new, prompt), *good]) == after


def test_a_fix_that_changes_something_outside_the_prompts_stops_the_round() -> None:
    text = '{"meta": {"tags": ["x"]}, "p": {"text1": "a"}}'
    source = load_bytes(text.encode(), "json")
    good = plan_fixes(source, check_source(source))
    assert verified(text, good) == '{"meta": {"tags": ["x"]}, "p": {"text": "a"}}'
    assert verified(text, [edit_fix(text, '"x"', '"y"', ""), *good]) is None


def test_a_fix_that_repairs_nothing_is_not_made() -> None:
    text = '{"text1": "a"}'
    assert verified(text, [edit_fix(text, '"text1"', '"text1"', "")]) is None


# --- speech(): equal readings speak the same --------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "same"),
    [
        ({"text1": "Hi", "break": {"time": "1s"}}, {"text": "Hi", "break": {"value": "1s"}}, True),
        ({"express-as": {"style": "Cheerful"}}, {"express-as": {"style": "cheerful"}}, True),
        ({"text": 1}, {"text": "1"}, True),  # a number and the string of its digits
        ({"text": ""}, {"text": ""}, True),
        ({"text": "a"}, {"txt": "a"}, False),  # a member renamed
        (
            {"prosody": {"rate": "+1%", "text": "a"}},
            {"prosody": {"rate2": "+1%", "text": "a"}},
            False,
        ),
        ({"prosody": {"text": "a"}, "text": "b"}, {"prosody": {"text": "a", "text2": "b"}}, False),
        ({"text": ["a", "b"]}, {"text": ["b", "a"]}, False),
        ({"text": ["a"], "break": {}}, {"text": ["a", {}]}, False),
        ({"text": "1x"}, {"text": 1}, False),
        ({"break": {}, "text": "a"}, {"break": {}, "text": "b"}, False),  # after an object
        ({"text": "a"}, {"break": "a"}, False),
        ({"text": "A"}, {"text": "a"}, False),  # only style and type ignore case
        ({"express-as": {"style": "cheerful"}}, {"express-as": {"style": "sad"}}, False),
    ],
)
def test_speech_is_equal_only_for_documents_that_speak_the_same(
    before: Any, after: Any, same: bool
) -> None:
    assert (speech(before) == speech(after)) is same


# --- where the prompts are ----------------------------------------------------------------


def plan_of(text: str, fmt: str, **options: Any) -> list[tuple[str, str]]:
    source = load_bytes(text.encode(), fmt)  # type: ignore[arg-type]
    selection = LintOptions(**options)
    return [
        (f.pointer, f.prompt)
        for f in plan_fixes(source, check_source(source, selection), selection)
    ]


def test_a_play_body_is_fixed_in_its_text_to_speech_option() -> None:
    # SPEC: a play body's prompt is its text_to_speech_option.
    text = (
        '{"voice": "male", "text_to_speech_option": {"text1": "a",'
        ' "express-as": {"style": "Cheerful", "text": 2}}}'
    )
    result = fix_source(load_bytes(text.encode(), "json"))
    assert result.text == (
        '{"voice": "male", "text_to_speech_option": {"text": "a",'
        ' "express-as": {"style": "cheerful", "text": "2"}}}'
    )
    assert [str(c) for c in result.changes] == [
        "1:45: TTS106 renamed 'text1' to 'text'",
        "1:83: TTS205 wrote 'Cheerful' as 'cheerful'",
        '1:103: TTS103 wrote 2 as "2"',
    ]
    prompt = "/text_to_speech_option"
    assert plan_of(text, "json") == [
        (prompt, prompt),
        (f"{prompt}/express-as/style", prompt),
        (f"{prompt}/express-as/text", prompt),
    ]
    assert plan_of(text, "json", kind="play") == plan_of(text, "json")


def test_a_kind_given_for_an_array_makes_each_item_a_prompt() -> None:
    text = '[{"text1": "a"}, {"text1": "b"}]'
    assert plan_of(text, "json", kind="tts") == [("/0", "/0"), ("/1", "/1")]
    source = load_bytes(text.encode(), "json")
    assert fix_source(source, options=LintOptions(kind="tts")).text == (
        '[{"text": "a"}, {"text": "b"}]'
    )
    assert plan_of('{"text1": "a"}', "json", kind="tts") == [("", "")]


def test_a_scalar_shared_by_a_yaml_alias_is_fixed_once() -> None:
    text = "a: {express-as: &e {style: Cheerful, text: x}}\nb: {express-as: *e}\n"
    assert fixed(text, "yaml") == text.replace("Cheerful", "cheerful")


def test_an_object_shared_by_a_yaml_alias_does_not_stop_the_next_one() -> None:
    text = "a: &x {text1: a}\nb: *x\nc: {text1: c}\n"
    assert fixed(text, "yaml") == "a: &x {text: a}\nb: *x\nc: {text: c}\n"


def test_what_a_merge_or_an_anchor_holds_is_left_to_a_person() -> None:
    # The style reaches p through "<<": no token of p to edit. An anchored scalar's
    # token holds "&s": not plain, not edited.
    merged = "base: &b {style: Cheerful, text: a}\np: {express-as: {<<: *b}}\n"
    anchored = "p: {express-as: {style: &s Cheerful, text: a}}\n"
    for text in (merged, anchored):
        assert planned(text, "yaml") == []
        assert fixed(text, "yaml") is None


def test_a_dial_out_body_is_fixed_in_its_action_on_connect_play() -> None:
    # SPEC: a dial-out body speaks action_on_connect.play.text_to_speech_option.
    text = (
        '{"from": "x", "to": [{"number": "1"}],'
        ' "action_on_connect": {"play": {"text_to_speech_option": {"text1": "a"}}}}'
    )
    prompt = "/action_on_connect/play/text_to_speech_option"
    assert plan_of(text, "json") == [(prompt, prompt)]
    assert fixed(text) == text.replace('"text1"', '"text"')


def test_a_merge_source_is_skipped_and_the_objects_after_it_are_fixed() -> None:
    text = "base: &b {text1: a}\np: {<<: *b, text: c}\nq: {text1: d}\n"
    assert fixed(text, "yaml") == "base: &b {text1: a}\np: {<<: *b, text: c}\nq: {text: d}\n"


def test_nothing_to_fix_counts_no_unsafe_fix() -> None:
    # lint --fix prints "N more fixes are available with --unsafe-fixes" from this count.
    result = fix_source(load_bytes(b'{"text": "a"}', "json"))
    assert (result.text, result.changes, result.unsafe) == (None, (), 0)


def test_the_result_holds_the_file_as_it_is_after_the_fix() -> None:
    source = load_bytes(b'{"text": "a", "break": {"value": "1s"}}', "json")
    result = fix_source(source)
    assert (result.source, result.problems) == (source, ())
    text = '{"text": "a", "text": "b", "prosody": {"rate": "+1%", "text1": "c"}}'
    result = fix_source(load_bytes(text.encode(), "json"))
    assert result.text == text.replace('"text1"', '"text"')
    assert result.source is not None
    assert result.source.text == result.text
    assert [p.code for p in result.problems] == ["TTS502"]
    assert result.unsafe == 1  # numbering the repeated "text" is left for --unsafe-fixes
