"""Source-file rules (TTS5xx): what a plain JSON or YAML parser hides or refuses.

These rules are about the *file*, not the document in it, so ``validate()`` never
reports them: ``ttsbuilder lint`` does, with the line and column where the problem
is. (A file that parses but holds no prompt is TTS413, ``no-prompt``, which
``validate()`` reports.) Their examples are file contents (``kind="source"``): the
tests lint them as files instead of validating them.

>>> REPEATED_KEY.code, REPEATED_KEY.name
('TTS502', 'repeated-key')
"""

from __future__ import annotations

from ttsbuilder.rules.base import error, warning

__all__ = [
    "EMPTY_FILE",
    "MERGE_ORDER",
    "NOT_JSON_VALUE",
    "NOT_UTF8",
    "REPEATED_KEY",
    "SYNTAX_ERROR",
    "TOO_COMPLEX",
]

FAMILY = "source"
KIND = "source"

SYNTAX_ERROR = error(
    "TTS501",
    "syntax-error",
    "The file is not valid JSON (or YAML, for .yaml and .yml files); the message is the "
    "parser's. Comments and trailing commas are syntax errors in .json files.",
    bad='{"text": "Hello",}',
    good='{"text": "Hello"}',
    kind=KIND,
    family=FAMILY,
)
REPEATED_KEY = error(
    "TTS502",
    "repeated-key",
    "A key appears twice in one object. JSON parsers silently keep the last one, so the "
    "first would never be spoken. Content members are numbered instead: text, text2, ... "
    "The fix is unsafe: it makes the lost members spoken again, which is a change.",
    bad='{"text": "Hello", "break": {"value": "1s"}, "text": "world"}',
    good='{"text": "Hello", "break": {"value": "1s"}, "text2": "world"}',
    kind=KIND,
    family=FAMILY,
    fixable=True,
    unsafe_fix=True,
)
NOT_UTF8 = error(
    "TTS503",
    "not-utf8",
    "The file is not UTF-8 (the message gives the offset of the first bad byte). "
    "The bad example is saved in Latin-1.",
    bad='{"text": "Caf\u00e9"}',
    good='{"text": "Caf\u00e9"}',
    kind=KIND,
    family=FAMILY,
)
EMPTY_FILE = error(
    "TTS504",
    "empty-file",
    "The file is empty or holds only whitespace: there is no prompt to check.",
    bad="",
    good='{"text": "Hello"}',
    kind=KIND,
    family=FAMILY,
)
NOT_JSON_VALUE = error(
    "TTS505",
    "not-json-value",
    "A YAML value that JSON cannot carry: a date or time (YAML reads 2020-10-19 "
    "unquoted as a date), binary, a set, a custom tag, .inf or .nan, a mapping as a key. "
    "Quote it to make it a string. Reported only in or above a prompt: a CloudFormation "
    "!Ref beside the prompts of a file, or in a file with none, is not the linter's business.",
    bad="say-as:\n  interpret-as: date\n  format: ymd\n  text: 2020-10-19\n",
    good="say-as:\n  interpret-as: date\n  format: ymd\n  text: '2020-10-19'\n",
    kind=KIND,
    family=FAMILY,
)
TOO_COMPLEX = error(
    "TTS506",
    "too-complex",
    "The file nests deeper than a parser can follow, is larger than 64 MiB, or its YAML "
    "aliases expand to more than 100,000 values (a 'billion laughs' file) or refer to "
    "themselves.",
    bad="a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, n in zip("abcd", "bcde", strict=True)
    ),
    good='text: "Hello"\n',
    kind=KIND,
    family=FAMILY,
)
MERGE_ORDER = warning(
    "TTS508",
    "merge-order",
    "A YAML merge ('<<: *base') brings spoken members (text, break, prosody, ...) into a "
    "mapping that has spoken members of its own, or from more than one mapping. YAML "
    "mappings have no order, and loaders disagree on where merged members go: PyYAML and "
    "ruamel.yaml's safe loader put them first, the JavaScript yaml package where the '<<' "
    "is, ruamel.yaml's round-trip loader last. So what the prompt says depends on who "
    "loads the file. ttsbuilder reads merged members where the '<<' is. Write the spoken "
    "members out in one mapping, and merge only attributes (voice, language, rate, ...).",
    bad="hello: &base {text: Hello, break: {value: 1s}}\nbye: {<<: *base, text2: Goodbye}\n",
    good="hello: &base {language: en-US, voice: female, text: Hello}\n"
    "bye: {<<: *base, text: Goodbye}\n",
    kind=KIND,
    family=FAMILY,
)
