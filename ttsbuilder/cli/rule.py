"""``ttsbuilder rule CODE``: explain a rule at the terminal, offline, as ``ruff rule`` does.

The text is the rule's section of ``docs/rules.md`` (both come from
:mod:`ttsbuilder.rules.docs`): name, severity, whether ``--fix`` repairs it, what it
checks, why it matters, and a failing and a passing example. ``--format json`` prints
the same as data; ``--all`` prints every rule.

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> configure(parser)
>>> parser.parse_args(["TTS212", "--format", "json"]).format
'json'
"""

from __future__ import annotations

import argparse
import json
import sys

__all__ = ["HELP", "configure", "run"]

HELP = "explain a rule: what it checks, why, whether --fix repairs it, and its examples"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the rule arguments to ``parser``."""
    parser.add_argument(
        "code", nargs="?", metavar="CODE", help="a rule code (TTS212) or name (unsigned-percent)"
    )
    parser.add_argument("--all", action="store_true", help="every rule, in code order")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )


def run(args: argparse.Namespace) -> int:
    """Print the rule named by ``args.code`` (or every rule); 2 for an unknown one."""
    from ttsbuilder._output import printable
    from ttsbuilder.rules import RULES, rule_named
    from ttsbuilder.rules.context import suggest
    from ttsbuilder.rules.docs import record, section

    if args.all == (args.code is not None):
        print("ttsbuilder rule: error: give one CODE or --all (see --help)", file=sys.stderr)
        return 2
    if args.all:
        rules = sorted(RULES.values(), key=lambda rule: rule.code)
    else:
        found = rule_named(args.code)
        if found is None:
            names = [*RULES, *(rule.name for rule in RULES.values())]
            hint = suggest(args.code.upper(), names) or suggest(args.code, names)
            message = f"ttsbuilder rule: error: no rule {args.code!r}"
            print(printable(message + (f"; {hint}" if hint else "")), file=sys.stderr)
            return 2
        rules = [found]
    if args.format == "json":
        data = [record(rule) for rule in rules]
        sys.stdout.write(json.dumps(data if args.all else data[0], indent=2, ensure_ascii=False))
        sys.stdout.write("\n")
    else:
        sys.stdout.write("\n".join(section(rule) for rule in rules))
    return 0
