"""Synthetic scans for the OCR tests: text PDFs rendered to images, wrapped as image-only PDFs and DOCX files."""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

#: a small résumé for scans that must be quick to OCR (CLI and report-format tests)
SHORT_RESUME = (
    ("Jordan Reyes", 16, True),
    ("jordan.reyes@example.com | +44 7700 900456", 10, False),
    ("EXPERIENCE", 12, True),
    ("IT Project Manager, Harbour Bank, 2019 - Present", 10, True),
    ("• Delivered a £1.2m cloud migration for 800 users on time.", 10, False),
    ("• Led a team of 9 engineers across two Scrum teams.", 10, False),
    ("SKILLS", 12, True),
    ("Agile, Scrum, PRINCE2, Jira, risk management", 10, False),
    ("EDUCATION", 12, True),
    ("BSc Computer Science, University of York, 2012", 10, False),
)


def text_pdf(lines: Sequence[tuple[str, float, bool]], *, columns: Sequence[Sequence[str]] = ()) -> bytes:
    """A one-page A4 text PDF: ``lines`` top-down (text, size, bold); ``columns`` below them side by side."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    y = _draw_lines(pdf, lines)
    if columns:
        top = y - 10
        for index, column in enumerate(columns):
            x, cy = 56 + index * 250, top
            for text in column:
                pdf.setFont("Helvetica-Bold" if text.isupper() else "Helvetica", 10)
                pdf.drawString(x, cy, text)
                cy -= 16
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _draw_lines(pdf: Any, lines: Sequence[tuple[str, float, bool]]) -> float:
    """Draw ``lines`` (text, size, bold) top-down on an A4 canvas; returns the height below the last one."""
    from reportlab.lib.pagesizes import A4

    y = A4[1] - 60
    for text, size, bold in lines:
        pdf.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        pdf.drawString(56, y, text)
        y -= size * 1.6
    return float(y)


def mixed_pdf(lines: Sequence[tuple[str, float, bool]], image: Any) -> bytes:
    """Page 1 with a text layer, page 2 only a picture (a scanned page appended to a text PDF), or an empty page
    when ``image`` is None (as Word often exports a résumé)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    _draw_lines(pdf, lines)
    pdf.showPage()
    if image is not None:
        pdf.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def render(pdf: bytes, dpi: int = 150) -> list[Any]:
    """Each page of ``pdf`` as a PIL image at ``dpi``."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(document))]
    finally:
        document.close()


def image_pdf(images: Sequence[Any], dpi: int = 150) -> bytes:
    """An image-only PDF (no text layer at all), one image per page, as a scanner makes."""
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", resolution=dpi, save_all=True, append_images=list(images[1:]))
    return buffer.getvalue()


def image_docx(images: Sequence[Any]) -> bytes:
    """A Word document that is only pictures: each image pasted on its own, full text width."""
    import docx
    from docx.shared import Inches

    document = docx.Document()
    for image in images:
        png = io.BytesIO()
        image.save(png, "PNG")
        png.seek(0)
        document.add_picture(png, width=Inches(6.3))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_WORD = re.compile(r"[a-z0-9£$%]+")


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower().replace("’", "'")))


def word_recall(source: str, read: str) -> float:
    """Share of the source's words (with repeats) that the read text holds."""
    wanted, got = words(source), words(read)
    total = sum(wanted.values())
    return sum(min(n, got[w]) for w, n in wanted.items()) / total if total else 1.0


class FakeEngine:
    """An OCR engine for logic tests: ``lines`` are (text, (x0, top, x1, bottom) as shares of the image)."""

    def __init__(self, lines: Sequence[tuple[str, tuple[float, float, float, float]]], seconds: float = 0.0) -> None:
        self.lines = list(lines)
        self.seconds = seconds  # how far each call moves ``clock``
        self.now = 0.0
        self.shapes: list[tuple[int, ...]] = []
        self._queue: list[str] = []

    def clock(self) -> float:
        return self.now

    def detect(self, image: Any) -> list[tuple[float, float, float, float]]:
        height, width = image.shape[:2]
        self.shapes.append(tuple(image.shape))
        boxes = [(x0 * width, top * height, x1 * width, bottom * height) for _, (x0, top, x1, bottom) in self.lines]
        order = sorted(range(len(boxes)), key=lambda i: (round(boxes[i][1] / 8), boxes[i][0]))
        self._queue = [self.lines[i][0] for i in order]
        return [boxes[i] for i in order]

    def recognise(self, image: Any) -> tuple[str, float]:
        self.now += self.seconds
        return self._queue.pop(0), 0.99
