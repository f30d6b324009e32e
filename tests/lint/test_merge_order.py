"""Where YAML merge keys (``<<``) put the merged members, and TTS508 when that matters.

The reference readers are outside the code under test: PyYAML's ``safe_load`` and
ruamel.yaml's safe loader (both put merged members first), and the order the JavaScript
``yaml`` package (2.8, ``merge: true``) gives, written here by hand: merged members where
the ``<<`` is. ttsbuilder follows the last, which agrees with the first two whenever
``<<`` comes first, as it almost always does.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ttsbuilder.cli import main
from ttsbuilder.lint.check import lint_bytes
from ttsbuilder.lint.loaders import load_bytes

REPRODUCER = 'base: &b {text1: "A"}\np: {<<: *b, text: "B"}\n'


def ours(text: str) -> Any:
    return load_bytes(text.encode(), "yaml").document


def ruamel_safe(text: str) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(text)


def test_merged_members_come_where_the_merge_key_is() -> None:
    # Before: ttsbuilder read {text: B, text1: A} and spoke "B A"; every other reader "A B".
    assert list(ours(REPRODUCER)["p"].items()) == [("text1", "A"), ("text", "B")]
    assert list(yaml.safe_load(REPRODUCER)["p"].items()) == [("text1", "A"), ("text", "B")]
    assert list(ruamel_safe(REPRODUCER)["p"].items()) == [("text1", "A"), ("text", "B")]


def test_render_speaks_the_merged_text_first(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "prompts.yaml"
    path.write_text(REPRODUCER, encoding="utf-8")
    capsys.readouterr()
    assert main(["render", str(path), "--pointer", "/p"]) == 0
    out = capsys.readouterr().out
    assert out.index("A") < out.index("B")


# Hand-copied from the JavaScript yaml package's output for the same files.
MERGES_ANYWHERE = [
    ("b: &b {text1: A}\np: {text: B, <<: *b}\n", "text text1", "BA"),
    ("b: &b {text2: A}\np: {text: B, <<: *b, text3: C}\n", "text text2 text3", "BAC"),
    ("b: &b {text: A, text2: C}\n"
    "p: {text2: X, <<: *b, text3: D}\n", "text2 text text3", "XAD"),
    ("a: &a {text1: A}\nb: &b {text2: B, text1: Z}\n"
    "p: {<<: [*a, *b], text: C}\n", "text1 text2 text", "ABC"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "keys", "said"), MERGES_ANYWHERE)
def test_merge_anywhere_follows_yaml_merge_rules(text: str, keys: str, said: str) -> None:
    # A key of the mapping wins over a merged one, an earlier merged mapping over a later one.
    assert list(ours(text)["p"].items()) == list(zip(keys.split(), said, strict=True))


names = st.sampled_from(["text", "text2", "text3", "break", "voice", "rate"])
members = st.dictionaries(names, st.sampled_from("A B C"), max_size=4)


def _flow(mapping: dict[str, str]) -> str:
    return ", ".join(f"{k}: {json.dumps(v)}" for k, v in mapping.items())


@settings(max_examples=200, deadline=None)
@given(members, members)
def test_a_leading_merge_reads_as_pyyaml_and_ruamel_read_it(
    base: dict[str, str], own: dict[str, str]
) -> None:
    text = f"b: &b {{{_flow(base)}}}\np: {{<<: *b{', ' if own else ''}{_flow(own)}}}\n"
    got = list(ours(text)["p"].items())
    assert got == list(yaml.safe_load(text)["p"].items())
    assert got == list(ruamel_safe(text)["p"].items())


def codes(text: str) -> list[str]:
    return [p.code for p in lint_bytes(text.encode(), "yaml")]


def test_tts507_when_spoken_members_come_from_two_mappings() -> None:
    assert "TTS508" in codes(REPRODUCER)
    # Two merged mappings, both with spoken members: PyYAML and ruamel disagree.
    assert "TTS508" in codes("a: &a {text: A}\nb: &b {text2: B}\np: {<<: [*a, *b]}\n")


@pytest.mark.parametrize(
    "text",
    [
        # Only attributes merged: their order is not spoken.
        "v: &v {voice: female, language: en-US}\np: {<<: *v, text: Hi}\n",
        # Every spoken member merged, or overridden here: one mapping decides the order.
        "a: &a {text: Hi, break: {value: 1s}}\np: {<<: *a}\n",
        "a: &a {text: Hi, language: en-US, voice: female}\np: {<<: *a, text: Bye}\n",
    ],
)
def test_no_tts507_when_the_order_does_not_depend_on_the_loader(text: str) -> None:
    assert "TTS508" not in codes(text)
