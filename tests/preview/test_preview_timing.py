"""Faithful timing: the pauses measured in the audio last what the tree says."""

from __future__ import annotations

from typing import Any

import pytest

from ttsbuilder.preview import render
from ttsbuilder.preview.audio import silent_spans

pytestmark = pytest.mark.usefixtures("engine_available")

#: Pauses in the audio must match the tree within this many seconds.
TOLERANCE = 0.05


@pytest.mark.parametrize(("value", "seconds"), [("250ms", 0.25), ("700ms", 0.7), ("1.5s", 1.5),
                                                ("2s", 2.0), ("4999ms", 4.999)])  # fmt: skip
def test_break_lasts_its_value(value: str, seconds: float, pause_at: Any, entry: Any) -> None:
    result = render({"text": "Hello there", "break": {"value": value}, "text2": "general Kenobi"})
    pause = entry(result, "/break")
    assert pause.duration == pytest.approx(seconds, abs=TOLERANCE)
    assert pause_at(result, (pause.start + pause.end) / 2) == pytest.approx(seconds, abs=TOLERANCE)


def test_break_inside_prosody_and_after_a_sentence(pause_at: Any, entry: Any) -> None:
    result = render(
        {
            "text": "The first sentence ends here.",
            "break": {"value": "0.4s"},
            "prosody": {"rate": "+50%", "text": "faster words", "break": {"value": "1.2s"},
                        "text2": "more"},
        }
    )  # fmt: skip
    for pointer, seconds in (("/break", 0.4), ("/prosody/break", 1.2)):
        pause = entry(result, pointer)
        middle = (pause.start + pause.end) / 2
        assert pause_at(result, middle) == pytest.approx(seconds, abs=TOLERANCE)


def test_adjacent_breaks_add_up(pause_at: Any, entry: Any) -> None:
    result = render(
        {"text": "Hello", "break": {"value": "700ms"}, "break2": {"value": "500ms"}, "text2": "you"}
    )
    first = entry(result, "/break")
    assert pause_at(result, first.end) == pytest.approx(1.2, abs=TOLERANCE)


def test_leading_and_tailing_silence_are_made_exactly(pause_at: Any, entry: Any) -> None:
    result = render(
        {
            "silence": {"type": "leading", "value": "1.5s"},
            "text": "Hello",
            "silence2": {"type": "tailing-exact", "value": "750ms"},
        }
    )
    assert pause_at(result, 0.0) == pytest.approx(1.5, abs=TOLERANCE)
    assert pause_at(result, result.duration) == pytest.approx(0.75, abs=TOLERANCE)
    assert entry(result, "/silence").end == pytest.approx(1.5, abs=0.001)
    assert entry(result, "/silence2").start == pytest.approx(result.duration - 0.75, abs=0.001)


def test_a_final_break_is_not_lengthened_by_the_engine(pause_at: Any) -> None:
    result = render({"text": "Goodbye", "break": {"value": "1s"}})
    assert pause_at(result, result.duration) == pytest.approx(1.0, abs=TOLERANCE)


def test_sentenceboundary_silence_lengthens_each_sentence_pause() -> None:
    text = "One sentence here. Another sentence there. A third one."
    plain = render({"text": text})
    spaced = render({"text": text, "silence": {"type": "sentenceboundary", "value": "600ms"}})
    assert spaced.duration - plain.duration == pytest.approx(1.2, abs=0.01)
    assert [p.code for p in spaced.problems] == []


def test_faster_rate_is_measurably_shorter() -> None:
    words = "Please listen carefully, as our menu options have changed recently."
    normal = render({"text": words}).duration
    fast = render({"prosody": {"rate": "+50%", "text": words}}).duration
    slow = render({"prosody": {"rate": "x-slow", "text": words}}).duration
    assert fast < normal * 0.8
    assert slow > normal * 1.5


def test_express_as_is_spoken_with_a_warning(entry: Any) -> None:
    document: dict[str, Any] = {"express-as": {"style": "cheerful", "text": "Welcome to Acme"}}
    result = render(document)
    assert [p.code for p in result.problems] == ["TTS701"]
    assert entry(result, "/express-as/text").duration > 0.5
    assert silent_spans(result.samples, result.sample_rate, min_seconds=0.5) == []


def test_a_node_after_a_full_stop_starts_where_its_speech_starts(entry: Any) -> None:
    # eSpeak drops the mark after "."; the first word after the mark stands in for it
    result = render({"text": "The first sentence.", "text2": "The second one."})
    second = entry(result, "/text2")
    spans = silent_spans(result.samples, result.sample_rate, min_seconds=0.1)
    gap = next(span for span in spans if span[0] < second.start <= span[1] + TOLERANCE)
    assert second.start == pytest.approx(gap[1], abs=TOLERANCE)
