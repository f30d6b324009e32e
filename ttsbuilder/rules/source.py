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
    "UNUSED_SUPPRESSION",
]

FAMILY = "source"
KIND = "source"

SYNTAX_ERROR = error(
    "TTS501",
    "syntax-error",
    "The file is not valid JSON (or YAML, for .yaml and .yml files); the message is the "
    "parser's. Comments and trailing commas are syntax errors in .json files; a trailing "
    "comma is reported at the comma, in the same words on every Python.",
    why="A file that does not parse cannot be sent or checked at all; JSON has no comments or "
    "trailing commas, even where editors accept them.",
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
    why="JSON parsers keep only the last of repeated keys, without a word: the earlier member "
    "is never spoken. In a prompt that is lost speech, not a matter of style.",
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
    why="JSON exchanged between systems must be UTF-8 (RFC 8259) and YAML parsers expect it: a "
    "file in another encoding is misread, and its accented letters are spoken as other "
    "characters.",
    bad='{"text": "Caf\u00e9"}',
    good='{"text": "Caf\u00e9"}',
    kind=KIND,
    family=FAMILY,
)
EMPTY_FILE = error(
    "TTS504",
    "empty-file",
    "The file is empty or holds only whitespace: there is no prompt to check.",
    why="An empty file holds no prompt; it usually means a failed write or a template that "
    "produced nothing, which should not pass as clean.",
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
    why="Prompts are sent as JSON, and YAML turns some unquoted values into dates, binary or "
    "special numbers that JSON cannot carry: the value sent would not be the text you "
    "typed.",
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
    why="Files like these exhaust a parser's memory or stack (YAML's 'billion laughs'); the "
    "linter refuses them rather than hang or crash, and anything else that loads prompts "
    "should too.",
    bad="a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, n in zip("abcd", "bcde", strict=True)
    ),
    good='text: "Hello"\n',
    kind=KIND,
    family=FAMILY,
)
UNUSED_SUPPRESSION = warning(
    "TTS507",
    "unused-suppression",
    "A '# ttsbuilder: ignore[CODE]' comment in a YAML file that suppresses nothing: no "
    "problem of that code is reported on its line (the line after, for a comment on a line "
    "of its own), or the code names no rule. Remove it, or the code that no longer applies.",
    why="A suppression outlives the problem it was written for: once the line is fixed it "
    "would silently hide the next, different mistake there, so an unused one is reported as "
    "ruff reports an unused noqa.",
    bad="prosody:\n  rate: '+30%'  # ttsbuilder: ignore[TTS212]\n  text: Hi\n",
    good="prosody:\n  rate: 30%  # ttsbuilder: ignore[TTS212]\n  text: Hi\n",
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
    why="The same file would speak in one order from ttsbuilder and another from the tool "
    "that sends it: a prompt whose words change with the loader is not reviewed speech.",
    bad="hello: &base {text: Hello, break: {value: 1s}}\nbye: {<<: *base, text2: Goodbye}\n",
    good="hello: &base {language: en-US, voice: female, text: Hello}\n"
    "bye: {<<: *base, text: Goodbye}\n",
    kind=KIND,
    family=FAMILY,
)
