"""Benchmark: ``ttsbuilder lint --fix`` against plain ``lint`` on the same catalog.

Target (issue 10): fixing is linear in the catalog's size. On one-file catalogs of
2,000, 8,000 and 16,000 prompts, each with three things to fix (an alias key, a member
numbered ``text1``, a style in capitals), ``lint --fix`` may take at most 5 times as
long as ``lint`` on the same file (it loads, checks and maps the file, then loads and
checks the fixed text), and that ratio may not grow with the size (the largest
catalog's ratio at most 1.5 times the smallest's). Before the fix pipeline was made one
way, 2,000 / 8,000 / 16,000 prompts took 1.1 / 16.6 / 57 s to fix. Prints the times and
ratios and exits 1 when a target is missed.

    .venv/bin/python benchmarks/bench_fix.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (2_000, 8_000, 16_000)
ROUNDS = 2
MAX_RATIO = 5.0
MAX_GROWTH = 1.5


def catalog(prompts: int) -> str:
    """A catalog of ``prompts`` trees, each with an alias, a ``text1`` and a capital style."""
    body = {
        f"prompt{index}": {
            "text1": f"Welcome to prompt number {index}.",
            "break": {"time": "500ms"},
            "express-as": {"style": "Cheerful", "text": "Please hold the line."},
            "text2": "Goodbye.",
        }
        for index in range(prompts)
    }
    return json.dumps(body, indent=2) + "\n"


def timed(command: list[str], restore: tuple[Path, str] | None = None) -> tuple[float, int]:
    """The best wall time of ``ROUNDS`` runs of ``command``; ``restore`` rewrites a file first."""
    best = float("inf")
    status = 0
    for _ in range(ROUNDS):
        if restore is not None:
            restore[0].write_text(restore[1])
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        best = min(best, time.perf_counter() - start)
        status = done.returncode
    return best, status


def main() -> int:
    ttsbuilder = [sys.executable, "-m", "ttsbuilder", "lint", "--jobs", "1"]
    ratios = []
    ok = True
    with tempfile.TemporaryDirectory() as temporary:
        for size in SIZES:
            text = catalog(size)
            path = Path(temporary) / f"catalog{size}.json"
            path.write_text(text)
            plain, plain_status = timed([*ttsbuilder, str(path)])
            fixing, _ = timed([*ttsbuilder, "--fix", str(path)], (path, text))
            fixed = path.read_text()
            if plain_status != 1 or "text1" in fixed or '"time"' in fixed or "Cheerful" in fixed:
                print(f"bench_fix: {size} prompts: the catalog was not linted and fixed")
                ok = False
            ratio = fixing / plain
            ratios.append(ratio)
            print(
                f"{size:>6} prompts ({len(text) / 1e6:4.1f} MB): lint {plain:6.2f} s, "
                f"lint --fix {fixing:6.2f} s, ratio {ratio:5.2f}  (target <= {MAX_RATIO})"
            )
    growth = ratios[-1] / ratios[0]
    print(
        f"ratio growth, {SIZES[0]} → {SIZES[-1]} prompts: {growth:5.2f}  (target <= {MAX_GROWTH})"
    )
    ok = ok and max(ratios) <= MAX_RATIO and growth <= MAX_GROWTH
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
