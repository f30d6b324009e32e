"""Every rule ttsbuilder checks, as data: ``RULES`` maps a code (``TTS101``) to its :class:`Rule`.

Rules are declared in one module per family; importing this package registers them all.

>>> RULES["TTS201"].name, RULES["TTS201"].severity.value
('bad-duration', 'error')
"""

from __future__ import annotations

# Importing a family module registers its rules.
from ttsbuilder.rules import (  # noqa: F401
    common,
    limits,
    payloads,
    preview,
    render,
    routes,
    say_as,
    source,
    ssml_files,
    tree,
    values,
)
from ttsbuilder.rules.base import REGISTRY, Rule

__all__ = ["RULES", "Rule", "rule_named"]

#: code → Rule, for every rule ttsbuilder checks.
RULES: dict[str, Rule] = REGISTRY


def rule_named(name_or_code: str) -> Rule | None:
    """The rule with this code (``TTS101``) or name (``unknown-key``), or None."""
    found = RULES.get(name_or_code.upper())
    if found is not None:
        return found
    return next((rule for rule in RULES.values() if rule.name == name_or_code), None)
