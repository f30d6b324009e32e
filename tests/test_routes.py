"""Routes as data and check_request(): SPEC §6's table, route problems, any URL, any body."""

from __future__ import annotations

import doctest
import enum
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ttsbuilder
from ttsbuilder import routes
from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.published import SCHEMA_KINDS
from ttsbuilder.routes import ROUTES, api_path, check_request, match_route
from ttsbuilder.rules import RULES
from ttsbuilder.rules.base import Rule
from ttsbuilder.validation import validate

SEED = Path(__file__).parent / "data" / "seed"
API = "https://api.enablex.io/voice/v1"

# SPEC §6, copied by hand: (method, path, body kind or None).
SPEC_TABLE = [
    ("POST", "/call", "dial-out"),
    ("GET", "/call/{voice_id}", None),
    ("DELETE", "/call/{voice_id}", None),
    ("PUT", "/call/{voice_id}/play", "play"),
    ("PUT", "/call/{voice_id}/connect", "connect"),
    ("PUT", "/call/{voice_id}/transfer", "transfer"),
    ("PUT", "/call/{voice_id}/forward", "forward"),
    ("POST", "/call/{voice_id}/hold", "hold"),
    ("PUT", "/call/{voice_id}/recording", "recording"),
    ("GET", "/recording/{recording_id}", None),
]
# Each seed sample body and the route it is sent on.
SAMPLES = [
    ("POST", "/call", "dial_out_advanced.json"),
    ("POST", "/call", "dial_out_room.json"),
    ("PUT", "/call/f1aa/play", "play.json"),
    ("PUT", "/call/f1aa/connect", "connect.json"),
    ("PUT", "/call/f1aa/transfer", "transfer.json"),
    ("PUT", "/call/f1aa/forward", "forward.json"),
    ("POST", "/call/f1aa/hold", "hold.json"),
    ("PUT", "/call/f1aa/recording", "recording_start.json"),
    ("PUT", "/call/f1aa/recording", "recording_stop.json"),
]
ROUTE_RULES = [rule for rule in RULES.values() if rule.family == "routes"]


def codes(problems: list[Any]) -> list[str]:
    return [problem.code for problem in problems]


def test_the_table_is_spec_section_6() -> None:
    assert [(r.method, r.path, r.body) for r in ROUTES] == SPEC_TABLE
    assert {r.body for r in ROUTES} - {None} <= set(SCHEMA_KINDS)
    assert len({r.name for r in ROUTES}) == len(ROUTES)


def test_the_doctests_run() -> None:
    assert doctest.testmod(routes).failed == 0


def test_check_request_is_public() -> None:
    assert ttsbuilder.check_request is check_request


@pytest.mark.parametrize(("method", "path", "sample"), SAMPLES)
def test_every_seed_sample_is_checked_as_its_route_s_kind(
    method: str, path: str, sample: str
) -> None:
    # The seed's samples hold placeholders ("CLI number"): what counts is that the route
    # picks the kind, so the problems are validate()'s for that kind, and no route problem.
    text = (SEED / sample).read_text(encoding="utf-8")
    route = match_route(method, API + path)
    assert route is not None
    assert route.body is not None
    expected = validate(json.loads(text), route.body)
    assert check_request(method, API + path, json.loads(text)) == expected
    assert check_request(method, API + path, text) == expected
    assert check_request(method, API + path, text.encode()) == expected
    assert not any(code.startswith("TTS8") for code in codes(expected))


def test_a_clean_body_on_its_route_has_no_problems() -> None:
    body = {"text": "Hello", "voice": "female", "language": "en-US"}
    assert check_request("PUT", f"{API}/call/f1aa/play", body) == []
    assert check_request("POST", f"{API}/call/f1aa/hold", b'{"hold": false}') == []


@pytest.mark.parametrize(("method", "path", "sample"), SAMPLES)
def test_a_body_on_another_route_is_checked_as_that_route_s_kind(
    method: str, path: str, sample: str
) -> None:
    body = json.loads((SEED / sample).read_text(encoding="utf-8"))
    for route in ROUTES:
        if route.body is None or route.path == path.replace("f1aa", "{voice_id}"):
            continue
        url = API + route.path.replace("{voice_id}", "f1aa")
        assert check_request(route.method, url, body) == validate(body, route.body)


@pytest.mark.parametrize("rule", ROUTE_RULES, ids=lambda rule: rule.code)
def test_bad_example_fails_with_its_code(rule: Rule) -> None:
    example = json.loads(rule.bad)
    assert rule.code in codes(check_request(example["method"], example["url"], example.get("body")))


@pytest.mark.parametrize("rule", ROUTE_RULES, ids=lambda rule: rule.code)
def test_good_example_passes_clean(rule: Rule) -> None:
    example = json.loads(rule.good)
    assert check_request(example["method"], example["url"], example.get("body")) == []


def test_the_route_family_is_the_8xx_range() -> None:
    assert [rule.code for rule in ROUTE_RULES] == [f"TTS80{n}" for n in range(1, 6)]


@pytest.mark.parametrize(
    ("method", "url", "hint"),
    [
        # The seed's sample-request lines that contradict its routes (SPEC §6).
        ("GET", f"{API}/f1aa", "did you mean GET /call/{voice_id}?"),
        ("GET", f"{API}/recordubg/77", "did you mean GET /recording/{recording_id}?"),
        ("PUT", f"{API}/call/f1aa/plya", "did you mean PUT /call/{voice_id}/play?"),
        ("PUT", f"{API}/call//play", "did you mean PUT /call/{voice_id}/play?"),
        ("GET", f"{API}", "did you mean GET /call/{voice_id}?"),
        # Each names its route's own word; the call segment is missing or out of order
        # (survivors of mutation testing, docs/mutation.md).
        ("PUT", f"{API}/77/connect", "did you mean PUT /call/{voice_id}/connect?"),
        ("PUT", f"{API}/play/call/f1aa", "did you mean PUT /call/{voice_id}/play?"),
        ("PUT", f"{API}/x/transfer/f1aa", "did you mean PUT /call/{voice_id}/transfer?"),
        ("POST", f"{API}/X/hold", "did you mean POST /call/{voice_id}/hold?"),
        # A route's word beats a path that only reads alike: its path's, its operation's
        # (SPEC §6 names) or its title's verb (the seed's "Bridge a call", "Dial out").
        ("GET", f"{API}/recording", "did you mean GET /recording/{recording_id}?"),
        ("PUT", f"{API}/play", "did you mean PUT /call/{voice_id}/play?"),
        ("POST", f"{API}/dial", "did you mean POST /call?"),
        ("POST", f"{API}/call/f1aa/dial", "did you mean POST /call?"),
        ("PUT", f"{API}/call/f1aa/bridge", "did you mean PUT /call/{voice_id}/connect?"),
        ("PUT", f"{API}/call/f1aa/start", "did you mean PUT /call/{voice_id}/recording?"),
        ("DELETE", f"{API}/call/f1aa/hangup", "did you mean DELETE /call/{voice_id}?"),
        ("GET", f"{API}/download/77", "did you mean GET /recording/{recording_id}?"),
        ("PUT", f"{API}/Call/F1AA/Play", "did you mean PUT /call/{voice_id}/play?"),
        # A near word with the wrong method still means that word's route.
        ("GET", f"{API}/call/f1aa/plya", "did you mean PUT /call/{voice_id}/play?"),
        ("POST", f"{API}/calls", "did you mean POST /call?"),
        # Misspelt words, at their place or with a slash too many.
        ("GET", f"{API}/recordubg/77/", "did you mean GET /recording/{recording_id}?"),
        ("GET", f"{API}/recordng/77", "did you mean GET /recording/{recording_id}?"),
        ("PUT", f"{API}/cal/f1aa/plya", "did you mean PUT /call/{voice_id}/play?"),
        ("PUT", f"{API}/call/f1aa/transfr", "did you mean PUT /call/{voice_id}/transfer?"),
        ("PUT", f"{API}/call/f1aa/forwrd", "did you mean PUT /call/{voice_id}/forward?"),
        ("PUT", f"{API}/call/f1aa/conect", "did you mean PUT /call/{voice_id}/connect?"),
        ("PUT", f"{API}/call/f1aa/recordng", "did you mean PUT /call/{voice_id}/recording?"),
        ("POST", f"{API}/call/f1aa/hld", "did you mean POST /call/{voice_id}/hold?"),
        ("DELETE", f"{API}/calls/f1aa", "did you mean DELETE /call/{voice_id}?"),
        ("GET", f"{API}//recording//", "did you mean GET /recording/{recording_id}?"),
    ],
)
def test_an_unknown_path_names_the_closest_route(method: str, url: str, hint: str) -> None:
    (problem,) = check_request(method, url, {"hold": True})
    assert (problem.code, problem.hint, problem.pointer) == ("TTS801", hint, "")
    assert problem.is_error


def test_a_wrong_method_names_the_right_ones_and_still_checks_the_body() -> None:
    problems = check_request("PUT", f"{API}/call/f1aa/hold", {"hold": "yes"})
    assert problems[1:] == validate({"hold": "yes"}, "hold") != []
    assert problems[0].code == "TTS802"
    assert problems[0].hint == "use POST"
    (problem,) = check_request("POST", f"{API}/call/f1aa", None)
    assert problem.hint == "use GET or DELETE"


@pytest.mark.parametrize(
    ("method", "path", "hint"),
    [
        # SPEC §6: /call takes POST only; GET and DELETE take a call's id below it.
        ("DELETE", "/call", "use POST, or DELETE /call/{voice_id}"),
        ("GET", "/call", "use POST, or GET /call/{voice_id}"),
        ("PUT", "/call", "use POST"),  # no PUT route one id below
        ("POST", "/recording/7", "use GET"),
        ("DELETE", "/call/f1aa/play", "use PUT"),  # below /call/{voice_id}/play: nothing
    ],
)
def test_a_method_the_path_lacks_names_its_route_one_id_below(
    method: str, path: str, hint: str
) -> None:
    (problem,) = check_request(method, API + path, None)
    assert (problem.code, problem.hint) == ("TTS802", hint)


def test_no_body_where_one_is_needed_and_a_body_where_none_belongs() -> None:
    # An empty memoryview was a body that is not JSON (TTS805), though _parse takes one.
    for empty in (None, b"", "", bytearray(), memoryview(b"")):
        assert codes(check_request("PUT", f"{API}/call/f1aa/play", empty)) == ["TTS804"]
        assert check_request("GET", f"{API}/call/f1aa", empty) == []
    (problem,) = check_request("DELETE", f"{API}/call/f1aa", b"{}")
    assert (problem.code, problem.is_error) == ("TTS803", False)


@pytest.mark.parametrize(
    "body",
    [b"\xff\xfe", b"{'hold': True}", b'{"hold": NaN}', b"[" * 100_000, "{", b"\xef\xbb\xbf{}"],
)
def test_a_body_that_is_not_json_is_an_error(body: Any) -> None:
    (problem,) = check_request("POST", f"{API}/call/f1aa/hold", body)
    assert problem.code == "TTS805"
    assert problem.message.startswith("the hold body is not JSON: ")


def test_json_that_only_the_standard_library_takes_is_still_checked() -> None:
    # orjson refuses a lone surrogate escape; JSON allows it, and the tree rules report it.
    body = b'{"text": "\\ud800", "voice": "male"}'
    assert codes(check_request("PUT", f"{API}/call/f1aa/play", body)) == ["TTS112"]


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/health",
        "https://api.enablex.io/v1/call/f1aa",  # the seed's typo'd sample lines: not /voice/v1
        "https://api.enablex.io/voice/v10/call",
        "http://voice/v1/call",  # a host named voice
        "https://example.com/next?to=/voice/v1/call/f1aa/play",
        "https://example.com/page#/voice/v1/call",
    ],
)
def test_a_request_outside_voice_v1_is_none_of_its_business(url: str) -> None:
    assert check_request("PUT", url, b"not json at all") == []
    assert api_path(url) is None


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("http://127.0.0.1:8080/voice/v1/call/f1aa/play", "/call/f1aa/play"),
        ("https://proxy.example.com/enablex/voice/v1/call/", "/call"),
        ("/voice/v1/call/f1aa/hold?trace=1#top", "/call/f1aa/hold"),
        ("https://user:secret@api.enablex.io/voice/v1/call", "/call"),
    ],
)
def test_any_host_a_prefix_a_trailing_slash_and_a_query_change_nothing(url: str, path: str) -> None:
    assert api_path(url) == path


def test_match_route() -> None:
    route = match_route("post", f"{API}/call/f1aa/hold/")
    assert route is not None
    assert route.name == "hold"
    assert match_route("GET", f"{API}/nowhere") is None
    assert match_route("GET", "https://example.com/") is None


def test_a_method_or_url_that_is_not_a_string_is_the_library_error() -> None:
    with pytest.raises(TTSBuilderError):
        check_request(b"PUT", f"{API}/call")  # type: ignore[arg-type]
    with pytest.raises(TTSBuilderError):
        check_request("PUT", None)  # type: ignore[arg-type]
    with pytest.raises(TTSBuilderError):
        check_request("PUT", "https://example.com/", profile="nope")


def test_a_stream_body_is_reported_not_consumed() -> None:
    def chunks() -> Any:
        yield b"{}"

    (problem,) = check_request("POST", f"{API}/call/f1aa/hold", chunks())
    assert problem.code == "TTS805"


urls = st.one_of(
    st.text(),
    st.builds(
        lambda scheme, host, prefix, tail: f"{scheme}{host}{prefix}{tail}",
        st.sampled_from(["", "http://", "https://", "//"]),
        st.sampled_from(["", "api.enablex.io", "voice", "u:p@h:1", "h?x", "h#"]),
        st.sampled_from(["", "/voice/v1", "/x/voice/v1", "/voice/v10", "?/voice/v1"]),
        st.text(alphabet="/?#ab0{}voice1", max_size=20),
    ),
)


@given(urls)
def test_the_fast_path_finds_what_the_slow_path_finds(url: str) -> None:
    assert api_path(url) == routes._api_path_slowly(url)


@given(
    st.sampled_from(["GET", "PUT", "POST", "DELETE", "PATCH", "put", ""]),
    urls,
    st.one_of(
        st.none(),
        st.binary(max_size=40),
        st.text(max_size=40),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=5),
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
            max_leaves=8,
        ),
    ),
)
def test_any_request_yields_problems_never_an_exception(method: str, url: str, body: Any) -> None:
    for problem in check_request(method, url, body):
        assert problem.code.startswith("TTS")


def test_the_table_in_docs_clients_md_is_the_code_s() -> None:
    text = (Path(__file__).parent.parent / "docs" / "clients.md").read_text(encoding="utf-8")
    section = text.split("## The routes", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1:4] for line in section.splitlines() if line.startswith("| ")]
    table = [(m.strip(), p.strip().strip("`"), b.strip()) for m, p, b in rows[1:]]
    assert table == [(r.method, r.path, r.body or "none") for r in ROUTES]


def test_a_body_with_an_integer_longer_than_python_converts_is_json() -> None:
    # Found in an adversarial pass: it was TTS805 "not JSON" with Python's own advice.
    body = '{"text": "a", "voice": "female", "language": "en-US", "start_timeout": 1%s}'
    problems = check_request("PUT", "/voice/v1/call/x/play", body % ("0" * 5000))
    assert [(p.code, p.pointer) for p in problems] == [
        ("TTS407", "/start_timeout"),
        ("TTS404", "/start_timeout"),
    ]


# URLs near the routes: each route's path with its parameter filled in by any segment
# (percent signs, slashes, queries, fragments, empties), any host or none, a prefix, a tail.
near_routes = st.builds(
    lambda host, prefix, route, parameter, tail: (
        host
        + prefix
        + route.path.replace("{voice_id}", parameter).replace("{recording_id}", parameter)
        + tail
    ),
    st.sampled_from(["", "http://127.0.0.1:8080", "https://u:p@h", "HTTPS://h", "//h"]),
    st.sampled_from(["/voice/v1", "/x/voice/v1", "/%76oice/v1", "/voice/v10"]),
    st.sampled_from(ROUTES),
    st.text(alphabet="af01-%2F/?#. ", max_size=8),
    st.sampled_from(["", "/", "//", "?dry=1", "#top", "/?a=/voice/v1", "/play", "x", "%2F"]),
)
request_bodies = st.one_of(
    st.none(),
    st.sampled_from([b"", b"{", b"[]", b'{"hold": true}', b'{"text": "Hi", "voice": "female"}']),
    st.binary(max_size=20),
    st.just({"text": "Hi"}),
)


@given(
    st.sampled_from(["GET", "PUT", "POST", "DELETE", "put", "PATCH"]), near_routes, request_bodies
)
def test_the_one_step_way_answers_as_the_general_way(method: str, url: str, body: Any) -> None:
    # _check() takes a common request in one pattern match; _check_any() reads any URL.
    profile = ttsbuilder.get_profile("enablex")
    general = routes._check_any(method, url, body, profile)
    assert routes._check(method, url, body, profile) == general
    common = routes._COMMON_URL.match(url)
    if common is not None:
        rest = api_path(url)
        assert rest is not None
        assert routes._ROUTES_BY_GROUP[common.lastgroup] == routes._routes_at(rest)  # type: ignore[index]


def test_the_one_step_way_takes_the_common_urls() -> None:
    # The point of it: these are matched without api_path() (a test above holds the answers).
    for url in [
        f"{API}/call",
        f"{API}/call/f1aa/play",
        "/voice/v1/call/f1aa/play?dry=1",
        "http://127.0.0.1:8080/voice/v1/recording/7/",
    ]:
        assert routes._COMMON_URL.match(url) is not None, url
    for url in ["/x/voice/v1/call", "/voice/v1/call/f%31/play", "/voice/v1/call//play"]:
        assert routes._COMMON_URL.match(url) is None, url


# --- found by mutation testing (docs/mutation.md, "Routes, client hooks, body decoding") ---


@pytest.mark.parametrize(
    ("url", "path"),
    [
        # Read by hand as RFC 3986 reads them: the authority follows "://" up to the next
        # "/", the path ends at the first "?" or "#", and the first /voice/v1 counts.
        ("/voice/v1/call", "/call"),
        ("/voice/v1/call/", "/call"),
        ("/voice/v1/voice/v1/call", "/voice/v1/call"),
        ("https://h/voice/v1/call/X1", "/call/X1"),
        ("http://h/voice/v1/call/x://y", "/call/x://y"),  # ":" and "/" are path characters
        ("/voice/v1/call?x=1#top", "/call"),
        ("/voice/v1/call?to=http://x", "/call"),
        ("http:///voice/v1/call", "/call"),  # an empty authority
        ("?/voice/v1/call", None),  # all query
        ("#/voice/v1/call", None),  # all fragment
        ("/voice/v1X/call", None),  # /voice/v1X is no /voice/v1 segment pair
        ("http://voice/v1/call?to=http://x", None),  # a host named voice
        ("://voice/v1/call", None),  # after "://" comes an authority, even with no scheme
        # A path may begin with "//" (an empty first segment): httpx hands the hooks the raw
        # path "//voice/v1/call" of "https://h//voice/v1/call", and requests the whole URL,
        # which reads as the same route; nginx merges the slashes (merge_slashes, on by
        # default). The one-step path always read it so; the general one read an authority.
        ("//voice/v1/call", "/call"),
        ("//h/voice/v1/call", "/call"),
        # Found in an adversarial pass: a "://" inside a path (a gateway that takes its
        # target in the path) was read as the scheme's, and what followed as a host, in
        # the raw path the httpx hooks are given; a scheme has no "/" before its ":".
        ("/x://voice/v1/call", "/call"),
        ("/://voice/v1/call", "/call"),
        ("/proxy/https://api.enablex.io/voice/v1/call", "/call"),
        ("https://h/go/http://voice/v1/call", "/call"),
    ],
)
def test_both_ways_read_a_url_as_rfc_3986_does(url: str, path: str | None) -> None:
    assert api_path(url) == path
    assert routes._api_path_slowly(url) == path


@pytest.mark.parametrize(
    ("url", "path"),
    [
        # RFC 3986 5.2.4 by hand: "." goes, ".." takes the segment before it with it, and
        # a dot segment at the end leaves its slash; %2E is "." (6.2.2.2) before that.
        ("/voice/v1/call/x/../f1aa/play", "/call/f1aa/play"),
        ("/voice/v1/call/./f1aa/play", "/call/f1aa/play"),
        ("https://h/voice/%2e/v1/call", "/call"),
        ("https://h/voice/v1/call/%2E%2e/play", "/play"),
        ("https://h/voice/v1/call/./play", "/call/play"),
        ("https://h/voice/v1/call/f1aa/play/..", "/call/f1aa"),
        ("https://h/voice/v1/call/f1aa/.", "/call/f1aa"),
        ("https://h/x/../voice/v1/call", "/call"),
        ("https://h/../../voice/v1/call", "/call"),  # no higher than the root
        ("https://h/voice/v1/../v1/call", "/call"),
        ("https://h/voice/v1/../../v1/call", None),  # /v1/call: out of the API
        ("https://h/voice/v1x/../v1/call", "/call"),
        ("https://h/voice/v1/call?next=/../x", "/call"),  # a query has no segments
        ("https://h/voice/v1/call/.x/play", "/call/.x/play"),  # ".x" is no dot segment
        ("https://h/voice/v1/call/.../play", "/call/.../play"),
    ],
)
def test_dot_segments_are_removed_as_rfc_3986_removes_them(url: str, path: str | None) -> None:
    assert api_path(url) == path
    if "%" not in url:  # api_path decodes before it takes the general way
        assert routes._api_path_slowly(url) == path


def test_a_dot_segment_is_no_voice_id() -> None:
    # Found in an adversarial pass: ".." and "." were a voice_id, so /call/../play was the
    # play route, checked and sent, where the server reads /play (and /call/play).
    assert [p.code for p in check_request("PUT", f"{API}/call/../play", b'{"text": "a"}')] == [
        "TTS801"
    ]
    assert [p.code for p in check_request("PUT", f"{API}/call/./play", b'{"text": "a"}')] == [
        "TTS802"
    ]
    good = b'{"text": "a", "voice": "male"}'
    assert check_request("PUT", f"{API}/call/x/../f1aa/play", good) == []
    for url in [f"{API}/call/../play", f"{API}/call/./play", f"{API}/call/f1aa/.."]:
        assert routes._COMMON_URL.match(url) is None, url


def test_httpx_and_requests_see_a_doubled_slash_as_the_same_route() -> None:
    httpx = pytest.importorskip("httpx")
    url = "https://api.enablex.io//voice/v1/call"
    assert httpx.Request("POST", url).url.raw_path == b"//voice/v1/call"
    assert api_path("//voice/v1/call") == api_path(url) == "/call"


def _shown(problems: list[Any]) -> list[tuple[str, str, str, str | None]]:
    return [(p.code, p.pointer, p.message, p.hint) for p in problems]


def test_each_route_problem_says_what_and_where() -> None:
    hold, play, get = f"{API}/call/f1aa/hold", f"{API}/call/f1aa/play", f"{API}/call/f1aa"
    route = "the route /call/{voice_id}/hold takes POST"
    assert _shown(check_request("PUT", hold, None)) == [
        ("TTS802", "", f"PUT /call/f1aa/hold: {route}", "use POST")  # and no body problems
    ]
    assert _shown(check_request("GET", get, b"{}")) == [
        (
            "TTS803",
            "",
            "GET /call/{voice_id} takes no body: the service ignores this one",
            "send it without a body",
        )
    ]
    assert _shown(check_request("PUT", play, None)) == [
        (
            "TTS804",
            "",
            "PUT /call/{voice_id}/play needs a play body, and the request has none",
            None,
        ),
    ]
    assert _shown(check_request("GET", API)) == [
        (
            "TTS801",
            "",
            "no Voice API route GET / under /voice/v1",
            "did you mean GET /call/{voice_id}?",
        ),
    ]
    ((code, _, message, _),) = _shown(check_request("GET", f"{API}/recordubg/77"))
    assert (code, message) == ("TTS801", "no Voice API route GET /recordubg/77 under /voice/v1")


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b'{"hold": NaN}', "NaN is not a JSON value"),  # RFC 8259 section 6: no NaN
        (b"[" * 100_000, "it nests too deeply for the parser"),
        # Found in an adversarial pass: json's own words end in "at", and the message
        # read "Invalid control character at at line 1 column 10" (RFC 8259 section 7).
        (b'{"hold": "\x01"}', "Invalid control character at line 1 column 11"),
        (b'{"hold": true} x', "Extra data at line 1 column 16"),
        # Found in an adversarial pass: json's words for a byte order mark told the sender
        # to "decode using utf-8-sig", advice for a reader; RFC 8259 8.1 is the sender's.
        (
            b'\xef\xbb\xbf{"hold": true}',
            "it begins with a byte order mark (U+FEFF), which JSON sent between systems must "
            "not (RFC 8259, section 8.1)",
        ),
    ],
)
def test_a_body_that_is_not_json_says_why_and_what_to_do(body: bytes, why: str) -> None:
    assert _shown(check_request("POST", f"{API}/call/f1aa/hold", body)) == [
        ("TTS805", "", f"the hold body is not JSON: {why}", "send the body as JSON (json=...)")
    ]


def test_a_tree_sent_as_the_play_body_says_where_a_tree_goes() -> None:
    # Found in an adversarial pass: a tree put where its play body goes (json=tree, a
    # Prompt to check_request) got "unknown play key 'break'" with the play keys listed,
    # and "text needs voice (add voice)", which a Prompt cannot take.
    tree = {"text": "Hi", "break": {"value": "1s"}, "text2": "there", "prosody2": {}}
    problems = check_request("PUT", f"{API}/call/f1aa/play", tree)
    hint = "a text_to_speech_option member: put the tree under text_to_speech_option"
    assert [(p.code, p.pointer, p.hint) for p in problems if p.code == "TTS101"] == [
        ("TTS101", "/break", hint),
        ("TTS101", "/text2", hint),
        ("TTS101", "/prosody2", hint),
    ]
    # Elsewhere an unknown key keeps its near match.
    (problem, _) = check_request("POST", f"{API}/call/f1aa/hold", {"hodl": True})
    assert problem.hint == "did you mean 'hold'?"


def test_a_reader_that_is_no_iterator_is_a_stream_too() -> None:
    class Reader:
        def read(self) -> bytes:
            return b'{"hold": true}'

    (problem,) = check_request("POST", f"{API}/call/f1aa/hold", Reader())
    assert problem.message == (
        "the hold body is not JSON: a stream, which cannot be read here and sent as well"
    )


def test_a_long_path_is_cut_at_80_characters_in_a_message() -> None:
    # "/call/" + id + "/hold": 80 characters are shown whole, 81 as their first 77 and "...".
    for length, shown in [(80, None), (81, 77)]:
        rest = f"/call/{'a' * (length - 11)}/hold"
        assert len(rest) == length
        (problem, *_) = check_request("PUT", f"{API}{rest}", None)
        expected = rest if shown is None else rest[:shown] + "..."
        assert problem.message.startswith(f"PUT {expected}: the route")


def test_a_lower_case_method_is_the_method_httpx_and_requests_send() -> None:
    # Both clients upper-case the method before sending it (RFC 9110 9.1: methods are
    # case-sensitive, and the Voice API's are upper case); the check reads it as they send it.
    httpx = pytest.importorskip("httpx")
    requests = pytest.importorskip("requests")
    url = f"{API}/call/f1aa/play"
    assert httpx.Request("put", url).method == "PUT"
    assert requests.Request("put", url).prepare().method == "PUT"
    body = {"text": "Hello"}
    assert check_request("put", url, body) == check_request("PUT", url, body) != []
    assert _shown(check_request("put", f"{API}/call/f1aa/hold", None))[0][2].startswith("PUT ")


def test_a_method_or_url_that_is_not_a_string_is_named() -> None:
    for call in (check_request, match_route):
        with pytest.raises(TTSBuilderError) as caught:
            call(b"PUT", f"{API}/call")  # type: ignore[arg-type]
        assert str(caught.value) == "the request method must be a string, got b'PUT'"
        with pytest.raises(TTSBuilderError) as caught:
            call("PUT", None)  # type: ignore[arg-type]
        assert str(caught.value) == "the request url must be a string, got None"


class _Method(str, enum.Enum):  # as http.HTTPMethod (a StrEnum) on Python 3.11 and later
    PUT = "PUT"


class _Url(str):  # as a framework's URL type that subclasses str
    pass


def test_a_method_or_url_that_is_a_str_subclass_is_that_string() -> None:
    # Found in an adversarial pass: check_request(HTTPMethod.PUT, ...) raised "the request
    # method must be a string, got 'PUT'", though it is one.
    url = _Url(f"{API}/call/f1aa/play")
    assert [p.code for p in check_request(_Method.PUT, url, {"text": "Hi"})] == ["TTS403"]
    route = match_route(_Method.PUT, url)
    assert route is not None
    assert route.name == "play"
    assert check_request(_Method.PUT, _Url("https://example.com/health"), b"x") == []


def test_the_one_step_pattern_as_built_finds_each_route_of_spec_section_6() -> None:
    # Built here, not at import: the module's pattern was built before any test ran, so
    # a change to how it is built would otherwise go unseen (docs/mutation.md).
    pattern, by_group = routes._common_url_pattern()
    for method, path, kind in SPEC_TABLE:
        concrete = path.replace("{voice_id}", "f1aa").replace("{recording_id}", "77")
        for url in (
            API + concrete,
            f"/voice/v1{concrete}/?dry=1",
            f"http://h:1/voice/v1{concrete}#x",
        ):
            found = pattern.match(url)
            assert found is not None, url
            route = by_group[found.lastgroup][method]  # type: ignore[index]
            assert (route.method, route.path, route.body) == (method, path, kind)
    for url in [
        "/x/voice/v1/call",
        "/voice/v1/call/f%31/play",
        "/voice/v1/call//play",
        "/voice/v1/calls",
        "/voice/v1/call/f1aa/play/more",
        "/voice/v1/recording",
        "ftp://h/voice/v1/call",
        "/voice/v1",
    ]:
        assert pattern.match(url) is None, url


def test_without_orjson_the_standard_library_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    # orjson is optional (a third of json's time): without it the answers are the same.
    url = f"{API}/call/f1aa/hold"
    expected = check_request("POST", url, b'{"hold": "yes"}')
    monkeypatch.setattr(routes, "optional", lambda name: None)
    monkeypatch.setattr(routes, "_fast_loads", False)
    assert check_request("POST", url, b'{"hold": "yes"}') == expected != []
    assert routes._fast_loads is None
    assert codes(check_request("POST", url, b'{"hold": true}')) == []


def test_json_only_the_standard_library_takes_is_checked_for_its_profile() -> None:
    # orjson refuses the lone surrogate, so the one-step way hands the body on; the break
    # of 15 s is over the service's 5 s (SPEC) and within Azure's: the profile must follow.
    url = f"{API}/call/f1aa/play"
    raw = b'{"text_to_speech_option": {"text": "\\ud800", "break": {"value": "15s"}}}'
    for profile, expected in [("enablex", ["TTS112", "TTS202"]), ("azure", ["TTS112"])]:
        problems = check_request("PUT", url, raw, profile=profile)  # type: ignore[arg-type]
        assert codes(problems) == expected
        assert problems == check_request("PUT", url, json.loads(raw), profile=profile)  # type: ignore[arg-type]
