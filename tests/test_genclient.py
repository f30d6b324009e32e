"""The OpenAPI document in other people's generators: typed clients with every operation.

Each profile's shipped document is generated into a package (openapi-python-client, the
`dev` extra), imported, and every operation is called through it against a real server
on 127.0.0.1 with ttsbuilder's httpx hooks attached through ``httpx_args``: a good body
of each kind arrives as it was built, a bad one raises ValidationError and never arrives.
datamodel-code-generator (the `dev` extra) writes pydantic models of it, which keep a valid
body as it is. openapi-typescript (tests/node) writes TypeScript types of it, which ``tsc``
checks tests/node/voice_api_types.ts against: what they accept and what they refuse.
docs/clients.md, "The OpenAPI document", says what this shows.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import re
import shutil
import subprocess
import sys
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_clients import VOICE_ID, _Server, api, serving

from ttsbuilder.clients import httpx_event_hooks
from ttsbuilder.errors import ValidationError
from ttsbuilder.openapi import openapi_document, openapi_file
from ttsbuilder.profiles import AZURE_STYLES, ENABLEX_STYLES, PROFILES
from ttsbuilder.routes import ROUTES, Route
from ttsbuilder.strategies import payloads
from ttsbuilder.validation import validate
from ttsbuilder.values import BREAK_STRENGTHS, INTERPRET_AS, SILENCE_TYPES

ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = Path(__file__).parent / "node"
NODE = shutil.which("node")
RECORDING_ID = "rec-20240101"
# One worker generates each profile's client once for every test here.
pytestmark = pytest.mark.xdist_group("genclient")

# A body of each kind with one error (validate() says so), as a generated model takes it.
BAD: dict[str, dict[str, Any]] = {
    "play": {"text": "Hello"},  # TTS403: text needs a voice
    "dial-out": {"from": "+15550100000", "to": "not a number"},  # TTS408
    "connect": {"from": "+15550100000", "to": "+1 555"},  # TTS408
    "transfer": {"from": "+15550100000", "transfer_to": "0"},  # TTS408
    "forward": {"from": "+15550100000", "to": "sip:a@b"},  # TTS408: forward takes numbers
    "hold": {"hold": "yes"},  # TTS103
    "recording": {"start": True, "stop": True},  # TTS412
}
MEMBER = re.compile(r"(?:text|silence|break|express-as|prosody|say-as)(?:[1-9][0-9]*)?")


def _good(profile: str, kind: str) -> list[dict[str, Any]]:
    """The examples of ``kind``'s body component, each one validate() finds no error in."""
    component = openapi_document(profile)["paths"]
    route = next(route for route in ROUTES if route.body == kind)
    operation = component[route.path][route.method.lower()]
    name = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    schemas = openapi_document(profile)["components"]["schemas"]
    examples: list[dict[str, Any]] = schemas[name.rsplit("/", 1)[1]]["examples"]
    for example in examples:
        assert not [p for p in validate(example, kind, profile) if p.is_error], example
    return examples


def _generate(profile: str, folder: Path) -> tuple[str, str]:
    """(the package name, what the generator printed) of ``profile``'s generated client."""
    package = f"voice_api_{profile}"
    config = folder / "config.json"
    config.write_text(json.dumps({"package_name_override": package, "post_hooks": []}))
    return package, _run(
        *(sys.executable, "-m", "openapi_python_client", "generate"),
        *("--path", str(ROOT / "ttsbuilder" / "schemas" / openapi_file(profile))),
        *("--meta", "none", "--config", str(config)),
        *("--output-path", str(folder / package)),
    )


def _run(*command: str) -> str:
    """What ``command`` printed (its output, then its errors); it must succeed."""
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@contextlib.contextmanager
def _imported(folder: Path, package: str) -> Iterator[ModuleType]:
    """``package``, generated into ``folder``, imported for the time of the block."""
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(folder))
        for name in [name for name in sys.modules if name.split(".")[0] == package]:
            del sys.modules[name]


Generated = tuple[str, ModuleType, str]  # (profile, the package, what the generator printed)


def _generated(
    request: pytest.FixtureRequest,
    factory: pytest.TempPathFactory,
    generate: Callable[[str, Path], tuple[str, str]],
) -> Iterator[Generated]:
    profile: str = request.param
    folder = factory.mktemp(f"{generate.__name__.strip('_')}-{profile}")
    package, output = generate(profile, folder)
    with _imported(folder, package) as module:
        yield profile, module, output


@pytest.fixture(scope="module", params=list(PROFILES))
def generated(request: pytest.FixtureRequest, tmp_path_factory: Any) -> Iterator[Generated]:
    """openapi-python-client's client of each profile's document.

    openapi-python-client 0.29 runs on Python 3.11 and later only (the ``dev`` extra
    installs it there): on 3.10 its tests are skipped, the others run.
    """
    if sys.version_info < (3, 11):
        pytest.skip("openapi-python-client 0.29 needs Python 3.11 or later")
    yield from _generated(request, tmp_path_factory, _generate)


@pytest.fixture
def server() -> Iterator[_Server]:
    with serving() as running:
        yield running


def _operation(package: ModuleType, route: Route) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.api.default.{route.name}")


def _body_model(package: ModuleType, route: Route) -> Any:
    operation = _operation(package, route)
    return typing.get_type_hints(operation.sync_detailed)["body"]


def _client(package: ModuleType, server: _Server) -> Any:
    return package.Client(
        base_url=api(server),
        httpx_args={"event_hooks": httpx_event_hooks(profile=package.__name__.split("_")[-1])},
        timeout=5,
    )


def _call(package: ModuleType, server: _Server, route: Route, body: Any = None) -> Any:
    arguments: dict[str, Any] = {
        name: VOICE_ID if name == "voice_id" else RECORDING_ID for name in route.parameters
    }
    if route.body is not None:
        arguments["body"] = _body_model(package, route).from_dict(body)
    with _client(package, server) as client:
        return _operation(package, route).sync_detailed(client=client, **arguments)


def _order(value: Any) -> Any:
    """``value`` compared as the service reads it: fields in any order, members in theirs."""
    if isinstance(value, dict):
        fields = sorted((key, _order(item)) for key, item in value.items())
        return fields, [key for key in value if MEMBER.fullmatch(key)]
    if isinstance(value, list):
        return [_order(item) for item in value]
    return value


def test_the_generator_prints_no_warning(generated: Generated) -> None:
    _, package, output = generated
    assert output.strip().splitlines() == [f"Generating {Path(package.__file__).parent}"]


def test_every_operation_is_generated_with_a_model_per_body_kind(
    generated: Generated,
) -> None:
    _, package, _ = generated
    models = {}
    for route in ROUTES:
        operation = _operation(package, route)  # an ImportError if it is missing
        if route.body is not None:
            model = _body_model(package, route)
            assert hasattr(model, "from_dict"), (route.name, model)
            models[route.body] = model
        hints = typing.get_type_hints(operation.sync_detailed)
        assert list(route.parameters) == [name for name in hints if name.endswith("_id")]
    assert len(set(models.values())) == len(models) == len(BAD)


def test_every_operation_sends_a_good_body_as_built(generated: Generated, server: _Server) -> None:
    profile, package, _ = generated
    for route in ROUTES:
        bodies = _good(profile, route.body) if route.body is not None else [None]
        assert bodies, route
        for body in bodies:
            server.arrived.clear()
            response = _call(package, server, route, body)
            assert response.status_code == 200
            [(method, path, raw)] = server.arrived
            expected = route.path.format(voice_id=VOICE_ID, recording_id=RECORDING_ID)
            assert (method, path) == (route.method, "/voice/v1" + expected)
            if body is not None:
                assert _order(json.loads(raw)) == _order(body)


def test_a_bad_body_of_each_kind_raises_and_never_arrives(
    generated: Generated, server: _Server
) -> None:
    _, package, _ = generated
    for route in ROUTES:
        if route.body is None:
            continue
        with pytest.raises(ValidationError) as caught:
            _call(package, server, route, BAD[route.body])
        assert caught.value.method == route.method
        assert all(problem.is_error for problem in caught.value.problems[:1])
    assert server.arrived == []


def test_the_models_carry_our_enums(generated: Generated) -> None:
    profile, package, _ = generated
    models = importlib.import_module(f"{package.__name__}.models")  # whatever ran before
    styles = ENABLEX_STYLES if profile == "enablex" else AZURE_STYLES
    assert {member.value for member in models.StyleType0} == styles
    assert {member.value for member in models.SayAsInterpretAs} == set(INTERPRET_AS)
    assert {member.value for member in models.BreakStrength} == set(BREAK_STRENGTHS)
    assert {member.value for member in models.SilenceTypeType0} == set(SILENCE_TYPES)


@pytest.mark.parametrize("kind", sorted(BAD))
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_generated_model_keeps_a_valid_body_as_it_is(
    generated: Generated, kind: str, data: st.DataObject
) -> None:
    profile, package, _ = generated
    route = next(route for route in ROUTES if route.body == kind)
    body = data.draw(payloads(kind, profile, warnings=True))
    assert _order(_body_model(package, route).from_dict(body).to_dict()) == _order(body)


@pytest.mark.skipif(
    NODE is None or not (NODE_DIR / "node_modules" / "openapi-typescript").is_dir(),
    reason="node tools not installed: make tests/node/node_modules/.installed",
)
@pytest.mark.parametrize("profile", list(PROFILES))
def test_openapi_typescript_types_accept_and_refuse_what_the_check_file_says(
    profile: str, tmp_path: Path
) -> None:
    assert NODE is not None
    tools = NODE_DIR / "node_modules"
    printed = _run(
        *(NODE, str(tools / "openapi-typescript" / "bin" / "cli.js")),
        *(str(ROOT / "ttsbuilder" / "schemas" / openapi_file(profile)), "-o"),
        str(tmp_path / "voice-api.d.ts"),
    )
    assert len(printed.strip().splitlines()) == 2  # its name and the file written: no warning
    shutil.copy(NODE_DIR / "voice_api_types.ts", tmp_path)
    _run(  # fails with each line tsc finds wrong, or each @ts-expect-error it finds right
        *(NODE, str(tools / "typescript" / "bin" / "tsc"), "--noEmit", "--strict"),
        *("--skipLibCheck", "--target", "es2020", "--module", "esnext"),
        *("--moduleResolution", "bundler", str(tmp_path / "voice_api_types.ts")),
    )


def _datamodels(profile: str, folder: Path) -> tuple[str, str]:
    """(the package name, what it printed) of datamodel-code-generator's models."""
    package = f"voice_api_models_{profile}"
    # On 3.10 it warns that it is running on 3.10 (a FutureWarning): about itself, not
    # about the document, so that one message is left out of what it printed.
    quiet = "ignore:Running datamodel-code-generator on Python:FutureWarning"
    return package, _run(
        *(sys.executable, "-W", quiet, "-m", "datamodel_code_generator"),
        *("--input", str(ROOT / "ttsbuilder" / "schemas" / openapi_file(profile))),
        *("--input-file-type", "openapi", "--output", str(folder / package)),
        *("--output-model-type", "pydantic_v2.BaseModel", "--formatters", "builtin"),
    )


@pytest.fixture(scope="module", params=list(PROFILES))
def datamodels(request: pytest.FixtureRequest, tmp_path_factory: Any) -> Iterator[Generated]:
    """datamodel-code-generator's pydantic models of each profile's document."""
    yield from _generated(request, tmp_path_factory, _datamodels)


def _pydantic_model(package: ModuleType, profile: str, kind: str) -> Any:
    route = next(route for route in ROUTES if route.body == kind)
    operation = openapi_document(profile)["paths"][route.path][route.method.lower()]
    reference = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    name = reference.rsplit("/", 1)[1]
    return getattr(package, "".join(part.capitalize() for part in name.split("-")))


def test_datamodel_code_generator_prints_no_warning(
    datamodels: Generated,
) -> None:
    assert datamodels[2] == ""


@pytest.mark.parametrize("kind", sorted(BAD))
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_pydantic_model_keeps_a_valid_body_without_a_tree_as_it_is(
    datamodels: Generated, kind: str, data: st.DataObject
) -> None:
    profile, package, _ = datamodels
    bodies = payloads(kind, profile, warnings=True)
    body = data.draw(bodies.filter(lambda body: "text_to_speech_option" not in json.dumps(body)))
    model = _pydantic_model(package, profile, kind).model_validate(body)
    kept = model.model_dump(mode="json", by_alias=True, exclude_unset=True)
    assert _order(kept) == _order(body)


def test_its_tree_model_takes_one_member_kind_only(
    datamodels: Generated,
) -> None:
    """What docs/clients.md says of datamodel-code-generator: a tree is typed as a dict of
    one member kind (it has no fixed fields), so a valid tree of two kinds is refused; a
    prosody's members (beside its fixed fields) are typed as any kind, in their order."""
    _, package, _ = datamodels
    assert package.Tree.model_validate({"text": "a", "text2": "b"})
    with pytest.raises(pydantic.ValidationError):
        package.Tree.model_validate({"text": "a", "break": {"value": "1s"}})
    prosody = {"rate": "fast", "text": "a", "break": {"value": "1s"}, "text2": "b"}
    model = package.Prosody.model_validate(prosody)
    assert model.model_dump(mode="json", by_alias=True, exclude_unset=True) == prosody


def test_the_pydantic_models_refuse_what_their_patterns_say(
    datamodels: Generated,
) -> None:
    profile, package, _ = datamodels
    refused = {kind: BAD[kind] for kind in ("dial-out", "connect", "transfer", "forward")}
    for kind, body in refused.items():
        with pytest.raises(pydantic.ValidationError):
            _pydantic_model(package, profile, kind).model_validate(body)
    # pydantic's lax mode makes "yes" true: a bad body turns good before any hook sees it.
    hold = _pydantic_model(package, profile, "hold").model_validate(BAD["hold"])
    assert hold.model_dump(mode="json") == {"hold": True}
