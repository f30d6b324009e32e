"""``ttsbuilder lint PATH...``: check stored prompt files, report problems with positions.

Settings come from the command line, else ``[tool.ttsbuilder]`` in the nearest
``pyproject.toml``, else the defaults. See docs/cli.md.

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> configure(parser)
>>> parser.parse_args(["--strict", "prompts/"]).strict
True
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, TextIO

__all__ = ["HELP", "configure", "run"]

HELP = "check prompt files (JSON, YAML, SSML) and report problems with line and column"

#: Lint at least this many files before a progress bar is worth showing.
_PROGRESS_MIN_FILES = 20


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _codes(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the lint options to ``parser``."""
    from ttsbuilder.lint.formats import FORMATTERS
    from ttsbuilder.profiles import PROFILES
    from ttsbuilder.validation import KINDS

    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files, directories (searched for *.json, *.yaml, *.yml) or - for standard "
        "input (default: .)",
    )
    parser.add_argument("--kind", choices=KINDS, help="what each prompt is (default: auto)")
    parser.add_argument(
        "--profile", choices=tuple(PROFILES), help="limits to check (default: enablex)"
    )
    parser.add_argument("--format", choices=tuple(FORMATTERS), help="output format (default: text)")
    parser.add_argument(
        "--strict",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="warnings fail too (exit 1)",
    )
    parser.add_argument(
        "--fix",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="repair what cannot change what is spoken (aliases, case, numbering), in place",
    )
    parser.add_argument(
        "--unsafe-fixes",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="with --fix, also make the fixes that change what is spoken (repeated keys "
        "renumbered, so that every one is spoken)",
    )
    parser.add_argument(
        "-j", "--jobs", type=_positive, help="worker processes (default: all cores)"
    )
    parser.add_argument(
        "--select",
        type=_codes,
        action="extend",
        metavar="CODES",
        help="report only these codes, prefixes or rule names (comma-separated)",
    )
    parser.add_argument(
        "--ignore",
        type=_codes,
        action="extend",
        metavar="CODES",
        help="do not report these codes, prefixes or rule names (comma-separated)",
    )
    parser.add_argument(
        "--include",
        action="append",
        metavar="GLOB",
        help="file globs searched in directories (default: *.json *.yaml *.yml)",
    )
    parser.add_argument(
        "--exclude", action="append", metavar="GLOB", help="skip files and directories matching"
    )
    parser.add_argument(
        "--prompts-only",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="check only files that hold a prompt, named ones too (default: only files "
        "found in directories); --no-prompts-only checks every file",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="read [tool.ttsbuilder] from FILE (default: nearest pyproject.toml)",
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name to report for - (its ending picks JSON or YAML)",
    )


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    from ttsbuilder.lint.check import unknown_selectors
    from ttsbuilder.lint.config import ConfigError, defaults, find_config, load_config

    settings = defaults()
    config_path = args.config or find_config()
    if config_path is not None:
        if not os.path.isfile(config_path):
            raise ConfigError(f"{config_path}: no such configuration file")
        settings.update(load_config(config_path))
    for key in settings:
        value = getattr(args, key, None)
        if value is not None:
            settings[key] = value
    # The table's values were checked with their file and key; these came from options.
    unknown = unknown_selectors(tuple(args.select or ()) + tuple(args.ignore or ()))
    if unknown:
        raise ConfigError(f"unknown rule code or name: {', '.join(unknown)}")
    return settings


class _Progress:
    """A one-line progress bar on standard error, redrawn about a hundred times in all."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.step = max(1, total // 100)

    def __call__(self, done: int, total: int) -> None:
        if done % self.step and done != total:
            return
        width = 30
        filled = width * done // total
        bar = "#" * filled + "." * (width - filled)
        self.stream.write(f"\rlinting [{bar}] {done}/{total}")
        if done == total:
            self.stream.write("\r" + " " * (width + 30) + "\r")
        self.stream.flush()


def run(args: argparse.Namespace) -> int:
    """Lint the paths in ``args``; print the report; return 0, 1 or 2 (see docs/cli.md)."""
    from ttsbuilder._output import printable
    from ttsbuilder.lint.check import LintOptions
    from ttsbuilder.lint.config import ConfigError
    from ttsbuilder.lint.discovery import DEFAULT_INCLUDE, find
    from ttsbuilder.lint.formats import FORMATTERS, Finding
    from ttsbuilder.lint.loaders import format_for
    from ttsbuilder.lint.runner import Job, lint_files

    try:
        settings = _settings(args)
        found = find(
            args.paths or ["."],
            tuple(settings["include"]) or DEFAULT_INCLUDE,
            tuple(settings["exclude"]),
        )
    except ConfigError as exc:
        print(printable(f"ttsbuilder lint: error: {exc}"), file=sys.stderr)
        return 2
    files = [f.path for f in found]
    only = settings["prompts_only"]
    prompts_only = [f.path for f in found if only or (only is None and not f.named)]
    options = LintOptions(
        settings["kind"],
        settings["profile"],
        tuple(settings["select"]),
        tuple(settings["ignore"]),
    )
    stdin_format = format_for(args.stdin_filename) if args.stdin_filename else None
    job = Job(
        options,
        fix=settings["fix"],
        unsafe_fixes=settings["unsafe_fixes"],
        stdin_format=stdin_format,
    )
    progress = None
    if len(files) >= _PROGRESS_MIN_FILES and sys.stderr.isatty():
        progress = _Progress(sys.stderr, len(files))
    stdin_name = args.stdin_filename or "-"
    # Fixing standard input prints the text on standard output: keep the report apart.
    out = sys.stderr if settings["fix"] and "-" in files else sys.stdout
    findings: list[Finding] = []
    io_errors: list[str] = []
    fixed_files = fixed_problems = hidden = skipped = 0
    reports = lint_files(
        files, job, jobs=settings["jobs"] or None, progress=progress, prompts_only=prompts_only
    )
    for report in reports:
        skipped += report.skipped
        shown = stdin_name if report.path == "-" else report.path
        findings.extend((shown, problem) for problem in report.problems)
        if report.error is not None:
            io_errors.append(report.error)
        hidden += report.unsafe
        if report.changes:
            fixed_files += 1
            fixed_problems += len(report.changes)
            for change in report.changes:
                unsafe = "" if change.safe else " (unsafe fix)"
                line = f"{shown}:{change.line}:{change.column}: fixed {change.code} "
                print(printable(line + change.description + unsafe), file=sys.stderr)
    # A file that could not be read was not checked: "no problems" must not count it.
    checked = len(files) - len(io_errors) - skipped
    output = FORMATTERS[settings["format"]](findings, checked, skipped)
    if output:
        print(output, file=out)
    if fixed_files:
        noun = "problem" if fixed_problems == 1 else "problems"
        where = "file" if fixed_files == 1 else "files"
        print(f"fixed {fixed_problems} {noun} in {fixed_files} {where}", file=sys.stderr)
    if hidden:
        fixes = "fix is" if hidden == 1 else "fixes are"
        print(
            f"{hidden} more {fixes} available with --unsafe-fixes (unsafe: what is spoken changes)",
            file=sys.stderr,
        )
    for message in io_errors:
        print(printable(f"ttsbuilder lint: error: {message}"), file=sys.stderr)
    if io_errors:
        return 2
    failing = [p for _, p in findings if p.is_error or settings["strict"]]
    return 1 if failing else 0
