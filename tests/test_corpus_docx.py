"""DOCX extraction on the real corpus: for each file, what a person sees when they open it in Word.

Several files are real people's CVs: the assertions use counts, headings, skills and short phrases only.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter

import docx
import pytest
from conftest import corpus_file, needs_corpus

from resume_check.extract.docx import extract_docx
from resume_check.models import Document

pytestmark = needs_corpus


def load(name: str) -> Document:
    path = corpus_file(name)
    return extract_docx(path.read_bytes(), str(path))


def words(document: Document, part: str | None = None) -> int:
    return sum(len(line.text.split()) for line in document.lines if part is None or line.part == part)


def find(document: Document, text: str) -> list[int]:
    return [i for i, line in enumerate(document.lines) if line.text == text]


def glued(document: Document) -> list[str]:
    """Words run together across a tab: a lower-case letter directly followed by a month name ("EngineerNovember")."""
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    pattern = re.compile(rf"[a-z]({months})")
    return [line.text for line in document.lines if pattern.search(line.text)]


# ----------------------------------------------------------------------------------------- 7Brooksby (Google Docs)

BROOKSBY = "7Brooksby__Resume_Brooksby__resume.docx"


def test_brooksby_headings_bullets_and_contact_in_body() -> None:
    document = load(BROOKSBY)
    for heading in ("EXPERIENCE", "EDUCATION", "SERVICE", "CERTIFICATES AND AWARDS"):
        [index] = find(document, heading)
        assert document.lines[index].bold is True
    assert sum(line.bullet for line in document.lines) == 17
    assert words(document) == 379
    contact = [line for line in document.lines if line.text.startswith("Phone:") and "email:" in line.text]
    assert len(contact) == 1 and contact[0].part == "body"
    assert document.lines[0].font_size == 36.0  # the name, set large
    assert document.warnings == ()
    assert not glued(document)


def test_brooksby_header_part_is_empty() -> None:
    """The package has a header part, but Google Docs left it empty: nothing is flagged as header text."""
    archive = zipfile.ZipFile(corpus_file(BROOKSBY))
    assert "word/header1.xml" in archive.namelist()
    document = load(BROOKSBY)
    assert [line for line in document.lines if line.part in ("header", "footer")] == []


# ----------------------------------------------------------------------------------------- briandamaged (layout tables)

BRIAN = "briandamaged__resume__Brian Lauber -- resume.docx"


def test_brian_text_in_tables_is_read() -> None:
    document = load(BRIAN)
    parts = Counter(line.part for line in document.lines)
    assert parts["table"] >= 90
    assert words(document, "table") >= 350
    assert words(document) == 1900  # equals an independent count of w:t words per paragraph
    table_text = {line.text for line in document.lines if line.part == "table"}
    for phrase in ("Hardware Security Modules, PGP, Cryptography, HashiCorp Vault", "Docker, Podman", "AWS, Azure"):
        assert phrase in table_text
    for label in ("Containerization", "Cloud Platforms", "Issue Tracking", "Version Control"):
        [index] = find(document, label)
        assert document.lines[index].part == "table" and document.lines[index].bold is True


def test_brian_python_docx_paragraphs_miss_the_tables() -> None:
    """The trap this engine avoids: python-docx's Document.paragraphs never sees table text."""
    paragraphs = {p.text for p in docx.Document(str(corpus_file(BRIAN))).paragraphs}
    assert "Docker, Podman" not in paragraphs


def test_brian_sections_order_footer_and_links() -> None:
    document = load(BRIAN)
    headings = [line.text for line in document.lines if line.style == "Heading 3"]
    assert headings == ["Summary", "Professional Experience", "Education", "Professional Skills Summary", "FAQ"]
    assert [line.part for line in document.lines].count("footer") == 1
    assert document.lines[-1].part == "footer"
    assert len(document.links) >= 6
    hosts = {re.sub(r"^(mailto:|https?://)(www\.)?", "", link).split("/")[0].split("@")[-1] for link in document.links}
    assert {"github.com", "linkedin.com"} <= hosts
    assert any(link.startswith("mailto:") for link in document.links)
    assert sum(line.bullet for line in document.lines) >= 50
    assert document.warnings == ()


# ----------------------------------------------------------------------------------------- gitobic Desktop Support

DESKTOP = "gitobic__SoupBoss__01-Desktop Support.docx"


def test_desktop_support_words_sections_and_bullets() -> None:
    document = load(DESKTOP)
    assert words(document) == 270  # SOURCES.md: 270 w:t words
    for heading in ("Summary", "Education", "Experience", "Certifications", "Skills"):
        [index] = find(document, heading)
        assert document.lines[index].bold is True
    assert sum(line.bullet for line in document.lines) == 18
    assert {line.part for line in document.lines} == {"body"}
    assert document.warnings == ()


def test_desktop_support_docx_and_pdf_give_the_same_words() -> None:
    from resume_check.extract import pdf as pdf_engine
    document = load(DESKTOP)
    pdf_path = corpus_file(DESKTOP.replace(".docx", ".pdf"))
    pdf = pdf_engine.extract_pdf(pdf_path.read_bytes(), str(pdf_path))

    def bag(doc: Document) -> Counter[str]:
        return Counter(re.findall(r"[a-z0-9]+", " ".join(line.text for line in doc.lines).lower()))

    assert bag(document) == bag(pdf)


# ------------------------------------------------------------------------------------- gitobic Mickey01 (text boxes)

MICKEY = "gitobic__SoupBoss__Mickey01_docx.docx"


def test_mickey_textbox_headings_once_each() -> None:
    document = load(MICKEY)
    for heading in ("Professional Summary", "Areas of Expertise", "Work Experience"):
        matches = [line for line in document.lines if line.text.lower() == heading.lower()]
        assert len(matches) == 1, heading
        assert matches[0].part == "textbox"
        assert matches[0].bold is True
    assert Counter(line.part for line in document.lines)["textbox"] == 3


def test_mickey_headings_come_before_their_sections() -> None:
    document = load(MICKEY)
    order = [line.text.lower() for line in document.lines]
    summary = order.index("professional summary")
    expertise = order.index("areas of expertise")
    work = order.index("work experience")
    assert summary < expertise < work
    assert document.lines[summary + 1].text.startswith("Seasoned technical leader")
    assert document.lines[work + 1].text.startswith("Staff Infrastructure Engineer")


def test_mickey_white_headings_on_shading_kept_and_tabs_split_words() -> None:
    document = load(MICKEY)
    texts = [line.text for line in document.lines]
    for heading in ("EDUCATION", "CERTIFICATIONS", "TECHNICAL SKILLS"):
        assert texts.count(heading) == 1, heading
    assert not any(w.id == "text.hidden" for w in document.warnings)
    assert "Staff Infrastructure Engineer November 2021 – Present" in texts
    assert not glued(document)
    assert words(document) == 1297


def test_mickey_header_flagged() -> None:
    document = load(MICKEY)
    header = [line for line in document.lines if line.part == "header"]
    assert len(header) == 2
    assert any(re.fullmatch(r"Page \d+ of \d+", line.text) for line in header)
    assert document.lines[0].part == "header"  # a running header comes first, as on the page


def test_mickey_list_paragraphs_are_bullets() -> None:
    document = load(MICKEY)
    bullets = [line for line in document.lines if line.bullet]
    assert len(bullets) == 27
    assert all(line.style == "List Paragraph" for line in bullets)


# ----------------------------------------------------------------------------------------- jasonadsit (Strict OOXML)

JASON = "jasonadsit__resume__resume.docx"


def test_jason_strict_file_defeats_python_docx() -> None:
    with pytest.raises(KeyError):
        docx.Document(io.BytesIO(corpus_file(JASON).read_bytes()))


def test_jason_strict_read_with_warning() -> None:
    document = load(JASON)
    ids = [w.id for w in document.warnings]
    assert ids == ["docx.strict", "text.hidden"]
    assert words(document) == 856
    texts = [line.text for line in document.lines]
    assert any("Cybersecurity Assessment Manager" in text for text in texts)
    assert sum(line.bullet for line in document.lines) == 18
    assert all(line.style == "List Paragraph" for line in document.lines if line.bullet)
    assert any(link.startswith("mailto:") for link in document.links)
    assert any(link.startswith("tel:") for link in document.links)
    assert any("linkedin.com/in/" in link for link in document.links)


def test_jason_header_and_footer_keyword_stuffing_is_invisible_text() -> None:
    """Its header and footer hold only white 1-pt keyword lists (about 14,700 characters, the same stuffing as the
    PDF twin): left out of the lines and reported, never analysed as header content."""
    document = load(JASON)
    [hidden] = [w for w in document.warnings if w.id == "text.hidden"]
    assert 14_000 <= hidden.count <= 15_000
    assert "in the header and footer" in hidden.message
    assert [line for line in document.lines if line.part in ("header", "footer")] == []
    archive = zipfile.ZipFile(corpus_file(JASON))
    assert {"word/header1.xml", "word/footer1.xml"} <= set(archive.namelist())


def test_jason_docx_and_pdf_give_the_same_visible_words() -> None:
    from resume_check.extract import pdf as pdf_engine
    document = load(JASON)
    pdf_path = corpus_file(JASON.replace(".docx", ".pdf"))
    pdf = pdf_engine.extract_pdf(pdf_path.read_bytes(), str(pdf_path))
    docx_words = set(re.findall(r"[a-z0-9]+", " ".join(line.text for line in document.lines).lower()))
    pdf_words = set(re.findall(r"[a-z0-9]+", " ".join(line.text for line in pdf.lines).lower()))
    assert docx_words == pdf_words
