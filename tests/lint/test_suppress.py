"""Suppression comments in YAML files; positions counted by hand."""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ttsbuilder.lint import suppress as suppress_module
from ttsbuilder.lint.check import LintOptions, lint_bytes
from ttsbuilder.lint.runner import Job, lint_path
from ttsbuilder.lint.suppress import suppress, suppressions


def found(text: str, options: LintOptions | None = None) -> list[tuple[str, int, int]]:
    problems = lint_bytes(text.encode(), "yaml", options)
    return [(p.code, p.line or 0, p.column or 0) for p in problems]


UNSIGNED = "prosody:\n  rate: 30%\n  text: Hi\n"


def test_the_problem_to_suppress() -> None:
    assert found(UNSIGNED) == [("TTS212", 2, 3)]  # at the member, as lint places it


def test_a_comment_after_the_content_suppresses_its_line() -> None:
    assert found("prosody:\n  rate: 30%  # ttsbuilder: ignore[TTS212]\n  text: Hi\n") == []


def test_a_comment_on_its_own_line_suppresses_the_next_yaml_line() -> None:
    text = "prosody:\n  # ttsbuilder: ignore[TTS212]\n\n  # why: legacy\n  rate: 30%\n  text: Hi\n"
    assert found(text) == []


def test_codes_by_list_and_by_name() -> None:
    text = (
        "express-as:\n"
        "  style: Cheerful  # ttsbuilder: ignore[TTS205, unsigned-percent]\n"
        "  text: Hi\n"
    )
    assert found(text) == [("TTS507", 2, 20)]  # nothing unsigned on line 2
    text = "express-as:\n  style: Cheerful  # ttsbuilder:ignore[non-canonical-case]\n  text: Hi\n"
    assert found(text) == []


def test_a_bare_ignore_suppresses_every_code_on_its_line() -> None:
    text = "break: {value: 9s, strength: loud}  # ttsbuilder: ignore\n"
    assert found(text.replace("  # ttsbuilder: ignore", "")) == [
        ("TTS202", 1, 9),
        ("TTS203", 1, 20),
    ]
    assert found(text) == []


def test_only_the_named_codes_are_suppressed() -> None:
    text = "break: {value: 9s, strength: loud}  # ttsbuilder: ignore[TTS203]\n"
    assert found(text) == [("TTS202", 1, 9)]


def test_an_unused_suppression_is_reported_at_its_hash() -> None:
    text = "prosody:\n  rate: '+30%'  # ttsbuilder: ignore[TTS212]\n  text: Hi\n"
    problems = lint_bytes(text.encode(), "yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("TTS507", 2, 17)]
    assert problems[0].message == "suppresses nothing: TTS212 is not reported on line 2"
    assert not problems[0].is_error
    bare = lint_bytes(b"text: Hi\n# ttsbuilder: ignore\n", "yaml")
    assert [(p.line, p.column, p.message) for p in bare] == [
        (2, 1, "suppresses nothing: no problem is reported on the end of the file")
    ]


def test_an_unknown_code_is_reported() -> None:
    problems = lint_bytes(b"text: Hi  # ttsbuilder: ignore[TTS999, ]\n", "yaml")
    assert [(p.code, p.column, p.message) for p in problems] == [
        ("TTS507", 11, "'TTS999' is not a rule code or name")
    ]
    problems = lint_bytes(b"text: Hi  # ttsbuilder: ignore[]\n", "yaml")
    assert [p.message for p in problems] == ["'' is not a rule code or name"]


def test_a_hash_inside_a_string_is_not_a_comment() -> None:
    for text in (
        "prosody:\n  rate: 30%\n  text: 'Hi # ttsbuilder: ignore'\n",
        'prosody:\n  rate: 30%\n  text: "Hi # ttsbuilder: ignore"\n',
        "prosody:\n  rate: 30%\n  text: |\n    Hi # ttsbuilder: ignore\n",
        "prosody:\n  rate: 30%\n  text: Hi#ttsbuilder:ignore\n",
    ):
        assert [code for code, _, _ in found(text)][:1] == ["TTS212"], text
    assert suppressions("text: 'a # ttsbuilder: ignore'\n") == []


def test_json_has_no_comments() -> None:
    text = b'{"prosody": {"rate": "30%", "text": "# ttsbuilder: ignore"}}'
    assert [p.code for p in lint_bytes(text, "json")] == ["TTS212"]


def test_a_code_left_out_by_ignore_is_still_a_used_suppression() -> None:
    text = "prosody:\n  rate: 30%  # ttsbuilder: ignore[TTS212]\n  text: Hi\n"
    assert found(text, LintOptions(ignore=("TTS212",))) == []
    assert found(text, LintOptions(select=("TTS1",))) == []
    assert found(text, LintOptions(ignore=("TTS507",))) == []


def test_a_broken_file_keeps_its_syntax_error() -> None:
    text = "prosody: [\n  rate: 30%  # ttsbuilder: ignore[TTS212]\n"
    codes = [code for code, _, _ in found(text)]
    assert codes == ["TTS501"]  # not "unused": a file that did not parse was not checked


def test_a_suppressed_problem_is_not_fixed(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    text = "express-as:\n  style: Cheerful  # ttsbuilder: ignore[TTS205]\n  text: Hi\n"
    path.write_text(text, encoding="utf-8")
    report = lint_path(str(path), Job(fix=True))
    assert report.problems == ()
    assert not report.changes
    assert path.read_text(encoding="utf-8") == text


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=" \t\n#:'\"|>-[]{},abTS0123456789", max_size=60),
    st.sampled_from(["", "[TTS212]", "[TTS1, x]", "[]"]),
)
def test_any_text_with_a_directive_gives_problems_not_errors(text: str, codes: str) -> None:
    data = (text + f" # ttsbuilder: ignore{codes}\n" + text).encode()
    for problem in lint_bytes(data, "yaml"):
        assert problem.line is not None
        if problem.code == "TTS507":
            line = data.decode().split("\n")[problem.line - 1]
            assert line[problem.column - 1] == "#"


@given(
    st.lists(
        st.sampled_from(
            [
                "# ttsbuilder: ignore",
                "  # ttsbuilder: ignore[TTS206]",
                "",
                "   ",
                "# note",
                "a: 1",
                "  b: x  # ttsbuilder: ignore",
            ]
        ),
        max_size=30,
    )
)
def test_an_own_line_comment_covers_the_next_line_with_yaml(lines: list[str]) -> None:
    # The target, by the definition in docs/cli.md, found the slow way: look down.
    text = "\n".join(lines)
    expected = []
    for index, line in enumerate(lines):
        if "ttsbuilder: ignore" not in line:
            continue
        if line.lstrip().startswith("#"):
            later = [
                at + 1
                for at in range(index + 1, len(lines))
                if lines[at].strip() and not lines[at].strip().startswith("#")
            ]
            expected.append(later[0] if later else None)
        else:
            expected.append(index + 1)
    assert [s.target for s in suppressions(text)] == expected


def test_a_run_of_comment_lines_is_read_once() -> None:
    # n comment lines in a row each looked down to the same YAML line: n squared lines read.
    def lines_run(comments: int) -> int:
        text = "\n".join(["# ttsbuilder: ignore[TTS206]"] * comments + ["a: 1"])
        count = 0

        def trace(frame: FrameType, event: str, arg: Any) -> Any:
            nonlocal count
            if event == "line" and frame.f_code.co_filename == suppress_module.__file__:
                count += 1
            return trace

        tracer = sys.gettrace()  # a coverage run's, kept
        sys.settrace(trace)
        try:
            found = suppressions(text)
        finally:
            sys.settrace(tracer)
        assert {s.target for s in found} == {comments + 1}
        return count

    one, two, three = (lines_run(n) for n in (40, 80, 120))
    assert three - two == two - one > 0


def test_a_hash_in_a_string_does_not_hide_the_comments_after_it() -> None:
    text = "'k # ttsbuilder: ignore': 1\na: 'x # y'\nb: 1  # ttsbuilder: ignore\n"
    assert [(s.line, s.column) for s in suppressions(text)] == [(3, 7)]


def test_unused_suppressions_are_reported_by_default_with_their_hints() -> None:
    text = "a: 1  # ttsbuilder: ignore\nb: 2  # ttsbuilder: ignore[no-such-rule]\n"
    found = [(p.code, p.line, p.hint) for p in suppress([], suppressions(text))]
    assert found == [
        ("TTS507", 1, "remove it, or the code that no longer applies"),
        ("TTS507", 2, "see ttsbuilder rule --all"),
    ]
