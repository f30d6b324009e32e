"""Benchmark: ``ttsbuilder lint`` against ``check-jsonschema`` on the same 1,000 files.

Targets (issue 5): linting 1,000 one-prompt play files, 100 of them with an error, in at
most half the wall time check-jsonschema takes to check them against the published play
schema, both run here side by side; and ``ttsbuilder --version`` in under 150 ms.
Prints the ratios and exits 1 when a target is missed.

    .venv/bin/python benchmarks/bench_lint.py
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "ttsbuilder" / "schemas" / "play.schema.json"
BIN = Path(sys.executable).parent
FILES = 1000
BROKEN_EVERY = 10  # every tenth file has an error: 100 in all
ROUNDS = 3


def write_prompts(folder: Path) -> list[str]:
    """1,000 play bodies, one per file; every tenth has a pause too long."""
    names = []
    for index in range(FILES):
        broken = index % BROKEN_EVERY == 0
        body = {
            "language": "en-US",
            "voice": "female" if index % 2 else "male",
            "text_to_speech_option": {
                "text": f"Welcome to prompt number {index}.",
                "break": {"value": "9000ms" if broken else "500ms"},
                "prosody": {"rate": "+10.00%", "text": "Please hold the line."},
                "say-as": {"interpret-as": "date", "format": "mdy", "text": "10/19/2020"},
            },
        }
        name = f"prompt{index:04}.json"
        (folder / name).write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
        names.append(name)
    return names


def wall(command: list[str], cwd: Path) -> tuple[float, int]:
    """The best wall time of ``ROUNDS`` runs of ``command``, and its exit status."""
    best = float("inf")
    status = 0
    for _ in range(ROUNDS):
        start = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, capture_output=True, check=False)
        best = min(best, time.perf_counter() - start)
        status = done.returncode
    return best, status


def main() -> int:
    checker = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which("check-jsonschema")
    if not SCHEMA.is_file():
        print(f"bench_lint: {SCHEMA} is missing: the published play schema is needed")
        return 1
    if checker is None:
        print("bench_lint: check-jsonschema is not installed (it is a dev dependency)")
        return 1
    ttsbuilder = [sys.executable, "-m", "ttsbuilder"]
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        names = write_prompts(folder)
        base = SCHEMA.as_uri()  # resolve tts.schema.json beside it, offline
        baseline, base_status = wall(
            [checker, "--base-uri", base, "--schemafile", str(SCHEMA), *names], folder
        )
        ours, our_status = wall([*ttsbuilder, "lint", *names], folder)
        if base_status != 1 or our_status != 1:
            print(f"bench_lint: both tools must find the errors ({base_status=}, {our_status=})")
            return 1
        serial, _ = wall([*ttsbuilder, "lint", "--jobs", "1", *names], folder)
    startup, _ = wall([sys.executable, "-c", "pass"], ROOT)
    version, _ = wall([str(BIN / "ttsbuilder"), "--version"], ROOT)
    if not (BIN / "ttsbuilder").exists():
        version, _ = wall([*ttsbuilder, "--version"], ROOT)
    lint_ratio = ours / baseline
    print(f"check-jsonschema, {FILES} files:       {baseline * 1000:8.1f} ms")
    print(f"ttsbuilder lint ({os.cpu_count()} jobs):          {ours * 1000:8.1f} ms")
    print(f"ttsbuilder lint (1 job):            {serial * 1000:8.1f} ms")
    print(f"lint / check-jsonschema ratio:      {lint_ratio:8.2f}  (target <= 0.50)")
    print(f"python -c pass:                     {startup * 1000:8.1f} ms")
    print(f"ttsbuilder --version:               {version * 1000:8.1f} ms  (target < 150 ms)")
    print(f"--version / bare python ratio:      {version / startup:8.2f}")
    return 0 if lint_ratio <= 0.5 and version < 0.150 else 1


if __name__ == "__main__":
    sys.exit(main())
