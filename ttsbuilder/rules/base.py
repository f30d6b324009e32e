"""The :class:`Rule` type and the registry every rule module adds itself to.

A rule is data: a stable ``code``, a ``name`` (the same word the docs use), a fixed
``severity``, a one-line ``summary``, a ``why`` (what goes wrong when it is ignored)
and two JSON examples — ``bad`` shows the problem, ``good`` shows the fix.
``docs/rules.md`` and ``ttsbuilder rule`` are generated from these and the examples run
as tests, so the reference cannot drift from the code.

>>> from ttsbuilder.rules import RULES
>>> RULES["TTS101"].name
'unknown-key'
"""

from __future__ import annotations

from dataclasses import dataclass

from ttsbuilder.problems import Problem, Severity

__all__ = ["REGISTRY", "Rule"]

#: code → Rule, filled as the rule modules are imported (see ``ttsbuilder.rules``).
REGISTRY: dict[str, Rule] = {}


@dataclass(frozen=True, slots=True)
class Rule:
    """One checked rule.

    ``kind`` is the ``validate()`` kind its examples are checked as, ``profile`` the
    profile they need; ``family`` groups rules in the docs. ``fixable`` marks the
    rules ``ttsbuilder lint --fix`` repairs; ``unsafe_fix`` those whose fix changes what
    is spoken, made only with ``--unsafe-fixes``.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    bad: str
    good: str
    why: str = ""
    kind: str = "tts"
    profile: str = "enablex"
    family: str = ""
    fixable: bool = False
    unsafe_fix: bool = False

    def __post_init__(self) -> None:
        if self.code in REGISTRY and REGISTRY[self.code] != self:
            raise RuntimeError(f"rule code {self.code} is declared twice")
        REGISTRY[self.code] = self

    def problem(self, pointer: str, message: str, hint: str | None = None) -> Problem:
        """A problem of this rule at ``pointer``."""
        return Problem(self.code, self.severity, pointer, message, hint)

    @property
    def anchor(self) -> str:
        """The fragment of this rule in docs/rules.md (``tts101``)."""
        return self.code.lower()


def error(code: str, name: str, summary: str, *, bad: str, good: str, **extra: object) -> Rule:
    """Declare an error rule."""
    return Rule(code, name, Severity.ERROR, summary, bad, good, **extra)  # type: ignore[arg-type]


def warning(code: str, name: str, summary: str, *, bad: str, good: str, **extra: object) -> Rule:
    """Declare a warning rule."""
    return Rule(code, name, Severity.WARNING, summary, bad, good, **extra)  # type: ignore[arg-type]
