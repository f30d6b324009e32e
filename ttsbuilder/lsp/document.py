"""An open document whose lines are the client's: ended by ``\\r\\n``, ``\\r`` or ``\\n`` only.

pygls splits a document with :meth:`str.splitlines`, which also ends a line at U+2028,
U+2029, U+0085, form feed and a few more, where the LSP and every editor do not; a prompt
holding one (pasted text often does) then got diagnostics on the wrong line, and a
ranged change was made at the wrong place, so the server's copy of the text drifted from
the editor's. :class:`Document` counts lines as the LSP does.

The linter counts lines by ``\\n`` alone; :meth:`Document.to_client` and
:meth:`Document.from_client` convert between its (line, code-point column) and the
client's position, through offsets when the text holds a ``\\r``.

>>> from lsprotocol import types
>>> document = Document("file:///a.json", '{"text": "a\\u2028b",\\r "break": 1}')
>>> len(document.lines)
2
>>> found = document.to_client((0, 17), (0, 24))  # '"break"', after the lone \\r
>>> (found.start.line, found.start.character), (found.end.line, found.end.character)
((1, 1), (1, 8))
>>> document.from_client(types.Position(1, 1))
(0, 17)
"""

from __future__ import annotations

import bisect
import itertools
import re

from ttsbuilder._extras import require

require("pygls", extra="lsp", feature="ttsbuilder lsp")
require("lsprotocol", extra="lsp", feature="ttsbuilder lsp")

from lsprotocol import types  # noqa: E402
from pygls.workspace import ServerTextPosition, ServerTextRange, TextDocument  # noqa: E402

__all__ = ["Document", "lsp_lines"]

_BREAK = re.compile(r"(\r\n|\r|\n)")


def lsp_lines(text: str) -> list[str]:
    """``text`` as LSP lines, each with its line end.

    >>> lsp_lines("a\\r\\nb\\rc\\u2028d\\n")
    ['a\\r\\n', 'b\\r', 'c\\u2028d\\n']
    """
    parts = _BREAK.split(text)
    lines = [parts[i] + parts[i + 1] for i in range(0, len(parts) - 1, 2)]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _starts(lengths: list[int]) -> list[int]:
    return list(itertools.accumulate(lengths, initial=0))


class _Index:
    """Line starts of one text, as the client counts lines and as the linter does."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = lsp_lines(text)
        self.client = _starts([len(line) for line in self.lines])
        self.same = "\r" not in text  # then the linter's lines are the client's
        self.lint = self.client if self.same else _starts([len(s) + 1 for s in text.split("\n")])

    def lint_offset(self, line: int, column: int) -> int:
        if line + 1 >= len(self.lint):
            return len(self.text)
        return min(self.lint[line] + column, self.lint[line + 1] - 1)


class Document(TextDocument):
    """A pygls text document with the LSP's lines (see the module's docstring)."""

    _index_cache: tuple[str, _Index] | None = None

    def _index(self) -> _Index:
        source = self.source
        cached = self._index_cache
        if cached is None or cached[0] is not source:
            cached = self._index_cache = (source, _Index(source))
        return cached[1]

    @property
    def lines(self) -> list[str]:
        """The LSP lines, each with its line end (pygls reads positions through them)."""
        return self._index().lines

    def to_client(self, start: tuple[int, int], end: tuple[int, int]) -> types.Range:
        """The client's range for the linter's 0-based (line, code-point column) pair."""
        index = self._index()
        ranged = ServerTextRange(self._server(index, *start), self._server(index, *end))
        return self.position_codec.range_to_client_units(index.lines, ranged)

    def from_client(self, position: types.Position) -> tuple[int, int]:
        """The linter's 0-based (line, code-point column) at the client's ``position``."""
        index = self._index()
        server = self.position_codec.position_from_client_units(index.lines, position)
        if index.same:
            return server.line, server.character
        offset = index.client[server.line] + server.character if index.lines else 0
        row = bisect.bisect_right(index.lint, offset) - 1
        return row, offset - index.lint[row]

    def _server(self, index: _Index, line: int, column: int) -> ServerTextPosition:
        if index.same:
            return ServerTextPosition(line, column)
        offset = index.lint_offset(line, column)
        row = max(bisect.bisect_right(index.client, offset) - 1, 0)
        if row >= len(index.lines):
            return ServerTextPosition(row, 0)
        content = index.lines[row].rstrip("\r\n")
        return ServerTextPosition(row, min(offset - index.client[row], len(content)))

    def _apply_incremental_change(self, change: types.TextDocumentContentChangePartial) -> None:
        # Two offsets and a splice: no index of the whole text, so a burst of keystrokes
        # in a large document costs little each.
        source = self.source
        start, end = (
            self._client_offset(source, p) for p in (change.range.start, change.range.end)
        )
        self._source = source[:start] + change.text + source[max(start, end) :]

    def _client_offset(self, text: str, position: types.Position) -> int:
        line = position.line
        if "\r" in text:
            parts = _BREAK.split(text, line)
            if len(parts) < 2 * line + 1:
                return len(text)
        else:
            parts = text.split("\n", line)
            if len(parts) < line + 1:
                return len(text)
        rest = parts[-1]
        begin = len(text) - len(rest)
        ended = _BREAK.search(rest)
        content = rest[: ended.start()] if ended else rest
        column = types.Position(0, position.character)
        found = self.position_codec.position_from_client_units([content], column)
        return begin + min(found.character, len(content))
