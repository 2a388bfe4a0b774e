"""The decompression budget of a PDF, checked before PDFium opens it: a small file must not inflate to gigabytes.

PDFium inflates a page's content streams and fonts when it loads the page, and holds several times their size while it
parses them (page objects for every character: a few times the inflated size). So the FlateDecode streams are inflated
here first, a chunk at a time and without keeping the output, and the file is refused (exit 3) as soon as the bytes
really produced pass the budget; the /Length and the sizes a file declares are not trusted. Images are left out: text
extraction never decodes them.
"""

from __future__ import annotations

import importlib
import zlib
from types import ModuleType

from ..errors import InputError

#: inflated bytes of the streams other than images and fonts (page content, object and xref streams, CMaps,
#: forms) in one PDF; résumés of the corpus need under 1 MB
MAX_CONTENT_INFLATED = 4 * 1024 * 1024
#: inflated bytes of embedded font programs in one PDF
MAX_FONT_INFLATED = 16 * 1024 * 1024
#: deflate's densest code gives 258 bytes (a match of the longest length) for 2 bits (one-bit length and distance
#: codes), so n bytes of a zlib stream inflate to at most 1032 * n bytes
MAX_DEFLATE_RATIO = 1032
#: bytes inflated per call, so no single call can allocate more than this
_CHUNK = 1 << 20
#: bytes inflated per call when a damaged stream is counted again up to its damage (the call that meets it is lost)
_DAMAGED_CHUNK = 4096
#: how far before the "stream" keyword its dictionary is looked for
_DICT_REACH = 512
_FONT_KEYS = (b"/Length1", b"/Length2", b"/Length3", b"/Type1C", b"/CIDFontType0C", b"/OpenType", b"/FontFile")


def check_inflated_size(data: bytes, path: str) -> None:
    """Raise InputError when the PDF's FlateDecode streams (images aside) inflate past their budgets.

    Exact, but cheap for a résumé: a zlib stream of n bytes inflates to at most MAX_DEFLATE_RATIO * n bytes, so
    the streams of each budget are inflated largest first only until the bytes counted so far plus that bound for
    all the streams left fit the budget; those left cannot pass it, whatever they hold, and are not inflated.
    """
    streams = _flate_streams(data)
    view = memoryview(data)
    for font, budget, what in (
        (False, MAX_CONTENT_INFLATED, "page content"),
        (True, MAX_FONT_INFLATED, "font programs"),
    ):
        spans = sorted(((start, end) for start, end, is_font in streams if is_font is font), key=_compressed_size)
        left = sum(end - start for start, end in spans)  # compressed bytes not inflated yet
        total = 0
        while spans and total + MAX_DEFLATE_RATIO * left > budget:
            start, end = spans.pop()  # the largest left
            left -= end - start
            total += _inflated_size(view[start:end], budget - total)
            if total > budget:
                raise InputError(
                    f"{path}: the PDF's compressed {what} inflate to over {budget:,} bytes, far more than a résumé "
                    "needs: refused as a possible decompression bomb; export the résumé again",
                    path=path,
                )


def _compressed_size(span: tuple[int, int]) -> int:
    return span[1] - span[0]


def _flate_streams(data: bytes) -> list[tuple[int, int, bool]]:
    """(start, end, is a font program) of each FlateDecode stream other than an image; ``end`` is where its
    ``endstream`` keyword starts (zlib copies what follows the stream's end: it is given only the stream), or the
    end of the file when there is none."""
    find = data.find
    streams: list[tuple[int, int, bool]] = []
    pos = 0
    while True:
        at = find(b"stream", pos)
        if at < 0:
            return streams
        pos = at + 6
        if data[at - 3 : at] == b"end":
            continue
        if data[pos : pos + 2] == b"\r\n":
            start = pos + 2
        elif data[pos : pos + 1] in (b"\n", b"\r"):
            start = pos + 1
        else:
            continue
        head = data[max(0, at - _DICT_REACH) : at]
        head = head[head.rfind(b"<<") :]
        if b"/Fl" not in head or b"/Image" in head:
            continue
        font = any(key in head for key in _FONT_KEYS)
        end = find(b"endstream", start)
        streams.append((start, end if end > 0 else len(data), font))
        pos = max(start, end)


def _inflated_size(stream: memoryview, limit: int) -> int:
    """Bytes the zlib stream at the start of ``stream`` inflates to, counting stops once past ``limit``.

    The deflate data after the 2-byte zlib header is inflated raw, so a wrong Adler-32 checksum at its end does not
    void the count: PDFium keeps what such a stream gives (streams with broken checksums were counted as nothing
    while PDFium inflated all of them). A stream damaged mid-way counts what it gives before the damage, to within
    ``_DAMAGED_CHUNK`` bytes."""
    body = stream[2:]
    try:
        return _count(body, limit, _CHUNK)
    except (zlib.error, INFLATE.error):
        return _count(body, limit, _DAMAGED_CHUNK, damaged=True)


def _count(body: memoryview, limit: int, chunk: int, *, damaged: bool = False) -> int:
    inflater = INFLATE.decompressobj(-15)
    size = 0
    try:
        size = len(inflater.decompress(body, chunk))
        while not inflater.eof and size <= limit:
            # called again even when all the input is taken: ISA-L can hold output back with no unconsumed tail
            more = len(inflater.decompress(inflater.unconsumed_tail, chunk))
            if not more:
                break
            size += more
    except (zlib.error, INFLATE.error):
        if not damaged:
            raise
    return size


def _inflate_module() -> ModuleType:
    """ISA-L's zlib-compatible inflater (the ``isal`` package), which counts the same bytes faster than zlib (the
    benchmark's extraction figures show by how much), or zlib itself where no isal wheel is installed (the
    dependency is limited to the platforms it ships wheels for)."""
    try:
        return importlib.import_module("isal.isal_zlib")
    except ImportError:  # pragma: no cover - a platform without the isal wheel
        return zlib


#: the module whose ``decompressobj`` counts inflated bytes (``_inflate_module``); tests run the budget with both
INFLATE = _inflate_module()
