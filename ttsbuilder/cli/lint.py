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
    from ttsbuilder.lint.config import COLOURS
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
        "--diff",
        action="store_true",
        default=None,
        help="print the fixes as a unified diff and write nothing (exit 1 if there are any)",
    )
    parser.add_argument(
        "--show-fixes",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="list each fix --fix makes (or --diff shows)",
    )
    parser.add_argument(
        "--exit-zero",
        action="store_true",
        default=None,
        help="exit 0 even when problems are found (2 still means a usage or I/O error)",
    )
    parser.add_argument(
        "--statistics",
        action="store_true",
        default=None,
        help="print a count per code, the most frequent first, instead of each problem",
    )
    parser.add_argument(
        "-o",
        "--output-file",
        metavar="FILE",
        help="write the report to FILE (whole or not at all) instead of standard output",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=None,
        help="print the problems only: no summary, no progress, no fix messages",
    )
    parser.add_argument(
        "--color",
        choices=COLOURS,
        help="colour the text report: auto (at a terminal, unless NO_COLOR is set), always, "
        "never (default: auto)",
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
    from ttsbuilder.lint.config import ConfigError, resolve

    settings = resolve(args.config)
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
    from ttsbuilder.lint.formats import FORMATTERS, Finding, format_statistics
    from ttsbuilder.lint.loaders import format_for
    from ttsbuilder.lint.runner import Job, lint_files

    try:
        settings = _settings(args)
        if args.diff and args.fix:
            raise ConfigError("--diff shows the fixes without making them: not with --fix")
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
    diff = bool(args.diff)
    job = Job(
        options,
        fix=settings["fix"] and not diff,
        unsafe_fixes=settings["unsafe_fixes"],
        stdin_format=stdin_format,
        diff=diff,
        per_file_ignores=tuple(
            (glob, tuple(codes)) for glob, codes in settings["per_file_ignores"].items()
        ),
        root=settings.get("root", "."),
    )
    progress = None
    if len(files) >= _PROGRESS_MIN_FILES and sys.stderr.isatty() and not args.quiet:
        progress = _Progress(sys.stderr, len(files))
    stdin_name = args.stdin_filename or "-"
    # Fixing standard input prints the text on standard output: keep the report apart.
    out = sys.stderr if job.fix and "-" in files else sys.stdout
    findings: list[Finding] = []
    io_errors: list[str] = []
    diffs: list[str] = []
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
        if report.diff:
            diffs.append(report.diff.replace(f" {report.path}\n", f" {shown}\n", 2))
        if report.changes:
            fixed_files += 1
            fixed_problems += len(report.changes)
            if settings["show_fixes"]:
                verb = "would fix" if diff else "fixed"
                for change in report.changes:
                    unsafe = "" if change.safe else " (unsafe fix)"
                    line = f"{shown}:{change.line}:{change.column}: {verb} {change.code} "
                    print(printable(line + change.description + unsafe), file=sys.stderr)
    if diff:
        output = "".join(diffs).removesuffix("\n")
    elif args.statistics:
        output = format_statistics(findings, as_json=settings["format"] == "json")
    else:
        # A file that could not be read was not checked: "no problems" must not count it.
        checked = len(files) - len(io_errors) - skipped
        output = FORMATTERS[settings["format"]](findings, checked, skipped)
        if args.quiet and settings["format"] == "text":
            output = "\n".join(output.split("\n")[:-1])  # without the summary
    if not _write_report(output, settings, out, colour=settings["format"] == "text" and not diff):
        return 2
    if fixed_files and not args.quiet:
        noun = "problem" if fixed_problems == 1 else "problems"
        where = "file" if fixed_files == 1 else "files"
        verb = "would fix" if diff else "fixed"
        print(f"{verb} {fixed_problems} {noun} in {fixed_files} {where}", file=sys.stderr)
    if hidden and not args.quiet:
        fixes = "fix is" if hidden == 1 else "fixes are"
        print(
            f"{hidden} more {fixes} available with --unsafe-fixes (unsafe: what is spoken changes)",
            file=sys.stderr,
        )
    for message in io_errors:
        print(printable(f"ttsbuilder lint: error: {message}"), file=sys.stderr)
    if io_errors:
        return 2
    if args.exit_zero:
        return 0
    if diff:
        return 1 if diffs else 0
    failing = [p for _, p in findings if p.is_error or settings["strict"]]
    return 1 if failing else 0


def _write_report(text: str, settings: dict[str, Any], out: TextIO, *, colour: bool) -> bool:
    """Print the report, or write it to the output file; False (said why) when that fails."""
    from ttsbuilder._files import write_atomically
    from ttsbuilder._output import printable
    from ttsbuilder.cli._colour import paint, use_colour

    target = settings["output_file"]
    if target is None or target == "-":
        if text:
            print(paint(text) if colour and use_colour(settings["color"], out) else text, file=out)
            out.flush()  # before the messages on standard error, even into one pipe
        return True
    try:
        write_atomically(target, (text + "\n" if text else "").encode("utf-8"), create=True)
    except OSError as exc:
        message = (
            f"ttsbuilder lint: error: {target}: cannot write the report: {exc.strerror or exc}"
        )
        print(printable(message), file=sys.stderr)
        return False
    return True
