"""``--fix`` never changes what a standard parser of the file speaks (issue 10, item 2).

The reference readers are outside the code under test: ``json.loads`` (the last of a
repeated key wins) and ruamel.yaml's safe loader (YAML merge keys honoured). What is
spoken is read from their documents by a small walker written here: the text and break
values of each prompt, in the order the parser gives them.
"""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ttsbuilder.lint.check import LintOptions, check_source, lint_bytes
from ttsbuilder.lint.fix import FIXABLE, apply_edits, fix_source, plan_fixes
from ttsbuilder.lint.loaders import load_bytes
from ttsbuilder.rules import RULES
from ttsbuilder.ssml import render_ssml

MERGE = (
    'base: &b {text1: "A", break: {value: 2000ms}}\np: {<<: *b, text: "B", break: {value: 1s}}\n'
)


def safe_yaml(text: str) -> Any:
    from ruamel.yaml import YAML

    loader = YAML(typ="safe", pure=True)
    loader.allow_duplicate_keys = True
    return loader.load(text)


_CONTENT = re.compile(r"^(text|break|prosody|express-as|express_as)[0-9]*$")


def spoken(value: Any) -> list[tuple[str, str]]:
    """Texts and pauses in the order a reader of the tree meets them (style case aside)."""
    said: list[tuple[str, str]] = []
    if isinstance(value, dict):
        value = list(value.items())
    if not isinstance(value, list):
        return said
    for name, item in value:
        match = _CONTENT.match(str(name))
        if match is None:
            if name in ("style", "type") and isinstance(item, str):
                said.append((name, item.lower()))
            continue
        kind = match.group(1)
        if kind == "text":
            said.append(("text", str(item)))
        elif kind == "break" and isinstance(item, (dict, list)):
            item = dict(item)
            said.append(("break", str(item.get("value", item.get("time")))))
        else:
            said.append((kind.replace("_", "-"), ""))
            said.extend(spoken(item))
    return said


def fixed_text(text: str, fmt: str, *, unsafe: bool = False) -> str:
    result = fix_source(load_bytes(text.encode(), fmt), unsafe=unsafe)  # type: ignore[arg-type]
    return text if result.text is None else result.text


def test_a_merge_source_is_not_renumbered() -> None:
    # The reproducer: render --pointer /p spoke "B … A" with a 1s break before the fix.
    before = render_ssml(safe_yaml(MERGE)["p"])
    after_text = fixed_text(MERGE, "yaml")
    assert render_ssml(safe_yaml(after_text)["p"]) == before
    assert "A" in before
    assert ">B<" in before
    assert after_text == MERGE  # both mappings take part in the merge: nothing to do
    problems = lint_bytes(MERGE.encode(), "yaml")
    assert [p.code for p in problems] == ["TTS106", "TTS106", "TTS508"]  # still reported


def test_an_anchor_used_as_a_plain_alias_is_fixed() -> None:
    text = "base: &b {text1: A, break: {time: 2000ms}}\np: *b\n"
    after = fixed_text(text, "yaml")
    assert after == "base: &b {text: A, break: {value: 2000ms}}\np: *b\n"
    assert spoken(safe_yaml(after)["p"]) == spoken(safe_yaml(text)["p"])


def test_repeated_json_keys_are_an_unsafe_fix() -> None:
    text = '{"text": "a", "text": "b"}'
    source = load_bytes(text.encode(), "json")
    [fix] = plan_fixes(source, source.problems)
    assert not fix.safe
    assert fix.changes[0].code == "TTS502"
    result = fix_source(source)
    assert result.text is None
    assert result.unsafe == 1
    unsafe = fixed_text(text, "json", unsafe=True)
    assert unsafe == '{"text": "a", "text2": "b"}'
    # What the author meant, and a change: json.loads spoke "b", now "a b".
    assert spoken(json.loads(text)) == [("text", "b")]
    assert spoken(json.loads(unsafe)) == [("text", "a"), ("text", "b")]


def test_rule_data_says_which_fixes_are_unsafe() -> None:
    assert {code for code, rule in RULES.items() if rule.fixable} == FIXABLE
    assert {code for code, rule in RULES.items() if rule.unsafe_fix} == {"TTS502"}
    from pathlib import Path

    rules_md = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text()
    assert "### TTS502 repeated-key\n\n**error** · fixable (unsafe)" in rules_md


# --- the invariant, on generated files -------------------------------------------------

names = st.sampled_from(["text", "text1", "text2", "text02", "break", "break1", "time"])
values = st.sampled_from(["A", "B", "Hi", "1s", "2000ms"])


def _yaml_member(name: str, value: str) -> str:
    if name.startswith("break"):
        return f"{name}: {{value: {value}}}"
    if name == "time":  # an alias key at the wrong place: an unknown member, left alone
        return f"break: {{time: {value}}}"
    return f"{name}: {json.dumps(value)}"


members = st.lists(st.tuples(names, values), min_size=1, max_size=4)


@st.composite
def yaml_files(draw: st.DrawFn) -> str:
    """Prompts with anchors, plain aliases, merge keys (one or a list) and repeated keys."""
    lines = []
    anchors = []
    for index in range(draw(st.integers(1, 2))):
        body = ", ".join(_yaml_member(n, v) for n, v in draw(members))
        lines.append(f"b{index}: &a{index} {{{body}}}")
        anchors.append(f"*a{index}")
    for index in range(draw(st.integers(1, 3))):
        parts = [_yaml_member(n, v) for n, v in draw(members)]
        how = draw(st.sampled_from(["merge", "merge-list", "alias", "plain"]))
        if how == "alias":
            lines.append(f"p{index}: {draw(st.sampled_from(anchors))}")
            continue
        if how == "merge":
            parts.insert(draw(st.integers(0, len(parts))), f"<<: {draw(st.sampled_from(anchors))}")
        elif how == "merge-list":
            parts.insert(0, f"<<: [{', '.join(anchors)}]")
        lines.append(f"p{index}: {{{', '.join(parts)}}}")
    return "\n".join(lines) + "\n"


@st.composite
def json_files(draw: st.DrawFn) -> str:
    prompts = []
    for index in range(draw(st.integers(1, 3))):
        parts = []
        for name, value in draw(members):
            item = json.dumps({"value": value}) if name.startswith("break") else json.dumps(value)
            parts.append(f"{json.dumps(name)}: {item}")
        prompts.append(f'"p{index}": {{{", ".join(parts)}}}')
    return "{" + ", ".join(prompts) + "}"


def _speech_of_each_prompt(document: Any) -> dict[str, Any]:
    return {key: spoken(value) for key, value in document.items()}


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@example(MERGE)
@given(yaml_files())
def test_safe_fixes_keep_what_a_yaml_loader_speaks(text: str) -> None:
    after = fixed_text(text, "yaml")
    assert _speech_of_each_prompt(safe_yaml(after)) == _speech_of_each_prompt(safe_yaml(text))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@example('{"p0": {"text": "a", "text": "b", "break1": {"value": "1s"}}}')
@given(json_files())
def test_safe_fixes_keep_what_json_loads_speaks(text: str) -> None:
    after = fixed_text(text, "json")
    assert _speech_of_each_prompt(json.loads(after)) == _speech_of_each_prompt(json.loads(text))


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(json_files())
def test_unsafe_fixes_speak_every_member_as_written_or_nothing_changes(text: str) -> None:
    before = _speech_of_each_prompt(json.loads(text))
    written = {k: spoken(v) for k, v in json.loads(text, object_pairs_hook=list)}
    after = _speech_of_each_prompt(json.loads(fixed_text(text, "json", unsafe=True)))
    for prompt, said in after.items():
        assert said in (before[prompt], written[prompt])


def test_selection_limits_the_fixes_planned() -> None:
    source = load_bytes(b'{"text1": "a", "break": {"time": "1s"}}', "json")
    problems = check_source(source)
    fixes = plan_fixes(source, problems)
    assert [c.code for f in fixes for c in f.changes] == ["TTS106", "TTS105"]
    only = plan_fixes(source, problems, LintOptions(select=("TTS105",)))
    assert [c.code for f in only for c in f.changes] == ["TTS105"]


def test_the_planned_edits_are_what_fix_writes() -> None:
    text = "a: {text1: Hi, break: {time: 1s}}\nb: {express-as: {style: Cheerful, text: x}}\n"
    source = load_bytes(text.encode(), "yaml")
    edits = [e for f in plan_fixes(source, check_source(source)) for e in f.edits]
    assert apply_edits(text, edits) == fixed_text(text, "yaml")
    assert [(e.line, e.column, e.old, e.new) for e in edits] == [
        (1, 5, "text1", "text"),
        (1, 24, "time", "value"),
        (2, 25, "Cheerful", "cheerful"),
    ]


def test_a_deep_prompt_is_fixed_without_a_recursion_error() -> None:
    # Comparing what the prompts speak once recursed: 400 nested prosody raised
    # RecursionError from lint --fix.
    depth = 400
    text = (
        '{"text1": "a", "prosody": ' + '{"prosody": ' * depth + '{"text": "x"}' + "}" * depth + "}"
    )
    after = fixed_text(text, "json")
    assert after == text.replace('"text1"', '"text"', 1)
