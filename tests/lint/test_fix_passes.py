"""``--fix`` is one way: load → check → edits → apply → re-load → verify (issue 10, item 3).

The passes are counted by wrapping the functions that do them, so a second load, check
or member scan of the same text (the old pipeline made 8 loads and 5 checks) fails here.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from ttsbuilder.lint import check, fix, loaders
from ttsbuilder.lint.runner import Job, lint_data


def catalog(prompts: int) -> bytes:
    body = {
        f"p{i}": {
            "text1": "Hi",
            "break": {"time": "1s"},
            "express-as": {"style": "Cheerful", "text": "x"},
        }
        for i in range(prompts)
    }
    return json.dumps(body, indent=2).encode()


def counted(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    counts: Counter[str] = Counter()

    def wrap(owner: Any, name: str, label: str) -> None:
        real: Callable[..., Any] = getattr(owner, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counts[label] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, wrapper)

    wrap(loaders.Source, "__init__", "load")
    wrap(loaders, "scan_json", "members")
    wrap(loaders, "yaml_members", "members")
    wrap(check, "validate", "check")
    wrap(fix, "detect", "detect")
    return counts


@pytest.mark.parametrize("prompts", [1, 40])
def test_one_fix_loads_and_checks_twice_whatever_the_size(
    monkeypatch: pytest.MonkeyPatch, prompts: int
) -> None:
    counts = counted(monkeypatch)
    linted = lint_data(catalog(prompts), "json", Job(fix=True))
    assert len(linted.changes) == 3 * prompts
    assert linted.problems == []
    # The file as read, and the fixed text: each loaded, checked and mapped once.
    assert counts == {"load": 2, "check": 2, "members": 1, "detect": 1}


def test_yaml_fix_is_one_way_too(monkeypatch: pytest.MonkeyPatch) -> None:
    counts = counted(monkeypatch)
    text = b"a: {text1: Hi, break: {time: 1s}}\nb: {text: x, text02: y}\n"
    linted = lint_data(text, "yaml", Job(fix=True))
    assert len(linted.changes) == 3
    assert counts == {"load": 2, "check": 2, "members": 1, "detect": 1}


def test_nothing_to_fix_is_one_load_and_one_check(monkeypatch: pytest.MonkeyPatch) -> None:
    counts = counted(monkeypatch)
    lint_data(b'{"text": "Hi"}', "json", Job(fix=True))
    assert counts == {"load": 1, "check": 1}
