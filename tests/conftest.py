"""Hypothesis settings for the whole suite, and cold verdict caches for every test.

In CI (``CI`` set) hypothesis loads its own ``ci`` profile: derandomized, no deadline.
Elsewhere the examples stay random, but without the per-example deadline either: this
is a shared 2-core machine, and a timing limit inside a test would make it flaky
(speed is measured by the scripts in ``benchmarks/`` instead).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from ttsbuilder.builder import checks as _builder_checks
from ttsbuilder.rules.say_as import _verdict as _say_as_verdict
from ttsbuilder.rules.values import _prosody_findings
from ttsbuilder.values import _CACHES as _PARSED

if not os.environ.get("CI"):
    settings.register_profile("ttsbuilder", deadline=None)
    settings.load_profile("ttsbuilder")


@pytest.fixture(autouse=True)
def _cold_verdict_caches() -> None:
    """Every test computes its own verdicts: none is served from an earlier test's cache.

    The rules cache say-as verdicts and prosody findings, the builder its checked nodes
    (``ttsbuilder.builder.checks``' ``*_CACHE`` dicts). Warm, a test that checks an exact
    message may never call the check, so mutation testing (docs/mutation.md) does not count
    it as reaching that check and lets a changed message survive.
    """
    _say_as_verdict.cache_clear()
    _prosody_findings.cache_clear()
    _PARSED.clear()
    for cache in (
        _builder_checks.TEXT_CACHE,
        _builder_checks.BREAK_CACHE,
        _builder_checks.SILENCE_CACHE,
        _builder_checks.SAY_AS_CACHE,
        _builder_checks.PROSODY_CACHE,
        _builder_checks.EXPRESS_AS_CACHE,
        _builder_checks.FITTING_CACHE,
    ):
        cache.clear()
