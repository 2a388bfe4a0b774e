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
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import InputError

Color = tuple[float, float, float]

#: chars read from one page; more is not a résumé page (keyword stuffing aside) or is a pathological file
MAX_PAGE_CHARS = 60_000

BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|extrabold|ultrabold|[-,]bd\b|\bbd\b", re.IGNORECASE)
NOT_BOLD_NAME = re.compile(r"regular|light|book|thin|roman|medium|normal", re.IGNORECASE)
_CID = re.compile(r"^\(cid:\d+\)$")


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


@dataclass(slots=True)
class Shape:
    """A filled path or an image, which text can sit on."""

    x0: float
    top: float
    x1: float
    bottom: float
    color: Color | None  # None for images (assumed to make any text colour visible)


@dataclass(slots=True)
class PageChars:
    number: int  # 1-based
    width: float
    height: float
    chars: list[Char]
    shapes: list[Shape] = field(default_factory=list)
    links: list[tuple[float, float, str]] = field(default_factory=list)  # (top, x0, uri)
    truncated: bool = False  # more than MAX_PAGE_CHARS chars: the rest were not read


@dataclass(slots=True)
class PdfChars:
    pages: list[PageChars]
    page_count: int  # pages in the file (``pages`` may hold fewer: the read is capped)


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
        # PDFium reports boxes in the page's coordinate space; the visible area starts at the crop box origin
        left, bottom_edge, _right, top_edge = page.get_cropbox()
        textpage = page.get_textpage()
        try:
            chars = _pdfium_chars(raw, textpage.raw, left, top_edge)
            truncated = raw.FPDFText_CountChars(textpage.raw) > MAX_PAGE_CHARS  # type: ignore[attr-defined]
        finally:
            textpage.close()
        shapes = _pdfium_shapes(raw, page.raw, left, top_edge) if _needs_shapes(chars) else []
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
        )
    finally:
        page.close()


def _pdfium_chars(r: object, tp: object, left: float, top_edge: float) -> list[Char]:
    f = r  # keep attribute lookups short
    count = min(f.FPDFText_CountChars(tp), MAX_PAGE_CHARS)  # type: ignore[attr-defined]
    if count <= 0:
        return []
    rect = f.FS_RECTF()  # type: ignore[attr-defined]
    rect_ref = ctypes.byref(rect)
    get_box = f.FPDFText_GetLooseCharBox  # type: ignore[attr-defined]
    get_obj_address = _address_getter()
    reader = _StyleReader(f)
    is_generated = f.FPDFText_IsGenerated  # type: ignore[attr-defined]
    get_unicode = f.FPDFText_GetUnicode  # type: ignore[attr-defined]
    styles: dict[int, tuple[str, bool, Color | None, bool, float]] = {}
    out: list[Char] = []
    append = out.append
    last_key = -1
    style: tuple[str, bool, Color | None, bool, float] = ("", False, None, False, 0.0)
    prev_x0 = prev_x1 = -1.0
    for i in range(count):
        # per char, not FPDFText_GetText: that one expands ligatures and drops unmapped glyphs, so indexes drift
        code = get_unicode(tp, i)
        # PDFium only generates spaces (32) and line breaks (13, 10); its spaces are guesses, ours come from gaps
        if code == 13 or code == 10 or (code == 32 and is_generated(tp, i)):
            continue
        ch = chr(code) if 0 <= code <= 0x10FFFF else "\ufffd"
        key = get_obj_address(tp, i) or 0
        if key != last_key:
            cached = styles.get(key)
            if cached is None:
                cached = reader.read(tp, i, key)
                styles[key] = cached
            style, last_key = cached, key
        if not get_box(tp, i, rect_ref):
            continue
        x0 = rect.left - left
        x1 = rect.right - left
        if x0 == prev_x0 and x1 == prev_x1 and out:
            # PDFium expands a ligature glyph into letters sharing one box: put the ligature back so the
            # engine-independent normaliser counts it (text.ligatures) the same way for every engine
            prev = out[-1]
            letters = _LETTERS_OF.get(prev.text, prev.text) + ch
            if letters in _LIGATURE_OF:
                prev.text = _LIGATURE_OF[letters]
                continue
        prev_x0, prev_x1 = x0, x1
        top = top_edge - rect.top
        bottom = top_edge - rect.bottom
        font, bold, color, invisible, obj_size = style
        if obj_size < 0:
            continue
        append(Char(ch, x0, x1, top, bottom, obj_size if obj_size > 0 else bottom - top, font, bold, color, invisible))
    return out


_LIGATURE_OF = {
    "ff": "\ufb00",
    "fi": "\ufb01",
    "fl": "\ufb02",
    "ffi": "\ufb03",
    "ffl": "\ufb04",
    "st": "\ufb06",
}
_LETTERS_OF = {v: k for k, v in _LIGATURE_OF.items()}


@lru_cache(maxsize=1)
def _address_getter() -> Any:
    """``FPDFText_GetTextObject`` returning the object's address as an int: a cheap cache key, no ctypes.cast."""
    import pypdfium2.raw as r

    address = ctypes.cast(r.FPDFText_GetTextObject, ctypes.c_void_p).value
    assert address is not None
    return ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(address)


class _StyleReader:
    """Reads one text object's font, size, colour and render mode, with reusable ctypes buffers and a font cache."""

    def __init__(self, f: Any) -> None:
        self.f = f
        self.get_font, self.get_mode, self.font_name, self.font_weight = _object_prototypes()
        self.rgba = [ctypes.c_uint() for _ in range(4)]
        self.rgba_refs = [ctypes.byref(v) for v in self.rgba]
        self.matrix = f.FS_MATRIX()
        self.matrix_ref = ctypes.byref(self.matrix)
        self.name_buffer = ctypes.create_string_buffer(256)
        self.fonts: dict[int, tuple[str, bool]] = {}

    def read(self, tp: Any, i: int, obj: int) -> tuple[str, bool, Color | None, bool, float]:
        f = self.f
        color: Color | None = None
        if f.FPDFText_GetFillColor(tp, i, *self.rgba_refs):
            r, g, b, a = (v.value for v in self.rgba)
            color = (r / 255, g / 255, b / 255) if a else None
        mode = self.get_mode(obj) if obj else 0
        # 3 = invisible, 7 = clip only; 2 and 6 (fill + stroke) are how word processors fake bold
        invisible = mode == 3 or mode == 7
        if mode == 1 or mode == 5:  # stroke only: the fill colour says nothing about visibility
            color = None
        size = f.FPDFText_GetFontSize(tp, i)
        m = self.matrix
        if f.FPDFText_GetMatrix(tp, i, self.matrix_ref):
            # the font size is in text space: scale it by the text matrix to get points on the page
            size *= abs(m.a * m.d - m.b * m.c) ** 0.5
            if abs(m.b) > 1e-3 * abs(m.a) or abs(m.c) > 1e-3 * abs(m.d) or m.a <= 0 or m.d <= 0:
                size = -1.0  # rotated or mirrored text has no reading order here: like pdfplumber's upright filter
        name, bold = "", False
        font = self.get_font(obj) if obj else None
        if font:
            known = self.fonts.get(font)
            if known is None:
                n = self.font_name(font, self.name_buffer, 256)
                font_name = self.name_buffer.raw[: max(0, n - 1)].decode("latin-1", errors="replace") if n > 0 else ""
                weight = self.font_weight(font)
                if weight <= 0:
                    weight = f.FPDFText_GetFontWeight(tp, i)
                known = (font_name, is_bold_font(font_name, weight if weight > 0 else 0))
                self.fonts[font] = known
            name, bold = known
        return name, bold or mode == 2 or mode == 6, color, invisible, float(size)


@lru_cache(maxsize=1)
def _object_prototypes() -> tuple[Any, Any, Any, Any]:
    """PDFium object functions taking and returning plain addresses (ints): no pointer objects, no casts."""
    import pypdfium2.raw as r

    def bind(function: Any, restype: Any, *argtypes: Any) -> Any:
        address = ctypes.cast(function, ctypes.c_void_p).value
        assert address is not None
        return ctypes.CFUNCTYPE(restype, *argtypes)(address)

    vp = ctypes.c_void_p
    return (
        bind(r.FPDFTextObj_GetFont, vp, vp),
        bind(r.FPDFTextObj_GetTextRenderMode, ctypes.c_int, vp),
        bind(r.FPDFFont_GetBaseFontName, ctypes.c_size_t, vp, ctypes.c_char_p, ctypes.c_size_t),
        bind(r.FPDFFont_GetWeight, ctypes.c_int, vp),
    )


def _needs_shapes(chars: list[Char]) -> bool:
    """Filled shapes only matter when some text is light enough to vanish on white paper."""
    return any(c.color is not None and _luminance(c.color) > LIGHT for c in chars)


LIGHT = 0.85  # luminance above which text is invisible on white paper


def _luminance(color: Color) -> float:
    return 0.2126 * color[0] + 0.7152 * color[1] + 0.0722 * color[2]


def _pdfium_shapes(f: object, page: object, left: float, top_edge: float, depth: int = 0) -> list[Shape]:
    shapes: list[Shape] = []
    count = f.FPDFPage_CountObjects(page)  # type: ignore[attr-defined]
    _collect_shapes(f, [f.FPDFPage_GetObject(page, i) for i in range(count)], left, top_edge, shapes, 0)  # type: ignore[attr-defined]
    return shapes


def _collect_shapes(f: object, objs: list[object], left: float, top_edge: float, out: list[Shape], depth: int) -> None:
    lft, btm, rgt, tp = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for obj in objs[:5000]:
        kind = f.FPDFPageObj_GetType(obj)  # type: ignore[attr-defined]
        if kind == 5 and depth < 3:  # form XObject
            n = f.FPDFFormObj_CountObjects(obj)  # type: ignore[attr-defined]
            _collect_shapes(f, [f.FPDFFormObj_GetObject(obj, i) for i in range(n)], left, top_edge, out, depth + 1)  # type: ignore[attr-defined]
            continue
        if kind not in (2, 3, 4):  # path, image, shading
            continue
        if not f.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (lft, btm, rgt, tp))):  # type: ignore[attr-defined]
            continue
        color: Color | None = None
        if kind == 2:
            fill, stroke = ctypes.c_int(), ctypes.c_int()
            if not f.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)) or fill.value == 0:  # type: ignore[attr-defined]
                continue
            rr, gg, bb, aa = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
            # a pattern or gradient fill has no single colour: None, like an image, so text on it counts as seen
            if f.FPDFPageObj_GetFillColor(obj, *(ctypes.byref(v) for v in (rr, gg, bb, aa))):  # type: ignore[attr-defined]
                if aa.value == 0:
                    continue
                color = (rr.value / 255, gg.value / 255, bb.value / 255)
        out.append(Shape(lft.value - left, top_edge - tp.value, rgt.value - left, top_edge - btm.value, color))


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
                pages.append(_read_plumber_page(page))
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


def _read_plumber_page(page: object) -> PageChars:
    import pdfplumber.page

    assert isinstance(page, pdfplumber.page.Page)
    _plumber_layout(page)
    chars: list[Char] = []
    for c in page.chars:
        if not c.get("upright", True):
            continue
        name = str(c.get("fontname", ""))
        color = color_from_components(c.get("non_stroking_color"))
        chars.append(
            Char(
                str(c["text"]),
                float(c["x0"]),
                float(c["x1"]),
                float(c["top"]),
                float(c["bottom"]),
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
            shapes.append(Shape(float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"]), color))
        for img in page.images:
            shapes.append(Shape(float(img["x0"]), float(img["top"]), float(img["x1"]), float(img["bottom"]), None))
    links = [
        (float(h.get("top", 0.0)), float(h.get("x0", 0.0)), str(h["uri"])) for h in page.hyperlinks if h.get("uri")
    ]
    return PageChars(
        number=page.page_number,
        width=float(page.width),
        height=float(page.height),
        chars=chars,
        shapes=shapes,
        links=links,
    )


def is_cid(text: str) -> bool:
    return bool(_CID.match(text))
