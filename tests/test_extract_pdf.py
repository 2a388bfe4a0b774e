"""PDF extraction on synthetic PDFs (tests/pdf_fixtures.py), for both engines."""

from __future__ import annotations

import logging
from pathlib import Path

import pdf_fixtures as fx
import pytest
from conftest import corpus_file, needs_corpus

from resume_check.errors import InputError
from resume_check.extract import extract_bytes
from resume_check.extract.pdf import ENGINES, extract_pdf
from resume_check.extract.pdf_text import repair_word
from resume_check.models import Document

ENGINE = pytest.mark.parametrize("engine", ENGINES)


def texts(doc: Document) -> list[str]:
    return [line.text for line in doc.lines]


def warning_counts(doc: Document) -> dict[str, int]:
    return {w.id: w.count for w in doc.warnings}


@ENGINE
def test_simple_resume_lines_fonts_bullets_links(engine: str) -> None:
    doc = extract_pdf(fx.resume_pdf(), "cv.pdf", engine=engine)  # type: ignore[arg-type]
    assert texts(doc) == [text.lstrip("•– ") for text, _ in fx.RESUME_LINES]
    assert doc.source.type == "pdf" and doc.source.pages == 1 and doc.source.path == "cv.pdf"
    assert doc.source.size == len(fx.resume_pdf())
    name, heading = doc.lines[0], doc.lines[3]
    assert name.font_size == 20.0 and name.bold is True
    assert heading.text == "EXPERIENCE" and heading.bold is True and heading.font_size == 13.0
    assert doc.lines[5].bold is False
    assert [line.bullet for line in doc.lines[5:8]] == [True, True, True]
    assert not any(line.bullet for line in doc.lines[:5])
    assert all(line.page == 1 and line.part == "body" and line.column == 0 for line in doc.lines)
    x0, top, x1, bottom = doc.lines[0].bbox or (0, 0, 0, 0)
    assert 50 < x0 < 58 and top < bottom and x1 > x0
    assert doc.links == ("mailto:jordan.avery@example.com", "https://www.linkedin.com/in/jordan-avery-example")


@ENGINE
def test_no_space_text_layer_gets_word_breaks(engine: str) -> None:
    doc = extract_pdf(fx.no_space_pdf(), "x.pdf", engine=engine)  # type: ignore[arg-type]
    assert texts(doc) == [" ".join(words) for words in fx.NO_SPACE_WORDS]


@ENGINE
def test_tight_word_gaps_still_split_but_kerning_does_not(engine: str) -> None:
    # 1.3 pt at 10 pt is a squeezed justified space (Awesome-CV): still a word break
    doc = extract_pdf(fx.no_space_pdf(word_gap=1.3), "x.pdf", engine=engine)  # type: ignore[arg-type]
    assert texts(doc)[0] == "Certified Scrum Master and PRINCE2 Practitioner"
    # a 0.3 pt gap is kerning, not a space: the words run together as drawn
    doc = extract_pdf(fx.no_space_pdf(word_gap=0.3), "x.pdf", engine=engine)  # type: ignore[arg-type]
    assert texts(doc)[0] == "CertifiedScrumMasterandPRINCE2Practitioner"


@ENGINE
def test_two_columns_read_one_at_a_time(engine: str) -> None:
    doc = extract_pdf(fx.two_column_pdf(), "x.pdf", engine=engine)  # type: ignore[arg-type]
    got = texts(doc)
    assert got == [got[0], *fx.LEFT_COLUMN, *fx.RIGHT_COLUMN, got[-1]]
    assert [line.column for line in doc.lines] == [0] + [1] * len(fx.LEFT_COLUMN) + [2] * len(fx.RIGHT_COLUMN) + [0]


@ENGINE
def test_a_sidebar_of_short_entries_is_read_as_its_own_column(engine: str) -> None:
    """A two-column template (Resume-Matcher's modern-two-column in the corpus): a main column of wrapped bullets
    and a sidebar of short skills on a wider line pitch. Each sidebar line shares a row with a main-column line,
    so the sidebar was taken for margin labels of those rows and read into the bullets ("… for 4M+ Go Python
    Node.js …"), cutting statements in two. It is read as its own column now."""
    doc = extract_pdf(fx.sidebar_pdf(), "x.pdf", engine=engine)  # type: ignore[arg-type]
    got = texts(doc)
    assert got[1 : 1 + len(fx.SIDEBAR_MAIN)] == [text.removeprefix("• ") for text in fx.SIDEBAR_MAIN]
    assert got[1 + len(fx.SIDEBAR_MAIN) :] == fx.SIDEBAR
    assert {line.column for line in doc.lines[1:]} == {1, 2}


@ENGINE
def test_headings_in_a_left_margin_stay_on_their_rows(engine: str) -> None:
    """A guard for the sidebar rule above: headings in a margin, each beside the first line of its section, are
    short, left-aligned and ragged like a sidebar, but stand far apart, so they stay labels of their rows."""
    doc = extract_pdf(fx.margin_headings_pdf(), "x.pdf", engine=engine)  # type: ignore[arg-type]
    expected = []
    for heading, body in fx.MARGIN_HEADINGS:
        expected += [f"{heading} {body[0]}", *body[1:]]
    assert texts(doc)[1:] == expected
    assert {line.column for line in doc.lines} == {0}


@ENGINE
def test_right_aligned_dates_stay_on_their_row(engine: str) -> None:
    doc = extract_pdf(fx.dated_rows_pdf(), "x.pdf", engine=engine)  # type: ignore[arg-type]
    got = texts(doc)
    assert "Northwind Systems Jan 2021 – Present" in got
    assert "Project Manager Leeds, UK" in got
    assert {line.column for line in doc.lines} == {0}
    assert len(got) == 9


@ENGINE
def test_hidden_text_left_out_and_counted(engine: str) -> None:
    doc = extract_pdf(fx.hidden_text_pdf(), "x.pdf", engine=engine)  # type: ignore[arg-type]
    got = texts(doc)
    assert "Visible summary about delivery work" in got
    assert "WHITE ON NAVY HEADING" in got  # white on a dark box is visible
    assert "Managed releases for a payments platform" in got
    assert not [t for t in got if "Kanban" in t]
    assert warning_counts(doc)["text.hidden"] == fx.HIDDEN_STUFFING_CHARS


@ENGINE
def test_letter_spaced_headings_rejoined(engine: str) -> None:
    doc = extract_pdf(fx.letter_spaced_pdf(), "x.pdf", engine=engine)  # type: ignore[arg-type]
    assert texts(doc) == [
        "JOHN DOE",
        "EXPERIENCE",
        "Coordinated the data centre move for 300 staff",
        "SKILLS AND TOOLS",
        "Jira, Confluence, MS Project",
    ]


@ENGINE
def test_ligatures_glyphs_and_icon_bullets(engine: str) -> None:
    doc = extract_pdf(fx.glyphs_pdf(), "x.pdf", engine=engine)  # type: ignore[arg-type]
    got = texts(doc)
    assert got[1] == "+44 161 496 0000"  # the phone icon is removed, and is not a bullet
    assert not doc.lines[1].bullet
    assert got[2] == "Certified Scrum Master, workflow automation, office moves"
    assert got[3:] == ["Delivered the ERP upgrade", "Closed the audit findings", "Hired four analysts"]
    assert all(line.bullet for line in doc.lines[3:])
    counts = warning_counts(doc)
    assert counts["text.ligatures"] == 2  # ﬁ and ﬂ (Vera has no ﬃ glyph: that one is unmapped and repaired)
    assert counts["text.glyphs"] == 5  # phone icon, three bullet icons, the unmapped ﬃ
    glyphs = next(w for w in doc.warnings if w.id == "text.glyphs")
    assert "1 word(s) with a lost ligature were repaired" in glyphs.message


@ENGINE
def test_running_header_and_footer_marked(engine: str) -> None:
    doc = extract_pdf(fx.running_header_pdf(), "x.pdf", engine=engine)  # type: ignore[arg-type]
    parts = {(line.page, line.text): line.part for line in doc.lines}
    assert parts[(1, "Taylor Reed - Curriculum Vitae")] == "header"
    assert parts[(2, "Taylor Reed - Curriculum Vitae")] == "header"
    assert parts[(2, "Page 2 of 2")] == "footer"
    assert parts[(1, "Body line 1 on page 1 about project delivery")] == "body"
    assert doc.source.pages == 2


@ENGINE
def test_image_only_pdf_is_an_input_error(engine: str) -> None:
    # with OCR off; tests/test_ocr.py covers the same scan with OCR and without the extra
    with pytest.raises(InputError) as info:
        extract_pdf(fx.image_only_pdf(), "scan.pdf", engine=engine, ocr="off")  # type: ignore[arg-type]
    assert info.value.warning_id == "text.no-text-layer"
    message = str(info.value)
    assert message.startswith("scan.pdf: ")
    assert "applicant-tracking systems will read nothing" in message


@ENGINE
def test_encrypted_pdf_says_remove_the_password(engine: str) -> None:
    with pytest.raises(InputError) as info:
        extract_pdf(fx.encrypted_pdf(), "locked.pdf", engine=engine)  # type: ignore[arg-type]
    assert str(info.value).startswith("locked.pdf: the PDF is password-protected")
    assert "remove the password" in str(info.value)


@ENGINE
def test_truncated_pdf_is_reported_as_damaged(engine: str) -> None:
    with pytest.raises(InputError) as info:
        extract_pdf(fx.truncated_pdf(), "cut.pdf", engine=engine)  # type: ignore[arg-type]
    assert str(info.value).startswith("cut.pdf: the PDF is damaged or truncated")
    assert "export or download the résumé again" in str(info.value)


def test_garbage_after_pdf_header_is_damaged() -> None:
    with pytest.raises(InputError, match="damaged or truncated"):
        extract_pdf(b"%PDF-1.7\n" + b"\x00garbage" * 50, "junk.pdf")


def test_page_cap_warns_truncated() -> None:
    lines = [(f"Page {n} text about delivery", {"new_page": n > 1}) for n in range(1, 5)]
    doc = extract_pdf(fx.simple_resume_pdf(lines), "long.pdf", max_pages=2)
    assert texts(doc) == ["Page 1 text about delivery", "Page 2 text about delivery"]
    assert doc.source.pages == 4
    truncated = next(w for w in doc.warnings if w.id == "text.truncated")
    assert "only the first 2 of 4 pages were read" in truncated.message


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown PDF engine"):
        extract_pdf(fx.resume_pdf(), "x.pdf", engine="poppler")  # type: ignore[arg-type]


def test_dispatcher_uses_the_pdf_extractor() -> None:
    doc = extract_bytes(fx.resume_pdf(), "cv.pdf")
    assert doc.lines[0].text == "Jordan Avery"


def test_pdfminer_noise_never_reaches_the_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    extract_pdf(fx.resume_pdf(), "x.pdf", engine="pdfplumber")
    assert not [r for r in caplog.records if r.name.startswith("pdfminer")]
    assert logging.getLogger("pdfminer").propagate is True  # restored afterwards


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Certi\x00ed", "Certified"),
        ("certi\x00cations", "certifications"),
        ("o\x00ce", "office"),
        ("work\x00ow", "workflow"),
        ("e\x00cient", "efficient"),
        ("pro\x00cient", "proficient"),
    ],
)
def test_lost_ligature_repaired_when_certain(broken: str, fixed: str) -> None:
    assert repair_word(broken) == fixed


@pytest.mark.parametrize("broken", ["xq\x00zz", "\x00", "12\x0034", "no-hole"])
def test_lost_ligature_not_guessed(broken: str) -> None:
    assert repair_word(broken) is None


def test_the_shipped_word_list_holds_the_words_of_the_tables_it_names() -> None:
    """The pre-built list of English words (tools/build_english_words.py) holds exactly the words built from the
    spacy-lookups-data tables its header names. It was built from 1.0.5, the version setup.cfg asks for at least;
    with other tables installed it is not used (see the fallback test below), and there is nothing to compare."""
    from importlib.metadata import version

    from resume_check.extract import pdf_text

    tables = pdf_text.lookup_tables()
    assert tables is not None
    signature = pdf_text.tables_signature(tables)
    shipped = pdf_text.read_word_list(pdf_text.SHIPPED_WORDS, signature)
    installed = version("spacy-lookups-data")
    if shipped is None and installed != "1.0.5":
        pytest.skip(f"the shipped word list is for spacy-lookups-data 1.0.5; {installed} is installed")
    assert shipped is not None, "the tables of spacy-lookups-data 1.0.5 changed: run tools/build_english_words.py"
    built = pdf_text.words_from_tables(tables)
    assert len(built) > 100_000 and "certified" in built and "workflow" in built
    assert shipped.words == sorted(built)
    assert pdf_text.read_word_list(pdf_text.SHIPPED_WORDS, signature + " other") is None


def test_a_word_list_reads_back_sorted_and_answers_membership(tmp_path: Path) -> None:
    from resume_check.extract import pdf_text

    written = tmp_path / "words.txt.gz"
    pdf_text.write_word_list(written, frozenset({"b", "a", "ab"}), "sig")
    listed = pdf_text.read_word_list(written, "sig")
    assert listed is not None and listed.words == ["a", "ab", "b"] and "ab" in listed and "c" not in listed
    assert pdf_text.read_word_list(written, "other") is None
    assert pdf_text.read_word_list(tmp_path / "missing.gz", "sig") is None


@pytest.mark.parametrize("shipped", ["missing", "other tables"])
def test_without_a_matching_shipped_list_the_words_come_from_the_tables(
    shipped: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resume_check.extract import pdf_text

    path = tmp_path / "english_words.txt.gz"
    if shipped == "other tables":
        pdf_text.write_word_list(path, frozenset({"certified"}), "spacy-lookups-data 1:00000000")
    monkeypatch.setattr(pdf_text, "SHIPPED_WORDS", path)
    pdf_text.english_words.cache_clear()
    try:
        words = pdf_text.english_words()
        tables = pdf_text.lookup_tables()
        assert tables is not None and len(words) > 100_000
        assert words.words == sorted(pdf_text.words_from_tables(tables))
        assert pdf_text.repair_word("Certi\x00ed") == "Certified"
    finally:
        pdf_text.english_words.cache_clear()


@ENGINE
def test_label_tables_year_columns_and_indented_bullets_read_by_row(engine: str) -> None:
    doc = extract_pdf(fx.table_rows_pdf(), "x.pdf", engine=engine)  # type: ignore[arg-type]
    expected = (
        [f"{label} {value}" for label, value in fx.SKILL_TABLE]
        + [f"{year} {award}" for year, award in fx.AWARDS]
        + fx.BULLETS
    )
    assert texts(doc) == expected
    assert {line.column for line in doc.lines} == {0}
    assert [line.bullet for line in doc.lines[-3:]] == [True, True, True]


def test_page_char_cap_truncates_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    from resume_check.extract import pdf, pdf_chars

    monkeypatch.setattr(pdf_chars, "MAX_PAGE_CHARS", 40)
    monkeypatch.setattr(pdf, "MAX_PAGE_CHARS", 40)
    doc = extract_pdf(fx.resume_pdf(), "big.pdf")
    assert sum(len(line.text.replace(" ", "")) for line in doc.lines) <= 40
    truncated = next(w for w in doc.warnings if w.id == "text.truncated")
    assert "1 page(s) held too much text and were cut short" in truncated.message


@ENGINE
def test_damaged_bytes_give_input_errors_not_crashes(engine: str) -> None:
    import random

    base = fx.resume_pdf()
    rnd = random.Random(7)
    for _ in range(40):
        data = bytearray(base)
        for _ in range(rnd.randint(1, 20)):
            data[rnd.randrange(len(data))] = rnd.randrange(256)
        try:
            doc = extract_pdf(bytes(data), "f.pdf", engine=engine)  # type: ignore[arg-type]
        except InputError as err:
            assert str(err).startswith("f.pdf: ")
        else:
            assert doc.source.type == "pdf"


@ENGINE
def test_top_down_coordinates_read_and_rotated_text_left_out(engine: str) -> None:
    doc = extract_pdf(fx.top_down_pdf(), "x.pdf", engine=engine)  # type: ignore[arg-type]
    assert texts(doc) == fx.TOP_DOWN_LINES


@ENGINE
def test_overprinted_heading_read_once_and_bold(engine: str) -> None:
    doc = extract_pdf(fx.fake_bold_pdf(), "x.pdf", engine=engine)  # type: ignore[arg-type]
    assert texts(doc) == ["PROFESSIONAL EXPERIENCE", "Led the service desk consolidation"]
    # PDFium drops the overprinted copy inside its text page, so only pdfminer's chars show the fake bold
    assert [line.bold for line in doc.lines] == [engine == "pdfplumber", False]


def test_white_text_on_a_gradient_banner_is_visible() -> None:
    # pdfium engine only: pdfminer does not report shadings, so pdfplumber would judge the name paper-coloured
    doc = extract_pdf(fx.white_on_gradient_pdf(), "x.pdf")
    assert texts(doc) == ["SAM RIVERA", "Infrastructure programme manager"]
    assert "text.hidden" not in warning_counts(doc)


@ENGINE
def test_only_invisible_text_is_a_no_text_layer_error(engine: str) -> None:
    data = fx.simple_resume_pdf([("Scrum Kanban PMP", {"color": (1, 1, 1)}), ("Agile PRINCE2", {"size": 1})])
    with pytest.raises(InputError) as info:
        extract_pdf(data, "ghost.pdf", engine=engine)  # type: ignore[arg-type]
    assert info.value.warning_id == "text.no-text-layer"
    assert str(info.value).startswith("ghost.pdf: all 26 characters of text in this PDF are invisible")


def _page_codes_both_ways(data: bytes) -> list[tuple[list[str], list[str], bool]]:
    """Per page: the char texts as read in bulk (one FPDFText_GetText) and as FPDFText_GetUnicode gives them, and
    whether the bulk read came straight from the one call (a str) rather than char by char or patched."""
    import ctypes
    from itertools import repeat

    import pypdfium2 as pdfium

    from resume_check.extract import pdf_chars

    api = pdf_chars._text_api()
    pdf = pdfium.PdfDocument(data)
    out = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            tpa = ctypes.cast(textpage.raw, ctypes.c_void_p).value or 0
            count = api.count_chars(tpa)
            codes = pdf_chars._page_codes(api, tpa, count)
            # as each code is read as text (PDFium's 2, a line-end hyphen, is "-")
            one_by_one = [pdf_chars._code_text(code) for code in map(api.unicode, repeat(tpa, count), range(count))]
            out.append((list(codes), one_by_one, isinstance(codes, str)))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return out


@pytest.mark.parametrize(
    ("make", "one_call"),
    [
        (fx.resume_pdf, True),
        (fx.glyphs_pdf, False),  # unmapped glyphs: read char by char
        (fx.letter_spaced_pdf, True),
        (fx.no_space_pdf, True),
        (fx.hidden_text_pdf, True),
        (fx.fake_bold_pdf, True),
    ],
)
def test_bulk_page_text_matches_pdfium_char_by_char(make: object, one_call: bool) -> None:
    """The one-call page text lines up with PDFium's chars (its hyphen and no-Unicode stand-ins are re-read)."""
    pages = _page_codes_both_ways(make())  # type: ignore[operator]
    assert pages and any(bulk for bulk, _, _ in pages)
    assert any(single for _, _, single in pages) is one_call
    for bulk, one_by_one, _ in pages:
        assert bulk == one_by_one


def test_a_patched_char_code_beyond_unicode_reads_as_the_replacement_character() -> None:
    """A damaged file can give a char a code past U+10FFFF where the one-call page text holds U+FFFE."""
    import ctypes

    from resume_check.extract import pdf_chars

    class FakeApi:
        def get_text(self, tpa: int, start: int, count: int, address: int) -> int:
            data = "a\ufffeb".encode("utf-16-le")
            ctypes.memmove(address, data, len(data))
            return count + 1

        def unicode(self, tpa: int, index: int) -> int:
            return 0x110000

    assert list(pdf_chars._page_codes(FakeApi(), 0, 3)) == ["a", "\ufffd", "b"]  # type: ignore[arg-type]


@needs_corpus
def test_bulk_page_text_matches_pdfium_char_by_char_on_the_corpus() -> None:
    """Real PDFs have line-end hyphens (U+FFFE in the page text) and pages that need the char-by-char fallback."""
    checked = 0
    paths: set[bool] = set()
    for path in sorted(corpus_file("").glob("*.pdf")):
        for bulk, one_by_one, single in _page_codes_both_ways(path.read_bytes()):
            assert bulk == one_by_one, path.name
            checked += len(bulk)
            paths.add(single)
    assert checked > 50_000 and paths == {True, False}


@pytest.mark.parametrize("engine", ENGINES)
def test_symbol_font_glyphs_starting_lines_are_bullets_not_text(engine: str) -> None:
    """A lone glyph of a symbol font (ZapfDingbats here; moderncv's MarVoSym "{", Wingdings) says nothing through
    its code: starting several lines it is a bullet, once before a contact detail it is decoration; never text."""
    lines: list[tuple[str, dict[str, object]]] = [("EXPERIENCE", {"size": 12})]
    items = ["Led the ERP migration for 40 users", "Cut hosting costs by 32%", "Ran weekly steering meetings"]
    for y, text in zip((100, 116, 132), items, strict=True):
        lines += [("H", {"font": "ZapfDingbats", "y": y, "x": 54}), (text, {"y": y, "x": 68})]
    lines += [("(", {"font": "ZapfDingbats", "y": 160, "x": 54}), ("jo@example.com", {"y": 160, "x": 68})]
    document = extract_pdf(fx.simple_resume_pdf(lines), "cv.pdf", engine=engine)
    assert [(line.text, line.bullet) for line in document.lines] == [
        ("EXPERIENCE", False),
        *((text, True) for text in items),
        ("jo@example.com", False),
    ]


def test_a_word_hyphenated_at_a_line_end_is_whole_again_and_a_compound_keeps_its_hyphen() -> None:
    """PDFium reports a hyphen that ends a line as code 2, which was dropped as a glyph without meaning: LaTeX's
    "en-" / "terprise" read "en terprise", "e-" / "commerce" read "e commerce", and each one counted in the
    "text.glyphs" warning. The hyphen is read now; a typeset word broken at the line's end is joined whole when its
    halves make an English word, and a compound keeps its hyphen."""
    from resume_check.structure import build_resume

    lines = [
        ("EXPERIENCE", {"bold": True}),
        ("• Introduced single sign-on for over 20 en-", {}),
        ("terprise systems and improved cross-", {"x": 64}),
        ("device access for 900 staff", {"x": 64}),
    ]
    document = extract_pdf(fx.simple_resume_pdf(lines), "x.pdf", engine="pdfium")
    assert [line.text for line in document.lines][1:3] == [
        "Introduced single sign-on for over 20 en-",
        "terprise systems and improved cross-",
    ]
    assert "text.glyphs" not in warning_counts(document)
    assert [b.text for b in build_resume(document).blocks][1] == (
        "Introduced single sign-on for over 20 enterprise systems and improved cross-device access for 900 staff"
    )


@ENGINE
def test_an_entrys_dates_beside_its_first_bullets_go_to_its_header(engine: str) -> None:
    """rendercv's classic theme sets an entry as a two-column table: the place right-aligned on the header row, the
    dates and the duration right-aligned beside the first bullets. They were read into the bullets ("... by 4.2x
    May 2022 – Aug 2022", "submis- 4 months sions"); they are the header's now, so the role gets its dates."""
    doc = extract_pdf(fx.entry_dates_pdf(), "x.pdf", engine=engine)  # type: ignore[arg-type]
    got = texts(doc)
    assert got == [
        "EXPERIENCE",
        "NVIDIA Research, Research Intern Santa Clara, CA May 2022 – Aug 2022 4 months",
        "Designed a sparse attention mechanism that cut memory use by 4.2x",
        "Co-authored a paper accepted at NeurIPS 2022 as a spotlight",
        "AWARDS",
        "Best Paper Award, Workshop on Efficient ML 2021",
        "Dean's List for Engineering 2019",
    ]
