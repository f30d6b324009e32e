"""docs/ssml.md holds what the code produces today: the voice table and the seed samples."""

from __future__ import annotations

from pathlib import Path

from ssml_doc import seed_samples, voice_table

PAGE = Path(__file__).resolve().parents[2] / "docs" / "ssml.md"


def test_seed_samples_in_the_docs_are_what_render_ssml_writes() -> None:
    assert seed_samples() in PAGE.read_text(encoding="utf-8"), (
        "docs/ssml.md is stale: paste the output of `python tests/ssml/ssml_doc.py`"
    )


def test_voice_table_in_the_docs_is_the_default_table() -> None:
    assert voice_table() in PAGE.read_text(encoding="utf-8")


def test_every_render_rule_is_named_in_the_docs() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for code in ("TTS601", "TTS602", "TTS603", "TTS604", "TTS605"):
        assert code in text
