"""HTML report: one self-contained, offline page with the score breakdown and the highlighted résumé text.

No network, no external assets, no script: inline CSS only, locked down by a Content-Security-Policy meta.
Every string from the résumé, its file name or a lexicon is cleaned and escaped with ``html.escape(quote=True)``;
résumé links are shown as text, never as ``href``. Highlights are spliced by character offsets into
fragments first and each fragment is escaped on its own, so overlapping spans can never produce markup.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .. import __version__
from ..models import DIMENSIONS, Analysis, Block, FoundTerm, Occurrence, Statement
from .common import (
    EVIDENCE_TITLES,
    SEVERITY_TITLES,
    also_found_labels,
    clean_text,
    dimension_counts,
    findings_by_severity,
    fmt_number,
    fmt_percent,
    fmt_weight,
    job_checks,
    job_evidence_credits,
    job_terms_share,
    job_title_points,
    knockouts_by_line,
    level,
    next_steps,
    overview,
    report_findings,
    role_summary,
    skills_only_terms,
    source_name,
    statement_metrics,
    statements_to_improve,
    strongest_statements,
    target_summary,
    top_missing,
    verdict_counts,
    weakest_statements,
)

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
MAX_WEAKEST = 5
MAX_STRONGEST = 3
MISSING_PER_CATEGORY = 6

STYLE = """
:root{--fg:#1d232b;--muted:#5b6673;--line:#d9dee4;--bg:#fff;--panel:#f6f8fa;--good:#1a7f37;--fair:#b26a00;
--poor:#c62828;--info:#0b6bcb;--mark:#fff2a8;--strong:#e3f6e8;--unq:#fff4dc;--weak:#fde7e7}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--fg);background:var(--bg)}
main{max-width:1500px;margin:0 auto;padding:24px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:32px;align-items:start}
.doc{position:sticky;top:0;max-height:100vh;overflow:auto;padding-top:4px}
.doc h2{margin-top:8px}
h1{font-size:1.5rem;margin:0 0 4px}h2{font-size:1.2rem;margin:28px 0 10px;padding-bottom:4px;
border-bottom:1px solid var(--line)}h3{font-size:1rem;margin:16px 0 6px}
.meta,.muted{color:var(--muted);font-size:.9rem}
.top{display:grid;grid-template-columns:150px minmax(0,1fr);gap:20px;align-items:center}
.donut{text-align:center}.donut svg{width:140px;height:140px}
.donut .total{font-size:2.4rem;font-weight:700}.donut .of{fill:var(--muted);font-size:.8rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);
vertical-align:top}th{font-size:.85rem;color:var(--muted);font-weight:600}td.num,th.num{text-align:right;
white-space:nowrap;font-variant-numeric:tabular-nums}
.bar{position:relative;height:12px;min-width:60px;background:#e9edf1;border-radius:6px;overflow:hidden}
.bar>span{position:absolute;left:0;top:0;bottom:0;border-radius:6px}
.good{color:var(--good)}.fair{color:var(--fair)}.poor{color:var(--poor)}
.bar>span.good{background:var(--good)}.bar>span.fair{background:var(--fair)}.bar>span.poor{background:var(--poor)}
.chips{display:flex;flex-wrap:wrap;gap:6px;padding:0;margin:6px 0;list-style:none}
.chip{border:1px solid var(--line);border-radius:999px;padding:1px 10px;font-size:.85rem;background:var(--panel)}
.chip.yes{border-color:var(--good);color:var(--good)}.chip.no{border-color:var(--poor);color:var(--poor)}
.steps li{margin:4px 0}
.stmt-list li{margin:8px 0}.suggest{color:var(--info)}
.sev-error{color:var(--poor)}.sev-warning{color:var(--fair)}.sev-info{color:var(--info)}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--panel);padding:0 4px;
border-radius:3px;word-break:break-all}
.resume{border:1px solid var(--line);border-radius:8px;padding:8px 20px;background:#fcfcfd}
.resume h3{text-transform:none;border-bottom:1px dashed var(--line)}
.resume p,.resume li{margin:4px 0}
h1,p,li,td,summary{overflow-wrap:anywhere}
.ln{display:inline-block;min-width:2.5em;color:#9aa4af;font-size:.75rem;user-select:none}
.part{font-size:.7rem;color:var(--fair);border:1px solid var(--fair);border-radius:3px;padding:0 3px;margin-left:4px}
mark{background:var(--mark);border-bottom:2px solid #d4b106;padding:0 1px;border-radius:2px;cursor:help;color:inherit}
.metric{font-weight:700;text-decoration:underline dotted}
.s{border-radius:3px;padding:1px 0;cursor:help}
.s-strong{background:var(--strong);box-shadow:inset 0 -2px 0 var(--good)}
.s-unquantified{background:var(--unq);box-shadow:inset 0 -2px 0 var(--fair)}
.s-weak{background:var(--weak);box-shadow:inset 0 -2px 0 var(--poor)}
.legend span{margin-right:12px}
.role{font-weight:600;border-left:3px solid #3b6fb6;padding-left:6px}
.ctx{color:var(--muted);font-style:italic}
details{margin:8px 0}summary{cursor:pointer;color:var(--muted)}
footer{margin-top:32px;color:var(--muted);font-size:.8rem}
.bar>span.cat{background:#3b6fb6}
.layout.job{grid-template-columns:minmax(0,1fr) minmax(0,1fr) minmax(0,1fr)}
.posting p{margin:2px 0}.posting .req-found{background:var(--strong)}.posting .req-missing{background:var(--weak)}
.posting .head{font-weight:600}
@media (max-width:1100px){.layout.job{grid-template-columns:1fr}}
@media (max-width:1100px){.layout{grid-template-columns:1fr}.doc{position:static;max-height:none;overflow:visible}}
@media (max-width:700px){.top{grid-template-columns:1fr}}
@media print{@page{margin:12mm}body{font-size:8.5pt;line-height:1.3}main{max-width:none;padding:0}
.layout{display:block}.doc{position:static;max-height:none;overflow:visible}h2,h3{break-after:avoid}
h2{font-size:10.5pt;margin:8px 0 4px}h3{font-size:9pt;margin:5px 0 2px}p{margin:3px 0}
tr,li,.top{break-inside:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.top{grid-template-columns:90px minmax(0,1fr)}.donut svg{width:84px;height:84px}
th,td{padding:1px 5px}.bar{height:8px}.stmt-list li,.steps li{margin:2px 0}
#rules details>:not(summary){display:none}
.resume{border:none;padding:0;column-count:2;column-gap:16px;font-size:7.5pt}
.resume p,.resume li{margin:1px 0}.resume h3{break-after:avoid}
.meta,.muted{font-size:8pt}footer{margin-top:6px;font-size:7pt}ul,ol{margin:3px 0}
ul.missing{column-count:2;column-gap:16px;padding-left:14px}ul.missing li{break-inside:avoid}
.resume{column-count:3;font-size:7pt}ul.contact-read{column-count:2;padding-left:14px}
h3.sev-info+ul{display:none}ul.fix-first>li:nth-child(n+4),ul.strongest>li:nth-child(n+2){display:none}}
"""


def h(text: str) -> str:
    """Untrusted text as HTML: control/bidi characters removed, then escaped (quotes included)."""
    return html.escape(clean_text(text), quote=True)


def attr(lines: Iterable[str]) -> str:
    """Untrusted lines as one attribute value (a multi-line tooltip)."""
    return "&#10;".join(html.escape(clean_text(line), quote=True) for line in lines if line)


def _pct(share: float) -> str:
    share = max(0.0, min(1.0, share if share == share else 0.0))
    return f"{round(share * 100, 1):g}%"


def _bar(share: float, css: str | None = None) -> str:
    """A CSS bar coloured by level, or with class ``css`` (category bars are neutral: a low share is normal)."""
    pct = _pct(share)
    css = css or level(share)
    return f'<div class="bar" role="img" aria-label="{pct}"><span class="{css}" style="width:{pct}"></span></div>'


def _donut(total: float) -> str:
    total = max(0.0, min(100.0, total if total == total else 0.0))
    radius = 70
    circumference = 2 * 3.141592653589793 * radius
    filled = circumference * total / 100
    colour = {"good": "#1a7f37", "fair": "#b26a00", "poor": "#c62828"}[level(total / 100)]
    return (
        '<svg viewBox="0 0 180 180" role="img" aria-label="score">'
        f'<circle cx="90" cy="90" r="{radius}" fill="none" stroke="#e9edf1" stroke-width="18"/>'
        f'<circle cx="90" cy="90" r="{radius}" fill="none" stroke="{colour}" stroke-width="18" '
        f'stroke-dasharray="{filled:.2f} {circumference:.2f}" transform="rotate(-90 90 90)" stroke-linecap="butt"/>'
        f'<text x="90" y="96" text-anchor="middle" class="total" fill="{colour}">{fmt_number(total)}</text>'
        '<text x="90" y="120" text-anchor="middle" class="of">out of 100</text></svg>'
    )


# ----------------------------------------------------------------------------------------- summary panels


def _header(analysis: Analysis) -> str:
    source = analysis.source
    kind = h(source.type).upper() or "?"
    if source.pages:
        kind += f", {source.pages} page{'s' if source.pages != 1 else ''}"
    name = analysis.resume.contact.name
    who = f"{h(name)} · " if name else ""
    return (
        f"<header><h1>Résumé check: {h(source_name(analysis))}</h1>"
        f'<p class="meta">{who}{kind} · scoring algorithm {h(analysis.score.algorithm_version)} · '
        f'resume-check {__version__}</p><p class="meta">{h(overview(analysis))}</p>'
        f'<p class="meta target">{h(target_summary(analysis))}</p></header>'
    )


def _score(analysis: Analysis) -> str:
    rows = []
    for comp in analysis.score.components:
        value = max(0.0, min(100.0, comp.value))
        rows.append(
            f"<tr><td>{h(comp.label)}</td><td class=num>{fmt_weight(comp.weight)}</td>"
            f"<td>{_bar(value / 100)}</td><td class=num>{fmt_number(value)}</td>"
            f"<td class=num>{fmt_number(comp.weight * value)}</td></tr>"
        )
    table = (
        "<table><thead><tr><th>Component</th><th class=num>Weight</th><th>Score</th><th class=num>/100</th>"
        f"<th class=num>Points</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return (
        '<section id="score"><div class="top">'
        f'<div class="donut">{_donut(analysis.score.total)}</div>'
        f'<div><h2>Score breakdown</h2>{table}<p class="muted">Weight is the component\'s share of the total; '
        "points = weight × score. Every rule is listed under “How the score was computed” below and by "
        "<code>resume-check explain</code>.</p></div></div></section>"
    )


def _next(analysis: Analysis) -> str:
    steps = next_steps(analysis)
    if not steps:
        return ""
    items = "".join(f"<li>{h(step)}</li>" for step in steps)
    return f'<section id="next"><h2>Next steps</h2><ol class="steps">{items}</ol></section>'


def _coverage(analysis: Analysis) -> str:
    if not analysis.categories and not analysis.found and not analysis.missing:
        return ""
    rows = "".join(
        f"<tr><td>{h(cat.label)}</td><td>{_bar(cat.coverage, 'cat')}</td><td class=num>{fmt_percent(cat.coverage)}</td>"
        f"<td class=num>{cat.found}/{cat.total}</td><td class=num>×{fmt_number(cat.weight, 2)}</td></tr>"
        for cat in analysis.categories
    )
    parts = [
        '<section id="coverage"><h2>Keyword coverage by category</h2>',
        "<table><thead><tr><th>Category</th><th>Coverage</th><th class=num>%</th><th class=num>Found</th>"
        "<th class=num>Weight</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>",
    ]
    groups = top_missing(analysis, per_category=MISSING_PER_CATEGORY)
    if groups:
        parts.append('<h3>Top missing keywords</h3><ul class="missing">')
        for cat, terms in groups:
            label = h(cat.label) if cat is not None else h(terms[0].category)
            names = ", ".join(
                f'<span title="{attr([t.id, f"weight {fmt_number(t.weight, 2)}"])}">{h(t.label)}</span>' for t in terms
            )
            parts.append(f"<li><strong>{label}:</strong> {names}</li>")
        parts.append("</ul>")
    listed = skills_only_terms(analysis)
    if listed:
        parts.append(
            "<p>Only in your skills list (show them in an experience bullet): "
            + ", ".join(h(label) for label in listed)
            + "</p>"
        )
    also = also_found_labels(analysis)
    if also:
        parts.append("<p>Also found (outside the target): " + ", ".join(h(label) for label in also) + "</p>")
    if analysis.found:
        parts.append(_found_table(analysis))
    parts.append("</section>")
    return "".join(parts)


def _found_table(analysis: Analysis) -> str:
    labels = {cat.id: cat.label for cat in analysis.categories}
    rows = []
    for term in analysis.found:
        lines = sorted({occ.line for occ in term.occurrences})
        shown = ", ".join(str(n) for n in lines[:8]) + (" …" if len(lines) > 8 else "")
        rows.append(
            f"<tr><td>{h(term.label)}</td><td>{h(labels.get(term.category, term.category))}</td>"
            f"<td>{h(EVIDENCE_TITLES.get(term.evidence, term.evidence))}</td>"
            f"<td class=num>{len(term.occurrences)}</td><td>{shown}</td></tr>"
        )
    return (
        f"<details><summary>All {len(analysis.found)} keywords found, with their strongest evidence</summary>"
        "<table><thead><tr><th>Keyword</th><th>Category</th><th>Evidence</th><th class=num>Times</th>"
        f"<th>Lines</th></tr></thead><tbody>{''.join(rows)}</tbody></table></details>"
    )


def _statement_item(st: Statement, with_suggestion: bool) -> str:
    metrics = statement_metrics(st)
    extra = ""
    if metrics:
        extra += f'<br><span class="muted">Metrics: {h(metrics)}</span>'
    if with_suggestion and st.suggestion:
        extra += f'<br><span class="suggest">→ {h(st.suggestion)}</span>'
    return f'<li><span class="s s-{h(st.verdict)}">line {st.line} · {h(st.verdict)}</span> “{h(st.text)}”{extra}</li>'


def _impact(analysis: Analysis) -> str:
    statements = analysis.impact.statements
    summary = analysis.impact.summary
    parts = ['<section id="impact"><h2>Impact</h2>']
    if not statements:
        parts.append(
            "<p>No experience or project bullets found to judge. Describe each role with bullets that open with "
            "an action verb and end with a measured result.</p></section>"
        )
        return "".join(parts)
    counts = verdict_counts(analysis)
    n = len(statements)
    parts.append(
        f"<p>{n} statement{'s' if n != 1 else ''}: <strong class=good>{counts['strong']} strong</strong> · "
        f"<strong class=fair>{counts['unquantified']} unquantified</strong> · "
        f"<strong class=poor>{counts['weak']} weak</strong> · {fmt_percent(summary.quantified_share)} quantified</p>"
    )
    dims = dimension_counts(analysis)
    chips = "".join(
        f'<li class="chip {"yes" if dims[d] else "no"}">{"✓" if dims[d] else "✗"} {d}'
        + (f" ({dims[d]})" if dims[d] else "")
        + "</li>"
        for d in DIMENSIONS
    )
    parts.append(
        f'<p class="muted">Results shown (budget, schedule, scope, team, quality):</p><ul class="chips">{chips}</ul>'
    )
    if summary.overused_verbs:
        verbs = ", ".join(f"{h(verb)} ×{count}" for verb, count in summary.overused_verbs)
        parts.append(f"<p>Over-used verbs: {verbs}</p>")
    weakest = weakest_statements(analysis, MAX_WEAKEST)
    if weakest:
        parts.append('<h3>Fix first</h3><ul class="stmt-list fix-first">')
        parts += [_statement_item(st, True) for st in weakest]
        parts.append("</ul>")
        rest = weakest_statements(analysis, statements_to_improve(analysis))[len(weakest) :]
        if rest:
            # every suggestion is readable without hover (touch screens, keyboards, print): the rest fold out here
            parts.append(
                f'<details class="more"><summary>{len(rest)} more statement{"s" if len(rest) != 1 else ""} '
                'to improve, each with its suggestion</summary><ul class="stmt-list">'
            )
            parts += [_statement_item(st, True) for st in rest]
            parts.append("</ul></details>")
    strongest = strongest_statements(analysis, MAX_STRONGEST)
    if strongest:
        parts.append('<h3>Your strongest (write the others like these)</h3><ul class="stmt-list strongest">')
        parts += [_statement_item(st, False) for st in strongest]
        parts.append("</ul>")
    parts.append("</section>")
    return "".join(parts)


def _findings(analysis: Analysis) -> str:
    parts = ['<section id="checks"><h2>ATS readiness and checks</h2>']
    groups = findings_by_severity(report_findings(analysis))
    if not groups:
        parts.append('<p class="good">✓ No ATS problems found.</p>')
    for severity, findings in groups:
        title = SEVERITY_TITLES.get(severity, severity.capitalize())
        parts.append(f'<h3 class="sev-{h(severity)}">{h(title)} ({len(findings)})</h3><ul>')
        for finding in findings:
            where = f" (line {finding.line})" if finding.line else ""
            count = f" ×{finding.count}" if finding.count > 1 else ""
            parts.append(f"<li>{h(finding.message)}{where}{count} <code>{h(finding.id)}</code></li>")
        parts.append("</ul>")
    parts.append("</section>")
    return "".join(parts)


def _contact(analysis: Analysis) -> str:
    contact = analysis.resume.contact
    fields = [
        ("Name", contact.name),
        ("Email", contact.email),
        ("Phone", contact.phone),
        ("LinkedIn", contact.linkedin),
        ("GitHub", contact.github),
        ("Location", contact.location),
    ] + [("Website", site) for site in contact.websites]
    items = "".join(f"<li><strong>{label}:</strong> {h(value)}</li>" for label, value in fields if value)
    where = ", ".join(h(part) for part in contact.parts)
    found_in = f'<p class="muted">Found in: {where}</p>' if where else ""
    if not items:
        return '<p class="poor">No contact details found.</p>'
    return f'<h3>Contact details read</h3><ul class="contact-read">{items}</ul>{found_in}'


def _rules(analysis: Analysis) -> str:
    parts = ['<section id="rules"><h2>How the score was computed</h2>']
    for comp in analysis.score.components:
        items = "".join(
            f"<tr><td class=num>{'+' if rule.points >= 0 else '−'}{fmt_number(abs(rule.points), 2)}</td>"
            f"<td>{h(rule.message)}</td><td><code>{h(rule.id)}</code></td></tr>"
            for rule in comp.rules
        )
        parts.append(
            f"<details open><summary>{h(comp.label)}: {fmt_number(comp.value)}/100 × {fmt_weight(comp.weight)}"
            f"</summary><table><tbody>{items}</tbody></table></details>"
        )
    packs = ", ".join(f"{h(pack)} {h(version)}" for pack, version in analysis.lexicons)
    if packs:
        parts.append(f'<p class="muted">Lexicons: {packs}</p>')
    parts.append("</section>")
    return "".join(parts)


# ----------------------------------------------------------------------------------------- highlighted résumé


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    kind: str  # "stmt", "term", "metric"
    index: int  # statement index, (term, occurrence) flattened index, or (statement, metric) flattened index


def _term_title(term: FoundTerm, occ: Occurrence, categories: dict[str, str]) -> list[str]:
    return [
        term.label,
        f"Category: {categories.get(term.category, term.category)}",
        f"Evidence here: {EVIDENCE_TITLES.get(occ.evidence, occ.evidence)}",
        f"Strongest evidence: {EVIDENCE_TITLES.get(term.evidence, term.evidence)}",
        f"Term: {term.id}",
    ]


def _statement_title(st: Statement) -> list[str]:
    verb = st.verb or "—"
    if st.verb_family:
        verb += f" ({st.verb_family})"
    lines = [f"{st.verdict.capitalize()} statement · verb: {verb}"]
    metrics = statement_metrics(st)
    lines.append(f"Metrics: {metrics}" if metrics else "Metrics: none")
    if st.suggestion:
        lines.append(f"Suggestion: {st.suggestion}")
    if st.issues:
        lines.append("Issues: " + ", ".join(st.issues))
    return lines


class _Highlighter:
    """Splices statement, metric and term spans into the résumé text, escaping each fragment separately."""

    def __init__(self, analysis: Analysis) -> None:
        self.text = analysis.resume.text
        self.statements = analysis.impact.statements
        categories = {cat.id: cat.label for cat in analysis.categories}
        self.term_titles: list[str] = []
        self.metric_titles: list[str] = []
        spans: list[_Span] = []
        for i, st in enumerate(self.statements):
            spans.append(_Span(st.start, st.end, "stmt", i))
            for metric in st.metrics:
                spans.append(_Span(metric.start, metric.end, "metric", len(self.metric_titles)))
                self.metric_titles.append(
                    attr([f"Metric: {metric.text}", f"Kind: {metric.kind}", f"Measures: {metric.measures or '—'}"])
                )
        for term in analysis.found:
            for occ in term.occurrences:
                spans.append(_Span(occ.start, occ.end, "term", len(self.term_titles)))
                self.term_titles.append(attr(_term_title(term, occ, categories)))
        self.statement_titles = [attr(_statement_title(st)) for st in self.statements]
        self.spans = sorted((s for s in spans if 0 <= s.start < s.end <= len(self.text)), key=lambda s: s.start)

    def block(self, block: Block) -> str:
        """The block's text as HTML with its highlights (plain escaped text if its offsets are inconsistent)."""
        lo, hi = block.start, block.end
        if not (0 <= lo <= hi <= len(self.text)) or self.text[lo:hi] != block.text:
            return h(block.text)
        inside = [s for s in self.spans if s.start < hi and s.end > lo]
        cuts = sorted({lo, hi} | {max(lo, min(hi, p)) for s in inside for p in (s.start, s.end)})
        segments: list[tuple[int, int, int | None, tuple[int, ...], tuple[int, ...]]] = []
        for a, b in itertools.pairwise(cuts):
            if a >= b:
                continue
            active = [s for s in inside if s.start <= a and s.end >= b]
            stmts = [s.index for s in active if s.kind == "stmt"]
            terms = tuple(s.index for s in active if s.kind == "term")
            metrics = tuple(s.index for s in active if s.kind == "metric")
            segments.append((a, b, stmts[0] if stmts else None, terms, metrics))
        out: list[str] = []
        for stmt, run in itertools.groupby(segments, key=lambda seg: seg[2]):
            inner = "".join(self._inner(list(group)) for _, group in itertools.groupby(run, key=lambda seg: seg[3:]))
            if stmt is None:
                out.append(inner)
            else:
                verdict = h(self.statements[stmt].verdict)
                label = self.statement_titles[stmt]
                out.append(
                    f'<span class="s s-{verdict}" tabindex="0" role="note" aria-label="{label}" title="{label}">'
                    f"{inner}</span>"
                )
        return "".join(out)

    def _inner(self, group: Sequence[tuple[int, int, int | None, tuple[int, ...], tuple[int, ...]]]) -> str:
        start, end = group[0][0], group[-1][1]
        terms, metrics = group[0][3], group[0][4]
        html_text = h(self.text[start:end])
        if terms:
            title = "&#10;&#10;".join(self.term_titles[i] for i in terms)
            html_text = f'<mark title="{title}" aria-label="{title}">{html_text}</mark>'
        if metrics:
            title = "&#10;".join(self.metric_titles[i] for i in metrics)
            html_text = f'<span class="metric" title="{title}">{html_text}</span>'
        return html_text


def _resume(analysis: Analysis) -> str:
    resume = analysis.resume
    highlighter = _Highlighter(analysis)
    parts = [
        '<section id="resume"><h2>Your résumé, as an ATS reads it</h2>',
        '<p class="legend muted"><span><mark>keyword</mark></span><span class="s s-strong">strong</span> '
        '<span class="s s-unquantified">unquantified</span> <span class="s s-weak">weak</span> '
        '<span class="metric">metric</span> <span class="role">role header</span> '
        '<span class="ctx">context, not a statement</span> · hover or focus (Tab) a highlight for details; every '
        "suggestion is also listed under Impact</p>",
        _contact(analysis),
        '<div class="resume">',
    ]
    shown: set[int] = set()
    marks = _line_marks(analysis)
    for section in resume.sections:
        heading = section.heading if section.heading is not None else section.name.capitalize()
        ln = f'<span class="ln">{section.line}</span>' if section.line else ""
        parts.append(f'<h3>{ln}{h(heading)} <span class="muted">({h(section.name)})</span></h3>')
        parts.append(_blocks(resume.blocks, section.blocks, highlighter, shown, marks))
    rest = [i for i, b in enumerate(resume.blocks) if i not in shown and b.kind != "heading"]
    if rest:
        parts.append("<h3>Other text</h3>")
        parts.append(_blocks(resume.blocks, rest, highlighter, shown, marks))
    parts.append("</div></section>")
    return "".join(parts)


#: sections whose lines are judged as statements (impact.STATEMENT_SECTIONS): their other lines are marked context
_JUDGED_SECTIONS = ("experience", "projects")


def _line_marks(analysis: Analysis) -> dict[int, str]:
    """Block index -> the attributes marking it a role header or context (blocks holding a statement get none)."""
    resume = analysis.resume
    if resume.language != "en":
        return {}
    held: set[int] = set()
    for statement in analysis.impact.statements:
        held.update(
            range(resume.block_at(statement.start), resume.block_at(max(statement.start, statement.end - 1)) + 1)
        )
    marks: dict[int, str] = {}
    for role in resume.roles:
        summary = role_summary(role)
        for index in role.header:
            if index not in held:
                marks[index] = f' class="role" title="Role header (context): {h(summary)}"'
    for index, block in enumerate(resume.blocks):
        if block.section in _JUDGED_SECTIONS and block.kind != "heading" and index not in held and index not in marks:
            marks[index] = ' class="ctx" title="Context: not judged as a statement"'
    return marks


def _blocks(
    blocks: Sequence[Block],
    indexes: Iterable[int],
    highlighter: _Highlighter,
    shown: set[int],
    marks: Mapping[int, str] | None = None,
) -> str:
    out: list[str] = []
    in_list = False
    for index in indexes:
        if not 0 <= index < len(blocks) or index in shown:
            continue
        shown.add(index)
        block = blocks[index]
        part = f'<span class="part">{h(block.part)}</span>' if block.part != "body" else ""
        body = f'<span class="ln">{block.line}</span>{highlighter.block(block)}{part}'
        attrs = marks.get(index, "") if marks else ""
        if block.kind == "bullet":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li{attrs}>{body}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        out.append(f"<p{attrs}>{body}</p>")
    if in_list:
        out.append("</ul>")
    return "".join(out)


def render(analysis: Analysis, *, color: bool = False) -> str:
    """The report as one self-contained HTML page (``color`` is accepted for a uniform signature and ignored)."""
    title = f"Résumé check: {h(source_name(analysis))} — {fmt_number(analysis.score.total)}/100"
    body = "".join(
        [
            _header(analysis),
            f'<div class="layout{" job" if analysis.job is not None else ""}"><div class="panels">',
            _job(analysis),
            _score(analysis),
            _next(analysis),
            _impact(analysis),
            _findings(analysis),
            _coverage(analysis),
            _rules(analysis),
            '</div><div class="doc">',
            _resume(analysis),
            "</div>",
            _posting(analysis),
            "</div>",
            f"<footer>Generated offline by resume-check {__version__}. This page loads nothing from the network."
            "</footer>",
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        + body.replace("</section>", "</section>\n")
        + "\n</main>\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------------------------- job match


def _job(analysis: Analysis) -> str:
    """The match against a job posting (``check --job``): rate, terms missing and found, checks, next steps."""
    job = analysis.job
    if job is None:
        return ""
    title_points = job_title_points(job.title_match.matched)
    from ..targets.posting import LEVEL_WEIGHT

    weights = LEVEL_WEIGHT
    credit = job_evidence_credits()
    parts = [
        f'<section id="job"><h2>Job match: {h(job.title)}</h2>',
        f"<p><strong>Match {fmt_number(job.rate)}/100</strong> {_bar(job.rate / 100)}</p>",
        f'<p class="muted">= terms {fmt_number(job.terms_rate)}/100 × {job_terms_share()} + title {title_points}. '
        f"Required terms weigh {weights['required']:g}, preferred {weights['preferred']:g}, terms of the duties "
        f"{weights['duty']:g} (more when the posting repeats them); a found term earns "
        f"{credit['quantified-achievement']} in a quantified achievement, {credit['achievement']} in an "
        f"achievement, {credit['duty']} in a duty, {credit['skills-list']} when only listed.</p>",
    ]
    parts += [f"<p>{mark} {what}: {detail}</p>" for mark, what, detail in job_checks(job, h)]
    rows = []
    for t in job.terms:
        if t.level == "duty" and not t.found:
            continue
        if t.found:
            state, where = f"✓ {h(t.evidence or '')}", f"your line {t.proof_line}: {h(t.proof)}"
        elif t.satisfied_by:
            state, where = f"✓ via {h(t.satisfied_by)}", f"posting line {t.line}"
        else:
            state, where = '<span class="poor">✗ missing</span>', f"posting line {t.line}: {h(t.ask)}"
        rows.append(f"<tr><td>{h(t.label)}</td><td>{t.level}</td><td>{state}</td><td>{where}</td></tr>")
    if rows:
        parts.append(
            "<table><thead><tr><th>term</th><th>asked</th><th>in your résumé</th><th>where</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    if job.knockouts:
        items = "".join(
            f"<li>line {line} [{h(kinds)}]: {h(text)}</li>" for line, kinds, text in knockouts_by_line(job.knockouts)
        )
        parts.append(f"<h3>Check these yourself (knock-out lines)</h3><ul>{items}</ul>")
    if job.steps:
        items = "".join(f"<li>{h(step.message)}</li>" for step in job.steps)
        parts.append(f'<h3>Where to add what (if you have the experience)</h3><ol class="steps">{items}</ol>')
    parts.append("</section>")
    return "".join(parts)


def _posting(analysis: Analysis) -> str:
    """The posting beside the résumé, its requirement lines highlighted: found (green) or missing (red)."""
    job = analysis.job
    if job is None or not job.posting_lines:
        return ""
    parts = [
        '<div class="doc posting"><section id="posting"><h2>The posting</h2>',
        '<p class="legend muted"><span class="req-found">asks for terms you show</span> '
        '<span class="req-missing">asks for a term you do not show</span></p>',
    ]
    for number, text, state in job.posting_lines:
        css = f' class="req-{state}"' if state else ""
        parts.append(f'<p{css}><span class="ln">{number}</span>{h(text)}</p>')
    parts.append("</section></div>")
    return "".join(parts)
