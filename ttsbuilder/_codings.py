"""HTTP content codings (RFC 9110 §8.4): a request body as the server reads it, decoded.

The client hooks see a body as it goes out; one sent with ``Content-Encoding: gzip`` is
checked as what it decompresses to. Only the codings the standard library reads are
decoded (gzip, deflate, identity); the output is bounded, so a small body that inflates
without end costs no more than :data:`MAX_DECODED` bytes.

>>> import gzip
>>> decoded(gzip.compress(b'{"hold": true}'), "gzip")
b'{"hold": true}'
>>> decoded(b"...", "br")
Traceback (most recent call last):
...
ValueError: the body is br-encoded (Content-Encoding), which ttsbuilder cannot decode to check it
"""

from __future__ import annotations

import zlib

__all__ = ["MAX_DECODED", "decoded"]

#: The most a decoded body may hold: far above any Voice API body, far below harm.
MAX_DECODED = 64 << 20

# Each coding by its name in the header, as the window bits zlib reads it with; deflate
# is zlib-wrapped by the RFC, and raw (negative bits) as some clients send it.
_WINDOWS: dict[str, tuple[int, ...]] = {
    "gzip": (16 + zlib.MAX_WBITS,),
    "x-gzip": (16 + zlib.MAX_WBITS,),
    "deflate": (zlib.MAX_WBITS, -zlib.MAX_WBITS),
}


def decoded(body: bytes, codings: str) -> bytes:
    """``body`` with the codings of a ``Content-Encoding`` value undone, last applied first.

    Raises ValueError saying why when a coding is unknown here, the body does not
    decode, or it decodes to more than :data:`MAX_DECODED` bytes.
    """
    for coding in reversed(codings.split(",")):
        name = coding.strip().lower()
        if name in ("", "identity"):
            continue
        windows = _WINDOWS.get(name)
        if windows is None:
            raise ValueError(
                f"the body is {name[:40]}-encoded (Content-Encoding), which ttsbuilder cannot "
                "decode to check it"
            )
        body = _inflated(body, name, windows)
    return body


def _inflated(body: bytes, name: str, windows: tuple[int, ...]) -> bytes:
    why = ""
    for window in windows:
        try:
            return _members(body, window)
        except zlib.error as error:
            why = str(error).removeprefix("Error -3 while decompressing data: ")
        except _TooLarge:
            raise ValueError(
                f"the body decompresses to more than {MAX_DECODED >> 20} MiB: too large to check"
            ) from None
    raise ValueError(f"the body does not decompress as {name}: {why}")


class _TooLarge(Exception):
    pass


def _members(body: bytes, window: int) -> bytes:
    """Every member of ``body`` inflated and joined (gzip allows several, one after another)."""
    out = bytearray()
    rest = body
    while True:
        inflater = zlib.decompressobj(wbits=window)
        out += inflater.decompress(rest, MAX_DECODED + 1 - len(out))
        if len(out) > MAX_DECODED:
            raise _TooLarge
        if not inflater.eof:
            raise zlib.error("the body ends before its compressed data does")
        rest = inflater.unused_data
        if not rest:
            return bytes(out)
