"""Terminal report: one screen saying where a résumé stands and what to fix first.

The layout follows the width it is given (the CLI passes the terminal's, or ``COLUMNS``, clamped to
``MIN_WIDTH``..``MAX_WIDTH``); advice is wrapped, never cut. ``verbose`` lists every statement to improve and
every finding instead of the first few. All résumé-derived text passes through ``common.clean_text`` (no escape
sequences, control or bidi characters reach the terminal). Colour (ANSI via ``click.style``) only when
``color=True``; the layout is identical without.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

import click

from .. import __version__
from ..models import DIMENSIONS, Analysis, Finding, Statement
from .common import (
    SEVERITY_TITLES,
    also_found_labels,
    bar,
    clean_text,
    dimension_counts,
    display_width,
    findings_by_severity,
    fmt_number,
    fmt_percent,
    fmt_weight,
    job_level_weights,
    job_terms_share,
    job_title_points,
    knockouts_by_line,
    level,
    next_steps,
    overview,
    pad,
    pad_left,
    report_findings,
    shorten,
    skills_only_terms,
    source_name,
    statement_metrics,
    statements_to_improve,
    strongest_statements,
    target_summary,
    top_missing,
    verdict_counts,
    weakest_statements,
    wrap,
)

WIDTH = 80  # the default width
MIN_WIDTH = 60
MAX_WIDTH = 140
BAR_WIDTH = 20  # at the default width; bars shrink in narrow terminals
#: how many items of each kind one screen shows
MAX_MISSING_CATEGORIES = 6
MISSING_PER_CATEGORY = 3
MAX_WEAKEST = 3
MAX_STRONGEST = 2
MAX_INFO = 5

_LEVEL_COLOURS = {"good": "green", "fair": "yellow", "poor": "red"}
_SEVERITY_STYLE = {"error": ("✗", "red"), "warning": ("!", "yellow"), "info": ("i", "cyan")}
_VERDICT_STYLE = {"strong": ("✓", "green"), "unquantified": ("~", "yellow"), "weak": ("✗", "red")}

Style = Callable[..., str]


@dataclass(frozen=True, slots=True)
class _Layout:
    width: int = WIDTH
    verbose: bool = False

    @property
    def bar_width(self) -> int:
        return max(10, min(BAR_WIDTH, BAR_WIDTH - (WIDTH - self.width) // 2))


#: the layout of the report being rendered (set by ``render`` for its own duration only)
_LAYOUT: ContextVar[_Layout] = ContextVar("terminal_layout", default=_Layout())  # noqa: B039 (frozen)


def clamp_width(columns: int) -> int:
    """A terminal's width clamped to the range the report is laid out for."""
    return max(MIN_WIDTH, min(MAX_WIDTH, columns))


def _styler(color: bool) -> Style:
    def style(text: str, fg: str | None = None, bold: bool = False, dim: bool = False) -> str:
        if not color or not text:
            return text
        return click.style(text, fg=fg, bold=bold or None, dim=dim or None)

    return style


def _c(text: str) -> str:
    return clean_text(text)


def _heading(title: str, style: Style) -> list[str]:
    return ["", style(title, bold=True), style("─" * display_width(title), dim=True)]


def _wrapped(text: str, indent: str, subsequent: str | None = None) -> list[str]:
    """``text`` wrapped to the layout's width; advice is never cut."""
    return wrap(text, _LAYOUT.get().width, indent, subsequent)


def _header(analysis: Analysis, style: Style) -> list[str]:
    source = analysis.source
    kind = _c(source.type).upper() or "?"
    if source.pages:
        kind += f", {source.pages} page{'s' if source.pages != 1 else ''}"
    title = f"resume-check {__version__} · {_c(source_name(analysis))} ({kind})"
    lines = _wrapped(title, "", "  ")
    total = max(0.0, min(100.0, analysis.score.total))
    colour = _LEVEL_COLOURS[level(total / 100)]
    score = f"{fmt_number(total)}/100"
    version = f"algorithm {_c(analysis.score.algorithm_version)}"
    bar_text = bar(total / 100, 30)
    plain = f"  Score {score}  {bar_text}"
    styled = "  Score " + style(score, fg=colour, bold=True) + "  " + style(bar_text, fg=colour)
    width = _LAYOUT.get().width
    if display_width(plain) + 2 + display_width(version) <= width:
        lines += ["", styled + "  " + style(version, dim=True)]
    else:  # a long algorithm version goes on its own line
        lines += ["", styled, style(shorten("  " + version, width), dim=True)]
    lines += _wrapped(overview(analysis), "  ", "  ")
    lines += _wrapped(_c(target_summary(analysis)), "  ", "    ")
    return lines


def _components(analysis: Analysis, style: Style) -> list[str]:
    lines = _heading("Score breakdown", style)
    comps = analysis.score.components
    label_width = min(24, max((display_width(_c(c.label)) for c in comps), default=0))
    for comp in comps:
        value = max(0.0, min(100.0, comp.value))
        colour = _LEVEL_COLOURS[level(value / 100)]
        label = pad(shorten(_c(comp.label), label_width), label_width)
        weight = pad_left(fmt_weight(comp.weight), 6)
        points = pad_left(fmt_number(value), 5)
        contrib = f"→ {fmt_number(comp.weight * value)} pts"
        lines.append(
            f"  {label} {style(weight, dim=True)}  {style(bar(value / 100, _LAYOUT.get().bar_width), fg=colour)} "
            f"{points}/100  "
            + style(contrib, dim=True)
        )
    if comps:
        note = "(weight = share of the total; `resume-check explain` lists every rule)"
        lines += [style(line, dim=True) for line in _wrapped(note, "  ", "   ")]
    return lines


def _categories(analysis: Analysis, style: Style) -> list[str]:
    if not analysis.categories:
        return []
    lines = _heading("Keyword coverage by category (× category weight)", style)
    # a category line is the label, the bar and about 25 columns of figures
    room = _LAYOUT.get().width - _LAYOUT.get().bar_width - 25
    label_width = min(34, room, max(display_width(_c(c.label)) for c in analysis.categories))
    for cat in analysis.categories:
        colour = "cyan"  # neutral: a low share of a large category is normal
        label = pad(shorten(_c(cat.label), label_width), label_width)
        counts = pad_left(f"{cat.found}/{cat.total}", 7)
        lines.append(
            f"  {label} {style(bar(cat.coverage, _LAYOUT.get().bar_width), fg=colour)} "
            f"{pad_left(fmt_percent(cat.coverage), 4)}"
            f" {counts}  " + style(f"×{fmt_number(cat.weight, 2)}", dim=True)
        )
    return lines


def _missing(analysis: Analysis, style: Style) -> list[str]:
    groups = top_missing(analysis, per_category=MISSING_PER_CATEGORY, categories=MAX_MISSING_CATEGORIES)
    if not groups and not analysis.also_found:
        return []
    lines = _heading("Top missing keywords", style)
    for cat, terms in groups:
        label = _c(cat.label) if cat is not None else _c(terms[0].category)
        names = ", ".join(_c(t.label) for t in terms)
        lines += _wrapped(f"{label}: {names}", "  ", "      ")
    listed = skills_only_terms(analysis)
    if listed:
        shown = ", ".join(_c(label) for label in listed[:5]) + (
            f" (+{len(listed) - 5} more)" if len(listed) > 5 else ""
        )
        lines += _wrapped(f"Only in your skills list (show them in a bullet): {shown}", "  ", "      ")
    also = also_found_labels(analysis)
    if also:
        shown = ", ".join(_c(label) for label in also[:5]) + (f" (+{len(also) - 5} more)" if len(also) > 5 else "")
        lines += _wrapped(f"Also found (outside the target): {shown}", "  ", "      ")
    return lines


def _statement(st: Statement, style: Style, with_suggestion: bool) -> list[str]:
    mark, colour = _VERDICT_STYLE.get(st.verdict, ("?", "white"))
    text = f"{mark} line {st.line}: “{_c(st.text)}”"
    lines = _wrapped(text, "  ", "      ")
    lines[0] = "  " + style(mark, fg=colour, bold=True) + lines[0][3:]
    metrics = statement_metrics(st)
    if metrics and st.verdict == "strong":
        lines += [style(line, dim=True) for line in _wrapped(f"metrics: {_c(metrics)}", "      ", "      ")]
    if with_suggestion and st.suggestion:
        lines += [style(line, fg="cyan") for line in _wrapped(f"→ {_c(st.suggestion)}", "      ", "        ")]
    return lines


def _impact(analysis: Analysis, style: Style) -> list[str]:
    statements = analysis.impact.statements
    summary = analysis.impact.summary
    lines = _heading("Impact", style)
    if not statements:
        lines += _wrapped(
            "No experience or project bullets found to judge. Describe each role with bullets that open with an "
            "action verb and end with a measured result.",
            "  ",
        )
        return lines
    counts = verdict_counts(analysis)
    n = len(statements)
    lines += _wrapped(
        f"{n} statement{'s' if n != 1 else ''}: "
        + style(f"{counts['strong']} strong", fg="green")
        + " · "
        + style(f"{counts['unquantified']} unquantified", fg="yellow")
        + " · "
        + style(f"{counts['weak']} weak", fg="red")
        + f" · {fmt_percent(summary.quantified_share)} quantified",
        "  ",
        "    ",
    )
    dims = dimension_counts(analysis)
    parts = []
    for dim in DIMENSIONS:
        if dims[dim]:
            parts.append(style("✓ " + dim, fg="green"))
        else:
            parts.append(style("✗ " + dim, fg="red"))
    shown = "  Results shown: " + "  ".join(parts)
    fits = display_width(shown) <= _LAYOUT.get().width
    lines += [shown] if fits else _wrapped("Results shown: " + "  ".join(parts), "  ", "    ")
    if summary.overused_verbs:
        verbs = ", ".join(f"{_c(verb)} ×{count}" for verb, count in summary.overused_verbs[:4])
        lines += _wrapped(f"Over-used verbs: {verbs}", "  ", "    ")
    verbose = _LAYOUT.get().verbose
    weakest = weakest_statements(analysis, len(statements) if verbose else MAX_WEAKEST)
    if weakest:
        lines += ["", "  Fix first:"]
        for st in weakest:
            lines += _statement(st, style, with_suggestion=True)
        more = statements_to_improve(analysis) - len(weakest)
        if more > 0:
            lines.append(style(f"    … and {more} more to improve (--verbose lists them all)", dim=True))
    strongest = strongest_statements(analysis, len(statements) if verbose else MAX_STRONGEST)
    if strongest:
        lines += ["", "  Your strongest (write the others like these):"]
        for st in strongest:
            lines += _statement(st, style, with_suggestion=False)
    return lines


def _finding_lines(finding: Finding, style: Style) -> list[str]:
    mark, colour = _SEVERITY_STYLE.get(finding.severity, ("?", "white"))
    where = f" (line {finding.line})" if finding.line else ""
    count = f" ×{finding.count}" if finding.count > 1 else ""
    text = f"{_c(finding.message)}{where}{count} [{_c(finding.id)}]"
    lines = _wrapped(f"{mark} {text}", "  ", "      ")
    lines[0] = "  " + style(mark, fg=colour, bold=True) + lines[0][3:]
    return lines


def _findings(analysis: Analysis, style: Style) -> list[str]:
    lines = _heading("ATS readiness and checks", style)
    groups = findings_by_severity(report_findings(analysis))
    if not groups:
        lines.append("  " + style("✓", fg="green") + " No ATS problems found.")
        return lines
    for severity, findings in groups:
        title = SEVERITY_TITLES.get(severity, _c(severity).capitalize())
        _, colour = _SEVERITY_STYLE.get(severity, ("?", "white"))
        lines.append("  " + style(f"{title} ({len(findings)})", fg=colour, bold=True))
        shown = findings if severity != "info" or _LAYOUT.get().verbose else findings[:MAX_INFO]
        for finding in shown:
            lines += _finding_lines(finding, style)
        if len(shown) < len(findings):
            lines.append(style(f"    … and {len(findings) - len(shown)} more (--verbose lists them all)", dim=True))
    return lines


def _next(analysis: Analysis, style: Style) -> list[str]:
    steps = next_steps(analysis)
    if not steps:
        return []
    lines = _heading("Next steps", style)
    for number, step in enumerate(steps, 1):
        lines += _wrapped(f"{number}. {_c(step)}", "  ", "     ")
    return lines


def render(analysis: Analysis, *, color: bool = False, width: int = WIDTH, verbose: bool = False) -> str:
    """The report as text laid out for ``width`` columns (clamped to MIN_WIDTH..MAX_WIDTH); ANSI colour only when
    ``color``; ``verbose`` lists every statement to improve and every finding."""
    style = _styler(color)
    token = _LAYOUT.set(_Layout(clamp_width(width), verbose))
    try:
        lines: list[str] = []
        lines += _header(analysis, style)
        lines += _job(analysis, style)
        lines += _components(analysis, style)
        lines += _categories(analysis, style)
        lines += _missing(analysis, style)
        lines += _impact(analysis, style)
        lines += _findings(analysis, style)
        lines += _next(analysis, style)
    finally:
        _LAYOUT.reset(token)
    return "\n".join(line.rstrip() for line in lines) + "\n"


# --------------------------------------------------------------------------------------------- job match

MAX_JOB_FOUND = 8
MAX_JOB_MISSING = 12


def _job(analysis: Analysis, style: Style) -> list[str]:
    """The match against a job posting (``check --job``): rate, missing terms with the line asking, found terms
    with the line proving them, title, years, certifications, education, knock-outs and where to add what."""
    job = analysis.job
    if job is None:
        return []
    heading = _wrapped(f"Job match: {_c(job.title)}", "", "  ")  # a posting title can be long
    rule = "─" * min(_LAYOUT.get().width, max(display_width(h) for h in heading))
    lines = ["", *(style(h, bold=True) for h in heading), style(rule, dim=True)]
    colour = _LEVEL_COLOURS[level(job.rate / 100)]
    rate = f"{fmt_number(job.rate)}/100"
    lines.append("  Match " + style(rate, fg=colour, bold=True) + "  " + style(bar(job.rate / 100, 30), fg=colour))
    title_points = job_title_points(job.title_match.matched)
    lines += _wrapped(
        f"terms {fmt_number(job.terms_rate)}/100 × {job_terms_share()} + title {title_points} "
        f"({job_level_weights()}; `resume-check explain` has the rule)",
        "  ",
        "  ",
    )
    mark = style("✓", fg="green") if job.title_match.matched else style("✗", fg="red")
    lines += _wrapped(f"{mark} Title: {_c(job.title_match.reason)}", "  ", "      ")
    years = job.years
    if years.asked is not None:
        shown = f"{fmt_number(years.shown)} in your role dates" if years.shown is not None else "not readable"
        sign = "?" if years.met is None else ("✓" if years.met else "✗")
        where = f", line {years.line}" if years.line else ""
        lines += _wrapped(
            f"{sign} Years: {fmt_number(years.asked)}+ asked ({_c(years.what)}{where}); {shown}", "  ", "      "
        )
    for cert in job.certifications:
        sign = "✓" if cert.shown else "✗"
        lines += _wrapped(f"{sign} Certification ({cert.level}): {_c(cert.label)}", "  ", "      ")
    if job.education is not None:
        sign = "✓" if job.education.shown else "✗"
        lines += _wrapped(
            f"{sign} Education: {_c(job.education.label)} asked (line {job.education.line})", "  ", "    "
        )
    for lvl, title in (("required", "Missing required"), ("preferred", "Missing preferred")):
        missing = job.missing(lvl)  # type: ignore[arg-type]
        if not missing:
            continue
        lines.append("")
        lines.append(style(f"  {title} ({len(missing)})", bold=True))
        for term in missing[:MAX_JOB_MISSING]:
            lines += _wrapped(f"✗ {_c(term.label)} — posting line {term.line}: “{_c(term.ask)}”", "    ", "        ")
        if len(missing) > MAX_JOB_MISSING:
            lines.append(f"    … and {len(missing) - MAX_JOB_MISSING} more (see --format html or json)")
    found = [t for t in job.found() if t.level != "duty"]
    if found:
        lines.append("")
        lines.append(style(f"  Found ({len(found)})", bold=True))
        for term in found[:MAX_JOB_FOUND]:
            lines += _wrapped(
                f"✓ {_c(term.label)} ({term.level}, {term.evidence}, line {term.proof_line}): “{_c(term.proof)}”",
                "    ",
                "        ",
            )
        if len(found) > MAX_JOB_FOUND:
            lines.append(f"    … and {len(found) - MAX_JOB_FOUND} more")
    if job.knockouts:
        lines.append("")
        lines.append(style("  Check these yourself (knock-out lines)", bold=True))
        for line, kinds, text in knockouts_by_line(job.knockouts):
            lines += _wrapped(f"! line {line} [{kinds}]: {_c(text)}", "    ", "        ")
    if job.steps:
        lines.append("")
        lines.append(style("  Where to add what (if you have the experience)", bold=True))
        for number, step in enumerate(job.steps[:8], 1):
            lines += _wrapped(f"{number}. {_c(step.message)}", "    ", "       ")
    return lines
