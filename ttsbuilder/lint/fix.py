"""``--fix``: the repairs that cannot change what is spoken, made in the text itself.

Fixed: a JSON number where a string is required, quoted with its own digits (TTS103),
the known key aliases (TTS105: ``time`` → ``value``, ``say_as`` → ``say-as``...),
the canonical case of styles and silence types (TTS205), and canonical member
numbering (TTS106, TTS107, TTS108 and repeated keys, TTS502: members of one kind are
renumbered ``text``, ``text2``, ``text3`` in document order, which is spoken order).

Each repair edits one key or value token where the scanner or the YAML parser found
it, so indentation, key order, comments and everything else stay byte for byte. The
result must parse, must have the same scalar values in the same order (style and
type compared without case), and must not gain any problem; a group of edits that
fails is dropped, and a file with nothing safe to fix is left as it was.

>>> from ttsbuilder.lint.loaders import load_bytes
>>> result = fix_source(load_bytes(b'{"break": {"time": "2s"}}', "json"))
>>> result.text, [str(c) for c in result.changes]
('{"break": {"value": "2s"}}', ["1:12: TTS105 renamed 'time' to 'value'"])
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ttsbuilder.codec import member_name, split_member
from ttsbuilder.lint.check import LintOptions, check_source
from ttsbuilder.lint.loaders import Source, load_json, load_yaml
from ttsbuilder.lint.positions import CONTAINER, Member, Token
from ttsbuilder.model import KINDS
from ttsbuilder.problems import Problem
from ttsbuilder.rules.common import ALIASES
from ttsbuilder.validation import detect

__all__ = ["FIXABLE", "Change", "FixResult", "fix_source"]

_RENUMBER = frozenset({"TTS106", "TTS107", "TTS108", "TTS502"})
_ALIAS = "TTS105"
_CASE = "TTS205"
_QUOTE = "TTS103"  # only a JSON number where a string is required: it is quoted

#: The codes ``--fix`` repairs.
FIXABLE: frozenset[str] = _RENUMBER | {_ALIAS, _CASE, _QUOTE}

_KEY_ALIASES = {**ALIASES, "time": "value"}


@dataclass(frozen=True, slots=True)
class Change:
    """One repair: where (the original line and column), which rule, and what was done."""

    line: int
    column: int
    code: str
    description: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.code} {self.description}"


@dataclass(frozen=True, slots=True)
class FixResult:
    """The fixed text (None when nothing was changed) and the changes made."""

    text: str | None
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True, slots=True)
class _Edit:
    token: Token
    old: str
    new: str
    code: str
    description: str
    value: bool  # a value edit (compared without case), not a key rename


def fix_source(
    source: Source, problems: Iterable[Problem] | None = None, options: LintOptions | None = None
) -> FixResult:
    """Repair what can be repaired safely in ``source`` (see the module docstring).

    ``problems`` are the file's problems (computed when omitted); only codes that
    ``options`` selects are fixed. A repair can uncover another (a ``say_as`` renamed
    ``say-as`` is then checked inside), so a few rounds are made.
    """
    options = options or LintOptions()
    changes: list[Change] = []
    text: str | None = None
    for _ in range(_ROUNDS):
        result = _fix_once(source, problems, options)
        if result.text is None:
            break
        text = result.text
        changes.extend(result.changes)
        source = load_json(text) if source.format == "json" else load_yaml(text)
        problems = None
    return FixResult(text, tuple(changes))


_ROUNDS = 3


def _fix_once(
    source: Source, problems: Iterable[Problem] | None, options: LintOptions
) -> FixResult:
    if not source.parsed:
        return FixResult(None)
    everything = LintOptions(options.kind, options.profile)
    found: list[Problem] | None = None  # all the problems under ``everything``, once known
    if problems is None:
        problems = found = check_source(source, everything)
    wanted = [p for p in problems if p.code in FIXABLE and options.wants(p.code)]
    if not wanted:
        return FixResult(None)
    groups = _edit_groups(source, wanted, _tree_objects(source.document, options.kind))
    if not groups:
        return FixResult(None)
    if found is None:  # the given problems may be a selection: verifying compares them all
        found = check_source(source, everything)
    before = Counter(p.code for p in found)
    edits = [edit for group in groups for edit in group]
    text = _verified(source, edits, before, everything)
    if text is None and len(groups) > 1:
        # Keep each group that is safe on its own, then check them together once more.
        edits = [
            e for g in groups if _verified(source, g, before, everything) is not None for e in g
        ]
        text = _verified(source, edits, before, everything) if edits else None
    if text is None:
        return FixResult(None)
    changes = tuple(
        Change(e.token.line, e.token.column, e.code, e.description)
        for e in sorted(edits, key=lambda e: e.token.start)
    )
    return FixResult(text, changes)


def _tree_objects(document: object, kind: str) -> frozenset[str]:
    """Pointers of the text_to_speech_option trees in ``document`` (roots only)."""
    found = detect(document) if kind == "auto" else [(kind, "")]
    if kind != "auto" and type(document) is list:
        found = [(kind, f"/{index}") for index in range(len(document))]
    suffix = {
        "tts": "",
        "play": "/text_to_speech_option",
        "dial-out": "/action_on_connect/play/text_to_speech_option",
    }
    return frozenset(pointer + suffix[k] for k, pointer in found if k in suffix)


def _in_tree(pointer: str, roots: frozenset[str]) -> bool:
    """Whether the object at ``pointer`` holds tree content (a root, prosody or express-as)."""
    while pointer not in roots:
        parent, _, token = pointer.rpartition("/")
        if not pointer or split_member(token)[0] not in ("prosody", "express-as"):
            return False
        pointer = parent
    return True


def _edit_groups(
    source: Source, problems: list[Problem], roots: frozenset[str]
) -> list[list[_Edit]]:
    members = source.members()
    by_pointer = {m.pointer: m for m in members}
    renumber: set[str] = set()
    renames: dict[str, str] = {}  # alias renames: pointer → new name
    groups: list[list[_Edit]] = []
    for problem in problems:
        member = by_pointer.get(problem.pointer)
        if problem.code in _RENUMBER:
            parent = problem.pointer.rpartition("/")[0]
            if _in_tree(parent, roots):
                renumber.add(parent)
        elif problem.code == _ALIAS and member is not None and member.name in _KEY_ALIASES:
            renames[problem.pointer] = _KEY_ALIASES[member.name]
            renumber.add(problem.pointer.rpartition("/")[0])
        elif problem.code == _CASE and member is not None and isinstance(member.leaf, str):
            edit = _token_edit(
                source,
                member.value,
                member.leaf,
                member.leaf.lower(),
                _CASE,
                f"wrote {member.leaf!r} as {member.leaf.lower()!r}",
                value=True,
            )
            if edit is not None:
                groups.append([edit])
        elif problem.code == _QUOTE and member is not None and type(member.leaf) in (int, float):
            quoted = _quote_edit(source, member)
            if quoted is not None:
                groups.append([quoted])
    # A repeated key can make two objects share a pointer: renumber each of them.
    objects = {m.value.start: m for m in members if m.leaf is CONTAINER and m.pointer in renumber}
    for start in sorted(objects):
        group = _renumber(source, members, start, renames)
        if group:
            groups.append(group)
    return groups


def _renumber(
    source: Source, members: list[Member], parent: int, renames: dict[str, str]
) -> list[_Edit] | None:
    siblings = [m for m in members if m.key is not None and m.parent == parent]
    counts: dict[str, int] = {}
    edits: list[_Edit] = []
    final: list[str] = []
    seen: set[str] = set()
    for member in siblings:
        old = member.name or ""
        name = renames.get(member.pointer, old)
        kind, suffix = split_member(name)
        if kind in KINDS and (suffix == "" or suffix.isdigit()):
            counts[kind] = counts.get(kind, 0) + 1
            name = member_name(kind, counts[kind])
        final.append(name)
        if name != old:
            assert member.key is not None
            code = _rename_code(old, member.pointer in renames, repeated=old in seen)
            edit = _token_edit(
                source, member.key, old, name, code, f"renamed {old!r} to {name!r}", value=False
            )
            if edit is None:
                return None
            edits.append(edit)
        seen.add(old)
    if len(set(final)) != len(final):
        return None  # the object would still repeat a key: not a renumbering we can do
    return edits


def _rename_code(old: str, alias: bool, *, repeated: bool) -> str:
    """The rule a rename repairs, for the report."""
    suffix = split_member(old)[1]
    if alias:
        return _ALIAS
    if repeated:
        return "TTS502"
    if suffix == "1":
        return "TTS106"
    return "TTS107" if suffix.startswith("0") else "TTS108"


def _token_edit(
    source: Source, token: Token, old: str, new: str, code: str, description: str, *, value: bool
) -> _Edit | None:
    """An edit replacing ``old`` by ``new`` at ``token``, or None when the token is not plain."""
    found = source.text[token.start : token.end]
    if source.format == "json":
        try:
            if json.loads(found) != old:
                return None
        except ValueError:
            return None
        replacement = json.dumps(new, ensure_ascii=False)
    elif found == old:
        replacement = new  # a plain YAML scalar; our new names and lowercase values stay plain
    elif len(found) == len(old) + 2 and found[0] == found[-1] and found[0] in "\"'":
        if found[1:-1] != old:
            return None
        replacement = found[0] + new + found[0]
    else:
        return None  # a block scalar, escapes or a multi-line key: leave it to a person
    return _Edit(token, found, replacement, code, description, value)


def _quote_edit(source: Source, member: Member) -> _Edit | None:
    """Write a number token as the string of its own digits (``1.5`` → ``"1.5"``)."""
    found = source.text[member.value.start : member.value.end]
    if not found or found[0] not in "-0123456789" or not found.isprintable():
        return None
    new = json.dumps(found)
    return _Edit(member.value, found, new, _QUOTE, f"wrote {found} as {new}", True)


def _apply(text: str, edits: list[_Edit]) -> str | None:
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: e.token.start):
        if edit.token.start < position:
            return None
        pieces.append(text[position : edit.token.start])
        pieces.append(edit.new)
        position = edit.token.end
    pieces.append(text[position:])
    return "".join(pieces)


def _verified(
    source: Source, edits: list[_Edit], before: Counter[str], everything: LintOptions
) -> str | None:
    """The edited text if it is safe (see the module docstring), else None.

    ``before`` counts the codes of all of ``source``'s problems under ``everything``.
    """
    text = _apply(source.text, edits)
    if text is None:
        return None
    fixed = load_json(text) if source.format == "json" else load_yaml(text)
    if not fixed.parsed or not _same_speech(source.members(), fixed.members()):
        return None
    after = Counter(p.code for p in check_source(fixed, everything))
    if any(after[code] > before[code] for code in after) or after == before:
        return None
    return text


def _number_text(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _same_speech(before: list[Member], after: list[Member]) -> bool:
    """The same scalar values in the same order; style and type values compared without case."""
    if len(before) != len(after):
        return False
    for old, new in zip(before, after, strict=True):
        if old.leaf is CONTAINER or new.leaf is CONTAINER:
            if old.leaf is not new.leaf:
                return False
            continue
        if old.leaf == new.leaf and type(old.leaf) is type(new.leaf):
            continue
        if type(old.leaf) in (int, float) and type(new.leaf) is str:
            if _number_text(new.leaf) == old.leaf:
                continue  # a number quoted: the same text is spoken
            return False
        if not (isinstance(old.leaf, str) and isinstance(new.leaf, str)):
            return False
        if old.name not in ("style", "type") or old.leaf.lower() != new.leaf.lower():
            return False
    return True
