"""The generated parts of docs/platforms.md: the voice tables and the seed in both targets.

``python tests/ssml/platform_doc.py`` prints them; tests/ssml/test_ssml_platform_docs.py
checks the page holds exactly these.
"""

from __future__ import annotations

import ssml_doc

from ttsbuilder.ssml import PLATFORM_VOICES

TARGETS = ("polly", "google")


def voice_table() -> str:
    """The polly and google default voice tables as one Markdown table."""
    rows = [
        "| language | polly female | polly male | google female | google male |",
        "|---|---|---|---|---|",
    ]
    locales = sorted({locale for target in TARGETS for locale, _ in PLATFORM_VOICES[target]})
    for locale in locales:
        cells = [
            f"`{PLATFORM_VOICES[target][(locale, gender)]}`"
            if (locale, gender) in PLATFORM_VOICES[target]
            else "—"
            for target in TARGETS
            for gender in ("female", "male")
        ]
        rows.append(f"| `{locale}` | {' | '.join(cells)} |")
    return "\n".join(rows)


def seed_samples() -> str:
    """The seed play payload rendered in each platform target, with the problems reported."""
    return ssml_doc.seed_samples(TARGETS)


if __name__ == "__main__":
    print(voice_table())
    print()
    print(seed_samples())
