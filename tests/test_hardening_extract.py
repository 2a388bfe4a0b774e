"""Issue 15: hostile PDFs and DOCX files. Decompression bombs are refused before they inflate (PDF streams, zip
members read through a bounded stream whatever the headers declare), lone surrogates in PDF text are replaced,
damaged zip entries (encrypted flag, AES method 99, no relationship target) are exit 3, never exit 4; the
encrypted-PDF decision is checked."""

from __future__ import annotations

import io
import re
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_fixtures import twin_docx
from pdf_fixtures import MARGIN, _canvas, encrypted_pdf, pdf_from_objects

from resume_check.cli import main
from resume_check.errors import InputError
from resume_check.extract import extract_bytes
from resume_check.extract.docx import MAX_TOTAL_UNCOMPRESSED
from resume_check.extract.pdf_budget import MAX_CONTENT_INFLATED

# --------------------------------------------------------------------------------------------- PDF builders


def raw_pdf(
    content: bytes,
    *,
    compress: bool = True,
    extra_fonts: bytes = b"",
    cmap: bytes | None = None,
    mediabox: bytes = b"0 0 612 792",
) -> bytes:
    """A one-page PDF drawn by ``content`` (FlateDecode when ``compress``), fonts F1 (Helvetica) and F2 (Helvetica
    with ``cmap`` as its ToUnicode map), on a page of ``mediabox``."""
    stream = zlib.compress(content, 9) if compress else content
    filt = b" /Filter /FlateDecode" if compress else b""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [%s] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>" % mediabox,
        b"<< /Length %d%s >>\nstream\n" % (len(stream), filt) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica" + (b" /ToUnicode 7 0 R" if cmap else b"") + b" >>",
    ]
    if cmap:
        objs.append(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    return pdf_from_objects(objs)


RESUME_TEXT = (
    b"BT /F1 12 Tf 72 720 Td (Alex Morgan) Tj 0 -20 Td (Experience) Tj "
    b"0 -20 Td (Managed a budget of 2m for the Scrum programme) Tj ET\n"
)


def peak_mb(func: object) -> float:
    tracemalloc.start()
    try:
        func()  # type: ignore[operator]
    except InputError:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak / 1024 / 1024


# --------------------------------------------------------------------------------------------- PDF


def test_a_pdf_content_stream_inflating_to_100_mb_is_refused_before_it_inflates() -> None:
    bomb = raw_pdf(RESUME_TEXT + b"%" + b" " * (100 * 1024 * 1024))
    assert len(bomb) < 200_000
    with pytest.raises(InputError, match="decompression bomb"):
        extract_bytes(bomb, "bomb.pdf")
    assert peak_mb(lambda: extract_bytes(bomb, "bomb.pdf")) < 10  # counted a chunk at a time, never held


def test_a_pdf_drawing_a_million_tiny_characters_is_refused() -> None:
    content = b"BT /F1 1 Tf " + b"".join(b"1 0 0 1 %d %d Tm (a) Tj " % (i % 600, i // 600) for i in range(1_000_000))
    bomb = raw_pdf(content + b" ET")
    assert len(content) > MAX_CONTENT_INFLATED and len(bomb) < 3_000_000
    with pytest.raises(InputError, match="decompression bomb"):
        extract_bytes(bomb, "chars.pdf")


def test_a_pdf_within_the_budget_is_analysed_as_before() -> None:
    document = extract_bytes(raw_pdf(RESUME_TEXT + b"%" + b" " * 100_000), "fine.pdf")
    assert any("Scrum programme" in line.text for line in document.lines)


# a damaged MediaBox (as byte mutation makes): PDFium's text page holds memory in proportion to the page's side
HUGE_PAGES = {
    "tall": b"0 0 612 2147482880",
    "wide": b"0 0 2147482880 792",
    "centred far below zero": b"0 -1073741000 612 1073741000",
    "just past the limit": b"0 0 612 200001",
}


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("box", HUGE_PAGES.values(), ids=HUGE_PAGES.keys())
def test_a_page_larger_than_any_real_page_is_refused_before_its_text_is_read(box: bytes, engine: str) -> None:
    from resume_check.extract.pdf import extract_pdf

    with pytest.raises(InputError, match=r"page 1 measures .* points, far beyond any real page") as caught:
        extract_pdf(raw_pdf(RESUME_TEXT, mediabox=box), "huge.pdf", engine=engine)  # type: ignore[arg-type]
    assert str(caught.value).startswith("huge.pdf: ")


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("height", [b"14400", b"20000", b"200000"])
def test_a_long_page_up_to_the_limit_is_read(height: bytes, engine: str) -> None:
    from resume_check.extract.pdf import extract_pdf

    pdf = raw_pdf(RESUME_TEXT.replace(b"72 720 Td", b"72 %d Td" % (int(height) - 72)), mediabox=b"0 0 612 " + height)
    document = extract_pdf(pdf, "long.pdf", engine=engine)  # type: ignore[arg-type]
    assert any("Scrum programme" in line.text for line in document.lines)


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("box", [b"612 792 0 0", b"0 792 612 0", b"612 0 0 792"])
def test_a_page_box_with_its_corners_in_any_order_reads_like_the_ordered_one(box: bytes, engine: str) -> None:
    """A rectangle may name its corners in any order (PDF 32000-1, 7.9.5). pypdfium2 gives the crop box as written
    and pdfminer places text from the corners as written, so every char of such a page was off the page: "all
    characters are invisible" (exit 3)."""
    from resume_check.extract.pdf import extract_pdf

    ordered = extract_pdf(raw_pdf(RESUME_TEXT), "ordered.pdf", engine=engine)  # type: ignore[arg-type]
    document = extract_pdf(raw_pdf(RESUME_TEXT, mediabox=box), "corners.pdf", engine=engine)  # type: ignore[arg-type]
    assert [(line.text, line.bbox) for line in document.lines] == [(line.text, line.bbox) for line in ordered.lines]
    assert document.lines[-1].text == "Managed a budget of 2m for the Scrum programme"


#: lines at the top, the middle right and the foot of a US Letter page
CORNER_TEXT = (
    b"BT /F1 12 Tf 72 720 Td (Alex Morgan) Tj 0 -20 Td (Experience) Tj ET\n"
    b"BT /F1 12 Tf 500 400 Td (Scrum Master) Tj ET\n"
    b"BT /F1 12 Tf 72 60 Td (Managed a budget of 2m for the Scrum programme) Tj ET\n"
)


def _turned(degrees: int) -> bytes:
    return raw_pdf(CORNER_TEXT).replace(b"/MediaBox [0 0 612 792]", b"/MediaBox [0 0 612 792] /Rotate %d" % degrees)


def _moved(box: bytes) -> bytes:
    """The same lines 1,000 points up and right, on a page box there."""
    text = CORNER_TEXT
    for old, new in ((b"72 720 Td", b"1072 1720 Td"), (b"500 400 Td", b"1500 1400 Td"), (b"72 60 Td", b"1072 1060 Td")):
        text = text.replace(old, new)
    return raw_pdf(text, mediabox=box)


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize(
    "page",
    [_turned(90), _turned(180), _turned(270), _moved(b"1000 1000 1612 1792"), _moved(b"1612 1792 1000 1000")],
    ids=["turned 90", "turned 180", "turned 270", "box away from the origin", "the same, corners reversed"],
)
def test_turned_and_moved_pages_read_like_an_ordinary_one(page: bytes, engine: str) -> None:
    """A page turned by /Rotate 90 or 270 was measured turned while PDFium places its chars in the page's own,
    unturned space, so text in the lower part of the page was dropped as hidden. pdfminer placed a turned page's
    text as shown (90 degrees read as garbage, 180 reversed each line), and text on a page box away from the origin
    fell outside the page. Both engines now read these as they read the ordinary page."""
    from resume_check.extract.pdf import extract_pdf

    ordered = extract_pdf(raw_pdf(CORNER_TEXT), "ordered.pdf", engine=engine)  # type: ignore[arg-type]
    document = extract_pdf(page, "page.pdf", engine=engine)  # type: ignore[arg-type]
    assert [(line.text, line.bbox) for line in document.lines] == [(line.text, line.bbox) for line in ordered.lines]
    assert len(document.lines) == 4 and not document.warnings


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_text_is_placed_from_the_crop_box_with_both_engines(engine: str) -> None:
    from resume_check.extract.pdf import extract_pdf

    cropped = raw_pdf(CORNER_TEXT).replace(
        b"/MediaBox [0 0 612 792]", b"/MediaBox [0 0 612 792] /CropBox [50 50 600 780]"
    )
    ordered = extract_pdf(raw_pdf(CORNER_TEXT), "ordered.pdf", engine=engine)  # type: ignore[arg-type]
    document = extract_pdf(cropped, "cropped.pdf", engine=engine)  # type: ignore[arg-type]
    # the crop box starts 50 points in from the left and 12 points down from the top of the media box
    shifted = [(line.text, [round(line.bbox[0] - 50, 2), round(line.bbox[1] - 12, 2)]) for line in ordered.lines]
    assert [(line.text, [round(line.bbox[0], 2), round(line.bbox[1], 2)]) for line in document.lines] == shifted


def test_a_huge_page_costs_no_memory_and_is_exit_3(tmp_path: Path) -> None:
    """PDFium's own memory is outside tracemalloc: a child process reads the page and reports its peak RSS (Linux's
    VmHWM, which starts afresh at exec; ru_maxrss would carry the forking test process's own size over)."""
    import subprocess
    import sys

    if not Path("/proc/self/status").is_file():
        pytest.skip("needs Linux's /proc/self/status to read a process's peak memory")
    path = tmp_path / "huge.pdf"
    path.write_bytes(raw_pdf(RESUME_TEXT, mediabox=HUGE_PAGES["tall"]))
    probe = (
        "import re, sys\n"
        "from resume_check.errors import InputError\n"
        "from resume_check.extract import extract\n"
        "try:\n    extract(sys.argv[1])\nexcept InputError:\n    pass\n"
        "status = open('/proc/self/status').read()\n"
        "print(int(re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1)) // 1024)\n"
    )
    peak = int(subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, check=True).stdout)
    assert peak < 150, f"reading a refused page peaked at {peak} MB"
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 3 and "far beyond any real page" in result.output


@pytest.mark.parametrize("target", [b"D800", b"DC00", b"DFFF"])
def test_lone_surrogates_in_pdf_text_become_replacement_characters(tmp_path: Path, target: bytes) -> None:
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def 1 begincodespacerange "
        b"<00> <FF> endcodespacerange 1 beginbfchar <41> <" + target + b"> endbfchar endcmap "
        b"CMapName currentdict /CMap defineresource pop end end"
    )
    pdf = raw_pdf(RESUME_TEXT + b"BT /F2 12 Tf 72 600 Td (AAAA) Tj ET\n", cmap=cmap)
    document = extract_bytes(pdf, "surrogate.pdf")
    text = "\n".join(line.text for line in document.lines)
    assert not re.search("[\ud800-\udfff]", text)
    path = tmp_path / "surrogate.pdf"
    path.write_bytes(pdf)
    for fmt in ("text", "json", "html", "markdown"):
        result = CliRunner().invoke(main, ["check", str(path), "--format", fmt])
        assert result.exit_code == 0, (fmt, result.output)
        result.stdout.encode("utf-8")


def identity_cid_pdf(codes: bytes) -> bytes:
    """A PDF whose second line is drawn in a Type0 font with Identity-H encoding and an Identity-H ToUnicode: each
    2-byte code is its own Unicode value, so codes D800-DFFF are lone surrogates to a reader that trusts it."""
    content = RESUME_TEXT + b"BT /F2 12 Tf 72 600 Td <" + codes + b"> Tj ET\n"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Dummy /Encoding /Identity-H /DescendantFonts [7 0 R] "
        b"/ToUnicode /Identity-H >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Dummy "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 600 >>",
    ]
    return pdf_from_objects(objs)


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_lone_surrogates_from_an_identity_font_are_replaced_by_either_engine(tmp_path: Path, engine: str) -> None:
    """pdfminer maps an Identity ToUnicode code straight to chr(code): D800-DFFF came through as lone surrogates
    with the pdfplumber engine, which no UTF-8 output can encode (exit 4)."""
    from resume_check.extract.pdf import extract_pdf

    pdf = identity_cid_pdf(b"0041D800DC00DFFF0042")
    document = extract_pdf(pdf, "identity.pdf", engine=engine)  # type: ignore[arg-type]
    text = "\n".join(line.text for line in document.lines)
    assert not re.search("[\ud800-\udfff]", text)
    text.encode("utf-8")
    assert [line.text for line in document.lines][-1] == "AB"  # the letters around them stay, in order
    assert any("Scrum programme" in line.text for line in document.lines)
    path = tmp_path / "identity.pdf"
    path.write_bytes(pdf)
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output


def test_encrypted_pdfs_a_password_is_exit_3_an_empty_user_password_is_analysed(tmp_path: Path) -> None:
    """Decision (README, exit codes): a PDF that asks for a password is exit 3; one encrypted with an empty user
    password (an owner password restricting printing or copying) opens in every viewer without a password, as
    it does in an applicant-tracking system, so it is analysed."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypted_pdf())
    result = CliRunner().invoke(main, ["check", str(locked)])
    assert result.exit_code == 3 and "password" in result.stderr

    buf = io.BytesIO()
    canvas = _canvas(buf, encrypt=StandardEncryption("", ownerPassword="owner", canPrint=0, canCopy=0))
    canvas.setFont("Helvetica", 10)
    for k, line in enumerate(["Alex Morgan", "Experience", "Managed a budget of 2m for the Scrum programme"]):
        canvas.drawString(MARGIN, 720 - 16 * k, line)
    canvas.showPage()
    canvas.save()
    restricted = tmp_path / "restricted.pdf"
    restricted.write_bytes(buf.getvalue())
    result = CliRunner().invoke(main, ["check", str(restricted), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "Scrum" in result.stdout


# --------------------------------------------------------------------------------------------- DOCX


def _rezip(package: bytes, change: object = None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            body = source.read(info)
            if change is not None:
                body = change(info.filename, body)  # type: ignore[operator]
            out.writestr(info.filename, body)
    return buf.getvalue()


def _patch_headers(
    package: bytes, name: bytes, *, flags: int | None = None, method: int | None = None, size: int | None = None
) -> bytes:
    """Rewrite the local and central zip headers of member ``name``: flag bits, compression method, declared size."""
    out = bytearray(package)
    for signature, flag_at, method_at, size_at, name_len_at, name_at in (
        (b"PK\x03\x04", 6, 8, 22, 26, 30),
        (b"PK\x01\x02", 8, 10, 24, 28, 46),
    ):
        for m in re.finditer(re.escape(signature), package):
            base = m.start()
            length = int.from_bytes(package[base + name_len_at : base + name_len_at + 2], "little")
            if package[base + name_at : base + name_at + length] != name:
                continue
            if flags is not None:
                out[base + flag_at : base + flag_at + 2] = flags.to_bytes(2, "little")
            if method is not None:
                out[base + method_at : base + method_at + 2] = method.to_bytes(2, "little")
            if size is not None:
                out[base + size_at : base + size_at + 4] = size.to_bytes(4, "little")
    return bytes(out)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"flags": 1}, "encrypted"), ({"method": 99}, "compression method 99"), ({"method": 12}, "method 12")],
)
def test_zip_entries_flagged_encrypted_or_aes_are_exit_3(tmp_path: Path, kwargs: dict[str, int], message: str) -> None:
    package = _patch_headers(twin_docx(), b"word/document.xml", **kwargs)
    with pytest.raises(InputError, match=message):
        extract_bytes(package, "cv.docx")
    path = tmp_path / "cv.docx"
    path.write_bytes(package)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 3 and result.stderr.count("\n") == 1


def test_a_docx_whose_headers_lie_about_sizes_is_refused_without_inflating_it() -> None:
    padding = b" " * (MAX_TOTAL_UNCOMPRESSED + 20 * 1024 * 1024)

    def pad(name: str, body: bytes) -> bytes:
        if name != "word/document.xml":
            return body
        return body.replace(b"</w:body>", b"<!--" + padding + b"--></w:body>")

    bomb = _rezip(twin_docx(), pad)
    assert len(bomb) < 1_000_000
    for declared in (1000, 500_000):  # under the ratio check's floor: only the real inflation can tell
        lying = _patch_headers(bomb, b"word/document.xml", size=declared)
        with pytest.raises(InputError, match=r"damaged|zip bomb"):
            extract_bytes(lying, "bomb.docx")
        assert peak_mb(lambda lying=lying: extract_bytes(lying, "bomb.docx")) < 40


def test_a_docx_relationship_without_a_target_is_exit_3(tmp_path: Path) -> None:
    def drop_targets(name: str, body: bytes) -> bytes:
        return re.sub(rb'\sTarget="[^"]*"', b"", body) if name.endswith(".rels") else body

    package = _rezip(twin_docx(), drop_targets)
    with pytest.raises(InputError, match="damaged"):
        extract_bytes(package, "cv.docx")
    path = tmp_path / "cv.docx"
    path.write_bytes(package)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 3 and "Traceback" not in result.output


def test_a_docx_asking_for_an_unknown_zip_version_is_exit_3(tmp_path: Path) -> None:
    """A central header whose "version needed to extract" is 8.4 made zipfile raise NotImplementedError when the
    package was opened (exit 4; found by tools/fuzz.py, seed 20261210)."""
    package = bytearray(twin_docx())
    central = package.index(b"PK\x01\x02")
    package[central + 6 : central + 8] = (84).to_bytes(2, "little")
    with pytest.raises(InputError, match="damaged"):
        extract_bytes(bytes(package), "cv.docx")
    path = tmp_path / "cv.docx"
    path.write_bytes(bytes(package))
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 3 and result.stderr.count("\n") == 1


def test_pdfminer_stays_silent_while_the_budget_reads_a_damaged_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A file naming /Encrypt is handed to pdfminer by the decompression budget, to see whether it is encrypted.
    That ran before pdfminer's log was quietened, so a damaged cross-reference entry printed "Not adding object 1
    to xref because position b'000000((((…' …" on the terminal, with the damaged bytes (a fuzz round, seed
    20261220)."""
    stream = zlib.compress(RESUME_TEXT)
    data = pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Note /Encrypt >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )
    entry = re.search(rb"\n(\d{10}) 00000 n", data)
    assert entry is not None
    data = data[: entry.start(1)] + b"0000000(((" + data[entry.end(1) :]
    path = tmp_path / "damaged.pdf"
    path.write_bytes(data)
    with caplog.at_level("WARNING"):  # the level Python's last-resort handler prints on the terminal
        result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    assert result.exit_code in (0, 3), result.output
    assert [r.getMessage()[:60] for r in caplog.records if r.name.startswith("pdfminer")] == []
    assert "Not adding object" not in result.output and "Not adding object" not in (result.stderr or "")
