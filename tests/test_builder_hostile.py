"""The builder attacked where mutation testing does not look: profiles, caches, content, copies.

Every expected value comes from outside the builder: SPEC's limits (an enablex pause is
below 5000ms, SPEC §2), ``validate()``'s verdict on the tree, or a hand-written tree.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
import threading
from typing import Any

import pytest

from ttsbuilder.builder import Prompt, ms, seconds
from ttsbuilder.errors import BuildError
from ttsbuilder.model import Text
from ttsbuilder.profiles import AZURE, ENABLEX
from ttsbuilder.validation import validate

# A profile of its own under a known name (Profile is public; Prompt takes one).
LONG_PAUSES = dataclasses.replace(ENABLEX, max_pause_ms=10_000)
SHORT_PAUSES = dataclasses.replace(AZURE, max_pause_ms=1_000)
WHISPER = dataclasses.replace(ENABLEX, styles=frozenset({"whispering"}))


def _errors(document: dict[str, Any], profile: str = "enablex") -> list[str]:
    return [p.code for p in validate(document, kind="tts", profile=profile) if p.is_error]


# ---------------------------------------------------------------- profiles of one name


def test_a_node_checked_under_a_profile_of_its_own_is_not_reused_for_the_named_one() -> None:
    assert Prompt(profile=LONG_PAUSES).break_("9000ms").to_dict() == {"break": {"value": "9000ms"}}
    assert _errors({"break": {"value": "9000ms"}}) == ["TTS202"]  # SPEC §2: below 5000ms
    with pytest.raises(BuildError, match="9000ms"):
        Prompt().break_("9000ms")
    Prompt(profile=LONG_PAUSES).silence("leading", "8000ms")
    with pytest.raises(BuildError, match="8000ms"):
        Prompt().silence("leading", "8000ms")
    Prompt(profile=WHISPER).express_as("whispering", "psst")
    with pytest.raises(BuildError, match="whispering"):
        Prompt().express_as("whispering", "psst")


def test_a_stricter_profile_of_its_own_is_not_served_the_named_one_s_nodes() -> None:
    Prompt(profile="azure").break_("3s")
    with pytest.raises(BuildError, match="3s"):
        Prompt(profile=SHORT_PAUSES).break_("3s")


@pytest.mark.parametrize(
    "use",
    [
        lambda other: Prompt() + other,
        lambda other: Prompt(other),
        lambda other: Prompt().prosody(other, rate="slow"),
        lambda other: Prompt().prosody(other),
        lambda other: Prompt().express_as("gentle", other),
        lambda other: Prompt().express_as("gentle", "Hi", other),
    ],
)
def test_content_built_under_a_profile_of_its_own_is_rechecked(use: Any) -> None:
    long_pause = Prompt(profile=LONG_PAUSES).break_("8000ms")
    with pytest.raises(BuildError, match="8000ms") as caught:
        use(long_pause)
    assert caught.value.argument == "content"


def test_prompts_of_different_profiles_of_one_name_differ() -> None:
    assert Prompt(profile=LONG_PAUSES).text("a") != Prompt().text("a")
    same = dataclasses.replace(ENABLEX)
    assert Prompt(profile=same).text("a") == Prompt().text("a")
    assert hash(Prompt(profile=same).text("a")) == hash(Prompt().text("a"))


# ---------------------------------------------------------------- content


class _LooksLikeAPrompt:
    nodes = (Text("\x00"),)
    profile = "enablex"


class _NotNodes:
    nodes = ("x",)
    profile = "enablex"


@pytest.mark.parametrize("fake", [_LooksLikeAPrompt(), _NotNodes()])
@pytest.mark.parametrize(
    "use",
    [
        lambda fake: Prompt(fake),
        lambda fake: Prompt().prosody(fake),
        lambda fake: Prompt().prosody("a", fake),
        lambda fake: Prompt().express_as("gentle", fake),
    ],
)
def test_content_is_a_prompt_not_anything_with_nodes(fake: object, use: Any) -> None:
    with pytest.raises(BuildError, match="content is a str or a Prompt") as caught:
        use(fake)
    assert caught.value.argument == "content"


# ---------------------------------------------------------------- values as written


def test_a_pause_written_two_ways_is_written_as_each_call_wrote_it() -> None:
    # docs/builder.md: "to_dict() keeps each text as written", though 1500ms == 1.5s.
    assert Prompt().break_(ms(1500)).to_dict() == {"break": {"value": "1500ms"}}
    assert Prompt().break_(seconds(1.5)).to_dict() == {"break": {"value": "1.5s"}}
    assert Prompt().silence("leading", ms(1500)).silence("tailing", seconds(1.5)).to_dict() == {
        "silence": {"type": "leading", "value": "1500ms"},
        "silence2": {"type": "tailing", "value": "1.5s"},
    }
    assert Prompt().break_(seconds(1.5)).silence("leading", seconds(1.5)).to_dict() == {
        "break": {"value": "1.5s"},
        "silence": {"type": "leading", "value": "1.5s"},
    }


class _Str(str):
    pass


# (the call with a plain str, the same call with a str subclass of the same text)
_SUBCLASS_CALLS = [
    (lambda s: Prompt().text(s("Hi")), "text"),
    (lambda s: Prompt().break_(s("500ms")), "value"),
    (lambda s: Prompt().break_("500ms", s("strong")), "strength"),
    (lambda s: Prompt().silence(s("leading"), "1s"), "type"),
    (lambda s: Prompt().silence("leading", s("1s")), "value"),
    (lambda s: Prompt().express_as(s("cheerful"), "Hi"), "style"),
    (lambda s: Prompt(profile="azure").express_as("calm", "Hi", role=s("Girl")), "role"),
    (lambda s: Prompt(profile="azure").express_as("calm", "Hi", styledegree=s("1.5")), None),
    (lambda s: Prompt().prosody("Hi", pitch=s("high")), "pitch"),
    (lambda s: Prompt().prosody("Hi", rate=s("slow")), "rate"),
    (lambda s: Prompt().prosody("Hi", volume=s("loud")), "volume"),
    (lambda s: Prompt().say_as(s("cardinal"), "12"), "interpret_as"),
    (lambda s: Prompt().say_as("cardinal", s("12")), "text"),
    (lambda s: Prompt().say_as("date", "2020-01-02", s("ymd")), "format"),
    (lambda s: Prompt().date(s("2020-01-02"), "ymd"), "value"),
    (lambda s: Prompt().date("2020-01-02", s("ymd")), "format"),
    (lambda s: Prompt().time(s("14:30")), "value"),
    (lambda s: Prompt().digits(s("0800")), "value"),
    (lambda s: Prompt().ordinal(s("3rd")), "value"),
    (lambda s: Prompt().cardinal(s("1024")), "value"),
    (lambda s: Prompt().characters(s("AB")), "text"),
    (lambda s: Prompt().telephone(s("555"), "1"), "number"),
    (lambda s: Prompt().prosody(s("Hi")), "content"),
]


@pytest.mark.parametrize(("call", "argument"), _SUBCLASS_CALLS)
def test_a_str_subclass_gets_one_verdict_whatever_was_built_before(
    call: Any, argument: str | None
) -> None:
    # validate() refuses a str subclass in a tree ("expected a string"); the builder checks
    # with the same rules, so it refuses it too, before and after the plain str was built.
    with pytest.raises(BuildError, match=r"_Str|str or a Prompt") as cold:
        call(_Str)
    call(str)
    with pytest.raises(BuildError, match=r"_Str|str or a Prompt") as warm:
        call(_Str)
    assert str(cold.value) == str(warm.value)
    if argument is not None:
        assert cold.value.argument == argument


# ---------------------------------------------------------------- immutability and copies


def test_nothing_handed_in_or_out_changes_a_prompt_afterwards() -> None:
    document: dict[str, Any] = {"text": "Hi", "prosody": {"rate": "slow", "text": "there"}}
    prompt = Prompt.from_dict(document)
    document["text"] = "Bye"
    document["prosody"]["rate"] = "fast"
    del document["prosody"]["text"]
    out = prompt.to_dict()
    out["text"] = "changed"
    out["prosody"]["rate"] = "x-fast"
    out["prosody"].clear()
    prompt.warnings().append("changed")  # type: ignore[arg-type]
    expected = {"text": "Hi", "prosody": {"rate": "slow", "text": "there"}}
    assert prompt.to_dict() == expected
    assert prompt.warnings() == []
    assert Prompt.from_dict(expected) == prompt
    with pytest.raises(dataclasses.FrozenInstanceError):
        prompt.nodes[1].rate = None  # type: ignore[misc, union-attr]


@pytest.mark.parametrize("profile", [ENABLEX, AZURE, LONG_PAUSES])
@pytest.mark.parametrize(
    "duplicate", [copy.copy, copy.deepcopy, lambda p: pickle.loads(pickle.dumps(p))]
)
def test_copies_are_equal_hash_alike_and_keep_their_profile(profile: Any, duplicate: Any) -> None:
    prompt = Prompt(profile=profile).text("Hi").break_("4s").prosody("x", rate="slow")
    twin = duplicate(prompt)
    assert twin == prompt
    assert hash(twin) == hash(prompt)
    assert twin.to_dict() == prompt.to_dict()
    assert repr(twin) == repr(prompt)
    assert twin.text("more") == prompt.text("more")
    if profile is LONG_PAUSES:  # still checked against its own profile
        assert twin.break_("9s").to_dict()["break2"] == {"value": "9s"}


def test_a_shared_prompt_extended_by_many_threads_gives_each_its_own_tree() -> None:
    shared = Prompt("Hello").break_("300ms")
    results: dict[int, list[Prompt]] = {}

    def work(worker: int) -> None:
        # Enough distinct values that the node caches fill and are cleared meanwhile.
        results[worker] = [
            shared.break_(f"{worker * 1000 + i}ms").text(f"caller {worker}-{i}")
            for i in range(1200)
        ]

    threads = [threading.Thread(target=work, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert shared.to_dict() == {"text": "Hello", "break": {"value": "300ms"}}
    for worker in range(4):
        assert len(results[worker]) == 1200
        for i, prompt in enumerate(results[worker]):
            assert prompt.to_dict() == {
                "text": "Hello",
                "break": {"value": "300ms"},
                "break2": {"value": f"{worker * 1000 + i}ms"},
                "text2": f"caller {worker}-{i}",
            }


def test_a_prompt_of_a_hundred_thousand_parts_builds_without_recursion() -> None:
    # docs/builder.md (Speed): Prompt(*parts) is linear; chained calls are O(n²).
    parts = [f"line {i}" for i in range(100_000)]
    prompt = Prompt(*parts)
    tree = prompt.to_dict()
    assert len(tree) == 100_000
    assert tree["text"] == "line 0"
    assert tree["text100000"] == "line 99999"
    assert pickle.loads(pickle.dumps(prompt)) == prompt
    # repr is the code that makes it (docs/builder.md), however long the prompt
    longer = prompt.break_("1s")
    assert eval(repr(longer), {"Prompt": Prompt}) == longer
    pauses = Prompt(profile="azure").prosody(Prompt(*[Prompt().break_("1s")] * 2_000), rate="slow")
    assert eval(repr(pauses), {"Prompt": Prompt}) == pauses
