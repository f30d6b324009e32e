"""The studio's API without a browser: the guard, the confinement, saving, the answers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

with warnings.catch_warnings():  # starlette's nudge towards another HTTP client
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from ttsbuilder.ssml import TARGETS
from ttsbuilder.studio import Guard, Refused, Workspace
from ttsbuilder.studio.app import MAX_BODY_BYTES, create_app
from ttsbuilder.studio.security import CSP
from ttsbuilder.studio.workspace import version_of

TOKEN = "t0ken-for-tests"
PORT = 8123
BASE = f"http://127.0.0.1:{PORT}"


@pytest.fixture
def client(prompts: Path) -> TestClient:
    """A client that sends the token (as the page's cookie would)."""
    app = create_app(Workspace(["prompts"], base=str(prompts.parent)), Guard(TOKEN, PORT))
    return TestClient(app, base_url=BASE, headers={"x-studio-token": TOKEN})


def _post(client: TestClient, url: str, body: dict[str, Any], **headers: str) -> Any:
    return client.post(
        url, content=json.dumps(body), headers={"content-type": "application/json", **headers}
    )


# --- the guard ----------------------------------------------------------------------------


@pytest.mark.parametrize("token", [None, "", "wrong", TOKEN + "x", TOKEN[:-1]])
def test_every_route_needs_the_token(prompts: Path, token: str | None) -> None:
    app = create_app(Workspace(["prompts"], base=str(prompts.parent)), Guard(TOKEN, PORT))
    headers = {} if token is None else {"x-studio-token": token}
    anonymous = TestClient(app, base_url=BASE, headers=headers)
    for url in ("/", "/static/studio.js", "/api/files", "/api/file?path=prompts/welcome.json"):
        answer = anonymous.get(url)
        assert answer.status_code == 403, url
        assert "token" in answer.json()["error"]
    answer = _post(anonymous, "/api/save", {"path": "prompts/welcome.json", "text": "{}"})
    assert answer.status_code == 403


def test_the_first_load_sets_a_strict_cookie_and_drops_the_token_from_the_url(
    prompts: Path,
) -> None:
    app = create_app(Workspace(["prompts"], base=str(prompts.parent)), Guard(TOKEN, PORT))
    browser = TestClient(app, base_url=BASE, follow_redirects=False)
    answer = browser.get(f"/?token={TOKEN}")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"ttsbuilder-studio-{PORT}={TOKEN};")
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    page = browser.get("/")  # the cookie now
    assert page.status_code == 200
    assert "<textarea" in page.text
    assert browser.get("/api/files").status_code == 200


@pytest.mark.parametrize("host", ["evil.example", f"evil.example:{PORT}", "127.0.0.1:9", "[::1]"])
def test_a_rebound_host_is_refused(client: TestClient, host: str) -> None:
    answer = client.get("/api/files", headers={"host": host})
    assert answer.status_code == 403
    assert "127.0.0.1" in answer.json()["error"]


def test_localhost_is_the_same_studio(client: TestClient) -> None:
    assert client.get("/api/files", headers={"host": f"localhost:{PORT}"}).status_code == 200


def test_changes_come_as_json_from_the_studio_only(client: TestClient) -> None:
    body = json.dumps({"path": "prompts/welcome.json", "text": "{}"})
    form = client.post("/api/check", content=body, headers={"content-type": "text/plain"})
    assert form.status_code == 415
    other = _post(client, "/api/check", json.loads(body), origin="http://evil.example")
    assert other.status_code == 403
    same = _post(client, "/api/check", json.loads(body), origin=BASE)
    assert same.status_code == 200
    assert client.get("/api/check").status_code == 405


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for answer in (client.get("/"), client.get("/api/files"), client.get("/api/file?path=x.txt")):
        assert answer.headers["content-security-policy"] == CSP
        assert answer.headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CSP
    assert "http" not in CSP  # nothing from the network


def test_the_page_loads_nothing_from_elsewhere() -> None:
    from importlib import resources

    static = resources.files("ttsbuilder.studio").joinpath("static")
    for name in ("index.html", "studio.js", "studio.css"):
        text = static.joinpath(name).read_text(encoding="utf-8")
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in text
        assert "innerHTML" not in text
        assert "insertAdjacentHTML" not in text


# --- the files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "outside.json",
        "prompts/../outside.json",
        "prompts/escape.json",  # a symbolic link out of the root
        "../outside.json",
        "/etc/passwd",
        "prompts",
        "prompts/menu.yaml\0.json",
        "",
    ],
)
def test_a_path_outside_the_roots_is_refused(client: TestClient, prompts: Path, path: str) -> None:
    if path == "/etc/passwd":
        path = str(prompts.parent / "outside.json")
    answer = client.get("/api/file", params={"path": path})
    assert answer.status_code == 403
    saved = _post(client, "/api/save", {"path": path, "text": "{}", "version": ""})
    assert saved.status_code == 403
    checked = _post(client, "/api/check", {"path": path, "text": "{}"})
    assert checked.status_code == 403
    assert (prompts.parent / "outside.json").read_text() == '{"text": "not served"}\n'


def test_a_file_that_is_not_a_prompt_file_is_refused(client: TestClient, prompts: Path) -> None:
    (prompts / "notes.txt").write_text("hello")
    assert client.get("/api/file", params={"path": "prompts/notes.txt"}).status_code == 403


@given(st.text(st.sampled_from("ab./\\\0~:"), max_size=24))
def test_resolve_answers_only_inside_the_root(path: str) -> None:
    root = Path(__file__).parent.parent / "data"
    space = Workspace([str(root)])
    try:
        real = space.resolve(path)
    except Refused:
        return
    assert real.startswith(os.path.realpath(root) + os.sep)


def test_the_listing_counts_as_lint_does(client: TestClient, prompts: Path) -> None:
    files = client.get("/api/files").json()
    assert files["targets"] == list(TARGETS)
    listed = {f["path"]: (f["errors"], f["warnings"]) for f in files["files"]}
    lint = subprocess.run(
        [sys.executable, "-m", "ttsbuilder", "lint", "--format", "json", "prompts"],
        cwd=prompts.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    counted: dict[str, list[int]] = {path: [0, 0] for path in listed}
    for problem in json.loads(lint.stdout):
        if problem["path"] != "prompts/escape.json":  # a link out of the root: not served
            counted[problem["path"]][problem["severity"] != "error"] += 1
    assert listed == {path: tuple(n) for path, n in counted.items()}
    menu = next(f for f in files["files"] if f["path"] == "prompts/menu.yaml")
    assert [p["pointer"] for p in menu["prompts"]] == ["/main", "/goodbye"]


# --- saving -------------------------------------------------------------------------------


def _save_mine(client: TestClient, version: str) -> Any:
    body = {"path": "prompts/welcome.json", "text": '{"text": "mine"}', "version": version}
    return _post(client, "/api/save", body)


def test_save_refuses_a_file_changed_since_it_was_opened(client: TestClient, prompts: Path) -> None:
    opened = client.get("/api/file", params={"path": "prompts/welcome.json"}).json()
    (prompts / "welcome.json").write_text('{"text": "theirs"}')
    answer = _save_mine(client, opened["version"])
    assert answer.status_code == 409
    assert "changed on disk since it was opened" in answer.json()["error"]
    assert (prompts / "welcome.json").read_text() == '{"text": "theirs"}'


def test_save_keeps_line_ends_byte_order_mark_and_mode(client: TestClient, prompts: Path) -> None:
    path = prompts / "crlf.json"
    path.write_bytes(b'\xef\xbb\xbf{\r\n  "text": "Hi"\r\n}\r\n')
    path.chmod(0o640)
    opened = client.get("/api/file", params={"path": "prompts/crlf.json"}).json()
    assert opened["text"] == '{\n  "text": "Hi"\n}\n'
    text = opened["text"].replace("Hi", "Hello")
    saved = _post(
        client,
        "/api/save",
        {"path": "prompts/crlf.json", "text": text, "version": opened["version"]},
    )
    assert saved.status_code == 200
    assert path.read_bytes() == b'\xef\xbb\xbf{\r\n  "text": "Hello"\r\n}\r\n'
    assert saved.json()["version"] == version_of(path.read_bytes())
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_file_that_is_not_utf8_is_shown_but_never_written(
    client: TestClient, prompts: Path
) -> None:
    path = prompts / "latin1.json"
    path.write_bytes(b'{"text": "caf\xe9"}')
    opened = client.get("/api/file", params={"path": "prompts/latin1.json"}).json()
    assert opened["readonly"] is True
    answer = _post(
        client,
        "/api/save",
        {"path": "prompts/latin1.json", "text": opened["text"], "version": opened["version"]},
    )
    assert answer.status_code == 403
    assert path.read_bytes() == b'{"text": "caf\xe9"}'


# --- hostile requests ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[1, 2]",
        b'{"path": 1, "text": "x"}',
        b'{"path": "prompts/a.json"}',
        b"[" * 100_000,
    ],
)
def test_a_bad_body_is_a_clear_answer(client: TestClient, body: bytes) -> None:
    answer = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert answer.status_code in (400, 403)
    assert answer.json()["error"]


def test_a_body_over_the_limit_is_refused(client: TestClient) -> None:
    text = "x" * (MAX_BODY_BYTES + 1)
    answer = _post(client, "/api/check", {"path": "prompts/welcome.json", "text": text})
    assert answer.status_code == 413


def test_a_prompt_with_errors_renders_nothing_and_says_why(client: TestClient) -> None:
    text = '{"break": {"time": "1s"}}'
    found = _post(client, "/api/render", {"path": "prompts/welcome.json", "text": text}).json()
    assert set(found["targets"]) == set(TARGETS)
    assert all(t["error"] == "fix the 1 error(s) first" for t in found["targets"].values())
    spoken = _post(client, "/api/preview", {"path": "prompts/welcome.json", "text": text})
    assert spoken.status_code == 422
    missing = _post(
        client, "/api/render", {"path": "prompts/welcome.json", "text": "{}", "pointer": "/x"}
    )
    assert missing.json()["targets"]["azure"]["error"] == "no prompt at /x"


def test_the_shortcuts_in_the_docs_are_the_page_s() -> None:
    import re
    from importlib import resources

    docs = (Path(__file__).parent.parent.parent / "docs" / "studio.md").read_text("utf-8")
    table = docs.split("## Keyboard", 1)[1].split("## ", 1)[0]
    documented = re.findall(r"^\| (Ctrl\+\w+|Alt\+\w) \|", table, re.M)
    static = resources.files("ttsbuilder.studio").joinpath("static")
    page = static.joinpath("index.html").read_text("utf-8")
    script = static.joinpath("studio.js").read_text("utf-8")
    shown = re.search(r'<p class="keys">(.*?)</p>', page)
    assert shown is not None
    assert sorted(documented) == sorted(re.findall(r"(Ctrl\+\w+|Alt\+\w)", shown.group(1)))
    for keys in documented:
        modifier, key = keys.split("+")
        assert f'event.key === "{key.lower() if len(key) == 1 else key}"' in script, keys
        assert ("event.altKey" if modifier == "Alt" else "ctrl &&") in script


def test_the_listing_skips_what_lint_skips(prompts: Path) -> None:
    (prompts / "package.json").write_text('{"name": "web", "version": "1.0.0"}')
    (prompts / "node_modules").mkdir()
    (prompts / "node_modules" / "x.json").write_text('{"text": "vendored"}')
    walked = create_app(Workspace(["prompts"], base=str(prompts.parent)), Guard(TOKEN, PORT))
    listed = TestClient(walked, base_url=BASE, headers={"x-studio-token": TOKEN})
    paths = [f["path"] for f in listed.get("/api/files").json()["files"]]
    assert paths == ["prompts/hostile.json", "prompts/menu.yaml", "prompts/welcome.json"]
    named = Workspace(["prompts/package.json"], base=str(prompts.parent))
    app = create_app(named, Guard(TOKEN, PORT))
    client = TestClient(app, base_url=BASE, headers={"x-studio-token": TOKEN})
    assert [f["path"] for f in client.get("/api/files").json()["files"]] == ["prompts/package.json"]
    assert client.get("/api/file", params={"path": "prompts/menu.yaml"}).status_code == 403


def test_a_save_made_while_saving_is_not_lost(
    client: TestClient, prompts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ttsbuilder.studio import workspace

    path = prompts / "welcome.json"
    opened = client.get("/api/file", params={"path": "prompts/welcome.json"}).json()
    real_read = workspace.read_input

    def read_then_someone_saves(name: str) -> bytes:
        data = real_read(name)
        path.write_text('{"text": "theirs"}')  # after the check, before the rename
        return data

    monkeypatch.setattr(workspace, "read_input", read_then_someone_saves)
    answer = _save_mine(client, opened["version"])
    assert answer.status_code == 409
    assert "changed on disk while it was being saved" in answer.json()["error"]
    assert path.read_text() == '{"text": "theirs"}'


def test_only_safe_fixes_are_offered(client: TestClient) -> None:
    repeated = '{"text": "a", "text": "b"}'  # renumbering would make both spoken: unsafe
    found = _post(client, "/api/fix", {"path": "prompts/welcome.json", "text": repeated}).json()
    assert found == {"text": None, "diff": "", "changes": [], "unsafe": 1}


@pytest.mark.parametrize("url", ["/api/check", "/api/render", "/api/fix", "/api/preview"])
def test_a_lone_surrogate_is_an_answer_not_a_crash(client: TestClient, url: str) -> None:
    body = '{"path": "prompts/welcome.json", "text": "{\\"text\\": \\"\\ud800\\"}"}'
    answer = client.post(url, content=body, headers={"content-type": "application/json"})
    assert answer.status_code in (200, 422)


def test_a_lone_surrogate_is_never_saved(client: TestClient, prompts: Path) -> None:
    opened = client.get("/api/file", params={"path": "prompts/welcome.json"}).json()
    body = json.dumps({"path": "prompts/welcome.json", "version": opened["version"]})
    body = body[:-1] + ', "text": "{\\"text\\": \\"\\ud800\\"}"}'
    answer = client.post("/api/save", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 422
    assert "lone surrogate" in answer.json()["error"]
    assert "Welcome" in (prompts / "welcome.json").read_text()


def test_two_saves_of_one_version_never_both_win(
    client: TestClient, prompts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second save arrives between the first's last check and its rename."""
    import threading

    from ttsbuilder import _files

    opened = client.get("/api/file", params={"path": "prompts/welcome.json"}).json()
    real_holds = _files._holds
    answers: dict[str, int] = {}

    def save(text: str) -> None:
        body = {"path": "prompts/welcome.json", "text": text, "version": opened["version"]}
        answers[text] = _post(client, "/api/save", body).status_code

    second = threading.Thread(target=save, args=('{"text": "second"}',))

    def holds_then_another_save_comes(path: str, expect: bytes) -> bool:
        found = real_holds(path, expect)
        if not second.is_alive() and not answers:
            second.start()
            second.join(timeout=1)  # with one save at a time, it waits for this one
        return found

    monkeypatch.setattr(_files, "_holds", holds_then_another_save_comes)
    save('{"text": "first"}')
    second.join(timeout=10)
    assert sorted(answers.values()) == [200, 409]
    winner = next(text for text, status in answers.items() if status == 200)
    assert (prompts / "welcome.json").read_text() == winner


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", "/nothing/here", 404),
        ("GET", "/static/../app.py", 404),
        ("PUT", "/api/save", 405),
        ("DELETE", "/api/file", 405),
        ("POST", "/api/files", 405),
        ("GET", "/api/check", 405),
    ],
)
def test_starlette_s_own_answers_carry_the_headers_too(
    client: TestClient, method: str, url: str, status: int
) -> None:
    answer = client.request(method, url)
    assert answer.status_code == status
    assert answer.headers["content-security-policy"] == CSP
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.json()["error"]
    if status == 405:
        assert answer.headers["allow"]


@pytest.mark.parametrize("kind", ["APPLICATION/JSON", "Application/Json; charset=utf-8"])
def test_the_media_type_is_read_in_any_case(client: TestClient, kind: str) -> None:
    """RFC 9110 8.3.1: type and subtype are case-insensitive."""
    body = json.dumps({"path": "prompts/welcome.json", "text": "{}"})
    assert (
        client.post("/api/check", content=body, headers={"content-type": kind}).status_code == 200
    )


def test_the_documented_endings_are_the_ones_served() -> None:
    import re

    from ttsbuilder.lint.loaders import FORMATS

    docs = (Path(__file__).parent.parent.parent / "docs" / "studio.md").read_text("utf-8")
    sentence = docs.split("or a file that does not end in", 1)[1].split("is refused", 1)[0]
    assert re.findall(r"`(\.\w+)`", sentence) == list(FORMATS)


def test_a_file_name_that_is_not_utf8_does_not_break_the_listing(
    client: TestClient, prompts: Path
) -> None:
    os.mkdir(os.path.join(bytes(prompts), b"more"))
    with open(os.path.join(bytes(prompts), b"more", b"caf\xe9.json"), "wb") as handle:
        handle.write(b'{"text": "Hello"}')
    (prompts / "more" / "esc\x1b[31m\nname.json").write_text('{"text": "Hello"}')
    answer = client.get("/api/files")
    assert answer.status_code == 200
    listed = {f["path"]: f for f in answer.json()["files"]}
    assert listed["prompts/more/caf\ufffd.json"]["error"] == "the file name is not UTF-8: rename it"
    assert listed["prompts/more/esc\x1b[31m\nname.json"]["errors"] == 0
    assert "prompts/welcome.json" in listed
    opened = client.get("/api/file", params={"path": "prompts/more/esc\x1b[31m\nname.json"})
    assert opened.json()["text"] == '{"text": "Hello"}'


def test_the_file_list_does_not_parse_what_certainly_holds_no_prompt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ttsbuilder.lint import discovery
    from ttsbuilder.studio import analysis

    def refuse(*_: object) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(discovery, "load_bytes", refuse)  # where the file list parses
    assert not analysis.holds_prompt("lockfileVersion: '9.0'\npackages: {}\n", "yaml")
    assert not analysis.holds_prompt("openapi: 3.1.0\nx: {text: Hi, break: {}}\n", "yaml")
    with pytest.raises(AssertionError, match="parsed"):
        analysis.holds_prompt("text: Hi\n", "yaml")
