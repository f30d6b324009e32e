"""Route rules (TTS8xx): a Voice API request whose method, path or body does not fit its route.

:func:`ttsbuilder.check_request` reports them, with the body's own problems, for any
request under ``/voice/v1`` (SPEC §6). Their examples are requests written as JSON
objects: ``check_request(example["method"], example["url"], example.get("body"))``.
Each problem points at the request (pointer ``""``): the route is not part of the body.
"""

from __future__ import annotations

from ttsbuilder.rules.base import error, warning

__all__ = ["BODY_NOT_JSON", "MISSING_BODY", "UNEXPECTED_BODY", "UNKNOWN_ROUTE", "WRONG_METHOD"]

FAMILY = "routes"
KIND = "request"

UNKNOWN_ROUTE = error(
    "TTS801",
    "unknown-route",
    "A path under /voice/v1 that no Voice API route has; the hint names the closest route.",
    why="The Voice API has no such route: the request fails at the service. It is usually a "
    "typo, or one of the seed's sample URLs that contradict its route table.",
    bad='{"method": "PUT", "url": "https://api.enablex.io/voice/v1/call/f1aa/plya",'
    ' "body": {"text": "Hello", "voice": "female"}}',
    good='{"method": "PUT", "url": "https://api.enablex.io/voice/v1/call/f1aa/play",'
    ' "body": {"text": "Hello", "voice": "female"}}',
    kind=KIND,
    family=FAMILY,
)
WRONG_METHOD = error(
    "TTS802",
    "wrong-method",
    "A Voice API path asked with a method its route does not take; the message names the "
    "right one.",
    why="The Voice API routes by method and path: the same path does different things by method "
    "(GET analyses a call, DELETE hangs it up), and another method does not reach the "
    "route.",
    bad='{"method": "PUT", "url": "https://api.enablex.io/voice/v1/call/f1aa/hold",'
    ' "body": {"hold": true}}',
    good='{"method": "POST", "url": "https://api.enablex.io/voice/v1/call/f1aa/hold",'
    ' "body": {"hold": true}}',
    kind=KIND,
    family=FAMILY,
)
UNEXPECTED_BODY = warning(
    "TTS803",
    "unexpected-body",
    "A body on a route that takes none (analyze, hang up, download a recording): the "
    "service ignores it.",
    why="The service ignores a body on these routes, so whatever it holds has no effect; the "
    "request was probably meant for another route.",
    bad='{"method": "DELETE", "url": "https://api.enablex.io/voice/v1/call/f1aa",'
    ' "body": {"hold": false}}',
    good='{"method": "DELETE", "url": "https://api.enablex.io/voice/v1/call/f1aa"}',
    kind=KIND,
    family=FAMILY,
)
MISSING_BODY = error(
    "TTS804",
    "missing-body",
    "No body on a route that needs one (dial-out, play, connect, transfer, forward, hold, "
    "recording).",
    why="These routes act on what the body says: without one the service has nothing to act on "
    "and rejects the request.",
    bad='{"method": "POST", "url": "https://api.enablex.io/voice/v1/call/f1aa/hold"}',
    good='{"method": "POST", "url": "https://api.enablex.io/voice/v1/call/f1aa/hold",'
    ' "body": {"hold": true}}',
    kind=KIND,
    family=FAMILY,
)
BODY_NOT_JSON = error(
    "TTS805",
    "body-not-json",
    "A request body that is not JSON (not UTF-8, a syntax error, NaN or Infinity, or a "
    "stream that cannot be read twice): the route's body cannot be checked.",
    why="The Voice API takes JSON bodies: a body that is not JSON is refused by the service, "
    "and ttsbuilder cannot check what it holds.",
    bad='{"method": "POST", "url": "https://api.enablex.io/voice/v1/call/f1aa/hold",'
    ' "body": "{\'hold\': True}"}',
    good='{"method": "POST", "url": "https://api.enablex.io/voice/v1/call/f1aa/hold",'
    ' "body": "{\\"hold\\": true}"}',
    kind=KIND,
    family=FAMILY,
)
