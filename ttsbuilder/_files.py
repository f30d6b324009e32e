"""Writing files whole or not at all: a temporary file beside the target, then a rename.

``lint --fix`` rewrites prompt files in place with :func:`write_atomically`; the preview
writes its WAV and SVG outputs with :func:`write_output`. Failures are :class:`OSError`.

>>> import os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "a.json")
>>> write_output(path, b'{"text": "Hi"}')
>>> open(path, "rb").read()
b'{"text": "Hi"}'
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from typing import BinaryIO

__all__ = [
    "ChangedMeanwhile",
    "open_output",
    "replacing",
    "same_file",
    "write_atomically",
    "write_new",
    "write_output",
]


class ChangedMeanwhile(OSError):
    """The file no longer holds what was read from it: someone saved it in between."""

    def __init__(self) -> None:
        super().__init__(
            errno.EAGAIN,
            "the file changed while it was being fixed, so the fix was not written "
            "(run the command again)",
        )


def write_atomically(
    path: str, data: bytes, *, create: bool = False, expect: bytes | None = None
) -> None:
    """Replace the file at ``path`` with ``data``: a temporary file beside it, then a rename.

    With ``create``, a missing file is created (with the usual mode for new files).

    The file keeps its permission bits (and, where allowed, its owner); a reader never
    sees a half-written file. A symbolic link stays a link: its target is rewritten.
    Anything but a regular file (a FIFO, a device) raises :class:`OSError` untouched.

    With ``expect`` (the bytes the new content was made from), the file is replaced only
    if it still holds exactly those bytes just before the rename, else
    :class:`ChangedMeanwhile` is raised: a save made meanwhile is not lost. A file with
    more than one hard link is then not replaced either (:class:`OSError`, ``EMLINK``):
    the rename would leave the other names with the old text, and writing in place could
    leave a half-written file.
    """
    with replacing(path, create=create, expect=expect) as out:
        out.write(data)


@contextlib.contextmanager
def replacing(
    path: str, *, create: bool = False, expect: bytes | None = None
) -> Iterator[BinaryIO]:
    """A binary file to write that replaces ``path`` when the ``with`` block ends normally.

    Same rules as :func:`write_atomically`; for content written piece by piece, so it
    need not be held in memory. If the block raises, the temporary file is removed and
    ``path`` is left as it was.
    """
    import tempfile  # only a fix or an output file needs it, not every lint run

    path = os.path.realpath(path)
    try:
        status: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        if not create:
            raise
        status = None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory")
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise OSError(errno.EINVAL, "not a regular file: not rewritten")
    if expect is not None and status is not None and status.st_nlink > 1:
        raise OSError(
            errno.EMLINK,
            f"the file has {status.st_nlink} hard links and replacing it would split them: "
            "not rewritten",
        )
    folder = os.path.dirname(path)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".ttsbuilder-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _new_file_mode() if status is None else stat.S_IMODE(status.st_mode))
        if status is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # only root may give a file away
                os.chown(temporary, status.st_uid, status.st_gid)
        if expect is not None and not _holds(path, expect):
            raise ChangedMeanwhile()
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _holds(path: str, expect: bytes) -> bool:
    """Whether the file at ``path`` holds exactly ``expect`` (and is still one name)."""
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_nlink > 1:
                return False
            return handle.read(len(expect) + 1) == expect
    except OSError:
        return False  # removed or made unreadable meanwhile: not ours to recreate


def same_file(first: str, second: str) -> bool:
    """Whether writing ``second`` would replace the regular file ``first`` (one inode).

    A name for a device (``/dev/null``) is never the same file: writing it replaces
    nothing. A file that does not exist yet is compared by its real path.

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> path = os.path.join(folder, "a.json")
    >>> _ = open(path, "w").write("{}")
    >>> same_file(path, os.path.join(folder, ".", "a.json")), same_file(path, path + ".wav")
    (True, False)
    """
    try:
        found = os.stat(first)
    except (OSError, ValueError):
        return os.path.realpath(first) == os.path.realpath(second)
    if not stat.S_ISREG(found.st_mode):
        return False
    try:
        other = os.stat(second)
    except (OSError, ValueError):
        return False
    return (found.st_dev, found.st_ino) == (other.st_dev, other.st_ino)


def write_output(path: str, data: bytes) -> None:
    """Write an output file: atomically (see :func:`write_atomically`), created if missing.

    A device or a FIFO (``/dev/null``, ``>(command)``) has nothing to replace: it is
    written directly.
    """
    with open_output(path) as out:
        out.write(data)


@contextlib.contextmanager
def open_output(path: str) -> Iterator[BinaryIO]:
    """:func:`write_output` piece by piece: a file that replaces ``path`` when the block ends.

    A device or a FIFO is opened and written directly.
    """
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        special = False
    if special and not os.path.isdir(path):
        with open(path, "wb") as handle:
            yield handle
    else:
        with replacing(path, create=True) as out:
            yield out


def _new_file_mode() -> int:
    return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where Linux tells it."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # Elsewhere the only way to read it is to set it: the strictest mask meanwhile (a file
    # another thread creates now is private, never public), restored whatever happens.
    umask = os.umask(0o077)
    try:
        return umask
    finally:
        os.umask(umask)


def write_new(path: str, data: bytes) -> None:
    """Create the file ``path`` holding ``data``, whole or not at all; never replace one.

    The data goes to a temporary file beside ``path``, which is then hard-linked to
    ``path``: the link fails with :class:`FileExistsError` if a file appeared there
    meanwhile, so nothing is ever overwritten, and a reader never sees half a file.
    """
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".ttsbuilder-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, _new_file_mode())
        os.link(temporary, path)
    finally:
        os.unlink(temporary)
