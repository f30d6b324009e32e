"""Benchmark: diagnostics after an edit in a 1,000-prompt catalog, server vs in-process.

Target (issue 12): ``ttsbuilder lsp`` publishes diagnostics for a 1,000-prompt catalog
after an edit in at most 3x the time ``validate()`` plus positions take for it in
process (``load_bytes`` + ``check_source``: what ``ttsbuilder lint`` does for one
file). The server runs as a subprocess over stdio, driven by the tests' own protocol
client; each edit is one small ranged change (what an editor sends) that makes or
removes a mistake, timed from sending it to receiving the diagnostics of its version.
The server's debounce is set to 0 here: the debounce is a deliberate wait for typing
to pause (150 ms by default), not work. Prints the ratio; exits 1 on a miss.

    .venv/bin/python benchmarks/bench_lsp.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.lsp.client import Client, uri_of  # noqa: E402
from ttsbuilder.lint import check_source, load_bytes  # noqa: E402

PROMPTS = 1000
EDITS = 20
TARGET = 3.0


def catalog() -> str:
    """A catalog of 1,000 play bodies, one per key, as an editor would show it."""
    bodies = {
        f"prompt{index:04}": {
            "language": "en-US",
            "voice": "female" if index % 2 else "male",
            "text_to_speech_option": {
                "text": f"Welcome to prompt number {index}.",
                "break": {"value": "500ms"},
                "prosody": {"rate": "+10.00%", "text": "Please hold the line."},
                "say-as": {"interpret-as": "date", "format": "mdy", "text": "10/19/2020"},
            },
        }
        for index in range(PROMPTS)
    }
    return json.dumps(bodies, indent=2) + "\n"


def in_process(text: str) -> float:
    """The time of load + validate + positions for ``text`` (what lint does for one file)."""
    start = time.perf_counter()
    check_source(load_bytes(text.encode("utf-8"), "json"))
    return time.perf_counter() - start


def main() -> int:
    text = catalog()
    lines = text.split("\n")
    row = next(i for i, line in enumerate(lines) if '"500ms"' in line)
    column = lines[row].index("500ms")
    variants = {"500ms": text, "9000ms": text.replace('"500ms"', '"9000ms"', 1)}
    local: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        client = Client(Path(folder))
        try:
            client.initialize(Path(folder), {"debounce": 0})
            uri = uri_of(Path(folder) / "catalog.json")
            client.open(uri, "json", text, 1)
            client.diagnostics(uri, 1)
            times = []
            current = "500ms"
            for version in range(2, EDITS + 2):
                new = "9000ms" if current == "500ms" else "500ms"
                change = {
                    "range": {
                        "start": {"line": row, "character": column},
                        "end": {"line": row, "character": column + len(current)},
                    },
                    "text": new,
                }
                # Measured in turns with the server, so both see the same machine load.
                local.append(in_process(variants[new]))
                start = time.perf_counter()
                client.change(uri, version, [change])
                found = client.diagnostics(uri, version)
                times.append(time.perf_counter() - start)
                assert len(found) == (1 if new == "9000ms" else 0), found
                current = new
            status = client.close()
        finally:
            client.kill()
    server, baseline = statistics.median(times), statistics.median(local)
    ratio = server / baseline
    print(
        f"lsp: {PROMPTS} prompts ({len(text) // 1024} KiB), {EDITS} edits: server "
        f"{server * 1000:.1f} ms median, validate()+positions in process {baseline * 1000:.1f} ms, "
        f"ratio {ratio:.2f} (target <= {TARGET})"
    )
    if status != 0:
        print(f"lsp: the server exited with status {status}")
        return 1
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
