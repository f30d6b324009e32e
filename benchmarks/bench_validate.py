"""How fast validate() is, against two baselines measured side by side in this run.

Targets (issue 2): validate() of the seed's advanced play payload (the dial-out sample's
play part, ``{"text_to_speech_option": {...}}``) takes at most 10x the time of
``orjson.loads`` on the same payload's bytes, and is at least 20x faster than
python-jsonschema on the project's own published play schema (validator built once,
``iter_errors`` consumed fully: like validate(), it finds every problem).

Prints both ratios and exits 1 when a target is missed.
Run: ``python benchmarks/bench_validate.py``.
"""

from __future__ import annotations

import json
import sys
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from jsonschema import Draft202012Validator
from timing import alternating, repeated

from ttsbuilder.published import registry, schema
from ttsbuilder.validation import validate

SEED = Path(__file__).parent.parent / "tests" / "data" / "seed"
MAX_VS_ORJSON = 10.0
MIN_VS_JSONSCHEMA = 20.0


def best(function: Callable[[], object], number: int, repeat: int = 7) -> float:
    """Seconds per call: the minimum over ``repeat`` runs of ``number`` calls."""
    return min(timeit.repeat(function, number=number, repeat=repeat)) / number


def consume(checker: Draft202012Validator, document: Any) -> None:
    for _ in checker.iter_errors(document):
        pass


def main() -> int:
    dial_out = json.loads((SEED / "dial_out_advanced.json").read_text(encoding="utf-8"))
    payload: dict[str, Any] = dial_out["action_on_connect"]["play"]
    sample = json.loads((SEED / "play.json").read_text(encoding="utf-8"))
    data = orjson.dumps(payload)
    assert validate(payload, "play") == [], "the benchmark payload must be clean"
    checker = Draft202012Validator(schema("play"), registry=registry())
    assert checker.is_valid(payload)

    loads, ours = alternating(
        [repeated(lambda: orjson.loads(data)), repeated(lambda: validate(payload, "play"))],
        number=3000,
        rounds=15,
    )
    theirs = best(lambda: consume(checker, payload), number=100)
    full = best(lambda: validate(sample, "play"), number=2000)

    vs_orjson = ours / loads
    vs_jsonschema = theirs / ours
    print(f"payload: seed advanced play, {len(data)} bytes")
    print(f"orjson.loads            {loads * 1e6:9.2f} us")
    print(f"validate(play)          {ours * 1e6:9.2f} us")
    print(f"jsonschema iter_errors  {theirs * 1e6:9.2f} us")
    print(
        f"validate(full sample)   {full * 1e6:9.2f} us  (the whole seed play body, for information)"
    )
    ok_orjson = vs_orjson <= MAX_VS_ORJSON
    ok_jsonschema = vs_jsonschema >= MIN_VS_JSONSCHEMA
    print(
        f"validate / orjson.loads     = {vs_orjson:6.2f}x  (target <= {MAX_VS_ORJSON:g}x) "
        + ("ok" if ok_orjson else "MISSED")
    )
    print(
        f"jsonschema / validate       = {vs_jsonschema:6.2f}x  (target >= {MIN_VS_JSONSCHEMA:g}x) "
        + ("ok" if ok_jsonschema else "MISSED")
    )
    return 0 if ok_orjson and ok_jsonschema else 1


if __name__ == "__main__":
    sys.exit(main())
