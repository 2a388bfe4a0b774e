"""ATS-readiness checks (issue 5): each check on small hand-built résumés, plus the cliché list."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest

from resume_check.ats import (
    check_ats,
    check_cliches,
    check_contact,
    check_dates,
    check_file,
    check_length,
    check_pronouns,
    check_sections,
    infer_senior,
    load_cliches,
    parse_cliches,
)
from resume_check.errors import LexiconError
from resume_check.models import (
    Block,
    Contact,
    Document,
    Finding,
    Impact,
    ImpactSummary,
    Line,
    Resume,
    Section,
    Source,
    Statement,
)

FULL_CONTACT = Contact(
    email="jane@example.com",
    phone="+44 7700 900123",
    linkedin="linkedin.com/in/jane",
    name="Jane Smith",
    parts=("body",),
)


def make_resume(
    sections: Sequence[tuple[str, str | None, Sequence[str | tuple[str, str]]]],
    *,
    contact: Contact = FULL_CONTACT,
    path: str = "Jane-Smith-CV.pdf",
    kind: str = "pdf",
    pages: int | None = 1,
    warnings: Sequence[Finding] = (),
    part: str = "body",
) -> Resume:
    """A Resume from (section, heading, items): an item is a paragraph text or (kind, text)."""
    blocks: list[Block] = []
    lines: list[Line] = []
    section_records: list[Section] = []
    offset = 0

    def add(block_kind: str, section: str, text: str) -> int:
        nonlocal offset
        index = len(blocks)
        blocks.append(
            Block(block_kind, section, text, offset, offset + len(text), len(lines) + 1, (len(lines),), part)  # type: ignore[arg-type]
        )
        lines.append(Line(text, bullet=block_kind == "bullet", part=part))  # type: ignore[arg-type]
        offset += len(text) + 1
        return index

    for section, heading, items in sections:
        heading_line = None
        if heading is not None:
            heading_line = len(lines) + 1
            add("heading", section, heading)
        members = []
        for item in items:
            block_kind, text = item if isinstance(item, tuple) else ("paragraph", item)
            members.append(add(block_kind, section, text))
        section_records.append(Section(section, heading, heading_line, tuple(members)))
    document = Document(Source(path, kind, pages, 1000), tuple(lines), warnings=tuple(warnings))
    text = "\n".join(b.text for b in blocks)
    return Resume(document, text, tuple(blocks), tuple(section_records), contact, tuple(warnings))


BASIC = [
    ("contact", None, ["Jane Smith", "jane@example.com | +44 7700 900123"]),
    ("experience", "Experience", [("bullet", "Led a migration of 40 sites to Azure, saving £200k a year")]),
    ("education", "Education", ["BSc Computer Science, University of Leeds"]),
    ("skills", "Skills", ["Scrum, Kanban, Jira, Confluence"]),
]


def ids(findings: Sequence[Finding]) -> list[str]:
    return [f.id for f in findings]


# --------------------------------------------------------------------------------------------- contact


def test_complete_contact_gives_no_findings() -> None:
    assert check_contact(make_resume(BASIC)) == []


def test_missing_contact_fields_have_their_own_ids_and_severities() -> None:
    findings = check_contact(make_resume(BASIC, contact=Contact(name="Jane Smith")))
    assert [(f.id, f.severity) for f in findings] == [
        ("ats.contact.email", "error"),
        ("ats.contact.phone", "warning"),
        ("ats.contact.linkedin", "warning"),
    ]
    assert "add" in findings[0].message and "example.com" in findings[0].message


def test_contact_only_in_header_is_a_warning() -> None:
    contact = Contact(email="j@example.com", phone="+1 555 0100", linkedin="linkedin.com/in/j", parts=("header",))
    findings = check_contact(make_resume(BASIC, contact=contact))
    assert ids(findings) == ["ats.contact.header-only"]
    assert findings[0].severity == "warning"


def test_header_only_contact_is_not_reported_twice_when_structure_already_did() -> None:
    contact = Contact(email="j@example.com", phone="+1 555 0100", linkedin="linkedin.com/in/j", parts=("header",))
    warning = Finding("docx.header-only-contact", "contact only in the header", "warning")
    assert check_contact(make_resume(BASIC, contact=contact, warnings=[warning])) == []


def test_contact_in_header_and_body_is_fine() -> None:
    contact = Contact(
        email="j@example.com", phone="+1 555 0100", linkedin="linkedin.com/in/j", parts=("header", "body")
    )
    assert check_contact(make_resume(BASIC, contact=contact)) == []


# --------------------------------------------------------------------------------------------- sections


def test_expected_sections_present() -> None:
    assert check_sections(make_resume(BASIC)) == []


def test_missing_sections() -> None:
    findings = check_sections(make_resume(BASIC[:2]))
    assert [(f.id, f.severity) for f in findings] == [
        ("ats.section.education", "warning"),
        ("ats.section.skills", "warning"),
    ]
    findings = check_sections(make_resume([BASIC[0]]))
    assert ids(findings) == ["ats.section.experience", "ats.section.education", "ats.section.skills"]
    assert findings[0].severity == "error" and "Experience" in findings[0].message


# --------------------------------------------------------------------------------------------- length

FILLER = "Delivered the programme on time with the team and the vendors across the regions"  # 15 words


def test_three_pages_is_long_for_a_junior_but_not_for_a_senior() -> None:
    junior = make_resume(BASIC, pages=3)
    assert not infer_senior(junior)
    assert ids(check_length(junior, senior=False)) == ["ats.length.pages", "ats.length.words"]
    assert "3 pages" in check_length(junior, senior=False)[0].message
    senior_sections = [
        *BASIC[:1],
        ("experience", "Experience", ["Senior IT Project Manager, Acme Ltd", *BASIC[1][2]]),
        *BASIC[2:],
    ]
    senior = make_resume(senior_sections, pages=3)
    assert infer_senior(senior)
    assert "ats.length.pages" not in ids(check_length(senior, senior=True))
    assert ids(check_length(make_resume(BASIC, pages=4), senior=True)) == ["ats.length.pages", "ats.length.words"]


def test_seniority_from_years_of_experience() -> None:
    long_career = [
        ("experience", "Experience", ["Project Manager, Acme, Jan 2010 – Dec 2014", "PM, Beta, 2015 – 2021"])
    ]
    short_career = [("experience", "Experience", ["Project Manager, Acme, Jan 2018 – Present", "Report, 2021"])]
    assert infer_senior(make_resume(long_career))
    assert not infer_senior(make_resume(short_career))


def test_word_count_limits() -> None:
    thin = check_length(make_resume(BASIC), senior=False)
    assert ids(thin) == ["ats.length.words"] and thin[0].severity == "warning" and "words" in thin[0].message
    normal = make_resume([*BASIC, ("other", "Projects", [FILLER] * 20)])  # about 330 words
    assert check_length(normal, senior=False) == []
    long = make_resume([*BASIC, ("other", "Projects", [FILLER] * 80)])  # about 1,230 words
    findings = check_length(long, senior=False)
    assert [(f.id, f.severity) for f in findings] == [("ats.length.words", "info")]
    assert check_length(long, senior=True) == []


# --------------------------------------------------------------------------------------------- dates


def test_consistent_dates_give_no_findings() -> None:
    resume = make_resume([("experience", "Experience", ["Acme, Jan 2020 – Mar 2023", "Beta, Sept 2017 – Dec 2019"])])
    assert check_dates(resume) == []


def test_mixed_date_formats_are_reported_with_examples() -> None:
    resume = make_resume(
        [
            ("experience", "Experience", ["Acme, Jan 2020 – Mar 2023", "Beta, 04/2017 – 12/2019"]),
            ("education", "Education", ["MSc, 2014-09 to 2015-09"]),
        ]
    )
    findings = check_dates(resume)
    assert ids(findings) == ["ats.dates.inconsistent"]
    finding = findings[0]
    assert finding.severity == "warning" and finding.count == 3 and finding.line == 3
    assert "'Jan 2020' (line 2)" in finding.message and "'04/2017'" in finding.message
    assert "'2014-09'" in finding.message


def test_a_range_mixing_month_and_year_is_inconsistent() -> None:
    resume = make_resume([("experience", "Experience", ["Acme, Jan 2020 – 2021"])])
    findings = check_dates(resume)
    assert ids(findings) == ["ats.dates.inconsistent"]
    assert "Jan 2020 – 2021" in findings[0].message


def test_year_ranges_are_not_yyyy_mm() -> None:
    resume = make_resume([("experience", "Experience", ["Acme, 2019-2021", "Beta, 2015 - 2019"])])
    assert check_dates(resume) == []


def test_employment_gap_over_six_months_is_info() -> None:
    resume = make_resume([("experience", "Experience", ["Beta, Jan 2015 – Dec 2016", "Acme, Jan 2018 – Present"])])
    findings = check_dates(resume)
    assert [(f.id, f.severity, f.line) for f in findings] == [("ats.dates.gap", "info", 3)]
    assert "12 months" in findings[0].message and "Jan 2017" in findings[0].message


def test_short_gaps_and_overlaps_are_fine() -> None:
    resume = make_resume(
        [
            (
                "experience",
                "Experience",
                ["Acme, Mar 2017 – Present", "Beta, Jan 2015 – Dec 2016", "Gamma, Jun 2015 – Jan 2016"],
            )
        ]
    )
    assert check_dates(resume) == []


def test_gaps_only_count_in_experience() -> None:
    resume = make_resume([("education", "Education", ["BSc, 2005 – 2008", "MSc, 2012 – 2013"])])
    assert check_dates(resume) == []


# --------------------------------------------------------------------------------------------- pronouns


def test_first_person_pronouns_in_bullets_are_a_warning() -> None:
    resume = make_resume(
        [("experience", "Experience", [("bullet", "I led the rollout to 12 sites"), ("bullet", "Built my team")])]
    )
    findings = check_pronouns(resume)
    assert [(f.id, f.severity, f.line, f.count) for f in findings] == [("ats.pronouns", "warning", 2, 2)]
    assert "I, my" in findings[0].message


def test_pronouns_only_in_summary_are_info() -> None:
    resume = make_resume([("summary", "Profile", ["I am a delivery lead who enjoys my work"])])
    assert [(f.severity, f.count) for f in check_pronouns(resume)] == [("info", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "Delivered Phase I of the ERP rollout",
        "ITIL v3 Foundation, Level I",
        "Cut ME region costs by 10%",
        "Mentored 4 analysts",
        "Raised NPS; I/O throughput doubled",
    ],
)
def test_pronoun_traps(text: str) -> None:
    assert check_pronouns(make_resume([("experience", "Experience", [("bullet", text)])])) == []


# --------------------------------------------------------------------------------------------- clichés


def test_bundled_cliche_list_loads_and_covers_the_usual_suspects() -> None:
    cliches = load_cliches()
    phrases = {p.lower() for c in cliches for p in c.phrases}
    for phrase in ("results-driven", "team player", "go-getter", "synergy", "detail-oriented", "detail-orientated"):
        assert phrase in phrases
    assert len({c.id for c in cliches}) == len(cliches)


def test_cliche_suggestions_never_carry_a_figure_of_their_own() -> None:
    """A suggestion's example shows where the user's figure goes ([N], [amount]); it never offers one ("cut release
    lead time from 6 weeks to 2" read as a figure to copy)."""
    for cliche in load_cliches():
        outside = re.sub(r"\[[^\]]*\]", " ", cliche.suggestion)
        assert not re.search(r"\d", outside), (cliche.id, cliche.suggestion)


def test_cliches_without_evidence_are_reported_once_each() -> None:
    resume = make_resume(
        [("summary", "Profile", ["Results driven team-player and detail orientated go-getter; a Team Player"])]
    )
    findings = check_cliches(resume, load_cliches())
    assert [(f.id, f.count) for f in findings] == [
        ("ats.cliche.results-driven", 1),
        ("ats.cliche.team-player", 2),
        ("ats.cliche.go-getter", 1),
        ("ats.cliche.detail-oriented", 1),
    ]
    assert all(f.severity == "info" and f.line == 2 for f in findings)
    assert "'team-player' (2 times)" in findings[1].message


def test_a_cliche_inside_a_quantified_statement_is_evidenced() -> None:
    text = "Results-driven lead: cut release time by 40% in 6 months"
    resume = make_resume([("experience", "Experience", [("bullet", text)])])
    block = resume.blocks[1]
    statement = Statement(text, "experience", 2, 1, block.start, block.end, "strong", "cut", "improve", (), "")
    impact = Impact((statement,), ImpactSummary((), 1.0, (), (), ()))
    assert check_cliches(resume, load_cliches()) != []
    assert check_cliches(resume, load_cliches(), [(block.start, block.end)]) == []
    assert not any(f.id.startswith("ats.cliche") for f in check_ats(resume, impact, cliches=load_cliches()))


@pytest.mark.parametrize("text", ["Built a teamplayer app", "Synergyx platform", "detail of the orientation"])
def test_cliche_traps(text: str) -> None:
    assert check_cliches(make_resume([("summary", None, [text])]), load_cliches()) == []


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ([], "'entries' list"),
        ({"entries": ["x"]}, "entry 1: expected a mapping"),
        ({"entries": [{"id": "Bad Id", "phrases": ["x"], "suggestion": "y"}]}, "lower-case slug"),
        ({"entries": [{"id": "a", "phrases": [], "suggestion": "y"}]}, "entry 1 (a): 'phrases'"),
        ({"entries": [{"id": "a", "phrases": ["x"]}]}, "'suggestion'"),
        (
            {
                "entries": [
                    {"id": "a", "phrases": ["x"], "suggestion": "y"},
                    {"id": "a", "phrases": ["z"], "suggestion": "y"},
                ]
            },
            "entry 2 (a): duplicate id",
        ),
    ],
)
def test_bad_cliche_lists_raise_lexicon_error(data: object, fragment: str) -> None:
    with pytest.raises(LexiconError, match=r"^cl\.yaml") as info:
        parse_cliches(data, "cl.yaml")
    assert fragment in str(info.value)


# --------------------------------------------------------------------------------------------- file


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("resume_final_v3 (2).pdf", "Jane-Smith-CV.pdf"),
        ("CV.docx", "Jane-Smith-CV.docx"),
        ("my-resume.pdf", "Jane-Smith-CV.pdf"),
        ("Jane Smith CV copy.pdf", "Jane-Smith-CV.pdf"),
    ],
)
def test_file_names_that_need_a_rename(path: str, expected: str) -> None:
    kind = path.rsplit(".", 1)[1]
    findings = check_file(make_resume(BASIC, path=f"/tmp/x/{path}", kind=kind))
    assert [(f.id, f.severity) for f in findings] == [("ats.file.name", "info")]
    assert f"'{path}'" in findings[0].message and f"'{expected}'" in findings[0].message


@pytest.mark.parametrize(
    "path", ["Jane-Smith-CV.pdf", "jane_smith_resume.docx", "Smith, Jane - Project Manager.pdf", "-"]
)
def test_sensible_file_names(path: str) -> None:
    assert check_file(make_resume(BASIC, path=path, kind="pdf")) == []


def test_unknown_name_gives_placeholder_suggestion() -> None:
    finding = check_file(make_resume(BASIC, path="resume.pdf", contact=Contact()))[0]
    assert "'Firstname-Lastname-CV.pdf'" in finding.message


@pytest.mark.parametrize(("path", "kind", "word"), [("cv.md", "md", "Markdown"), ("Jane.txt", "txt", "plain text")])
def test_text_files_get_a_file_type_note(path: str, kind: str, word: str) -> None:
    findings = check_file(make_resume(BASIC, path=path, kind=kind, pages=None))
    assert [(f.id, f.severity) for f in findings] == [("ats.file.type", "info")]
    assert word in findings[0].message and "PDF" in findings[0].message


# --------------------------------------------------------------------------------------------- all together


def test_check_ats_runs_every_check_in_a_stable_order() -> None:
    resume = make_resume(BASIC[:2], contact=Contact(email="j@example.com"), path="resume (1).pdf", pages=3)
    assert ids(check_ats(resume)) == [
        "ats.contact.phone",
        "ats.contact.linkedin",
        "ats.section.education",
        "ats.section.skills",
        "ats.length.pages",
        "ats.length.words",
        "ats.file.name",
    ]
    assert check_ats(resume) == check_ats(resume)


def test_internship_gaps_and_study_are_not_employment_gaps() -> None:
    internships = ["Intern, May 2019 – Aug 2019", "Intern, May 2020 – Aug 2020", "Engineer, Jun 2021 – Present"]
    assert check_dates(make_resume([("experience", "Experience", internships)])) == []
    long_break = ["Intern, May 2016 – Aug 2016", "Sales, Jul 2019 – Present"]
    findings = check_dates(make_resume([("experience", "Experience", long_break)]))
    assert [(f.id, f.line) for f in findings] == [("ats.dates.gap", 3)] and "34 months" in findings[0].message
    studied = [
        ("experience", "Experience", ["Analyst, Jan 2012 – Dec 2014", "PM, Jan 2017 – Present"]),
        ("education", "Education", ["MSc, Sep 2015 – Sep 2016"]),
    ]
    assert check_dates(make_resume(studied)) == []


# --------------------------------------------------------------------------------------------- the check registry


def test_every_check_family_has_declared_rules_and_every_ats_rule_a_check() -> None:
    from resume_check.ats import checks
    from resume_check.rules import load_rules

    families = [c.family for c in checks()]
    assert families == [
        "ats.contact",
        "ats.section",
        "ats.length",
        "ats.dates",
        "ats.pronouns",
        "ats.cliche",
        "ats.file",
    ]  # report order
    declared = [rule.id for rule in load_rules().rules if rule.id.startswith("ats.")]
    for family in families:
        assert any(d == family or d.startswith(family + ".") for d in declared), family
    for rule_id in declared:
        assert any(rule_id == f or rule_id.startswith(f + ".") for f in families), rule_id
    assert [c.family for c in checks() if c.any_language] == ["ats.contact", "ats.file"]


def test_a_registered_check_runs_in_its_place_without_other_wiring(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new check is one module with one registration: check_ats runs it, in order, on English résumés only."""
    from resume_check.ats import _registry

    monkeypatch.setattr(_registry, "_CHECKS", dict(_registry._CHECKS))

    @_registry.ats_check("ats.example", order=15, context=True)
    def _example(context: _registry.Context) -> list[Finding]:
        return [Finding("ats.example.found", f"{len(context.resume.blocks)} blocks", "info")]

    resume = make_resume([("experience", "Experience", [("bullet", "Led the migration of 40 servers.")])])
    ids = [f.id for f in check_ats(resume)]
    assert "ats.example.found" in ids
    assert ids.index("ats.example.found") < ids.index("ats.section.education")  # order 15 runs before 20
    with pytest.raises(ValueError, match=r"ats\.example"):
        _registry.ats_check("ats.example", order=99, context=True)(_example)
