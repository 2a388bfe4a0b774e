"""PDF extraction: visible text lines in reading order with page, position, font and part, plus links and warnings.

Two char sources (``pdf_chars``) feed one layout routine (``pdf_layout``) and one text repair step (``pdf_text``):
``pdfium`` (pypdfium2, the default, about seven times faster) and ``pdfplumber`` (pdfminer.six). Both return the same
engine-independent ``Document``. Known engine differences: PDFium reads /ActualText and drops overprinted copies of
a glyph itself; pdfminer does not report shadings, so white text on a gradient counts as hidden there.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Literal

from ..errors import InputError
from ..models import Document, Finding, Line, Part, Source
from .normalize import normalisation_findings
from .pdf_budget import check_inflated_size
from .pdf_bullets import find_layout_bullets
from .pdf_chars import MAX_PAGE_CHARS, PageChars, PdfChars, quiet_pdf_libraries, read_pdfium, read_pdfplumber
from .pdf_layout import PageLayout, RawLine, layout_page
from .pdf_text import TextStats, line_text

if TYPE_CHECKING:  # the OCR module loads only for pages that need it
    from .ocr import OcrEngine, OcrMode, Progress

Engine = Literal["pdfium", "pdfplumber"]
ENGINES: tuple[Engine, ...] = ("pdfium", "pdfplumber")
DEFAULT_ENGINE: Engine = "pdfium"
#: pages read from one file; a résumé longer than this is truncated with a warning
MAX_PAGES = 20
#: top/bottom share of the page where running headers and footers live
MARGIN_SHARE = 0.13
_DIGITS = re.compile(r"\d+")
#: lines an icon introduces as decoration, not as a list bullet
_CONTACTISH = re.compile(r"@|https?://|www\.|\.(com|org|net|io|me|dev)\b|^\+?[\d ().-]{7,}$", re.IGNORECASE)


def extract_pdf(
    data: bytes,
    path: str,
    *,
    engine: Engine = DEFAULT_ENGINE,
    max_pages: int = MAX_PAGES,
    ocr: OcrMode = "auto",
    progress: Progress | None = None,
    ocr_engine: OcrEngine | None = None,
    ocr_seconds: float | None = None,
) -> Document:
    """Read a PDF's visible text into a Document.

    Pages without a text layer (scans, outlined text) are read by OCR when the OCR extra is installed (``ocr``:
    "auto"; "force" reads every page by OCR, "off" never); ``progress`` is called after each OCR page, and OCR
    of the file stops after ``ocr_seconds`` (default ``ocr.FILE_SECONDS``), the pages left reported as truncated.
    Raises InputError for encrypted, damaged or truncated files, and for a PDF with no text layer when OCR is not
    installed or is off (``warning_id="text.no-text-layer"``, the message says how to install it).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}; choose one of {', '.join(ENGINES)}")
    with quiet_pdf_libraries():  # pdfminer logs too, when the budget asks it whether a file is encrypted
        check_inflated_size(data, path)  # a decompression bomb is refused before PDFium inflates it
        try:
            chars = read_pdfium(data, path, max_pages) if engine == "pdfium" else read_pdfplumber(data, path, max_pages)
        except InputError:
            raise
        except RecursionError:
            raise InputError(
                f"{path}: the PDF is too deeply nested to read safely; export it again", path=path
            ) from None
        except MemoryError:
            raise InputError(f"{path}: the PDF needs too much memory to read; export it again", path=path) from None
        extra, ocr_read = (
            _read_by_ocr(chars, data, path, ocr, progress, ocr_engine, ocr_seconds) if ocr != "off" else ([], False)
        )
        return _document(chars, data, path, max_pages, extra, ocr_read=ocr_read)


def _has_text(page: PageChars) -> bool:
    return any(not c.text.isspace() for c in page.chars)


def _read_by_ocr(
    pdf: PdfChars,
    data: bytes,
    path: str,
    mode: OcrMode,
    progress: Progress | None,
    engine: OcrEngine | None,
    seconds: float | None,
) -> tuple[list[Finding], bool]:
    """OCR the pages without a text layer (every page with ``mode`` "force"), replacing their chars in place.

    Returns the findings and whether OCR read any page.
    """
    from .ocr import (
        FILE_SECONDS,
        INSTALL_HINT,
        PAGE_SECONDS,
        load_engine,
        missing_ocr_error,
        ocr_findings,
        ocr_pdf_pages,
        page_chars,
    )

    wanted = [p.number for p in pdf.pages if mode == "force" or not _has_text(p)]
    if not wanted:
        return [], False
    if engine is None:
        try:
            engine = load_engine()
        except ImportError:
            if len(wanted) == len(pdf.pages):
                raise missing_ocr_error(path, "the PDF has no text layer (its pages are images or outlines)") from None
            return [
                Finding(
                    "text.no-text-layer",
                    f"{len(wanted)} page(s) have no text layer (images or outlines) and were not read; ATS read "
                    f"nothing there either: export a text PDF, or, to read those pages by OCR, {INSTALL_HINT}",
                    count=len(wanted),
                )
            ], False
    forced = [p.number for p in pdf.pages if p.number in wanted and _has_text(p)]
    file_seconds = FILE_SECONDS if seconds is None else seconds
    pages, skipped = ocr_pdf_pages(
        data,
        path,
        wanted,
        engine=engine,
        progress=progress,
        file_seconds=file_seconds,
        page_seconds=min(PAGE_SECONDS, file_seconds),
    )
    by_number = {p.number: p for p in pdf.pages}
    for page in pages:
        target = by_number[page.number]
        target.chars, target.shapes, target.truncated = page_chars(page).chars, [], False
    for number in skipped:
        by_number[number].chars = []
    return ocr_findings(pages, forced=forced, skipped=skipped), bool(pages)


def _document(
    pdf: PdfChars, data: bytes, path: str, max_pages: int, extra: Sequence[Finding] = (), *, ocr_read: bool = False
) -> Document:
    """The Document of the chars read (or recovered by OCR, reported in ``extra``; ``ocr_read``: OCR read a page)."""
    warnings: list[Finding] = []
    pages_too_big = 0
    layouts: list[PageLayout] = []
    for page in pdf.pages:
        if page.truncated or len(page.chars) > MAX_PAGE_CHARS:
            pages_too_big += 1
            page.chars = page.chars[:MAX_PAGE_CHARS]
        layouts.append(layout_page(page))
    hidden = sum(p.hidden for p in layouts)
    stats = TextStats()
    built: list[tuple[RawLine, str, bool, str | None]] = []
    for layout in layouts:
        for raw in layout.lines:
            text, bullet, icon = line_text(raw.words, stats)
            if text:
                built.append((raw, text, bullet, icon))
    if not built:
        if ocr_read:
            raise InputError(
                f"{path}: OCR found no readable text on the pages without a text layer; if the résumé is a photo or a "
                "faint scan, export it from its editor as a text PDF or .docx instead",
                path=path,
                warning_id="text.no-text-layer",
            )
        if hidden:
            raise InputError(
                f"{path}: all {hidden:,} characters of text in this PDF are invisible (white, tiny or hidden), "
                "so there is nothing a reader sees to analyse; export the résumé again with visible text",
                path=path,
                warning_id="text.no-text-layer",
            )
        raise InputError(
            f"{path}: the PDF has no text layer (its pages are images), so applicant-tracking systems will read "
            "nothing from it either; export the résumé from its editor as a text PDF or .docx, or run OCR on it",
            path=path,
            warning_id="text.no-text-layer",
        )
    # an icon that starts several lines is a bullet; one-off icons (phone, e-mail) are decoration
    icon_counts = Counter(icon for _, _, _, icon in built if icon is not None)
    parts = _running_parts(built, {p.number: p.height for p in layouts}, len(layouts))
    lines: list[Line] = []
    for index, (raw, text, bullet, icon) in enumerate(built):
        if icon is not None and icon_counts[icon] >= 2 and not _CONTACTISH.search(text):
            bullet = True
        lines.append(_line(raw, text, bullet, parts[index]))
    # list items drawn without a bullet character (vector shapes, hanging indents, one action verb per line)
    starts = [_text_start(raw, line.bullet) for (raw, _, _, _), line in zip(built, lines, strict=True)]
    marks = {page.number: page.marks for page in pdf.pages}
    for index in find_layout_bullets(lines, starts, marks, _opens_with_action_verb):
        lines[index] = dataclasses.replace(lines[index], bullet=True)
    links = _links(pdf)
    warnings.extend(extra)
    warnings.extend(normalisation_findings(stats.ligatures, stats.glyphs, stats.repaired))
    if hidden:
        warnings.append(
            Finding(
                "text.hidden",
                f"{hidden:,} character(s) of invisible text (white, background-coloured, tiny or hidden) "
                "were left out; applicant-tracking systems and recruiters treat hidden keywords as stuffing",
                count=hidden,
            )
        )
    if pdf.page_count > max_pages or pages_too_big:
        what = f"only the first {max_pages} of {pdf.page_count} pages were read" if pdf.page_count > max_pages else ""
        if pages_too_big:
            what = (what + "; " if what else "") + f"{pages_too_big} page(s) held too much text and were cut short"
        warnings.append(Finding("text.truncated", f"{what}; a résumé is rarely longer than two pages", count=1))
    source = Source(path=path, type="pdf", pages=pdf.page_count, size=len(data))
    return Document(source=source, lines=tuple(lines), links=links, warnings=tuple(warnings))


def _line(raw: RawLine, text: str, bullet: bool, part: Part) -> Line:
    chars = [c for word in raw.words for c in word.chars]
    sizes = Counter(map(_SIZE, chars))  # counts in first-seen order, as the tie-break in _dominant needs
    bold = sum(map(_BOLD, chars))
    total = len(chars)
    first, last = raw.words[0].chars, raw.words[-1].chars
    return Line(
        text=text,
        page=raw.page,
        bbox=(round(raw.x0, 2), round(raw.top, 2), round(raw.x1, 2), round(raw.bottom, 2)),
        font_size=_dominant(sizes),
        bold=bold * 2 > total if total else None,
        bold_start=sum(map(_BOLD, first)) * 2 > len(first) if first else None,
        bold_end=sum(map(_BOLD, last)) * 2 > len(last) if last else None,
        bullet=bullet,
        part=part,
        column=raw.column,
    )


_SIZE = attrgetter("size")
_BOLD = attrgetter("bold")


def _dominant(sizes: dict[float, int]) -> float | None:
    """The font size most glyphs of a line use, to 0.1 pt."""
    if not sizes:
        return None
    best = max(sizes.items(), key=lambda item: item[1])[0]
    return round(best, 1)


def _text_start(raw: RawLine, bullet: bool) -> tuple[float, float]:
    """Where a line's text starts (after a bullet glyph standing alone) and the width of its first word."""
    words = raw.words
    word = words[0]
    if bullet and len(words) > 1 and len(word.chars) == 1 and not word.chars[0].text.isalnum():
        word = words[1]
    return word.x0, word.x1 - word.x0


def _opens_with_action_verb(words: Sequence[str]) -> bool:
    """Whether lower-case ``words`` open with an action verb of ``lexicons/verbs.yaml`` that is not also a noun
    in that form ("led" and "designed" are; "lead" and "design" are not: job titles open with them)."""
    forms, ambiguous = _verb_forms()
    for size in (2, 1):
        tense = forms.get(" ".join(words[:size]))
        if tense is not None:
            return tense not in ambiguous
    return False


@lru_cache(maxsize=1)
def _verb_forms() -> tuple[dict[str, str], frozenset[str]]:
    """Every form of every action verb, mapped to itself, and the forms that may be nouns (loaded on first use)."""
    from ..verbs import load_verbs  # loaded only when needed

    lex = load_verbs()
    forms = {form: form for form in lex.forms if len(form.split()) <= 2}
    ambiguous = frozenset(
        form.form
        for form in lex.forms.values()
        if form.form in lex.noun_ambiguous or (form.lemma in lex.noun_ambiguous and form.tense != "past")
    )
    return forms, ambiguous


def _running_parts(
    built: list[tuple[RawLine, str, bool, str | None]], heights: dict[int, float], pages: int
) -> list[Part]:
    """Mark lines in the top/bottom margin whose text (digits ignored) repeats on other pages as header/footer."""
    parts: list[Part] = ["body"] * len(built)
    if pages < 2:
        return parts
    seen: dict[tuple[str, str], set[int]] = {}
    where: list[tuple[str, str] | None] = []
    for raw, text, _, _ in built:
        height = heights.get(raw.page, 792.0)
        zone = (
            "header"
            if raw.bottom < height * MARGIN_SHARE
            else "footer"
            if raw.top > height * (1 - MARGIN_SHARE)
            else ""
        )
        if not zone:
            where.append(None)
            continue
        key = (zone, _DIGITS.sub("#", text.lower()))
        seen.setdefault(key, set()).add(raw.page)
        where.append(key)
    # running headers repeat on (nearly) every page; a contact block repeated on a cover letter page does not
    needed = max(2, pages - 1)
    for index, found in enumerate(where):
        if found is not None and len(seen[found]) >= needed:
            parts[index] = "header" if found[0] == "header" else "footer"
    return parts


def _links(pdf: PdfChars) -> tuple[str, ...]:
    out: list[str] = []
    seen: set[str] = set()
    for page in pdf.pages:
        for _top, _x0, uri in sorted(page.links):
            uri = uri.strip()
            if not uri or uri in seen or uri.lower().startswith("javascript:"):
                continue
            seen.add(uri)
            out.append(uri)
    return tuple(out)
