"""Benchmark: building the seed prompt with the builder and to_dict(), against validate().

Prints the ratio (build + to_dict) / validate on the same tree, both measured in this
process with timeit (min of several runs). Target: at most 1.0.

    .venv/bin/python benchmarks/bench_builder.py
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))

from seed_prompt import seed_prompt  # noqa: E402

from ttsbuilder.validate import validate  # noqa: E402

NUMBER = 2000
REPEAT = 7


def build() -> dict[str, Any]:
    return seed_prompt().to_dict()


def main() -> int:
    tree = build()
    assert validate(tree, kind="tts") == []
    build_time = min(timeit.repeat(build, number=NUMBER, repeat=REPEAT)) / NUMBER
    validate_time = min(
        timeit.repeat(lambda: validate(tree, kind="tts"), number=NUMBER, repeat=REPEAT)
    ) / NUMBER
    ratio = build_time / validate_time
    print(f"build seed prompt + to_dict: {build_time * 1e6:8.1f} us")
    print(f"validate(same tree):         {validate_time * 1e6:8.1f} us")
    print(f"ratio: {ratio:.2f} (target <= 1.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
