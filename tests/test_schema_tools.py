"""The published schemas work, alone and offline, in three JSON Schema tools we did not write.

python-jsonschema (``jsonschema.validate`` with no registry), jsonschema-rs (a Rust engine)
and the check-jsonschema command (``--schemafile``, no ``--base-uri``) each get one schema
file and nothing else: no registry, no retriever, no network. They must accept the seed
documents and generated valid bodies, and reject bodies with one mistake, for every kind
and both profiles. Network use fails loudly: sockets are blocked in this process and, through
a ``sitecustomize`` module, in check-jsonschema's.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schema_differences import DIFFERENCES

import ttsbuilder
from ttsbuilder import strategies
from ttsbuilder.published import SCHEMA_KINDS, schema_path
from ttsbuilder.validation import validate

ROOT = Path(__file__).parent.parent
SEED = ROOT / "tests" / "data" / "seed"
PROFILES = ("enablex", "azure")
CASES = [(kind, profile) for kind in SCHEMA_KINDS for profile in PROFILES]
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"

#: The kind of each seed document (tests/data/seed).
SEED_KINDS = {
    "advanced_tree.json": "tts",
    "play.json": "play",
    "dial_out_advanced.json": "dial-out",
    "dial_out_connect.json": "dial-out",
    "dial_out_prompt.json": "dial-out",
    "dial_out_room.json": "dial-out",
    "dial_out_text.json": "dial-out",
    "connect.json": "connect",
    "transfer.json": "transfer",
    "forward.json": "forward",
    "hold.json": "hold",
    "recording_start.json": "recording",
    "recording_stop.json": "recording",
}

# A Python file that check-jsonschema's interpreter runs at start-up (it is on PYTHONPATH):
# any attempt to resolve a name or open a connection is written down, then refused.
_NO_NETWORK = """
import os, socket

def _refuse(*args, **kwargs):
    with open(os.environ["TTSBUILDER_NETWORK_LOG"], "a", encoding="utf-8") as log:
        log.write(repr(args[:2]) + "\\n")
    raise OSError("network use refused by the ttsbuilder tests")

socket.getaddrinfo = _refuse
socket.create_connection = _refuse
socket.socket.connect = _refuse
"""


def seed_documents(kind: str, profile: str, *, valid: bool) -> list[Any]:
    """The seed documents of ``kind`` that validate() finds valid (or not).

    Most seed bodies hold placeholders ("CLI number") where a phone number goes, so they
    are wrong (TTS408); the schema ``examples`` are the same bodies mended.
    """
    documents = [
        json.loads((SEED / name).read_text(encoding="utf-8"))
        for name, seed_kind in SEED_KINDS.items()
        if seed_kind == kind
    ]
    return [
        document
        for document in documents
        if valid != any(problem.is_error for problem in validate(document, kind, profile))
    ]


def _refuse_retrieval(uri: str) -> Any:
    raise AssertionError(f"jsonschema-rs tried to retrieve {uri}")


def rust_validator(kind: str, profile: str) -> Any:
    return jsonschema_rs.validator_for(
        ttsbuilder.schema(kind, profile), retriever=_refuse_retrieval
    )


def python_is_valid(document: Any, kind: str, profile: str) -> bool:
    try:
        jsonschema.validate(document, ttsbuilder.schema(kind, profile))
    except jsonschema.ValidationError:
        return False
    return True


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"network use: {args[:2]!r}")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_every_seed_document_has_a_kind() -> None:
    assert sorted(SEED_KINDS) == sorted(path.name for path in SEED.glob("*.json"))


# --- python-jsonschema and jsonschema-rs, in process ----------------------------------------


@pytest.mark.parametrize(("kind", "profile"), CASES)
def test_the_issue_reproducer_validates_with_no_registry(kind: str, profile: str) -> None:
    good = seed_documents(kind, profile, valid=True) + ttsbuilder.schema(kind, profile)["examples"]
    for document in good:
        jsonschema.validate(document, ttsbuilder.schema(kind, profile))
        assert rust_validator(kind, profile).is_valid(document)
    for document in seed_documents(kind, profile, valid=False):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(document, ttsbuilder.schema(kind, profile))
        assert not rust_validator(kind, profile).is_valid(document)


_TOOLS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize(("kind", "profile"), CASES)
@_TOOLS
@given(data=st.data())
def test_both_engines_accept_valid_bodies(kind: str, profile: str, data: Any) -> None:
    document = data.draw(strategies.payloads(kind, profile, warnings=True))
    assert python_is_valid(document, kind, profile)
    assert rust_validator(kind, profile).is_valid(document)


@pytest.mark.parametrize(("kind", "profile"), CASES)
@_TOOLS
@given(data=st.data())
def test_both_engines_reject_a_body_with_one_mistake(kind: str, profile: str, data: Any) -> None:
    document, pointer, code = data.draw(strategies.mutations(kind, profile))
    assert any(problem.is_error for problem in validate(document, kind, profile))
    rust = rust_validator(kind, profile).is_valid(document)
    assert python_is_valid(document, kind, profile) == rust, (document, pointer, code)
    if not any(difference.applies(document) for difference in DIFFERENCES):
        assert not rust, (document, pointer, code)


# --- check-jsonschema, a separate process with the network refused --------------------------


def check_jsonschema(schema: Path, documents: list[Path], tmp_path: Path) -> dict[str, Any]:
    """Run check-jsonschema on ``documents``; its JSON report and the network attempts."""
    (tmp_path / "sitecustomize.py").write_text(_NO_NETWORK, encoding="utf-8")
    log = tmp_path / "network.log"
    env = {
        **os.environ,
        "PYTHONPATH": str(tmp_path),
        "TTSBUILDER_NETWORK_LOG": str(log),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),  # no schema cached by an earlier run
    }
    done = subprocess.run(
        [str(CHECK_JSONSCHEMA), "-o", "json", "--schemafile", str(schema), *map(str, documents)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    report: dict[str, Any] = json.loads(done.stdout) if done.stdout.startswith("{") else {}
    report["returncode"] = done.returncode
    report["stderr"] = done.stderr
    report["network"] = log.read_text(encoding="utf-8") if log.exists() else ""
    return report


def rejected(report: dict[str, Any]) -> set[str]:
    return {error["filename"] for error in report["errors"] + report["parse_errors"]}


def test_the_network_guard_sees_a_remote_reference(tmp_path: Path) -> None:
    """The guard works: a schema that needs the network is caught trying."""
    remote = tmp_path / "remote.schema.json"
    remote.write_text(
        json.dumps({"$ref": "https://ttsbuilder.dev/schemas/tts.schema.json#/$defs/tree"}),
        encoding="utf-8",
    )
    document = tmp_path / "tree.json"
    document.write_text('{"text": "Hello"}', encoding="utf-8")
    report = check_jsonschema(remote, [document], tmp_path)
    assert "ttsbuilder.dev" in report["network"]
    assert report["returncode"] != 0


@st.composite
def _corpus(draw: st.DrawFn, kind: str, profile: str) -> tuple[list[Any], list[Any]]:
    good = seed_documents(kind, profile, valid=True) + ttsbuilder.schema(kind, profile)["examples"]
    good += [draw(strategies.payloads(kind, profile, warnings=True)) for _ in range(5)]
    bad = seed_documents(kind, profile, valid=False)
    bad += [draw(strategies.mutations(kind, profile)).document for _ in range(12)]
    bad = [doc for doc in bad if not any(d.applies(doc) for d in DIFFERENCES)]
    return good, bad


@pytest.mark.parametrize(("kind", "profile"), CASES)
@settings(max_examples=1, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_check_jsonschema_alone_and_offline(
    kind: str, profile: str, data: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    good, bad = data.draw(_corpus(kind, profile))
    folder = tmp_path_factory.mktemp("check-jsonschema")
    paths: dict[str, bool] = {}
    for index, (document, valid) in enumerate(
        [(d, True) for d in good] + [(d, False) for d in bad]
    ):
        path = folder / f"{'good' if valid else 'bad'}-{index}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        paths[str(path)] = valid
    report = check_jsonschema(schema_path(kind, profile), [Path(p) for p in paths], folder)
    assert report["network"] == "", report["network"]
    assert "errors" in report, report["stderr"]
    assert rejected(report) == {path for path, valid in paths.items() if not valid}
