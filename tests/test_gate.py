"""The CI gate: score bar, required terms, forbidden phrases, min severity, suppression, config switches."""

from __future__ import annotations

from test_cohort import make_analysis

from resume_check.config import Settings
from resume_check.gate import collect_annotations, error_result, evaluate, phrase_pattern
from resume_check.models import Finding

TEXT = "Jane Example\nResponsible for the budget\nOrganised the PMO and its behaviour reviews\nLed Scrum"
FINDINGS = [
    Finding("ats.contact.email", "No email address found", "error"),
    Finding("impact.weak", "weak opener 'Responsible for'", "warning", line=2),
    Finding("text.ligatures", "ligatures expanded", "info"),
]


def analysis(score: float = 70.0, **kw: object):  # type: ignore[no-untyped-def]
    return make_analysis("cv.md", score, text=TEXT, findings=FINDINGS, found=["methodology.scrum"], **kw)  # type: ignore[arg-type]


def ids(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.id for f in result.failures]


def test_default_fails_on_error_findings_only() -> None:
    result = evaluate(analysis(), Settings())
    assert [f.id for f in result.findings] == ["ats.contact.email"]
    assert ids(result) == ["ats.contact.email"] and not result.passed


def test_pass_when_nothing_at_min_severity() -> None:
    result = evaluate(analysis(), Settings(disabled=("ats.contact",)))
    assert result.passed and result.failures == () and result.findings == ()


def test_min_severity_levels() -> None:
    assert [f.id for f in evaluate(analysis(), Settings(min_severity="warning")).findings] == [
        "ats.contact.email",
        "impact.weak",
    ]
    assert len(evaluate(analysis(), Settings(min_severity="info")).findings) == 3


def test_score_bar() -> None:
    settings = Settings(fail_under=75, disabled=("ats",), source="repo/.resume-check.toml")
    result = evaluate(analysis(70), settings)
    assert ids(result) == ["gate.score"]
    assert result.failures[0].message.startswith("score 70 is under the bar of 75 (repo/.resume-check.toml)")
    assert evaluate(analysis(75), settings).passed  # the bar itself passes


def test_required_terms_by_id_or_prefix() -> None:
    settings = Settings(required_terms=("methodology", "delivery.risk"), disabled=("ats",))
    result = evaluate(analysis(missing=["delivery.risk"]), settings)
    assert ids(result) == ["gate.required-term"]
    assert "'delivery.risk' (Risk management) not found" in result.failures[0].message


def test_forbidden_phrases_with_lines_and_both_spellings() -> None:
    settings = Settings(forbidden_phrases=("responsible for", "organized", "behavior"), disabled=("ats",))
    result = evaluate(analysis(), settings)
    assert [(f.id, f.line) for f in result.failures] == [
        ("gate.forbidden-phrase", 2),
        ("gate.forbidden-phrase", 3),
        ("gate.forbidden-phrase", 3),
    ]
    assert "“Responsible for”" in result.failures[0].message and "“Organised”" in result.failures[1].message
    assert phrase_pattern("team-player").search("a team player")
    assert not phrase_pattern("lead").search("leadership")
    assert not phrase_pattern("responsible for").search("responsible four")
    assert phrase_pattern("colour").search("Color") and phrase_pattern("prioritized").search("prioritised")


def test_inline_suppression_and_config_switch() -> None:
    source = "Jane Example\n<!-- resume-check: disable=impact.weak,gate.forbidden-phrase -->\nResponsible for x\n"
    # the analysis numbers lines as the source does: the bullet is on source line 3
    a = make_analysis(
        "cv.md",
        70,
        text="Jane Example\n\nResponsible for x",
        findings=[Finding("impact.weak", "weak", "warning", line=3)],
    )
    settings = Settings(min_severity="warning", forbidden_phrases=("responsible for",))
    assert ids(evaluate(a, settings)) == ["gate.forbidden-phrase", "impact.weak"]
    assert evaluate(a, settings, source_text=source).passed
    assert evaluate(a, Settings(min_severity="warning", disabled=("impact",))).passed


def test_annotations_and_error_result() -> None:
    settings = Settings(fail_under=90, min_severity="warning")
    notes = collect_annotations(evaluate(analysis(), settings))
    assert [(a.severity, a.rule_id, a.line) for a in notes] == [
        ("error", "ats.contact.email", None),
        ("error", "gate.score", None),
        ("warning", "impact.weak", 2),
    ]
    broken = error_result("x.pdf", "x.pdf: no text layer", 3)
    assert not broken.passed and broken.score is None
    assert [(a.severity, a.rule_id) for a in collect_annotations(broken)] == [("error", "input.unreadable")]
