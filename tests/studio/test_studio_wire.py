"""The studio over a real socket: raw HTTP bytes against a running uvicorn on 127.0.0.1.

Bounded: every socket has a timeout, every wait a deadline.
"""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from tests.studio.conftest import Running

WAIT = 5.0


def _ask(running: Running, target: str, token: str, extra: str = "") -> tuple[int, bytes]:
    port = running.studio.port
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as sock:
        sock.sendall(
            f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Studio-Token: {token}\r\n"
            f"{extra}Connection: close\r\n\r\n".encode()
        )
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    status = int(answer.split(b" ", 2)[1])
    return status, answer.partition(b"\r\n\r\n")[2]


@pytest.mark.parametrize(
    "path",
    [
        "prompts/%2e%2e/outside.json",
        "prompts%2f..%2foutside.json",
        "prompts/..%5coutside.json",
        "prompts/%252e%252e/outside.json",
        "%2Fetc%2Fpasswd",
        "prompts/welcome.json%00.txt",
        "prompts/" + "a" * 5000 + ".json",
        "prompts/escape.json",
    ],
)
def test_encoded_paths_stay_inside(running: Running, prompts: Path, path: str) -> None:
    status, body = _ask(running, f"/api/file?path={path}", running.studio.guard.token)
    assert status == 403, body
    assert b"not served" not in body
    assert b"root:" not in body


def test_slow_clients_do_not_hold_up_the_others(running: Running) -> None:
    port, token = running.studio.port, running.studio.guard.token
    slow = []
    try:
        for n in range(60):
            sock = socket.create_connection(("127.0.0.1", port), timeout=WAIT)
            head = f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            if n % 2:  # headers done, a body that promises more than it sends
                head += f"X-Studio-Token: {token}\r\nContent-Type: application/json\r\n"
                head += 'Content-Length: 1000\r\n\r\n{"pa'
            sock.sendall(head.encode())
            slow.append(sock)
        started = time.monotonic()
        status, _ = _ask(running, "/api/files", token)
        assert status == 200
        assert time.monotonic() - started < 2.0
    finally:
        for sock in slow:
            sock.close()


def test_a_chunked_body_over_the_limit_is_refused_before_it_ends(running: Running) -> None:
    """Without a Content-Length the body was read whole first (200 MiB: +393 MiB of memory)."""
    from ttsbuilder.studio.app import MAX_BODY_BYTES

    port, token = running.studio.port, running.studio.guard.token
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as sock:
        sock.sendall(
            f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Studio-Token: {token}\r\n"
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
        )
        chunk = b"x" * (1 << 20)
        try:
            for _ in range(MAX_BODY_BYTES // len(chunk) + 2):
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            # the body has not ended (no last chunk): the answer must not wait for it
            answer = sock.recv(64)
        except ConnectionError:  # the studio answered and closed while we were sending
            return
        assert answer.startswith(b"HTTP/1.1 413 ")
