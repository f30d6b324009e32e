"""Benchmark: ``ttsbuilder lint --fix`` against plain ``lint`` on the same catalog.

Target (issue 10): fixing is linear in the catalog's size. On one-file catalogs of
2,000, 8,000 and 16,000 prompts, each with three things to fix (an alias key, a member
numbered ``text1``, a style in capitals), ``lint --fix`` may take at most 5 times as
long as ``lint`` on the same file (it loads, checks and maps the file, then loads and
checks the fixed text), and that ratio may not grow with the size (the largest
catalog's ratio at most 1.5 times the smallest's). Before the fix pipeline was made one
way, 2,000 / 8,000 / 16,000 prompts took 1.1 / 16.6 / 57 s to fix.

What is timed is the command's own work: ``ttsbuilder.cli.main`` with the same
arguments, in this process, output written to the null device. Python's start-up and
the imports (0.08-0.14 s a command, the same for both) are measured once and shown but
not counted: timed as subprocesses, that fixed cost is half of ``lint``'s time at
2,000 prompts and a tenth at 16,000, so the ratio "grew" by about 1.55 from start-up
alone (docs/cli.md, Speed). Plain ``lint`` of the same file in the same rounds is the
baseline, so a slower or busier machine slows both. The rounds alternate (each times ``lint``
then ``--fix`` at every size) and each time is the best of its rounds: other work on
the machine only ever adds time. When a target looks missed, more rounds are taken
before the verdict, so the script exits 1 only for a miss that more measuring confirms.

    .venv/bin/python benchmarks/bench_fix.py
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

from ttsbuilder.cli import main as ttsbuilder

SIZES = (2_000, 8_000, 16_000)
ROUNDS = 5
MORE_ROUNDS = 5  # taken only when a target looks missed: noise or a real miss?
MAX_RATIO = 5.0
MAX_GROWTH = 1.5
LINT = ["lint", "--jobs", "1"]


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


def fixed_well(text: str) -> bool:
    """Whether every fix was made in ``text`` (no alias, no ``text1``, no capital style)."""
    return "text1" not in text and '"time"' not in text and "Cheerful" not in text


@contextmanager
def quiet() -> Iterator[None]:
    """The command's report and messages written to the null device, as to a pipe."""
    null = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    with null, redirect_stdout(null), redirect_stderr(null):
        yield


def timed(arguments: list[str]) -> tuple[float, int]:
    """The wall time and exit status of one ``ttsbuilder`` command, run in this process."""
    gc.collect()  # every run starts from the same heap, not with the last run's garbage
    with quiet():
        start = time.perf_counter()
        status = ttsbuilder(arguments)
        elapsed = time.perf_counter() - start
    return elapsed, status


def startup(folder: Path) -> float:
    """The best wall time of ``python -m ttsbuilder lint`` on a one-prompt file (not counted)."""
    path = folder / "one.json"
    path.write_text('{"text": "Hello"}\n')
    command = [sys.executable, "-m", "ttsbuilder", *LINT, str(path)]
    return min(_subprocess_time(command) for _ in range(ROUNDS))


def _subprocess_time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - start


class Timings:
    """The best ``lint`` and ``lint --fix`` times per catalog, over alternating rounds."""

    def __init__(self, folder: Path) -> None:
        self.texts = {size: catalog(size) for size in SIZES}
        self.paths = {size: folder / f"catalog{size}.json" for size in SIZES}
        self.lint = dict.fromkeys(SIZES, float("inf"))
        self.fix = dict.fromkeys(SIZES, float("inf"))
        self.rounds = 0
        self.wrong: list[str] = []

    def round(self) -> None:
        """Time ``lint``, then ``lint --fix`` of a fresh copy, at every size."""
        self.rounds += 1
        for size in SIZES:
            path, text = self.paths[size], self.texts[size]
            path.write_text(text)
            plain, plain_status = timed([*LINT, str(path)])
            fixing, fix_status = timed([*LINT, "--fix", str(path)])
            if plain_status != 1 or fix_status != 0 or not fixed_well(path.read_text()):
                self.wrong.append(f"{size} prompts: the catalog was not linted and fixed")
            self.lint[size] = min(self.lint[size], plain)
            self.fix[size] = min(self.fix[size], fixing)

    def ratio(self, size: int) -> float:
        """``lint --fix`` time over ``lint`` time for the catalog of ``size`` prompts."""
        return self.fix[size] / self.lint[size]

    def growth(self) -> float:
        """The largest catalog's ratio over the smallest's."""
        return self.ratio(SIZES[-1]) / self.ratio(SIZES[0])

    def met(self) -> bool:
        """Whether both targets are met by the times so far."""
        worst = max(self.ratio(size) for size in SIZES)
        return not self.wrong and worst <= MAX_RATIO and self.growth() <= MAX_GROWTH


def warm_up(folder: Path) -> None:
    """One small lint and fix first, so that no timed run pays for a first import."""
    path = folder / "warm.json"
    path.write_text(catalog(20))
    timed([*LINT, str(path)])
    timed([*LINT, "--fix", str(path)])


def report(timings: Timings, start_up: float) -> None:
    """Print one line per catalog and one for the growth."""
    print(
        f"bench_fix: in-process times, best of {timings.rounds} alternating rounds "
        f"(start-up not counted: {start_up:.2f} s per command as a subprocess)"
    )
    for size in SIZES:
        megabytes = len(timings.texts[size]) / 1e6
        print(
            f"{size:>6} prompts ({megabytes:4.1f} MB): lint {timings.lint[size]:6.2f} s, "
            f"lint --fix {timings.fix[size]:6.2f} s, ratio {timings.ratio(size):5.2f}  "
            f"(target <= {MAX_RATIO}){_missed(timings.ratio(size), MAX_RATIO)}"
        )
    small, large = SIZES[0], SIZES[-1]
    print(
        f"ratio growth, {small} → {large} prompts: {timings.growth():5.2f}  "
        f"(target <= {MAX_GROWTH}{_missed(timings.growth(), MAX_GROWTH)}); "
        f"{large // small}x the prompts took "
        f"lint {timings.lint[large] / timings.lint[small]:4.1f}x, "
        f"--fix {timings.fix[large] / timings.fix[small]:4.1f}x the time"
    )
    for problem in dict.fromkeys(timings.wrong):
        print(f"bench_fix: {problem}")


def _missed(value: float, target: float) -> str:
    return " MISSED" if value > target else ""


def main() -> int:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        here = os.getcwd()
        os.chdir(folder)  # no pyproject.toml of ours or above applies its settings
        try:
            start_up = startup(folder)
            warm_up(folder)
            timings = Timings(folder)
            for _ in range(ROUNDS):
                timings.round()
            if not timings.met() and not timings.wrong:
                print(f"bench_fix: a target looks missed: {MORE_ROUNDS} more rounds to confirm")
                for _ in range(MORE_ROUNDS):
                    timings.round()
        finally:
            os.chdir(here)
    report(timings, start_up)
    return 0 if timings.met() else 1


if __name__ == "__main__":
    sys.exit(main())
