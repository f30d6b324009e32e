"""``ttsbuilder rule``: checked against the committed docs/rules.md, read as Markdown."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ttsbuilder.cli import main
from ttsbuilder.rules import RULES

DOCS = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text(encoding="utf-8")


def documented(code: str) -> str:
    """The section of ``code`` in docs/rules.md, from its heading to the next anchor."""
    match = re.search(
        rf'<a id="{code.lower()}"></a>\n(### {code} .*?)(?=\n<a id=|\n## |\Z)', DOCS, re.S
    )
    assert match, f"docs/rules.md has no section for {code}"
    return match.group(1).rstrip("\n") + "\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["rule", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize("code", sorted(RULES))
def test_text_is_the_rules_section_of_the_docs(
    code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, code)
    assert status == 0
    assert out == documented(code)


@pytest.mark.parametrize("code", sorted(RULES))
def test_json_says_what_the_docs_say(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, code, "--format", "json")
    assert status == 0
    data = json.loads(out)
    text = documented(code)
    heading, tags, summary, why, *_ = text.split("\n\n")
    assert heading == f"### {data['code']} {data['name']}"
    assert tags.startswith(f"**{data['severity']}**")
    fix = {"fixable": "safe", "fixable (unsafe)": "unsafe"}
    shown = [fix[tag] for tag in tags.split(" · ") if tag in fix]
    assert shown == ([data["fix"]] if data["fix"] else [])
    assert summary == data["summary"]
    assert why == f"Why: {data['why']}"
    fails, passes = re.findall(r"```\w*\n(.*?)\n```", text, re.S)
    for documented_example, example in ((fails, data["fails"]), (passes, data["passes"])):
        if documented_example.endswith(" characters in all)"):  # rules.md shortens it
            assert documented_example.startswith(example[:60])
            continue
        try:
            assert json.loads(documented_example) == json.loads(example)
        except ValueError:
            assert documented_example == example
    assert data["url"] == f"docs/rules.md#{code.lower()}"


def test_every_rule_says_why_in_a_sentence_or_two() -> None:
    for rule in RULES.values():
        assert rule.why, f"{rule.code} has no why"
        assert rule.why.endswith("."), rule.code
        assert rule.why != rule.summary, rule.code
        sentences = re.findall(r"[.!?](?:\s|$)", rule.why.replace("e.g. ", ""))
        assert 1 <= len(sentences) <= 2, f"{rule.code}: {len(sentences)} sentences"


def test_a_rule_is_found_by_name_and_lowercase_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "unsigned-percent")[1] == documented("TTS212")
    assert run(capsys, "tts212")[1] == documented("TTS212")


def test_all_prints_every_rule_in_code_order(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--all")
    assert status == 0
    assert out == "\n".join(documented(code) for code in sorted(RULES))
    status, out, _ = run(capsys, "--all", "--format", "json")
    assert [rule["code"] for rule in json.loads(out)] == sorted(RULES)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["unsigned-percnt"], "no rule 'unsigned-percnt'; did you mean 'unsigned-percent'?\n"),
        (["TTS999"], "no rule 'TTS999'"),
        ([], "give one CODE or --all"),
        (["TTS101", "--all"], "give one CODE or --all"),
        (["\x1b[2J"], "no rule '\\x1b[2J'"),
    ],
)
def test_a_wrong_request_is_a_usage_error(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err.startswith("ttsbuilder rule: error: ")
    assert message in err
