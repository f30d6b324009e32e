"""``--fix``: repairs made in the text itself, as data first (edits), then applied.

Fixed: a JSON number where a string is required, quoted with its own digits (TTS103),
the known key aliases (TTS105: ``time`` → ``value``, ``say_as`` → ``say-as``...),
the canonical case of styles and silence types (TTS205), and canonical member
numbering (TTS106, TTS107, TTS108 and repeated keys, TTS502: members of one kind are
renumbered ``text``, ``text2``, ``text3`` in document order, which is spoken order).

One way through: :func:`plan_fixes` turns a loaded file and its problems into
:class:`Fix` values (text edits with ranges, each fix safe or unsafe); :func:`fix_source`
applies the chosen ones, loads the result once and verifies it. A language server or
``--diff`` can take the same fixes from :func:`plan_fixes` and apply them itself.

A fix is **safe** when a standard parser of the fixed file (``json.loads``, a YAML
loader that honours merge keys) reads a document that speaks the same as before.
Renumbering an object that repeats a key is **unsafe**: a standard parser keeps one of
the repeated members (``json.loads`` the last), and the fix makes every one of them
spoken (what the author meant, but a change of what is spoken). Unsafe fixes are
applied only when asked.
A key rename in a YAML mapping that takes part in a merge (``<<: *base``) changes which
keys the merge brings in, so it is not offered at all.

Each edit replaces one key or value token where the scanner or the YAML parser found
it, so indentation, key order, comments and everything else stay byte for byte. The
result must parse, must speak the same (the canonical reading of each prompt is
compared, see :func:`speech`), and must not gain any problem; fixes of a prompt that
fails this are dropped, and a file with nothing left to fix is left as it was.

>>> from ttsbuilder.lint.loaders import load_bytes
>>> result = fix_source(load_bytes(b'{"break": {"time": "2s"}}', "json"))
>>> result.text, [str(c) for c in result.changes]
('{"break": {"value": "2s"}}', ["1:12: TTS105 renamed 'time' to 'value'"])
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ttsbuilder.codec import member_name, split_member
from ttsbuilder.lint.check import LintOptions, check_source
from ttsbuilder.lint.loaders import Source, load_json, load_yaml
from ttsbuilder.lint.positions import CONTAINER, Member, Token
from ttsbuilder.model import KINDS
from ttsbuilder.problems import Problem, escape_pointer
from ttsbuilder.rules.common import ALIASES
from ttsbuilder.validation import detect

__all__ = [
    "FIXABLE",
    "Change",
    "Fix",
    "FixResult",
    "TextEdit",
    "apply_edits",
    "fix_source",
    "plan_fixes",
    "speech",
]

_RENUMBER = frozenset({"TTS106", "TTS107", "TTS108", "TTS502"})
_ALIAS = "TTS105"
_CASE = "TTS205"
_QUOTE = "TTS103"  # only a JSON number where a string is required: it is quoted

#: The codes ``--fix`` repairs.
FIXABLE: frozenset[str] = _RENUMBER | {_ALIAS, _CASE, _QUOTE}

_KEY_ALIASES = {**ALIASES, "time": "value"}
_CASED = ("style", "type")  # values whose case --fix canonicalizes


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace ``text[start:end]`` (code-point offsets in the decoded text) with ``new``.

    ``line`` and ``column`` (1-based) are where ``start`` is; ``old`` is the text replaced.
    """

    start: int
    end: int
    line: int
    column: int
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Change:
    """One repair: where (the original line and column), which rule, and what was done."""

    line: int
    column: int
    code: str
    description: str
    safe: bool = True

    def __str__(self) -> str:
        unsafe = "" if self.safe else " (unsafe)"
        return f"{self.line}:{self.column}: {self.code} {self.description}{unsafe}"


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits made together or not at all, the changes they make, and whether they are safe.

    ``pointer`` is the object (or member) repaired; ``prompt`` the prompt it belongs to.
    """

    pointer: str
    prompt: str
    safe: bool
    edits: tuple[TextEdit, ...]
    changes: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class FixResult:
    """The fixed text (None when nothing was changed), the changes made, and what is left.

    ``source`` and ``problems`` are the file as it is after the fix (every problem,
    whatever the selection); ``unsafe`` counts the changes left out because they are
    unsafe and were not asked for.
    """

    text: str | None
    changes: tuple[Change, ...] = ()
    source: Source | None = None
    problems: tuple[Problem, ...] = ()
    unsafe: int = 0


@dataclass
class _Round:
    source: Source
    problems: list[Problem]
    changes: list[Change] = field(default_factory=list)


_ROUNDS = 3
_ATTEMPTS = 3


def fix_source(
    source: Source,
    problems: Iterable[Problem] | None = None,
    options: LintOptions | None = None,
    *,
    unsafe: bool = False,
) -> FixResult:
    """Repair what can be repaired in ``source`` (see the module docstring).

    ``problems`` are all of the file's problems, whatever ``options`` selects (computed
    when omitted); only codes that ``options`` selects are fixed, and unsafe fixes only
    with ``unsafe``. A repair can uncover another (a ``say_as`` renamed ``say-as`` is then
    checked inside), so a few rounds are made, each one load and one check of the text.
    """
    options = options or LintOptions()
    everything = LintOptions(options.kind, options.profile)
    if problems is None:
        problems = check_source(source, everything)
    state = _Round(source, list(problems))
    skipped = 0
    prompts: list[str] | None = None  # the renames never move a prompt: found once
    for _ in range(_ROUNDS):
        if (
            not state.source.parsed
            or state.source.format == "ssml"  # fixes edit JSON or YAML text only
            or not any(p.code in FIXABLE and options.wants(p.code) for p in state.problems)
        ):
            break
        if prompts is None:
            prompts = _prompts(state.source.document, options.kind)
        fixes = _plan(state.source, state.problems, options, frozenset(prompts))
        chosen = [f for f in fixes if f.safe or unsafe]
        if not state.changes:
            skipped = sum(len(f.changes) for f in fixes if not f.safe and not unsafe)
        if not chosen:
            break
        after = _apply_verified(state.source, state.problems, chosen, everything, prompts)
        if after is None:
            break
        state = _Round(after.source, after.problems, state.changes + after.changes)
    if not state.changes:
        return FixResult(None, (), source, tuple(problems), skipped)
    return FixResult(
        state.source.text, tuple(state.changes), state.source, tuple(state.problems), skipped
    )


def apply_edits(text: str, edits: Iterable[TextEdit]) -> str:
    """``text`` with ``edits`` made; raises ValueError when two edits overlap.

    >>> apply_edits("ab cd", [TextEdit(3, 5, 1, 4, "cd", "x"), TextEdit(0, 1, 1, 1, "a", "A")])
    'Ab x'
    """
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.start < position:
            raise ValueError("overlapping edits")
        pieces.append(text[position : edit.start])
        pieces.append(edit.new)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


# --- planning ----------------------------------------------------------------------------


def plan_fixes(
    source: Source, problems: Iterable[Problem], options: LintOptions | None = None
) -> list[Fix]:
    """The fixes for ``problems`` of ``source`` (the codes ``options`` selects), unverified.

    One pass over the problems and one over the members: linear in the file's size.

    >>> from ttsbuilder.lint.loaders import load_bytes
    >>> source = load_bytes(b'{"text": "a", "text": "b"}', "json")
    >>> [(f.safe, [e.new for e in f.edits]) for f in plan_fixes(source, source.problems)]
    [(False, ['"text2"'])]
    """
    options = options or LintOptions()
    if not source.parsed or source.format == "ssml":  # fixes edit JSON or YAML text only
        return []
    problems = list(problems)
    if not any(p.code in FIXABLE and options.wants(p.code) for p in problems):
        return []
    return _plan(source, problems, options, frozenset(_prompts(source.document, options.kind)))


def _plan(
    source: Source, problems: list[Problem], options: LintOptions, prompts: frozenset[str]
) -> list[Fix]:
    wanted = [p for p in problems if p.code in FIXABLE and options.wants(p.code)]
    by_pointer = {m.pointer: m for m in source.members()}
    renumber: set[str] = set()
    renames: dict[str, str] = {}  # alias renames: pointer → new name
    cased: set[int] = set()
    fixes: list[Fix] = []
    for problem in wanted:
        member = by_pointer.get(problem.pointer)
        if problem.code in _RENUMBER:
            parent = problem.pointer.rpartition("/")[0]
            if _in_tree(parent, prompts):
                renumber.add(parent)
        elif problem.code == _ALIAS and member is not None and member.name in _KEY_ALIASES:
            renames[problem.pointer] = _KEY_ALIASES[member.name]
            renumber.add(problem.pointer.rpartition("/")[0])
        elif problem.code == _CASE and member is not None and isinstance(member.leaf, str):
            new = member.leaf.lower()
            edit = _token_edit(source, member.value, member.leaf, new)
            if edit is not None and edit.start not in cased:
                cased.add(edit.start)
                change = Change(edit.line, edit.column, _CASE, f"wrote {member.leaf!r} as {new!r}")
                prompt = _prompt_of(problem.pointer, prompts)
                fixes.append(Fix(problem.pointer, prompt, True, (edit,), (change,)))
        elif problem.code == _QUOTE and member is not None and type(member.leaf) in (int, float):
            quoted = _quote_edit(source, member)
            if quoted is not None:
                change = Change(
                    quoted.line, quoted.column, _QUOTE, f"wrote {quoted.old} as {quoted.new}"
                )
                prompt = _prompt_of(problem.pointer, prompts)
                fixes.append(Fix(problem.pointer, prompt, True, (quoted,), (change,)))
    # A repeated key can make two objects share a pointer: renumber each of them. A YAML
    # alias makes two pointers share an object: renumber it once.
    done = set(source.merging())  # renaming there changes what a YAML merge brings in
    for member in source.members():
        if member.leaf is CONTAINER and member.pointer in renumber:
            if member.value.start in done:
                continue
            done.add(member.value.start)
            fix = _renumber(source, member, renames, _prompt_of(member.pointer, prompts))
            if fix is not None:
                fixes.append(fix)
    return sorted(fixes, key=lambda f: f.edits[0].start)


def _prompts(document: object, kind: str) -> list[str]:
    """Pointers of the text_to_speech_option trees in ``document`` (roots only)."""
    found = detect(document) if kind == "auto" else [(kind, "")]
    if kind != "auto" and type(document) is list:
        found = [(kind, f"/{index}") for index in range(len(document))]
    suffix = {
        "tts": "",
        "play": "/text_to_speech_option",
        "dial-out": "/action_on_connect/play/text_to_speech_option",
    }
    return sorted({pointer + suffix[k] for k, pointer in found if k in suffix})


def _in_tree(pointer: str, prompts: frozenset[str]) -> bool:
    """Whether the object at ``pointer`` holds tree content (a root, prosody or express-as)."""
    while pointer not in prompts:
        parent, _, token = pointer.rpartition("/")
        if not pointer or split_member(token)[0] not in ("prosody", "express-as"):
            return False
        pointer = parent
    return True


def _prompt_of(pointer: str, prompts: frozenset[str]) -> str:
    """The prompt ``pointer`` is in (the nearest prompt pointer at or above it), or ''."""
    while pointer and pointer not in prompts:
        pointer = pointer.rpartition("/")[0]
    return pointer


def _renumber(source: Source, obj: Member, renames: dict[str, str], prompt: str) -> Fix | None:
    counts: dict[str, int] = {}
    edits: list[TextEdit] = []
    changes: list[Change] = []
    final: list[str] = []
    seen: set[str] = set()
    repeated = False
    for member in source.children(obj.value.start):
        old = member.name or ""
        name = renames.get(member.pointer, old)
        kind, suffix = split_member(name)
        if kind in KINDS and (suffix == "" or suffix.isdigit()):
            counts[kind] = counts.get(kind, 0) + 1
            name = member_name(kind, counts[kind])
        final.append(name)
        repeated = repeated or old in seen
        if name != old:
            assert member.key is not None
            edit = _token_edit(source, member.key, old, name)
            if edit is None:
                return None
            code = _rename_code(old, member.pointer in renames, repeated=old in seen)
            edits.append(edit)
            changes.append(Change(edit.line, edit.column, code, f"renamed {old!r} to {name!r}"))
        seen.add(old)
    if not edits or len(set(final)) != len(final):
        return None  # the object would still repeat a key: not a renumbering we can do
    if repeated:
        changes = [Change(c.line, c.column, c.code, c.description, safe=False) for c in changes]
    return Fix(obj.pointer, prompt, not repeated, tuple(edits), tuple(changes))


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


def _token_edit(source: Source, token: Token, old: str, new: str) -> TextEdit | None:
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
    return TextEdit(token.start, token.end, token.line, token.column, found, replacement)


def _quote_edit(source: Source, member: Member) -> TextEdit | None:
    """Write a number token as the string of its own digits (``1.5`` → ``"1.5"``)."""
    token = member.value
    found = source.text[token.start : token.end]
    if not found or found[0] not in "-0123456789" or not found.isprintable():
        return None
    return TextEdit(token.start, token.end, token.line, token.column, found, json.dumps(found))


# --- applying and verifying ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Applied:
    source: Source
    problems: list[Problem]
    changes: list[Change]


def _apply_verified(
    source: Source,
    problems: list[Problem],
    fixes: list[Fix],
    everything: LintOptions,
    prompts: list[str],
) -> _Applied | None:
    """Apply ``fixes``, load and check the result once; drop the prompts that fail.

    A prompt fails when it would speak differently (unsafe fixes are allowed to change
    the prompts they are in) or gain a problem of some code. Each attempt is one load
    and one check; after a few, the round gives up.
    """
    prompts = prompts or [""]
    where = frozenset(prompts)
    before_speech: dict[str, Any] | None = None
    before_counts = _counts(problems, where)
    for _ in range(_ATTEMPTS):
        if not fixes:
            return None
        try:
            text = apply_edits(source.text, (e for f in fixes for e in f.edits))
        except ValueError:
            return None
        fixed = load_json(text) if source.format == "json" else load_yaml(text)
        if not fixed.parsed or not _same_outside(source.document, fixed.document, where):
            return None
        if not all(f.safe for f in fixes) and not _same_leaves(source.members(), fixed.members()):
            return None  # an unsafe fix may change what is read, never what is written
        found = check_source(fixed, everything)
        if before_speech is None:
            before_speech = _speech_by_prompt(source.document, prompts)
        after_speech = _speech_by_prompt(fixed.document, prompts)
        changed_by_unsafe = {f.prompt for f in fixes if not f.safe}
        failing = {
            prompt
            for prompt in prompts
            if prompt not in changed_by_unsafe and before_speech[prompt] != after_speech[prompt]
        }
        failing.update(
            prompt
            for (prompt, code), n in _counts(found, where).items()
            if n > before_counts[prompt, code]
        )
        if not failing and len(found) < len(problems):
            changes = sorted(
                (c for f in fixes for c in f.changes), key=lambda c: (c.line, c.column)
            )
            return _Applied(fixed, found, changes)
        kept = [f for f in fixes if f.prompt not in failing]
        if len(kept) == len(fixes):
            return None  # nothing to blame (the problems did not go down): give up
        fixes = kept
    return None


def _counts(problems: Iterable[Problem], prompts: frozenset[str]) -> Counter[tuple[str, str]]:
    return Counter((_prompt_of(p.pointer, prompts), p.code) for p in problems)


def _speech_by_prompt(document: Any, prompts: Sequence[str]) -> dict[str, object]:
    """Each prompt's :func:`speech` (a fresh object where it cannot be read)."""
    found: dict[str, object] = {}
    for prompt in prompts:
        try:
            found[prompt] = speech(_resolve(document, prompt))
        except (LookupError, RecursionError):
            found[prompt] = object()  # unknown: equal to nothing, so never taken as the same
    return found


def _outside(document: Any, prompts: frozenset[str], pointer: str = "") -> Any:
    """``document`` with every prompt replaced by a placeholder (copied only down to them)."""
    if pointer in prompts:
        return _PROMPT
    if isinstance(document, dict):
        return {
            key: _outside(value, prompts, f"{pointer}/{escape_pointer(key)}")
            for key, value in document.items()
        }
    if isinstance(document, list):
        return [_outside(value, prompts, f"{pointer}/{i}") for i, value in enumerate(document)]
    return document


_PROMPT = object()


def _same_outside(before: Any, after: Any, prompts: frozenset[str]) -> bool:
    """Whether nothing outside the prompts changed (deep nesting counts as a change)."""
    try:
        return bool(_outside(before, prompts) == _outside(after, prompts))
    except RecursionError:
        return False


def _resolve(document: Any, pointer: str) -> Any:
    value = document
    for token in pointer.split("/")[1:] if pointer else ():
        token = token.replace("~1", "/").replace("~0", "~")
        value = value[int(token)] if isinstance(value, list) else value[token]
    return value


def speech(value: Any) -> list[tuple[Any, ...]]:
    """A canonical reading of a loaded document: equal readings speak the same.

    A flat list (so that neither reading nor comparing it recurses, however deep the
    document): objects and arrays open and close, members are named in document order,
    where aliases take their canonical name, content members drop their number (spoken
    order is document order, not suffix order), and style and type values are lower case.

    >>> speech({"text1": "Hi", "break": {"time": "1s"}}) == speech(
    ...     {"text": "Hi", "break": {"value": "1s"}})
    True
    >>> speech({"text": "a", "text2": "b"}) == speech({"text": "b"})
    False
    """
    said: list[tuple[Any, ...]] = []
    work: list[tuple[str | None, Any]] = [(None, value)]
    while work:
        name, item = work.pop()
        if item is _CLOSE:
            said.append(("end",))
            continue
        if name is not None:
            said.append(("member", name))
        if isinstance(item, dict):
            said.append(("object",))
            work.append((None, _CLOSE))
            work.extend(reversed([_canonical(key, child) for key, child in item.items()]))
        elif isinstance(item, list):
            said.append(("array",))
            work.append((None, _CLOSE))
            work.extend((None, child) for child in reversed(item))
        else:
            said.append(_leaf(item))
    return said


def _leaf(value: Any) -> tuple[str, Any]:
    """A scalar's reading: a number and a string of its digits (a quoted number) are alike."""
    if type(value) is str:
        number = _number_text(value)
        if number is not None:
            return ("number", number)
    elif type(value) in (int, float):
        return ("number", value)
    return (type(value).__name__, value)


def _number_text(text: str) -> int | float | None:
    if not text or text[0] not in "-0123456789":
        return None
    try:
        number = json.loads(text)
    except ValueError:
        return None
    return number if type(number) in (int, float) else None


_CLOSE = object()


def _canonical(key: Any, value: Any) -> tuple[str, Any]:
    name = _KEY_ALIASES.get(key, str(key))
    kind, suffix = split_member(name)
    if kind in KINDS and (suffix == "" or suffix.isdigit()):
        name = kind
    if name in _CASED and isinstance(value, str):
        value = value.lower()
    return name, value


def _same_leaves(before: list[Member], after: list[Member]) -> bool:
    """The same scalars in the text, in the same order; style and type compared without case.

    This reads every member, repeated keys included, so it holds for unsafe fixes too:
    no edit may touch a value other than by case.
    """
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
        if old.name not in _CASED or old.leaf.lower() != new.leaf.lower():
            return False
    return True
