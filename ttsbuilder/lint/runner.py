"""Running the linter over many files: parallel jobs, fixes, skipping non-prompts.

Which files to run over is :mod:`ttsbuilder.lint.discovery`'s business.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> with open(os.path.join(folder, "hi.json"), "w") as f:
...     _ = f.write('{"text": "Hello"}')
>>> [(os.path.basename(r.path), r.problems) for r in lint_files([f"{folder}/hi.json"])]
[('hi.json', ())]
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace

from ttsbuilder._files import write_atomically
from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.lint.check import LintOptions, check_source
from ttsbuilder.lint.diff import unified_diff
from ttsbuilder.lint.discovery import matches_glob, mentions_prompt, prompt_source
from ttsbuilder.lint.fix import FIXABLE, Change, fix_source
from ttsbuilder.lint.loaders import Format, Source, format_for, load_bytes, sniff_format
from ttsbuilder.lint.reading import TooLarge, read_input
from ttsbuilder.problems import Problem
from ttsbuilder.rules.source import TOO_COMPLEX

__all__ = ["PARALLEL_THRESHOLD", "FileReport", "Job", "lint_data", "lint_files", "lint_path"]

#: Below this many files, starting worker processes costs more than it saves (measured:
#: 1,000 small JSON files lint faster in one process than in two on a 2-core machine).
PARALLEL_THRESHOLD = 500


@dataclass(frozen=True, slots=True)
class FileReport:
    """What linting one file found: its problems, the fixes written, or an I/O error.

    ``skipped``: the file holds no prompt and was not checked (see ``prompts_only``).
    """

    path: str
    problems: tuple[Problem, ...] = ()
    changes: tuple[Change, ...] = ()
    error: str | None = None
    unsafe: int = 0  # fixes left out: they would need --unsafe-fixes
    skipped: bool = False
    diff: str = ""  # with Job.diff: the fixes as a unified diff, not written


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a worker needs to lint one file (picklable)."""

    options: LintOptions = field(default_factory=LintOptions)
    fix: bool = False
    unsafe_fixes: bool = False
    stdin_format: Format | None = None  # None: sniff standard input
    diff: bool = False  # fix, but write nothing: FileReport.diff shows the change
    #: [tool.ttsbuilder.per-file-ignores]: (glob, codes) pairs, globs relative to ``root``.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    root: str = "."

    def for_path(self, path: str) -> Job:
        """This job for the file at ``path``: its per-file ignores added to ``ignore``.

        >>> job = Job(per_file_ignores=(("legacy/*.yaml", ("TTS212",)),))
        >>> job.for_path("legacy/a.yaml").options.ignore, job.for_path("a.yaml").options.ignore
        (('TTS212',), ())
        """
        if not self.per_file_ignores or path == "-":
            return self
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root))
        if relative.startswith(".." + os.sep):
            relative = os.path.basename(path)
        extra = tuple(
            code
            for glob, codes in self.per_file_ignores
            if matches_glob(relative, [glob])
            for code in codes
        )
        if not extra:
            return self
        options = replace(self.options, ignore=self.options.ignore + extra)
        return replace(self, options=options)


# --- linting --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Linted:
    """One file's bytes linted: the problems (of the fixed text, when fixed) and the fix."""

    problems: list[Problem]
    unfixed: list[Problem]  # the problems of the bytes as they were
    fixed: bytes | None = None
    changes: tuple[Change, ...] = ()
    unsafe: int = 0


def lint_data(data: bytes, format: Format, job: Job, source: Source | None = None) -> Linted:
    """Lint (and with ``job.fix``, fix) one file's bytes.

    One way through: load and check once, and when fixing, plan, apply, load and check
    the result (in :func:`~ttsbuilder.lint.fix.fix_source`), whose problems are reported.
    ``source``: the bytes already loaded, to spare loading them again.
    """
    source = source or load_bytes(data, format)
    everything = LintOptions(job.options.kind, job.options.profile)
    problems = check_source(source, everything)
    selected = [p for p in problems if job.options.wants(p.code)]
    if not job.fix or not any(p.code in FIXABLE for p in problems):
        return Linted(selected, selected)
    result = fix_source(source, problems, job.options, unsafe=job.unsafe_fixes)
    if result.text is None:
        return Linted(selected, selected, unsafe=result.unsafe)
    fixed = [p for p in result.problems if job.options.wants(p.code)]
    return Linted(fixed, selected, _encode(result.text, source.bom), result.changes, result.unsafe)


def _encode(text: str, bom: bool) -> bytes:
    return ("\ufeff" + text if bom else text).encode("utf-8", "surrogatepass")


def lint_path(path: str, job: Job, *, prompts_only: bool = False) -> FileReport:
    """Lint (and with ``job.fix``, repair) the file at ``path``. Never raises for its content.

    ``prompts_only``: a file that holds no prompt is skipped (``FileReport.skipped``).
    Fixing standard input writes the text to standard output, fixed or as it came, so
    ``ttsbuilder lint --fix - < a.json > b.json`` always leaves a whole file in b.json.
    """
    try:
        data = read_input(path)
    except TooLarge as exc:
        if prompts_only and not _starts_like_a_prompt(path):
            return FileReport(path, skipped=True)
        problem = TOO_COMPLEX.problem("", f"the file is {exc.strerror}").at(1, 1)
        if job.options.wants(problem.code):
            return FileReport(path, (problem,))
        return FileReport(path, error=f"{path}: {exc.strerror}")  # never skipped silently
    except OSError as exc:
        name = "standard input" if path == "-" else path
        return FileReport(path, error=f"{name}: cannot read the file: {exc.strerror or exc}")
    named = job.stdin_format if path == "-" else format_for(path)
    format = named or sniff_format(data)
    found = prompt_source(data, format) if prompts_only else load_bytes(data, format)
    if found is None:
        return FileReport(path, skipped=True)
    source = found
    job = job.for_path(path)
    linted = lint_data(data, format, replace(job, fix=job.fix or job.diff), source)
    if job.diff:  # the problems are those the fixes would leave
        fixed = linted.fixed
        shown = unified_diff(path, data, fixed) if fixed is not None else ""
        return FileReport(
            path, tuple(linted.problems), linted.changes, unsafe=linted.unsafe, diff=shown
        )
    if path == "-":
        if job.fix:
            sys.stdout.buffer.write(data if linted.fixed is None else linted.fixed)
            sys.stdout.flush()
    elif linted.fixed is not None:
        try:
            write_atomically(path, linted.fixed, expect=data)
        except OSError as exc:
            # The file is as it was: report its own problems, not the fixed text's.
            reason = exc.strerror or str(exc)
            return FileReport(
                path, tuple(linted.unfixed), error=f"{path}: cannot write the fix: {reason}"
            )
    return FileReport(path, tuple(linted.problems), linted.changes, unsafe=linted.unsafe)


def _starts_like_a_prompt(path: str) -> bool:
    """For a file too large to check: whether its first MiB holds a prompt's key."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        return True  # cannot tell: report it rather than pass it silently
    return mentions_prompt(head)


def _lint_path_safely(path: str, job: Job, prompts_only: bool = False) -> FileReport:
    try:
        return lint_path(path, job, prompts_only=prompts_only)
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
    prompts_only: Collection[str] = (),
) -> Iterator[FileReport]:
    """Lint ``files`` in order, in ``jobs`` worker processes when there are many.

    ``jobs`` defaults to the number of cores; ``progress(done, total)`` is called after
    each file. The files in ``prompts_only`` are checked only when they hold a prompt
    (:func:`ttsbuilder.lint.discovery.holds_prompt`), and skipped otherwise.
    """
    only = set(prompts_only)
    job = job or Job()
    workers = jobs or os.cpu_count() or 1
    total = len(files)
    if workers > 1 and total > PARALLEL_THRESHOLD and "-" not in files:
        from concurrent.futures import ProcessPoolExecutor

        workers = min(workers, total // 10 or 1)
        chunk = max(1, total // (workers * 8))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for done, report in enumerate(
                pool.map(
                    _lint_path_safely,
                    files,
                    [job] * total,
                    [path in only for path in files],
                    chunksize=chunk,
                ),
                1,
            ):
                if progress is not None:
                    progress(done, total)
                yield report
        return
    for done, path in enumerate(files, 1):
        report = _lint_path_safely(path, job, path in only)
        if progress is not None:
            progress(done, total)
        yield report
