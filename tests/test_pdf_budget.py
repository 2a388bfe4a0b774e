"""The decompression budgets after the speed work: a PDF's streams are inflated once by the budget (with ISA-L's
inflater where installed, zlib otherwise), only until the deflate bound of the streams left cannot pass the
budget; a DOCX's parts are inflated once, by the bounded reader, and python-docx is given those bytes. Bombs are
still refused with exit 3 and bounded memory, with either inflater, and the budget stays exact."""

from __future__ import annotations

import base64
import hashlib
import io
import random
import subprocess
import sys
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
    """Record the size each stream the budget decodes gives (pdf_budget._decode)."""
    sizes: list[int] = []
    real = pdf_budget._decode

    def spy(view: memoryview, stream: Any, limit: int, *, keep: bool = False) -> tuple[int, bytes]:
        result = real(view, stream, limit, keep=keep)
        sizes.append(result[0])
        return result

    monkeypatch.setattr(pdf_budget, "_decode", spy)
    return sizes


def lengths_read_by(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    """Record the length of the bytes each call of the budget's function ``name`` is given."""
    lengths: list[int] = []
    real = getattr(pdf_budget, name)

    def spy(region: bytes) -> Any:
        lengths.append(len(region))
        return real(region)

    monkeypatch.setattr(pdf_budget, name, spy)
    return lengths


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
                counts.add(pdf_budget._flate(memoryview(stream), MAX_CONTENT_INFLATED, keep=False)[0])
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


# ------------------------------------------------------------------- streams found the way PDFium reads them
#
# Each case below got a bomb past the budget before the streams were found by parsing their dictionaries: a
# 300 KB file of the same shape, with a 300 MB payload, passed the budget and took PDFium to over 900 MB. The
# payload here is smaller (over the 4 MiB budget, quick to build); each test also shows that PDFium really reads
# the stream as page content (its text comes out when the budget is switched off), so the count must include it.

PAYLOAD = RESUME_TEXT + b"%" + b" " * (MAX_CONTENT_INFLATED + 1024 * 1024)


def page_objects(contents: bytes = b"5 0 R") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " + contents + b" "
        b"/Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def stream_object(dictionary: bytes, data: bytes) -> bytes:
    return dictionary.replace(b"LENGTH", b"%d" % len(data)) + b"\nstream\n" + data + b"\nendstream"


def image_object(pixels: bytes = b"\xff" * 3000) -> bytes:
    return stream_object(
        b"<< /Type /XObject /Subtype /Image /Width 10 /Height 100 /ColorSpace /DeviceRGB /BitsPerComponent 8 "
        b"/Length LENGTH /Filter /FlateDecode >>",
        zlib.compress(pixels, 9),
    )


def decoy_stream(payload: bytes) -> bytes:
    """A zlib stream whose first deflate block is stored and holds the bytes "endstream"."""
    decoy = b"endstream"
    stored = b"\x00" + len(decoy).to_bytes(2, "little") + (0xFFFF ^ len(decoy)).to_bytes(2, "little") + decoy
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    rest = packer.compress(payload) + packer.flush()
    checksum = zlib.adler32(payload, zlib.adler32(decoy)).to_bytes(4, "big")
    return b"\x78\x9c" + stored + rest + checksum


def lzw_encode(data: bytes) -> bytes:
    """LZWDecode data as PDF writes it (9 to 12-bit codes, early change), for the tests."""
    table = {bytes([i]): i for i in range(256)}
    bits, width, size, code = 0, 9, 0, 258  # 256 and 257 are the clear and end codes
    out = bytearray()

    def put(value: int) -> None:
        nonlocal bits, size
        bits = (bits << width) | value
        size += width
        while size >= 8:
            size -= 8
            out.append((bits >> size) & 0xFF)
        bits &= (1 << size) - 1

    put(256)
    word = b""
    for byte in data:
        grown = word + bytes([byte])
        if grown in table:
            word = grown
            continue
        put(table[word])
        table[grown] = code
        code += 1
        if code in (512, 1024, 2048):
            width += 1
        if code >= 4000:
            put(256)
            table, width, code = {bytes([i]): i for i in range(256)}, 9, 258
        word = bytes([byte])
    put(table[word])
    put(257)
    if size:
        out.append((bits << (8 - size)) & 0xFF)
    return bytes(out)


def content(dictionary: bytes, data: bytes, *more: bytes) -> list[bytes]:
    """The objects of a one-page PDF whose page content is one stream (object 5), then ``more`` objects."""
    return [*page_objects(), stream_object(dictionary, data), *more]


BYPASSES = {
    # a decoy "endstream" inside the data: PDFium follows the checked /Length, the old scan stopped at the decoy
    "decoy endstream": [
        *page_objects(),
        stream_object(b"<< /Length LENGTH /Filter /FlateDecode >>", decoy_stream(PAYLOAD)),
    ],
    # a nested dictionary before /Length: the old scan read only from the last "<<"
    "nested dictionary": [
        *page_objects(),
        stream_object(
            b"<< /Filter /FlateDecode /DecodeParms << /Predictor 1 >> /Length LENGTH >>", zlib.compress(PAYLOAD)
        ),
    ],
    # a page's content that calls itself an image
    "image label on content": [
        *page_objects(),
        stream_object(
            b"<< /Subtype /Image /Width 1 /Height 1 /Length LENGTH /Filter /FlateDecode >>", zlib.compress(PAYLOAD)
        ),
    ],
    # hex text in front of deflate
    "filter chain": [
        *page_objects(),
        stream_object(b"<< /Length LENGTH /Filter [/AHx /Fl] >>", zlib.compress(PAYLOAD).hex().encode() + b">"),
    ],
    # the filter named through an indirect object
    "indirect filter": [
        *page_objects(),
        stream_object(b"<< /Length LENGTH /Filter 6 0 R >>", zlib.compress(PAYLOAD)),
        b"/FlateDecode",
    ],
    # the filter's name spelt with a # escape
    "escaped name": [
        *page_objects(),
        stream_object(b"<< /Length LENGTH /Filter /F#6CateDecode >>", zlib.compress(PAYLOAD)),
    ],
    # a string pads the dictionary past the old 512-byte reach, and holds a fake object header
    "padded dictionary": [
        *page_objects(),
        stream_object(
            b"<< /Filter /FlateDecode /Pad (9 0 obj " + b"x" * 2000 + b") /Length LENGTH >>", zlib.compress(PAYLOAD)
        ),
    ],
    # junk between the keyword and its line break, which PDFium skips
    "junk after the keyword": [
        *page_objects(),
        b"<< /Length %d /Filter /FlateDecode >>\nstream   \n" % len(zlib.compress(PAYLOAD))
        + zlib.compress(PAYLOAD)
        + b"\nendstream",
    ],
    # LZW and RunLength, which PDFium decodes too
    "LZW": content(b"<< /Length LENGTH /Filter /LZWDecode >>", lzw_encode(PAYLOAD)),
    "RunLength": [
        *page_objects(),
        stream_object(
            b"<< /Length LENGTH /Filter /RunLengthDecode >>",
            bytes([126]) + PAYLOAD[:127] + bytes([129, 32]) * (len(PAYLOAD) // 128) + bytes([128]),
        ),
    ],
    "ASCII85": [
        *page_objects(),
        stream_object(b"<< /Length LENGTH /Filter [/A85 /Fl] >>", base64.a85encode(zlib.compress(PAYLOAD)) + b"~>"),
    ],
}


@pytest.mark.parametrize("case", sorted(BYPASSES))
def test_a_bomb_is_refused_however_its_stream_is_written(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = pdf_from_objects(BYPASSES[case])
    assert len(pdf) < 1_000_000  # a small file; what it inflates to is over the budget
    with pytest.raises(InputError, match="decompression bomb"):
        check_inflated_size(pdf, "bomb.pdf")
    # PDFium reads that stream as the page's content: with the budget off, its text comes out
    monkeypatch.setattr("resume_check.extract.pdf.check_inflated_size", lambda data, path: None)
    document = extract_bytes(pdf, "bomb.pdf")
    assert any("Scrum programme" in line.text for line in document.lines), case


@pytest.mark.parametrize("case", ["decoy endstream", "LZW", "ASCII85", "padded dictionary"])
def test_the_same_streams_within_the_budget_are_read(case: str) -> None:
    """The decoders count what PDFium gets, not more: a stream of the same shape with a small payload passes."""
    small = {
        "decoy endstream": [
            *page_objects(),
            stream_object(b"<< /Length LENGTH /Filter /FlateDecode >>", decoy_stream(RESUME_TEXT)),
        ],
        "LZW": [
            *page_objects(),
            stream_object(b"<< /Length LENGTH /Filter /LZWDecode >>", lzw_encode(RESUME_TEXT * 50)),
        ],
        "ASCII85": [
            *page_objects(),
            stream_object(
                b"<< /Length LENGTH /Filter [/A85 /Fl] >>", base64.a85encode(zlib.compress(RESUME_TEXT)) + b"~>"
            ),
        ],
        "padded dictionary": [
            *page_objects(),
            stream_object(
                b"<< /Filter /FlateDecode /Pad (" + b"x" * 2000 + b") /Length LENGTH >>", zlib.compress(RESUME_TEXT)
            ),
        ],
    }[case]
    pdf = pdf_from_objects(small)
    check_inflated_size(pdf, "small.pdf")
    assert any("Scrum programme" in line.text for line in extract_bytes(pdf, "small.pdf").lines)


def test_the_decoders_count_exactly_what_the_data_holds() -> None:
    text = RESUME_TEXT * 300
    assert pdf_budget._run(memoryview(lzw_encode(text)), ("lzw",), 10**9, keep=True)[1] == text
    assert pdf_budget._run(memoryview(base64.a85encode(text) + b"~>"), ("a85",), 10**9, keep=True)[1] == text
    assert pdf_budget._run(memoryview(text.hex().encode() + b">"), ("ahx",), 10**9, keep=True)[1] == text
    runs = bytes([127]) + text[:128] + bytes([129]) + b"x" + bytes([128])
    assert pdf_budget._run(memoryview(runs), ("rl",), 10**9, keep=True)[1] == text[:128] + b"x" * 128
    # counting stops just past the limit, and never holds more than that
    size, held = pdf_budget._run(memoryview(lzw_encode(text)), ("lzw",), 1000, keep=True)
    assert 1000 < size < 1000 + 4100 and len(held) == size
    assert pdf_budget._run(memoryview(b"z" * 10_000 + b"~>"), ("a85",), 1000, keep=False)[0] <= 1000 + 4 * 4096


def test_an_image_is_left_out_only_when_nothing_but_an_xobject_uses_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Image data is not decoded (text extraction never does), unless the image is also named as content."""
    sizes = counting(monkeypatch)
    big_image = image_object(bytes(range(256)) * 4096)  # 1 MiB packing to 4 KB: its bound is over the budget
    pdf = pdf_from_objects(
        [
            *page_objects(),
            stream_object(b"<< /Length LENGTH /Filter /FlateDecode >>", zlib.compress(RESUME_TEXT)),
            big_image,
        ]
    )
    check_inflated_size(pdf, "photo.pdf")
    assert sizes == []  # the page content is small, and the image is only an image
    as_content = pdf_from_objects(
        [
            *page_objects(b"[5 0 R 6 0 R]"),
            stream_object(b"<< /Length LENGTH /Filter /FlateDecode >>", zlib.compress(RESUME_TEXT)),
            big_image,
        ]
    )
    check_inflated_size(as_content, "misused.pdf")
    assert 256 * 4096 in sizes  # named as content too: counted


def test_a_stream_hidden_inside_another_streams_data_is_counted() -> None:
    hidden = (
        stream_object(b"7 0 obj\n<< /Length LENGTH /Filter /FlateDecode >>", zlib.compress(PAYLOAD)) + b"\nendobj\n"
    )
    # the old scan jumped over a deflate stream's data to its "endstream", and missed what stands inside
    pdf = pdf_from_objects(content(b"<< /Length LENGTH /Filter /FlateDecode >>", b"x\x9c" + hidden))
    # PDFium reaches such an object through the xref whatever stands before it; the budget cannot tell it from
    # bytes that merely look like one, so it refuses the file either way
    with pytest.raises(InputError, match=r"decompression bomb|cannot be read"):
        check_inflated_size(pdf, "hidden.pdf")


def test_a_dictionary_too_long_to_parse_is_refused() -> None:
    """Past the 64 KiB reach its object header is not found: what the stream inflates to cannot be bounded."""
    pad = b"/Pad [" + b"1 " * 40_000 + b"]"
    pdf = pdf_from_objects(content(b"<< /Filter /FlateDecode " + pad + b" /Length LENGTH >>", zlib.compress(PAYLOAD)))
    with pytest.raises(InputError, match="cannot be read"):
        check_inflated_size(pdf, "long.pdf")


def test_indirect_lengths_are_looked_up_in_one_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each stream's /Length names an object: the objects are indexed once, not searched for per stream (a file of
    many such streams would cost the square of its size)."""
    builds = []
    real = pdf_budget._Objects._index

    def spy(self: Any) -> Any:
        builds.append(1)
        return real(self)

    monkeypatch.setattr(pdf_budget._Objects, "_index", spy)
    objects = page_objects(b"[" + b" ".join(b"%d 0 R" % (5 + 2 * k) for k in range(50)) + b"]")
    for k in range(50):
        data = zlib.compress(RESUME_TEXT + b"%" + b" " * 100_000)
        objects += [b"<< /Length %d 0 R /Filter /FlateDecode >>\nstream\n" % (6 + 2 * k) + data + b"\nendstream"]
        objects += [b"%d" % len(data)]
    pdf = pdf_from_objects(objects)
    with pytest.raises(InputError, match="decompression bomb"):  # 50 x 100 KB: over 4 MiB
        check_inflated_size(pdf, "many.pdf")
    assert builds == [1]


# ------------------------------------------------------------------------------------------- encrypted PDFs


def encrypted_with_empty_password(filler: bytes, strength: int = 40) -> bytes:
    """A résumé page encrypted with an empty user password (it opens without asking), whose content ends with
    ``filler`` as a comment."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, encrypt=StandardEncryption("", ownerPassword="owner", strength=strength), invariant=1)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 720, "Managed a budget of 2m for the Scrum programme")
    canvas._code.append("%" + filler.decode("latin-1"))  # raw content: reportlab has no public call for it
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


@pytest.mark.parametrize("strength", [40, 128])
def test_an_encrypted_bomb_is_refused(strength: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ciphertext inflates to nothing, so the budget passed a 380 KB file whose content PDFium decrypted and
    inflated to 300 MB (925 MB peak). Streams are decrypted before they are counted."""
    pdf = encrypted_with_empty_password(b" " * (MAX_CONTENT_INFLATED + 1024 * 1024), strength)
    assert b"/Encrypt" in pdf and len(pdf) < 200_000
    with pytest.raises(InputError, match="decompression bomb"):
        check_inflated_size(pdf, "locked.pdf")
    monkeypatch.setattr("resume_check.extract.pdf.check_inflated_size", lambda data, path: None)
    assert any("Scrum programme" in line.text for line in extract_bytes(pdf, "locked.pdf").lines)


def test_an_encrypted_resume_is_counted_by_what_it_decrypts_to() -> None:
    """Content that packs badly (over 1 MB of ciphertext) could inflate to a gigabyte by its size alone: only
    decrypting and inflating it shows it is 2 MB, within the budget."""
    noise = base64.b85encode(random.Random(7).randbytes(1600 * 1024))  # printable, no line breaks, packs badly
    pdf = encrypted_with_empty_password(noise)
    assert len(pdf) > 1_000_000
    check_inflated_size(pdf, "locked.pdf")
    assert any("Scrum programme" in line.text for line in extract_bytes(pdf, "locked.pdf").lines)


def test_a_pdf_that_asks_for_a_password_still_says_so() -> None:
    from pdf_fixtures import encrypted_pdf

    with pytest.raises(InputError, match="password-protected"):
        extract_bytes(encrypted_pdf(), "secret.pdf")


@pytest.mark.parametrize("strength", [40, 128])
def test_rc4_in_c_decrypts_exactly_as_pdfminer_does(strength: int) -> None:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    pdf = encrypted_with_empty_password(b"Led the PMO", strength)
    slow = PDFDocument(PDFParser(io.BytesIO(pdf)), password="").decipher
    fast = pdf_budget._fast_rc4(slow)
    assert fast is not slow
    ciphertext = bytes(range(256)) * 40
    for objid, genno in ((1, 0), (7, 0), (70_000, 3)):
        assert fast(objid, genno, ciphertext) == slow(objid, genno, ciphertext)


def test_lzw_is_decoded_as_pdfminer_decodes_it_and_damage_stops_it() -> None:
    """The budget's LZW decoder: the same bytes as pdfminer's on good data (both code-width rules are tried and the
    larger kept), and no exception on damaged data (pdfminer's raised IndexError, found by tools/fuzz.py)."""
    from pdfminer.lzw import lzwdecode

    rng = random.Random(11)
    for text in (RESUME_TEXT * 200, bytes(rng.getrandbits(8) for _ in range(30_000)), b" " * 100_000):
        packed = lzw_encode(text)
        assert pdf_budget._lzw(packed, 10**9) == lzwdecode(packed) == text
    for seed in range(200):
        noise = random.Random(seed).randbytes(2000)
        assert len(pdf_budget._lzw(noise, 50_000)) <= 50_000 + 4096  # damaged data: what comes before it, no error
    assert pdf_budget._lzw(b"\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01", 100) == lzwdecode(
        b"\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01"
    )


def test_stream_keywords_in_text_cost_little_and_fake_dictionary_ends_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A "stream" keyword with no ">>" before it cannot start a stream and is passed over at once; one after a
    ">>" inside a string sends the parser back over the objects before it, within a bounded number of bytes, and
    the file is refused when no dictionary can be read there."""
    parsed = lengths_read_by(monkeypatch, "_parsed_entries")
    words = pdf_from_objects([*page_objects(), b"<< /Title (" + b"upstream\n" * 2000 + b") >>"])
    check_inflated_size(words, "words.pdf")
    assert parsed == []
    fakes = pdf_from_objects([*page_objects(), b"<< /Title (" + b">> stream\n" * 2000 + b") >>"])
    with pytest.raises(InputError, match="cannot be read"):
        check_inflated_size(fakes, "fakes.pdf")
    assert sum(parsed) <= pdf_budget._PARSE_BUDGET + len(fakes)


def test_encryption_named_with_escapes_is_still_decrypted_and_the_word_alone_is_not_encryption() -> None:
    bomb = encrypted_with_empty_password(b" " * (MAX_CONTENT_INFLATED + 1024 * 1024))
    escaped = bomb.replace(b"/Encrypt", b"/Encr#79pt")  # the trailer follows the xref: no offset moves
    assert escaped != bomb and b"Encrypt" not in escaped
    with pytest.raises(InputError, match="decompression bomb"):
        check_inflated_size(escaped, "escaped.pdf")
    plain = pdf_from_objects(content(b"<< /Length LENGTH /Filter /FlateDecode >>", zlib.compress(RESUME_TEXT)))
    worded = plain.replace(b"%PDF-1.4\n", b"%PDF-1.4\n% Encrypt\n", 1)
    assert pdf_budget._decoder(worded, pdf_budget._streams(worded, "w.pdf")) is pdf_budget._decode


@pytest.mark.parametrize(
    ("text", "names_it"),
    [
        (b"/Encrypt 6 0 R", True),
        (b"<</Root 1 0 R/Encrypt<<>>>>", True),
        (b"/Encrypt\x00", True),  # NUL is white space to PDFium
        (b"/E#6ecr#79pt 6 0 R", True),
        (b"/#45ncrypt[", True),
        (b"(Encrypt) Tj", False),  # the word in a string
        (b"/EncryptMetadata false", False),  # a longer name
        (b"/Encrypt\x0b6 0 R", False),  # a vertical tab is part of a name to PDFium
        (b"Encrypt 6 0 R", False),  # no name
    ],
)
def test_only_the_name_encrypt_sends_a_file_to_the_decrypting_reader(text: bytes, names_it: bool) -> None:
    """The file is scanned once, for the name as PDFium reads it; the word "Encrypt" alone used to cost a second
    pass over the whole file (0.3 ms on a 570 KB résumé) and only sent the file to pdfminer to be told no."""
    assert pdf_budget._may_be_encrypted(b"%PDF-1.4\n" + text + b"\n%%EOF") is names_it


def test_thousands_of_trailer_keywords_cost_one_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading every "trailer" dictionary to look for /Encrypt let a file of thousands of them make the check slow
    (found in review); the file is now searched once for the name."""
    parsed = lengths_read_by(monkeypatch, "_tokens")
    plain = pdf_from_objects(content(b"<< /Length LENGTH /Filter /FlateDecode >>", zlib.compress(RESUME_TEXT)))
    noisy = plain.replace(b"%PDF-1.4\n", b"%PDF-1.4\n" + b"% trailer << /Size 1 >>\n" * 8000, 1)
    check_inflated_size(noisy, "trailers.pdf")
    assert sum(parsed) < 10_000


# ------------------------------------------------------------- shapes found in an adversarial review (PDFium
# decoded each one's 50 MB payload in full when the budget passed it: peak RSS about 120 MB against 19 MB for the
# same file with a small payload). The budget now counts them, or refuses what it cannot read with certainty.

HEADERS_AS_NAMES = b" ".join(b"/P%d /obj" % i for i in range(9))  # nine "obj" words before the real header


def _stray(*bodies: bytes) -> bytes:
    """An object body that ends its object early and adds definitions written raw (numbers chosen by the caller)."""
    return b"null\nendobj\n" + b"\nendobj\n".join(bodies)


REVIEW_SHAPES: dict[str, Any] = {
    "nested dictionary before /Filter": content(
        b"<< /DecodeParms << /Predictor 1 >> /Filter /FlateDecode /Length LENGTH >>", zlib.compress(PAYLOAD)
    ),
    "a byte that is not hex in ASCIIHex": content(
        b"<< /Length LENGTH /Filter [/AHx /Fl] >>", b"x" + zlib.compress(PAYLOAD).hex().encode() + b">"
    ),
    "names spelt like object headers, LZW": content(
        b"<< /Length LENGTH /Filter /LZWDecode " + HEADERS_AS_NAMES + b" >>", lzw_encode(PAYLOAD)
    ),
    "names spelt like object headers, deflate three times": content(
        b"<< /Length LENGTH /Filter [/Fl /Fl /Fl] " + HEADERS_AS_NAMES + b" >>",
        zlib.compress(zlib.compress(zlib.compress(PAYLOAD, 9), 9), 9),
    ),
    "filter object defined nine times": [
        *page_objects(),
        # nine stray definitions of object 6 stand before the one the xref table names
        stream_object(b"<< /Length LENGTH /Filter 6 0 R >>", zlib.compress(PAYLOAD))
        + b"\nendobj\n"
        + b"\nendobj\n".join([b"6 0 obj\nnull"] * 9),
        b"/FlateDecode",
    ],
    "comment inside a filter object's header": lambda: pdf_from_objects(
        [
            *page_objects(),
            stream_object(b"<< /Length LENGTH /Filter 6 0 R >>", zlib.compress(PAYLOAD)) + b"\nendobj\n6 0 obj\nnull",
            b"/FlateDecode",
        ]
    ).replace(b"6 0 obj\n/FlateDecode", b"6 0 %c\nobj\n/FlateDecode"),  # the budget does not read the xref table
    "filter object missing": content(b"<< /Length LENGTH /Filter 9 0 R >>", zlib.compress(PAYLOAD)),
    "comment inside a reference to image-labelled content": [
        *page_objects(b"5 0 %c\nR"),
        stream_object(b"<< /Subtype /Image /Length LENGTH /Filter /FlateDecode >>", zlib.compress(PAYLOAD)),
    ],
    "a comment that fakes an XObject entry": [
        *page_objects(b"%/XObject << /Im1\n5 0 R"),
        stream_object(b"<< /Subtype /Image /Length LENGTH /Filter /FlateDecode >>", zlib.compress(PAYLOAD)),
    ],
    "a comment that fakes a soft mask": [
        *page_objects(b"%/SMask\n5 0 R"),
        stream_object(b"<< /Subtype /Image /Length LENGTH /Filter /FlateDecode >>", zlib.compress(PAYLOAD)),
    ],
    "a fake object header in a comment": content(
        b"<< /Filter /FlateDecode /Length LENGTH %7 0 obj <<\n>>", zlib.compress(PAYLOAD)
    ),
}


@pytest.mark.parametrize("case", sorted(REVIEW_SHAPES))
def test_shapes_found_in_review_are_counted_or_refused(case: str) -> None:
    shape = REVIEW_SHAPES[case]
    pdf = shape() if callable(shape) else pdf_from_objects(shape)
    with pytest.raises(InputError, match=r"decompression bomb|cannot be read|cannot read"):
        check_inflated_size(pdf, "review.pdf")


def test_an_encrypted_file_whose_content_says_it_is_a_cross_reference_stream_is_decrypted_too() -> None:
    """A file's cross-reference stream is never encrypted, so it is counted as written; content that only calls
    itself one is decrypted by PDFium, so it is counted both ways and the larger kept."""
    bomb = encrypted_with_empty_password(b" " * (MAX_CONTENT_INFLATED + 1024 * 1024))
    at = bomb.index(b"/Filter", bomb.index(b"stream") - 200)
    labelled = bomb[:at] + b"/Type /XRef " + bomb[at:]  # offsets move: the budget does not read the xref table
    with pytest.raises(InputError, match="decompression bomb"):
        check_inflated_size(labelled, "labelled.pdf")


def test_a_reference_separated_by_nul_bytes_is_read_not_a_crash() -> None:
    """/Length 6\\x000\\x00R made the regex reader's split() fail (ValueError, exit 4): NUL is white space in PDF."""
    data = zlib.compress(RESUME_TEXT)
    pdf = pdf_from_objects(
        [*page_objects(), stream_object(b"<< /Length 6\x000\x00R /Filter /FlateDecode >>", data), b"%d" % len(data)]
    )
    check_inflated_size(pdf, "nul.pdf")


def test_the_dictionary_reader_runs_in_linear_time_on_hostile_dictionaries() -> None:
    """A stray "]" after a run of names made the pair reader try every way of splitting them (a 1.2 KB fuzzed file
    ran past the 10 s time limit, which cannot interrupt the regex engine). Each regex reads its tokens
    possessively now. Run in a child process so a regression fails here instead of hanging the suite."""
    code = (
        "from resume_check.extract import pdf_budget as b\n"
        "names = b'/BaseFont /Helvetica /Encoding /WinAnsiEncoding /Name /F1 ' * 40\n"
        "for region in (b'<<\\n' + names + b'] /Length 246\\n>>', b'<< ' + names + b'/X 1 2 3 4 5 >>',\n"
        "               b'<< /A/B/C/D/E/F/G/H/I/J/K/L/M/N/O/P/Q/R/S/T/U/V/W/X/Y/Z ] >>' * 4):\n"
        "    b._simple_entries(region)\n"
        "    b._DICT_START.match(b' ' * 50000 + b'x')\n"
        "    b._references([b'/XObject << ' + b'/a1 1 1 R' * 20000 + b' /x'], {1}, [10**9])\n"
        "print('done')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "done", result.stderr


# ------------------------------------------------------------------------- a second adversarial review


def raw_stream(dictionary: bytes, data: bytes, between: bytes = b"\n") -> bytes:
    """A stream object body written by hand: ``between`` stands between the dictionary and the keyword."""
    return dictionary.replace(b"LENGTH", b"%d" % len(data)) + between + b"stream\n" + data + b"\nendstream"


def image_labelled_content(page: bytes) -> list[bytes]:
    """A page (object 3, given whole) whose content, object 5, says it is an image."""
    objects = page_objects()
    objects[2] = page
    return [*objects, raw_stream(b"<< /Subtype /Image /Length LENGTH /Filter /FlateDecode >>", zlib.compress(PAYLOAD))]


def encrypted_v4(crypt_filters: bytes, permissions: bytes = b"-4") -> bytes:
    """A PDF encrypted with RC4 through a V4 crypt filter and an empty user password, whose content is deflated
    twice ([/Fl /Fl]): pdfminer cannot set up this decryption (no /CFM, or /P written as a real)."""
    from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
    from cryptography.hazmat.primitives.ciphers import Cipher
    from reportlab.lib.pdfencrypt import computeO, computeU, encryptionkey

    ident = b"0123456789abcdef"
    owner = computeO("", "owner", 3)
    key = encryptionkey("", owner, -4, ident, revision=3)
    user = computeU(key, revision=3, documentId=ident)
    object_key = hashlib.md5(key + (5).to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()[:16]
    data = Cipher(ARC4(object_key), mode=None).encryptor().update(zlib.compress(zlib.compress(PAYLOAD, 9), 9))
    encrypt = (
        b"<< /Filter /Standard /V 4 /R 4 /Length 128 /CF "
        + crypt_filters
        + b" /StmF /StdCF /StrF /StdCF /O <"
        + owner.hex().encode()
        + b"> /U <"
        + user.hex().encode()
        + b"> /P "
        + permissions
        + b" >>"
    )
    pdf = pdf_from_objects(content(b"<< /Length LENGTH /Filter [/FlateDecode /FlateDecode] >>", data, encrypt))
    trailer = b"/Encrypt 6 0 R /ID [<" + ident.hex().encode() + b"> <" + ident.hex().encode() + b">] /Root 1 0 R"
    return pdf.replace(b"/Root 1 0 R >>\nstartxref", trailer + b" >>\nstartxref")


def ascii85_over_32_bits(payload: bytes) -> bytes:
    """ASCII85 with a group over 2**32 - 1 ("uuuuu"; PDFium wraps it, Python refuses it): the group's 4 bytes fall
    inside a stored deflate block of 5 bytes that comes first, so the data inflates to ``payload`` whatever they
    are."""
    packed = zlib.compress(payload, 9)
    body = packed[:2] + b"\x00\x05\x00\xfa\xff" + b"S" + b"\x00" * 4 + packed[2:]  # the stored bytes are 7..11
    return base64.a85encode(body[:8]) + b"uuuuu" + base64.a85encode(body[12:]) + b"~>"


REVIEW2_SHAPES: dict[str, Any] = {
    "white space longer than 4 KB before the keyword": lambda: pdf_from_objects(
        [*page_objects(), raw_stream(b"<< /Length LENGTH /Filter /FlateDecode >>", zlib.compress(PAYLOAD), b" " * 5000)]
    ),
    "a comment longer than 4 KB before the keyword": lambda: pdf_from_objects(
        [
            *page_objects(),
            raw_stream(
                b"<< /Length LENGTH /Filter /FlateDecode >>", zlib.compress(PAYLOAD), b"\n%" + b"x" * 5000 + b"\n"
            ),
        ]
    ),
    "a fake object header inside a string": lambda: pdf_from_objects(
        content(b"<< /Length LENGTH /Filter /FlateDecode /X (\n%\n7 0 obj\n<< /K /V %)\n>>", zlib.compress(PAYLOAD))
    ),
    "stray tokens that shift the pairs": lambda: pdf_from_objects(
        content(b"<< /Length LENGTH 7 /Filter /FlateDecode 8 >>", zlib.compress(PAYLOAD))
    ),
    "/XObject as a value, /Contents after it": lambda: pdf_from_objects(
        image_labelled_content(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Foo /XObject << /Contents 5 0 R >> "
            b"/Resources << /Font << /F1 4 0 R >> >> >>"
        )
    ),
    "content named in an array and labelled an image": lambda: pdf_from_objects(
        image_labelled_content(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [5 0 R] "
            b"/Resources << /Font << /F1 4 0 R >> >> >>"
        )
    ),
    "a reference with another generation": lambda: pdf_from_objects(
        image_labelled_content(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 7 R "
            b"/Resources << /Font << /F1 4 0 R >> >> >>"
        )
    ),
    "a filter object naming an image codec, over deflate data": lambda: pdf_from_objects(
        content(b"<< /Length LENGTH /Filter 6 0 R >>", zlib.compress(PAYLOAD), b"/DCTDecode")
    ),
    "an ASCII85 group over 32 bits": lambda: pdf_from_objects(
        content(b"<< /Length LENGTH /Filter [/A85 /Fl] >>", ascii85_over_32_bits(PAYLOAD))
    ),
    "encryption pdfminer cannot set up (no /CFM)": lambda: encrypted_v4(b"<< /StdCF << /Length 16 >> >>"),
    "encryption pdfminer cannot set up (/P as a real)": lambda: encrypted_v4(
        b"<< /StdCF << /CFM /V2 /Length 16 >> >>", b"-4.0"
    ),
}


@pytest.mark.parametrize("case", sorted(REVIEW2_SHAPES))
def test_shapes_found_in_the_second_review_are_counted_or_refused(case: str) -> None:
    with pytest.raises(InputError, match=r"decompression bomb|cannot be read|cannot read"):
        check_inflated_size(REVIEW2_SHAPES[case](), "review.pdf")


def test_the_ascii85_decoder_wraps_an_overflowing_group_as_pdfium_does() -> None:
    assert pdf_budget._a85(b's8W-"~>', 100) == b"\x00\x00\x00\x00"  # 2**32 wraps to 0
    assert pdf_budget._a85(b"uuuuu~>", 100) == ((85**5 - 1) & 0xFFFFFFFF).to_bytes(4, "big")
    text = RESUME_TEXT * 20
    assert pdf_budget._a85(base64.a85encode(text) + b"~>", 10**6) == text


def test_the_end_of_data_is_a_whole_endstream_word() -> None:
    data = b"<< >>\nstream\nabcXendstream def\nendstream\nendobj"
    assert pdf_budget._reach(data, 13) == data.index(b"\nendstream") + 1


@pytest.mark.parametrize(
    "objects",
    [
        # "endobj 5 0 obj" on one line, and "endobj % a comment" before a header
        pytest.param(
            lambda: pdf_from_objects(
                content(b"<< /Length LENGTH /Filter /FlateDecode >>", zlib.compress(RESUME_TEXT))
            ).replace(b"endobj\n5 0 obj", b"endobj 5 0 obj"),
            id="endobj and header on one line",
        ),
        pytest.param(
            lambda: pdf_from_objects(
                content(b"<< /Length LENGTH /Filter /FlateDecode >>", zlib.compress(RESUME_TEXT))
            ).replace(b"endobj\n5 0 obj", b"endobj % written by hand\n5 0 obj"),
            id="comment after endobj",
        ),
        # an XObject dictionary written as its own object, holding a photo that inflates past 4 MiB
        pytest.param(
            lambda: pdf_from_objects(
                [
                    b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
                    b"/Resources << /Font << /F1 4 0 R >> /XObject 6 0 R >> >>",
                    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                    raw_stream(b"<< /Length LENGTH /Filter /FlateDecode >>", zlib.compress(RESUME_TEXT)),
                    b"<< /Im1 7 0 R >>",
                    image_object(bytes(range(256)) * 24 * 1024),
                ]
            ),
            id="indirect XObject dictionary",
        ),
        # uncompressed page content showing ">> stream" in a string
        pytest.param(
            lambda: pdf_from_objects(
                content(b"<< /Length LENGTH >>", RESUME_TEXT + b"BT (Kafka >> streaming pipelines) Tj ET\n")
            ),
            id="keyword-like text in a string",
        ),
        # a value that is a bare word ending in R (the regex reader raised ValueError: exit 4)
        pytest.param(
            lambda: pdf_from_objects(
                content(b"<< /Length LENGTH /Filter /FlateDecode /X BAR >>", zlib.compress(RESUME_TEXT))
            ),
            id="bare word ending in R",
        ),
    ],
)
def test_valid_files_of_unusual_shape_are_not_refused(objects: Any) -> None:
    pdf = objects()
    check_inflated_size(pdf, "valid.pdf")
    assert any("Scrum programme" in line.text for line in extract_bytes(pdf, "valid.pdf").lines)


# --------------------------------------------------------------------------- a third adversarial review
# All in the image-reference logic: an image with no reference found, or credited to an object nothing refers
# to, counted as "only an image" (an empty all()). Now an image is left out only on positive proof.

PAGE_TAIL = b" /Resources << /Font << /F1 4 0 R >> >> >>"


def _page(contents: bytes) -> bytes:
    return b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " + contents + PAGE_TAIL


REVIEW3_SHAPES: dict[str, Any] = {
    **{
        f"reference written {spelling.decode()}": (
            lambda s=spelling: pdf_from_objects(image_labelled_content(_page(s)))
        )
        for spelling in (b"00000000005 0 R", b"5 00000000000 R", b"5 +0 R", b"5 0.0 R", b"5.0 0 R")
    },
    "page header after a junk line, an unreferenced object before it": lambda: pdf_from_objects(
        image_labelled_content(_page(b"5 0 R"))
    ).replace(b"endobj\n3 0 obj", b"endobj\n9 0 obj\n<< >>\nendobj\njunk\n3 0 obj"),
    "a Type3 glyph named SMask": lambda: pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(b"6 0 R"),
            b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [1 0 0 1 0 0] /FirstChar 65 /LastChar 65 "
            b"/Widths [0] /Encoding << /Differences [65 /SMask] >> /CharProcs << /SMask 5 0 R >> >>",
            raw_stream(b"<< /Subtype /Image /Length LENGTH /Filter /FlateDecode >>", zlib.compress(PAYLOAD)),
            raw_stream(b"<< /Length LENGTH >>", RESUME_TEXT + b"BT /F1 12 Tf 72 600 Td (A) Tj ET\n"),
        ]
    ),
    "an image nothing refers to": lambda: pdf_from_objects(
        [
            *page_objects(b"6 0 R"),
            raw_stream(b"<< /Subtype /Image /Length LENGTH /Filter /FlateDecode >>", zlib.compress(PAYLOAD)),
            raw_stream(b"<< /Length LENGTH >>", RESUME_TEXT),
        ]
    ),
}


@pytest.mark.parametrize("case", sorted(REVIEW3_SHAPES))
def test_shapes_found_in_the_third_review_are_counted(case: str) -> None:
    with pytest.raises(InputError, match=r"decompression bomb|cannot be read"):
        check_inflated_size(REVIEW3_SHAPES[case](), "review.pdf")


def test_an_object_streams_objects_are_found_from_its_own_table() -> None:
    text = b"3 0 7 11 << /A 1 >> << /Contents 5 0 R >>"
    assert pdf_budget._objstm_starts(text, 9) == [(9, 3), (20, 7)]
    assert pdf_budget._objstm_starts(text, 2) is None  # a table that does not pair up
    # the tokens of one object only: a region running past the end of an object is no reference context
    assert pdf_budget._key_path(pdf_budget._tokens(b"<< /XObject << /Im1 ")) == [b"XObject", b"Im1"]
    assert pdf_budget._key_path(pdf_budget._tokens(b"<< >> endobj junk << /Contents ")) is None


def test_xobject_dictionaries_written_as_their_own_objects_are_checked_in_one_more_scan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whether an object holding /XObject entries is named only as an /XObject value took a scan of the whole file
    per such object: a file of many of them cost that many scans. Their references are now found in one scan."""
    pages = 12
    first_page, first_holder, first_image = 4, 4 + pages, 4 + 2 * pages
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (first_page + k) for k in range(pages)), pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> /XObject %d 0 R >> >>" % (first_image + pages, first_holder + k)
            for k in range(pages)
        ),
        *(b"<< /Im1 %d 0 R >>" % (first_image + k) for k in range(pages)),
        *(image_object(bytes([k]) * 24 * 1024 + bytes(range(256)) * 2 * 1024) for k in range(pages)),
        raw_stream(b"<< /Length LENGTH /Filter /FlateDecode >>", zlib.compress(RESUME_TEXT)),
    ]
    scans: list[set[int]] = []
    real = pdf_budget._references

    def spy(texts: Any, wanted: set[int], budget: list[int]) -> Any:
        scans.append(set(wanted))
        return real(texts, wanted, budget)

    monkeypatch.setattr(pdf_budget, "_references", spy)
    pdf = pdf_from_objects(objects)
    check_inflated_size(pdf, "holders.pdf")  # passes only with the images left out: together they inflate past it
    holders = set(range(first_holder, first_holder + pages))
    assert scans == [set(range(first_image, first_image + pages)), holders]
