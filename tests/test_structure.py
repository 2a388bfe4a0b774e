"""Structure: headings, sections, blocks (wrapped bullets, paragraphs) and contact fields on synthetic documents."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_check.ats import check_ats
from resume_check.impact import analyse_impact
from resume_check.models import Document, Line, Source
from resume_check.structure import build_resume, load_headings, normalise_heading


def text_document(text: str, kind: str = "txt") -> Document:
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        bullet = raw.lstrip().startswith(("- ", "• "))
        body = raw.lstrip()[2:] if bullet else raw.strip()
        lines.append(Line(text=body, bullet=bullet, source_line=number))
    return Document(source=Source(path=f"cv.{kind}", type=kind), lines=tuple(lines))


CV = """Alex Morgan
London, UK | alex.morgan@example.co.uk | +44 7700 900123 | linkedin.com/in/alex-morgan
Certified IT project manager with twelve years of experience leading cloud migrations and ERP programmes.

Career History
Senior IT Project Manager
Acme Ltd, London    Jan 2020 – Present
- Delivered a £2.4m ERP migration for 1,200 users two weeks early
- Responsible for vendor management

Education & Qualifications
BSc Computer Science, University of Leeds

KEY SKILLS
Agile, Scrum, Kanban, PRINCE2, Jira

Accreditations
PMP, PRINCE2 Practitioner
"""


def test_sections_from_british_headings() -> None:
    resume = build_resume(text_document(CV))
    names = [(s.name, s.heading) for s in resume.sections]
    assert names == [
        ("contact", None),
        ("summary", None),
        ("experience", "Career History"),
        ("education", "Education & Qualifications"),
        ("skills", "KEY SKILLS"),
        ("certifications", "Accreditations"),
    ]


def test_blocks_keep_bullets_and_source_lines() -> None:
    resume = build_resume(text_document(CV))
    bullets = [(b.line, b.text) for b in resume.blocks if b.kind == "bullet"]
    assert bullets == [
        (8, "Delivered a £2.4m ERP migration for 1,200 users two weeks early"),
        (9, "Responsible for vendor management"),
    ]
    assert all(resume.text[b.start : b.end] == b.text for b in resume.blocks)


def test_contact_fields() -> None:
    contact = build_resume(text_document(CV)).contact
    assert contact.name == "Alex Morgan"
    assert contact.email == "alex.morgan@example.co.uk"
    assert contact.phone == "+44 7700 900123"
    assert contact.linkedin == "linkedin.com/in/alex-morgan"
    assert contact.location == "London, UK"
    assert contact.parts == ("body",)


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Employment History", "experience"),
        ("Professional Experience", "experience"),
        ("WORK EXPERIENCE", "experience"),
        ("Key Skills", "skills"),
        ("Areas of Expertise", "skills"),
        ("Qualifications", "education"),
        ("Accreditations", "certifications"),
        ("Licences & Certifications", "certifications"),
        ("Licenses and Certifications", "certifications"),
        ("Professional Profile", "summary"),
        ("Selected Projects", "projects"),
        ("Volunteer Experience", "experience"),
        ("On Campus Involvement", "experience"),
        ("On-Campus Involvement", "experience"),
        ("Leadership & Activities", "experience"),
        ("Campus Leadership", "experience"),
        ("Community Volunteering", "experience"),
        ("Qualifications Profile", "summary"),
        ("Professional Qualifications Profile", "summary"),
        ("Profile of Qualifications", "summary"),
        ("Hobbies", "other"),
        ("EDUCATION AND CREDENTIALS", "education"),
        ("Education & Certifications", "education"),
        ("Honours and Awards", "other"),
        ("2. Education:", "education"),
    ],
)
def test_heading_vocabulary(heading: str, section: str) -> None:
    assert load_headings().section_for(heading, loose=True) == section


def test_heading_needs_signals_for_keyword_match() -> None:
    vocab = load_headings()
    # a keyword alone is not enough for a plain line: "Relevant IT Experience" needs capitals/bold/style...
    doc = Document(
        source=Source("cv.txt", "txt"),
        lines=(
            Line("Jo Bloggs", source_line=1),
            Line("Relevant IT Experience", source_line=2),
            Line("Experience working with vendors", source_line=3),
            Line("RELEVANT IT EXPERIENCE", source_line=4),
        ),
    )
    resume = build_resume(doc)
    assert [b.kind for b in resume.blocks] == ["paragraph", "paragraph", "paragraph", "heading"]
    assert vocab.section_for("Relevant IT Experience", loose=True) == "experience"


def test_bold_job_title_does_not_change_section() -> None:
    doc = Document(
        source=Source("cv.docx", "docx"),
        lines=(
            Line("Experience", style="Heading 1"),
            Line("IT Project Manager", bold=True),
            Line("Led the rollout of Microsoft 365 to 3,000 staff.", bullet=True),
        ),
    )
    resume = build_resume(doc)
    assert [(b.kind, b.section) for b in resume.blocks] == [
        ("heading", "experience"),
        ("paragraph", "experience"),
        ("bullet", "experience"),
    ]


def pdf_line(text: str, top: float, x0: float = 72.0, *, bullet: bool = False, size: float = 10.0) -> Line:
    width = len(text) * size * 0.5
    return Line(text=text, page=1, bbox=(x0, top, x0 + width, top + size), font_size=size, bullet=bullet)


#: a heading, then one bullet wrapped over two lines
WRAPPED_BULLET = (
    pdf_line("EXPERIENCE", 100, size=12),
    pdf_line("Migrated 14 legacy applications to Azure, cutting hosting", 120, 80, bullet=True),
    pdf_line("costs by 32% in the first year", 132, 80),
)


def test_pdf_wrapped_bullet_is_one_block() -> None:
    doc = Document(
        source=Source("cv.pdf", "pdf", pages=1),
        lines=(*WRAPPED_BULLET, pdf_line("Ran weekly steering meetings", 150, 80, bullet=True)),
    )
    resume = build_resume(doc)
    bullets = [b.text for b in resume.blocks if b.kind == "bullet"]
    assert bullets == [
        "Migrated 14 legacy applications to Azure, cutting hosting costs by 32% in the first year",
        "Ran weekly steering meetings",
    ]


def test_a_bullet_that_did_not_wrap_does_not_take_the_next_role_header() -> None:
    """Awesome-CV: a short last bullet, then the next employer at the same left edge, close below: the bullet's line
    stops far short of the column's edge, so the employer and title lines are the next role, not its wrap."""
    doc = Document(
        source=Source("cv.pdf", "pdf", pages=1),
        lines=(
            *WRAPPED_BULLET,
            pdf_line("Ran weekly steering meetings", 146, 80, bullet=True),
            pdf_line("Acme Ltd London", 158, 79.5),
            pdf_line("IT PROJECT MANAGER June 2018 - July 2020", 170, 79.5),
            pdf_line("Planned the data centre exit for 3 sites", 184, 80, bullet=True),
        ),
    )
    blocks = [(b.kind, b.text) for b in build_resume(doc).blocks][1:]
    assert blocks[:2] == [
        ("bullet", "Migrated 14 legacy applications to Azure, cutting hosting costs by 32% in the first year"),
        ("bullet", "Ran weekly steering meetings"),
    ]
    assert ("bullet", "Planned the data centre exit for 3 sites") in blocks
    assert not any("Acme" in text and kind == "bullet" for kind, text in blocks)


def test_an_indented_line_after_a_short_bullet_line_still_wraps_it() -> None:
    """rendercv: a column of dates to the right sets the edge further out than the bullets wrap; the wrapped word
    is indented under the bullet's text, so it stays with its bullet."""
    doc = Document(
        source=Source("cv.pdf", "pdf", pages=1),
        lines=(
            pdf_line("EXPERIENCE", 100, size=12),
            Line("Senior Engineer, Acme 2019 - 2022", page=1, bbox=(72, 112, 556, 122), font_size=10.0),
            pdf_line("Raised $18M Series A led by Sequoia Capital, with participation from", 124, 72, bullet=True),
            pdf_line("Founders Fund and Index Ventures, the largest seed round of", 136, 80),
            pdf_line("its year", 148, 80),  # a third line, indented like the second
        ),
    )
    bullets = [b.text for b in build_resume(doc).blocks if b.kind == "bullet"]
    assert bullets == [
        "Raised $18M Series A led by Sequoia Capital, with participation from Founders Fund and Index Ventures, the"
        " largest seed round of its year"
    ]


def test_wrapped_bullet_whose_glyph_box_overlaps_the_next_line_is_one_block() -> None:
    """A bullet glyph taller than the text (PDFShift's two-column template) makes the bullet line's box reach
    4 pt into the next line's: still one statement, so "adopting / the cloud" can match across the wrap."""
    first = Line(
        "Helped 500+ customers shape their journey to adopting",
        page=1,
        bbox=(247.8, 539.1, 571.1, 562.0),
        font_size=11.0,
        bullet=True,
    )
    wrap = Line("the cloud, providing technical support", page=1, bbox=(259.8, 557.8, 538.8, 571.3), font_size=11.0)
    far = Line("AWS DevOps Engineer", page=1, bbox=(232.8, 596.0, 411.6, 611.0), font_size=11.0)
    heading = pdf_line("EXPERIENCE", 500, size=12)
    doc = Document(source=Source("cv.pdf", "pdf", pages=1), lines=(heading, first, wrap, far))
    assert [(b.kind, b.text) for b in build_resume(doc).blocks][1:] == [
        ("bullet", "Helped 500+ customers shape their journey to adopting the cloud, providing technical support"),
        ("paragraph", "AWS DevOps Engineer"),
    ]


def test_hyphenated_wrap_is_joined_without_space() -> None:
    doc = Document(
        source=Source("cv.txt", "txt"),
        lines=(Line("Ran the kick-", bullet=True, source_line=1), Line("off for 3 vendors", source_line=2)),
    )
    assert [b.text for b in build_resume(doc).blocks] == ["Ran the kick-off for 3 vendors"]


def _contact_in_header(source: Source) -> Document:
    return Document(
        source=source,
        lines=(
            Line("jo@example.com | 020 7946 0958", part="header"),
            Line("Experience", style="Heading 1"),
            Line("Managed service desk migration.", bullet=True),
        ),
    )


def test_header_only_contact_warns() -> None:
    resume = build_resume(_contact_in_header(Source("cv.docx", "docx")))
    assert resume.contact.email == "jo@example.com"
    assert resume.contact.parts == ("header",)
    assert [w.id for w in resume.warnings] == ["docx.header-only-contact"]


def test_header_only_contact_in_a_pdf_is_reported_once() -> None:
    """Found on a corpus PDF: the structure stage's "pdf.header-only-contact" (an id no rule declared) and the ATS
    check's "ats.contact.header-only" both fired, so the report said it twice and ATS readiness lost 10 points
    for one problem."""
    resume = build_resume(_contact_in_header(Source("cv.pdf", "pdf")))
    assert resume.contact.parts == ("header",)
    assert not [w.id for w in resume.warnings if "header-only" in w.id]
    findings = [f.id for f in check_ats(resume, analyse_impact(resume)) if "header-only" in f.id]
    assert findings == ["ats.contact.header-only"]


def test_contact_in_body_and_header_does_not_warn() -> None:
    doc = Document(
        source=Source("cv.docx", "docx"),
        lines=(
            Line("jo@example.com", part="header"),
            Line("Jo Bloggs"),
            Line("jo@example.com"),
        ),
    )
    resume = build_resume(doc)
    assert set(resume.contact.parts) == {"header", "body"}
    assert resume.warnings == ()


def test_years_are_not_phone_numbers() -> None:
    doc = text_document("Jo Bloggs\n2019 - 2021 Project Coordinator\n")
    assert build_resume(doc).contact.phone is None


def test_links_fill_contact() -> None:
    doc = Document(
        source=Source("cv.pdf", "pdf", pages=1),
        lines=(Line("Jo Bloggs"), Line("Email | LinkedIn | Portfolio")),
        links=("mailto:jo@example.com", "https://www.linkedin.com/in/jo", "https://jo.dev/"),
    )
    contact = build_resume(doc).contact
    assert (contact.email, contact.linkedin, contact.websites) == (
        "jo@example.com",
        "https://www.linkedin.com/in/jo",
        ("https://jo.dev/",),
    )


def test_normalise_heading() -> None:
    assert normalise_heading("  SKILLS & TOOLS: ") == "skills and tools"
    assert normalise_heading("Education/Training") == "education and training"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=40), max_size=25))
def test_blocks_slice_back_to_text(texts: list[str]) -> None:
    lines = tuple(Line(text=t.replace("\n", " "), source_line=i + 1) for i, t in enumerate(texts))
    resume = build_resume(Document(source=Source("cv.txt", "txt"), lines=lines))
    for block in resume.blocks:
        assert resume.text[block.start : block.end] == block.text
        assert resume.block_at(block.start) == resume.blocks.index(block)


def test_bold_role_title_after_bullet_is_not_a_wrap() -> None:
    """Regression: alex-morgan.pdf glued the next role's bold title onto the last bullet of a role."""
    doc = Document(
        source=Source("cv.pdf", "pdf", pages=1),
        lines=(
            pdf_line("EXPERIENCE", 100, size=12),
            Line(
                "Responsible for vendor management and contract renewals.",
                page=1,
                bbox=(59, 323, 374, 333),
                font_size=10.0,
                bold=False,
                bullet=True,
            ),
            Line(
                "IT Project Manager – Caldwell Housing Group, Leeds",
                page=1,
                bbox=(57, 340, 366, 350),
                font_size=10.5,
                bold=True,
            ),
        ),
    )
    kinds = [(b.kind, b.text) for b in build_resume(doc).blocks]
    assert kinds[1:] == [
        ("bullet", "Responsible for vendor management and contract renewals."),
        ("paragraph", "IT Project Manager – Caldwell Housing Group, Leeds"),
    ]


def test_bold_phrase_wrapping_onto_a_bold_line_continues_the_bullet() -> None:
    """Regression (a LaTeX résumé of the corpus): a bullet ending in a bold award name ("... Star Engineer") that
    wraps onto a line holding only its bold rest ("Award, 2022.") made that rest a statement of its own."""

    def body(text: str, top: float, *, bold: bool, start: bool, end: bool, bullet: bool = False) -> Line:
        x0 = 50.0 if bullet else 60.0
        return Line(
            text,
            page=1,
            bbox=(x0, top, 556.0 if bullet or not bold else 116.0, top + 11),
            font_size=10.0,
            bold=bold,
            bold_start=start,
            bold_end=end,
            bullet=bullet,
        )

    lines = (
        pdf_line("EXPERIENCE", 100, size=12),
        body(
            "Coached developers in several squads and ran hiring for the",
            120,
            bold=False,
            start=False,
            end=False,
            bullet=True,
        ),
        body("platform group. Led the release process. Star Engineer", 132, bold=False, start=False, end=True),
        body("Award, 2022.", 144, bold=True, start=True, end=True),
    )
    blocks = [(b.kind, b.text) for b in build_resume(Document(Source("cv.pdf", "pdf", pages=1), lines)).blocks]
    assert blocks[1:] == [
        (
            "bullet",
            "Coached developers in several squads and ran hiring for the platform group. Led the release process. "
            "Star Engineer Award, 2022.",
        )
    ]
    # guard: the same bold line after a bullet whose last word is not bold is the next entry's title
    plain = (*lines[:2], dataclasses.replace(lines[2], bold_end=False), lines[3])
    blocks = [(b.kind, b.text) for b in build_resume(Document(Source("cv.pdf", "pdf", pages=1), plain)).blocks]
    assert blocks[-1] == ("paragraph", "Award, 2022.")
