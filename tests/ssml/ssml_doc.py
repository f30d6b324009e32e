"""The generated parts of docs/ssml.md: the voice table and the seed sample in both targets.

``python tests/ssml/ssml_doc.py`` prints them; tests/ssml/test_ssml_docs.py checks the
page holds exactly these.
"""

from __future__ import annotations

from ssml_support import seed

from ttsbuilder.ssml import DEFAULT_VOICES, render_ssml_with_problems


def voice_table() -> str:
    """The default voice table as Markdown."""
    rows = ["| language | female | male |", "|---|---|---|"]
    locales = sorted({locale for locale, _ in DEFAULT_VOICES})
    for locale in locales:
        female, male = DEFAULT_VOICES[(locale, "female")], DEFAULT_VOICES[(locale, "male")]
        rows.append(f"| `{locale}` | `{female}` | `{male}` |")
    return "\n".join(rows)


def seed_samples(targets: tuple[str, ...] = ("azure", "w3c")) -> str:
    """The seed play payload rendered in each of ``targets``, with the problems reported."""
    parts = []
    for target in targets:
        ssml, problems = render_ssml_with_problems(seed("play"), target, pretty=True)
        lines = "\n".join(
            f"- `{p.code}` {p.severity.value} at `{p.pointer or '/'}`: {p.message}"
            for p in problems
        )
        parts.append(f"### `{target}`\n\n```xml\n{ssml}```\n\nProblems:\n\n{lines}")
    return "\n\n".join(parts)


if __name__ == "__main__":
    print(voice_table())
    print()
    print(seed_samples())
