"""``holds_prompt()``: strict about what is not a prompt, and blind to no real one."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ttsbuilder.codec import split_member
from ttsbuilder.detection import declared, holds_prompt
from ttsbuilder.rules import RULES
from ttsbuilder.strategies import PAYLOAD_KINDS, mutations, payloads, trees
from ttsbuilder.validation import KINDS

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=30,
)

#: Rule examples that are a prompt only to someone already told they are one: a file of
#: nothing but a misspelt member, or a member of the wrong type (docs/cli.md, item 4).
NOT_FOUND_ALONE = {("TTS101", "bad"), ("TTS103", "bad"), ("TTS413", "bad")}


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        # The issue's three: a .travis.yml, a package.json script, a CloudFormation value.
        ({"language": "python", "python": ["3.11"], "script": ["pytest"]}, False),
        ({"name": "x", "scripts": {"test": "jest", "lint": "eslint ."}}, False),
        ({"Resources": {"Q": {"Properties": {"QueueName": "calls"}}}}, False),
        # A JSON Schema describing a TTS request is not one.
        ({"properties": {"text": {"type": "string"}, "voice": {"type": "string"}}}, False),
        ({"redirects": [{"from": "/old", "to": "/new"}]}, False),
        ({"bridge": {"from": "+14255550100", "to": "sip:desk@example.com"}}, True),
        ({"from": "CLI number", "to": "Destination number"}, True),  # a whole connect file
        ({"menu": {"text": "Press 1", "brek": {"value": "1s"}}}, True),  # typo inside a prompt
        ({"prompts": [{"txt": "Hi"}, {"text": "Hello", "break": {"value": "1s"}}]}, True),
        # Text alone is a tree as a whole file; inside one, a common shape of other data:
        ({"text": "Hello"}, True),
        ({"prompts": [{"txt": "Hi"}, {"text": "Hello"}]}, False),
        ({"runs": [{"results": [{"message": {"text": "x is unused"}}]}]}, False),  # SARIF
        ({"steps": [{"tapOn": {"text": "Sign in"}}]}, False),  # a UI test flow
        # ... unless the file names one of ttsbuilder's schemas:
        ({"$schema": "../schemas/tts.schema.json", "hi": {"text": "Hello"}}, True),
        ({"$schema": "https://example.com/ivr.schema.json", "hi": {"text": "Hello"}}, False),
        ({"$schema": "https://example.com/ivr.json", "hi": {"break": {"value": "1s"}}}, True),
        ({"text": "Hi", "url": "https://example.com"}, False),  # a link, not a tree
        ({"$schema": "https://ttsbuilder.dev/schemas/play.schema.json", "text": "Hi"}, True),
        ({"hold": "yes"}, False),
        # A schema or an API description shows prompts in its examples; it is not one.
        (
            {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "examples": [{"text": "Hi"}],
            },
            False,
        ),
        ({"openapi": "3.1.0", "components": {"examples": {"p": {"value": {"text": "Hi"}}}}}, False),
        ({"start": 1, "stop": 9}, False),  # a range
    ],
)
def test_what_holds_a_prompt(document: Any, expected: bool) -> None:
    assert holds_prompt(document) is expected


def test_every_rule_example_is_a_prompt() -> None:
    missed = []
    for code, rule in RULES.items():
        if rule.kind not in KINDS:
            continue  # file contents (covered by the discovery tests), HTTP requests
        for which in ("bad", "good"):
            example = json.loads(getattr(rule, which))
            if not holds_prompt(example) and (code, which) not in NOT_FOUND_ALONE:
                missed.append((code, which))
    assert missed == []


@settings(max_examples=50)
@given(st.sampled_from(PAYLOAD_KINDS).flatmap(lambda kind: payloads(kind)), st.text())
def test_every_valid_body_is_a_prompt_alone_or_in_a_catalog(body: Any, name: str) -> None:
    assert holds_prompt(body)
    text_only = {split_member(key)[0] for key in body} == {"text"}  # a tree of text alone
    if set(body) != {"from", "to"}:  # a bare bridge is one only as a whole file
        assert holds_prompt({name: [body]}) is not text_only
        assert holds_prompt({name: [body]}, schema="https://ttsbuilder.dev/schemas/tts.schema.json")


@settings(max_examples=50)
@given(trees(warnings=True))
def test_every_tree_is_a_prompt(tree: dict[str, Any]) -> None:
    assert holds_prompt(tree) is bool(tree)  # {} holds nothing


@settings(max_examples=50)
@given(mutations("play"))
def test_a_play_body_with_one_error_is_still_a_prompt(mutation: Any) -> None:
    document, _, code = mutation
    # TTS101/TTS103: a key neither known nor close. TTS401: the body lost all it says
    # ({"dtmf": false}), so nothing in it is a prompt's own.
    if document and code not in ("TTS101", "TTS103", "TTS401"):
        assert holds_prompt(document)


@given(JSON, st.booleans())
def test_any_json_value_is_an_answer(document: Any, stream: bool) -> None:
    assert holds_prompt(document, stream=stream) in (True, False)


def test_deep_nesting_costs_nothing() -> None:
    document: Any = {"text": "Hi"}
    for _ in range(100_000):
        document = [document]
    assert holds_prompt(document) is False  # deeper than validate() looks


def test_text_beside_a_play_only_key_is_a_play_body() -> None:
    # Found by hypothesis: a play body whose voice and language are missing.
    assert holds_prompt({"text": "0", "dtmf": False})
    assert holds_prompt({"text": "Press 1", "asr": True, "start_timeout": 5})
    assert not holds_prompt({"text": "x", "timeout": 5})  # not a play body's key
    assert not holds_prompt({"dtmf": False})  # nothing to say


def test_an_empty_prosody_is_a_prompt() -> None:
    # Found by hypothesis: {"prosody": {}} is a tree (with a warning), so a walk checks it.
    assert holds_prompt({"prosody": {}})
    assert holds_prompt({"express-as": {}})
    assert not holds_prompt({"style": {}})


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ("https://ttsbuilder.dev/schemas/play.schema.json", True),
        ("../schemas/tts-azure.schema.json", True),
        ("..\\schemas\\dial-out.schema.json", True),
        ("./hold.schema.json#", True),
        # RFC 3986 §3.4, §3.5: the query starts at the first "?", the fragment at "#".
        ("https://ttsbuilder.dev/schemas/play.schema.json?v=2", True),
        ("../tts.schema.json#/$defs/a#b", True),
        ("../tts.schema.json?a=1?b=2", True),
        ("https://json-schema.org/draft/2020-12/schema", False),
        ("https://json.schemastore.org/sarif-2.1.0.json", None),
        ("https://example.com/play.schema.json.bak", None),
        ("catalog.json", None),  # ttsbuilder's catalog of schemas describes no prompt file
        ("", None),
        (7, None),
    ],
)
def test_what_a_named_schema_declares(schema: object, expected: bool | None) -> None:
    assert declared(schema) is expected


def test_a_long_schema_address_costs_as_much_as_its_length() -> None:
    """Found attacking ``declared``: its last-segment search tried every start inside a
    segment, so a 40 KB ``$schema`` without a ``/`` near its end cost about 10 s."""
    import time

    address = "https://example.com/" + "a" * 40_000 + "/play.schema.json"
    started = time.process_time()
    assert declared(address) is True
    assert declared("a" * 40_000 + "/b") is None
    assert holds_prompt({"$schema": "x" * 40_000 + "\\tts.schema.json"})
    assert time.process_time() - started < 1  # about 1 ms; quadratic: about 10 s


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        # SPEC §1: break is an object ({"value"} required); a string or a boolean under
        # that name is no break node, and an empty object has none of its keys.
        ({"break": "500ms"}, False),
        ({"silence": True}, False),
        ({"break": {}}, False),
        # Prosody in its literary sense (a poem's metre), not SPEC §1's prosody node:
        # none of pitch, rate, volume, nor content.
        ({"prosody": {"meter": "iambic pentameter", "rhyme": "ABAB"}}, False),
        # SPEC §3: a play body's text_to_speech_option is an object; alone it makes one.
        ({"text_to_speech_option": {"text": "Hi"}}, True),
        ({"welcome": {"text_to_speech_option": {"text": "Hi"}, "language": "en-US"}}, True),
        # docs/cli.md item 4: near-misses of a body's keys are allowed...
        ({"text": "Hi", "voice": "female", "langauge": "en-US"}, True),
        # ...but a key no play body has is not: a Vonage NCCO talk action has text and
        # a language tag beside "action", "style", "bargeIn" (Vonage's NCCO reference).
        (
            [
                {"action": "talk", "text": "Welcome", "language": "en-GB", "style": 1},
                {"action": "input", "type": ["dtmf"], "dtmf": {"maxDigits": 1}},
            ],
            False,
        ),
        # A near-miss of a member takes a suffix like a member (txt12345 is txt + 12345)...
        ({"welcome": {"text": "Hi", "txt12345": "there"}}, True),
        ({"welcome": {"text": "Hi", "TEXX": "there"}}, True),  # ...and any case
        # ...and is within a typo (difflib ratio 0.75): "context" (0.73) is not, so a
        # translation catalog's {"text", "context"} entries are no prompts.
        ([{"text": "Open", "context": "File menu"}, {"text": "Save", "context": "File"}], False),
        # A key that is not a string names no member (SPEC §1: names are strings).
        ({1: "x", "text": "Hi"}, False),
    ],
)
def test_what_holds_a_prompt_by_its_shapes(document: Any, expected: bool) -> None:
    assert holds_prompt(document) is expected


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        # SPEC §3, each body by the keys only its kind has, with their types.
        ({"voice": "female", "language": "en-US"}, True),  # play, its content still missing
        ({"voice": "alloy", "language": "en-US"}, False),  # voice is male or female
        ({"voice": "male"}, True),
        ({"text": "Hi", "language": "en-US"}, True),  # play, its voice still missing
        ({"text": "Hi", "language": "en-US", "speaker": "Ann"}, False),
        ({"prompt_name": "welcome"}, True),
        ({"prompt_ref": "abc-123", "dtmf": True}, True),
        ({"text": "Hi", "language": "en-US", "dtmf": True}, True),
        ({"text": "Hi", "language": "English"}, False),  # no BCP 47 tag: no play body
        (
            {"from": "+14255550100", "to": "+14255550101", "event_url": "https://x.test/e"},
            True,
        ),
        ({"from": "+14255550100", "to": "sip:a@x.test", "action_on_connect": {}}, True),
        ({"calls": [{"from": "+1 425 555 0100", "to": "+1 425 555 0101", "name": "a"}]}, True),
        ({"moves": [{"from": "/old", "to": "/new", "name": "rename"}]}, False),
        ({"moves": [{"from": "/old", "to": "/new"}]}, False),  # only a whole file
        ({"from": "+14255550100", "transfer_to": "+14255550101"}, True),
        ({"from": "+14255550100", "to": "+14255550101", "auto_record": True}, True),
        ({"from": "noreply@example.com"}, False),  # a mail setting: from alone is no body
        ({"from": "+14255550100", "transfer_to": 14255550101}, False),
        # interpret-as is a say-as attribute (SPEC §1), no member beside a text.
        ({"text": "1", "interpret_as": "cardinal"}, False),
        ({"interpret_as": {"format": "mdy"}}, False),
        ({"from": "a", "transfer_to": "b", "reason": "busy"}, False),
        ({"hold": False}, True),
        ({"hold": True, "music": "jazz"}, False),
        ({"start": True, "recording_name": "call-1"}, True),
        ({"stop": True}, True),
        ({"stop": "now"}, False),
        ({"start": "09:00", "stop": "17:00", "recording_name": "x"}, False),
        ({}, False),
        # A root's "$schema" that names no schema of ours is set aside, not a key.
        ({"$schema": "https://example.com/x.json", "text": "Hi"}, True),
        ({"nested": {"$schema": "https://example.com/x.json", "text": "Hi", "break": {}}}, False),
    ],
)
def test_what_holds_a_request_body(document: Any, expected: bool) -> None:
    assert holds_prompt(document) is expected


def test_each_document_of_a_stream_is_a_root() -> None:
    """A YAML stream's documents: each is a whole file (docs/cli.md item 4)."""
    documents = [{"name": "config"}, {"text": "Hi"}]
    assert holds_prompt(documents, stream=True)
    assert not holds_prompt(documents)  # a list in one document: items are no roots
    api = {"openapi": "3.1.0", "x": {"text": "Hi", "break": {"value": "1s"}}}
    assert holds_prompt([api, {"text": "Hi"}], stream=True)  # only the API is set aside
    assert not holds_prompt([api, {"a": 1}], stream=True)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    assert holds_prompt([schema, {"text": "Hi"}], stream=True)
    assert holds_prompt([{"$schema": "tts.schema.json"}, {"a": 1}], stream=True)
    assert holds_prompt({"text": "Hi"}, stream=True)  # no list: the document is the root
    assert not holds_prompt("text", stream=True)
    assert holds_prompt([{"text": "Hi"}, "a scalar document"], stream=True)
