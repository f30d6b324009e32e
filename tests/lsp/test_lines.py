"""Lines as the LSP counts them (ended by CRLF, CR or LF only), against the real server.

Every expected position is counted by hand from the text (UTF-16 code units).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.lsp.client import Client, uri_of
from ttsbuilder.lsp.document import lsp_lines

WAIT = 20.0


def _starts(client: Client, uri: str, version: int | None = None) -> list[tuple[int, int]]:
    found = client.diagnostics(uri, version)
    return [(d["range"]["start"]["line"], d["range"]["start"]["character"]) for d in found]


@pytest.mark.parametrize(
    "separator",
    ["\u2028", "\u2029", "\x85"],  # str.splitlines breaks there; LSP and JSON do not
)
def test_a_line_separator_inside_a_string_is_not_a_line_end(
    client: Client, tmp_path: Path, separator: str
) -> None:
    client.initialize(tmp_path)
    uri = uri_of(tmp_path / "a.json")
    text = '{"text": "a' + separator + 'b",\n "break": {"time": "2s"}}'
    client.open(uri, "json", text)
    assert _starts(client, uri) == [(1, 11)]  # '"time"' on the second line
    # a ranged change on the second line lands there ("time" -> "value")
    client.edit(uri, 2, 1, 12, 16, "value")
    assert _starts(client, uri, 2) == []
    hover = client.at("textDocument/hover", uri, 1, 3)  # on "break"
    assert hover is not None
    assert "break" in hover["contents"]["value"]


def test_a_lone_cr_ends_a_line(client: Client, tmp_path: Path) -> None:
    client.initialize(tmp_path)
    uri = uri_of(tmp_path / "a.json")
    client.open(uri, "json", '{\r  "break": {"time": "2s"}\r}\r')
    found = client.diagnostics(uri)
    assert [d["range"] for d in found] == [
        {"start": {"line": 1, "character": 12}, "end": {"line": 1, "character": 24}}
    ]
    client.edit(uri, 2, 1, 13, 17, "value")
    assert _starts(client, uri, 2) == []


def test_many_problems_in_a_large_document_are_published_promptly(
    client: Client, tmp_path: Path
) -> None:
    """Each diagnostic's position was converted through the whole text: n squared."""
    client.initialize(tmp_path)
    uri = uri_of(tmp_path / "big.json")
    prompts = {f"p{i}": {"text": "Hello", "break": {"time": "2s"}} for i in range(6000)}
    text = json.dumps(prompts, indent=1) + "\n" + " " * 2_000_000
    started = time.monotonic()
    client.open(uri, "json", text)
    found = client.diagnostics(uri)
    assert len(found) == 6000
    assert found[-1]["range"]["start"] == {"line": 6 * 6000 - 2, "character": 3}
    assert time.monotonic() - started < WAIT


@given(st.text(st.sampled_from("ab\r\n\u2028\x85"), max_size=30))
def test_lsp_lines_break_only_at_crlf_cr_lf(text: str) -> None:
    lines = lsp_lines(text)
    assert "".join(lines) == text
    for n, line in enumerate(lines):
        ended = line.endswith(("\r\n", "\r", "\n"))
        assert ended or n == len(lines) - 1
        body = line[:-2] if line.endswith("\r\n") else line[:-1] if ended else line
        assert "\n" not in body
        assert "\r" not in body
        assert not (line.endswith("\r") and lines[n + 1 : n + 2] and lines[n + 1][0] == "\n")
