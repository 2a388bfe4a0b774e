"""extract(path) -> Document: read a résumé file, refuse what cannot be read, dispatch on type.

Engines (one module each, all returning the engine-independent ``Document``):
- ``pdf.extract_pdf(data: bytes, path: str) -> Document``
- ``docx.extract_docx(data: bytes, path: str) -> Document``
- ``text.extract_text(data: bytes, path: str, kind: str) -> Document`` (kind: txt, md, tex, typ)
- ``jsonresume.extract_json_resume(data: bytes, path: str) -> Document`` (JSON Resume: fields declare the sections)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..budgets import MAX_DOCUMENT_CHARS, MAX_LINE_CHARS, NotRegularFile, TooLarge, read_regular
from ..config import DEFAULT_MAX_BYTES
from ..errors import InputError
from ..escaping import display_path
from ..models import Document

if TYPE_CHECKING:
    from .ocr import OcrMode, Progress

SUPPORTED = (
    "PDF (.pdf), Word (.docx), plain text (.txt), Markdown (.md), LaTeX (.tex), Typst (.typ) or JSON Resume (.json)"
)
TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".tex": "tex", ".typ": "typ"}
REFUSED = {
    ".doc": "legacy Word .doc files are not supported: open it in Word or LibreOffice and save as .docx or PDF",
    ".odt": "OpenDocument .odt files are not supported: save it as .docx or PDF",
    ".rtf": "RTF files are not supported: save it as .docx or PDF",
    ".pages": "Apple Pages files are not supported: export it as .docx or PDF",
}
IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"RIFF")


def read_input(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read ``path`` ("-" for standard input) with a size limit; only a regular file (or stdin) is read."""
    name = display_path(path)
    try:
        data = sys.stdin.buffer.read(max_bytes + 1) if path == "-" else read_regular(path, max_bytes)
    except IsADirectoryError:
        raise InputError(
            f"{name}: is a folder, not a file; use `resume-check batch {name}` for folders", path=path
        ) from None
    except NotRegularFile:
        raise InputError(
            f"{name}: is not a regular file (a FIFO, device or socket); give the résumé file itself", path=path
        ) from None
    except TooLarge:
        raise InputError(
            f"{name}: over the {max_bytes:,}-byte limit for one résumé; export a smaller file (compress images)",
            path=path,
        ) from None
    except FileNotFoundError:
        raise InputError(f"{name}: no such file; check the path", path=path) from None
    except PermissionError:
        raise InputError(f"{name}: permission denied; check the file's permissions", path=path) from None
    except OSError as err:
        raise InputError(f"{name}: cannot be read ({err.strerror or err}); check the file", path=path) from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: input is over the {max_bytes:,}-byte limit for one résumé", path=path)
    return data


def detect_kind(data: bytes, path: str) -> str:
    """The input type: pdf, docx, txt, md, tex, typ or json. Raises InputError for anything else."""
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if suffix in REFUSED:
        raise InputError(f"{path}: {REFUSED[suffix]}. Supported: {SUPPORTED}", path=path)
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if suffix in ("", ".docx", ".docm", ".dotx"):
            return "docx"
        raise InputError(
            f"{path}: a zip archive named {suffix} is not a résumé this tool reads. Supported: {SUPPORTED}", path=path
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(f"{path}: {REFUSED['.doc']}. Supported: {SUPPORTED}", path=path)
    if data.startswith(b"{\\rtf"):
        raise InputError(f"{path}: {REFUSED['.rtf']}. Supported: {SUPPORTED}", path=path)
    if data.startswith(IMAGE_MAGIC):
        raise InputError(
            f"{path}: this is an image, and image text is invisible to applicant-tracking systems; "
            f"export the résumé from its editor as PDF or .docx. Supported: {SUPPORTED}",
            path=path,
        )
    if suffix == ".pdf":
        raise InputError(
            f"{path}: not a PDF (no %PDF header): the file is damaged or mislabelled; export it again", path=path
        )
    if suffix == ".docx":
        raise InputError(
            f"{path}: not a .docx (not a zip package): the file is damaged or mislabelled; save it again from Word",
            path=path,
        )
    if suffix == ".json":
        return "json"  # validated as a JSON Resume by the reader
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")) and suffix in (*TEXT_SUFFIXES, ""):
        return TEXT_SUFFIXES.get(suffix, "txt")  # UTF-16/UTF-8 text with a byte-order mark
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: unknown binary file type. Supported: {SUPPORTED}", path=path)
    if suffix in TEXT_SUFFIXES:
        return TEXT_SUFFIXES[suffix]
    if suffix in ("", ".-"):
        return "txt"
    raise InputError(f"{path}: unsupported file type {suffix!r}. Supported: {SUPPORTED}", path=path)


def extract_bytes(
    data: bytes,
    path: str,
    kind: str | None = None,
    *,
    ocr: OcrMode = "auto",
    progress: Progress | None = None,
    ocr_seconds: float | None = None,
) -> Document:
    """Extract a Document from bytes already read; ``path`` is used for messages and the Source (shown with
    undecodable bytes and control characters escaped: ``escaping.display_path``).

    ``ocr``: "auto" reads PDF pages without a text layer and image-only DOCX files by OCR when the OCR extra is
    installed; "force" reads every PDF page (and a DOCX's images) by OCR; "off" never. ``progress(done, total,
    path)`` is called after each page OCR reads; OCR of the file stops after ``ocr_seconds`` (default
    ``ocr.FILE_SECONDS``) and reports the pages left unread.
    """
    path = display_path(path)
    if not data or data.isspace():  # what strip() would empty, without copying the file
        raise InputError(f"{path}: the file is empty; export the résumé again", path=path)
    kind = kind or detect_kind(data, path)
    if kind == "pdf":
        from .pdf import extract_pdf

        document = extract_pdf(data, path, ocr=ocr, progress=progress, ocr_seconds=ocr_seconds)
    elif kind == "docx":
        document = _docx(data, path, ocr, progress, ocr_seconds)
    elif kind == "json":
        from .jsonresume import extract_json_resume

        document = extract_json_resume(data, path)
    else:
        from .text import extract_text

        document = extract_text(data, path, kind)
    check_text_budget(document, path)
    return document


def _docx(data: bytes, path: str, ocr: OcrMode, progress: Progress | None, seconds: float | None) -> Document:
    """A DOCX by its text, or by OCR of its pictures when it has no text (``ocr`` "auto") or when forced."""
    from .docx import extract_docx
    from .ocr import FILE_SECONDS, read_docx_by_ocr

    file_seconds = FILE_SECONDS if seconds is None else seconds
    if ocr == "force":
        document = read_docx_by_ocr(data, path, forced=True, progress=progress, file_seconds=file_seconds)
        if document is not None:
            return document
    try:
        return extract_docx(data, path)
    except InputError as err:
        if err.warning_id != "text.empty" or ocr == "off":
            raise
        found = read_docx_by_ocr(data, path, progress=progress, file_seconds=file_seconds)
        if found is None:
            raise
        return found


def check_text_budget(document: Document, path: str) -> None:
    """Refuse (InputError) a document whose text is over MAX_DOCUMENT_CHARS or holds a line over MAX_LINE_CHARS:
    no résumé is that long, and the analysis must stay fast on what it accepts."""
    longest = max((len(line.text) for line in document.lines), default=0)
    if longest > MAX_LINE_CHARS:
        index = next(k for k, line in enumerate(document.lines) if len(line.text) == longest)
        raise InputError(
            f"{path}: line {document.line_number(index)} is {longest:,} characters long, over the "
            f"{MAX_LINE_CHARS:,}-character limit for one line; is this really a résumé? Break the text into lines",
            path=path,
        )
    total = sum(len(line.text) + 1 for line in document.lines)
    if total > MAX_DOCUMENT_CHARS:
        raise InputError(
            f"{path}: the text is {total:,} characters, over the {MAX_DOCUMENT_CHARS:,}-character limit for one "
            "résumé; is this really a résumé?",
            path=path,
        )


def extract(
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    ocr: OcrMode = "auto",
    progress: Progress | None = None,
    ocr_seconds: float | None = None,
) -> Document:
    """Read and extract one résumé file ("-" reads standard input as text); OCR options as in ``extract_bytes``."""
    path = str(path)
    data = read_input(path, max_bytes=max_bytes)
    return extract_bytes(data, path, ocr=ocr, progress=progress, ocr_seconds=ocr_seconds)
