"""Shared helpers for the report renderers: sanitising, display width, wrapping, bars, ordering and selections.

Everything here is pure and format-neutral. The selections (top missing keywords, weakest statements, next
steps) live here so that the text, Markdown and HTML reports tell the reader the same things.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models import (
    DIMENSIONS,
    Analysis,
    CategoryCoverage,
    Finding,
    MissingTerm,
    ScoreComponent,
    Statement,
)
from ..severity import MOST_SEVERE_FIRST, listing_order

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


def clamp_share(value: float, scale: float = 1.0) -> float:
    if value != value:  # NaN
        return 0.0
    return max(0.0, min(1.0, value / scale))


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
VERDICT_ORDER: tuple[str, ...] = ("strong", "unquantified", "weak")
EVIDENCE_TITLES: dict[str, str] = {
    "quantified-achievement": "in a quantified achievement",
    "achievement": "in an achievement",
    "duty": "in a duty",
    "skills-list": "in a skills list only",
    "mention": "mentioned",
}


severity_rank = listing_order  # most severe first (resume_check/severity.py); gate thresholds use severity.rank


#: statement-level finding ids that repeat a statement's verdict: reports show them with the statement instead
STATEMENT_FINDINGS = frozenset({"impact.weak", "impact.passive", "impact.first-person", "impact.unquantified"})


def report_findings(analysis: Analysis) -> list[Finding]:
    """The findings a report lists under its checks: all but those repeating a statement's verdict
    (a finding whose id is in STATEMENT_FINDINGS and among the issues of a statement on the same line)."""
    shown_with_statement = {
        (st.line, issue) for st in analysis.impact.statements for issue in st.issues if issue in STATEMENT_FINDINGS
    }
    return [f for f in analysis.findings if (f.line, f.id) not in shown_with_statement]


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


def component(analysis: Analysis, component_id: str) -> ScoreComponent | None:
    for comp in analysis.score.components:
        if comp.id == component_id:
            return comp
    return None


def verdict_counts(analysis: Analysis) -> dict[str, int]:
    """{strong, unquantified, weak} counts from the impact summary (missing verdicts count 0)."""
    counts = dict.fromkeys(VERDICT_ORDER, 0)
    for verdict, count in analysis.impact.summary.counts:
        counts[verdict] = count
    return counts


def dimension_counts(analysis: Analysis) -> dict[str, int]:
    """{budget, schedule, scope, team, quality} -> statements evidencing each (0 when never)."""
    counts: dict[str, int] = dict.fromkeys(DIMENSIONS, 0)
    for dimension, count in analysis.impact.summary.dimensions:
        counts[dimension] = count
    return counts


# ----------------------------------------------------------------------------------------- selections


def top_missing(
    analysis: Analysis, *, per_category: int = 3, categories: int | None = None
) -> list[tuple[CategoryCoverage | None, list[MissingTerm]]]:
    """The heaviest missing terms, a few per category; categories with the largest weighted gap first."""
    by_cat: dict[str, list[MissingTerm]] = {}
    for term in analysis.missing:
        by_cat.setdefault(term.category, []).append(term)
    coverage = {cat.id: cat for cat in analysis.categories}
    order = {cat.id: i for i, cat in enumerate(analysis.categories)}

    def gap(cat_id: str) -> tuple[float, int, str]:
        cat = coverage.get(cat_id)
        if cat is None:
            return (0.0, len(order), cat_id)
        return (-(cat.weight * (1.0 - clamp_share(cat.coverage))), order[cat_id], cat_id)

    result: list[tuple[CategoryCoverage | None, list[MissingTerm]]] = []
    for cat_id in sorted(by_cat, key=gap):
        terms = sorted(by_cat[cat_id], key=lambda t: (-t.weight, t.label.casefold(), t.id))[:per_category]
        result.append((coverage.get(cat_id), terms))
    return result if categories is None else result[:categories]


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


def skills_only_terms(analysis: Analysis) -> list[str]:
    """Labels of found terms whose only evidence is the skills section, heaviest first.

    Degrees and certifications listed in their own sections are where they belong and are left out.
    """
    terms = [
        t for t in analysis.found if t.evidence == "skills-list" and any(o.section == "skills" for o in t.occurrences)
    ]
    return [t.label for t in sorted(terms, key=lambda t: (-t.weight, t.label.casefold(), t.id))]


@dataclass(frozen=True, slots=True)
class Step:
    """One recommended fix: plain text (not escaped) and a priority used only for ordering."""

    text: str
    priority: float


def _gap(analysis: Analysis, component_id: str) -> float:
    """Points the total could gain by perfecting one component (weight × shortfall)."""
    comp = component(analysis, component_id)
    if comp is None:
        return 0.0
    return comp.weight * (100.0 - max(0.0, min(100.0, comp.value)))


def _join_labels(labels: Sequence[str], limit: int = 3) -> str:
    shown = [f"“{label}”" for label in labels[:limit]]
    more = len(labels) - limit
    text = ", ".join(shown)
    return f"{text} and {more} more" if more > 0 else text


def _brief(message: str, limit: int = 160) -> str:
    """A finding message cut to about ``limit`` characters at a word boundary, for the next-steps list."""
    message = " ".join(message.split())
    if len(message) <= limit:
        return message
    cut = message[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def _lines(statements: Sequence[Statement], limit: int = 4) -> str:
    numbers = sorted({s.line for s in statements})
    shown = ", ".join(str(n) for n in numbers[:limit]) + (", …" if len(numbers) > limit else "")
    return f"line{'s' if len(numbers) != 1 else ''} {shown}"


def next_steps(analysis: Analysis, limit: int = 5) -> list[str]:
    """The highest-value fixes, most valuable first: plain sentences built only from the analysis."""
    steps: list[Step] = []
    errors = [f for f in analysis.findings if f.severity == "error"]
    for finding in sorted(errors, key=lambda f: (f.line or 0, f.id))[:2]:
        where = f" (line {finding.line})" if finding.line else ""
        steps.append(Step(f"Fix: {_brief(finding.message)}{where}", 1000.0))

    statements = analysis.impact.statements
    total = len(statements) or 1
    counts = verdict_counts(analysis)
    impact_gap = _gap(analysis, "impact")
    weak = [s for s in statements if s.verdict == "weak"]
    if weak:
        steps.append(
            Step(
                f"Rewrite {len(weak)} duty-style bullet{'s' if len(weak) != 1 else ''} ({_lines(weak)}) to open "
                "with an action verb and end with a measured result.",
                impact_gap * counts["weak"] / total + 1.0,
            )
        )
    unquantified = [s for s in statements if s.verdict == "unquantified"]
    if unquantified:
        steps.append(
            Step(
                f"Add a number to {len(unquantified)} unquantified bullet{'s' if len(unquantified) != 1 else ''} "
                f"({_lines(unquantified)}): money, %, people, time saved or users.",
                impact_gap * counts["unquantified"] / total * 0.8 + 0.5,
            )
        )
    missing_dims = [d for d in analysis.impact.summary.missing_dimensions if d in ("budget", "schedule")]
    if missing_dims and statements:
        names = " and ".join(missing_dims)
        steps.append(
            Step(
                f"Show a {names} result: hiring managers look for projects delivered on budget and on time.",
                impact_gap * 0.3 + 0.4,
            )
        )
    missing = top_missing(analysis, per_category=2, categories=3)
    labels = [t.label for _, terms in missing for t in terms]
    if labels:
        steps.append(
            Step(
                f"If you have the experience, mention {_join_labels(labels)} where you used them.",
                _gap(analysis, "keywords") * 0.5,
            )
        )
    listed = skills_only_terms(analysis)
    if listed:
        steps.append(
            Step(
                f"Show {_join_labels(listed)} in an experience bullet, not only in the skills list.",
                _gap(analysis, "evidence") * 0.6,
            )
        )
    warnings = [f for f in report_findings(analysis) if f.severity == "warning" and not f.id.startswith("impact.")]
    for finding in sorted(warnings, key=lambda f: (f.line or 0, f.id))[:2]:
        where = f" (line {finding.line})" if finding.line else ""
        steps.append(Step(f"Check: {_brief(finding.message)}{where}", _gap(analysis, "ats") * 0.5 + 0.1))
    ordered = sorted(enumerate(steps), key=lambda item: (-item[1].priority, item[0]))
    return [step.text for _, step in ordered[:limit]]


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
