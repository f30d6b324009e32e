"""One document's problems as ``ttsbuilder lint`` finds them, each with a range.

The problems come from the linter's own path (:func:`ttsbuilder.lint.load_bytes` and
:func:`ttsbuilder.lint.check_source`), so codes, severities, messages and start
positions are the command's. This module only adds where each problem *ends*: the
offending key, or the key and its value when the value is a scalar on the same line.

Positions here are 0-based lines and code-point columns; the server converts them to
the client's position encoding.

>>> analysis = analyse('{"break": {"time": "2s"}}', "json")
>>> [(f.problem.code, f.start, f.end) for f in analysis.findings]
[('TTS105', (0, 11), (0, 23))]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ttsbuilder.lint.check import LintOptions, check_source
from ttsbuilder.lint.discovery import holds_prompt, may_hold_prompt
from ttsbuilder.lint.loaders import Format, Source, load_bytes
from ttsbuilder.problems import Problem

__all__ = ["Analysis", "Finding", "analyse", "encode"]

#: A 0-based (line, column) with columns counted in code points.
Position = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem and the range it covers, ``[start, end)``."""

    problem: Problem
    start: Position
    end: Position


@dataclass(frozen=True, slots=True)
class Analysis:
    """A document as loaded (``source``) and what linting it found."""

    source: Source
    problems: tuple[Problem, ...]
    findings: tuple[Finding, ...]
    #: Whether the document holds a prompt, as ``ttsbuilder lint`` decides for the files
    #: it finds (:func:`ttsbuilder.lint.discovery.holds_prompt`): one that holds none gets
    #: no diagnostics.
    prompt: bool = True


def encode(text: str) -> bytes:
    """The bytes a saved document would have (what ``ttsbuilder lint`` reads)."""
    return text.encode("utf-8", "surrogatepass")


def analyse(text: str, format: Format, options: LintOptions | None = None) -> Analysis:
    """Lint ``text`` as ``format`` with ``options``, and range every problem.

    A document that certainly holds no prompt (:func:`~ttsbuilder.lint.discovery.may_hold_prompt`:
    a lock file, an API description) is not parsed: it gets no diagnostics anyway, and a
    large YAML one would hold up the server for seconds at each change.
    """
    data = encode(text)
    if format != "ssml" and not may_hold_prompt(data):
        return Analysis(Source(format, text), (), (), prompt=False)
    source = load_bytes(data, format)
    problems = tuple(check_source(source, options or LintOptions()))
    lines = text.split("\n")
    findings = tuple(_finding(p, lines, format) for p in problems)
    return Analysis(source, problems, findings, holds_prompt(data, source))


_JSON_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"?')
_JSON_SCALAR = re.compile(r'"(?:[^"\\\n]|\\.)*"?|[^\s,}\]]+')
_COLON = re.compile(r"\s*:\s*")
_YAML_KEY = re.compile(r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s:#][^:#]*?)(?=\s*:(?:\s|$))""")
_WORD = re.compile(r"\S+")


def _finding(problem: Problem, lines: list[str], format: Format) -> Finding:
    row = max((problem.line or 1) - 1, 0)
    column = max((problem.column or 1) - 1, 0)
    if row >= len(lines):
        row, column = max(len(lines) - 1, 0), 0
    line = lines[row] if lines else ""
    column = min(column, len(line))
    return Finding(problem, (row, column), (row, _end(line, column, format)))


def _end(line: str, column: int, format: Format) -> int:
    """Where the key (and its scalar value) that starts at ``column`` ends on its line."""
    if format == "json":
        key = _JSON_STRING.match(line, column) if line[column : column + 1] == '"' else None
        if key is None:
            token = _JSON_SCALAR.match(line, column)
            return token.end() if token else min(column + 1, len(line)) or column
        colon = _COLON.match(line, key.end())
        if colon is None or colon.end() >= len(line) or line[colon.end()] in "{[":
            return key.end()
        value = _JSON_SCALAR.match(line, colon.end())
        return value.end() if value else key.end()
    key = _YAML_KEY.match(line, column)
    if key is None:
        word = _WORD.match(line, column)
        return word.end() if word else max(column, len(line.rstrip()))
    rest = line[key.end() :].split(" #", 1)[0].rstrip()
    if rest.strip() in (":", "") or rest.lstrip(": ")[:1] in ("|", ">", "&", "*", "{", "["):
        return key.end()
    return key.end() + len(rest)
