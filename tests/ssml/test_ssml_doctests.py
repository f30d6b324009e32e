"""The examples in the SSML modules' docstrings run."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

import ttsbuilder.rules.render
import ttsbuilder.ssml
import ttsbuilder.ssml.names
import ttsbuilder.ssml.parse
import ttsbuilder.ssml.render
import ttsbuilder.ssml.source
import ttsbuilder.ssml.voices

MODULES = [
    ttsbuilder.ssml,
    ttsbuilder.ssml.names,
    ttsbuilder.ssml.parse,
    ttsbuilder.ssml.render,
    ttsbuilder.ssml.source,
    ttsbuilder.ssml.voices,
    ttsbuilder.rules.render,
]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
