"""Baselines: stable JSON, line-independent fingerprints, and each kind of regression named."""

from __future__ import annotations

import json

import pytest
from test_cohort import make_analysis

from resume_check.ci.baseline import (
    build_baseline,
    compare,
    dump_baseline,
    entry_for,
    finding_fingerprint,
    parse_baseline,
)
from resume_check.ci.gate import evaluate
from resume_check.config import Settings
from resume_check.errors import ConfigError
from resume_check.models import Finding

BULLETS = ["Cut cloud costs by 20% in 2023", "Delivered a £2M ERP migration early"]


def base(**kw: object):  # type: ignore[no-untyped-def]
    defaults: dict[str, object] = {
        "found": ["methodology.scrum", "tools.jira"],
        "quantified": 2,
        "plain": 1,
        "statement_texts": BULLETS,
        "findings": [Finding("ats.contact.phone", "No phone number found", "warning", line=4)],
    }
    defaults.update(kw)
    return make_analysis("cv.md", 70, **defaults)  # type: ignore[arg-type]


def test_baseline_json_is_stable_and_sorted() -> None:
    entry = entry_for(base())
    text = dump_baseline(build_baseline({"b.md": entry, "a.md": entry}))
    assert text.endswith("}\n") and text == dump_baseline(json.loads(text))
    data = parse_baseline(text, "x.json")
    assert list(data["files"]) == ["a.md", "b.md"]
    assert entry["terms"] == ["methodology.scrum", "tools.jira"]
    statements = entry["quantified_statements"]
    assert sorted(s["text"] for s in statements) == sorted(BULLETS)
    assert [s["fingerprint"] for s in statements] == sorted(s["fingerprint"] for s in statements)
    assert entry["components"] == {"impact": 70.0, "keywords": 70.0}


def test_no_regression_against_itself_and_moved_lines() -> None:
    entry = entry_for(base())
    moved = base(findings=[Finding("ats.contact.phone", "No phone number found", "warning", line=9)])
    assert compare(entry, base()) == ()
    assert compare(entry, moved) == ()  # a finding that moved lines is not new
    assert finding_fingerprint(Finding("x", "see line 4")) == finding_fingerprint(Finding("x", "see line 12"))
    assert finding_fingerprint(Finding("x", "Only 69 words")) == finding_fingerprint(Finding("x", "Only 77 words"))
    assert finding_fingerprint(Finding("x", "cliché 'a'")) != finding_fingerprint(Finding("x", "cliché 'b'"))


def test_each_regression_kind_is_named() -> None:
    entry = entry_for(base())
    worse = base(
        found=["methodology.scrum"],
        quantified=1,
        plain=1,
        statement_texts=BULLETS[1:],
        findings=[
            Finding("ats.contact.phone", "No phone number found", "warning"),
            Finding("ats.cliche", "cliché 'team player'", "warning", line=7),
            Finding("text.ligatures", "ligatures", "info"),  # info findings are not regressions
        ],
    )
    regressions = compare(entry, worse)
    assert [r.id for r in regressions] == ["baseline.term", "baseline.finding", "baseline.statement"]
    assert "'tools.jira'" in regressions[0].message
    assert regressions[1].line == 7 and "ats.cliche" in regressions[1].message
    assert "“Cut cloud costs by 20% in 2023”" in regressions[2].message and "(2 → 1)" in regressions[2].message


def test_score_drop_and_tolerance() -> None:
    entry = entry_for(base())
    lower = make_analysis(
        "cv.md",
        67.5,
        found=["methodology.scrum", "tools.jira"],
        quantified=2,
        plain=1,
        statement_texts=BULLETS,
        findings=[Finding("ats.contact.phone", "No phone number found", "warning")],
    )
    assert [r.id for r in compare(entry, lower)] == ["baseline.score"]
    assert "score fell from 70 to 67.5 (-2.5, tolerance 0)" in compare(entry, lower)[0].message
    assert compare(entry, lower, tolerance=2.5) == ()
    assert [r.id for r in compare(entry, lower, tolerance=2.4)] == ["baseline.score"]


def test_reworded_quantified_bullet_is_not_a_loss() -> None:
    entry = entry_for(base())
    reworded = base(statement_texts=["Reduced cloud spend by 20% in 2023", BULLETS[1]])
    assert compare(entry, reworded) == ()


def test_gate_reports_baseline_failures() -> None:
    entry = entry_for(base())
    result = evaluate(base(found=["methodology.scrum"]), Settings(), entry)
    assert [(f.kind, f.id) for f in result.failures] == [("baseline", "baseline.term")]
    assert not result.passed


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "{}",
        '{"kind": "resume-check-baseline", "files": {}, "schema_version": "9.0"}',
        '{"kind": "resume-check-baseline", "schema_version": "1.0", "files": {"a": {}}}',
    ],
)
def test_bad_baseline_is_a_config_error(text: str) -> None:
    with pytest.raises(ConfigError, match=r"b\.json"):
        parse_baseline(text, "b.json")
