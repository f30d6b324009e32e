"""The seed's advanced text-to-speech sample, built with the builder; prints the tree as JSON.

The output equals the ``text_to_speech_option`` of the seed's play sample key for key and
in order (SPEC §1 fixes the seed's stray quote: the silence value is ``"2000ms"``).

    .venv/bin/python examples/seed_prompt.py
"""

from __future__ import annotations

import json

from ttsbuilder import Prompt


def seed_prompt() -> Prompt:
    """The seed's sample prompt."""
    return (
        Prompt()
        .silence("leading", "2000ms")
        .text("Initial Text Play after 2s")
        .break_("2000ms")
        .text("Text Play after 2s break")
        .express_as("gentle", "Text play in gentle voice")
        .prosody(
            Prompt()
            .text("Text play at 30% higher rate & 50% volume")
            .break_("2000ms")
            .text("Text Play after 2s break")
            .date("10/19/2020", "mdy")
            .text("Text Play"),
            rate="+30.00%",
            pitch="high",
            volume="+50.00%",
        )
    )


if __name__ == "__main__":
    print(json.dumps(seed_prompt().to_dict(), indent=2))
