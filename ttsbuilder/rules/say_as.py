"""say-as rules (TTS3xx): interpret-as, format, and whether the text fits its type.

The content checks are warnings: the service accepts the text but speaks it wrongly
(``10/19/2020`` read as ``dmy`` has no month 19).
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from typing import Any

from ttsbuilder.problems import shown
from ttsbuilder.rules.base import error, warning
from ttsbuilder.rules.common import check_keys, check_string
from ttsbuilder.rules.context import Context
from ttsbuilder.values import (
    DATE_FORMATS,
    DURATION_FORMATS,
    INTERPRET_AS,
    REMEMBERED_LENGTH,
    TIME_FORMATS,
)

__all__ = ["FORMATS", "check_say_as", "text_problem"]

FAMILY = "say-as"

BAD_INTERPRET_AS = error(
    "TTS301",
    "bad-interpret-as",
    "interpret-as is one of " + ", ".join(INTERPRET_AS) + ".",
    why="The speech engine knows only these interpret-as values; with another one the text is "
    "read as plain words, not as the date, number or phone number meant.",
    bad='{"say-as": {"interpret-as": "phone", "text": "555 1212"}}',
    good='{"say-as": {"interpret-as": "telephone", "text": "555 1212"}}',
    family=FAMILY,
)
FORMAT_NOT_ALLOWED = error(
    "TTS302",
    "format-not-allowed",
    "format is allowed only for date, time, duration and telephone.",
    why="Only date, time, duration and telephone take a format; on any other type the format "
    "does nothing but make the SSML invalid.",
    bad='{"say-as": {"interpret-as": "cardinal", "format": "dmy", "text": "10"}}',
    good='{"say-as": {"interpret-as": "cardinal", "text": "10"}}',
    family=FAMILY,
)
BAD_FORMAT = error(
    "TTS303",
    "bad-format",
    "A format the interpret-as does not take: date "
    + ", ".join(DATE_FORMATS)
    + "; time "
    + ", ".join(TIME_FORMATS)
    + "; duration "
    + ", ".join(DURATION_FORMATS)
    + "; telephone a country code of 1 to 3 digits.",
    why="The format tells the engine how to read the text (day or month first, 12- or 24-hour "
    "clock); a format it does not know is refused, or the text is read in the wrong order.",
    bad='{"say-as": {"interpret-as": "date", "format": "dd-mm-yyyy", "text": "19-10-2020"}}',
    good='{"say-as": {"interpret-as": "date", "format": "dmy", "text": "19-10-2020"}}',
    family=FAMILY,
)
TEXT_MISMATCH = warning(
    "TTS304",
    "text-mismatch",
    "The say-as text does not fit its type and format, so the service would speak it "
    "wrongly: a date that does not parse in its format, a time not valid on its clock, a "
    "duration not of its shape, a cardinal that is not a number, an ordinal not like "
    "'3' or '3rd', digits that are not digits, a fraction not 'N/M', a currency with no amount.",
    why="When the text does not fit its type and format, the engine does not refuse it but "
    "reads it some other way: '10/19/2020' as dmy has no month 19 and is spoken wrongly.",
    bad='{"say-as": {"interpret-as": "date", "format": "dmy", "text": "10/19/2020"}}',
    good='{"say-as": {"interpret-as": "date", "format": "mdy", "text": "10/19/2020"}}',
    family=FAMILY,
)
LANGUAGE_UNSUPPORTED = warning(
    "TTS305",
    "language-unsupported",
    "say-as duration is spoken in English and Spanish only.",
    why="Azure speaks say-as duration only in English and Spanish; in another language the "
    "duration is not read as hours, minutes and seconds.",
    bad='{"language": "de-DE", "text_to_speech_option": {"say-as": '
    '{"interpret-as": "duration", "text": "01:18:30"}}}',
    good='{"language": "en-US", "text_to_speech_option": {"say-as": '
    '{"interpret-as": "duration", "text": "01:18:30"}}}',
    kind="play",
    family=FAMILY,
)

_KEYS = ("interpret-as", "format", "text")
_KEY_SET = frozenset(_KEYS)
_MISSING: Any = object()
_REQUIRED = ("interpret-as", "text")
_INTERPRET_SET = frozenset(INTERPRET_AS)

#: interpret-as → its allowed formats (telephone takes a country code instead).
FORMATS: dict[str, tuple[str, ...]] = {
    "date": DATE_FORMATS,
    "time": TIME_FORMATS,
    "duration": DURATION_FORMATS,
}

_COUNTRY_CODE = re.compile(r"[0-9]{1,3}", re.ASCII)
_NUMBER = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?", re.ASCII)
_ORDINAL = re.compile(r"([0-9]+)(st|nd|rd|th)?", re.ASCII | re.IGNORECASE)
_DIGITS = re.compile(r"[0-9]+(?:[ -][0-9]+)*", re.ASCII)
_FRACTION = re.compile(r"(?:[0-9]+ )?[0-9]+ ?/ ?([0-9]+)", re.ASCII)
_TIME = re.compile(
    r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?\s*([ap]\.?\s?m\.?)?", re.ASCII | re.IGNORECASE
)
_CLOCK = re.compile(r"([0-9]{1,2})(?::([0-9]{2}))?(?::([0-9]{2}))?", re.ASCII)
_DATE_SPLIT = re.compile(r"[-/. ,]+")
_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}


def check_say_as(context: Context, value: dict[Any, Any], pointer: str) -> None:
    """Check a say-as object: keys, interpret-as, format, and the text against its type."""
    if "interpret-as" not in value or "text" not in value or not _KEY_SET.issuperset(value):
        check_keys(context, value, pointer, _KEYS, _REQUIRED, "say-as")
    interpret = value.get("interpret-as", _MISSING)
    at = pointer + "/interpret-as"
    if interpret is _MISSING and "interpret_as" in value:  # reported as an alias: check it too
        interpret, at = value["interpret_as"], pointer + "/interpret_as"
    if interpret is not _MISSING and check_string(context, interpret, at):
        if interpret not in _INTERPRET_SET:
            context.report(
                BAD_INTERPRET_AS,
                at,
                f"interpret-as {shown(interpret)} is not allowed: use {', '.join(INTERPRET_AS)}",
                context.suggest(interpret, INTERPRET_AS),
            )
            interpret = None
    else:
        interpret = None
    form = value.get("format")
    format_ok = True
    if "format" in value:
        format_ok = _check_format(context, interpret, form, pointer + "/format")
    text = value.get("text", _MISSING)
    if text is _MISSING or not check_string(context, text, pointer + "/text"):
        return
    if interpret is None or not format_ok or not text:
        return
    problem = text_problem(interpret, form, text)
    if problem is not None:
        context.report(TEXT_MISMATCH, pointer + "/text", problem)
    if interpret == "duration" and context.language is not None:
        language = context.language.lower()
        if not (language.startswith("en") or language.startswith("es")):
            context.report(
                LANGUAGE_UNSUPPORTED,
                at,
                f"say-as duration is spoken in English and Spanish only, not {context.language!r}",
            )


def _check_format(context: Context, interpret: str | None, form: Any, pointer: str) -> bool:
    if not check_string(context, form, pointer, required=False):
        return False
    if interpret is None:
        return False
    if interpret == "telephone":
        if _COUNTRY_CODE.fullmatch(form) is None:
            context.report(
                BAD_FORMAT,
                pointer,
                f"telephone format {shown(form)} is not a country calling code of 1 to 3 digits "
                "(like '1' or '39')",
            )
            return False
        return True
    allowed = FORMATS.get(interpret)
    if allowed is None:
        context.report(
            FORMAT_NOT_ALLOWED,
            pointer,
            f"say-as {shown(interpret)} takes no format: format is for date, time, duration "
            "and telephone",
            "remove 'format'",
        )
        return False
    if form not in allowed:
        context.report(
            BAD_FORMAT,
            pointer,
            f"{interpret} format {shown(form)} is not allowed: use {', '.join(allowed)}",
            context.suggest(form, allowed),
        )
        return False
    return True


def text_problem(interpret: str, form: str | None, text: str) -> str | None:
    """Why ``text`` does not fit say-as ``interpret``/``form``, or None when it fits.

    >>> text_problem("date", "dmy", "10/19/2020")
    "'10/19/2020' is not a date in format dmy: month 19 does not exist; it looks like mdy"
    >>> text_problem("ordinal", None, "3rd") is None
    True
    """
    if interpret not in _CONTENT_CHECKS:
        return None
    if len(text) > REMEMBERED_LENGTH:
        return _CONTENT_CHECKS[interpret](text.strip(), form)
    return _verdict(interpret, form, text)


# Catalogs repeat the same dates and numbers: each short text's verdict is computed once.
@functools.lru_cache(maxsize=4096)
def _verdict(interpret: str, form: str | None, text: str) -> str | None:
    return _CONTENT_CHECKS[interpret](text.strip(), form)


def _date(text: str, form: str | None) -> str | None:
    forms = (form,) if form else ("mdy", "dmy", "ymd")
    reasons = []
    for candidate in forms:
        reason = _date_in(text, candidate)
        if reason is None:
            return None
        reasons.append(reason)
    formats = form if form else "mdy, dmy or ymd"
    message = f"{shown(text)} is not a date in format {formats}: {reasons[0]}"
    if form:
        fits = [other for other in _LIKELY_DATE_FORMATS if _date_in(text, other) is None]
        if fits:
            message += f"; it looks like {' or '.join(fits)}"
    return message


# The formats a date that fails its own is compared with, most common first; ydm, which
# fits most ymd dates with a day up to 12, is named only when nothing else fits.
_LIKELY_DATE_FORMATS = ("mdy", "dmy", "ymd")


def _date_in(text: str, form: str) -> str | None:
    parts = [part for part in _DATE_SPLIT.split(text) if part]
    if len(parts) != len(form):
        return f"expected {len(form)} parts ({'-'.join(form)}), found {len(parts)}"
    fields: dict[str, int] = {}
    names = {"d": "day", "m": "month", "y": "year"}
    for letter, part in zip(form, parts, strict=True):
        if part.isdigit() and part.isascii():
            fields[letter] = _whole(part)
        elif letter == "m" and part.lower().rstrip(".") in _MONTHS:
            fields[letter] = _MONTHS[part.lower().rstrip(".")]
        elif letter == "d" and _ORDINAL.fullmatch(part):
            fields[letter] = _whole(_ORDINAL.fullmatch(part).group(1))  # type: ignore[union-attr]
        else:
            return f"{shown(part)} is not a {names[letter]}"
    month = fields.get("m")
    day = fields.get("d")
    year = fields.get("y", 2000)
    if month is not None and not 1 <= month <= 12:
        return f"month {month} does not exist"
    if day is not None:
        last = calendar.monthrange(year if year > 0 else 2000, month or 1)[1] if month else 31
        if not 1 <= day <= last:
            return f"day {day} does not exist" + (f" in month {month}" if month else "")
    return None


def _whole(digits: str) -> int:
    """A digit string as an int; past nine digits simply "huge" (Python will not convert
    thousands of digits, and no day, month or year check needs them)."""
    digits = digits.lstrip("0") or "0"
    return int(digits) if len(digits) <= 9 else 10**9


def _time(text: str, form: str | None) -> str | None:
    match = _TIME.fullmatch(text)
    if match is None:
        return f"{shown(text)} is not a time like 12:35, 1:14:32 or 4:00am"
    hour, minute, second, meridiem = match.groups()
    if int(minute) > 59 or (second is not None and int(second) > 59):
        return f"{shown(text)} is not a valid time: minutes and seconds go up to 59"
    if form == "hms24" or (form is None and meridiem is None):
        if meridiem is not None:
            return f"{shown(text)} has am/pm, but hms24 is a 24-hour clock"
        if int(hour) > 23:
            return f"{shown(text)} is not on a 24-hour clock: hour {int(hour)} does not exist"
    elif not 1 <= int(hour) <= 12:
        return f"{shown(text)} is not on a 12-hour clock: hour {int(hour)} does not exist"
    return None


def _duration(text: str, form: str | None) -> str | None:
    match = _CLOCK.fullmatch(text)
    shapes = {"hms": "h:mm:ss", "hm": "h:mm", "ms": "m:ss"}
    wanted = shapes.get(form or "", "h:mm:ss or m:ss")
    if match is None:
        return f"{shown(text)} is not a duration of shape {wanted}"
    parts = [part for part in match.groups() if part is not None]
    if form is not None and len(parts) != len(form):
        return f"{shown(text)} is not a duration of shape {wanted}"
    if form is None and len(parts) < 2:
        return f"{shown(text)} is not a duration of shape {wanted}"
    if any(int(part) > 59 for part in parts[1:]):
        return f"{shown(text)} is not a valid duration: minutes and seconds go up to 59"
    return None


def _cardinal(text: str, form: str | None) -> str | None:
    if _NUMBER.fullmatch(text) is None:
        return f"{shown(text)} is not a number (like 10, 1,024 or -3.5)"
    return None


def _ordinal(text: str, form: str | None) -> str | None:
    match = _ORDINAL.fullmatch(text)
    if match is None:
        return f"{shown(text)} is not an ordinal (like 3 or 3rd)"
    number, suffix = match.groups()
    if suffix is not None:
        value = int(number[-2:])  # the suffix depends on the last two digits only
        expected = "th"
        if value % 100 not in (11, 12, 13):
            expected = {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        if suffix.lower() != expected:
            return f"{shown(text)} has the wrong suffix: write {number + expected!r}"
    return None


def _number_digit(text: str, form: str | None) -> str | None:
    if _DIGITS.fullmatch(text) is None:
        return f"{shown(text)} is not a sequence of digits"
    return None


def _fraction(text: str, form: str | None) -> str | None:
    match = _FRACTION.fullmatch(text)
    if match is None:
        return f"{shown(text)} is not a fraction like 3/8"
    if not match.group(1).strip("0"):
        return f"{shown(text)} divides by zero"
    return None


def _currency(text: str, form: str | None) -> str | None:
    if not any(character.isdigit() for character in text):
        return f"{shown(text)} has no amount (like 99.9 USD)"
    return None


_CONTENT_CHECKS: dict[str, Callable[[str, str | None], str | None]] = {
    "date": _date,
    "time": _time,
    "duration": _duration,
    "cardinal": _cardinal,
    "number": _cardinal,
    "ordinal": _ordinal,
    "number_digit": _number_digit,
    "fraction": _fraction,
    "currency": _currency,
}
