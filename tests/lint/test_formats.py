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
        # One problem, one line: the line break in the message is escaped.
        "prompts/b.yaml:7:1: TTS108 warning 50%, of, speed\\nok",
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


def test_sarif_has_what_github_code_scanning_requires() -> None:
    from ttsbuilder.rules import RULES

    no_position = Problem("TTS504", Severity.ERROR, "", "the file is empty")
    findings = [
        *FINDINGS,
        ("/abs/p q.json", no_position),
        ("x.json", Problem("TTS999", Severity.WARNING, "", "?")),
    ]
    log = json.loads(format_sarif(findings, 3))
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "ttsbuilder"
    for rule in driver["rules"]:
        assert rule["id"]
        for key in ("shortDescription", "fullDescription", "help"):
            assert rule[key]["text"].strip(), (rule["id"], key)
    known = [r for r in driver["rules"] if r["id"] in RULES]
    assert all(r["help"]["markdown"] for r in known)
    ids = [r["id"] for r in driver["rules"]]
    for result in run["results"]:
        assert result["ruleId"] == ids[result["ruleIndex"]]
        assert result["level"] in ("error", "warning", "note")
        assert result["message"]["text"]
        [location] = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"]
        assert physical["region"]["startLine"] >= 1
        assert physical["region"]["startColumn"] >= 1
    absolute = run["results"][2]["locations"][0]["physicalLocation"]["artifactLocation"]
    # An absolute path is a file: URI, not a path under the checkout.
    assert absolute == {"uri": "file:///abs/p%20q.json"}


def test_github_escapes_properties_per_the_workflow_command_rules() -> None:
    problem = Problem("TTS105", Severity.ERROR, "", "100% bad\r\nreally", line=2, column=3)
    [line] = format_github([("dir,a:b%c.json", problem)], 1).splitlines()
    assert line == (
        "::error file=dir%2Ca%3Ab%25c.json,line=2,col=3,title=TTS105 alias-key::"
        "100%25 bad%0D%0Areally"
    )
    [line] = format_github([("a.json", Problem("TTS504", Severity.ERROR, "", "x"))], 1).splitlines()
    assert ",line=1,col=1," in line


# --- hostile file names and keys (issue 10, items 6 and 7) ----------------------------------

FORGED = "x\n::error file=evil.py,line=1::INJECTED\n.json"
SURROGATE = Problem("TTS101", Severity.ERROR, "/te\udfffxt", "unknown key 'te\udfffxt'", None, 1, 2)
CONTROLS = Problem("TTS101", Severity.ERROR, "/a", "key 'a\x1b[2J\x07'", None, 1, 2)
HOSTILE = [
    (FORGED, ERROR),
    ("bad\udcff.json", SURROGATE),  # the byte 0xFF, as os.fsdecode gives it
    ("bell\x07\x1b[31m.json", CONTROLS),
]


def test_every_format_is_strict_utf8_whatever_the_names_and_keys_hold() -> None:
    for formatter in (format_text, format_json, format_sarif, format_github):
        formatter(HOSTILE, 3).encode("utf-8")  # no surrogate or other unencodable left


def test_text_and_github_put_one_problem_on_one_line_with_controls_escaped() -> None:
    text = format_text(HOSTILE, 3).splitlines()
    assert text == [
        "x\\n::error file=evil.py,line=1::INJECTED\\n.json:3:5: TTS105 error use 'value' "
        "(rename it)",
        "bad\\xff.json:1:2: TTS101 error unknown key 'te\\udfffxt'",
        "bell\\x07\\x1b[31m.json:1:2: TTS101 error key 'a\\x1b[2J\\x07'",
        "3 errors in 3 of 3 files",
    ]
    github = format_github(HOSTILE, 3).splitlines()
    assert len(github) == 3
    assert all(line.startswith("::error file=") for line in github)
    # GitHub's own escaping for the line breaks (its runner decodes them back), visible
    # escapes for what it would pass on to the log (ESC, BEL, surrogates).
    assert github[0].startswith("::error file=x%0A%3A%3Aerror file=evil.py%2Cline=1%3A%3A")
    assert github[1].startswith("::error file=bad\\xff.json,")
    assert github[2] == (
        "::error file=bell\\x07\\x1b[31m.json,line=1,col=2,title=TTS101 unknown-key::"
        "key 'a\\x1b[2J\\x07'"
    )
    for line in text + github:
        assert not [c for c in line if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0]


def test_json_and_sarif_keep_the_exact_strings() -> None:
    items = json.loads(format_json(HOSTILE, 3))
    assert [item["path"] for item in items] == [path for path, _ in HOSTILE]
    assert items[1]["pointer"] == "/te\udfffxt"
    assert '"bad\\udcff.json"' in format_json(HOSTILE, 3)
    log = json.loads(format_sarif(HOSTILE, 3))
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    ]
    # URIs carry the file name's bytes (RFC 3986): 0xFF stays the byte 0xFF.
    assert uris == [
        "x%0A%3A%3Aerror%20file%3Devil.py%2Cline%3D1%3A%3AINJECTED%0A.json",
        "bad%FF.json",
        "bell%07%1B%5B31m.json",
    ]
