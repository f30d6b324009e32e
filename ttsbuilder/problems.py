"""Problems: what validation, rendering and linting report.

A :class:`Problem` is a small immutable value that says *where* (an RFC 6901 JSON
pointer into the checked document, plus ``line``/``column`` when the document came
from a file), *what* (a stable ``code`` and a one-line ``message``) and *how bad*
(``severity``). ``hint`` carries a known fix, such as ``did you mean 'say-as'?``.

>>> p = Problem("TTS201", Severity.ERROR, "/break/value", "bad duration '2 s'")
>>> str(p)
"/break/value: TTS201 error bad duration '2 s'"
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace

__all__ = ["Problem", "Severity", "errors_in", "escape_pointer", "shown", "sort_problems"]


class Severity(str, enum.Enum):
    """How bad a problem is: ``error`` (the service rejects or misbehaves) or ``warning``."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding about a document.

    >>> p = Problem("TTS101", Severity.ERROR, "/txt", "unknown key 'txt'", "did you mean 'text'?")
    >>> p.hint
    "did you mean 'text'?"
    """

    code: str
    severity: Severity
    pointer: str
    message: str
    hint: str | None = None
    line: int | None = None
    column: int | None = None

    @property
    def is_error(self) -> bool:
        """True for an error, False for a warning."""
        return self.severity is Severity.ERROR

    def at(self, line: int | None, column: int | None) -> Problem:
        """This problem with a source position (1-based line and column)."""
        return replace(self, line=line, column=column)

    def under(self, prefix: str) -> Problem:
        """This problem with its pointer moved below ``prefix`` (a JSON pointer)."""
        return replace(self, pointer=prefix + self.pointer)

    def __str__(self) -> str:
        """One line: a character of the document that does not print (a line break, an
        escape sequence) is escaped, so that a key cannot forge a log line.

        >>> print(Problem("TTS101", Severity.ERROR, "/x\\ny", "unknown key 'x\\ny'"))
        /x\\ny: TTS101 error unknown key 'x\\ny'
        """
        where = self.pointer or "/"
        if self.line is not None:
            where = f"{self.line}:{self.column or 1}"
        text = f"{where}: {self.code} {self.severity.value} {self.message}"
        text = f"{text} ({self.hint})" if self.hint else text
        return text if text.isprintable() else _escaped(text)


def _escaped(text: str) -> str:
    """``text`` with each character that does not print written as Python writes it."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def escape_pointer(token: str) -> str:
    """Escape one reference token for a JSON pointer (RFC 6901: ``~`` → ``~0``, ``/`` → ``~1``).

    >>> escape_pointer("a/b~c")
    'a~1b~0c'
    """
    if "~" in token or "/" in token:
        return token.replace("~", "~0").replace("/", "~1")
    return token


def shown(value: object) -> str:
    """``repr(value)`` for a message: clipped, and safe for ints too long to print.

    >>> shown("x" * 100)[-6:], shown(10**5000)
    ("xx'...", '<int of 16610 bits>')
    """
    if type(value) is str and len(value) > 60:
        return repr(value[:57]) + "..."
    try:
        text = repr(value)
    except ValueError:  # Python limits int-to-str conversion
        return f"<int of {value.bit_length()} bits>" if isinstance(value, int) else "<value>"
    return text if len(text) <= 60 else text[:57] + "..."


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in reading order: by position when known, else by pointer; errors first on ties."""
    return sorted(
        problems,
        key=lambda p: (
            p.line if p.line is not None else 0,
            p.column if p.column is not None else 0,
            p.pointer,
            p.severity is not Severity.ERROR,
            p.code,
        ),
    )


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    """Only the errors among ``problems``."""
    return [p for p in problems if p.severity is Severity.ERROR]
