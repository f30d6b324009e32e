"""The published JSON Schemas and validate() describe the same language.

For every kind and profile, documents are generated valid (``ttsbuilder.strategies``),
with one known mistake (``strategies.mutations``) and with up to three blind mutations of
our own (near-miss keys and values, wrong types, dropped and added members, deep nesting,
members moved elsewhere). On each, "validate() reports an error" must equal "the schema
rejects it". Where they may differ is listed as data in tests/schema_differences.py, each
with the reason; docs/schemas.md lists the same entries (a test compares them) and a test
keeps each entry honest.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from schema_differences import DIFFERENCES, Difference, walk

from ttsbuilder import strategies
from ttsbuilder.problems import Problem
from ttsbuilder.profiles import AZURE_STYLES, ROLES
from ttsbuilder.published import SCHEMA_KINDS, registry, schema
from ttsbuilder.rules.payloads import FIELDS
from ttsbuilder.validation import validate
from ttsbuilder.values import (
    BREAK_STRENGTHS,
    DATE_FORMATS,
    DURATION_FORMATS,
    INTERPRET_AS,
    PITCH_LEVELS,
    RATE_LEVELS,
    SILENCE_TYPES,
    TIME_FORMATS,
    VOLUME_LEVELS,
)

PROFILES = ("enablex", "azure")
CASES = [(kind, profile) for kind in SCHEMA_KINDS for profile in PROFILES]
AGREEMENT = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# --- the check ----------------------------------------------------------------------------


@functools.cache
def validator(kind: str, profile: str) -> Draft202012Validator:
    return Draft202012Validator(schema(kind, profile), registry=registry())


def errors_of(document: Any, kind: str, profile: str) -> list[Problem]:
    return [p for p in validate(document, kind, profile) if p.is_error]


def assert_agree(document: Any, kind: str, profile: str) -> None:
    errors = errors_of(document, kind, profile)
    schema_errors = list(validator(kind, profile).iter_errors(document))
    if bool(errors) == bool(schema_errors):
        return
    explained = [d for d in DIFFERENCES if d.applies(document)]
    codes = {d.code for d in explained}
    if explained and (not errors or {p.code for p in errors} <= codes):
        return
    shown = [f"{e.json_path}: {e.message[:120]}" for e in schema_errors[:5]]
    pytest.fail(
        f"{kind}/{profile} disagree on {document!r}\n"
        f"validate() errors: {[str(p) for p in errors]}\nschema errors: {shown}"
    )


# --- our own blind mutations ----------------------------------------------------------------

_TREE_NAMES = ("text", "silence", "break", "express-as", "prosody", "say-as")
_NAMES = sorted(
    {
        *_TREE_NAMES,
        *(name for fields in FIELDS.values() for name in fields),
        "value",
        "strength",
        "type",
        "style",
        "styledegree",
        "role",
        "pitch",
        "rate",
        "volume",
        "interpret-as",
        "format",
        "room_id",
        "action_on_connect",
        "play",
        "connect",
        "room",
        "time",
        "say_as",
        "interpret_as",
        "express_as",
        "$schema",
    }
)
_WORDS = sorted(
    {
        *BREAK_STRENGTHS,
        *SILENCE_TYPES,
        *INTERPRET_AS,
        *DATE_FORMATS,
        *TIME_FORMATS,
        *DURATION_FORMATS,
        *PITCH_LEVELS,
        *RATE_LEVELS,
        *VOLUME_LEVELS,
        *AZURE_STYLES,
        *ROLES,
        "male",
        "female",
        "en-US",
        "zh-Hans-CN",
        "english",
    }
)
_NUMBERS = st.one_of(
    st.integers(0, 30000).map(str),
    st.integers(0, 30000).map(lambda n: f"0{n}"),
    st.tuples(st.integers(0, 30), st.integers(0, 9999)).map(lambda t: f"{t[0]}.{t[1]}"),
    st.sampled_from(
        (
            "4999",
            "5000",
            "4.999",
            "5",
            "20000",
            "20",
            "20.000",
            "20.001",
            "0.01",
            "0.009",
            "2.0",
            "2.01",
            ".5",
            "5.",
            "1e3",
            "",
            "١",
            "４",
            "0",
            "00",
        )
    ),
)
_UNITS = ("", "ms", "s", "Hz", "st", "%", "MS", " ms", "dB", "m", "Hz\n", "s\n")
_SCALARS = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(str.upper),
    st.sampled_from(_WORDS).map(str.title),
    st.sampled_from(_WORDS).map(lambda word: word + "\n"),
    st.tuples(st.sampled_from(("", "+", "-")), _NUMBERS, st.sampled_from(_UNITS)).map("".join),
    st.from_regex(r"\+?[0-9 ()-]{0,17}", fullmatch=True),
    st.from_regex(r"(sips?|SIP|tel):[a-z@. ]{0,8}", fullmatch=True),
    st.from_regex(r"(https?|HTTPS|ftp)://[a-z./? #]{0,10}", fullmatch=True),
    st.from_regex(r"[a-zA-Z]{1,4}(-[a-zA-Z0-9]{1,9}){0,3}", fullmatch=True),
    st.text(max_size=4),
    st.sampled_from(("\x00", "a\x07", "\ufffe", "a\ud800", "\udfff", "\t\n", " ", "")),
)
_ANY_SCALAR = st.one_of(
    _SCALARS,
    st.sampled_from((0, 1, 5, 10, 11, -1, 5.0, 2.5, True, False, None, [], {})),
)
_FRAGMENTS = st.sampled_from(
    (
        {"value": "1s"},
        {"value": "500ms", "strength": "weak"},
        {"text": "x"},
        {"type": "leading", "value": "1s"},
        {"style": "gentle", "text": "x"},
        {"rate": "fast", "text": "x"},
        {"interpret-as": "date", "format": "dmy", "text": "1/2/2000"},
        {"interpret-as": "telephone", "format": "39", "text": "555"},
        {"room_id": "r1"},
        {"from": "+15550100000", "to": "+15550100001"},
        {"text": "x", "voice": "male"},
        {"prompt_name": "welcome"},
        {"hold": True},
        {"start": True},
    )
)
# Copied on each draw: a mutation must never change the strategy's own samples.
_VALUES = st.one_of(_ANY_SCALAR, _FRAGMENTS).map(copy.deepcopy)


def _near_misses(key: str) -> list[str]:
    kind = key.rstrip("0123456789")
    return [
        key + "0",
        key + "1",
        key + "2",
        key + "01",
        kind + "0",
        kind + "1",
        key.upper(),
        key.replace("-", "_"),
        key.replace("_", "-"),
        key[:-1],
        key + "s",
        key + "\n",
        " " + key,
    ]


def _objects(document: Any) -> list[dict[str, Any]]:
    return [value for _, _, value in walk(document) if isinstance(value, dict)]


def _replace_key(members: dict[str, Any], old: str, new: str) -> None:
    items = [(new if key == old else key, value) for key, value in members.items()]
    members.clear()
    members.update(items)


def _deep(depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {"text": "deep"}
    for _ in range(depth):
        node = {"rate": "slow", "prosody": node}
    return node


@st.composite
def blind_mutation(draw: st.DrawFn, document: Any) -> Any:
    """``document`` with one random change, anywhere; no promise about what it breaks."""
    objects = _objects(document)
    if not objects:
        return draw(_VALUES)
    target = draw(st.sampled_from(objects))
    keys = list(target)
    operation = draw(st.sampled_from(("rename", "retype", "drop", "insert", "nest", "move")))
    if operation in ("rename", "retype", "drop") and not keys:
        operation = "insert"
    if operation == "rename":
        old = draw(st.sampled_from(keys))
        new = draw(st.sampled_from(_near_misses(old)) | st.sampled_from(_NAMES))
        if new not in target:
            _replace_key(target, old, new)
    elif operation == "retype":
        target[draw(st.sampled_from(keys))] = draw(_VALUES)
    elif operation == "drop":
        del target[draw(st.sampled_from(keys))]
    elif operation == "insert":
        name = draw(st.sampled_from(_NAMES))
        suffix = draw(st.sampled_from(("", "", "2", "3", "1", "0", "07")))
        target[name + suffix] = draw(_VALUES)
    elif operation == "nest":
        target[draw(st.sampled_from(("prosody", "prosody9")))] = _deep(draw(st.integers(1, 18)))
    else:
        source = draw(st.sampled_from(objects))
        if source:
            key = draw(st.sampled_from(list(source)))
            target[key] = copy.deepcopy(source[key])
    return document


@st.composite
def blindly_mutated(draw: st.DrawFn, kind: str, profile: str) -> Any:
    document = copy.deepcopy(draw(strategies.payloads(kind, profile, warnings=True)))
    for _ in range(draw(st.integers(1, 3))):
        document = draw(blind_mutation(document))
    return document


# --- the properties -------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "profile"), CASES)
@AGREEMENT
@given(data=st.data())
def test_valid_documents_are_valid_under_the_schema(kind: str, profile: str, data: Any) -> None:
    document = data.draw(strategies.payloads(kind, profile, warnings=True))
    assert not errors_of(document, kind, profile)
    assert_agree(document, kind, profile)


@pytest.mark.parametrize(("kind", "profile"), CASES)
@AGREEMENT
@given(data=st.data())
def test_one_mistake_documents_agree(kind: str, profile: str, data: Any) -> None:
    document, _, _ = data.draw(strategies.mutations(kind, profile, warnings=True))
    assert_agree(document, kind, profile)


@pytest.mark.parametrize(("kind", "profile"), CASES)
@AGREEMENT
@given(data=st.data())
def test_blindly_mutated_documents_agree(kind: str, profile: str, data: Any) -> None:
    assert_agree(data.draw(blindly_mutated(kind, profile)), kind, profile)


@pytest.mark.parametrize("profile", PROFILES)
@AGREEMENT
@given(
    document=st.recursive(
        _ANY_SCALAR,
        lambda inner: st.dictionaries(st.sampled_from(_NAMES), inner, max_size=4),
        max_leaves=12,
    )
)
def test_arbitrary_documents_agree_as_trees(profile: str, document: Any) -> None:
    assert_agree(document, "tts", profile)


# --- the listed differences are real --------------------------------------------------------


@pytest.mark.parametrize("difference", DIFFERENCES, ids=lambda d: d.code)
def test_each_listed_difference_still_disagrees(difference: Difference) -> None:
    """When validate() or the schemas change so that an entry no longer differs, drop it."""
    document, kind, profile = difference.witness
    assert difference.applies(document)
    if difference.code == "crash":
        with pytest.raises(Exception):  # noqa: B017, PT011  (any exception is the bug)
            validate(document, kind, profile)
        return
    schema_valid = validator(kind, profile).is_valid(document)
    assert schema_valid == bool(errors_of(document, kind, profile))


DOCS = Path(__file__).parent.parent / "docs" / "schemas.md"
_ROW = re.compile(r"^\| (\S+) \| (.+) \|$", re.MULTILINE)


def test_the_docs_list_exactly_these_differences() -> None:
    """docs/schemas.md's table under "Differences from validate()" is DIFFERENCES, word for word."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Differences from validate()", 1)[1].split("\n## ", 1)[0]
    rows = [(code, reason) for code, reason in _ROW.findall(section) if code not in ("code", "---")]
    assert rows == [(d.code, d.reason) for d in DIFFERENCES]


# The known bugs docs/schemas.md used to list, now fixed: validate() and the schemas agree.
_FORMER_BUGS = [
    ({"break": {"value": "4999.99999999999999999ms"}}, "enablex"),
    ({"break": {"value": "20000.00000000000000001ms"}}, "azure"),
    ({"prosody": {"pitch": "+20000st", "text": "x"}}, "enablex"),
    ({"express-as": {"style": "cheerful", "styledegree": "\u0661", "text": "x"}}, "azure"),
    ({"express-as": {"style": "cheerful", "styledegree": "\uff11.\uff15", "text": "x"}}, "azure"),
    ({"say-as": {"interpret-as": None, "text": "x"}}, "enablex"),
    ({"say-as": {"interpret-as": "date", "text": None}}, "enablex"),
    ({"say-as0": {"interpret-as": "date", "text": "x"}}, "enablex"),
    ({"express-as02": {"style": "gentle", "text": "x"}}, "enablex"),
]


@pytest.mark.parametrize(("document", "profile"), _FORMER_BUGS)
def test_former_known_bugs_now_agree(document: dict[str, Any], profile: str) -> None:
    assert_agree(document, "tts", profile)


def _nested(depth: int, top: str, extra: str | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"text": "deep"}
    if extra is not None:
        node[extra] = {"type": "leading", "value": "1s"}
    for _ in range(depth - 1):
        node = {"rate": "slow", "prosody": node}
    if top == "express-as":
        return {"express-as": {"style": "gentle", **node}}
    return {"prosody": {"rate": "slow", **node}}


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("top", ["prosody", "express-as"])
@pytest.mark.parametrize("depth", range(1, 20))
def test_nesting_depth_limits_agree(depth: int, top: str, profile: str) -> None:
    assert_agree(_nested(depth, top), "tts", profile)
    for extra in ("silence", "bogus", "break", "break2", "text02"):
        assert_agree(_nested(depth, top, extra), "tts", profile)


# --- exhaustive sweeps over the small grammars the value patterns encode --------------------

_SWEEP_NUMBERS = (
    *("0", "00", "5", "05", "4", "4.999", "5.0", "4999", "04999", "5000", "4999.5"),
    *("4999.999", "5000.0", "19999", "20000", "20000.0", "20000.5", "020000", "20001"),
    *("20", "20.0", "20.001", "19.999", "0.01", "0.009", "0.010", "1", "1.", "2", "2.0"),
    *("2.01", ".5", "1.5", "100", "150", "1e3", "", "١", "x", "1,5", "0x1"),
)
_SWEEP_UNITS = ("", "ms", "s", "Hz", "st", "%", "MS", " ms", "dB", "\n", "s\n", "%%")
SWEEP_VALUES = [
    sign + number + unit
    for sign in ("", "+", "-", " ")
    for number in _SWEEP_NUMBERS
    for unit in _SWEEP_UNITS
]
VALUE_SLOTS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "break": lambda v: {"break": {"value": v}},
    "silence": lambda v: {"silence": {"type": "leading", "value": v}},
    "pitch": lambda v: {"prosody": {"pitch": v, "text": "x"}},
    "rate": lambda v: {"prosody": {"rate": v, "text": "x"}},
    "volume": lambda v: {"prosody": {"volume": v, "text": "x"}},
    "styledegree": lambda v: {"express-as": {"style": "gentle", "styledegree": v, "text": "x"}},
    "telephone": lambda v: {"say-as": {"interpret-as": "telephone", "format": v, "text": "1"}},
}


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("slot", sorted(VALUE_SLOTS))
def test_every_value_form_agrees(slot: str, profile: str) -> None:
    for value in SWEEP_VALUES:
        assert_agree(VALUE_SLOTS[slot](value), "tts", profile)


def _spellings(word: str) -> list[str]:
    return [word, word.upper(), word.title(), word + "\n", word + " ", word.replace("-", "_")]


WORD_SLOTS: dict[str, tuple[str, Callable[[Any], dict[str, Any]]]] = {
    "strength": ("tts", lambda w: {"break": {"value": "1s", "strength": w}}),
    "silence-type": ("tts", lambda w: {"silence": {"type": w, "value": "1s"}}),
    "style": ("tts", lambda w: {"express-as": {"style": w, "text": "x"}}),
    "role": ("tts", lambda w: {"express-as": {"style": "gentle", "role": w, "text": "x"}}),
    "interpret-as": ("tts", lambda w: {"say-as": {"interpret-as": w, "text": "1"}}),
    "voice": ("play", lambda w: {"text": "x", "voice": w}),
    "language": ("play", lambda w: {"text": "x", "voice": "male", "language": w}),
    "member": ("tts", lambda w: {w: "x"}),
    "nested-member": ("tts", lambda w: {"prosody": {"rate": "slow", w: "x"}}),
}


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("slot", sorted(WORD_SLOTS))
def test_every_vocabulary_word_agrees(slot: str, profile: str) -> None:
    kind, make = WORD_SLOTS[slot]
    for word in (*_WORDS, *_NAMES, "text1", "text0", "text02", "say-as2", "express-as1"):
        for spelling in _spellings(word):
            assert_agree(make(spelling), kind, profile)


FORMAT_WORDS = (*DATE_FORMATS, *TIME_FORMATS, *DURATION_FORMATS, "1", "39", "999", "1000", "")


@pytest.mark.parametrize("profile", PROFILES)
def test_every_say_as_format_agrees(profile: str) -> None:
    for interpret in INTERPRET_AS:
        for form in FORMAT_WORDS:
            for spelling in {*_spellings(form), form}:
                document = {"say-as": {"interpret-as": interpret, "format": spelling, "text": "1"}}
                assert_agree(document, "tts", profile)


_RETYPES: tuple[Any, ...] = (None, True, 0, 5, 5.5, "", "x", "\x07", [], {}, ["x"], {"text": "x"})


def single_edits(document: Any) -> Iterator[Any]:
    """Every document one edit away from ``document``: each member dropped, renamed to
    each near miss, and given each value of another type."""
    for pointer_index, target in enumerate(_objects(document)):
        for key in list(target):
            edits: list[Callable[[dict[str, Any]], None]] = [lambda t, k=key: t.pop(k)]
            edits += [
                lambda t, k=key, n=new: _replace_key(t, k, n)
                for new in _near_misses(key)
                if new not in target
            ]
            edits += [
                lambda t, k=key, v=value: t.__setitem__(k, copy.deepcopy(v)) for value in _RETYPES
            ]
            for edit in edits:
                copied = copy.deepcopy(document)
                edit(_objects(copied)[pointer_index])
                yield copied


@pytest.mark.parametrize(("kind", "profile"), CASES)
def test_every_single_edit_of_the_examples_agrees(kind: str, profile: str) -> None:
    for example in schema(kind, profile)["examples"]:
        for document in single_edits(example):
            assert_agree(document, kind, profile)
