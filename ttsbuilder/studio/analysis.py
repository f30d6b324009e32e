"""What the studio shows of a file's text: the same engine as ``lint``, ``render`` and ``preview``.

Every answer is JSON-ready data. Problems come from
:func:`~ttsbuilder.lint.check.check_source` (positions included), fixes from
:func:`~ttsbuilder.lint.fix.fix_source` (the safe fixes of ``lint --fix``), SSML from
:func:`~ttsbuilder.ssml.render_ssml_with_problems` for every target in
:data:`~ttsbuilder.ssml.names.TARGETS`, and audio from
:func:`~ttsbuilder.preview.preview_wav`.

>>> found = check('{"break": {"time": "2s"}}', "json")
>>> [(p["code"], p["line"], p["column"], p["fixable"]) for p in found["problems"]]
[('TTS105', 1, 12, True)]
>>> found["prompts"]
[{'pointer': '', 'kind': 'tts'}]
"""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, replace
from typing import Any

from ttsbuilder.errors import TTSBuilderError, ValidationError
from ttsbuilder.lint import discovery
from ttsbuilder.lint.check import LintOptions, check_source
from ttsbuilder.lint.fix import FIXABLE, fix_source
from ttsbuilder.lint.formats import rule_url
from ttsbuilder.lint.loaders import Format, Source, load_bytes
from ttsbuilder.problems import Problem
from ttsbuilder.profiles import ProfileName
from ttsbuilder.rules import RULES
from ttsbuilder.validation import bodies

__all__ = ["Preview", "check", "fixes", "holds_prompt", "load", "preview", "rendering"]


def load(text: str, format: Format) -> Source:
    """The loaded text, as ``lint`` loads a file's bytes."""
    return load_bytes(text.encode("utf-8", "surrogatepass"), format)


def holds_prompt(text: str, format: Format) -> bool:
    """Whether ``text`` holds a prompt, as ``lint`` decides for a file found in a folder.

    >>> holds_prompt('{"name": "my-package", "version": "1.0.0"}', "json")
    False
    """
    return discovery.prompt_source(text.encode("utf-8", "surrogatepass"), format) is not None


def _problem(problem: Problem, source: Source | None = None) -> dict[str, Any]:
    line, column = problem.line, problem.column
    if line is None and source is not None and source.parsed:
        line, column = source.locate(problem.pointer)
    rule = RULES.get(problem.code)
    return {
        "code": problem.code,
        "name": rule.name if rule else "",
        "severity": problem.severity.value,
        "pointer": problem.pointer,
        "message": problem.message,
        "hint": problem.hint,
        "line": line,
        "column": column,
        "url": rule_url(problem.code),
        "fixable": problem.code in FIXABLE,
    }


def _prompts(source: Source) -> list[dict[str, str]]:
    if not source.parsed:
        return []
    return [{"pointer": pointer, "kind": kind} for kind, pointer, _ in bodies(source.document)]


def check(text: str, format: Format, profile: ProfileName = "enablex") -> dict[str, Any]:
    """The problems of ``text`` (with lines, columns and rule links) and its prompts."""
    source = load(text, format)
    problems = check_source(source, LintOptions(profile=profile))
    return {
        "problems": [_problem(p) for p in problems],
        "errors": sum(p.is_error for p in problems),
        "warnings": sum(not p.is_error for p in problems),
        "prompts": _prompts(source),
    }


def _body(source: Source, pointer: str) -> Any:
    for _, at, body in bodies(source.document) if source.parsed else ():
        if at == pointer:
            return body
    raise TTSBuilderError(f"no prompt at {pointer or '/'}")


def rendering(
    text: str, format: Format, pointer: str = "", profile: ProfileName = "enablex"
) -> dict[str, Any]:
    """The SSML of the prompt at ``pointer``, for every target, with the target's warnings.

    A target whose rendering fails holds ``error`` (the document's errors, or why)
    instead of ``ssml``.
    """
    from ttsbuilder.ssml import TARGETS, render_ssml_with_problems

    source = load(text, format)
    out: dict[str, Any] = {}
    for target in TARGETS:
        try:
            ssml, notes = render_ssml_with_problems(
                _body(source, pointer), target, pretty=True, profile=profile
            )
        except ValidationError as exc:
            count = sum(p.is_error for p in exc.problems)
            out[target] = {"error": f"fix the {count} error(s) first", "problems": []}
            continue
        except TTSBuilderError as exc:
            out[target] = {"error": str(exc), "problems": []}
            continue
        own = [p.under(pointer) for p in notes if p.code.startswith("TTS6")]
        out[target] = {"ssml": ssml, "problems": [_problem(p, source) for p in own]}
    return out


def fixes(text: str, format: Format, profile: ProfileName = "enablex") -> dict[str, Any]:
    """The safe fixes of ``lint --fix`` for ``text``: the fixed text, a diff and the changes.

    ``text`` is None when there is nothing safe to fix; ``unsafe`` counts the fixes left
    out because they would change what a standard parser reads (``--unsafe-fixes``).

    >>> found = fixes('{"break": {"time": "2s"}}', "json")
    >>> found["text"], found["changes"], found["unsafe"]
    ('{"break": {"value": "2s"}}', ["1:12: TTS105 renamed 'time' to 'value'"], 0)
    """
    result = fix_source(load(text, format), None, LintOptions(profile=profile))
    if result.text is None:
        return {"text": None, "diff": "", "changes": [], "unsafe": result.unsafe}
    diff = difflib.unified_diff(
        text.splitlines(keepends=True),
        result.text.splitlines(keepends=True),
        "before",
        "after",
    )
    return {
        "text": result.text,
        "diff": "".join(line if line.endswith("\n") else line + "\n" for line in diff),
        "changes": [str(change) for change in result.changes],
        "unsafe": result.unsafe,
    }


@dataclass(frozen=True, slots=True)
class Preview:
    """A spoken prompt: the WAV bytes, and what the page shows of it."""

    wav: bytes
    data: dict[str, Any]


def preview(
    text: str, format: Format, pointer: str = "", profile: ProfileName = "enablex"
) -> Preview:
    """Speak the prompt at ``pointer`` with the preview engine: WAV, timeline and its SVG.

    Raises :class:`~ttsbuilder.errors.TTSBuilderError` (errors in the document, the
    preview extra missing, a prompt over the preview's limits).
    """
    from ttsbuilder.preview import preview_wav

    source = load(text, format)
    out = io.BytesIO()
    result = preview_wav(_body(source, pointer), out, profile=profile)
    line = picture = result.timeline  # the picture names nodes within the prompt: shorter
    if pointer:  # the file's pointers, as the problems have them
        moved = tuple(replace(e, pointer=pointer + e.pointer) for e in line.entries)
        line = replace(line, entries=moved)
    notes = [p.under(pointer) for p in result.problems]
    data = line.to_dict()
    for entry in data["entries"]:  # where each node is in the file, to mark it there too
        entry["line"] = source.locate(entry["pointer"])[0]
    data = {
        **data,
        "svg": picture.to_svg(),
        "problems": [_problem(p, source) for p in notes],
    }
    return Preview(out.getvalue(), data)
