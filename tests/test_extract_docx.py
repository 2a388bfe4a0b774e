"""DOCX extraction on synthetic fixtures: reading order, parts, bullets, links, Strict OOXML, hostile packages."""

from __future__ import annotations

import io
import random
import re
import zipfile

import docx
import pytest
from docx_fixtures import (
    TWIN,
    bullets_docx,
    empty_docx,
    header_contact_docx,
    hidden_text_docx,
    layout_tables_docx,
    ligatures_docx,
    links_docx,
    many_members_zip,
    not_word_zip,
    spreadsheet_package,
    strict_docx,
    textboxes_docx,
    truncated_docx,
    twin_docx,
    twin_pdf,
    zip_bomb_docx,
)

from resume_check.errors import InputError
from resume_check.extract import docx as docx_engine
from resume_check.extract.docx import extract_docx, translate_strict
from resume_check.models import Document


def texts(document: Document) -> list[str]:
    return [line.text for line in document.lines]


def norm(text: str) -> str:
    return " ".join(text.split())


# ----------------------------------------------------------------------------------------- twins


def _twin(kind: str) -> Document:
    if kind == "docx":
        return extract_docx(twin_docx(), "twin.docx")
    from resume_check.extract.pdf import extract_pdf

    return extract_pdf(twin_pdf(), "twin.pdf")


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_twin_lines_bullets_and_bold(kind: str) -> None:
    document = _twin(kind)
    assert texts(document) == [text for _, text in TWIN]
    assert [line.bullet for line in document.lines] == [k == "bullet" for k, _ in TWIN]
    for line, (k, _) in zip(document.lines, TWIN, strict=True):
        assert line.part == "body"
        if k in ("heading", "role"):
            assert line.bold is True, line.text
        if k in ("bullet", "para"):
            assert line.bold is False, line.text
    assert document.warnings == ()


def test_twins_give_the_same_lines() -> None:
    docx_doc = _twin("docx")
    pdf_doc = _twin("pdf")
    assert {norm(t) for t in texts(docx_doc) if t.strip()} == {norm(t) for t in texts(pdf_doc) if t.strip()}


def test_docx_twin_source_and_styles() -> None:
    data = twin_docx()
    document = extract_docx(data, "cv/twin.docx")
    assert document.source.path == "cv/twin.docx"
    assert document.source.type == "docx"
    assert document.source.pages is None
    assert document.source.size == len(data)
    styles = {line.text: line.style for line in document.lines}
    assert styles["Jordan Ellis"] == "Title"
    assert styles["Work Experience"] == "Heading 1"
    assert styles["PMP, 2021"] == "List Bullet"
    assert all(line.page is None and line.source_line is None for line in document.lines)


# ----------------------------------------------------------------------------------------- tables


def test_layout_tables_read_in_order_merged_cells_once() -> None:
    document = extract_docx(layout_tables_docx(), "tables.docx")
    assert texts(document) == [
        "Casey Brooks",
        "Senior Delivery Manager",  # merged across two columns (gridSpan): once
        "Contact",  # merged down two rows (vMerge): once
        "casey.brooks@example.net",
        "Agile",  # nested table, inside its cell, in order
        "Expert",
        "PRINCE2",
        "Practitioner",
        "After the nested table",
        "Experience",
        "Led the data-centre exit programme for 3 sites.",
        "Education",
        "MSc Project Management, 2012",
        "Closing body paragraph",
    ]
    parts = [line.part for line in document.lines]
    assert parts == ["body"] + ["table"] * 12 + ["body"]
    bullets = [line.text for line in document.lines if line.bullet]
    assert bullets == ["Led the data-centre exit programme for 3 sites."]


def test_python_docx_row_cells_would_repeat_merged_cells() -> None:
    """Why the engine walks the XML: python-docx's row.cells returns a merged cell once per grid column."""
    table = docx.Document(io.BytesIO(layout_tables_docx())).tables[0]
    cells = [cell.text for cell in table.rows[0].cells]
    assert cells == ["Senior Delivery Manager", "Senior Delivery Manager"]


# ----------------------------------------------------------------------------------------- text boxes


def test_textboxes_read_once_where_they_anchor() -> None:
    document = extract_docx(textboxes_docx(), "boxes.docx")
    assert texts(document) == [
        "Riley Chen",
        "PROFESSIONAL SUMMARY",
        "Programme manager with 12 years in financial-services IT.",
        "AREAS OF EXPERTISE",
        "Agile delivery | Vendor management | Budget control",
        "WORK EXPERIENCE",
        "Head of IT Delivery, Example Bank, 2018 – Present",
        "Sidebar: ITIL 4 Foundation",
        "Anchor text",
    ]
    parts = {line.text: line.part for line in document.lines}
    for heading in ("PROFESSIONAL SUMMARY", "AREAS OF EXPERTISE", "WORK EXPERIENCE", "Sidebar: ITIL 4 Foundation"):
        assert parts[heading] == "textbox"
    assert parts["Anchor text"] == "body"
    # white text on the text box's blue fill is visible: it must not be dropped as hidden text
    assert [w.id for w in document.warnings] == []
    assert all(line.bold for line in document.lines if line.text.isupper())


def test_textbox_fixture_really_has_the_vml_double() -> None:
    xml = zipfile.ZipFile(io.BytesIO(textboxes_docx())).read("word/document.xml").decode()
    assert xml.count("PROFESSIONAL SUMMARY") == 2  # DrawingML choice + VML fallback
    assert xml.count("<mc:Fallback>") == 3


# ----------------------------------------------------------------------------------------- headers and footers


def test_header_contact_flagged_and_deduplicated() -> None:
    data = header_contact_docx()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count("<w:headerReference") == 2  # both sections point at the same header part
    document = extract_docx(data, "header.docx")
    assert [(line.part, line.text) for line in document.lines] == [
        ("header", "Morgan Reyes"),
        ("header", "Bristol, UK | morgan.reyes@example.com | +44 7700 900789"),
        ("body", "Experience"),
        ("body", "IT Project Manager, Severn Water, 2020 – Present"),
        ("body", "Education"),
        ("body", "BA Business Information Systems, 2014"),
        ("footer", "Curriculum vitae – page 1"),
        ("footer", "Second section first-page footer"),
    ]
    assert document.links == ("mailto:morgan.reyes@example.com",)  # resolved through the header part's rels


# ----------------------------------------------------------------------------------------- links, bullets, text


def test_hyperlinks_from_relationships_and_field_codes() -> None:
    document = extract_docx(links_docx(), "links.docx")
    assert document.links == (
        "https://www.linkedin.com/in/sample-person",
        "https://github.com/sample-person",
        "mailto:sample@example.com",
    )
    assert texts(document) == ["Web: LinkedInGitHub sample@example.com (top)"]  # field codes never leak


def test_list_paragraphs_and_typed_bullets() -> None:
    document = extract_docx(bullets_docx(), "bullets.docx")
    assert [(line.text, line.bullet) for line in document.lines] == [
        ("Styled bullet", True),
        ("Numbered item", True),
        ("List paragraph item", True),
        ("Direct numbering", True),
        ("Typed bullet glyph", True),
        ("Typed dash item", True),
        ("Symbol bullet", True),
        ("Plain paragraph - not a list", False),
        ("Numbering switched off", False),
    ]


def test_tabs_separate_words_and_breaks_split_lines() -> None:
    document = docx.Document()
    p = document.add_paragraph("Staff Infrastructure Engineer")
    p.add_run().add_tab()
    p.add_run("November 2021 – Present")
    q = document.add_paragraph("Line one")
    q.add_run().add_break()
    q.add_run("Line two")
    item = document.add_paragraph("Bullet first half", style="List Bullet")
    item.add_run().add_break()
    item.add_run("second half")
    buffer = io.BytesIO()
    document.save(buffer)
    result = extract_docx(buffer.getvalue(), "tabs.docx")
    assert texts(result) == [
        "Staff Infrastructure Engineer November 2021 – Present",
        "Line one",
        "Line two",
        "Bullet first half second half",
    ]
    assert [line.bullet for line in result.lines] == [False, False, False, True]


def test_invisible_text_left_out_and_reported() -> None:
    document = extract_docx(hidden_text_docx(), "hidden.docx")
    assert texts(document) == ["Visible summary line", "White on navy heading"]
    hidden = [w for w in document.warnings if w.id == "text.hidden"]
    assert len(hidden) == 1
    expected = sum(len(t) for t in ("HIDDENVANISH Agile Scrum", "HIDDENWHITE Kanban PRINCE2", "HIDDENTINY ITIL Azure"))
    assert hidden[0].count == expected
    assert "keyword stuffing" in hidden[0].message
    assert "in the body" in hidden[0].message


def test_ligatures_and_glyphs_normalised_with_warnings() -> None:
    document = extract_docx(ligatures_docx(), "lig.docx")
    assert texts(document) == ["Certified Scrum Master flow, office"]
    counts = {w.id: w.count for w in document.warnings}
    assert counts == {"text.ligatures": 3, "text.glyphs": 1}


# ----------------------------------------------------------------------------------------- Strict OOXML


def test_strict_fixture_defeats_python_docx() -> None:
    with pytest.raises(KeyError):
        docx.Document(io.BytesIO(strict_docx()))


def test_strict_ooxml_read_like_transitional_with_warning() -> None:
    strict = extract_docx(strict_docx(), "strict.docx")
    plain = extract_docx(header_contact_docx(), "plain.docx")
    assert strict.lines == plain.lines
    assert strict.links == plain.links
    [warning] = strict.warnings
    assert warning.id == "docx.strict"
    assert "Word Document (.docx)" in warning.message


def test_translate_strict_namespaces() -> None:
    xml = (
        b'<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main" '
        b'xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"/>'
        b'<Relationship Type="http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"/>'
        b'<x xmlns:a="http://purl.oclc.org/ooxml/drawingml/main"/>'
    )
    out = translate_strict(xml)
    assert b"purl.oclc.org" not in out
    assert b"http://schemas.openxmlformats.org/wordprocessingml/2006/main" in out
    assert b"http://schemas.openxmlformats.org/officeDocument/2006/relationships" in out
    assert b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" in out
    assert b"http://schemas.openxmlformats.org/drawingml/2006/main" in out


def test_macro_enabled_content_type_is_read() -> None:
    source = zipfile.ZipFile(io.BytesIO(twin_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "[Content_Types].xml":
                body = body.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml",
                )
            target.writestr(info, body)
    document = extract_docx(out.getvalue(), "macro.docm")
    assert texts(document) == [text for _, text in TWIN]
    assert document.warnings == ()


# ----------------------------------------------------------------------------------------- refusals


def test_empty_document_refused() -> None:
    with pytest.raises(InputError, match=r"empty\.docx: the document contains no text"):
        extract_docx(empty_docx(), "empty.docx")


def test_truncated_docx_refused() -> None:
    with pytest.raises(InputError, match=r"cut\.docx: the file is damaged.*re-save it from Word") as info:
        extract_docx(truncated_docx(), "cut.docx")
    assert info.value.exit_code == 3


def test_corrupt_member_refused() -> None:
    data = bytearray(twin_docx())
    at = data.find(b"word/document.xml") + 200  # inside the deflated document part
    data[at : at + 40] = b"\xff" * 40
    with pytest.raises(InputError, match=r"bad\.docx: the file is damaged"):
        extract_docx(bytes(data), "bad.docx")


def test_zip_bomb_refused_before_unpacking() -> None:
    with pytest.raises(InputError, match=r"bomb\.docx: part 'word/document\.xml' expands [\d,]+ times.*zip bomb"):
        extract_docx(zip_bomb_docx(), "bomb.docx")


def test_total_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_engine, "MAX_TOTAL_UNCOMPRESSED", 10_000)
    with pytest.raises(InputError, match=r"big\.docx: the package expands to [\d,]+ bytes \(limit 10,000\)"):
        extract_docx(twin_docx(), "big.docx")


def test_member_count_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_engine, "MAX_MEMBERS", 50)
    with pytest.raises(InputError, match=r"many\.docx: the package has 61 parts \(limit 50\)"):
        extract_docx(many_members_zip(60), "many.docx")


@pytest.mark.parametrize(
    ("builder", "pattern"),
    [
        (not_word_zip, r"a zip archive, not a Word document"),
        (spreadsheet_package, r"not a Word document package \(its main part is '.*spreadsheetml"),
    ],
)
def test_non_word_packages_refused(builder, pattern: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=pattern) as info:
        extract_docx(builder(), "other.docx")
    assert "BytesIO" not in str(info.value)
    assert re.search(r"\.docx|PDF", str(info.value))


def test_dispatch_reads_docx_from_disk(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from resume_check.extract import extract

    path = tmp_path / "cv.docx"
    path.write_bytes(twin_docx())
    document = extract(path)
    assert document.source.type == "docx"
    assert texts(document)[0] == "Jordan Ellis"


def _with_font(package: bytes) -> bytes:
    """``package`` plus an embedded font just over the floor (incompressible bytes, so no zip-bomb ratio)."""
    source = zipfile.ZipFile(io.BytesIO(package))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info, source.read(info))
        out.writestr("word/fonts/Embedded-regular.odttf", random.Random(0).randbytes(docx_engine.BINARY_FLOOR + 1))
    return buf.getvalue()


def _font_size(package: bytes) -> int:
    return zipfile.ZipFile(io.BytesIO(package)).getinfo("word/fonts/Embedded-regular.odttf").file_size


@pytest.mark.parametrize("make", [twin_docx, strict_docx])
def test_large_embedded_fonts_are_skipped_without_changing_the_result(make: object) -> None:
    """Embedded fonts and images are emptied before python-docx inflates them, in the same pass that translates
    a Strict package; the text read stays the same."""
    plain = make()  # type: ignore[operator]
    heavy = _with_font(plain)
    rewritten, strict = docx_engine._repackage(zipfile.ZipFile(io.BytesIO(heavy)))
    assert rewritten is not None and _font_size(rewritten) == 0 and strict is (make is strict_docx)
    if make is twin_docx:
        assert docx_engine._repackage(zipfile.ZipFile(io.BytesIO(plain))) == (None, False)
    a, b = extract_docx(plain, "plain.docx"), extract_docx(heavy, "heavy.docx")
    assert (a.lines, a.links, a.warnings) == (b.lines, b.links, b.warnings)
    assert len(a.lines) > 5
