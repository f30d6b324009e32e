"""Optional features import their third-party library through :func:`require`.

Each integration lives behind an extra of its own (``pip install 'ttsbuilder[EXTRA]'``);
a missing library is a :class:`~ttsbuilder.errors.MissingExtraError` that names the
extra to install, never a bare ``ModuleNotFoundError``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ttsbuilder.errors import MissingExtraError

__all__ = ["require"]


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
        # Only the module asked for (or its own package) being absent means the extra is
        # missing; an import error inside an installed library is that library's bug.
        if error.name is None or module.split(".")[0] != error.name.split(".")[0]:
            raise
        raise MissingExtraError(feature, module, extra) from None
