"""A small Language Server Protocol client over stdio, written against the protocol.

It frames JSON-RPC messages with ``Content-Length`` headers (LSP base protocol), starts
``python -m ttsbuilder lsp`` as a subprocess and talks to it like an editor: requests
with ids, notifications, and the server's own notifications collected as they come.
It knows nothing of pygls. Every wait is bounded (``TIMEOUT``).
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

TIMEOUT = 30.0


class ProtocolError(AssertionError):
    """The server broke the protocol or did not answer in time."""


def uri_of(path: Path) -> str:
    """The file URI of ``path``."""
    return path.resolve().as_uri()


class Client:
    """One server process and the messages exchanged with it."""

    def __init__(self, cwd: Path, *args: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ttsbuilder", "lsp", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=env,
        )
        self._next = 0
        self._inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self._answers: dict[int, dict[str, Any]] = {}
        assert self.process.stdout is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    # --- framing ------------------------------------------------------------------------

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self._inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if length is None:
                self._inbox.put(None)
                return
            self._inbox.put(json.loads(stream.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        """Write one message with its header."""
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def send_bytes(self, data: bytes) -> None:
        """Write raw bytes, framed or not (for hostile input)."""
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def answer(self, ident: Any, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The whole answer (result or error) to the request ``ident`` (None: id null)."""
        deadline = time.monotonic() + timeout
        while ident not in self._answers:
            self._take(deadline)
        return self._answers.pop(ident)

    def _take(self, deadline: float) -> dict[str, Any]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ProtocolError("the server did not answer in time")
        try:
            message = self._inbox.get(timeout=remaining)
        except queue.Empty:
            raise ProtocolError("the server did not answer in time") from None
        if message is None:
            raise ProtocolError("the server closed its output")
        if "id" in message and "method" in message:  # a request from the server
            self.send({"id": message["id"], "result": None})
        elif "id" in message:
            self._answers[message["id"]] = message
        else:
            self.notifications.append(message)
        return message

    # --- requests and notifications -----------------------------------------------------

    def request(self, method: str, params: Any, timeout: float = TIMEOUT) -> Any:
        """Send a request and wait for its answer; a JSON-RPC error raises ProtocolError."""
        self._next += 1
        ident = self._next
        self.send({"id": ident, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while ident not in self._answers:
            self._take(deadline)
        answer = self._answers.pop(ident)
        if "error" in answer:
            raise ProtocolError(f"{method}: {answer['error']}")
        return answer.get("result")

    def notify(self, method: str, params: Any) -> None:
        """Send a notification."""
        self.send({"method": method, "params": params})

    def wait_for(self, method: str, test: Any = None, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The next notification ``method`` (whose params pass ``test``), waiting for it."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for message in self.notifications[seen:]:
                seen += 1
                if message.get("method") == method and (test is None or test(message["params"])):
                    self.notifications.remove(message)
                    return message["params"]
            self._take(deadline)

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict[str, Any]]:
        """The next diagnostics published for ``uri`` (for ``version`` when given)."""

        def wanted(params: dict[str, Any]) -> bool:
            return params["uri"] == uri and (version is None or params.get("version") == version)

        found: list[dict[str, Any]] = self.wait_for("textDocument/publishDiagnostics", wanted)[
            "diagnostics"
        ]
        return found

    # --- the session ----------------------------------------------------------------------

    def initialize(self, root: Path, options: dict[str, Any] | None = None) -> dict[str, Any]:
        """``initialize`` and ``initialized``; the server's capabilities."""
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": uri_of(root),
                "capabilities": {
                    "general": {"positionEncodings": ["utf-16"]},
                    "textDocument": {"publishDiagnostics": {"versionSupport": True}},
                },
                "initializationOptions": options or {},
            },
        )
        self.notify("initialized", {})
        capabilities: dict[str, Any] = result["capabilities"]
        return capabilities

    def open(self, uri: str, language: str, text: str, version: int = 1) -> None:
        """``textDocument/didOpen``."""
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": language,
                    "version": version,
                    "text": text,
                }
            },
        )

    def change(self, uri: str, version: int, changes: list[dict[str, Any]]) -> None:
        """``textDocument/didChange`` with full or ranged changes."""
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes},
        )

    def edit(self, uri: str, version: int, line: int, start: int, end: int, text: str) -> None:
        """One ranged change on one line: characters ``start`` to ``end`` become ``text``."""
        span = {
            "start": {"line": line, "character": start},
            "end": {"line": line, "character": end},
        }
        self.change(uri, version, [{"range": span, "text": text}])

    def at(self, method: str, uri: str, line: int, character: int) -> Any:
        """A request about one position (completion, hover)."""
        position = {"line": line, "character": character}
        return self.request(method, {"textDocument": {"uri": uri}, "position": position})

    def close(self, timeout: float = TIMEOUT) -> int:
        """``shutdown`` then ``exit``; the process's exit status."""
        self.request("shutdown", None)
        self.notify("exit", None)
        try:
            return self.process.wait(timeout)
        finally:
            self.kill()

    def kill(self) -> None:
        """End the process if it still runs (always called by the tests)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(TIMEOUT)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


def lint(path: Path) -> list[dict[str, Any]]:
    """What the real ``ttsbuilder lint --format json`` reports for ``path``."""
    done = subprocess.run(
        [sys.executable, "-m", "ttsbuilder", "lint", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return found


def apply(text: str, edits: list[dict[str, Any]]) -> str:
    """``text`` with LSP text edits made (UTF-16 positions), as an editor applies them."""
    lines = text.split("\n")

    def offset(position: dict[str, int]) -> int:
        before = sum(len(line) + 1 for line in lines[: position["line"]])
        line = lines[position["line"]] if position["line"] < len(lines) else ""
        units = line.encode("utf-16-le")[: 2 * position["character"]]
        return before + len(units.decode("utf-16-le"))

    spans = sorted(
        ((offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"]) for e in edits),
        reverse=True,
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text
