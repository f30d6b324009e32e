"""Hostile bytes on ``ttsbuilder lsp``'s standard input, from a real client process.

Expected answers come from the JSON-RPC 2.0 specification (error codes -32700 parse
error, -32600 invalid request, -32601 method not found, -32602 invalid params) and the
LSP's lifecycle rules (-32002 before ``initialize``; after ``shutdown`` an invalid
request; ``exit`` ends with 0 after ``shutdown``, else 1). Every wait is bounded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.lsp.client import Client, ProtocolError, uri_of
from ttsbuilder.lsp.wire import frame

WAIT = 15.0


def _framed(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _error(answer: dict[str, Any]) -> int:
    assert "result" not in answer, answer
    code: int = answer["error"]["code"]
    return code


def test_unknown_methods(client: Client, tmp_path: Path) -> None:
    client.initialize(tmp_path)
    client.send({"id": "u1", "method": "ttsbuilder/nothing"})  # no params: optional in LSP
    assert _error(client.answer("u1", WAIT)) == -32601
    client.send({"id": "u2", "method": "$/nothing", "params": {}})
    assert _error(client.answer("u2", WAIT)) == -32601
    client.notify("ttsbuilder/nothing", {})
    client.send({"method": "$/nothing"})
    # notifications are never answered: the next answer is the next request's
    assert client.request("shutdown", None, WAIT) is None
    assert not [n for n in client.notifications if n.get("method") == "window/showMessage"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"{not json", -32700),
        (b'{"jsonrpc": "2.0", "id": 1, "method": "x\xff"}', -32700),
        (b"[" * 100_000, -32700),
        (b"[1, 2]", -32600),
        (b"[]", -32600),
        (b"42", -32600),
        (b'"shutdown"', -32600),
        (b"null", -32600),
        (b'{"jsonrpc": "2.0", "id": {"a": 1}, "method": "shutdown"}', -32600),
        (b'{"jsonrpc": "2.0", "id": 1.5, "method": "shutdown"}', -32600),
    ],
)
def test_unreadable_messages_get_an_answer_with_id_null(
    client: Client, tmp_path: Path, body: bytes, code: int
) -> None:
    client.initialize(tmp_path)
    client.send_bytes(_framed(body))
    assert _error(client.answer(None, WAIT)) == code
    assert client.request("shutdown", None, WAIT) is None  # and the server reads on


def test_malformed_requests_get_an_error_not_silence(client: Client, tmp_path: Path) -> None:
    client.initialize(tmp_path)
    position = {"line": 0, "character": 0}
    document = {"uri": uri_of(tmp_path / "a.json")}
    hovers = {
        "h1": {"textDocument": document, "position": {"line": -1, "character": 0}},
        "h2": [1, 2],
        "h3": {"position": position},
        "h4": None,
    }
    for ident, params in hovers.items():
        client.send({"id": ident, "method": "textDocument/hover", "params": params})
        assert _error(client.answer(ident, WAIT)) == -32602, ident
    client.send_bytes(_framed(b'{"id": "j", "method": "shutdown"}'))  # no "jsonrpc": "2.0"
    assert _error(client.answer("j", WAIT)) == -32600
    client.send({"id": "p", "method": "textDocument/hover", "params": 5})
    assert _error(client.answer("p", WAIT)) == -32602
    # a notification that does not fit is dropped; the document is not opened
    client.notify("textDocument/didOpen", {"textDocument": 5})
    client.notify("$/cancelRequest", None)
    assert client.at("textDocument/hover", document["uri"], 0, 0) is None
    assert client.close() == 0


def test_the_lifecycle(client: Client, tmp_path: Path) -> None:
    uri = uri_of(tmp_path / "a.json")
    client.send({"id": "early", "method": "textDocument/hover", "params": {}})
    assert _error(client.answer("early", WAIT)) == -32002
    client.open(uri, "json", '{"break": {"time": "2s"}}')  # dropped: not initialized
    client.initialize(tmp_path)
    with pytest.raises(ProtocolError, match="-32600"):
        client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    client.open(uri, "json", '{"break": {"time": "2s"}}')
    assert [d["code"] for d in client.diagnostics(uri)] == ["TTS105"]
    assert client.request("shutdown", None, WAIT) is None
    with pytest.raises(ProtocolError, match="-32600"):
        client.at("textDocument/hover", uri, 0, 1)
    client.notify("exit", None)
    assert client.process.wait(WAIT) == 0


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"Content-Type: application/vscode-jsonrpc\r\n\r\n{}", "without a Content-Length"),
        (b"Content-Length: -5\r\n\r\n{}", "not a number of bytes"),
        (b"Content-Length: abc\r\n\r\n{}", "not a number of bytes"),
        (b"Content-Length: 99999999999999999999\r\n\r\n{}", "over the limit"),  # no MemoryError
        (b"Content-Length 2\r\n\r\n{}", "not a header line"),
        (b"Content-Length: " + b"1" * 10_000 + b"\r\n\r\n{}", "longer than 8192 bytes"),
        (b'Content-Length: 100\r\n\r\n{"jsonrpc": "2.0"', "ended 83 bytes into a message"),
    ],
)
def test_broken_framing_stops_the_server_with_status_1(
    client: Client, tmp_path: Path, data: bytes, said: str
) -> None:
    client.initialize(tmp_path)
    client.send_bytes(data)
    assert client.process.stdin is not None
    client.process.stdin.close()  # the end of the input, for a body cut short
    assert client.process.wait(WAIT) == 1
    assert client.process.stderr is not None
    error = client.process.stderr.read().decode()
    assert "cannot read the client's messages: " in error
    assert said in error
    assert "Traceback" not in error


def test_header_case_and_extra_headers_are_read(client: Client, tmp_path: Path) -> None:
    client.initialize(tmp_path)
    body = json.dumps({"jsonrpc": "2.0", "id": "c", "method": "shutdown"}).encode()
    client.send_bytes(
        b"\r\ncontent-length: %d\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"
        % len(body)
        + body
    )
    assert client.answer("c", WAIT) == {"jsonrpc": "2.0", "id": "c", "result": None}


def test_a_closed_output_stops_the_server(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "ttsbuilder", "lsp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert process.stdout is not None
    process.stdout.close()  # the editor stops reading before the server writes
    initialize = {"processId": None, "rootUri": None, "capabilities": {}}
    messages = [{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": initialize}]
    messages += [{"jsonrpc": "2.0", "id": n, "method": "shutdown"} for n in (2, 3)]
    try:
        _, said = process.communicate(b"".join(frame(m) for m in messages), timeout=WAIT)
    finally:
        process.kill()
    assert process.returncode == 1
    assert b"closed the server's output" in said
    assert b"Traceback" not in said
