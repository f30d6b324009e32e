"""Diagnostics are lint's problems with ranges: same list, ranges counted by hand."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ttsbuilder.lint import LintOptions, lint_bytes
from ttsbuilder.lsp.analysis import analyse


def test_same_problems_as_lint() -> None:
    text = '{"break": {"time": "9s"}, "say_as": {"interpret-as": "dat", "text": "x"}}'
    options = LintOptions(ignore=("TTS2",))
    analysis = analyse(text, "json", options)
    assert list(analysis.problems) == lint_bytes(text.encode(), "json", options)


def test_ranges() -> None:
    text = "text: Hi\nbreak:\n  time: 2s   # a comment\nprosody:\n  rate: fastt\n  text: x\n"
    found = [(f.problem.code, f.start, f.end) for f in analyse(text, "yaml").findings]
    # 'time: 2s' is characters 2-10 of line 3; 'rate: fastt' 2-13 of line 5.
    assert found == [("TTS105", (2, 2), (2, 10)), ("TTS210", (4, 2), (4, 13))]
    # A container value: only the key is covered.
    found = [(f.start, f.end) for f in analyse('{"say-as": {"text": "x"}}', "json").findings]
    assert found == [((0, 1), (0, 9))]


@given(st.text(max_size=80))
def test_any_text_is_analysed(text: str) -> None:
    for format in ("json", "yaml"):
        for finding in analyse(text, format).findings:  # type: ignore[arg-type]
            assert finding.start <= finding.end
