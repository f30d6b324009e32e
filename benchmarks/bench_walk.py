"""Benchmark: what a directory walk pays for a repository's large files that hold no prompt.

``ttsbuilder lint .`` meets lock files and API descriptions of megabytes. ruamel.yaml is
pure Python (about 200 KB of YAML a second), so parsing them only to find no prompt
would cost seconds each. Targets: the walk (``lint_files`` with ``prompts_only``, as
``lint .`` runs it) takes at most 0.05x the time of parsing the same files
(``load_bytes``), and its cost grows linearly: twice the bytes, at most 2.5x the time.

The files are made here, in the shapes real ones have: an OpenAPI description in YAML
whose examples are prompts (keys sorted, so ``openapi:`` is not the first line; long
keys written as ``? key``, as Twilio's are), and a pnpm lock file. Prints the ratios and
exits 1 when a target is missed.

    .venv/bin/python benchmarks/bench_walk.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from timing import alternating

from ttsbuilder.lint.loaders import load_bytes
from ttsbuilder.lint.runner import lint_files

MAX_RATIO = 0.05
MAX_GROWTH = 2.5


def openapi_yaml(operations: int) -> str:
    """An OpenAPI 3.1 description with ``operations`` paths, each with a prompt example."""
    lines = ["components:", "  schemas:", "    Play:", "      type: object", "info:"]
    lines += ["  title: Voice", "  version: '1'", "openapi: 3.1.0", "paths:"]
    for index in range(operations):
        lines += [
            f"  /calls/{{id}}/play{index}:",
            "    put:",
            f"      description: Plays prompt {index} from the start; stop it to hold.",
            f"      operationId: play{index}",
            "      requestBody:",
            "        content:",
            "          application/json:",
            "            example:",
            "              voice: female",
            f"              text: Prompt number {index}",
            "              break: {value: 500ms}",
            "      responses:",
            "        ? '200'  # long keys, written as explicit keys",
            "        : description: Played.",
        ]
    return "\n".join(lines) + "\n"


def pnpm_lock(packages: int) -> str:
    """A pnpm lock file with ``packages`` entries."""
    lines = ["lockfileVersion: '9.0'", "", "packages:", ""]
    for index in range(packages):
        lines += [
            f"  text-table-{index}@0.2.{index}:",
            f"    resolution: {{integrity: sha512-{index:0>40}}}",
            "    engines: {node: '>=18'}",
            "",
        ]
    return "\n".join(lines)


def measure(folder: Path, scale: int) -> tuple[float, float]:
    """(seconds of the walk, seconds of parsing) for files of ``scale`` units."""
    files = {
        folder / f"openapi-{scale}.yaml": openapi_yaml(250 * scale),
        folder / f"pnpm-lock-{scale}.yaml": pnpm_lock(1000 * scale),
    }
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    paths = [str(path) for path in files]
    datas = [path.read_bytes() for path in files]

    def walk(number: int) -> None:
        for _ in range(number):
            reports = lint_files(paths, prompts_only=paths)
            assert all(report.skipped for report in reports)

    def parse(number: int) -> None:
        for _ in range(number):
            for data in datas:
                load_bytes(data, "yaml")

    walked, parsed = alternating([walk, parse], 1, 3)
    megabytes = sum(len(data) for data in datas) / 1e6
    print(f"  {megabytes:5.2f} MB: walk {walked * 1000:8.1f} ms, parse {parsed * 1000:8.1f} ms")
    return walked, parsed


def main() -> int:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        small_walk, small_parse = measure(folder, 1)
        walked, parsed = measure(folder, 2)
    ratio = walked / parsed
    growth = walked / small_walk
    print(f"walk / parse ratio:          {ratio:6.3f}  (target <= {MAX_RATIO})")
    print(f"walk growth, twice the bytes: {growth:5.2f}  (target <= {MAX_GROWTH})")
    print(f"parse growth, for reference:  {parsed / small_parse:5.2f}")
    return 0 if ratio <= MAX_RATIO and growth <= MAX_GROWTH else 1


if __name__ == "__main__":
    sys.exit(main())
