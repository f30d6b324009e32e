"""Output formats: one small function per format over the same list of findings.

A finding is a ``(path, problem)`` pair; every function returns the whole output as
text. ``text`` is ``path:line:col: CODE severity message (hint)`` plus a summary line;
``json`` one array of objects; ``sarif`` SARIF 2.1.0 for GitHub code scanning;
``github`` workflow-command annotations. Whatever a file name or a key holds, ``text``
and ``github`` put one problem on one line with control characters escaped, and every
format is valid UTF-8 (``ttsbuilder._output``; docs/cli.md, "Output encoding").

>>> from ttsbuilder.problems import Problem, Severity
>>> problem = Problem("TTS105", Severity.ERROR, "/break/time", "use 'value'", line=3, column=5)
>>> print(format_text([("a.json", problem)], files=1))
a.json:3:5: TTS105 error use 'value'
1 error in 1 of 1 file
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ttsbuilder._output import printable, to_json
from ttsbuilder._version import __version__
from ttsbuilder.problems import Problem, Severity
from ttsbuilder.rules import RULES

__all__ = [
    "DOCS_URL",
    "FORMATTERS",
    "Finding",
    "format_github",
    "format_json",
    "format_sarif",
    "format_statistics",
    "format_text",
    "rule_url",
    "statistics",
    "summary",
    "text_line",
]

Finding = tuple[str, Problem]

#: Where docs/rules.md is published; each code links to its section there.
DOCS_URL = "https://ttsbuilder.dev/docs/rules.md"


def rule_url(code: str) -> str:
    """The link to a rule's section of the rules reference.

    >>> rule_url("TTS105")
    'https://ttsbuilder.dev/docs/rules.md#tts105'
    """
    return f"{DOCS_URL}#{code.lower()}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary(findings: Sequence[Finding], files: int, skipped: int = 0) -> str:
    """The closing line: how many errors and warnings, in how many of the files checked.

    ``skipped``: files found in directories that hold no prompt, which were not checked.

    >>> summary([], 3, skipped=40)
    'no problems in 3 files (40 files skipped: no prompt)'
    """
    errors = sum(1 for _, p in findings if p.severity is Severity.ERROR)
    warnings = len(findings) - errors
    aside = f" ({_plural(skipped, 'file')} skipped: no prompt)" if skipped else ""
    if not findings:
        return f"no problems in {_plural(files, 'file')}{aside}"
    counts = [_plural(errors, "error")] if errors else []
    if warnings:
        counts.append(_plural(warnings, "warning"))
    with_problems = len({path for path, _ in findings})
    return f"{' and '.join(counts)} in {with_problems} of {_plural(files, 'file')}{aside}"


def _said(problem: Problem) -> str:
    """The message, and the hint in parentheses when there is one."""
    return f"{problem.message} ({problem.hint})" if problem.hint else problem.message


def text_line(path: str, problem: Problem) -> str:
    """One problem as ``path:line:col: CODE severity message (hint)``, on one printable line.

    >>> from ttsbuilder.problems import Problem, Severity
    >>> text_line("a.json", Problem("TTS201", Severity.ERROR, "/break/value", "bad duration"))
    'a.json:1:1: TTS201 error bad duration'
    """
    p = problem
    line = f"{path}:{p.line or 1}:{p.column or 1}: {p.code} {p.severity.value} {_said(p)}"
    return printable(line)


def format_text(findings: Sequence[Finding], files: int, skipped: int = 0) -> str:
    """``path:line:col: CODE severity message (hint)`` lines and a summary line."""
    lines = [text_line(path, p) for path, p in findings]
    lines.append(summary(findings, files, skipped))
    return "\n".join(lines)


def format_json(findings: Sequence[Finding], files: int, skipped: int = 0) -> str:
    """One JSON array of objects: path, line, column, code, severity, message, pointer, hint."""
    items = []
    for path, p in findings:
        item: dict[str, Any] = {
            "path": path,
            "line": p.line or 1,
            "column": p.column or 1,
            "code": p.code,
            "severity": p.severity.value,
            "message": p.message,
            "pointer": p.pointer,
        }
        if p.hint:
            item["hint"] = p.hint
        items.append(item)
    return to_json(items)


def _sarif_rule(code: str) -> dict[str, Any]:
    rule = RULES.get(code)
    if rule is None:  # not a registered rule: still the descriptions code scanning shows
        text = {"text": f"ttsbuilder rule {code}"}
        return {
            "id": code,
            "shortDescription": text,
            "fullDescription": text,
            "help": text,
            "helpUri": rule_url(code),
        }
    help_text = f"{rule.summary}\n\nBad:\n{rule.bad}\n\nGood:\n{rule.good}"
    help_markdown = (
        f"{rule.summary}\n\nBad:\n\n```\n{rule.bad}\n```\n\nGood:\n\n```\n{rule.good}\n```\n\n"
        f"[{rule.code} {rule.name}]({rule_url(code)})"
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.summary},
        "help": {"text": help_text, "markdown": help_markdown},
        "helpUri": rule_url(code),
        "defaultConfiguration": {"level": rule.severity.value},
        "properties": {"tags": [rule.family or "ttsbuilder"]},
    }


def format_sarif(findings: Sequence[Finding], files: int, skipped: int = 0) -> str:
    """SARIF 2.1.0 with one run, its rules (help text and link) and one result per finding."""
    codes = sorted({p.code for _, p in findings})
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for path, p in findings:
        results.append(
            {
                "ruleId": p.code,
                "ruleIndex": index[p.code],
                "level": p.severity.value,
                "message": {"text": _said(p)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": _artifact(path),
                            "region": {"startLine": p.line or 1, "startColumn": p.column or 1},
                        },
                        "logicalLocations": [{"fullyQualifiedName": p.pointer or "/"}],
                    }
                ],
            }
        )
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "ttsbuilder",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": DOCS_URL.rsplit("/docs/", 1)[0] + "/",
                        "rules": [_sarif_rule(code) for code in codes],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return to_json(log)


def _artifact(path: str) -> dict[str, str]:
    """A path as GitHub code scanning wants it: relative to the checkout, forward slashes.

    An absolute path is a ``file:`` URI instead (a relative reference with a base id
    would put it under the checkout). A URI holds bytes: a name that is not UTF-8 keeps
    its own bytes, percent-encoded (``bad%FF.json``).
    """
    import ntpath
    import os
    import posixpath
    from urllib.parse import quote

    if posixpath.isabs(path) or ntpath.isabs(path):
        absolute = path.replace("\\", "/")
        prefix = "file://" if absolute.startswith("/") else "file:///"
        return {"uri": prefix + quote(os.fsencode(absolute), safe="/:")}
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return {"uri": quote(os.fsencode(path), safe="/"), "uriBaseId": "%SRCROOT%"}


def _escape_data(text: str) -> str:
    # GitHub's runner decodes %0A back to a line break inside the annotation, but only
    # after it has split the log into commands; other controls (ESC, BEL) it passes on.
    text = printable(text, keep="\r\n")
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Sequence[Finding], files: int, skipped: int = 0) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``."""
    lines = []
    for path, p in findings:
        command = "error" if p.severity is Severity.ERROR else "warning"
        title = _escape_property(
            f"{p.code} {RULES[p.code].name if p.code in RULES else ''}".strip()
        )
        message = _escape_data(_said(p))
        lines.append(
            f"::{command} file={_escape_property(path)},line={p.line or 1},"
            f"col={p.column or 1},title={title}::{message}"
        )
    return "\n".join(lines)


#: Format name → function(findings, files checked, files skipped) → output text. Only the
#: text format's summary line counts files.
FORMATTERS: dict[str, Callable[[Sequence[Finding], int, int], str]] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
}


def statistics(findings: Sequence[Finding]) -> list[tuple[str, int]]:
    """``(code, count)`` for each code found, the most frequent first (then by code).

    >>> from ttsbuilder.problems import Problem, Severity
    >>> def error(code: str) -> Problem:
    ...     return Problem(code, Severity.ERROR, "", "a message")
    >>> statistics([("a.json", error(c)) for c in ("TTS201", "TTS105", "TTS201")])
    [('TTS201', 2), ('TTS105', 1)]
    """
    counts: dict[str, int] = {}
    for _, problem in findings:
        counts[problem.code] = counts.get(problem.code, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def format_statistics(findings: Sequence[Finding], as_json: bool = False) -> str:
    """``--statistics``: one line per code (count, code, rule name, ``[*]`` when fixable).

    ``as_json`` gives an array of ``{"code", "name", "count", "fixable"}`` objects.
    """
    rows = []
    for code, count in statistics(findings):
        rule = RULES.get(code)
        rows.append(
            {
                "code": code,
                "name": rule.name if rule else "",
                "count": count,
                "fixable": bool(rule and rule.fixable),
            }
        )
    if as_json:
        return to_json(rows)
    width = max((len(str(row["count"])) for row in rows), default=1)
    return "\n".join(
        f"{row['count']:>{width}}  {row['code']}  {row['name']}{'  [*]' if row['fixable'] else ''}"
        for row in rows
    )
