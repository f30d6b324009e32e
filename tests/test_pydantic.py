"""ttsbuilder.pydantic: our validation inside pydantic, our schema in its JSON Schema, FastAPI."""

from __future__ import annotations

import doctest
import importlib
import json
import logging
import sys
import warnings
from pathlib import Path
from typing import Annotated, Any

import pydantic
import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel

from ttsbuilder import pydantic as types
from ttsbuilder.errors import MissingExtraError
from ttsbuilder.profiles import AZURE_STYLES, ENABLEX_STYLES
from ttsbuilder.pydantic import DialOutBody, HoldBody, PlayBody, Tree, Validated
from ttsbuilder.validation import validate
from ttsbuilder.values import INTERPRET_AS

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).parent / "data" / "seed"


class Stored(BaseModel):
    name: str
    tree: Tree
    play: PlayBody | None = None
    menus: list[Tree] = []


def test_a_good_value_comes_back_as_it_is() -> None:
    tree = json.loads((SEED / "advanced_tree.json").read_text(encoding="utf-8"))
    assert Stored(name="seed", tree=tree).tree == tree


def test_what_the_caller_changes_afterwards_is_not_the_models_value() -> None:
    """As pydantic's own dict fields: the model keeps a copy at every level."""
    tree = json.loads((SEED / "advanced_tree.json").read_text(encoding="utf-8"))
    kept = json.loads(json.dumps(tree))
    menu = {"prosody": {"rate": "slow", "text": "Press 1"}}
    stored = Stored(name="seed", tree=tree, menus=[menu, menu])
    tree["break"] = {"value": "99s"}  # each an error had it been there when validated
    tree["prosody"]["break"] = {"value": "99s"}
    tree["prosody"]["say-as"]["interpret-as"] = "nonsense"
    menu["prosody"]["rate"] = "warp"
    assert stored.tree == kept
    assert stored.menus == [{"prosody": {"rate": "slow", "text": "Press 1"}}] * 2
    stored.menus[0]["prosody"]["rate"] = "fast"  # two copies: one changed, not the other
    assert stored.menus[1]["prosody"]["rate"] == "slow"


def test_every_error_is_one_line_with_its_pointer_as_loc_and_our_code_as_type() -> None:
    tree = {"break": {"time": "2s"}, "txt": "Hello", "text": "Hi"}
    menus = [{"text": "ok"}, {"say-as": {"interpret-as": "date", "format": "xyz", "text": "1"}}]
    with pytest.raises(pydantic.ValidationError) as caught:
        Stored(name="x", tree=tree, menus=menus)
    errors = caught.value.errors()
    expected = [p for p in validate(tree, "tts") if p.is_error]
    assert [(e["loc"], e["type"]) for e in errors[: len(expected)]] == [
        (("tree", *p.pointer.split("/")[1:]), p.code) for p in expected
    ]
    assert errors[0]["ctx"]["code"] == "TTS105"
    assert errors[0]["ctx"]["rule"] == "alias-key"
    assert errors[0]["ctx"]["pointer"] == "/break/time"
    assert errors[0]["input"] == "2s"
    # A list index becomes an int in loc, as pydantic's own errors have it.
    assert ("menus", 1, "say-as", "format") in [e["loc"] for e in errors]


def test_warnings_pass_and_are_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="ttsbuilder.pydantic"):
        stored = Stored(name="w", tree={"prosody": {"rate": "30%", "text": "Hi"}})
    assert stored.tree["prosody"]["rate"] == "30%"
    assert ["TTS212" in record.getMessage() for record in caplog.records] == [True]


def test_braces_in_a_message_are_not_filled_in() -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        Stored(name="b", tree={"{code}": "x"})
    assert "'{code}'" in caught.value.errors()[0]["msg"]


def test_json_input_and_builder_values() -> None:
    assert Stored.model_validate_json('{"name": "j", "tree": {"text": "Hi"}}').tree == {
        "text": "Hi"
    }
    from ttsbuilder import Prompt

    assert Stored(name="p", tree=Prompt().text("Hi")).tree == {"text": "Hi"}  # type: ignore[arg-type]


class Bodies(BaseModel):
    tree: Tree
    play: PlayBody
    dial_out: DialOutBody
    hold: HoldBody


def test_the_json_schema_is_the_published_one() -> None:
    schema = Bodies.model_json_schema()
    Draft202012Validator.check_schema(schema)
    checker = Draft202012Validator(schema)
    text = json.dumps(schema)
    for style in ENABLEX_STYLES:
        assert f'"{style}"' in text
    for kind in INTERPRET_AS:
        assert f'"{kind}"' in text
    good = {
        "tree": json.loads((SEED / "advanced_tree.json").read_text(encoding="utf-8")),
        "play": {"text": "Hi", "voice": "male"},
        "dial_out": {"from": "+15550100000", "to": "+15550100001"},
        "hold": {"hold": True},
    }
    assert checker.is_valid(good)
    for field, bad in [
        ("tree", {"break": {"value": "9s"}}),
        ("play", {"text_to_speech_option": {"express-as": {"style": "angry", "text": "x"}}}),
        ("dial_out", {"from": "CLI number", "to": "+15550100001"}),
        ("hold", {"hold": "yes"}),
    ]:
        assert not checker.is_valid({**good, field: bad}), field


def test_the_azure_profile() -> None:
    class Azure(BaseModel):
        tree: Annotated[dict[str, Any], Validated("tts", "azure")]

    assert Azure(tree={"break": {"value": "15s"}}).tree == {"break": {"value": "15s"}}
    assert "chat" in AZURE_STYLES
    assert '"chat"' in json.dumps(Azure.model_json_schema())
    with pytest.raises(pydantic.ValidationError):
        Stored(name="e", tree={"break": {"value": "15s"}})


def _test_client() -> Any:
    """FastAPI's TestClient class."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # starlette's note about httpx
        from fastapi.testclient import TestClient
    return TestClient


def _example_service() -> Any:
    """examples/prompt_service.py, imported."""
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        return importlib.import_module("prompt_service")
    finally:
        sys.path.remove(str(ROOT / "examples"))


def test_the_fastapi_example_stores_prompts_and_publishes_our_schema() -> None:
    TestClient, service = _test_client(), _example_service()
    with TestClient(service.app) as client:
        assert client.put("/prompts/welcome", json=service.WELCOME).status_code == 200
        assert client.get("/prompts/welcome").json()["play"] == service.WELCOME["play"]
        refused = client.put("/prompts/broken", json=service.BROKEN)
        assert refused.status_code == 422
        detail = refused.json()["detail"]
        assert [(e["type"], e["loc"]) for e in detail] == [
            ("TTS206", ["body", "play", "text_to_speech_option", "express-as", "style"]),
            ("TTS101", ["body", "play", "text_to_speech_option", "brek"]),
        ]
        assert client.get("/prompts").json() == ["welcome"]
        document = client.get("/openapi.json").json()
    text = json.dumps(document)
    for style in ENABLEX_STYLES:
        assert f'"{style}"' in text
    assert '"interpret-as"' in text
    assert '"hms24"' in text


def test_a_body_with_nan_is_refused_with_422_not_500() -> None:
    # Found in an adversarial pass: Python's JSON parser (FastAPI's) reads NaN and
    # Infinity; the error line's input was the float nan, which FastAPI's 422 response
    # cannot write (JSON has no NaN), so the service answered 500 with a traceback.
    TestClient, service = _test_client(), _example_service()
    body = b'{"play": {"text": "Hi", "voice": "female", "dtmf": NaN, "asr": -Infinity}}'
    with TestClient(service.app) as client:
        refused = client.put(
            "/prompts/nan", content=body, headers={"Content-Type": "application/json"}
        )
        assert refused.status_code == 422
        detail = refused.json()["detail"]
        assert [(e["type"], e["loc"], e["input"]) for e in detail] == [
            ("TTS103", ["body", "play", "dtmf"], "NaN"),  # as the body writes it
            ("TTS103", ["body", "play", "asr"], "-Infinity"),
        ]
        # A problem of the whole body shows the body, its NaN written as the body has it.
        refused = client.put(
            "/prompts/nan",
            content=b'{"play": {"text": "Hi", "x": [NaN, {"y": Infinity}]}}',
            headers={"Content-Type": "application/json"},
        )
        assert refused.status_code == 422
        inputs = {e["type"]: e["input"] for e in refused.json()["detail"]}
        assert inputs["TTS403"] == {"text": "Hi", "x": ["NaN", {"y": "Infinity"}]}
        assert "nan" not in client.get("/prompts").json()


def test_in_a_union_each_error_says_which_kind_it_is_of() -> None:
    # Found in an adversarial pass: every type's union tag was 'function-plain[validate()]',
    # so an error of a union of two kinds did not say which kind it was checked as.
    class Either(BaseModel):
        body: HoldBody | PlayBody | Annotated[dict[str, Any], Validated("play", "azure")]

    with pytest.raises(pydantic.ValidationError) as caught:
        Either(body={"text": "Hi"})
    assert [(e["loc"], e["type"]) for e in caught.value.errors()] == [
        (("body", "function-plain[validate_hold()]", "text"), "TTS101"),
        (("body", "function-plain[validate_hold()]"), "TTS102"),
        (("body", "function-plain[validate_play()]"), "TTS403"),
        (("body", "function-plain[validate_play_azure()]"), "TTS403"),
    ]


class Menu(BaseModel):
    """Our types in every position a model puts a type: FastAPI's document of it must hold."""

    greeting: Tree | None = None
    options: list[Tree] = []
    by_digit: dict[str, PlayBody] = {}
    either: HoldBody | PlayBody | None = None
    azure: Annotated[dict[str, Any], Validated("tts", "azure")] | None = None


def test_fastapi_s_openapi_for_our_types_in_any_position_is_valid_openapi() -> None:
    """Optional, in lists, in dicts, in unions, beside the azure profile: the document
    FastAPI serves passes openapi-spec-validator, and its schema of the request body
    judges bodies as the endpoint (ttsbuilder) does."""
    from fastapi import FastAPI
    from openapi_spec_validator import validate as validate_spec

    TestClient = _test_client()

    app = FastAPI()

    def store(name: str, menu: Menu) -> Menu:
        return menu

    app.put("/menus/{name}")(store)
    menus: list[dict[str, Any]] = [
        {},
        {"greeting": {"text": "Hi"}, "options": [{"break": {"value": "1s"}}]},
        {"by_digit": {"1": {"text": "Sales", "voice": "male"}}, "either": {"hold": True}},
        {"azure": {"break": {"value": "15s"}}, "either": {"text": "Hi", "voice": "female"}},
        {"greeting": {"break": {"value": "15s"}}},  # too long for enablex
        {"options": [{"txt": "Hi"}]},
        {"by_digit": {"1": {"text": "Sales"}}},  # text without voice
        {"either": {"hold": "yes"}},
        {"azure": {"express-as": {"style": "chat", "text": "Hi"}, "brek": {}}},
    ]
    with TestClient(app) as client:
        document = client.get("/openapi.json").json()
        validate_spec(document)
        body = document["paths"]["/menus/{name}"]["put"]["requestBody"]["content"]
        schema = {**body["application/json"]["schema"], "components": document["components"]}
        checker = Draft202012Validator(schema)
        for menu in menus:
            answer = client.put("/menus/m", json=menu)
            assert answer.status_code in (200, 422), answer.text
            assert checker.is_valid(menu) == (answer.status_code == 200), menu


def test_without_pydantic_the_import_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pydantic_core", None)
    monkeypatch.delitem(sys.modules, "ttsbuilder.pydantic")
    with pytest.raises(MissingExtraError) as caught:
        importlib.import_module("ttsbuilder.pydantic")
    assert caught.value.extra == "pydantic"


def test_the_doctests_run() -> None:
    assert doctest.testmod(types).failed == 0
