"""Markdown report (GitHub-flavoured): the terminal report's content, for an email or a pull request.

Every string from the résumé, its file name or a lexicon is cleaned of control characters and
backslash-escaped, so it renders as the same text and never as links, emphasis, headings, tables or raw HTML.
"""

from __future__ import annotations

import re

from .. import __version__
from ..models import DIMENSIONS, Analysis, Statement
from .common import (
    SEVERITY_TITLES,
    also_found_labels,
    bar,
    clean_text,
    dimension_counts,
    findings_by_severity,
    fmt_number,
    fmt_percent,
    fmt_weight,
    job_checks,
    job_evidence_credits,
    job_level_weights,
    job_terms_share,
    job_title_points,
    knockouts_by_line,
    next_steps,
    overview,
    report_findings,
    skills_only_terms,
    source_name,
    statement_metrics,
    strongest_statements,
    target_summary,
    top_missing,
    verdict_counts,
    weakest_statements,
)

BAR_WIDTH = 20
MAX_STRONGEST = 3
MISSING_PER_CATEGORY = 5

#: characters CommonMark/GFM give meaning to anywhere in a line (all are valid backslash escapes)
_ALWAYS = frozenset("\\`*_{}[]()#!|<>~&$")
_ALWAYS_RE = re.compile("[" + re.escape("".join(sorted(_ALWAYS))) + "]")
#: characters that only mean something at the start of a line (lists, quotes, headings, setext underlines)
_LEADING = re.compile(r"^(\s*)([-+=.:>])")
_ORDERED = re.compile(r"^(\s*\d{1,9})([.)])")


def md(text: str) -> str:
    """Résumé text as inert Markdown: one line, control characters removed, punctuation backslash-escaped."""
    text = clean_text(text).strip()
    out = _ALWAYS_RE.sub(r"\\\g<0>", text)
    # the line-start rules need a digit or one of -+=.:> as the first non-space character: test that first
    head = out.lstrip()[:1]
    if head.isdecimal():
        out = _ORDERED.sub(r"\1\\\2", out)
    elif not head or head not in "-+=.:>":
        return out
    return _LEADING.sub(r"\1\\\2", out)


def md_code(text: str) -> str:
    """``text`` as a code span whose fence is longer than any backtick run inside it (never in tables)."""
    text = clean_text(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.endswith(" ")):
        text = f" {text} "
    return f"{fence}{text}{fence}" if text.strip() else md(text)


def _bar(share: float) -> str:
    return f"`{bar(share, BAR_WIDTH)}`"


def _header(analysis: Analysis) -> list[str]:
    source = analysis.source
    kind = clean_text(source.type).upper() or "?"
    if source.pages:
        kind += f", {source.pages} page{'s' if source.pages != 1 else ''}"
    total = max(0.0, min(100.0, analysis.score.total))
    return [
        f"# Résumé check: {md(source_name(analysis))}",
        "",
        f"**Score: {fmt_number(total)}/100** {_bar(total / 100)} · scoring algorithm "
        f"{md(analysis.score.algorithm_version)} · {md(kind)} · resume\\-check {__version__}",
        "",
        overview(analysis),
        "",
        md(target_summary(analysis)),
    ]


def _components(analysis: Analysis) -> list[str]:
    comps = analysis.score.components
    if not comps:
        return []
    lines = [
        "",
        "## Score breakdown",
        "",
        "| Component | Weight | Score | | Points |",
        "|:--|--:|--:|:--|--:|",
    ]
    for comp in comps:
        value = max(0.0, min(100.0, comp.value))
        lines.append(
            f"| {md(comp.label)} | {fmt_weight(comp.weight)} | {fmt_number(value)} | {_bar(value / 100)} "
            f"| {fmt_number(comp.weight * value)} |"
        )
    lines += ["", "How each component was scored (`resume-check explain` lists every rule):", ""]
    for comp in comps:
        lines.append(f"- **{md(comp.label)}** ({fmt_number(comp.value)}/100)")
        for rule in comp.rules:
            sign = "+" if rule.points >= 0 else "−"
            lines.append(f"  - {sign}{fmt_number(abs(rule.points), 2)}: {md(rule.message)} {md_code(rule.id)}")
    return lines


def _categories(analysis: Analysis) -> list[str]:
    if not analysis.categories:
        return []
    lines = [
        "",
        "## Keyword coverage by category",
        "",
        "| Category | Found | Coverage | | Weight |",
        "|:--|--:|--:|:--|--:|",
    ]
    for cat in analysis.categories:
        lines.append(
            f"| {md(cat.label)} | {cat.found}/{cat.total} | {fmt_percent(cat.coverage)} | {_bar(cat.coverage)} "
            f"| ×{fmt_number(cat.weight, 2)} |"
        )
    return lines


def _missing(analysis: Analysis) -> list[str]:
    groups = top_missing(analysis, per_category=MISSING_PER_CATEGORY)
    listed = skills_only_terms(analysis)
    also = also_found_labels(analysis)
    if not groups and not listed and not also:
        return []
    lines = ["", "## Top missing keywords", ""]
    for cat, terms in groups:
        label = md(cat.label) if cat is not None else md(terms[0].category)
        lines.append(f"- **{label}:** " + ", ".join(md(t.label) for t in terms))
    if listed:
        lines += [
            "",
            "Only in your skills list (show them in an experience bullet): " + ", ".join(md(x) for x in listed),
        ]
    if also:
        lines += ["", "Also found (outside the target): " + ", ".join(md(x) for x in also)]
    return lines


def _statement(st: Statement, with_suggestion: bool) -> list[str]:
    lines = [f"- **Line {st.line}** ({st.verdict}): “{md(st.text)}”"]
    metrics = statement_metrics(st)
    if metrics:
        lines.append(f"  - Metrics: {md(metrics)}")
    if with_suggestion and st.suggestion:
        lines.append(f"  - → {md(st.suggestion)}")
    return lines


def _impact(analysis: Analysis) -> list[str]:
    statements = analysis.impact.statements
    summary = analysis.impact.summary
    lines = ["", "## Impact", ""]
    if not statements:
        lines.append(
            "No experience or project bullets found to judge. Describe each role with bullets that open with an "
            "action verb and end with a measured result."
        )
        return lines
    counts = verdict_counts(analysis)
    n = len(statements)
    lines.append(
        f"{n} statement{'s' if n != 1 else ''}: **{counts['strong']} strong** · {counts['unquantified']} "
        f"unquantified · {counts['weak']} weak · {fmt_percent(summary.quantified_share)} quantified"
    )
    dims = dimension_counts(analysis)
    lines += ["", "Results shown: " + " · ".join(("✓ " if dims[d] else "✗ ") + d for d in DIMENSIONS)]
    if summary.overused_verbs:
        verbs = ", ".join(f"{md(verb)} ×{count}" for verb, count in summary.overused_verbs)
        lines += ["", f"Over-used verbs: {verbs}"]
    weakest = weakest_statements(analysis, len(statements))
    if weakest:
        lines += ["", "### Fix first", ""]
        for st in weakest:
            lines += _statement(st, with_suggestion=True)
    strongest = strongest_statements(analysis, MAX_STRONGEST)
    if strongest:
        lines += ["", "### Your strongest (write the others like these)", ""]
        for st in strongest:
            lines += _statement(st, with_suggestion=False)
    return lines


def _findings(analysis: Analysis) -> list[str]:
    lines = ["", "## ATS readiness and checks", ""]
    groups = findings_by_severity(report_findings(analysis))
    if not groups:
        lines.append("✓ No ATS problems found.")
        return lines
    for severity, findings in groups:
        title = SEVERITY_TITLES.get(severity, md(severity).capitalize())
        lines += [f"### {title} ({len(findings)})", ""]
        for finding in findings:
            where = f" (line {finding.line})" if finding.line else ""
            count = f" ×{finding.count}" if finding.count > 1 else ""
            lines.append(f"- {md(finding.message)}{where}{count} {md_code(finding.id)}")
        lines.append("")
    lines.pop()
    return lines


def _next(analysis: Analysis) -> list[str]:
    steps = next_steps(analysis)
    if not steps:
        return []
    lines = ["", "## Next steps", ""]
    lines += [f"{number}. {md(step)}" for number, step in enumerate(steps, 1)]
    return lines


def _footer(analysis: Analysis) -> list[str]:
    packs = ", ".join(f"{md(pack)} {md(version)}" for pack, version in analysis.lexicons)
    text = f"Generated offline by resume\\-check {__version__}"
    if packs:
        text += f" with lexicons {packs}"
    return ["", "---", "", f"*{text}.*"]


def render(analysis: Analysis, *, color: bool = False) -> str:
    """The report as GitHub-flavoured Markdown (``color`` is accepted for a uniform signature and ignored)."""
    lines: list[str] = []
    lines += _header(analysis)
    lines += _job(analysis)
    lines += _components(analysis)
    lines += _categories(analysis)
    lines += _missing(analysis)
    lines += _impact(analysis)
    lines += _findings(analysis)
    lines += _next(analysis)
    lines += _footer(analysis)
    return "\n".join(lines) + "\n"


def _job(analysis: Analysis) -> list[str]:
    """The match against a job posting (``check --job``), every number with where it comes from."""
    job = analysis.job
    if job is None:
        return []
    title_points = job_title_points(job.title_match.matched)
    credit = job_evidence_credits()
    lines = [
        "",
        f"## Job match: {md(job.title)}",
        "",
        f"**Match {fmt_number(job.rate)}/100** = terms {fmt_number(job.terms_rate)}/100 × {job_terms_share()} "
        f"+ title {title_points} ({job_level_weights()}; evidence: quantified achievement "
        f"{credit['quantified-achievement']}, achievement {credit['achievement']}, duty {credit['duty']}, "
        f"listed {credit['skills-list']}).",
        "",
    ]
    lines += [f"- {what}: {mark} {detail}" for mark, what, detail in job_checks(job, md)]
    rows = [t for t in job.terms if t.level != "duty" or t.found]
    if rows:
        lines += ["", "| term | asked | in your résumé | posting line / your line |", "|---|---|---|---|"]
        for t in rows:
            if t.found:
                state, where = f"✓ {t.evidence}", f"line {t.proof_line}: {md(t.proof)}"
            elif t.satisfied_by:
                state, where = f"✓ via {md(t.satisfied_by)}", f"line {t.line}: {md(t.ask)}"
            else:
                state, where = "✗ missing", f"line {t.line}: {md(t.ask)}"
            lines.append(f"| {md(t.label)} | {t.level} | {state} | {where} |")
    if job.knockouts:
        lines += ["", "**Check these yourself (knock-out lines):**", ""]
        lines += [f"- line {line} \\[{kinds}\\]: {md(text)}" for line, kinds, text in knockouts_by_line(job.knockouts)]
    if job.steps:
        lines += ["", "**Where to add what (if you have the experience):**", ""]
        lines += [f"{n}. {md(step.message)}" for n, step in enumerate(job.steps, 1)]
    return lines
