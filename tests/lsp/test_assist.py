"""Completion and hover content, against the vocabularies and the rules' own data."""

from __future__ import annotations

from typing import get_args

from ttsbuilder.lsp.assist import complete, describe, describe_problem, node_at, ssml_at
from ttsbuilder.lsp.places import place_at
from ttsbuilder.problems import Problem, Severity
from ttsbuilder.profiles import AZURE_STYLES, ENABLEX_STYLES
from ttsbuilder.values import BreakStrength, InterpretAs, SilenceType


def _labels(text: str, format: str, line: int, column: int, profile: str = "enablex") -> list[str]:
    place = place_at(text, format, line, column)  # type: ignore[arg-type]
    return [item.label for item in complete(place, profile)]  # type: ignore[arg-type]


def test_tree_keys_take_the_next_free_number() -> None:
    labels = _labels('{"text": "a", "text2": "b", "break": {"value": "1s"}, "', "json", 0, 55)
    assert labels == ["text3", "silence", "break2", "express-as", "prosody", "say-as"]


def test_node_keys() -> None:
    assert _labels('{"break": {"', "json", 0, 12) == ["value", "strength"]
    assert _labels("silence:\n  ", "yaml", 1, 2) == ["type", "value"]
    azure = _labels("express-as:\n  ", "yaml", 1, 2, "azure")
    assert {"style", "styledegree", "role"} <= set(azure)
    assert "styledegree" not in _labels("express-as:\n  ", "yaml", 1, 2)


def test_values_come_from_the_literals() -> None:
    assert _labels('{"say-as": {"interpret-as": "', "json", 0, 29) == list(get_args(InterpretAs))
    assert _labels("silence:\n  type: ", "yaml", 1, 8) == list(get_args(SilenceType))
    assert _labels("break:\n  strength: ", "yaml", 1, 12) == list(get_args(BreakStrength))
    assert set(_labels("express-as:\n  style: ", "yaml", 1, 9)) == ENABLEX_STYLES
    assert set(_labels("express-as:\n  style: ", "yaml", 1, 9, "azure")) == AZURE_STYLES
    assert _labels('{"prosody": {"volume": "', "json", 0, 24)[-1] == "default"


def test_format_follows_interpret_as() -> None:
    assert _labels("say-as:\n  interpret-as: time\n  format: ", "yaml", 2, 10) == ["hms12", "hms24"]
    assert _labels("say-as:\n  interpret-as: duration\n  format: ", "yaml", 2, 10) == [
        "hms",
        "hm",
        "ms",
    ]
    assert _labels("say-as:\n  interpret-as: cardinal\n  format: ", "yaml", 2, 10) == []


def test_node_at_reads_aliases_and_numbers() -> None:
    assert node_at(("say_as2",)) == "say-as"
    assert node_at(("welcome",)) == "tree"


def test_hover_on_a_value_says_if_it_is_allowed() -> None:
    text = '{"break": {"value": "1s", "strength": "loud"}}'
    shown = describe(place_at(text, "json", 0, 40))
    assert shown is not None
    assert "not one of the allowed values" in shown
    assert "x-strong" in shown


def test_hover_on_a_problem_shows_the_rule() -> None:
    shown = describe_problem(
        Problem("TTS105", Severity.ERROR, "/break/time", "m", "rename it 'value'")
    )
    assert "alias-key" in shown
    assert '{"break": {"time": "2s"}}' in shown


def test_ssml_of_a_play_body() -> None:
    body = {"welcome": {"text_to_speech_option": {"text": "Hi"}, "voice": "female"}}
    place = place_at('{"welcome": {"text_to_speech_option": {', "json", 0, 20)
    shown = ssml_at(body, place)
    assert shown is not None
    assert "Hi" in shown
    assert (
        ssml_at({"text": "Hi", "break": {"value": "99s"}}, place_at('{"text', "json", 0, 3)) is None
    )
