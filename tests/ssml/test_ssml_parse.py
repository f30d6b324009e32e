"""parse_ssml: Azure-dialect SSML back to a tree; refusals name the element and line."""

from __future__ import annotations

from typing import Any

import pytest
from ssml_support import seed

from ttsbuilder.errors import ArgumentError, SSMLError
from ttsbuilder.ssml import MAX_SSML_BYTES, parse_ssml, render_ssml
from ttsbuilder.validation import validate

HEAD = (
    '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" '
    'xmlns:mstts="http://www.w3.org/2001/mstts" xml:lang="en-US">'
)


def speak(body: str, head: str = HEAD) -> str:
    return f'{head}<voice name="en-US-JennyNeural">{body}</voice></speak>'


def test_every_node_kind_reads_back() -> None:
    tree = parse_ssml(
        speak(
            '<mstts:silence type="leading" value="200ms"/>Hi &amp; welcome'
            '<break time="1s" strength="weak"/>'
            '<mstts:express-as style="cheerful" styledegree="1.5" role="Girl">'
            "Great</mstts:express-as>"
            '<prosody pitch="-2st" rate="1.2" volume="+10"><say-as interpret-as="date" '
            'format="mdy">10/19/2020</say-as> then</prosody>'
        ),
        profile="azure",
    )
    assert tree == {
        "silence": {"type": "leading", "value": "200ms"},
        "text": "Hi & welcome",
        "break": {"value": "1s", "strength": "weak"},
        "express-as": {"style": "cheerful", "styledegree": "1.5", "role": "Girl", "text": "Great"},
        "prosody": {
            "rate": "1.2",
            "pitch": "-2st",
            "volume": "+10",
            "say-as": {"interpret-as": "date", "format": "mdy", "text": "10/19/2020"},
            "text": " then",
        },
    }
    assert validate(tree, kind="tts", profile="azure") == []


def test_the_seed_renders_and_parses_back_exactly() -> None:
    play = seed("play")
    assert parse_ssml(render_ssml(play)) == play["text_to_speech_option"]


def test_bytes_input_honours_the_declared_encoding() -> None:
    text = '<?xml version="1.0" encoding="ISO-8859-1"?>' + speak("Caf\xe9")
    assert parse_ssml(text.encode("latin-1")) == {"text": "Café"}
    # A str is already decoded: its declaration is ignored, not misapplied.
    assert parse_ssml(text) == {"text": "Café"}


def test_ssml_without_namespaces_or_voice_is_read() -> None:
    assert parse_ssml("<speak>Hi<break time='2s'/></speak>") == {
        "text": "Hi",
        "break": {"value": "2s"},
    }


def test_https_mstts_namespace_is_read() -> None:
    head = HEAD.replace("http://www.w3.org/2001/mstts", "https://www.w3.org/2001/mstts")
    body = '<mstts:express-as style="calm">Hi</mstts:express-as>'
    expected = {"express-as": {"style": "calm", "text": "Hi"}}
    assert parse_ssml(speak(body, head), profile="azure") == expected


def test_comments_separate_text_members() -> None:
    assert parse_ssml(speak("Hello <!---->world<!-- note -->!")) == {
        "text": "Hello ",
        "text2": "world",
        "text3": "!",
    }


def test_whitespace_is_kept_by_default_and_normalized_on_request() -> None:
    indented = (
        "<speak>\n  <voice name='x'>\n    Hello\n    <break time='1s'/>\n"
        "    <say-as interpret-as='cardinal'> 42 </say-as>\n  </voice>\n</speak>"
    )
    assert parse_ssml(indented) == {
        "text": "\n    Hello\n    ",
        "break": {"value": "1s"},
        "text2": "\n    ",
        "say-as": {"interpret-as": "cardinal", "text": " 42 "},
        "text3": "\n  ",
    }
    assert parse_ssml(indented, whitespace="normalize") == {
        "text": " Hello ",
        "break": {"value": "1s"},
        "say-as": {"interpret-as": "cardinal", "text": "42"},
    }


def test_pretty_output_reads_back_exactly() -> None:
    tree = seed("advanced_tree")
    assert parse_ssml(render_ssml(tree, pretty=True)) == tree


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ('<audio src="https://example.com/a.wav"/>', "<audio>"),
        ('<phoneme alphabet="ipa" ph="x">x</phoneme>', "<phoneme>"),
        ('<bookmark mark="m"/>', "<bookmark>"),
        ('<mark name="m"/>', "<mark>"),
        ("<p>Hi</p>", "<p>"),
        ("<s>Hi</s>", "<s>"),
        ('<sub alias="x">y</sub>', "<sub>"),
        ("<emphasis>Hi</emphasis>", "<emphasis>"),
        ('<lang xml:lang="fr-FR">Salut</lang>', "<lang>"),
        ('<mstts:backgroundaudio src="a.wav"/>', "<mstts:backgroundaudio>"),
        ('<mstts:viseme type="redlips_front"/>', "<mstts:viseme>"),
        ('<voice name="en-US-GuyNeural">Hi</voice>', "a second <voice>"),
        ('<prosody contour="(0%,+20Hz)">Hi</prosody>', "'contour'"),
        ('<say-as interpret-as="date" detail="2">1/2</say-as>', "'detail'"),
        ('<break strength="strong"/>', "without time"),
        ('<break time="500"/>', "not a duration"),
        ('<prosody rate="quick">Hi</prosody>', "rate='quick'"),
        ('<prosody volume="+3dB">Hi</prosody>', "volume='+3dB'"),
        ('<prosody rate="slow"><mstts:silence type="leading" value="1s"/></prosody>', "top level"),
        (
            '<mstts:express-as style="calm"><mstts:express-as style="sad">x</mstts:express-as>'
            "</mstts:express-as>",
            "top level",
        ),
        ("<say-as>42</say-as>", "interpret-as"),
        ('<say-as interpret-as="cardinal"/>', "some text"),
        ('<mstts:silence type="leading"/>', "type and value"),
        ("<?tts pause?>", "processing instruction"),
    ],
)
def test_what_a_tree_cannot_hold_is_refused_with_its_line(body: str, named: str) -> None:
    with pytest.raises(SSMLError) as caught:
        parse_ssml(speak("Hi\n" + body))
    assert named in str(caught.value)
    assert caught.value.line == 2


def test_two_voices_are_refused() -> None:
    text = HEAD + '<voice name="a">Hi</voice>\n<voice name="b">there</voice></speak>'
    with pytest.raises(SSMLError, match="second <voice>") as caught:
        parse_ssml(text)
    assert caught.value.line == 2


def test_text_outside_the_voice_is_refused() -> None:
    with pytest.raises(SSMLError, match="outside"):
        parse_ssml(HEAD + 'Hi<voice name="a">there</voice></speak>')


def test_root_must_be_speak() -> None:
    with pytest.raises(SSMLError, match="not <speak>"):
        parse_ssml("<html>Hi</html>")


@pytest.mark.parametrize("text", ["", "<speak>", "<speak><voice></speak>", "Hello", "\ud800"])
def test_malformed_input_is_an_ssml_error(text: str) -> None:
    with pytest.raises(SSMLError):
        parse_ssml(text)


def test_non_text_input_is_an_ssml_error() -> None:
    with pytest.raises(SSMLError, match="text or bytes"):
        parse_ssml(42)  # type: ignore[arg-type]


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE speak [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">\n'
        for n in range(1, 10)
    )
    + "]>\n<speak><voice name='x'>&lol9;</voice></speak>"
)


def test_billion_laughs_is_refused_at_once() -> None:
    # Refused by the declaration scan, before the parser sees the document.
    with pytest.raises(SSMLError, match="declares entities") as caught:
        parse_ssml(BILLION_LAUGHS)
    assert caught.value.line == 3


def test_billion_laughs_in_utf16_is_refused_without_expansion() -> None:
    # UTF-16 hides the declaration from the byte scan; the parser still never expands it.
    text = BILLION_LAUGHS.replace('1.0"?>', '1.0" encoding="UTF-16"?>').encode("utf-16")
    with pytest.raises(SSMLError, match=r"(?i)entit"):
        parse_ssml(text)


@pytest.mark.parametrize(
    "entity",
    ['<!ENTITY xxe SYSTEM "file:///etc/passwd">', '<!ENTITY xxe SYSTEM "http://example.com/x">'],
)
def test_external_entities_are_refused(entity: str) -> None:
    text = f"<!DOCTYPE speak [{entity}]><speak><voice name='x'>&xxe;</voice></speak>"
    with pytest.raises(SSMLError, match="declares entities"):
        parse_ssml(text)
    with pytest.raises(SSMLError, match="declares entities"):
        parse_ssml(text.encode("utf-16"))


def test_undeclared_entities_and_external_dtds_are_not_fetched() -> None:
    with pytest.raises(SSMLError, match="not well-formed"):
        parse_ssml("<speak><voice name='x'>&nbsp;</voice></speak>")
    external = (
        '<!DOCTYPE speak PUBLIC "-//W3C//DTD SYNTHESIS 1.0//EN" '
        '"http://www.w3.org/TR/speech-synthesis/synthesis.dtd">'
        "<speak><voice name='x'>Hi</voice></speak>"
    )
    assert parse_ssml(external) == {"text": "Hi"}


def test_size_is_bounded() -> None:
    text = speak("x" * MAX_SSML_BYTES)
    with pytest.raises(SSMLError, match="at most"):
        parse_ssml(text)


def test_depth_is_bounded() -> None:
    deep = '<prosody rate="slow">' * 20 + "Hi" + "</prosody>" * 20
    with pytest.raises(SSMLError, match="deeper than 16"):
        parse_ssml(speak(deep))
    very_deep = "<prosody>" * 400 + "Hi" + "</prosody>" * 400
    with pytest.raises(SSMLError):
        parse_ssml(speak(very_deep))


def test_values_are_read_as_written_and_validated_under_the_profile() -> None:
    ssml = speak('<prosody rate="30%">Hi</prosody>\n<break time="9s"/>')
    with pytest.raises(SSMLError, match="TTS202 '9s' is too long") as caught:
        parse_ssml(ssml)  # enablex: pauses below 5000ms
    assert caught.value.line == 2  # the break's line
    tree = parse_ssml(ssml, profile="azure")
    assert tree == {
        "prosody": {"rate": "30%", "text": "Hi"},
        "text": "\n",
        "break": {"value": "9s"},
    }
    # Warnings do not refuse: the result is a tree validate() accepts.
    assert {p.code for p in validate(tree, kind="tts", profile="azure")} == {"TTS212"}


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ('<say-as interpret-as="unknown">x</say-as>', "TTS301"),
        ('<say-as interpret-as="cardinal" format="dmy">1</say-as>', "TTS302"),
        ('<mstts:express-as style="angryy">x</mstts:express-as>', "TTS206"),
        ('<mstts:express-as style="cheerful" styledegree="2">x</mstts:express-as>', "TTS208"),
        ('<mstts:silence type="bogus" value="1s"/>', "TTS204"),
        ('<break time="1s" strength="huge"/>', "TTS203"),
    ],
)
def test_what_validate_refuses_is_refused_naming_the_line(body: str, code: str) -> None:
    with pytest.raises(SSMLError, match=code) as caught:
        parse_ssml(speak("\n\n" + body))
    assert caught.value.line == 3


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        '<speak version="1.0">' + "<prosody>" * 100_000 + "x" + "</prosody>" * 100_000 + "</speak>",
        '<speak version="1.0">' + "<prosody>" * 30 + "x" + "</prosody>" * 30 + "</speak>",
        '<!DOCTYPE s [<!ENTITY a "aa"><!ENTITY b "&a;&a;">]><speak>&b;</speak>',
        '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY % x SYSTEM "file:///etc/passwd"> %x;]><speak/>',
        "<speak>Hi &foo; there</speak>",
        "<speak>a&#1;b</speak>",
        speak("Hi<?php echo 1?>there"),
        speak('<x:foo xmlns:x="urn:x">Hi</x:foo>'),
        speak("a</voice><voice name='en-US-GuyNeural'>b"),
        speak('<break time="abc"/>'),
        speak('<prosody rate="fast!">x</prosody>'),
        "<foo/>",
        42,
        None,
        ["<speak/>"],
    ],
)
def test_hostile_or_unrepresentable_input_raises_ssml_error_only(text: Any) -> None:
    with pytest.raises(SSMLError):
        parse_ssml(text)


def test_external_dtd_is_not_loaded_and_cdata_is_text() -> None:
    text = (
        '<?xml version="1.0"?><!DOCTYPE speak SYSTEM "http://example.invalid/x.dtd">'
        "<speak>Hi <![CDATA[<b>&amp;</b>]]></speak>"
    )
    assert parse_ssml(text) == {"text": "Hi <b>&amp;</b>"}
    assert parse_ssml(text.encode("utf-16")) == {"text": "Hi <b>&amp;</b>"}  # bytes: any encoding


def test_w3c_unsigned_percent_is_refused_not_misread() -> None:
    ssml = render_ssml({"prosody": {"rate": "+30%", "text": "x"}}, "w3c")
    assert 'rate="130%"' in ssml
    with pytest.raises(SSMLError, match="share of the normal value"):
        parse_ssml(ssml)  # Azure would read 130% as +130%


def test_parse_ssml_arguments_are_checked() -> None:
    with pytest.raises(ArgumentError):
        parse_ssml(speak("Hi"), profile="azur")
    with pytest.raises(SSMLError, match="whitespace"):
        parse_ssml(speak("Hi"), whitespace="strip")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ssml", "tree"),
    [
        ("<speak><![CDATA[Type <!ENTITY here]]></speak>", {"text": "Type <!ENTITY here"}),
        ("<speak>a<!-- <!ENTITY x 'y'> -->b</speak>", {"text": "a", "text2": "b"}),
    ],
)
def test_entity_declarations_are_looked_for_in_a_doctype_only(
    ssml: str, tree: dict[str, str]
) -> None:
    # "<!ENTITY" in a CDATA section or a comment is text: it was refused as "a DOCTYPE
    # that declares entities" in a document that has no DOCTYPE.
    assert parse_ssml(ssml) == tree
    assert parse_ssml(ssml.encode("utf-16")) == tree
