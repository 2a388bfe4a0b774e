"""Real corpus, lexicon terms: the project-management résumés find the lifecycle terms a reader sees in them
(planning, executing, closing, scheduling ...) and the non-IT controls do not gain them.

Expectations name the term and a short phrase of the evidence only; no corpus text is copied here.
"""

from __future__ import annotations

import functools

import pytest
from conftest import corpus_file, needs_corpus

from resume_check.lexicon import load_lexicon
from resume_check.matching import build_matcher
from resume_check.models import Match, Resume
from resume_check.nlp import build_nlp

PM = "mathdebate09__job-cli__project_manager.pdf"
MICKEY = "gitobic__SoupBoss__Mickey01_docx.docx"
ALFRED = "srbhr__Resume-Matcher__alfred_pennyworth_pm.pdf"

# the four lifecycle stages of issue 3, and the core PM duties a non-IT control must not pick up
STAGES = ("lifecycle.initiation", "lifecycle.planning", "lifecycle.execution", "lifecycle.closure")
PM_DUTIES = (*STAGES, "lifecycle.project_management", "lifecycle.it_projects", "lifecycle.scheduling")


@functools.cache
def analysed(name: str) -> tuple[Resume, tuple[Match, ...]]:
    from resume_check.extract import extract
    from resume_check.structure import build_resume

    resume = build_resume(extract(corpus_file(name)))
    return resume, build_matcher(build_nlp(), load_lexicon()).match(resume)


def evidence(name: str, term_id: str) -> list[tuple[str, str]]:
    """(section, matched text) of every occurrence of ``term_id`` in the corpus file ``name``."""
    resume, matches = analysed(name)
    return [(resume.blocks[m.block].section, m.text) for m in matches if m.term_id == term_id]


@needs_corpus
@pytest.mark.parametrize(
    ("name", "term_id", "phrase", "section"),
    [
        # construction project manager: scoping the goals is planning, directing project work is executing,
        # "successful project completion" is closing
        (PM, "lifecycle.planning", "project scope, goals", "experience"),
        (PM, "lifecycle.execution", "project development", "experience"),
        (PM, "lifecycle.closure", "project completion", None),  # in the profile paragraph
        (PM, "commercial.resource_management", "estimating the resources", "experience"),
        # IT director: "led a project (team) to design, plan, and deploy", "managing end-to-end IT initiatives"
        (MICKEY, "lifecycle.planning", "design, plan", "experience"),
        (MICKEY, "lifecycle.it_projects", "IT initiatives", "summary"),
        # engineering leader: "project managed the implementation of ..."
        ("jacksenechal__resume__resume.pdf", "lifecycle.execution", "Project managed the implementation", None),
        # cybersecurity assessment manager, PDF and DOCX twins: planning the assessment schedule
        ("jasonadsit__resume__resume.pdf", "lifecycle.scheduling", "assessment schedule", "experience"),
        ("jasonadsit__resume__resume.docx", "lifecycle.scheduling", "assessment schedule", "experience"),
        # consultant: "managed various projects"
        ("booch__resume__resume.pdf", "lifecycle.project_management", "Managed various projects", "experience"),
        # product manager: the skills list and "delivered multiple projects"
        (ALFRED, "lifecycle.project_management", "delivered multiple projects", "experience"),
        # web developer templates: "managed the integration of third-party services"
        ("AmruthPillai__Reactive-Resume__azurill.pdf", "infrastructure.systems_integration", "integration of", None),
        ("AmruthPillai__Reactive-Resume__onyx.pdf", "infrastructure.systems_integration", "integration of", None),
        # DevOps engineer: "presenting to 6 stakeholders"
        (
            "gitobic__SoupBoss__aws-devops-engineer-resume-example.pdf",
            "stakeholders.stakeholder_communication",
            "to 6 stakeholders",
            None,
        ),
    ],
)
def test_pm_resumes_find_the_terms_a_reader_sees(name: str, term_id: str, phrase: str, section: str | None) -> None:
    found = evidence(name, term_id)
    hits = [(sec, text) for sec, text in found if phrase.lower() in text.lower()]
    assert hits, f"{term_id} not found with {phrase!r} in {name}; found {found}"
    if section is not None:
        assert {sec for sec, _ in hits} == {section}


@needs_corpus
def test_the_pm_resume_evidences_three_of_the_four_stages() -> None:
    """Planning, executing and closing are in the construction PM's text; initiating is not (no charter,
    business case, kick-off or initiation), so it stays missing rather than being guessed."""
    _, matches = analysed(PM)
    assert {m.term_id for m in matches} & set(STAGES) == {
        "lifecycle.planning",
        "lifecycle.execution",
        "lifecycle.closure",
    }


@needs_corpus
def test_a_closure_report_built_as_a_product_is_not_project_closure() -> None:
    """A developer 'creating closure reports using PHP and Excel' built the reports; he did not close a project."""
    assert evidence("OmkarPathak__pyresparser__OmkarResume.pdf", "lifecycle.closure") == []


@needs_corpus
@pytest.mark.parametrize("name", ["jasonadsit__resume__resume.pdf", "jasonadsit__resume__resume.docx"])
def test_a_job_title_naming_information_systems_is_not_the_degree(name: str) -> None:
    """Job titles ("Senior Information Systems Specialist", "Specialist (Information Systems)"); no degree is listed."""
    assert evidence(name, "education.information_systems") == []


@needs_corpus
def test_planning_a_delivery_round_is_not_project_planning() -> None:
    """The sales/delivery control plans and executes parcel deliveries and plans youth activities."""
    name = "7Brooksby__Resume_Brooksby__resume.docx"
    _, matches = analysed(name)
    assert not any("plan" in m.text.lower() for m in matches)
    assert [m for m in matches if m.term_id in PM_DUTIES] == []


@needs_corpus
@pytest.mark.parametrize(
    "name",
    [
        "7Brooksby__Resume_Brooksby__resume.docx",  # sales representative
        "liantze__AltaCV__sample.pdf",  # placeholder text
        "moderncv__moderncv__template_classic_green.pdf",  # placeholder text and a cover letter
    ],
)
def test_non_it_controls_gain_no_project_management_terms(name: str) -> None:
    _, matches = analysed(name)
    assert sorted({m.term_id for m in matches} & set(PM_DUTIES)) == []
    assert [m for m in matches if m.term_id.startswith("lifecycle.")] == []


@needs_corpus
@pytest.mark.parametrize(
    ("name", "kept"),
    [
        # the new planning evidence in Mickey's bullet takes "Led a project team" away from leadership on that
        # line (one span is one term); leadership must still be evidenced elsewhere in the résumé
        (MICKEY, "stakeholders.leadership"),
        # "identifying project scope, goals" is planning now; scope management keeps its other occurrence
        (PM, "lifecycle.scope_management"),
    ],
)
def test_new_stage_evidence_does_not_lose_a_term(name: str, kept: str) -> None:
    assert evidence(name, kept)


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("Planned the cloud migration of 140 applications.", "cloud.cloud_migration"),
        ("Planned the ERP implementation.", "infrastructure.enterprise_systems"),
        ("Executed the data migration.", "data.data_migration"),
        ("Managed the SAP project work.", "tools.sap"),
    ],
)
def test_stage_patterns_leave_the_terms_inside_them_alone(text: str, inner: str) -> None:
    """A stage pattern spans only scale words ("the phased migration"), so a term named inside the object keeps
    its evidence: one span of text is one term, and the longest span would win."""
    found = {m.term_id for m in build_matcher(build_nlp(), load_lexicon()).match_text(text)}
    assert inner in found


@needs_corpus
def test_planning_and_executing_release_activities_is_not_the_project_stages() -> None:
    """The QA engineer's "Planning and Executing QA and ... Release Cycle activities": the gerunds take an object
    (QA activities), so they are not the stage words of a lifecycle series."""
    name = "OmkarPathak__pyresparser__OmkarResume.pdf"
    assert evidence(name, "lifecycle.planning") == []
    assert evidence(name, "lifecycle.execution") == []


SERIES_TERMS = (*STAGES, "lifecycle.monitoring_control")


def stage_hits(text: str) -> list[tuple[str, str]]:
    matches = build_matcher(build_nlp(), load_lexicon()).match_text(text)
    return [(m.term_id, m.text) for m in matches if m.term_id in SERIES_TERMS]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Responsible for planning, execution and closure of projects.",
            [
                ("lifecycle.planning", "planning"),
                ("lifecycle.execution", "execution"),
                ("lifecycle.closure", "closure"),
            ],
        ),
        (
            "Covered initiation, planning, execution, monitoring and closure.",
            [
                ("lifecycle.initiation", "initiation"),
                ("lifecycle.planning", "planning"),
                ("lifecycle.execution", "execution"),
                ("lifecycle.monitoring_control", "monitoring"),
                ("lifecycle.closure", "closure"),
            ],
        ),
        (
            "Planning and execution of the data-centre move",
            [("lifecycle.planning", "Planning"), ("lifecycle.execution", "execution")],
        ),
        (
            "Initiation → Planning → Execution → Closure",
            [
                ("lifecycle.initiation", "Initiation"),
                ("lifecycle.planning", "Planning"),
                ("lifecycle.execution", "Execution"),
                ("lifecycle.closure", "Closure"),
            ],
        ),
        # "project planning" is the label: the narrowed hit keeps it whole
        (
            "Led project planning and execution for the CRM.",
            [("lifecycle.planning", "project planning"), ("lifecycle.execution", "execution")],
        ),
        # gerunds in a series taking a project object; the IT-projects term inside keeps its evidence
        (
            "Planning, executing and closing out 12 IT projects.",
            [
                ("lifecycle.planning", "Planning"),
                ("lifecycle.execution", "executing"),
                ("lifecycle.closure", "closing"),
            ],
        ),
        # a series on the second line of a block of text: the line break before it is a line start
        (
            "Delivery lead\nPlanning & Execution | Budgeting",
            [("lifecycle.planning", "Planning"), ("lifecycle.execution", "Execution")],
        ),
    ],
)
def test_each_stage_word_of_a_series_is_its_own_evidence(text: str, expected: list[tuple[str, str]]) -> None:
    """A series hit is narrowed to each term's own stage word, so the stages do not overlap and all of them count."""
    assert stage_hits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Responsible for planning and budgeting.",  # no partner stage
        "Capacity planning and execution of the roadmap.",  # a modifier: capacity planning is its own thing
        "Strategic planning and execution.",
        "Event planning and closing ceremony.",
        "Improved execution speed and closing times.",
        "Planning and closing the deal.",
        "Prospecting, planning and closing.",  # a sales cycle
        "Execution and closing of trades.",
        "Closing remarks and planning for next year.",
        "Obtained planning permission and closure of the road.",
        "Planning and monitoring of the budget.",  # monitoring is a partner only between two stage words
        "Planning and Executing QA and Production Release Cycle activities",  # gerunds with an object
        "Planning\nExecution",  # two lines are not a series
        "Planning and executing my final-year project.",  # a student's own project
        "Planning and monitoring project budgets.",  # the object is the budget
    ],
)
def test_stage_words_outside_a_lifecycle_series_are_not_stages(text: str) -> None:
    assert stage_hits(text) == []


def test_focus_words_narrow_series_hits_but_never_match_alone() -> None:
    """The series terms report each stage word through ``focus``, which is no form of the term: "planning",
    "Planning" and "PLANNING" alone are not project planning, and the terms carry no made-up forms for it."""
    lifecycle = [t for t in load_lexicon().terms if t.id in SERIES_TERMS]
    words = [w for t in lifecycle for w in t.focus]
    assert {"initiation", "planning", "execution", "closure"} <= set(words)
    for term in lifecycle:
        assert all(a.text.lower() == a.text or a.text.isupper() for a in term.acronyms), term.acronyms
    for word in words:
        for written in (word.lower(), word.upper(), word.title()):
            assert stage_hits(f"Skills include {written} for the team") == [], written


def test_a_gerund_series_keeps_the_project_term_inside_it() -> None:
    found = {
        m.term_id
        for m in build_matcher(build_nlp(), load_lexicon()).match_text(
            "Planning, executing and closing out 12 IT projects."
        )
    }
    assert {"lifecycle.planning", "lifecycle.execution", "lifecycle.closure", "lifecycle.it_projects"} <= found
