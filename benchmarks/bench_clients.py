"""How much checking a request by its route adds to it, against validate() of the same body.

Target (issue 11): each client hook adds at most 1.2x the time of ``validate(body,
"play")`` to a request: route matching and JSON parsing must be near-free. The body is
the seed's advanced play payload (as in bench_validate.py), sent as JSON to
``PUT /voice/v1/call/{voice_id}/play``. Timed, in alternating rounds with validate() so
that load on a shared machine hits both:

- the httpx hook (``httpx_event_hooks()``) on a built ``httpx.Request``;
- the httpx async hook, driven without an event loop (its body is already in memory,
  so the coroutine finishes on its first step);
- the requests session's check: ``CheckedSession.send`` minus ``Session.send``, both
  sending through an adapter that answers at once without a network.

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
from requests.adapters import BaseAdapter

from ttsbuilder.clients import httpx_async_event_hooks, httpx_event_hooks, requests_session
from ttsbuilder.validation import validate

SEED = Path(__file__).parent.parent / "tests" / "data" / "seed"
URL = "https://api.enablex.io/voice/v1/call/f1aa71c0-8f2a-4fe8-b5ef-9a330454ef58/play"
MAX_RATIO = 1.2


class Answering(BaseAdapter):
    """A requests transport that answers 200 at once: what is left to time is the session."""

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        response = requests.Response()
        response.status_code = 200
        response.request = request
        return response

    def close(self) -> None:
        pass


def side_by_side(
    first: Callable[[], object], second: Callable[[], object], number: int, rounds: int = 15
) -> tuple[float, float]:
    """Seconds per call of each, in alternating rounds: load on a shared machine hits both."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds):
        times[0].append(timeit.timeit(first, number=number) / number)
        times[1].append(timeit.timeit(second, number=number) / number)
    return min(times[0]), min(times[1])


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

    checked, plain = requests_session(), requests.Session()
    for session in (checked, plain):
        session.mount("https://", Answering())
    prepared = requests.Request("PUT", URL, json=payload).prepare()

    def validate_play() -> object:
        return validate(payload, "play")

    results: list[tuple[str, float, float]] = []
    hooked, ours = side_by_side(lambda: hook(request), validate_play, number=2000)
    results.append(("httpx hook", hooked, ours))
    hooked, ours = side_by_side(run_to_end(lambda: async_hook(request)), validate_play, 2000)
    results.append(("httpx async hook", hooked, ours))
    with_check, ours = side_by_side(lambda: checked.send(prepared), validate_play, number=2000)
    without, _ = side_by_side(lambda: plain.send(prepared), validate_play, number=2000)
    results.append(("requests session", with_check - without, ours))

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
