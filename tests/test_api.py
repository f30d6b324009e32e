"""The public surface: a flat namespace, every name documented, nothing heavy imported eagerly."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import types
import typing

import pytest

import ttsbuilder


def test_every_public_name_resolves_and_has_a_docstring() -> None:
    for name in ttsbuilder.__all__:
        value = getattr(ttsbuilder, name)
        if name in ("__version__", "RULES") or typing.get_origin(value) is typing.Literal:
            continue  # data, and Literal aliases, which cannot carry docstrings
        assert value.__doc__, name


def test_all_lists_exactly_the_exports() -> None:
    exported = set(ttsbuilder.__all__) - {"__version__"}
    assert exported == set(ttsbuilder._EXPORTS)


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        ttsbuilder.no_such_name  # noqa: B018


def test_import_is_lazy() -> None:
    prefixes = ("ttsbuilder", "lxml", "jsonschema")
    code = (
        "import sys, ttsbuilder; "
        f"print(sorted(m for m in sys.modules if m.startswith({prefixes!r})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['ttsbuilder', 'ttsbuilder._version']"


def test_no_submodule_shadows_a_public_name() -> None:
    for module in _all_submodules():
        importlib.import_module(module)
    for name in ttsbuilder.__all__:
        assert not isinstance(getattr(ttsbuilder, name), types.ModuleType), name


def _all_submodules() -> list[str]:
    return [
        info.name
        for info in pkgutil.walk_packages(ttsbuilder.__path__, "ttsbuilder.")
        if not info.name.endswith("__main__")
    ]
