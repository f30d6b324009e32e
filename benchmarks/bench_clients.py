"""How much checking a request by its route adds to it, against validate() of the same body.

Target (issue 11): each client hook adds at most 1.2x the time of ``validate(body,
"play")`` to a request: route matching and JSON parsing must be near-free. The body is
the seed's advanced play payload (as in bench_validate.py), sent as JSON to
``PUT /voice/v1/call/{voice_id}/play``. Timed, in alternating rounds with validate() so
that load on a shared machine hits both:

- the httpx hook (``httpx_event_hooks()``) on a built ``httpx.Request``;
- the httpx async hook, driven without an event loop (its body is already in memory,
  so the coroutine finishes on its first step);
- the requests session's check: the one call ``CheckedSession.send`` makes before
  ``Session.send``, on a prepared request.

Prints each ratio and exits 1 when a target is missed.
Run: ``python benchmarks/bench_clients.py``.
"""

from __future__ import annotations

import json
import sys
import timeit
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import httpx
import requests

from ttsbuilder.clients import httpx_async_event_hooks, httpx_event_hooks, requests_session
from ttsbuilder.validation import validate

SEED = Path(__file__).parent.parent / "tests" / "data" / "seed"
URL = "https://api.enablex.io/voice/v1/call/f1aa71c0-8f2a-4fe8-b5ef-9a330454ef58/play"
MAX_RATIO = 1.2


def alternating(
    functions: list[Callable[[], object]], number: int, rounds: int = 21
) -> list[float]:
    """Seconds per call of each, timed in turns: load on a shared machine hits them all."""
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(rounds):
        for function, spent in zip(functions, times, strict=False):
            spent.append(timeit.timeit(function, number=number) / number)
    return [min(spent) for spent in times]


def run_to_end(step: Callable[[], Coroutine[Any, Any, None]]) -> Callable[[], None]:
    """Drive a coroutine that never suspends, as an event loop would, minus the loop."""

    def drive() -> None:
        try:
            step().send(None)
        except StopIteration:
            return
        raise AssertionError("the hook suspended: the benchmark would time the loop")

    return drive


def main() -> int:
    dial_out = json.loads((SEED / "dial_out_advanced.json").read_text(encoding="utf-8"))
    payload: dict[str, Any] = dial_out["action_on_connect"]["play"]
    assert validate(payload, "play") == [], "the benchmark payload must be clean"
    request = httpx.Request("PUT", URL, json=payload)
    (hook,) = httpx_event_hooks()["request"]
    (async_hook,) = httpx_async_event_hooks()["request"]

    checked = requests_session()
    prepared = requests.Request("PUT", URL, json=payload).prepare()

    def validate_play() -> object:
        return validate(payload, "play")

    # What CheckedSession.send adds before Session.send: this one call. (Timing the two
    # sends and subtracting would bury it under requests' own ~400 us of noise.)
    def requests_check() -> None:
        url = prepared.url or ""
        checked._ttsbuilder_check(prepared.method or "GET", url, prepared.body, url)

    baseline, hooked, async_hooked, session_check = alternating(
        [
            validate_play,
            lambda: hook(request),
            run_to_end(lambda: async_hook(request)),
            requests_check,
        ],
        number=1000,
    )
    results = [
        ("httpx hook", hooked, baseline),
        ("httpx async hook", async_hooked, baseline),
        ("requests session", session_check, baseline),
    ]

    print(f"payload: seed advanced play, {len(request.content)} bytes, PUT {URL}")
    failed = False
    for name, added, baseline in results:
        ratio = added / baseline
        failed |= ratio > MAX_RATIO
        verdict = "ok" if ratio <= MAX_RATIO else "MISSED"
        print(
            f"{name:17} adds {added * 1e6:7.2f} us; validate() {baseline * 1e6:6.2f} us; "
            f"hook overhead / validate() = {ratio:5.2f}x  (target <= {MAX_RATIO:g}x) {verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
