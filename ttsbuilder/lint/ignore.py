"""``.gitignore`` patterns, with git's semantics (gitignore(5)), for the directory walk.

A pattern is matched segment by segment against the path relative to the directory of
its ``.gitignore`` (so a hostile ``*a*a*a*...`` or ``**/**/...`` costs polynomial time,
never exponential): ``*`` and ``?`` stop at ``/``, ``[...]`` is a class
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


#: A ``**`` segment: any number of directories (one or more at the end of a pattern).
_ANY_DEPTH = None


@dataclass(frozen=True, slots=True)
class _Pattern:
    segments: tuple[re.Pattern[str] | None, ...]  # None: a ``**`` segment
    anchored: bool
    negated: bool
    directory_only: bool

    def matches(self, path: str) -> bool:
        parts = path.split("/")
        if not self.anchored:  # no "/" in the pattern: it is about the last name only
            segment = self.segments[0]
            return segment is None or segment.fullmatch(parts[-1]) is not None
        return _match_segments(self.segments, parts)


def _match_segments(segments: tuple[re.Pattern[str] | None, ...], parts: list[str]) -> bool:
    """Segment by segment, so that matching is polynomial whatever the pattern."""
    last = len(segments) - 1
    # reach[j]: the first i segments can match the first j parts.
    reach = [True] + [False] * len(parts)
    for i, segment in enumerate(segments):
        following = [False] * (len(parts) + 1)
        if segment is None:
            least = 1 if i == last else 0  # a trailing /** is everything inside, not the folder
            earliest = next((j for j, ok in enumerate(reach) if ok), None)
            if earliest is not None:
                for j in range(earliest + least, len(parts) + 1):
                    following[j] = True
        else:
            for j, ok in enumerate(reach[:-1]):
                if ok and segment.fullmatch(parts[j]):
                    following[j + 1] = True
        reach = following
    return reach[-1]


def _segment(glob: str) -> re.Pattern[str] | None:
    """One ``/``-free piece of a pattern as a regex; ``**`` alone is None (any depth).

    Runs of stars are made atomic with a lookahead (as :func:`fnmatch.translate` does),
    so a pattern like ``*a*a*a*a*b`` cannot make matching exponential.
    """
    if glob == "**":
        return _ANY_DEPTH
    pieces: list[str | None] = []  # None: a star
    i, n = 0, len(glob)
    while i < n:
        char = glob[i]
        if char == "\\" and i + 1 < n:
            pieces.append(re.escape(glob[i + 1]))
            i += 2
        elif char == "*":
            while i < n and glob[i] == "*":  # a run of stars is one star here
                i += 1
            pieces.append(None)
        elif char == "?":
            pieces.append(".")
            i += 1
        elif char == "[":
            end, body = _bracket(glob, i)
            if end < 0:
                return re.compile("(?!)")  # git's wildmatch: an unclosed bracket matches nothing
            pieces.append(body)
            i = end
        else:
            pieces.append(re.escape(char))
            i += 1
    out: list[str] = []
    k, count, group = 0, len(pieces), 0
    while k < count and pieces[k] is not None:
        out.append(str(pieces[k]))
        k += 1
    while k < count:
        k += 1  # the star
        fixed: list[str] = []
        while k < count and pieces[k] is not None:
            fixed.append(str(pieces[k]))
            k += 1
        if k == count:
            out.append(".*" + "".join(fixed))
        else:
            group += 1
            out.append(f"(?=(?P<g{group}>.*?{''.join(fixed)}))(?P=g{group})")
    return re.compile("".join(out), re.DOTALL)


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
                return i + 1, "." if negated else "(?!)"
            return i + 1, f"[^{inner}]" if negated else f"[{inner}]"
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
    segments: list[re.Pattern[str] | None] = []
    for piece in line.split("/"):
        segment = _segment(piece)
        if segment is None and segments and segments[-1] is None:
            continue  # **/**: the same depths as one
        segments.append(segment)
    return _Pattern(tuple(segments), anchored, negated, directory_only)


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
            if pattern.matches(path):
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
