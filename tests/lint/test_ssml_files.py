"""SSML prompt files linted: positions counted by hand, hostile files, the rules' examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ttsbuilder.lint.check import LintOptions, lint_bytes
from ttsbuilder.lint.loaders import format_for, load_bytes, sniff_format
from ttsbuilder.lint.ssml_files import load_ssml, speaks
from ttsbuilder.rules import RULES
from ttsbuilder.rules.base import Rule
from ttsbuilder.rules.ssml_files import FAMILY
from ttsbuilder.ssml import MAX_SSML_BYTES, render_ssml
from ttsbuilder.strategies import trees

DATA = Path(__file__).resolve().parents[1] / "data" / "ssml"
SPEAK = '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en-US">'
SSML_RULES = [rule for rule in RULES.values() if rule.family == FAMILY]


def resolve(document: Any, pointer: str) -> Any:
    for part in pointer.split("/")[1:]:
        document = document[part]
    return document


def found(data: bytes, **options: Any) -> list[tuple[str, int | None, int | None]]:
    return [(p.code, p.line, p.column) for p in lint_bytes(data, "ssml", LintOptions(**options))]


def test_mistakes_are_at_the_lines_and_columns_counted_by_hand() -> None:
    # Counted in tests/data/ssml/mistakes.ssml with an editor: the attribute each
    # problem is about; the prosody tag starts on line 7 and its rate is on line 8.
    data = (DATA / "mistakes.ssml").read_bytes()
    assert found(data) == [
        ("TTS202", 5, 21),  # <break time="10s"/>: time
        ("TTS301", 6, 13),  # <say-as interpret-as="dates">: interpret-as
        ("TTS211", 8, 9),  # rate="+300%" on the prosody tag's second line
        ("TTS205", 9, 20),  # <mstts:silence type="Sentenceboundary">: type
    ]


def test_the_azure_schema_reports_at_its_element_or_attribute() -> None:
    data = (DATA / "schema.ssml").read_bytes()
    problems = lint_bytes(data, "ssml")
    assert [(p.code, p.line, p.column) for p in problems] == [
        ("TTS512", 1, 1),  # <speak> without version
        ("TTS512", 3, 28),  # strength="huge", by the schema
        ("TTS203", 3, 28),  # and by the tree's rule
    ]
    assert "'version' is required" in problems[0].message
    assert "{http" not in problems[1].message  # names written as SSML authors write them


def test_a_file_without_the_azure_dialect_is_not_checked_against_its_schema() -> None:
    # No mstts namespace, no Azure voice name: no version is no problem here.
    assert found(b'<speak><voice name="Mike">Hi</voice></speak>') == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_ssml_on_standard_input_is_sniffed_as_ssml(encoding: str) -> None:
    # docs/cli.md: standard input whose first non-blank character is "<" is SSML, and a
    # UTF-16 file with a byte order mark is read as such; on standard input it was
    # "TTS503 the file is not UTF-8".
    text = '\n  <speak>\n<voice name="x">Hi <break time="10s"/></voice></speak>'
    data = text.encode(encoding)
    if encoding != "utf-16":
        data = ("\ufeff" + text).encode(encoding)  # the mark written by hand
    assert sniff_format(data) == "ssml"
    problems = lint_bytes(data, sniff_format(data))
    assert [(p.code, p.line, p.column) for p in problems] == [("TTS202", 3, 27)]  # counted by hand


@pytest.mark.parametrize(
    "voice", ["en-US-Wavenet-F", "en-US-Neural2-F", "cmn-CN-Wavenet-A", "en-US-Chirp3-HD-Aoede"]
)
def test_a_google_voice_name_is_not_the_azure_dialect(voice: str) -> None:
    # What `render --target google` writes: Microsoft's schema wanted its namespace
    # and version on it (TTS512), so lint and render refused the project's own output.
    data = f'<speak><voice name="{voice}">Hi<break time="1s"/></voice></speak>'.encode()
    assert found(data) == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees(), st.sampled_from(["female", "male"]), st.sampled_from(["en-US", "de-DE", "zh-CN"]))
def test_the_google_rendering_of_a_tree_is_never_judged_by_microsofts_schema(
    tree: dict[str, Any], voice: str, language: str
) -> None:
    ssml = render_ssml(tree, "google", voice=voice, language=language)
    assert "TTS512" not in [code for code, _, _ in found(ssml.encode())]


def test_an_azure_file_without_the_ssml_namespace_is_told_what_azure_needs() -> None:
    # libxml2's own words were "No matching global declaration available for the
    # validation root", which names neither the namespace nor what to write.
    data = b'<speak xml:lang="en-US"><voice name="en-US-JennyNeural">Hi</voice></speak>'
    (problem,) = lint_bytes(data, "ssml")
    assert (problem.code, problem.line, problem.column) == ("TTS512", 1, 1)
    assert problem.message == (
        "<speak> is not in the SSML namespace: Azure needs "
        '<speak xmlns="http://www.w3.org/2001/10/synthesis" version="1.0">'
    )


def test_an_azure_voice_name_in_any_case_is_the_azure_dialect() -> None:
    for voice in ("en-US-JennyNeural", "en-us-jennyneural", "en-US-Ava:DragonHDLatestNeural"):
        data = f'<speak><voice name="{voice}">Hi</voice></speak>'.encode()
        assert [code for code, _, _ in found(data)] == ["TTS512"]


def test_the_https_mstts_namespace_is_checked_as_microsofts_schema_writes_it() -> None:
    data = (
        f'{SPEAK[:-1]} xmlns:mstts="https://www.w3.org/2001/mstts">'
        '<voice name="en-US-JennyNeural">Hi\n<mstts:silence type="Leading" value="1 s"/>'
        "</voice></speak>"
    ).encode()
    # The reader refuses "1 s" (TTS511) and the schema's pattern does too (TTS512).
    assert found(data) == [("TTS511", 2, 1), ("TTS512", 2, 31)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # not well-formed: libxml2's position (the end of the bad end tag)
        ("<speak>\n  <voice>Hi</voce></speak>", [("TTS510", 2, 19)]),
        # after non-ASCII text, libxml2 counts the column in characters too
        ("<speak>\n  ééé</speak2>", [("TTS510", 2, 15)]),
        ("<speak>\n  ééé<x a='1' a='2'/></speak>", [("TTS510", 2, 20)]),
        ("<speak>\n <voice>Hi\n   <audio src='a.wav'/></voice></speak>", [("TTS511", 3, 4)]),
        ("<speak><voice>a</voice>\n<voice>b</voice></speak>", [("TTS511", 2, 1)]),
        ("<?xml version='1.0'?>\n<html><p>Hi</p></html>", [("TTS511", 2, 1)]),
        ("<speak>Hi<?php echo 1 ?></speak>", [("TTS511", 1, 10)]),
        (
            "<speak>\n<prosody rate='+1%'><mstts:silence "
            "xmlns:mstts='http://www.w3.org/2001/mstts' "
            "type='Leading' value='1s'/></prosody></speak>",
            [("TTS512", 1, 1), ("TTS511", 2, 21)],
        ),
        ("", [("TTS504", 1, 1)]),
        ("  \n ", [("TTS504", 1, 1)]),
    ],
)
def test_refusals_are_problems_at_their_position(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    assert found(text.encode()) == expected


# --- hostile files ---------------------------------------------------------------------

LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE speak [\n <!ENTITY a "ha">\n'
    ' <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n'
    ' <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n<speak>&c;</speak>'
)
EXTERNAL = (
    '<?xml version="1.0"?>\n<!DOCTYPE speak [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    "<speak>&x;</speak>"
)


@pytest.mark.parametrize(
    ("data", "code", "line"),
    [
        (LAUGHS.encode(), "TTS510", 3),
        (EXTERNAL.encode(), "TTS510", 2),
        (b'<!DOCTYPE speak SYSTEM "http://127.0.0.1:9/x.dtd"><speak>Hi</speak>', None, None),
        (b"<speak>&undefined;</speak>", "TTS510", 1),
        (b"<speak>Caf\xe9</speak>", "TTS510", 1),  # Latin-1 with no declaration
        (b"<speak>" + b"a" * MAX_SSML_BYTES + b"</speak>", "TTS510", 1),
        (b"<speak>" + b"<prosody>" * 5000 + b"x" + b"</prosody>" * 5000 + b"</speak>", "TTS510", 1),
        (b"<speak>" + b"<prosody>" * 60 + b"x" + b"</prosody>" * 60 + b"</speak>", "TTS511", 1),
        (b"\x00\xff\xfe<speak", "TTS510", 1),
        (b"<speak><![CDATA[a <b> c]]></speak>", None, None),
    ],
    ids=[
        "billion-laughs",
        "external-entity",
        "external-dtd-not-loaded",
        "undefined-entity",
        "latin-1",
        "huge",
        "very-deep",
        "deeper-than-a-tree",
        "binary",
        "cdata-is-text",
    ],
)
def test_hostile_files_are_problems_not_crashes(
    data: bytes, code: str | None, line: int | None
) -> None:
    problems = lint_bytes(data, "ssml")
    if code is None:
        assert [p for p in problems if p.is_error] == []
    else:
        assert [(p.code, p.line) for p in problems] == [(code, line)]
        assert problems[0].column is not None


def test_an_element_with_80000_attributes_is_answered_quickly() -> None:
    # lxml finds an attribute's value by a search of them all: reading every value took
    # 76 s here before the reader checked the names first (now about 0.3 s).
    import time

    names = b" ".join(b'a%d="1"' % n for n in range(80_000))
    data = b"<speak><prosody " + names + b">x</prosody></speak>"
    started = time.perf_counter()
    assert found(data) == [("TTS511", 1, 8)]
    assert time.perf_counter() - started < 10


def test_nothing_is_fetched_whatever_the_file_points_at() -> None:
    # A server on 127.0.0.1 counts requests: a DTD, an external entity, a schema location
    # and an XInclude all point at it, in an Azure-dialect file (the schema is checked).
    import http.server
    import threading

    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    server.timeout = 5
    url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        files = [
            f'<!DOCTYPE speak SYSTEM "{url}/a.dtd">\n<speak>Hi</speak>',
            f'<!DOCTYPE speak [<!ENTITY x SYSTEM "{url}/b">]>\n<speak>&x;</speak>',
            f'{SPEAK[:-1]} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'xsi:schemaLocation="http://www.w3.org/2001/10/synthesis {url}/c.xsd">'
            '<voice name="en-US-JennyNeural">Hi</voice></speak>',
            f'<speak xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="{url}/d"/>'
            "</speak>",
        ]
        for text in files:
            lint_bytes(text.encode(), "ssml")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert requests == []


def test_entities_are_never_expanded_into_the_tree() -> None:
    source = load_ssml(EXTERNAL.encode())
    assert not source.parsed
    assert "refused" in source.problems[0].message


def test_an_encoding_the_file_declares_is_honoured() -> None:
    latin = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<speak>Café</speak>'.encode("latin-1")
    assert load_ssml(latin).document == {"text": "Café"}
    utf16 = "<speak>\n<break time='9s'/></speak>".encode("utf-16")
    assert found(utf16) == [("TTS202", 2, 8)]


# --- the rules' own examples --------------------------------------------------------------


def test_the_ssml_file_rules_are_registered() -> None:
    assert [r.code for r in SSML_RULES] == ["TTS510", "TTS511", "TTS512"]


@pytest.mark.parametrize("rule", SSML_RULES, ids=lambda r: r.code)
def test_bad_example_fails_with_its_code(rule: Rule) -> None:
    assert rule.code in {code for code, _, _ in found(rule.bad.encode())}


@pytest.mark.parametrize("rule", SSML_RULES, ids=lambda r: r.code)
def test_good_example_passes_clean(rule: Rule) -> None:
    assert found(rule.good.encode()) == []


# --- formats and detection ----------------------------------------------------------------


def test_ssml_and_xml_files_are_read_as_ssml_and_standard_input_is_sniffed() -> None:
    assert format_for("a/welcome.ssml") == format_for("b.XML") == "ssml"
    assert sniff_format(b"\xef\xbb\xbf  <?xml version='1.0'?><speak/>") == "ssml"
    assert load_bytes(b"<speak>Hi</speak>", "ssml").document == {"text": "Hi"}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<?xml version="1.0"?>\n<!-- a prompt -->\n<speak>Hi</speak>', True),
        (b'<speak xmlns="http://www.w3.org/2001/10/synthesis"/>', True),
        (b"<s:speak xmlns:s='http://www.w3.org/2001/10/synthesis'/>", True),
        (b"<project><speak/></project>", False),  # a pom.xml that mentions speak
        (b"<!-- <speak> --><project/>", False),
        ("<?xml version='1.0' encoding='UTF-16'?><speak>Hi</speak>".encode("utf-16"), True),
        (b"", False),
        (b"\xff\xfe", False),
    ],
)
def test_only_a_speak_root_is_a_prompt(data: bytes, expected: bool) -> None:
    assert speaks(data) is expected


def test_a_text_after_a_comment_is_placed_on_its_first_character() -> None:
    # The comment is a member boundary (render_ssml writes one between two texts).
    source = load_ssml(b"<speak>one<!-- x -->\n  two</speak>")
    assert source.document == {"text": "one", "text2": "\n  two"}
    assert source.locate("/text") == (1, 8)
    assert source.locate("/text2") == (2, 3)


def test_whatever_kind_is_asked_an_ssml_file_holds_a_tree() -> None:
    assert found(b"<speak>Hi</speak>", kind="play") == []


# --- properties ---------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees("enablex"), st.booleans())
def test_a_rendered_tree_lints_clean_and_reads_back_to_itself(
    tree: dict[str, Any], pretty: bool
) -> None:
    ssml = render_ssml(tree, pretty=pretty).encode()
    source = load_ssml(ssml)
    assert lint_bytes(ssml, "ssml") == []
    if not pretty:
        assert source.document == as_written(tree)


def as_written(tree: Any) -> Any:
    """``tree`` as Azure SSML carries it: Microsoft's schema takes a silence's length in
    whole s or ms only, so "1.5s" and "0.0s" are written "1500ms" and "0ms" (TTS6xx warns)."""
    if not isinstance(tree, dict):
        return tree
    out = {key: as_written(value) for key, value in tree.items()}
    for key, value in out.items():
        if key.rstrip("0123456789") == "silence":
            length = value["value"]
            number, unit = (length[:-2], 1) if length.endswith("ms") else (length[:-1], 1000)
            if not number.isdigit():
                out[key] = {**value, "value": f"{round(float(number) * unit)}ms"}
    return out


def test_a_silence_in_fractions_of_a_second_reads_back_in_whole_milliseconds() -> None:
    # Found by hypothesis: the round trip above held for every tree but these.
    for length, written in [("0.0s", "0ms"), ("1.5s", "1500ms"), ("2.0s", "2000ms")]:
        tree = {"text": "0", "silence": {"type": "leading", "value": length}}
        document = load_ssml(render_ssml(tree).encode()).document
        assert document == {"text": "0", "silence": {"type": "leading", "value": written}}
        assert as_written(tree) == document


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees("enablex"), st.booleans())
def test_every_member_is_placed_on_its_element_attribute_or_text(
    tree: dict[str, Any], pretty: bool
) -> None:
    text = render_ssml(tree, pretty=pretty)
    source = load_ssml(text.encode())
    lines = text.split("\n")
    for member in source.members():
        line = lines[member.line - 1]
        at = line[member.column - 1 :]
        name = member.name or ""
        kind = name.rstrip("0123456789")
        if not member.pointer:
            assert at.startswith("<speak")
        elif kind == "text":
            value = resolve(source.document, member.pointer)
            if value.strip():
                assert at.startswith(escape(value.lstrip()[0])), (member, at)
        elif kind in ("break", "prosody", "say-as"):
            assert at.startswith(f"<{kind}")
        elif kind in ("silence", "express-as"):
            assert at.startswith(f"<mstts:{kind}")
        else:
            attribute = "time" if name == "value" and "/break" in member.pointer else name
            assert at.startswith(f"{attribute}="), (member, at)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    trees("enablex"),
    st.lists(
        st.tuples(st.integers(0, 10_000), st.sampled_from(list("<>/&;='\"! \n?x-:["))), max_size=4
    ),
)
def test_a_damaged_file_gives_positioned_problems_never_an_exception(
    tree: dict[str, Any], damage: list[tuple[int, str]]
) -> None:
    text = render_ssml(tree, pretty=True)
    for at, char in damage:
        at %= len(text) + 1
        text = text[:at] + char + text[at:]
    lines = text.split("\n")
    for problem in lint_bytes(text.encode(), "ssml"):
        assert problem.line is not None
        assert problem.column is not None
        assert 1 <= problem.line <= len(lines)
        assert 1 <= problem.column <= len(lines[problem.line - 1]) + 1


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_problems_never_an_exception(data: bytes) -> None:
    lint_bytes(b"<speak>" + data, "ssml")
    lint_bytes(data, "ssml")


# --- the directory walk -------------------------------------------------------------------


def test_a_walk_lints_speak_documents_and_skips_other_xml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ttsbuilder.cli import main

    files = {
        "prompts/welcome.ssml": '<speak>\n  <break time="10s"/></speak>',
        "prompts/broken.xml": "<speak><voice>Hi</speak>",
        "pom.xml": '<?xml version="1.0"?>\n<project><speak>not SSML</speak></project>',
        "feed.xml": "<rss><channel>",  # broken, and not a prompt
        "notes.ssml.bak": "<speak>not linted: not an SSML name</speak>",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "."]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(" error")[0] for line in out[:-1]] == [
        "prompts/broken.xml:1:25: TTS510",
        "prompts/welcome.ssml:2:10: TTS202",
    ]
    assert out[-1] == "2 errors in 2 of 2 files (2 files skipped: no prompt)"  # pom, feed
    assert main(["lint", "pom.xml"]) == 1  # named, it is checked whatever it holds
    assert "pom.xml:2:1: TTS511 error the root element is <project>, not <speak>" in (
        capsys.readouterr().out
    )


def test_fix_never_rewrites_an_ssml_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ttsbuilder.cli import main
    from ttsbuilder.lint.fix import plan_fixes

    # TTS205 (a silence type's case) is fixable in a tree file: not in an SSML file.
    data = (DATA / "mistakes.ssml").read_bytes()
    source = load_ssml(data)
    assert plan_fixes(source, lint_bytes(data, "ssml")) == []
    path = tmp_path / "mistakes.ssml"
    path.write_bytes(data)
    assert main(["lint", "--fix", "--unsafe-fixes", str(path)]) == 1
    assert path.read_bytes() == data
    assert "TTS205" in capsys.readouterr().out


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.just("<break/>"),
        lambda inner: st.lists(
            st.one_of(inner, st.just("<!--c-->"), st.just("<?p q?>"), st.just("t")), max_size=6
        ).map(lambda parts: "<prosody>" + "".join(parts) + "</prosody>"),
        max_leaves=30,
    )
)
def test_a_complaints_path_is_resolved_to_the_element_xpath_finds(body: str) -> None:
    # libxml2 names an element by a path of wildcards (/*/*/*[3]); schema.py resolves
    # it by listing each parent's children once instead of asking XPath every time.
    from lxml import etree

    from ttsbuilder.ssml.schema import _positional

    root = etree.fromstring(f"<speak xmlns='urn:x'>{body}</speak>")
    children: dict[Any, Any] = {}
    for element in root.iter(tag=etree.Element):
        steps, node = [], element
        while node.getparent() is not None:
            siblings = [c for c in node.getparent() if isinstance(c.tag, str)]
            steps.append(f"*[{siblings.index(node) + 1}]")
            node = node.getparent()
        path = "/" + "/".join(["*", *reversed(steps)])
        assert _positional(root, path, children) is root.xpath(path)[0] is element
    assert _positional(root, "/*/*[999]", children) is None
    assert _positional(root, "/speak", children) is None  # a path by name: XPath's job
