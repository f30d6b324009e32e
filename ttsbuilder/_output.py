"""Text that leaves ttsbuilder: safe for a terminal or a CI log, and always encodable.

File names and prompt keys are the user's data and may hold anything a file system or a
JSON escape allows: a newline (which would forge a line of output, such as a GitHub
workflow command), ESC or BEL (terminal control), a lone surrogate (``"te\\udfffxt"`` is
legal JSON), or bytes that are not UTF-8 (a file name Python decodes with
``surrogateescape``). See docs/cli.md, "Output encoding".

- :func:`printable` is for output read by people (the ``text`` and ``github`` formats,
  messages on standard error): every such character becomes a visible backslash escape,
  so one problem is one line and the output is valid UTF-8.
- :func:`to_json` is for output read by programs (``json``, ``sarif``): standard JSON
  in UTF-8, with the characters a terminal or a strict UTF-8 encoder would trip on
  written as ``\\uXXXX`` escapes, which a JSON parser reads back exactly.

>>> print(printable("x\\n::error file=evil.py::INJECTED\\x1b[31m.json"))
x\\n::error file=evil.py::INJECTED\\x1b[31m.json
>>> print(printable("bad\\udcff.json"), printable("te\\udfffxt"))
bad\\xff.json te\\udfffxt
>>> print(to_json({"key": "te\\udfffxt\\x1b"}, indent=None))
{"key": "te\\udfffxt\\u001b"}
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["printable", "to_json"]

# C0 and C1 controls and DEL, the Unicode line and paragraph separators, the bidirectional
# controls (they reorder what a reader sees: "Trojan source"), and lone surrogates.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# What json.dumps(ensure_ascii=False) leaves raw but should not: DEL, C1, surrogates.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, keep: str = "") -> str:
    r"""``text`` with every control, bidi, separator or surrogate character escaped.

    Characters in ``keep`` are left for the caller's own escaping (the ``github`` format
    encodes ``\r`` and ``\n`` as GitHub's runner expects). A backslash is not escaped,
    so Windows paths stay readable.

    >>> printable("a\tb\u202ec\x07")
    'a\\tb\\u202ec\\x07'
    >>> printable("one\ntwo", keep="\n")
    'one\ntwo'
    """
    return _UNPRINTABLE.sub(lambda m: m[0] if m[0] in keep else _escape(m[0]), text)


def to_json(value: Any, indent: int | None = 2) -> str:
    """``value`` as JSON text that encodes as UTF-8 whatever strings it holds.

    Non-ASCII text stays readable; control characters (escaped by ``json`` itself), DEL,
    C1 controls, the line separators and lone surrogates are ``\\uXXXX`` escapes, so a
    file name decoded with ``surrogateescape`` reads back as the same string.

    >>> to_json(["bad\\udcff.json", "é"], indent=None)
    '["bad\\\\udcff.json", "é"]'
    >>> json.loads(to_json("bad\\udcff.json")) == "bad\\udcff.json"
    True
    """
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    # In json.dumps' output these characters can only stand inside strings.
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
