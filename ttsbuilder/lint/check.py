"""One file's problems: its source problems plus ``validate()``'s, each with a position.

Suppression comments of a YAML file (:mod:`ttsbuilder.lint.suppress`) apply here, so
every caller (``lint``, ``--fix``, an editor) sees the same problems.

>>> [str(p) for p in lint_bytes(b'{"break": {"time": "2s"}}', "json")]
["1:12: TTS105 error break key 'time' should be 'value' (rename it 'value')"]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.lint.loaders import Format, Source, load_bytes
from ttsbuilder.lint.suppress import suppress, suppressions
from ttsbuilder.problems import Problem, sort_problems
from ttsbuilder.profiles import ProfileName
from ttsbuilder.rules import RULES, rule_named
from ttsbuilder.rules.source import MERGE_ORDER, NOT_JSON_VALUE
from ttsbuilder.validation import Kind, detect, validate

__all__ = ["LintOptions", "check_source", "lint_bytes", "unknown_selectors"]

#: Problems of how YAML reads a value: the linter's business only in or above a prompt.
_YAML_READING = frozenset({NOT_JSON_VALUE.code, MERGE_ORDER.code})


@dataclass(frozen=True, slots=True)
class LintOptions:
    """What to check a file as, and which rule codes to report.

    ``select`` and ``ignore`` hold codes (``TTS105``), code prefixes (``TTS1``) or rule
    names (``alias-key``); a problem is reported when it matches ``select`` (or
    ``select`` is empty) and does not match ``ignore``.

    >>> LintOptions(ignore=("TTS2",)).wants("TTS201")
    False
    >>> LintOptions(select=("alias-key",)).wants("TTS105")
    True
    """

    kind: Kind = "auto"
    profile: ProfileName = "enablex"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def wants(self, code: str) -> bool:
        """Whether problems of ``code`` are reported."""
        if self.select and not any(_matches(code, s) for s in self.select):
            return False
        return not any(_matches(code, s) for s in self.ignore)


def _matches(code: str, selector: str) -> bool:
    if code.startswith(selector.upper()):
        return True
    rule = RULES.get(code)
    return rule is not None and rule.name == selector


def unknown_selectors(selectors: tuple[str, ...]) -> list[str]:
    """The selectors that match no rule (a typo in ``--select`` should not pass silently)."""
    return [
        s
        for s in selectors
        if rule_named(s) is None and not any(code.startswith(s.upper()) for code in RULES)
    ]


def _validate(document: Any, options: LintOptions) -> list[Problem]:
    if options.kind != "auto" and type(document) is list:
        # A catalog array checked as one kind: each item is one body of that kind.
        return [
            problem.under(f"/{index}")
            for index, item in enumerate(document)
            for problem in validate(item, options.kind, options.profile)
        ]
    return validate(document, options.kind, options.profile)


def check_source(source: Source, options: LintOptions | None = None) -> list[Problem]:
    """The problems of a loaded file, positioned and in reading order.

    Raises only :class:`~ttsbuilder.errors.TTSBuilderError` (an unknown kind or profile).
    """
    options = options or LintOptions()
    # With suppression comments, every problem counts: one --ignore drops is still suppressed.
    comments = suppressions(source.text) if source.format == "yaml" else []
    wanted = (lambda code: True) if comments else options.wants
    problems = [p for p in source.problems if wanted(p.code)]
    if source.format == "ssml":  # an SSML file holds one tree, whatever kind was asked for
        options = replace(options, kind="tts")
    if source.parsed:
        try:
            found = [p for p in _validate(source.document, options) if wanted(p.code)]
            if options.kind == "auto" and any(p.code in _YAML_READING for p in problems):
                problems = _in_prompts(problems, detect(source.document))
        except RecursionError:  # validate() is depth-guarded; this is the last line of defence
            raise TTSBuilderError("the document nests too deeply to check") from None
        places = source.locate_many([p.pointer for p in found])
        problems.extend(p.at(*place) for p, place in zip(found, places, strict=True))
    if comments:
        kept = suppress(problems, comments, unused=source.parsed)
        problems = [p for p in kept if options.wants(p.code)]
    return sort_problems(problems)


def _in_prompts(problems: list[Problem], bodies: Sequence[tuple[str, str]]) -> list[Problem]:
    """Drop the YAML readings (TTS505, TTS508) that are in no prompt: no prompt carries them.

    A value above a prompt (the catalog's own tag) is kept: it may hide that prompt.
    Each problem climbs its own pointer, so a catalog with one such problem in each of
    its prompts costs its size, not its size squared.

    >>> from ttsbuilder.rules.source import NOT_JSON_VALUE
    >>> found = [NOT_JSON_VALUE.problem(at, "a date") for at in ("/a/text", "/b", "", "/c")]
    >>> [p.pointer for p in _in_prompts(found, [("tts", "/a"), ("tts", "/b/x")])]
    ['/a/text', '/b', '']
    """
    prompts = {at for _, at in bodies}
    above: set[str] = set()  # every prompt and every pointer above one
    for at in prompts:
        while at not in above:
            above.add(at)
            if not at:
                break
            at = at.rpartition("/")[0]

    def related(pointer: str) -> bool:
        if pointer in above:
            return True
        while pointer:  # in a prompt: one of its ancestors is one
            pointer = pointer.rpartition("/")[0]
            if pointer in prompts:
                return True
        return False

    return [p for p in problems if p.code not in _YAML_READING or related(p.pointer)]


def lint_bytes(data: bytes, format: Format, options: LintOptions | None = None) -> list[Problem]:
    """The problems of a file's bytes read as ``format`` (``json`` or ``yaml``)."""
    return check_source(load_bytes(data, format), options)
