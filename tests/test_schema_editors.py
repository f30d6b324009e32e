"""Editor help from the published schemas, in the language services editors really run.

VS Code's JSON support is ``vscode-json-languageservice``; the YAML extension, and Neovim's
``yamlls``, run ``yaml-language-server``. tests/node/schema_services.js loads both with
node, opens prompt files that name a schema file on disk (JSON by ``$schema``, YAML by the
``# yaml-language-server: $schema=`` modeline, or either by the catalog's ``fileMatch``)
and prints their completion, hover and diagnostics. Schemas are read from local files
only; any other request is refused and makes the test fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ttsbuilder.profiles import AZURE_STYLES, ENABLEX_STYLES
from ttsbuilder.published import catalog, schema, schema_path

NODE_DIR = Path(__file__).parent / "node"
SCRIPT = NODE_DIR / "schema_services.js"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(
    NODE is None or not (NODE_DIR / "node_modules").is_dir(),
    reason="node tools not installed: make tests/node/node_modules/.installed",
)

STYLES = {"enablex": sorted(ENABLEX_STYLES), "azure": sorted(AZURE_STYLES)}
# A style each profile's schema must flag: enablex knows five, azure takes any non-empty one.
WRONG_STYLE = {"enablex": "bogus", "azure": ""}
# What the hover on interpret-as must show: its description in the schema.
INTERPRET_AS_HELP = schema("tts")["$defs"]["say-as"]["properties"]["interpret-as"]["description"]

JSON_PROMPT = """{{{schema_line}
  "text_to_speech_option": {{
    "express-as": {{"style": "{style}", "text": "Hello"}},
    "say-as": {{"interpret-as": "date", "format": "mdy", "text": "10/19/2020"}}
  }}
}}
"""
YAML_PROMPT = """{schema_line}
text_to_speech_option:
  express-as:
    style: {style}
    text: Hello
  say-as:
    interpret-as: date
    format: mdy
    text: 10/19/2020
"""


def run_services(jobs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(SCRIPT)],
        input=json.dumps(jobs),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "NODE_PATH": str(NODE_DIR / "node_modules")},
        cwd=NODE_DIR,
    )
    assert done.returncode == 0, done.stderr
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results


def prompt(
    language: str, profile: str, folder: Path, style: str, *, named: bool, name: str = "welcome"
) -> dict[str, Any]:
    """A job: a play prompt whose schema is named in the file, or found by its file name.

    Each job needs a ``name`` of its own: the YAML service caches a document by its URI.
    """
    schema_file = schema_path("play", profile)
    relative = Path(os.path.relpath(schema_file, folder)).as_posix()
    stem = schema_file.name.removesuffix(".schema.json")
    if language == "json":
        schema_line = f'\n  "$schema": "{relative}",' if named else ""
        text = JSON_PROMPT.format(schema_line=schema_line, style=style)
    else:
        schema_line = f"# yaml-language-server: $schema={relative}" if named else "# a prompt"
        text = YAML_PROMPT.format(schema_line=schema_line, style=style if style else '""')
    lines = text.split("\n")
    line_number = next(n for n, line in enumerate(lines) if "style" in line)
    after = '"style": "' if language == "json" else "style: "
    column = lines[line_number].index(after) + len(after)
    hover_line = next(n for n, line in enumerate(lines) if "interpret-as" in line)
    job: dict[str, Any] = {
        "language": language,
        "uri": (folder / f"{name}.{stem}.{language}").as_uri(),
        "text": text,
        "complete": [[line_number, column]],
        "hover": [[hover_line, lines[hover_line].index("interpret-as") + 3]],
        "style_line": line_number,
    }
    if not named:
        (entry,) = (e for e in catalog()["schemas"] if e["url"] == schema("play", profile)["$id"])
        job["schemas"] = [{"uri": schema_file.as_uri(), "fileMatch": entry["fileMatch"]}]
    return job


def plain(markdown: str) -> str:
    """Markdown as text: the JSON service escapes punctuation (``\\(TTS301\\)``)."""
    return re.sub(r"\\(.)", r"\1", markdown)


CASES = [
    (language, profile, named)
    for language in ("json", "yaml")
    for profile in ("enablex", "azure")
    for named in (True, False)
]


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, bool, str], Any]:
    """Every case, with an empty, a wrong and a right style, in one node run."""
    folder = tmp_path_factory.mktemp("prompts")
    keys: list[tuple[str, str, bool, str]] = []
    jobs: list[dict[str, Any]] = []
    for language, profile, named in CASES:
        for which, style in (("empty", ""), ("wrong", WRONG_STYLE[profile]), ("right", "gentle")):
            keys.append((language, profile, named, which))
            name = f"{which}-{'named' if named else 'matched'}"
            jobs.append(prompt(language, profile, folder, style, named=named, name=name))
    results = run_services([{k: v for k, v in j.items() if k != "style_line"} for j in jobs])
    return {
        key: {**result, "style_line": job["style_line"], "schema": schema_path("play", key[1])}
        for key, job, result in zip(keys, jobs, results, strict=True)
    }


def case_id(case: tuple[str, str, bool]) -> str:
    language, profile, named = case
    return f"{language}-{profile}-{'named' if named else 'by-file-name'}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_completion_offers_the_profiles_styles(
    case: tuple[str, str, bool], answers: dict[tuple[str, str, bool, str], Any]
) -> None:
    language, profile, named = case
    (labels,) = answers[(language, profile, named, "empty")]["completions"]
    offered = sorted(label.strip('"') for label in labels)
    assert offered == STYLES[profile]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_hover_on_interpret_as_shows_its_description(
    case: tuple[str, str, bool], answers: dict[tuple[str, str, bool, str], Any]
) -> None:
    (hover,) = answers[(*case, "right")]["hovers"]
    assert INTERPRET_AS_HELP in plain(hover)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_a_wrong_style_is_a_diagnostic_and_a_right_one_is_not(
    case: tuple[str, str, bool], answers: dict[tuple[str, str, bool, str], Any]
) -> None:
    wrong = answers[(*case, "wrong")]
    assert [d["line"] for d in wrong["diagnostics"]] == [wrong["style_line"]], wrong
    assert wrong["diagnostics"][0]["severity"] in (1, 2)  # LSP error or warning
    assert answers[(*case, "right")]["diagnostics"] == []


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_only_the_local_schema_file_is_read(
    case: tuple[str, str, bool], answers: dict[tuple[str, str, bool, str], Any]
) -> None:
    for which in ("empty", "wrong", "right"):
        answer = answers[(*case, which)]
        assert set(answer["requested"]) == {answer["schema"].as_uri()}
