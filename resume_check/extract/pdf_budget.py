"""The decompression budget of a PDF, checked before PDFium opens it: a small file must not inflate to gigabytes.

PDFium inflates a page's content streams and fonts when it loads the page, and holds several times their size
while it parses them (a 100 MB stream of spaces costs ~300 MB; 25 MB of individually placed characters ~450 MB
of page objects). So the FlateDecode streams are inflated here first, a chunk at a time and without keeping the
output, and the file is refused (exit 3) as soon as the bytes really produced pass the budget; the /Length
and the sizes a file declares are not trusted. Images are left out: text extraction never decodes them.
"""

from __future__ import annotations

import zlib

from ..errors import InputError

#: inflated bytes of the streams other than images and fonts (page content, object and xref streams, CMaps,
#: forms) in one PDF; résumés of the corpus need under 1 MB
MAX_CONTENT_INFLATED = 4 * 1024 * 1024
#: inflated bytes of embedded font programs in one PDF
MAX_FONT_INFLATED = 16 * 1024 * 1024
#: bytes inflated per call, so no single call can allocate more than this
_CHUNK = 1 << 20
#: how far before the "stream" keyword its dictionary is looked for
_DICT_REACH = 512
_FONT_KEYS = (b"/Length1", b"/Length2", b"/Length3", b"/Type1C", b"/CIDFontType0C", b"/OpenType", b"/FontFile")


def check_inflated_size(data: bytes, path: str) -> None:
    """Raise InputError when the PDF's FlateDecode streams (images aside) inflate past their budgets."""
    view = memoryview(data)
    find = data.find
    content = fonts = 0
    pos = 0
    while True:
        at = find(b"stream", pos)
        if at < 0:
            return
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
        limit = (MAX_FONT_INFLATED - fonts) if font else (MAX_CONTENT_INFLATED - content)
        end = find(b"endstream", start)  # zlib copies what follows the stream's end: give it only the stream
        size = _inflated_size(view[start : end if end > 0 else len(data)], limit)
        if font:
            fonts += size
        else:
            content += size
        if content > MAX_CONTENT_INFLATED or fonts > MAX_FONT_INFLATED:
            what, limit_total = ("font programs", MAX_FONT_INFLATED) if font else ("page content", MAX_CONTENT_INFLATED)
            raise InputError(
                f"{path}: the PDF's compressed {what} inflate to over {limit_total:,} bytes, far more than a résumé "
                "needs: refused as a possible decompression bomb; export the résumé again",
                path=path,
            )
        pos = max(start, end)


def _inflated_size(stream: memoryview, limit: int) -> int:
    """Bytes the zlib stream at the start of ``stream`` inflates to, counting stops once past ``limit``; a damaged
    stream counts what it gave (PDFium will say it is damaged, or read what it can)."""
    inflater = zlib.decompressobj()
    try:
        size = len(inflater.decompress(stream, _CHUNK))
        while inflater.unconsumed_tail and not inflater.eof and size <= limit:
            size += len(inflater.decompress(inflater.unconsumed_tail, _CHUNK))
    except zlib.error:
        return 0
    return size
