"""Check every outgoing Voice API request where it is made: httpx and requests.

Each client's integration is a thin adapter around :func:`ttsbuilder.check_request`,
behind its own extra (``pip install 'ttsbuilder[httpx]'``, ``'ttsbuilder[requests]'``):

- ``mode="raise"`` (the default): a request with errors raises
  :class:`~ttsbuilder.errors.ValidationError` (with its ``problems``, ``method`` and
  ``url``) and is never sent; its warnings are logged and it is sent.
- ``mode="warn"``: every problem is logged (logger ``ttsbuilder.clients``) and the
  request is sent as it is.

Requests outside ``/voice/v1`` pass untouched. See ``docs/clients.md``.

>>> import httpx
>>> client = httpx.Client(event_hooks=httpx_event_hooks())
>>> try:
...     client.put("http://127.0.0.1:9/voice/v1/call/7/play", json={"text": "Hi"})
... except ValidationError as error:
...     print(error.method, error.problems[0].code)
PUT TTS403
"""

from __future__ import annotations

import functools
import logging
from collections.abc import (
    AsyncIterable,
    Awaitable,
    Callable,
    Coroutine,
    Generator,
    Iterable,
)
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from ttsbuilder._codings import decoded
from ttsbuilder._extras import require
from ttsbuilder.errors import TTSBuilderError, ValidationError
from ttsbuilder.problems import Problem
from ttsbuilder.profiles import Profile, ProfileName, get_profile
from ttsbuilder.routes import _check, api_path
from ttsbuilder.rules.routes import BODY_NOT_JSON

if TYPE_CHECKING:
    import httpx
    import requests

__all__ = [
    "LOGGER",
    "Mode",
    "httpx_async_event_hooks",
    "httpx_event_hooks",
    "requests_session",
]

Mode = Literal["raise", "warn"]

#: Where the hooks log the problems they let through.
LOGGER = logging.getLogger("ttsbuilder.clients")


def _settings(mode: str, profile: ProfileName | Profile) -> tuple[Profile, bool]:
    """The resolved profile, and whether errors block: checked when a hook is made.

    An unknown mode or profile fails here, not on the first request.
    """
    if mode not in ("raise", "warn"):
        raise TTSBuilderError(f"unknown mode {mode!r}: use 'raise' or 'warn'")
    return get_profile(profile), mode == "raise"


def _act(problems: list[Problem], method: str, url: object, blocking: bool) -> None:
    """Raise for a request with errors when ``blocking``; log its problems otherwise.

    ``url`` is only turned into text (for the error and the log) here, when there are
    problems.
    """
    shown = _without_credentials(str(url))
    if blocking and any(problem.is_error for problem in problems):
        raise ValidationError(problems, method=method, url=shown)
    _log(method, shown, problems)


def _second_look(
    problems: list[Problem],
    method: str,
    url: str,
    body: object,
    coding: str | None,
    profile: Profile,
) -> list[Problem]:
    """``problems``, or for a body that is not JSON as it stands, the problems of what is
    sent: the rest of a seekable file (read, then put back where it stood), a body
    content-encoded (gzip, deflate) decoded; or why it cannot be read.

    Only a request whose body is not JSON (TTS805) comes here: the common one costs
    nothing more.
    """
    if not any(problem.code == BODY_NOT_JSON.code for problem in problems):
        return problems
    content = _rewound(body) if hasattr(body, "read") else body
    if content is None or (content is body and coding is None):
        return problems  # a stream that cannot be read twice; or nothing to decode
    if coding is not None and isinstance(content, bytes | bytearray):
        try:
            content = decoded(bytes(content), coding)
        except ValueError as error:
            why = BODY_NOT_JSON.problem("", str(error))
            return [why if problem.code == BODY_NOT_JSON.code else problem for problem in problems]
    return _check(method, url, content, profile)


def _rewound(file: Any) -> object:
    """The rest of a seekable ``file``, its position put back; None if it cannot seek."""
    try:
        if not file.seekable():
            return None
        start = file.tell()
    except (AttributeError, OSError, ValueError):
        return None
    try:
        content = file.read()
        file.seek(start)
    except (OSError, ValueError):
        return None
    return content


def _log(method: str, url: str, problems: list[Problem]) -> None:
    for problem in problems:
        LOGGER.warning("%s %s: %s", method, url, problem, extra={"problem": problem})


def _without_credentials(url: str) -> str:
    """``url`` without a ``user:password@`` part: messages and logs must not carry secrets."""
    scheme = url.find("://")
    if scheme < 0:
        return url
    end = len(url)
    for mark in "/?#":
        found = url.find(mark, scheme + 3)
        if 0 <= found < end:
            end = found
    at = url.rfind("@", scheme + 3, end)
    return url if at < 0 else url[: scheme + 3] + url[at + 1 :]


# --- httpx ------------------------------------------------------------------------------


def httpx_event_hooks(
    *, mode: Mode = "raise", profile: ProfileName | Profile = "enablex"
) -> dict[str, list[Callable[[httpx.Request], Awaitable[None]]]]:
    """The ``event_hooks`` of an :class:`httpx.Client` that checks each request before sending.

    A streamed body is read first, so it can be checked and still sent, when the request
    goes to a Voice API route; any other request's stream is left to stream. The hook
    returns an awaitable, so that it checks in an :class:`httpx.AsyncClient` too (which
    awaits it) when given there by mistake.

    >>> import httpx
    >>> client = httpx.Client(event_hooks=httpx_event_hooks(mode="warn", profile="azure"))
    """
    library = require("httpx", extra="httpx", feature="ttsbuilder.clients.httpx_event_hooks")
    not_read = library.RequestNotRead
    profile_, blocking = _settings(mode, profile)

    def on_request(request: httpx.Request) -> Awaitable[None]:
        # The raw path and query are all routes need; str(request.url) costs more.
        target = request.url.raw_path.decode("ascii")
        try:
            body = request.content  # a body given whole (json=, content=) is read already
        except not_read:  # a stream: read it only for a Voice API route, if it can be
            if api_path(target) is None:
                return _DONE
            if not isinstance(request.stream, Iterable):
                # An async stream: an httpx.Client refuses it with its own error and drops
                # this; an httpx.AsyncClient (these hooks there by mistake) awaits it.
                return _Later(request, target, profile_, blocking)
            body = request.read()
        problems = _check(request.method, target, body, profile_)
        if problems:
            _judge(request, target, body, problems, profile_, blocking)
        return _DONE

    return {"request": [on_request]}


def httpx_async_event_hooks(
    *, mode: Mode = "raise", profile: ProfileName | Profile = "enablex"
) -> dict[str, list[Callable[[httpx.Request], Awaitable[None]]]]:
    """The ``event_hooks`` of an :class:`httpx.AsyncClient`; as :func:`httpx_event_hooks`.

    >>> import httpx
    >>> client = httpx.AsyncClient(event_hooks=httpx_async_event_hooks())
    """
    library = require("httpx", extra="httpx", feature="ttsbuilder.clients.httpx_async_event_hooks")
    not_read, in_memory = library.RequestNotRead, library.ByteStream
    profile_, blocking = _settings(mode, profile)

    # Not a coroutine function: the check of a body in memory runs when httpx calls the
    # hook, so the hooks check even in an httpx.Client by mistake (which calls a hook and
    # drops what it returns); only an async stream's read waits for the await.
    def on_request(request: httpx.Request) -> Awaitable[None]:
        target = request.url.raw_path.decode("ascii")
        try:
            body = request.content  # a body given whole (json=, content=) is read already
        except not_read:  # a stream, or a redirect's copy: as in httpx_event_hooks
            if api_path(target) is None:
                return _DONE
            stream = request.stream
            if not isinstance(stream, in_memory) and isinstance(stream, AsyncIterable):
                return _read_then_check(request, target, profile_, blocking)
            if not isinstance(stream, Iterable):
                return _DONE  # not a stream httpx can send either: it says so
            if not isinstance(stream, AsyncIterable):
                raise TTSBuilderError(_SYNC_STREAM) from None
            body = request.read()  # in memory (a redirect's copy), or a multipart form
        problems = _check(request.method, target, body, profile_)
        if problems:
            _judge(request, target, body, problems, profile_, blocking)
        return _DONE

    return {"request": [on_request]}


async def _read_then_check(
    request: httpx.Request, target: str, profile: Profile, blocking: bool
) -> None:
    """Read an async stream, then check the request as the hooks check a body in memory."""
    body = await request.aread()
    problems = _check(request.method, target, body, profile)
    if problems:
        _judge(request, target, body, problems, profile, blocking)


class _Later:
    """An awaitable that reads and checks a request's async stream when awaited.

    Not a coroutine: dropped without being awaited (by an httpx.Client, which then refuses
    the async stream itself), it leaves no "never awaited" warning behind.
    """

    __slots__ = ("_arguments",)

    def __init__(self, *arguments: Any) -> None:
        self._arguments = arguments

    def __await__(self) -> Generator[Any, None, None]:
        return _read_then_check(*self._arguments).__await__()


_SYNC_STREAM = (
    "httpx_async_event_hooks() cannot read a sync stream (an iterator or a file): an "
    "httpx.AsyncClient takes async streams only, and an httpx.Client needs httpx_event_hooks()"
)


class _Done(Coroutine[Any, Any, None]):
    """A coroutine that is done already: what the async hook returns once it has checked.

    A coroutine, not only an awaitable, so that ``asyncio.run(hook(request))`` and
    ``create_task`` take it as they took the hook's coroutine.
    """

    __slots__ = ()

    # An empty tuple's iterator: awaiting ends at once, and costs no Python frame.
    __await__ = ().__iter__  # type: ignore[assignment]

    def send(self, value: Any) -> Any:
        raise StopIteration

    def throw(self, *error: Any) -> Any:
        raise error[1] if len(error) > 1 and error[1] is not None else error[0]

    def close(self) -> None:
        pass


_DONE = _Done()


def _judge(
    request: httpx.Request,
    target: str,
    body: bytes,
    problems: list[Problem],
    profile: Profile,
    blocking: bool,
) -> None:
    """Raise or log the ``problems`` an httpx request's check found (after a second look)."""
    coding = request.headers.get("content-encoding")
    problems = _second_look(problems, request.method, target, body, coding, profile)
    _act(problems, request.method, request.url, blocking)


# --- requests ---------------------------------------------------------------------------


def requests_session(
    *, mode: Mode = "raise", profile: ProfileName | Profile = "enablex"
) -> requests.Session:
    """A :class:`requests.Session` that checks each request before it sends it.

    requests has no hook before sending, so this is a ``Session`` whose ``send`` checks
    the prepared request first: ``session.put(...)``, ``session.request(...)`` and
    ``session.send(prepared)`` (and each redirect it follows) are all checked. A body
    given as a file is read and put back where it stood; a generator cannot be read and
    still sent: it is an error (TTS805) on a Voice API route.

    >>> session = requests_session(mode="warn")
    >>> session.headers["Content-Type"] = "application/json"
    """
    checked_session = _session_class()
    return checked_session(*_settings(mode, profile))


def _checked_session(profile: Profile, blocking: bool) -> requests.Session:
    """A new checking session with these settings: what a copy or an unpickling starts from."""
    return _session_class()(profile, blocking)


@functools.cache
def _session_class() -> Callable[[Profile, bool], requests.Session]:
    library = require("requests", extra="requests", feature="ttsbuilder.clients.requests_session")

    class CheckedSession(library.Session):  # type: ignore[misc, name-defined]
        """A requests Session that checks each Voice API request before sending it."""

        # requests copies and pickles a Session's __attrs__: the settings go with them.
        __attrs__: ClassVar[list[str]] = [*library.Session.__attrs__, "_ttsbuilder"]

        def __init__(self, profile: Profile, blocking: bool) -> None:
            super().__init__()
            self._ttsbuilder = profile, blocking

        def __reduce__(self) -> tuple[Any, ...]:
            # The class is made on first use, so pickle finds it through the function.
            return _checked_session, self._ttsbuilder, self.__getstate__()

        def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
            self._ttsbuilder_check(request)
            return super().send(request, **kwargs)  # type: ignore[no-any-return]

        def _ttsbuilder_check(self, request: requests.PreparedRequest) -> None:
            """What ``send`` does before sending: raise, log, or let the request pass."""
            profile, blocking = self._ttsbuilder
            method, url = request.method or "GET", request.url or ""
            problems = _check(method, url, request.body, profile)
            if problems:
                coding = request.headers.get("content-encoding")
                problems = _second_look(problems, method, url, request.body, coding, profile)
                _act(problems, method, url, blocking)

    return CheckedSession
