"""Dates: role and study dates readable in one format, none in the future, and employment gaps noted."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..dates import FORMAT_LABELS, find_dates, find_ranges
from ..models import Finding, Resume
from ._registry import ats_check

#: employment gaps longer than this many months are noted (info); before the first year-long role (internships
#: between terms) only gaps longer than PRE_CAREER_GAP_MONTHS are
GAP_MONTHS = 6
PRE_CAREER_GAP_MONTHS = 12

DATED_SECTIONS = ("experience", "education", "projects", "certifications")


@dataclass(frozen=True, slots=True)
class DatedRange:
    """A date range written in a dated section, in months since year 0."""

    section: str
    line: int
    start: int  # months since year 0
    end: int | None  # None for "present"
    text: str


def dated_ranges(resume: Resume) -> list[DatedRange]:
    out = []
    for block in resume.blocks:
        if block.section not in DATED_SECTIONS:
            continue
        for r in find_ranges(block.text):
            a, b = r.first, r.last
            assert a.month is not None
            start = a.month  # a year alone starts in January (the lenient reading: no invented gaps)
            # a year alone ends in December
            end = None if b.month is None else b.month + (0 if b.precise else 11)
            if end is not None and end < start:
                continue  # not a range (or a typo): do not guess
            out.append(DatedRange(block.section, block.line, start, end, block.text[a.start : b.end]))
    return out


def latest_written(resume: Resume) -> int:
    latest = 0
    for block in resume.blocks:
        for d in find_dates(block.text):
            if d.month is not None:
                latest = max(latest, d.month + (0 if d.precise else 11))
    return latest


def _month_text(months: int) -> str:
    names = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{names[months % 12]} {months // 12}"


@ats_check("ats.dates", order=40)
def check_dates(resume: Resume) -> list[Finding]:
    """Consistent date formats in dated sections, and employment gaps over GAP_MONTHS (info)."""
    out: list[Finding] = []
    first_seen: dict[str, tuple[int, str]] = {}
    mixed_range: tuple[int, str] | None = None
    for block in resume.blocks:
        if block.section not in DATED_SECTIONS:
            continue
        for d in find_dates(block.text):
            if d.fmt in FORMAT_LABELS and d.fmt not in first_seen:
                first_seen[d.fmt] = (block.line, d.text)
        if mixed_range is None:
            for r in find_ranges(block.text):
                a, b = r.first, r.last
                if b.fmt != "present" and a.precise != b.precise:
                    mixed_range = (block.line, block.text[a.start : b.end])
                    break
    if len(first_seen) > 1:
        ordered = sorted(first_seen.items(), key=lambda kv: kv[1][0])
        listing = "; ".join(f"{FORMAT_LABELS[k]} e.g. '{v[1]}' (line {v[0]})" for k, v in ordered)
        out.append(
            Finding(
                "ats.dates.inconsistent",
                f"Dates are written in {len(first_seen)} formats: {listing}. Use one format throughout, "
                "e.g. 'Jan 2020 – Mar 2023', so an ATS reads every role's dates the same way",
                "warning",
                line=ordered[1][1][0],
                count=len(first_seen),
            )
        )
    elif mixed_range is not None:
        out.append(
            Finding(
                "ats.dates.inconsistent",
                f"The range '{' '.join(mixed_range[1].split())}' mixes a month with a bare year: give both ends "
                "the same precision, e.g. 'Jan 2020 – Mar 2023'",
                "warning",
                line=mixed_range[0],
            )
        )
    ranges = dated_ranges(resume)
    study = [r for r in ranges if r.section == "education"]
    out += _gaps([r for r in ranges if r.section == "experience"], study)
    return out


def _gaps(ranges: Iterable[DatedRange], study: Sequence[DatedRange] = ()) -> list[Finding]:
    """Gaps over GAP_MONTHS between roles, once the career has started (a role of a year or more).

    Gaps mostly spent in education are explained already; before the first year-long role (internships between
    terms) only gaps over PRE_CAREER_GAP_MONTHS count.
    """
    out = []
    ordered = sorted(ranges, key=lambda r: (r.start, r.line))
    covered: int | None = None  # the latest month covered so far; None before the first role
    open_ended = False
    career_started = False
    for r in ordered:
        if covered is not None and not open_ended:
            gap_start, gap_end = covered + 1, r.start - 1
            gap = gap_end - gap_start + 1
            limit = GAP_MONTHS if career_started else PRE_CAREER_GAP_MONTHS
            if gap > limit and _studying(gap_start, gap_end, study) * 2 < gap:
                out.append(
                    Finding(
                        "ats.dates.gap",
                        f"A gap of {gap} months in your employment ({_month_text(gap_start)} to "
                        f"{_month_text(gap_end)}): if it was study, a career break or freelance work, "
                        "say so in one line so a recruiter does not have to ask",
                        "info",
                        line=r.line,
                    )
                )
        if r.end is None:
            open_ended = True
            career_started = True
        else:
            covered = r.end if covered is None else max(covered, r.end)
            career_started = career_started or r.end - r.start + 1 >= 12
    return out


def _studying(first: int, last: int, study: Sequence[DatedRange]) -> int:
    """Months of first..last covered by an education range."""
    return sum(1 for month in range(first, last + 1) if any(s.start <= month <= (s.end or month) for s in study))
