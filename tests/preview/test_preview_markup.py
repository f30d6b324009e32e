"""The eSpeak SSML built from a tree (no engine needed)."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

from ttsbuilder.codec import decode_tree
from ttsbuilder.preview.markup import (
    build_markup,
    pitch_percent,
    rate_percent,
    volume_percent,
)
from ttsbuilder.preview.source import place
from ttsbuilder.values import Pitch, Rate, Volume


def markup(members: dict[str, Any]) -> tuple[etree._Element, list[str]]:
    built = build_markup(place(decode_tree(members), members))
    return etree.fromstring(built.ssml), [p.code for p in built.problems]


def test_every_spoken_node_has_a_mark_before_it_and_the_end_is_marked() -> None:
    root, _ = markup(
        {
            "silence": {"type": "leading", "value": "1s"},
            "text": "Hi",
            "prosody": {"rate": "fast", "text": "there", "break": {"value": "1s"}},
        }
    )
    marks = [m.get("name") for m in root.iter("mark")]
    # index 0 is the silence: its samples are made by the preview, not by eSpeak
    assert marks == ["n1", "n2", "n3", "n4", "end"]


@pytest.mark.parametrize(
    ("value", "time"),
    [("1.5s", "1500ms"), ("2000ms", "2000ms"), ("0.25s", "250ms"), ("12.6ms", "13ms")],
)
def test_breaks_are_written_in_whole_milliseconds(value: str, time: str) -> None:
    root, _ = markup({"text": "a", "break": {"value": value, "strength": "weak"}})
    (element,) = root.iter("break")
    assert dict(element.attrib) == {"time": time}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("+50%", "150%"), ("-20%", "80%"), ("1.5", "150%"), ("30%", "130%"), ("x-fast", "200%"),
     ("slow", "64%"), ("default", "100%"), ("0.1", "50%"), ("+300%", "200%")],
)  # fmt: skip
def test_rate_becomes_a_clamped_percentage(text: str, expected: str) -> None:
    assert rate_percent(Rate.parse(text)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("+12st", "150%"), ("-2st", "89%"), ("high", "125%"), ("+30Hz", "120%"), ("75Hz", "50%"),
     ("-20%", "80%")],
)  # fmt: skip
def test_pitch_becomes_a_clamped_percentage(text: str, expected: str) -> None:
    assert pitch_percent(Pitch.parse(text)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("+50%", "100%"), ("-50%", "50%"), ("20", "20%"), ("-5.5", "94%"), ("silent", "0%"),
     ("x-loud", "100%")],
)  # fmt: skip
def test_volume_becomes_a_clamped_percentage(text: str, expected: str) -> None:
    assert volume_percent(Volume.parse(text)) == expected  # type: ignore[arg-type]


def test_prosody_without_settings_adds_no_element() -> None:
    root, _ = markup({"prosody": {"text": "Hi"}})
    assert root.find("prosody") is None
    assert "Hi" in "".join(root.itertext())


def test_say_as_kept_where_espeak_has_it_else_plain_text_with_a_warning() -> None:
    root, codes = markup(
        {
            "say-as": {"interpret-as": "spell-out", "text": "ABC"},
            "say-as2": {"interpret-as": "number_digit", "text": "123"},
            "say-as3": {"interpret-as": "date", "format": "mdy", "text": "10/19/2020"},
            "say-as4": {"interpret-as": "cardinal", "text": "42"},
        }
    )
    assert [(e.get("interpret-as"), e.text) for e in root.iter("say-as")] == [
        ("characters", "ABC"),
        ("telephone", "123"),
    ]
    assert "10/19/2020" in "".join(root.itertext())
    assert codes == ["TTS704"]  # the date; a cardinal reads the same as plain text


def test_express_as_warns_and_keeps_its_content() -> None:
    root, codes = markup({"express-as": {"style": "cheerful", "text": "Welcome"}})
    assert codes == ["TTS701"]
    assert "Welcome" in "".join(root.itertext())
    assert root.find(".//express-as") is None


def test_markup_like_text_stays_text() -> None:
    hostile = '<audio src="/etc/passwd"/> & <voice name="x">'
    root, _ = markup({"text": hostile})
    assert [e.tag for e in root.iter()] == ["speak", "mark", "mark"]
    assert hostile in "".join(root.itertext())
