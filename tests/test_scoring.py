"""The explainable score: published weights, formulas on small cases, fingerprint, and properties (hypothesis)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_check import scoring
from resume_check.models import (
    DIMENSIONS,
    EVIDENCE_LEVELS,
    CategoryCoverage,
    Finding,
    FoundTerm,
    Impact,
    ImpactSummary,
    Metric,
    MissingTerm,
    Occurrence,
    Statement,
)
from resume_check.scoring import (
    ALGORITHM_VERSION,
    COMPONENTS,
    SCORING_RULES,
    score_analysis,
    score_ats,
    score_evidence,
    score_impact,
    score_keywords,
)

#: fingerprint of SCORING_RULES + COMPONENTS for each algorithm version: a change to the rules needs a new version
KNOWN_FINGERPRINTS = {
    "2026.11-1": "85c840d6b34de50d46ed806b6b7f66c0c8120f151fcde6482fca603dd6ec96c2",
    "2026.11-2": "dfaaf6ba41d596b098950505837ab825608603292fa4da710f9a77bc036bd636",  # evidence target 10 -> 15
    # issue 12: role header lines are context, volunteer/leadership/campus sections are experience
    "2026.12-1": "90c2a3f62af443b27b49eb2c2dc338e5d6edf1e3ac14f607d39a82a182a6d7a1",
    # number words are metrics; product durations ("a 5-day forecast feature") are not (issue 12)
    "2026.12-2": "90c2a3f62af443b27b49eb2c2dc338e5d6edf1e3ac14f607d39a82a182a6d7a1",
    # issue 13, targets: role profiles weigh terms and categories; job titles are never terms; expected impact
    # dimensions; the evidence target scales with the target
    "2026.12-3": "6ead4aee821433a116ca99fdcc8dd7a5c0de1ea99739126522d233d560961c51",
    # same rules; "troubleshot" is a past-tense opener (verdicts), suggestions never invent figures (issue 12)
    "2026.12-4": "6ead4aee821433a116ca99fdcc8dd7a5c0de1ea99739126522d233d560961c51",
    # job targets (issue 14): the match rate against a posting (jobmatch.match_rules); score rules unchanged
    "2026.12-5": "6ead4aee821433a116ca99fdcc8dd7a5c0de1ea99739126522d233d560961c51",
    # issue 12: summaries, pipe-list items, context lines and non-English résumés (statements)
    "2026.12-6": "7f6092f27cfbec416aeb65781fdcb6d188560b1f0f9a15284a577c0bd115d023",
    # same rules; a posting's own terms leave out verbs ("service utilizing", "understand engineering"); a number
    # before any plural noun is a count ("250+ packages", "4 articles"), "by a factor of N" a multiplier; a bullet
    # that did not wrap keeps the next role's header out of its statement
    "2026.12-7": "7f6092f27cfbec416aeb65781fdcb6d188560b1f0f9a15284a577c0bd115d023",
    # same rules; a quotation line is no statement, "Research Assistant" a role (statements); counts in place
    "2026.12-8": "7f6092f27cfbec416aeb65781fdcb6d188560b1f0f9a15284a577c0bd115d023",
    # same rules; an honour is judged as something achieved and asked how selective it was; "Appointed as" a role
    "2026.12-9": "7f6092f27cfbec416aeb65781fdcb6d188560b1f0f9a15284a577c0bd115d023",
    # a comma list of short title-case skills is no statement (the statements rule says so); script, instil, adopt
    # and submit are action verbs; header-only contact in a PDF is one warning, not two
    "2026.12-10": "8276a0298a9dda461cb8f557e981f859f31dd44b6d7f539d2231b7e4f76c6f2a",
    # same rules; a PDF sidebar of short left-aligned entries is read as its own column, not into the bullets; a
    # change verb's rate takes its change at the end ("Cut outages on the platform by [N]%"), results never repeat
    # the statement's verb; an entry's dates beside its first bullets are its header's; PDF line-end hyphens are read;
    # an award won or a promotion is an honour; "address" is a verb
    "2026.12-11": "8276a0298a9dda461cb8f557e981f859f31dd44b6d7f539d2231b7e4f76c6f2a",
    # same rules; a bold phrase wrapping from a bullet's line onto the next continues the bullet; a quote is never
    # cut inside a range ("from X to Y", "vRA7 to vRA8"); clichés' examples carry placeholders, not figures; a place in
    # a ranking ("Ranked 4th", "1st place") and "Rated 4.8/5" are measured results; an opening verb misspelt by one
    # letter ("Exceded") is read as the verb and reported (impact.misspelled-verb); "meet with" is communication;
    # a project named before a colon is what was made ("Built <name>, <what it is>, <result>")
    "2026.12-12": "8276a0298a9dda461cb8f557e981f859f31dd44b6d7f539d2231b7e4f76c6f2a",
    # same rules; verbs of putting a thing in place ("Implemented", "Installed", "Defined") ask what it reached unless
    # the statement names scheduled work (verbs.yaml verb_asks); a quoted noun asked about as a change sets the
    # example's ending ("What was the performance before and after?" ends "improving [what] by [N]%"); rewrites
    # turn "setup", "rollout" and "Design of" back into verbs and lead an activity ("Led vendor management"); a team
    # the example ends on is sized right after it ("Led a team of [N] people"); a member of a group is not made its
    # leader ("As a member of the steering committee, delivered [what]"); a certification earned is listed, not
    # measured; "pass" is an action verb; "Accountable for" is a duty opener; a claim of time or budget is replaced
    # in the example by the figures that prove it
    "2026.12-13": "8276a0298a9dda461cb8f557e981f859f31dd44b6d7f539d2231b7e4f76c6f2a",
    # same weights and rules; a result of none ("with zero downtime", "no major findings") is a metric of kind zero,
    # so such a statement is strong; suggestions changed (see the CHANGELOG)
    "2026.12-14": "8276a0298a9dda461cb8f557e981f859f31dd44b6d7f539d2231b7e4f76c6f2a",
}


def fingerprint() -> str:
    data = {
        "components": COMPONENTS,
        "rules": [(r.id, r.component, r.points, r.description) for r in SCORING_RULES],
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def test_rules_change_only_with_a_new_algorithm_version() -> None:
    assert ALGORITHM_VERSION in KNOWN_FINGERPRINTS, (
        f"add {ALGORITHM_VERSION!r}: {fingerprint()!r} to KNOWN_FINGERPRINTS"
    )
    assert fingerprint() == KNOWN_FINGERPRINTS[ALGORITHM_VERSION], (
        "the scoring rules or weights changed without a new ALGORITHM_VERSION: bump ALGORITHM_VERSION in "
        f"resume_check/scoring.py and add {fingerprint()!r} for it to KNOWN_FINGERPRINTS"
    )


def test_component_weights_sum_to_one_and_are_published_as_rules() -> None:
    assert abs(sum(w for _, _, w in COMPONENTS) - 1.0) < 1e-9
    rule_ids = {r.id for r in SCORING_RULES}
    assert len(rule_ids) == len(SCORING_RULES)
    for cid, _, weight in COMPONENTS:
        assert (
            scoring.ScoringRule(
                f"score.{cid}", cid, weight, next(r.description for r in SCORING_RULES if r.id == f"score.{cid}")
            )
            in SCORING_RULES
        )
    levels = [scoring.EVIDENCE_CREDIT[level] for level in EVIDENCE_LEVELS]
    assert levels == sorted(levels, reverse=True), "evidence credits must not increase with weaker evidence"


# --------------------------------------------------------------------------------------------- builders


def found(term_id: str, category: str, weight: float = 1.0, evidence: str = "skills-list") -> FoundTerm:
    occ = Occurrence(term_id, "skills", 1, 0, 1, term_id, evidence)  # type: ignore[arg-type]
    return FoundTerm(term_id, term_id, category, weight, (occ,), evidence)  # type: ignore[arg-type]


def missing(term_id: str, category: str, weight: float = 1.0) -> MissingTerm:
    return MissingTerm(term_id, term_id, category, weight)


def coverage(cid: str, terms_found: Sequence[FoundTerm], terms_missing: Sequence[MissingTerm], weight: float = 1.0):  # type: ignore[no-untyped-def]
    f = [t for t in terms_found if t.category == cid]
    m = [t for t in terms_missing if t.category == cid]
    total = sum(t.weight for t in f) + sum(t.weight for t in m)
    return CategoryCoverage(cid, cid.title(), len(f), len(f) + len(m), sum(t.weight for t in f) / total, weight)


def statement(verdict: str, dims: Sequence[str] = (), index: int = 0) -> Statement:
    metrics = tuple(Metric("10%", "percent", d, 0, 3) for d in dims)  # type: ignore[arg-type]
    return Statement("x", "experience", index + 1, index, 0, 1, verdict, "Led", "lead", metrics, "")  # type: ignore[arg-type]


def impact_of(statements: Sequence[Statement]) -> Impact:
    dims = tuple((d, sum(1 for s in statements if any(m.measures == d for m in s.metrics))) for d in DIMENSIONS)
    counts = tuple((v, sum(1 for s in statements if s.verdict == v)) for v in ("strong", "unquantified", "weak"))
    share = counts[0][1] / len(statements) if statements else 0.0
    return Impact(tuple(statements), ImpactSummary(counts, share, dims, tuple(d for d, n in dims if not n), ()))


# --------------------------------------------------------------------------------------------- components


def test_keywords_full_category_after_target_terms() -> None:
    f = [found(f"m{i}", "methodology") for i in range(5)]
    m = [missing(f"m{i}", "methodology") for i in range(5, 40)]
    comp = score_keywords([coverage("methodology", f, m)], f, m)
    assert comp.value == 100.0
    assert comp.rules[0].id == "score.keywords.category.methodology"
    assert comp.rules[0].message == "Methodology: 5 of 40 terms (weighted 12%, 100% of target)"


def test_keywords_category_weights_not_term_counts_decide() -> None:
    # a big category (100 terms) and a small one (4 terms) with equal category weight: each counts half
    big_f = [found("b0", "big")]
    big_m = [missing(f"b{i}", "big") for i in range(1, 100)]
    small_f = [found(f"s{i}", "small") for i in range(4)]
    f, m = big_f + small_f, big_m
    comp = score_keywords([coverage("big", f, m), coverage("small", f, m)], f, m)
    # big: 1 of a 5-term target = 20% of 50 points; small: all 4 of 4 = 50 points
    assert comp.value == 60.0
    assert [r.points for r in comp.rules] == [10.0, 50.0]


def test_keywords_with_unequal_category_weights() -> None:
    f = [found("a0", "a", 2.0)]
    m = [missing("a1", "a", 2.0), missing("b0", "b")]
    comp = score_keywords([coverage("a", f, m, weight=3.0), coverage("b", f, m, weight=1.0)], f, m)
    assert comp.value == 37.5  # a: target min(4, 5×2) = 4, found 2 -> 50% × 3/4 of 100


def test_keywords_empty_lexicon_scores_zero() -> None:
    assert score_keywords([], [], []).value == 0.0


def test_evidence_credits_by_best_use() -> None:
    m = [missing(f"x{i}", "c") for i in range(50)]
    skills_only = [found(f"t{i}", "c") for i in range(10)]
    achieved = [found(f"t{i}", "c", evidence="quantified-achievement") for i in range(15)]
    assert score_evidence(skills_only, m).value == 3.3  # 10 × 0.05 of a 15-term target (0.3 × 60 terms is more)
    assert score_evidence(achieved, m).value == 100.0
    comp = score_evidence([found("a", "c", evidence="achievement"), found("b", "c", evidence="duty")], m)
    assert comp.value == round(100 * (0.7 + 0.35) / 15, 1)
    # a small target (a role profile): the evidence target is 0.3 × its terms when that is fewer than 15
    few = [missing(f"x{i}", "c") for i in range(10)]
    assert score_evidence(skills_only, few).value == round(100 * 10 * 0.05 / (0.3 * 20), 1) == 8.3
    assert [(r.id, r.message) for r in comp.rules] == [
        ("score.evidence.achievement", "1 term best used as achievement"),
        ("score.evidence.duty", "1 term best used as duty"),
    ]


def test_impact_full_marks_and_penalties() -> None:
    strong = [statement("strong", [d], i) for i, d in enumerate(DIMENSIONS)]
    strong.append(statement("strong", ["budget"], 5))
    more = [statement("unquantified", (), 6 + i) for i in range(4)]
    comp = score_impact(impact_of(strong + more))
    assert comp.value == 100.0
    weak = [statement("weak", (), 20 + i) for i in range(15)]
    comp = score_impact(impact_of(strong + more + weak))
    assert comp.value == 80.0  # the weak penalty is capped at 20
    assert comp.rules[-1].id == "score.impact.weak" and comp.rules[-1].points == -20.0
    assert score_impact(impact_of([])).value == 0.0
    assert score_impact(impact_of(weak)).value == 0.0


def test_ats_penalties_once_per_id_and_impact_findings_excluded() -> None:
    findings = [
        Finding("ats.contact.email", "m", "error"),
        Finding("ats.contact.linkedin", "m", "warning"),
        Finding("ats.cliche.synergy", "m", "info"),
        Finding("text.glyphs", "m", "warning", line=3),
        Finding("text.glyphs", "m", "warning", line=9),
        Finding("impact.overused-verb", "m", "warning"),
    ]
    comp = score_ats(findings)
    assert comp.value == 75.0
    assert [(r.id, r.points, r.message) for r in comp.rules] == [
        ("score.ats.start", 100.0, "starting points"),
        ("score.ats.ats.contact.email", -15.0, "ats.contact.email (error)"),
        ("score.ats.ats.contact.linkedin", -5.0, "ats.contact.linkedin (warning)"),
        ("score.ats.text.glyphs", -5.0, "text.glyphs (warning)"),
    ]
    assert score_ats([Finding(f"ats.x{i}", "m", "error") for i in range(10)]).value == 0.0


def test_total_is_the_weighted_sum_rounded() -> None:
    f = [found("a", "c", evidence="achievement")]
    m = [missing("b", "c")]
    score = score_analysis(
        found=f,
        missing=m,
        categories=[coverage("c", f, m)],
        impact=impact_of([statement("strong", ["team"])]),
        findings=[Finding("ats.contact.email", "m", "error")],
    )
    values = {c.id: c.value for c in score.components}
    # evidence: 0.7 earned of a 0.3 × 2-term target (capped at 100); impact: 45/6 + 35/5 + 20/10
    assert values == {"keywords": 50.0, "evidence": 100.0, "impact": 16.5, "ats": 85.0}
    assert score.total == round(0.35 * 50 + 0.2 * 100 + 0.25 * 16.5 + 0.2 * 85, 1)
    assert score.algorithm_version == ALGORITHM_VERSION
    assert [c.id for c in score.components] == ["keywords", "evidence", "impact", "ats"]


# --------------------------------------------------------------------------------------------- properties

CATEGORIES = ("methodology", "budget", "cloud")
evidence_st = st.sampled_from(EVIDENCE_LEVELS)
term_st = st.tuples(st.sampled_from(CATEGORIES), st.floats(0.1, 5.0), evidence_st, st.booleans())
statement_st = st.tuples(
    st.sampled_from(("strong", "unquantified", "weak")), st.lists(st.sampled_from(DIMENSIONS), max_size=3)
)
finding_st = st.tuples(
    st.sampled_from(("ats.a", "ats.b", "text.c", "impact.d")), st.sampled_from(("error", "warning", "info"))
)


def build(terms, statements, findings):  # type: ignore[no-untyped-def]
    f = [found(f"t{i}", c, w, e) for i, (c, w, e, is_found) in enumerate(terms) if is_found]
    m = [missing(f"t{i}", c, w) for i, (c, w, _, is_found) in enumerate(terms) if not is_found]
    cats = [coverage(c, f, m) for c in CATEGORIES if any(t.category == c for t in f + m)]
    stmts = [statement(v, d, i) for i, (v, d) in enumerate(statements)]
    fnds = [Finding(i, "m", s) for i, s in findings]  # type: ignore[arg-type]
    return f, m, cats, stmts, fnds


@settings(max_examples=60, deadline=None)
@given(st.lists(term_st, max_size=25), st.lists(statement_st, max_size=15), st.lists(finding_st, max_size=8))
def test_score_stays_in_range_and_is_deterministic(terms, statements, findings) -> None:  # type: ignore[no-untyped-def]
    f, m, cats, stmts, fnds = build(terms, statements, findings)
    score = score_analysis(found=f, missing=m, categories=cats, impact=impact_of(stmts), findings=fnds)
    assert 0.0 <= score.total <= 100.0
    assert all(0.0 <= c.value <= 100.0 for c in score.components)
    assert score.total == round(score.total, 1)
    assert score == score_analysis(found=f, missing=m, categories=cats, impact=impact_of(stmts), findings=fnds)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(term_st, min_size=1, max_size=25),
    st.lists(statement_st, max_size=15),
    st.lists(finding_st, max_size=8),
    st.lists(st.sampled_from(DIMENSIONS), min_size=1, max_size=3),
    st.lists(st.integers(0, 24), max_size=3),
)
def test_adding_an_achievement_never_lowers_the_score(terms, statements, findings, dims, used) -> None:  # type: ignore[no-untyped-def]
    f, m, cats, stmts, fnds = build(terms, statements, findings)
    before = score_analysis(found=f, missing=m, categories=cats, impact=impact_of(stmts), findings=fnds)
    # the new strong statement mentions some lexicon terms: missing ones become found, found ones gain evidence
    upgraded = list(terms)
    for index in used:
        if index < len(upgraded):
            c, w, _, _ = upgraded[index]
            upgraded[index] = (c, w, "quantified-achievement", True)
    f2, m2, cats2, _, _ = build(upgraded, statements, findings)
    stmts2 = [*stmts, statement("strong", dims, len(stmts))]
    after = score_analysis(found=f2, missing=m2, categories=cats2, impact=impact_of(stmts2), findings=fnds)
    assert after.total >= before.total
    for a, b in zip(after.components, before.components, strict=True):
        assert a.value >= b.value, a.id


@settings(max_examples=40, deadline=None)
@given(st.lists(term_st, min_size=1, max_size=25), st.integers(0, 24))
def test_finding_a_term_never_lowers_coverage_or_score(terms, index) -> None:  # type: ignore[no-untyped-def]
    f, m, cats, stmts, fnds = build(terms, [], [])
    before = score_analysis(found=f, missing=m, categories=cats, impact=impact_of(stmts), findings=fnds)
    index %= len(terms)
    c, w, e, _ = terms[index]
    changed = [*terms[:index], (c, w, e, True), *terms[index + 1 :]]
    f2, m2, cats2, _, _ = build(changed, [], [])
    after = score_analysis(found=f2, missing=m2, categories=cats2, impact=impact_of(stmts), findings=fnds)
    assert after.total >= before.total
    assert all(a.coverage >= b.coverage for a, b in zip(cats2, cats, strict=True))
