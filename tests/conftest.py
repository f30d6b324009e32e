"""Hypothesis settings for the whole suite.

In CI (``CI`` set) hypothesis loads its own ``ci`` profile: derandomized, no deadline.
Elsewhere the examples stay random, but without the per-example deadline either: this
is a shared 2-core machine, and a timing limit inside a test would make it flaky
(speed is measured by the scripts in ``benchmarks/`` instead).
"""

from __future__ import annotations

import os

from hypothesis import settings

if not os.environ.get("CI"):
    settings.register_profile("ttsbuilder", deadline=None)
    settings.load_profile("ttsbuilder")
