"""lint's everyday controls: --diff, --show-fixes, --exit-zero, --statistics, --output-file,
--quiet, colour, and per-file-ignores. --diff is checked with the real patch and git apply."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ttsbuilder.cli import main
from ttsbuilder.cli._colour import use_colour

ROOT = Path(__file__).resolve().parents[2]
BROKEN = ROOT / "examples" / "prompts" / "copied-from-docs.json"
TTSBUILDER = (sys.executable, "-m", "ttsbuilder")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def fixed_by_fix(source: Path, folder: Path) -> bytes:
    copy = folder / "by-fix" / source.name
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(source, copy)
    assert main(["lint", "--fix", "-q", str(copy)]) in (0, 1)
    return copy.read_bytes()


@pytest.mark.parametrize("tool", ["patch", "git"])
def test_diff_of_the_examples_broken_prompt_is_what_fix_writes(
    tool: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    shutil.copyfile(BROKEN, folder / "prompt.json")
    before = (folder / "prompt.json").read_bytes()
    status, diff, err = run(["lint", "--diff", "prompt.json"], capsys)
    assert status == 1
    assert err == "would fix 6 problems in 1 file\n"
    assert (folder / "prompt.json").read_bytes() == before  # byte for byte
    expected = fixed_by_fix(folder / "prompt.json", folder)
    assert expected != before
    (folder / "fixes.diff").write_text(diff, encoding="utf-8")
    if tool == "patch":
        command = ["patch", "-p0", "-s", "-i", "fixes.diff"]
    else:
        command = ["git", "apply", "-p0", "--unsafe-paths", "fixes.diff"]
    subprocess.run(command, cwd=folder, check=True, capture_output=True, timeout=60)
    assert (folder / "prompt.json").read_bytes() == expected


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("crlf.yaml", b"text1: Hi\r\nbreak: {time: 1s}\r\n"),
        ("no-newline.json", b'{"text1": "Hi",\n "break": {"time": "1s"}}'),
        ("bom.json", '\ufeff{"break": {"time": "1s"}}\n'.encode()),
        ("lone-cr.yaml", b"text1: 'a\rb'\nbreak: {time: 1s}\n"),
    ],
)
def test_diff_applies_byte_for_byte_whatever_the_line_endings(
    name: str, data: bytes, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if shutil.which("patch") is None:
        pytest.skip("patch is not installed")
    (folder / name).write_bytes(data)
    status, diff, _ = run(["lint", "--diff", name], capsys)
    assert status == 1
    assert (folder / name).read_bytes() == data
    expected = fixed_by_fix(folder / name, folder)
    (folder / "fixes.diff").write_bytes(diff.encode("utf-8", "surrogatepass"))
    subprocess.run(
        ["patch", "-p0", "-s", "--binary", "-i", "fixes.diff"],
        cwd=folder,
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert (folder / name).read_bytes() == expected


def test_diff_of_a_clean_file_is_empty_and_exit_0(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "clean.json").write_text('{"text": "Hi", "prosody": {"rate": "30%", "text": "x"}}')
    assert run(["lint", "--diff", "clean.json"], capsys) == (0, "", "")  # TTS212: no fix


def test_diff_of_standard_input_writes_no_text(capsys: pytest.CaptureFixture[str]) -> None:
    done = subprocess.run(
        [*TTSBUILDER, "lint", "--diff", "--stdin-filename", "in.json", "-"],
        input=b'{"break": {"time": "1s"}}\n',
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.decode().splitlines()[:2] == ["--- in.json", "+++ in.json"]
    assert b'"value"' in done.stdout
    assert not done.stdout.startswith(b"{")


def test_diff_with_fix_is_a_usage_error(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copyfile(BROKEN, folder / "p.json")
    status, _, err = run(["lint", "--diff", "--fix", "p.json"], capsys)
    assert status == 2
    assert "not with --fix" in err


def test_show_fixes_with_diff_lists_what_would_be_fixed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "a.json").write_text('{"break": {"time": "1s"}}')
    _, _, err = run(["lint", "--diff", "--show-fixes", "a.json"], capsys)
    assert err.splitlines() == [
        "a.json:1:12: would fix TTS105 renamed 'time' to 'value'",
        "would fix 1 problem in 1 file",
    ]


def test_exit_zero(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "bad.json").write_text('{"break": {"value": "9s"}}')
    assert run(["lint", "bad.json"], capsys)[0] == 1
    status, out, _ = run(["lint", "--exit-zero", "bad.json"], capsys)
    assert status == 0
    assert "TTS202" in out
    assert run(["lint", "--exit-zero", "missing.json"], capsys)[0] == 2  # usage: still 2


def test_statistics_counted_by_hand(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "a.json").write_text('{"text1": "a", "break": {"time": "1s"}, "say_as": {}}')
    (folder / "b.json").write_text('{"break": {"time": "9s"}, "prosody": {"rate": "30%"}}')
    status, out, _ = run(["lint", "--statistics", "a.json", "b.json"], capsys)
    assert status == 1
    rows = [line.split() for line in out.splitlines()]
    # TTS105: time and say_as in a.json, time in b.json; TTS106: text1; TTS212: 30%
    counts = {row[1]: int(row[0]) for row in rows}
    assert counts["TTS105"] == 3
    assert counts["TTS106"] == 1
    assert counts["TTS212"] == 1
    assert [row[0] for row in rows] == sorted((row[0] for row in rows), key=lambda c: -int(c))
    assert ["3", "TTS105", "alias-key", "[*]"] in rows
    _, out, _ = run(["lint", "--statistics", "--format", "json", "a.json", "b.json"], capsys)
    data = json.loads(out)
    assert data[0] == {"code": "TTS105", "name": "alias-key", "count": 3, "fixable": True}
    assert sum(item["count"] for item in data) == sum(counts.values())


def test_quiet_prints_problems_only(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "a.json").write_text('{"break": {"time": "1s"}, "prosody": {"rate": "30%"}}')
    status, out, err = run(["lint", "-q", "a.json"], capsys)
    assert status == 1
    assert [line.split(": ", 1)[1].split()[0] for line in out.splitlines()] == [
        "TTS105",  # time
        "TTS110",  # a prosody with no content
        "TTS212",  # 30%
    ]
    assert "in 1 of 1 file" not in out
    status, out, err = run(["lint", "-q", "--fix", "a.json"], capsys)
    assert err == ""
    assert run(["lint", "-q", "a.json"], capsys)[1:] == (out, "")
    (folder / "clean.json").write_text('{"text": "Hi"}')
    assert run(["lint", "-q", "clean.json"], capsys) == (0, "", "")


def test_output_file_holds_the_report(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "a.json").write_text('{"break": {"value": "9s"}}')
    _, shown, _ = run(["lint", "--format", "json", "a.json"], capsys)
    status, out, _ = run(["lint", "--format", "json", "-o", "report.json", "a.json"], capsys)
    assert (status, out) == (1, "")
    assert (folder / "report.json").read_text(encoding="utf-8") == shown
    (folder / "report.json").write_text("old")
    run(["lint", "--color", "always", "--output-file", "report.json", "a.json"], capsys)
    assert "\x1b" not in (folder / "report.json").read_text(encoding="utf-8")
    assert sorted(os.listdir(folder)) == ["a.json", "report.json"]  # no temporary left


def test_an_output_file_that_cannot_be_written_is_an_io_error(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "a.json").write_text('{"text": "Hi"}')
    status, out, err = run(["lint", "-o", "no/such/dir/report.txt", "a.json"], capsys)
    assert status == 2
    assert out == ""
    assert err.startswith("ttsbuilder lint: error: no/such/dir/report.txt: cannot write")


@pytest.mark.parametrize(
    ("choice", "environ", "tty", "expected"),
    [
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"NO_COLOR": ""}, True, True),  # no-color.org: set and not empty
        ("auto", {"FORCE_COLOR": "0"}, False, True),  # any value but the empty string
        ("auto", {"FORCE_COLOR": ""}, False, False),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
        ("auto", {"TERM": "dumb"}, True, False),
        ("always", {"NO_COLOR": "1"}, False, True),
        ("never", {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_when_to_colour(choice: str, environ: dict[str, str], tty: bool, expected: bool) -> None:
    class Stream:
        def isatty(self) -> bool:
            return tty

    assert use_colour(choice, Stream(), environ) is expected  # type: ignore[arg-type]


def test_colour_at_the_command_line(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "a.json").write_text('{"break": {"value": "9s"}, "prosody": {"rate": "30%"}}')
    assert "\x1b" not in run(["lint", "a.json"], capsys)[1]  # not a terminal
    out = run(["lint", "--color", "always", "a.json"], capsys)[1]
    assert "\x1b[1;31mTTS202 error\x1b[0m" in out
    assert "\x1b[1;33mTTS212 warning\x1b[0m" in out
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run(["lint", "a.json"], capsys)[1]
    assert "\x1b" not in run(["lint", "--format", "json", "a.json"], capsys)[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b" not in run(["lint", "a.json"], capsys)[1]
    assert run(["lint", "--color", "sometimes", "a.json"], capsys)[0] == 2


def test_per_file_ignores_match_from_the_config_folder(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "pyproject.toml").write_text(
        "[tool.ttsbuilder.per-file-ignores]\n"
        '"legacy/*.json" = ["TTS212"]\n'
        '"generated.json" = "TTS1"\n'
    )
    (folder / "legacy").mkdir()
    (folder / "sub").mkdir()
    prompt = '{"text1": "a", "prosody": {"rate": "30%", "text": "b"}}'
    for path in ("legacy/a.json", "sub/a.json", "sub/generated.json"):
        (folder / path).write_text(prompt)
    monkeypatch.chdir(folder / "sub")
    status, out, _ = run(["lint", "../legacy/a.json", "a.json", "generated.json"], capsys)
    assert status == 0  # warnings only
    codes = {
        line.split(":")[0] + " " + line.split(": ")[1].split()[0] for line in out.splitlines()[:-1]
    }
    assert codes == {
        "../legacy/a.json TTS106",  # TTS212 ignored there
        "a.json TTS106",
        "a.json TTS212",
        "generated.json TTS212",  # TTS1 ignored by name, in any folder
    }


def test_a_per_file_ignored_code_is_not_fixed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "pyproject.toml").write_text('[tool.ttsbuilder.per-file-ignores]\n"*" = ["TTS106"]\n')
    (folder / "a.json").write_text('{"text1": "a", "break": {"time": "1s"}}')
    assert run(["lint", "--fix", "a.json"], capsys)[0] == 0
    assert (folder / "a.json").read_text() == '{"text1": "a", "break": {"value": "1s"}}'


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[tool.ttsbuilder.per-file-ignores]\n"*" = ["TTS999"]\n', "TTS999"),
        ('[tool.ttsbuilder.per-file-ignores]\n"*" = [1]\n', "must be a list of rule codes"),
        ('[tool.ttsbuilder]\nper-file-ignores = ["TTS1"]\n', "must be a table of globs"),
        ('[tool.ttsbuilder]\ncolor = "sometimes"\n', "color 'sometimes' is not one of"),
    ],
)
def test_a_bad_config_is_a_usage_error(
    table: str, message: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "pyproject.toml").write_text(table)
    (folder / "a.json").write_text('{"text": "Hi"}')
    status, _, err = run(["lint", "a.json"], capsys)
    assert status == 2
    assert message in err


def test_diff_holds_unsafe_fixes_only_when_asked(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "r.json").write_text('{"text": "a", "text": "b"}\n')
    status, out, err = run(["lint", "--diff", "r.json"], capsys)
    assert (status, out) == (0, "")  # --fix would change nothing either
    assert "1 more fix is available with --unsafe-fixes" in err
    status, out, _ = run(["lint", "--diff", "--unsafe-fixes", "r.json"], capsys)
    assert status == 1
    assert '+{"text": "a", "text2": "b"}' in out.splitlines()
    assert (folder / "r.json").read_text() == '{"text": "a", "text": "b"}\n'
