"""ATS-readiness checks: contact details, sections, length, dates, pronouns, clichés, file name and type.

Every check returns ``Finding`` records with a stable dotted id (``ats.contact.email`` ...), a severity and a
message that says what is wrong and how to fix it. Checks are pure functions of the ``Resume`` (and the impact
verdicts, for clichés); the cliché list is data (``lexicons/cliches.yaml``) read once by ``load_cliches``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from .datafile import FileKind, load_yaml_file, read_bundled_yaml
from .dates import FORMAT_LABELS, find_dates, find_ranges
from .errors import LexiconError
from .language import ENGLISH
from .models import Finding, Impact, Resume, Severity

#: pages allowed before ats.length.pages fires: most résumés, and senior ones
MAX_PAGES = 2
MAX_PAGES_SENIOR = 3
#: word counts: under MIN_WORDS the résumé is too thin; over MAX_WORDS* it reads long (about two/three pages)
MIN_WORDS = 200
MAX_WORDS = 1100
MAX_WORDS_SENIOR = 1700
#: years of experience from which a résumé counts as senior
SENIOR_YEARS = 10
#: employment gaps longer than this many months are noted (info); before the first year-long role (internships
#: between terms) only gaps longer than PRE_CAREER_GAP_MONTHS are
GAP_MONTHS = 6
PRE_CAREER_GAP_MONTHS = 12

HEADER_PARTS = frozenset({"header", "footer"})
TEXT_TYPES = {
    "txt": "plain text",
    "md": "Markdown",
    "tex": "LaTeX source",
    "typ": "Typst source",
    "json": "JSON Resume",
}
DOCX_HEADER_ONLY = "docx.header-only-contact"
CLICHE_LIST = FileKind(
    "cliché list",
    "list",
    "a .yaml cliché list",
    "check the path of the cliché list",
    "keep fewer clichés",
    "a cliché list needs an 'entries' list",
)


@dataclass(frozen=True, slots=True)
class Cliche:
    """One cliché: an id slug, the phrases that express it, and what to write instead."""

    id: str
    phrases: tuple[str, ...]
    suggestion: str


# --------------------------------------------------------------------------------------------- clichés


def load_cliches(path: str | None = None) -> tuple[Cliche, ...]:
    """Read the cliché list (the bundled ``cliches.yaml`` unless ``path`` is given)."""
    where = path or "lexicons/cliches.yaml (bundled)"
    if path is None:
        return parse_cliches(read_bundled_yaml("cliches.yaml"), where)
    return parse_cliches(load_yaml_file(Path(path), path, CLICHE_LIST), where)


def parse_cliches(data: Any, where: str) -> tuple[Cliche, ...]:
    """Validate the YAML data of a cliché list."""
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise LexiconError(f"{where}: expected a mapping with an 'entries' list of clichés")
    out: list[Cliche] = []
    seen: set[str] = set()
    for number, entry in enumerate(data["entries"], 1):
        if not isinstance(entry, dict):
            raise LexiconError(f"{where}, entry {number}: expected a mapping with id, phrases and suggestion")
        ident = entry.get("id")
        phrases = entry.get("phrases")
        suggestion = entry.get("suggestion")
        if not isinstance(ident, str) or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident):
            raise LexiconError(f"{where}, entry {number}: 'id' must be a lower-case slug like 'team-player'")
        if ident in seen:
            raise LexiconError(f"{where}, entry {number} ({ident}): duplicate id; give each cliché its own id")
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise LexiconError(f"{where}, entry {number} ({ident}): 'phrases' must be a non-empty list of strings")
        if not isinstance(suggestion, str) or not suggestion.strip():
            raise LexiconError(f"{where}, entry {number} ({ident}): 'suggestion' must be a non-empty string")
        seen.add(ident)
        out.append(Cliche(ident, tuple(p.strip() for p in phrases), suggestion.strip()))
    return tuple(out)


def _phrase_pattern(phrases: Sequence[str]) -> str:
    """Alternatives for all phrases, longest first; spaces and hyphens match any run of either."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        words = re.split(r"[\s\-]+", phrase.strip())
        parts.append(r"[\s\-]+".join(re.escape(w) for w in words))
    return "|".join(parts)


@functools.lru_cache(maxsize=8)
def _cliche_regex(cliches: tuple[Cliche, ...]) -> re.Pattern[str]:
    """One case-insensitive regex for the whole list: group ``c<i>`` matches cliché ``i``."""
    groups = "|".join(f"(?P<c{i}>{_phrase_pattern(c.phrases)})" for i, c in enumerate(cliches))
    return re.compile(r"(?<![\w-])(?:" + groups + r")(?![\w-])", re.IGNORECASE)


# --------------------------------------------------------------------------------------------- entry point


def check_ats(resume: Resume, impact: Impact | None = None, *, cliches: Sequence[Cliche] = ()) -> tuple[Finding, ...]:
    """Run every ATS-readiness check on ``resume``; ``impact`` tells which statements are strong."""
    strong = [(s.start, s.end) for s in impact.statements if s.verdict == "strong"] if impact else []
    senior = infer_senior(resume)
    findings: list[Finding] = []
    findings += check_contact(resume)
    if resume.language != ENGLISH:
        # headings, dates, pronouns and clichés are read in English: a résumé in another language would get
        # false errors ("No experience section found"); the text.language finding says why they were skipped
        return tuple(findings + check_file(resume))
    findings += check_sections(resume)
    findings += check_length(resume, senior=senior)
    findings += check_dates(resume)
    findings += check_pronouns(resume)
    findings += check_cliches(resume, cliches, strong)
    findings += check_file(resume)
    return tuple(findings)


# --------------------------------------------------------------------------------------------- contact


def check_contact(resume: Resume) -> list[Finding]:
    """Email, phone and LinkedIn present, and not only in a page header or footer."""
    contact = resume.contact
    out: list[Finding] = []
    if not contact.email:
        out.append(
            Finding(
                "ats.contact.email",
                "No email address found: put one in the body under your name (e.g. firstname.lastname@example.com); "
                "recruiters and ATS need it to reply",
                "error",
            )
        )
    if not contact.phone:
        out.append(
            Finding(
                "ats.contact.phone",
                "No phone number found: add one under your name with the country code (e.g. +44 7700 900123)",
                "warning",
            )
        )
    if not contact.linkedin:
        out.append(
            Finding(
                "ats.contact.linkedin",
                "No LinkedIn profile found: add your profile URL (linkedin.com/in/your-name) beside your email; "
                "recruiters for project roles expect it",
                "warning",
            )
        )
    already = any(w.id == DOCX_HEADER_ONLY for w in resume.warnings)
    found_any = contact.email or contact.phone or contact.linkedin
    if found_any and contact.parts and set(contact.parts) <= HEADER_PARTS and not already:
        out.append(
            Finding(
                "ats.contact.header-only",
                "Contact details appear only in the page header or footer, which many ATS ignore: "
                "repeat your email and phone in the body, under your name",
                "warning",
            )
        )
    return out


# --------------------------------------------------------------------------------------------- sections

EXPECTED_SECTIONS: tuple[tuple[str, Severity, str], ...] = (
    ("experience", "error", "Experience (or Work Experience / Employment History)"),
    ("education", "warning", "Education"),
    ("skills", "warning", "Skills (or Key Skills / Technical Skills)"),
)


def check_sections(resume: Resume) -> list[Finding]:
    """The sections an ATS looks for: experience, education and skills."""
    present = {s.name for s in resume.sections if s.blocks or s.heading}
    out = []
    for name, severity, heading in EXPECTED_SECTIONS:
        if name not in present:
            out.append(
                Finding(
                    f"ats.section.{name}",
                    f"No {name} section found: add a heading named {heading} so an ATS files the content under it",
                    severity,
                )
            )
    return out


# --------------------------------------------------------------------------------------------- length

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
    spans = [r for r in _ranges(resume) if r.section == "experience"]
    if spans:
        # "present" ends at the latest date written anywhere: the result must not depend on today's date
        latest = _latest_written(resume)
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


# --------------------------------------------------------------------------------------------- dates

DATED_SECTIONS = ("experience", "education", "projects", "certifications")


@dataclass(frozen=True, slots=True)
class _Range:
    section: str
    line: int
    start: int  # months since year 0
    end: int | None  # None for "present"
    text: str


def _ranges(resume: Resume) -> list[_Range]:
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
            out.append(_Range(block.section, block.line, start, end, block.text[a.start : b.end]))
    return out


def _latest_written(resume: Resume) -> int:
    latest = 0
    for block in resume.blocks:
        for d in find_dates(block.text):
            if d.month is not None:
                latest = max(latest, d.month + (0 if d.precise else 11))
    return latest


def _month_text(months: int) -> str:
    names = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{names[months % 12]} {months // 12}"


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
    ranges = _ranges(resume)
    study = [r for r in ranges if r.section == "education"]
    out += _gaps([r for r in ranges if r.section == "experience"], study)
    return out


def _gaps(ranges: Iterable[_Range], study: Sequence[_Range] = ()) -> list[Finding]:
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


def _studying(first: int, last: int, study: Sequence[_Range]) -> int:
    """Months of first..last covered by an education range."""
    return sum(1 for month in range(first, last + 1) if any(s.start <= month <= (s.end or month) for s in study))


# --------------------------------------------------------------------------------------------- pronouns

_PRONOUN = re.compile(r"(?<![\w'’.-])(?:I(?=\s+[a-z]|['’](?:m|ve|d|ll)\b)|me|my|My|myself|Myself|mine)(?![\w'’-])")
_ROMAN_LEAD = re.compile(r"(?:Phase|Level|Tier|Part|Stage|Grade|Class|Type|Year|Series|Key Stage|Gen)\s*$")


def check_pronouns(resume: Resume) -> list[Finding]:
    """First-person pronouns (I, me, my): résumés drop them ("Led", not "I led")."""
    hits: list[tuple[int, str, str]] = []  # (line, pronoun, section)
    for block in resume.blocks:
        if block.section == "contact" or block.part in HEADER_PARTS:
            continue
        for m in _PRONOUN.finditer(block.text):
            if m.group(0) == "I" and _ROMAN_LEAD.search(block.text[: m.start()]):
                continue
            hits.append((block.line, m.group(0), block.section))
    if not hits:
        return []
    in_bullets = any(section in ("experience", "projects") for _, _, section in hits)
    words = sorted({w for _, w, _ in hits})
    return [
        Finding(
            "ats.pronouns",
            f"{len(hits)} first-person pronoun{'s' if len(hits) != 1 else ''} ({', '.join(words)}), first on line "
            f"{hits[0][0]}: start with the verb instead ('Led the migration', not 'I led the migration')",
            "warning" if in_bullets else "info",
            line=hits[0][0],
            count=len(hits),
        )
    ]


# --------------------------------------------------------------------------------------------- clichés


def check_cliches(resume: Resume, cliches: Sequence[Cliche], strong: Sequence[tuple[int, int]] = ()) -> list[Finding]:
    """Clichés and buzzwords outside a quantified statement, one finding per cliché (in list order)."""
    if not cliches:
        return []
    cliches = tuple(cliches)
    find = _cliche_regex(cliches).finditer  # once: hashing the cliché tuple per block costs more than the scan
    hits: dict[int, list[tuple[int, str]]] = {}
    for block in resume.blocks:
        for m in find(block.text):
            offset = block.start + m.start()
            if any(s <= offset < e for s, e in strong):
                continue  # backed by a measured result in the same statement
            index = int((m.lastgroup or "c0")[1:])
            hits.setdefault(index, []).append((block.line, m.group(0)))
    out = []
    for index in sorted(hits):
        cliche, found = cliches[index], hits[index]
        phrase = " ".join(found[0][1].split())
        times = f" ({len(found)} times)" if len(found) > 1 else ""
        out.append(
            Finding(
                f"ats.cliche.{cliche.id}",
                f"'{phrase}'{times} is a cliché recruiters skip when nothing backs it up: {cliche.suggestion}",
                "info",
                line=found[0][0],
                count=len(found),
            )
        )
    return out


# --------------------------------------------------------------------------------------------- file

_VERSION_MARKERS = re.compile(
    r"(?i)(?:final|draft|copy|latest|updated|untitled|\bnew\b|(?<![a-z])v\d+|\(\d+\)|\bold\b)"
)
_GENERIC_STEM = re.compile(
    r"(?i)^[\W_\d]*(?:my|new|the)?[\W_]*(?:resume|résumé|cv|curriculum[\W_]*vitae|document)"
    r"[\W_\d]*$"
)


def suggested_file_name(resume: Resume, suffix: str) -> str:
    """Firstname-Lastname-CV.<suffix>, from the candidate's name where it is known."""
    name = resume.contact.name or ""
    parts = [re.sub(r"[^\w]", "", p) for p in name.split()]
    parts = [p for p in parts if p][:3]
    stem = "-".join(parts) if parts else "Firstname-Lastname"
    return f"{stem}-CV{suffix}"


def check_file(resume: Resume) -> list[Finding]:
    """File name sense (no version markers, not a bare 'resume') and type (ATS prefer PDF or DOCX)."""
    source = resume.document.source
    if source.path in ("", "-"):
        return []
    out = []
    path = PurePath(source.path)
    suffix = path.suffix.lower()
    stem = path.stem
    problem = None
    if _VERSION_MARKERS.search(stem):
        problem = "carries version markers"
    elif _GENERIC_STEM.match(stem):
        problem = "does not say whose it is"
    if problem and source.type in ("pdf", "docx"):
        out.append(
            Finding(
                "ats.file.name",
                f"The file name '{path.name}' {problem}: recruiters see it, so rename it to "
                f"'{suggested_file_name(resume, suffix)}'",
                "info",
            )
        )
    if source.type in TEXT_TYPES:
        out.append(
            Finding(
                "ats.file.type",
                f"This is a {TEXT_TYPES[source.type]} file: most ATS and recruiters take PDF or Word (.docx); "
                "export it as PDF (or .docx) before applying",
                "info",
            )
        )
    return out
