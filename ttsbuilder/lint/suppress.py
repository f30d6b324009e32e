"""Suppression comments in YAML files: ``# ttsbuilder: ignore[TTS212]``, as yamllint's.

A comment ``# ttsbuilder: ignore[CODE, ...]`` after the content of a line suppresses
those codes (or rule names) on that line; on a line of its own it suppresses them on
the next line that holds YAML. A bare ``# ttsbuilder: ignore`` suppresses every code.
A suppression that suppresses nothing, or names no rule, is itself reported, as
TTS507 (``unused-suppression``), so suppressions do not outlive their problems. JSON
has no comments: ``[tool.ttsbuilder.per-file-ignores]`` is the way there.

>>> from ttsbuilder.problems import Problem, Severity
>>> text = "prosody:\\n  rate: 30%  # ttsbuilder: ignore[TTS212]\\n  text: Hi\\n"
>>> found = [Problem("TTS212", Severity.WARNING, "/prosody/rate", "no sign", line=2, column=9)]
>>> suppress(found, suppressions(text))
[]
>>> [(p.code, p.line) for p in suppress([], suppressions(text))]
[('TTS507', 2)]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ttsbuilder.lint.yaml_breaks import readable
from ttsbuilder.problems import Problem
from ttsbuilder.rules import rule_named
from ttsbuilder.rules.source import UNUSED_SUPPRESSION

__all__ = ["Suppression", "suppress", "suppressions"]

#: What follows a comment's ``#``; the codes are those in brackets, none for every code.
_DIRECTIVE = re.compile(r"#[ \t]*ttsbuilder:[ \t]*ignore\b(?:\[(?P<codes>[^\]\n]*)\])?")
#: Text that cannot hold a directive is not scanned (most files).
_MARK = "ttsbuilder:"


@dataclass(frozen=True, slots=True)
class Suppression:
    """One ``# ttsbuilder: ignore`` comment: where it is, the line it covers, its codes.

    ``codes`` is empty for a bare ``ignore`` (every code); ``target`` is None for a
    comment with no YAML line after it.
    """

    line: int
    column: int
    target: int | None
    codes: tuple[str, ...]


def suppressions(text: str) -> list[Suppression]:
    """The suppression comments of YAML ``text`` (a ``#`` inside a string is no comment).

    >>> [s.codes for s in suppressions("a: '# ttsbuilder: ignore'\\nb: 1 # ttsbuilder: ignore\\n")]
    [()]
    """
    if _MARK not in text:
        return []
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    found: list[tuple[int, int, tuple[str, ...], bool]] = []
    for offset in _comment_starts(text):
        match = _DIRECTIVE.match(text, offset)
        if match is None:
            continue
        number = _line_of(starts, offset)
        column = offset - starts[number - 1] + 1
        own_line = not text[starts[number - 1] : offset].strip()
        codes = tuple(c.strip() for c in (match["codes"] or "").split(",") if c.strip())
        if match["codes"] is not None and not codes:
            codes = ("",)  # "ignore[]" names no rule: reported, never "every code"
        found.append((number, column, codes, own_line))
    targets = _next_contents(lines, [number for number, _, _, own in found if own])
    return [
        Suppression(number, column, targets[number] if own else number, codes)
        for number, column, codes, own in found
    ]


def _comment_starts(text: str) -> Iterator[int]:
    """Offsets of the ``#`` that begin comments: after a blank or a line start, not in a scalar."""
    scalars = _scalar_spans(text)
    index = 0
    for offset in (m.start() for m in re.finditer("#", text)):
        if offset and text[offset - 1] not in " \t\n\r":
            continue
        while index < len(scalars) and scalars[index][1] <= offset:
            index += 1
        if index < len(scalars) and scalars[index][0] <= offset:
            continue
        yield offset


def _scalar_spans(text: str) -> list[tuple[int, int]]:
    """Where each scalar of ``text`` starts and ends; up to a syntax error, if any."""
    from ruamel.yaml import YAML
    from ruamel.yaml.tokens import ScalarToken

    spans: list[tuple[int, int]] = []
    try:
        for token in YAML(typ="safe", pure=True).scan(readable(text)[0]):
            if isinstance(token, ScalarToken):
                spans.append((token.start_mark.index, token.end_mark.index))
    except Exception:  # a broken file: the scalars read so far still count
        pass
    return spans


def _line_of(starts: list[int], offset: int) -> int:
    """The 1-based number of the line that holds ``offset`` (``starts``: where each begins)."""
    return bisect.bisect_right(starts, offset)


def _next_contents(lines: list[str], numbers: list[int]) -> dict[int, int | None]:
    """For each line number in ``numbers``, the number of the first line after it that
    holds YAML (not blank, not only a comment), or None: each line is read once, however
    many comment lines come in a row.

    >>> _next_contents(["# a", "# b", "", "x: 1", "# c"], [1, 2, 5])
    {5: None, 2: 4, 1: 4}
    """
    targets: dict[int, int | None] = {}
    known_from, known = len(lines), None  # the first content line at or after known_from
    for number in sorted(set(numbers), reverse=True):
        found = known
        for following in range(number, known_from):
            stripped = lines[following].strip()
            if stripped and not stripped.startswith("#"):
                found = following + 1
                break
        known_from, known = min(number, known_from), found
        targets[number] = found
    return targets


def suppress(
    problems: list[Problem], found: list[Suppression], *, unused: bool = True
) -> list[Problem]:
    """``problems`` without those the comments ``found`` suppress, plus TTS507s.

    A problem with no line cannot be suppressed by a comment. The TTS507 problems are
    at the comment's ``#``; the result is in the order of ``problems``, TTS507s last.
    ``unused=False`` leaves them out (a file that did not parse was not checked).
    """
    if not found:
        return problems
    by_line: dict[int, list[Suppression]] = {}
    for item in found:
        if item.target is not None:
            by_line.setdefault(item.target, []).append(item)
    used: set[tuple[Suppression, str]] = set()
    kept = []
    for problem in problems:
        covering = by_line.get(problem.line, []) if problem.line is not None else []
        hits = [(s, code) for s in covering for code in _covers(s, problem.code)]
        used.update(hits)
        if not hits:
            kept.append(problem)
    if not unused:
        return kept
    return kept + [p for item in found for p in _unused(item, used)]


def _covers(item: Suppression, code: str) -> list[str]:
    if not item.codes:
        return ["*"]
    return [name for name in item.codes if _code_of(name) == code]


def _code_of(name: str) -> str | None:
    rule = rule_named(name) if name else None
    return None if rule is None else rule.code


def _unused(item: Suppression, used: set[tuple[Suppression, str]]) -> Iterator[Problem]:
    where = f"line {item.target}" if item.target is not None else "the end of the file"
    if not item.codes:
        if (item, "*") not in used:
            yield _problem(item, f"suppresses nothing: no problem is reported on {where}")
        return
    for name in item.codes:
        if _code_of(name) is None:
            yield _problem(
                item, f"{name!r} is not a rule code or name", "see ttsbuilder rule --all"
            )
        elif (item, name) not in used:
            yield _problem(item, f"suppresses nothing: {name} is not reported on {where}")


def _problem(item: Suppression, message: str, hint: str | None = None) -> Problem:
    hint = hint or "remove it, or the code that no longer applies"
    return UNUSED_SUPPRESSION.problem("", message, hint).at(item.line, item.column)
