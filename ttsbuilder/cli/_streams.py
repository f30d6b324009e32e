"""Standard output and error for the command: every way they can fail, one clear answer.

Standard output may be closed (``>&-``), a full device (``> /dev/full``), or a pipe whose
reader went away (``| head -1``). :func:`guarded` turns each failed write into an
:class:`OutputError`, which :func:`failed` reports in one line (or, for a broken pipe,
quietly) with the exit status docs/cli.md documents; the interpreter's own last flush then
has nothing left to fail on. Only the standard library is imported here: ``--version``
runs through it too.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import sys
from collections.abc import Iterator
from typing import IO, Any, TextIO, cast

__all__ = [
    "BROKEN_PIPE",
    "DEBUG_VARIABLE",
    "UNENCODABLE",
    "Guarded",
    "OutputError",
    "debugging",
    "failed",
    "guarded",
    "say",
]

#: Exit status when standard output's reader went away: 128 + SIGPIPE, what a shell
#: reports for ``cat`` killed by a broken pipe.
BROKEN_PIPE = 141

#: Set this environment variable (to anything but ``0``) to see the traceback of an
#: internal error.
DEBUG_VARIABLE = "TTSBUILDER_DEBUG"


def debugging() -> bool:
    """True when ``TTSBUILDER_DEBUG`` asks for tracebacks."""
    return os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")


class OutputError(OSError):
    """Standard output cannot be written. An ``OSError``, so no command mistakes it for a bug."""

    @property
    def broken_pipe(self) -> bool:
        """The reader went away (EPIPE), as with ``ttsbuilder lint . | head -1``."""
        return self.errno == errno.EPIPE


def _closed() -> OutputError:
    return OutputError(errno.EBADF, "standard output is closed")


def _failure(error: OSError) -> OutputError:
    return OutputError(error.errno, error.strerror or str(error))


class Guarded:
    """A stream whose failed writes raise :class:`OutputError`; ``None`` is a closed one.

    ``failures`` keeps each error raised, so one that a caller swallowed (argparse
    ignores a failed ``--help``) is reported all the same.
    """

    def __init__(self, stream: IO[Any] | None, failures: list[OutputError] | None = None) -> None:
        self._stream = stream
        self.failures: list[OutputError] = [] if failures is None else failures

    def _failed(self, error: OutputError) -> OutputError:
        self.failures.append(error)
        return error

    def write(self, data: Any) -> int:
        if self._stream is None:
            raise self._failed(_closed())
        try:
            return self._stream.write(data)
        except OSError as error:
            raise self._failed(_failure(error)) from error

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except OSError as error:
            raise self._failed(_failure(error)) from error

    @property
    def buffer(self) -> Guarded:
        if self._stream is None:
            return Guarded(None, self.failures)
        return Guarded(getattr(self._stream, "buffer"), self.failures)  # noqa: B009

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def fileno(self) -> int:
        if self._stream is None:
            raise self._failed(_closed())
        return self._stream.fileno()

    def __getattr__(self, name: str) -> Any:  # encoding, seekable, ...: as the real stream
        if self._stream is None:  # not a failure by itself: only a write is
            raise _closed()
        return getattr(self._stream, name)


def _occupy(fd: int) -> None:
    """Put /dev/null on a closed descriptor, so no file this run opens lands on it."""
    try:
        os.fstat(fd)
    except OSError:
        null = os.open(os.devnull, os.O_RDWR)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)


def _escape_unencodable(error: UnicodeError) -> tuple[str, int]:
    # A \uXXXX escape (a UTF-16 pair beyond the BMP): visible in a report, and still a
    # valid escape inside the JSON strings of the json and sarif formats.
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escapes = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            escapes.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escapes.append(f"\\u{code:04x}")
    return "".join(escapes), error.end


#: The error handler of standard output and error while a command runs: a terminal
#: in ASCII or Latin-1 gets escapes for what it cannot show, not a failed report.
UNENCODABLE = "ttsbuilder-escape"
codecs.register_error(UNENCODABLE, _escape_unencodable)


@contextlib.contextmanager
def _escaping(stream: TextIO | None) -> Iterator[None]:
    errors = getattr(stream, "errors", None)
    if stream is None or errors is None or not hasattr(stream, "reconfigure"):
        yield
        return
    with contextlib.suppress(OSError, ValueError):
        stream.reconfigure(errors=UNENCODABLE)
    try:
        yield
    finally:
        with contextlib.suppress(OSError, ValueError):
            stream.reconfigure(errors=errors)


@contextlib.contextmanager
def guarded() -> Iterator[Guarded]:
    """Within the block, ``sys.stdout`` raises :class:`OutputError` when it cannot write.

    A closed standard error becomes a sink (the messages have nowhere to go, and must
    not land on standard output). A character the streams' encoding cannot carry is
    written as a ``\\uXXXX`` escape.
    """
    real_out, real_err = sys.stdout, sys.stderr
    if real_out is None:
        _occupy(1)
    if real_err is None:
        _occupy(2)
    sink = open(os.devnull, "w") if real_err is None else None  # noqa: SIM115
    with _escaping(real_out), _escaping(real_err):
        guard = Guarded(real_out)
        sys.stdout = cast(TextIO, guard)
        if sink is not None:
            sys.stderr = sink
        try:
            yield guard
        finally:
            sys.stdout, sys.stderr = real_out, real_err
            if sink is not None:
                sink.close()


def say(message: str) -> None:
    """Print one line on standard error; a standard error that fails is not reported."""
    with contextlib.suppress(OSError, ValueError):
        print(message, file=sys.stderr, flush=True)


def failed(error: OutputError) -> int:
    """Report a standard output that failed; the exit status (2, or 141 for a broken pipe)."""
    real = sys.__stdout__
    if real is not None and sys.stdout is real:
        # The interpreter flushes standard output at exit: let that go to /dev/null, not
        # into the same failure (and a traceback) again.
        with contextlib.suppress(OSError, ValueError):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, real.fileno())
            os.close(null)
    if error.broken_pipe:
        if debugging():
            say("ttsbuilder: standard output's reader went away (broken pipe)")
        return BROKEN_PIPE
    reason = "it is closed" if error.errno == errno.EBADF else error.strerror
    say(f"ttsbuilder: error: cannot write to standard output: {reason}")
    return 2
