"""The studio's test set-up: sample prompt files, a running studio, Debian's chromium.

The browser is Debian's ``chromium`` package, driven by playwright's Python API with
``executable_path`` (never ``playwright install``, which downloads a browser build).
When ``chromium`` is missing, the session installs it (tests/debian.py).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.debian import needed
from ttsbuilder.studio.server import Studio

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: The files every studio test starts from.
FILES = {
    "prompts/welcome.json": (
        '{\n  "text": "Welcome to the demo line.",\n  "break": {"value": "500ms"},\n'
        '  "prosody": {"rate": "-10%", "text": "Press 1 for sales."}\n}\n'
    ),
    "prompts/menu.yaml": (
        "# the IVR menu\nmain:\n  text: Press 1 for sales\n  break:\n    time: 300ms\n"
        "goodbye:\n  voice: male\n  language: en-GB\n  text_to_speech_option:\n"
        "    text: Thank you for calling.\n    break: {value: 400ms}\n"
        "    express-as:\n      style: cheerful\n      text: Goodbye!\n"
    ),
    "prompts/hostile.json": (
        '{"text": "<img src=x onerror=\\"document.title=\'pwned\'\\"><script>'
        "document.title='pwned'</script>\"}\n"
    ),
    "outside.json": '{"text": "not served"}\n',
}


def make_files(root: Path) -> Path:
    """Write :data:`FILES` under ``root``, a symlink out of the prompts; return the prompts."""
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "prompts" / "escape.json").symlink_to(root / "outside.json")
    return root / "prompts"


class Running:
    """A studio serving in a thread of the test process."""

    def __init__(self, studio: Studio, server: Any, thread: threading.Thread) -> None:
        self.studio, self.server, self.thread = studio, server, thread

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.studio.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.studio.close()


def serve(paths: list[str], cwd: Path) -> Running:
    """Start a studio over ``paths`` (relative to ``cwd``); wait until it answers."""
    import uvicorn

    here = os.getcwd()
    os.chdir(cwd)
    try:
        studio = Studio(paths)
    finally:
        os.chdir(here)
    config = uvicorn.Config(studio.app(), log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [studio.socket]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the studio did not start")
        time.sleep(0.05)
    return Running(studio, server, thread)


@pytest.fixture
def prompts(tmp_path: Path) -> Path:
    """A fresh copy of the sample files; the prompts folder."""
    return make_files(tmp_path)


@pytest.fixture
def running(prompts: Path) -> Iterator[Running]:
    """A studio over the sample prompts folder."""
    found = serve(["prompts"], prompts.parent)
    yield found
    found.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium under playwright (installed with apt-get when missing).

    Module-scoped: playwright's sync API keeps an event loop running in this thread
    while it is open, and tests after these (an httpx AsyncClient's ``asyncio.run``)
    need it closed.
    """
    chromium = needed("chromium", "chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        found = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield found
        found.close()


@pytest.fixture
def page(browser: Any, running: Running) -> Iterator[Any]:
    """A page with the studio open (through the URL with the token)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    found = context.new_page()
    found.set_default_timeout(20_000)
    found.goto(running.studio.url)
    found.wait_for_selector("#file-list button.file")
    yield found
    context.close()
