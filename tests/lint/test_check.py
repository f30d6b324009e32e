"""Which YAML readings (TTS505, TTS508) a catalog keeps: those in or above a prompt.

The rule, as docs/rules.md states it for TTS505: a value in no prompt is no prompt's
business, a value in a prompt or above one (it may hide the prompt) is reported. The
reference below is that sentence written out pair by pair, the slow way.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ttsbuilder.lint.check import _in_prompts, check_source
from ttsbuilder.lint.loaders import load_bytes
from ttsbuilder.rules.base import Rule
from ttsbuilder.rules.source import MERGE_ORDER, NOT_JSON_VALUE, SYNTAX_ERROR

# A few tokens, "a/b" escaped as it is in a pointer, so that pointers often nest.
pointers = st.lists(st.sampled_from(["a", "b", "0", "a~1b", ""]), max_size=4).map(
    lambda tokens: "".join(f"/{token}" for token in tokens)
)


def within(pointer: str, ancestor: str) -> bool:
    return pointer == ancestor or pointer.startswith(ancestor + "/")


@given(
    st.lists(st.tuples(st.sampled_from([NOT_JSON_VALUE, MERGE_ORDER, SYNTAX_ERROR]), pointers)),
    st.lists(pointers, max_size=4),
)
def test_kept_exactly_when_in_or_above_a_prompt(
    found: list[tuple[Rule, str]], prompts: list[str]
) -> None:
    problems = [rule.problem(pointer, "m") for rule, pointer in found]
    bodies = [("tts", at) for at in prompts]
    expected = [
        p
        for p in problems
        if p.code == SYNTAX_ERROR.code
        or any(within(p.pointer, at) or within(at, p.pointer) for at in prompts)
    ]
    assert _in_prompts(problems, bodies) == expected


def test_a_date_beside_the_prompts_is_dropped_and_one_in_a_prompt_kept() -> None:
    text = b"updated: 2024-01-01\nwelcome: {text: 2024-01-02}\nbye: {text: Bye}\n"
    found = [(p.code, p.line) for p in check_source(load_bytes(text, "yaml"))]
    assert found == [("TTS505", 2)]
