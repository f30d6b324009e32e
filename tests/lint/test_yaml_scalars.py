"""Every way YAML writes a string gives lint the string a YAML 1.2 reader (the npm ``yaml``
package, run with node) gives.

Before: ruamel.yaml's round-trip loader marked each fold of a folded block scalar
(``text: >``, the usual way to wrap a long prompt) with a BEL character, which lint took
for part of the text: every such prompt failed with TTS112 "character '\\x07' cannot
appear in SSML", and the SSML carried the BEL.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.lint.test_yaml_breaks import needs_node, yaml_1_2
from ttsbuilder.lint.check import lint_bytes
from ttsbuilder.lint.loaders import load_yaml
from ttsbuilder.ssml import render_ssml

STYLES = {
    "folded": "text: >\n  Welcome to\n  Acme Pharmacy.\n",
    "folded, strip": "text: >-\n  Welcome to\n  Acme.\n\n",
    "folded, keep": "text: >+\n  Welcome to\n  Acme.\n\n\n",
    "folded, paragraphs": "text: >\n  One\n  two.\n\n  Three\n  four.\n",
    "folded, more indented": "text: >\n  Press 1\n    for sales,\n  or 2.\n",
    "folded, indentation indicator": "text: >2\n   Leading space\n  kept.\n",
    "folded, comment": "text: > # the welcome\n  Welcome to\n  Acme.\n",
    "folded, in a sequence": "- text: >\n    Welcome to\n    Acme.\n",
    "folded, in flow context": "prosody: {rate: slow, text: 'Wel\n  come'}\n",
    "literal": "text: |\n  Line one\n  line two\n",
    "literal, strip": "text: |-\n  Line one\n  line two\n",
    "plain, multi-line": "text: Welcome to\n  Acme\n\n  Pharmacy.\n",
    "double-quoted, folded": 'text: "Welcome to \\\n  Acme\n  Pharmacy.\\t!"\n',
    "single-quoted, folded": "text: 'It''s\n  Acme\n\n  Pharmacy.'\n",
}


@needs_node
@pytest.mark.parametrize("style", STYLES)
def test_lint_reads_each_string_as_a_yaml_1_2_reader_does(style: str) -> None:
    text = STYLES[style]
    reference = yaml_1_2(text)
    assert reference["errors"] == []
    assert load_yaml(text).document == reference["value"]


def test_a_folded_prompt_is_clean_and_its_ssml_has_no_bel() -> None:
    data = b"text: >\n  Welcome to\n  Acme Pharmacy.\nbreak: {value: 1s}\n"
    assert lint_bytes(data, "yaml") == []
    tree = load_yaml(data.decode()).document
    assert tree["text"] == "Welcome to Acme Pharmacy.\n"
    assert "\x07" not in render_ssml(tree)


WORDS = st.lists(st.from_regex(r"[A-Za-z][A-Za-z,.!?']{0,9}", fullmatch=True), min_size=1)


@needs_node
@settings(max_examples=25, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=5), st.sampled_from([">", ">-", "|", "|-"]))
def test_block_scalars_of_any_lines(lines: list[list[str]], header: str) -> None:
    body = "".join(f"  {' '.join(words)}\n" for words in lines)
    text = f"text: {header}\n{body}"
    assert load_yaml(text).document == yaml_1_2(text)["value"]
