"""Rules declared as data (``rules.base``), the call-control factory and the docs renderer.

These run when a module is imported, so a test has to call them itself to see them work
(mutation testing forks its workers after the import). Expected values are written by
hand: the fields passed in, and the messages of SPEC.md §3 (request bodies).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ttsbuilder.problems import Severity
from ttsbuilder.profiles import get_profile
from ttsbuilder.rules.base import REGISTRY, Rule, error, warning
from ttsbuilder.rules.context import Context
from ttsbuilder.rules.docs import _example
from ttsbuilder.rules.payloads import _call_control

CODE = "TTS999"  # not a code the project uses; removed again after each test


@pytest.fixture
def scratch_code() -> Iterator[str]:
    assert CODE not in REGISTRY
    yield CODE
    REGISTRY.pop(CODE, None)


def test_error_declares_an_error_rule_with_every_field(scratch_code: str) -> None:
    rule = error(scratch_code, "scratch-rule", "A summary.", bad='{"a": 1}', good="{}")
    assert (rule.code, rule.name, rule.severity) == ("TTS999", "scratch-rule", Severity.ERROR)
    assert (rule.summary, rule.bad, rule.good) == ("A summary.", '{"a": 1}', "{}")
    assert REGISTRY["TTS999"] is rule


def test_warning_declares_a_warning_rule_and_passes_the_extras(scratch_code: str) -> None:
    rule = warning(scratch_code, "scratch-rule", "A summary.", bad="[]", good="{}", family="values")
    assert (rule.code, rule.name, rule.severity) == ("TTS999", "scratch-rule", Severity.WARNING)
    assert (rule.summary, rule.bad, rule.good, rule.family) == ("A summary.", "[]", "{}", "values")


def test_a_code_declared_twice_is_refused_by_name(scratch_code: str) -> None:
    first = Rule(scratch_code, "scratch-rule", Severity.ERROR, "A summary.", "[]", "{}")
    assert REGISTRY["TTS999"] is first
    # The same rule again (a module imported twice) is allowed; a different one is not.
    Rule(scratch_code, "scratch-rule", Severity.ERROR, "A summary.", "[]", "{}")
    with pytest.raises(RuntimeError, match=r"^rule code TTS999 is declared twice$"):
        Rule(scratch_code, "other-rule", Severity.ERROR, "A summary.", "[]", "{}")


PHONE = "is not a phone number: use E.164 digits with an optional '+'"


def run(check: Any, body: Any) -> list[tuple[str, str, str, str | None]]:
    context = Context(get_profile("enablex"))
    check(context, body, "/b")
    return [(p.code, p.pointer, p.message, p.hint) for p in context.problems]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("x", [("TTS103", "/b", "a connect body is an object, got a string 'x'", None)]),
        (
            {},
            [
                ("TTS102", "/b", "a connect body needs 'from'", None),
                ("TTS102", "/b", "a connect body needs 'to'", None),
            ],
        ),
        ({"from": "+15550100", "to": "sip:a@example.com"}, []),
        (
            {"from": "sip:a@example.com", "to": "+1 (555) 0100"},
            [
                ("TTS408", "/b/from", f"'sip:a@example.com' {PHONE}", None),
                ("TTS408", "/b/to", f"'+1 (555) 0100' {PHONE}, or a sip: URI", "write '+15550100'"),
            ],
        ),
        (
            {"from": 5, "to": "+15550100"},
            [("TTS103", "/b/from", "expected a string, got a number 5", 'write "5"')],
        ),
    ],
)
def test_a_call_control_check_made_by_the_factory(body: Any, expected: list[Any]) -> None:
    assert run(_call_control("connect", "to", sip=True), body) == expected


def test_the_factory_names_its_check() -> None:
    check = _call_control("forward", "to", sip=False)
    assert check.__name__ == "check_forward"
    assert check.__doc__ == "Check a forward body: 'from' and 'to', both required."
    assert run(check, {"from": "+15550100", "to": "sip:a@example.com"}) == [
        ("TTS408", "/b/to", f"'sip:a@example.com' {PHONE}", None)
    ]


def test_examples_in_the_reference_keep_their_characters() -> None:
    # docs/rules.md shows an example as its author wrote it: "café", not "caf\u00e9".
    assert _example('{"text": "café"}', "tts") == ("json", '{\n  "text": "café"\n}')
