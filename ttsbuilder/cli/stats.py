"""``ttsbuilder stats PATH...``: how long and how expensive each prompt is, per platform.

Files are found as ``ttsbuilder lint`` finds them (with its ``[tool.ttsbuilder]``
``include``, ``exclude`` and ``profile``); every prompt in them (``kind`` auto)
is measured with :func:`ttsbuilder.measure` in each ``--target`` (default: azure, polly
and google). A file with errors is reported as lint reports it and not measured.
Exit status: 0, 1 (a file has errors or a prompt is over a platform's limit), 2 (usage
or I/O error, or ``--duration`` without the ``preview`` extra). See docs/cli.md.

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> configure(parser)
>>> args = parser.parse_args(["prompts/", "--target", "polly", "--format", "json"])
>>> args.target, args.format
(['polly'], 'json')
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ttsbuilder.budget import Budget

__all__ = ["HELP", "configure", "run"]

HELP = "report each prompt's size, billable characters and pauses per platform"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the stats options to ``parser``."""
    from ttsbuilder.profiles import PROFILES
    from ttsbuilder.ssml.names import TARGETS

    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files, directories (searched for *.json, *.yaml, *.yml) or - (default: .)",
    )
    parser.add_argument(
        "--target",
        action="append",
        choices=TARGETS,
        help="SSML target to measure in; repeat for several (default: azure, polly, google)",
    )
    parser.add_argument(
        "--profile", choices=tuple(PROFILES), help="limits to check (default: enablex)"
    )
    parser.add_argument("--voice", help="female, male or a voice name (the payload's wins)")
    parser.add_argument("--language", help="spoken language, e.g. en-US (the payload's wins)")
    parser.add_argument(
        "--duration",
        action="store_true",
        help="also speak each prompt offline to measure its length (needs the preview extra)",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--include", action="append", metavar="GLOB", help="file globs searched in directories"
    )
    parser.add_argument(
        "--exclude", action="append", metavar="GLOB", help="skip files and directories matching"
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="read [tool.ttsbuilder] from FILE (default: nearest pyproject.toml)",
    )
    parser.add_argument(
        "--stdin-filename", metavar="NAME", help="the name to report for - (picks JSON or YAML)"
    )


def _line(name: str, pointer: str, budget: Budget) -> str:
    where = f"{name}{pointer and ':' + pointer}"
    parts = [f"{budget.characters} characters spoken"]
    if budget.billable_characters is not None:
        parts.append(f"{budget.billable_characters} billable")
    parts.append(f"{budget.ssml_bytes} bytes of SSML")
    parts.append(f"{budget.breaks} {'break' if budget.breaks == 1 else 'breaks'}")
    parts.append(f"{budget.pause_ms / 1000:g} s of pauses")
    if budget.duration is not None:
        parts.append(f"{budget.duration:.2f} s of audio")
    over = [f"{a.what} {a.used}/{a.limit}" for a in budget.allowances if a.exceeded]
    if over:
        parts.append("OVER " + ", ".join(over))
    return f"{where} {budget.target}: " + ", ".join(parts)


def _measure_file(
    path: str, name: str, args: argparse.Namespace, targets: list[str], named: bool
) -> tuple[list[tuple[str, Budget]], list[str], bool]:
    """(pointer, budget) of each prompt in ``path``, the problem lines, and whether it failed.

    A file found in a folder (not ``named``) that holds no prompt is passed over, as
    ``ttsbuilder lint`` passes it over.
    """
    from ttsbuilder.budget import measure
    from ttsbuilder.errors import (
        ArgumentError,
        MissingExtraError,
        TTSBuilderError,
        ValidationError,
    )
    from ttsbuilder.lint.check import LintOptions, check_source
    from ttsbuilder.lint.discovery import prompt_source
    from ttsbuilder.lint.formats import text_line
    from ttsbuilder.lint.loaders import format_for, load_bytes, sniff_format
    from ttsbuilder.lint.reading import read_input
    from ttsbuilder.rules.render import NOTHING_TO_RENDER
    from ttsbuilder.validation import bodies

    data = read_input(path)
    format = format_for(args.stdin_filename or "") if path == "-" else format_for(path)
    format = format or sniff_format(data)
    loaded = load_bytes(data, format) if named else prompt_source(data, format)
    if loaded is None:
        return [], [], False
    source = loaded
    problems = check_source(source, LintOptions("auto", args.profile))
    errors = [p for p in problems if p.is_error]
    lines = [text_line(name, p) for p in errors]
    if errors or not source.parsed:
        return [], lines, True
    found: list[tuple[str, Budget]] = []
    failed = False
    for _, pointer, body in bodies(source.document):
        for target in targets:
            try:
                budget = measure(
                    body,
                    target,  # type: ignore[arg-type]
                    voice=args.voice,
                    language=args.language,
                    profile=args.profile,
                    duration=args.duration,
                )
            except ValidationError as exc:
                if {p.code for p in exc.problems if p.is_error} == {NOTHING_TO_RENDER.code}:
                    break  # a hold or a recording body: no speech, nothing to measure
                lines.append(f"{name}{pointer and ':' + pointer} {target}: {exc}")
                failed = True
                continue
            except (MissingExtraError, ArgumentError):
                raise  # not this prompt's fault: the whole run stops (status 2)
            except TTSBuilderError as exc:
                lines.append(f"{name}{pointer and ':' + pointer} {target}: {exc}")
                failed = True
                continue
            for problem in budget.problems:
                if problem.is_error:
                    at = problem.under(pointer)
                    lines.append(text_line(name, at.at(*source.locate(at.pointer))))
            failed = failed or not budget.within_limits
            found.append((pointer, budget))
    return found, lines, failed


def run(args: argparse.Namespace) -> int:
    """Measure the prompts in ``args``; print the report; return 0, 1 or 2."""

    from ttsbuilder._output import printable
    from ttsbuilder.errors import ArgumentError, MissingExtraError
    from ttsbuilder.lint.config import ConfigError, resolve
    from ttsbuilder.lint.discovery import DEFAULT_INCLUDE, find
    from ttsbuilder.profiles import PROFILES
    from ttsbuilder.ssml.limits import BILLING_TARGETS

    # Without --target: every platform that bills (azure, polly, google).
    targets = list(dict.fromkeys(args.target or BILLING_TARGETS))
    try:
        # The files lint finds: the same [tool.ttsbuilder] include, exclude and profile.
        config = resolve(args.config)
        include = tuple(args.include or config["include"] or DEFAULT_INCLUDE)
        exclude = tuple(args.exclude or config["exclude"])
        args.profile = args.profile or config["profile"]
        if args.profile not in PROFILES:
            raise ConfigError(f"profile {args.profile!r} is not one of {', '.join(PROFILES)}")
        files = find(args.paths or ["."], include, exclude)
    except ConfigError as exc:
        print(printable(f"ttsbuilder stats: error: {exc}"), file=sys.stderr)
        return 2
    records: list[dict[str, Any]] = []
    failed = io_error = False
    for file in files:
        path = file.path
        name = (args.stdin_filename or "-") if path == "-" else path
        try:
            found, lines, bad = _measure_file(path, name, args, targets, file.named)
        except OSError as exc:
            print(
                printable(f"ttsbuilder stats: error: {name}: {exc.strerror or exc}"),
                file=sys.stderr,
            )
            io_error = True
            continue
        except (MissingExtraError, ArgumentError) as exc:
            # --duration without the preview extra; a --voice or --language no target takes
            print(printable(f"ttsbuilder stats: error: {exc}"), file=sys.stderr)
            return 2
        for line in lines:
            print(printable(line), file=sys.stderr)
        failed = failed or bad
        for pointer, budget in found:
            if args.format == "json":
                records.append({"file": name, "pointer": pointer, **budget.as_dict()})
            else:
                print(printable(_line(name, pointer, budget)))
    if args.format == "json":
        print(json.dumps(records, indent=2, ensure_ascii=False))
    if io_error:
        return 2
    return 1 if failed else 0
