"""Timing shared by the benchmarks: each thing timed in turns, best round of each.

Load on a shared machine comes in bursts; timing the things being compared in alternating
rounds lets a burst hit them all, and the best round of each is the least disturbed.
The collector is off while a round runs, as in :mod:`timeit`.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence


def repeated(function: Callable[[], object]) -> Callable[[int], None]:
    """A run of ``function``: called n times."""

    def run(number: int) -> None:
        for _ in range(number):
            function()

    return run


def alternating(runs: Sequence[Callable[[int], object]], number: int, rounds: int) -> list[float]:
    """Seconds per call of each ``run(number)``, in ``rounds`` alternating rounds, best of each."""
    times: list[list[float]] = [[] for _ in runs]
    collecting = gc.isenabled()
    for _ in range(rounds):
        for run, spent in zip(runs, times, strict=True):
            gc.disable()
            try:
                start = time.perf_counter()
                run(number)
                spent.append((time.perf_counter() - start) / number)
            finally:
                if collecting:
                    gc.enable()
    return [min(spent) for spent in times]
