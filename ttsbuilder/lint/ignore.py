"""``.gitignore`` patterns, with git's semantics (gitignore(5)), for the directory walk.

Each pattern is translated to one regular expression over the path relative to the
directory of its ``.gitignore``: ``*`` and ``?`` stop at ``/``, ``[...]`` is a class
(``[!...]`` negated), ``**`` spans directories only as ``**/``, ``/**/`` or ``/**``, a
pattern with a ``/`` before its end is anchored to its directory, a trailing ``/``
matches directories only, ``!`` re-includes, ``\\`` escapes, trailing spaces are dropped.
The last pattern that matches decides, deeper files overriding shallower ones. The
tests compare this with ``git check-ignore`` on generated patterns and paths.

>>> rules = IgnoreFile.parse("", "build/\\n*.log\\n!keep.log\\n/top.json\\n")
>>> [rules.match(p, d) for p, d in [("build", True), ("a/b.log", False),
...                                  ("keep.log", False), ("sub/top.json", False)]]
[True, True, False, None]
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["IgnoreFile", "IgnoreStack", "git_root"]


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    negated: bool
    directory_only: bool


def _translate(glob: str) -> str:
    """The regex body of a glob (after anchoring and ``**`` are settled by the caller)."""
    out: list[str] = []
    i, n = 0, len(glob)
    while i < n:
        char = glob[i]
        if char == "\\" and i + 1 < n:
            out.append(re.escape(glob[i + 1]))
            i += 2
        elif char == "*":
            if glob.startswith("**/", i) and (i == 0 or glob[i - 1] == "/"):
                out.append("(?:.*/)?")  # zero or more directories
                i += 3
            elif glob.startswith("**", i) and i + 2 == n and i > 0 and glob[i - 1] == "/":
                out.append(".*")  # everything inside
                i += 2
            else:
                while i < n and glob[i] == "*":  # other runs of stars are one star
                    i += 1
                out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
            i += 1
        elif char == "[":
            end, body = _bracket(glob, i)
            if end < 0:
                return "(?!)"  # git's wildmatch: an unclosed bracket matches nothing
            out.append(body)
            i = end
        else:
            out.append(re.escape(char))
            i += 1
    return "".join(out)


def _bracket(glob: str, start: int) -> tuple[int, str]:
    """``(index after the class, its regex)`` for the class at ``start``; (-1, "") if unclosed."""
    i = start + 1
    negated = i < len(glob) and glob[i] in "!^"
    if negated:
        i += 1
    items: list[str] = []
    first = True
    while i < len(glob):
        char = glob[i]
        if char == "]" and not first:
            inner = "".join(items)
            if not inner:  # only empty ranges such as z-a: nothing is in the class
                return i + 1, "[^/]" if negated else "(?!)"
            return i + 1, f"[^/{inner}]" if negated else f"(?!/)[{inner}]"
        first = False
        if char == "\\" and i + 1 < len(glob):
            char = glob[i + 1]
            i += 1
        if char == "[" and glob.startswith("[:", i):
            close = glob.find(":]", i + 2)
            if close < 0:
                return -1, ""
            items.append(_POSIX_CLASSES.get(glob[i + 2 : close], "(?!)"))
            i = close + 2
            continue
        if i + 2 < len(glob) and glob[i + 1] == "-" and glob[i + 2] != "]":
            low, high = char, glob[i + 2]
            if high == "\\" and i + 3 < len(glob):
                high = glob[i + 3]
                i += 1
            if low <= high:
                items.append(f"{re.escape(low)}-{re.escape(high)}")
            i += 3
            continue
        items.append(re.escape(char))
        i += 1
    return -1, ""


_POSIX_CLASSES = {
    "alnum": "a-zA-Z0-9",
    "alpha": "a-zA-Z",
    "digit": "0-9",
    "lower": "a-z",
    "upper": "A-Z",
    "space": r"\s",
    "xdigit": "0-9a-fA-F",
    "punct": re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
}


def _pattern(line: str) -> _Pattern | None:
    if line.endswith("\r"):
        line = line[:-1]
    # Trailing spaces go, unless escaped with a backslash.
    stripped = line.rstrip(" ")
    if stripped.endswith("\\") and len(stripped) < len(line):
        stripped += " "
    line = stripped
    if not line or line.startswith("#"):
        return None
    negated = line.startswith("!")
    if negated:
        line = line[1:]
    directory_only = line.endswith("/")
    line = line.rstrip("/") if directory_only else line
    if not line:
        return None
    anchored = "/" in line
    line = line[1:] if line.startswith("/") else line
    body = _translate(line)
    prefix = "" if anchored else "(?:.*/)?"
    return _Pattern(re.compile(f"{prefix}{body}", re.DOTALL), negated, directory_only)


@dataclass(frozen=True, slots=True)
class IgnoreFile:
    """The patterns of one ``.gitignore``; ``base`` is its directory (relative, ``""``: root)."""

    base: str
    patterns: tuple[_Pattern, ...]

    @classmethod
    def parse(cls, base: str, text: str) -> IgnoreFile:
        """Patterns from the text of a ``.gitignore`` in the directory ``base``."""
        found = (_pattern(line) for line in text.split("\n"))
        return cls(base, tuple(p for p in found if p is not None))

    def match(self, path: str, is_dir: bool) -> bool | None:
        """True: ignored; False: re-included by a ``!`` pattern; None: no pattern matches.

        ``path`` is ``/``-separated and relative to the same root as ``base``.
        """
        if self.base:
            if not path.startswith(self.base + "/"):
                return None
            path = path[len(self.base) + 1 :]
        for pattern in reversed(self.patterns):
            if pattern.directory_only and not is_dir:
                continue
            if pattern.regex.fullmatch(path):
                return not pattern.negated
        return None


@dataclass(frozen=True, slots=True)
class IgnoreStack:
    """The ignore files in force in one directory, lowest precedence first."""

    files: tuple[IgnoreFile, ...] = ()

    def ignored(self, path: str, is_dir: bool) -> bool:
        """Whether ``path`` (relative to the stack's root, ``/``-separated) is ignored."""
        for rules in reversed(self.files):
            verdict = rules.match(path, is_dir)
            if verdict is not None:
                return verdict
        return False

    def entering(self, folder: str, relative: str) -> IgnoreStack:
        """The stack for ``folder`` (``relative`` to the root): plus its ``.gitignore``."""
        text = _read_text(os.path.join(folder, ".gitignore"))
        if text is None:
            return self
        return IgnoreStack((*self.files, IgnoreFile.parse(relative, text)))


def _read_text(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read(1 << 20)
    except OSError:
        return None


def git_root(folder: str) -> str | None:
    """The work tree that ``folder`` is in (the nearest folder holding ``.git``), or None."""
    current = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def _info_exclude(root: str) -> str | None:
    """The text of the repository's ``info/exclude`` (worktrees read the common one)."""
    dot_git = os.path.join(root, ".git")
    git_dir = dot_git
    if os.path.isfile(dot_git):
        text = _read_text(dot_git) or ""
        if not text.startswith("gitdir:"):
            return None
        git_dir = os.path.join(root, text[len("gitdir:") :].strip())
        common = _read_text(os.path.join(git_dir, "commondir"))
        if common is not None:
            git_dir = os.path.join(git_dir, common.strip())
    return _read_text(os.path.join(git_dir, "info", "exclude"))


def stack_for(folder: str) -> tuple[IgnoreStack, str]:
    """The ignore stack in force in ``folder``, and the root its paths are relative to.

    In a git work tree: ``info/exclude`` and every ``.gitignore`` from the work tree's
    root down to ``folder``. Elsewhere: ``folder``'s own ``.gitignore``.
    """
    folder = os.path.abspath(folder)
    root = git_root(folder) or folder
    stack = IgnoreStack()
    exclude = _info_exclude(root) if os.path.exists(os.path.join(root, ".git")) else None
    if exclude is not None:
        stack = IgnoreStack((IgnoreFile.parse("", exclude),))
    relative = os.path.relpath(folder, root)
    parts: Iterable[str] = [] if relative == "." else relative.split(os.sep)
    current, here = root, ""
    stack = stack.entering(current, here)
    for part in parts:
        current = os.path.join(current, part)
        here = f"{here}/{part}" if here else part
        stack = stack.entering(current, here)
    return stack, root
