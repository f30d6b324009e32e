"""The studio in a real browser (Debian's chromium, driven by playwright).

What a person does: open the studio, pick a file, type and see a problem appear, look
at the fixes as a diff and apply them, save, press Play and hear it; and what nobody
else may do: use it without the token or reach a file outside the roots.

``TTSBUILDER_SCREENSHOTS=docs/studio`` (``make studio-screenshots``) writes the
screenshots docs/studio.md shows; otherwise they go to a temporary folder.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from ttsbuilder.studio import analysis
from ttsbuilder.studio.workspace import version_of

# One worker runs them all: one chromium, not one per worker on a 2-core machine.
pytestmark = pytest.mark.xdist_group("studio-browser")


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go."""
    folder = os.environ.get("TTSBUILDER_SCREENSHOTS")
    found = Path(folder) if folder else tmp_path / "shots"
    found.mkdir(parents=True, exist_ok=True)
    return found


def _until(page: Any, script: str, arg: Any = None, seconds: float = 20) -> Any:
    """Poll ``script`` in the page until it is truthy (the page's CSP forbids the string
    evaluation ``wait_for_function`` uses, which is the point of it)."""
    deadline = time.monotonic() + seconds
    while True:
        found = page.evaluate(script, arg)
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"never true: {script}")
        time.sleep(0.05)


def _open(page: Any, path: str) -> None:
    page.click(f'#file-list button.file[data-path="{path}"]')
    _until(page, "p => document.getElementById('current').textContent.startsWith(p)", path)


def _select(page: Any, word: str) -> None:
    """Select the first ``word`` in the editor, as a double-click would."""
    page.evaluate(
        """word => { const e = document.getElementById('editor');
        const at = e.value.indexOf(word); e.focus();
        e.setSelectionRange(at, at + word.length); }""",
        word,
    )


def _problem_codes(page: Any) -> list[str]:
    return [str(c) for c in page.locator("#problems .code").all_text_contents()]


def test_a_problem_appears_while_typing_and_the_fix_is_saved(
    page: Any, prompts: Path, shots: Path
) -> None:
    _open(page, "prompts/welcome.json")
    page.wait_for_selector("#ssml:has-text('<speak')")
    assert _problem_codes(page) == []
    _select(page, "value")
    page.keyboard.type("time", delay=40)  # typed: each key re-checks, debounced
    page.wait_for_selector("#problems li.error .code:has-text('TTS105')")
    # Inline at its line: the gutter's line 3 and the line's mark are flagged.
    assert page.locator(".line-number.error").all_text_contents() == ["3"]
    assert page.locator("#marks .mark.error").get_attribute("data-line") == "3"
    hint = page.locator("#problems li.error").inner_text()
    assert "3:13" in hint
    assert "rename it 'value'" in hint
    assert page.locator("#problems a").get_attribute("href").endswith("#tts105")
    # The SSML needs the error fixed first, in every target.
    page.wait_for_selector("#ssml:has-text('fix the 1 error(s) first')")

    page.click("#fix")
    page.wait_for_selector("#fix-panel:not([hidden])")
    diff = page.locator("#fix-diff").inner_text()
    assert '-  "break": {"time": "500ms"},' in diff
    assert '+  "break": {"value": "500ms"},' in diff
    assert page.locator("#fix-changes").inner_text() == "3:13: TTS105 renamed 'time' to 'value'"
    page.screenshot(path=str(shots / "fix-diff.png"))
    page.click("#fix-apply")
    _until(page, "() => document.querySelectorAll('#problems li').length === 0")
    path = prompts / "welcome.json"
    before = path.stat().st_ino
    page.keyboard.press("Control+s")
    page.wait_for_selector("#status:has-text('saved prompts/welcome.json')")
    text = path.read_text(encoding="utf-8")
    assert text == page.locator("#editor").input_value()
    assert '"break": {"value": "500ms"}' in text
    assert text.startswith('{\n  "text"')
    assert path.stat().st_ino != before  # replaced by a rename, not written in place
    assert sorted(p.name for p in prompts.iterdir() if p.name.startswith(".")) == []


def test_a_file_changed_on_disk_is_not_overwritten(page: Any, prompts: Path) -> None:
    _open(page, "prompts/welcome.json")
    path = prompts / "welcome.json"
    path.write_text('{"text": "changed by someone else"}\n', encoding="utf-8")
    page.locator("#editor").press("End")
    page.keyboard.type(" ")
    page.click("#save")
    page.wait_for_selector("#status.bad:has-text('changed on disk since it was opened')")
    assert path.read_text(encoding="utf-8") == '{"text": "changed by someone else"}\n'


def test_play_speaks_the_prompt_and_marks_the_timeline(
    page: Any, prompts: Path, shots: Path
) -> None:
    _open(page, "prompts/menu.yaml")
    page.wait_for_selector("#problems li .code:has-text('TTS105')")
    page.select_option("#prompt", "/goodbye")
    page.wait_for_selector("#ssml:has-text('en-GB-RyanNeural')")
    page.keyboard.press("Control+Enter")  # the shortcut to play
    page.wait_for_selector("#timeline svg rect")
    _until(page, "() => document.getElementById('player').readyState >= 1")
    duration = page.evaluate("document.getElementById('player').duration")
    text = (prompts / "menu.yaml").read_text(encoding="utf-8")
    expected = analysis.preview(text, "yaml", "/goodbye").data["duration"]
    assert duration == pytest.approx(expected, abs=0.002)
    _until(page, "() => document.getElementById('player').currentTime > 0.05")
    _until(
        page,
        "() => document.getElementById('timeline').dataset.speaking"
        " === '/goodbye/text_to_speech_option/text'",
    )
    assert page.locator("#timeline rect.speaking").count() == 1
    # ... and in the editor, on the line of the text being spoken.
    assert page.locator("#marks .mark.speaking").get_attribute("data-line") == "10"
    # What the preview cannot reproduce is said under the player.
    assert page.locator("#preview-problems .code").all_text_contents() == ["TTS701"]


def test_the_screenshot_with_a_problem_its_ssml_and_its_timeline(page: Any, shots: Path) -> None:
    _open(page, "prompts/menu.yaml")
    page.wait_for_selector("#problems li .code:has-text('TTS105')")
    page.select_option("#prompt", "/goodbye")
    page.wait_for_selector("#ssml:has-text('en-GB-RyanNeural')")
    page.click("#target-w3c")
    page.wait_for_selector("#ssml:has-text('gender=\"male\"')")
    page.wait_for_selector("#ssml-problems li.warning .code:has-text('TTS604')")
    page.click("#play")
    page.wait_for_selector("#timeline svg rect")
    _until(page, "() => document.getElementById('player').readyState >= 1")
    page.evaluate("document.getElementById('player').pause()")
    page.screenshot(path=str(shots / "studio.png"), full_page=True)
    assert (shots / "studio.png").stat().st_size > 10_000


def test_hostile_contents_are_shown_as_text(page: Any) -> None:
    _open(page, "prompts/hostile.json")
    page.wait_for_selector("#ssml:has-text('&lt;script&gt;')")
    assert page.title() == "ttsbuilder studio"
    assert page.locator("img").count() == 0
    assert page.locator("body script").count() == 0
    assert "<script>" in page.locator("#editor").input_value()


def test_a_request_without_the_token_is_refused(browser: Any, running: Any) -> None:
    context = browser.new_context()
    try:
        fresh = context.new_page()
        answer = fresh.goto(running.base + "/")
        assert answer.status == 403
        assert "token" in fresh.inner_text("body")
        answer = fresh.goto(running.base + "/?token=not-the-token")
        assert answer.status == 403
        assert fresh.request.get(running.base + "/api/files").status == 403
    finally:
        context.close()


def test_a_path_outside_the_roots_is_refused(page: Any, prompts: Path) -> None:
    listed = page.locator("#file-list button.file").evaluate_all(
        "bs => bs.map(b => b.dataset.path)"
    )
    assert listed == ["prompts/hostile.json", "prompts/menu.yaml", "prompts/welcome.json"]
    outside = prompts.parent / "outside.json"
    for path in ("outside.json", "prompts/../outside.json", str(outside), "prompts/escape.json"):
        status = page.evaluate(
            "p => fetch('/api/file?path=' + encodeURIComponent(p)).then(r => r.status)", path
        )
        assert status == 403, path
        saved = page.evaluate(
            """p => fetch('/api/save', {method: 'POST',
            headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({path: p, text: '{}', version: ''})}).then(r => r.status)""",
            path,
        )
        assert saved == 403, path
    assert outside.read_text(encoding="utf-8") == '{"text": "not served"}\n'
    assert version_of(b"") != ""  # the page never learns the bytes of a refused file


def test_keyboard_tab_order(page: Any) -> None:
    _open(page, "prompts/welcome.json")
    page.wait_for_selector("#ssml:has-text('<speak')")
    page.focus("#file-list button.file >> nth=0")
    order = []
    for _ in range(9):
        page.keyboard.press("Tab")
        order.append(
            page.evaluate(
                "(() => { const a = document.activeElement;"
                " return a.id || a.dataset.path"
                " + (a.dataset.pointer ? '#' + a.dataset.pointer : ''); })()"
            )
        )
    assert order == [
        "prompts/menu.yaml",
        "prompts/menu.yaml#/main",
        "prompts/menu.yaml#/goodbye",
        "prompts/welcome.json",
        "fix",
        "save",
        "play",
        "editor",
        "target-azure",
    ]
