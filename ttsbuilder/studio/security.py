"""The studio's guard: every request needs the session's token and the right Host.

* The token is random (:func:`new_token`), printed in the studio's URL, and checked
  with :func:`hmac.compare_digest` on every request: from the ``token`` query parameter
  on the first page load (which then sets a cookie and redirects to a URL without it),
  from the cookie, or from the ``X-Studio-Token`` header.
* The ``Host`` header must name the loopback address and port the studio listens on,
  so a web page that rebinds its own name to 127.0.0.1 is refused (DNS rebinding).
* A request that changes something is a ``POST`` of ``application/json`` (a form on
  another site cannot send one without the browser asking first), from no other
  ``Origin``.
* Every answer carries a Content-Security-Policy that allows nothing but the studio's
  own scripts, styles, pictures and audio.

>>> guard = Guard("secret", 8123)
>>> guard.allows_host("127.0.0.1:8123"), guard.allows_host("evil.example:8123")
(True, False)
>>> guard.token_matches("secret"), guard.token_matches("secreT"), guard.token_matches(None)
(True, False, False)
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

__all__ = ["CSP", "HEADERS", "TOKEN_HEADER", "Guard", "new_token"]

#: The header a script may send the token in (the page itself uses the cookie).
TOKEN_HEADER = "x-studio-token"

#: Nothing from anywhere but the studio itself; no inline script or style.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "media-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)

#: Sent with every answer.
HEADERS: dict[str, str] = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
    "x-frame-options": "DENY",
}


def new_token() -> str:
    """A fresh session token: 32 random bytes, URL-safe (as Jupyter's)."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True, slots=True)
class Guard:
    """The session's ``token`` and the ``port`` the studio listens on."""

    token: str
    port: int

    @property
    def cookie(self) -> str:
        """The cookie's name: one per port, as a browser shares cookies across ports."""
        return f"ttsbuilder-studio-{self.port}"

    @property
    def origins(self) -> frozenset[str]:
        """The origins the page is served from."""
        return frozenset(f"http://{host}" for host in self.hosts)

    @property
    def hosts(self) -> frozenset[str]:
        """The Host header values accepted."""
        return frozenset({f"127.0.0.1:{self.port}", f"localhost:{self.port}"})

    def allows_host(self, host: str | None) -> bool:
        """Whether ``host`` (a Host header) names this studio."""
        return host is not None and host.lower() in self.hosts

    def token_matches(self, offered: str | None) -> bool:
        """Whether ``offered`` is the session's token (in constant time)."""
        if not offered:
            return False
        return hmac.compare_digest(offered.encode("utf-8", "replace"), self.token.encode())
