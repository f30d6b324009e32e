"""``may_hold_prompt()``: the walk's look at a file's bytes before parsing it.

Its promise is one-sided: when it says False, :func:`holds_prompt` of the parsed file
says False too. Held here over every prompt the strategies make, written as JSON and as
YAML in the styles ruamel.yaml and the npm ``yaml`` package emit, inside catalogs, and
over hand-written spellings a key can take; then over a corpus of real files, parsed.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sysconfig
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from ttsbuilder.cli import main
from ttsbuilder.lint.discovery import holds_prompt, may_hold_prompt
from ttsbuilder.lint.loaders import format_for, load_bytes, sniff_format
from ttsbuilder.strategies import PAYLOAD_KINDS, payloads, trees

ROOT = Path(__file__).resolve().parent.parent.parent
NODE_DIR = ROOT / "tests" / "node"
NODE = shutil.which("node")


def holds(data: bytes, format: str) -> bool:
    return holds_prompt(data, load_bytes(data, format))  # type: ignore[arg-type]


def yaml_text(document: Any, flow: bool | None, width: int) -> bytes:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = flow
    yaml.width = width
    yaml.allow_unicode = True
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue().encode("utf-8")


PROMPTS = st.one_of(
    trees(warnings=True),
    st.sampled_from(PAYLOAD_KINDS).flatmap(lambda kind: payloads(kind)),
)


@settings(max_examples=150)
@given(
    PROMPTS,
    st.text(min_size=1, max_size=8),
    st.sampled_from(["alone", "in a catalog", "in a list"]),
    st.booleans(),
    st.sampled_from([None, True, False]),
    st.sampled_from([20, 80, 4096]),
)
def test_whatever_holds_a_prompt_may_hold_one(
    prompt: dict[str, Any], name: str, place: str, ascii: bool, flow: bool | None, width: int
) -> None:
    document: Any = {"alone": prompt, "in a catalog": {name: prompt}, "in a list": [prompt]}[place]
    for data, format in (
        (json.dumps(document, ensure_ascii=ascii).encode(), "json"),
        (json.dumps(document, indent=2, ensure_ascii=ascii).encode(), "json"),
        (yaml_text(document, flow, width), "yaml"),
    ):
        if holds(data, format):
            assert may_hold_prompt(data), data


@pytest.mark.parametrize(
    "text",
    [
        '{"t\\u0065xt": "Hi", "break": {"value": "1s"}}',  # an escaped key
        'hi:\n  "te\\x74t": Hi\n  "\\x62reak": {value: 1s}\n',
        "? text\n: Hi\n? break\n: {value: 1s}\n",  # explicit keys
        "a: &k text\nb: &b break\nwelcome: {*k : Hi, *b : {value: 1s}}\n",  # aliases as keys
        "\ufefftext: Hi\nbreak: {value: 1s}\n",  # after a byte order mark
        "hold: true\n",
        "text: Hi",  # a key at the very start, and a word character at the very end
        "text: Hi\n---\ntext: Bye\n",  # each document of a stream is a whole file
        "- {from: '+14255550100', to: 'sip:desk@example.com'}\n",
        "# yaml-language-server: $schema=../schemas/tts.schema.json\nhi:\n  text: Hi\n",
        '{"$schema": "../schemas/tts.schema.json", "hi": {"text": "Hi"}}',
        '{"welcome": {"text": "Hi", "say_as": {"interpret_as": "date"}}',  # broken JSON
        "openapi: 3.1.0\n---\nwelcome: {text: Hi, break: {value: 1s}}\n",  # two documents
        "# a YAML flow sequence\n[\nopenapi: 3,\n{text: Hi, break: {value: 1s}}\n]\n",
        "openapi: 3.1.0\nhi: {text: Hi}\n# yaml-language-server: $schema=tts.schema.json\n",
        # "openapi:" at the start of a line but no root key: inside a quoted scalar or a
        # flow collection that goes on over lines (ruamel.yaml reads both at column 0).
        "text: 'Hi\nopenapi: 3'\nbreak: {value: 1s}\n",
        'text: "Hi\nopenapi: 3"\nbreak: {value: 1s}\n',
        'hi: {text: Hi, break: {value: 1s}}\nnote: &n "a \\"quote\\"\nopenapi: 3"\n',
        "text: Hi\nbreak: {value: 1s,\nopenapi: 3 }\n",
        "text: Hi\nbreak: {value: [1s, {a: 1}],\nopenapi: 3 }\n",
        "text: Hi\nbreak:\n  {value: 1s,\nopenapi: 3}\n",
        "? text\n: 'Hi\nopenapi: 3'\nbreak: {value: 1s}\n",
        # A schema of ours named across an escaped line break (YAML 1.2 7.3.1: no space).
        '$schema: "../tts.schema.\\\n  json"\nhi: {a: 1}\n',
        '$schema: "../tts.sche\\\r\n  ma.json"\r\nhi: {a: 1}\r\n',
        # JSON with comments, which lint reads (and reports, TTS501): a comment between a
        # key and its ':'.
        '{"text" // the greeting\n  : "Hi", "break" /* a pause */ : {"value": "1s"},}',
        '{"text"/*1*/:"Hi"}',
    ],
)
def test_a_key_spelt_any_way_is_parsed(text: str) -> None:
    data = text.encode("utf-8")
    format = sniff_format(data)
    assert holds(data, format)  # each of these holds a prompt...
    assert may_hold_prompt(data)  # ...so it must be parsed


@pytest.mark.parametrize(
    "text",
    [
        "lockfileVersion: '9.0'\npackages:\n  text-table@0.2.0:\n    resolution: {integrity: x}\n",
        "description: starts from the text of a break\nhold_music: jazz\n",
        # An API description's examples are no prompts: known from its root key.
        "info: {title: Voice}\nopenapi: 3.1.0\npaths: {}\nexamples:\n  a: {text: Hi, break: {}}\n",
        "# the API\n%YAML 1.2\n---\nswagger: '2.0'\nx:\n  ? text\n  : Hi\n",
        "a: 1\nopenapi: 3.1.0\nx: {text: Hi, break: {}}\n",  # a one-letter first key
        # "*" and "?" start an alias or an explicit key only after a blank or "[{,".
        'note: "*starred*"\nq: (maybe)? yes\n',
    ],
)
def test_what_is_certainly_no_prompt_is_not_parsed(text: str) -> None:
    data = text.encode("utf-8")
    assert not may_hold_prompt(data)
    assert not holds(data, "yaml")


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@settings(max_examples=40, deadline=None)
@given(PROMPTS, st.sampled_from(["PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_FOLDED"]))
def test_yaml_written_by_another_emitter_may_hold_one(prompt: Any, style: str) -> None:
    """The npm ``yaml`` package writes the same prompt its own way (keys quoted, flow)."""
    assert NODE is not None
    script = (
        "const Y = require('yaml'); let s = ''; process.stdin.on('data', d => s += d);"
        "process.stdin.on('end', () => { const v = JSON.parse(s);"
        f"process.stdout.write(Y.stringify({{catalog: v}}, {{defaultKeyType: '{style}',"
        f" defaultStringType: '{style}', collectionStyle: 'any'}})); }});"
    )
    done = subprocess.run(
        [NODE, "-e", script],
        input=json.dumps(prompt).encode(),
        capture_output=True,
        timeout=60,
        check=True,
        env={**os.environ, "NODE_PATH": str(NODE_DIR / "node_modules")},
    )
    if holds(done.stdout, "yaml"):
        assert may_hold_prompt(done.stdout), done.stdout


def test_real_files_it_passes_over_hold_no_prompt() -> None:
    """Every JSON and YAML file of the installed packages and the node tools: those it
    would not parse, parsed, hold no prompt; and it passes most of them over."""
    passed = total = 0
    for top in (Path(sysconfig.get_paths()["purelib"]), NODE_DIR):
        for folder, _, names in os.walk(top):
            for name in names:
                path = os.path.join(folder, name)
                format = format_for(path)
                if format not in ("json", "yaml") or os.path.getsize(path) > 2_000_000:
                    continue
                data = Path(path).read_bytes()
                total += 1
                if not may_hold_prompt(data):
                    passed += 1
                    assert not holds(data, format), path
    assert total > 100
    assert passed > total // 2


def test_the_walk_counts_a_file_passed_over_as_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pnpm-lock.yaml").write_text("lockfileVersion: '9.0'\npackages: {}\n")
    (tmp_path / "openapi.yaml").write_text("openapi: 3.1.0\nx: {text: Hi, break: 1}\n")
    (tmp_path / "prompt.yaml").write_text("text: Hi\nbreak: {value: 9s}\n")
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "."]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "1 error in 1 of 1 file (2 files skipped: no prompt)"
    assert main(["lint", "openapi.yaml"]) == 1  # named, it is checked all the same


def test_every_rule_example_that_holds_a_prompt_may_hold_one() -> None:
    from ttsbuilder.rules import RULES

    checked = 0
    for rule in RULES.values():
        for example in (rule.bad, rule.good):
            datas = [example.encode()]
            with contextlib.suppress(ValueError):  # not a file's broken text, nor SSML
                datas.append(yaml_text(json.loads(example), False, 80))
            for data in datas:
                checked += 1
                format = sniff_format(data)
                if format != "ssml" and holds(data, format):
                    assert may_hold_prompt(data), (rule.code, data)
    assert checked > 200


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
def test_a_prompt_saved_in_utf_16_or_32_is_reported_not_passed_over(
    encoding: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Windows editors save "Unicode" text as UTF-16 (with a byte order mark); YAML 1.2
    (5.2) and RFC 8259 (8.1, "MUST be UTF-8") both know these encodings by their first
    bytes. Such a prompt was passed over by a walk; it is now found, and reported as a
    file that is not UTF-8 (TTS503) or, without a byte order mark, not JSON (TTS501).
    A package.json in UTF-16 is still no prompt."""
    from ttsbuilder.lint.discovery import prompt_source

    prompt = '{"welcome": {"text": "Hi", "break": {"value": "1s"}}}'
    yaml_prompt = "welcome:\n  text: Hi\n  break: {value: 1s}\n"
    package = '{"name": "left-pad", "scripts": {"test": "jest"}}'
    for text, format in ((prompt, "json"), (yaml_prompt, "yaml")):
        data = text.encode(encoding)
        assert may_hold_prompt(data)
        assert prompt_source(data, format) is not None  # type: ignore[arg-type]
    assert prompt_source(package.encode(encoding), "json") is None
    declared = "# yaml-language-server: $schema=../tts.schema.json\nhi: {a: 1}\n"
    assert prompt_source(declared.encode(encoding), "yaml") is not None
    (tmp_path / "welcome.json").write_bytes(prompt.encode(encoding))
    (tmp_path / "package.json").write_bytes(package.encode(encoding))
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "."]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("welcome.json:1:"), out
    assert " TTS50" in out[0], out
    assert out[-1].endswith("in 1 of 1 file (1 file skipped: no prompt)"), out


YAML_PIECES = [
    "text: ",
    "Hi",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ", ",
    "\n",
    "openapi: 3",
    "\nopenapi: 3\n",
    "\nswagger: '2.0'\n",
    "break: {value: 1s}",
    "  ",
    " # c",
    "\\",
    "''",
    ": ",
    "- ",
    "? ",
    "&a ",
    "*a ",
    "!!str ",
    "---\n",
    "...\n",
    "\r\n",
    "\t",
    "|\n",
    ">-\n",
    "<<: ",
    "text2",
    "\ufeff",
    "%YAML 1.2\n",
    "a",
    "1",
]


YAML_BASES = [
    "text: Hi\nbreak: {value: 1s}\n",
    "hi:\n  text: Hi\n  break: {value: 1s}\n",
    "x: 1\nopenapi: 3\n",
    "hold: true\n",
    "- {text: Hi, voice: female}\n",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(YAML_BASES), min_size=1, max_size=3),
    st.lists(st.tuples(st.floats(0, 1), st.sampled_from(YAML_PIECES)), max_size=6),
)
def test_yaml_pieces_it_passes_over_hold_no_prompt(
    bases: list[str], pieces: list[tuple[float, str]]
) -> None:
    """Prompts and "openapi:" lines with pieces put in anywhere that open, close and hide
    YAML's keys and scalars: what the look passes over, ruamel.yaml reads as holding no
    prompt. (20,000 random texts of this kind: 5,044 passed over, none holding one.)"""
    text = "".join(bases)
    for where, piece in pieces:
        at = round(where * len(text))
        text = text[:at] + piece + text[at:]
    data = text.encode("utf-8")
    if not may_hold_prompt(data):
        assert not holds(data, "yaml"), data


@pytest.mark.parametrize(
    "prefix",
    [b"[" * 30_000 + b"]" * 30_000, b" '''" * 15_000, b' "\\"' * 15_000, b" [a, 'b'" * 8_000],
)
def test_the_look_at_an_api_description_costs_as_much_as_its_length(prefix: bytes) -> None:
    import time

    data = b"a: " + prefix + b"\nopenapi: 3.1.0\nx: {text: Hi, break: {value: 1s}}\n"
    started = time.process_time()
    may_hold_prompt(data)
    assert time.process_time() - started < 1  # about 30 ms


def test_a_broken_file_without_a_marker_is_passed_over() -> None:
    """docs/cli.md item 4: a file that cannot be parsed holds a prompt only when its
    bytes contain a key only prompts use. The one leniency is JSON's: a .json file that
    parses once its comments and trailing commas are gone is judged by what it holds."""
    from ttsbuilder.lint.discovery import prompt_source

    prompt = b'{"text": "Hi", "break": {"value": "1s"}}'
    assert prompt_source(prompt + b" // end\n", "json") is not None
    assert prompt_source(prompt + b" // end\n", "yaml") is None  # not JSON's leniency
    assert prompt_source(b'{"text": "Hi" "break": {"value": "1s"}}', "json") is None
    assert prompt_source(b'{"say_as": {"interpret_as": "date"} "text": "1"}', "json")
