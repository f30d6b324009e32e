"""A whole call flow with every payload helper, sent with httpx to a local stand-in server.

Dials out and reads an appointment reminder on connect, then holds, records,
transfers, forwards and bridges the call (routes as in the seed). The stand-in runs on
127.0.0.1 inside this script; nothing goes to the network. The script prints each
request the server received.

    .venv/bin/python examples/call_flow.py
"""

from __future__ import annotations

import datetime

import httpx
from _standin import show, stand_in

from ttsbuilder import Prompt, connect, dial_out, forward, hold, play, recording, transfer

CLINIC = "+15550100000"
PATIENT = "+15550100001"
FRONT_DESK = "sip:frontdesk@clinic.example.com"


def reminder(day: datetime.date, time: datetime.time) -> Prompt:
    """An appointment reminder reading a date and a time."""
    return (
        Prompt()
        .text("Hello, this is Riverside Clinic. Your appointment is on")
        .date(day, "mdy")
        .text("at")
        .time(time, "hms12")
        .break_("300ms")
        .text("Press 1 to confirm, or 2 to talk to us.")
    )


def main() -> int:
    prompt = reminder(datetime.date(2026, 12, 3), datetime.time(14, 30))
    requests = [
        ("POST", "/call", dial_out(
            CLINIC,
            PATIENT,
            play=play(prompt, language="en-US", voice="female", dtmf=True),
            event_url="https://clinic.example.com/voice-events",
        )),
        ("POST", "/call/{id}/hold", hold(True)),
        ("POST", "/call/{id}/hold", hold(False)),
        ("PUT", "/call/{id}/recording", recording("start", recording_name="reminder-call")),
        ("PUT", "/call/{id}/recording", recording("stop")),
        ("PUT", "/call/{id}/transfer", transfer(CLINIC, FRONT_DESK)),
        ("PUT", "/call/{id}/forward", forward(CLINIC, "+15550100002")),
        ("PUT", "/call/{id}/connect", connect(CLINIC, "+15550100003")),
    ]  # fmt: skip
    with stand_in() as (base_url, received):
        with httpx.Client(base_url=base_url, auth=("app-id", "app-key"), timeout=5) as client:
            voice_id = ""
            for method, path, body in requests:
                response = client.request(method, path.format(id=voice_id), json=body)
                response.raise_for_status()
                voice_id = voice_id or response.json()["voice_id"]
        for request in received:
            show(request)
            print()
    print(f"{len(received)} requests sent")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
