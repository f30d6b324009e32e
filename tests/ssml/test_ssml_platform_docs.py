"""docs/platforms.md holds what the code produces today: the voice tables and the seed samples."""

from __future__ import annotations

from pathlib import Path

from platform_doc import seed_samples, voice_table

PAGE = Path(__file__).resolve().parents[2] / "docs" / "platforms.md"


def test_seed_samples_in_the_docs_are_what_render_ssml_writes() -> None:
    assert seed_samples() in PAGE.read_text(encoding="utf-8"), (
        "docs/platforms.md is stale: paste the output of `python tests/ssml/platform_doc.py`"
    )


def test_voice_tables_in_the_docs_are_the_default_tables() -> None:
    assert voice_table() in PAGE.read_text(encoding="utf-8")


def test_every_platform_rule_is_named_in_the_docs() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for code in ("TTS602", "TTS606", "TTS607", "TTS608", "TTS609", "TTS610", "TTS611"):
        assert code in text
