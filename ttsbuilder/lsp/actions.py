"""Code actions: ``ttsbuilder lint --fix``'s own edits, offered one problem at a time.

A quick fix is one :class:`~ttsbuilder.lint.fix.Fix` that :func:`plan_fixes` makes for a
diagnostic, offered when ``--fix`` would make it too (:func:`fix_source` verifies each
prompt's fixes: the result parses, speaks the same and gains no problem). Unsafe fixes
(``--unsafe-fixes``) are offered as such, never preferred. The source action "fix all"
(``source.fixAll.ttsbuilder``) makes exactly what ``--fix`` writes, as one edit of the
part of the file that changes.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from ttsbuilder._extras import require
from ttsbuilder.lint.check import LintOptions
from ttsbuilder.lint.fix import Change, Fix, TextEdit, fix_source, plan_fixes
from ttsbuilder.lsp.analysis import Analysis
from ttsbuilder.lsp.server import from_client, to_client

require("pygls", extra="lsp", feature="ttsbuilder lsp")
require("lsprotocol", extra="lsp", feature="ttsbuilder lsp")

from lsprotocol import types  # noqa: E402
from pygls.workspace import TextDocument  # noqa: E402

__all__ = ["FIX_ALL", "code_actions", "whole_edit"]

#: The kind of the "fix all" source action.
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.ttsbuilder"


class _Offsets:
    """Code-point offsets of the loaded text → 0-based (line, column) of the document."""

    def __init__(self, text: str, bom: bool) -> None:
        self._starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self._shift = 1 if bom else 0  # the editor's text still has the byte-order mark

    def position(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self._starts, offset) - 1
        column = offset - self._starts[row]
        return row, column + (self._shift if row == 0 else 0)


def _edit(document: TextDocument, offsets: _Offsets, edit: TextEdit) -> types.TextEdit:
    start, end = offsets.position(edit.start), offsets.position(edit.end)
    return types.TextEdit(to_client(document, start, end), edit.new)


def _workspace_edit(document: TextDocument, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    identifier = types.OptionalVersionedTextDocumentIdentifier(document.uri, document.version)
    return types.WorkspaceEdit(
        document_changes=[types.TextDocumentEdit(identifier, list(edits))],
        changes={document.uri: list(edits)},
    )


def whole_edit(old: str, new: str) -> tuple[int, int, str]:
    """The one replacement ``(start, end, text)`` of ``old`` that gives ``new``.

    >>> whole_edit('{"break": {"time": "2s"}}', '{"break": {"value": "2s"}}')
    (12, 15, 'valu')
    """
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return start, len(old) - end, new[start : len(new) - end]


def _count(changes: int) -> str:
    return f"{changes} change" if changes == 1 else f"{changes} changes"


def _key(change: Change) -> tuple[int, int, str]:
    return change.line, change.column, change.code


def code_actions(
    document: TextDocument,
    analysis: Analysis,
    options: LintOptions,
    params: types.CodeActionParams,
    *,
    unsafe: bool = False,
) -> list[types.CodeAction]:
    """The quick fixes for the diagnostics in ``params`` and the "fix all" action.

    ``unsafe``: "fix all" makes the unsafe fixes too (``--unsafe-fixes``).
    """
    source = analysis.source
    if not source.parsed or document.source.lstrip("\ufeff") != source.text:
        return []  # the analysis is older than the text: the next check answers
    wanted = params.context.only
    offsets = _Offsets(source.text, source.bom)
    actions: list[types.CodeAction] = []
    if wanted is None or types.CodeActionKind.QuickFix in wanted:
        actions += _quick_fixes(document, analysis, options, offsets, params.context.diagnostics)
    if wanted is None or any(FIX_ALL.startswith(kind) for kind in wanted):
        result = fix_source(source, None, options, unsafe=unsafe)
        if result.text is not None:
            start, end, new = whole_edit(source.text, result.text)
            edit = _edit(document, offsets, TextEdit(start, end, 0, 0, source.text[start:end], new))
            actions.append(
                types.CodeAction(
                    title=f"ttsbuilder: fix all ({_count(len(result.changes))}, as lint --fix)",
                    kind=FIX_ALL,
                    edit=_workspace_edit(document, [edit]),
                )
            )
    return actions


def _quick_fixes(
    document: TextDocument,
    analysis: Analysis,
    options: LintOptions,
    offsets: _Offsets,
    diagnostics: Iterable[types.Diagnostic],
) -> list[types.CodeAction]:
    # A change is on a diagnostic when it has its code and starts inside its range (a
    # case fix edits the value of the member the diagnostic starts at).
    asked: list[tuple[str, tuple[int, int], tuple[int, int], types.Diagnostic]] = []
    for diagnostic in diagnostics:
        if diagnostic.source == "ttsbuilder" and isinstance(diagnostic.code, str):
            start = from_client(document, diagnostic.range.start)
            end = from_client(document, diagnostic.range.end)
            asked.append((diagnostic.code, start, end, diagnostic))
    if not asked:
        return []
    fixes = plan_fixes(analysis.source, analysis.problems, options)
    made = {True: _made(analysis, options, False), False: _made(analysis, options, True)}
    actions = []
    for fix in fixes:
        if not all(_key(c) in made[fix.safe] for c in fix.changes):
            continue  # --fix would drop it
        for change in fix.changes:
            at = (change.line - 1, change.column - 1 + _bom(analysis, change.line - 1))
            for code, start, end, diagnostic in asked:
                if code == change.code and start <= at <= end:
                    actions.append(_quick_fix(document, offsets, fix, change, diagnostic))
                    break
    return actions


def _bom(analysis: Analysis, line: int) -> int:
    return 1 if analysis.source.bom and line == 0 else 0


def _made(analysis: Analysis, options: LintOptions, unsafe: bool) -> set[tuple[int, int, str]]:
    result = fix_source(analysis.source, None, options, unsafe=unsafe)
    return {_key(change) for change in result.changes}


def _quick_fix(
    document: TextDocument,
    offsets: _Offsets,
    fix: Fix,
    change: Change,
    diagnostic: types.Diagnostic,
) -> types.CodeAction:
    edits = [_edit(document, offsets, edit) for edit in fix.edits]
    unsafe = "" if fix.safe else " (unsafe: changes what a standard parser reads)"
    return types.CodeAction(
        title=f"ttsbuilder: {change.description}{unsafe}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=fix.safe,
        edit=_workspace_edit(document, edits),
    )
