"""Length: pages and words, with more room for a senior résumé."""

from __future__ import annotations

import re

from ..models import Finding, Resume
from ._registry import HEADER_PARTS, Context, ats_check
from .history import dated_ranges, latest_written

#: pages allowed before ats.length.pages fires: most résumés, and senior ones
MAX_PAGES = 2
MAX_PAGES_SENIOR = 3
#: word counts: under MIN_WORDS the résumé is too thin; over MAX_WORDS* it reads long (about two/three pages)
MIN_WORDS = 200
MAX_WORDS = 1100
MAX_WORDS_SENIOR = 1700
#: years of experience from which a résumé counts as senior
SENIOR_YEARS = 10

_SENIOR_TITLE = re.compile(r"\b(?:Senior|Sr\.|Head of|Director|Principal|Vice President|VP|Chief|CIO|CTO)\b")
WORD = re.compile(r"[^\W_][\w'’.\-/+#]*")


def count_words(resume: Resume) -> int:
    """Words in the body of the résumé (headers and footers excluded)."""
    return sum(len(WORD.findall(b.text)) for b in resume.blocks if b.part not in HEADER_PARTS)


def infer_senior(resume: Resume) -> bool:
    """Senior when the experience dates span SENIOR_YEARS or more, or a job title says so."""
    for block in resume.blocks:
        short = len(block.text.split()) <= 12
        if short and block.section in ("experience", "summary", "contact") and _SENIOR_TITLE.search(block.text):
            return True
    spans = [r for r in dated_ranges(resume) if r.section == "experience"]
    if spans:
        # "present" ends at the latest date written anywhere: the result must not depend on today's date
        latest = latest_written(resume)
        first = min(r.start for r in spans)
        last = max(r.end if r.end is not None else latest for r in spans)
        if last - first >= SENIOR_YEARS * 12:
            return True
    return False


def check_length(resume: Resume, *, senior: bool) -> list[Finding]:
    """Page count (PDFs) and word count for the kind of résumé."""
    out = []
    max_pages = MAX_PAGES_SENIOR if senior else MAX_PAGES
    kind = "a senior résumé" if senior else "most résumés"
    pages = resume.document.source.pages
    if pages is not None and pages > max_pages:
        out.append(
            Finding(
                "ats.length.pages",
                f"{pages} pages is long for {kind} (aim for 1 to {max_pages}): cut older roles to one line each "
                "and keep the last 10 years in detail",
                "warning",
            )
        )
    words = count_words(resume)
    max_words = MAX_WORDS_SENIOR if senior else MAX_WORDS
    if words < MIN_WORDS:
        out.append(
            Finding(
                "ats.length.words",
                f"Only {words} words: too little for a recruiter or an ATS to judge; add your roles with 3 to 6 "
                "achievement bullets each",
                "warning",
            )
        )
    elif words > max_words:
        out.append(
            Finding(
                "ats.length.words",
                f"{words:,} words is long for {kind} (aim for at most about {max_words:,}): shorten bullets to one or "
                "two lines and drop duties that show no result",
                "info",
            )
        )
    return out


@ats_check("ats.length", order=30, context=True)
def _run(context: Context) -> list[Finding]:
    return check_length(context.resume, senior=infer_senior(context.resume))
