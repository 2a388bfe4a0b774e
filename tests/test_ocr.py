"""OCR of scans and image-only DOCX: the optional extra, its absence, budgets, progress, layout and accuracy.

Tests marked ``needs_ocr`` run the real engine (the ``ocr`` extra, which CI installs) and skip with a reason
without it; the others use a fake engine or simulate the extra missing, so they always run.
"""

from __future__ import annotations

import json
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, corpus_file, needs_corpus
from ocr_fixtures import (
    SHORT_RESUME,
    FakeEngine,
    image_docx,
    image_pdf,
    mixed_pdf,
    render,
    text_pdf,
    word_recall,
)

from resume_check.cli import main
from resume_check.errors import InputError
from resume_check.extract import extract_bytes, ocr
from resume_check.extract.ocr import INSTALL_HINT, MAX_SIDE, ocr_available
from resume_check.extract.pdf import extract_pdf
from resume_check.structure import build_resume

needs_ocr = pytest.mark.skipif(
    not ocr_available(), reason='the OCR extra is not installed (pip install -e ".[ocr]"); CI installs it'
)


def text_of(document: Any) -> str:
    return "\n".join(line.text for line in document.lines)


@pytest.fixture
def no_ocr_extra(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The extra as if it were not installed: importing rapidocr fails."""
    ocr.load_engine.cache_clear()
    monkeypatch.setitem(sys.modules, "rapidocr", None)
    yield
    ocr.load_engine.cache_clear()


@pytest.fixture(scope="module")
def short_scan() -> bytes:
    return image_pdf(render(text_pdf(SHORT_RESUME)))


# --------------------------------------------------------------------------------------------- without the extra


def test_without_the_extra_a_scan_is_exit_3_with_the_install_hint(no_ocr_extra: None, short_scan: bytes) -> None:
    assert not ocr_available()
    with pytest.raises(InputError) as caught:
        extract_bytes(short_scan, "scan.pdf")
    assert caught.value.warning_id == "text.no-text-layer"
    assert str(caught.value).startswith("scan.pdf: the PDF has no text layer")
    assert INSTALL_HINT in str(caught.value)


def test_without_the_extra_the_cli_says_how_to_install_it(
    no_ocr_extra: None, short_scan: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(short_scan)
    for command in (["check", str(path)], ["extract", str(path)], ["check", str(path), "--format", "line"]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 3, command
        assert 'pip install -e ".[ocr]"' in result.output and "ocr extra" in result.output
        assert "Traceback" not in result.output


def test_without_the_extra_an_image_only_docx_is_exit_3_with_the_hint(no_ocr_extra: None) -> None:
    data = image_docx(render(text_pdf(SHORT_RESUME)))
    with pytest.raises(InputError, match=r"holds only images .*ocr extra \(pip install -e \"\.\[ocr\]\"") as caught:
        extract_bytes(data, "cv.docx")
    assert caught.value.warning_id == "text.no-text-layer"


def test_an_empty_docx_without_images_keeps_its_own_message(no_ocr_extra: None) -> None:
    import io

    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with pytest.raises(InputError, match="the document contains no text") as caught:
        extract_bytes(buffer.getvalue(), "cv.docx")
    assert INSTALL_HINT not in str(caught.value)


def test_without_the_extra_a_mixed_pdf_reads_its_text_pages_and_warns(no_ocr_extra: None) -> None:
    document = extract_bytes(mixed_pdf(SHORT_RESUME, render(text_pdf(SHORT_RESUME), dpi=60)[0]), "cv.pdf")
    assert {line.page for line in document.lines} == {1}
    assert document.lines[0].text == "Jordan Reyes"
    warning = next(w for w in document.warnings if w.id == "text.no-text-layer")
    assert warning.severity == "warning" and warning.count == 1 and INSTALL_HINT in warning.message


def test_a_pdf_that_pdfium_cannot_render_is_an_input_error() -> None:
    with pytest.raises(InputError, match="cannot be rendered for OCR") as caught:
        ocr.ocr_pdf_pages(b"%PDF-1.4 damaged", "bad.pdf", [1], engine=FakeEngine(FAKE_LINES))
    assert caught.value.warning_id == "text.no-text-layer"


def test_no_ocr_on_the_command_line_refuses_a_scan_at_once(
    short_scan: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "load_engine", lambda: pytest.fail("the engine was loaded"))
    path = tmp_path / "scan.pdf"
    path.write_bytes(short_scan)
    for command in ("check", "extract"):
        result = CliRunner().invoke(main, [command, str(path), "--no-ocr"])
        assert result.exit_code == 3 and "no text layer" in result.output, command


def test_ocr_off_never_loads_the_engine(short_scan: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "load_engine", lambda: pytest.fail("the engine was loaded"))
    with pytest.raises(InputError, match="no text layer"):
        extract_bytes(short_scan, "scan.pdf", ocr="off")


# --------------------------------------------------------------------------------------------- logic (fake engine)

FAKE_LINES = [
    ("Jordan Reyes", (0.08, 0.05, 0.35, 0.075)),
    ("jordan.reyes@example.com", (0.08, 0.09, 0.45, 0.105)),
    ("EXPERIENCE", (0.08, 0.14, 0.25, 0.158)),
    ("Led a team of 9 engineers across two Scrum teams.", (0.08, 0.17, 0.8, 0.185)),
]


def test_fake_engine_lines_become_a_structured_document(short_scan: bytes) -> None:
    engine = FakeEngine(FAKE_LINES)
    document = extract_pdf(short_scan, "scan.pdf", ocr_engine=engine)
    assert [line.text for line in document.lines] == [t for t, _ in FAKE_LINES]
    assert all(line.page == 1 and line.bbox is not None for line in document.lines)
    resume = build_resume(document)
    assert [s.name for s in resume.sections] == ["contact", "experience"]
    assert resume.contact.email == "jordan.reyes@example.com"
    ids = [w.id for w in document.warnings]
    assert ids == ["text.ocr"]
    assert document.warnings[0].severity == "warning"
    assert "most applicant-tracking systems read nothing" in document.warnings[0].message


def text_then_blank_pdf() -> bytes:
    """A text page followed by an empty page, as Word often exports a résumé."""
    return mixed_pdf(SHORT_RESUME, None)


def test_a_blank_page_after_a_text_page_is_no_reason_for_the_ocr_warning() -> None:
    data = text_then_blank_pdf()
    engine = FakeEngine([])  # OCR finds nothing on the blank page
    document = extract_pdf(data, "cv.pdf", ocr_engine=engine)
    assert len(engine.shapes) == 1  # page 2 was looked at, page 1 was not
    plain = extract_pdf(data, "cv.pdf", ocr="off")
    assert document.lines == plain.lines and document.warnings == plain.warnings
    assert "text.ocr" not in [w.id for w in document.warnings]


def test_ocr_that_reads_nothing_on_a_scan_is_an_input_error(short_scan: bytes) -> None:
    with pytest.raises(InputError, match="OCR found no readable text") as caught:
        extract_pdf(short_scan, "scan.pdf", ocr_engine=FakeEngine([]))
    assert caught.value.warning_id == "text.no-text-layer"


def test_two_columns_of_ocr_lines_are_read_one_column_at_a_time(short_scan: bytes) -> None:
    left = [(f"Skill {i} and more", (0.05, 0.2 + i * 0.03, 0.3, 0.215 + i * 0.03)) for i in range(8)]
    right = [(f"Achievement number {i} in the role", (0.45, 0.2 + i * 0.03, 0.92, 0.215 + i * 0.03)) for i in range(8)]
    document = extract_pdf(short_scan, "scan.pdf", ocr_engine=FakeEngine(left + right))
    texts = [line.text for line in document.lines]
    assert texts == [t for t, _ in left] + [t for t, _ in right]  # column by column, not row by row
    assert {line.column for line in document.lines[:8]} == {1} and {line.column for line in document.lines[8:]} == {2}


def test_wrapped_ocr_lines_join_into_one_paragraph(short_scan: bytes) -> None:
    # box heights jitter by a pixel or two: the lines still count as one size and one paragraph
    lines = [
        ("PROFILE", (0.08, 0.10, 0.2, 0.118)),
        ("IT project manager with ten years of experience delivering cloud and ERP", (0.08, 0.13, 0.9, 0.146)),
        ("programmes for public sector clients, managing budgets of up to five million", (0.08, 0.146, 0.91, 0.1635)),
        ("pounds and teams of up to twenty people.", (0.08, 0.1635, 0.5, 0.1795)),
    ]
    resume = build_resume(extract_pdf(short_scan, "scan.pdf", ocr_engine=FakeEngine(lines)))
    summary = [b for b in resume.blocks if b.section == "summary" and b.kind != "heading"]
    assert len(summary) == 1 and summary[0].text.endswith("teams of up to twenty people.")


def test_forced_ocr_reads_a_text_pdf_by_ocr_and_says_so() -> None:
    data = text_pdf(SHORT_RESUME)
    document = extract_pdf(data, "cv.pdf", ocr="force", ocr_engine=FakeEngine(FAKE_LINES))
    assert [line.text for line in document.lines] == [t for t, _ in FAKE_LINES]
    finding = next(w for w in document.warnings if w.id == "text.ocr")
    assert finding.severity == "info" and "--ocr" in finding.message
    assert extract_pdf(data, "cv.pdf", ocr_engine=FakeEngine(FAKE_LINES)).lines[0].text == "Jordan Reyes"


def test_a_ten_page_scan_reports_progress_page_by_page() -> None:
    page = render(text_pdf(SHORT_RESUME), dpi=40)[0]
    data = image_pdf([page] * 10, dpi=40)
    calls: list[tuple[int, int, str]] = []
    document = extract_pdf(data, "scan.pdf", ocr_engine=FakeEngine(FAKE_LINES), progress=lambda *a: calls.append(a))
    assert calls == [(done, 10, "scan.pdf") for done in range(11)]
    assert len(document.lines) == 4 * 10


def test_the_cli_prints_ocr_progress_on_stderr(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    page = render(text_pdf(SHORT_RESUME), dpi=40)[0]
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_pdf([page] * 3, dpi=40))
    monkeypatch.setattr(ocr, "load_engine", lambda: FakeEngine(FAKE_LINES))
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "resume-check: scan.pdf: reading 3 page(s) by OCR, a few seconds each ...",
        "resume-check: scan.pdf: OCR page 1 of 3 done",
        "resume-check: scan.pdf: OCR page 2 of 3 done",
        "resume-check: scan.pdf: OCR page 3 of 3 done",
    ]
    assert "Jordan Reyes" in result.stdout and "text.ocr:" in result.stdout


def test_a_ten_page_scan_keeps_to_checks_time_limit_with_progress_and_a_report(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # each line takes 2.5 s on the fake clock (10 s a page): OCR may use 80% of --time-limit 30, i.e. 24 s, so it
    # reads pages 1 and 2, stops inside page 3 and leaves pages 4-10; the file still gets its report (exit 0)
    page = render(text_pdf(SHORT_RESUME), dpi=40)[0]
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_pdf([page] * 10, dpi=40))
    engine = FakeEngine(FAKE_LINES, seconds=2.5)
    monkeypatch.setattr(ocr, "load_engine", lambda: engine)
    monkeypatch.setattr(ocr, "ocr_clock", engine.clock)
    result = CliRunner().invoke(main, ["check", str(path), "--time-limit", "30", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "resume-check: scan.pdf: reading 10 page(s) by OCR, a few seconds each ...",
        "resume-check: scan.pdf: OCR page 1 of 10 done",
        "resume-check: scan.pdf: OCR page 2 of 10 done",
        "resume-check: scan.pdf: OCR page 3 of 10 done",
    ]
    assert engine.now == 25.0  # stopped at the first line past the 24 s budget
    report = json.loads(result.stdout)
    findings = {f["id"]: f for f in report["findings"]}
    assert findings["text.ocr"]["message"].startswith("the text of pages 1, 2 and 3 was recovered by OCR")
    assert findings["text.truncated"]["message"] == (
        "page 3: OCR stopped at the time limit; pages 4, 5, 6, 7, 8, 9 and 10 not read: the OCR time limit for the "
        "file was reached (check and batch read more with a longer --time-limit); check the rest of the text by hand"
    )
    # a longer limit reads every page (OCR's own cap for a file is FILE_SECONDS)
    engine.now = 0.0
    longer = CliRunner().invoke(main, ["check", str(path), "--time-limit", "200", "--format", "json"])
    assert longer.exit_code == 0, longer.output
    assert engine.now == 10 * 10.0
    assert "text.truncated" not in [f["id"] for f in json.loads(longer.stdout)["findings"]]
    assert ocr.ocr_seconds(30) == 24.0 and ocr.ocr_seconds(1000) == ocr.FILE_SECONDS


def test_a_huge_page_is_rendered_no_larger_than_max_side(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(5000, 3000))  # a 5,000 x 3,000 pt poster: 10,417 px wide at 150 dpi
    pdf.rect(100, 100, 300, 200, fill=1)
    pdf.showPage()
    pdf.save()
    engine = FakeEngine(FAKE_LINES)
    pages, skipped = ocr.ocr_pdf_pages(buffer.getvalue(), "poster.pdf", [1], engine=engine, clock=engine.clock)
    assert engine.shapes == [(1440, MAX_SIDE, 3)] and skipped == []
    assert pages[0].points_per_pixel == pytest.approx(5000 / MAX_SIDE)
    assert pages[0].lines[0].text == "Jordan Reyes"


def test_the_page_time_limit_stops_a_slow_page() -> None:
    engine = FakeEngine(FAKE_LINES, seconds=25.0)  # each line takes 25 s on the fake clock
    import numpy as np

    image = np.zeros((300, 200, 3), dtype=np.uint8)
    lines, _, stopped = ocr.read_image(engine, image, deadline=40.0, clock=engine.clock)
    assert [line.text for line in lines] == ["Jordan Reyes", "jordan.reyes@example.com"]
    assert stopped == "OCR stopped at the time limit"


def test_the_file_time_limit_skips_the_remaining_pages(short_scan: bytes) -> None:
    page = render(text_pdf(SHORT_RESUME), dpi=40)[0]
    data = image_pdf([page] * 4, dpi=40)
    engine = FakeEngine(FAKE_LINES, seconds=10.0)  # a page takes 40 s on the fake clock
    pages, skipped = ocr.ocr_pdf_pages(
        data, "scan.pdf", [1, 2, 3, 4], engine=engine, file_seconds=65.0, clock=engine.clock
    )
    assert [p.number for p in pages] == [1, 2] and skipped == [3, 4]
    assert pages[1].stopped == "OCR stopped at the time limit"  # page 2 ran into the file's limit
    findings = ocr.ocr_findings(pages, skipped=skipped)
    truncated = next(f for f in findings if f.id == "text.truncated")
    assert "pages 3 and 4 not read: the OCR time limit for the file was reached" in truncated.message


def test_large_images_are_downscaled_before_ocr_and_boxes_mapped_back() -> None:
    import numpy as np

    engine = FakeEngine(FAKE_LINES)
    image = np.zeros((4800, 3600, 3), dtype=np.uint8)
    lines, factor, _ = ocr.read_image(engine, image, deadline=1e9, clock=engine.clock)
    assert engine.shapes == [(MAX_SIDE, 1800, 3)]
    assert factor == MAX_SIDE / 4800
    assert lines[0].box == pytest.approx((0.08 * 3600, 0.05 * 4800, 0.35 * 3600, 0.075 * 4800), abs=2)


def test_a_page_reads_at_most_max_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    monkeypatch.setattr(ocr, "MAX_LINES", 3)
    engine = FakeEngine(FAKE_LINES)
    lines, _, stopped = ocr.read_image(engine, np.zeros((300, 200, 3), dtype=np.uint8), deadline=1e9)
    assert len(lines) == 3 and stopped == "only its first 3 text lines were read"


def test_an_image_over_the_pixel_limit_is_refused_before_decoding() -> None:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("1", (9000, 8000)).save(buffer, "PNG")  # 72 MP, a few kilobytes compressed
    with pytest.raises(InputError, match="over the 60,000,000-pixel limit"):
        ocr.decode_image(buffer.getvalue(), "cv.docx")
    assert ocr.decode_image(b"not an image", "cv.docx") is None


def test_docx_images_come_in_document_order() -> None:
    from PIL import Image

    images = [Image.new("RGB", (40 + i, 30), "white") for i in range(3)]
    found = ocr.docx_images(image_docx(images))
    sizes = []
    import io

    for blob in found:
        with Image.open(io.BytesIO(blob)) as image:
            sizes.append(image.size)
    assert sizes == [(40, 30), (41, 30), (42, 30)]


# --------------------------------------------------------------------------------------------- the real engine


@pytest.fixture(scope="module")
def offline() -> Iterator[None]:
    """No network while the OCR tests run: any connection attempt fails the test that made it."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    saved = (socket.socket.connect, socket.create_connection)
    socket.socket.connect = refuse  # type: ignore[method-assign,assignment]
    socket.create_connection = refuse  # type: ignore[assignment]
    try:
        yield
    finally:
        socket.socket.connect, socket.create_connection = saved  # type: ignore[method-assign]


@pytest.fixture(scope="module")
def alex_scan(offline: None) -> dict[str, Any]:
    """The sample résumé (a text PDF) rendered at 150 dpi, wrapped as an image-only PDF and read by OCR."""
    source = (SAMPLES / "alex-morgan.pdf").read_bytes()
    images = render(source, dpi=150)
    scan = image_pdf(images, dpi=150)
    start = time.perf_counter()
    document = extract_bytes(scan, "alex-morgan-scan.pdf")
    seconds = time.perf_counter() - start
    return {
        "source": text_of(extract_pdf(source, "alex-morgan.pdf")),
        "document": document,
        "images": images,
        "seconds": seconds,
    }


@needs_ocr
def test_a_scan_is_read_by_ocr_with_high_word_recall(alex_scan: dict[str, Any]) -> None:
    document = alex_scan["document"]
    recall = word_recall(alex_scan["source"], text_of(document))
    assert recall >= 0.95, recall
    assert [w.id for w in document.warnings] == ["text.ocr"]
    resume = build_resume(document)
    names = [s.name for s in resume.sections]
    for section in ("summary", "experience", "skills", "certifications", "education"):
        assert section in names
    assert resume.contact.email == "alex.morgan@example.com"
    assert resume.contact.name == "Alex Morgan"


@needs_ocr
def test_a_scan_is_analysed_like_its_text_pdf_less_the_ocr_warning(alex_scan: dict[str, Any]) -> None:
    from resume_check.analysis import analyse_document, analyse_path, build_engine

    engine = build_engine()
    scan = analyse_document(alex_scan["document"], engine)
    text = analyse_path(SAMPLES / "alex-morgan.pdf", engine=engine)
    assert {t.id for t in scan.found} == {t.id for t in text.found}
    assert [s.verdict for s in scan.impact.statements] == [s.verdict for s in text.impact.statements]
    ats = {c.id: c.value for c in scan.score.components}["ats"]
    assert ats == {c.id: c.value for c in text.score.components}["ats"] - 5  # one distinct warning: text.ocr
    assert scan.score.total < text.score.total


@needs_ocr
def test_an_image_only_docx_is_read_by_ocr(alex_scan: dict[str, Any]) -> None:
    data = image_docx(alex_scan["images"])
    document = extract_bytes(data, "alex-morgan-picture.docx")
    assert document.source.type == "docx"
    assert word_recall(alex_scan["source"], text_of(document)) >= 0.95
    assert any(w.id == "text.ocr" and w.severity == "warning" for w in document.warnings)
    assert "experience" in [s.name for s in build_resume(document).sections]


@needs_ocr
def test_ocr_uses_the_models_inside_the_package_and_downloads_nothing(alex_scan: dict[str, Any]) -> None:
    import rapidocr

    models = Path(rapidocr.__file__).resolve().parent / "models"
    before = sorted(p.name for p in models.iterdir())
    assert alex_scan["document"].lines  # read while every network connection was refused (the offline fixture)
    engine = ocr.RapidOcrEngine()
    assert sorted(p.name for p in models.iterdir()) == before  # nothing fetched into the package either
    assert {p.name for p in models.iterdir()} >= set(ocr._MODEL_FILES.values())
    del engine


@needs_ocr
def test_every_report_format_and_extract_work_on_a_scan(
    offline: None, short_scan: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "Jordan-Reyes-CV.pdf"
    path.write_bytes(short_scan)
    first = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert report["source"]["type"] == "pdf"
    assert "text.ocr" in [f["id"] for f in report["findings"]]
    assert {"methodology.agile", "methodology.scrum"} <= {t["id"] for t in report["terms"]["found"]}
    # the other formats render the same OCR result: read the scan once, then reuse the pages
    pages = ocr.ocr_pdf_pages(short_scan, str(path), [1], engine=ocr.load_engine())
    monkeypatch.setattr(ocr, "ocr_pdf_pages", lambda *a, **k: pages)
    expected = {
        ("check", "--format", "text"): "recovered by OCR",
        ("check", "--format", "markdown"): "recovered by OCR",
        ("check", "--format", "html"): "recovered by OCR",
        ("extract",): "IT Project Manager, Harbour Bank",
        ("extract", "--format", "json"): "IT Project Manager, Harbour Bank",
        ("check", "--format", "sarif", "--min-severity", "warning"): '"ruleId": "text.ocr"',
        ("check", "--format", "line", "--min-severity", "warning"): "warning text.ocr the text of page 1",
        ("check", "--format", "github", "--min-severity", "warning"): f"::warning file={path},title=text.ocr::",
        ("check", "--format", "junit", "--min-severity", "warning"): '<testcase name="text.ocr"',
    }
    for command, fact in expected.items():
        result = CliRunner().invoke(main, [*command, str(path)])
        assert result.exit_code == 0, (command, result.output)  # --min-severity shows warnings; fail_level is error
        assert fact in result.stdout, command


@needs_ocr
@needs_corpus
def test_the_image_only_corpus_pdf_is_read_by_ocr(offline: None) -> None:
    path = corpus_file("mathdebate09__job-cli__marketing_specialist.pdf")
    document = extract_bytes(path.read_bytes(), path.name)
    text = text_of(document)
    for phrase in ("Business Relations Director", "Senior Clinical Marketing Manager", "Area Business Manager"):
        assert phrase in text
    assert [w.id for w in document.warnings] == ["text.ocr"]
    assert document.source.pages == 2 and {line.page for line in document.lines} == {1, 2}
    resume = build_resume(document)
    assert resume.contact.email is not None and resume.contact.email.endswith("northwestern.edu")
    assert "education" in [s.name for s in resume.sections]


@needs_ocr
def test_a_docx_that_is_one_pasted_picture_is_read_by_the_cli(offline: None, tmp_path: Path) -> None:
    path = tmp_path / "Jordan-Reyes-CV.docx"
    path.write_bytes(image_docx(render(text_pdf(SHORT_RESUME))))
    result = CliRunner().invoke(main, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "resume-check: Jordan-Reyes-CV.docx: reading 1 image(s) by OCR, a few seconds each ...",
        "resume-check: Jordan-Reyes-CV.docx: OCR image 1 of 1 done",
    ]
    document = json.loads(result.stdout)
    source = "\n".join(text for text, _, _ in SHORT_RESUME)
    read = "\n".join(line for section in document["sections"] for line in (section["heading"] or "", *section["lines"]))
    assert word_recall(source, read) >= 0.95
    assert [s["name"] for s in document["sections"]] == ["contact", "experience", "skills", "education"]
    assert "text.ocr" in [w["id"] for w in document["warnings"]]


@needs_ocr
def test_batch_reads_a_scan_in_every_cohort_format(offline: None, short_scan: bytes, tmp_path: Path) -> None:
    import csv
    import io

    scan = tmp_path / "Jordan-Reyes-CV.pdf"
    scan.write_bytes(short_scan)
    outputs = {}
    for fmt in ("csv", "json", "markdown", "html", "jsonl"):
        out = tmp_path / f"cohort.{fmt}"
        # a generous limit: the worker starts, loads the OCR engine and reads the page on a shared machine
        command = ["batch", str(scan), "--format", fmt, "-q", "-j", "1", "--time-limit", "300", "-o", str(out)]
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 0, (fmt, result.output)
        outputs[fmt] = out.read_text("utf-8")
    (row,) = csv.DictReader(io.StringIO(outputs["csv"]))
    assert row["exit_code"] == "0" and float(row["score"]) > 0 and row["warnings"] != "0"
    (person,) = json.loads(outputs["json"])["people"]
    assert person["score"] == float(row["score"])
    records = [json.loads(line) for line in outputs["jsonl"].splitlines()]
    (record,) = [r for r in records if r["kind"] == "record"]
    assert record["exit_code"] == 0 and record["score"] == float(row["score"])
    for fmt in ("markdown", "html"):
        assert "Jordan-Reyes-CV.pdf" in outputs[fmt], fmt


@needs_ocr
def test_the_real_engine_reads_nothing_on_a_blank_page(offline: None) -> None:
    document = extract_bytes(text_then_blank_pdf(), "cv.pdf")
    assert "text.ocr" not in [w.id for w in document.warnings]
    assert {line.page for line in document.lines} == {1}


def test_ocr_progress_escapes_the_file_name_and_names_a_docx_unit(capsys: pytest.CaptureFixture[str]) -> None:
    from resume_check.cli import ocr_progress

    ocr_progress(0, 2, "/in/a\x1b[31mred.pdf")
    ocr_progress(1, 1, "/in/one-picture.DOCX")
    err = capsys.readouterr().err
    assert "\x1b" not in err and "a%1B[31mred.pdf: reading 2 page(s)" in err
    assert "one-picture.DOCX: OCR image 1 of 1 done" in err


@needs_ocr
def test_a_page_too_thin_for_the_detector_reads_as_no_text_not_a_crash() -> None:
    """RapidOCR scales a page to at most 2,000 px and rounds each side to a multiple of 32; a side that rounds to
    0 raised ResizeImgError (exit 4, found by tools/fuzz.py on a PDF whose MediaBox a mutation made a few points
    high). Such a page holds no readable text."""
    import numpy as np

    engine = ocr.load_engine()
    for shape in ((10, 2400, 3), (2400, 10, 3), (15, 15, 3), (0, 5, 3)):
        assert engine.detect(np.full(shape, 255, np.uint8)) == [], shape
    assert engine.detect(np.full((64, 64, 3), 255, np.uint8)) == []  # large enough: the detector runs


def _spied_engine(monkeypatch: pytest.MonkeyPatch) -> tuple[Any, list[tuple[int, ...]]]:
    """The OCR engine, and the shapes of the images its detector is given from now on."""
    engine = ocr.load_engine()
    shapes: list[tuple[int, ...]] = []
    real = engine._ocr  # type: ignore[attr-defined]

    def spy(image: Any, **kwargs: Any) -> Any:
        shapes.append(image.shape)
        return real(image, **kwargs)

    monkeypatch.setattr(engine, "_ocr", spy)
    return engine, shapes


@needs_ocr
def test_a_page_of_extreme_shape_is_padded_before_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page 612 x 65,535 points (a MediaBox damaged by a fuzz mutation) renders to a strip 22 px by 2,400; the
    detector scales its short side up to its working size, which made the strip tens of thousands of pixels long
    and took 4.7 GB and 24 s. The detector now sees the strip on a white canvas at most 2 to 1."""
    import numpy as np

    engine, shapes = _spied_engine(monkeypatch)
    engine.detect(np.full((2400, 22, 3), 255, np.uint8))
    # the 2,400 x 1,200 canvas at RapidOCR's longest side (1,984 x 992), read in tiles
    assert all(s[:2] == (ocr._DET_TILE, 992) for s in shapes) and len(shapes) >= 5
    shapes.clear()
    engine.detect(np.full((1000, 800, 3), 255, np.uint8))
    assert shapes and all(s == (ocr._DET_TILE, 800, 3) for s in shapes)  # an ordinary page: tiles its full width


@needs_ocr
def test_a_page_a_point_high_is_read_in_tiles_no_larger_than_an_ordinary_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page 612 x 1 points (a MediaBox number mutated in a fuzz round) renders to 2 x 1,275 px; padded to 4 to 1
    and grown to the detector's working size it went in as one tile 480 x 1,920 (or 736 x 2,944 before RapidOCR's
    own scaling): a peak of 608 MB. Its tiles are now no larger than an ordinary page's (480 x 1,280)."""
    import numpy as np

    engine, shapes = _spied_engine(monkeypatch)
    engine.detect(np.full((2, 1275, 3), 255, np.uint8))
    assert shapes and all(s[0] <= ocr._DET_TILE and s[1] <= ocr._DET_WIDTH for s in shapes)
    shapes.clear()
    engine.detect(np.full((100, 300, 3), 255, np.uint8))  # a small wide image grows no wider than a page
    assert shapes and all(s[0] <= ocr._DET_TILE and s[1] <= ocr._DET_WIDTH for s in shapes)


@needs_ocr
def test_a_wide_page_is_read_in_tiles_no_wider_than_an_ordinary_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """A landscape scan 2,329 x 2,141 px (a page 1,118 x 1,028 points at 150 dpi) went to the detector 2,000 px wide,
    in tiles of 480 x 2,000: a peak of 610 MB, against 442 MB for an A4 page. Its tiles are now no larger than an
    ordinary page's, and its text lines are still found whole."""
    import numpy as np

    engine, shapes = _spied_engine(monkeypatch)
    a4 = np.asarray(render(text_pdf(SHORT_RESUME))[0])  # 1,240 x 1,754 px at 150 dpi
    page = np.full((2141, 2329, 3), 255, np.uint8)
    page[100 : 100 + a4.shape[0], 200 : 200 + a4.shape[1]] = a4
    found = engine.detect(page)
    assert shapes and all(s[0] <= ocr._DET_TILE and s[1] <= ocr._DET_WIDTH for s in shapes)
    assert max(s[1] for s in shapes) == ocr._DET_WIDTH  # scaled down to that width, not further
    shapes.clear()
    alone = engine.detect(a4)
    assert len(found) == len(alone) == len(SHORT_RESUME)  # every line found, once, as on the page alone
    text = " ".join(engine.recognise(page[int(t) : int(b) + 1, int(x0) : int(x1) + 1])[0] for x0, t, x1, b in found)
    assert word_recall(" ".join(line for line, _, _ in SHORT_RESUME), text) >= 0.95


# --------------------------------------------------------------------------------------------- detection in tiles


class _BarDetector:
    """Stands in for RapidOCR's detector: each run of rows holding dark pixels in the image it is given is one text
    line, boxed from its first to its last dark column. Records the shapes it is given."""

    def __init__(self) -> None:
        self.shapes: list[tuple[int, ...]] = []

    def __call__(self, image: Any, **kwargs: Any) -> Any:
        import numpy as np

        self.shapes.append(tuple(image.shape))
        dark = (image[:, :, 0] < 128).any(axis=1)
        quads = []
        row = 0
        while row < len(dark):
            if not dark[row]:
                row += 1
                continue
            end = row
            while end < len(dark) and dark[end]:
                end += 1
            columns = np.flatnonzero((image[row:end, :, 0] < 128).any(axis=0))
            x0, x1 = float(columns[0]), float(columns[-1] + 1)
            quads.append([[x0, float(row)], [x1, float(row)], [x1, float(end)], [x0, float(end)]])
            row = end
        return type("Result", (), {"boxes": quads or None})()


def _bars_page(height: int, width: int, bars: list[tuple[int, int]]) -> Any:
    import numpy as np

    page = np.full((height, width, 3), 255, np.uint8)
    for top, bottom in bars:
        page[top:bottom, 100 : width - 100] = 0
    return page


def test_a_large_page_is_detected_in_tiles_and_each_line_is_found_once_whole() -> None:
    """The detector's memory grows with the pixels it is given: a page over ``_DET_WHOLE_PIXELS`` is read in tiles
    of ``_DET_TILE`` rows that overlap; a line cut by a tile's edge is whole in the next tile and is kept once."""
    engine = ocr.RapidOcrEngine.__new__(ocr.RapidOcrEngine)  # no model: the bar detector stands in
    detector = _BarDetector()
    engine._ocr = detector  # type: ignore[attr-defined]
    height, width = 1888, 1216  # multiples of 32 within 2,000 px: the detector's own size, nothing is resized
    tile, overlap = ocr._DET_TILE, ocr._DET_OVERLAP
    second, last = tile - overlap, height - tile
    bars = [
        (40, 70),
        (second - 20, second + 20),  # across the second tile's top edge
        ((second + tile) // 2 - 15, (second + tile) // 2 + 15),  # across the middle of the first overlap
        (tile - 20, tile + 20),  # across the first tile's bottom edge
        (last - 10, last + 30),  # across the last tile's top edge
        (second + tile + 5, second + tile + 45),  # just below the second tile
        (height - 60, height - 20),
    ]
    boxes = engine.detect(_bars_page(height, width, bars))
    assert sorted((round(top), round(bottom)) for _, top, _, bottom in boxes) == sorted(bars)
    assert all(x0 == 100 and x1 == width - 100 for x0, _, x1, _ in boxes)
    assert len(detector.shapes) >= 3 and all(shape[0] == tile for shape in detector.shapes)
    # an image within the budget is given whole
    detector.shapes.clear()
    small = _bars_page(864, 736, [(40, 70), (700, 760)])
    assert ocr._DET_WORKING * 864 <= ocr._DET_WHOLE_PIXELS
    assert len(engine.detect(small)) == 2 and detector.shapes == [(864, 736, 3)]


def test_reading_an_image_hands_the_models_freed_memory_back(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(ocr, "_malloc_trim", lambda: calls.append)
    engine = FakeEngine([("Jordan Reyes", (0.1, 0.1, 0.5, 0.15))])
    import numpy as np

    lines, _, _ = ocr.read_image(engine, np.full((400, 300, 3), 255, np.uint8), deadline=1.0, clock=engine.clock)
    assert [line.text for line in lines] == ["Jordan Reyes"] and calls == [0]
    monkeypatch.undo()
    ocr.release_freed_memory()  # the real call: glibc's malloc_trim, or nothing where there is none
