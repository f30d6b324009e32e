"""Which files to lint: the paths given, the walk of directories, and which hold a prompt.

A directory walk honours ``.gitignore`` (see :mod:`ttsbuilder.lint.ignore`), skips
hidden directories, virtual environments, ``node_modules``, caches and build output
(:data:`DEFAULT_EXCLUDE`), and the ``exclude`` globs. A file found by the walk is
checked only when it holds a prompt (:func:`holds_prompt`); a file named on the command
line is checked whatever it holds.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> for name in ("hi.json", "node_modules/x.json"):
...     os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
...     with open(os.path.join(folder, name), "w") as f:
...         _ = f.write('{"text": "Hello"}')
>>> [(os.path.basename(f.path), f.named) for f in find([folder])]
[('hi.json', False)]
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ttsbuilder.detection import API_KEYS, MARKERS, NEEDED_KEYS
from ttsbuilder.detection import holds_prompt as document_holds_prompt
from ttsbuilder.lint.config import ConfigError
from ttsbuilder.lint.ignore import IgnoreStack, stack_for
from ttsbuilder.lint.loaders import FORMATS, Format, Source, format_for, load_bytes

__all__ = [
    "DEFAULT_EXCLUDE",
    "DEFAULT_INCLUDE",
    "Found",
    "discover",
    "find",
    "holds_prompt",
    "may_hold_prompt",
    "mentions_prompt",
    "prompt_source",
]

#: Directories are searched for files matching these globs: the endings lint reads
#: (:data:`~ttsbuilder.lint.loaders.FORMATS`), in any case (``Welcome.JSON`` too, as a
#: file named on the command line is read); globs of one's own match case as written.
DEFAULT_INCLUDE: tuple[str, ...] = tuple(f"*{ending}" for ending in FORMATS)

#: Directories never searched (hidden ones, ``.git`` and ``.venv`` included, are
#: skipped too, and so is any directory holding ``pyvenv.cfg`` or ``conda-meta``: a
#: virtual environment whatever its name). A directory named on the command line is
#: searched all the same.
DEFAULT_EXCLUDE: tuple[str, ...] = (
    "node_modules",
    "bower_components",
    "__pycache__",
    "__pypackages__",
    "site-packages",
    "venv",
    "build",
    "dist",
    "_build",
    "buck-out",
    "htmlcov",
    "*.egg-info",
)

_ENVIRONMENT_FILES = ("pyvenv.cfg", "conda-meta")


@dataclass(frozen=True, slots=True)
class Found:
    """A file to lint; ``named``: given on the command line rather than found in a folder."""

    path: str
    named: bool


def matches_glob(path: str, patterns: Sequence[str]) -> bool:
    """Whether ``path`` matches a glob by its name or by its path (``*`` also matches ``/``).

    The one matcher of ``include``, ``exclude`` and ``per-file-ignores``.

    >>> matches_glob("./prompts/legacy/a.json", ["prompts/legacy/*"])
    True
    >>> matches_glob("b/a.json", ["a.*"])
    True
    """
    posix = path.replace(os.sep, "/")
    while posix.startswith("./"):
        posix = posix[2:]
    name = posix.rsplit("/", 1)[-1]
    return any(
        fnmatch.fnmatchcase(name, p) or fnmatch.fnmatchcase(posix, p.lstrip("/")) for p in patterns
    )


def find(
    paths: Sequence[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
) -> list[Found]:
    """The files to lint: ``paths`` themselves, and ``include`` matches under directories.

    ``exclude`` globs drop files (named ones too, so a pre-commit hook honours them) and
    prune directories (by name or by path). ``-`` stands for standard input. A file
    named twice (``a.json dir/``) is linted once. A path that does not exist or a
    directory that cannot be read raises :class:`ConfigError`.
    """
    files: list[Found] = []
    for path in paths:
        if path == "-":
            files.append(Found(path, True))
        elif os.path.isdir(path):
            files.extend(Found(f, False) for f in _walk(path, include, exclude))
        elif os.path.exists(path):
            if not matches_glob(path, exclude):
                files.append(Found(path, True))
        else:
            raise ConfigError(f"{path}: no such file or directory")
    return _once(files)


def discover(
    paths: Sequence[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
) -> list[str]:
    """The paths of :func:`find`."""
    return [found.path for found in find(paths, include, exclude)]


def _once(files: list[Found]) -> list[Found]:
    # Twice the same file would be reported (and fixed) twice; twice "-" would read an
    # exhausted standard input the second time. Named wins: it keeps today's checks.
    first: dict[str, int] = {}
    unique: list[Found] = []
    for found in files:
        path = found.path
        key = path if path == "-" else os.path.normcase(os.path.realpath(path))
        if key not in first:
            first[key] = len(unique)
            unique.append(found)
        elif found.named:
            unique[first[key]] = Found(unique[first[key]].path, True)
    return unique


def _skipped_folder(folder: str, name: str) -> bool:
    if name.startswith(".") or matches_glob(name, DEFAULT_EXCLUDE):
        return True
    return any(os.path.exists(os.path.join(folder, name, f)) for f in _ENVIRONMENT_FILES)


def _walk(top: str, include: Sequence[str], exclude: Sequence[str]) -> list[str]:
    found: list[str] = []
    default = tuple(include) == DEFAULT_INCLUDE  # its endings match in any case

    def fail(error: OSError) -> None:
        raise ConfigError(f"{error.filename}: cannot read the directory: {error.strerror}")

    stack, root = stack_for(top)
    base = os.path.relpath(os.path.abspath(top), root).replace(os.sep, "/")
    stacks: dict[str, tuple[IgnoreStack, str]] = {top: (stack, "" if base == "." else base)}
    for folder, dirs, names in os.walk(top, onerror=fail):
        stack, here = stacks.pop(folder)
        kept = []
        for name in sorted(dirs):
            path = os.path.join(folder, name)
            relative = f"{here}/{name}" if here else name
            if _skipped_folder(folder, name) or matches_glob(path, exclude):
                continue
            if stack.ignored(relative, True):
                continue
            kept.append(name)
            if os.path.exists(os.path.join(path, ".git")):  # a nested repository starts afresh
                stacks[path] = stack_for(path)[0], ""
            else:
                stacks[path] = stack.entering(path, relative), relative
        dirs[:] = kept
        for name in sorted(names):
            path = os.path.normpath(os.path.join(folder, name))
            relative = f"{here}/{name}" if here else name
            if (
                (format_for(name) is not None if default else matches_glob(path, include))
                and not matches_glob(path, exclude)
                and not stack.ignored(relative, False)
                and os.path.isfile(path)  # not a FIFO or a device that happens to match
            ):
                found.append(path)
    return found


def holds_prompt(data: bytes, source: Source) -> bool:
    """Whether a file, loaded as ``source`` from ``data``, holds a prompt.

    A parsed file: :func:`ttsbuilder.detection.holds_prompt` of its document (and, in
    YAML, of the schema its ``# yaml-language-server: $schema=`` line names). A file that
    could not be parsed (a syntax error, not UTF-8, too deep) holds one when its bytes
    contain a key only prompts use (:data:`ttsbuilder.detection.MARKERS`), so a broken
    prompt file is still reported and a broken ``tsconfig.json`` is not. A file in UTF-16
    or UTF-32 is judged by what it holds, read in its encoding (and then reported as not
    UTF-8). An empty file holds none. An SSML file (``.ssml``, ``.xml``) holds one when
    its root element is ``speak``, parsed or not: a broken ``<speak>`` document is
    reported, a ``pom.xml`` is not.
    """
    if source.format == "ssml":
        from ttsbuilder.lint.ssml_files import speaks  # lxml, only for SSML files

        return speaks(data)
    wide = None if source.parsed else _in_utf8(data)
    if wide is not None:
        data, source = wide, load_bytes(wide, source.format)
    if source.parsed:
        schema = _modeline_schema(source.text) if source.format == "yaml" else None
        return document_holds_prompt(source.document, stream=source.stream, schema=schema)
    if mentions_prompt(data):
        return True
    if source.format != "json" or not source.text:
        return False
    # A prompt with a trailing comma or a comment is still a prompt (and its TTS501 is
    # worth reporting); a tsconfig.json with comments is still not one.
    try:
        document = json.loads(_without_comments(source.text))
    except (ValueError, RecursionError):
        return False
    return document_holds_prompt(document)


# yaml-language-server's modeline: a comment line naming the file's JSON Schema.
_MODELINE = re.compile(r"^[ \t]*#[ \t]*yaml-language-server:[^\n]*?\$schema=([^\s]+)", re.M)


def _modeline_schema(text: str) -> str | None:
    """The schema a YAML file names in a ``# yaml-language-server: $schema=...`` line."""
    found = _MODELINE.search(text) if "yaml-language-server" in text else None
    return None if found is None else found.group(1)


# Each key a prompt needs (:data:`ttsbuilder.detection.NEEDED_KEYS`) written as a key:
# after no letter, digit or "_", with any suffix, before an optional quote and a ":"
# (JSON, YAML block and flow) or a comment that may stand before it (JSON with comments,
# which lint reads). One pattern per key: a pattern that starts with a literal is found
# at memchr speed, where one alternation of them all is tried at every byte.
_PROMPT_KEYS = tuple(
    re.compile(re.escape(key.encode()) + rb"[0-9]*[\"']?\s*(?::|/[/*])") for key in NEEDED_KEYS
)
_WORD = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
# What could spell such a key otherwise: an escape in a quoted key (a YAML escaped line
# break joins two lines with no space: "tts.schema.\<line break>json"), an explicit key
# ("? text") or an alias (a key "*k" whose anchor holds "text"), each where a node starts.
_ESCAPES = (b"\\x", b"\\u", b"\\U", b"\\\n", b"\\\r")
_NODE_INDICATORS = (re.compile(rb"\?\s"), re.compile(rb"\*[^\s*,\[\]{}]"))
_NODE_BEFORE = frozenset(b" \t\r\n[{,")


def _found(pattern: re.Pattern[bytes], data: bytes, *, after: frozenset[int] | None) -> bool:
    """Whether ``pattern`` occurs at the start of ``data`` or after a byte in ``after``
    (None: after any byte but a letter, digit or "_")."""
    for match in pattern.finditer(data):
        at = match.start()
        if at == 0:
            return True
        before = data[at - 1]
        if before in after if after is not None else before not in _WORD:
            return True
    return False


# An API description in YAML (docs/cli.md: it holds no prompt, whatever its examples show),
# known without parsing it: one document, a block mapping at column 0 (its first content
# line starts a plain or quoted key), "openapi:", "swagger:" or "asyncapi:" among its keys,
# and no flow collection closed at column 0 (inside which "openapi:" would be no root key);
# nor, before that key's line, a quoted scalar or flow collection that may go on over
# lines (ruamel.yaml reads "text: 'Hi\nopenapi: 3'" as one text).
_API_KEYS = tuple(re.compile(rb"\n" + key.encode() + rb"[ \t]*:") for key in API_KEYS)
_PREAMBLE = re.compile(rb"(?:[ \t]*(?:#[^\n]*|%[^\n]*)?\r?\n)*(?:---[ \t]*\r?\n)?")
_MAPPING_START = re.compile(rb"(?:\xef\xbb\xbf)?[A-Za-z0-9_\"']")
_OTHER_DOCUMENT = (re.compile(rb"\n(?:---|\.\.\.)(?:[ \t\r\n]|$)"), re.compile(rb"\n[\]}]"))


def _describes_api(data: bytes) -> bool:
    start = _PREAMBLE.match(data)
    body = b"\n" + data[start.end() if start else 0 :]  # "\n": each line, the first too
    if _MAPPING_START.match(body, 1) is None or any(o.search(body) for o in _OTHER_DOCUMENT):
        return False
    keys = (key.search(body) for key in _API_KEYS)
    return any(key is not None and not _left_open(body, key.start()) for key in keys)


# Where a quoted scalar or a flow collection may start: at a line's start or after a blank
# or one of "[{,:". That is every place YAML starts a node (after the indentation, "- ",
# "? ", ": ", an anchor or a tag, in a flow collection) and more: a quote that YAML reads
# as a plain character (``a 'b``) is taken for an opening one too, which can only make
# :func:`_left_open` True.
_OPENING = re.compile(rb"(?:^|(?<=[ \t\[{,:]))['\"\[{]", re.M)
_ONE_LINE_SCALAR = {
    ord("'"): re.compile(rb"'(?:[^'\r\n]|'')*'"),
    ord('"'): re.compile(rb'"(?:[^"\\\r\n]|\\[^\r\n])*"'),
}
# In a flow collection with no quoted scalar, a bracket is always an indicator (a plain
# scalar there holds none) and a "#" after a blank starts a comment.
_FLOW_MARKS = re.compile(rb"[\[\]{}'\"\r\n]|[ \t]#")
_BRACKETS = {b"[": 1, b"{": 1, b"]": -1, b"}": -1}


def _left_open(body: bytes, end: int) -> bool:
    r"""Whether a quoted scalar or a flow collection before ``end`` may go on past its line.

    Each place one may start is read on its own (not as the end of the one before), so
    no misreading of a line can hide one: a quoted scalar must close on its line, a flow
    collection too, before any quote in it (else it counts as open). Past a closed flow
    collection the search goes on after it: what it holds is closed too. Reading more
    than a few times the text's length (quotes that overlap) counts as open.

    >>> _left_open(b"a: 'x'\nb: [1, {c: 2}]  # it's\n", 31), _left_open(b"a: 'x\n", 6)
    (False, True)
    """
    budget = 4 * end + 4096
    at = 0
    while (opening := _OPENING.search(body, at, end)) is not None:
        at = opening.start()
        scalar = _ONE_LINE_SCALAR.get(body[at])
        if scalar is not None:
            closed = scalar.match(body, at)
            if closed is None:
                return True
            budget -= closed.end() - at
        else:
            depth = 0
            for mark in _FLOW_MARKS.finditer(body, at):
                budget -= 1
                sign = _BRACKETS.get(mark.group())
                if sign is None:  # a quote, a line break, a comment: not closed on its line
                    return True
                depth += sign
                if depth == 0:
                    at = mark.start()
                    break
            else:
                return True
        if budget < 0:
            return True
        at += 1
    return False


def may_hold_prompt(data: bytes) -> bool:
    r"""False when a JSON or YAML file certainly holds no prompt, without parsing it.

    Parsing a large YAML file costs seconds (ruamel.yaml is pure Python), and a walk of a
    repository meets lock files and API descriptions of megabytes. A file in which no key
    a prompt needs appears, nor anything that could spell one otherwise, nor a marker
    :func:`holds_prompt` takes from a broken file, holds no prompt; neither does a YAML
    OpenAPI, Swagger or AsyncAPI document whose one root shows that key at column 0:
    ``holds_prompt`` of it, parsed, is False. True means only "parse it and see".

    >>> may_hold_prompt(b"lockfileVersion: '9.0'\npackages:\n  left-pad@1.3.0: {}\n")
    False
    >>> may_hold_prompt(b'{"welcome": {"text": "Hi"}}')
    True
    """
    wide = _in_utf8(data)
    return _may_hold(data if wide is None else wide)


def _may_hold(data: bytes) -> bool:
    if mentions_prompt(data) or b"schema.json" in data:  # a marker, or one of our schemas
        return True
    if _describes_api(data):
        return False
    return (
        any(_found(key, data, after=None) for key in _PROMPT_KEYS)
        or any(escape in data for escape in _ESCAPES)
        or any(_found(mark, data, after=_NODE_BEFORE) for mark in _NODE_INDICATORS)
    )


def prompt_source(data: bytes, format: Format) -> Source | None:
    """``data`` loaded as ``format`` when it holds a prompt (:func:`holds_prompt`), else
    None: a file found in a folder, as a walk judges it. One that certainly holds none
    (:func:`may_hold_prompt`) is not parsed.

    >>> prompt_source(b'{"name": "my-package", "version": "1.0.0"}', "json") is None
    True
    """
    if format != "ssml" and not may_hold_prompt(data):
        return None
    source = load_bytes(data, format)
    return source if holds_prompt(data, source) else None


# UTF-32 and UTF-16 by their byte order mark, or by the zero bytes of a first character
# that is ASCII, as YAML 1.2 (5.2) and RFC 4627 (3) tell them; UTF-32's marks first (its
# little-endian one begins with UTF-16's).
_WIDE_MARKS = (
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\xfe\xff", "utf-16"),
    (b"\xff\xfe", "utf-16"),
)


def _in_utf8(data: bytes) -> bytes | None:
    """``data`` re-encoded in UTF-8 when it is UTF-16 or UTF-32 text, else None.

    >>> _in_utf8("text: Hi".encode("utf-16-le")), _in_utf8(b"text: Hi")
    (b'text: Hi', None)
    """
    head = data[:4]
    encoding = next((name for mark, name in _WIDE_MARKS if head.startswith(mark)), None)
    if encoding is None and len(head) == 4 and b"\x00" in head:
        if head[:3] == b"\x00\x00\x00":
            encoding = "utf-32-be"
        elif head[1:] == b"\x00\x00\x00":
            encoding = "utf-32-le"
        elif head[0] == 0 and head[2] == 0:
            encoding = "utf-16-be"
        elif head[1] == 0 and head[3] == 0:
            encoding = "utf-16-le"
    if encoding is None:
        return None
    return data.decode(encoding, "replace").encode("utf-8", "replace")


def mentions_prompt(data: bytes) -> bool:
    """Whether ``data`` contains a key only prompts use (for files that cannot be parsed)."""
    return any(marker.encode() in data for marker in MARKERS)


# A string or a comment left open runs to the end of the text: looked for again from each
# later '"' or '/*', an unclosed one made the cost grow with the square of the file.
_JSONC = re.compile(r'("(?:[^"\\]|\\.)*(?:"|\\?\Z))|//[^\n]*|/\*.*?(?:\*/|\Z)|,(?=\s*[}\]])', re.S)


def _without_comments(text: str) -> str:
    """JSON text without ``//`` and ``/* */`` comments and trailing commas (strings kept).

    >>> _without_comments('{"a": "//x", /* note */ "b": [1,],} // end')
    '{"a": "//x",  "b": [1]} '
    """
    return _JSONC.sub(lambda match: match.group(1) or "", text)
