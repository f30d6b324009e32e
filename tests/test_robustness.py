"""validate() never raises on any JSON value: any depth, any string, any kind, any profile."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ttsbuilder.problems import Problem, Severity
from ttsbuilder.validation import KINDS, validate

# Every code point, lone surrogates included (JSON can carry them as \ud800 escapes).
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=20)
TREE_WORDS = st.sampled_from(
    ["text", "text2", "text1", "break", "silence", "express-as", "prosody", "say-as", "say_as",
     "value", "time", "type", "style", "rate", "pitch", "volume", "interpret-as", "format",
     "prompt_name", "voice", "language", "text_to_speech_option", "from", "to", "hold",
     "start", "stop", "action_on_connect", "play", "connect", "room", "event_url",
     "start_timeout", "asr"]
)  # fmt: skip
KEYS = TREE_WORDS | ANY_TEXT
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | ANY_TEXT
    | st.sampled_from(["2000ms", "1.5s", "+30%", "high", "date", "mdy", "10/19/2020", "leading"])
    | st.sampled_from(["ordinal", "fraction", "cardinal", "time", "duration", "hms24", "ms"])
    # Python will not convert more than 4300 digits to an int: every check must cope.
    | st.sampled_from(["9" * 5000, "9" * 5000 + "st", "1/" + "9" * 5000, "9" * 5000 + "ms"])
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=30,
)


def assert_problems(problems: list[Problem]) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.severity in (Severity.ERROR, Severity.WARNING)
        assert problem.pointer == "" or problem.pointer.startswith("/")
        assert problem.message


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(document=JSON, kind=st.sampled_from(KINDS), profile=st.sampled_from(["enablex", "azure"]))
def test_any_json_value_yields_problems_not_exceptions(
    document: Any, kind: str, profile: str
) -> None:
    assert_problems(validate(document, kind=kind, profile=profile, language="de-DE"))


@settings(max_examples=200)
@given(tree=st.dictionaries(TREE_WORDS, JSON, max_size=6))
def test_tree_shaped_documents_never_crash(tree: dict[str, Any]) -> None:
    assert_problems(validate(tree, kind="tts"))
    assert_problems(validate({"text_to_speech_option": tree, "language": "xx"}, kind="play"))


def nested(depth: int, make: Any) -> Any:
    value: Any = {"text": "bottom"}
    for _ in range(depth):
        value = make(value)
    return value


@pytest.mark.parametrize(
    "make",
    [
        lambda inner: {"prosody": {"rate": "slow", **inner}},
        lambda inner: {"prosody": {"rate": "slow", "prosody": inner}},
        lambda inner: [inner],
        lambda inner: {"catalog": inner},
        lambda inner: {"text_to_speech_option": inner},
        lambda inner: {"action_on_connect": {"play": {"text_to_speech_option": inner}}},
        lambda inner: {"express-as": {"style": "gentle", "prosody": inner}},
    ],
)
def test_ten_thousand_levels_deep(make: Any) -> None:
    document = nested(10_000, make)
    for kind in KINDS:
        problems = validate(document, kind=kind)
        assert_problems(problems)
    assert {p.code for p in validate(document)} & {"TTS111", "TTS413", "TTS101", "TTS109"}


def test_deep_list_in_an_unknown_key() -> None:
    deep: Any = []
    for _ in range(10_000):
        deep = [deep]
    assert [p.code for p in validate({"text": "x", "extra": deep})] == ["TTS101"]


@pytest.mark.parametrize(
    "value",
    [10**5000, -(10**5000), math.nan, math.inf, -math.inf, 1e308, b"bytes", object(), (1, 2)],
    ids=lambda value: type(value).__name__,
)
def test_odd_python_values(value: Any) -> None:
    for kind in KINDS:
        assert_problems(validate({"text": value, "break": {"value": value}}, kind=kind))
        assert_problems(validate({value if isinstance(value, (int, float)) else "k": value}))
        assert_problems(validate({10**5000: value}, kind=kind))


def test_huge_strings() -> None:
    text = "a" * 5_000_000
    assert validate({"text": text}) == []
    problems = validate({"break": {"value": text}, "prosody": {"rate": text, "text": "x"}})
    assert [p.code for p in problems] == ["TTS201", "TTS210"]
    assert all(len(p.message) < 500 for p in problems)


def test_surrogates_in_keys_and_values() -> None:
    lone = chr(0xD800)
    assert_problems(validate({lone: lone, "text": lone}))
    assert [p.code for p in validate({"text": lone})] == ["TTS112"]


HUGE = "9" * 5000


@pytest.mark.parametrize(
    "text",
    [HUGE, HUGE + "th", f"{HUGE}/{HUGE}", f"1/{HUGE}", f"{HUGE}-1-1", f"1-1-{HUGE}",
     f"{HUGE} USD", f"Oct {HUGE}", f"{HUGE}:00", "0" * 5000 + "3rd"],
    ids=lambda text: text[-8:],
)  # fmt: skip
def test_say_as_texts_with_thousands_of_digits(text: str) -> None:
    from ttsbuilder.rules.say_as import FORMATS
    from ttsbuilder.values import INTERPRET_AS

    for interpret in INTERPRET_AS:
        for form in (None, *FORMATS.get(interpret, ())):
            node = {"interpret-as": interpret, "text": text}
            if form is not None:
                node["format"] = form
            assert_problems(validate({"say-as": node}))


def test_payload_fields_with_thousands_of_digits() -> None:
    for body in (
        {"text": "x", "voice": "male", "asr": True, "start_timeout": HUGE},
        {"text": "x", "voice": "male", "asr": True, "start_timeout": 10**5000},
        {"from": HUGE, "to": HUGE},
        {"text": "x", "voice": "male", "language": HUGE},
        {"text1" + HUGE: "x"},
    ):
        assert_problems(validate(body))


def _counting_searches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each word difflib is asked to match, as the rules' hints and detection ask it."""
    import difflib

    searched: list[str] = []
    real = difflib.get_close_matches

    def counted(word: str, *args: Any, **kwargs: Any) -> list[str]:
        searched.append(word)
        return real(word, *args, **kwargs)

    monkeypatch.setattr(difflib, "get_close_matches", counted)
    return searched


@pytest.mark.parametrize("kind", ["tts", "play", "auto"])
def test_a_flood_of_wrong_names_is_reported_whole_with_hints_for_the_first_200(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 5,000 misspelt members ("brek1", "brek2", ...): each is a problem, and the first
    # 200 get "did you mean 'break…'?" (docs/validate.md, "Hints"). Past them no search
    # is made: each costs about 15 us, and the name a few bytes of the document.
    body: dict[str, Any] = {"text": "Hi", "voice": "female"} if kind == "play" else {"text": "Hi"}
    tree = {"text": "Hi", **{f"brek{n}": {"value": "1s"} for n in range(1, 5001)}}
    document = {**body, "text_to_speech_option": tree} if kind == "play" else tree
    searched = _counting_searches(monkeypatch)
    problems = [p for p in validate(document, kind) if p.code == "TTS101"]  # type: ignore[arg-type]
    assert len(problems) == 5000
    hinted = [p.hint for p in problems if p.hint is not None]
    assert len(hinted) == 200
    assert hinted[0] == "did you mean 'break1'?"
    assert hinted[-1] == "did you mean 'break200'?"
    assert [p.hint for p in problems[:200]] == hinted
    # A member's hint takes up to three searches (an attribute, a kind, a kind placed
    # elsewhere); detection (auto) looks at the tree's keys until one is a kind.
    assert len(searched) <= 3 * 200 + 1


def test_a_catalog_of_typos_shares_one_budget_of_hints() -> None:
    catalog = {f"prompt{n}": {"text": "Hi", "brek": {"value": "1s"}} for n in range(300)}
    problems = [p for p in validate(catalog) if p.code == "TTS101"]
    assert len(problems) == 300
    assert sum(p.hint is not None for p in problems) == 200


def test_detection_remembers_no_long_key() -> None:
    # The names compared with the kinds are remembered; a key of a megabyte of digits
    # after a short stem must not be (4,096 of them would hold gigabytes).
    from ttsbuilder.validation import _near_name

    _near_name.cache_clear()
    validate([{"labl" + "7" * 1_000_000: "x"}])
    assert _near_name.cache_info().currsize == 1
    _near_name("labl")  # the one name remembered is the stem
    assert _near_name.cache_info().hits == 1
    assert validate([{"labl" + "7" * 1_000_000: "x"}]) == validate([{"labl7": "x"}])


def test_a_catalog_s_repeated_keys_are_compared_with_the_kinds_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A UI catalog: every entry has "caption" and "value", which are no kinds. Whether a
    # name misspells a kind is asked once per name, not once per entry (it was 0.9 s for
    # 20,000 entries, 0.05 s now).
    entries = [{"caption": f"Item {n}", "value": f"v{n}"} for n in range(2000)]
    searched = _counting_searches(monkeypatch)
    [problem] = validate(entries)
    assert problem.code == "TTS413"  # nothing to check: no tree, no request body
    assert len(searched) <= 2


def test_no_cache_remembers_a_long_text() -> None:
    # A service validates what callers send: thousands of distinct megabyte values must
    # not stay in memory through the verdict caches (values.REMEMBERED_LENGTH). Short
    # values are still remembered: the caches keep paying off for real prompts.
    from ttsbuilder import Prompt
    from ttsbuilder import values as value_types
    from ttsbuilder.builder import checks
    from ttsbuilder.rules import say_as
    from ttsbuilder.rules import values as value_rules
    from ttsbuilder.ssml import render_ssml, writer
    from ttsbuilder.values import REMEMBERED_LENGTH

    say_as._verdict.cache_clear()
    value_rules._prosody_findings.cache_clear()
    digits = "1" * (REMEMBERED_LENGTH + 1)
    zeros = "0" * (REMEMBERED_LENGTH + 1)  # a pause of n ms, written long
    for n in range(20):
        tree = {
            "text": "Hi",
            "break": {"value": f"{zeros}{n}ms"},
            "say-as": {"interpret-as": "cardinal", "text": f"{digits}{n}"},
            "prosody": {"rate": f"+{digits}{n}%", "pitch": f"{digits}{n}Hz", "text": "x"},
        }
        assert validate(tree, kind="tts")  # the rate and the pitch are out of range
        render_ssml({"text": "Hi", "silence": {"type": "leading", "value": f"{zeros}{n}.5ms"}})
        Prompt().text(f"{digits}{n}")
    assert say_as._verdict.cache_info().currsize == 0
    assert value_rules._prosody_findings.cache_info().currsize == 0
    longest = [
        max(map(len, value_rules._MILLISECONDS), default=0),
        *(max(map(len, cache), default=0) for cache in value_types._CACHES.values()),
        max(map(len, checks.TEXT_CACHE), default=0),
        *(len(part) for key in writer._PROTOTYPES for part in key if isinstance(part, str)),
    ]
    assert max(longest) <= REMEMBERED_LENGTH
    validate({"say-as": {"interpret-as": "cardinal", "text": "1024"}}, kind="tts")
    assert say_as._verdict.cache_info().currsize == 1
