"""The JSON codec: canonical numbering, spoken order, exact round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ttsbuilder.codec import decode_tree, encode_tree, member_name, split_member
from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.model import Break, Prosody, SayAs, Silence, Text, Tree
from ttsbuilder.values import Duration

SEED_TREE = Path(__file__).parent / "data" / "seed" / "advanced_tree.json"


def test_seed_tree_round_trips_key_for_key_in_order() -> None:
    tree = json.loads(SEED_TREE.read_text(encoding="utf-8"))
    encoded = encode_tree(decode_tree(tree))
    assert json.dumps(encoded) == json.dumps(tree)


def test_spoken_order_is_document_order_not_suffix_order() -> None:
    tree = decode_tree({"text3": "one", "text": "two", "text2": "three"})
    assert tree.texts() == ["one", "two", "three"]
    assert encode_tree(tree) == {"text": "one", "text2": "two", "text3": "three"}
    assert list(encode_tree(tree)) == ["text", "text2", "text3"]


def test_numbering_is_per_kind_and_per_object() -> None:
    tree = Tree(
        (
            Text("a"),
            Break(Duration.parse("1s")),
            Text("b"),
            Prosody((Text("c"), Text("d"), SayAs("cardinal", "3")), rate=None),
            Break(Duration.parse("2s"), "weak"),
            Silence("tailing", Duration.parse("500ms")),
        )
    )
    assert encode_tree(tree) == {
        "text": "a",
        "break": {"value": "1s"},
        "text2": "b",
        "prosody": {"text": "c", "text2": "d", "say-as": {"interpret-as": "cardinal", "text": "3"}},
        "break2": {"value": "2s", "strength": "weak"},
        "silence": {"type": "tailing", "value": "500ms"},
    }


def test_member_names() -> None:
    assert split_member("express-as12") == ("express-as", "12")
    assert member_name("say-as", 1) == "say-as"
    assert member_name("say-as", 3) == "say-as3"


def test_decoding_an_invalid_tree_raises_the_library_error() -> None:
    with pytest.raises(TTSBuilderError):
        decode_tree({"break": {"value": "soon"}})
    with pytest.raises(TTSBuilderError):
        decode_tree({"break": "2s"})
    with pytest.raises(TTSBuilderError):
        decode_tree({"nonsense": "x"})
