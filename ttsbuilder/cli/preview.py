"""``ttsbuilder preview``: hear a prompt offline and see how long each part lasts.

    ttsbuilder preview welcome.json -o welcome.wav
    ttsbuilder preview welcome.json --timeline
    ttsbuilder preview - --format json < welcome.json
    ttsbuilder preview welcome.yaml --timeline-image welcome.svg

Exit codes: 0 previewed (warnings allowed), 1 the document has errors, 2 usage or I/O
error (a bad ``--voice`` or ``--language``, a prompt over the preview's limits, no
memory), or the ``preview`` extra is missing.
"""

from __future__ import annotations

import argparse
import io
import sys
from typing import TYPE_CHECKING, Any, BinaryIO, cast

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ttsbuilder.lint.loaders import Source
    from ttsbuilder.problems import Problem

__all__ = ["HELP", "configure", "run"]

HELP = "speak a prompt offline with eSpeak NG into a WAV file, and show its timeline"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``preview`` arguments to ``parser``."""
    from ttsbuilder.profiles import PROFILES

    parser.add_argument("file", metavar="FILE", help="a JSON or YAML prompt file, or - for stdin")
    parser.add_argument(
        "-o", "--output", metavar="WAV", help="write the audio here (16-bit mono WAV; - for stdout)"
    )
    parser.add_argument(
        "--timeline", action="store_true", help="print where each node starts and ends"
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    parser.add_argument("--timeline-image", metavar="SVG", help="draw the timeline as an SVG file")
    parser.add_argument(
        "--profile", choices=tuple(PROFILES), default="enablex", help="limits to validate with"
    )
    parser.add_argument(
        "--language",
        help="spoken language, a BCP 47 tag such as en-US, where the payload names none",
    )
    parser.add_argument(
        "--voice",
        help="male or female where the payload names none, or a voice eSpeak NG lists "
        "(en-us, en-us+f3)",
    )


class _Discard(io.RawIOBase):
    """A binary file that forgets what is written to it."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        return len(data)


def _fail(message: str) -> int:
    from ttsbuilder._output import printable

    print(printable(f"ttsbuilder preview: {message}"), file=sys.stderr)
    return 2


def _located(source: Source, problem: Problem) -> Problem:
    if problem.line is None and source.parsed:
        line, column = source.locate(problem.pointer)
        problem = problem.at(line, column)
    return problem


def _problem_dict(problem: Problem) -> dict[str, Any]:
    return {
        "code": problem.code,
        "severity": problem.severity.value,
        "pointer": problem.pointer,
        "message": problem.message,
        "hint": problem.hint,
        "line": problem.line,
        "column": problem.column,
    }


def run(args: argparse.Namespace) -> int:
    """Run ``ttsbuilder preview``; returns the exit code."""
    from ttsbuilder._files import same_file, write_output
    from ttsbuilder._output import printable, to_json
    from ttsbuilder.errors import TTSBuilderError, ValidationError
    from ttsbuilder.lint.formats import text_line
    from ttsbuilder.lint.loaders import format_for, load_bytes, sniff_format
    from ttsbuilder.lint.reading import read_input
    from ttsbuilder.preview import preview_wav
    from ttsbuilder.problems import errors_in

    name = "<stdin>" if args.file == "-" else args.file
    # An empty name is a script's unset variable (-o "$OUT"), never a file to skip quietly.
    for option, value in (("-o", args.output), ("--timeline-image", args.timeline_image)):
        if value == "":
            return _fail(f"{option} needs a file name (or - for standard output), not ''")
    # A slip of the fingers (-o welcome.json) must not replace the prompt with audio.
    for option, value in (("-o", args.output), ("--timeline-image", args.timeline_image)):
        if value not in (None, "-") and args.file != "-" and same_file(args.file, value):
            return _fail(f"{option} {value} is the prompt file itself: it would be overwritten")
    both = args.output not in (None, "-") and args.timeline_image is not None
    if both and same_file(args.output, args.timeline_image):
        return _fail(f"-o and --timeline-image name the same file, {args.output}")
    if args.output == "-" and (args.timeline or args.format == "json"):
        return _fail(
            "-o - writes the audio to stdout: it cannot be combined with --timeline "
            "or --format json"
        )
    try:
        data = read_input(args.file)
    except OSError as exc:
        return _fail(f"cannot read {name}: {exc.strerror or exc}")
    source = load_bytes(data, format_for(name) or sniff_format(data))

    def report(problems: Sequence[Problem]) -> None:
        for problem in problems:
            print(text_line(name, _located(source, problem)), file=sys.stderr)

    if errors_in(source.problems):
        report(source.problems)
        return 1
    options: dict[str, Any] = {"profile": args.profile, "voice": args.voice}
    options["language"] = args.language
    # The WAV is streamed to its file (atomically: a temporary file, then a rename), never
    # held whole in memory; stdout gets it as it is made.
    try:
        if args.output == "-":
            sys.stdout.flush()
            result = preview_wav(source.document, sys.stdout.buffer, **options)
            sys.stdout.buffer.flush()
            line, warnings = result.timeline, result.problems
        elif args.output:
            result = preview_wav(source.document, args.output, **options)
            line, warnings = result.timeline, result.problems
        else:  # the timeline and the warnings only: the audio goes nowhere
            result = preview_wav(source.document, cast(BinaryIO, _Discard()), **options)
            line, warnings = result.timeline, result.problems
    except ValidationError as exc:
        report(exc.problems)
        return 1
    except TTSBuilderError as exc:
        # The library names the stream it could not write; when that is standard output,
        # ttsbuilder.cli.main reports it the one way every command does (docs/cli.md).
        failures = getattr(sys.stdout, "failures", None)
        if args.output == "-" and failures:
            raise failures[0] from None
        return _fail(str(exc))
    except MemoryError:
        return _fail("not enough memory to preview this prompt: preview it in parts")
    except OSError as exc:
        if args.output == "-":  # standard output: ttsbuilder.cli.main reports it (docs/cli.md)
            raise
        return _fail(f"cannot write {args.output}: {exc.strerror or exc}")
    problems = [_located(source, p) for p in (*source.problems, *warnings)]
    if args.format == "text":
        report(problems)
    if args.timeline_image:
        try:
            write_output(args.timeline_image, line.to_svg().encode("utf-8"))
        except OSError as exc:
            return _fail(f"cannot write {args.timeline_image}: {exc.strerror or exc}")
    if args.format == "json":
        out = {"file": name, "output": args.output, **line.to_dict()}
        out["problems"] = [_problem_dict(p) for p in problems]
        print(to_json(out))
    elif args.timeline:
        print("\n".join(printable(text) for text in line.to_text().split("\n")))
    else:
        summary = f"{name}: {line.duration:.3f} s (eSpeak NG voice {line.voice})"
        print(printable(summary), file=sys.stderr if args.output == "-" else sys.stdout)
    return 0
