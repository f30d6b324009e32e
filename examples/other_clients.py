"""One prompt for Twilio, Plivo and Vonage, and what it costs on each platform.

Twilio <Say>, Plivo <Speak> and Vonage talk actions speak Amazon Polly's SSML: each
payload holds the prompt's polly rendering. Nothing goes to the network; the script
prints the three payloads and the prompt's budget per platform.

    .venv/bin/python examples/other_clients.py
"""

from __future__ import annotations

import json

from ttsbuilder import Prompt, measure, play, plivo_speak, twilio_say, vonage_talk


def menu() -> Prompt:
    """An IVR menu: the same prompt for every client."""
    return (
        Prompt()
        .text("Thanks for calling Acme.")
        .break_("500ms")
        .text(" For sales, press 1. For support, press 2.")
        .prosody(" To hear these options again, press 9.", rate="-10%")
    )


def main() -> int:
    body = play(menu(), language="en-GB", voice="male")
    print("Twilio TwiML:")
    print(twilio_say(body).to_xml(xml_declaration=False))
    print("Plivo XML:")
    print(plivo_speak(body))
    print("Vonage NCCO:")
    print(json.dumps([vonage_talk(body)], indent=2))
    print("Budget:")
    for target in ("azure", "polly", "google"):
        budget = measure(body, target)
        print(
            f"  {target}: {budget.characters} characters spoken, "
            f"{budget.billable_characters} billable, {budget.ssml_bytes} bytes, "
            f"{budget.pause_ms / 1000:g} s of pauses"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
