"""The studio's web application (Starlette): the page, its assets and its JSON API.

Every route goes through :class:`~ttsbuilder.studio.security.Guard` (token, Host,
JSON-only changes, security headers). The API:

========================  =============================================================
``GET /api/files``        the prompt files, their error and warning counts and prompts
``GET /api/file?path=``   a file's text and version
``POST /api/check``       problems and prompts of ``text`` (as ``lint``)
``POST /api/render``      the SSML of the prompt at ``pointer`` for every target
``POST /api/fix``         the safe fixes of ``lint --fix``: fixed text and a diff
``POST /api/save``        write ``text`` if the file is still at ``version`` (else 409)
``POST /api/preview``     speak the prompt: timeline, its SVG, and an ``audio`` URL
``GET /api/audio/{id}``   the WAV of a preview
========================  =============================================================

Needs the ``studio`` extra (Starlette and uvicorn).
"""

from __future__ import annotations

import json
import secrets
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any

from ttsbuilder._extras import require
from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.lint.loaders import Format, format_for
from ttsbuilder.profiles import ProfileName
from ttsbuilder.studio import analysis
from ttsbuilder.studio.security import HEADERS, TOKEN_HEADER, Guard
from ttsbuilder.studio.workspace import Conflict, Refused, Workspace

__all__ = ["MAX_BODY_BYTES", "create_app"]

#: The largest request body the API reads (a file's text and a little more).
MAX_BODY_BYTES = 16 * 1024 * 1024
_AUDIO_KEPT = 8
_ASSETS = {"studio.js": "text/javascript", "studio.css": "text/css"}


def _asset(name: str) -> bytes:
    return resources.files("ttsbuilder.studio").joinpath("static").joinpath(name).read_bytes()


class _Audio:
    """The last few previews' WAV bytes, by a random id."""

    def __init__(self) -> None:
        self._kept: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, wav: bytes) -> str:
        key = secrets.token_urlsafe(12)
        with self._lock:
            self._kept[key] = wav
            while len(self._kept) > _AUDIO_KEPT:
                self._kept.popitem(last=False)
        return key

    def get(self, key: str) -> bytes | None:
        with self._lock:
            return self._kept.get(key)


def create_app(workspace: Workspace, guard: Guard, profile: ProfileName = "enablex") -> Any:
    """The ASGI application of a studio over ``workspace``, guarded by ``guard``."""
    require("starlette", extra="studio", feature="ttsbuilder studio")
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.exceptions import HTTPException
    from starlette.requests import Request
    from starlette.responses import JSONResponse, RedirectResponse, Response
    from starlette.routing import Route

    audio = _Audio()

    def refuse(status: int, message: str) -> Response:
        return JSONResponse({"error": message}, status, headers=HEADERS)

    async def body(request: Request) -> dict[str, Any]:
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
            raise _Bad(413, "the request is too large")
        chunks, size = [], 0
        async for chunk in request.stream():  # a chunked body declares no length: count it
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise _Bad(413, "the request is too large")
            chunks.append(chunk)
        data = b"".join(chunks)
        try:
            found = json.loads(data)
        except (ValueError, RecursionError):
            raise _Bad(400, "the request body is not JSON") from None
        if type(found) is not dict:
            raise _Bad(400, "the request body is not a JSON object")
        return found

    def text_of(found: dict[str, Any]) -> tuple[str, Format, str]:
        path, text, pointer = found.get("path"), found.get("text"), found.get("pointer", "")
        if type(path) is not str or type(text) is not str or type(pointer) is not str:
            raise _Bad(400, "path, text (and pointer) must be strings")
        workspace.resolve(path)  # only the roots' files are checked, fixed or spoken
        return text, format_for(path) or "json", pointer

    async def index(request: Request) -> Response:
        if "token" in request.query_params:
            response = RedirectResponse("/", 303, headers=HEADERS)
            response.set_cookie(
                guard.cookie, guard.token, httponly=True, samesite="strict", path="/"
            )
            return response
        return Response(_asset("index.html"), media_type="text/html", headers=HEADERS)

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in _ASSETS:
            return refuse(404, "no such file")
        return Response(_asset(name), media_type=_ASSETS[name], headers=HEADERS)

    def listing() -> dict[str, Any]:
        files = []
        for path, named in workspace.files():
            shown = _readable(path)
            if shown != path:  # a name that is not UTF-8 cannot be sent, nor asked for
                files.append({"path": shown, "error": "the file name is not UTF-8: rename it"})
                continue
            try:
                opened = workspace.open(path)
            except OSError as exc:
                files.append({"path": path, "error": exc.strerror or str(exc)})
                continue
            if not named and not analysis.holds_prompt(opened.text, opened.format):
                continue  # not a prompt file: lint skips it too
            found = analysis.check(opened.text, opened.format, profile)
            del found["problems"]
            files.append({"path": path, **found})
        return {"files": files, "profile": profile, "targets": _targets()}

    async def files(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(listing), headers=HEADERS)

    async def open_file(request: Request) -> Response:
        opened = await run_in_threadpool(workspace.open, request.query_params.get("path", ""))
        return JSONResponse(
            {
                "path": opened.path,
                "format": opened.format,
                "text": opened.text,
                "version": opened.version,
                "readonly": not opened.utf8,
            },
            headers=HEADERS,
        )

    async def check(request: Request) -> Response:
        text, format, _ = text_of(await body(request))
        found = await run_in_threadpool(analysis.check, text, format, profile)
        return JSONResponse(found, headers=HEADERS)

    async def render(request: Request) -> Response:
        text, format, pointer = text_of(await body(request))
        found = await run_in_threadpool(analysis.rendering, text, format, pointer, profile)
        return JSONResponse({"targets": found}, headers=HEADERS)

    async def fix(request: Request) -> Response:
        text, format, _ = text_of(await body(request))
        return JSONResponse(
            await run_in_threadpool(analysis.fixes, text, format, profile), headers=HEADERS
        )

    async def save(request: Request) -> Response:
        found = await body(request)
        path, text, version = found.get("path"), found.get("text"), found.get("version")
        if type(path) is not str or type(text) is not str or type(version) is not str:
            raise _Bad(400, "path, text and version must be strings")
        saved = await run_in_threadpool(workspace.save, path, text, version)
        return JSONResponse({"path": saved.path, "version": saved.version}, headers=HEADERS)

    async def speak(request: Request) -> Response:
        text, format, pointer = text_of(await body(request))
        spoken = await run_in_threadpool(analysis.preview, text, format, pointer, profile)
        key = audio.add(spoken.wav)
        return JSONResponse({**spoken.data, "audio": f"/api/audio/{key}"}, headers=HEADERS)

    async def wav(request: Request) -> Response:
        found = audio.get(request.path_params["key"])
        if found is None:
            return refuse(404, "no such preview (press Play again)")
        return Response(found, media_type="audio/wav", headers=HEADERS)

    def guarded(
        handler: Callable[[Request], Awaitable[Response]], *, changes: bool = False
    ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            if not guard.allows_host(request.headers.get("host")):
                return refuse(403, "this studio answers only at 127.0.0.1 or localhost")
            offered = (
                request.headers.get(TOKEN_HEADER)
                or request.cookies.get(guard.cookie)
                or (request.query_params.get("token") if request.url.path == "/" else None)
            )
            if not guard.token_matches(offered):
                return refuse(
                    403, "open the studio with the URL (and token) that ttsbuilder studio printed"
                )
            if changes:
                origin = request.headers.get("origin")
                if origin is not None and origin not in guard.origins:
                    return refuse(403, "requests from other sites are refused")
                kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
                if kind != "application/json":
                    return refuse(415, "send application/json")
            try:
                return await handler(request)
            except _Bad as exc:
                return refuse(exc.status, exc.message)
            except Refused as exc:
                return refuse(403, str(exc))
            except Conflict as exc:
                return refuse(409, str(exc))
            except TTSBuilderError as exc:
                return refuse(422, str(exc))
            except OSError as exc:
                return refuse(500, f"{exc.filename or 'file'}: {exc.strerror or exc}")

        return endpoint

    routes = [
        Route("/", guarded(index)),
        Route("/static/{name}", guarded(asset)),
        Route("/api/files", guarded(files)),
        Route("/api/file", guarded(open_file)),
        Route("/api/audio/{key}", guarded(wav)),
    ]
    for path, handler in (
        ("/api/check", check),
        ("/api/render", render),
        ("/api/fix", fix),
        ("/api/save", save),
        ("/api/preview", speak),
    ):
        routes.append(Route(path, guarded(handler, changes=True), methods=["POST"]))

    async def unrouted(request: Request, exc: Exception) -> Response:
        # Starlette's own answers (no such route, method not allowed) carry the security
        # headers and JSON like every other answer; 405 keeps its Allow header.
        status = getattr(exc, "status_code", 500)
        extra = getattr(exc, "headers", None) or {}
        message = "no such page" if status == 404 else getattr(exc, "detail", "refused")
        return JSONResponse({"error": message}, status, headers={**HEADERS, **extra})

    return Starlette(routes=routes, exception_handlers={HTTPException: unrouted})


def _readable(name: str) -> str:
    """``name`` with the undecodable bytes of a file name (lone surrogates) shown as U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _targets() -> list[str]:
    from ttsbuilder.ssml import TARGETS

    return list(TARGETS)


class _Bad(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
