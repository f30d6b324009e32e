"""``[tool.ttsbuilder]``: every mistake is one line that names the file and the key."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ttsbuilder.cli import main
from ttsbuilder.cli.lint import configure
from ttsbuilder.lint.config import SETTINGS, ConfigError, defaults, find_config, load_config


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "ok.json").write_text('{"text": "Hi"}')
    monkeypatch.chdir(tmp_path / "sub")
    return tmp_path


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        # issue 10 item 11: a typo was ignored silently.
        (
            '[tool.ttsbuilder]\nprofile = "azure"\nprofle = "azure"\n',
            "../pyproject.toml:3: [tool.ttsbuilder] unknown key 'profle' (did you mean 'profile'?)",
        ),
        (
            "[tool.ttsbuilder]\nprompts_only = true\n",
            "../pyproject.toml:2: [tool.ttsbuilder] unknown key 'prompts_only' "
            "(did you mean 'prompts-only'?)",
        ),
        (
            '[tool.ttsbuilder]\nprofile = "azur"\n',
            "../pyproject.toml:2: [tool.ttsbuilder] profile 'azur' is not one of enablex, "
            "azure (did you mean 'azure'?)",
        ),
        (
            '[tool.ttsbuilder]\nformat = "sarf"\n',
            "../pyproject.toml:2: [tool.ttsbuilder] format 'sarf' is not one of text, json, "
            "sarif, github (did you mean 'sarif'?)",
        ),
        (
            '[tool.ttsbuilder]\n\n"jobs" = "4"\n',
            "../pyproject.toml:3: [tool.ttsbuilder] jobs must be an integer, got '4'",
        ),
        (
            "[tool.ttsbuilder]\nstrict = 1\n",
            "../pyproject.toml:2: [tool.ttsbuilder] strict must be true or false, got 1",
        ),
        (
            "[tool.ttsbuilder]\njobs = true\n",
            "../pyproject.toml:2: [tool.ttsbuilder] jobs must be an integer, got True",
        ),
        (
            "[tool.ttsbuilder]\nexclude = [1]\n",
            "../pyproject.toml:2: [tool.ttsbuilder] exclude must be a list of strings, got [1]",
        ),
        (
            '[tool.ttsbuilder]\nignore = ["TTS1", "TTS999"]\n',
            "../pyproject.toml:2: [tool.ttsbuilder] ignore: unknown rule code or name: TTS999",
        ),
        (
            "[tool.ttsbuilder.lint]\nstrict = true\n",
            "../pyproject.toml:1: [tool.ttsbuilder] unknown key 'lint'",
        ),
        # issue 10 item 8: each of these ended as "internal error".
        ("tool = 5  # ttsbuilder\n", "../pyproject.toml:1: tool must be a table, got 5"),
        (
            "[tool]\nttsbuilder = 5\n",
            "../pyproject.toml:2: [tool.ttsbuilder] must be a table, got 5",
        ),
        (
            "# ttsbuilder\nx = " + "[" * 100_000 + "]" * 100_000 + "\n",
            "../pyproject.toml: cannot read the configuration: it nests too deeply for the "
            "TOML parser",
        ),
        (
            "[tool.ttsbuilder\n",
            "../pyproject.toml: cannot read the configuration: ",
        ),
    ],
)
def test_each_mistake_is_a_one_line_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str], toml: str, message: str
) -> None:
    # The table is in a parent folder: it is found from there, and named from here.
    (project / "pyproject.toml").write_text(toml)
    status, out, err = run(["lint", "ok.json"], capsys)
    assert (status, out) == (2, "")
    assert err.startswith(f"ttsbuilder lint: error: {message}")
    assert len(err.splitlines()) == 1
    assert "internal error" not in err


def test_a_parent_pyproject_that_is_not_for_ttsbuilder_is_passed_over(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text("tool = 5\n[[[ not even TOML\n")
    assert run(["lint", "ok.json"], capsys)[:2] == (0, "no problems in 1 file\n")


def test_an_explicit_config_file_must_have_the_table(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "other.toml").write_text("[tool.black]\nline-length = 99\n")
    status, _, err = run(["lint", "--config", "../other.toml", "ok.json"], capsys)
    assert status == 2
    assert err == "ttsbuilder lint: error: ../other.toml: there is no [tool.ttsbuilder] table\n"
    status, _, err = run(["lint", "--config", "../missing.toml", "ok.json"], capsys)
    assert (status, err) == (
        2,
        "ttsbuilder lint: error: ../missing.toml: no such configuration file\n",
    )


def test_every_setting_is_an_option_with_the_same_default() -> None:
    parser = argparse.ArgumentParser()
    configure(parser)
    options = {action.dest for action in parser._actions}
    # A table (per-file-ignores: globs → codes) has no one-line option, as in ruff.
    assert {s.name for s in SETTINGS.values() if s.type is not dict} <= options
    assert defaults()["prompts_only"] is None
    assert set(defaults()) == {setting.name for setting in SETTINGS.values()}


def test_a_good_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ttsbuilder]\nprofile = "azure"\nignore = "TTS108"\nprompts-only = true\n'
    )
    found = find_config(str(tmp_path))
    assert found is not None
    assert load_config(found) == {"profile": "azure", "ignore": ["TTS108"], "prompts_only": True}


TOML_VALUES = st.recursive(
    st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=3),
    max_leaves=5,
)


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if value == value and abs(value) != float("inf") else "0"
    if isinstance(value, str):
        return (
            '"'
            + "".join(
                f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}"
                for c in value
                if not 0xD800 <= ord(c) <= 0xDFFF
            )
            + '"'
        )
    return "[" + ", ".join(_toml(item) for item in value) + "]"


@settings(max_examples=200)
@given(
    st.dictionaries(st.sampled_from([*SETTINGS, "profle", "voice", "x-y"]), TOML_VALUES, max_size=4)
)
def test_any_table_is_settings_or_a_config_error(table: dict[str, Any]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "pyproject.toml")
        lines = [f'"{key}" = {_toml(value)}' for key, value in table.items()]
        path.write_text("[tool.ttsbuilder]\n" + "\n".join(lines) + "\n")
        config: dict[str, Any] = {}
        error = ""
        try:
            config = load_config(str(path))
        except ConfigError as exc:
            error = str(exc)
        assert error.startswith(f"{path}:") if error else True
        assert set(config) <= {setting.name for setting in SETTINGS.values()}
