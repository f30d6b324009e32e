"""Benchmark: ``measure()`` of the seed's advanced play payload against ``validate()`` alone.

For information (the issue sets no target): what a budget costs on top of validation,
per billing target, timed in alternating rounds with ``validate()`` (best of each) as
benchmarks/bench_ssml.py does. A budget renders (cached after the first call) and then
parses the SSML once to count it.

    .venv/bin/python benchmarks/bench_budget.py
"""

from __future__ import annotations

import json
from pathlib import Path

from timing import alternating, repeated

from ttsbuilder import measure
from ttsbuilder.ssml.limits import BILLING_TARGETS
from ttsbuilder.validation import validate

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed" / "dial_out_advanced.json"
PLAY = json.loads(SEED.read_text(encoding="utf-8"))["action_on_connect"]["play"]
ROUNDS = 15
CALLS = 1000


def main() -> int:
    assert validate(PLAY) == [], "the benchmark payload must be clean"
    for target in BILLING_TARGETS:
        measure(PLAY, target)
        first, second = alternating(
            [
                repeated(lambda: validate(PLAY)),
                repeated(lambda target=target: measure(PLAY, target)),  # type: ignore[misc]
            ],
            CALLS,
            ROUNDS,
        )
        baseline, spent = first * 1e6, second * 1e6
        print(
            f"measure(play, {target!r:8}) {spent:8.1f} us  {spent / baseline:5.2f}x validate "
            f"({baseline:.1f} us)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
