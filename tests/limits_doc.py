"""The generated part of docs/platforms.md's "Limits and budgets": the Azure style table.

``python tests/limits_doc.py`` prints it; tests/test_limits_docs.py checks the page holds
exactly this.
"""

from __future__ import annotations

from ttsbuilder.ssml.voice_styles import AZURE_VOICE_STYLES


def style_table() -> str:
    """AZURE_VOICE_STYLES as a Markdown table, voices in order."""
    rows = ["| Azure voice | styles |", "|---|---|"]
    for voice, styles in sorted(AZURE_VOICE_STYLES.items()):
        rows.append(f"| `{voice}` | {', '.join(sorted(styles)) or '(none)'} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(style_table())
