"""Which lines are statements: a table of real-style lines (written for this test, modelled on what the corpus
shows) that must stay context, and bullets that must be judged (issue 12)."""

from __future__ import annotations

import pytest

from resume_check.impact import analyse_impact
from resume_check.models import Document, Line, Resume, Source
from resume_check.structure import build_resume


def resume_of(section: str, *rows: tuple[str, bool]) -> Resume:
    """A résumé with a name, one heading and ``rows`` of (text, is a bullet) under it."""
    lines = [Line(text="Sam Example", source_line=1), Line(text="sam@example.com", source_line=2)]
    lines.append(Line(text=section, source_line=3))
    for n, (text, bullet) in enumerate(rows, 4):
        lines.append(Line(text=text, bullet=bullet, source_line=n))
    return build_resume(Document(source=Source(path="cv.txt", type="txt"), lines=tuple(lines)))


def judged(section: str, *rows: tuple[str, bool]) -> list[str]:
    return [s.text for s in analyse_impact(resume_of(section, *rows)).statements]


ANCHOR = ("Delivered the CRM migration for 1,200 users two weeks early", True)

NOT_STATEMENTS = [
    ("Senior Engineer | Jan 2020 – Jan 2021", False),
    ("Senior Engineer | Acme Corp | London, UK | Jan 2020 – Present", False),
    ("Omnious. Co., Ltd.", False),
    ("Acme Corp., Ltd.", False),
    ("Custom Building Improvements, Inc.", False),
    ("Northbridge Utilities plc, Manchester", False),
    ("March 2021 – Present", False),
    ("2019 - 2021", False),
    ("London, UK", False),
    ("A fintech start-up serving 2M users", False),
    ("Project: Foo (github.com/x/foo)", False),
    ("github.com/x/foo", False),
    ("https://example.org/portfolio", False),
    ("Research Assistant Summer 2021", False),
    ("Arduino Electrocardiogram | Arduino C, Laser Cutting, PCB Design Mar. 2020", False),
    ("FlashInfer Jan 2023 – present", False),
    ("Tech Stack: Ruby, Rails, Sidekiq, PostgreSQL", False),
    ("Web servers: Apache httpd, nginx", False),
    ("Notable Accomplishments:", False),
    ("Proficient in Salesforce and Zoho CRM", True),
    ("Roy Clay Tech Impact program - Instructor, Mentor", True),
    ("Multi-Top Driver Award Winner", True),
    ("7/2022-Present, Cybersecurity Assessment Manager, State of Oregon", False),
]


@pytest.mark.parametrize(("text", "bullet"), NOT_STATEMENTS)
def test_context_lines_are_not_statements(text: str, bullet: bool) -> None:
    statements = judged("Experience", ("Project Manager, Acme Ltd, 2019 - 2021", False), (text, bullet), ANCHOR)
    assert statements == [ANCHOR[0]], text


SUMMARY_SENTENCES = [
    "Seasoned IT project manager with 12 years of experience in banking and insurance.",
    "Delivered 30+ projects for FTSE 100 clients across Europe.",  # a summary describes the person, even so
    "I am always looking to learn.",
    "Passionate about agile delivery and servant leadership.",
]


@pytest.mark.parametrize("text", SUMMARY_SENTENCES)
def test_summary_sentences_are_not_statements(text: str) -> None:
    assert judged("Professional Summary", (text, False)) == []
    assert judged("Highlights", (text, True)) == []


STATEMENTS = [
    ("Led a team of 8 engineers to deliver the payments platform", "strong"),
    ("Managed the release calendar for four product teams", "strong"),
    ("Responsible for vendor contracts", "weak"),
    ("Worked with designers to improve UX", "weak"),
    ("Liaison to the regional IT Sector Working Group", "weak"),
    ("Reduced overdue appraisals from 574 to 322 using data analysis", "strong"),
    ("Visualised the dependency graph using D3.js and Flask", "unquantified"),
    ("Applied Scrum to report results to product owners", "unquantified"),
    ("Asset management system for a large company (12 million digital assets)", "strong"),
    ("Workshop paper on emergent communication protocols", "unquantified"),
    ("Execution of pest control plans for each client", "weak"),
]


@pytest.mark.parametrize(("text", "verdict"), STATEMENTS)
def test_bullets_are_statements(text: str, verdict: str) -> None:
    resume = resume_of("Experience", ("Project Manager, Acme Ltd, 2019 - 2021", False), (text, True))
    statements = analyse_impact(resume).statements
    assert [(s.text, s.verdict) for s in statements] == [(text, verdict)]


@pytest.mark.parametrize(
    "heading",
    ["Volunteer Experience", "On Campus Involvement", "On-Campus Involvement", "Leadership & Activities", "Service"],
)
def test_bullets_under_experience_like_headings_are_judged(heading: str) -> None:
    resume = resume_of(heading, ("Treasurer, Student Union, 2019 - 2020", False), ("Raised £4,000 for charity", True))
    assert [s.name for s in resume.sections][-1] == "experience"
    assert [(s.text, s.verdict) for s in analyse_impact(resume).statements] == [("Raised £4,000 for charity", "strong")]


def test_qualifications_profile_is_a_summary_not_education() -> None:
    resume = resume_of("Qualifications Profile", ("Seasoned construction project manager with 20 years.", False))
    assert [s.name for s in resume.sections][-1] == "summary"
    assert analyse_impact(resume).statements == ()


def test_pipe_list_items_are_judged_one_by_one() -> None:
    line = (
        "Supervise a team of five assessors | Vulnerability Assessment | Risk Analysis | Plan the assessment schedule"
    )
    statements = judged("Experience", ("Assessor, State of Oregon, 2018 - 2022", False), (line, False))
    assert statements == ["Supervise a team of five assessors", "Plan the assessment schedule"]
