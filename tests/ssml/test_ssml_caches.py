"""The render caches (documents, skeletons, prototypes) never leak one rendering into another.

render_ssml remembers finished documents by everything they depend on, and elements by
attribute values, in module-level dicts: these tests change the voice table, the profile
and the thread between renderings of the same trees and check every output against a
fresh one.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest

from ttsbuilder.errors import ArgumentError, TTSBuilderError, ValidationError
from ttsbuilder.ssml import (
    default_voice,
    parse_ssml,
    render_ssml,
    render_ssml_with_problems,
    reset_default_voices,
    set_default_voice,
)
from ttsbuilder.ssml import render as render_module
from ttsbuilder.ssml import voices as voices_module
from ttsbuilder.ssml import writer as writer_module


def _forget() -> None:
    render_module._RENDERED.clear()
    render_module._SKELETONS.clear()
    writer_module._PROTOTYPES.clear()


@pytest.fixture(autouse=True)
def _clean_table() -> Any:
    reset_default_voices()
    yield
    reset_default_voices()


def _fresh(tree: dict[str, Any], target: str = "azure", **options: Any) -> str:
    """The rendering with every cache empty."""
    _forget()
    return render_ssml(tree, target, **options)


def test_voice_table_changes_reach_remembered_shapes() -> None:
    tree = {"text": "Hi", "break": {"value": "500ms"}}
    for _ in range(3):  # the document is now remembered
        assert 'name="en-US-JennyNeural"' in render_ssml(tree)
    set_default_voice("en-US", "female", "en-US-AriaNeural")
    assert 'name="en-US-AriaNeural"' in render_ssml(tree)
    assert 'name="en-US-AriaNeural"' in render_ssml({"text": "Other", "break": {"value": "500ms"}})
    reset_default_voices()
    assert 'name="en-US-JennyNeural"' in render_ssml(tree)
    set_default_voice("en-US", "female", "en-US-AriaNeural")
    set_default_voice("en-US", "female", None)
    assert 'name="en-US-JennyNeural"' in render_ssml(tree)


def test_the_profile_is_checked_on_every_rendering_of_a_shape() -> None:
    long_pause = {"text": "Hi", "break": {"value": "6000ms"}}
    for _ in range(3):
        assert "6000ms" in render_ssml(long_pause, profile="azure")
    with pytest.raises(ValidationError, match="TTS202"):
        render_ssml(long_pause)  # enablex: below 5000ms
    # A remembered shape still reports this document's own warnings.
    clean = {"prosody": {"rate": "+30%", "text": "Hi"}}
    unsigned = {"prosody": {"rate": "+31%", "text": "Hi"}}
    for _ in range(3):
        assert render_ssml_with_problems(clean).problems == []
    assert render_ssml_with_problems({"prosody": {"rate": "30%", "text": "Hi"}}).problems
    assert render_ssml_with_problems(unsigned).problems == []


def test_texts_of_one_shape_never_mix() -> None:
    shape = [{"text": f"first {n}", "say-as": {"interpret-as": "cardinal", "text": str(n)}}
             for n in range(5)]  # fmt: skip
    for tree in shape:
        assert parse_ssml(render_ssml(tree)) == tree
        assert parse_ssml(render_ssml(tree, pretty=True)) == tree


_TREES: list[dict[str, Any]] = [
    {"text": "Hello & <welcome>", "break": {"value": "500ms"}},
    {"prosody": {"rate": "+30%", "text": "fast", "prosody": {"pitch": "-2st", "text": "low"}}},
    {"express-as": {"style": "cheerful", "text": "Great"}, "text": "news"},
    {"silence": {"type": "leading", "value": "200ms"}, "text": "After a pause"},
    {"say-as": {"interpret-as": "date", "format": "mdy", "text": "10/19/2020"}},
    {"text": "a", "text2": "b", "break": {"value": "1s", "strength": "weak"}},
]
_OPTIONS: list[dict[str, Any]] = [
    {},
    {"voice": "male"},
    {"language": "de-DE"},
    {"voice": "en-GB-RyanNeural"},
]


def test_threads_rendering_different_trees_at_once_get_their_own_documents() -> None:
    cases = [
        (tree, target, options)
        for tree in _TREES
        for target in ("azure", "w3c", "polly", "google")
        for options in _OPTIONS
        # An Azure voice name is no Polly or Google voice name (a test of its own).
        if target in ("azure", "w3c") or options.get("voice") != "en-GB-RyanNeural"
    ]
    expected = [_fresh(tree, target, **options) for tree, target, options in cases]
    _forget()
    failures: list[str] = []
    start = threading.Barrier(4)

    def work(offset: int) -> None:
        start.wait()
        for round_ in range(30):
            for index in range(len(cases)):
                at = (index + offset * 7 + round_) % len(cases)
                tree, target, options = cases[at]
                try:
                    got = render_ssml(tree, target, **options)
                except Exception as exc:
                    failures.append(f"{type(exc).__name__}: {exc}")
                    return
                if got != expected[at]:
                    failures.append(f"case {at}: {got!r} != {expected[at]!r}")
                    return

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_a_rendering_during_a_voice_change_is_not_cached_as_the_new_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Another thread renders while set_default_voice is half done (the entry not yet
    # stored): what it caches must not be served once the change is complete.
    tree = {"text": "Hi"}
    render_ssml(tree)

    class Interleaved(dict[tuple[str, str], str]):
        def __setitem__(self, key: tuple[str, str], value: str) -> None:
            render_ssml(tree)  # the other thread, mid-change
            super().__setitem__(key, value)

    monkeypatch.setattr(voices_module, "_OVERRIDES", Interleaved())
    set_default_voice("en-US", "female", "en-US-AriaNeural")
    assert 'name="en-US-AriaNeural"' in render_ssml(tree)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: render_ssml({"text": "Hi"}, language=5), ArgumentError),
        (lambda: render_ssml({"text": "Hi"}, language="english please"), ArgumentError),
        (lambda: render_ssml({"text": "Hi"}, voice=10**5000), ArgumentError),
        (lambda: render_ssml({"text": "Hi"}, None), TTSBuilderError),  # type: ignore[arg-type]
        (lambda: render_ssml({"text": "Hi"}, ["azure"]), TTSBuilderError),  # type: ignore[arg-type]
        (lambda: render_ssml(None), ValidationError),
        (lambda: render_ssml(42), ValidationError),
        (lambda: render_ssml({"text": None}), ValidationError),
        (lambda: render_ssml({"prompt_name": "welcome"}), ValidationError),
        (
            lambda: render_ssml(
                {
                    "from": "+15550100000",
                    "to": "+15550100001",
                    "action_on_connect": {"room": {"room_id": "r1"}},
                }
            ),
            ValidationError,
        ),
        (lambda: set_default_voice(5, "female", "en-US-AriaNeural"), ArgumentError),  # type: ignore[arg-type]
        (lambda: set_default_voice("en-US", None, "en-US-AriaNeural"), ArgumentError),  # type: ignore[arg-type]
        (lambda: set_default_voice("en-US", "female", 10**5000), ArgumentError),  # type: ignore[arg-type]
        (lambda: default_voice(None), ArgumentError),  # type: ignore[arg-type]
    ],
)
def test_wrong_arguments_raise_the_library_s_own_errors(call: Any, error: type) -> None:
    with pytest.raises(error) as caught:
        call()
    assert isinstance(caught.value, TTSBuilderError)
    assert len(str(caught.value)) < 400


@pytest.mark.parametrize(
    ("value", "written"),
    [("1.5s", "1500ms"), ("2500.4ms", "2500ms"), ("0" * 300 + "7.5ms", "8ms"), ("2s", None)],
)
def test_a_rewritten_silence_is_told_at_every_rendering_cached_or_not(
    value: str, written: str | None
) -> None:
    # Microsoft's schema takes whole s or ms (TTS601); the prototype is remembered for a
    # short value, not for a long one, and the warning must come each time either way.
    _forget()
    tree = {"silence": {"type": "leading", "value": value}, "text": "Hi"}
    for _ in range(3):
        ssml, problems = render_ssml_with_problems(tree, "azure")
        assert [p.code for p in problems] == (["TTS601"] if written else [])
        assert f'value="{written or value}"' in ssml
