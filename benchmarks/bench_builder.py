"""Benchmark: building the seed prompt with the builder and to_dict(), against validate().

Prints the ratio (build + to_dict) / validate on the same tree, both measured in this
process with timeit (min of several runs); exits 1 above the limit of 1.0.

    .venv/bin/python benchmarks/bench_builder.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))

from seed_prompt import seed_prompt
from timing import alternating, repeated

from ttsbuilder.validation import validate

NUMBER = 500
ROUNDS = 30
LIMIT = 1.0


def build() -> dict[str, Any]:
    return seed_prompt().to_dict()


def main() -> int:
    tree = build()
    assert validate(tree, kind="tts") == []
    # Interleaved rounds, minimum of each: a burst of load on the machine hits both sides.
    build_time, validate_time = alternating(
        [repeated(build), repeated(lambda: validate(tree, kind="tts"))], NUMBER, ROUNDS
    )
    ratio = build_time / validate_time
    verdict = "ok" if ratio <= LIMIT else f"MISSED (limit {LIMIT})"
    print(f"build seed prompt + to_dict: {build_time * 1e6:8.1f} us")
    print(f"validate(same tree):         {validate_time * 1e6:8.1f} us")
    print(f"ratio: {ratio:.2f}  {verdict}")
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    raise SystemExit(main())
