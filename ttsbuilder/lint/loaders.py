"""Loaders: file bytes → the document in them, or the source problems that stop it.

One loader per file type behind one interface: :func:`load_json` and
:func:`load_yaml` take the decoded text and return a :class:`Source`;
:func:`load_bytes` decodes (not UTF-8 → TTS503, empty → TTS504) and dispatches on
the format. Nothing here raises: a parser's complaint becomes a problem with the
parser's line, column and message (a JSON trailing comma excepted: Pythons disagree).

>>> source = load_bytes(b'{"text": "Hi", "text": "there"}', "json")
>>> [(p.code, p.line, p.column, p.hint) for p in source.problems]
[('TTS502', 1, 16, "rename it 'text2'")]
>>> source.document
{'text': 'there'}
"""

from __future__ import annotations

import json
import math
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from ttsbuilder.codec import json_int, member_name, split_member
from ttsbuilder.lint.positions import (
    Member,
    PositionMap,
    by_parent,
    locate_json,
    scan_json,
    yaml_members,
)
from ttsbuilder.lint.yaml_breaks import readable, restore
from ttsbuilder.model import KINDS
from ttsbuilder.problems import Problem, escape_pointer
from ttsbuilder.rules.common import ALIASES
from ttsbuilder.rules.source import (
    EMPTY_FILE,
    MERGE_ORDER,
    NOT_JSON_VALUE,
    NOT_UTF8,
    REPEATED_KEY,
    SYNTAX_ERROR,
    TOO_COMPLEX,
)

__all__ = [
    "FORMATS",
    "NOTHING",
    "Format",
    "Source",
    "format_for",
    "load_bytes",
    "load_json",
    "load_yaml",
]

Format = Literal["json", "yaml", "ssml"]

#: File name endings and the format each is read as.
FORMATS: dict[str, Format] = {
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".ssml": "ssml",
    ".xml": "ssml",
}

#: ``Source.document`` of a file that could not be parsed.
NOTHING: Any = type("Nothing", (), {"__repr__": lambda self: "NOTHING"})()

#: YAML aliases may expand to at most this many values (a "billion laughs" guard).
MAX_YAML_VALUES = 100_000


@dataclass(eq=False)
class Source:
    """A loaded file: its text, the document (or :data:`NOTHING`), and its source problems.

    The member list and the position map are built on first use only, by
    :mod:`ttsbuilder.lint.positions` (the one owner of positions), and kept.
    """

    format: Format
    text: str
    document: Any = NOTHING
    problems: list[Problem] = field(default_factory=list)
    bom: bool = False
    #: The document is the list of a YAML stream's several documents.
    stream: bool = False
    _scan: Callable[[], tuple[list[Member], frozenset[int]]] | None = None
    _members: list[Member] | None = None
    _merging: frozenset[int] = frozenset()
    _children: dict[int, list[Member]] | None = None
    _map: PositionMap | None = None

    @property
    def parsed(self) -> bool:
        """True when the file held a document (it may still have problems)."""
        return self.document is not NOTHING

    def members(self) -> list[Member]:
        """Every member of the file in document order (computed once, on demand)."""
        if self._members is None:
            if self._scan is None:
                self._members = []
            else:
                self._members, self._merging = self._scan()
        return self._members

    def children(self, parent: int) -> list[Member]:
        """The keyed members of the object that starts at offset ``parent``, in order."""
        if self._children is None:
            self._children = by_parent(self.members())
        return self._children.get(parent, [])

    def merging(self) -> frozenset[int]:
        """Start offsets of the YAML mappings in a merge (see ``yaml_members``)."""
        self.members()
        return self._merging

    def locate(self, pointer: str) -> tuple[int, int]:
        """The 1-based (line, column) of ``pointer`` in this file."""
        if self._map is None:
            self._map = PositionMap(self.members())
        return self._map.locate(pointer)

    def locate_many(self, pointers: list[str]) -> list[tuple[int, int]]:
        """The positions of several pointers at once.

        A parsed JSON file with no member map yet is searched for just these pointers
        (:func:`~ttsbuilder.lint.positions.locate_json`): a large catalog with a few
        problems then costs about one more parse instead of a map of every member.
        """
        if not pointers:
            return []
        if self._map is None and self._members is None and self.format == "json" and self.parsed:
            found = locate_json(self.text, pointers)
            return [found[pointer] for pointer in pointers]
        return [self.locate(pointer) for pointer in pointers]


def format_for(path: str) -> Format | None:
    """The format a file name implies, or None for other endings.

    >>> format_for("prompts/welcome.yml"), format_for("notes.txt")
    ('yaml', None)
    """
    dot = path.rfind(".")
    return FORMATS.get(path[dot:].lower()) if dot >= 0 else None


def sniff_format(data: bytes) -> Format:
    """The format of standard input: JSON, SSML (it opens a tag) or else YAML.

    >>> sniff_format(b'  {"text": "Hi"}'), sniff_format(b"<speak/>"), sniff_format(b"text: Hi")
    ('json', 'ssml', 'yaml')
    >>> sniff_format("<speak/>".encode("utf-16"))
    'ssml'
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its byte order mark
        opening = data[:256].decode("utf-16", "replace").lstrip(" \t\r\n\ufeff")
        if opening[:1] == "<":
            return "ssml"
    stripped = data.lstrip(b" \t\r\n\xef\xbb\xbf")
    if stripped[:1] == b"<":
        return "ssml"
    return "json" if stripped[:1] in (b"{", b"[", b'"') else "yaml"


def load_bytes(data: bytes, format: Format) -> Source:
    """Decode ``data`` as UTF-8 and load it as ``format`` (``json`` or ``yaml``).

    ``ssml`` files are read in the encoding they declare, by
    :func:`ttsbuilder.lint.ssml_files.load_ssml`.
    """
    if format == "ssml":
        from ttsbuilder.lint.ssml_files import load_ssml  # it builds on this module

        return load_ssml(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        problem = NOT_UTF8.problem(
            "",
            f"the file is not UTF-8: byte 0x{data[exc.start]:02X} at offset {exc.start}",
            "save the file as UTF-8",
        )
        return Source(format, "", problems=[problem.at(line, column)])
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    if not text.strip():
        problem = EMPTY_FILE.problem("", "the file is empty: there is no prompt in it")
        return Source(format, text, problems=[problem.at(1, 1)], bom=bom)
    source = load_json(text) if format == "json" else load_yaml(text)
    source.bom = bom
    return source


# --- JSON ------------------------------------------------------------------------------


class _Constant(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _Constant(name)


def load_json(text: str) -> Source:
    """Load JSON text, finding what ``json.loads`` hides: repeated keys, NaN and Infinity."""
    repeated = False

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeated
        members = dict(pairs)
        if len(members) != len(pairs):
            repeated = True
        return members

    source = Source("json", text)
    source._scan = lambda: (scan_json(text)[0], frozenset())
    try:
        source.document = json.loads(
            text,
            object_pairs_hook=pairs_hook,
            parse_constant=_refuse_constant,
            parse_int=json_int,
        )
    except json.JSONDecodeError as exc:
        trailing = _trailing_comma(text, exc.pos)
        if trailing is not None:
            comma, end = trailing
            message = f"not valid JSON: Illegal trailing comma before end of {end}"
            problem = SYNTAX_ERROR.problem("", message, "remove the trailing comma")
            source.problems.append(problem.at(*_line_column(text, comma)))
            return source
        why = exc.msg.removesuffix(" at")  # "Invalid control character at": its place is ours
        problem = SYNTAX_ERROR.problem("", f"not valid JSON: {why}", _json_hint(exc))
        source.problems.append(problem.at(exc.lineno, exc.colno))
        return source
    except _Constant as exc:
        line, column = _find_constant(text)
        problem = SYNTAX_ERROR.problem(
            "", f"not valid JSON: {exc} is not a JSON value", "write a number or a string"
        )
        source.problems.append(problem.at(line, column))
        return source
    except RecursionError:
        problem = TOO_COMPLEX.problem("", "the JSON nests too deeply for the parser")
        source.problems.append(problem.at(1, 1))
        return source
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        source.problems.append(SYNTAX_ERROR.problem("", f"not valid JSON: {exc}").at(1, 1))
        return source
    if repeated:
        members, repeats = scan_json(text)
        source._members = members
        numbers = _kind_numbers(source, {member.parent for member in repeats})
        for member in repeats:
            name, line, column = member.name or "", member.line, member.column
            number = numbers[id(member)]
            source.problems.append(_repeated(name, member.pointer, number, line, column))
    return source


_SPACE = " \t\n\r"  # what JSON allows between tokens
_CLOSER = re.compile(f"[{_SPACE}]*[}}\\]]")


def _trailing_comma(text: str, error: int) -> tuple[int, str] | None:
    """A comma just before a closing bracket where the parser stopped: its offset, and
    whether it ends an ``object`` or an ``array``.

    The parsers disagree: Python 3.13's points at the comma ("Illegal trailing comma before
    end of object"), 3.10 to 3.12's at the bracket after it ("Expecting property name
    enclosed in double quotes", "Expecting value"). Found here, the problem reads the
    same, at the comma, on every Python.
    """
    comma = error
    if text[error : error + 1] in ("}", "]"):
        comma = error - 1
        while comma >= 0 and text[comma] in _SPACE:
            comma -= 1
    closer = _CLOSER.match(text, comma + 1) if text[comma : comma + 1] == "," else None
    value = comma - 1  # a trailing comma follows a value: `{"a":,}` lacks one instead
    while value >= 0 and text[value] in _SPACE:
        value -= 1
    if comma < 0 or closer is None or value < 0 or text[value] in ":,[{":
        return None
    return comma, "object" if closer.group().endswith("}") else "array"


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, counted as ``json`` counts them."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _json_hint(exc: json.JSONDecodeError) -> str | None:
    if exc.doc[exc.pos : exc.pos + 2] in ("//", "/*"):
        return "JSON has no comments: remove them"
    if exc.msg.startswith("Invalid control character"):
        return "write it as an escape such as \\t or \\u0001, or remove it"
    return None


def _find_constant(text: str) -> tuple[int, int]:
    for member in scan_json(text)[0]:
        if isinstance(member.leaf, float) and not math.isfinite(member.leaf):
            return member.value.line, member.value.column
    return 1, 1


def _repeated(name: str, pointer: str, number: int, line: int, column: int) -> Problem:
    """The TTS502 problem for a repeated key, with the canonical name as its hint.

    ``number`` counts the keys of its kind in its object up to and including it: a
    content member's canonical name is its number among the members of its kind.
    """
    kind, _ = split_member(name)
    hint: str | None = None
    if kind in KINDS:
        hint = f"rename it {member_name(kind, number)!r}"
    problem = REPEATED_KEY.problem(
        pointer, f"key {name!r} appears twice in one object (speech would be lost)", hint
    )
    return problem.at(line, column)


def _kind_numbers(source: Source, parents: Iterable[int]) -> dict[int, int]:
    """For each member of the objects at ``parents``: its number among its kind, by id."""
    numbers: dict[int, int] = {}
    for parent in parents:
        counts: Counter[str] = Counter()
        for member in source.children(parent):
            kind = split_member(member.name or "")[0]
            counts[kind] += 1
            numbers[id(member)] = counts[kind]
    return numbers


# --- YAML ------------------------------------------------------------------------------

_CORE = "tag:yaml.org,2002:"


class _TooComplex(Exception):
    pass


_EXPANDS = f"the YAML aliases expand to more than {MAX_YAML_VALUES:,} values"


def load_yaml(text: str) -> Source:
    """Load YAML text with ruamel.yaml: positions and repeated keys from the composed nodes.

    Several documents in one stream are a catalog (a list). Aliases are followed with a
    budget, so a "billion laughs" file is a problem, not an exhausted machine.
    """
    from ruamel.yaml import YAML

    source = Source("yaml", text)
    if _flow_too_deep(text):
        source.problems.append(TOO_COMPLEX.problem("", "the YAML nests too deeply").at(1, 1))
        return source
    read, back = readable(text)  # NEL, LS and PS are no line breaks (YAML 1.2)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            roots = list(YAML(typ="safe", pure=True).compose_all(read))
    except RecursionError:
        source.problems.append(TOO_COMPLEX.problem("", "the YAML nests too deeply").at(1, 1))
        return source
    except Exception as exc:  # a third-party parser on arbitrary text: any failure is a finding
        source.problems.append(_yaml_syntax(exc))
        return source
    if back is not None:
        restore(roots, back)
    source._scan = lambda: yaml_members(roots, text)
    builder = _YamlBuilder(source.problems)
    try:
        documents = [
            builder.build(root, f"/{i}" if len(roots) > 1 else "") for i, root in enumerate(roots)
        ]
    except (_TooComplex, RecursionError) as exc:
        reason = str(exc) or "the YAML nests too deeply"
        source.problems.append(TOO_COMPLEX.problem("", reason).at(1, 1))
        return source
    source.document = documents[0] if len(documents) == 1 else (documents or None)
    source.stream = len(documents) > 1
    return source


#: Flow collections (``[`` and ``{``) open inside each other beyond this depth are
#: refused before ruamel.yaml reads them: its scanner's time grows with the square of
#: the depth (3,000 ``[`` in a row: 4 s) before its parser gives up at Python's
#: recursion limit anyway. A prompt nests far less (TTS111 stops at 16 levels).
MAX_FLOW_DEPTH = 256

_FLOW = re.compile(r"""\"(?:[^"\\]|\\.)*\"?|'(?:[^']|'')*'?|(?:^|(?<=\s))#[^\n]*|[\[\]{}]""", re.M)


def _flow_too_deep(text: str) -> bool:
    """Whether ``text`` opens flow collections deeper than :data:`MAX_FLOW_DEPTH`.

    Quoted scalars and comments are skipped; a bracket in a plain scalar is counted, which
    can only make the depth seem larger, and only a text with hundreds of unclosed
    brackets reaches the limit.

    >>> _flow_too_deep("a: [" * 300), _flow_too_deep('a: "' + "[" * 300 + '"')
    (True, False)
    """
    if text.count("[") + text.count("{") <= MAX_FLOW_DEPTH:
        return False
    depth = 0
    for token in _FLOW.finditer(text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            if depth > MAX_FLOW_DEPTH:
                return True
        elif mark in "]}":
            depth = max(depth - 1, 0)
    return False


def _yaml_syntax(exc: Exception) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem_text = getattr(exc, "problem", None)
    context = getattr(exc, "context", None)
    if problem_text:
        message = f"{context}: {problem_text}" if context else str(problem_text)
    else:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    problem = SYNTAX_ERROR.problem("", f"not valid YAML: {message}")
    if mark is not None and isinstance(getattr(mark, "line", None), int):
        return problem.at(mark.line + 1, mark.column + 1)
    return problem.at(1, 1)


class _YamlBuilder:
    """Composed YAML nodes → JSON values, reporting what JSON cannot carry."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.built: dict[int, Any] = {}
        self.building: set[int] = set()
        self.count = 0
        self.sizes: dict[int, int] = {}

    def report(self, node: Any, pointer: str, message: str, hint: str | None = None) -> None:
        mark = node.start_mark
        problem = NOT_JSON_VALUE.problem(pointer, message, hint)
        self.problems.append(problem.at(mark.line + 1, mark.column + 1))

    def build(self, node: Any, pointer: str) -> Any:
        key = id(node)
        if key in self.building:
            raise _TooComplex("a YAML alias refers to a value that contains it")
        self._spend(1)
        if key in self.built:
            # Count the values an alias stands for, so repeated aliases hit the budget.
            self._spend(self._size(node))
            return self.built[key]
        self.building.add(key)
        try:
            value = self._build(node, pointer)
        finally:
            self.building.discard(key)
        self.built[key] = value
        return value

    def _spend(self, values: int) -> None:
        self.count += values
        if self.count > MAX_YAML_VALUES:
            raise _TooComplex(_EXPANDS)

    def _size(self, node: Any) -> int:
        sizes = self.sizes
        key = id(node)
        if key not in sizes:
            if node.id == "mapping":
                sizes[key] = sum(1 + self._size(v) for _, v in node.value)
            elif node.id == "sequence":
                sizes[key] = sum(1 + self._size(v) for v in node.value)
            else:
                sizes[key] = 0
            if sizes[key] > MAX_YAML_VALUES:
                raise _TooComplex(_EXPANDS)
        return sizes[key]

    def _build(self, node: Any, pointer: str) -> Any:
        tag = str(getattr(node.tag, "value", node.tag))
        if node.id == "scalar":
            return self._scalar(node, tag, pointer)
        if node.id == "sequence":
            if tag != _CORE + "seq":
                self.report(node, pointer, f"YAML tag {tag!r} has no JSON equivalent")
            return [self.build(item, f"{pointer}/{i}") for i, item in enumerate(node.value)]
        if tag != _CORE + "map":
            self.report(node, pointer, f"YAML tag {tag!r} has no JSON equivalent")
        return self._mapping(node, pointer)

    def _mapping(self, node: Any, pointer: str) -> dict[str, Any]:
        """A mapping's members; merged ones (``<<``) where the merge key is.

        Values follow YAML's merge rules (a key of the mapping wins over a merged one, an
        earlier merged mapping over a later one); each key takes the place where it first
        appears. Loaders disagree on that order, so spoken members from more than one
        mapping are reported (TTS508).
        """
        own: dict[str, Any] = {}
        entries: list[str | list[dict[str, Any]]] = []  # a key's name, or merged mappings
        seen: dict[str, Any] = {}
        kinds: Counter[str] = Counter()
        for key_node, value_node in node.value:
            key_tag = str(getattr(key_node.tag, "value", key_node.tag))
            if key_node.id == "scalar" and key_tag == _CORE + "merge":
                entries.append(self._merge_sources(value_node, pointer))
                continue
            if key_node.id != "scalar":
                self.report(
                    key_node, pointer, "a YAML mapping or sequence as a key has no JSON equivalent"
                )
                continue
            name = str(key_node.value)
            at = f"{pointer}/{escape_pointer(name)}"
            kinds[split_member(name)[0]] += 1
            if name in seen:
                mark = key_node.start_mark
                number = kinds[split_member(name)[0]]
                self.problems.append(_repeated(name, at, number, mark.line + 1, mark.column + 1))
            seen[name] = key_node
            # Like json.loads: the last value wins, at the first occurrence's place.
            own[name] = self.build(value_node, at)
            entries.append(name)
        members: dict[str, Any] = {}
        spoken_from: set[int] = set()  # 0: the mapping itself, n: its n-th merged mapping
        merged = 0
        for entry in entries:
            if isinstance(entry, str):
                if entry not in members:
                    members[entry] = own[entry]
                    spoken_from.update([0] if _spoken(entry) else [])
                continue
            for source in entry:
                merged += 1
                for name, value in source.items():
                    if name not in members:
                        members[name] = own.get(name, value)
                        spoken_from.update([0 if name in own else merged] if _spoken(name) else [])
        if len(spoken_from) > 1:
            mark = node.start_mark
            problem = MERGE_ORDER.problem(
                pointer,
                "a YAML merge mixes spoken members from more than one mapping: their order "
                "depends on the YAML loader",
                "write the spoken members out in this mapping; merge only attributes",
            )
            self.problems.append(problem.at(mark.line + 1, mark.column + 1))
        return members

    def _merge_sources(self, node: Any, pointer: str) -> list[dict[str, Any]]:
        items = node.value if node.id == "sequence" else [node]
        sources = []
        for item in items:
            built = self.build(item, pointer)
            if isinstance(built, dict):
                sources.append(built)
            else:
                self.report(item, pointer, "a YAML merge key ('<<') takes a mapping")
        return sources

    def _scalar(self, node: Any, tag: str, pointer: str) -> Any:
        text: str = node.value
        if tag == _CORE + "str":
            return text
        if tag == _CORE + "null":
            return None
        if tag == _CORE + "bool":
            return text.lower() == "true"
        if tag == _CORE + "int":
            number = _yaml_int(text)
            return text if number is None else number
        if tag == _CORE + "float":
            try:
                value = float(text.replace("_", ""))
            except ValueError:
                value = math.nan
            if math.isfinite(value):
                return value
            self.report(node, pointer, f"YAML reads {text!r} as a number JSON cannot carry")
            return text
        if tag == _CORE + "timestamp":
            self.report(
                node,
                pointer,
                f"YAML reads {text!r} as a date or time, not a string",
                f"quote it: '{text}'",
            )
            return text
        self.report(node, pointer, f"YAML tag {tag!r} has no JSON equivalent", "remove the tag")
        return text


def _spoken(name: str) -> bool:
    """Whether a member named ``name`` is spoken content (its place is its spoken order)."""
    kind = split_member(name)[0]
    return kind in KINDS or kind in ALIASES


def _yaml_int(text: str) -> int | float | None:
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    try:
        if digits[:2] in ("0x", "0X"):
            return sign * int(digits[2:], 16)
        if digits[:2] in ("0o", "0O"):
            return sign * int(digits[2:], 8)
        if digits[:2] in ("0b", "0B"):
            return sign * int(digits[2:], 2)
        if len(digits) > 1 and digits.startswith("0"):
            return sign * int(digits, 8)  # ruamel resolves 017 as octal
        return sign * json_int(digits)  # past 4300 digits: infinite, as in JSON
    except ValueError:
        return None
