"""Content codings (RFC 9110 section 8.4) decoded as a server reads them, bounded in memory."""

from __future__ import annotations

import doctest
import gzip
import tracemalloc

import pytest

from ttsbuilder import _codings
from ttsbuilder._codings import decoded

BODY = b'{"hold": true}'


def test_the_doctests_run() -> None:
    assert doctest.testmod(_codings).failed == 0


def test_empty_list_elements_and_identity_change_nothing() -> None:
    # RFC 9110 section 5.6.1: a recipient accepts empty elements in a comma-separated list.
    assert decoded(BODY, "") == BODY
    assert decoded(gzip.compress(BODY), "gzip, ") == BODY
    assert decoded(gzip.compress(BODY), " ,identity, GZIP") == BODY


def test_every_member_of_a_gzip_body_is_read() -> None:
    # RFC 1952 section 2.2: a gzip file is a series of members, read one after another.
    assert decoded(gzip.compress(b'{"hold":') + gzip.compress(b" true}"), "gzip") == BODY


@pytest.mark.parametrize(
    ("body", "coding", "message"),
    [
        (b"\x1b\x0e\x00", "x-" + "b" * 48, f"the body is x-{'b' * 38}-encoded (Content-"),
        (b"not gzip", "gzip", "the body does not decompress as gzip: incorrect header check"),
        (b"not deflate", "deflate", "the body does not decompress as deflate: invalid block type"),
        (
            gzip.compress(BODY)[:-12],
            "gzip",
            "the body does not decompress as gzip: the body ends before its compressed data does",
        ),
    ],
    ids=["unknown", "not-gzip", "not-deflate", "truncated"],
)
def test_a_body_that_does_not_decode_says_why(body: bytes, coding: str, message: str) -> None:
    # The reasons after the colon are zlib's own words (its "Error -3 ..." prefix cut).
    with pytest.raises(ValueError, match=r"^the body ") as caught:
        decoded(body, coding)
    assert str(caught.value).startswith(message)
    if coding.startswith("x-"):
        assert str(caught.value).endswith(", which ttsbuilder cannot decode to check it")
    else:
        assert str(caught.value) == message


def test_a_body_may_decode_to_max_decoded_bytes_and_no_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_codings, "MAX_DECODED", 1000)
    assert decoded(gzip.compress(b" " * 1000), "gzip") == b" " * 1000
    with pytest.raises(ValueError, match="decompresses to more than"):
        decoded(gzip.compress(b" " * 1001), "gzip")


@pytest.mark.parametrize("members", [1, 2])
def test_a_bomb_costs_no_more_than_its_bound(monkeypatch: pytest.MonkeyPatch, members: int) -> None:
    # The module's promise: a small body that inflates without end costs about MAX_DECODED
    # bytes. At a 1 MiB bound, 16 MiB of zeros (or 0.9 MiB and then 16 MiB, two gzip
    # members) may not be inflated whole: the peak stays under three times the bound.
    bound = 1 << 20
    monkeypatch.setattr(_codings, "MAX_DECODED", bound)
    first = gzip.compress(bytes(bound * 9 // 10)) if members == 2 else b""
    bomb = first + gzip.compress(bytes(16 << 20))
    tracemalloc.start()
    try:
        with pytest.raises(ValueError, match="decompresses to more than"):
            decoded(bomb, "gzip")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3 * bound
