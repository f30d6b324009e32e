"""Write the JSON Schemas in ``ttsbuilder/schemas/`` from the vocabularies the rules use.

The files in ``ttsbuilder/schemas/`` are what ships and what :mod:`ttsbuilder.published` loads; this
module is how they are made, so that their enums, limits and patterns come from
:mod:`ttsbuilder.values` and :mod:`ttsbuilder.profiles` rather than being typed twice.
``tests/test_schema.py`` fails when a file differs from what this module builds.

Run ``make schemas`` after changing a vocabulary.

>>> sorted(build())[:3]
['connect.schema.json', 'dial-out-azure.schema.json', 'dial-out.schema.json']
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ttsbuilder.model import CONTENT_KINDS, KINDS
from ttsbuilder.profiles import (
    AZURE_STYLES,
    ENABLEX_STYLES,
    PROFILE_NAMES,
    ROLES,
    Profile,
    ProfileName,
    get_profile,
)
from ttsbuilder.published import (
    BASE_URI,
    CATALOG_FILE,
    PROFILED_KINDS,
    SCHEMA_KINDS,
    file_match,
    schema_file,
)
from ttsbuilder.rules.context import MAX_DEPTH
from ttsbuilder.rules.payloads import DOCUMENT_KINDS, FIELDS, DocumentKind
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

__all__ = ["BASE_URI", "build", "build_catalog", "render"]

Schema = dict[str, Any]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: The format of the schema catalog: SchemaStore's (https://www.schemastore.org/).
CATALOG_FORMAT = "https://json.schemastore.org/schema-catalog.json"

# "End of string" in every regex dialect JSON Schema tools use. Not `$`: Python's `$`
# (which python-jsonschema uses, through re.search) also matches before a final newline.
END = r"(?![\s\S])"
NUMBER = r"[0-9]+(?:\.[0-9]+)?"
# XML 1.0 cannot carry C0 controls but tab/newline/return, U+FFFE, U+FFFF or surrogates.
# Surrogates are left out: Rust engines (jsonschema-rs) refuse a pattern that names them and
# JavaScript's see a pair as two units, so no pattern says the same everywhere. validate()
# reports them (a listed difference, tests/test_schema_agreement.py).
XML_CHARACTERS = r"[^\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]*"
# Python's re.ASCII \s, written out: the payload rules use it, and ECMA-262's \s is wider.
SPACE = r" \t\n\r\f\v"
CONTROL_KINDS = tuple(kind for kind in DOCUMENT_KINDS if kind not in PROFILED_KINDS)

SEED_TREE: Schema = {
    "silence": {"type": "leading", "value": "2000ms"},
    "text": "Initial Text Play after 2s",
    "break": {"value": "2000ms"},
    "text2": "Text Play after 2s break",
    "express-as": {"style": "gentle", "text": "Text play in gentle voice"},
    "prosody": {
        "rate": "+30.00%",
        "pitch": "high",
        "volume": "+50.00%",
        "text": "Text play at 30% higher rate & 50% volume",
        "break": {"value": "2000ms"},
        "text2": "Text Play after 2s break",
        "say-as": {"interpret-as": "date", "format": "mdy", "text": "10/19/2020"},
        "text3": "Text Play",
    },
}
SEED_PLAY_PROMPT: Schema = {"prompt_name": "prompt_name", "prompt_ref": "1"}
SEED_PLAY_TEXT: Schema = {
    "text": "text to be played as speech",
    "language": "en-US",
    "voice": "female",
}
# The seed's placeholders ("CLI number") are not phone numbers: examples use real ones.
CALLER = "+15550100000"
CALLED = "+15550100001"


def anchored(body: str) -> str:
    """A pattern matching the whole string, and nothing but it, in Python and ECMA-262."""
    return f"^(?:{body}){END}"


def any_case(words: tuple[str, ...] | frozenset[str]) -> str:
    """A whole-string pattern for ``words`` in any ASCII case (ECMA-262 has no inline flags)."""
    spelled = (
        "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in word)
        for word in sorted(words)
    )
    return anchored("|".join(spelled))


def ref(name: str, **extra: Any) -> Schema:
    """A ``$ref`` to a definition of this file, with annotations beside it."""
    return {"$ref": f"#/$defs/{name}", **extra}


def member_pattern(kind: str) -> str:
    """Suffixed member names of ``kind`` (``text2``, ``text1``; not ``text02``).

    The bare name is in ``properties`` (so editors complete it); were it matched here
    too, every nested prosody would be validated twice per level.
    """
    return anchored(f"{kind}[1-9][0-9]*")


# validate() drops a root $schema member whatever its value, so the schema takes any value.
SCHEMA_MEMBER: Schema = {
    "description": (
        "The JSON Schema this file follows, for editors (completion and hover help). "
        "Not part of the Voice API request: validate() ignores it."
    ),
    "examples": [BASE_URI + "play.schema.json"],
}


def string_def() -> Schema:
    return {
        "type": "string",
        "minLength": 1,
        "pattern": anchored(XML_CHARACTERS),
        "description": (
            "A non-empty string that XML 1.0 can carry: no control characters other than "
            "tab, newline and return, no U+FFFE or U+FFFF (TTS104, TTS112)."
        ),
    }


# --- the text_to_speech_option tree ------------------------------------------------------


def duration_pattern(profile: Profile) -> str:
    """Durations (``2000ms``, ``1.5s``) within the profile's pause limit, as one pattern.

    A regular expression can bound a decimal number by its digits: below 5000 ms is
    at most four integer digits starting 1-4 (any fraction), or below 5 s.
    """
    if profile.max_pause_ms == 5000 and not profile.pause_limit_inclusive:
        ms = r"0*(?:[0-9]{1,3}|[1-4][0-9]{3})(?:\.[0-9]+)?ms"
        seconds = r"0*[0-4](?:\.[0-9]+)?s"
        return anchored(f"{ms}|{seconds}")
    if profile.max_pause_ms == 20000 and profile.pause_limit_inclusive:
        ms = r"0*(?:[0-9]{1,4}|1[0-9]{4})(?:\.[0-9]+)?ms|0*20000(?:\.0+)?ms"
        seconds = r"0*1?[0-9](?:\.[0-9]+)?s|0*20(?:\.0+)?s"
        return anchored(f"{ms}|{seconds}")
    raise ValueError(
        f"no duration pattern for a {profile.max_pause_ms}ms limit"
    )  # pragma: no cover


def tree_defs(profile: Profile) -> Schema:
    """The ``$defs`` of the tree schema of ``profile``."""
    limit = profile.pause_limit_text()
    defs: Schema = {
        "string": string_def(),
        "text": ref(
            "string",
            description="Text spoken as is. Members text, text2, text3, ... are spoken in "
            "document order.",
            examples=["Welcome to our service."],
        ),
        "duration": {
            "type": "string",
            "pattern": duration_pattern(profile),
            "description": (
                f"A pause length: a number followed by ms or s, {limit} in the "
                f"{profile.name} profile (TTS201, TTS202). No space, sign or missing unit."
            ),
            "examples": ["2000ms", "500ms", "2s", "1.5s"],
        },
        "break": {
            "type": "object",
            "title": "break",
            "description": "A pause. value is required; strength is optional.",
            "properties": {
                "value": ref("duration", description=f"How long the pause is ({limit})."),
                "strength": {
                    "enum": list(BREAK_STRENGTHS),
                    "description": "The strength of the pause (TTS203).",
                },
            },
            "required": ["value"],
            "additionalProperties": False,
            "examples": [{"value": "2000ms"}, {"value": "500ms", "strength": "medium"}],
        },
        "silence": {
            "type": "object",
            "title": "silence",
            "description": (
                "Azure mstts:silence: silence at a position in the speech. Top level only; "
                "type and value are both required."
            ),
            "properties": {
                "type": {
                    "type": "string",
                    "anyOf": [{"enum": list(SILENCE_TYPES)}, {"pattern": any_case(SILENCE_TYPES)}],
                    "description": (
                        "Where the silence goes (TTS204). Matched case-insensitively; "
                        "lowercase is canonical (other case: warning TTS205)."
                    ),
                },
                "value": ref("duration", description=f"How long the silence is ({limit})."),
            },
            "required": ["type", "value"],
            "additionalProperties": False,
            "examples": [{"type": "leading", "value": "2000ms"}],
        },
        "style": style_def(profile),
        "express-as": express_as_def(profile),
        "pitch": prosody_value(
            "pitch",
            PITCH_LEVELS,
            rf"{NUMBER}Hz|[+-]{NUMBER}(?:Hz|st)|[+-]?{NUMBER}%",
            "The baseline pitch: a level, an absolute '600Hz', or a relative '+80Hz', "
            "'-2st', '+50%' (TTS210).",
            ["high", "600Hz", "+80Hz", "-2st", "+50%"],
        ),
        "rate": prosody_value(
            "rate",
            RATE_LEVELS,
            rf"[+-]?{NUMBER}%|{NUMBER}",
            "The speaking rate: a level, a multiplier like '1.5' (0.5 to 2), or a "
            "percent like '+30.00%' (TTS210). Write the sign of a percent (TTS212).",
            ["fast", "1.5", "+30.00%", "-20%"],
        ),
        "volume": prosody_value(
            "volume",
            VOLUME_LEVELS,
            rf"[+-]?{NUMBER}%?",
            "The volume: a level, an absolute 0 to 100, a relative '+10' or '-5.5', or a "
            "percent like '+50.00%' (TTS210).",
            ["loud", "80", "+10", "+50.00%"],
        ),
        "say-as": say_as_def(),
    }
    for depth in range(1, MAX_DEPTH + 1):
        defs[prosody_name(depth)] = prosody_def(depth)
    defs["too-deep"] = {
        "not": {},
        "description": f"Nesting deeper than {MAX_DEPTH} levels is an error (TTS111).",
    }
    return defs


def prosody_name(depth: int) -> str:
    """The definition of a prosody whose members sit at ``depth``.

    As in validate(), the tree's own members are at depth 0, a top-level prosody's at 1,
    and members deeper than ``MAX_DEPTH`` are an error. JSON Schema cannot count, so each
    level has its own definition.
    """
    if depth > MAX_DEPTH:
        return "too-deep"
    return "prosody" if depth == 1 else f"prosody-{depth}"


def content(depth: int, kinds: tuple[str, ...]) -> tuple[Schema, Schema]:
    """The ``properties`` (first names, for completion) and ``patternProperties`` of members."""
    targets = {
        kind: ref(prosody_name(depth + 1) if kind == "prosody" else kind, description=HELP[kind])
        for kind in kinds
    }
    properties = {kind: dict(target) for kind, target in targets.items()}
    patterns = {member_pattern(kind): dict(target) for kind, target in targets.items()}
    return properties, patterns


#: The hover text of each member kind, where a member names it.
HELP = {
    "text": "Text spoken as is.",
    "silence": "Silence at a position in the speech (Azure mstts:silence); top level only.",
    "break": 'A pause: {"value": "2000ms"}, with an optional strength.',
    "express-as": "Content spoken in a style (Azure mstts:express-as); top level only.",
    "prosody": "Content with changed pitch, rate or volume; may nest.",
    "say-as": "Text said as a type of content: a date, a number, a telephone number, ...",
    "pitch": "The baseline pitch: high, 600Hz, +80Hz, -2st, +50%.",
    "rate": "The speaking rate: fast, 1.5, +30.00%.",
    "volume": "The volume: loud, 80, +10, +50.00%.",
}

_CONTENT_ORDER = tuple(kind for kind in KINDS if kind in CONTENT_KINDS)


def prosody_def(depth: int) -> Schema:
    properties, patterns = content(depth, _CONTENT_ORDER)
    nested = "" if depth == 1 else f" This definition is for nesting level {depth}."
    return {
        "type": "object",
        "title": "prosody",
        "description": (
            "Changes pitch, rate and volume of its content: text, break, prosody and say-as "
            "members (with suffixes 2, 3, ...). Set at least one of pitch, rate, volume "
            f"(none: warning TTS213).{nested}"
        ),
        "properties": {
            "pitch": ref("pitch", description=HELP["pitch"]),
            "rate": ref("rate", description=HELP["rate"]),
            "volume": ref("volume", description=HELP["volume"]),
            **properties,
        },
        "patternProperties": patterns,
        "additionalProperties": False,
        "examples": [{"rate": "+30.00%", "volume": "+50.00%", "text": "Faster and louder"}],
    }


def style_def(profile: Profile) -> Schema:
    if profile.unknown_style_is_error:
        return {
            "type": "string",
            "anyOf": [{"enum": sorted(ENABLEX_STYLES)}, {"pattern": any_case(ENABLEX_STYLES)}],
            "description": (
                "The speaking style, one of the five the Voice API documents (TTS206). "
                "Matched case-insensitively; lowercase is canonical (other case: warning "
                "TTS205)."
            ),
        }
    return {
        "anyOf": [{"enum": sorted(AZURE_STYLES)}, ref("string")],
        "description": (
            "The speaking style: one of Azure's 34 styles, or a custom voice's own style "
            "(warning TTS207)."
        ),
    }


def express_as_def(profile: Profile) -> Schema:
    properties, patterns = content(1, _CONTENT_ORDER)
    attributes: Schema = {"style": ref("style", description=style_def(profile)["description"])}
    if profile.allows_style_options:
        attributes["styledegree"] = {
            "type": "string",
            "pattern": anchored(r"0*2(?:\.0*)?|0*1(?:\.[0-9]*)?|0*\.0?[1-9][0-9]*"),
            "description": "How strong the style is: a number from 0.01 to 2, as a string "
            "(TTS209).",
            "examples": ["0.5", "1", "2"],
        }
        attributes["role"] = {
            "enum": sorted(ROLES),
            "description": "The age and gender the voice imitates (TTS209).",
        }
    only = "" if profile.allows_style_options else " styledegree and role need the azure profile."
    return {
        "type": "object",
        "title": "express-as",
        "description": (
            "Azure mstts:express-as: speaks its content (text, break, prosody, say-as) in a "
            f"style. Top level only, no nesting; style is required.{only}"
        ),
        "properties": {**attributes, **properties},
        "patternProperties": patterns,
        "required": ["style"],
        "additionalProperties": False,
        "examples": [{"style": "gentle", "text": "Text play in gentle voice"}],
    }


def say_as_def() -> Schema:
    formats = {"date": DATE_FORMATS, "time": TIME_FORMATS, "duration": DURATION_FORMATS}
    without = [kind for kind in INTERPRET_AS if kind not in formats and kind != "telephone"]
    rules: list[Schema] = [
        {
            "if": when_interpret_as(kind),
            "then": {"properties": {"format": {"enum": list(allowed)}}},
        }
        for kind, allowed in formats.items()
    ]
    rules.append(
        {
            "if": when_interpret_as("telephone"),
            "then": {"properties": {"format": {"pattern": anchored("[0-9]{1,3}")}}},
        }
    )
    rules.append({"if": when_interpret_as(*without), "then": {"not": {"required": ["format"]}}})
    return {
        "type": "object",
        "title": "say-as",
        "description": (
            "Says its text as a type of content (a date, a number, ...). interpret-as and "
            "text are required; format only for date, time, duration and telephone."
        ),
        "properties": {
            "interpret-as": {
                "enum": list(INTERPRET_AS),
                "description": "The type of content of the text (TTS301).",
            },
            "format": {
                "type": "string",
                "description": (
                    "How the text is written (TTS302, TTS303): date "
                    f"{' '.join(DATE_FORMATS)}; time {' '.join(TIME_FORMATS)}; duration "
                    f"{' '.join(DURATION_FORMATS)}; telephone a country calling code of 1 "
                    "to 3 digits. Other types take no format."
                ),
                "examples": [*DATE_FORMATS, *TIME_FORMATS, *DURATION_FORMATS, "1", "39"],
            },
            "text": ref(
                "string",
                description="The text to say. A text that does not fit its type is a "
                "warning (TTS304).",
            ),
        },
        "required": ["interpret-as", "text"],
        "additionalProperties": False,
        "allOf": rules,
        "examples": [
            {"interpret-as": "date", "format": "mdy", "text": "10/19/2020"},
            {"interpret-as": "telephone", "format": "1", "text": "(888) 555-1212"},
            {"interpret-as": "ordinal", "text": "3rd"},
        ],
    }


def when_interpret_as(*kinds: str) -> Schema:
    # `required` matters: a missing interpret-as would satisfy `properties` vacuously.
    match: Schema = {"const": kinds[0]} if len(kinds) == 1 else {"enum": list(kinds)}
    return {"properties": {"interpret-as": match}, "required": ["interpret-as"]}


def prosody_value(
    name: str, levels: tuple[str, ...], forms: str, description: str, examples: list[str]
) -> Schema:
    return {
        "type": "string",
        "anyOf": [{"enum": list(levels)}, {"pattern": anchored(forms)}],
        "description": description + " Values outside what Azure honours are warnings.",
        "examples": examples,
    }


def tree_body(profile: Profile, *, root: bool) -> Schema:
    """The tree object; ``root`` adds the ``$schema`` member a prompt file may carry."""
    properties, patterns = content(0, KINDS)
    if root:
        properties = {"$schema": SCHEMA_MEMBER, **properties}
    return {
        "type": "object",
        "description": (
            "A Voice API text_to_speech_option: its members, in document order, are the "
            "prompt. Member names are a kind (text, silence, break, express-as, prosody, "
            "say-as) plus an optional suffix 2, 3, ... ('text1' is accepted with a warning)."
        ),
        "properties": properties,
        "patternProperties": patterns,
        "additionalProperties": False,
    }


def tts_schema(profile: Profile) -> Schema:
    body = tree_body(profile, root=True)
    return {
        **header("tts", profile),
        "title": f"Voice API text_to_speech_option tree ({profile.name} profile)",
        **body,
        "examples": [SEED_TREE],
        "$defs": tree_resources(profile),
    }


def tree_resources(profile: Profile) -> Schema:
    """The ``$defs`` a body embeds to hold a tree: ``tree`` and everything it references.

    Every published file is self-contained (docs/schemas.md, "Self-contained files"): a
    body that holds a tree carries its own copy of the tree's definitions, under the same
    names as in the tree's file, and refers to them locally (``#/$defs/tree``).
    """
    return {"tree": {**tree_body(profile, root=False), "title": "tree"}, **tree_defs(profile)}


# --- request bodies ------------------------------------------------------------------------


def header(kind: DocumentKind, profile: Profile | None) -> Schema:
    return {"$schema": DIALECT, "$id": BASE_URI + file_name(kind, profile)}


def file_name(kind: DocumentKind, profile: Profile | None) -> str:
    """The file of ``kind``'s schema under ``profile`` (None: a kind with one schema)."""
    return schema_file(kind, profile or "enablex")


def phone(*, sip: bool, description: str) -> Schema:
    forms = r"\+?[1-9][0-9]{1,14}"
    if sip:
        forms += rf"|sips?:[^{SPACE}@]+(?:@[^{SPACE}@]+)?"
    return {
        "allOf": [ref("string"), {"pattern": anchored(forms)}],
        "description": description + " (TTS408)",
        "examples": [CALLER, "sip:alice@example.com"] if sip else [CALLER],
    }


def play_body(profile: Profile, *, root: bool) -> Schema:
    properties: Schema = {
        "prompt_name": ref(
            "string",
            description="The prompt configured on the EnableX portal to play. "
            "With text or text_to_speech_option too, only one is played (warning TTS402).",
        ),
        "prompt_ref": ref(
            "string", description="Your reference for this play, returned in its events."
        ),
        "text": ref(
            "string",
            description="Text to play with text-to-speech. Needs voice (TTS403).",
        ),
        "language": {
            "type": "string",
            "pattern": anchored(
                "[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
                "(?:-[A-Za-z0-9]{5,8}|-[0-9][A-Za-z0-9]{3})*"
            ),
            "description": "The language to speak, a BCP 47 tag (TTS405).",
            "examples": ["en-US", "es-ES", "zh-Hans-CN"],
        },
        "voice": {
            "enum": ["male", "female"],
            "description": "The voice for text-to-speech; mandatory with text (TTS406).",
        },
        "dtmf": {"type": "boolean", "description": "true to wait for digits the caller presses."},
        "asr": {"type": "boolean", "description": "true to recognise speech (voice response)."},
        "start_timeout": timeout(
            "Seconds of initial silence before the caller starts speaking (default 10)."
        ),
        "recognizer_timeout": timeout(
            "Seconds of silence before the recognizer returns its result (default 2)."
        ),
        "text_to_speech_option": {
            "$ref": "#/$defs/tree",
            "description": "The advanced text-to-speech tree: text, silence, break, "
            "express-as, prosody and say-as members in spoken order.",
        },
    }
    if root:
        properties = {"$schema": SCHEMA_MEMBER, **properties}
    assert set(properties) - {"$schema"} == set(FIELDS["play"])
    return {
        "type": "object",
        "description": (
            "Plays a prompt: a recorded prompt (prompt_name), text (text with voice) or an "
            "advanced text-to-speech tree (text_to_speech_option). Needs at least one of "
            "them (TTS401)."
        ),
        "properties": properties,
        "additionalProperties": False,
        "anyOf": [
            {"required": ["prompt_name"]},
            {"required": ["text"]},
            {"required": ["text_to_speech_option"]},
        ],
        "dependentRequired": {"text": ["voice"]},
    }


def timeout(description: str) -> Schema:
    return {
        "type": "integer",
        "minimum": 1,
        "maximum": 10,
        "description": description + " 1 to 10; only with asr: true (warning TTS404).",
    }


def play_schema(profile: Profile) -> Schema:
    return {
        **header("play", profile),
        "title": f"Voice API play request body ({profile.name} profile)",
        **play_body(profile, root=True),
        "examples": [SEED_PLAY_PROMPT, SEED_PLAY_TEXT, {"text_to_speech_option": SEED_TREE}],
        "$defs": {
            "play": {**play_body(profile, root=False), "title": "play"},
            **tree_resources(profile),
        },
    }


def dial_out_schema(profile: Profile) -> Schema:
    properties: Schema = {
        "$schema": SCHEMA_MEMBER,
        "name": ref("string", description="A name for this service."),
        "owner_ref": ref(
            "string", description="Free data, returned as is in the events of this call."
        ),
        "auto_record": {"type": "boolean", "description": "true to record the call."},
        "from": phone(sip=False, description="Your rented number the call comes from (the CLI)"),
        "to": phone(sip=True, description="The number (or sip: URI) to call"),
        "action_on_connect": {
            "type": "object",
            "title": "action_on_connect",
            "description": "What to do when the call connects: exactly one of play, "
            "connect and room (TTS409).",
            "properties": {
                "play": ref("play", description="Play a prompt."),
                "connect": {
                    "$ref": "#/$defs/connect",
                    "description": "Bridge the call to another number.",
                },
                "room": {
                    "type": "object",
                    "title": "room",
                    "description": "Join the call to a video room as a participant.",
                    "properties": {"room_id": ref("string", description="The video room.")},
                    "required": ["room_id"],
                    "additionalProperties": False,
                },
            },
            "additionalProperties": False,
            "minProperties": 1,
            "maxProperties": 1,
        },
        "event_url": {
            "allOf": [
                ref("string"),
                {"pattern": anchored(f"[Hh][Tt][Tt][Pp][Ss]?://[^{SPACE}/?#]+[^{SPACE}]*")},
            ],
            "description": "Where call events are posted: an absolute http(s) URL (TTS410; "
            "plain http: warning TTS411).",
            "examples": ["https://yourserver.com/webhook"],
        },
    }
    assert set(properties) - {"$schema"} == set(FIELDS["dial-out"])
    examples = [
        {**dial_out_base(), "action_on_connect": {"play": SEED_PLAY_PROMPT}},
        {**dial_out_base(), "action_on_connect": {"play": SEED_PLAY_TEXT}},
        {**dial_out_base(), "action_on_connect": {"play": {"text_to_speech_option": SEED_TREE}}},
        {
            **dial_out_base(),
            "action_on_connect": {"connect": {"from": CALLER, "to": "+15550100002"}},
        },
        {**dial_out_base(), "action_on_connect": {"room": {"room_id": "Video Room ID"}}},
    ]
    for example in examples:
        example["event_url"] = "https://yourserver.com/webhook"
    return {
        **header("dial-out", profile),
        "title": f"Voice API dial-out request body ({profile.name} profile)",
        "description": "POST /call: calls a number and runs an action when it connects.",
        "type": "object",
        "properties": properties,
        "required": ["from", "to"],
        "additionalProperties": False,
        "examples": examples,
        "$defs": {
            "play": {**play_body(profile, root=False), "title": "play"},
            "connect": {**control_body("connect", root=False), "title": "connect"},
            **tree_resources(profile),
        },
    }


def dial_out_base() -> Schema:
    return {
        "name": "service name",
        "owner_ref": "xzy",
        "auto_record": False,
        "from": CALLER,
        "to": CALLED,
    }


CONTROL: dict[str, tuple[str, str, Schema]] = {
    # kind: (title, description, properties)
    "connect": (
        "Voice API bridge (connect) request body",
        "PUT /call/{voice_id}/connect: bridges the call to another number.",
        {
            "from": phone(sip=False, description="The CLI the bridged call comes from"),
            "to": phone(sip=True, description="The number or sip: URI to bridge to"),
        },
    ),
    "transfer": (
        "Voice API transfer request body",
        "PUT /call/{voice_id}/transfer: transfers one leg of a bridged call.",
        {
            "from": phone(sip=False, description="The CLI the transferred call comes from"),
            "transfer_to": phone(sip=True, description="The number or sip: URI to transfer to"),
        },
    ),
    "forward": (
        "Voice API forward request body",
        "PUT /call/{voice_id}/forward: forwards the leg of a bridged call.",
        {
            "from": phone(sip=False, description="The CLI the forwarded call comes from"),
            "to": phone(sip=False, description="The number to forward to"),
        },
    ),
    "hold": (
        "Voice API hold request body",
        "POST /call/{voice_id}/hold: holds or resumes the bridged call leg.",
        {"hold": {"type": "boolean", "description": "true to hold, false to resume."}},
    ),
    "recording": (
        "Voice API recording request body",
        "PUT /call/{voice_id}/recording: {start: true, recording_name?} starts recording, "
        "{stop: true} stops it; not both (TTS412).",
        {
            "start": {
                "const": True,
                "description": "true starts recording (false does nothing: an error, TTS412).",
            },
            "stop": {
                "const": True,
                "description": "true stops recording (false does nothing: an error, TTS412).",
            },
            "recording_name": ref(
                "string",
                description="The name of the recording file (with start only); an existing "
                "name makes the request fail.",
            ),
        },
    ),
}
CONTROL_EXAMPLES: dict[str, list[Schema]] = {
    "connect": [{"from": CALLER, "to": CALLED}, {"from": CALLER, "to": "sip:agent@example.com"}],
    "transfer": [{"from": CALLER, "transfer_to": "+15550100002"}],
    "forward": [{"from": CALLER, "to": CALLED}],
    "hold": [{"hold": True}, {"hold": False}],
    "recording": [{"start": True, "recording_name": "my_voice_recording"}, {"stop": True}],
}


def control_body(kind: DocumentKind, *, root: bool) -> Schema:
    _, description, fields = CONTROL[kind]
    assert set(fields) == set(FIELDS[kind])
    properties = {"$schema": SCHEMA_MEMBER, **fields} if root else dict(fields)
    body: Schema = {
        "type": "object",
        "description": description,
        "properties": properties,
        "additionalProperties": False,
    }
    if kind == "recording":
        body["oneOf"] = [
            {"required": ["start"], "not": {"required": ["stop"]}},
            {
                "required": ["stop"],
                "not": {"anyOf": [{"required": ["start"]}, {"required": ["recording_name"]}]},
            },
        ]
    else:
        body["required"] = [name for name in fields if name != "$schema"]
    return body


def control_schema(kind: DocumentKind) -> Schema:
    return {
        **header(kind, None),
        "title": CONTROL[kind][0],
        **control_body(kind, root=True),
        "examples": CONTROL_EXAMPLES[kind],
        "$defs": {kind: {**control_body(kind, root=False), "title": kind}, "string": string_def()},
    }


# --- all files ---------------------------------------------------------------------------


def build() -> dict[str, Schema]:
    """Every schema file: name → schema."""
    files: dict[str, Schema] = {}
    for name in PROFILE_NAMES:
        profile = get_profile(name)
        files[file_name("tts", profile)] = tts_schema(profile)
        files[file_name("play", profile)] = play_schema(profile)
        files[file_name("dial-out", profile)] = dial_out_schema(profile)
    for kind in CONTROL_KINDS:
        files[file_name(kind, None)] = control_schema(kind)
    return files


def build_catalog(files: dict[str, Schema]) -> Schema:
    """The schema catalog of ``files`` (from :func:`build`), in SchemaStore's format.

    One entry per schema file, in the order of ``SCHEMA_KINDS``, enablex first.

    >>> entry = build_catalog(build())["schemas"][0]
    >>> entry["name"], entry["fileMatch"][0]
    ('ttsbuilder tts (enablex)', '*.tts.json')
    """
    entries: list[Schema] = []
    for kind in SCHEMA_KINDS:
        profiles: tuple[ProfileName, ...] = (
            PROFILE_NAMES if kind in PROFILED_KINDS else ("enablex",)
        )
        for name in profiles:
            schema = files[schema_file(kind, name)]
            suffix = f" ({name})" if kind in PROFILED_KINDS else ""
            entries.append(
                {
                    "name": f"ttsbuilder {kind}{suffix}",
                    "description": schema["title"],
                    "fileMatch": file_match(kind, name),
                    "url": schema["$id"],
                }
            )
    return {"$schema": CATALOG_FORMAT, "version": 1, "schemas": entries}


def render(schema: Schema) -> str:
    """The text of a schema file: 2-space JSON, ASCII only (patterns hold \\u escapes)."""
    return json.dumps(schema, indent=2, ensure_ascii=True) + "\n"


def main(argv: list[str]) -> int:
    """Write every schema into the folder ``argv[0]`` (default: the package's ``schemas``)."""
    folder = Path(argv[0]) if argv else Path(__file__).parent / "schemas"
    files = build()
    for name, schema in {**files, CATALOG_FILE: build_catalog(files)}.items():
        (folder / name).write_text(render(schema), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
