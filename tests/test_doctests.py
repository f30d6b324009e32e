"""Every module's docstring examples run (``--doctest-modules`` for the whole package)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import ttsbuilder
from ttsbuilder.ssml import reset_default_voices

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(ttsbuilder.__path__, "ttsbuilder.")
    if info.name != "ttsbuilder.__main__"
)


def test_every_module_is_found() -> None:
    assert {"ttsbuilder.values", "ttsbuilder.rules.base", "ttsbuilder.ssml.render"} <= set(MODULES)


@pytest.mark.parametrize("name", ["ttsbuilder", *MODULES])
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    try:
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    finally:  # examples change the voice table; a failing one must not leak the change
        reset_default_voices()
    assert result.failed == 0
