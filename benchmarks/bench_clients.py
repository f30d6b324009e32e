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

Each is timed in 5 separate processes (each has its own hash seed and memory layout, and
all of one process's timings lean the same way); the verdict is on the median process.
Prints each ratio, its spread over the processes, and exits 1 when a target is missed.
Run: ``python benchmarks/bench_clients.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from statistics import median
from typing import Any

import httpx
import orjson
import requests
from timing import alternating, repeated

from ttsbuilder.clients import httpx_async_event_hooks, httpx_event_hooks, requests_session
from ttsbuilder.validation import validate

SEED = Path(__file__).parent.parent / "tests" / "data" / "seed"
URL = "https://api.enablex.io/voice/v1/call/f1aa71c0-8f2a-4fe8-b5ef-9a330454ef58/play"
MAX_RATIO = 1.2


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


def trial() -> dict[str, float]:
    """One process's best seconds per call of each timed thing (see the module's doc)."""
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
        checked._ttsbuilder_check(prepared)

    times = alternating(
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
    names = ["made", "made and validated", "validated again", *HOOKS]
    return {"bytes": len(body), **dict(zip(names, times, strict=True))}


HOOKS = ("httpx hook", "httpx async hook", "requests session")
#: Separate processes, each with its own hash seed and memory layout: a process's
#: timings all lean one way, so the verdict is on the median process.
TRIALS = 5


def main() -> int:
    if sys.argv[1:] == ["--trial"]:
        print(json.dumps(trial()))
        return 0
    trials = []
    for _ in range(TRIALS):
        done = subprocess.run(
            [sys.executable, __file__, "--trial"], capture_output=True, text=True, check=True
        )
        trials.append(json.loads(done.stdout))
    baselines = [one["made and validated"] - one["made"] for one in trials]
    print(f"payload: seed advanced play, {trials[0]['bytes']} bytes, PUT {URL}")
    print(
        f"validate() of a body made for the request {median(baselines) * 1e6:6.2f} us "
        f"(of a dict validated again and again: "
        f"{median(one['validated again'] for one in trials) * 1e6:.2f} us); "
        f"parsing the body: {median(one['made'] for one in trials) * 1e6:.2f} us "
        f"(medians of {TRIALS} processes)"
    )
    failed = False
    for name in HOOKS:
        ratios = sorted(one[name] / base for one, base in zip(trials, baselines, strict=True))
        warm = median(one[name] / one["validated again"] for one in trials)
        parsed = median(one[name] / one["made and validated"] for one in trials)
        ratio = median(ratios)
        failed |= ratio > MAX_RATIO
        verdict = "ok" if ratio <= MAX_RATIO else "MISSED"
        print(
            f"{name:17} adds {median(one[name] for one in trials) * 1e6:6.2f} us: "
            f"{ratio:4.2f}x validate() ({ratios[0]:.2f}-{ratios[-1]:.2f} over the processes; "
            f"target <= {MAX_RATIO:g}x) {verdict}\n{'':17} beside it: {warm:4.2f}x validate() of "
            f"a dict validated again and again; {parsed:4.2f}x validate(orjson.loads(body))"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
