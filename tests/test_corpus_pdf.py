"""PDF extraction on the real-résumé corpus: what a person sees on each page must come out whole and in order.

Expectations were decided by looking at each file (rendered, and against ``pdftotext -layout``). Only short phrases
are asserted: several files are real people's CVs.
"""

from __future__ import annotations

import re

import pytest
from conftest import corpus_file, needs_corpus

from resume_check.errors import InputError
from resume_check.extract.pdf import ENGINES, extract_pdf
from resume_check.models import Document

pytestmark = needs_corpus

#: file → (pages, phrases that must appear whole on one line, warning ids expected). PDFium's line-end hyphens
#: (code 2) were counted as glyphs without meaning until they were read as hyphens: "text.glyphs" is expected only
#: where the file has icons or unmapped letters besides them
EXPECTED: dict[str, tuple[int, tuple[str, ...], frozenset[str]]] = {
    "AmruthPillai__Reactive-Resume__azurill.pdf": (
        1,
        ("AWS Certified Developer", "Creative and Innovative Web Developer", "Web Technologies"),
        frozenset({"text.glyphs"}),
    ),
    "AmruthPillai__Reactive-Resume__gengar.pdf": (
        1,
        ("AWS Certified Developer", "Full-Stack Web Development", "Senior Web Developer"),
        frozenset({"text.glyphs"}),
    ),
    "AmruthPillai__Reactive-Resume__onyx.pdf": (
        1,
        ("AWS Certified Developer", "Creative Solutions Inc."),
        frozenset({"text.glyphs"}),
    ),
    "JoshHumpherys__Resume__JoshHumpherys.pdf": (
        1,
        ("JOSH HUMPHERYS", "PROFESSIONAL EXPERIENCE"),
        frozenset({"text.ligatures"}),
    ),
    "OmkarPathak__pyresparser__OmkarResume.pdf": (
        3,
        ("DATA ENGINEER", "B.E. IN COMPUTER ENGINEERING"),
        frozenset({"text.glyphs", "text.ligatures"}),
    ),
    "VladFurman__resume__resume.pdf": (1, ("Vladimir Furman",), frozenset()),
    "booch__resume__resume.pdf": (3, ("Craig Buchek", "Upgraded application from Rails 4.2 to 6.0."), frozenset()),
    "deedy__Deedy-Resume__deedy_resume-openfont.pdf": (
        1,
        ("CORNELL UNIVERSITY", "MENG IN COMPUTER SCIENCE", "College of Engineering", "FACEBOOK | SOFTWARE ENGINEER"),
        frozenset({"text.ligatures"}),
    ),
    "gitobic__SoupBoss__01-Desktop Support.pdf": (2, ("Ivy Haddington", "August 2019 – January 2021"), frozenset()),
    "gitobic__SoupBoss__DevOps-Sample2.pdf": (1, ("ANDERSON",), frozenset()),
    "gitobic__SoupBoss__aws-devops-engineer-resume-example.pdf": (
        1,
        ("CATHERINE STARK", "CERTIFICATIONS", "S&P Global"),
        frozenset(),
    ),
    "jacksenechal__resume__resume.pdf": (
        4,
        ("JACK SENECHAL", "INDUSTRY EXPERIENCE", "OPEN SOURCE PROJECTS"),
        frozenset(),
    ),
    "jakegut__resume__resume.pdf": (
        1,
        ("Andrew Fantino", "Work Experience", "Viasat Inc."),
        frozenset({"text.ligatures"}),
    ),
    "jasonadsit__resume__resume.pdf": (2, ("Jason Adsit",), frozenset({"text.glyphs", "text.hidden"})),
    "jrpool__jsonresume-theme-a11y__pool.pdf": (
        2,
        ("Jonathan Pool", "Web servers: Apache httpd, nginx"),
        frozenset({"text.ligatures"}),
    ),
    "liantze__AltaCV__sample.pdf": (
        2,
        ("YOUR NAME HERE", "A DAY OF MY LIFE", "MY LIFE PHILOSOPHY"),
        frozenset({"text.ligatures"}),
    ),
    "mathdebate09__job-cli__project_manager.pdf": (
        2,
        ("CONSTRUCTION PROJECT MANAGER", "QUALIFICATIONS PROFILE", "AREAS OF EXPERTISE", "PROFESSIONAL EXPERIENCE"),
        frozenset({"text.glyphs"}),
    ),
    "moderncv__moderncv__template_classic_green.pdf": (
        4,
        ("John Doe", "Education", "Experience"),
        frozenset({"text.glyphs"}),
    ),
    "posquit0__Awesome-CV__resume.pdf": (
        3,
        ("Byungjin Park", "Co-founder & Software Engineer"),
        frozenset({"text.ligatures"}),
    ),
    "rendercv__rendercv__John_Doe_ClassicTheme_CV.pdf": (
        2,
        ("John Doe",),
        frozenset({"text.glyphs", "text.ligatures"}),
    ),
    "rendercv__rendercv__John_Doe_EngineeringresumesTheme_CV.pdf": (3, ("John Doe",), frozenset({"text.ligatures"})),
    "salomonelli__best-resume-ever__side-bar.pdf": (
        1,
        ("JOHN DOE", "EXPERIENCE", "MASTER OF ARTS", "0123 456789"),
        frozenset({"text.glyphs", "text.ligatures"}),
    ),
    "sb2nov__resume__sourabh_bajaj_resume.pdf": (
        1,
        ("Sourabh Bajaj", "Georgia Institute of Technology"),
        frozenset({"text.ligatures"}),
    ),
    "srbhr__Resume-Matcher__alfred_pennyworth_pm.pdf": (
        2,
        ("Alfred Pennyworth",),
        frozenset({"text.ligatures"}),
    ),
    "srbhr__Resume-Matcher__modern-two-column.pdf": (
        1,
        ("John Doe", "Senior Software Engineer", "EXPERIENCE"),
        frozenset(),
    ),
    "srbhr__Resume-Matcher__resume_1.pdf": (3, ("John Smith",), frozenset({"text.ligatures"})),
    "xitanggg__open-resume__openresume-resume.pdf": (
        1,
        ("WORK EXPERIENCE", "EDUCATION", "PROJECT", "SKILLS"),
        frozenset({"text.ligatures"}),
    ),
}

_GLUED = re.compile(r"[^\W\d_]{23,}")
_CACHE: dict[tuple[str, str], Document] = {}


def extracted(name: str, engine: str = "pdfium") -> Document:
    key = (name, engine)
    if key not in _CACHE:
        path = corpus_file(name)
        _CACHE[key] = extract_pdf(path.read_bytes(), name, engine=engine)  # type: ignore[arg-type]
    return _CACHE[key]


def words(doc: Document) -> int:
    return sum(len(line.text.split()) for line in doc.lines)


def test_every_corpus_pdf_has_expectations() -> None:
    names = {p.name for p in corpus_file("").glob("*.pdf")}
    assert names - {"mathdebate09__job-cli__marketing_specialist.pdf"} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_pdf_reads_as_a_person_sees_it(name: str) -> None:
    pages, phrases, warning_ids = EXPECTED[name]
    doc = extracted(name)
    assert doc.source.pages == pages
    lines = [line.text for line in doc.lines]
    for phrase in phrases:
        assert any(phrase in line for line in lines), f"{phrase!r} not found whole on a line"
    glued = [m.group() for line in lines for m in _GLUED.finditer(line)]
    assert glued == []
    assert {w.id for w in doc.warnings} == warning_ids
    assert all(line.text == line.text.strip() and "\x00" not in line.text for line in doc.lines)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pdfplumber_engine_agrees_on_words(name: str) -> None:
    fast, slow = extracted(name), extracted(name, "pdfplumber")
    vocab = lambda d: {w.lower() for line in d.lines for w in re.findall(r"[A-Za-z]{4,}", line.text)}  # noqa: E731
    a, b = vocab(fast), vocab(slow)
    if name == "liantze__AltaCV__sample.pdf":
        # AltaCV tags its icons with /ActualText ("email:", "\\faBook"): PDFium (like pdftotext) reads that text,
        # pdfminer reads the icon glyphs instead; the rest must agree
        a -= {"email", "phone", "mailaddress", "location", "mailto", "https", "date", "regular", "novelist"}
        a = {w for w in a if not w.startswith("fa") and w not in {"github", "gitlab", "linkedin", "orcid", "mastodon"}}
        a -= {"xtwitter"}
        b -= {"elist"}
    assert len(a & b) >= 0.95 * len(a | b), (sorted(a - b)[:20], sorted(b - a)[:20])


def test_space_less_text_layers_get_their_words() -> None:
    # pdfplumber's default extract_text gives 241 / 126 / 215 / 165 words here; pdftotext about 1,350 / 522 / 782 / 338
    assert words(extracted("posquit0__Awesome-CV__resume.pdf")) >= 1300
    assert words(extracted("deedy__Deedy-Resume__deedy_resume-openfont.pdf")) >= 500
    assert words(extracted("OmkarPathak__pyresparser__OmkarResume.pdf")) >= 720  # pdftotext also counts icons
    assert words(extracted("liantze__AltaCV__sample.pdf")) >= 320
    doc = extracted("posquit0__Awesome-CV__resume.pdf")
    assert any("DevOps Engineer" in line.text for line in doc.lines)


@needs_corpus
def test_a_sidebar_of_skills_is_not_read_into_the_bullets() -> None:
    """Resume-Matcher's modern-two-column: its sidebar (education, skills, links) was taken for margin labels and
    read into the main column, so "SUMMARY EDUCATION" was one heading and a bullet stopped at "… for 4M+", its
    end read as a separate, weak statement after the skills. Labels from the page (pdftotext -layout)."""
    from resume_check.structure import build_resume

    resume = build_resume(extracted("srbhr__Resume-Matcher__modern-two-column.pdf"))
    assert [s.heading for s in resume.sections if s.heading] == [
        "SUMMARY",
        "EXPERIENCE",
        "PROJECTS",
        "EDUCATION",
        "SKILLS",
    ]
    blocks = [b.text for b in resume.blocks]
    assert any("sync for 4M+ daily active users using CRDTs" in text for text in blocks)
    assert "Database Optimization" in blocks
    assert not any("Go Python" in text and "•" in text for text in blocks)
    assert len(resume.roles) == 3 and all(role.employer for role in resume.roles)


@needs_corpus
def test_rendercv_entry_dates_belong_to_their_roles_not_their_bullets() -> None:
    """rendercv's classic theme prints an entry's dates and duration beside its first bullets: they were read into
    the bullets, so no role had dates and a bullet read "submis 4 months sions". Labels from the page
    (pdftotext -layout): five roles, each with its dates; the typeset word broken at the line's end is whole."""
    from resume_check.structure import build_resume

    resume = build_resume(extracted("rendercv__rendercv__John_Doe_ClassicTheme_CV.pdf"))
    assert [(role.start, role.end) for role in resume.roles] == [
        ("2023-06", "present"),
        ("2022-05", "2022-08"),
        ("2021-05", "2021-08"),
        ("2020-05", "2020-08"),
        ("2019-05", "2019-08"),
    ]
    bullets = [b.text for b in resume.blocks if b.kind == "bullet"]
    assert not [text for text in bullets if "4 months" in text or "– Aug" in text]
    assert any(text.endswith("top 5% of submissions)") for text in bullets)
    assert any(text.endswith("for low-resource language modeling") for text in bullets)


def test_deedy_columns_are_not_interleaved() -> None:
    doc = extracted("deedy__Deedy-Resume__deedy_resume-openfont.pdf")
    lines = [line.text for line in doc.lines]
    cornell = lines.index("CORNELL UNIVERSITY")
    facebook = next(i for i, t in enumerate(lines) if t.startswith("FACEBOOK"))
    assert "EDUCATION" in lines[cornell - 1]
    assert lines[facebook - 1] == "EXPERIENCE"
    # the whole education/skills column comes before the experience column, not line by line across both
    assert lines.index("LINKS") < facebook and lines.index("SKILLS") < facebook
    assert doc.lines[cornell].column != doc.lines[facebook].column
    assert doc.links and all(link.startswith(("http", "mailto:", "tel:")) for link in doc.links)


def test_single_column_with_dates_is_not_split() -> None:
    for name in (
        "rendercv__rendercv__John_Doe_ClassicTheme_CV.pdf",
        "rendercv__rendercv__John_Doe_EngineeringresumesTheme_CV.pdf",
    ):
        assert {line.column for line in extracted(name).lines} == {0}
    sb2nov = [line.text for line in extracted("sb2nov__resume__sourabh_bajaj_resume.pdf").lines]
    assert any(t.startswith("Software Engineer") and "Oct 2016" in t for t in sb2nov)


def test_hidden_keyword_stuffing_is_left_out() -> None:
    doc = extracted("jasonadsit__resume__resume.pdf")
    hidden = next(w for w in doc.warnings if w.id == "text.hidden")
    # 14,708 white 1-pt characters on each of the two pages (a Word header repeats them)
    assert hidden.count >= 28_000
    # visible text only: pdftotext reads 3,262 words including the stuffing; what a person sees is under 1,000
    assert 700 <= words(doc) <= 1_000


def test_lost_fi_ligature_repaired_in_reactive_resume() -> None:
    # pdfminer turns the unmapped "fi" glyph into NUL ("Certi\\x00cations"); PDFium maps it itself
    for engine in ENGINES:
        doc = extracted("AmruthPillai__Reactive-Resume__azurill.pdf", engine)
        text = "\n".join(line.text for line in doc.lines)
        assert "AWS Certified Developer" in text and "Certifications" in text
        assert "Certied" not in text and "Certications" not in text
    glyphs = next(
        w
        for w in extracted("AmruthPillai__Reactive-Resume__azurill.pdf", "pdfplumber").warnings
        if w.id == "text.glyphs"
    )
    assert "word(s) with a lost ligature were repaired" in glyphs.message


def test_image_only_pdf_is_refused_with_no_text_layer() -> None:
    # with OCR off (or the extra not installed: tests/test_ocr.py); with OCR, tests/test_ocr.py reads it
    name = "mathdebate09__job-cli__marketing_specialist.pdf"
    for engine in ENGINES:
        with pytest.raises(InputError) as info:
            extract_pdf(corpus_file(name).read_bytes(), name, engine=engine, ocr="off")
        assert info.value.warning_id == "text.no-text-layer"
        assert "applicant-tracking systems will read nothing" in str(info.value)


def test_running_footers_marked_and_contact_blocks_left_in_the_body() -> None:
    rendercv = extracted("rendercv__rendercv__John_Doe_ClassicTheme_CV.pdf")
    assert [(line.page, line.text) for line in rendercv.lines if line.part == "footer"] == [
        (1, "John Doe – 1/2"),
        (2, "John Doe – 2/2"),
    ]
    moderncv = extracted("moderncv__moderncv__template_classic_green.pdf")
    assert [line.text for line in moderncv.lines if line.part == "footer"] == ["1/4", "2/4", "3/4", "4/4"]
    # the address block on page 1 comes back on the cover letter (page 4): not a running header
    assert all(line.part == "body" for line in moderncv.lines if "street and number" in line.text)


def test_ft_glyph_shared_box_is_not_a_long_s_ligature() -> None:
    # PDFium splits an "ft" glyph into f + t with one box; there is no Unicode "ft" ligature (U+FB05 is "ſt")
    text = "\n".join(line.text for line in extracted("srbhr__Resume-Matcher__resume_1.pdf").lines)
    assert "Software Engineer" in text and "Sostware" not in text


def test_pdfminer_font_noise_stays_silent(capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    # this file's 23 Type 3 fonts make pdfminer log "Could not get FontBBox from font descriptor" 23 times
    name = "srbhr__Resume-Matcher__modern-two-column.pdf"
    extract_pdf(corpus_file(name).read_bytes(), name, engine="pdfplumber")
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pdfminer")] == []


@needs_corpus
@pytest.mark.parametrize("engine", ENGINES)
def test_symbol_font_bullets_and_icons_are_not_text(engine: str) -> None:
    """moderncv draws its bullets and contact icons with MarVoSym, whose codes read as "{", "H", "B"..."""
    moderncv = extracted("moderncv__moderncv__template_classic_green.pdf", engine)
    assert not [line.text for line in moderncv.lines if line.text.startswith("{ ")]
    achievements = [line for line in moderncv.lines if line.text.startswith("Achievement ")]
    assert len(achievements) == 3 and all(line.bullet for line in achievements)
    assert "john@doe.org" in [line.text for line in moderncv.lines]  # the e-mail icon is gone, not a bullet
    alfred = extracted("srbhr__Resume-Matcher__alfred_pennyworth_pm.pdf", engine)
    assert "alfred.pennyworth@email.com" in [line.text for line in alfred.lines]
