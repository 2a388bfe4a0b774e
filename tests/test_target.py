"""Targets: the whole-lexicon target reproduces the analysis made before targets existed; other targets restrict
coverage, missing terms and the score to their terms and report the rest as "also found"."""

from __future__ import annotations

import dataclasses
import pickle
from functools import cache
from pathlib import Path

import pytest
from conftest import CORPUS, SAMPLES, needs_corpus

from resume_check.analysis import (
    Engine,
    analyse,
    build_engine,
    category_coverage,
    collect_findings,
    collect_terms,
    enabled_terms,
)
from resume_check.ats import check_ats
from resume_check.config import Settings
from resume_check.errors import InputError
from resume_check.extract import extract
from resume_check.models import Analysis, Resume
from resume_check.scoring import score_analysis
from resume_check.structure import build_resume
from resume_check.targets.target import EMPTY_TARGET, TITLE_CATEGORIES, Target, TargetTerm, lexicon_target


@cache
def shared_engine() -> Engine:
    """An engine measuring against the whole lexicon (``role = "lexicon"``)."""
    return build_engine(Settings(role="lexicon", role_chosen_by="option"))


def structured(path: Path) -> Resume:
    return build_resume(extract(path))


def untargeted(resume: Resume, engine: Engine) -> Analysis:
    """The analysis as resume-check computed it before targets (every enabled lexicon Term, lexicon categories),
    less the job titles, which no target holds since issue 13."""
    terms = tuple(t for t in enabled_terms(engine.lexicon, engine.settings) if t.category not in TITLE_CATEGORIES)
    impact = engine.analyse_impact(resume)
    matches = engine.matcher.match(resume)
    found, missing = collect_terms(resume, terms, matches, impact.statements)
    categories = category_coverage([c for c in engine.lexicon.categories if c.id not in TITLE_CATEGORIES], terms, found)
    findings = collect_findings(
        (*resume.warnings, *check_ats(resume, impact, cliches=engine.cliches), *impact.findings), engine.settings
    )
    score = score_analysis(found=found, missing=missing, categories=categories, impact=impact, findings=findings)
    return Analysis(resume, found, missing, categories, impact, findings, score)


def assert_same_measures(targeted: Analysis, before: Analysis) -> None:
    assert targeted.found == before.found
    assert targeted.missing == before.missing
    assert targeted.categories == before.categories
    assert targeted.score == before.score
    assert targeted.findings == before.findings
    # outside the target: exactly the job titles the résumé names (found as before, now "also found")
    engine = shared_engine()
    every = enabled_terms(engine.lexicon, engine.settings)
    matches = engine.matcher.match(targeted.resume)
    found_all, _ = collect_terms(targeted.resume, every, matches, targeted.impact.statements)
    assert targeted.also_found == tuple(t for t in found_all if t.category in TITLE_CATEGORIES)


SAMPLE_FILES = ("alex-morgan.txt", "alex-morgan.md", "alex-morgan.docx", "alex-morgan.pdf", "sam-taylor.txt")


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_lexicon_target_equals_the_untargeted_analysis_on_the_samples(name: str) -> None:
    engine = shared_engine()
    resume = structured(SAMPLES / name)
    analysis = analyse(resume, engine)
    assert analysis.target.kind == "lexicon" and analysis.target.id == "lexicon"
    assert analysis.target.chosen_by == "option" and analysis.target.reason == "given with --role"
    enabled = enabled_terms(engine.lexicon, engine.settings)
    assert len(analysis.target.terms) == sum(1 for t in enabled if t.category not in TITLE_CATEGORIES) > 300
    assert not any(t.category in TITLE_CATEGORIES for t in analysis.target.terms)
    assert_same_measures(analysis, untargeted(resume, engine))


@needs_corpus
def test_lexicon_target_equals_the_untargeted_analysis_on_the_corpus() -> None:
    engine = shared_engine()
    files = sorted(p for p in CORPUS.iterdir() if p.suffix.lower() in (".pdf", ".docx"))
    compared = 0
    for path in files:
        try:
            resume = structured(path)
        except InputError:  # a scanned PDF without a text layer: nothing to analyse either way
            continue
        assert_same_measures(analyse(resume, engine), untargeted(resume, engine))
        compared += 1
    assert compared >= 30


def test_lexicon_target_is_built_once_per_term_tuple() -> None:
    engine = shared_engine()
    terms = enabled_terms(engine.lexicon, engine.settings)
    first = lexicon_target(terms, engine.lexicon.categories)
    assert lexicon_target(terms, engine.lexicon.categories) is first
    assert lexicon_target(list(terms), engine.lexicon.categories) == first  # a list is built afresh, equal
    assert [t.id for t in first.terms] == [t.id for t in terms if t.category not in TITLE_CATEGORIES]
    assert dict(first.category_weights) == {
        c.id: c.weight for c in engine.lexicon.categories if c.id not in TITLE_CATEGORIES
    }


def small_target() -> Target:
    return Target(
        kind="role",
        id="test-role",
        label="test role",
        terms=(
            TargetTerm("methodology.scrum", "Scrum", "methodology", 2.0, "preferred", "profile test prefers it"),
            TargetTerm("governance.raci", "RACI", "governance", 1.0, "required", "profile test requires it"),
            TargetTerm("certifications.pmp", "PMP", "certifications", 3.0, "preferred"),
            TargetTerm("job.widget-wrangling", "widget wrangling", "posting", 4.0, "required", forms=("widget",)),
        ),
        category_weights=(("methodology", 2.0), ("governance", 1.0), ("certifications", 1.0), ("posting", 1.0)),
        chosen_by="option",
        reason="given on the command line",
    )


def test_an_explicit_target_restricts_coverage_missing_and_score() -> None:
    engine = shared_engine()
    resume = structured(SAMPLES / "alex-morgan.txt")
    whole = analyse(resume, engine)
    target = small_target()
    for term in target.terms[:3]:
        assert engine.lexicon.has_term(term.id), term.id  # the fixture names real lexicon terms
    analysis = analyse(resume, engine, target)
    assert analysis.target is target
    found = {t.id for t in analysis.found}
    whole_found = {t.id for t in whole.found}
    assert found == whole_found & {t.id for t in target.terms}
    assert "methodology.scrum" in found  # Alex Morgan's résumé names Scrum
    # found terms carry the target's weight; the rest of the lexicon is "also found", never lost
    assert next(t for t in analysis.found if t.id == "methodology.scrum").weight == 2.0
    titles = {t.id for t in whole.also_found}  # the job titles, outside the whole-lexicon target too
    assert titles and all(t.startswith("roles.") for t in titles)
    assert {t.id for t in analysis.also_found} == (whole_found | titles) - found
    assert not {t.id for t in analysis.also_found} & {t.id for t in target.terms}
    # missing: the target's terms not found, required first, then by category order and weight
    missing = [m.id for m in analysis.missing]
    assert set(missing) == {t.id for t in target.terms} - found
    levels = {t.id: t.level for t in target.terms}
    assert [levels[m] for m in missing] == sorted((levels[m] for m in missing), key=("required", "preferred").index)
    assert missing[0] == "job.widget-wrangling" or levels[missing[0]] == "required"
    # coverage: the target's categories in its order, at its weights, labelled from the lexicon
    assert [c.id for c in analysis.categories] == ["methodology", "governance", "certifications", "posting"]
    assert [c.weight for c in analysis.categories] == [2.0, 1.0, 1.0, 1.0]
    assert analysis.categories[0].label == engine.lexicon.category("methodology").label
    assert analysis.categories[3].label == "posting"  # a category the lexicon lacks is labelled by its id
    assert sum(c.total for c in analysis.categories) == len(target.terms)
    # the keyword component is over the target: one rule per target category
    keywords = analysis.score.components[0]
    assert [r.id for r in keywords.rules] == [f"score.keywords.category.{c}" for c, _ in target.category_weights]
    assert keywords.value != whole.score.components[0].value


def test_analysis_built_without_a_target_has_the_empty_one_and_pickles() -> None:
    engine = shared_engine()
    analysis = analyse(structured(SAMPLES / "sam-taylor.txt"), engine, small_target())
    assert pickle.loads(pickle.dumps(analysis)) == analysis
    bare = dataclasses.replace(analysis, target=EMPTY_TARGET, also_found=())
    assert pickle.loads(pickle.dumps(bare)).target == EMPTY_TARGET
