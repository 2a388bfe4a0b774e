"""Cohort Markdown: the mentor's view (distribution, shared gaps, ranking, failures) as GitHub-flavoured Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from ..cohort.summary import Cohort, Gap
from ..targets.jobmatch import READY_RATE

TOP_KEYWORDS = 15
TOP_FINDINGS = 10
TOP_KEYWORDS_PER_ROLE = 10


def escape(text: str) -> str:
    """Make untrusted text inert inside a Markdown table cell (no HTML, links, emphasis or cell breaks)."""
    out = []
    for ch in text.replace("\r", " ").replace("\n", " "):
        if ch in "\\`*_{}[]()<>#+!|~&":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _pct(share: float) -> str:
    return f"{share * 100:.0f}%"


def _gap_table(
    title: str, heading: str, gaps: Sequence[Gap], limit: int | None = None, *, weights: bool = False
) -> list[str]:
    shown = [g for g in gaps if g.count][:limit] if limit else list(gaps)
    lines = [f"## {title}", ""]
    if not shown:
        return [*lines, "None.", ""]
    if weights:
        lines += ["Ordered by share of people missing the term x the term's weight.", ""]
        lines += [f"| {heading} | Weight | People | Share |", "|---|---:|---:|---:|"]
        lines += [f"| {escape(g.label)} | {g.weight:g} | {g.count} | {_pct(g.share)} |" for g in shown]
    else:
        lines += [f"| {heading} | People | Share |", "|---|---:|---:|"]
        lines += [f"| {escape(g.label)} | {g.count} | {_pct(g.share)} |" for g in shown]
    return [*lines, ""]


def _roles(cohort: Cohort) -> list[str]:
    """People by target (role), and what each role's people most often miss."""
    if not cohort.roles:
        return []
    lines = ["## Roles", ""]
    lines += [
        "Each person is measured against the role they aim at (inferred from headline and titles unless given).",
        "",
    ]
    lines += ["| Role | People | How chosen |", "|---|---:|---|"]
    for group in cohort.roles:
        how = ", ".join(f"{kind} {count}" for kind, count in group.chosen)
        lines.append(f"| {escape(group.label)} | {group.people} | {escape(how)} |")
    lines.append("")
    for group in cohort.roles:
        lines += _gap_table(
            f"Most often missing for {escape(group.label)} ({group.people} people)",
            "Keyword",
            group.missing_keywords,
            TOP_KEYWORDS_PER_ROLE,
            weights=True,
        )
    return lines


def component_ids(cohort: Cohort) -> list[str]:
    """Score component ids in first-seen order across the cohort."""
    ids: list[str] = []
    for person in cohort.people:
        ids.extend(cid for cid, _ in person.components if cid not in ids)
    return ids


def _people_table(cohort: Cohort) -> list[str]:
    """Per person, in file order: score components and keyword coverage per category (percent)."""
    if not cohort.ranking:
        return []
    components = component_ids(cohort)
    categories = cohort.categories
    head = ["File", *(c.capitalize() for c in components), *(escape(label) for _, label in categories)]
    lines = ["## Components and coverage by person", ""]
    lines.append("Score components (0-100) and keyword coverage per category (% of the category's weight).")
    lines += ["", "| " + " | ".join(head) + " |", "|---" + "|---:" * (len(head) - 1) + "|"]
    for p in cohort.people:
        if p.error is not None:
            continue
        comp, cov = dict(p.components), dict(p.coverage)
        cells = [escape(p.file), *(f"{comp.get(c, 0):g}" for c in components)]
        cells += [f"{cov.get(cid, 0) * 100:.0f}%" for cid, _ in categories]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def render_cohort(cohort: Cohort) -> str:
    """The cohort report as Markdown text."""
    total = len(cohort.people)
    lines = ["# Cohort report", ""]
    lines.append(f"{total} résumé(s): {cohort.analysed} analysed, {cohort.failed} could not be analysed.")
    if cohort.redacted:
        lines.append("Names, emails, phone numbers and URLs are redacted; people appear under stable pseudonyms.")
    lines.append("")
    lines += ["## Score distribution", ""]
    d = cohort.distribution
    if d is None:
        lines += ["No résumé could be analysed.", ""]
    else:
        lines += [
            "| People | Min | Q1 | Median | Q3 | Max | Mean |",
            "|---:|---:|---:|---:|---:|---:|---:|",
            f"| {d.count} | {d.min:g} | {d.q1:g} | {d.median:g} | {d.q3:g} | {d.max:g} | {d.mean:g} |",
            "",
            "Quartiles by linear interpolation between closest ranks (as numpy, R and Excel QUARTILE.INC).",
            "",
        ]
    lines += _gap_table("Keywords most often missing", "Keyword", cohort.missing_keywords, TOP_KEYWORDS, weights=True)
    lines += _roles(cohort)
    lines += _gap_table("Impact dimensions most often unevidenced", "Dimension", cohort.unevidenced_dimensions)
    lines += _gap_table("Most common ATS findings", "Finding", cohort.common_findings, TOP_FINDINGS)
    lines += ["## Ranking", ""]
    if cohort.job is not None:
        lines += [
            f"Against the posting “{escape(cohort.job)}”, ranked by match rate: {cohort.ready} of {cohort.analysed} "
            f"at {READY_RATE:g} or more (ready to apply). The keywords most often missing above are the posting's.",
            "",
        ]
    if cohort.ranking:
        job = cohort.job is not None
        lines += [
            f"| Rank | File | Role |{' Match |' if job else ''} Score | Quantified statements | Top missing keywords "
            "| Warnings |",
            f"|---:|---|---|{'---:|' if job else ''}---:|---:|---|---:|",
        ]
        for p in cohort.ranking:
            missing = ", ".join(escape(label) for _, label in p.top_missing) or "none"
            match = f" {p.match:g} |" if job and p.match is not None else (" |" if job else "")
            lines.append(
                f"| {p.rank} | {escape(p.file)} | {escape(p.role_label)} |{match} {p.score:g} | {p.quantified} of "
                f"{p.statements} | {missing} | {p.warnings} |"
            )
    else:
        lines.append("Nobody to rank.")
    lines.append("")
    lines += _people_table(cohort)
    failed = [p for p in cohort.people if p.error is not None]
    if failed:
        lines += ["## Files that could not be analysed", "", "| File | Exit code | Error |", "|---|---:|---|"]
        for p in failed:
            assert p.error is not None
            lines.append(f"| {escape(p.file)} | {p.error.exit_code} | {escape(p.error.message)} |")
        lines.append("")
    return "\n".join(lines)
