"""Running the linter over many files: discovery, parallel jobs, fixes, configuration.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> with open(os.path.join(folder, "hi.json"), "w") as f:
...     _ = f.write('{"text": "Hello"}')
>>> [(os.path.basename(r.path), r.problems) for r in lint_files(discover([folder]))]
[('hi.json', ())]
"""

from __future__ import annotations

import fnmatch
import importlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ttsbuilder._files import write_atomically
from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.lint.check import LintOptions, check_source
from ttsbuilder.lint.fix import FIXABLE, Change, fix_source
from ttsbuilder.lint.loaders import Format, format_for, load_bytes, sniff_format
from ttsbuilder.lint.reading import TooLarge, read_input
from ttsbuilder.problems import Problem
from ttsbuilder.rules.source import TOO_COMPLEX

__all__ = [
    "DEFAULT_INCLUDE",
    "PARALLEL_THRESHOLD",
    "ConfigError",
    "FileReport",
    "discover",
    "find_config",
    "lint_data",
    "lint_files",
    "load_config",
]

#: Directories are searched for files matching these globs.
DEFAULT_INCLUDE: tuple[str, ...] = ("*.json", "*.yaml", "*.yml")

#: Below this many files, starting worker processes costs more than it saves (measured:
#: 1,000 small JSON files lint faster in one process than in two on a 2-core machine).
PARALLEL_THRESHOLD = 500

#: The keys ``[tool.ttsbuilder]`` may set, and their types.
CONFIG_KEYS: dict[str, type] = {
    "kind": str,
    "profile": str,
    "format": str,
    "strict": bool,
    "fix": bool,
    "jobs": int,
    "select": list,
    "ignore": list,
    "include": list,
    "exclude": list,
}


_TYPE_NAMES = {str: "a string", bool: "true or false", int: "an integer"}


class ConfigError(TTSBuilderError):
    """A usage problem: a path that does not exist, or a bad ``[tool.ttsbuilder]`` table."""


@dataclass(frozen=True, slots=True)
class FileReport:
    """What linting one file found: its problems, the fixes written, or an I/O error."""

    path: str
    problems: tuple[Problem, ...] = ()
    changes: tuple[Change, ...] = ()
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a worker needs to lint one file (picklable)."""

    options: LintOptions = field(default_factory=LintOptions)
    fix: bool = False
    stdin_format: Format | None = None  # None: sniff standard input


# --- discovery ------------------------------------------------------------------------


def _matches(path: str, patterns: Sequence[str]) -> bool:
    posix = path.replace(os.sep, "/")
    while posix.startswith("./"):
        posix = posix[2:]
    name = posix.rsplit("/", 1)[-1]
    return any(
        fnmatch.fnmatchcase(name, p) or fnmatch.fnmatchcase(posix, p.lstrip("/")) for p in patterns
    )


def discover(
    paths: Sequence[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
) -> list[str]:
    """The files to lint: ``paths`` themselves, and ``include`` matches under directories.

    ``exclude`` globs drop files and prune directories (by name or by path); hidden
    directories (``.git``) and what is not a regular file there (a FIFO) are skipped.
    ``-`` stands for standard input. A file named twice (``a.json dir/``) is linted once.
    A path that does not exist or a directory that cannot be read raises
    :class:`ConfigError`.
    """
    files: list[str] = []
    for path in paths:
        if path == "-":
            files.append(path)
            continue
        if os.path.isdir(path):
            files.extend(_walk(path, include, exclude))
        elif os.path.exists(path):
            if not _matches(path, exclude):
                files.append(path)
        else:
            raise ConfigError(f"{path}: no such file or directory")
    return _once(files)


def _once(files: list[str]) -> list[str]:
    # Twice the same file would be reported (and fixed) twice; twice "-" would read an
    # exhausted standard input the second time.
    seen: set[str] = set()
    unique = []
    for path in files:
        key = path if path == "-" else os.path.normcase(os.path.realpath(path))
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _walk(root: str, include: Sequence[str], exclude: Sequence[str]) -> list[str]:
    found: list[str] = []

    def fail(error: OSError) -> None:
        raise ConfigError(f"{error.filename}: cannot read the directory: {error.strerror}")

    for folder, dirs, names in os.walk(root, onerror=fail):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and not _matches(os.path.join(folder, d), exclude)
        )
        for name in sorted(names):
            path = os.path.normpath(os.path.join(folder, name))
            if (
                _matches(path, include)
                and not _matches(path, exclude)
                and os.path.isfile(path)  # not a FIFO or a device that happens to match
            ):
                found.append(path)
    return found


# --- linting --------------------------------------------------------------------------


def lint_data(
    data: bytes, format: Format, job: Job
) -> tuple[list[Problem], bytes | None, tuple[Change, ...]]:
    """Lint one file's bytes: its problems, the fixed bytes (or None) and the changes."""
    source = load_bytes(data, format)
    everything = LintOptions(job.options.kind, job.options.profile)
    problems = check_source(source, everything)
    fixed: bytes | None = None
    changes: tuple[Change, ...] = ()
    if job.fix and any(p.code in FIXABLE for p in problems):
        result = fix_source(source, problems, job.options)
        if result.text is not None:
            fixed, changes = _encode(result.text, source.bom), result.changes
            source = load_bytes(fixed, format)
            problems = check_source(source, everything)
    return [p for p in problems if job.options.wants(p.code)], fixed, changes


def _encode(text: str, bom: bool) -> bytes:
    return ("\ufeff" + text if bom else text).encode("utf-8", "surrogatepass")


def lint_path(path: str, job: Job) -> FileReport:
    """Lint (and with ``job.fix``, repair) the file at ``path``. Never raises for its content.

    Fixing standard input writes the text to standard output, fixed or as it came, so
    ``ttsbuilder lint --fix - < a.json > b.json`` always leaves a whole file in b.json.
    """
    try:
        data = read_input(path)
    except TooLarge as exc:
        problem = TOO_COMPLEX.problem("", f"the file is {exc.strerror}").at(1, 1)
        if job.options.wants(problem.code):
            return FileReport(path, (problem,))
        return FileReport(path, error=f"{path}: {exc.strerror}")  # never skipped silently
    except OSError as exc:
        name = "standard input" if path == "-" else path
        return FileReport(path, error=f"{name}: cannot read the file: {exc.strerror or exc}")
    named = job.stdin_format if path == "-" else format_for(path)
    format = named or sniff_format(data)
    problems, fixed, changes = lint_data(data, format, job)
    if path == "-":
        if job.fix:
            sys.stdout.buffer.write(data if fixed is None else fixed)
            sys.stdout.flush()
    elif fixed is not None:
        try:
            write_atomically(path, fixed)
        except OSError as exc:
            # The file is as it was: report its own problems, not the fixed text's.
            unfixed, _, _ = lint_data(data, format, Job(job.options))
            return FileReport(
                path, tuple(unfixed), error=f"{path}: cannot write the fix: {exc.strerror or exc}"
            )
    return FileReport(path, tuple(problems), changes)


def _lint_path_safely(path: str, job: Job) -> FileReport:
    try:
        return lint_path(path, job)
    except TTSBuilderError as exc:
        return FileReport(path, error=f"{path}: {exc}")
    except OSError:  # writing standard output (lint --fix -) failed: the command says so
        raise
    except Exception as exc:  # a bug: one file must not cost the report of all the others
        if os.environ.get("TTSBUILDER_DEBUG", "") not in ("", "0"):
            import traceback

            traceback.print_exc()
        return FileReport(path, error=f"{path}: internal error: {type(exc).__name__}: {exc}")


def lint_files(
    files: Sequence[str],
    job: Job | None = None,
    *,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[FileReport]:
    """Lint ``files`` in order, in ``jobs`` worker processes when there are many.

    ``jobs`` defaults to the number of cores; ``progress(done, total)`` is called after
    each file.
    """
    job = job or Job()
    workers = jobs or os.cpu_count() or 1
    total = len(files)
    if workers > 1 and total > PARALLEL_THRESHOLD and "-" not in files:
        from concurrent.futures import ProcessPoolExecutor

        workers = min(workers, total // 10 or 1)
        chunk = max(1, total // (workers * 8))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for done, report in enumerate(
                pool.map(_lint_path_safely, files, [job] * total, chunksize=chunk), 1
            ):
                if progress is not None:
                    progress(done, total)
                yield report
        return
    for done, path in enumerate(files, 1):
        report = _lint_path_safely(path, job)
        if progress is not None:
            progress(done, total)
        yield report


# --- configuration ----------------------------------------------------------------------


def find_config(start: str = ".") -> str | None:
    """The nearest ``pyproject.toml`` at or above ``start`` with a ``[tool.ttsbuilder]`` table."""
    folder = os.path.abspath(start)
    while True:
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate) and "tool.ttsbuilder" in _read_text(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _read_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def load_config(path: str) -> dict[str, Any]:
    """The ``[tool.ttsbuilder]`` table of the TOML file at ``path``, type-checked.

    Unknown keys are ignored (other ttsbuilder commands may read them); a key of the
    wrong type raises :class:`ConfigError`.
    """
    # Python 3.10 has no tomllib; the tomli backport is the same module under another name.
    tomllib: Any = importlib.import_module("tomllib" if sys.version_info >= (3, 11) else "tomli")
    try:
        with open(path, "rb") as handle:
            table = tomllib.load(handle).get("tool", {}).get("ttsbuilder", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc}") from None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.ttsbuilder] is not a table")
    config: dict[str, Any] = {}
    value: Any
    for key, value in table.items():
        name = key.replace("-", "_")
        expected = CONFIG_KEYS.get(name)
        if expected is None:
            continue
        if expected is list:
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise ConfigError(f"{path}: [tool.ttsbuilder] {key} must be a list of strings")
        elif not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(
                f"{path}: [tool.ttsbuilder] {key} must be {_TYPE_NAMES[expected]}, got {value!r}"
            )
        config[name] = value
    return config
