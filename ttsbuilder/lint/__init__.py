"""Linting stored prompt definitions: JSON and YAML files → problems with positions.

The command is ``ttsbuilder lint`` (see docs/cli.md); these are its building blocks.

>>> [(p.code, p.line, p.column) for p in lint_bytes(b'{"text": "a", "text": "b"}', "json")]
[('TTS502', 1, 15)]
"""

from ttsbuilder.lint.check import LintOptions, check_source, lint_bytes
from ttsbuilder.lint.fix import Fix, FixResult, TextEdit, apply_edits, fix_source, plan_fixes
from ttsbuilder.lint.loaders import Source, load_bytes

__all__ = [
    "Fix",
    "FixResult",
    "LintOptions",
    "Source",
    "TextEdit",
    "apply_edits",
    "check_source",
    "fix_source",
    "lint_bytes",
    "load_bytes",
    "plan_fixes",
]
