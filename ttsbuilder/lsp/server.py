"""The language server: a thin adapter from the linter to the Language Server Protocol.

Every answer comes from code the command line uses: diagnostics from
:func:`ttsbuilder.lsp.analysis.analyse` (``ttsbuilder lint``'s path), quick fixes from
:func:`ttsbuilder.lint.fix.plan_fixes` (``--fix``'s edits), completion and hover from
:mod:`ttsbuilder.lsp.assist`. A handler that fails answers with nothing and logs the
error: one bad document never stops the others. Needs the ``lsp`` extra.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
from dataclasses import dataclass
from typing import Any, BinaryIO

from ttsbuilder._extras import require
from ttsbuilder._version import __version__
from ttsbuilder.lint.config import ConfigError, find_config, load_config
from ttsbuilder.lint.formats import rule_url
from ttsbuilder.lint.loaders import Format
from ttsbuilder.lsp import assist
from ttsbuilder.lsp.analysis import Analysis, Finding, analyse
from ttsbuilder.lsp.document import Document
from ttsbuilder.lsp.places import place_at
from ttsbuilder.lsp.settings import Settings, format_of, merge
from ttsbuilder.lsp.wire import INVALID_PARAMS, FramingError, Input, check, frame, json_of

require("pygls", extra="lsp", feature="ttsbuilder lsp")
require("lsprotocol", extra="lsp", feature="ttsbuilder lsp")

from lsprotocol import types  # noqa: E402
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams  # noqa: E402
from pygls.lsp.server import LanguageServer  # noqa: E402
from pygls.uris import to_fs_path  # noqa: E402
from pygls.workspace import TextDocument  # noqa: E402

__all__ = ["PromptServer", "serve"]

_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning}


@dataclass
class _Open:
    """What the server knows of one open document."""

    format: Format
    settings: Settings
    analysis: Analysis | None = None
    timer: asyncio.TimerHandle | None = None


class PromptServer(LanguageServer):
    """``ttsbuilder lsp``: diagnostics, quick fixes, completion and hover for prompt files."""

    def __init__(self) -> None:
        super().__init__("ttsbuilder", __version__)
        self.client_settings: dict[str, Any] = {}
        self.documents: dict[str, _Open] = {}
        self._configs: dict[str, dict[str, Any]] = {}
        self._told: set[str] = set()
        self.shut_down = False
        self.initialized = False  # set once initialize is answered

    # --- settings -------------------------------------------------------------------------

    def log(self, message: str, level: types.MessageType = types.MessageType.Warning) -> None:
        """Tell the client (its log), once per distinct message."""
        if message not in self._told:
            self._told.add(message)
            self.window_log_message(types.LogMessageParams(level, message))

    def _config(self, path: str | None) -> dict[str, Any]:
        folder = os.path.dirname(path) if path else self._root()
        if folder not in self._configs:
            try:
                found = find_config(folder) if folder else None
                self._configs[folder] = load_config(found) if found else {}
            except (ConfigError, OSError) as error:
                self.log(f"ttsbuilder: {error}")
                self._configs[folder] = {}
        return self._configs[folder]

    def _root(self) -> str:
        try:
            return self.workspace.root_path or ""
        except RuntimeError:  # no workspace before initialize
            return ""

    def settings_for(self, uri: str) -> Settings:
        """``[tool.ttsbuilder]`` of the document's project, then the client's settings."""
        path = to_fs_path(uri)
        settings, errors = merge(self._config(path), self.client_settings)
        for error in errors:
            self.log(error)
        return settings

    def configure(self, settings: Any) -> None:
        """Take the client's settings (the ``ttsbuilder`` object, or the whole settings)."""
        if isinstance(settings, dict):
            inner = settings.get("ttsbuilder", settings)
            self.client_settings = inner if isinstance(inner, dict) else {}

    # --- diagnostics ----------------------------------------------------------------------

    def opened(self, document: TextDocument) -> None:
        """Start tracking ``document`` (when it is a prompt file) and check it now."""
        settings = self.settings_for(document.uri)
        path = to_fs_path(document.uri) or document.uri
        format = format_of(path, document.language_id or "", settings, document.source)
        if format is None:
            return
        self.documents[document.uri] = _Open(format, settings)
        self.check(document.uri)

    def changed(self, uri: str) -> None:
        """Check ``uri`` again once typing pauses for the debounce time."""
        state = self.documents.get(uri)
        if state is None:
            return
        if state.timer is not None:
            state.timer.cancel()
        delay = state.settings.debounce_ms / 1000
        state.timer = asyncio.get_running_loop().call_later(delay, self.check, uri)

    def check(self, uri: str) -> None:
        """Lint the document now and publish its diagnostics (none if it holds no prompt)."""
        state = self.documents.get(uri)
        if state is None:
            return
        state.timer = None
        document = self.workspace.get_text_document(uri)
        diagnostics: list[types.Diagnostic] = []
        try:
            analysis = analyse(document.source, state.format, state.settings.options)
            state.analysis = analysis
            if analysis.prompt:
                diagnostics = [self._diagnostic(document, f) for f in analysis.findings]
        except Exception as error:  # one document's failure must not stop the server
            state.analysis = None
            self.log(f"ttsbuilder: cannot check {uri}: {type(error).__name__}: {error}")
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri, diagnostics, document.version)
        )

    def closed(self, uri: str) -> None:
        """Stop tracking ``uri`` and clear its diagnostics."""
        state = self.documents.pop(uri, None)
        if state is not None and state.timer is not None:
            state.timer.cancel()
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    def recheck_all(self) -> None:
        """Check every open document again with fresh settings."""
        self._configs.clear()
        for uri in list(self.documents):
            document = self.workspace.get_text_document(uri)
            self.documents.pop(uri)
            self.opened(document)

    def _diagnostic(self, document: TextDocument, finding: Finding) -> types.Diagnostic:
        problem = finding.problem
        message = f"{problem.message} ({problem.hint})" if problem.hint else problem.message
        return types.Diagnostic(
            range=to_client(document, finding.start, finding.end),
            message=message,
            severity=_SEVERITY[problem.severity.value],
            code=problem.code,
            code_description=types.CodeDescription(href=rule_url(problem.code)),
            source="ttsbuilder",
        )


def _ours(document: TextDocument) -> Document:
    if not isinstance(document, Document):  # made before initialize: pygls's own class
        document.__class__ = Document
    return document  # type: ignore[return-value]


def to_client(document: TextDocument, start: tuple[int, int], end: tuple[int, int]) -> types.Range:
    """A range of the linter's 0-based lines and code-point columns, in the client's units."""
    return _ours(document).to_client(start, end)


def from_client(document: TextDocument, position: types.Position) -> tuple[int, int]:
    """The linter's 0-based (line, code-point column) at the client's ``position``."""
    return _ours(document).from_client(position)


def _use_lsp_lines(workspace: Any) -> None:
    """Make every document the workspace opens a :class:`Document` (the LSP's lines)."""
    create = workspace._create_text_document

    def created(*args: Any, **kwargs: Any) -> Document:
        return _ours(create(*args, **kwargs))

    workspace._create_text_document = created


def _features(server: PromptServer) -> None:
    @server.feature(types.INITIALIZE)
    def initialize(ls: PromptServer, params: types.InitializeParams) -> None:
        _use_lsp_lines(ls.workspace)
        ls.configure(params.initialization_options)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: PromptServer, params: None) -> None:
        ls.shut_down = True
        for state in ls.documents.values():
            if state.timer is not None:
                state.timer.cancel()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PromptServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.opened(ls.workspace.get_text_document(params.text_document.uri))

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PromptServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PromptServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PromptServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.closed(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(
        ls: PromptServer, params: types.DidChangeConfigurationParams
    ) -> None:
        ls.configure(params.settings)
        ls.recheck_all()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]
        ),
    )
    def code_action(ls: PromptServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        state = ls.documents.get(params.text_document.uri)
        if state is None or state.analysis is None:
            return []
        document = ls.workspace.get_text_document(params.text_document.uri)
        try:
            from ttsbuilder.lsp.actions import code_actions

            settings = state.settings
            return code_actions(
                document, state.analysis, settings.options, params, unsafe=settings.unsafe_fixes
            )
        except Exception as error:
            ls.log(f"ttsbuilder: no code actions for {document.uri}: {error!r}")
            return []

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=['"', ":", " "]),
    )
    def completion(ls: PromptServer, params: types.CompletionParams) -> types.CompletionList:
        state = ls.documents.get(params.text_document.uri)
        items: list[types.CompletionItem] = []
        if state is not None:
            document = ls.workspace.get_text_document(params.text_document.uri)
            try:
                place = place_at(
                    document.source, state.format, *from_client(document, params.position)
                )
                items = [_item(i) for i in assist.complete(place, state.settings.profile)]
            except Exception as error:
                ls.log(f"ttsbuilder: no completion for {document.uri}: {error!r}")
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: PromptServer, params: types.HoverParams) -> types.Hover | None:
        state = ls.documents.get(params.text_document.uri)
        if state is None:
            return None
        document = ls.workspace.get_text_document(params.text_document.uri)
        try:
            text = _hover(document, state, params.position)
        except Exception as error:
            ls.log(f"ttsbuilder: no hover for {document.uri}: {error!r}")
            return None
        if not text:
            return None
        return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text))


def _item(item: assist.Item) -> types.CompletionItem:
    kind = (
        types.CompletionItemKind.Property if item.role == "key" else types.CompletionItemKind.Value
    )
    documentation = (
        types.MarkupContent(types.MarkupKind.Markdown, item.documentation)
        if item.documentation
        else None
    )
    return types.CompletionItem(
        item.label, kind=kind, detail=item.detail, documentation=documentation
    )


def _hover(document: TextDocument, state: _Open, position: types.Position) -> str:
    line, column = from_client(document, position)
    parts: list[str] = []
    if state.analysis is not None:
        for finding in state.analysis.findings:
            if finding.start[0] == line and finding.start[1] <= column <= finding.end[1]:
                parts.append(assist.describe_problem(finding.problem))
    place = place_at(document.source, state.format, line, column)
    described = assist.describe(place, state.settings.profile)
    if described:
        parts.append(described)
    if state.analysis is not None and state.analysis.source.parsed and place.word:
        ssml = assist.ssml_at(state.analysis.source.document, place, state.settings.profile)
        if ssml:
            parts.append(f"Renders to:\n```xml\n{ssml}\n```")
    return "\n\n---\n\n".join(parts)


class _Output:
    """The protocol's writer: the standard output, until the client closes it."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.lost = False

    def write(self, data: bytes) -> None:
        if self.lost:
            return
        try:
            self._stream.write(data)
            self._stream.flush()
        except (BrokenPipeError, ConnectionError, ValueError):  # ValueError: closed meanwhile
            self.lost = True

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._stream.close()


def _note(message: str) -> None:
    """A line in the editor's log of the server (its standard error)."""
    print(f"ttsbuilder lsp: {message}", file=sys.stderr, flush=True)


async def _pump(server: PromptServer, stdin: BinaryIO, output: _Output) -> None:
    """Read, check and hand on messages until the input ends or the output is lost."""
    protocol = server.protocol
    source = Input(stdin)
    while not output.lost and (body := await source.message()) is not None:
        message = json_of(body)
        refused = check(message, initialized=server.initialized, shut_down=server.shut_down)
        if refused is None:
            if "method" in message:
                message.setdefault("params", None)  # optional in LSP, required by pygls
            try:
                structured = protocol.structure_message(message)
            except JsonRpcException as error:
                code = INVALID_PARAMS if isinstance(error, JsonRpcInvalidParams) else error.code
                refused = (message.get("id", ...), code, f"{message.get('method')}: {error}")
        if refused is not None:
            ident, code, reason = refused
            if ident is ...:
                _note(f"a notification was dropped: {reason}")
            else:
                error_body = {"code": code, "message": reason}
                output.write(frame({"jsonrpc": "2.0", "id": ident, "error": error_body}))
            continue
        protocol.handle_message(structured)
        if message.get("method") == "initialize":
            server.initialized = True
    if output.lost:
        _note("the client closed the server's output: stopping")


def serve(stdin: BinaryIO, stdout: BinaryIO) -> bool:
    """Run the server over ``stdin`` and ``stdout`` until the client says ``exit``.

    True when the client asked for ``shutdown`` first (the exit status is then 0). A
    message the server cannot read is answered as JSON-RPC says (:mod:`ttsbuilder.lsp.wire`);
    input whose framing is broken stops the server (False).
    """
    server = PromptServer()
    _features(server)
    output = _Output(stdout)
    server.protocol.set_writer(output)
    # pygls logs what it cannot structure with a traceback; the checks above answer it.
    logging.getLogger("pygls").setLevel(logging.CRITICAL)
    try:
        asyncio.run(_pump(server, stdin, output))
    except SystemExit as exit:
        return exit.code == 0
    except FramingError as error:
        _note(f"cannot read the client's messages: {error}; stopping")
        return False
    finally:
        server.shutdown()  # type: ignore[no-untyped-call]
    return server.shut_down and not output.lost
