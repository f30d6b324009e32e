"""Send a play request built with ttsbuilder, with httpx, to a local stand-in server.

The stand-in (examples/_standin.py) runs on 127.0.0.1 inside this script; nothing goes
to the network. The script prints what the server received.

    .venv/bin/python examples/send_play.py
"""

from __future__ import annotations

import httpx
from _standin import show, stand_in

from ttsbuilder import Prompt, play

VOICE_ID = "f1aa71c0-8f2a-4fe8-b5ef-9a330454ef58"


def menu() -> Prompt:
    """An IVR menu that waits for a key press."""
    return (
        Prompt()
        .express_as("customerservice", "Thanks for calling Acme.")
        .break_("500ms")
        .text("For sales, press 1. For support, press 2.")
        .prosody("To hear these options again, press 9.", rate="-10%")
    )


def main() -> int:
    body = play(menu(), language="en-US", voice="female", dtmf=True)
    with stand_in() as (base_url, received):
        with httpx.Client(base_url=base_url, auth=("app-id", "app-key"), timeout=5) as client:
            response = client.put(f"/call/{VOICE_ID}/play", json=body)
            response.raise_for_status()
        show(received[0])
    print(f"-> {response.status_code} {response.json()['state']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
