"""``ttsbuilder studio`` on the command line: the URL first, usage errors as status 2."""

from __future__ import annotations

import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from ttsbuilder.cli import main


def test_a_missing_path_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["studio", "--no-browser", str(tmp_path / "nowhere")]) == 2
    assert "no such file or directory" in capsys.readouterr().err


def test_a_bad_port_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["studio", "--no-browser", "--port", "70000"]) == 2
    assert "not a port" in capsys.readouterr().err


def test_the_first_line_is_the_url_with_its_token(prompts: Path) -> None:
    command = [sys.executable, "-m", "ttsbuilder", "studio", "--no-browser", "prompts"]
    process = subprocess.Popen(
        command, cwd=prompts.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        base, _, token = url.partition("/?token=")
        assert len(token) >= 40
        request = urllib.request.Request(base + "/api/files", headers={"x-studio-token": token})
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert b"prompts/welcome.json" in answer.read()
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base + "/api/files", timeout=10)
        assert refused.value.code == 403
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_port_in_use_is_a_usage_error(
    prompts: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    monkeypatch.chdir(prompts)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert main(["studio", "--no-browser", "--port", str(port)]) == 2
    assert f"cannot listen on port {port}" in capsys.readouterr().err


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_ctrl_c_and_sigterm_stop_it_cleanly(prompts: Path, stop: signal.Signals) -> None:
    """Either signal is the studio's normal end: status 0, nothing on stderr, port closed."""
    command = [sys.executable, "-m", "ttsbuilder", "studio", "--no-browser", "prompts"]
    process = subprocess.Popen(
        command, cwd=prompts.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        base = process.stdout.readline().strip().partition("/?token=")[0]
        with pytest.raises(urllib.error.HTTPError) as refused:  # serving: no token, no files
            urllib.request.urlopen(base + "/api/files", timeout=10)
        assert refused.value.code == 403
        process.send_signal(stop)
        _, err = process.communicate(timeout=15)
    finally:
        process.kill()  # a no-op once it has stopped
        process.wait(timeout=10)
    assert (process.returncode, err) == (0, "")
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(base + "/", timeout=5)
