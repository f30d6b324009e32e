"""render_ssml: what each node becomes, escaping, voices, refusals and warnings."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree
from ssml_support import assert_valid, seed

from ttsbuilder.errors import ArgumentError, TTSBuilderError, ValidationError
from ttsbuilder.ssml import parse_ssml, render_ssml, render_ssml_with_problems
from ttsbuilder.ssml.names import MSTTS, SYNTHESIS

AZURE_HEAD = (
    '<speak xmlns="http://www.w3.org/2001/10/synthesis" '
    'xmlns:mstts="http://www.w3.org/2001/mstts" version="1.0" xml:lang="en-US">'
)
W3C_HEAD = '<speak xmlns="http://www.w3.org/2001/10/synthesis" version="1.1" xml:lang="en-US">'


def test_seed_play_payload_in_azure() -> None:
    ssml = render_ssml(seed("play"))
    assert ssml == (
        AZURE_HEAD + '<voice name="en-US-JennyNeural">'
        '<mstts:silence type="leading" value="2000ms"/>Initial Text Play after 2s'
        '<break time="2000ms"/>Text Play after 2s break'
        '<mstts:express-as style="gentle">Text play in gentle voice</mstts:express-as>'
        '<prosody rate="+30.00%" pitch="high" volume="+50.00%">'
        "Text play at 30% higher rate &amp; 50% volume"
        '<break time="2000ms"/>Text Play after 2s break'
        '<say-as interpret-as="date" format="mdy">10/19/2020</say-as>Text Play'
        "</prosody></voice></speak>"
    )
    assert_valid(ssml, "azure")


def test_seed_play_payload_in_w3c() -> None:
    ssml, problems = render_ssml_with_problems(seed("play"), "w3c")
    assert ssml == (
        W3C_HEAD + '<voice gender="female">'
        '<break time="2000ms"/>Initial Text Play after 2s'
        '<break time="2000ms"/>Text Play after 2s break'
        "<!---->Text play in gentle voice"
        '<prosody rate="130%" pitch="high" volume="+3.52dB">'
        "Text play at 30% higher rate &amp; 50% volume"
        '<break time="2000ms"/>Text Play after 2s break'
        '<say-as interpret-as="date" format="mdy">10/19/2020</say-as>Text Play'
        "</prosody></voice></speak>"
    )
    assert_valid(ssml, "w3c")
    assert [(p.code, p.pointer) for p in problems] == [
        ("TTS402", ""),  # the seed's own warning: prompt_name with text_to_speech_option
        ("TTS605", "/text_to_speech_option/silence"),
        ("TTS604", "/text_to_speech_option/express-as"),
    ]


def dial_out(name: str) -> Any:
    """A seed dial-out with real numbers in place of the seed's placeholders."""
    body = seed(name)
    body.update({"from": "+15550100000", "to": "+15550100001"})
    return body


def test_every_seed_document_with_speech_renders_valid_in_both_targets(target: str) -> None:
    documents = [seed("play"), seed("advanced_tree"), dial_out("dial_out_advanced")]
    documents.append(dial_out("dial_out_text"))
    for document in documents:
        assert_valid(render_ssml(document, target), target)


HOSTILE = "a < b && c > d ]]> \"quoted\" 'single' <!-- x --> </speak> 𝄞😀 \r\n\t end"


def test_hostile_text_is_escaped_and_comes_back_as_text(target: str) -> None:
    tree = {
        "text": HOSTILE,
        "say-as": {"interpret-as": "characters", "text": HOSTILE},
        "prosody": {"rate": "slow", "text": HOSTILE},
    }
    ssml = render_ssml(tree, target)
    root = assert_valid(ssml, target)
    voice = root[0]
    assert [element.tag for element in voice.iter()] == [
        f"{{{SYNTHESIS}}}voice",
        f"{{{SYNTHESIS}}}say-as",
        f"{{{SYNTHESIS}}}prosody",
    ]
    assert "".join(voice.itertext()) == HOSTILE * 3
    assert "<!-- x -->" not in ssml
    assert "]]>" not in ssml


def test_attribute_values_are_escaped() -> None:
    tree = {"express-as": {"style": 'x" onload="&<', "text": "Hi"}}
    ssml = render_ssml(tree, profile="azure")
    express = assert_valid(ssml, "azure")[0][0]
    assert express.tag == f"{{{MSTTS}}}express-as"
    assert express.attrib == {"style": 'x" onload="&<'}


def test_two_texts_in_a_row_stay_two_members() -> None:
    ssml = render_ssml({"text": "Hello ", "text2": "world"})
    assert "Hello <!---->world" in ssml


def test_relative_values_carry_a_sign_in_azure_and_convert_in_w3c() -> None:
    tree = {"prosody": {"rate": "30%", "pitch": "10%", "volume": "-20%", "text": "Hi"}}
    azure = assert_valid(render_ssml(tree), "azure")[0][0]
    assert azure.attrib == {"rate": "+30%", "pitch": "+10%", "volume": "-20%"}
    w3c = assert_valid(render_ssml(tree, "w3c"), "w3c")[0][0]
    assert w3c.attrib == {"rate": "130%", "pitch": "+10%", "volume": "-1.94dB"}


@pytest.mark.parametrize(
    ("volume", "w3c"), [("0", "silent"), ("100", "+0dB"), ("50", "-6.02dB"), ("+10", "+0.83dB")]
)
def test_w3c_volumes_are_decibels(volume: str, w3c: str) -> None:
    tree = {"prosody": {"volume": volume, "rate": "1.5", "text": "Hi"}}
    element = assert_valid(render_ssml(tree, "w3c"), "w3c")[0][0]
    assert element.attrib == {"volume": w3c, "rate": "150%"}


def test_break_strength_and_say_as_format() -> None:
    tree = {
        "break": {"value": "1.5s", "strength": "strong"},
        "say-as": {"interpret-as": "telephone", "format": "39", "text": "06 1234 5678"},
    }
    for target in ("azure", "w3c"):
        voice = assert_valid(render_ssml(tree, target), target)[0]
        assert voice[0].attrib == {"time": "1.5s", "strength": "strong"}
        assert voice[1].attrib == {"interpret-as": "telephone", "format": "39"}


def test_silence_with_decimals_is_written_in_whole_milliseconds() -> None:
    tree = {"silence": {"type": "Tailing", "value": "1.5s"}, "text": "Hi"}
    ssml, problems = render_ssml_with_problems(tree)
    silence = assert_valid(ssml, "azure")[0][0]
    assert silence.attrib == {"type": "tailing", "value": "1500ms"}
    assert [(p.code, p.pointer) for p in problems] == [
        ("TTS205", "/silence/type"),
        ("TTS601", "/silence/value"),
    ]
    assert "same length" in problems[1].message


def test_w3c_places_leading_silence_first_and_tailing_last_and_drops_the_rest() -> None:
    tree = {
        "text": "One.",
        "silence": {"type": "tailing-exact", "value": "300ms"},
        "silence2": {"type": "comma-exact", "value": "100ms"},
        "silence3": {"type": "leading", "value": "2s"},
        "text2": "Two.",
    }
    ssml, problems = render_ssml_with_problems(tree, "w3c")
    voice = assert_valid(ssml, "w3c")[0]
    assert etree.tostring(voice, encoding="unicode").split(">", 1)[1] == (
        '<break time="2s"/>One.<!---->Two.<break time="300ms"/></voice>'
    )
    assert [(p.code, p.pointer) for p in problems] == [
        ("TTS605", "/silence"),
        ("TTS605", "/silence2"),
        ("TTS605", "/silence3"),
    ]
    assert "dropped" in problems[1].message
    assert "exact" in problems[0].message


def test_w3c_express_as_keeps_its_content_and_warns_once_per_element() -> None:
    tree = {
        "express-as": {"style": "cheerful", "text": "Hi", "break": {"value": "1s"}},
        "express-as2": {"style": "gentle", "prosody": {"rate": "slow", "text": "there"}},
    }
    ssml, problems = render_ssml_with_problems(tree, "w3c")
    voice = assert_valid(ssml, "w3c")[0]
    assert [child.tag.split("}")[1] for child in voice] == ["break", "prosody"]
    assert "".join(voice.itertext()) == "Hithere"
    assert [p.pointer for p in problems] == ["/express-as", "/express-as2"]


def test_azure_express_as_keeps_styledegree_and_role() -> None:
    tree = {"express-as": {"style": "cheerful", "styledegree": "1.5", "role": "Girl", "text": "Hi"}}
    express = assert_valid(render_ssml(tree, profile="azure"), "azure")[0][0]
    assert express.attrib == {"style": "cheerful", "styledegree": "1.5", "role": "Girl"}


# ---------------------------------------------------------------- documents and voices


def test_play_with_plain_text_renders_that_text() -> None:
    ssml = render_ssml({"text": "Fish & chips", "voice": "male", "language": "en-GB"})
    assert ssml.endswith('<voice name="en-GB-RyanNeural">Fish &amp; chips</voice></speak>')
    assert 'xml:lang="en-GB"' in ssml


def test_dial_out_renders_its_play_action() -> None:
    ssml, problems = render_ssml_with_problems(dial_out("dial_out_advanced"), "w3c")
    assert "Text play in gentle voice" in ssml
    assert problems[-1].pointer == "/action_on_connect/play/text_to_speech_option/express-as"


class FakePrompt:
    """Stands in for a builder value: anything with to_dict()."""

    def to_dict(self) -> dict[str, Any]:
        return {"text": "Built"}


def test_builder_values_render_through_to_dict() -> None:
    from ttsbuilder.builder import Prompt

    assert ">Built</voice>" in render_ssml(FakePrompt())
    prompt = Prompt().text("Hello & bye").break_("500ms")
    assert parse_ssml(render_ssml(prompt)) == prompt.to_dict()


def test_payload_voice_and_language_win_over_the_defaults_given() -> None:
    play = {"text": "Hallo", "voice": "male", "language": "de-DE"}
    ssml = render_ssml(play, voice="female", language="fr-FR")
    assert 'xml:lang="de-DE"' in ssml
    assert 'name="de-DE-ConradNeural"' in ssml


def test_arguments_fill_in_what_a_bare_tree_does_not_say() -> None:
    ssml = render_ssml({"text": "Bonjour"}, voice="male", language="fr-FR")
    assert 'xml:lang="fr-FR"' in ssml
    assert 'name="fr-FR-HenriNeural"' in ssml


def test_a_voice_name_always_wins_and_gives_the_language() -> None:
    play = {"text": "Hi", "voice": "male"}
    ssml = render_ssml(play, voice="en-AU-NatashaNeural")
    assert 'xml:lang="en-AU"' in ssml
    assert 'name="en-AU-NatashaNeural"' in ssml
    w3c = render_ssml(play, "w3c", voice="en-AU-NatashaNeural")
    assert '<voice name="en-AU-NatashaNeural">' in w3c


def test_w3c_asks_for_a_gender_not_an_azure_name() -> None:
    ssml = render_ssml({"text": "Hi", "voice": "male", "language": "es-MX"}, "w3c")
    assert 'xml:lang="es-MX"' in ssml
    assert '<voice gender="male">' in ssml


def test_unknown_language_without_a_voice_name_is_refused_with_a_problem() -> None:
    with pytest.raises(ValidationError) as caught:
        render_ssml({"text": "Kia ora", "voice": "female", "language": "mi-NZ"})
    assert [(p.code, p.pointer) for p in caught.value.problems] == [("TTS602", "/language")]
    assert caught.value.problems[0].hint is not None
    ssml = render_ssml({"text": "Kia ora", "voice": "female", "language": "mi-NZ"}, "w3c")
    assert 'xml:lang="mi-NZ"' in ssml


def test_bad_voice_argument_is_a_build_error() -> None:
    with pytest.raises(ArgumentError, match="voice='robot'"):
        render_ssml({"text": "Hi"}, voice="robot")


def test_errors_are_refused_with_every_problem() -> None:
    with pytest.raises(ValidationError) as caught:
        render_ssml({"text": "Hi", "break": {"time": "2s"}, "prosody": {"rate": "quick"}})
    assert {p.code for p in caught.value.problems} == {"TTS105", "TTS110", "TTS210"}


def test_profile_is_the_one_validation_uses() -> None:
    tree = {"break": {"value": "8s"}}
    with pytest.raises(ValidationError):
        render_ssml(tree)
    assert 'time="8s"' in render_ssml(tree, profile="azure")


@pytest.mark.parametrize(
    "document",
    [
        {"prompt_name": "welcome"},
        {"hold": True},
        {
            "from": "+15550100000",
            "to": "+15550100001",
            "action_on_connect": {"room": {"room_id": "r"}},
        },
    ],
)
def test_documents_without_speech_are_refused(document: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as caught:
        render_ssml(document)
    assert caught.value.problems[-1].code == "TTS603"


def test_an_empty_tree_renders_an_empty_voice_with_its_warning() -> None:
    ssml, problems = render_ssml_with_problems({})
    assert ssml.endswith('<voice name="en-US-JennyNeural"/></speak>')
    assert [p.code for p in problems] == ["TTS110"]


@pytest.mark.parametrize("document", ["Hello", [], {"welcome": 1}, None])
def test_nothing_recognisable_is_refused(document: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        render_ssml(document)
    assert any(p.is_error for p in caught.value.problems)


def test_a_catalog_of_prompts_is_rendered_one_at_a_time() -> None:
    with pytest.raises(TTSBuilderError, match="2 prompts"):
        render_ssml({"welcome": {"text": "Hi"}, "bye": {"text": "Bye"}})
    assert ">Hi</voice>" in render_ssml({"welcome": {"text": "Hi"}})


def test_unknown_target_is_refused() -> None:
    with pytest.raises(TTSBuilderError, match="unknown SSML target"):
        render_ssml({"text": "Hi"}, "alexa")


def test_pretty_output_adds_whitespace_only_around_the_voice(target: str) -> None:
    # Whitespace between two say-as would make "0" "0" read as two numbers, not "00".
    tree = {
        "say-as": {"interpret-as": "characters", "text": "0"},
        "say-as2": {"interpret-as": "cardinal", "text": "0"},
    }
    plain = render_ssml(tree, target)
    pretty = render_ssml(tree, target, pretty=True)
    head, voice, tail = pretty.split("\n")[:3]
    assert plain == head + voice.strip() + tail
    assert voice.startswith("  <voice ")
    assert pretty.endswith("</speak>\n")
    assert "".join(assert_valid(pretty, target)[0].itertext()) == "00"
    if target == "azure":
        assert parse_ssml(pretty) == tree


def test_a_remembered_shape_renders_new_texts_exactly(target: str) -> None:
    from ttsbuilder.ssml import render as rendering

    def tree(words: list[str]) -> dict[str, Any]:
        return {
            "text": words[0],
            "text2": words[1],
            "prosody": {"rate": "slow", "text": words[2], "break": {"value": "1s"}},
            "say-as": {"interpret-as": "characters", "text": words[3]},
            "text3": words[4],
        }

    render_ssml(tree(["a", "b", "c", "d", "e"]), target)  # the same shape, other texts
    hostile = [HOSTILE, "]]>", "<x/>", "&amp;", "𝄞"]
    remembered = render_ssml(tree(hostile), target)
    assert render_ssml(tree(hostile), target) == remembered  # from the remembered documents
    rendering._RENDERED.clear()
    assert remembered == render_ssml(tree(hostile), target)
    assert "".join(assert_valid(remembered, target)[0].itertext()) == "".join(hostile)


def test_a_body_under_a_non_string_key_renders() -> None:
    ssml = render_ssml({1: {"text": "Hi", "voice": "male", "language": "en-US"}})
    assert ">Hi</voice>" in ssml


def test_a_failing_to_dict_is_the_library_error() -> None:
    class Broken:
        def to_dict(self) -> dict[str, object]:
            raise ValueError("nope")

    with pytest.raises(TTSBuilderError, match=r"Broken.to_dict\(\) failed"):
        render_ssml(Broken())


@pytest.mark.parametrize("target", ["azure", "w3c", "polly", "google"])
@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"voice": ["female"]}, "voice"),  # was TypeError: unhashable type: 'list'
        ({"voice": {"name": "x"}}, "voice"),
        ({"voice": b"male"}, "voice"),
        ({"pretty": "no"}, "pretty"),  # was read as true: the output was indented
        ({"pretty": 1}, "pretty"),
        ({"pretty": None}, "pretty"),
    ],
)
def test_arguments_of_the_wrong_type_are_argument_errors(
    target: str, arguments: dict[str, Any], named: str
) -> None:
    with pytest.raises(ArgumentError) as refused:
        render_ssml({"text": "Hi"}, target, **arguments)  # type: ignore[arg-type]
    assert refused.value.argument == named
    with pytest.raises(ArgumentError):
        render_ssml_with_problems({"text": "Hi"}, target, **arguments)  # type: ignore[arg-type]
