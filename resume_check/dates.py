"""Dates as résumés write them: one place that finds dates and date ranges and normalises them.

``find_dates(text)`` finds month names ("Jan 2020", "January, 2020", "Sept '19"), MM/YYYY, MM.YYYY, YYYY-MM, full
dates, bare years and "present"-like words; ``find_ranges(text)`` pairs them into ranges ("7/2022-Present",
"2019 – 2021", "Mar 2018 to Jun 2020"). A ``Date`` counts months since year 0 so ranges compare and subtract, and
``normalise`` writes one as ``"YYYY-MM"``, ``"YYYY"`` or ``"present"`` (the form ``Role.start``/``Role.end`` use).

The ATS checks (formats, gaps, seniority), role detection in ``structure`` and the judging of statements in
``impact`` all read dates through this module.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = [
    "DATE",
    "FORMAT_LABELS",
    "RANGE_SEP",
    "YEAR_RANGE",
    "Date",
    "DateRange",
    "find_dates",
    "find_ranges",
    "normalise",
]

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
YEAR = r"(?:19[5-9]\d|20\d\d)"
#: one date of any written form; the group name is its format
DATE = re.compile(
    r"(?P<dmy>\b\d{1,2}[/.]\d{1,2}[/.]" + YEAR + r"\b)"
    r"|(?P<name>\b" + MONTH_NAME + r"(?:\.\s*|\.?,?\s+)(?:'\d\d|" + YEAR + r")\b)"
    r"|(?P<slash>\b(?:0?[1-9]|1[0-2])/" + YEAR + r"\b)"
    r"|(?P<dot>\b(?:0[1-9]|1[0-2])\." + YEAR + r"\b)"
    r"|(?P<iso>\b" + YEAR + r"-(?:0[1-9]|1[0-2])\b(?!-\d))"
    r"|(?P<year>(?<![\d/.\-])" + YEAR + r"(?![\d/]|\.\d))"
    r"|(?P<present>\b(?:present|current|now|today|ongoing|date)\b)",
    re.IGNORECASE,
)
#: what may stand between the two ends of a range
RANGE_SEP = re.compile(r"\s*(?:-|–|—|‒|−|‐|‑|to|until|till|through|thru)\s*", re.IGNORECASE)
#: a quick test for a year range ("2019 – 2021", "2017 to present"), without parsing
YEAR_RANGE = re.compile(
    r"\b(?:19|20)\d{2}\s?(?:-|–|—|to)\s?(?:(?:19|20)\d{2}|present|current|now|date|today)\b", re.IGNORECASE
)
FORMAT_LABELS = {
    "name": "month name (Jan 2020)",
    "slash": "MM/YYYY (01/2020)",
    "dot": "MM.YYYY (01.2020)",
    "iso": "YYYY-MM (2020-01)",
    "dmy": "full dates (15/01/2020)",
}


@dataclass(frozen=True, slots=True)
class Date:
    """One date as written."""

    fmt: str  # a key of FORMAT_LABELS, "year" or "present"
    month: int | None  # months since year 0 (year * 12 + month - 1); None for "present"
    precise: bool  # month known
    text: str
    start: int  # offset in the text searched
    end: int


@dataclass(frozen=True, slots=True)
class DateRange:
    """Two dates joined by a dash or "to" ("7/2022-Present")."""

    first: Date
    last: Date
    text: str  # the range as written
    start: int
    end: int


def _parse(m: re.Match[str]) -> Date | None:
    fmt = m.lastgroup or ""
    text = m.group(0)
    if fmt == "present":
        return Date("present", None, True, text, m.start(), m.end())
    digits = re.findall(r"\d+", text)
    if fmt == "name":
        month = MONTHS[text[:3].lower()]
        raw = digits[-1]
        year = int(raw) + (2000 if int(raw) < 50 else 1900) if len(raw) == 2 else int(raw)
        return Date(fmt, year * 12 + month - 1, True, text, m.start(), m.end())
    if fmt in ("slash", "dot"):
        month, year = int(digits[0]), int(digits[1])
    elif fmt == "iso":
        year, month = int(digits[0]), int(digits[1])
    elif fmt == "dmy":
        month, year = int(digits[1]), int(digits[2])  # day/month/year and month/day/year both give month
        if not 1 <= month <= 12:
            month = int(digits[0]) if 1 <= int(digits[0]) <= 12 else 1
    else:
        return Date("year", int(digits[0]) * 12, False, text, m.start(), m.end())
    return Date(fmt, year * 12 + month - 1, True, text, m.start(), m.end())


@functools.lru_cache(maxsize=4096)
def find_dates(text: str) -> tuple[Date, ...]:
    """The dates written in ``text`` (cached: several stages read the same blocks)."""
    out: list[Date] = []
    for m in DATE.finditer(text):
        date = _parse(m)
        if date is None:
            continue
        if date.fmt == "present" and text[m.start() : m.end()].lower() == "date" and not out:
            continue  # "date" only counts as "to date" after another date
        out.append(date)
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def find_ranges(text: str) -> tuple[DateRange, ...]:
    """The date ranges written in ``text``: a dated start, a range separator, then a date or "present"."""
    dates = find_dates(text)
    pairs: list[DateRange] = []
    i = 0
    while i + 1 < len(dates):
        a, b = dates[i], dates[i + 1]
        if a.fmt != "present" and RANGE_SEP.fullmatch(text[a.end : b.start]):
            pairs.append(DateRange(a, b, text[a.start : b.end], a.start, b.end))
            i += 2
        else:
            i += 1
    return tuple(pairs)


def normalise(date: Date) -> str:
    """``"YYYY-MM"`` when the month is known, ``"YYYY"`` for a bare year, ``"present"`` for present-like words."""
    if date.month is None:
        return "present"
    year, month = divmod(date.month, 12)
    return f"{year:04d}-{month + 1:02d}" if date.precise else f"{year:04d}"
