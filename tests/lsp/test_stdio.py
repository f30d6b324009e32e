"""``ttsbuilder lsp`` end to end over stdio, with a client written against the protocol.

Every expected range is counted by hand from the file text; the diagnostics are also
compared with what the real ``ttsbuilder lint --format json`` prints for the same file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.lsp.client import Client, apply, lint, uri_of

JSON_TEXT = '{\n  "text": "Hello",\n  "break": {"time": "2s"}\n}\n'
YAML_TEXT = "text: Hello\nsay-as:\n  interpret-as: dat\n  text: 12/25/2025\n"


def _span(diagnostic: dict[str, Any]) -> tuple[int, int, int, int]:
    start, end = diagnostic["range"]["start"], diagnostic["range"]["end"]
    return start["line"], start["character"], end["line"], end["character"]


def _aslint(diagnostics: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    severity = {1: "error", 2: "warning"}
    return [
        (
            d["range"]["start"]["line"] + 1,
            d["range"]["start"]["character"] + 1,
            d["code"],
            severity[d["severity"]],
            d["message"],
        )
        for d in diagnostics
    ]


def _lint_shown(problems: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (
            p["line"],
            p["column"],
            p["code"],
            p["severity"],
            f"{p['message']} ({p['hint']})" if p.get("hint") else p["message"],
        )
        for p in problems
    ]


def test_json_session(client: Client, tmp_path: Path) -> None:
    path = tmp_path / "welcome.json"
    path.write_text(JSON_TEXT)
    uri = uri_of(path)
    capabilities = client.initialize(tmp_path)
    assert capabilities["hoverProvider"]
    client.open(uri, "json", JSON_TEXT)
    diagnostics = client.diagnostics(uri)
    # Line 3 is '  "break": {"time": "2s"}': '"time": "2s"' spans characters 12 to 24.
    assert [(d["code"], _span(d)) for d in diagnostics] == [("TTS105", (2, 12, 2, 24))]
    assert diagnostics[0]["codeDescription"]["href"].endswith("rules.md#tts105")
    assert _aslint(diagnostics) == _lint_shown(lint(path))

    # An edit as an editor sends it: replace 'Hello' (line 2, characters 11-16) by ''.
    client.edit(uri, 2, 1, 11, 16, "")
    diagnostics = client.diagnostics(uri, 2)
    codes = [(d["code"], _span(d)) for d in diagnostics]
    # '  "text": ""' : the empty text member spans characters 2 to 12.
    assert codes == [("TTS104", (1, 2, 1, 12)), ("TTS105", (2, 12, 2, 24))]

    # Completion inside the break object, after '{': its keys.
    items = client.at("textDocument/completion", uri, 2, 14)["items"]
    assert {i["label"] for i in items} >= {"value", "strength"}

    hover = client.at("textDocument/hover", uri, 2, 15)
    assert "TTS105" in hover["contents"]["value"]
    assert "alias-key" in hover["contents"]["value"]
    assert client.close() == 0


def test_yaml_session(client: Client, tmp_path: Path) -> None:
    path = tmp_path / "menu.yaml"
    path.write_text(YAML_TEXT)
    uri = uri_of(path)
    client.initialize(tmp_path)
    client.open(uri, "yaml", YAML_TEXT)
    diagnostics = client.diagnostics(uri)
    # Line 3 is '  interpret-as: dat': the member spans characters 2 to 19.
    assert [(d["code"], _span(d)) for d in diagnostics] == [("TTS301", (2, 2, 2, 19))]
    assert _aslint(diagnostics) == _lint_shown(lint(path))

    # Type the right value: 'dat' → 'date' by inserting 'e' at line 3, character 19.
    client.edit(uri, 2, 2, 19, 19, "e")
    assert client.diagnostics(uri, 2) == []

    # Completion of format values for interpret-as: date, on a new line '  format: '.
    client.change(
        uri,
        3,
        [
            {
                "range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}},
                "text": "  format: ",
            }
        ],
    )
    items = client.at("textDocument/completion", uri, 4, 10)["items"]
    assert [i["label"] for i in items] == [
        "dmy",
        "mdy",
        "ymd",
        "ydm",
        "ym",
        "my",
        "md",
        "dm",
        "d",
        "m",
        "y",
    ]

    hover = client.at("textDocument/hover", uri, 2, 5)
    assert "interpret-as" in hover["contents"]["value"]
    assert "telephone" in hover["contents"]["value"]
    # On the tree's first member: the SSML the prompt renders to.
    client.change(uri, 4, [{"text": "text: Hello\nbreak:\n  value: 500ms\n"}])
    client.diagnostics(uri, 4)
    hover = client.at("textDocument/hover", uri, 0, 1)
    assert '<break time="500ms"/>' in hover["contents"]["value"]
    assert client.close() == 0


def test_exit_without_shutdown_is_status_1(client: Client, tmp_path: Path) -> None:
    client.initialize(tmp_path)
    client.notify("exit", None)
    assert client.process.wait(30) == 1


def test_apply_helper_counts_utf16() -> None:
    # '😀' is two UTF-16 code units: character 3 is after it.
    assert (
        apply(
            '"😀x"',
            [
                {
                    "range": {
                        "start": {"line": 0, "character": 3},
                        "end": {"line": 0, "character": 4},
                    },
                    "newText": "y",
                }
            ],
        )
        == '"😀y"'
    )


FIXABLE = {
    "json": (
        '{\n  "express-as": {"style": "Cheerful", "text": "Hi"},\n  "break": {"time": "2s"}\n}\n'
    ),
    "yaml": "express-as:\n  style: Cheerful\n  text: Hi\nbreak:\n  time: 2s\n",
}


def _edits(action: dict[str, Any], uri: str) -> list[dict[str, Any]]:
    edits: list[dict[str, Any]] = action["edit"]["changes"][uri]
    return edits


@pytest.mark.parametrize("language", ["json", "yaml"])
def test_code_actions_make_what_lint_fix_writes(
    client: Client, tmp_path: Path, language: str
) -> None:
    text = FIXABLE[language]
    path = tmp_path / f"fixable.{language}"
    path.write_text(text)
    uri = uri_of(path)
    client.initialize(tmp_path)
    client.open(uri, language, text)
    diagnostics = client.diagnostics(uri)
    assert [d["code"] for d in diagnostics] == ["TTS205", "TTS105"]
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": 5, "character": 0}}
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": whole, "context": {"diagnostics": diagnostics}},
    )
    quick = [a for a in actions if a["kind"] == "quickfix"]
    assert [a["diagnostics"][0]["code"] for a in quick] == ["TTS205", "TTS105"]
    assert all(a["isPreferred"] for a in quick)
    # Each quick fix alone repairs its own problem and nothing else.
    for action in quick:
        fixed = apply(text, _edits(action, uri))
        left = [p["code"] for p in _lint_text(tmp_path, language, fixed)]
        assert left == [c for c in ("TTS205", "TTS105") if c != action["diagnostics"][0]["code"]]
    # Fix all is exactly what the real `ttsbuilder lint --fix` writes.
    (fix_all,) = [a for a in actions if a["kind"] == "source.fixAll.ttsbuilder"]
    fixed = apply(text, _edits(fix_all, uri))
    subprocess.run(
        [sys.executable, "-m", "ttsbuilder", "lint", "--fix", str(path)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert fixed == path.read_text()
    client.change(uri, 2, [{"text": fixed}])
    assert client.diagnostics(uri, 2) == []
    only = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": whole,
            "context": {"diagnostics": [], "only": ["source.fixAll"]},
        },
    )
    assert only == []  # nothing left to fix
    assert client.close() == 0


def _lint_text(folder: Path, language: str, text: str) -> list[dict[str, Any]]:
    scratch = folder / f"scratch.{language}"
    scratch.write_text(text)
    return lint(scratch)


def test_unsafe_fixes_are_offered_as_such(client: Client, tmp_path: Path) -> None:
    # Renumbering a repeated key makes both members spoken: a change of what a standard
    # parser reads (it keeps the last), so it is unsafe.
    text = '{"text": "a", "text": "b"}'
    uri = uri_of(tmp_path / "repeated.json")
    client.initialize(tmp_path)
    client.open(uri, "json", text)
    diagnostics = client.diagnostics(uri)
    assert [(d["code"], _span(d)) for d in diagnostics] == [("TTS502", (0, 14, 0, 25))]
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 26}}
    params = {"textDocument": {"uri": uri}, "range": whole, "context": {"diagnostics": diagnostics}}
    (action,) = client.request("textDocument/codeAction", params)
    assert action["kind"] == "quickfix"
    assert "unsafe" in action["title"]
    assert not action["isPreferred"]
    assert apply(text, _edits(action, uri)) == '{"text": "a", "text2": "b"}'
    # With unsafe-fixes, fix all makes it too.
    client.notify(
        "workspace/didChangeConfiguration", {"settings": {"ttsbuilder": {"unsafe-fixes": True}}}
    )
    client.diagnostics(uri)
    kinds = [a["kind"] for a in client.request("textDocument/codeAction", params)]
    assert kinds == ["quickfix", "source.fixAll.ttsbuilder"]
    assert client.close() == 0
