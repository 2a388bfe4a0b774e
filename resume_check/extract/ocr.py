"""OCR for pages without a text layer (scans, outlined text) and image-only DOCX, through the optional extra.

The ``ocr`` extra (``pip install -e ".[ocr]"`` in a checkout) installs RapidOCR (Apache-2.0) and ONNX Runtime
(MIT). RapidOCR's wheel ships its PP-OCRv6 detection and recognition models (Apache-2.0, PaddleOCR); the engine is
built from those files by path, so it never reaches its download code: nothing is fetched at run time. Without the
extra, a file with no text layer is an ``InputError`` (``text.no-text-layer``, exit 3) whose message says how to
install it.

OCR output becomes ordinary ``PageChars``: each recognised line's box is spread over its characters, so the PDF
layout code (rows, words, columns, reading order, running headers) and the structure code treat a scan like a
text PDF. Budgets: images are downscaled to ``MAX_SIDE`` pixels before OCR, a page reads at most ``MAX_LINES``
lines, and a page or a file that runs past ``page_seconds`` / ``file_seconds`` stops there with a warning.
"""

from __future__ import annotations

import functools
import io
import re
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from ..errors import InputError
from ..models import Document, Finding
from .pdf_chars import Char, PageChars

#: how to install the extra (every message that needs OCR says this)
INSTALL_HINT = (
    'install resume-check with its ocr extra (pip install -e ".[ocr]" in a checkout, or pip install '
    '"resume-check[ocr] @ git+https://github.com/<owner>/resume-check@vX.Y.Z" from a release tag; README: Scans '
    "and pictures)"
)
#: resolution pages are rendered at for OCR (clean 150-dpi renders are the documented target)
RENDER_DPI = 150
#: longest side of an image given to OCR, in pixels; larger renders and images are downscaled first
MAX_SIDE = 2400
#: an embedded image with more pixels than this is refused before it is decoded (decompression bombs)
MAX_IMAGE_PIXELS = 60_000_000
#: text lines read from one page at most
MAX_LINES = 400
#: default time limits (seconds) for OCR of one page and of one file
PAGE_SECONDS = 60.0
FILE_SECONDS = 240.0
#: share of a per-file time limit (``--time-limit`` of check and batch) that OCR may spend: the rest is left for the
#: analysis, so a long scan ends in a report of the pages read (``text.truncated`` names the others), not a timeout
TIME_LIMIT_SHARE = 0.8
#: the page width an image pasted into a DOCX is taken to fill (A4 width, in points)
DOCX_PAGE_WIDTH = 595.0
#: recognised text below this confidence is dropped (RapidOCR's own default)
MIN_SCORE = 0.5

OcrMode = Literal["auto", "force", "off"]
OCR_MODES: tuple[OcrMode, ...] = ("auto", "force", "off")
#: progress(done_pages, total_pages, path): called after each page OCR reads (the CLI prints it on stderr)
Progress = Callable[[int, int, str], None]

_MODEL_FILES = {
    "det": "PP-OCRv6_det_small.onnx",
    "rec": "PP-OCRv6_rec_small.onnx",
    "cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}


class OcrEngine(Protocol):
    """What the OCR step needs: text line boxes on an image, and the text of one line image."""

    def detect(self, image: Any) -> list[tuple[float, float, float, float]]: ...
    def recognise(self, image: Any) -> tuple[str, float]: ...


@dataclass(frozen=True, slots=True)
class OcrLine:
    text: str
    box: tuple[float, float, float, float]  # x0, top, x1, bottom in image pixels
    score: float


@dataclass(frozen=True, slots=True)
class OcrPage:
    """What OCR read from one page or image: lines in image pixels, and the pixel-to-point scale."""

    number: int  # 1-based page (PDF) or image (DOCX) number
    width: float  # page size in points
    height: float
    points_per_pixel: float
    lines: tuple[OcrLine, ...]
    stopped: str | None = None  # why the page was cut short (time, line limit), or None


def ocr_seconds(time_limit: float) -> float:
    """The OCR time limit of a file analysed within ``time_limit`` seconds (FILE_SECONDS at most)."""
    return min(FILE_SECONDS, time_limit * TIME_LIMIT_SHARE)


def ocr_clock() -> float:
    """The clock OCR time limits are measured on (a function, so tests can run it faster than real time)."""
    return time.monotonic()


def missing_ocr_error(path: str, what: str) -> InputError:
    """The exit-3 error for a file that needs OCR when the extra is not installed."""
    return InputError(
        f"{path}: {what}, so applicant-tracking systems will read nothing from it either; export the résumé "
        f"from its editor as a text PDF or .docx, or, to see what OCR reads, {INSTALL_HINT}",
        path=path,
        warning_id="text.no-text-layer",
    )


# ----------------------------------------------------------------------------------------- the engine


#: the longest side RapidOCR's text detector scales an image to
_DET_SIDE = 2000
#: the detector's working size: the shorter side of what it reads is scaled up to at least this (RapidOCR's own
#: default, applied here: see ``RapidOcrEngine.detect``)
_DET_WORKING = 736
#: rows of the tiles a page is read in, at the detector's scale; RapidOCR is set to scale up only an image whose
#: shorter side is below this, so a tile goes in as it was cut
_DET_TILE = 480
#: rows each tile shares with the next, at the detector's scale: more than the tallest text line there, so every
#: line lies whole inside a tile
_DET_OVERLAP = 128
#: pixels (at the detector's scale) up to which an image is read whole, about a tile's; the detector's working
#: memory grows with the pixels it is given, so a larger page is read in horizontal tiles
_DET_WHOLE_PIXELS = 640_000
#: columns of the image the detector is given, at most: a letter page's width at ``RENDER_DPI``. Tiles are
#: full-width, so their pixels grow with it: a wider image is scaled down to it (a landscape scan 2,329 px wide went
#: in 2,000 px wide and peaked at 610 MB), and a small one grows no wider
_DET_WIDTH = 1280
#: the longest side of an image the detector is given, at most this many times its shortest: the detector scales
#: the shortest side up to its working size, so a page 612 x 65,535 points (a damaged MediaBox) rendered to a strip
#: 22 px high became tens of thousands of pixels long inside it and took gigabytes; at 4 to 1, a page 612 x 1
#: points still went in as one tile 480 x 1,920 (three times an ordinary tile's pixels: 608 MB in a fuzz round)
MAX_ASPECT = 2


def _round32(side: float) -> int:
    """A side as RapidOCR sizes it: truncated to whole pixels, then rounded to a multiple of 32."""
    return int(round(int(side) / 32) * 32)


def _padded_to_aspect(image: Any) -> Any:
    """The image on a white canvas whose sides are at most MAX_ASPECT to 1 (unchanged when they already are); the
    image keeps its top-left corner, so the boxes found stay in its pixels."""
    height, width = image.shape[:2]
    if max(height, width) <= MAX_ASPECT * min(height, width):
        return image
    import numpy as np

    canvas = np.full(
        (max(height, -(-width // MAX_ASPECT)), max(width, -(-height // MAX_ASPECT)), *image.shape[2:]), 255, image.dtype
    )
    canvas[:height, :width] = image
    return canvas


class RapidOcrEngine:
    """RapidOCR over ONNX Runtime with the models shipped in its wheel, loaded by path (no download code runs)."""

    def __init__(self) -> None:
        import rapidocr
        from rapidocr import RapidOCR

        folder = Path(rapidocr.__file__).resolve().parent / "models"
        paths = {task: folder / name for task, name in _MODEL_FILES.items()}
        missing = [str(p) for p in paths.values() if not p.is_file()]
        if missing:
            raise InputError(
                f"the OCR models are missing from the installed rapidocr package ({', '.join(missing)}); "
                f"reinstall rapidocr: pip install --force-reinstall 'rapidocr>=3.10,<4'"
            )
        self._ocr = RapidOCR(
            params={
                "Global.log_level": "critical",
                "Global.use_cls": False,  # résumé pages are upright; the classifier doubles the time
                "Det.model_path": str(paths["det"]),
                "Det.limit_side_len": _DET_TILE,  # the working size is applied by ``detect`` (tiles go in as cut)
                "Rec.model_path": str(paths["rec"]),
                "Cls.model_path": str(paths["cls"]),
            }
        )

    def detect(self, image: Any) -> list[tuple[float, float, float, float]]:
        """Text line boxes (left, top, right, bottom) in the image's pixels.

        The image is resized here exactly as RapidOCR resizes a whole image for its detector (longest side at most
        ``_DET_SIDE``, shorter side at least ``_DET_WORKING``, both multiples of 32). The detector's working memory
        grows with the pixels it is given, so an image of more than ``_DET_WHOLE_PIXELS`` at that size is read in
        horizontal tiles ``_DET_TILE`` rows high (the last one ending at the foot), each sharing at least
        ``_DET_OVERLAP`` rows with the next, so every line lies whole inside one; a line is kept from the tile whose
        share of the page (up to the middle of each overlap) holds its middle, so none is read twice or cut.
        """
        image = _padded_to_aspect(image)
        height, width = image.shape[:2]
        # RapidOCR scales the longest side to at most 2,000 px and rounds both sides to a multiple of 32: a side
        # that rounds to 0 (a page a few points high, as a damaged MediaBox gives) makes it raise
        ratio = min(1.0, _DET_SIDE / max(height, width, 1), _DET_WIDTH / max(width, 1))
        if min(height, width) * ratio < 16:
            return []
        # RapidOCR's first resize (only when the longest side is over the limit), then its detector's (the short
        # side up to its working size), each rounding both sides to a multiple of 32
        scaled = (_round32(height * ratio), _round32(width * ratio)) if ratio < 1.0 else (height, width)
        # ... but never wider than an ordinary page: a page 612 x 1 points, padded to 4:1, grew to 736 x 2,944 px and
        # was read in full-width tiles of 1.4 million pixels (608 MB in a fuzz round)
        grow = max(1.0, min(_DET_WORKING / min(scaled), _DET_WIDTH / scaled[1]))
        rows, columns = _round32(scaled[0] * grow), _round32(scaled[1] * grow)
        page = image
        for size in (scaled, (rows, columns)):
            if page.shape[:2] != size:
                import cv2  # a dependency of rapidocr: the resizes RapidOCR applies to a whole image

                page = cv2.resize(page, (size[1], size[0]))
        if rows <= _DET_TILE + _DET_OVERLAP or rows * columns <= _DET_WHOLE_PIXELS:
            tile, tops = rows, [0]  # read whole: one tile
        else:
            tile, tops = _DET_TILE, [*range(0, rows - _DET_TILE, _DET_TILE - _DET_OVERLAP), rows - _DET_TILE]
        down, across = height / rows, width / columns
        out = []
        for index, top in enumerate(tops):
            # this tile's share of the page: from the middle of the overlap above to the middle of the one below
            low = (tops[index - 1] + tile + top) / 2 if index else float("-inf")
            high = (top + tile + tops[index + 1]) / 2 if index + 1 < len(tops) else float("inf")
            for x0, y0, x1, y1 in self._boxes(page[top : top + tile]):
                if low <= top + (y0 + y1) / 2 < high:
                    out.append((x0 * across, (top + y0) * down, x1 * across, (top + y1) * down))
        return out

    def _boxes(self, image: Any) -> list[tuple[float, float, float, float]]:
        result = self._ocr(image, use_det=True, use_cls=False, use_rec=False)
        boxes = getattr(result, "boxes", None)
        if boxes is None:
            return []
        out = []
        for quad in boxes:
            xs = [float(p[0]) for p in quad]
            ys = [float(p[1]) for p in quad]
            out.append((min(xs), min(ys), max(xs), max(ys)))
        return out

    def recognise(self, image: Any) -> tuple[str, float]:
        result = self._ocr(image, use_det=False, use_cls=False, use_rec=True)
        texts = getattr(result, "txts", None) or ("",)
        scores = getattr(result, "scores", None) or (0.0,)
        return str(texts[0]), float(scores[0])


def ocr_available() -> bool:
    """True when the OCR extra (rapidocr and onnxruntime) can be imported."""
    try:
        import onnxruntime  # noqa: F401
        import rapidocr  # noqa: F401
    except ImportError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def load_engine() -> OcrEngine:
    """The OCR engine, built once per process. Raises ImportError when the extra is not installed."""
    import onnxruntime  # noqa: F401  (a clear ImportError before rapidocr's own)

    return RapidOcrEngine()


# ----------------------------------------------------------------------------------------- reading images


def _downscaled(image: Any) -> tuple[Any, float]:
    """The image with its longest side at most MAX_SIDE pixels, and the factor applied (1.0 when unchanged)."""
    height, width = image.shape[:2]
    longest = max(height, width)
    if longest <= MAX_SIDE:
        return image, 1.0
    from PIL import Image

    factor = MAX_SIDE / longest
    size = (max(1, round(width * factor)), max(1, round(height * factor)))
    import numpy as np

    return np.asarray(Image.fromarray(image).resize(size, Image.Resampling.LANCZOS)), factor


def read_image(
    engine: OcrEngine, image: Any, *, deadline: float, clock: Callable[[], float] | None = None
) -> tuple[tuple[OcrLine, ...], float, str | None]:
    """OCR one RGB image (numpy array): lines in the ORIGINAL image's pixels, the downscale factor, why it stopped."""
    clock = clock or ocr_clock
    small, factor = _downscaled(image)
    boxes = engine.detect(small)
    boxes.sort(key=lambda b: (round(b[1] / 8), b[0]))
    stopped = None
    if len(boxes) > MAX_LINES:
        boxes = boxes[:MAX_LINES]
        stopped = f"only its first {MAX_LINES} text lines were read"
    height, width = small.shape[:2]
    lines: list[OcrLine] = []
    for x0, top, x1, bottom in boxes:
        if clock() > deadline:
            stopped = "OCR stopped at the time limit"
            break
        pad = max(1.0, (bottom - top) * 0.08)
        crop = small[
            max(0, int(top - pad)) : min(height, int(bottom + pad + 1)),
            max(0, int(x0 - pad)) : min(width, int(x1 + pad + 1)),
        ]
        if crop.size == 0:
            continue
        text, score = engine.recognise(crop)
        text = " ".join(text.split())
        if text and score >= MIN_SCORE:
            lines.append(OcrLine(text, (x0 / factor, top / factor, x1 / factor, bottom / factor), score))
    release_freed_memory()
    return tuple(lines), factor, stopped


def release_freed_memory() -> None:
    """Hand the heap the OCR models freed back to the system (glibc's ``malloc_trim``; elsewhere nothing).

    The models' working buffers are freed after each image, but the C allocator keeps the pages, and buffers of
    a new image size are laid out beside them: without this, a batch of scans of different sizes keeps growing.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None


# ----------------------------------------------------------------------------------------- OCR -> chars


#: a line whose estimated font size is within this share of the page's typical size is body text of that size
SIZE_TOLERANCE = 0.15


def page_chars(page: OcrPage) -> PageChars:
    """Spread each OCR line over its characters (spaces included) so the PDF layout code can read the page.

    A detector box hugs the letters with a margin: the font size is taken as three quarters of its height, and
    sizes close to the page's typical one are made equal to it (box heights jitter by a few pixels, and the
    structure code compares sizes to join wrapped lines and to tell headings). Each char gets the glyph band
    (the box's middle ± 0.6 × size), so neighbouring lines' boxes do not overlap.
    """
    from statistics import median

    chars: list[Char] = []
    scale = page.points_per_pixel
    sizes = [max((line.box[3] - line.box[1]) * scale * 0.75, 1.0) for line in page.lines]
    typical = median(sizes) if sizes else 10.0
    for line, raw_size in zip(page.lines, sizes, strict=True):
        x0, top, x1, bottom = (v * scale for v in line.box)
        size = typical if abs(raw_size - typical) <= typical * SIZE_TOLERANCE else round(raw_size, 1)
        middle = (top + bottom) / 2
        top, bottom = middle - 0.6 * size, middle + 0.6 * size
        text = line.text
        # one OCR line is one run of text: a space is a narrow gap (a quarter em, as in most fonts), never so wide
        # that the layout code would split the line into columns; the letters share the rest of the box
        spaces = text.count(" ")
        space = min(0.25 * size, (x1 - x0) / len(text))
        cell = (x1 - x0 - spaces * space) / max(len(text) - spaces, 1)
        left = x0
        for ch in text:
            width = space if ch == " " else cell
            chars.append(Char(ch, left, left + width, top, bottom, size, "OCR", False, (0.0, 0.0, 0.0), False))
            left += width
    return PageChars(number=page.number, width=page.width, height=page.height, chars=chars)


def ocr_findings(pages: Sequence[OcrPage], *, forced: Sequence[int] = (), skipped: Sequence[int] = ()) -> list[Finding]:
    """``text.ocr`` (what was recovered by OCR) and ``text.truncated`` for pages cut short or left unread."""
    out: list[Finding] = []
    # a page OCR found nothing on (a blank page after a text page, a picture without words) was recovered from
    # nothing: it is no reason to warn that the text came from OCR
    scanned = [p.number for p in pages if p.number not in forced and p.lines]
    if scanned:
        out.append(
            Finding(
                "text.ocr",
                f"the text of {_pages(scanned)} was recovered by OCR: the file has no text layer there (a scan, a "
                "picture or outlined text), and most applicant-tracking systems read nothing from it; export the "
                "résumé from its editor as a text PDF or .docx (Save As or Export, not Print to PDF or a scan)",
                "warning",
                count=len(scanned),
            )
        )
    if forced:
        out.append(
            Finding(
                "text.ocr",
                f"{_pages(forced)} read by OCR as asked (--ocr) instead of the text layer, which ATS read",
                "info",
                count=len(forced),
            )
        )
    cut = [f"{_pages([p.number])}: {p.stopped}" for p in pages if p.stopped]
    if skipped:
        cut.append(
            f"{_pages(skipped)} not read: the OCR time limit for the file was reached (check and batch read more "
            "with a longer --time-limit)"
        )
    if cut:
        out.append(Finding("text.truncated", "; ".join(cut) + "; check the rest of the text by hand", count=len(cut)))
    return out


def _pages(numbers: Sequence[int]) -> str:
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    return f"pages {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"


# ----------------------------------------------------------------------------------------- PDF pages


def ocr_pdf_pages(
    data: bytes,
    path: str,
    numbers: Sequence[int],
    *,
    engine: OcrEngine,
    page_seconds: float = PAGE_SECONDS,
    file_seconds: float = FILE_SECONDS,
    progress: Progress | None = None,
    clock: Callable[[], float] | None = None,
) -> tuple[list[OcrPage], list[int]]:
    """Render the given 1-based pages at RENDER_DPI (downscaled past MAX_SIDE) and OCR them.

    Returns (pages read, page numbers skipped because the file's time limit was reached).
    """
    import pypdfium2 as pdfium

    clock = clock or ocr_clock
    start = clock()
    pages: list[OcrPage] = []
    skipped: list[int] = []
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise _unrenderable(path) from None
    if progress is not None:
        progress(0, len(numbers), path)
    try:
        for done, number in enumerate(numbers):
            now = clock()
            if now - start > file_seconds:
                skipped.extend(numbers[done:])
                break
            try:
                page = pdf[number - 1]
                try:
                    width, height = page.get_size()
                    scale = min(RENDER_DPI / 72, MAX_SIDE / max(width, height, 1.0))
                    image = page.render(scale=scale).to_numpy()
                finally:
                    page.close()
            except pdfium.PdfiumError:
                raise _unrenderable(path, number) from None
            deadline = min(now + page_seconds, start + file_seconds)
            lines, factor, stopped = read_image(engine, image[:, :, :3], deadline=deadline, clock=clock)
            pages.append(OcrPage(number, width, height, 1.0 / scale, lines, stopped))
            del factor
            if progress is not None:
                progress(done + 1, len(numbers), path)
    finally:
        pdf.close()
    return pages, skipped


def _unrenderable(path: str, page: int | None = None) -> InputError:
    where = f"page {page} of the PDF" if page else "the PDF"
    return InputError(
        f"{path}: {where} has no text layer and cannot be rendered for OCR (the file is damaged); export it again "
        "from its editor as a text PDF",
        path=path,
        warning_id="text.no-text-layer",
    )


# ----------------------------------------------------------------------------------------- DOCX images

_EMBED = re.compile(rb'r:(?:embed|link|id)="([^"]+)"')
_REL = re.compile(rb"<Relationship\b[^>]*>")
_ATTR = re.compile(rb'(\w+)="([^"]*)"')
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp")


def docx_images(data: bytes) -> list[bytes]:
    """The images of a DOCX in the order the document shows them (the package was checked by the DOCX reader)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    try:
        document = archive.read("word/document.xml")
        rels = archive.read("word/_rels/document.xml.rels")
    except KeyError:
        return []
    targets: dict[bytes, str] = {}
    for rel in _REL.findall(rels):
        attrs = dict(_ATTR.findall(rel))
        target = attrs.get(b"Target", b"").decode("utf-8", "replace")
        if attrs.get(b"Id") and target.lower().endswith(IMAGE_SUFFIXES):
            targets[attrs[b"Id"]] = "word/" + target.lstrip("/").removeprefix("word/")
    ordered: list[str] = []
    for rid in _EMBED.findall(document):
        name = targets.get(rid)
        if name and name in names and name not in ordered:
            ordered.append(name)
    return [archive.read(name) for name in ordered]


def decode_image(blob: bytes, path: str) -> Any:
    """An embedded image as an RGB numpy array, refusing decompression bombs before decoding."""
    import numpy as np
    from PIL import Image

    try:
        with Image.open(io.BytesIO(blob)) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise InputError(
                    f"{path}: an embedded image of {image.width:,} × {image.height:,} pixels is over the "
                    f"{MAX_IMAGE_PIXELS:,}-pixel limit for OCR; save the résumé with smaller images",
                    path=path,
                )
            image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at a reduced size straight away
            return np.asarray(image.convert("RGB"))
    except InputError:
        raise
    except Exception:  # Pillow raises many kinds for a broken image: it is simply not read
        return None


def ocr_docx_images(
    data: bytes,
    path: str,
    *,
    engine: OcrEngine,
    page_seconds: float = PAGE_SECONDS,
    file_seconds: float = FILE_SECONDS,
    progress: Progress | None = None,
    clock: Callable[[], float] | None = None,
) -> tuple[list[OcrPage], list[int]]:
    """OCR the images of a DOCX, each as a page of DOCX_PAGE_WIDTH points. Returns (pages read, images skipped)."""
    clock = clock or ocr_clock
    start = clock()
    images = docx_images(data)
    pages: list[OcrPage] = []
    skipped: list[int] = []
    if progress is not None and images:
        progress(0, len(images), path)
    for index, blob in enumerate(images):
        now = clock()
        if now - start > file_seconds:
            skipped.extend(range(index + 1, len(images) + 1))
            break
        image = decode_image(blob, path)
        if image is None or image.ndim != 3:
            continue
        height, width = image.shape[:2]
        deadline = min(now + page_seconds, start + file_seconds)
        lines, _factor, stopped = read_image(engine, image, deadline=deadline, clock=clock)
        scale = DOCX_PAGE_WIDTH / max(width, 1)
        pages.append(OcrPage(index + 1, DOCX_PAGE_WIDTH, height * scale, scale, lines, stopped))
        if progress is not None:
            progress(index + 1, len(images), path)
    return pages, skipped


def read_docx_by_ocr(
    data: bytes,
    path: str,
    *,
    forced: bool = False,
    engine: OcrEngine | None = None,
    progress: Progress | None = None,
    file_seconds: float = FILE_SECONDS,
) -> Document | None:
    """The Document OCR reads from a DOCX's images, or None when it has none.

    Raises InputError (``text.no-text-layer``, with the install hint) when it has images but OCR is not installed.
    """
    import dataclasses

    from .docx import _check_zip
    from .pdf import _document
    from .pdf_chars import PdfChars

    _check_zip(data, path)  # the package budgets (members, sizes, ratios) before any image is read
    if not docx_images(data):
        return None
    if engine is None:
        try:
            engine = load_engine()
        except ImportError:
            raise missing_ocr_error(path, "the document holds only images (a pasted picture), no text") from None
    pages, skipped = ocr_docx_images(
        data,
        path,
        engine=engine,
        progress=progress,
        file_seconds=file_seconds,
        page_seconds=min(PAGE_SECONDS, file_seconds),
    )
    numbers = [p.number for p in pages]
    chars = PdfChars([page_chars(p) for p in pages], len(pages) + len(skipped))
    findings = ocr_findings(pages, forced=numbers if forced else (), skipped=skipped)
    if forced:
        findings = [
            dataclasses.replace(f, message=f.message.replace("page", "image")) if f.id == "text.ocr" else f
            for f in findings
        ]
    document = _document(chars, data, path, max(len(pages), 1), findings, ocr_read=bool(pages))
    source = dataclasses.replace(document.source, type="docx", pages=None)
    # images are not pages: a DOCX line has no page number
    lines = tuple(dataclasses.replace(line, page=None) for line in document.lines)
    return dataclasses.replace(document, source=source, lines=lines)
