"""The server keeps answering: random edits, half-typed files, bad and non-prompt documents.

Everything goes through the real protocol (a subprocess over stdio); after each burst of
edits the server must still answer a request and publish diagnostics for every document.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.lsp.client import Client, uri_of

VALID_JSON = json.dumps(
    {
        "text": "Your balance is",
        "say-as": {"interpret-as": "currency", "text": "12.50 USD"},
        "break": {"value": "500ms", "strength": "medium"},
        "prosody": {"rate": "slow", "text": "Goodbye"},
    },
    indent=2,
)
VALID_YAML = (
    "text: Your balance is\n"
    "say-as:\n  interpret-as: currency\n  text: 12.50 USD\n"
    "break:\n  value: 500ms\n"
    "express-as:\n  style: cheerful\n  text: Goodbye\n"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Client, Path]]:
    root = tmp_path_factory.mktemp("workspace")
    client = Client(root)
    try:
        client.initialize(root, {"debounce": 0})
        yield client, root
        assert client.close() == 0
    finally:
        client.kill()


_edit = st.tuples(
    st.floats(0, 1),
    st.integers(0, 12),
    st.text(alphabet='{}[]":,- \n\tabxyz01#&*|>\\é😀', max_size=8),
)

_version = iter(range(2, 1_000_000))


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.sampled_from(["json", "yaml"]), edits=st.lists(_edit, min_size=1, max_size=6))
def test_random_edits_leave_the_server_answering(
    server: tuple[Client, Path], which: str, edits: list[tuple[float, int, str]]
) -> None:
    client, root = server
    uri = uri_of(root / f"random.{which}")
    text = VALID_JSON if which == "json" else VALID_YAML
    version = next(_version)
    client.open(uri, which, text, version)
    for where, length, insert in edits:
        start = int(where * len(text))
        text = text[:start] + insert + text[start + length :]
        version = next(_version)
        client.change(uri, version, [{"text": text}])
    diagnostics = client.diagnostics(uri, version)
    assert all(d["source"] == "ttsbuilder" for d in diagnostics)
    lines = text.split("\n")
    line = min(len(lines) - 1, len(edits))
    position = {"line": line, "character": len(lines[line]) // 2}
    for method in ("textDocument/completion", "textDocument/hover", "textDocument/codeAction"):
        params = {"textDocument": {"uri": uri}, "position": position}
        if method.endswith("codeAction"):
            params = {
                "textDocument": {"uri": uri},
                "range": {"start": position, "end": position},
                "context": {"diagnostics": diagnostics},
            }
        client.request(method, params)
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.diagnostics(uri)


HALF_TYPED = [
    '{"say-as": {"interpret-as": "',
    '{"text": "a", "te',
    '{"break": {"value": 5',
    "[{",
    '{"prosody": {"rate": "fast", "text": "x"}, "prosody": ',
    "say-as:\n  interpret-as: \n  format: d",
    "- text: a\n- break:\n    value: ",
    "express-as:\n  style: [",
    "&a [*a, *a]",
    "\ufeff{",
    "",
]


@pytest.mark.parametrize("text", HALF_TYPED)
def test_half_typed_documents_get_answers(server: tuple[Client, Path], text: str) -> None:
    client, root = server
    which = "yaml" if text and text.lstrip("\ufeff")[:1] not in "{[" else "json"
    uri = uri_of(root / f"half.{which}")
    version = next(_version)
    client.open(uri, which, text, version)
    client.diagnostics(uri, version)
    lines = text.split("\n")
    end = {"line": len(lines) - 1, "character": len(lines[-1])}
    completion = client.request(
        "textDocument/completion", {"textDocument": {"uri": uri}, "position": end}
    )
    assert isinstance(completion["items"], list)
    client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": end})
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.diagnostics(uri)


def test_one_bad_document_does_not_stop_the_others(server: tuple[Client, Path]) -> None:
    client, root = server
    bad, good = uri_of(root / "bad.json"), uri_of(root / "good.yaml")
    deep = '{"text_to_speech_option": ' + "[" * 100_000 + "]" * 100_000 + "}"
    client.open(bad, "json", deep, 1)
    client.open(good, "yaml", "break:\n  time: 2s\n", 1)
    assert [d["code"] for d in client.diagnostics(bad, 1)] == [
        "TTS506"
    ]  # too deep to read, as lint says
    assert [d["code"] for d in client.diagnostics(good, 1)] == ["TTS105"]


def test_a_file_without_a_prompt_gets_no_diagnostics(server: tuple[Client, Path]) -> None:
    client, root = server
    uri = uri_of(root / "package.json")
    client.open(uri, "json", '{"name": "app", "version": "1.0.0", "scripts": {"test": "x"}}', 1)
    assert client.diagnostics(uri, 1) == []
    other = uri_of(root / "notes.txt")
    client.open(other, "plaintext", '{"break": {"time": "2s"}}', 1)
    client.request(
        "textDocument/hover",
        {"textDocument": {"uri": other}, "position": {"line": 0, "character": 1}},
    )
    assert not any(
        n.get("params", {}).get("uri") == other for n in client.notifications
    )  # not a prompt file: never checked


def test_workspace_config_and_client_settings(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ttsbuilder]\nprofile = "azure"\nignore = ["TTS105"]\ninclude = ["*.prompt"]\n'
    )
    text = '{"break": {"time": "2s"}, "break2": {"value": "6000ms"}}'
    client = Client(tmp_path)
    try:
        client.initialize(tmp_path)
        uri = uri_of(tmp_path / "a.json")
        client.open(uri, "json", text, 1)
        # azure allows 6000ms; TTS105 is ignored by the workspace.
        assert client.diagnostics(uri, 1) == []
        included = uri_of(tmp_path / "b.prompt")
        client.open(included, "plaintext", "break:\n  value: 6000ms\n  bogus: 1\n", 1)
        assert [d["code"] for d in client.diagnostics(included, 1)] == ["TTS101"]
        # The client's settings take precedence: back to the enablex profile.
        client.notify(
            "workspace/didChangeConfiguration", {"settings": {"ttsbuilder": {"profile": "enablex"}}}
        )
        codes = [d["code"] for d in client.diagnostics(uri)]
        assert codes == ["TTS202"]  # 6000ms is over the enablex limit
        assert client.close() == 0
    finally:
        client.kill()
