"""Shared helpers for the report renderers: sanitising, display width, wrapping, bars, ordering and selections.

Everything here is pure and format-neutral. The selections (top missing keywords, weakest statements) live here
or in ``steps`` (re-exported), and the next steps are the Analysis' own records, so that every report tells the
reader the same things.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..models import (
    DIMENSIONS,
    Analysis,
    Finding,
    Role,
    Statement,
)
from ..severity import MOST_SEVERE_FIRST, listing_order
from ..steps import (
    STATEMENT_FINDINGS,
    VERDICT_ORDER,
    build_next_steps,
    clamp_share,
    component,
    report_findings,
    skills_only_terms,
    top_missing,
    verdict_counts,
)

if TYPE_CHECKING:
    from ..targets.jobmatch import JobMatch
    from ..targets.posting import Knockout

# ----------------------------------------------------------------------------------------- sanitising

#: ANSI/VT escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other two-byte ESC sequences,
#: and their single-byte C1 forms (CSI U+009B, OSC U+009D)
_ANSI = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x1b"
)
#: bidirectional embedding/override/isolate controls: they reorder what a reader sees (Trojan Source)
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SPACES = frozenset("\t\n\r\v\f\u2028\u2029\x85")


def _clean_table() -> dict[int, str | None]:
    """str.translate table doing clean_text's per-character work: spaces, dropped controls/bidi, surrogates."""
    table: dict[int, str | None] = {}
    for code in (*range(0x00, 0x20), *range(0x7F, 0xA0)):  # category Cc
        table[code] = None
    for ch in _BIDI | {"\ufeff"}:
        table[ord(ch)] = None
    for ch in _SPACES:
        table[ord(ch)] = " "
    for code in range(0xD800, 0xE000):  # category Cs: lone surrogates
        table[code] = "\ufffd"
    return table


_CLEAN = _clean_table()


def clean_text(text: str) -> str:
    """Résumé text made safe to show: escape sequences, control and bidi characters removed, one line.

    Tabs, newlines and line/paragraph separators become spaces; lone surrogates become U+FFFD; zero-width
    joiners stay (emoji sequences need them).
    """
    if text.isprintable():
        # no control (Cc), format (Cf: bidi, BOM), surrogate (Cs) or line/paragraph separator: nothing to do,
        # and every escape sequence starts with a control character
        return text
    return _ANSI.sub("", text).translate(_CLEAN)


_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_json_text(text: str) -> str:
    """A string fit for UTF-8 JSON: lone surrogates (which cannot be encoded) replaced by U+FFFD, the rest kept."""
    if text.isascii():
        return text
    return _SURROGATES.sub("\ufffd", text)


# ----------------------------------------------------------------------------------------- display width


@functools.lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Columns a character takes in a terminal: 0 for combining/format marks, 2 for wide (CJK, most emoji)."""
    if " " <= ch <= "~":
        return 1
    if unicodedata.combining(ch):
        return 0
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me", "Cf", "Cc"):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


def _has_escape(text: str) -> bool:
    """Whether ``text`` may hold an ANSI escape sequence (they all start with ESC, CSI or OSC)."""
    return "\x1b" in text or "\x9b" in text or "\x9d" in text


def _plain_width(text: str) -> int:
    """Columns of ``text`` that holds no escape sequence."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(map(char_width, text))


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (ANSI escape sequences count as zero)."""
    if _has_escape(text):
        text = _ANSI.sub("", text)
    return _plain_width(text)


def shorten(text: str, width: int, placeholder: str = "…") -> str:
    """``text`` cut to at most ``width`` columns, ending in ``placeholder`` when cut."""
    if display_width(text) <= width:
        return text
    budget = width - display_width(placeholder)
    out: list[str] = []
    used = 0
    for ch in text:
        w = char_width(ch)
        if used + w > budget:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + placeholder


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces on the right to ``width`` columns (never cut)."""
    return text + " " * max(0, width - display_width(text))


def pad_left(text: str, width: int) -> str:
    return " " * max(0, width - display_width(text)) + text


def _split_long(word: str, width: int) -> list[str]:
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for ch in word:
        w = char_width(ch)
        if used + w > width and current:
            pieces.append("".join(current))
            current, used = [], 0
        current.append(ch)
        used += w
    if current:
        pieces.append("".join(current))
    return pieces


def wrap(text: str, width: int, indent: str = "", subsequent_indent: str | None = None) -> list[str]:
    """Greedy word wrap by display columns; words longer than a line are broken. Always at least one line."""
    rest = indent if subsequent_indent is None else subsequent_indent
    # without escape sequences widths add up, so each word is measured once; an escape sequence may span the
    # spaces between words, so then each candidate line is measured whole
    additive = not _has_escape(text)
    measure = _plain_width if additive else display_width
    lines: list[str] = []
    prefix = indent
    room = max(width - display_width(prefix), 1)
    current = ""
    used = 0
    for word in text.split():
        word_width = measure(word)
        if current:
            candidate = f"{current} {word}"
            width_with = used + 1 + word_width if additive else display_width(candidate)
            if width_with <= room:
                current, used = candidate, width_with
                continue
            lines.append(prefix + current)
            prefix = rest
            room = max(width - display_width(prefix), 1)
        elif word_width <= room:
            current, used = word, word_width
            continue
        while word_width > room:
            piece = _split_long(word, room)[0]
            lines.append(prefix + piece)
            word = word[len(piece) :]
            word_width = measure(word)
            prefix = rest
            room = max(width - display_width(prefix), 1)
        current, used = word, word_width
    lines.append(prefix + current)
    return [line.rstrip() for line in lines]


# ----------------------------------------------------------------------------------------- numbers and bars


def knockouts_by_line(knockouts: Iterable[Knockout]) -> list[tuple[int, str, str]]:
    """(line, its kinds joined, its text) once per posting line: a line that is a knock-out of several kinds ("Open
    to U.S. citizens ... Subject to background check": citizenship and clearance) is shown once, not once a kind."""
    lines: dict[int, tuple[list[str], str]] = {}
    for ko in knockouts:
        kinds, _ = lines.setdefault(ko.line, ([], ko.text))
        if ko.kind not in kinds:
            kinds.append(ko.kind)
    return [(line, ", ".join(kinds), text) for line, (kinds, text) in lines.items()]


def fmt_number(value: float, decimals: int = 1) -> str:
    """72.0 -> "72", 72.46 -> "72.5": no trailing zeros, no negative zero."""
    text = f"{round(value, decimals):.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fmt_percent(share: float) -> str:
    """A 0..1 share as a whole percentage: 0.4215 -> "42%"."""
    return f"{round(max(0.0, min(1.0, share)) * 100):d}%"


def fmt_weight(weight: float) -> str:
    """A component weight (share of the total) as a percentage: 0.35 -> "35%"."""
    return fmt_number(weight * 100, 1) + "%"


def bar(share: float, width: int, full: str = "█", empty: str = "░") -> str:
    """A horizontal bar ``width`` characters long, filled to ``share`` (0..1) with eighth-block precision."""
    share = clamp_share(share)
    if full != "█":
        filled = round(share * width)
        return full * filled + empty * (width - filled)
    eighths = round(share * width * 8)
    whole, part = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[part] if part else ""
    text = "█" * whole + partial
    if partial:
        return text + empty * (width - whole - 1)
    return text + empty * (width - whole)


def level(share: float) -> str:
    """The colour class for a 0..1 share: "good", "fair" or "poor"."""
    share = clamp_share(share)
    if share >= 0.7:
        return "good"
    if share >= 0.4:
        return "fair"
    return "poor"


# ----------------------------------------------------------------------------------------- ordering

#: most severe first
SEVERITY_ORDER: tuple[str, ...] = MOST_SEVERE_FIRST
SEVERITY_TITLES: dict[str, str] = {"error": "Errors", "warning": "Warnings", "info": "Info"}

EVIDENCE_TITLES: dict[str, str] = {
    "quantified-achievement": "in a quantified achievement",
    "achievement": "in an achievement",
    "duty": "in a duty",
    "skills-list": "in a skills list only",
    "mention": "mentioned",
}


severity_rank = listing_order  # most severe first (resume_check/severity.py); gate thresholds use severity.rank


def statements_to_improve(analysis: Analysis) -> int:
    return sum(1 for st in analysis.impact.statements if st.verdict != "strong")


def findings_by_severity(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped most severe first, each group in line order (whole-file findings first), ids as tie-break."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.severity, []).append(finding)
    ordered = sorted(groups, key=lambda s: (severity_rank(s), s))
    return [
        (sev, sorted(groups[sev], key=lambda f: (f.line if f.line is not None else 0, f.id, f.message)))
        for sev in ordered
    ]


def dimension_counts(analysis: Analysis) -> dict[str, int]:
    """{budget, schedule, scope, team, quality} -> statements evidencing each (0 when never)."""
    counts: dict[str, int] = dict.fromkeys(DIMENSIONS, 0)
    for dimension, count in analysis.impact.summary.dimensions:
        counts[dimension] = count
    return counts


# ----------------------------------------------------------------------------------------- selections


def _weakness(statement: Statement) -> tuple[int, int, int]:
    rank = {"weak": 0, "unquantified": 1, "strong": 2}.get(statement.verdict, 3)
    return (rank, -len(statement.issues), statement.line)


def weakest_statements(analysis: Analysis, limit: int = 3) -> list[Statement]:
    """Weak then unquantified statements (more issues first, then by line), strong ones never."""
    candidates = [s for s in analysis.impact.statements if s.verdict != "strong"]
    return sorted(candidates, key=_weakness)[:limit]


def strongest_statements(analysis: Analysis, limit: int = 2) -> list[Statement]:
    """Strong statements with the most metrics (then the most dimensions, then by line)."""
    strong = [s for s in analysis.impact.statements if s.verdict == "strong"]

    def key(s: Statement) -> tuple[int, int, int]:
        dims = {m.measures for m in s.metrics if m.measures}
        return (-len(dims), -len(s.metrics), s.line)

    return sorted(strong, key=key)[:limit]


def next_steps(analysis: Analysis, limit: int = 5) -> list[str]:
    """The texts of the analysis' next steps (built now for an Analysis made without them, as tests do)."""
    steps = analysis.next_steps or build_next_steps(analysis)
    return [step.text for step in steps[:limit]]


__all__ = [
    "STATEMENT_FINDINGS",
    "VERDICT_ORDER",
    "clamp_share",
    "component",
    "report_findings",
    "skills_only_terms",
    "top_missing",
    "verdict_counts",
]


def target_summary(analysis: Analysis) -> str:
    """What the résumé was measured against and why, in one sentence: "Measured against the scrum master /
    delivery manager role profile (most recent title: 'Scrum Master')"."""
    target = analysis.target
    if target.kind == "role":
        what = f"the {target.label} role profile"
    elif target.kind == "job":
        what = f"the job posting {target.label}"
    else:
        what = "the whole lexicon (every term but job titles)"
    return f"Measured against {what}" + (f" ({target.reason})" if target.reason else "")


def also_found_labels(analysis: Analysis) -> list[str]:
    """Labels of the lexicon terms found outside the target, heaviest first (job titles included)."""
    terms = sorted(analysis.also_found, key=lambda t: (-t.weight, t.label.casefold(), t.id))
    return [t.label for t in terms]


def overview(analysis: Analysis) -> str:
    """One line of counts: keywords found, statements strong, findings by severity."""
    found = len(analysis.found)
    total = found + len(analysis.missing)
    counts = verdict_counts(analysis)
    statements = len(analysis.impact.statements)
    severities = {sev: 0 for sev in SEVERITY_ORDER}
    for finding in report_findings(analysis):
        if finding.severity in severities:
            severities[finding.severity] += 1
    checks = " · ".join(f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev, n in severities.items())
    return f"{found}/{total} keywords · {counts['strong']}/{statements} statements strong · {checks}"


def source_name(analysis: Analysis) -> str:
    """The file name shown in report titles (the last path component; "standard input" for "-")."""
    path = analysis.source.path
    if path == "-":
        return "standard input"
    name = re.split(r"[\\/]", path)[-1]
    return name or path


def statement_metrics(statement: Statement) -> str:
    """A statement's metrics as "£2.5m (budget), 20% (quality)", for hover text and details."""
    parts = []
    for metric in statement.metrics:
        parts.append(f"{metric.text} ({metric.measures})" if metric.measures else metric.text)
    return ", ".join(parts)


def role_summary(role: Role) -> str:
    """A role in one line: "Senior Engineer · Acme Ltd · Leeds, UK · 2019-03 to present" (the fields found)."""
    dates = ""
    if role.start or role.end:
        dates = f"{role.start or '?'} to {role.end or '?'}"
    parts = [p for p in (role.title, role.employer, role.location, dates) if p]
    return " · ".join(clean_text(p) for p in parts) if parts else "(no title or employer found)"


# ----------------------------------------------------------------------------------------- job match


def _credit(value: float) -> str:
    """0.75 as "0.75", 1 as "1.0": how the match rule's figures read in a sentence."""
    return f"{value:.1f}" if round(value * 10) == value * 10 else f"{value:g}"


def job_checks(job: JobMatch, esc: Callable[[str], str]) -> list[tuple[str, str, str]]:
    """The posting's checks beside the terms, as (mark, what, detail) with ``esc`` applied to the text taken from
    the résumé or the posting: the title, the years asked, each certification, the education."""
    checks = [("✓" if job.title_match.matched else "✗", "Title", esc(job.title_match.reason))]
    years = job.years
    if years.asked is not None:
        shown = f"{fmt_number(years.shown)} in your role dates" if years.shown is not None else "not readable"
        mark = "?" if years.met is None else ("✓" if years.met else "✗")
        checks.append((mark, "Years", f"{fmt_number(years.asked)}+ asked ({esc(years.what)}); {shown}"))
    for cert in job.certifications:
        checks.append(("✓" if cert.shown else "✗", f"Certification ({cert.level})", esc(cert.label)))
    if job.education is not None:
        checks.append(("✓" if job.education.shown else "✗", "Education", f"{esc(job.education.label)} asked"))
    return checks


def job_title_points(matched: bool) -> str:
    """The points a matching title adds to the match rate (jobmatch.TITLE_SHARE of 100), or 0."""
    from ..targets.jobmatch import TITLE_SHARE

    return f"{100 * TITLE_SHARE:g}" if matched else "0"


def job_terms_share() -> str:
    from ..targets.jobmatch import TERMS_SHARE

    return f"{TERMS_SHARE:g}"


def job_level_weights() -> str:
    """ "required ×3, preferred ×1, duties ×0.5", from posting.LEVEL_WEIGHT."""
    from ..targets.posting import LEVEL_WEIGHT

    names = {"required": "required", "preferred": "preferred", "duty": "duties"}
    return ", ".join(f"{names[level]} ×{weight:g}" for level, weight in LEVEL_WEIGHT.items())


def job_evidence_credits() -> dict[str, str]:
    """jobmatch.EVIDENCE_CREDIT as text, by evidence level."""
    from ..targets.jobmatch import EVIDENCE_CREDIT

    return {level: _credit(credit) for level, credit in EVIDENCE_CREDIT.items()}
