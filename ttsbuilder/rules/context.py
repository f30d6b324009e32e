"""What every check function receives: where problems go and what it checks against.

Checks append problems to ``Context.problems``; pointers are built only for
containers and reported values, so a clean document costs no string work.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from ttsbuilder.problems import Problem, escape_pointer
from ttsbuilder.profiles import Profile
from ttsbuilder.rules.base import Rule

__all__ = [
    "MAX_DEPTH",
    "MAX_SEARCHES",
    "Context",
    "child",
    "closest",
    "describe",
    "key_text",
    "suggest",
]

#: Nesting deeper than this is an error (SPEC §4), never a RecursionError.
MAX_DEPTH = 16

# Characters XML 1.0 cannot carry: C0 controls but tab/newline/return, U+FFFE/U+FFFF, surrogates.
BAD_XML_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


#: How many "did you mean" hints one check searches for. A search costs about 15 us, and
#: a wrong name costs its author a few bytes: past this many, a document is no list of
#: typos, and its problems come without the hint (docs/validate.md, "Hints").
MAX_SEARCHES = 200


class Context:
    """The problems found so far, the profile and the spoken language (when known)."""

    __slots__ = ("language", "problems", "profile", "searches")

    def __init__(self, profile: Profile, language: str | None = None) -> None:
        self.profile = profile
        self.language = language
        self.problems: list[Problem] = []
        self.searches = MAX_SEARCHES

    def report(self, rule: Rule, pointer: str, message: str, hint: str | None = None) -> None:
        """Record a problem of ``rule`` at ``pointer``."""
        self.problems.append(Problem(rule.code, rule.severity, pointer, message, hint))

    def searching(self) -> bool:
        """Whether this check may search for one more "did you mean" (it counts it)."""
        if self.searches <= 0:
            return False
        self.searches -= 1
        return True

    def suggest(self, word: str, choices: Iterable[str]) -> str | None:
        """:func:`suggest`, while this check has searches left (:data:`MAX_SEARCHES`)."""
        return suggest(word, choices) if self.searching() else None


def child(pointer: str, token: str | int) -> str:
    """The pointer of member or item ``token`` below ``pointer``."""
    if isinstance(token, int):
        return f"{pointer}/{token}"
    return f"{pointer}/{escape_pointer(token)}"


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """A ``did you mean`` hint for ``word`` among ``choices``, or None when nothing is close.

    >>> suggest("silense", ["silence", "break"])
    "did you mean 'silence'?"
    """
    close = closest(word, choices)
    return None if close is None else f"did you mean {close!r}?"


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` most likely misspells (case, ``_`` for ``-``, typos), or None.

    >>> closest("Interpret_As", ["interpret-as", "format"]), closest("zzz", ["text"])
    ('interpret-as', None)
    """
    options = list(choices)
    folded = {choice.lower().replace("_", "-"): choice for choice in options}
    exact = folded.get(word.lower().replace("_", "-"))
    if exact is not None:
        return exact
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return close[0] if close else None


def key_text(key: object) -> str:
    """A member name as text, for any key a Python dict may hold (JSON keys are strings)."""
    if type(key) is str:
        return key
    try:
        return str(key)
    except ValueError:  # an int too long to print (Python limits int-to-str conversion)
        return f"<{type(key).__name__}>"


def describe(value: object) -> str:
    """A short, safe description of a JSON value for messages (type and a clipped repr)."""
    names = {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    name = names.get(type(value), type(value).__name__)
    if not isinstance(value, (str, bool, int, float)):
        return name
    try:
        text = repr(value)
    except ValueError:  # an int too long to print
        return f"{name} with {value.bit_length() if isinstance(value, int) else '?'} bits"
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{name} {text}"
