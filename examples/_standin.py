"""A local stand-in of the Voice API for the examples: records each request and answers 200.

It listens on 127.0.0.1 on a free port, in a thread, and never leaves this machine.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _Handler(BaseHTTPRequestHandler):
    server: _StandIn

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"null")
        self.server.received.append(
            {
                "method": self.command,
                "path": self.path,
                "content_type": self.headers.get("Content-Type"),
                "authorized": self.headers.get("Authorization", "").startswith("Basic "),
                "body": body,
            }
        )
        reply = json.dumps({"voice_id": str(uuid.uuid4()), "state": "initiated"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    do_POST = do_PUT = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the examples print what matters themselves


class _StandIn(ThreadingHTTPServer):
    received: list[dict[str, Any]]


@contextmanager
def stand_in() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Run the stand-in; yield its base URL and the list it records requests in."""
    server = _StandIn(("127.0.0.1", 0), _Handler)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/voice/v1", server.received
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def show(request: dict[str, Any]) -> None:
    """Print one received request: its line, content type and JSON body."""
    print(f"{request['method']} {request['path']}")
    print(f"Content-Type: {request['content_type']}")
    print(json.dumps(request["body"], indent=2, ensure_ascii=False))
