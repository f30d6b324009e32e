"""Benchmark: ``functools.lru_cache`` against a hand-rolled bounded dict, per cache.

For each remembered function in the hot paths it times a warm call through both kinds
of cache, in alternating rounds (best of each), and prints the ratio lru / dict. A cache
stays a dict only where lru_cache is slower (ratio above 1.05); see the comment at each.
Information only: exits 0.

    .venv/bin/python benchmarks/bench_caches.py
"""

from __future__ import annotations

import functools
import timeit
from collections.abc import Callable
from typing import Any

from ttsbuilder.builder import checks
from ttsbuilder.model import Text
from ttsbuilder.rules import say_as
from ttsbuilder.rules import values as value_rules
from ttsbuilder.values import Rate

ROUNDS = 15
CALLS = 200


def dict_cached(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` behind a bounded dict, as the code remembered values before."""
    cache: dict[tuple[Any, ...], Any] = {}

    def call(*key: Any) -> Any:
        try:
            return cache[key]
        except KeyError:
            pass
        if len(cache) >= 4096:
            cache.clear()
        value = cache[key] = function(*key)
        return value

    return call


def lru_cached(function: Callable[..., Any]) -> Callable[..., Any]:
    return functools.lru_cache(maxsize=4096)(function)


def rate_read_lru() -> Callable[[str], Any]:
    """Rate.read as it would be with lru_cache: the classmethod calls a cached function."""
    cached = lru_cached(lambda attribute, text: Rate._read(text))
    return lambda text: cached(Rate.attribute, text)


CASES: list[tuple[str, Callable[..., Any], Callable[..., Any], list[tuple[Any, ...]]]] = [
    (
        "say-as text verdicts (lru_cache)",
        dict_cached(say_as._verdict.__wrapped__),
        say_as._verdict,
        [("date", "mdy", "12/03/2026"), ("cardinal", None, "42"), ("time", "hms24", "13:45")],
    ),
    (
        "prosody findings (lru_cache)",
        dict_cached(value_rules._prosody_findings.__wrapped__),
        value_rules._prosody_findings,
        [("rate", "+30%"), ("pitch", "high"), ("volume", "+10")],
    ),
    (
        # The builder, the SSML writer and render_ssml look their dicts up inline
        # (``cache.get(key)``): no function call on a hit, which lru_cache cannot match.
        "inline dict.get (kept dicts)",
        checks.TEXT_CACHE.get,
        lru_cached(Text),
        [(checks.make_text("bench", "text", word).text,) for word in ("Hello", "world", "Hi")],
    ),
    (
        "ProsodyValue.read (kept a dict)",
        Rate.read,
        rate_read_lru(),
        [("+30%",), ("slow",), ("1.5",)],
    ),
]


def main() -> int:
    for name, old, new, arguments in CASES:
        work = arguments * 30

        def run_old(old: Callable[..., Any] = old, work: list[tuple[Any, ...]] = work) -> None:
            for key in work:
                old(*key)

        def run_new(new: Callable[..., Any] = new, work: list[tuple[Any, ...]] = work) -> None:
            for key in work:
                new(*key)

        olds, news = [], []
        for _ in range(ROUNDS):
            olds.append(min(timeit.repeat(run_old, number=CALLS, repeat=3)))
            news.append(min(timeit.repeat(run_new, number=CALLS, repeat=3)))
        per_call = 1e9 / CALLS / len(work)
        old_ns, new_ns = min(olds) * per_call, min(news) * per_call
        print(f"{name:34} dict {old_ns:6.1f} ns  lru_cache {new_ns:6.1f} ns", end="")
        print(f"  lru/dict {min(news) / min(olds):4.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
