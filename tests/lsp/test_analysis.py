"""Diagnostics are lint's problems with ranges: same list, ranges counted by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttsbuilder.lint import LintOptions, lint_bytes
from ttsbuilder.lsp import analysis as analysis_module
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


def test_a_document_that_certainly_holds_no_prompt_is_not_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An API description in YAML (megabytes, seconds to parse) holds up no one."""
    description = "info: {title: Voice}\nopenapi: 3.1.0\npaths:\n" + "".join(
        f"  /p{n}:\n    put:\n      description: plays from the start\n" for n in range(2000)
    )
    lock = "lockfileVersion: '9.0'\npackages:\n  left-pad@1.3.0: {}\n"

    def refuse(*_: object) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(analysis_module, "load_bytes", refuse)
    for text in (description, lock):
        found = analyse(text, "yaml")
        assert (found.prompt, found.problems, found.findings) == (False, (), ())
    with pytest.raises(AssertionError, match="parsed"):
        analyse("text: Hi\n", "yaml")  # what may be a prompt is parsed
