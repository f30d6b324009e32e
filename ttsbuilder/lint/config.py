"""The ``[tool.ttsbuilder]`` table: where it is found, what it may hold, and its errors.

Every setting is defined once, in :data:`SETTINGS`: its TOML key, its type, its default
and, where there is one, its closed set of values. The command line uses the same
names and defaults. Every mistake in the table is a :class:`ConfigError` that names the
file, the line when it can be found, and the key: an unknown key (with "did you
mean"), a value of the wrong type or outside its set, a file that is not TOML.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> path = os.path.join(folder, "pyproject.toml")
>>> with open(path, "w") as f:
...     _ = f.write('[tool.ttsbuilder]\\nprofle = "azure"\\n')
>>> try:
...     load_config(path)
... except ConfigError as exc:
...     print(str(exc).replace(path, "pyproject.toml"))
pyproject.toml:2: [tool.ttsbuilder] unknown key 'profle' (did you mean 'profile'?)
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import dataclass
from typing import Any, Literal, get_args

from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.lint.reading import read_input
from ttsbuilder.problems import shown
from ttsbuilder.rules.context import suggest

__all__ = [
    "COLOURS",
    "SETTINGS",
    "Colour",
    "ConfigError",
    "Setting",
    "defaults",
    "find_config",
    "load_config",
    "resolve",
]

TABLE = "[tool.ttsbuilder]"

#: When the text report is coloured (``--color``, ``color``; docs/cli.md, "Colour").
Colour = Literal["auto", "always", "never"]
COLOURS: tuple[Colour, ...] = get_args(Colour)


class ConfigError(TTSBuilderError):
    """A usage problem: a path that does not exist, or a bad ``[tool.ttsbuilder]`` table."""


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting of ``ttsbuilder lint``: its key in the table, its type and default."""

    key: str
    type: type
    default: Any
    #: The allowed values of a string setting (None: any string), or for ``jobs`` none.
    choices: tuple[str, ...] | None = None

    @property
    def name(self) -> str:
        """The Python name (``prompts-only`` → ``prompts_only``), as argparse spells it."""
        return self.key.replace("-", "_")


def _choices() -> dict[str, tuple[str, ...]]:
    from ttsbuilder.lint.formats import FORMATTERS
    from ttsbuilder.profiles import PROFILES
    from ttsbuilder.validation import KINDS

    return {"kind": tuple(KINDS), "profile": tuple(PROFILES), "format": tuple(FORMATTERS)}


def _settings() -> dict[str, Setting]:
    choices = _choices()
    table = [
        Setting("kind", str, "auto", choices["kind"]),
        Setting("profile", str, "enablex", choices["profile"]),
        Setting("format", str, "text", choices["format"]),
        Setting("strict", bool, False),
        Setting("fix", bool, False),
        Setting("unsafe-fixes", bool, False),
        Setting("jobs", int, 0),
        Setting("select", list, []),
        Setting("ignore", list, []),
        Setting("include", list, []),
        Setting("exclude", list, []),
        # None: files named on the command line are checked whatever they hold, files
        # found in directories only when they hold a prompt.
        Setting("prompts-only", bool, None),
        Setting("show-fixes", bool, False),
        Setting("output-file", str, None),
        Setting("color", str, "auto", COLOURS),
        # glob → codes not reported in the files it matches, as ruff's per-file-ignores
        Setting("per-file-ignores", dict, {}),
    ]
    return {setting.key: setting for setting in table}


#: TOML key → setting, for every key ``[tool.ttsbuilder]`` may hold.
SETTINGS: dict[str, Setting] = _settings()

_TYPE_NAMES = {
    str: "a string",
    bool: "true or false",
    int: "an integer",
    list: "a list of strings",
    dict: "a table of globs, each a list of rule codes",
}


def defaults() -> dict[str, Any]:
    """Every setting's default, by Python name (lists and tables are fresh copies)."""
    return {
        s.name: s.default.copy() if s.type in (list, dict) else s.default for s in SETTINGS.values()
    }


def resolve(path: str | None) -> dict[str, Any]:
    """Every setting, by Python name: the defaults, then ``[tool.ttsbuilder]`` of ``path``.

    ``path`` is a ``--config`` file; None means the nearest ``pyproject.toml`` that has the
    table, if any. With a file, ``root`` is its folder (per-file-ignores globs are
    relative to it). A named file that does not exist is a :class:`ConfigError`.
    """
    settings = defaults()
    found = path or find_config()
    if found is not None:
        if not os.path.isfile(found):
            raise ConfigError(f"{found}: no such configuration file")
        settings.update(load_config(found))
        settings["root"] = os.path.dirname(found) or "."
    return settings


def find_config(start: str = ".") -> str | None:
    """The nearest ``pyproject.toml`` at or above ``start`` with a ``[tool.ttsbuilder]`` table.

    Files that do not mention ttsbuilder are passed over unread as TOML; one that does
    but is not valid TOML, or whose ``tool`` is not a table, raises :class:`ConfigError`.
    """
    folder = os.path.abspath(start)
    while True:
        candidate = os.path.join(folder, "pyproject.toml")
        mentioned = os.path.isfile(candidate) and b"ttsbuilder" in _read(candidate, quiet=True)
        if mentioned and _table(_shown_path(candidate)) is not None:
            return _shown_path(candidate)
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _shown_path(path: str) -> str:
    relative = os.path.relpath(path)
    return relative if len(relative) < len(path) else path


def _read(path: str, *, quiet: bool = False) -> bytes:
    try:
        return read_input(path)
    except OSError as exc:
        if quiet:
            return b""
        raise ConfigError(f"{path}: cannot read the configuration: {exc.strerror or exc}") from None


def _table(path: str) -> dict[str, Any] | None:
    """The ``[tool.ttsbuilder]`` table of the TOML file at ``path``, or None if it has none."""
    # Python 3.10 has no tomllib; the tomli backport is the same module under another name.
    tomllib: Any = importlib.import_module("tomllib" if sys.version_info >= (3, 11) else "tomli")
    data = _read(path)
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        message = f"not UTF-8 (byte 0x{data[exc.start]:02X} at offset {exc.start})"
        raise ConfigError(f"{path}: cannot read the configuration: {message}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc}") from None
    except RecursionError:
        raise ConfigError(
            f"{path}: cannot read the configuration: it nests too deeply for the TOML parser"
        ) from None
    tool = document.get("tool")
    if tool is None:
        return None
    if type(tool) is not dict:
        raise ConfigError(f"{_at(path, 'tool', None)} tool must be a table, got {shown(tool)}")
    table = tool.get("ttsbuilder")
    if table is None:
        return None
    if type(table) is not dict:
        where = _at(path, "ttsbuilder", "tool")
        raise ConfigError(f"{where} {TABLE} must be a table, got {shown(table)}")
    return table


def load_config(path: str) -> dict[str, Any]:
    """The ``[tool.ttsbuilder]`` table of the TOML file at ``path``, checked, by Python name.

    Raises :class:`ConfigError` naming the file and the key for an unknown key, a value
    of the wrong type or outside its set, and for a file with no such table.
    """
    table = _table(path)
    if table is None:
        raise ConfigError(f"{path}: there is no {TABLE} table")
    config: dict[str, Any] = {}
    for key, value in table.items():
        where = f"{_at(path, key, 'tool.ttsbuilder')} {TABLE}"
        setting = SETTINGS.get(key)
        if setting is None:
            hint = suggest(key, SETTINGS)
            raise ConfigError(f"{where} unknown key {shown(key)}" + (f" ({hint})" if hint else ""))
        config[setting.name] = _checked(setting, value, where)
    return config


def _checked(setting: Setting, value: Any, where: str) -> Any:
    from ttsbuilder.lint.check import unknown_selectors

    key = setting.key
    wrong = f"{where} {key} must be {_TYPE_NAMES[setting.type]}, got {shown(value)}"
    if setting.type is dict:
        if type(value) is not dict:
            raise ConfigError(wrong)
        table = {}
        for glob, listed in value.items():
            codes: Any = [listed] if type(listed) is str else listed
            if type(codes) is not list or not all(type(code) is str for code in codes):
                raise ConfigError(f"{where} {key} {shown(glob)} must be a list of rule codes")
            unknown = unknown_selectors(tuple(codes))
            if unknown:
                raise ConfigError(f"{where} {key}: unknown rule code or name: {', '.join(unknown)}")
            table[glob] = codes
        return table
    if setting.type is list:
        items: Any = [value] if type(value) is str else value
        if type(items) is not list or not all(type(item) is str for item in items):
            raise ConfigError(wrong)
        unknown = unknown_selectors(tuple(items)) if key in ("select", "ignore") else []
        if unknown:
            raise ConfigError(f"{where} {key}: unknown rule code or name: {', '.join(unknown)}")
        return items
    if not isinstance(value, setting.type) or type(value) is bool is not setting.type:
        raise ConfigError(wrong)  # (true is an int to Python, not to TOML)
    if setting.choices is not None and value not in setting.choices:
        hint = suggest(str(value), setting.choices)
        allowed = ", ".join(setting.choices)
        raise ConfigError(
            f"{where} {key} {shown(value)} is not one of {allowed}" + (f" ({hint})" if hint else "")
        )
    if key == "jobs" and isinstance(value, int) and value < 0:
        raise ConfigError(f"{where} jobs must be at least 1 (or 0: all cores), got {value}")
    return value


def _at(path: str, key: str, header: str | None) -> str:
    """``path:line:`` where ``key`` is set under the table ``header`` (None: the top)."""
    line = _line_of(path, key, header)
    return f"{path}:{line}:" if line else f"{path}:"


_HEADER = re.compile(r"\s*\[\s*([^\[\]]*?)\s*\]")


def _line_of(path: str, key: str, header: str | None) -> int | None:
    """Best effort: the line that sets ``key`` in the table ``header``; None if not found."""
    try:
        lines = _read(path, quiet=True).decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return None
    setter = re.compile(rf"\s*(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')\s*[=.]")
    current: str | None = None
    for number, text in enumerate(lines, 1):
        found = _HEADER.match(text)
        if found:
            current = re.sub(r"[\s\"']", "", found.group(1))
            if current == f"{header}.{key}":  # the key is a sub-table: [tool.ttsbuilder.key]
                return number
        elif current == header and setter.match(text):
            return number
    return None
