"""``ttsbuilder lsp``: a language server for prompt files (docs/editors.md).

The parts that know prompts need no third-party library and are tested alone:
:mod:`~ttsbuilder.lsp.analysis` (the linter's problems with ranges),
:mod:`~ttsbuilder.lsp.places` (where the cursor is in half-typed JSON or YAML),
:mod:`~ttsbuilder.lsp.assist` (completion and hover) and
:mod:`~ttsbuilder.lsp.settings`. :mod:`~ttsbuilder.lsp.server` and
:mod:`~ttsbuilder.lsp.actions` adapt them to the protocol with pygls and lsprotocol
(the ``lsp`` extra).
"""
