"""The decompression budgets after the speed work: a PDF's streams are inflated once by the budget (with ISA-L's
inflater where installed, zlib otherwise), only until the deflate bound of the streams left cannot pass the
budget; a DOCX's parts are inflated once, by the bounded reader, and python-docx is given those bytes. Bombs are
still refused with exit 3 and bounded memory, with either inflater, and the budget stays exact."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx_fixtures import twin_docx
from pdf_fixtures import pdf_from_objects
from test_hardening_extract import RESUME_TEXT, _patch_headers, _rezip, peak_mb

from resume_check.cli import main
from resume_check.errors import InputError
from resume_check.extract import extract_bytes, pdf_budget
from resume_check.extract.docx import MAX_TOTAL_UNCOMPRESSED
from resume_check.extract.pdf_budget import MAX_CONTENT_INFLATED, MAX_DEFLATE_RATIO, check_inflated_size

INFLATERS = {"zlib": zlib}
try:
    from isal import isal_zlib

    INFLATERS["isal"] = isal_zlib
except ImportError:  # pragma: no cover - a platform without the isal wheel: zlib is what runs there
    pass


@pytest.fixture(params=sorted(INFLATERS))
def inflater(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(pdf_budget, "INFLATE", INFLATERS[request.param])
    return str(request.param)


def pdf_with_streams(contents: list[bytes], compress: Any = None) -> bytes:
    """A one-page PDF whose page content is the FlateDecode streams ``contents`` (drawn in order)."""
    count = len(contents)
    refs = b" ".join(b"%d 0 R" % (5 + k) for k in range(count))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [" + refs + b"] "
        b"/Resources << /Font << /F1 4 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for content in contents:
        stream = compress(content) if compress else zlib.compress(content, 9)
        objs.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return pdf_from_objects(objs)


def counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record the size each call of pdf_budget._inflated_size counts."""
    sizes: list[int] = []
    real = pdf_budget._inflated_size

    def spy(stream: memoryview, limit: int) -> int:
        sizes.append(real(stream, limit))
        return sizes[-1]

    monkeypatch.setattr(pdf_budget, "_inflated_size", spy)
    return sizes


# --------------------------------------------------------------------------------------------- PDF


def test_the_deflate_bound_holds_for_the_densest_stream_zlib_writes() -> None:
    for size in (1, 1_000, 1_000_000, 64 * 1024 * 1024):
        packed = zlib.compress(b"\0" * size, 9)
        assert size <= MAX_DEFLATE_RATIO * len(packed)
    assert 64 * 1024 * 1024 / len(packed) > 1000  # zlib comes within 3% of the bound: it is not loose


def test_a_stream_bomb_is_refused_with_exit_3_and_bounded_memory(inflater: str, tmp_path: Path) -> None:
    bomb = pdf_with_streams([RESUME_TEXT, b"%" + b" " * (100 * 1024 * 1024)])
    assert len(bomb) < 200_000
    with pytest.raises(InputError, match="decompression bomb"):
        extract_bytes(bomb, "bomb.pdf")
    assert peak_mb(lambda: extract_bytes(bomb, "bomb.pdf")) < 10  # counted a chunk at a time, never held
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bomb)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 3 and result.stderr.count("\n") == 1 and "decompression bomb" in result.stderr


def test_many_small_streams_adding_up_past_the_budget_are_refused(inflater: str) -> None:
    """No single stream could pass the budget, but together they do: the bound is of all the streams left."""
    piece = b"%" + b" " * (MAX_CONTENT_INFLATED // 40)
    assert MAX_DEFLATE_RATIO * len(zlib.compress(piece, 9)) < MAX_CONTENT_INFLATED
    with pytest.raises(InputError, match="decompression bomb"):
        check_inflated_size(pdf_with_streams([RESUME_TEXT] + [piece] * 41), "many.pdf")
    check_inflated_size(pdf_with_streams([RESUME_TEXT] + [piece] * 38), "fewer.pdf")  # within it: no error


def test_the_budget_is_exact_at_its_limit(inflater: str) -> None:
    half = MAX_CONTENT_INFLATED // 2
    check_inflated_size(pdf_with_streams([b" " * half, b" " * (MAX_CONTENT_INFLATED - half)]), "at.pdf")
    with pytest.raises(InputError, match="decompression bomb"):
        check_inflated_size(pdf_with_streams([b" " * half, b" " * (MAX_CONTENT_INFLATED - half + 1)]), "over.pdf")


def test_streams_that_cannot_reach_the_budget_are_not_inflated(monkeypatch: pytest.MonkeyPatch) -> None:
    sizes = counting(monkeypatch)
    small = pdf_with_streams([RESUME_TEXT, b"0 0 m 10 10 l S\n" * 20])
    check_inflated_size(small, "small.pdf")
    assert sizes == []  # 1032 times their compressed bytes is far under 4 MiB: nothing to count
    big = b"%" + bytes(range(256)) * (3 * 4096)  # 3 MiB that pack into some 12 KB: 1032 times that is over 4 MiB
    assert MAX_DEFLATE_RATIO * len(zlib.compress(big, 9)) > MAX_CONTENT_INFLATED
    check_inflated_size(pdf_with_streams([RESUME_TEXT, big, RESUME_TEXT, RESUME_TEXT]), "big.pdf")
    assert sizes == [len(big)]  # the largest is counted; the rest cannot fill the 1 MiB left
    document = extract_bytes(small, "small.pdf")
    assert any("Scrum programme" in line.text for line in document.lines)


def test_both_inflaters_count_the_same_bytes_and_damaged_streams_count_what_they_give() -> None:
    text = b"BT (Managed a budget) Tj ET\n" * 5000
    good = zlib.compress(text, 9)
    half = len(good) // 2
    cases = {  # stream -> bytes counted
        "good": (good, len(text)),
        "bad checksum": (good[:-1] + bytes([good[-1] ^ 1]), len(text)),  # PDFium reads all of it
        "truncated": (good[:half], len(zlib.decompressobj().decompress(good[:half]))),
        "damaged mid-way": (good[:half] + b"\xff" * 20 + good[half + 20 :], None),
        "garbage": (b"\x78\x9c" + b"\xff" * 50, 0),
        "trailing bytes": (good + b"\nendobj", len(text)),
    }
    for name, (stream, expected) in cases.items():
        counts = set()
        for module in INFLATERS.values():
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(pdf_budget, "INFLATE", module)
                counts.add(pdf_budget._inflated_size(memoryview(stream), MAX_CONTENT_INFLATED))
        assert len(counts) == 1, name
        if expected is not None:
            assert counts == {expected}, name
        else:  # what comes before the damage, less at most the last small call that met it
            prefix = len(zlib.decompressobj().decompress(good[:half]))
            assert prefix - pdf_budget._DAMAGED_CHUNK <= counts.pop() <= len(text), name


def test_streams_with_broken_checksums_still_count(inflater: str, tmp_path: Path) -> None:
    """zlib raises on a wrong Adler-32 only after the last byte, and the count was thrown away: two hundred 3.9 MB
    streams with broken checksums (an 800 KB file) passed the budget while PDFium inflated them (1.6 GB)."""

    def broken(content: bytes) -> bytes:
        packed = zlib.compress(content, 9)
        return packed[:-1] + bytes([packed[-1] ^ 1])

    piece = b"%" + b" " * (3900 * 1024)
    pdf = pdf_with_streams([RESUME_TEXT] + [piece] * 3, compress=broken)
    with pytest.raises(InputError, match="decompression bomb"):
        check_inflated_size(pdf, "checksums.pdf")
    path = tmp_path / "checksums.pdf"
    path.write_bytes(pdf)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 3 and "decompression bomb" in result.stderr
    check_inflated_size(pdf_with_streams([RESUME_TEXT, piece], compress=broken), "one.pdf")  # within: no error


# --------------------------------------------------------------------------------------------- DOCX


def test_docx_parts_are_inflated_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bounded reader inflates each deflated part; python-docx is given those bytes, stored, and inflates
    nothing again (it inflated the whole package a second time before)."""
    package = twin_docx()
    deflated = sum(1 for info in zipfile.ZipFile(io.BytesIO(package)).infolist() if info.compress_type == 8)
    calls: list[int] = []
    real = zipfile._get_decompressor  # type: ignore[attr-defined]

    def spy(compress_type: int) -> Any:
        if compress_type == zipfile.ZIP_DEFLATED:
            calls.append(compress_type)
        return real(compress_type)

    monkeypatch.setattr(zipfile, "_get_decompressor", spy)
    document = extract_bytes(package, "cv.docx")
    assert deflated > 5 and len(calls) == deflated
    assert any("Scrum" in line.text for line in document.lines)


def test_a_lying_header_zip_bomb_is_still_exit_3_with_bounded_memory(tmp_path: Path) -> None:
    padding = b" " * (MAX_TOTAL_UNCOMPRESSED + 20 * 1024 * 1024)

    def pad(name: str, body: bytes) -> bytes:
        return body.replace(b"</w:body>", b"<!--" + padding + b"--></w:body>") if name == "word/document.xml" else body

    bomb = _rezip(twin_docx(), pad)
    for declared in (1000, 500_000, 50 * 1024 * 1024):
        lying = _patch_headers(bomb, b"word/document.xml", size=declared)
        with pytest.raises(InputError, match=r"damaged|zip bomb"):
            extract_bytes(lying, "bomb.docx")
        # what the reader keeps is bounded by the sizes the headers declare, which are themselves bounded
        assert peak_mb(lambda lying=lying: extract_bytes(lying, "bomb.docx")) < 40 + declared / 1024 / 1024
        path = tmp_path / "bomb.docx"
        path.write_bytes(lying)
        result = CliRunner().invoke(main, ["check", str(path)])
        assert result.exit_code == 3 and result.stderr.count("\n") == 1, result.output
