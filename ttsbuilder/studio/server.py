"""Serving a studio: a loopback socket, uvicorn, the URL with its token, the browser.

>>> import tempfile
>>> studio = Studio([tempfile.mkdtemp()], port=0)
>>> studio.url.startswith("http://127.0.0.1:") and "/?token=" in studio.url
True
>>> studio.close()
"""

from __future__ import annotations

import contextlib
import signal
import socket
import threading
from collections.abc import Iterator, Sequence
from types import FrameType
from typing import Any

from ttsbuilder._extras import require
from ttsbuilder.profiles import ProfileName
from ttsbuilder.studio.security import Guard, new_token
from ttsbuilder.studio.workspace import Workspace

__all__ = ["HOST", "Studio"]

#: The only address a studio listens on.
HOST = "127.0.0.1"


class Studio:
    """A studio over ``paths`` on ``port`` (0: a free one), not yet serving.

    The socket is bound at once, so :attr:`url` names the real port before
    :meth:`serve` starts; the token is new for every studio.
    """

    def __init__(
        self,
        paths: Sequence[str],
        *,
        port: int = 0,
        profile: ProfileName = "enablex",
        token: str | None = None,
    ) -> None:
        self.workspace = Workspace(paths)
        self.workspace.files()  # a root that does not exist is an error now, not later
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.socket.bind((HOST, port))
            # Listening now: a browser opened on the printed URL waits in the backlog
            # for the server instead of being refused.
            self.socket.listen(128)
        except OSError:
            self.socket.close()
            raise
        self.port: int = self.socket.getsockname()[1]
        self.guard = Guard(token or new_token(), self.port)
        self.profile: ProfileName = profile

    @property
    def url(self) -> str:
        """Where to open the studio, with the token."""
        return f"http://{HOST}:{self.port}/?token={self.guard.token}"

    def app(self) -> Any:
        """The ASGI application (:func:`ttsbuilder.studio.app.create_app`)."""
        from ttsbuilder.studio.app import create_app

        return create_app(self.workspace, self.guard, self.profile)

    def serve(self) -> None:
        """Serve until Ctrl-C or SIGTERM (uvicorn shuts down gracefully), then return.

        Either signal is the studio's normal end (it has no other), so it returns rather
        than dies: ``ttsbuilder studio`` exits 0.
        """
        uvicorn = require("uvicorn", extra="studio", feature="ttsbuilder studio")
        config = uvicorn.Config(self.app(), log_level="warning", access_log=False)
        try:
            with _stopped_by_signals():
                uvicorn.Server(config).run(sockets=[self.socket])
        finally:
            self.close()

    def close(self) -> None:
        """Stop listening."""
        self.socket.close()


class _Stop(BaseException):
    """A stop signal came: raised out of the server to end :meth:`Studio.serve`."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop


@contextlib.contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """While it holds, SIGINT and SIGTERM end the block without an error.

    uvicorn shuts down gracefully on either, then raises the signal again for the handler
    it found: Python's own would make Ctrl-C a KeyboardInterrupt (status 130) and SIGTERM
    kill the process (status 143). This one ends the block; so does a signal that comes
    before uvicorn took the signals over. Only the main thread can set handlers: in any
    other, the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.signal(number, _stop) for number in handled}
    try:
        yield
    except _Stop:
        pass
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
