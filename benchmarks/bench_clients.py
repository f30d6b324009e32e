"""How much checking a request by its route adds to it, against validate() of the same body.

Target (issue 11): each client hook adds at most 1.2x the time of ``validate(body,
"play")`` to a request: route matching must be near-free. The body is the seed's
advanced play payload (as in bench_validate.py), sent as JSON to
``PUT /voice/v1/call/{voice_id}/play``.

The baseline is validate() of a body made for the request, as each request's body is:
every string in it new, so each is hashed the first time a rule looks it up. It is
timed as ``validate(orjson.loads(body), "play")`` less ``orjson.loads(body)``. Printed
beside it, for comparison: validate() of one dict validated again and again, whose
strings' hashes are cached (about 0.5 us less), which no request sees.

Timed in alternating rounds, so that load on a shared machine hits them all:

- the httpx hook (``httpx_event_hooks()``) on a built ``httpx.Request``;
- the httpx async hook, awaited in a coroutine as httpx awaits it, driven without an
  event loop (its body is already in memory, so nothing suspends);
- the requests session's check: the one call ``CheckedSession.send`` makes before
  ``Session.send``, on a prepared request.

Prints each ratio, and where the time goes, and exits 1 when a target is missed.
Run: ``python benchmarks/bench_clients.py``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import httpx
import orjson
import requests

from ttsbuilder.clients import httpx_async_event_hooks, httpx_event_hooks, requests_session
from ttsbuilder.validation import validate

SEED = Path(__file__).parent.parent / "tests" / "data" / "seed"
URL = "https://api.enablex.io/voice/v1/call/f1aa71c0-8f2a-4fe8-b5ef-9a330454ef58/play"
MAX_RATIO = 1.2


def alternating(runs: list[Callable[[int], object]], number: int, rounds: int) -> list[float]:
    """Seconds per call of each ``run(n)`` (n calls), timed in turns: load hits them all."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(rounds):
        for run, spent in zip(runs, times, strict=False):
            start = time.perf_counter()
            run(number)
            spent.append((time.perf_counter() - start) / number)
    return [min(spent) for spent in times]


def repeated(function: Callable[[], object]) -> Callable[[int], None]:
    """``function`` called n times."""

    def run(number: int) -> None:
        for _ in range(number):
            function()

    return run


def awaited(hook: Callable[[], Coroutine[Any, Any, None]]) -> Callable[[int], None]:
    """``await hook()`` n times, as an async client awaits its hooks, minus the event loop."""

    async def await_each(number: int) -> None:
        for _ in range(number):
            await hook()

    def run(number: int) -> None:
        try:
            await_each(number).send(None)
        except StopIteration:
            return
        raise AssertionError("the hook suspended: the benchmark would time the loop")

    return run


def main() -> int:
    dial_out = json.loads((SEED / "dial_out_advanced.json").read_text(encoding="utf-8"))
    payload: dict[str, Any] = dial_out["action_on_connect"]["play"]
    assert validate(payload, "play") == [], "the benchmark payload must be clean"
    request = httpx.Request("PUT", URL, json=payload)
    body = request.content
    (hook,) = httpx_event_hooks()["request"]
    (async_hook,) = httpx_async_event_hooks()["request"]

    checked = requests_session()
    prepared = requests.Request("PUT", URL, json=payload).prepare()

    def made() -> object:
        return orjson.loads(body)

    def made_and_validated() -> object:
        return validate(orjson.loads(body), "play")

    def validated_again() -> object:
        return validate(payload, "play")

    # What CheckedSession.send adds before Session.send: this one call. (Timing the two
    # sends and subtracting would bury it under requests' own ~400 us of noise.)
    def requests_check() -> None:
        checked._ttsbuilder_check(prepared)  # type: ignore[attr-defined]

    making, making_and_validating, warm, hooked, async_hooked, session_check = alternating(
        [
            repeated(made),
            repeated(made_and_validated),
            repeated(validated_again),
            repeated(lambda: hook(request)),
            awaited(lambda: async_hook(request)),
            repeated(requests_check),
        ],
        number=300,
        rounds=60,
    )
    baseline = making_and_validating - making
    print(f"payload: seed advanced play, {len(body)} bytes, PUT {URL}")
    print(
        f"validate() of a body made for the request {baseline * 1e6:6.2f} us "
        f"(of a dict validated again and again: {warm * 1e6:.2f} us); "
        f"parsing the body: {making * 1e6:.2f} us"
    )
    failed = False
    for name, added in [
        ("httpx hook", hooked),
        ("httpx async hook", async_hooked),
        ("requests session", session_check),
    ]:
        ratio = added / baseline
        failed |= ratio > MAX_RATIO
        verdict = "ok" if ratio <= MAX_RATIO else "MISSED"
        print(
            f"{name:17} adds {added * 1e6:6.2f} us: {ratio:4.2f}x validate()  "
            f"(target <= {MAX_RATIO:g}x) {verdict}; {added / warm:4.2f}x the validated-again dict"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
