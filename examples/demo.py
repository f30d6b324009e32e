"""``make demo``: ttsbuilder's main jobs on the example prompts, start to finish.

1. compose a prompt in code with the builder and validate it;
2. lint the stored prompt files in ``examples/prompts`` (one was copied from the
   documentation, typos and all);
3. fix a copy of that file with ``--fix`` and show what changed;
4. render a prompt to SSML for Azure and for W3C SSML 1.1;
5. hear it offline: a WAV and its timeline, written to ``build/demo/`` (``--out``).

    .venv/bin/python examples/demo.py
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import shutil
import sys
import tempfile
from pathlib import Path

import ttsbuilder
from ttsbuilder import Prompt
from ttsbuilder.cli import main as ttsbuilder_cli

HERE = Path(__file__).parent
PROMPTS = HERE / "prompts"


def run_cli(*arguments: str) -> int:
    """The ``ttsbuilder`` command, in this process, its report on our stdout (in order)."""
    with contextlib.redirect_stderr(sys.stdout):
        return ttsbuilder_cli(list(arguments))


def step(title: str) -> None:
    print(f"\n=== {title} " + "=" * max(0, 70 - len(title)), flush=True)


def compose() -> None:
    step("1. compose a prompt in code")
    reminder = (
        Prompt()
        .text("Your appointment is on")
        .date("12/03/2026", "mdy")
        .text("at")
        .time("4:30pm", "hms12")
        .break_("500ms")
        .prosody(Prompt().text("Press 1 to confirm."), rate="-10%")
    )
    print(repr(reminder))
    print(json.dumps(reminder.to_dict(), indent=2))
    print("problems:", ttsbuilder.validate(reminder.to_dict()))


def lint() -> None:
    step("2. ttsbuilder lint examples/prompts")
    status = run_cli("lint", str(PROMPTS))
    print(f"(exit status {status}: copied-from-docs.json has the documentation's typos)")


def fix() -> None:
    step("3. ttsbuilder lint --fix on a copy of copied-from-docs.json")
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copied-from-docs.json"
        shutil.copyfile(PROMPTS / "copied-from-docs.json", copy)
        before = copy.read_text(encoding="utf-8").splitlines(keepends=True)
        status = run_cli("lint", "--fix", str(copy))
        after = copy.read_text(encoding="utf-8").splitlines(keepends=True)
        sys.stdout.writelines(difflib.unified_diff(before, after, "before", "after"))
        print(f"(exit status {status}: what is left are warnings a person must decide)")


def render() -> None:
    step("4. render examples/prompts/welcome.json to SSML")
    document = json.loads((PROMPTS / "welcome.json").read_text(encoding="utf-8"))
    for target in ("azure", "w3c"):
        ssml, problems = ttsbuilder.render_ssml_with_problems(document, target, pretty=True)
        print(f"--- {target}")
        print(ssml)
        for problem in problems:
            print("   ", problem)


def hear(out: Path) -> None:
    step(f"5. hear it offline: {out / 'welcome.wav'}")
    out.mkdir(parents=True, exist_ok=True)
    document = json.loads((PROMPTS / "welcome.json").read_text(encoding="utf-8"))
    try:
        result = ttsbuilder.preview_wav(document, out / "welcome.wav")
    except ttsbuilder.PreviewError as error:
        print(f"preview unavailable: {error}")
        return
    print(result.timeline.to_text())
    (out / "welcome-timeline.svg").write_text(result.timeline.to_svg(), encoding="utf-8")
    for problem in result.problems:
        print("   ", problem)
    print(f"wrote {out / 'welcome.wav'} ({result.duration:.2f} s) and welcome-timeline.svg")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE.parent / "build" / "demo")
    out = parser.parse_args().out
    compose()
    lint()
    fix()
    render()
    hear(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
