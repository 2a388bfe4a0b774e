"""Selections every report shares, and the next steps: pure functions of an Analysis (no formatting).

``build_next_steps`` gives the Analysis its ``next_steps`` records (analysis.py), so every format shows the same
steps; the renderers' helpers (render/common.py) re-export the selections.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .models import (
    DIMENSIONS,
    Analysis,
    CategoryCoverage,
    Finding,
    MissingTerm,
    NextStep,
    ScoreComponent,
    Statement,
)

#: how many next steps an analysis carries
MAX_NEXT_STEPS = 5
VERDICT_ORDER: tuple[str, ...] = ("strong", "unquantified", "weak")


def clamp_share(value: float, scale: float = 1.0) -> float:
    if value != value:  # NaN
        return 0.0
    return max(0.0, min(1.0, value / scale))


#: statement-level finding ids that repeat a statement's verdict: reports show them with the statement instead
STATEMENT_FINDINGS = frozenset({"impact.weak", "impact.passive", "impact.first-person", "impact.unquantified"})


def report_findings(analysis: Analysis) -> list[Finding]:
    """The findings a report lists under its checks: all but those repeating a statement's verdict
    (a finding whose id is in STATEMENT_FINDINGS and among the issues of a statement on the same line)."""
    shown_with_statement = {
        (st.line, issue) for st in analysis.impact.statements for issue in st.issues if issue in STATEMENT_FINDINGS
    }
    return [f for f in analysis.findings if (f.line, f.id) not in shown_with_statement]


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


def top_missing(
    analysis: Analysis, *, per_category: int = 3, categories: int | None = None, exclude: Collection[str] = ()
) -> list[tuple[CategoryCoverage | None, list[MissingTerm]]]:
    """The heaviest missing terms (less ``exclude``d ids), a few per category; categories with the largest
    weighted gap first. Job titles are never missing terms (target.TITLE_CATEGORIES)."""
    by_cat: dict[str, list[MissingTerm]] = {}
    for term in analysis.missing:
        if term.id in exclude:
            continue
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


def skills_only_terms(analysis: Analysis) -> list[str]:
    """Labels of found terms whose only evidence is the skills section, heaviest first.

    Degrees and certifications listed in their own sections are where they belong and are left out.
    """
    terms = [
        t for t in analysis.found if t.evidence == "skills-list" and any(o.section == "skills" for o in t.occurrences)
    ]
    return [t.label for t in sorted(terms, key=lambda t: (-t.weight, t.label.casefold(), t.id))]


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


def build_next_steps(analysis: Analysis, limit: int = MAX_NEXT_STEPS) -> tuple[NextStep, ...]:
    """The highest-value fixes, most valuable first: plain sentences built only from the analysis (its target
    included: missing terms are the target's, and only the impact dimensions it expects are asked for)."""
    steps: list[NextStep] = []
    errors = [f for f in analysis.findings if f.severity == "error"]
    for finding in sorted(errors, key=lambda f: (f.line or 0, f.id))[:2]:
        where = f" (line {finding.line})" if finding.line else ""
        steps.append(NextStep("fix-error", f"Fix: {_brief(finding.message)}{where}", 1000.0, finding.line))

    statements = analysis.impact.statements
    total = len(statements) or 1
    counts = verdict_counts(analysis)
    impact_gap = _gap(analysis, "impact")
    weak = [s for s in statements if s.verdict == "weak"]
    if weak:
        steps.append(
            NextStep(
                "rewrite-duties",
                f"Rewrite {len(weak)} duty-style bullet{'s' if len(weak) != 1 else ''} ({_lines(weak)}) to open "
                "with an action verb and end with a measured result.",
                impact_gap * counts["weak"] / total + 1.0,
            )
        )
    unquantified = [s for s in statements if s.verdict == "unquantified"]
    if unquantified:
        steps.append(
            NextStep(
                "quantify",
                f"Add a number to {len(unquantified)} unquantified bullet{'s' if len(unquantified) != 1 else ''} "
                f"({_lines(unquantified)}): money, %, people, time saved or users.",
                impact_gap * counts["unquantified"] / total * 0.8 + 0.5,
            )
        )
    expected = analysis.target.expectations.dimensions or DIMENSIONS
    missing_dims = [
        d for d in analysis.impact.summary.missing_dimensions if d in ("budget", "schedule") and d in expected
    ]
    if missing_dims and statements:
        names = " and ".join(missing_dims)
        how = {"budget": "on budget", "schedule": "on time"}
        steps.append(
            NextStep(
                "show-dimension",
                f"Show a {names} result: hiring managers look for projects delivered "
                f"{' and '.join(how[d] for d in missing_dims)}.",
                impact_gap * 0.3 + 0.4,
            )
        )
    required = [m for m in analysis.missing if m.level == "required"]
    if required and analysis.target.kind != "lexicon":
        shown = sorted(required, key=lambda m: (-m.weight, m.label.casefold(), m.id))
        steps.append(
            NextStep(
                "add-required",
                f"The {analysis.target.label} role asks for {_join_labels([m.label for m in shown])}: if you have "
                "the experience, show it in a bullet.",
                _gap(analysis, "keywords") * 0.6,
                terms=tuple(m.id for m in shown),
            )
        )
    named = {m.id for m in required} if analysis.target.kind != "lexicon" else set()
    missing = top_missing(analysis, per_category=2, categories=3, exclude=named)
    labels = [t.label for _, terms in missing for t in terms]
    if labels:
        steps.append(
            NextStep(
                "add-missing",
                f"If you have the experience, mention {_join_labels(labels)} where you used them.",
                _gap(analysis, "keywords") * 0.5,
                terms=tuple(t.id for _, terms in missing for t in terms),
            )
        )
    listed = skills_only_terms(analysis)
    if listed:
        steps.append(
            NextStep(
                "show-in-experience",
                f"Show {_join_labels(listed)} in an experience bullet, not only in the skills list.",
                _gap(analysis, "evidence") * 0.6,
            )
        )
    warnings = [f for f in report_findings(analysis) if f.severity == "warning" and not f.id.startswith("impact.")]
    for finding in sorted(warnings, key=lambda f: (f.line or 0, f.id))[:2]:
        where = f" (line {finding.line})" if finding.line else ""
        steps.append(
            NextStep("check-warning", f"Check: {_brief(finding.message)}{where}", _gap(analysis, "ats") * 0.5 + 0.1,
                     finding.line)
        )  # fmt: skip
    ordered = sorted(enumerate(steps), key=lambda item: (-item[1].priority, item[0]))
    return tuple(step for _, step in ordered[:limit])
