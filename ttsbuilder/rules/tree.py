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
from ttsbuilder.rules.context import MAX_DEPTH, Context, child, closest, describe, key_text

__all__ = ["check_tree"]

FAMILY = "tree"

NON_CANONICAL_NAME = warning(
    "TTS106",
    "non-canonical-name",
    "The first member of a kind has no suffix: 'text1' is accepted but written 'text'.",
    why="'text1' and 'text' are the same member written two ways; one spelling keeps prompts "
    "comparable, and a tool that looks for 'text' would miss 'text1'.",
    bad='{"text1": "Hello", "text2": "world"}',
    good='{"text": "Hello", "text2": "world"}',
    family=FAMILY,
    fixable=True,
)
BAD_SUFFIX = error(
    "TTS107",
    "bad-suffix",
    "A member suffix is decimal digits from 1 without a leading zero ('text2', not 'text02').",
    why="The suffix is what tells repeated members apart; a name like 'text02' or 'text0' is "
    "not in the format, so the member is not read as content.",
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
    why="Speech follows the order members are written in, not their numbers; a tool that sorts "
    "keys (many JSON libraries can) would reorder the speech. Numbering in document order "
    "makes both orders agree.",
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
    why="Azure's SSML allows mstts:silence and mstts:express-as only directly inside the voice, "
    "and express-as does not nest: anywhere else the SSML is invalid and the service "
    "rejects it.",
    bad='{"prosody": {"rate": "slow", "silence": {"type": "leading", "value": "1s"}}}',
    good='{"silence": {"type": "leading", "value": "1s"}, "prosody": {"rate": "slow", '
    '"text": "Hi"}}',
    family=FAMILY,
)
EMPTY_CONTENT = warning(
    "TTS110",
    "empty-content",
    "A tree, express-as or prosody with no content speaks nothing.",
    why="A container with nothing inside speaks nothing, which usually means its content was "
    "forgotten or lost in an edit.",
    bad='{"express-as": {"style": "cheerful"}}',
    good='{"express-as": {"style": "cheerful", "text": "Great news!"}}',
    family=FAMILY,
)
TOO_DEEP = error(
    "TTS111",
    "too-deep",
    f"Nesting deeper than {MAX_DEPTH} levels.",
    why="Real prompts nest a few levels; a tree deeper than 16 is a generator's mistake or an "
    "attack on the stack of whatever reads it, so every tool that reads prompts can rely on "
    "the limit.",
    bad='{"prosody": ' * 17 + '{"text": "deep"}' + "}" * 17,
    good='{"prosody": {"rate": "slow", "text": "shallow"}}',
    family=FAMILY,
)
_KIND_SET = frozenset(KINDS)
#: The kinds a prosody or express-as may hold, in the order of KINDS.
_INNER_KINDS = tuple(kind for kind in KINDS if kind in CONTENT_KINDS)
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
                _check_suffix(context, members, name, kind, at, last)
            else:
                meant = _unknown_member(context, members, name, pointer, top, attributes)
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


_LONG_SUFFIX = 1000


def _check_suffix(
    context: Context,
    members: dict[Any, Any],
    name: str,
    kind: str,
    at: str,
    last: dict[str, int],
) -> None:
    suffix = name[len(kind) :]
    if suffix[0] == "0":
        wanted = kind + suffix.lstrip("0") if suffix.strip("0") else kind
        context.report(
            BAD_SUFFIX,
            at,
            f"member {shown(name)} has a suffix with a leading zero",
            _rename_hint(members, name, kind, wanted),
        )
        return
    # Python refuses to convert digit strings longer than 4300 (and slows down well before):
    # beyond _LONG_SUFFIX digits a suffix is simply "large". Below, the order is exact.
    number = int(suffix) if len(suffix) <= _LONG_SUFFIX else 10**_LONG_SUFFIX
    if number == 1:
        message = f"member {shown(name)} should be written {shown(kind)}"
        if kind in members:
            message = f"member {shown(name)} means {shown(kind)}, which this object already has"
        context.report(NON_CANONICAL_NAME, at, message, _rename_hint(members, name, kind, kind))
    _suffix_down(context, name, kind, number, at, last)


def _free_name(members: dict[Any, Any], name: str, kind: str, wanted: str) -> str | None:
    """A new name for member ``name`` (of ``kind``): ``wanted``, or when that is taken the
    name the member gets when its kind is numbered in document order (what ``--fix``
    does); None when both are taken. Never the name of another member."""
    if wanted not in members:
        return wanted
    number = 0
    for other in members:
        if other == name or (type(other) is str and other.rstrip("0123456789") == kind):
            number += 1
        if other == name:
            break
    target = member_name(kind, number)
    return target if target not in members else None


def _rename_hint(members: dict[Any, Any], name: str, kind: str, wanted: str) -> str:
    """A hint to rename member ``name`` to ``wanted`` that never repeats another member."""
    new = _free_name(members, name, kind, wanted)
    if new is None:
        return f"number the {kind} members in document order ({kind}, {kind}2, ...)"
    return f"rename it {new!r}"


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
    context: Context,
    members: dict[Any, Any],
    name: Any,
    pointer: str,
    top: bool,
    attributes: tuple[str, ...],
) -> str | None:
    """Report a member that is not a kind; return the kind it misspells, if it is an alias.

    The message lists only what this object may hold, and a hint never names a member
    the object already has nor one that is an error here.
    """
    text = key_text(name)
    at = child(pointer, text)
    if text in ALIASES:
        meant = ALIASES[text]
        context.report(
            ALIAS_KEY,
            at,
            f"{shown(text)} should be spelled with a hyphen: {meant!r}",
            _rename_hint(members, text, meant, meant),
        )
        return meant
    kinds = KINDS if top else _INNER_KINDS
    listed = f"allowed are {', '.join(kinds)} (with suffixes 2, 3, ...)"
    if attributes:
        listed = f"allowed here are {', '.join(kinds)} (with suffixes 2, 3, ...), " + ", ".join(
            attributes
        )
    context.report(
        UNKNOWN_KEY,
        at,
        f"unknown key {shown(text)}: {listed}",
        _near(members, text, kinds, attributes) if context.searching() else None,
    )
    return None


def _near(
    members: dict[Any, Any], text: str, kinds: tuple[str, ...], attributes: tuple[str, ...]
) -> str | None:
    """The "did you mean" hint for an unknown member ``text``, or None."""
    stem = text.rstrip("0123456789") or text
    attribute = closest(text, [name for name in attributes if name not in members])
    kind = closest(stem, kinds)
    if kind is None and attribute is not None:
        return f"did you mean {attribute!r}?"
    if kind is not None:
        new = _free_name(members, text, kind, kind + text[len(stem) :])
        if new is None:
            return f"did you mean {kind!r}? number the {kind} members in document order"
        return f"did you mean {new!r}?"
    misplaced = closest(stem, [name for name in KINDS if name not in kinds])
    if misplaced is not None:
        return f"did you mean {misplaced!r}? it is allowed at the top of the tree only"
    return None
