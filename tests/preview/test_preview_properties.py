"""Property: any valid small tree previews without crashing, with a consistent timeline."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ttsbuilder.codec import encode_tree
from ttsbuilder.model import Break, ExpressAs, Node, Prosody, SayAs, Silence, Text, Tree
from ttsbuilder.preview import render
from ttsbuilder.profiles import ENABLEX_STYLES
from ttsbuilder.validation import is_valid
from ttsbuilder.values import SILENCE_TYPES, Duration, Pitch, Rate, Volume

pytestmark = pytest.mark.usefixtures("engine_available")

# Any character XML can carry, including markup, entities, other scripts and emoji.
CHARACTERS = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"
) | st.sampled_from("<>&\"'\n\t.,;?!")
TEXTS = st.text(CHARACTERS, min_size=1, max_size=25).filter(lambda t: t.strip() != "")
DURATIONS = st.sampled_from(["0ms", "40ms", "250ms", "1.5s", "0.75s", "2s"]).map(Duration.parse)
SAY_AS = st.sampled_from(
    [
        SayAs("characters", "ABC"),
        SayAs("spell-out", "hello"),
        SayAs("cardinal", "42"),
        SayAs("ordinal", "3rd"),
        SayAs("date", "10/19/2020", "mdy"),
        SayAs("time", "4:00pm", "hms12"),
        SayAs("telephone", "5550100", "1"),
        SayAs("number_digit", "123"),
        SayAs("currency", "$5"),
    ]
)
LEAVES: st.SearchStrategy[Any] = st.one_of(TEXTS.map(Text), DURATIONS.map(Break), SAY_AS)


def prosody(children: st.SearchStrategy[list[Any]]) -> st.SearchStrategy[Prosody]:
    return st.builds(
        lambda kids, rate, pitch, volume: Prosody(tuple(kids), pitch, rate, volume),
        children,
        st.sampled_from(["+50%", "-20%", "1.5", "x-slow", "fast"]).map(Rate.parse),
        st.none() | st.sampled_from(["+2st", "high", "-10%", "+30Hz"]).map(Pitch.parse),
        st.none() | st.sampled_from(["+50%", "soft", "80", "-5"]).map(Volume.parse),
    )


CONTENT = st.recursive(
    LEAVES, lambda inner: prosody(st.lists(inner, min_size=1, max_size=3)), max_leaves=6
)
TOP: st.SearchStrategy[Node] = st.one_of(
    CONTENT,
    st.builds(
        lambda style, kids: ExpressAs(style, tuple(kids)),
        st.sampled_from(sorted(ENABLEX_STYLES)),
        st.lists(CONTENT, min_size=1, max_size=2),
    ),
    st.builds(Silence, st.sampled_from(SILENCE_TYPES), DURATIONS),
)
TREES = st.lists(TOP, min_size=1, max_size=5).map(lambda nodes: Tree(tuple(nodes)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TREES)
def test_any_valid_tree_previews(tree: Tree) -> None:
    document = encode_tree(tree)
    assume(is_valid(document, "tts"))
    result = render(tree)
    line = result.timeline
    assert line.duration == pytest.approx(len(result.samples) / result.sample_rate)
    starts = [e.start for e in line.entries]
    assert starts == sorted(starts)
    assert all(0 <= e.start <= e.end <= line.duration for e in line.entries)
    assert len(line.entries) == sum(1 for _ in tree.walk())
    pauses = sum(n.value.milliseconds for n in tree.walk() if isinstance(n, Break)) / 1000
    assert line.duration >= pauses - 0.05
