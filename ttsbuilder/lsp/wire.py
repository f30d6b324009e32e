"""The server's end of the wire: LSP base-protocol framing and the JSON-RPC checks pygls skips.

pygls reads a message with ``json.loads`` and structures it in one step, so a message it
cannot structure gets no answer at all: an editor waiting on that request hangs. Here
every message is read, checked and answered before pygls sees it:

* a header block without a ``Content-Length`` (or with one that is not a decimal number,
  or over :data:`MAX_MESSAGE_BYTES`) leaves no way to find the next message: it is a
  :class:`FramingError`, and the server stops with status 1, as it does when the input
  ends inside a message;
* a body that is not JSON is answered ``ParseError`` (id null), one that is not a JSON-RPC
  2.0 object ``InvalidRequest``, a request whose params do not fit its method
  ``InvalidParams``, an unknown request ``MethodNotFound``; an unknown or malformed
  notification is dropped, as JSON-RPC says notifications are never answered;
* a request before ``initialize`` is answered ``ServerNotInitialized``, one after
  ``shutdown`` (or a second ``initialize``) ``InvalidRequest``, as the LSP says.

>>> import asyncio, io
>>> data = b'Content-Length: 2\\r\\n\\r\\n{}Content-Length: 3\\r\\n\\r\\n[1]'
>>> stream = Input(io.BufferedReader(io.BytesIO(data)))
>>> async def bodies():
...     return [await stream.message(), await stream.message(), await stream.message()]
>>> asyncio.run(bodies())
[b'{}', b'[1]', None]
>>> check(json_of(b"[1]"), initialized=True, shut_down=False)
(None, -32600, 'a message is a JSON object (LSP has no batches)')
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, BinaryIO, Protocol

__all__ = [
    "INVALID_PARAMS",
    "INVALID_REQUEST",
    "MAX_MESSAGE_BYTES",
    "METHOD_NOT_FOUND",
    "PARSE_ERROR",
    "SERVER_NOT_INITIALIZED",
    "FramingError",
    "Input",
    "check",
    "frame",
    "json_of",
]

#: The largest message body read (a 10 MB document escaped as JSON fits many times over).
MAX_MESSAGE_BYTES = 256 * 1024 * 1024
#: The longest header line read.
MAX_HEADER_BYTES = 8192

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
SERVER_NOT_INITIALIZED = -32002


class FramingError(Exception):
    """The input broke the base protocol's framing: where the next message starts is unknown."""


class _Stream(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...

    def read(self, size: int = -1, /) -> bytes: ...


class Input:
    """Messages read from a binary stream (in a thread, so the event loop keeps running)."""

    def __init__(self, stream: BinaryIO | _Stream) -> None:
        self._stream = stream

    async def _call(self, function: Any, size: int) -> bytes:
        data: bytes = await asyncio.get_running_loop().run_in_executor(None, function, size)
        return data

    async def message(self) -> bytes | None:
        """The next message's body; None at the end of the input between messages."""
        length: int | None = None
        seen = False
        while True:
            line = await self._call(self._stream.readline, MAX_HEADER_BYTES + 1)
            if not line:
                return None
            if len(line) > MAX_HEADER_BYTES:
                raise FramingError(f"a header line longer than {MAX_HEADER_BYTES} bytes")
            if not line.strip():
                if seen:
                    break
                continue  # a stray blank line between messages
            seen = True
            name, colon, value = line.partition(b":")
            if not colon:
                raise FramingError(f"not a header line: {line[:60]!r}")
            if name.strip().lower() == b"content-length":
                length = _length(value.strip())
        if length is None:
            raise FramingError("a message without a Content-Length header")
        body = await self._call(self._stream.read, length)
        if len(body) < length:
            raise FramingError(f"the input ended {length - len(body):,} bytes into a message")
        return body


def _length(value: bytes) -> int:
    if not value.isdigit():
        raise FramingError(f"Content-Length is not a number of bytes: {value[:40]!r}")
    length = int(value)
    if length > MAX_MESSAGE_BYTES:
        raise FramingError(
            f"a message of {length:,} bytes is over the limit ({MAX_MESSAGE_BYTES:,} bytes)"
        )
    return length


def frame(message: dict[str, Any]) -> bytes:
    """``message`` as the base protocol sends it: a Content-Length header, then the JSON."""
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


class _NotJson:
    """What :func:`json_of` gives for a body that is not JSON."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def json_of(body: bytes) -> Any:
    """The JSON value of ``body``, or a :class:`_NotJson` saying why there is none."""
    try:
        return json.loads(body)
    except UnicodeDecodeError:
        return _NotJson("the message is not UTF-8")
    except (ValueError, RecursionError) as error:
        return _NotJson(f"the message is not JSON: {str(error) or 'it nests too deeply'}")


def _valid_id(ident: Any) -> bool:
    return isinstance(ident, str) or (isinstance(ident, int) and not isinstance(ident, bool))


def check(message: Any, *, initialized: bool, shut_down: bool) -> tuple[Any, int, str] | None:
    """Why ``message`` must not reach the handlers: (id to answer, error code, message).

    None when it may. The id is None for an answer with id null; a notification that
    must be dropped gives the code with the id ``...`` (nothing is sent back).
    """
    if isinstance(message, _NotJson):
        return None, PARSE_ERROR, message.reason
    if not isinstance(message, dict):
        return None, INVALID_REQUEST, "a message is a JSON object (LSP has no batches)"
    request = "id" in message
    ident = message.get("id")
    if request and not _valid_id(ident):
        return None, INVALID_REQUEST, "a request's id is a string or an integer"
    answer_to = ident if request else ...
    method = message.get("method")
    if message.get("jsonrpc") != "2.0":
        return answer_to, INVALID_REQUEST, 'a message says "jsonrpc": "2.0"'
    if method is None and request and ("result" in message or "error" in message):
        return None  # the client's answer to a request of the server's
    if not isinstance(method, str):
        return answer_to, INVALID_REQUEST, "a request or notification names its method"
    if "params" in message and not isinstance(message["params"], (dict, list, type(None))):
        return answer_to, INVALID_PARAMS, f"{method}: params is an object or an array"
    if method == "exit":
        return None
    if not initialized:
        if method == "initialize":
            return None
        return answer_to, SERVER_NOT_INITIALIZED, f"{method}: the server is not initialized yet"
    if shut_down:
        return answer_to, INVALID_REQUEST, f"{method}: the server is shutting down"
    if method == "initialize":
        return answer_to, INVALID_REQUEST, "initialize was already received"
    return None
