"""Optional features import their third-party library through :func:`require`.

Each integration lives behind an extra of its own (``pip install 'ttsbuilder[EXTRA]'``);
a missing library is a :class:`~ttsbuilder.errors.MissingExtraError` that names the
extra to install, never a bare ``ModuleNotFoundError``.
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType

from ttsbuilder.errors import MissingExtraError

__all__ = ["optional", "require"]


def _missing(error: ModuleNotFoundError, module: str) -> bool:
    # Only the module asked for (or its own package) being absent means the extra is
    # missing; an import error inside an installed library is that library's bug.
    return error.name is not None and module.split(".")[0] == error.name.split(".")[0]


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import ``module`` for ``feature``, or raise :class:`MissingExtraError` naming ``extra``.

    >>> require("json", extra="core", feature="this example").__name__
    'json'
    >>> try:
    ...     require("no_such_module", extra="lsp", feature="ttsbuilder lsp")
    ... except MissingExtraError as error:
    ...     print(error.extra, "|", error)
    lsp | ttsbuilder lsp needs no_such_module, which is not installed: pip install 'ttsbuilder[lsp]'
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        if not _missing(error, module):
            raise
        raise MissingExtraError(feature, module, extra) from None


@functools.cache
def optional(module: str) -> ModuleType | None:
    """``module`` if it is installed, else None: for a library that only makes things faster.

    The answer is remembered, so asking on every call costs a dict look-up.

    >>> optional("json").__name__, optional("no_such_module")
    ('json', None)
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        if not _missing(error, module):
            raise
        return None
