"""Generate ``docs/rules.md`` from the rules themselves, so the reference cannot drift.

Run ``python -m ttsbuilder.rules.docs > docs/rules.md`` (``make docs``); a test fails
when the file in the repository differs from what this prints. ``ttsbuilder rule``
prints the same sections (:func:`section`) and their data (:func:`record`).

>>> from ttsbuilder.rules import RULES
>>> section(RULES["TTS104"]).splitlines()[0]
'### TTS104 empty-text'
>>> record(RULES["TTS104"])["fix"] is None
True
"""

from __future__ import annotations

import json
from typing import Any

from ttsbuilder.rules import RULES
from ttsbuilder.rules.base import Rule
from ttsbuilder.rules.limits import LIMIT_VOICES

__all__ = ["markdown", "record", "section"]

FAMILIES = {
    "tree": "Tree structure",
    "values": "Values",
    "say-as": "say-as",
    "payloads": "Request bodies",
    "source": "Source files (lint)",
    "ssml-files": "SSML files (lint)",
    "render": "SSML rendering",
    "limits": "Platform limits",
    "preview": "Audio preview",
    "routes": "Requests and routes",
}

_INTRO = """\
# Rules reference

Every problem ttsbuilder reports has a stable code. This page is generated from the
rules themselves (`make docs`); each rule's failing and passing example runs as a test.

Each rule says what it checks, why it matters (what goes wrong when it is ignored), and
shows a failing and a passing example. `ttsbuilder rule CODE` prints the same text at the
terminal (`--format json` for its data, `--all` for every rule).

- **error**: the service would reject the request or misbehave.
- **warning**: legal, but probably not what you meant.
- **fixable**: `ttsbuilder lint --fix` repairs it without changing what is spoken.
- **fixable (unsafe)**: the repair changes what is spoken (what the author meant, but not
  what a standard parser reads), so `--fix` makes it only with `--unsafe-fixes`.
- **checked as**: the `kind` (and profile) the examples are checked with:
  `validate(example, kind=..., profile=...)`, a file for `ttsbuilder lint`, or a render target.
"""


# Examples longer than this (the size limits' prompts) are shown shortened.
_LONGEST_SHOWN = 300


def _example(text: str, kind: str) -> tuple[str, str]:
    """The code-block language and the pretty text of an example."""
    if kind == "source":
        return "text", text
    if kind == "ssml-file":
        return "xml", text
    if len(text) > _LONGEST_SHOWN:
        return "text", f"{text[:60]} … ({len(text)} characters in all)"
    try:
        return "json", json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    except ValueError:
        return "text", text


def _checked_as(rule: Rule) -> str:
    checked = (
        f"`{rule.kind}`" if rule.profile == "enablex" else f"`{rule.kind}`, profile {rule.profile}"
    )
    if rule.family == "source":
        checked = "a file, by `ttsbuilder lint`"
    elif rule.family == "ssml-files":
        checked = "an SSML file, by `ttsbuilder lint`"
    elif rule.family == "render":
        checked = f"`{rule.kind.removeprefix('ssml-')}` SSML, by `render_ssml`"
    elif rule.family == "routes":
        checked = "a request, by `check_request`"
    elif rule.family == "limits":
        voice = LIMIT_VOICES.get(rule.code)
        checked = f"`{rule.kind.removeprefix('ssml-')}` SSML, by `render_ssml`"
        if voice is not None:
            checked += f" with voice `{voice}`"
    elif rule.family == "preview":
        checked = f"{checked} audio, by `ttsbuilder preview`"
    return checked


def section(rule: Rule) -> str:
    """The Markdown of one rule, as ``docs/rules.md`` shows it (without its anchor)."""
    tags = [f"**{rule.severity.value}**"]
    if rule.fixable:
        tags.append("fixable (unsafe)" if rule.unsafe_fix else "fixable")
    tags.append(f"checked as: {_checked_as(rule)}")
    bad_lang, bad = _example(rule.bad, rule.kind)
    good_lang, good = _example(rule.good, rule.kind)
    return (
        f"### {rule.code} {rule.name}\n\n"
        f"{' · '.join(tags)}\n\n"
        f"{rule.summary}\n\n"
        f"Why: {rule.why}\n\n"
        f"Fails:\n\n```{bad_lang}\n{bad}\n```\n\n"
        f"Passes:\n\n```{good_lang}\n{good}\n```\n"
    )


def record(rule: Rule) -> dict[str, Any]:
    """One rule as JSON-ready data: what ``ttsbuilder rule --format json`` prints.

    ``fix`` is ``"safe"`` (``--fix`` makes it), ``"unsafe"`` (only with
    ``--unsafe-fixes``: what is spoken changes), or None; ``fails`` and ``passes`` are
    the examples exactly as the tests check them.
    """
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "summary": rule.summary,
        "why": rule.why,
        "fix": ("unsafe" if rule.unsafe_fix else "safe") if rule.fixable else None,
        "checked_as": _checked_as(rule).replace("`", ""),
        "fails": rule.bad,
        "passes": rule.good,
        "url": f"docs/rules.md#{rule.anchor}",
    }


def _rule(rule: Rule) -> str:
    return f'<a id="{rule.anchor}"></a>\n{section(rule)}'


def markdown() -> str:
    """The whole rules reference as Markdown."""
    parts = [_INTRO]
    families: dict[str, list[Rule]] = {}
    for rule in sorted(RULES.values(), key=lambda r: r.code):
        families.setdefault(rule.family or "other", []).append(rule)
    parts.append("| code | name | severity | summary |\n|---|---|---|---|")
    for rule in sorted(RULES.values(), key=lambda r: r.code):
        summary = rule.summary.replace("|", "\\|")
        parts.append(
            f"| [{rule.code}](#{rule.anchor}) | {rule.name} | {rule.severity.value} | {summary} |"
        )
    for family, rules in families.items():
        parts.append(f"\n## {FAMILIES.get(family, family)}\n")
        parts.extend(_rule(rule) for rule in rules)
    return "\n".join(parts)


if __name__ == "__main__":
    print(markdown(), end="")
