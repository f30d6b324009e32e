"""A model ``Tree`` is a document everywhere one is taken: validate, render, measure, preview.

Before, only the preview read a model ``Tree``: ``validate()`` passed one with any
error (a single TTS413 warning), and ``render_ssml()`` and ``measure()`` refused it
with "found no tree"; a ``Tree`` holding something that is not a model node escaped the
preview as an ``AttributeError``.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

from ttsbuilder import measure, render_ssml, validate
from ttsbuilder.codec import encode_tree
from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.model import Break, Text, Tree
from ttsbuilder.ssml.names import TARGETS
from ttsbuilder.strategies import models
from ttsbuilder.values import Duration

HELLO = Tree((Text("Hello"), Break(Duration.parse("500ms")), Text("world")))


def test_a_tree_renders_and_measures_as_its_dict() -> None:
    # The SSML and the counts of docs/platforms.md's own example, which is this tree.
    assert render_ssml(HELLO, "polly") == '<speak>Hello<break time="500ms"/>world</speak>'
    budget = measure(HELLO, "polly")
    assert (budget.characters, budget.ssml_bytes, budget.breaks) == (10, 46, 1)


def test_validate_finds_the_errors_of_a_tree() -> None:
    too_long = Tree((Break(Duration.parse("9s")),))
    assert [(p.code, p.pointer) for p in validate(too_long) if p.is_error] == [
        ("TTS202", "/break/value")
    ]
    assert validate(too_long, profile="azure") == []
    assert validate(HELLO) == []


@pytest.mark.parametrize("tree", [Tree((1,)), Tree(("Hi",)), Tree(None)])  # type: ignore[arg-type]
def test_a_tree_of_foreign_things_is_the_librarys_error(tree: Any) -> None:
    for call in (
        lambda: validate(tree),
        lambda: render_ssml(tree),
        lambda: measure(tree, "polly"),
    ):
        with pytest.raises(TTSBuilderError, match=r"not a ttsbuilder\.model node"):
            call()


def test_the_preview_refuses_a_tree_of_foreign_things_with_the_librarys_error() -> None:
    pytest.importorskip("espeakng_loader")
    from ttsbuilder.preview import timeline

    with pytest.raises(TTSBuilderError, match=r"not a ttsbuilder\.model node"):
        timeline(Tree((1,)))  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(models())
def test_every_drawn_tree_renders_in_each_target_as_its_dict_does(tree: Tree) -> None:
    plain = encode_tree(tree)
    for target in TARGETS:
        assert render_ssml(tree, target) == render_ssml(plain, target)
