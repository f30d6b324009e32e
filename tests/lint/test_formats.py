"""Output formats: the same findings as text, JSON, SARIF and GitHub annotations."""

from __future__ import annotations

import json

from ttsbuilder.lint.formats import (
    format_github,
    format_json,
    format_sarif,
    format_text,
    rule_url,
    summary,
)
from ttsbuilder.problems import Problem, Severity

ERROR = Problem("TTS105", Severity.ERROR, "/break/time", "use 'value'", "rename it", 3, 5)
WARNING = Problem("TTS108", Severity.WARNING, "/text", "50%, of, speed\nok", None, 7, 1)
FINDINGS = [("prompts/a b.json", ERROR), ("prompts/b.yaml", WARNING)]


def test_text_lines_and_summary() -> None:
    assert format_text(FINDINGS, 4).splitlines() == [
        "prompts/a b.json:3:5: TTS105 error use 'value' (rename it)",
        "prompts/b.yaml:7:1: TTS108 warning 50%, of, speed",
        "ok",
        "1 error and 1 warning in 2 of 4 files",
    ]
    assert summary([], 1) == "no problems in 1 file"


def test_json_has_the_documented_keys() -> None:
    items = json.loads(format_json(FINDINGS, 2))
    assert items[0] == {
        "path": "prompts/a b.json",
        "line": 3,
        "column": 5,
        "code": "TTS105",
        "severity": "error",
        "message": "use 'value'",
        "pointer": "/break/time",
        "hint": "rename it",
    }
    assert "hint" not in items[1]
    assert json.loads(format_json([], 0)) == []


def test_sarif_has_rules_with_help_and_results_with_regions() -> None:
    log = json.loads(format_sarif(FINDINGS, 2))
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["TTS105", "TTS108"]
    assert rules[0]["helpUri"] == rule_url("TTS105")
    assert rules[0]["helpUri"].endswith("docs/rules.md#tts105")
    assert rules[0]["help"]["text"].startswith("A spelling the seed")
    assert rules[1]["defaultConfiguration"] == {"level": "warning"}
    first = run["results"][0]
    assert first["ruleIndex"] == 0
    assert first["level"] == "error"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "prompts/a%20b.json"
    assert location["region"] == {"startLine": 3, "startColumn": 5}


def test_github_annotations_escape_their_data() -> None:
    lines = format_github(FINDINGS, 2).splitlines()
    assert lines[0] == (
        "::error file=prompts/a b.json,line=3,col=5,title=TTS105 alias-key::use 'value' (rename it)"
    )
    assert lines[1] == (
        "::warning file=prompts/b.yaml,line=7,col=1,title=TTS108 suffix-order::"
        "50%25, of, speed%0Aok"
    )
