"""Debian packages the tests run for real (Chromium, Neovim), installed when missing.

A test that needs one calls :func:`needed`: when the program is missing, the session
installs its package with ``apt-get`` if it runs as root (a bare CI machine does), and in
CI (``CI`` set) a program that cannot be had fails the test instead of skipping it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile

import pytest


def needed(program: str, package: str) -> str:
    """The path of ``program``, from Debian's ``package`` if it is not installed yet.

    Skips the test where it cannot be had; fails it in CI.
    """
    problem = _install(program, package)
    if problem is not None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} is needed in CI: {problem}")
        pytest.skip(problem)
    found = shutil.which(program)
    assert found is not None
    return found


def _install(program: str, package: str) -> str | None:
    if shutil.which(program) is not None:
        return None
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        return f"{program} is not installed and this user cannot install {package} with apt-get"
    # pytest -n runs several sessions at once, and apt-get runs one at a time: one
    # installs, the others wait for it (and for any other apt-get, up to the timeout).
    with open(os.path.join(tempfile.gettempdir(), "ttsbuilder-apt-get.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if shutil.which(program) is not None:
            return None
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        wait = ["apt-get", "-o", "DPkg::Lock::Timeout=300"]
        for command in ([*wait, "update"], [*wait, "install", "-y", package]):
            done = subprocess.run(command, env=env, capture_output=True, timeout=900, check=False)
            if done.returncode != 0:
                return f"{' '.join(command)} failed: {done.stderr.decode(errors='replace')[-500:]}"
    return None if shutil.which(program) is not None else f"apt-get installed no {program}"
