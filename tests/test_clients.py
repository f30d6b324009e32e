"""The client integrations against a real HTTP server on 127.0.0.1, started by each test.

For httpx (sync and async) and requests: a bad request never arrives, a good one does,
warn mode logs and sends, and a request outside /voice/v1 passes untouched.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import doctest
import gc
import gzip
import io
import json
import logging
import os
import pathlib
import pickle
import re
import sys
import threading
import warnings
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from ttsbuilder import check_request, clients
from ttsbuilder.clients import httpx_async_event_hooks, httpx_event_hooks, requests_session
from ttsbuilder.errors import MissingExtraError, TTSBuilderError, ValidationError
from ttsbuilder.strategies import mutations, payloads

VOICE_ID = "f1aa71c0-8f2a-4fe8-b5ef-9a330454ef58"
GOOD = {"text": "Hello", "voice": "female", "language": "en-US"}
BAD = {"text_to_speech_option": {"break": {"time": "2s"}}}  # TTS105: 'time' is 'value'
WARNED = {"text": "Hello", "voice": "female", "start_timeout": 5}  # TTS404 warning only


class _Recorder(BaseHTTPRequestHandler):
    server: _Server

    def _answer(self) -> None:
        if self.path == "/moved":  # a redirect that keeps the method and the body
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.server.arrived.append((self.command, self.path, b""))
            self.send_response(307)
            self.send_header("Location", f"/voice/v1/call/{VOICE_ID}/play")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.headers.get("Transfer-Encoding") == "chunked":
            body = b""
            for _ in range(1000):  # bounded: a test body has a few chunks
                size = int(self.rfile.readline().strip(), 16)
                chunk = self.rfile.read(size + 2)[:size]
                if size == 0:
                    break
                body += chunk
        else:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.arrived.append((self.command, self.path, body))
        reply = b'{"state": "ok"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    do_GET = do_PUT = do_POST = do_DELETE = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    arrived: list[tuple[str, str, bytes]]


@contextlib.contextmanager
def serving() -> Iterator[_Server]:
    """A real HTTP server on a free 127.0.0.1 port that records every request arriving."""
    running = _Server(("127.0.0.1", 0), _Recorder)
    running.arrived = []
    thread = threading.Thread(target=running.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield running
    finally:
        running.shutdown()
        running.server_close()
        thread.join(timeout=10)


@pytest.fixture
def server() -> Iterator[_Server]:
    with serving() as running:
        yield running


def api(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_port}/voice/v1"


# Each client as one function: send(server, mode, method, url, body) -> status code.
Sender = Callable[[str, str, str, Any], int]


def send_httpx(mode: str, method: str, url: str, body: Any) -> int:
    with httpx.Client(event_hooks=httpx_event_hooks(mode=mode), timeout=5) as client:  # type: ignore[arg-type]
        return client.request(method, url, json=body).status_code


def send_httpx_async(mode: str, method: str, url: str, body: Any) -> int:
    async def go() -> int:
        hooks = httpx_async_event_hooks(mode=mode)  # type: ignore[arg-type]
        async with httpx.AsyncClient(event_hooks=hooks, timeout=5) as client:
            return (await client.request(method, url, json=body)).status_code

    return asyncio.run(go())


def send_requests(mode: str, method: str, url: str, body: Any) -> int:
    with requests_session(mode=mode) as session:  # type: ignore[arg-type]
        return session.request(method, url, json=body, timeout=5).status_code


SENDERS = {"httpx": send_httpx, "httpx-async": send_httpx_async, "requests": send_requests}


@pytest.fixture(params=sorted(SENDERS))
def send(request: pytest.FixtureRequest) -> Sender:
    return SENDERS[request.param]


def test_a_bad_request_never_arrives(server: _Server, send: Sender) -> None:
    url = f"{api(server)}/call/{VOICE_ID}/play"
    with pytest.raises(ValidationError) as caught:
        send("raise", "PUT", url, BAD)
    assert [p.code for p in caught.value.problems] == ["TTS105"]
    assert (caught.value.method, caught.value.url) == ("PUT", url)
    assert server.arrived == []


def test_a_percent_encoded_route_is_the_route_it_encodes(server: _Server, send: Sender) -> None:
    # Found in an adversarial pass: /%76oice/v1/... went out unchecked, and the server
    # (here Python's, like any that follows RFC 3986 6.2.2.2) could route it to play.
    from urllib.parse import unquote

    base = f"http://127.0.0.1:{server.server_port}"
    with pytest.raises(ValidationError) as caught:
        send("raise", "PUT", f"{base}/%76oice/v1/call/{VOICE_ID}/pl%61y", BAD)
    assert [p.code for p in caught.value.problems] == ["TTS105"]
    assert server.arrived == []
    # And a good body on that spelling is not an unknown route (TTS801): it is sent.
    assert send("raise", "PUT", f"{base}/voice/v1/call/{VOICE_ID}/%70lay", GOOD) == 200
    assert unquote(server.arrived[0][1]) == f"/voice/v1/call/{VOICE_ID}/play"


def test_a_dot_segment_route_is_the_route_it_names(server: _Server, send: Sender) -> None:
    # Found in an adversarial pass: /voice/%2e/v1/... went out unchecked with a bad body
    # (httpx sends the %2e as it is, requests decodes it to "."), and a server that
    # normalises the path (RFC 3986 6.2.2.3; nginx does) routes it to play.
    base = f"http://127.0.0.1:{server.server_port}"
    for path in [f"/voice/%2e/v1/call/{VOICE_ID}/play", f"/voice/v1/call/x/%2E%2E/{VOICE_ID}/play"]:
        with pytest.raises(ValidationError) as caught:
            send("raise", "PUT", base + path, BAD)
        assert [p.code for p in caught.value.problems] == ["TTS105"], path
    assert server.arrived == []
    # "/call/%2e%2e/play" is "/play" to such a server: no route, not a play with id "..".
    with pytest.raises(ValidationError) as caught:
        send("raise", "PUT", f"{base}/voice/v1/call/%2e%2e/play", GOOD)
    assert [p.code for p in caught.value.problems] == ["TTS801"]
    assert server.arrived == []


def test_a_url_in_the_path_is_a_prefix_like_any_other(server: _Server, send: Sender) -> None:
    # Found in an adversarial pass: the httpx hooks read the "://" of a path like this
    # one (a gateway that takes its target in the path) as a scheme's, found no
    # /voice/v1 in the "path" after the "host", and sent the bad body unchecked.
    base = f"http://127.0.0.1:{server.server_port}"
    for gateway in ["/x:/", "/fwd/http:/"]:
        with pytest.raises(ValidationError) as caught:
            send("raise", "PUT", f"{base}{gateway}/voice/v1/call/{VOICE_ID}/play", BAD)
        assert [p.code for p in caught.value.problems] == ["TTS105"], gateway
    assert server.arrived == []


def test_a_good_request_arrives_as_sent(server: _Server, send: Sender) -> None:
    assert send("raise", "PUT", f"{api(server)}/call/{VOICE_ID}/play", GOOD) == 200
    ((method, path, body),) = server.arrived
    assert (method, path) == ("PUT", f"/voice/v1/call/{VOICE_ID}/play")
    assert json.loads(body) == GOOD


def test_a_wrong_route_never_arrives(server: _Server, send: Sender) -> None:
    with pytest.raises(ValidationError) as caught:
        send("raise", "PUT", f"{api(server)}/call/{VOICE_ID}/hold", {"hold": True})
    assert [p.code for p in caught.value.problems] == ["TTS802"]
    assert server.arrived == []


def test_warn_mode_logs_and_sends(
    server: _Server, send: Sender, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"{api(server)}/call/{VOICE_ID}/play"
    with caplog.at_level(logging.WARNING, logger="ttsbuilder.clients"):
        assert send("warn", "PUT", url, BAD) == 200
    assert len(server.arrived) == 1
    (record,) = caplog.records
    assert record.name == "ttsbuilder.clients"
    # docs/clients.md: "PUT <url>: <problem>", the Problem as the record's `problem`.
    assert record.problem.code == "TTS105"  # type: ignore[attr-defined]
    assert record.getMessage() == f"PUT {url}: {record.problem}"  # type: ignore[attr-defined]


def test_a_key_with_a_line_break_cannot_forge_a_log_line(
    server: _Server, send: Sender, caplog: pytest.LogCaptureFixture
) -> None:
    # Found in an adversarial pass: the pointer of an unknown key was written raw, so a
    # body key holding "\n" (a prompt a service's user wrote) started a new, forged line
    # in the log and in the error's text. Keys are shown escaped, as values always were.
    url = f"{api(server)}/call/{VOICE_ID}/play"
    forged = "txt\n2026-01-01 CRITICAL payment approved\r\x1b[2J\u2028x"
    body = {"text_to_speech_option": {forged: "Hi"}}
    with caplog.at_level(logging.WARNING, logger="ttsbuilder.clients"):
        assert send("warn", "PUT", url, body) == 200
    (record,) = caplog.records
    assert record.problem.pointer == f"/text_to_speech_option/{forged}"  # type: ignore[attr-defined]
    message = record.getMessage()
    assert message.isprintable(), message
    assert "/text_to_speech_option/txt\\n2026-01-01 CRITICAL payment approved\\r\\x1b[2J" in message
    with pytest.raises(ValidationError) as caught:
        send("raise", "PUT", url, body)
    assert str(caught.value).isprintable()


def test_warnings_never_block(
    server: _Server, send: Sender, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="ttsbuilder.clients"):
        assert send("raise", "PUT", f"{api(server)}/call/{VOICE_ID}/play", WARNED) == 200
    assert len(server.arrived) == 1
    assert ["TTS404" in record.getMessage() for record in caplog.records] == [True]


def test_a_request_outside_voice_v1_passes_untouched(server: _Server, send: Sender) -> None:
    url = f"http://127.0.0.1:{server.server_port}/health"
    assert send("raise", "POST", url, BAD) == 200
    assert len(server.arrived) == 1


def test_a_request_without_a_body_is_checked_too(server: _Server, send: Sender) -> None:
    assert send("raise", "GET", f"{api(server)}/call/{VOICE_ID}", None) == 200
    with pytest.raises(ValidationError) as caught:
        send("raise", "POST", f"{api(server)}/call/{VOICE_ID}/hold", None)
    assert [p.code for p in caught.value.problems] == ["TTS804"]
    assert len(server.arrived) == 1


def test_a_streamed_httpx_body_is_read_checked_and_still_sent(server: _Server) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"hold"'
        yield b": true}"

    url = f"{api(server)}/call/{VOICE_ID}/hold"
    with httpx.Client(event_hooks=httpx_event_hooks(), timeout=5) as client:
        assert client.post(url, content=chunks()).status_code == 200
        with pytest.raises(ValidationError):
            client.post(url, content=iter([b'{"hold": "yes"}']))
    assert [json.loads(body) for _, _, body in server.arrived] == [{"hold": True}]


def test_requests_checks_a_prepared_request_sent_directly(server: _Server) -> None:
    url = f"{api(server)}/call/{VOICE_ID}/hold"
    with requests_session() as session:
        good = requests.Request("POST", url, data=b'{"hold": false}').prepare()
        assert session.send(good, timeout=5).status_code == 200
        bad = requests.Request("POST", url, data=b'{"hold": 1}').prepare()
        with pytest.raises(ValidationError):
            session.send(bad, timeout=5)
    assert len(server.arrived) == 1


def test_the_error_and_the_log_carry_no_password() -> None:
    url = "http://app:s3cret@127.0.0.1:9/voice/v1/call/7/play"
    with (
        httpx.Client(event_hooks=httpx_event_hooks()) as client,
        pytest.raises(ValidationError) as caught,
    ):
        client.put(url, json=BAD)
    assert "s3cret" not in str(caught.value)
    assert caught.value.url == "http://127.0.0.1:9/voice/v1/call/7/play"


def test_the_azure_profile_is_passed_on(server: _Server) -> None:
    body = {"text_to_speech_option": {"break": {"value": "15s"}}}  # over 5000 ms: enablex only
    url = f"{api(server)}/call/{VOICE_ID}/play"
    with httpx.Client(event_hooks=httpx_event_hooks(profile="azure"), timeout=5) as client:
        assert client.put(url, json=body).status_code == 200
    with pytest.raises(ValidationError):
        send_httpx("raise", "PUT", url, body)


@pytest.mark.parametrize(
    "duplicate",
    [copy.copy, copy.deepcopy, lambda session: pickle.loads(pickle.dumps(session))],
    ids=["copy", "deepcopy", "pickle"],
)
def test_a_copied_session_still_checks(server: _Server, duplicate: Callable[[Any], Any]) -> None:
    # Found in an adversarial pass: requests copies and pickles a Session's __attrs__
    # only, so a copy's every send raised AttributeError ('_ttsbuilder'), and pickle
    # could not find the class at all.
    with requests_session(mode="raise", profile="azure") as session:
        session.headers["X-Kept"] = "yes"
        twin = duplicate(session)
    with twin:
        assert twin.headers["X-Kept"] == "yes"
        url = f"{api(server)}/call/{VOICE_ID}/play"
        with pytest.raises(ValidationError):
            twin.put(url, json=BAD, timeout=5)
        # The azure profile came along: a 15 s pause is too long for enablex only.
        tree = {"break": {"value": "15s"}}
        assert twin.put(url, json={"text_to_speech_option": tree}, timeout=5).status_code == 200
    assert len(server.arrived) == 1


def test_a_wrong_mode_or_profile_fails_at_once() -> None:
    with pytest.raises(TTSBuilderError, match=r"^unknown mode 'loud': use 'raise' or 'warn'$"):
        httpx_event_hooks(mode="loud")  # type: ignore[arg-type]
    with pytest.raises(TTSBuilderError):
        requests_session(profile="polly")


@pytest.mark.parametrize(
    ("make", "module", "extra"),
    [
        (httpx_event_hooks, "httpx", "httpx"),
        (httpx_async_event_hooks, "httpx", "httpx"),
        (requests_session, "requests", "requests"),
    ],
)
def test_a_missing_client_library_names_its_extra(
    make: Callable[[], Any], module: str, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # an import of it now fails
    monkeypatch.setattr(clients, "_session_class", clients._session_class.__wrapped__)
    with pytest.raises(MissingExtraError) as caught:
        make()
    assert caught.value.extra == extra
    assert caught.value.feature == f"ttsbuilder.clients.{make.__name__}"


def test_the_doctests_run() -> None:
    assert doctest.testmod(clients).failed == 0


# --- found in the adversarial trial of issue 11 -------------------------------------------


def test_a_streamed_upload_outside_voice_v1_is_sent_as_a_stream(server: _Server) -> None:
    # The hooks read every streamed body before looking at the URL: a 200 MB upload to
    # another path was held in memory (twice) before a byte went out, an endless one hung.
    marks: list[str] = []

    def chunks() -> Iterator[bytes]:
        for _ in range(3):
            marks.append("chunk")
            yield b"x" * 10

    hooks = httpx_event_hooks()
    hooks["request"].append(lambda request: marks.append("hooks done"))
    url = f"http://127.0.0.1:{server.server_port}/upload"
    with httpx.Client(event_hooks=hooks, timeout=5) as client:
        assert client.post(url, content=chunks()).status_code == 200
    assert marks == ["hooks done", "chunk", "chunk", "chunk"]
    assert server.arrived == [("POST", "/upload", b"x" * 30)]


def test_an_async_streamed_upload_outside_voice_v1_is_sent_as_a_stream(server: _Server) -> None:
    marks: list[str] = []

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(3):
            marks.append("chunk")
            yield b"x" * 10

    async def done(request: httpx.Request) -> None:
        marks.append("hooks done")

    async def go() -> int:
        hooks = httpx_async_event_hooks()
        hooks["request"].append(done)
        async with httpx.AsyncClient(event_hooks=hooks, timeout=5) as client:
            url = f"http://127.0.0.1:{server.server_port}/upload"
            return (await client.post(url, content=chunks())).status_code

    assert asyncio.run(go()) == 200
    assert marks == ["hooks done", "chunk", "chunk", "chunk"]
    assert server.arrived == [("POST", "/upload", b"x" * 30)]


def test_a_stream_of_the_wrong_kind_gets_httpx_s_own_error(server: _Server) -> None:
    # The hooks failed first, with a bare AssertionError from httpx's read().
    async def async_chunks() -> AsyncIterator[bytes]:
        yield b'{"hold": true}'

    url = f"{api(server)}/call/{VOICE_ID}/hold"
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with (
            httpx.Client(event_hooks=httpx_event_hooks(), timeout=5) as client,
            pytest.raises(RuntimeError, match="async request with a sync Client"),
        ):
            client.post(url, content=async_chunks())
        gc.collect()
    assert [str(w.message) for w in seen if "never awaited" in str(w.message)] == []

    async def go() -> None:
        async with httpx.AsyncClient(event_hooks=httpx_async_event_hooks(), timeout=5) as client:
            await client.post(url, content=iter([b'{"hold": true}']))

    # The async hooks cannot read a sync stream; httpx would refuse it too. They say so.
    with pytest.raises(TTSBuilderError, match=r"an httpx\.AsyncClient takes async streams only"):
        asyncio.run(go())
    assert server.arrived == []


def test_the_async_hooks_in_a_sync_client_still_check(server: _Server) -> None:
    # They did nothing there: httpx.Client calls a hook and drops what it returns, so the
    # coroutine never ran and every request went out unchecked (a RuntimeWarning at most).
    url = f"{api(server)}/call/{VOICE_ID}/play"
    with httpx.Client(event_hooks=httpx_async_event_hooks(), timeout=5) as client:  # type: ignore[arg-type]
        with pytest.raises(ValidationError) as caught:
            client.put(url, json=BAD)
        assert [p.code for p in caught.value.problems] == ["TTS105"]
        with pytest.raises(TTSBuilderError, match=r"an httpx\.Client needs httpx_event_hooks"):
            client.put(url, content=iter([json.dumps(BAD).encode()]))
        assert client.put(url, json=GOOD).status_code == 200
    assert [body for _, _, body in server.arrived] == [
        json.dumps(GOOD, separators=(",", ":")).encode()
    ]


def test_the_sync_hooks_in_an_async_client_still_check(server: _Server) -> None:
    # Found in an adversarial pass: an httpx.AsyncClient awaits what a hook returns, and
    # the sync hooks returned None: every good request failed with httpx's "object
    # NoneType can't be used in 'await' expression", and an async stream went out unchecked.
    url = f"{api(server)}/call/{VOICE_ID}/play"

    async def chunks(body: Any) -> AsyncIterator[bytes]:
        yield json.dumps(body).encode()

    async def go() -> None:
        async with httpx.AsyncClient(event_hooks=httpx_event_hooks(), timeout=5) as client:  # type: ignore[arg-type]
            assert (await client.put(url, json=GOOD)).status_code == 200
            with pytest.raises(ValidationError) as caught:
                await client.put(url, json=BAD)
            assert [p.code for p in caught.value.problems] == ["TTS105"]
            with pytest.raises(ValidationError) as caught:
                await client.put(url, content=chunks(BAD))
            assert [p.code for p in caught.value.problems] == ["TTS105"]
            assert (await client.put(url, content=chunks(GOOD))).status_code == 200

    asyncio.run(go())
    assert [json.loads(body) for _, _, body in server.arrived] == [GOOD, GOOD]


def send_raw(client: str, url: str, body: bytes, headers: dict[str, str]) -> int:
    """PUT ``body`` as it is (no json=), with ``headers``, through ``client``."""
    if client == "requests":
        with requests_session() as session:
            return session.put(url, data=body, headers=headers, timeout=5).status_code
    if client == "httpx":
        with httpx.Client(event_hooks=httpx_event_hooks(), timeout=5) as sync_client:
            return sync_client.put(url, content=body, headers=headers).status_code

    async def go() -> int:
        async with httpx.AsyncClient(event_hooks=httpx_async_event_hooks(), timeout=5) as client:
            return (await client.put(url, content=body, headers=headers)).status_code

    return asyncio.run(go())


def _deflated(data: bytes, wbits: int) -> bytes:
    packer = zlib.compressobj(wbits=wbits)
    return packer.compress(data) + packer.flush()


# Each content coding the hooks decode, as Python's own zlib and gzip write it.
ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": gzip.compress,
    "x-gzip": gzip.compress,
    "deflate": lambda data: _deflated(data, zlib.MAX_WBITS),
    "Deflate": lambda data: _deflated(data, -zlib.MAX_WBITS),  # raw, as some clients send
    "identity": lambda data: data,
    "gzip, identity": gzip.compress,
    "deflate, gzip": lambda data: gzip.compress(_deflated(data, zlib.MAX_WBITS)),
}


@pytest.mark.parametrize("coding", sorted(ENCODERS))
@pytest.mark.parametrize("client", sorted(SENDERS))
def test_a_compressed_body_is_checked_as_it_decompresses(
    server: _Server, client: str, coding: str
) -> None:
    # It was TTS805 "not UTF-8 (byte 1)" for every compressed body, good or bad.
    url = f"{api(server)}/call/{VOICE_ID}/play"
    headers = {"Content-Type": "application/json", "Content-Encoding": coding}
    good = ENCODERS[coding](json.dumps(GOOD).encode())
    assert send_raw(client, url, good, headers) == 200
    assert server.arrived == [("PUT", f"/voice/v1/call/{VOICE_ID}/play", good)]  # as sent
    with pytest.raises(ValidationError) as caught:
        send_raw(client, url, ENCODERS[coding](json.dumps(BAD).encode()), headers)
    assert [p.code for p in caught.value.problems] == ["TTS105"]
    assert len(server.arrived) == 1


@pytest.mark.parametrize(
    ("coding", "body", "message"),
    [
        ("br", b"\x1b\x0e\x00", "the body is br-encoded (Content-Encoding), which"),
        ("gzip", b"\x1f\x8b not gzip", "the body does not decompress as gzip: "),
        ("gzip", gzip.compress(b'{"text": "Hi"}')[:-12], "the body does not decompress as gzip"),
        ("gzip", gzip.compress(b" " * (65 << 20)), "the body decompresses to more than 64 MiB"),
    ],
    ids=["unknown", "corrupt", "truncated", "bomb"],
)
@pytest.mark.parametrize("client", sorted(SENDERS))
def test_a_compressed_body_that_cannot_be_read_says_why(
    server: _Server, client: str, coding: str, body: bytes, message: str
) -> None:
    headers = {"Content-Type": "application/json", "Content-Encoding": coding}
    with pytest.raises(ValidationError) as caught:
        send_raw(client, f"{api(server)}/call/{VOICE_ID}/play", body, headers)
    ((problem,),) = [caught.value.problems]
    assert (problem.code, problem.pointer) == ("TTS805", "")
    assert problem.message.startswith(message)
    assert server.arrived == []


def test_requests_checks_a_file_body_and_still_sends_it(
    server: _Server, tmp_path: pathlib.Path
) -> None:
    # requests refused every file body (TTS805, "a stream"), though a file can be read
    # and rewound, as requests itself rewinds it for a redirect; httpx's hooks read it.
    url = f"{api(server)}/call/{VOICE_ID}/play"
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_bytes(b"[ignored]" + json.dumps(GOOD).encode())
    bad.write_text(json.dumps(BAD), encoding="utf-8")
    with requests_session() as session, good.open("rb") as file:
        file.seek(len(b"[ignored]"))  # requests sends a file from where it stands
        assert session.put(url, data=file, timeout=5).status_code == 200
        with bad.open("rb") as other, pytest.raises(ValidationError) as caught:
            session.put(url, data=other, timeout=5)
        assert [p.code for p in caught.value.problems] == ["TTS105"]
        with pytest.raises(ValidationError) as caught:  # a generator cannot be rewound
            session.put(url, data=iter([json.dumps(GOOD).encode()]), timeout=5)
        assert [p.code for p in caught.value.problems] == ["TTS805"]
    assert server.arrived == [("PUT", f"/voice/v1/call/{VOICE_ID}/play", good.read_bytes()[9:])]


def test_requests_checks_a_compressed_file_body(server: _Server, tmp_path: pathlib.Path) -> None:
    body = tmp_path / "bad.json.gz"
    body.write_bytes(gzip.compress(json.dumps(BAD).encode()))
    headers = {"Content-Encoding": "gzip"}
    with (
        requests_session() as session,
        body.open("rb") as file,
        pytest.raises(ValidationError) as caught,
    ):
        session.put(f"{api(server)}/call/{VOICE_ID}/play", data=file, headers=headers, timeout=5)
    assert [p.code for p in caught.value.problems] == ["TTS105"]
    assert server.arrived == []


def test_requests_sends_a_file_upload_elsewhere_whole(
    server: _Server, tmp_path: pathlib.Path
) -> None:
    upload = tmp_path / "upload.bin"
    upload.write_bytes(b"x" * 1000)
    with requests_session() as session, upload.open("rb") as file:
        url = f"http://127.0.0.1:{server.server_port}/upload"
        assert session.post(url, data=file, timeout=5).status_code == 200
    assert server.arrived == [("POST", "/upload", b"x" * 1000)]


# Every route with a body, by kind: the hooks must judge each body as check_request does.
_ROUTE_OF = {
    "play": ("PUT", f"/call/{VOICE_ID}/play"),
    "dial-out": ("POST", "/call"),
    "connect": ("PUT", f"/call/{VOICE_ID}/connect"),
    "hold": ("POST", f"/call/{VOICE_ID}/hold"),
    "recording": ("PUT", f"/call/{VOICE_ID}/recording"),
}


@st.composite
def _bodies(draw: st.DrawFn) -> tuple[str, str, Any]:
    kind = draw(st.sampled_from(sorted(_ROUTE_OF)))
    method, path = _ROUTE_OF[kind]
    body = draw(st.one_of(payloads(kind, warnings=True), mutations(kind).map(lambda m: m.document)))
    return method, "https://api.enablex.io/voice/v1" + path, body


def _sent(raw: bytes, sent_as: str, client: str) -> Any:
    """``raw`` as a client is given it: bytes, compressed, a stream of its kind, a file."""
    if sent_as == "gzip":
        return gzip.compress(raw)
    if sent_as == "bytes":
        return raw

    async def chunks() -> AsyncIterator[bytes]:
        yield raw[:5]
        yield raw[5:]

    if client == "httpx-async":  # it takes no sync stream (a file is one to httpx)
        return chunks()
    if sent_as == "file" or client == "requests":  # requests cannot rewind a generator
        return io.BytesIO(raw)
    return iter([raw[:5], raw[5:]])


@settings(max_examples=150, deadline=None)
@given(_bodies(), st.sampled_from(["bytes", "gzip", "stream", "file"]))
def test_each_hook_judges_a_body_as_check_request_does(
    request_: tuple[str, str, Any], sent_as: str
) -> None:
    method, url, body = request_
    problems = check_request(method, url, body)
    expected = [(p.code, p.pointer) for p in problems] if any(p.is_error for p in problems) else []
    headers = {"Content-Encoding": "gzip"} if sent_as == "gzip" else {}
    (sync_hook,) = httpx_event_hooks()["request"]
    (async_hook,) = httpx_async_event_hooks()["request"]
    session = requests_session()
    raw = json.dumps(body).encode()
    for client in sorted(SENDERS):
        content = _sent(raw, sent_as, client)
        try:
            if client == "requests":
                prepared = requests.Request(method, url, data=content, headers=headers).prepare()
                session._ttsbuilder_check(prepared)  # type: ignore[attr-defined]
            elif client == "httpx":
                sync_hook(httpx.Request(method, url, content=content, headers=headers))
            else:
                built = httpx.Request(method, url, content=content, headers=headers)
                asyncio.run(async_hook(built))  # type: ignore[arg-type]
            found = []
        except ValidationError as error:
            found = [(p.code, p.pointer) for p in error.problems]
        assert found == expected, client


_WORDS = ["call", "f1aa", "play", "%70lay", "hold", "recording", "7", "voice", "v1", "x", ""]
_ODD = ["%2F", "a;b", "%41", "é", "a b", "%25", "~", "%7e", "%3B", "%C3%A9", "x:", "http:"]


@st.composite
def _odd_urls(draw: st.DrawFn) -> str:
    """URLs around /voice/v1: odd segments and dot segments, all written plainly or all
    percent-encoded (httpx resolves a plain ".." against a "%2e" before it sends: see
    docs/clients.md), behind hosts with ports, userinfo and IPv6."""
    dots = draw(st.sampled_from([[".", ".."], ["%2e", "%2E%2e", ".%2e"]]))
    segment = st.one_of(
        st.sampled_from(_WORDS + _ODD + dots),
        st.text(alphabet="af%2F;é~ -_:@!$&'()*+,=", min_size=1, max_size=4),
    )
    before = draw(st.lists(segment, max_size=3))
    after = draw(st.lists(segment, max_size=4))
    host = draw(st.sampled_from(["https://h", "http://u:p@127.0.0.1:8080", "https://[::1]"]))
    tail = draw(st.sampled_from(["", "/", "?next=/../x", "#top", "?a=%2F"]))
    return host + "/" + "/".join([*before, "voice", "v1", *after]) + tail


@settings(max_examples=400, deadline=None)
@given(
    _odd_urls(),
    st.sampled_from(["PUT", "POST", "GET"]),
    st.sampled_from([b'{"hold": true}', b'{"text": "a"}', None]),
)
def test_the_hooks_find_the_route_check_request_finds(
    url: str, method: str, body: bytes | None
) -> None:
    # The hooks see the target each client sends (both remove plain dot segments;
    # requests decodes %2e, httpx does not; httpx hands over a bare path), check_request
    # the URL as given, read as RFC 3986 normalises it: all three find the same route.
    # Found this way: "/voice/v1/call/%2e%2e/play" and "/x://voice/v1/..." (fixed).
    try:
        sent = [
            httpx.Request(method, url, content=body),
            requests.Request(method, url, data=body).prepare(),
        ]
    except (httpx.InvalidURL, requests.exceptions.InvalidURL):
        return  # a URL the client refuses is never sent
    (hook,) = httpx_event_hooks()["request"]
    with requests_session() as session:
        for request in sent:
            # A "%" that starts no escape makes requests quote every "%" of the URL
            # ("/%/voice/v1/%2E%2e" is sent as "/%25/voice/v1/%252E%252E", another path):
            # then its hook judges the URL it sends, as check_request does given that URL.
            given = url
            if isinstance(request, requests.PreparedRequest) and _LONE_PERCENT.search(url):
                given = request.url or ""
            expected = sorted(p.code for p in check_request(method, given, body) if p.is_error)
            try:
                if isinstance(request, httpx.Request):
                    hook(request)
                else:
                    session._ttsbuilder_check(request)  # type: ignore[attr-defined]
                found = []
            except ValidationError as error:
                found = sorted(p.code for p in error.problems)
            assert found == expected, (type(request).__module__, url)


# A "%" not followed by two hex digits: no percent-encoding (RFC 3986, section 2.1).
_LONE_PERCENT = re.compile("%(?![0-9A-Fa-f]{2})")


def test_a_url_requests_quotes_again_is_judged_as_requests_sends_it() -> None:
    # Found by the property above: requests sends "/%25/voice/v1/%252E%252E", a path
    # below /voice/v1 that is no route (its last segment is "%2E%2E", no dot segment),
    # where the URL as given, read by RFC 3986, ends in "..", out of /voice/v1.
    url = "https://h/%/voice/v1/%2E%2e"
    prepared = requests.Request("PUT", url, data=b'{"hold": true}').prepare()
    assert prepared.url == "https://h/%25/voice/v1/%252E%252E"
    assert check_request("PUT", url, b'{"hold": true}') == []
    with requests_session() as session, pytest.raises(ValidationError) as raised:
        session._ttsbuilder_check(prepared)  # type: ignore[attr-defined]
    assert [p.code for p in raised.value.problems] == ["TTS801"]


# --- found by mutation testing (docs/mutation.md, "Routes, client hooks, body decoding") ---


def _follow(client: str, url: str, body: Any) -> int:
    """PUT ``body`` as JSON through ``client``, following redirects."""
    if client == "requests":
        with requests_session() as session:
            return session.put(url, json=body, timeout=5).status_code
    if client == "httpx":
        hooks = httpx_event_hooks()
        with httpx.Client(event_hooks=hooks, timeout=5, follow_redirects=True) as sync_client:
            return sync_client.put(url, json=body).status_code

    async def go() -> int:
        hooks = httpx_async_event_hooks()
        async with httpx.AsyncClient(event_hooks=hooks, timeout=5, follow_redirects=True) as c:
            return (await c.put(url, json=body)).status_code

    return asyncio.run(go())


@pytest.mark.parametrize("client", sorted(SENDERS))
def test_a_redirect_into_the_api_is_checked_as_its_route(server: _Server, client: str) -> None:
    # A 307 keeps the method and the body (RFC 9110 15.4.8); httpx sends the copy as a
    # stream not yet read, which the async hook read as no body at all (TTS804).
    moved = f"http://127.0.0.1:{server.server_port}/moved"
    with pytest.raises(ValidationError) as caught:
        _follow(client, moved, BAD)
    assert [p.code for p in caught.value.problems] == ["TTS105"]
    assert _follow(client, moved, GOOD) == 200
    play = f"/voice/v1/call/{VOICE_ID}/play"
    assert [(path, json.loads(body or b"null")) for _, path, body in server.arrived] == [
        ("/moved", None),
        ("/moved", None),
        (play, GOOD),
    ]


def test_an_async_stream_compressed_is_checked_as_it_decompresses(server: _Server) -> None:
    url = f"{api(server)}/call/{VOICE_ID}/play"

    async def put(body: Any) -> int:
        async def chunks() -> AsyncIterator[bytes]:
            raw = gzip.compress(json.dumps(body).encode())
            yield raw[:7]
            yield raw[7:]

        headers = {"Content-Encoding": "gzip"}
        async with httpx.AsyncClient(event_hooks=httpx_async_event_hooks(), timeout=5) as client:
            return (await client.put(url, content=chunks(), headers=headers)).status_code

    with pytest.raises(ValidationError) as caught:
        asyncio.run(put(BAD))
    assert [p.code for p in caught.value.problems] == ["TTS105"]
    assert asyncio.run(put(GOOD)) == 200
    assert len(server.arrived) == 1


def test_a_file_that_cannot_seek_is_a_stream_that_cannot_be_checked() -> None:
    # A pipe cannot be read and put back: the body is TTS805 (a stream), not "no body".
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "wb") as writer:
        writer.write(json.dumps(GOOD).encode())
    with os.fdopen(read_end, "rb") as pipe, requests_session() as session:
        assert not pipe.seekable()
        url = f"https://api.enablex.io/voice/v1/call/{VOICE_ID}/play"
        prepared = requests.Request("PUT", url, data=pipe).prepare()
        with pytest.raises(ValidationError) as caught:
            session._ttsbuilder_check(prepared)  # type: ignore[attr-defined]
    assert [p.code for p in caught.value.problems] == ["TTS805"]


def test_a_body_that_does_not_decode_keeps_the_route_s_problems() -> None:
    # A wrong method on a path with one body kind, and a gzip body that is not gzip: both.
    (hook,) = httpx_event_hooks()["request"]
    url = f"https://api.enablex.io/voice/v1/call/{VOICE_ID}/hold"
    request = httpx.Request("PUT", url, content=b"not gzip", headers={"Content-Encoding": "gzip"})
    with pytest.raises(ValidationError) as caught:
        hook(request)
    assert [p.code for p in caught.value.problems] == ["TTS802", "TTS805"]


def test_the_async_hook_s_result_takes_a_throw_as_a_coroutine_does() -> None:
    # asyncio throws CancelledError into a task's coroutine that is cancelled before its
    # first step; what the async hook returns must take it as the coroutine of an
    # `async def` hook (Python's own, not yet started: the reference) takes it.
    async def hook_coroutine() -> None:
        pass

    (hook,) = httpx_async_event_hooks()["request"]
    error = ValueError("sent in")
    for args in [(error,), (ValueError, error), (ValueError,)]:
        for coroutine in (hook_coroutine(), hook(httpx.Request("GET", "https://example.com/"))):
            with warnings.catch_warnings():  # the two-argument form is deprecated in 3.12
                warnings.simplefilter("ignore", DeprecationWarning)
                with pytest.raises(ValueError, match=r"sent in|^$") as caught:
                    coroutine.throw(*args)  # type: ignore[union-attr, arg-type]
            assert (caught.value is error) == (len(args) > 1 or args[0] is error)

    async def cancelled_at_once() -> bool:
        task = asyncio.get_running_loop().create_task(hook(httpx.Request("GET", "https://e/")))
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return task.cancelled()

    assert asyncio.run(cancelled_at_once())


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        # RFC 3986 3.2.1: the userinfo is what precedes the last "@" of the authority, which
        # ends at the first "/", "?" or "#" after "://"; an "@" later on is the path's.
        ("http://u:p@h/x", "http://h/x"),
        ("http://u:p@h/x?next=https://y", "http://h/x?next=https://y"),
        ("http://user:PXss@h/", "http://h/"),
        ("http://u:p@h/a@b/c", "http://h/a@b/c"),
        ("http://u:p@h/x?to=a@b", "http://h/x?to=a@b"),
        ("http://u:p@h#a@b", "http://h#a@b"),
        ("http:///a@b", "http:///a@b"),
        ("http://u:p@ss@h/x", "http://h/x"),  # an "@" left unencoded: the last one ends it
        ("http://@h/x", "http://h/x"),  # an empty userinfo
        ("http://h/x", "http://h/x"),
        ("://u:p@h/", "://h/"),  # no scheme, still no password in a log
        ("/voice/v1/call", "/voice/v1/call"),
    ],
)
def test_a_url_is_shown_without_its_userinfo(url: str, shown: str) -> None:
    assert clients._without_credentials(url) == shown
    if url.startswith("http:"):  # the host is where the standard library finds it too
        assert urlsplit(url).hostname == urlsplit(shown).hostname
