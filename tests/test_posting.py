"""Reading job postings (issue 14): sections, inline cues, "or" groups, negation, knock-outs, JSON Resume jobs."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import JOBS, needs_jobs

from resume_check.analysis import Engine, build_engine
from resume_check.cli import main
from resume_check.targets.posting import MAX_JSON_DEPTH, Posting, load_posting_rules, read_posting

BRITISH = """# Senior IT Project Manager

Location: Manchester, hybrid (3 days on-site)

## About the role

You will lead the delivery of our digital transformation programme.

## Essential criteria

- Proven experience of end-to-end project delivery using PRINCE2 or Agile
- 5+ years of IT project management experience
- Strong stakeholder management and risk management skills
- Must have the right to work in the UK; SC clearance is required

## Desirable

- PMP preferred
- Experience with ServiceNow is a plus
- A degree in computer science is not required

## Benefits

- 28 days annual leave plus bank holidays
- Pension scheme and private medical insurance

We are an equal opportunity employer and welcome applications regardless of race, colour, religion or belief.
"""

AMERICAN = """Technical Project Manager

Responsibilities
Manage release management for the platform team. This is not a people-management role, and there is no database work.

Must Have
3-5 years of experience as a technical project manager
Bachelor's degree in Computer Science or related field
Experience with Jira and Confluence
Cloud migration experience (AWS or Azure)

Nice to Have
Kubernetes experience

U.S. citizenship required. Travel up to 25%. Must be authorized to work in the United States without visa sponsorship.
"""

JOB_JSON = {
    "title": "Programme Manager",
    "company": "Acme Ltd",
    "location": {"city": "Leeds", "countryCode": "GB"},
    "remote": "Hybrid",
    "description": "Lead a programme of cloud migration projects.",
    "experience": "Senior",
    "responsibilities": ["Own the programme roadmap", "Run steering committee meetings"],
    "qualifications": ["Experience of benefits realisation", "7 years of programme management"],
    "skills": [{"name": "Governance", "level": "Expert", "keywords": ["change control"]}],
}


@cache
def _engine() -> Engine:
    return build_engine()


def read(tmp_path: Path, name: str, text: str) -> Posting:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_posting(path, _engine())


def levels(posting: Posting) -> dict[str, str]:
    return {t.id: t.level for t in posting.terms}


def test_british_sections_and_inline_cues(tmp_path: Path) -> None:
    posting = read(tmp_path, "uk.md", BRITISH)
    assert posting.title == "Senior IT Project Manager"
    assert posting.seniority == "senior"
    got = levels(posting)
    for term_id in ("governance.prince2", "methodology.agile", "stakeholders.stakeholder_management"):
        assert got[term_id] == "required", term_id
    assert got["commercial.risk_management"] == "required"
    # "PMP preferred", "is a plus" and "not required" are preferred, never required
    assert got["certifications.pmp"] == "preferred"
    assert got["tools.servicenow"] == "preferred"
    assert got["education.computer_science"] == "preferred"
    assert posting.certifications == ("certifications.pmp",)
    # the duties section gives mentioned terms only
    assert all(t.level == "duty" for t in posting.terms if t.line == 7)
    # PRINCE2 or Agile: one of them is enough
    by_id = {t.id: t for t in posting.terms}
    assert by_id["governance.prince2"].group and by_id["governance.prince2"].group == by_id["methodology.agile"].group
    assert not by_id["commercial.risk_management"].group
    # years with what they attach to
    assert [(y.years, y.what) for y in posting.years] == [(5.0, "IT project management experience")]
    # knock-outs reported, never dropped: location, work authorisation, clearance
    kinds = {k.kind for k in posting.knockouts}
    assert {"location", "work-authorisation", "clearance"} <= kinds
    # headings, benefits and equal-opportunity boilerplate are never terms
    labels = " | ".join(t.label.lower() for t in posting.terms)
    for word in ("essential", "desirable", "benefits", "annual leave", "pension", "equal opportunity", "religion"):
        assert word not in labels, (word, labels)


def test_american_must_have_nice_to_have_negation_and_knockouts(tmp_path: Path) -> None:
    posting = read(tmp_path, "us.txt", AMERICAN)
    got = levels(posting)
    assert got["tools.jira"] == got["tools.confluence"] == "required"
    assert got["cloud.cloud_migration"] == "required"
    assert got["infrastructure.kubernetes"] == "preferred"
    assert got["lifecycle.release_management"] == "duty"
    by_id = {t.id: t for t in posting.terms}
    assert by_id["cloud.aws"].group == by_id["cloud.azure"].group != ""
    assert by_id["roles.technical_project_manager"].title  # a job title: never a missing keyword
    assert posting.education == "bachelor"
    assert [y.years for y in posting.years] == [3.0]
    assert {"citizenship", "work-authorisation", "travel"} <= {k.kind for k in posting.knockouts}
    phrases = [n.phrase for n in posting.negations]
    assert "no database work" in phrases
    assert any(p.startswith("not a people") for p in phrases)
    assert not any("database" in t.label.lower() for t in posting.terms)


def test_negated_lexicon_term_is_not_a_term(tmp_path: Path) -> None:
    posting = read(tmp_path, "n.txt", "Data Analyst\n\nRequirements\n- SQL and Tableau, but no Python\n")
    assert "programming.python" not in levels(posting)
    assert "tools.tableau" in levels(posting) or "data.tableau" in levels(posting) or posting.terms
    assert any("programming.python" in n.term_ids for n in posting.negations)


def test_json_resume_job(tmp_path: Path) -> None:
    posting = read(tmp_path, "job.json", json.dumps(JOB_JSON))
    assert posting.source.type == "json"
    assert posting.title == "Programme Manager"
    assert posting.company == "Acme Ltd"
    assert posting.seniority == "senior"
    got = levels(posting)
    assert got["commercial.benefits_realisation"] == "required"
    assert got["governance.change_control"] == "required"
    assert got["governance.steering_committee"] == "duty"
    assert [(y.years, y.what) for y in posting.years] == [(7.0, "programme management")]
    assert {k.kind for k in posting.knockouts} == {"location"}


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1), "nested deeper"),
        ('{"title": "x", ' + '"a": 1, ' * 10 + '"description": ' + '"' + "x" * 1_100_000 + '"}', "over the"),
        ("{not json", "not valid JSON"),
        ('{"company": "Acme"}', "no 'title'"),
        ('["a list"]', "must be an object"),
        ('{"title": "PM", "qualifications": [{"a": [1, 2]}]}', "expected text"),
    ],
)
def test_bad_json_job_is_a_clear_input_error(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "job.json"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["job", str(path)])
    assert result.exit_code == 3, result.output
    assert needle in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_missing_posting_exits_3(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["job", str(tmp_path / "nope.md")])
    assert result.exit_code == 3
    assert "no such file" in result.stderr


def test_job_command_text_and_json(tmp_path: Path) -> None:
    from importlib import resources

    import jsonschema

    path = tmp_path / "uk.md"
    path.write_text(BRITISH, encoding="utf-8")
    text = CliRunner().invoke(main, ["job", str(path)])
    assert text.exit_code == 0, text.output
    assert "Title:      Senior IT Project Manager" in text.stdout
    assert "Preferred (never counted as required)" in text.stdout
    assert "[clearance, work-authorisation] Must have the right to work in the UK" in text.stdout
    result = CliRunner().invoke(main, ["job", str(path), "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    schema = json.loads(resources.files("resume_check").joinpath("schemas/posting.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert doc["id"] == "uk"
    pmp = next(t for t in doc["terms"] if t["id"] == "certifications.pmp")
    assert pmp["level"] == "preferred" and pmp["line"] == 18 and "PMP preferred" in pmp["text"]


def test_a_knockout_line_of_several_kinds_is_shown_once(tmp_path: Path) -> None:
    """ "Open to U.S. citizens ... Subject to background check" is a knock-out of two kinds: every human-readable
    format shows the line once with both kinds (it was shown once per kind); JSON keeps a record per kind."""
    path = tmp_path / "ko.md"
    path.write_text(
        "# IT Project Manager\n\nOpen to U.S. citizens only. Subject to a background check and security clearance."
        "\n\n## Requirements\n\n- Risk management\n",
        encoding="utf-8",
    )
    posting = read_posting(path, _engine())
    assert {k.kind for k in posting.knockouts if k.line == 3} == {"citizenship", "clearance"}
    text = CliRunner().invoke(main, ["job", str(path)])
    assert text.exit_code == 0, text.output
    assert text.stdout.count("line   3  [citizenship, clearance] Open to U.S. citizens") == 1
    assert "Knock-out lines to check: 1" in text.stdout
    doc = json.loads(CliRunner().invoke(main, ["job", str(path), "--format", "json"]).stdout)
    assert sorted(k["kind"] for k in doc["knockouts"]) == ["citizenship", "clearance"]
    resume = tmp_path / "cv.txt"
    resume.write_text("Alex Doe\nalex@example.com\n\nExperience\n\n- Ran the PMO.\n", encoding="utf-8")
    for fmt, shown in (
        ("text", "! line 3 [citizenship, clearance]:"),
        ("markdown", "- line 3 \\[citizenship, clearance\\]:"),
        ("html", "<li>line 3 [citizenship, clearance]:"),
    ):
        out = CliRunner().invoke(
            main, ["check", str(resume), "--job", str(path), "--format", fmt], env={"COLUMNS": "200"}
        )
        assert out.exit_code == 0, out.output
        assert out.stdout.count(shown) == 1, (fmt, out.stdout[-2000:])


def test_posting_terms_are_never_substrings(tmp_path: Path) -> None:
    """A posting term found by the phrase pass is whole words: "platform" is never found inside "Tform"."""
    posting = read(tmp_path, "p.txt", "Platform Engineer\n\nRequirements\n- Data platform engineering on AWS\n")
    labels = [t.label for t in posting.terms]
    assert "Data platform engineering" in labels or "data platform" in " ".join(labels).lower()


@pytest.mark.parametrize(
    ("line", "absent", "present"),
    [
        # a participle that opens a clause after a noun is no part of a term
        ("Experience leading a service utilizing iterative delivery", "service utilizing", ""),
        ("Experience with tools leveraging telemetry data", "tools leveraging", "telemetry data"),
        # the verb a modal announces never starts a term
        ("You should understand engineering best practices", "understand engineering", "engineering"),
        # nor the verb a relative word announces, when the verb lexicon knows it
        ("Work in teams that deliver digital products", "deliver digital products", "digital products"),
        ("Work with platforms which deliver accessible web content", "deliver accessible", "accessible web content"),
        # nor the second of two verbs
        ("Help teams measure and report progress on accessibility goals", "report progress", "accessibility goals"),
        # a third person between two words is the clause's verb
        ("Improve how the government builds technology platforms", "government builds", "technology platforms"),
        # a plural subject's verb before its object, whether or not the action-verb lexicon knows it
        ("Make sure that cloud technologies serve the public interest", "technologies serve", ""),
        ("Ensure partner teams adopt the accessibility guidelines", "teams adopt", "accessibility guidelines"),
    ],
)
def test_posting_phrases_leave_out_verbs(tmp_path: Path, line: str, absent: str, present: str) -> None:
    labels = _requirement_labels(tmp_path, line)
    assert not any(absent in label for label in labels), labels
    if present:
        assert present in labels, labels


@pytest.mark.parametrize(
    ("line", "present"),
    [
        ("Commitment to quality assurance and release engineering", "quality assurance"),  # "to" before a noun
        ("Experience running nightly software builds", "software builds"),  # a last -s word is a plural noun
        ("Experience with requirements gathering and load balancing", "load balancing"),  # -ing nouns stay
        ("Experience of planning and scheduling tools", "scheduling tools"),  # after "and" too
        ("Exposure to test harness tooling", "test harness tooling"),  # "to" before a noun that is a verb too
        ("Contribute to design reviews", "design reviews"),
        ("Experience with data models and report builders", "report builders"),  # "models" is no verb before "and"
        ("Experience with sales leads qualification", "sales leads qualification"),  # a plural noun mid-phrase
        ("Knowledge of release builds automation", "release builds automation"),
    ],
)
def test_posting_phrases_keep_nouns_that_look_like_verbs(tmp_path: Path, line: str, present: str) -> None:
    posting = read(tmp_path, "n.md", f"Engineer\n\n## Requirements\n\n- {line}.\n")
    labels = [t.label.lower() for t in posting.terms] + [t.written.lower() for t in posting.terms if t.written]
    assert any(present in label for label in labels), labels


@pytest.mark.parametrize(
    ("line", "absent", "present"),
    [
        # a generic word is never a term alone, though it may be part of one
        ("Experience with technology and infrastructure", "technology", ""),
        ("Work with technology teams on legacy systems", "systems", "technology teams"),
    ],
)
def test_generic_words_are_no_terms_alone(tmp_path: Path, line: str, absent: str, present: str) -> None:
    labels = _requirement_labels(tmp_path, line)
    assert absent not in labels and "infrastructure" not in labels, labels
    if present:
        assert present in labels, labels


def _requirement_labels(tmp_path: Path, line: str) -> list[str]:
    """The labels (lower case) of the terms read from a posting whose only requirement is ``line``."""
    posting = read(tmp_path, "r.md", f"Engineer\n\n## Requirements\n\n- {line}.\n")
    return [t.label.lower() for t in posting.terms]


# ----------------------------------------------------------------------------------- the real postings


def _postings() -> list[Path]:
    return sorted(JOBS.glob("18f-*.md")) if JOBS.is_dir() else []


@needs_jobs
@pytest.mark.parametrize("path", _postings(), ids=lambda p: p.stem)
def test_real_posting_reads_sensibly(path: Path) -> None:
    posting = read_posting(path, _engine())
    assert posting.title and posting.title == path.read_text(encoding="utf-8").splitlines()[0].strip()
    required = posting.required()
    assert required, "every real posting has a specialized-experience list"
    # every required term comes from a requirements section, or a line that says it requires ("you should have")
    rules = load_posting_rules()
    lines = {ln.number: ln for ln in posting.lines}
    for term in required:
        line = lines[term.line]
        assert line.kind == "text", (term.label, line)
        assert line.level == "required" or rules.required_cues.search(line.text.lower().replace("’", "'")), (
            term.label,
            line,
        )
    # headings, boilerplate and the employer's acronyms are never terms
    labels = {t.label.lower() for t in posting.terms}
    for bad in ("specialized experience", "qualifications", "key objectives", "role summary", "salary", "tts", "gsa"):
        assert bad not in labels, bad
    # the federal conditions are reported, never dropped
    assert {"citizenship", "clearance", "location", "travel"} <= {k.kind for k in posting.knockouts}
    # "one (1) year of specialized experience at the next lower GS-grade"
    assert any(y.years == 1 and "specialized experience" in y.what for y in posting.years)
