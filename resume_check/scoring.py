"""The explainable score: pure arithmetic over found terms, impact and findings; every weight is published here.

The total (0..100, one decimal) is the weighted sum of four components, each on a 0..100 scale:

- **keywords** (WEIGHT_KEYWORDS): for each category c, ``credit_c = min(1, found_weight_c / target_c)`` with
  ``target_c = min(total_weight_c, KEYWORD_TARGET_TERMS × mean term weight in c)``; the component is
  ``100 × Σ_c category_weight_c × credit_c / Σ_c category_weight_c``. A big category cannot dominate: its pull is
  its category weight, and it fills up after about KEYWORD_TARGET_TERMS average terms, however many it holds.
- **evidence** (WEIGHT_EVIDENCE): each found term earns ``term weight × EVIDENCE_CREDIT[best evidence]``
  (used in a quantified achievement counts fully, listed in skills hardly at all); the component is
  ``100 × min(1, earned / (n × mean term weight))`` with ``n = min(EVIDENCE_TARGET_TERMS, EVIDENCE_TARGET_SHARE ×
  the target's term count)``: a focused target (a role profile of ~40 terms) is not asked for 15 proven terms.
- **impact** (WEIGHT_IMPACT): bounded credits, never shares, so adding an achievement never lowers it:
  ``IMPACT_STRONG_POINTS × min(1, strong / IMPACT_STRONG_TARGET)`` +
  ``IMPACT_DIMENSION_POINTS × expected dimensions evidenced / expected dimensions`` (the target's; all five for
  the whole lexicon: a coordinator is not expected to show a budget result) +
  ``IMPACT_ACTION_POINTS × min(1, (strong + unquantified) / IMPACT_ACTION_TARGET)`` −
  ``min(IMPACT_WEAK_CAP, IMPACT_WEAK_PENALTY × weak)``, floored at 0.
- **ats** (WEIGHT_ATS): ATS_START minus ATS_PENALTY[severity] once per distinct finding id (impact.* findings
  excluded: they feed the impact component), floored at 0.

The keyword and evidence components are computed over the TARGET's terms (targets/target.py): the whole lexicon, a role
profile or a job posting. A role profile's term weighs ``profile weight × LEVEL_FACTOR[level]`` (required 2,
preferred 1), its categories weigh what the profile says, and the certifications that count form one term found
when any of them is. Job titles are never terms of a target.

Change any constant or formula here and bump ALGORITHM_VERSION (a test fingerprints SCORING_RULES).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .models import (
    DIMENSIONS,
    CategoryCoverage,
    Evidence,
    Finding,
    FoundTerm,
    Impact,
    MissingTerm,
    Score,
    ScoreComponent,
    ScoreRule,
)

#: bump whenever a weight, a constant or a formula below changes (format: YYYY.MM-N)
ALGORITHM_VERSION = "2026.12-14"

# component weights (sum to 1): keyword fit first, then proof of results, then where the terms are used,
# then whether an ATS can read the file at all
WEIGHT_KEYWORDS = 0.35
WEIGHT_IMPACT = 0.25
WEIGHT_EVIDENCE = 0.20
WEIGHT_ATS = 0.20

COMPONENTS: tuple[tuple[str, str, float], ...] = (
    ("keywords", "Keyword coverage", WEIGHT_KEYWORDS),
    ("evidence", "Evidence", WEIGHT_EVIDENCE),
    ("impact", "Impact", WEIGHT_IMPACT),
    ("ats", "ATS readiness", WEIGHT_ATS),
)

#: a category is full once its found weight equals this many of its average terms (or all of it, if smaller)
KEYWORD_TARGET_TERMS = 5

#: credit per evidence level, in the order of models.EVIDENCE_LEVELS (non-increasing, so more evidence never
#: lowers a term's credit)
EVIDENCE_CREDIT: dict[Evidence, float] = {
    "quantified-achievement": 1.0,
    "achievement": 0.7,
    "duty": 0.35,
    "skills-list": 0.05,
    "mention": 0.05,
}
#: the evidence component is full once the credits add up to this many average terms
EVIDENCE_TARGET_TERMS = 15
#: ... or this share of the target's terms, if fewer (a role profile has ~40 terms, the whole lexicon ~360)
EVIDENCE_TARGET_SHARE = 0.3

IMPACT_STRONG_POINTS = 45.0
IMPACT_STRONG_TARGET = 6  # quantified achievements for full credit
IMPACT_DIMENSION_POINTS = 35.0  # shared equally by budget, schedule, scope, team, quality
IMPACT_ACTION_POINTS = 20.0
IMPACT_ACTION_TARGET = 10  # action statements (strong or unquantified) for full credit
IMPACT_WEAK_PENALTY = 2.0  # per duty-style statement
IMPACT_WEAK_CAP = 20.0

ATS_START = 100.0
ATS_PENALTY: dict[str, float] = {"error": 15.0, "warning": 5.0, "info": 0.0}


@dataclass(frozen=True, slots=True)
class ScoringRule:
    """A published rule: what `resume-check explain` prints."""

    id: str
    component: str
    points: float  # component weight, maximum points, credit or penalty, as the description says
    description: str


SCORING_RULES: tuple[ScoringRule, ...] = (
    ScoringRule("score.keywords", "keywords", WEIGHT_KEYWORDS, "component weight: keyword coverage"),
    ScoringRule(
        "score.keywords.category",
        "keywords",
        100.0,
        "each category earns 100 × category weight / sum of category weights × min(1, found weight / target)",
    ),
    ScoringRule(
        "score.keywords.target",
        "keywords",
        float(KEYWORD_TARGET_TERMS),
        "target = min(category total weight, this many × the category's mean term weight)",
    ),
    ScoringRule(
        "score.keywords.role.required",
        "keywords",
        2.0,
        "a role profile's required term weighs this many times its profile weight (1-5); coverage, missing terms "
        "and both keyword and evidence components are over the target's terms only (also-found terms earn nothing)",
    ),
    ScoringRule("score.keywords.role.preferred", "keywords", 1.0, "a role profile's preferred term: × its weight"),
    ScoringRule(
        "score.keywords.role.certifications",
        "keywords",
        3.0,
        "the certifications a profile counts form one preferred term of this default weight, found when any one is",
    ),
    ScoringRule(
        "score.keywords.role.categories",
        "keywords",
        1.0,
        "category weights come from the target (a role profile's category_weights), not the lexicon",
    ),
    ScoringRule(
        "score.keywords.titles", "keywords", 0.0, "job titles are never target terms: never missing, no points"
    ),
    ScoringRule("score.evidence", "evidence", WEIGHT_EVIDENCE, "component weight: terms used in achievements"),
    *(
        ScoringRule(f"score.evidence.{level}", "evidence", credit, f"credit per unit of term weight, best use: {level}")
        for level, credit in EVIDENCE_CREDIT.items()
    ),
    ScoringRule(
        "score.evidence.target",
        "evidence",
        float(EVIDENCE_TARGET_TERMS),
        "value = 100 × min(1, credits earned / (n × mean term weight)), n = this many or "
        f"{EVIDENCE_TARGET_SHARE:g} × the target's term count, whichever is smaller",
    ),
    ScoringRule("score.impact", "impact", WEIGHT_IMPACT, "component weight: measured achievements"),
    ScoringRule(
        "score.impact.strong",
        "impact",
        IMPACT_STRONG_POINTS,
        f"points × min(1, strong statements / {IMPACT_STRONG_TARGET})",
    ),
    ScoringRule(
        "score.impact.dimensions",
        "impact",
        IMPACT_DIMENSION_POINTS,
        f"points × expected dimensions evidenced / expected dimensions: the target's (a role profile's "
        f"'dimensions'), or all {len(DIMENSIONS)} ({', '.join(DIMENSIONS)}) for the whole lexicon",
    ),
    ScoringRule(
        "score.impact.actions",
        "impact",
        IMPACT_ACTION_POINTS,
        f"points × min(1, action statements (strong or unquantified) / {IMPACT_ACTION_TARGET})",
    ),
    ScoringRule(
        "score.impact.statements",
        "impact",
        0.0,
        "what counts as a statement: each bullet, each sentence of a paragraph and each verb-led item of a "
        "'|'-separated list, in the experience (including volunteer, leadership, service, involvement, activities "
        "and campus sections) and projects sections. Context is not judged: a role's title, employer, dates and place "
        "lines (also when a résumé has no headings and its roles are date-led lines), company descriptions and "
        "employer lines, project titles ending in a date, labels ending in ':' and label lists, bare URLs, skill "
        "claims ('Proficient in ...'), skills items of a list and comma lists of short title-case skills ('Python, "
        "Helm, Cloud Run'), and the summary, which describes the person. A résumé not written in English "
        "(text.language) is not judged at all",
    ),
    ScoringRule(
        "score.impact.weak",
        "impact",
        -IMPACT_WEAK_PENALTY,
        f"per weak (duty-style) statement, at most -{IMPACT_WEAK_CAP:g} in all; impact floors at 0",
    ),
    ScoringRule("score.ats", "ats", WEIGHT_ATS, "component weight: ATS readiness"),
    ScoringRule("score.ats.start", "ats", ATS_START, "starting points; the component floors at 0"),
    *(
        ScoringRule(
            f"score.ats.{severity}",
            "ats",
            -penalty if penalty else 0.0,
            f"per distinct {severity} finding id (extraction, structure and ats.* checks; impact.* excluded)",
        )
        for severity, penalty in ATS_PENALTY.items()
    ),
    ScoringRule("score.total", "total", 100.0, "total = sum of component weight × value, rounded to 0.1"),
)


# --------------------------------------------------------------------------------------------- components


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def score_keywords(
    categories: Sequence[CategoryCoverage], found: Sequence[FoundTerm], missing: Sequence[MissingTerm]
) -> ScoreComponent:
    """Weighted category coverage with a per-category target (see the module docstring)."""
    weights: dict[str, list[float]] = {}
    found_weight: dict[str, float] = {}
    for term in found:
        weights.setdefault(term.category, []).append(term.weight)
        found_weight[term.category] = found_weight.get(term.category, 0.0) + term.weight
    for miss in missing:
        weights.setdefault(miss.category, []).append(miss.weight)
    live = [c for c in categories if c.total > 0 and c.weight > 0]
    total_category_weight = sum(c.weight for c in live)
    rules: list[ScoreRule] = []
    value = 0.0
    for cat in live:
        term_weights = weights.get(cat.id, [])
        total = sum(term_weights)
        target = min(total, KEYWORD_TARGET_TERMS * _mean(term_weights))
        credit = min(1.0, found_weight.get(cat.id, 0.0) / target) if target > 0 else 0.0
        points = 100.0 * cat.weight / total_category_weight * credit
        value += points
        rules.append(
            ScoreRule(
                f"score.keywords.category.{cat.id}",
                round(points, 1),
                f"{cat.label}: {cat.found} of {cat.total} terms (weighted {cat.coverage:.0%}, {credit:.0%} of target)",
            )
        )
    return ScoreComponent("keywords", "Keyword coverage", WEIGHT_KEYWORDS, _clamp(value), tuple(rules))


def score_evidence(found: Sequence[FoundTerm], missing: Sequence[MissingTerm]) -> ScoreComponent:
    """Credits for where found terms are used: achievements count, skills lists hardly (module docstring)."""
    mean_weight = _mean([t.weight for t in found] + [m.weight for m in missing])
    size = len(found) + len(missing)
    target = min(float(EVIDENCE_TARGET_TERMS), EVIDENCE_TARGET_SHARE * size) * mean_weight
    earned: dict[Evidence, float] = {}
    counts: dict[Evidence, int] = {}
    for term in found:
        earned[term.evidence] = earned.get(term.evidence, 0.0) + term.weight * EVIDENCE_CREDIT[term.evidence]
        counts[term.evidence] = counts.get(term.evidence, 0) + 1
    total_earned = sum(earned.values())
    value = 100.0 * min(1.0, total_earned / target) if target > 0 else 0.0
    scale = value / total_earned if total_earned > 0 else 0.0  # share the (capped) value out by level
    rules = tuple(
        ScoreRule(
            f"score.evidence.{level}",
            round(earned.get(level, 0.0) * scale, 1),
            f"{counts[level]} term{'s' if counts[level] != 1 else ''} best used as {level}",
        )
        for level in EVIDENCE_CREDIT
        if counts.get(level)
    )
    return ScoreComponent("evidence", "Evidence", WEIGHT_EVIDENCE, _clamp(value), rules)


def score_impact(impact: Impact, expected: Sequence[str] = DIMENSIONS) -> ScoreComponent:
    """Bounded credits for quantified and action statements and the ``expected`` dimensions they prove, minus
    weak ones."""
    expected = [d for d in DIMENSIONS if d in expected] or list(DIMENSIONS)
    counts = {
        verdict: sum(1 for s in impact.statements if s.verdict == verdict)
        for verdict in ("strong", "unquantified", "weak")
    }
    dims = [d for d, n in impact.summary.dimensions if n > 0 and d in expected]
    strong = IMPACT_STRONG_POINTS * min(1.0, counts["strong"] / IMPACT_STRONG_TARGET)
    dimensions = IMPACT_DIMENSION_POINTS * len(dims) / len(expected)
    actions = counts["strong"] + counts["unquantified"]
    action = IMPACT_ACTION_POINTS * min(1.0, actions / IMPACT_ACTION_TARGET)
    weak = -min(IMPACT_WEAK_CAP, IMPACT_WEAK_PENALTY * counts["weak"])
    rules = [
        ScoreRule(
            "score.impact.strong",
            round(strong, 1),
            f"{counts['strong']} quantified achievements (full credit at {IMPACT_STRONG_TARGET})",
        ),
        ScoreRule(
            "score.impact.dimensions",
            round(dimensions, 1),
            f"{len(dims)} of {len(expected)} {'expected ' if len(expected) < len(DIMENSIONS) else ''}impact dimensions "
            "evidenced" + (f" ({', '.join(dims)})" if dims else ""),
        ),
        ScoreRule(
            "score.impact.actions",
            round(action, 1),
            f"{actions} action statements (full credit at {IMPACT_ACTION_TARGET})",
        ),
    ]
    if counts["weak"]:
        rules.append(ScoreRule("score.impact.weak", round(weak, 1), f"{counts['weak']} weak (duty-style) statements"))
    value = max(0.0, strong + dimensions + action + weak)
    return ScoreComponent("impact", "Impact", WEIGHT_IMPACT, _clamp(value), tuple(rules))


def score_ats(findings: Iterable[Finding]) -> ScoreComponent:
    """ATS_START minus a penalty per distinct finding id by severity (impact.* excluded), floored at 0."""
    worst: dict[str, Finding] = {}
    order = {"error": 0, "warning": 1, "info": 2}
    for finding in findings:
        if finding.id.startswith("impact."):
            continue
        held = worst.get(finding.id)
        if held is None or order[finding.severity] < order[held.severity]:
            worst[finding.id] = finding
    rules = [ScoreRule("score.ats.start", ATS_START, "starting points")]
    value = ATS_START
    for finding in sorted(worst.values(), key=lambda f: (order[f.severity], f.id)):
        penalty = ATS_PENALTY[finding.severity]
        if penalty:
            rules.append(ScoreRule(f"score.ats.{finding.id}", -penalty, f"{finding.id} ({finding.severity})"))
            value -= penalty
    return ScoreComponent("ats", "ATS readiness", WEIGHT_ATS, _clamp(value), tuple(rules))


def _clamp(value: float) -> float:
    return round(min(100.0, max(0.0, value)), 1)


def score_analysis(
    *,
    found: Sequence[FoundTerm],
    missing: Sequence[MissingTerm],
    categories: Sequence[CategoryCoverage],
    impact: Impact,
    findings: Sequence[Finding],
    dimensions: Sequence[str] = DIMENSIONS,
) -> Score:
    """The Score: each component on 0..100, the total their weighted sum rounded to one decimal.

    ``found``, ``missing`` and ``categories`` are over the target's terms; ``dimensions`` are the impact dimensions
    the target expects (all five by default)."""
    components = (
        score_keywords(categories, found, missing),
        score_evidence(found, missing),
        score_impact(impact, dimensions),
        score_ats(findings),
    )
    total = sum(c.weight * c.value for c in components)
    return Score(total=_clamp(total), algorithm_version=ALGORITHM_VERSION, components=components)


# --------------------------------------------------------------------------------------------- explain


def explain_dict() -> dict[str, object]:
    """The published rules as plain data (``resume-check explain --format json``)."""
    from .metrics import METRIC_RULES  # compiles the metric patterns: only explain needs the rules here

    return {
        "algorithm_version": ALGORITHM_VERSION,
        "components": [{"id": cid, "label": label, "weight": weight} for cid, label, weight in COMPONENTS],
        "rules": [
            {"id": r.id, "component": r.component, "points": r.points, "description": r.description}
            for r in SCORING_RULES
        ],
        "metrics": [{"id": rule_id, "description": text} for rule_id, text in METRIC_RULES],
        "suggestions": list(_suggestion_rules()),
        "job_match": _job_match_rules(),
    }


def _suggestion_rules() -> tuple[str, ...]:
    """How suggestions are made (they never change the score; ``resume_check.advice``)."""
    from .advice import SUGGESTION_RULES

    return SUGGESTION_RULES


def _job_match_rules() -> list[dict[str, object]]:
    from .targets.jobmatch import match_rules

    return [{"id": rid, "value": value, "description": text} for rid, value, text in match_rules()]


def explain_text(width: int = 80) -> str:
    """The published rules as text that fits ``width`` columns (``resume-check explain``)."""
    import textwrap

    from .metrics import METRIC_RULES  # compiles the metric patterns: only explain needs the rules here

    formula = " + ".join(f"{weight:.2f} × {cid}" for cid, _, weight in COMPONENTS)
    lines = [
        f"resume-check score, algorithm {ALGORITHM_VERSION}",
        "",
        *textwrap.wrap(
            f"total = {formula}; each component is 0 to 100 and the total is rounded to one decimal. "
            "Every report lists the rules below that gave or took points.",
            width,
        ),
    ]
    for cid, label, weight in COMPONENTS:
        lines += ["", f"{label} ({cid}), weight {weight:.2f}"]
        for rule in SCORING_RULES:
            if rule.component != cid or rule.id == f"score.{cid}":
                continue
            head = f"  {rule.id} = {rule.points:g}: "
            lines += textwrap.wrap(rule.description, width, initial_indent=head, subsequent_indent="      ")
    lines += ["", "What counts as a measured result (a strong statement needs one)"]
    for rule_id, text in METRIC_RULES:
        lines += textwrap.wrap(text, width, initial_indent=f"  {rule_id}: ", subsequent_indent="      ")
    lines += ["", "Suggestions (no points: what each weak or unquantified statement is told)"]
    for text in _suggestion_rules():
        lines += textwrap.wrap(text, width, initial_indent="  - ", subsequent_indent="    ")
    lines += ["", "Job match rate (check --job POSTING), 0 to 100, beside the score"]
    lines += textwrap.wrap(
        "rate = 100 × (match.terms × terms + match.title × title). Missing required terms are listed first with "
        "the posting line asking for each; found terms with the résumé line proving them. Years, education, "
        "certifications and knock-out lines are reported for you to check, not scored.",
        width,
        initial_indent="  ",
        subsequent_indent="  ",
    )
    for rid, value, text in _job_match_rules_tuples():
        lines += textwrap.wrap(text, width, initial_indent=f"  {rid} = {value:g}: ", subsequent_indent="      ")
    return "\n".join(lines) + "\n"


def _job_match_rules_tuples() -> tuple[tuple[str, float, str], ...]:
    from .targets.jobmatch import match_rules

    return match_rules()
