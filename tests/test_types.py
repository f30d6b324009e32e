"""Honest types: Literal vocabularies defined once, a typo in a public name fails mypy,
value types whose ``==``, ``hash`` and ordering agree, and the error each layer raises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ttsbuilder
import ttsbuilder.builder as builder
import ttsbuilder.profiles as profiles
import ttsbuilder.values as values
from ttsbuilder.errors import ArgumentError, BuildError
from ttsbuilder.published import SCHEMA_KINDS
from ttsbuilder.rules.payloads import CHECKS, DOCUMENT_KINDS
from ttsbuilder.ssml import TARGETS
from ttsbuilder.validation import KINDS
from ttsbuilder.values import Duration, Pitch, Rate, Volume

PACKAGE = Path(ttsbuilder.__file__).parent

# ---------------------------------------------------------------- one definition each

VOCABULARIES = [
    "BreakStrength",
    "SilenceType",
    "InterpretAs",
    "DateFormat",
    "TimeFormat",
    "DurationFormat",
    "PitchLevel",
    "RateLevel",
    "VolumeLevel",
    "Style",
    "Role",
    "ProfileName",
    "DocumentKind",
    "Target",
]


# Sets of two or three words, and the document kinds (dispatch tables are keyed by them),
# show up together in ordinary code; a re-listed larger set is a second definition.
LISTS = [name for name in VOCABULARIES[:11] if len(get_args(getattr(ttsbuilder, name))) >= 5]


@pytest.mark.parametrize("name", LISTS)
def test_each_vocabulary_is_written_once(name: str) -> None:
    members = get_args(getattr(ttsbuilder, name))
    # Only the module of the Literal quotes every member: nothing else re-lists the set.
    writers = [
        path.relative_to(PACKAGE).as_posix()
        for path in sorted(PACKAGE.rglob("*.py"))
        if all(f'"{member}"' in path.read_text(encoding="utf-8") for member in members)
    ]
    assert len(writers) == 1, writers


def test_the_builder_reexports_the_same_literals() -> None:
    for name in VOCABULARIES[:11]:
        assert getattr(builder, name) is getattr(ttsbuilder, name)


def test_derived_tuples_and_sets_follow_the_literals() -> None:
    assert get_args(values.DateFormat) == values.DATE_FORMATS
    assert frozenset(get_args(profiles.Style)) == profiles.AZURE_STYLES
    assert profiles.ENABLEX_STYLES < profiles.AZURE_STYLES
    assert len(profiles.AZURE_STYLES) == 34
    assert len(profiles.ENABLEX_STYLES) == 5
    assert frozenset(get_args(profiles.Role)) == profiles.ROLES


def test_kind_target_and_profile_literals_drive_the_runtime_tuples() -> None:
    assert KINDS == ("auto", *DOCUMENT_KINDS) == get_args(ttsbuilder.Kind)
    assert tuple(CHECKS) == DOCUMENT_KINDS == SCHEMA_KINDS == get_args(ttsbuilder.DocumentKind)
    assert TARGETS == get_args(ttsbuilder.Target) == ("azure", "w3c", "polly", "google")
    assert tuple(profiles.PROFILES) == get_args(ttsbuilder.ProfileName) == ("enablex", "azure")


# ---------------------------------------------------------------- mypy sees public names

GOOD = """\
import ttsbuilder
from ttsbuilder import DocumentKind, Kind, ProfileName, Target

kind: Kind = "play"
body: DocumentKind = "dial-out"
target: Target = "w3c"
profile: ProfileName = "azure"
ttsbuilder.validate({"text": "hi"}, kind=kind, profile=profile)
ttsbuilder.render_ssml({"text": "hi"}, target=target)
ttsbuilder.schema(body, profile)
ttsbuilder.Prompt("hi").break_("1s")
"""

BAD = """\
import ttsbuilder
ttsbuilder.valdiate({"text": "hi"})
ttsbuilder.validate({"text": "hi"}, kind="plya")
ttsbuilder.render_ssml({"text": "hi"}, target="alexa")
ttsbuilder.schema("tss")
ttsbuilder.validate({"text": "hi"}, profile="azrue")
"""


def _mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    snippet = tmp_path / "snippet.py"
    snippet.write_text(source, encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental"]
    command += ["--cache-dir", str(tmp_path / "cache"), str(snippet)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def test_mypy_accepts_correct_use(tmp_path: Path) -> None:
    done = _mypy(tmp_path, GOOD)
    assert done.returncode == 0, done.stdout


def test_mypy_rejects_a_typo_in_each_public_name_and_argument(tmp_path: Path) -> None:
    done = _mypy(tmp_path, BAD)
    assert done.returncode == 1, done.stdout
    lines = {int(line.split(":")[1]) for line in done.stdout.splitlines() if ": error:" in line}
    assert lines == {2, 3, 4, 5, 6}, done.stdout
    assert 'has no attribute "valdiate"' in done.stdout


def test_lazy_names_still_resolve_at_run_time() -> None:
    code = (
        "import sys, ttsbuilder\n"
        "assert 'ttsbuilder.validation' not in sys.modules\n"
        "assert ttsbuilder.validate({'text': 'hi'}) == []\n"
        "try:\n    ttsbuilder.valdiate\nexcept AttributeError as e:\n    print(e)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "has no attribute 'valdiate'" in done.stdout


# ---------------------------------------------------------------- value semantics

# Durations as written: whole and decimal numbers, in ms or s.
NUMBERS = st.integers(0, 10**7).map(str) | st.decimals(
    0, 10**4, places=3, allow_nan=False, allow_infinity=False
).map(lambda d: f"{d:f}")
DURATIONS = st.builds(Duration, st.builds("{}{}".format, NUMBERS, st.sampled_from(["ms", "s"])))


def test_duration_built_directly_knows_its_length() -> None:
    # The reproducer: Duration("500ms").milliseconds was 0.0.
    assert Duration("500ms").milliseconds == 500.0
    assert Duration("1.1s") == Duration("1100ms")  # one rounding, so equal
    with pytest.raises(ArgumentError, match="not a duration"):
        Duration("2 s")


def test_duration_operators_agree() -> None:
    # The reproducer: == compared text, < compared time and <= raised TypeError.
    two, two_ms = Duration("2s"), Duration("2000ms")
    assert two == two_ms
    assert two <= two_ms
    assert two >= two_ms
    assert not two < two_ms
    assert not two > two_ms
    assert hash(two) == hash(two_ms)
    assert len({two, two_ms}) == 1
    assert Duration("1s") < Duration("1001ms") <= Duration("1.001s")


@given(DURATIONS, DURATIONS, DURATIONS)
def test_duration_is_a_total_order_consistent_with_eq_and_hash(
    a: Duration, b: Duration, c: Duration
) -> None:
    assert (a < b) + (a == b) + (a > b) == 1  # trichotomy
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (b <= a)
    assert a <= b or b <= a  # totality
    if a <= b <= c:
        assert a <= c  # transitivity
    if a == b:
        assert hash(a) == hash(b)
        assert b == a
    assert (a == b) == (a.milliseconds == b.milliseconds)
    assert Duration.parse(a.text) == a
    assert Duration(a.text).text == a.text


def _prosody(kind: type[Pitch | Rate | Volume]) -> st.SearchStrategy[Pitch | Rate | Volume]:
    number = st.decimals(0, 300, places=2, allow_nan=False, allow_infinity=False)
    forms = st.sampled_from(["", "+", "-"]).flatmap(
        lambda sign: st.builds(
            lambda n, unit: f"{sign}{n:f}{unit}", number, st.sampled_from(["", "%", "Hz", "st"])
        )
    )
    texts = st.sampled_from(kind.levels) | forms
    return texts.map(kind.read).filter(lambda value: value is not None)  # type: ignore[arg-type,return-value]


@pytest.mark.parametrize("kind", [Pitch, Rate, Volume])
@given(data=st.data())
def test_prosody_eq_and_hash_agree_and_follow_meaning(
    kind: type[Pitch | Rate | Volume], data: st.DataObject
) -> None:
    a, b = data.draw(_prosody(kind)), data.draw(_prosody(kind))
    assert a == a
    assert (a == b) == (b == a)
    assert (a == b) == (a.meaning() == b.meaning())
    if a == b:
        assert hash(a) == hash(b)
    with pytest.raises(TypeError):
        a < b  # noqa: B015  (no order between 'high' and '+10%')


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (Rate.parse("+30%"), Rate.parse("1.3")),
        (Rate.parse("+0%"), Rate.parse("-0%")),
        (Volume.parse("-50"), Volume.parse("50")),
        (Volume.parse("-50%"), Volume.parse("50")),
        (Pitch.parse("+12st"), Pitch.parse("+100%")),
        (Pitch.parse("+0Hz"), Pitch.parse("+0%")),
    ],
)
def test_prosody_values_that_mean_the_same_are_equal(left: object, right: object) -> None:
    assert left == right
    assert hash(left) == hash(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (Rate.parse("medium"), Rate.parse("default")),
        (Pitch.parse("600Hz"), Pitch.parse("+600Hz")),
        (Pitch.parse("+50%"), Rate.parse("+50%")),
        (Volume.parse("medium"), Volume.parse("60")),
    ],
)
def test_prosody_values_that_differ_are_not_equal(left: object, right: object) -> None:
    assert left != right


# ---------------------------------------------------------------- which error where


@pytest.mark.parametrize(
    "call",
    [
        lambda: Duration.parse("2 s"),
        lambda: Rate.parse("fastest"),
        lambda: ttsbuilder.render_ssml({"text": "Hi"}, voice="robot"),
        lambda: ttsbuilder.set_default_voice("en-US", "female", "Aria"),
        lambda: ttsbuilder.parse_ssml("<speak>Hi</speak>", profile="azur"),  # type: ignore[arg-type]
        lambda: ttsbuilder.get_profile("azur"),  # type: ignore[arg-type]
    ],
)
def test_only_the_builder_raises_build_error(call: object) -> None:
    with pytest.raises(ArgumentError) as caught:
        call()  # type: ignore[operator]
    assert not isinstance(caught.value, BuildError)


def test_the_builder_still_raises_build_error() -> None:
    with pytest.raises(BuildError, match="duration"):
        ttsbuilder.Prompt("Hi").break_("2 s")
    with pytest.raises(BuildError, match="profile"):
        ttsbuilder.Prompt("Hi", profile="azur")  # type: ignore[arg-type]


# ---------------------------------------------------------------- shared state is restored


def test_an_interrupted_voice_change_still_invalidates_remembered_renderings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ttsbuilder.ssml import voices

    class Interrupted(dict[tuple[str, str], str]):
        def __setitem__(self, key: tuple[str, str], value: str) -> None:
            raise KeyboardInterrupt

    before = voices.table_version()
    monkeypatch.setattr(voices, "_OVERRIDE_LABELS", Interrupted())
    try:
        with pytest.raises(KeyboardInterrupt):
            voices.set_default_voice("en-US", "female", "en-US-AriaNeural")
        assert voices.table_version() != before
    finally:
        monkeypatch.undo()
        voices.reset_default_voices()


@pytest.mark.parametrize("proc", [True, False])
def test_reading_the_umask_leaves_it_as_it_was(proc: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from ttsbuilder import _files

    if not proc:

        def no_proc(*args: object, **kwargs: object) -> object:
            raise OSError("no /proc here")

        monkeypatch.setattr(_files, "open", no_proc, raising=False)
    old = os.umask(0o027)
    try:
        assert _files._new_file_mode() == 0o640
        assert os.umask(0o027) == 0o027  # unchanged by the read
    finally:
        os.umask(old)
