"""Roles: header lines (title, employer, dates, place) found in experience sections, with normalised dates; dates.py;
experience inferred from date-led role lines when a résumé has no headings."""

from __future__ import annotations

import pytest
from conftest import corpus_file, needs_corpus

from resume_check.dates import find_ranges, normalise
from resume_check.extract import extract
from resume_check.impact import analyse_impact
from resume_check.models import Document, Line, Resume, Source
from resume_check.structure import build_resume, date_led_role


def resume_of(text: str) -> Resume:
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        bullet = raw.lstrip().startswith(("- ", "• "))
        body = raw.lstrip()[2:] if bullet else raw.strip()
        lines.append(Line(text=body, bullet=bullet, source_line=number))
    return build_resume(Document(source=Source(path="cv.txt", type="txt"), lines=tuple(lines)))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("7/2022-Present", "2022-07", "present"),
        ("11/2018-7/2022", "2018-11", "2022-07"),
        ("Jan 2020 – Present", "2020-01", "present"),
        ("March 2021 to June 2023", "2021-03", "2023-06"),
        ("2015 - 2017", "2015", "2017"),
        ("2019-04 – 2020-01", "2019-04", "2020-01"),
        ("Sept 2019 — Current", "2019-09", "present"),
    ],
)
def test_date_ranges_normalise(text: str, start: str, end: str) -> None:
    (found,) = find_ranges(f"Engineer, Acme ({text})")
    assert (normalise(found.first), normalise(found.last)) == (start, end)
    assert found.text == text


def test_a_lone_date_is_not_a_range() -> None:
    assert find_ranges("Graduated June 2019 with honours") == ()


CV = """Alex Morgan
alex@example.com

Experience
Senior IT Project Manager | Northbridge Utilities plc | Manchester, UK | March 2021 – Present
- Delivered a £2.4m ERP migration for 1,200 users two weeks early
- Managed the RAID log
IT Project Manager
Caldwell Housing Group, Leeds, UK
June 2017 – February 2021
A housing association serving 40,000 tenants
- Migrated 45 servers to Azure, cutting costs by £310k a year
Project Coordinator at Pennine Digital, 2014 - 2017
- Supported 20 infrastructure projects

Education
BSc Computer Science, University of Leeds, 2010 – 2014
"""


def test_roles_with_title_employer_place_and_dates() -> None:
    resume = resume_of(CV)
    got = [(r.title, r.employer, r.location, r.start, r.end) for r in resume.roles]
    assert got == [
        ("Senior IT Project Manager", "Northbridge Utilities plc", "Manchester, UK", "2021-03", "present"),
        ("IT Project Manager", "Caldwell Housing Group", "Leeds, UK", "2017-06", "2021-02"),
        ("Project Coordinator", "Pennine Digital", None, "2014", "2017"),
    ]
    first, second, third = resume.roles
    assert first.dates_text == "March 2021 – Present" and first.section == "experience"
    assert [resume.blocks[i].text for i in second.header][:3] == [
        "IT Project Manager",
        "Caldwell Housing Group, Leeds, UK",
        "June 2017 – February 2021",
    ]
    assert len(first.blocks) == 2 and len(third.blocks) == 1
    assert resume.role_of(first.blocks[0]) is first
    assert resume.role_of(second.header[0]) is second and resume.role_of(-1) is None
    indexes = resume.role_indexes()
    assert all(indexes[b] == 2 for b in (*third.header, *third.blocks)) and -1 not in indexes
    # education lines are not roles
    assert all(r.section == "experience" for r in resume.roles)


def test_role_header_lines_are_not_statements() -> None:
    resume = resume_of(CV)
    impact = analyse_impact(resume)
    texts = [s.text for s in impact.statements]
    assert texts == [
        "Delivered a £2.4m ERP migration for 1,200 users two weeks early",
        "Managed the RAID log",
        "Migrated 45 servers to Azure, cutting costs by £310k a year",
        "Supported 20 infrastructure projects",
    ]


def test_employer_with_company_suffixes_stays_whole() -> None:
    resume = resume_of("Experience\nSoftware Engineer, Omnious. Co., Ltd., Seoul | Jan 2020 – Jan 2021\n- Built an API")
    (role,) = resume.roles
    assert role.title == "Software Engineer"
    assert role.employer == "Omnious. Co., Ltd."


HEADINGLESS = """Jordan Smith
Home (503) 555-0100 | jordan@example.com
7/2022-Present, Cybersecurity Assessment Manager, State of Oregon
Supervise a team of five assessors | Vulnerability Assessment | Risk Analysis | Leadership | Budget | Research
- Liaison to the regional IT Sector Working Group
11/2018-7/2022, Cybersecurity Assessor, State of Oregon
- Led 40 risk and vulnerability assessments for state agencies
6/2012-6/2016, Network Engineer, Oregon Military Department
- Managed three distributed datacenter networks
"""


def test_date_led_role_lines() -> None:
    assert date_led_role("7/2022-Present, Cybersecurity Assessment Manager, State of Oregon")
    assert date_led_role("2019 – 2021 Delivery Lead, Acme")
    assert not date_led_role("Delivery Lead, Acme, 2019 – 2021")  # dates last: ordinary header, not date-led
    assert not date_led_role("2019 – 2021 we grew revenue by 20% and opened two offices in the north.")


def test_headingless_resume_gets_experience_from_date_led_role_lines() -> None:
    resume = resume_of(HEADINGLESS)
    names = [s.name for s in resume.sections]
    assert names == ["contact", "experience"]
    assert [(r.title, r.employer, r.start, r.end) for r in resume.roles] == [
        ("Cybersecurity Assessment Manager", "State of Oregon", "2022-07", "present"),
        ("Cybersecurity Assessor", "State of Oregon", "2018-11", "2022-07"),
        ("Network Engineer", "Oregon Military Department", "2012-06", "2016-06"),
    ]
    statements = [s.text for s in analyse_impact(resume).statements]
    assert "Led 40 risk and vulnerability assessments for state agencies" in statements
    assert not any(s.startswith(("7/2022", "11/2018", "6/2012")) for s in statements)


def test_one_date_led_line_is_not_enough_to_infer_experience() -> None:
    resume = resume_of("Jordan Smith\n2019-2021, Delivery Lead, Acme\nSome text here about things.")
    assert "experience" not in [s.name for s in resume.sections]
    assert resume.roles == ()


def test_an_experience_heading_wins_over_inference() -> None:
    resume = resume_of("Jordan Smith\nExperience\n7/2022-Present, Delivery Lead, Acme\n- Led 3 releases")
    assert [s.name for s in resume.sections] == ["contact", "experience"]
    assert [r.title for r in resume.roles] == ["Delivery Lead"]


@needs_corpus
@pytest.mark.parametrize("name", ["jasonadsit__resume__resume.pdf", "jasonadsit__resume__resume.docx"])
def test_jasonadsit_gets_experience_with_roles(name: str) -> None:
    resume = build_resume(extract(corpus_file(name)))
    assert "experience" in [s.name for s in resume.sections]
    assert len(resume.roles) >= 10
    first = resume.roles[0]
    assert (first.title, first.employer, first.start, first.end) == (
        "Cybersecurity Assessment Manager",
        "State of Oregon",
        "2022-07",
        "present",
    )
    assert all(r.start is not None for r in resume.roles)


class _CountingIndex(int):
    """A block number that counts the comparisons made with it (how much work finding the roles' bodies does)."""

    compared = 0

    def __lt__(self, other: object) -> bool:
        _CountingIndex.compared += 1
        return int(self) < int(other)  # type: ignore[call-overload]

    def __gt__(self, other: object) -> bool:
        _CountingIndex.compared += 1
        return int(self) > int(other)  # type: ignore[call-overload]


def test_the_roles_of_a_long_history_are_found_in_near_linear_work() -> None:
    """A section of thousands of roles (a fuzz mutation made one of 20,000) took each role's body by filtering every
    block of the section: 9 s and quadratic. Each body is now one slice of the section's ascending blocks; the
    bodies are checked against that definition, and the comparisons made are counted, not timed."""
    import dataclasses

    from resume_check.impact import opens_with_action_verb
    from resume_check.structure import find_roles

    roles = 2000
    text = "Experience\n" + "".join(
        f"Project Manager, Acme {n}    Jan {1900 + n % 100} – Dec {1901 + n % 100}\n- Delivered release {n}.\n"
        for n in range(roles)
    )
    resume = resume_of(text)
    (section,) = [s for s in resume.sections if s.name == "experience"]
    counted = dataclasses.replace(section, blocks=tuple(_CountingIndex(i) for i in section.blocks))
    _CountingIndex.compared = 0
    found = find_roles(resume.blocks, [counted], opens_with_action_verb)
    compared = _CountingIndex.compared
    assert compared < 40 * roles, compared  # a filter over the section per role makes roles² comparisons or more
    assert len(found) == roles
    members = list(section.blocks)
    for n, role in enumerate(found):
        end = found[n + 1].header[0] if n + 1 < len(found) else None
        assert role.blocks == tuple(i for i in members if i > role.header[-1] and (end is None or i < end))
        assert [resume.blocks[i].text for i in role.blocks] == [f"Delivered release {n}."]
