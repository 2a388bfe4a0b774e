"""The CI gate: score bar, required terms, forbidden phrases, min severity, suppression, config switches."""

from __future__ import annotations

from test_cohort import make_analysis

from resume_check.ci.gate import collect_annotations, error_result, evaluate, phrase_pattern
from resume_check.config import Settings
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


def test_default_shows_warnings_and_fails_on_errors_only() -> None:
    result = evaluate(analysis(), Settings())
    assert [f.id for f in result.findings] == ["ats.contact.email", "impact.weak"]
    assert ids(result) == ["ats.contact.email"] and not result.passed
    assert [result.fails(f) for f in result.findings] == [True, False]


def test_warnings_are_shown_without_failing() -> None:
    """Vale's split: what is shown (min_severity) is not what fails (fail_level)."""
    result = evaluate(analysis(), Settings(disabled=("ats.contact",)))
    assert result.passed and result.failures == ()
    assert [f.id for f in result.findings] == ["impact.weak"]


def test_min_severity_levels() -> None:
    assert [f.id for f in evaluate(analysis(), Settings(min_severity="error")).findings] == ["ats.contact.email"]
    assert len(evaluate(analysis(), Settings(min_severity="info")).findings) == 3


def test_fail_level_levels() -> None:
    strict = evaluate(analysis(), Settings(min_severity="info", fail_level="warning"))
    assert ids(strict) == ["ats.contact.email", "impact.weak"]
    assert len(strict.findings) == 3 and [strict.fails(f) for f in strict.findings] == [True, True, False]
    # a failing finding is shown even when min_severity is higher than its level
    hidden = evaluate(analysis(), Settings(min_severity="error", fail_level="warning"))
    assert [f.id for f in hidden.findings] == ["ats.contact.email", "impact.weak"] == ids(hidden)
    assert "at or above fail_level warning, set by the settings" in hidden.failures[1].message


def test_score_bar() -> None:
    settings = Settings(fail_under=75, disabled=("ats",), source="repo/.resume-check.toml")
    result = evaluate(analysis(70), settings)
    assert ids(result) == ["gate.score"]
    assert result.failures[0].message.startswith("score 70 is under the bar of 75 (set by the settings)")
    origin = ("fail_under", "fail_under in repo/.resume-check.toml")
    told = Settings(fail_under=75, disabled=("ats",), origins=(origin,))
    assert "(set by fail_under in repo/.resume-check.toml)" in evaluate(analysis(70), told).failures[0].message
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
    settings = Settings(fail_level="warning", forbidden_phrases=("responsible for",))
    assert ids(evaluate(a, settings)) == ["gate.forbidden-phrase", "impact.weak"]
    assert evaluate(a, settings, source_text=source).passed
    assert evaluate(a, Settings(fail_level="warning", disabled=("impact",))).passed


def test_annotations_and_error_result() -> None:
    settings = Settings(fail_under=90, min_severity="warning")
    notes = collect_annotations(evaluate(analysis(), settings))
    assert [(a.severity, a.rule_id, a.line, a.fails) for a in notes] == [
        ("error", "ats.contact.email", None, True),
        ("error", "gate.score", None, True),
        ("warning", "impact.weak", 2, False),
    ]
    broken = error_result("x.pdf", "x.pdf: no text layer", 3)
    assert not broken.passed and broken.score is None
    assert [(a.severity, a.rule_id) for a in collect_annotations(broken)] == [("error", "input.unreadable")]
