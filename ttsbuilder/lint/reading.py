"""Reading input without hanging or exhausting memory.

Every command reads its input here: a regular file, ``-`` (standard input), or a path
that is not a regular file, such as a FIFO from ``<(...)`` or ``/dev/zero``. At most
:data:`MAX_FILE_BYTES` are read, so an endless device ends as a "too large" answer
instead of filling the memory; a FIFO nobody writes to reads as empty instead of
blocking forever. Failures are :class:`OSError` with a message for a person.

>>> import tempfile
>>> with tempfile.NamedTemporaryFile(suffix=".json") as f:
...     _ = f.write(b'{"text": "Hi"}'); f.flush()
...     read_input(f.name)
b'{"text": "Hi"}'
"""

from __future__ import annotations

import errno
import os
import stat
import sys

__all__ = ["MAX_FILE_BYTES", "TooLarge", "read_input"]

#: Larger inputs are not read: no prompt catalog is this big, and checking one would
#: take gigabytes of memory for the positions of its problems.
MAX_FILE_BYTES = 64 * 1024 * 1024


class TooLarge(OSError):
    """The input holds more than :data:`MAX_FILE_BYTES` bytes."""

    def __init__(self, limit: int) -> None:
        size = f"{limit // (1024 * 1024)} MiB" if limit >= 1024 * 1024 else f"{limit:,} bytes"
        super().__init__(errno.EFBIG, f"larger than {size}: too large to check")


def read_input(path: str, limit: int | None = None) -> bytes:
    """The bytes of ``path`` (``-``: standard input), at most ``limit`` of them.

    ``limit`` defaults to :data:`MAX_FILE_BYTES`.

    Raises :class:`TooLarge` beyond ``limit`` and :class:`OSError` when the input cannot
    be read (standard input closed, a directory, a missing file).
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    if path == "-":
        stream = sys.stdin
        if stream is None or stream.closed:
            raise OSError(errno.EBADF, "standard input is closed")
        data: bytes = stream.buffer.read(limit + 1)
        if len(data) > limit:
            raise TooLarge(limit)
        return data
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        if stat.S_ISREG(mode) and os.fstat(descriptor).st_size > limit:
            raise TooLarge(limit)
        if hasattr(os, "set_blocking"):
            # A FIFO with a writer should be waited for; one without reads as empty.
            os.set_blocking(descriptor, True)
        return _read_limited(descriptor, limit)
    finally:
        os.close(descriptor)


def _read_limited(descriptor: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise TooLarge(limit)
