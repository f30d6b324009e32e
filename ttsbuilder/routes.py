"""The Voice API's routes as data (SPEC §6), and :func:`check_request`, which checks by route.

A request says what its body is: ``PUT …/voice/v1/call/{voice_id}/play`` carries a play
body. :func:`check_request` finds the route from the method and the URL (any host: the
service, a stand-in, a proxy) and validates the body as that route's kind, so no caller
has to remember which ``kind`` to pass. A request outside ``/voice/v1`` is none of its
business. See ``docs/clients.md``.

>>> url = "https://api.enablex.io/voice/v1/call/f1aa/play"
>>> [p.code for p in check_request("PUT", url, {"text": "Hello"})]
['TTS403']
>>> check_request("PUT", url, b'{"text": "Hello", "voice": "female"}')
[]
>>> check_request("GET", "https://example.com/health")
[]
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from dataclasses import dataclass
from typing import Any, Literal, get_args

from ttsbuilder._extras import optional
from ttsbuilder.codec import json_int
from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.problems import Problem, shown
from ttsbuilder.profiles import Profile, ProfileName, get_profile
from ttsbuilder.rules.context import Context
from ttsbuilder.rules.payloads import CHECKS, DocumentKind
from ttsbuilder.rules.routes import (
    BODY_NOT_JSON,
    MISSING_BODY,
    UNEXPECTED_BODY,
    UNKNOWN_ROUTE,
    WRONG_METHOD,
)
from ttsbuilder.validation import as_document

__all__ = [
    "API_ROOT",
    "BASE_URL",
    "METHODS",
    "ROUTES",
    "Method",
    "Route",
    "api_path",
    "check_request",
    "match_route",
]

Method = Literal["GET", "POST", "PUT", "DELETE"]

#: Every HTTP method a Voice API route takes.
METHODS: tuple[str, ...] = get_args(Method)
_UPPER = frozenset(METHODS)

#: Where the routes live on any host; the paths in :data:`ROUTES` are below it.
API_ROOT = "/voice/v1"

#: The service's own base URL (a client may point elsewhere: a stand-in, a proxy).
BASE_URL = "https://api.enablex.io" + API_ROOT


@dataclass(frozen=True, slots=True)
class Route:
    """One Voice API route: its method, its path below ``/voice/v1``, and its body kind.

    ``body`` is the ``validate()`` kind of its request body, or None when it takes none;
    ``name`` is its OpenAPI ``operationId``; ``summary`` the seed's title for it.

    >>> route = ROUTES[3]
    >>> str(route), route.body, route.parameters
    ('PUT /call/{voice_id}/play', 'play', ('voice_id',))
    """

    method: Method
    path: str
    body: DocumentKind | None
    name: str
    summary: str

    @property
    def parameters(self) -> tuple[str, ...]:
        """The names of the path's parameters, in order (``voice_id``, ``recording_id``)."""
        return tuple(part[1:-1] for part in self.path.split("/") if part.startswith("{"))

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


#: Every route of the Voice API v2.0, in the order of SPEC §6.
ROUTES: tuple[Route, ...] = (
    Route("POST", "/call", "dial-out", "dial_out", "Dial out a number"),
    Route("GET", "/call/{voice_id}", None, "analyze_call", "Analyze a call"),
    Route("DELETE", "/call/{voice_id}", None, "hang_up", "Hang up a call"),
    Route("PUT", "/call/{voice_id}/play", "play", "play", "Play a voice prompt"),
    Route("PUT", "/call/{voice_id}/connect", "connect", "connect", "Bridge a call"),
    Route("PUT", "/call/{voice_id}/transfer", "transfer", "transfer", "Transfer a call"),
    Route("PUT", "/call/{voice_id}/forward", "forward", "forward", "Forward a call leg"),
    Route("POST", "/call/{voice_id}/hold", "hold", "hold", "Hold or unhold a call"),
    Route("PUT", "/call/{voice_id}/recording", "recording", "recording", "Start or stop recording"),
    Route("GET", "/recording/{recording_id}", None, "download_recording", "Download a recording"),
)

# Matching a request costs a few string operations and two dict look-ups, whatever the
# number of routes: a path's shape is its segments with each parameter's segment blanked
# out, and parameters sit at the same places in every path with as many segments.
_PARAMETERS_AT: dict[int, tuple[int, ...]] = {}
_BY_SHAPE: dict[tuple[str, ...], dict[str, Route]] = {}
for _route in ROUTES:
    _parts = _route.path.split("/")
    _at = tuple(index for index, part in enumerate(_parts) if part.startswith("{"))
    if _PARAMETERS_AT.setdefault(len(_parts), _at) != _at:
        raise RuntimeError(f"{_route.path}: parameters must sit where other paths have theirs")
    _shape = tuple("" if index in _at else part for index, part in enumerate(_parts))
    _BY_SHAPE.setdefault(_shape, {})[_route.method] = _route
del _route, _parts, _at, _shape

# A plain URL (an http(s) authority or none, then /voice/v1 and a route's path, nothing
# percent-encoded) is matched in one step: one regular expression whose empty named group
# at the end of each path says which path it is. Anything else takes api_path() and
# _routes_at(), which understand every URL; a test holds the two ways to the same answer.
_SEGMENT = "(?!\\.\\.?(?:[/?#]|\\Z))[^/?#%]+"  # any segment but "." and ".."


def _common_url_pattern() -> tuple[re.Pattern[str], dict[str, dict[str, Route]]]:
    """The one-step pattern of every shape, and each end group's routes by method."""
    trie: dict[str | None, Any] = {}  # a segment ("" for a parameter), None: a path ends
    by_group: dict[str, dict[str, Route]] = {}
    for shape, routes in _BY_SHAPE.items():
        node = trie
        for part in shape[1:]:
            node = node.setdefault(part, {})
        node[None] = name = f"path{len(by_group)}"
        by_group[name] = routes

    def alternatives(node: dict[str | None, Any]) -> str:
        options = [
            "/" + (re.escape(part) if part else _SEGMENT) + alternatives(below)
            for part, below in node.items()
            if part is not None
        ]
        if None in node:
            options.append(f"(?P<{node[None]}>)")
        return "(?:" + "|".join(options) + ")"

    root = "(?:https?://[^/?#%]*)?" + re.escape(API_ROOT)
    return re.compile(root + alternatives(trie) + "/?(?:[?#]|\\Z)"), by_group


_COMMON_URL, _ROUTES_BY_GROUP = _common_url_pattern()
# Each end group's body checks by method, for the routes that take a body.
_CHECK_BY_GROUP = {
    group: {method: CHECKS[route.body] for method, route in routes.items() if route.body}
    for group, routes in _ROUTES_BY_GROUP.items()
}


def api_path(url: str) -> str | None:
    """The path of ``url`` below ``/voice/v1`` (no query, no trailing slash), or None.

    Any host, any prefix before ``/voice/v1`` (a proxy that mounts the API deeper), or a
    bare path. None means the URL is not a Voice API request at all.

    >>> api_path("http://127.0.0.1:8080/voice/v1/call/f1aa/play/?dry=1")
    '/call/f1aa/play'
    >>> api_path("https://api.enablex.io/voice/v1"), api_path("https://example.com/v1/call")
    ('', None)

    A percent-encoded unreserved character is that character (RFC 3986, section 6.2.2.2),
    and ``.`` and ``..`` segments are removed (section 6.2.2.3), as a server reads the
    path: ``/%76oice/v1/call/f1aa/pl%61y`` is the play route, and so is
    ``/voice/%2e/v1/call/x/../f1aa/play``.

    >>> api_path("/voice/%2e/v1/call/x/../f1aa/play"), api_path("/voice/v1/call/../play")
    ('/call/f1aa/play', '/play')
    """
    if "%" in url:
        url = _UNRESERVED.sub(_decoded, url)
    if "/." in url:  # perhaps a dot segment: the general way removes them
        return _api_path_slowly(url)
    at = url.find(API_ROOT)
    if at < 0:  # most URLs that are not the Voice API's leave here
        return None
    if at == 0:  # a bare path, as the httpx hooks pass it
        path_start = 0
    else:
        scheme = url.find("://")
        if 0 <= scheme < at and url.find("/", 0, scheme) < 0:  # a scheme has no "/" before
            path_start = url.find("/", scheme + 3)
        else:  # a path, a "://" in it too ("/fwd/https://host/voice/v1/...", a gateway's)
            path_start = 0
    end = at + len(API_ROOT)
    if (
        at < path_start  # in the authority (a host named "voice")
        or url.find("?", 0, at) >= 0  # in the query or the fragment
        or url.find("#", 0, at) >= 0
        or (end < len(url) and url[end] not in "/?#")  # /voice/v10: not the root
    ):
        return _api_path_slowly(url)
    stop = len(url)
    for mark in "?#":
        found = url.find(mark, end, stop)
        if found >= 0:
            stop = found
    rest = url[end:stop]
    return rest[:-1] if rest.endswith("/") else rest


def _api_path_slowly(url: str) -> str | None:
    """:func:`api_path` for any URL: strip the query and the authority, then look."""
    stop = len(url)
    for mark in "?#":
        found = url.find(mark, 0, stop)
        if found >= 0:
            stop = found
    scheme = url.find("://", 0, stop)
    if scheme >= 0 and url.find("/", 0, scheme) < 0:
        start = url.find("/", scheme + 3, stop)
        if start < 0:
            return None
    else:  # a path; one that begins with "//" too, as httpx's raw path of "https://h//voice/v1"
        start = 0
    path = url[start:stop]
    if "/." in path:
        path = _without_dot_segments(path)
    under = _UNDER_API.search(path)
    if under is None:
        return None
    rest = path[under.end() :]
    return rest[:-1] if rest.endswith("/") else rest


def _without_dot_segments(path: str) -> str:
    """``path`` with its ``.`` and ``..`` segments removed (RFC 3986, section 5.2.4).

    >>> [_without_dot_segments(path) for path in ["/a/b/../c/./d", "/a/..", "/.."]]
    ['/a/c/d', '/', '/']
    """
    segments = path.split("/")
    kept = segments[:1]  # "" before a path's first "/"; a relative path's first segment
    last = len(segments) - 1
    for index in range(1, last + 1):
        segment = segments[index]
        if segment == "..":
            if len(kept) > 1:
                kept.pop()
        elif segment != ".":
            kept.append(segment)
            continue
        if index == last:  # "/a/b/.." is "/a/": a dot segment at the end leaves its slash
            kept.append("")
    return "/".join(kept)


#: A percent-encoded ALPHA, DIGIT, "-", ".", "_" or "~" (RFC 3986, section 2.3).
_UNRESERVED = re.compile("%(2[DEde]|3[0-9]|[46][1-9A-Fa-f]|[57][0-9Aa]|5[Ff]|7[Ee])")


def _decoded(match: re.Match[str]) -> str:
    return chr(int(match.group(1), 16))


_UNDER_API = re.compile(re.escape(API_ROOT) + "(?=/|$)")


def match_route(method: str, url: str) -> Route | None:
    """The route a request goes to, or None when no route has this method and path.

    >>> match_route("POST", "https://api.enablex.io/voice/v1/call/f1aa/hold").body
    'hold'
    >>> match_route("PUT", "https://api.enablex.io/voice/v1/call/f1aa/hold") is None
    True
    """
    rest = api_path(_text("url", url))
    if rest is None:
        return None
    routes = _routes_at(rest)
    return None if routes is None else routes.get(_text("method", method).upper())


def _routes_at(rest: str) -> dict[str, Route] | None:
    """The routes of a path below ``/voice/v1``, by method; None when no route has it."""
    parts = rest.split("/")
    at = _PARAMETERS_AT.get(len(parts))
    if at is None:
        return None
    for index in at:
        if not parts[index]:
            return None  # a parameter is one non-empty segment
        parts[index] = ""
    return _BY_SHAPE.get(tuple(parts))


def check_request(
    method: str, url: str, body: Any = None, *, profile: ProfileName | Profile = "enablex"
) -> list[Problem]:
    """The problems of a Voice API request: its route's, and its body's as that route's kind.

    ``body`` is the parsed JSON (a dict, as from ``json.loads`` or a builder call), its
    text as ``str``, or its bytes; None or empty means no body. Body problems point
    from the body's root; route problems (TTS8xx) point at ``""``. A request outside
    ``/voice/v1`` has no problems. Raises only
    :class:`~ttsbuilder.errors.TTSBuilderError`, for an unknown profile or a method or
    URL that is not a string.

    >>> [str(p) for p in check_request("PUT", "/voice/v1/call/f1aa/hold", {"hold": True})]
    ['/: TTS802 error PUT /call/f1aa/hold: the route /call/{voice_id}/hold takes POST (use POST)']
    """
    if type(url) is not str or type(method) is not str:
        url, method = _text("url", url), _text("method", method)  # or raises, naming it
    if type(profile) is not Profile:
        profile = get_profile(profile)  # an unknown profile is a mistake wherever it goes
    return _check(method, url, body, profile)


def _check(method: str, url: str, body: Any, profile: Profile) -> list[Problem]:
    """:func:`check_request` for a method and URL that are strings and a resolved profile.

    The client hooks call it directly. The common request (a plain URL, a route that
    takes a body, a JSON body as bytes) costs one pattern match, two dict look-ups and
    the parse on top of the body's own checks (``benchmarks/bench_clients.py``); every
    other request takes :func:`_check_any`, which gives the same answer for it.
    """
    common = _COMMON_URL.match(url)
    if common is not None and type(body) is bytes and body and _fast_loads:
        check = _CHECK_BY_GROUP[common.lastgroup].get(method)  # type: ignore[index]
        if check is not None:
            try:
                document = _fast_loads(body)
            except ValueError:  # orjson.JSONDecodeError: _check_any says why
                return _check_any(method, url, body, profile)
            context = Context(profile, None)
            check(context, document, "")
            return context.problems
    return _check_any(method, url, body, profile)


def _check_any(method: str, url: str, body: Any, profile: Profile) -> list[Problem]:
    """:func:`_check` for any request: the route's problems, then the body's."""
    rest = api_path(url)
    if rest is None:
        return []
    if method not in _UPPER:
        method = method.upper()
    routes = _routes_at(rest)
    if routes is None:
        return [_unknown(method, rest)]
    problems: list[Problem] = []
    kind = _route_problems(method, rest, routes, routes.get(method), body, problems)
    if kind is None:
        return problems
    document, why = _parse(body)
    if why is not None:
        message = f"the {kind} body is not JSON: {why}"
        problems.append(BODY_NOT_JSON.problem("", message, "send the body as JSON (json=...)"))
        return problems
    # The body's own rules, as validate(document, kind) runs them, minus its entry costs.
    context = Context(profile, None)
    CHECKS[kind](context, document, "")
    problems.extend(context.problems)
    return problems


def _route_problems(
    method: str,
    rest: str,
    routes: dict[str, Route],
    route: Route | None,
    body: Any,
    problems: list[Problem],
) -> DocumentKind | None:
    """Add the route's problems; return the kind to check the body as, or None: do not."""
    if route is None:
        any_route = next(iter(routes.values()))
        allowed = " or ".join(routes)
        message = f"{method} {_clip(rest)}: the route {any_route.path} takes {allowed}"
        hint = ", or ".join([f"use {allowed}", *_one_below(method, any_route.path)])
        problems.append(WRONG_METHOD.problem("", message, hint))
        kinds = {other.body for other in routes.values()}
        kind = kinds.pop() if len(kinds) == 1 else None
        return None if _absent(body) else kind
    if route.body is None:
        if not _absent(body):
            message = f"{route} takes no body: the service ignores this one"
            problems.append(UNEXPECTED_BODY.problem("", message, "send it without a body"))
        return None
    if _absent(body):
        message = f"{route} needs a {route.body} body, and the request has none"
        problems.append(MISSING_BODY.problem("", message))
        return None
    return route.body


def _one_below(method: str, path: str) -> list[str]:
    """The routes of ``method`` at ``path`` and one parameter more: ``DELETE /call`` means
    to hang up a call it does not name, which ``DELETE /call/{voice_id}`` does."""
    depth = path.count("/") + 1
    return [
        str(route)
        for route in ROUTES
        if route.method == method
        and route.path.startswith(path + "/{")
        and route.path.count("/") == depth
    ]


def _text(name: str, value: object) -> str:
    """``value`` as a plain ``str`` (a subclass, ``http.HTTPMethod.PUT``, as its text)."""
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str.__str__(value)
    raise TTSBuilderError(f"the request {name} must be a string, got {shown(value)}")


def _absent(body: Any) -> bool:
    return body is None or (type(body) in (bytes, str, bytearray, memoryview) and not len(body))


def _clip(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."


def _unknown(method: str, rest: str) -> Problem:
    closest = _closest(method, rest[:200])  # the hint's cost stays bounded on any URL
    message = f"no Voice API route {method} {_clip(rest) or '/'} under {API_ROOT}"
    return UNKNOWN_ROUTE.problem("", message, f"did you mean {closest}?")


def _closest(method: str, rest: str) -> Route:
    """The route the request most likely meant: first by the words it names, then by
    how its path, with this request's segments put in, reads like ``rest``.

    A route's words are its path's words, its operation's (``dial_out``: ``dial``,
    ``out``, ``dialout``) and its title's verb (``Bridge a call``: ``bridge``), so that
    ``/call/f1aa/bridge`` means connect and ``/dial`` means dial-out. A parameter takes
    the request's segment at its place (``/recordubg/7`` reads as ``/recording/7``) or,
    when the request is shorter, its next segment that is no word of the route (``/f1aa``
    reads as ``/call/f1aa``), or nothing: the better reading counts.
    """
    segments = rest.strip("/").split("/")
    spoken = [segment.lower() for segment in segments]

    def score(route: Route) -> tuple[int, float, bool]:
        parts = route.path.strip("/").split("/")
        words = _words(route)
        hits = sum(segment in words for segment in spoken)
        spare = iter([segment for segment in segments if segment not in parts])
        in_place = [
            (segments[index] if index < len(segments) else "") if part.startswith("{") else part
            for index, part in enumerate(parts)
        ]
        in_order = [next(spare, "") if part.startswith("{") else part for part in parts]
        ratio = max(
            difflib.SequenceMatcher(None, rest, "/" + "/".join(filled)).ratio()
            for filled in (in_place, in_order)
        )
        return hits, ratio, route.method == method

    return max(ROUTES, key=score)


@functools.cache  # built on the first unknown path: no request that matches pays for it
def _words(route: Route) -> frozenset[str]:
    """The words that name ``route``: its path's, its operation's, its title's verb."""
    path = [part for part in route.path.strip("/").split("/") if not part.startswith("{")]
    operation = route.name.split("_")
    return frozenset([*path, *operation, "".join(operation), route.summary.split()[0].lower()])


class _Constant(ValueError):
    pass


# orjson's loads, looked up on the first body (False: not yet): it parses a body in a
# third of json's time.
_fast_loads: Any = False


def _refuse_constant(name: str) -> Any:
    raise _Constant(name)


_BYTE_ORDER_MARK = (
    "it begins with a byte order mark (U+FEFF), which JSON sent between systems must not "
    "(RFC 8259, section 8.1)"
)


def _parse(body: Any) -> tuple[Any, str | None]:
    """(the JSON value of ``body``, None), or (None, why it is not JSON)."""
    if type(body) not in (bytes, str, bytearray, memoryview):
        if hasattr(body, "read") or hasattr(body, "__next__"):
            return None, "a stream, which cannot be read here and sent as well"
        return as_document(body), None
    global _fast_loads
    if _fast_loads is False:
        fast = optional("orjson")
        _fast_loads = None if fast is None else fast.loads
    if _fast_loads is not None:
        try:
            return _fast_loads(body), None
        except ValueError:  # orjson.JSONDecodeError
            pass  # the standard library says why, and takes what orjson refuses but JSON allows
    try:
        text = body if type(body) is str else bytes(body).decode("utf-8")
        return json.loads(text, parse_constant=_refuse_constant, parse_int=json_int), None
    except UnicodeDecodeError as error:
        return None, f"not UTF-8 (byte {error.start})"
    except _Constant as error:
        return None, f"{error} is not a JSON value"
    except json.JSONDecodeError as error:
        if error.pos == 0 and error.doc.startswith("\ufeff"):
            return None, _BYTE_ORDER_MARK
        why = error.msg.removesuffix(" at")  # "Invalid control character at"
        return None, f"{why} at line {error.lineno} column {error.colno}"
    except RecursionError:
        return None, "it nests too deeply for the parser"
    except ValueError as error:  # e.g. an integer with more digits than Python converts
        return None, str(error)
