"""Char sources for PDF extraction: pypdfium2 and pdfplumber, each giving the same per-page char records.

A char source reads a PDF and returns ``PageChars`` records: every glyph with its box (top-down PDF points), size,
font, boldness, fill colour and render-mode visibility, plus the page's filled shapes (to tell white text on a
coloured panel from white text on white paper) and its link targets. ``pdf_layout`` builds lines from these records
whatever the engine.
"""

from __future__ import annotations

import ctypes
import io
import logging
import re
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter
from typing import Any

from ..errors import InputError

Color = tuple[float, float, float]

#: chars read from one page; more is not a résumé page (keyword stuffing aside) or is a pathological file
MAX_PAGE_CHARS = 60_000
#: the longest side of a page that is read, in points (about 70 metres): PDFium's text page holds memory in
#: proportion to the page's longest side, so a damaged or hostile page box must not reach it. The PDF format's own
#: implementation limit is 14,400 points (200 inches); long single-page web exports stay far below this
MAX_PAGE_SIDE = 200_000.0

BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|extrabold|ultrabold|[-,]bd\b|\bbd\b", re.IGNORECASE)
NOT_BOLD_NAME = re.compile(r"regular|light|book|thin|roman|medium|normal", re.IGNORECASE)


class Char:
    """One glyph. Coordinates are PDF points with the origin at the page's top-left corner."""

    __slots__ = ("bold", "bottom", "color", "font", "invisible", "size", "text", "top", "x0", "x1")

    def __init__(
        self,
        text: str,
        x0: float,
        x1: float,
        top: float,
        bottom: float,
        size: float,
        font: str,
        bold: bool,
        color: Color | None,
        invisible: bool,
    ) -> None:
        self.text = text
        self.x0 = x0
        self.x1 = x1
        self.top = top
        self.bottom = bottom
        self.size = size
        self.font = font
        self.bold = bold
        self.color = color  # fill colour as RGB 0..1, None when unknown (pattern, separation ...)
        self.invisible = invisible  # render mode 3 (neither fill nor stroke) or clip-only

    def __repr__(self) -> str:  # for debugging only
        return f"Char({self.text!r}, {self.x0:.1f}-{self.x1:.1f}, {self.top:.1f}-{self.bottom:.1f}, {self.size:.1f})"


# The working records below are plain slotted classes, not dataclasses: each @dataclass has a cost at import,
# which every cold start pays, and nothing compares these records by value.


class Shape:
    """A filled path or an image, which text can sit on."""

    __slots__ = ("bottom", "color", "top", "x0", "x1")

    def __init__(self, x0: float, top: float, x1: float, bottom: float, color: Color | None) -> None:
        self.x0 = x0
        self.top = top
        self.x1 = x1
        self.bottom = bottom
        self.color = color  # None for images (assumed to make any text colour visible)


#: a filled path this small (points, each side) may be a list bullet drawn as a shape (``pdf_bullets``)
MARK_MIN = 0.8
MARK_MAX = 9.0


class PageChars:
    __slots__ = ("chars", "height", "links", "marks", "number", "shapes", "truncated", "width")

    def __init__(
        self,
        number: int,
        width: float,
        height: float,
        chars: list[Char],
        shapes: list[Shape] | None = None,
        links: list[tuple[float, float, str]] | None = None,
        truncated: bool = False,
        marks: list[Shape] | None = None,
    ) -> None:
        self.number = number  # 1-based
        self.width = width
        self.height = height
        self.chars = chars
        self.shapes: list[Shape] = [] if shapes is None else shapes
        self.links: list[tuple[float, float, str]] = [] if links is None else links  # (top, x0, uri)
        self.truncated = truncated  # more than MAX_PAGE_CHARS chars: the rest were not read
        #: small filled paths (MARK_MIN..MARK_MAX points a side): candidate list bullets drawn as shapes, not glyphs
        self.marks: list[Shape] = [] if marks is None else marks


class PdfChars:
    __slots__ = ("page_count", "pages")

    def __init__(self, pages: list[PageChars], page_count: int) -> None:
        self.pages = pages
        self.page_count = page_count  # pages in the file (``pages`` may hold fewer: the read is capped)


def is_bold_font(name: str, weight: int = 0) -> bool:
    """True for a bold face by name (Bold, Black, Heavy, Semibold, Demi) or by weight (600 and over)."""
    base = name.split("+", 1)[-1]
    if BOLD_NAME.search(base):
        return True
    if NOT_BOLD_NAME.search(base):  # a named regular face: its descriptor's weight is sometimes wrong
        return False
    return weight >= 600


def color_from_components(values: object) -> Color | None:
    """An RGB triple from a PDF colour operand (gray, RGB or CMYK); None for patterns and unknown spaces."""
    if isinstance(values, (int, float)):
        values = (values,)
    if not isinstance(values, (tuple, list)) or not values:
        return None
    if not all(isinstance(v, (int, float)) for v in values):
        return None
    comps = [min(1.0, max(0.0, float(v))) for v in values]
    if len(comps) == 1:
        return (comps[0], comps[0], comps[0])
    if len(comps) == 3:
        return (comps[0], comps[1], comps[2])
    if len(comps) == 4:
        c, m, y, k = comps
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


@contextmanager
def quiet_pdf_libraries() -> Iterator[None]:
    """Keep pdfminer's log noise ("Could not get FontBBox ...") and library warnings away from the user."""
    logger = logging.getLogger("pdfminer")
    old_level, old_propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(old_level)
        logger.propagate = old_propagate


def _encrypted_error(path: str) -> InputError:
    return InputError(
        f"{path}: the PDF is password-protected (encrypted), so its text cannot be read; "
        "remove the password or export the résumé again without protection",
        path=path,
    )


def check_page_size(path: str, number: int, width: float, height: float) -> None:
    """Raise InputError when a page's box is larger than any real page (or not a number): see ``MAX_PAGE_SIDE``."""
    if not (0 <= width <= MAX_PAGE_SIDE and 0 <= height <= MAX_PAGE_SIDE):
        raise InputError(
            f"{path}: page {number} measures {width:,.0f} × {height:,.0f} points, far beyond any real page (at "
            f"most {MAX_PAGE_SIDE:,.0f} points a side are read; the PDF format's own limit is 14,400): refused as "
            "damaged or hostile; export the résumé again",
            path=path,
        )


def _corrupt_error(path: str, detail: str) -> InputError:
    return InputError(
        f"{path}: the PDF is damaged or truncated ({detail}); export or download the résumé again",
        path=path,
    )


# --------------------------------------------------------------------------------------------- pypdfium2


def read_pdfium(data: bytes, path: str, max_pages: int) -> PdfChars:
    """Read chars with pypdfium2 (PDFium): fast, and it sees text render modes."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as r

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        code = r.FPDF_GetLastError()
        if code == r.FPDF_ERR_PASSWORD:
            raise _encrypted_error(path) from None
        raise _corrupt_error(path, str(err).split("\n")[0].rstrip(".").lower() or "unreadable") from None
    try:
        count = len(pdf)
        pages = []
        for index in range(min(count, max_pages)):
            try:
                check_page_size(path, index + 1, *pdf.get_page_size(index))  # before PDFium builds its text page
                pages.append(_read_pdfium_page(pdf, r, index))
            except pdfium.PdfiumError as err:
                raise _corrupt_error(
                    path, f"page {index + 1}: {str(err).splitlines()[0] if str(err) else 'unreadable'}"
                ) from None
        return PdfChars(pages=pages, page_count=count)
    finally:
        pdf.close()


def _read_pdfium_page(pdf: object, r: object, index: int) -> PageChars:
    import pypdfium2 as pdfium

    assert isinstance(pdf, pdfium.PdfDocument)
    raw = r  # the pypdfium2.raw module
    page = pdf[index]
    try:
        width, height = page.get_size()
        if page.get_rotation() in (90, 270):
            # the size is of the page as shown, turned; the chars are placed in the page's own, unturned space
            width, height = height, width
        # PDFium reports boxes in the page's coordinate space; the visible area starts at the crop box's top left.
        # A box may name its corners in any order (PDF 32000-1, 7.9.5), and pypdfium2 gives it as written
        x0, y0, x1, y1 = page.get_cropbox()
        left, bottom_edge, top_edge = min(x0, x1), min(y0, y1), max(y0, y1)
        textpage = page.get_textpage()
        try:
            chars = _pdfium_chars(textpage.raw, left, top_edge)
            truncated = raw.FPDFText_CountChars(textpage.raw) > MAX_PAGE_CHARS  # type: ignore[attr-defined]
        finally:
            textpage.close()
        shapes = _pdfium_shapes(_address(page.raw), left, top_edge) if _needs_shapes(chars) else []
        marks = _pdfium_marks(_address(page.raw), left, top_edge) if chars else []
        links = _pdfium_links(raw, pdf.raw, page.raw, left, top_edge)
        del bottom_edge
        return PageChars(
            number=index + 1,
            width=width,
            height=height,
            chars=chars,
            shapes=shapes,
            links=links,
            truncated=truncated,
            marks=marks,
        )
    finally:
        page.close()


def _pdfium_chars(tp: object, left: float, top_edge: float) -> list[Char]:
    """The page's chars, top-down coordinates relative to the crop box, in PDFium's order.

    Python-level work per char is what costs here (a ctypes call is a few hundred ns), so the PDFium calls are
    driven by map() over all chars at once, the text comes from one GetText call, styles are read once per text
    object, and only the loop that builds the Char records runs per char.
    """
    api = _text_api()
    tpa = _address(tp)
    count = min(api.count_chars(tpa), MAX_PAGE_CHARS)
    if count <= 0:
        return []
    page = ctypes.c_void_p(tpa)
    codes = _page_codes(api, tpa, count)
    # PDFium only generates spaces and line breaks; its spaces are guesses, ours come from gaps
    skipped = _skipped(api, page, codes)
    kept: Sequence[int] = range(count)
    if skipped:
        kept = [i for i in kept if i not in skipped]
        codes = [codes[i] for i in kept]
    n = len(kept)
    # one ctypes call per kept char for the box and the text object, driven by map() so no Python bytecode runs per
    # call; boxes land in one float array (left, top, right, bottom per char) that is read back in one slice
    boxes = (ctypes.c_float * (4 * n))()
    box_ok = list(
        map(api.loose_box_untyped, repeat(page, n), kept, map(ctypes.byref, repeat(boxes, n), range(0, 16 * n, 16)))
    )
    objects = list(map(api.text_object_untyped, repeat(page, n), kept))
    flat = boxes[:]
    styles = _object_styles(api, tpa, objects, kept)
    out: list[Char] = []
    append = out.append
    last_key = -1
    style: tuple[str, bool, Color | None, bool, float] = ("", False, None, False, 0.0)
    prev_x0 = prev_x1 = -1.0
    for ch, key, ok, x0, rtop, x1, rbottom in zip(
        codes, objects, box_ok, flat[0::4], flat[1::4], flat[2::4], flat[3::4], strict=True
    ):
        if not ok:
            continue
        if key != last_key:
            style, last_key = styles[key], key
        x0 -= left
        x1 -= left
        if x0 == prev_x0 and x1 == prev_x1 and out:
            # PDFium expands a ligature glyph into letters sharing one box: put the ligature back so the
            # engine-independent normaliser counts it (text.ligatures) the same way for every engine
            prev = out[-1]
            letters = _LETTERS_OF.get(prev.text, prev.text) + ch
            if letters in _LIGATURE_OF:
                prev.text = _LIGATURE_OF[letters]
                continue
        prev_x0, prev_x1 = x0, x1
        font, bold, color, invisible, obj_size = style
        if obj_size < 0:
            continue
        top = top_edge - rtop
        bottom = top_edge - rbottom
        append(Char(ch, x0, x1, top, bottom, obj_size if obj_size > 0 else bottom - top, font, bold, color, invisible))
    return out


def _skipped(api: _TextApi, page: ctypes.c_void_p, codes: Sequence[str]) -> set[int]:
    """Indexes of PDFium's line breaks and generated spaces: its spaces are guesses, ours come from gaps."""
    if isinstance(codes, str):  # found by the regex engine, not a Python loop over every char
        breaks = [m.start() for m in _BREAK.finditer(codes)]
        spaces = [m.start() for m in _SPACE.finditer(codes)]
    else:
        breaks = [i for i, ch in enumerate(codes) if ch == "\r" or ch == "\n"]
        spaces = [i for i, ch in enumerate(codes) if ch == " "]
    skipped = set(breaks)
    skipped.update(compress(spaces, map(api.is_generated_untyped, repeat(page, len(spaces)), spaces)))
    return skipped


_BREAK = re.compile("[\r\n]")
_SPACE = re.compile(" ")


Style = tuple[str, bool, Color | None, bool, float]  # font name, bold, fill colour, invisible, size (-1: rotated)


def _object_styles(api: _TextApi, tpa: int, objects: list[int], kept: Sequence[int]) -> dict[int, Style]:
    """The style of each text object, read from its first kept char (as PDFium reports it there).

    ``objects[j]`` is the text object of char ``kept[j]``. The reads run through map() over all objects at once;
    objects drawn with identical raw values share one result.
    """
    # reversed, so the first index of each object wins; then in page order, which the font cache relies on
    first = dict(zip(reversed(objects), reversed(kept), strict=True))
    order = sorted(first.items(), key=itemgetter(1))
    m = len(order)
    if not m:
        return {}
    keys = [k for k, _ in order]
    index = [i for _, i in order]
    page = ctypes.c_void_p(tpa)
    objs = list(map(ctypes.c_void_p, keys))
    rgba = (ctypes.c_uint * (4 * m))()
    channels = [map(ctypes.byref, repeat(rgba, m), range(offset, 16 * m, 16)) for offset in (0, 4, 8, 12)]
    fill_ok = list(map(api.fill_color_untyped, repeat(page, m), index, *channels))
    matrices = (ctypes.c_float * (6 * m))()  # FS_MATRIX: a, b, c, d, e, f
    matrix_ok = list(
        map(api.matrix_untyped, repeat(page, m), index, map(ctypes.byref, repeat(matrices, m), range(0, 24 * m, 24)))
    )
    sizes = list(map(api.font_size_untyped, repeat(page, m), index))
    modes = list(map(api.render_mode_untyped, objs))
    fonts = list(map(api.object_font_untyped, objs))
    if 0 in first:  # chars without a text object: no render mode, no font
        at = keys.index(0)
        modes[at] = fonts[at] = 0
    rgba_values = rgba[:]
    matrix_values = matrices[:]
    raws = list(
        zip(
            fill_ok,
            rgba_values[0::4],
            rgba_values[1::4],
            rgba_values[2::4],
            rgba_values[3::4],
            modes,
            sizes,
            matrix_ok,
            matrix_values[0::6],
            matrix_values[1::6],
            matrix_values[2::6],
            matrix_values[3::6],
            fonts,
            strict=True,
        )
    )
    # each distinct raw value once, with the first object showing it (in page order, for the font cache)
    distinct = dict(zip(reversed(raws), reversed(index), strict=True))
    font_cache: dict[int, tuple[str, bool]] = {}
    name_buffer = ctypes.create_string_buffer(256)
    memo: dict[tuple[Any, ...], Style] = {}
    for raw, i in sorted(distinct.items(), key=itemgetter(1)):
        fill, cr, cg, cb, ca, mode, size, mat, ma, mb, mc, md, font = raw
        color: Color | None = None
        if fill:
            color = (cr / 255, cg / 255, cb / 255) if ca else None
        # 3 = invisible, 7 = clip only; 2 and 6 (fill + stroke) are how word processors fake bold
        invisible = mode == 3 or mode == 7
        if mode == 1 or mode == 5:  # stroke only: the fill colour says nothing about visibility
            color = None
        if mat:
            # the font size is in text space: scale it by the text matrix to get points on the page
            size *= abs(ma * md - mb * mc) ** 0.5
            if abs(mb) > 1e-3 * abs(ma) or abs(mc) > 1e-3 * abs(md) or ma <= 0 or md <= 0:
                size = -1.0  # rotated or mirrored text has no reading order here: like pdfplumber's upright filter
        name, bold = "", False
        if font:
            known = font_cache.get(font)
            if known is None:
                n = api.font_name(font, name_buffer, 256)
                font_name = name_buffer.raw[: max(0, n - 1)].decode("latin-1", errors="replace") if n > 0 else ""
                weight = api.font_weight(font)
                if weight <= 0:
                    weight = api.char_font_weight(tpa, i)
                known = (font_name, is_bold_font(font_name, weight if weight > 0 else 0))
                font_cache[font] = known
            name, bold = known
        memo[raw] = (name, bold or mode == 2 or mode == 6, color, invisible, float(size))
    return dict(zip(keys, map(memo.__getitem__, raws), strict=True))


def _page_codes(api: _TextApi, tpa: int, count: int) -> Sequence[str]:
    """Each char's text, one string per char index, as ``FPDFText_GetUnicode`` gives it.

    One ``FPDFText_GetText`` call when the page's text buffer maps one-to-one onto its chars: it then holds exactly
    ``count`` UTF-16 units, all in the Basic Multilingual Plane. PDFium leaves control glyphs and empty glyphs out of
    that buffer, and a char beyond the BMP takes two units, so any of those makes the lengths differ; then per char.
    The buffer writes U+FFFE where the char itself holds 0 (no Unicode) or 2 (a line-end hyphen): those few are
    asked for one by one.
    """
    # room for two UTF-16 units per char: older PDFium builds copy the whole text whatever the count says
    buffer = (ctypes.c_ushort * (2 * count + 1))()
    written = api.get_text(tpa, 0, count, ctypes.addressof(buffer))
    if written == count + 1:
        text = ctypes.string_at(buffer, 2 * count).decode("utf-16-le", "surrogatepass")
        if not text.isascii() and _SURROGATE.search(text):  # a lone surrogate (ToUnicode to D800-DFFF)
            text = _SURROGATE.sub("\ufffd", text)
        if len(text) == count and (text.isascii() or max(text) < "\U00010000"):
            if "\ufffe" not in text:
                return text
            chars = list(text)
            for i, ch in enumerate(chars):
                if ch == "\ufffe":
                    chars[i] = _code_text(api.unicode(tpa, i))
            return chars
    return list(map(_code_text, map(api.unicode, repeat(tpa, count), range(count))))


def _code_text(code: int) -> str:
    """A char code from PDFium as text: past U+10FFFF or a lone surrogate (a damaged file, or a ToUnicode map to
    D800-DFFF, which no UTF-8 output can hold) it is the replacement character. PDFium gives 2 for a hyphen (or a
    soft hyphen) that ends a line: it is a hyphen, as pdfplumber reads it ("submis-" / "sions" was "submis sions")."""
    if code == 2:
        return "-"
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


_SURROGATE = re.compile("[\ud800-\udfff]")


_LIGATURE_OF = {
    "ff": "\ufb00",
    "fi": "\ufb01",
    "fl": "\ufb02",
    "ffi": "\ufb03",
    "ffl": "\ufb04",
    "st": "\ufb06",
}
_LETTERS_OF = {v: k for k, v in _LIGATURE_OF.items()}


def _bind(function: Any, restype: Any, *argtypes: Any) -> Any:
    """A PDFium function re-typed: ints for pointers (``c_size_t``), no ctypes pointer objects or casts."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address is not None
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


def _address(pointer: Any) -> int:
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


class _TextApi:
    """PDFium text-page functions bound to take and return plain ints (addresses, indexes): no pointer objects.

    ctypes converts an int argument declared ``c_size_t`` fastest; pointers are passed as their addresses.
    """

    def __init__(self) -> None:
        import pypdfium2.raw as r

        bind = _bind
        ptr, i32 = ctypes.c_size_t, ctypes.c_int
        self.count_chars = bind(r.FPDFText_CountChars, i32, ptr)
        self.unicode = bind(r.FPDFText_GetUnicode, ctypes.c_uint, ptr, i32)
        self.get_text = bind(r.FPDFText_GetText, i32, ptr, i32, i32, ptr)
        self.char_font_weight = bind(r.FPDFText_GetFontWeight, i32, ptr, i32)
        self.font_name = bind(r.FPDFFont_GetBaseFontName, ptr, ptr, ctypes.c_char_p, ptr)
        self.font_weight = bind(r.FPDFFont_GetWeight, i32, ptr)
        # the per-char hot pair without argtypes, which halves ctypes' call cost: callers must pass the page as a
        # c_void_p, the index as an int and the box as a byref() pointer (a bare int would be cut to a C int)
        self.loose_box_untyped = bind(r.FPDFText_GetLooseCharBox, i32)
        self.text_object_untyped = bind(r.FPDFText_GetTextObject, ptr)
        self.is_generated_untyped = bind(r.FPDFText_IsGenerated, i32)
        self.fill_color_untyped = bind(r.FPDFText_GetFillColor, i32)
        self.font_size_untyped = bind(r.FPDFText_GetFontSize, ctypes.c_double)
        self.matrix_untyped = bind(r.FPDFText_GetMatrix, i32)
        self.render_mode_untyped = bind(r.FPDFTextObj_GetTextRenderMode, i32)
        self.object_font_untyped = bind(r.FPDFTextObj_GetFont, ptr)


@lru_cache(maxsize=1)
def _text_api() -> _TextApi:
    return _TextApi()


def _needs_shapes(chars: list[Char]) -> bool:
    """Filled shapes only matter when some text is light enough to vanish on white paper."""
    colors = {c.color for c in chars}  # a handful of distinct colours per page
    return any(color is not None and _luminance(color) > LIGHT for color in colors)


LIGHT = 0.85  # luminance above which text is invisible on white paper


def _luminance(color: Color) -> float:
    return 0.2126 * color[0] + 0.7152 * color[1] + 0.0722 * color[2]


def _pdfium_shapes(page: int, left: float, top_edge: float) -> list[Shape]:
    api = _shape_api()
    shapes: list[Shape] = []
    count = api.count_objects(page)
    _collect_shapes(api, list(map(api.page_object, repeat(page, count), range(count))), left, top_edge, shapes, 0)
    return shapes


class _ShapeApi:
    """PDFium page-object functions bound to take and return plain ints (addresses), as ``_TextApi``."""

    def __init__(self) -> None:
        import pypdfium2.raw as r

        ptr, i32 = ctypes.c_size_t, ctypes.c_int
        self.count_objects = _bind(r.FPDFPage_CountObjects, i32, ptr)
        self.page_object = _bind(r.FPDFPage_GetObject, ptr, ptr, i32)
        # without argtypes (half the call cost): pass the page as a c_void_p and the index as an int
        self.page_object_untyped = _bind(r.FPDFPage_GetObject, ptr)
        self.form_count = _bind(r.FPDFFormObj_CountObjects, i32, ptr)
        self.form_object = _bind(r.FPDFFormObj_GetObject, ptr, ptr, ctypes.c_ulong)
        self.kind = _bind(r.FPDFPageObj_GetType, i32, ptr)
        self.bounds = _bind(r.FPDFPageObj_GetBounds, i32, ptr, ptr, ptr, ptr, ptr)
        self.draw_mode = _bind(r.FPDFPath_GetDrawMode, i32, ptr, ptr, ptr)
        self.fill_color = _bind(r.FPDFPageObj_GetFillColor, i32, ptr, ptr, ptr, ptr, ptr)


@lru_cache(maxsize=1)
def _shape_api() -> _ShapeApi:
    return _ShapeApi()


def _collect_shapes(
    api: _ShapeApi, objs: list[int], left: float, top_edge: float, out: list[Shape], depth: int
) -> None:
    box = (ctypes.c_float * 4)()  # left, bottom, right, top
    b0 = ctypes.addressof(box)
    ints = (ctypes.c_int * 2)()  # fill mode, stroke
    i0 = ctypes.addressof(ints)
    rgba = (ctypes.c_uint * 4)()
    c0 = ctypes.addressof(rgba)
    objs = objs[:5000]
    for obj, kind in zip(objs, map(api.kind, objs), strict=True):
        if kind == 5 and depth < 3:  # form XObject
            n = api.form_count(obj)
            _collect_shapes(api, list(map(api.form_object, repeat(obj, n), range(n))), left, top_edge, out, depth + 1)
            continue
        if kind not in (2, 3, 4):  # path, image, shading
            continue
        if not api.bounds(obj, b0, b0 + 4, b0 + 8, b0 + 12):
            continue
        color: Color | None = None
        if kind == 2:
            ints[0] = 0
            if not api.draw_mode(obj, i0, i0 + 4) or ints[0] == 0:
                continue
            # a pattern or gradient fill has no single colour: None, like an image, so text on it counts as seen
            if api.fill_color(obj, c0, c0 + 4, c0 + 8, c0 + 12):
                rr, gg, bb, aa = rgba
                if aa == 0:
                    continue
                color = (rr / 255, gg / 255, bb / 255)
        lft, btm, rgt, tp = box
        out.append(Shape(lft - left, top_edge - tp, rgt - left, top_edge - btm, color))


def _pdfium_marks(page: int, left: float, top_edge: float) -> list[Shape]:
    """Small filled paths of the page (list bullets drawn as shapes by Chrome, wkhtmltopdf, WeasyPrint...)."""
    api = _shape_api()
    out: list[Shape] = []
    count = min(api.count_objects(page), 5000)
    objs = list(map(api.page_object_untyped, repeat(ctypes.c_void_p(page), count), range(count)))
    _collect_marks(api, objs, left, top_edge, out, 0)
    return out


def _collect_marks(api: _ShapeApi, objs: list[int], left: float, top_edge: float, out: list[Shape], depth: int) -> None:
    objs = objs[:5000]
    kinds = list(map(api.kind, objs))
    if depth < 3:
        for form in compress(objs, map((5).__eq__, kinds)):  # form XObjects
            n = api.form_count(form)
            _collect_marks(api, list(map(api.form_object, repeat(form, n), range(n))), left, top_edge, out, depth + 1)
    paths = list(compress(objs, map((2).__eq__, kinds)))
    n = len(paths)
    if not n:
        return  # no paths (the common case for a text-only page): nothing to look at
    # every path's bounds in one float array, read by map() (a page can hold thousands of paths: Chrome draws
    # backgrounds, rules and underlines as paths), then only the small ones are looked at one by one
    boxes = (ctypes.c_float * (4 * n))()  # left, bottom, right, top per path
    b0 = ctypes.addressof(boxes)
    ok = list(
        map(
            api.bounds,
            paths,
            range(b0, b0 + 16 * n, 16),
            range(b0 + 4, b0 + 16 * n, 16),
            range(b0 + 8, b0 + 16 * n, 16),
            range(b0 + 12, b0 + 16 * n, 16),
        )
    )
    flat = boxes[:]
    ints = (ctypes.c_int * 2)()  # fill mode, stroke
    i0 = ctypes.addressof(ints)
    rgba = (ctypes.c_uint * 4)()
    c0 = ctypes.addressof(rgba)
    for k, (obj, lft, btm, rgt, tp) in enumerate(
        zip(paths, flat[0::4], flat[1::4], flat[2::4], flat[3::4], strict=True)
    ):
        if not (MARK_MIN <= rgt - lft <= MARK_MAX and MARK_MIN <= tp - btm <= MARK_MAX) or not ok[k]:
            continue
        ints[0] = 0
        if not api.draw_mode(obj, i0, i0 + 4) or ints[0] == 0:
            continue  # outlined only (an empty circle, a checkbox): not a filled bullet
        color: Color | None = None
        if api.fill_color(obj, c0, c0 + 4, c0 + 8, c0 + 12):
            rr, gg, bb, aa = rgba
            if aa == 0:
                continue
            color = (rr / 255, gg / 255, bb / 255)
        out.append(Shape(lft - left, top_edge - tp, rgt - left, top_edge - btm, color))


def _pdfium_links(f: object, doc: object, page: object, left: float, top_edge: float) -> list[tuple[float, float, str]]:
    links: list[tuple[float, float, str]] = []
    pos = ctypes.c_int(0)
    link = f.FPDF_LINK()  # type: ignore[attr-defined]
    rect = f.FS_RECTF()  # type: ignore[attr-defined]
    for _ in range(1000):
        if not f.FPDFLink_Enumerate(page, ctypes.byref(pos), ctypes.byref(link)):  # type: ignore[attr-defined]
            break
        action = f.FPDFLink_GetAction(link)  # type: ignore[attr-defined]
        if not action or f.FPDFAction_GetType(action) != f.PDFACTION_URI:  # type: ignore[attr-defined]
            continue
        n = f.FPDFAction_GetURIPath(doc, action, None, 0)  # type: ignore[attr-defined]
        if n <= 1 or n > 4096:
            continue
        buf = ctypes.create_string_buffer(n)
        f.FPDFAction_GetURIPath(doc, action, buf, n)  # type: ignore[attr-defined]
        uri = buf.raw[: n - 1].decode("utf-8", errors="replace")
        top = x0 = 0.0
        if f.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):  # type: ignore[attr-defined]
            top, x0 = top_edge - rect.top, rect.left - left
        links.append((top, x0, uri))
    return links


# --------------------------------------------------------------------------------------------- pdfplumber


def read_pdfplumber(data: bytes, path: str, max_pages: int) -> PdfChars:
    """Read chars with pdfplumber (pdfminer.six): slower; render modes are read through an extended layout device."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise _encrypted_error(path) from None
    except Exception as err:  # pdfminer raises many unrelated types for broken files
        if (
            type(err).__name__ == "PdfminerException"
            and err.args
            and isinstance(err.args[0], (PDFPasswordIncorrect, PDFEncryptionError))
        ):
            raise _encrypted_error(path) from None
        raise _corrupt_error(path, type(err).__name__) from None
    try:
        try:
            count = len(pdf.pages)
        except Exception as err:  # a broken page tree
            raise _corrupt_error(path, type(err).__name__) from None
        pages = []
        for page in pdf.pages[:max_pages]:
            try:
                check_page_size(path, page.page_number, float(page.width), float(page.height))
                pages.append(_read_plumber_page(_unturned(page)))
            except InputError:
                raise
            except Exception as err:  # pdfminer raises anything from KeyError to PdfminerException on bad streams
                raise _corrupt_error(path, f"page {page.page_number}: {type(err).__name__}") from None
        return PdfChars(pages=pages, page_count=count)
    finally:
        # closing re-reads a broken page tree; the real error is already on its way
        with suppress(Exception):
            pdf.close()


#: marks chars drawn with text render mode 3 or 7 (pdfplumber has no field for it; its ``tag`` field is reused)
_INVISIBLE_TAG = "resume-check:invisible"


@lru_cache(maxsize=1)
def _render_mode_device() -> Any:
    """pdfplumber's layout device, extended to remember each char's text render mode."""
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    class RenderModeDevice(PDFPageAggregatorWithMarkedContent):
        render_mode = 0

        def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
            self.render_mode = textstate.render
            super().render_string(textstate, seq, ncs, graphicstate)

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            adv: float = super().render_char(*args, **kwargs)
            if self.render_mode in (3, 7) and self.cur_item._objs:
                setattr(self.cur_item._objs[-1], "tag", _INVISIBLE_TAG)  # noqa: B010 (pdfminer's type has no tag)
            return adv

    return RenderModeDevice


def _plumber_layout(page: Any) -> None:
    """Lay the page out with the render-mode device and hand the result to pdfplumber (it caches ``_layout``)."""
    from pdfminer.pdfinterp import PDFPageInterpreter

    device = _render_mode_device()(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()


def _corners_in_order(page_obj: Any) -> None:
    """Put the corners of a page's boxes in order (lower left, upper right): a box may name them in any order
    (PDF 32000-1, 7.9.5), and pdfminer places the page's text from the first two numbers as written."""
    for name in ("mediabox", "cropbox"):
        box = getattr(page_obj, name, None)
        if isinstance(box, list | tuple) and len(box) == 4 and all(isinstance(v, int | float) for v in box):
            x0, y0, x1, y1 = box
            setattr(page_obj, name, [min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)])


def _plumber_box(obj: dict[str, Any], left: float, top_edge: float) -> tuple[float, float, float, float]:
    """(x0, top, x1, bottom) of a pdfplumber object, from the crop box's top left as PDFium places things."""
    return (
        float(obj["x0"]) - left,
        float(obj["top"]) - top_edge,
        float(obj["x1"]) - left,
        float(obj["bottom"]) - top_edge,
    )


def _unturned(page: Any) -> Any:
    """The pdfplumber page without its /Rotate: pdfminer places the text of a turned page as shown, turned, where
    PDFium (and the layout code) reads it in the page's own space."""
    import pdfplumber.page

    if not page.rotation:
        return page
    page_obj = page.page_obj
    page_obj.attrs = {**page_obj.attrs, "Rotate": 0}
    page_obj.rotate = 0
    return pdfplumber.page.Page(page.pdf, page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)


def _read_plumber_page(page: object) -> PageChars:
    import pdfplumber.page

    assert isinstance(page, pdfplumber.page.Page)
    _corners_in_order(page.page_obj)
    _plumber_layout(page)
    # pdfplumber places things from the media box's left edge; the visible area (PDFium's frame) is the crop box
    left, top_edge, right, bottom_edge = (float(v) for v in page.cropbox)
    chars: list[Char] = []
    for c in page.chars:
        if not c.get("upright", True):
            continue
        name = str(c.get("fontname", ""))
        color = color_from_components(c.get("non_stroking_color"))
        text = str(c["text"])
        if not text.isascii():  # a lone surrogate (an Identity ToUnicode of CID D800-DFFF): no UTF-8 output holds it
            text = _SURROGATE.sub("\ufffd", text)
        chars.append(
            Char(
                text,
                float(c["x0"]) - left,
                float(c["x1"]) - left,
                float(c["top"]) - top_edge,
                float(c["bottom"]) - top_edge,
                float(c["size"]),
                name,
                is_bold_font(name),
                color,
                c.get("tag") == _INVISIBLE_TAG,
            )
        )
    shapes: list[Shape] = []
    if _needs_shapes(chars):
        for obj in list(page.rects) + list(page.curves):
            if not obj.get("fill"):
                continue
            color = color_from_components(obj.get("non_stroking_color"))
            if color is None:
                continue
            shapes.append(Shape(*_plumber_box(obj, left, top_edge), color))
        for img in page.images:
            shapes.append(Shape(*_plumber_box(img, left, top_edge), None))
    marks: list[Shape] = []
    for obj in list(page.rects) + list(page.curves):
        x0, top, x1, bottom = _plumber_box(obj, left, top_edge)
        if obj.get("fill") and MARK_MIN <= x1 - x0 <= MARK_MAX and MARK_MIN <= bottom - top <= MARK_MAX:
            marks.append(Shape(x0, top, x1, bottom, color_from_components(obj.get("non_stroking_color"))))
    links = [
        (float(h.get("top", 0.0)) - top_edge, float(h.get("x0", 0.0)) - left, _SURROGATE.sub("\ufffd", str(h["uri"])))
        for h in page.hyperlinks
        if h.get("uri")
    ]
    return PageChars(
        number=page.page_number,
        width=right - left,
        height=bottom_edge - top_edge,
        chars=chars,
        shapes=shapes,
        links=links,
        marks=marks,
    )
