"""The files a studio may show and write: the roots it was given, and nothing else.

A requested path is refused (:class:`Refused`) unless, with every symbolic link
resolved, it is a regular file with a prompt-file ending (one of
:data:`~ttsbuilder.lint.loaders.FORMATS`) inside one of the roots: a root file
itself, or a file under a root directory. A path holding a ``..`` segment is refused
before it is even resolved.

Saving is atomic (a temporary file beside the file, then a rename) and refuses to
overwrite a file that changed on disk since it was opened: the page sends back the
``version`` it was given (a hash of the bytes it opened).

>>> import os, tempfile
>>> root = tempfile.mkdtemp()
>>> with open(os.path.join(root, "hi.json"), "w") as f:
...     _ = f.write('{"text": "Hello"}')
>>> space = Workspace([root], base=root)
>>> space.files()
[('hi.json', False)]
>>> space.open("hi.json").text
'{"text": "Hello"}'
>>> try:
...     space.resolve("../etc/passwd")
... except Refused as error:
...     print(error)
../etc/passwd: outside the studio's files
"""

from __future__ import annotations

import hashlib
import os
import stat
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from ttsbuilder._files import ChangedMeanwhile, write_atomically
from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.lint.discovery import find
from ttsbuilder.lint.loaders import FORMATS, Format, format_for, sniff_format
from ttsbuilder.lint.reading import read_input

__all__ = ["Conflict", "Opened", "Refused", "Workspace", "version_of"]


class Refused(TTSBuilderError):
    """A path outside the roots, through a symbolic link, or not a prompt file."""


class Conflict(TTSBuilderError):
    """The file changed on disk since the page opened it: the save was not written."""


def version_of(data: bytes) -> str:
    """The version a page gets for a file's bytes (a SHA-256, hex).

    >>> version_of(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Opened:
    """A file as the page edits it: text with ``\\n`` line ends, and how to write it back."""

    path: str
    format: Format
    text: str
    version: str
    newline: str  # "\n" or "\r\n": what the file used, restored on save
    bom: bool
    utf8: bool = True  # False: shown with replacement characters, and never saved


class Workspace:
    """The roots (files and directories) a studio serves, relative to ``base``.

    ``base`` (default: the working directory when created) is what relative paths,
    the roots' and the page's, are read from.
    """

    def __init__(self, roots: Sequence[str], base: str | None = None) -> None:
        self.base = os.path.realpath(base or os.getcwd())
        self.roots = [os.path.normpath(r) for r in roots] or ["."]
        self._real = [os.path.realpath(os.path.join(self.base, r)) for r in self.roots]
        # One save at a time: the check that the file is unchanged and the rename are
        # not one step on disk, so two saves of one version could both pass the check.
        self._saving = threading.Lock()

    def files(self) -> list[tuple[str, bool]]:
        """The files under the roots, as ``lint`` finds them: (display path, named).

        ``named``: the file is a root itself, checked whatever it holds; a file found in a
        folder is shown only when it holds a prompt (the caller asks
        :func:`ttsbuilder.lint.discovery.holds_prompt`). Raises
        :class:`~ttsbuilder.errors.TTSBuilderError` for a root that does not exist.
        """
        found = find([os.path.join(self.base, root) for root in self.roots])
        shown: list[tuple[str, bool]] = []
        for item in found:
            try:
                shown.append((self.display(self.resolve(item.path)), item.named))
            except Refused:
                continue  # a symbolic link out of the roots, or a special file
        return shown

    def display(self, real: str) -> str:
        """How the page names a file: relative to ``base`` when inside it."""
        relative = os.path.relpath(real, self.base)
        return real if relative.startswith("..") else relative.replace(os.sep, "/")

    def resolve(self, path: str) -> str:
        """The real path of ``path`` when the studio may serve it; else :class:`Refused`."""
        if not isinstance(path, str) or not path or "\0" in path:
            raise Refused("no file named")
        parts = path.replace("\\", "/").split("/")
        if ".." in parts:
            raise Refused(f"{path}: outside the studio's files")
        real = os.path.realpath(os.path.join(self.base, path))
        if not any(_inside(real, root) for root in self._real):
            raise Refused(f"{path}: outside the studio's files")
        if format_for(real) is None:
            raise Refused(f"{path}: not a prompt file ({', '.join(FORMATS)})")
        try:
            mode = os.stat(real).st_mode
        except OSError as exc:
            raise Refused(f"{path}: {exc.strerror}") from None
        if not stat.S_ISREG(mode):
            raise Refused(f"{path}: not a regular file")
        return real

    def open(self, path: str) -> Opened:
        """Read the file at ``path`` for the editor (:class:`Refused` or OSError if not)."""
        real = self.resolve(path)
        data = read_input(real)
        return _opened(self.display(real), data)

    def save(self, path: str, text: str, version: str) -> Opened:
        """Write ``text`` to ``path`` atomically, if the file is still at ``version``.

        Line ends and a byte order mark are written as the file had them. Raises
        :class:`Conflict` when the file changed on disk meanwhile.
        """
        with self._saving:
            return self._save(path, text, version)

    def _save(self, path: str, text: str, version: str) -> Opened:
        real = self.resolve(path)
        current = read_input(real)
        if version_of(current) != version:
            raise Conflict(
                f"{self.display(real)} changed on disk since it was opened: not saved "
                "(reopen it to see the new text, then make your change again)"
            )
        was = _opened(self.display(real), current)
        if not was.utf8:
            raise Refused(f"{was.path}: not UTF-8 text, so the studio does not write it")
        body = text.replace("\r\n", "\n")
        if was.newline != "\n":
            body = body.replace("\n", was.newline)
        try:
            data = (("\ufeff" if was.bom else "") + body).encode("utf-8")
        except UnicodeEncodeError:
            raise TTSBuilderError(
                "the text holds a lone surrogate (half of a character), which UTF-8 cannot "
                "write: not saved"
            ) from None
        try:
            # expect: a save made between the read above and the rename is not lost either
            write_atomically(real, data, expect=current)
        except ChangedMeanwhile:
            raise Conflict(
                f"{was.path} changed on disk while it was being saved: not saved "
                "(reopen it to see the new text, then make your change again)"
            ) from None
        return _opened(self.display(real), data)


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _opened(name: str, data: bytes) -> Opened:
    format = format_for(name) or sniff_format(data)
    bom = data.startswith(b"\xef\xbb\xbf")
    raw = data[3 if bom else 0 :]
    try:
        text, utf8 = raw.decode("utf-8"), True
    except UnicodeDecodeError:
        text, utf8 = raw.decode("utf-8", "replace"), False
    newline = "\r\n" if "\r\n" in text else "\n"
    return Opened(name, format, text.replace("\r\n", "\n"), version_of(data), newline, bom, utf8)
