"""Matching a résumé against a job posting (issue 14): the match rate, its rule, every format, gate, baseline, batch."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import JOBS, SAMPLES, needs_jobs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resume_check.analysis import Engine, analyse_document, build_engine
from resume_check.cli import main
from resume_check.config import Settings
from resume_check.extract import extract_bytes
from resume_check.models import Analysis
from resume_check.targets.jobmatch import EVIDENCE_CREDIT, TERMS_SHARE, TITLE_SHARE, JobMatch
from resume_check.targets.posting import MAX_ASK_CHARS, ask_excerpt

POSTING = """# Senior IT Project Manager

## About the role

You will run our service desk and lead vendor management.

## Essential criteria

- 5+ years of IT project management experience
- Risk management and stakeholder management
- Experience with PRINCE2 or Agile delivery
- Budget management of programmes over £1m
- Experience with Jira

## Desirable

- ServiceNow experience is a plus
- PMP preferred

Location: London, hybrid. You must have the right to work in the UK.
"""

RESUME = """Jordan Lee
Senior IT Project Manager
jordan.lee@example.com | +44 7700 900123 | linkedin.com/in/jordan-lee-example

Experience

Senior IT Project Manager, Acme Ltd, Jan 2018 - Present
- Delivered a £1.2m data centre migration two weeks early, managing the budget and the risk log.
- Led Agile delivery for three Scrum teams of 24 people, cutting release time by 30%.
- Responsible for stakeholder management with the steering committee.

Project Coordinator, Beta plc, Jun 2014 - Dec 2017
- Coordinated 40 system upgrades across 6 sites with 99% uptime.

Skills

Jira, Confluence, MS Project

Education

BSc Computer Science, University of Leeds
"""


@cache
def _posting_path() -> str:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="jobmatch-"))
    path = folder / "pm-posting.md"
    path.write_text(POSTING, encoding="utf-8")
    return str(path)


@cache
def _engine() -> Engine:
    return build_engine(Settings(job=_posting_path()))


def analyse_text(text: str) -> Analysis:
    return analyse_document(extract_bytes(text.encode("utf-8"), "cv.txt"), _engine())


def job_of(text: str) -> JobMatch:
    job = analyse_text(text).job
    assert job is not None
    return job


def test_the_posting_is_the_target() -> None:
    analysis = analyse_text(RESUME)
    assert analysis.target.kind == "job" and analysis.target.id == "pm-posting"
    assert analysis.target.label == "Senior IT Project Manager"
    # job titles are expectations, never missing keywords
    assert not any(t.category == "roles" for t in analysis.target.terms)
    assert not any(m.category == "roles" for m in analysis.missing)
    # missing terms: required ones first
    levels = {t.id: t.level for t in analysis.target.terms}
    ranks = [0 if levels[m.id] == "required" else 1 for m in analysis.missing]
    assert ranks == sorted(ranks)


def test_match_rate_is_traceable_term_by_term() -> None:
    job = job_of(RESUME)
    asks: dict[str, tuple[float, float]] = {}
    for t in job.terms:
        assert t.credit == (EVIDENCE_CREDIT[t.evidence] if t.found and t.evidence else 0.0)
        key = t.group or t.id
        weight, credit = asks.get(key, (0.0, 0.0))
        asks[key] = (max(weight, t.weight), max(credit, t.credit))
    terms = 100 * sum(w * c for w, c in asks.values()) / sum(w for w, _ in asks.values())
    assert job.terms_rate == pytest.approx(terms, abs=0.05)
    title = 1.0 if job.title_match.matched else 0.0
    assert job.rate == pytest.approx(100 * (TERMS_SHARE * terms / 100 + TITLE_SHARE * title), abs=0.05)


def test_found_and_missing_terms_with_their_lines() -> None:
    job = job_of(RESUME)
    by_label = {t.label.lower(): t for t in job.terms}
    risk = by_label["risk management"]
    assert risk.found and risk.level == "required" and risk.proof_line is not None
    # "PRINCE2 or Agile": Agile is shown, so PRINCE2 is satisfied, not missing
    prince2 = next(t for t in job.terms if t.id == "governance.prince2")
    assert not prince2.found and prince2.satisfied_by == "Agile"
    assert "governance.prince2" not in {t.id for t in job.missing()}
    # preferred stays preferred, and says which posting line asks
    pmp = next(t for t in job.terms if t.id == "certifications.pmp")
    assert pmp.level == "preferred" and not pmp.found and pmp.line == 18 and "PMP preferred" in pmp.ask
    # Jira only in the skills list: found, with the lowest credit, and a step says to show it in a bullet
    jira = next(t for t in job.terms if t.id == "tools.jira")
    assert jira.evidence == "skills-list" and jira.credit == EVIDENCE_CREDIT["skills-list"]
    assert any(s.term_id == "tools.jira" and s.where == "experience" for s in job.steps)
    # missing required first
    order = [(not (t.found or t.satisfied_by), t.level) for t in job.terms]
    assert order[: len(job.missing("required"))] == [(True, "required")] * len(job.missing("required"))


def test_title_years_knockouts() -> None:
    job = job_of(RESUME)
    assert job.title_match.matched
    assert job.years.asked == 5 and job.years.shown is not None and job.years.shown >= 12 and job.years.met
    assert {k.kind for k in job.knockouts} >= {"location", "work-authorisation"}
    other = job_of(RESUME.replace("Senior IT Project Manager", "Data Analyst"))
    assert not other.title_match.matched
    assert other.rate < job.rate


def test_adding_a_missing_required_term_raises_the_rate() -> None:
    before = job_of(RESUME)
    assert "certifications.pmp" in {t.id for t in before.missing()}
    missing_required = before.missing("required")
    assert missing_required, "the fixture must miss a required term"
    term = missing_required[0]
    added = RESUME.replace(
        "Project Coordinator, Beta plc",
        f"- Improved {term.label} for a £2m programme, saving 15%.\n\nProject Coordinator, Beta plc",
    )
    after = job_of(added)
    assert term.id in {t.id for t in after.found()}
    assert after.rate > before.rate


WORDS = (
    "Led",
    "Delivered",
    "budget",
    "risk",
    "management",
    "ServiceNow",
    "PMP",
    "Jira",
    "stakeholder",
    "the",
    "and",
    "£2m",
    "30%",
    "Agile",
    "PRINCE2",
    "vendor",
    "Senior IT Project Manager",
    "Skills",
    "Experience",
    "-",
    "\n",
    ",",
    ".",
    "2019 - 2021",
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_adding_text_never_lowers_the_match_rate(words: list[str]) -> None:
    base = job_of(RESUME).rate
    addition = " ".join(words)
    assert job_of(RESUME + "\n" + addition + "\n").rate >= base


# --------------------------------------------------------------------------------------------- CLI


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _cv(tmp_path: Path) -> str:
    path = tmp_path / "cv.txt"
    path.write_text(RESUME, encoding="utf-8")
    return str(path)


def test_check_job_json_validates_and_carries_the_match(tmp_path: Path) -> None:
    code, out, err = run("check", _cv(tmp_path), "--job", _posting_path(), "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    schema = json.loads(resources.files("resume_check").joinpath("schemas/analysis.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert doc["target"]["kind"] == "job"
    job = doc["job"]
    assert job["posting"]["id"] == "pm-posting"
    assert 0 < job["rate"] <= 100
    assert any(t["id"] == "commercial.risk_management" and t["found"] for t in job["terms"])


@pytest.mark.parametrize(
    ("fmt", "needle"), [("text", "Job match: "), ("markdown", "## Job match: "), ("html", 'id="job"')]
)
def test_every_format_shows_the_match(tmp_path: Path, fmt: str, needle: str) -> None:
    code, out, err = run("check", _cv(tmp_path), "--job", _posting_path(), "--format", fmt)
    assert code == 0, err
    assert needle in out
    rate = f"{job_of(RESUME).rate:g}"
    assert f"Match {rate}/100" in out
    if fmt == "html":
        assert 'id="posting"' in out and "req-missing" in out and "req-found" in out


def test_check_without_job_has_no_match(tmp_path: Path) -> None:
    code, out, _ = run("check", _cv(tmp_path), "--format", "json")
    assert code == 0
    assert "job" not in json.loads(out)


def test_unreadable_posting_is_one_line_exit_3(tmp_path: Path) -> None:
    code, _, err = run("check", _cv(tmp_path), "--job", str(tmp_path / "missing.md"))
    assert code == 3
    assert "missing.md: no such file" in err and len(err.strip().splitlines()) == 1


def test_min_match_gate(tmp_path: Path) -> None:
    rate = job_of(RESUME).rate
    code, _, err = run("check", _cv(tmp_path), "--job", _posting_path(), "--min-match", str(min(100, rate + 5)))
    assert code == 1
    assert "gate.match" in err and "missing required terms" in err
    code, _, err = run("check", _cv(tmp_path), "--job", _posting_path(), "--min-match", str(max(0, rate - 5)))
    assert code == 0, err


def test_config_job_and_min_match(tmp_path: Path) -> None:
    (tmp_path / "posting.md").write_text(POSTING, encoding="utf-8")
    (tmp_path / ".resume-check.toml").write_text('job = "posting.md"\nmin_match = 99\n', encoding="utf-8")
    code, out, err = run("check", _cv(tmp_path), "--format", "line")
    assert code == 1
    assert "gate.match" in out + err
    (tmp_path / ".resume-check.toml").write_text("min_match = 50\n", encoding="utf-8")
    code, _, err = run("check", _cv(tmp_path))
    assert code == 3 and "min_match" in err and "job" in err


def test_baseline_records_the_match_and_a_drop_fails(tmp_path: Path) -> None:
    (tmp_path / "posting.md").write_text(POSTING, encoding="utf-8")
    (tmp_path / ".resume-check.toml").write_text('job = "posting.md"\n', encoding="utf-8")
    cv = _cv(tmp_path)
    baseline = tmp_path / "baseline.json"
    code, _, err = run("baseline", cv, "--output", str(baseline))
    assert code == 0, err
    entry = next(iter(json.loads(baseline.read_text())["files"].values()))
    assert entry["match"]["posting"] == "posting" and entry["match"]["rate"] > 0
    dropped = RESUME.replace(
        "- Led Agile delivery for three Scrum teams of 24 people, cutting release time by 30%.\n", ""
    )
    assert job_of(dropped).rate < job_of(RESUME).rate
    Path(cv).write_text(dropped, encoding="utf-8")
    code, out, err = run("check", cv, "--baseline", str(baseline), "--format", "line")
    assert code == 1
    assert "baseline.match" in out + err


def test_explain_documents_the_match_rule() -> None:
    code, out, _ = run("explain")
    assert code == 0
    assert "Job match rate" in out and "match.weight.required = 3" in out and "match.credit.skills-list = 0.6" in out
    code, out, _ = run("explain", "--format", "json")
    rules = {r["id"]: r["value"] for r in json.loads(out)["job_match"]}
    assert rules["match.terms"] == TERMS_SHARE and rules["match.weight.preferred"] == 1.0


def test_batch_ranks_by_match(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    folder.mkdir()
    (folder / "a-strong.txt").write_text(RESUME, encoding="utf-8")
    (folder / "b-weak.txt").write_text(
        RESUME.replace("Senior IT Project Manager", "Data Analyst").split("Project Coordinator")[0], encoding="utf-8"
    )
    code, out, err = run("batch", str(folder), "--job", _posting_path(), "--format", "json", "--workers", "1", "-q")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["job"]["title"] == "Senior IT Project Manager"
    ranking = doc["ranking"]
    assert [Path(r["file"]).name for r in ranking] == ["a-strong.txt", "b-weak.txt"]
    assert ranking[0]["match"] > ranking[1]["match"]
    code, out, _ = run("batch", str(folder), "--job", _posting_path(), "--format", "csv", "--workers", "1", "-q")
    assert out.splitlines()[0].startswith("rank,file,role,match,score")


@needs_jobs
def test_sample_against_a_real_posting_is_traceable() -> None:
    posting = JOBS / "18f-usdc-supervisor-product-management.md"
    code, out, err = run("check", str(SAMPLES / "alex-morgan.pdf"), "--job", str(posting), "--format", "json")
    assert code == 0, err
    job = json.loads(out)["job"]
    asks: dict[str, tuple[float, float]] = {}
    for t in job["terms"]:
        key = t["group"] or t["id"]
        w, c = asks.get(key, (0.0, 0.0))
        asks[key] = (max(w, t["weight"]), max(c, t["credit"]))
    terms = 100 * sum(w * c for w, c in asks.values()) / sum(w for w, _ in asks.values())
    title = 1.0 if job["title"]["matched"] else 0.0
    assert job["rate"] == pytest.approx(100 * (0.9 * terms / 100 + 0.1 * title), abs=0.06)
    assert job["title"]["matched"]  # "IT Project Manager" answers "Supervisory IT Project Manager"
    missing = [t for t in job["terms"] if not t["found"] and not t["satisfied_by"] and t["level"] == "required"]
    assert missing and all(t["ask"] and t["line"] > 90 for t in missing)
    assert {k["kind"] for k in job["knockouts"]} >= {"citizenship", "location", "travel"}


def test_years_from_role_dates() -> None:
    from resume_check.targets.jobmatch import resume_years

    resume = analyse_text(RESUME).resume
    # Jun 2014 - Dec 2017, then Jan 2018 - present (Jan 2024 here): one unbroken run of 116 months
    years, source = resume_years(resume, today=(2024, 1))
    assert years == 9.7 and source.startswith("role dates") and "present = 2024-01" in source
    overlapping = RESUME.replace("Jun 2014 - Dec 2017", "Jun 2016 - Dec 2019")
    years, _ = resume_years(analyse_text(overlapping).resume, today=(2024, 1))
    assert years == 7.7  # Jun 2016 - Jan 2024: the overlap is counted once
    years, source = resume_years(analyse_text("Jordan Lee\n\nSkills\n\nJira\n").resume, today=(2024, 1))
    assert years is None and source == "no role dates found"


def test_batch_records_equal_in_process_analyses(tmp_path: Path) -> None:
    """Workers read the posting once and send each record's missing and target terms as positions in a shared
    list (batch.py); the parent's records are the in-process analyses."""
    from resume_check.cohort.batch import analyse_many

    path = Path(_cv(tmp_path))
    records = analyse_many([str(path)], workers=1, settings=Settings(job=_posting_path()))
    analysis = records[0].analysis
    assert analysis is not None and analysis.job is not None
    local = analyse_text(RESUME)
    assert local.job is not None and analysis.job.rate == local.job.rate
    assert analysis.missing == local.missing and analysis.target.terms == local.target.terms


@pytest.mark.parametrize("width", [60, 80, 140])
def test_terminal_job_section_fits_the_width(width: int) -> None:
    from resume_check.render.common import display_width
    from resume_check.render.terminal import render

    long_title = POSTING.replace("Senior IT Project Manager", "Senior IT Project Manager " + "and Programme Lead " * 6)
    posting = Path(_posting_path()).with_name("long-title.md")
    posting.write_text(long_title, encoding="utf-8")
    engine = build_engine(Settings(job=str(posting)))
    analysis = analyse_document(extract_bytes(RESUME.encode(), "cv.txt"), engine)
    text = render(analysis, width=width)
    assert "Job match: Senior IT Project Manager" in text
    assert all(display_width(line) <= width for line in text.splitlines()), width


def test_a_step_names_the_role_that_shows_terms_of_the_same_kind() -> None:
    """'Add “Agile” to a bullet of the role where you used it' left the person to guess: the step names the role
    whose statements already show methodology terms, and which ones; a term of a kind no role shows stays general."""
    resume = RESUME.replace(
        "- Led Agile delivery for three Scrum teams of 24 people, cutting release time by 30%.\n", ""
    ).replace(
        "- Coordinated 40 system upgrades across 6 sites with 99% uptime.\n",
        "- Introduced Scrum and Kanban for 3 teams of 20 people, cutting lead time by 30%.\n",
    )
    steps = {s.term_id: s.message for s in job_of(resume).steps}
    assert (
        "to a bullet of your Project Coordinator role at Beta plc, beside “Scrum” and “Kanban”, with a result"
        in (steps["methodology.agile"])
    )
    assert steps["tools.servicenow"].startswith(
        "If you have it, add “ServiceNow” to a bullet of the role where you used it, with a result"
    )
    # a skills list is no role's evidence: with Scrum and Kanban only listed, the step stays general
    listed = resume.replace("- Introduced Scrum and Kanban for", "- Introduced new ways of working for").replace(
        "Jira, Confluence, MS Project", "Jira, Confluence, MS Project, Scrum, Kanban"
    )
    assert (
        "to a bullet of the role where you used it"
        in {s.term_id: s.message for s in job_of(listed).steps}["methodology.agile"]
    )


def test_a_term_only_listed_is_pointed_at_the_role_that_shows_its_kind() -> None:
    """“Agile” only in the skills list: the step names the role whose bullets show Scrum and Kanban."""
    resume = (
        RESUME.replace("- Led Agile delivery for three Scrum teams of 24 people, cutting release time by 30%.\n", "")
        .replace(
            "- Coordinated 40 system upgrades across 6 sites with 99% uptime.\n",
            "- Introduced Scrum and Kanban for 3 teams of 20 people, cutting lead time by 30%.\n",
        )
        .replace("Jira, Confluence, MS Project", "Jira, Confluence, MS Project, Agile")
    )
    steps = {s.term_id: s.message for s in job_of(resume).steps}
    assert steps["methodology.agile"].startswith("“Agile” is only listed (line ")
    assert steps["methodology.agile"].endswith(
        "show it in a bullet of your Project Coordinator role at Beta plc, beside “Scrum” and “Kanban”, with a result."
    )


# ------------------------------------------------------------------------ the posting's words quoted for a term

#: a requirements paragraph written as one long line, as federal postings write them (made up for this test)
LONG_LINE_POSTING = """# IT Project Manager

## Requirements

You will join a multidisciplinary team that builds public services for millions of people across the country, \
working in the open with partner agencies and designers every day. You should have extensive experience with risk \
management on large programmes, and you should be comfortable presenting to senior leaders in plain language. \
Candidates will also bring a working knowledge of cloud hosting and of the procurement rules that apply to public \
bodies in every region of the country.
"""


def test_a_long_posting_line_is_quoted_by_the_sentence_asking(tmp_path: Path) -> None:
    """A term asked in a paragraph-long line is quoted by its own sentence, not the whole paragraph (the terminal
    showed 40 paragraphs of a federal posting, one per missing term)."""
    posting = tmp_path / "long.md"
    posting.write_text(LONG_LINE_POSTING, encoding="utf-8")
    engine = build_engine(Settings(job=str(posting)))
    resume = "Alex Doe\nalex@example.com\n\nExperience\n\nProject Manager, Acme, 2019 - Present\n- Ran the PMO.\n"
    job = analyse_document(extract_bytes(resume.encode("utf-8"), "cv.txt"), engine).job
    assert job is not None
    risk = next(t for t in job.missing() if t.label.lower() == "risk management")
    assert risk.ask == (
        "…You should have extensive experience with risk management on large programmes, and you should be "
        "comfortable presenting to senior leaders in plain language."
    )
    assert all(len(t.ask) <= MAX_ASK_CHARS + 2 for t in job.terms)


def test_ask_excerpt_keeps_short_lines_and_cuts_long_sentences_at_words() -> None:
    assert ask_excerpt("Experience with Jira", "Jira") == "Experience with Jira"
    words = " ".join(f"word{i}" for i in range(60))
    line = f"{words} stakeholder engagement {words}."
    quoted = ask_excerpt(line, "stakeholder engagement", 100)
    assert "stakeholder engagement" in quoted and quoted.startswith("…") and quoted.endswith("…")
    assert len(quoted) <= 102 and all(w.startswith("word") for w in quoted.strip("…").split()[:2])


@given(
    st.lists(st.text(alphabet="abcdefgh .,;", min_size=1, max_size=12), min_size=1, max_size=40),
    st.integers(min_value=0, max_value=39),
    st.integers(min_value=1, max_value=3),
    st.integers(min_value=20, max_value=200),
)
def test_ask_excerpt_is_whole_words_of_the_line_holding_the_phrase(
    words: list[str], first: int, count: int, limit: int
) -> None:
    line = " ".join(words)
    normal = " ".join(line.split())
    phrase = " ".join(normal.split()[first : first + count])
    quoted = ask_excerpt(line, phrase, limit)
    body = quoted.removeprefix("…").removesuffix("…")
    assert body in normal
    assert len(quoted) <= max(limit, len(phrase)) + 2
    if phrase and len(phrase) <= limit // 2:
        assert phrase.lower() in quoted.lower()


def test_a_plural_the_posting_asks_for_is_shown_by_its_singular(tmp_path: Path) -> None:
    """The posting asks for "stakeholders" (a phrase the lexicon lacks); "Coordinated stakeholder workshops" shows it.
    A one-word form written inflected got no lemma reading, so only the plural as written was found (seen on the
    README's sample against the U.S. Digital Corps posting)."""
    posting = tmp_path / "p.md"
    posting.write_text(
        "# Delivery Lead\n\n## Requirements\n\n- Experience building alignment with stakeholders.\n", encoding="utf-8"
    )
    engine = build_engine(Settings(job=str(posting)))

    def found(bullet: str) -> bool:
        resume = f"Alex Doe\nalex@example.com\n\nExperience\n\nDelivery Lead, Acme, 2019 - Present\n- {bullet}\n"
        job = analyse_document(extract_bytes(resume.encode("utf-8"), "cv.txt"), engine).job
        assert job is not None
        return next(t for t in job.terms if t.id == "job.stakeholders").found

    assert found("Coordinated stakeholder workshops to agree priorities.")
    assert found("Briefed 12 stakeholders every month.")
    assert not found("Coordinated supplier workshops to agree priorities.")
