"""Cohort HTML: one self-contained page (inline CSS and SVG, no external assets) with histogram and gap tables."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..cohort.summary import Cohort, Gap
from ..targets.jobmatch import READY_RATE
from .cohort_markdown import component_ids

TOP_KEYWORDS_PER_ROLE = 10
TOP_KEYWORDS = 20
TOP_FINDINGS = 10
BINS = 10  # histogram bins of 10 points each over 0..100

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Cohort report</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #1b1b1b; line-height: 1.45; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.5rem; }}
.wide {{ max-width: 100%; overflow-x: auto; }}
td.file {{ overflow-wrap: anywhere; min-width: 8rem; }}
@media print {{ .wide {{ overflow: visible; }} body {{ max-width: none; margin: 0; }} }}
th, td {{ border-bottom: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }}
td.n, th.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
.bar {{ display: inline-block; height: 0.7rem; background: #3b6ea8; }}
.note {{ color: #555; font-size: 0.9rem; }}
svg text {{ font-size: 11px; fill: #333; }}
</style>
</head>
<body>
<h1>Cohort report</h1>
{body}
</body>
</html>
"""


def _pct(share: float) -> str:
    return f"{share * 100:.0f}%"


def histogram_counts(scores: Sequence[float]) -> list[int]:
    """People per 10-point bin: [0, 10), [10, 20) ... [90, 100] (100 falls in the last bin)."""
    counts = [0] * BINS
    for score in scores:
        counts[min(BINS - 1, max(0, int(score // (100 / BINS))))] += 1
    return counts


def histogram_svg(scores: Sequence[float]) -> str:
    """An inline SVG bar chart of the score distribution."""
    counts = histogram_counts(scores)
    width, height, pad, bar = 440, 180, 24, 40
    top = max(counts) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height + 2 * pad}" '
        f'viewBox="0 0 {width} {height + 2 * pad}"><title>Histogram of scores</title>'
    ]
    for i, count in enumerate(counts):
        h = round(height * count / top)
        x = pad + i * bar
        y = pad + height - h
        parts.append(
            f'<rect x="{x}" y="{y}" width="{bar - 4}" height="{h}" fill="#3b6ea8">'
            f"<title>{i * 10}-{i * 10 + 10}: {count}</title></rect>"
        )
        if count:
            parts.append(f'<text x="{x + (bar - 4) / 2}" y="{y - 4}" text-anchor="middle">{count}</text>')
        parts.append(f'<text x="{x}" y="{pad + height + 14}">{i * 10}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _gap_table(
    title: str, heading: str, gaps: Sequence[Gap], limit: int | None = None, *, weights: bool = False
) -> str:
    shown = [g for g in gaps if g.count][:limit] if limit else list(gaps)
    if not shown:
        return f"<h2>{escape(title)}</h2>\n<p>None.</p>\n"
    rows = "".join(
        f"<tr><td>{escape(g.label)}</td>"
        + (f'<td class="n">{g.weight:g}</td>' if weights else "")
        + f'<td class="n">{g.count}</td><td class="n">{_pct(g.share)}</td>'
        f'<td><span class="bar" style="width:{g.share * 10:.2f}rem"></span></td></tr>\n'
        for g in shown
    )
    note = '<p class="note">Ordered by share of people missing the term x the term\'s weight.</p>\n' if weights else ""
    weight_head = '<th class="n">Weight</th>' if weights else ""
    return (
        f"<h2>{escape(title)}</h2>\n{note}<table><thead><tr><th>{escape(heading)}</th>{weight_head}"
        f'<th class="n">People</th><th class="n">Share</th><th></th></tr></thead><tbody>\n{rows}</tbody></table>\n'
    )


def _people_table(cohort: Cohort) -> str:
    """Per person, in file order: score components and keyword coverage per category."""
    if not cohort.ranking:
        return ""
    components = component_ids(cohort)
    names = display_names(cohort)
    head = "".join(f'<th class="n">{escape(c.capitalize())}</th>' for c in components)
    head += "".join(f'<th class="n">{escape(label)}</th>' for _, label in cohort.categories)
    rows = []
    for p in cohort.people:
        if p.error is not None:
            continue
        comp, cov = dict(p.components), dict(p.coverage)
        cells = "".join(f'<td class="n">{comp.get(c, 0):g}</td>' for c in components)
        cells += "".join(f'<td class="n">{cov.get(cid, 0) * 100:.0f}%</td>' for cid, _ in cohort.categories)
        rows.append(f'<tr><td class="file">{escape(names.get(p.file, p.file))}</td>{cells}</tr>\n')
    return (
        "<h2>Components and coverage by person</h2>\n"
        '<p class="note">Score components (0-100) and keyword coverage per category (% of its weight).</p>\n'
        f'<div class="wide"><table><thead><tr><th>File</th>{head}</tr></thead><tbody>\n{"".join(rows)}'
        "</tbody></table></div>"
    )


def display_names(cohort: Cohort) -> dict[str, str]:
    """Each person's file as shown: relative to the folder all of them share (absolute paths make the tables
    overflow and say nothing), the path itself when they share none, the pseudonym when redacted."""
    import os

    files = [p.file for p in cohort.people]
    if cohort.redacted or not files:
        return {f: f for f in files}
    try:
        root = os.path.commonpath([os.path.dirname(os.path.abspath(f)) for f in files])
    except ValueError:  # different drives
        return {f: f for f in files}
    return {f: os.path.relpath(os.path.abspath(f), root) for f in files}


def render_cohort(cohort: Cohort) -> str:
    """The cohort report as a self-contained HTML page; all résumé-derived text is escaped."""
    body: list[str] = []
    body.append(
        f"<p>{len(cohort.people)} résumé(s): {cohort.analysed} analysed, {cohort.failed} could not be analysed.</p>"
    )
    if cohort.redacted:
        body.append(
            '<p class="note">Names, emails, phone numbers and URLs are redacted; people appear under stable '
            "pseudonyms.</p>"
        )
    body.append("<h2>Score distribution</h2>")
    d = cohort.distribution
    if d is None:
        body.append("<p>No résumé could be analysed.</p>")
    else:
        body.append(histogram_svg([p.score for p in cohort.ranking if p.score is not None]))
        body.append(
            '<table><thead><tr><th class="n">People</th><th class="n">Min</th><th class="n">Q1</th>'
            '<th class="n">Median</th><th class="n">Q3</th><th class="n">Max</th><th class="n">Mean</th></tr>'
            f'</thead><tbody><tr><td class="n">{d.count}</td><td class="n">{d.min:g}</td><td class="n">{d.q1:g}</td>'
            f'<td class="n">{d.median:g}</td><td class="n">{d.q3:g}</td><td class="n">{d.max:g}</td>'
            f'<td class="n">{d.mean:g}</td></tr></tbody></table>'
        )
        body.append('<p class="note">Quartiles by linear interpolation between closest ranks.</p>')
    body.append(
        _gap_table("Keywords most often missing", "Keyword", cohort.missing_keywords, TOP_KEYWORDS, weights=True)
    )
    if cohort.roles:
        rows = "".join(
            f'<tr><td>{escape(g.label)}</td><td class="n">{g.people}</td>'
            f"<td>{escape(', '.join(f'{kind} {count}' for kind, count in g.chosen))}</td></tr>\n"
            for g in cohort.roles
        )
        body.append(
            '<h2>Roles</h2>\n<p class="note">Each person is measured against the role they aim at (inferred from '
            'headline and titles unless given).</p>\n<table><thead><tr><th>Role</th><th class="n">People</th>'
            f"<th>How chosen</th></tr></thead><tbody>\n{rows}</tbody></table>"
        )
        for group in cohort.roles:
            title = f"Most often missing for {group.label} ({group.people} people)"
            body.append(_gap_table(title, "Keyword", group.missing_keywords, TOP_KEYWORDS_PER_ROLE, weights=True))
    body.append(_gap_table("Impact dimensions most often unevidenced", "Dimension", cohort.unevidenced_dimensions))
    body.append(_gap_table("Most common ATS findings", "Finding", cohort.common_findings, TOP_FINDINGS))
    body.append("<h2>Ranking</h2>")
    names = display_names(cohort)
    job = cohort.job is not None
    if job:
        body.append(
            f"<p>Against the posting “{escape(cohort.job or '')}”, ranked by match rate: {cohort.ready} of "
            f"{cohort.analysed} at {READY_RATE:g} or more (ready to apply). The keywords most often missing above "
            "are the posting's.</p>"
        )
    if cohort.ranking:
        rows = "".join(
            f'<tr><td class="n">{p.rank}</td><td class="file">{escape(names.get(p.file, p.file))}</td>'
            + f"<td>{escape(p.role_label)}</td>"
            + (f'<td class="n">{"" if p.match is None else f"{p.match:g}"}</td>' if job else "")
            + f'<td class="n">{p.score:g}</td>'
            f'<td class="n">{p.quantified} of {p.statements}</td>'
            f"<td>{escape(', '.join(label for _, label in p.top_missing) or 'none')}</td>"
            f'<td class="n">{p.warnings}</td></tr>\n'
            for p in cohort.ranking
        )
        body.append(
            '<div class="wide"><table><thead><tr><th class="n">Rank</th><th>File</th><th>Role</th>'
            + ('<th class="n">Match</th>' if job else "")
            + '<th class="n">Score</th>'
            '<th class="n">Quantified statements</th><th>Top missing keywords</th><th class="n">Warnings</th>'
            f"</tr></thead><tbody>\n{rows}</tbody></table></div>"
        )
    else:
        body.append("<p>Nobody to rank.</p>")
    body.append(_people_table(cohort))
    failed = [p for p in cohort.people if p.error is not None]
    if failed:
        rows = "".join(
            f'<tr><td class="file">{escape(names.get(p.file, p.file))}</td><td class="n">{p.error.exit_code}</td>'
            f"<td>{escape(p.error.message.replace(p.file, names.get(p.file, p.file)))}</td></tr>\n"
            for p in failed
            if p.error is not None
        )
        body.append(
            "<h2>Files that could not be analysed</h2>\n"
            f'<table><thead><tr><th>File</th><th class="n">Exit code</th><th>Error</th></tr></thead><tbody>\n{rows}'
            "</tbody></table>"
        )
    return PAGE.format(body="\n".join(body))
