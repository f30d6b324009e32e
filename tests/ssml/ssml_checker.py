"""ssml-check-core (npm, pinned in tests/node) run with node: Amazon's and Google's SSML rules.

The checker is another project's reading of what Alexa/Polly and Google accept; the
tests hold every ``polly`` and ``google`` rendering to zero errors from it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

NODE_DIR = Path(__file__).resolve().parents[1] / "node"
SCRIPT = NODE_DIR / "ssml_check.js"
NODE = shutil.which("node")
#: The checker's platform for each of our targets.
PLATFORM = {"polly": "amazon", "google": "google"}

needs_node = pytest.mark.skipif(
    NODE is None or not (NODE_DIR / "node_modules" / "ssml-check-core").is_dir(),
    reason="node tools not installed: make tests/node/node_modules/.installed",
)


def check(jobs: list[tuple[str, str]]) -> list[list[dict[str, Any]]]:
    """The checker's errors for each (ssml, platform) job, ``amazon`` or ``google``."""
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(SCRIPT)],
        input=json.dumps([{"ssml": ssml, "platform": platform} for ssml, platform in jobs]),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=NODE_DIR,
    )
    assert done.returncode == 0, done.stderr
    verdicts: list[list[dict[str, Any]]] = json.loads(done.stdout)
    assert len(verdicts) == len(jobs)
    return verdicts


def spoken_text(ssml: str) -> str:
    """The text an engine speaks from ``ssml``, in order: element texts and tails, no comments."""
    root = etree.fromstring(ssml.encode("utf-8"))
    found: list[str] = []

    def walk(element: Any) -> None:
        if isinstance(element.tag, str) and element.text:
            found.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                found.append(child.tail)

    walk(root)
    return "".join(found)
