"""The exceptions ttsbuilder raises. Nothing else escapes its public functions.

Every exception derives from :class:`TTSBuilderError`, so ``except TTSBuilderError``
catches them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ttsbuilder.problems import Problem

__all__ = [
    "ArgumentError",
    "BuildError",
    "MissingExtraError",
    "PreviewError",
    "SSMLError",
    "TTSBuilderError",
    "ValidationError",
]


class TTSBuilderError(Exception):
    """Base class of every exception ttsbuilder raises.

    Each one pickles and copies whole (a process pool sends it back to its caller so),
    its message and its attributes (``problems``, ``argument``, ``line``, ...) as raised.

    >>> import pickle
    >>> error = ArgumentError("voice='robot' is not allowed", argument="voice", value="robot")
    >>> pickle.loads(pickle.dumps(error)).argument
    'voice'
    """

    def __reduce__(self) -> tuple[Any, ...]:
        # The default calls cls(*args), and args is the message alone: the subclasses
        # take other arguments. Rebuild from args and attributes instead, no __init__.
        state = dict(vars(self))
        if isinstance(self, ImportError):  # its name and path are not in vars()
            state.update(name=self.name, path=self.path)
        return _rebuilt, (type(self), self.args), state


def _rebuilt(cls: type[TTSBuilderError], args: tuple[Any, ...]) -> TTSBuilderError:
    """An exception of ``cls`` with ``args``, its attributes to be set from the pickle."""
    return cls.__new__(cls, *args)


class ValidationError(TTSBuilderError, ValueError):
    """A document has errors. ``problems`` lists every problem found (errors and warnings).

    A request checked before sending (:func:`ttsbuilder.check_request`, the clients'
    hooks) also carries its ``method`` and ``url``; they are None for a bare document.

    >>> from ttsbuilder.problems import Problem, Severity
    >>> err = ValidationError([Problem("TTS101", Severity.ERROR, "/x", "unknown member 'x'")])
    >>> str(err)
    "1 error: /x: TTS101 error unknown member 'x'"
    >>> str(ValidationError(err.problems, method="PUT", url="/voice/v1/call/7/play"))
    "PUT /voice/v1/call/7/play: 1 error: /x: TTS101 error unknown member 'x'"
    """

    def __init__(
        self, problems: Sequence[Problem], *, method: str | None = None, url: str | None = None
    ) -> None:
        self.problems: list[Problem] = list(problems)
        self.method = method
        self.url = url
        errors = [p for p in self.problems if p.is_error]
        shown = "; ".join(str(p) for p in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        noun = "error" if len(errors) == 1 else "errors"
        request = " ".join(part for part in (method, url) if part)
        prefix = f"{request}: " if request else ""
        super().__init__(f"{prefix}{len(errors)} {noun}: {shown}{more}")


class ArgumentError(TTSBuilderError, ValueError):
    """A function got an argument it cannot use. The message names the argument and value.

    ``argument`` is the parameter name, ``value`` what was passed, ``hint`` a fix if known.
    Raised by the value types (``Duration.parse("2 s")``) and by SSML rendering options;
    the builder raises its subclass :class:`BuildError`.

    >>> error = ArgumentError("voice='robot' is not allowed", argument="voice", value="robot")
    >>> error.argument, isinstance(error, ValueError)
    ('voice', True)
    """

    def __init__(self, message: str, *, argument: str, value: object, hint: str | None = None):
        self.argument = argument
        self.value = value
        self.hint = hint
        super().__init__(f"{message} ({hint})" if hint else message)


class BuildError(ArgumentError):
    """A builder call (``Prompt`` and the request-body functions) got a value it cannot use."""


class SSMLError(TTSBuilderError, ValueError):
    """SSML that cannot be parsed or represented as a tree; ``line`` is 1-based when known.

    ``column`` (1-based) is known for syntax errors; the message names the line only.
    """

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None) -> None:
        self.line = line
        self.column = column
        super().__init__(f"line {line}: {message}" if line is not None else message)


class PreviewError(TTSBuilderError, RuntimeError):
    """Audio preview is unavailable (the ``preview`` extra is missing) or the engine failed."""


class MissingExtraError(TTSBuilderError, ImportError):
    """An optional feature's third-party library is not installed.

    ``extra`` is the ttsbuilder extra that installs it; the message says the command.

    >>> error = MissingExtraError("ttsbuilder lsp", "pygls", "lsp")
    >>> print(error)
    ttsbuilder lsp needs pygls, which is not installed: pip install 'ttsbuilder[lsp]'
    >>> isinstance(error, ImportError), error.name
    (True, 'pygls')
    """

    def __init__(self, feature: str, module: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs {module}, which is not installed: pip install 'ttsbuilder[{extra}]'",
            name=module,
        )
