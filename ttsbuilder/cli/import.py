"""``ttsbuilder import FILE.ssml…``: SSML prompts converted to tree files.

Each file is read by the reader :func:`~ttsbuilder.ssml.parse_ssml` uses and checked as
``ttsbuilder lint`` checks an SSML file (Microsoft's schema aside: it is about the SSML,
not the tree). A file a tree cannot hold is refused with its problems, as
``path:line:col: CODE severity message`` on standard error; the others are written
beside it (or in ``-o DIR``) as ``NAME.json`` or ``NAME.yaml``. An existing file is
never replaced unless ``--force``; every file is written whole or not at all.

Exit status: 0 every file converted, 1 some refused, 2 usage or I/O error (a file that
cannot be read or written, or a target that exists).

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> configure(parser)
>>> args = parser.parse_args(["welcome.ssml", "--format", "yaml", "-o", "prompts"])
>>> args.format, args.output, args.force
('yaml', 'prompts', False)
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from typing import Any

from ttsbuilder._output import printable

__all__ = ["HELP", "configure", "run", "tree_text"]

HELP = "convert SSML prompt files (.ssml, .xml) to tree files (JSON or YAML)"

#: The output formats and the ending each writes.
ENDINGS = {"json": ".json", "yaml": ".yaml"}

# A warning is shown, an error refuses the file; Microsoft's schema judges the SSML only.
_NOT_ABOUT_THE_TREE = ("TTS512",)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the import options to ``parser``."""
    from ttsbuilder.cli.render import add_dialect
    from ttsbuilder.profiles import PROFILES

    parser.add_argument(
        "files", metavar="FILE", nargs="+", help="SSML files, or - for standard input"
    )
    parser.add_argument(
        "--format", choices=tuple(ENDINGS), default="json", help="tree file format (default: json)"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="the folder to write to (default: beside each file; - goes to standard output)",
    )
    parser.add_argument("--force", action="store_true", help="replace tree files that exist")
    parser.add_argument(
        "--profile", choices=tuple(PROFILES), default="enablex", help="limits to check"
    )
    add_dialect(parser)
    parser.add_argument(
        "--whitespace",
        choices=("keep", "normalize"),
        default="keep",
        help="keep texts exactly (default), or collapse the indentation of hand-written SSML",
    )


def tree_text(tree: dict[str, Any], format: str) -> str:
    """The text of a tree file: JSON indented by two, or block-style YAML.

    >>> print(tree_text({"text": "Hi", "break": {"value": "1s"}}, "yaml"), end="")
    text: Hi
    break:
      value: 1s
    """
    if format == "json":
        return json.dumps(tree, indent=2, ensure_ascii=False) + "\n"
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    yaml.width = 1 << 16  # never fold a long text
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


def _target(path: str, args: argparse.Namespace) -> str:
    folder = args.output if args.output is not None else os.path.dirname(path)
    stem = os.path.splitext(os.path.basename(path))[0]
    return os.path.join(folder, stem + ENDINGS[args.format])


def _read_tree(name: str, data: bytes, args: argparse.Namespace) -> dict[str, Any] | None:
    """The tree of one file, or None when it is refused (its problems printed)."""
    from ttsbuilder.lint.check import LintOptions, check_source
    from ttsbuilder.lint.formats import text_line
    from ttsbuilder.lint.ssml_files import load_ssml

    source = load_ssml(data, whitespace=args.whitespace, target=args.dialect)
    options = LintOptions("tts", args.profile, ignore=_NOT_ABOUT_THE_TREE)
    problems = check_source(source, options)
    for problem in problems:
        print(text_line(name, problem), file=sys.stderr)
    if any(p.is_error for p in problems) or not source.parsed:
        return None
    tree: dict[str, Any] = source.document
    return tree


def _fail(message: str) -> int:
    print(printable(f"ttsbuilder import: error: {message}"), file=sys.stderr)
    return 2


def _write(target: str, text: bytes, force: bool) -> None:
    from ttsbuilder._files import write_atomically, write_new

    if force:
        write_atomically(target, text, create=True)
    else:
        write_new(target, text)


def _convert(path: str, args: argparse.Namespace, written: set[str]) -> int:
    from ttsbuilder._files import same_file
    from ttsbuilder.lint.reading import read_input

    try:
        data = read_input(path)
    except OSError as exc:
        return _fail(f"cannot read {path}: {exc.strerror or exc}")
    tree = _read_tree(path, data, args)
    if tree is None:
        print(printable(f"ttsbuilder import: {path}: not converted"), file=sys.stderr)
        return 1
    text = tree_text(tree, args.format).encode("utf-8")
    if args.output == "-" or (path == "-" and args.output is None):
        sys.stdout.buffer.write(text)
        sys.stdout.flush()
        return 0
    if path == "-":
        return _fail("standard input has no name to write a file by: use -o - (or no -o)")
    target = _target(path, args)
    if same_file(path, target):
        return _fail(f"{path}: the tree file {target} would replace the SSML file itself")
    key = os.path.normcase(os.path.realpath(target))
    if key in written:
        return _fail(f"{path}: {target} was written from another file of this run")
    try:
        _write(target, text, args.force)
    except FileExistsError:
        return _fail(f"{path}: {target} exists (replace it with --force)")
    except OSError as exc:
        return _fail(f"{path}: cannot write {target}: {exc.strerror or exc}")
    written.add(key)
    print(printable(f"{path} -> {target}"))
    return 0


def run(args: argparse.Namespace) -> int:
    """Convert the files in ``args``; return 0, 1 (some refused) or 2 (usage or I/O error)."""
    if args.output == "-" and len(args.files) > 1:
        return _fail("-o - writes one tree: name one file")
    if args.files.count("-") > 1:
        return _fail("- (standard input) can be read once: name it once")
    if args.output not in (None, "-") and not os.path.isdir(args.output):
        return _fail(f"{args.output}: no such folder")
    written: set[str] = set()
    worst = 0
    for path in args.files:
        worst = max(worst, _convert(path, args, written))
    return worst
