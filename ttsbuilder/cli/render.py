"""``ttsbuilder render FILE|-``: the SSML of a prompt file on standard output.

Problems go to standard error as ``path:line:col: CODE severity message``; with any
error nothing is rendered and the exit status is 1. A catalog file holds several
prompts: ``--pointer`` picks one (``/welcome``, ``/0``).

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> configure(parser)
>>> parser.parse_args(["prompt.json", "--target", "w3c"]).target
'w3c'
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["HELP", "add_dialect", "configure", "resolve_pointer", "run"]

HELP = "print the SSML of a prompt file; problems go to standard error"


def add_dialect(parser: argparse.ArgumentParser) -> None:
    """Add ``--dialect``: the SSML dialect an SSML input file is written in."""
    from ttsbuilder.ssml.names import TARGETS

    parser.add_argument(
        "--dialect",
        choices=TARGETS,
        default="azure",
        help="the SSML dialect of an SSML file: what its values mean (default: azure)",
    )


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the render options to ``parser``."""
    from ttsbuilder.profiles import PROFILES
    from ttsbuilder.ssml.names import TARGETS
    from ttsbuilder.validation import KINDS

    parser.add_argument("file", metavar="FILE", help="a JSON or YAML prompt file, or - for stdin")
    parser.add_argument(
        "--target", choices=TARGETS, default="azure", help="SSML dialect (default: azure)"
    )
    parser.add_argument("--kind", choices=KINDS, default="auto", help="what the file holds")
    parser.add_argument(
        "--profile", choices=tuple(PROFILES), default="enablex", help="limits to check"
    )
    parser.add_argument("--voice", help="female, male or a voice name (the payload's wins)")
    parser.add_argument("--language", help="spoken language, e.g. en-US (the payload's wins)")
    parser.add_argument("--pretty", action="store_true", help="indent elements that hold no text")
    add_dialect(parser)
    parser.add_argument(
        "--pointer", metavar="POINTER", help="the prompt to render in a catalog (a JSON pointer)"
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name to report for - (its ending picks JSON or YAML)",
    )


def resolve_pointer(document: Any, pointer: str) -> Any:
    """The value at RFC 6901 ``pointer`` in ``document``; KeyError when there is none.

    >>> resolve_pointer({"a": [{"b/c": 1}]}, "/a/0/b~1c")
    1
    """
    value = document
    if not pointer:
        return value
    if not pointer.startswith("/"):
        raise KeyError(pointer)
    for token in pointer[1:].split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if type(value) is dict and token in value:
            value = value[token]
        elif type(value) is list and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            raise KeyError(pointer)
    return value


def _fail(message: str, status: int = 2) -> int:
    from ttsbuilder._output import printable

    print(printable(f"ttsbuilder render: error: {message}"), file=sys.stderr)
    return status


def _many(name: str, pointers: list[str]) -> int:
    where = ", ".join(p or "/" for p in pointers[:5]) + (", ..." if len(pointers) > 5 else "")
    return _fail(f"{name} holds {len(pointers)} prompts ({where}): pick one with --pointer")


def run(args: argparse.Namespace) -> int:
    """Render the file in ``args``; return 0, 1 (problems) or 2 (usage or I/O error)."""
    from ttsbuilder.errors import ArgumentError, TTSBuilderError
    from ttsbuilder.lint.check import LintOptions, check_source
    from ttsbuilder.lint.formats import format_text, text_line
    from ttsbuilder.lint.loaders import format_for, load_bytes, sniff_format
    from ttsbuilder.lint.reading import read_input
    from ttsbuilder.validation import detect

    name = (args.stdin_filename or "-") if args.file == "-" else args.file
    try:
        data = read_input(args.file)
    except OSError as exc:
        return _fail(f"cannot read {name}: {exc.strerror or exc}")
    form = format_for(name) or sniff_format(data)
    if form == "ssml":
        from ttsbuilder.lint.ssml_files import load_ssml

        source = load_ssml(data, target=args.dialect)
    else:
        source = load_bytes(data, form)
    problems = check_source(source, LintOptions(args.kind, args.profile))
    if problems:
        print(format_text([(name, p) for p in problems], 1), file=sys.stderr)
    if any(p.is_error for p in problems) or not source.parsed:
        return 1
    document = source.document
    pointer = args.pointer
    if pointer is None and args.kind != "auto" and type(document) is list:
        return _many(name, [f"/{index}" for index in range(len(document))])
    if pointer is None and args.kind == "auto":
        found = detect(document)
        if len(found) > 1:
            return _many(name, [p for _, p in found])
        pointer = found[0][1] if found else ""
    try:
        prompt = resolve_pointer(document, pointer or "")
    except KeyError:
        return _fail(f"{name} has nothing at pointer {pointer!r}")
    from ttsbuilder.ssml import render_ssml_with_problems

    try:
        ssml, notes = render_ssml_with_problems(
            prompt,
            args.target,
            voice=args.voice,
            language=args.language,
            pretty=args.pretty,
            profile=args.profile,
        )
    except ArgumentError as exc:  # --voice or --language: a usage error, as in preview
        return _fail(str(exc))
    except TTSBuilderError as exc:
        return _fail(str(exc), 1)
    # Validation warnings were shown above; the target's own (TTS6xx) notes and its
    # platform's limits (TTS9xx) are new.
    prefix = pointer or ""
    rendering = [p.under(prefix) for p in notes if p.code.startswith(("TTS6", "TTS9"))]
    if rendering:
        for p in rendering:
            print(text_line(name, p.at(*source.locate(p.pointer))), file=sys.stderr)
    if any(p.is_error for p in rendering):
        return 1  # a request the platform refuses: nothing is rendered
    sys.stdout.write(ssml if ssml.endswith("\n") else ssml + "\n")
    return 0
