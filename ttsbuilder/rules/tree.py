"""Tree structure rules (TTS1xx): member names, types, placement, depth, characters.

:func:`check_tree` walks a ``text_to_speech_option`` object and hands values to the
value and say-as families.
"""

from __future__ import annotations

from typing import Any

from ttsbuilder.codec import member_name
from ttsbuilder.model import CONTENT_KINDS, EXPRESS_ATTRIBUTES, KINDS, PROSODY_ATTRIBUTES
from ttsbuilder.problems import shown
from ttsbuilder.rules import say_as as say_as_rules
from ttsbuilder.rules import values as value_rules
from ttsbuilder.rules.base import error, warning
from ttsbuilder.rules.common import (
    ALIAS_KEY,
    ALIASES,
    UNKNOWN_KEY,
    WRONG_TYPE,
    check_string,
)
from ttsbuilder.rules.context import MAX_DEPTH, Context, child, describe, key_text, suggest

__all__ = ["check_tree"]

FAMILY = "tree"

NON_CANONICAL_NAME = warning(
    "TTS106",
    "non-canonical-name",
    "The first member of a kind has no suffix: 'text1' is accepted but written 'text'.",
    bad='{"text1": "Hello", "text2": "world"}',
    good='{"text": "Hello", "text2": "world"}',
    family=FAMILY,
    fixable=True,
)
BAD_SUFFIX = error(
    "TTS107",
    "bad-suffix",
    "A member suffix is decimal digits from 1 without a leading zero ('text2', not 'text02').",
    bad='{"text": "Hello", "text02": "world"}',
    good='{"text": "Hello", "text2": "world"}',
    family=FAMILY,
    fixable=True,
)
SUFFIX_ORDER = warning(
    "TTS108",
    "suffix-order",
    "Suffixes of one kind go down in document order. Speech follows document order, but a "
    "consumer that sorts keys would reorder it.",
    bad='{"text2": "Hello", "break": {"value": "1s"}, "text": "world"}',
    good='{"text": "Hello", "break": {"value": "1s"}, "text2": "world"}',
    family=FAMILY,
    fixable=True,
)
MISPLACED = error(
    "TTS109",
    "misplaced",
    "silence and express-as are allowed at the top of the tree only (no nesting of "
    "express-as); express-as and prosody hold text, break, prosody and say-as.",
    bad='{"prosody": {"rate": "slow", "silence": {"type": "leading", "value": "1s"}}}',
    good='{"silence": {"type": "leading", "value": "1s"}, "prosody": {"rate": "slow", '
    '"text": "Hi"}}',
    family=FAMILY,
)
EMPTY_CONTENT = warning(
    "TTS110",
    "empty-content",
    "A tree, express-as or prosody with no content speaks nothing.",
    bad='{"express-as": {"style": "cheerful"}}',
    good='{"express-as": {"style": "cheerful", "text": "Great news!"}}',
    family=FAMILY,
)
TOO_DEEP = error(
    "TTS111",
    "too-deep",
    f"Nesting deeper than {MAX_DEPTH} levels.",
    bad='{"prosody": ' * 17 + '{"text": "deep"}' + "}" * 17,
    good='{"prosody": {"rate": "slow", "text": "shallow"}}',
    family=FAMILY,
)
_KIND_SET = frozenset(KINDS)
# Canonical member names ("text", "text2", ... "text99") → (kind, number): one look-up
# instead of splitting the suffix off every member.
_CANONICAL: dict[str, tuple[str, int]] = {
    member_name(kind, number): (kind, number) for kind in KINDS for number in range(1, 100)
}


def check_tree(context: Context, tree: Any, pointer: str, depth: int = 0) -> None:
    """Check a whole ``text_to_speech_option`` value at ``pointer``.

    ``depth`` counts tree levels: the members of a top-level prosody are at depth 1.
    """
    if type(tree) is not dict:
        context.report(
            WRONG_TYPE, pointer, f"a text_to_speech_option tree is an object, got {describe(tree)}"
        )
        return
    if not _check_members(context, tree, pointer, depth, top=True, attributes=()):
        context.report(EMPTY_CONTENT, pointer, "the tree has no content: nothing is spoken")


def _check_members(
    context: Context,
    members: dict[Any, Any],
    pointer: str,
    depth: int,
    *,
    top: bool,
    attributes: tuple[str, ...],
) -> int:
    """Check the content members of one object; return how many content nodes it has."""
    if depth > MAX_DEPTH:
        context.report(TOO_DEEP, pointer, f"nesting deeper than {MAX_DEPTH} levels")
        return 1
    last: dict[str, int] = {}
    count = 0
    for name, value in members.items():
        if name in attributes:
            continue
        count += 1  # a misspelt or misplaced member is content too: no "empty" warning
        canonical = _CANONICAL.get(name) if type(name) is str else None
        if canonical is not None:  # the common case: "text", "break2", ...
            kind, number = canonical
            at = f"{pointer}/{name}"
            if last.get(kind, 0) > number:
                _suffix_down(context, name, kind, number, at, last)
            last[kind] = number
        else:
            stem = name.rstrip("0123456789") if type(name) is str else None
            if stem is not None and stem in _KIND_SET:
                kind, at = stem, f"{pointer}/{name}"
                _check_suffix(context, name, kind, at, last)
            else:
                meant = _unknown_member(context, name, pointer, attributes)
                if meant is None:
                    continue
                kind, at = meant, child(pointer, name)  # a misspelt kind: check what it holds
        if not top and kind not in CONTENT_KINDS:
            where = "express-as and prosody hold text, break, prosody and say-as"
            if kind == "express-as":
                where = "express-as is allowed at the top of the tree only (no nesting)"
            elif kind == "silence":
                where = "silence is allowed at the top of the tree only"
            context.report(MISPLACED, at, f"{shown(kind)} is not allowed here: {where}")
            continue
        if kind == "text":
            if type(value) is not str or not value or not value.isprintable():
                check_string(context, value, at)
            continue
        if type(value) is not dict:
            context.report(WRONG_TYPE, at, f"{shown(kind)} is an object, got {describe(value)}")
            continue
        if kind == "break":
            value_rules.check_break(context, value, at)
        elif kind == "prosody":
            value_rules.check_prosody_attributes(context, value, at)
            if not _check_members(
                context, value, at, depth + 1, top=False, attributes=PROSODY_ATTRIBUTES
            ):
                context.report(EMPTY_CONTENT, at, "this prosody has no content: nothing is spoken")
        elif kind == "say-as":
            say_as_rules.check_say_as(context, value, at)
        elif kind == "silence":
            value_rules.check_silence(context, value, at)
        else:
            value_rules.check_express_as(context, value, at)
            if not _check_members(
                context, value, at, depth + 1, top=False, attributes=EXPRESS_ATTRIBUTES
            ):
                context.report(
                    EMPTY_CONTENT, at, "this express-as has no content: nothing is spoken"
                )
    return count


def _check_suffix(context: Context, name: str, kind: str, at: str, last: dict[str, int]) -> None:
    suffix = name[len(kind) :]
    if suffix[0] == "0":
        context.report(
            BAD_SUFFIX,
            at,
            f"member {shown(name)} has a suffix with a leading zero",
            f"write {kind + suffix.lstrip('0') if suffix.strip('0') else kind!r}",
        )
        return
    # Python refuses to convert very long digit strings; such a suffix is simply "large".
    number = int(suffix) if len(suffix) < 19 else 10**18
    if number == 1:
        context.report(
            NON_CANONICAL_NAME,
            at,
            f"member {shown(name)} should be written {shown(kind)}",
            f"rename it {shown(kind)}",
        )
    _suffix_down(context, name, kind, number, at, last)


def _suffix_down(
    context: Context, name: str, kind: str, number: int, at: str, last: dict[str, int]
) -> None:
    previous = last.get(kind)
    if previous is not None and number < previous:
        before = kind if previous == 1 else f"{kind}{previous}"
        context.report(
            SUFFIX_ORDER,
            at,
            f"{shown(name)} comes after {shown(before)}: speech follows document order, "
            "but a consumer that sorts keys would reorder it",
            "renumber in spoken order",
        )
    last[kind] = number


def _unknown_member(
    context: Context, name: Any, pointer: str, attributes: tuple[str, ...]
) -> str | None:
    """Report a member that is not a kind; return the kind it misspells, if it is an alias."""
    text = key_text(name)
    at = child(pointer, text)
    if text in ALIASES:
        context.report(
            ALIAS_KEY,
            at,
            f"{shown(text)} should be spelled with a hyphen: {ALIASES[text]!r}",
            f"rename it {ALIASES[text]!r}",
        )
        return ALIASES[text]
    allowed = (*KINDS, *attributes) if attributes else KINDS
    context.report(
        UNKNOWN_KEY,
        at,
        f"unknown key {shown(text)}: allowed are {', '.join(allowed)} (with suffixes 2, 3, ...)",
        suggest(text.rstrip("0123456789") or text, allowed),
    )
    return None
