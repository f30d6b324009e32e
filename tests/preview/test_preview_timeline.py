"""The timeline: mark-based positions, their invariants, and the text, JSON and SVG forms."""

from __future__ import annotations

import itertools
import json

import pytest
from lxml import etree

from ttsbuilder.codec import decode_tree
from ttsbuilder.preview import Timeline, TimelineEntry, render, timeline
from ttsbuilder.preview.source import place
from ttsbuilder.preview.timeline import layout

pytestmark = pytest.mark.usefixtures("engine_available")

DOCUMENT = {
    "silence": {"type": "leading", "value": "400ms"},
    "text": "Welcome to Acme.",
    "break": {"value": "1.5s"},
    "prosody": {
        "rate": "+30%",
        "text": "Press one for sales,",
        "say-as": {"interpret-as": "characters", "text": "ABC"},
    },
    "text2": "or stay on the line.",
    "silence2": {"type": "tailing", "value": "300ms"},
}


def check_invariants(line: Timeline) -> None:
    starts = [e.start for e in line.entries]
    assert starts == sorted(starts)
    for e in line.entries:
        assert 0 <= e.start <= e.end <= line.duration
    assert max(e.end for e in line.entries) == pytest.approx(line.duration)


def test_marks_are_monotonic_and_end_at_the_total_duration() -> None:
    result = render(DOCUMENT)
    line = result.timeline
    check_invariants(line)
    assert line.duration == pytest.approx(len(result.samples) / result.sample_rate)
    top = [e for e in line.entries if e.depth == 0]
    # the top-level nodes tile the whole prompt, with no gap and no overlap
    assert top[0].start == 0
    assert all(a.end == pytest.approx(b.start) for a, b in itertools.pairwise(top))
    assert top[-1].end == pytest.approx(line.duration)


def test_containers_span_their_content() -> None:
    line = timeline(DOCUMENT)
    by_pointer = {e.pointer: e for e in line.entries}
    prosody = by_pointer["/prosody"]
    assert prosody.start == by_pointer["/prosody/text"].start
    assert prosody.end == by_pointer["/prosody/say-as"].end == by_pointer["/text2"].start
    assert by_pointer["/break"].duration == pytest.approx(1.5, abs=0.05)
    assert by_pointer["/silence"].duration == pytest.approx(0.4, abs=0.001)


def test_text_table_lists_every_node_and_the_total() -> None:
    line = timeline(DOCUMENT)
    lines = line.to_text().splitlines()
    assert lines[0].split() == ["start", "end", "dur", "node", "pointer"]
    assert len(lines) == len(line.entries) + 2
    say_as = next(text for text in lines if "/prosody/say-as" in text)
    assert 'characters "ABC"' in say_as
    assert lines[-1] == f"total {line.duration:.3f} s (eSpeak NG voice en-us)"


def test_json_form_round_trips_through_json() -> None:
    data = json.loads(json.dumps(timeline(DOCUMENT).to_dict()))
    assert set(data) == {"duration", "voice", "sample_rate", "entries"}
    assert [e["kind"] for e in data["entries"]][:3] == ["silence", "text", "break"]
    assert data["entries"][-1]["end"] == data["duration"]


def test_svg_is_well_formed_and_escapes_the_prompt_text() -> None:
    line = timeline({"text": 'Tom & Jerry <script>alert("x")</script>', "break": {"value": "1s"}})
    svg = etree.fromstring(line.to_svg().encode())
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert len(svg.findall("s:rect", ns)) == len(line.entries)
    assert svg.find(".//s:script", ns) is None
    tips = [t.text for t in svg.iterfind("s:rect/s:title", ns)]
    assert any("Tom & Jerry <script>" in (tip or "") for tip in tips)


def test_layout_never_goes_back_when_a_mark_is_missing_or_late() -> None:
    members = {"text": "a", "text2": "b", "text3": "c"}
    placed = place(decode_tree(members), members)
    line = layout(placed, {0: 0, 2: 50}, {}, speech=(0, 100), total=100, sample_rate=100, voice="v")
    assert [(e.start, e.end) for e in line.entries] == [(0.0, 0.0), (0.0, 0.5), (0.5, 1.0)]
    late = layout(placed, {0: 80, 1: 20, 2: 90}, {}, speech=(0, 100), total=100,
                  sample_rate=100, voice="v")  # fmt: skip
    assert [e.start for e in late.entries] == [0.8, 0.8, 0.9]


def test_entry_dict_has_rounded_times() -> None:
    entry = TimelineEntry("/text", "text", 0.12345, 0.98765, 0, '"x"')
    assert entry.to_dict()["duration"] == 0.864
