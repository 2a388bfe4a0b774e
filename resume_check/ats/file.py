"""File name sense (no version markers, not a bare 'resume') and type (ATS prefer PDF or DOCX)."""

from __future__ import annotations

import re
from pathlib import PurePath

from ..models import Finding, Resume
from ._registry import ats_check

TEXT_TYPES = {
    "txt": "plain text",
    "md": "Markdown",
    "tex": "LaTeX source",
    "typ": "Typst source",
    "json": "JSON Resume",
}


_VERSION_MARKERS = re.compile(
    r"(?i)(?:final|draft|copy|latest|updated|untitled|\bnew\b|(?<![a-z])v\d+|\(\d+\)|\bold\b)"
)
_GENERIC_STEM = re.compile(
    r"(?i)^[\W_\d]*(?:my|new|the)?[\W_]*(?:resume|résumé|cv|curriculum[\W_]*vitae|document)"
    r"[\W_\d]*$"
)


def suggested_file_name(resume: Resume, suffix: str) -> str:
    """Firstname-Lastname-CV.<suffix>, from the candidate's name where it is known."""
    name = resume.contact.name or ""
    parts = [re.sub(r"[^\w]", "", p) for p in name.split()]
    parts = [p for p in parts if p][:3]
    stem = "-".join(parts) if parts else "Firstname-Lastname"
    return f"{stem}-CV{suffix}"


@ats_check("ats.file", order=70, any_language=True)
def check_file(resume: Resume) -> list[Finding]:
    """File name sense (no version markers, not a bare 'resume') and type (ATS prefer PDF or DOCX)."""
    source = resume.document.source
    if source.path in ("", "-"):
        return []
    out = []
    path = PurePath(source.path)
    suffix = path.suffix.lower()
    stem = path.stem
    problem = None
    if _VERSION_MARKERS.search(stem):
        problem = "carries version markers"
    elif _GENERIC_STEM.match(stem):
        problem = "does not say whose it is"
    if problem and source.type in ("pdf", "docx"):
        out.append(
            Finding(
                "ats.file.name",
                f"The file name '{path.name}' {problem}: recruiters see it, so rename it to "
                f"'{suggested_file_name(resume, suffix)}'",
                "info",
            )
        )
    if source.type in TEXT_TYPES:
        out.append(
            Finding(
                "ats.file.type",
                f"This is a {TEXT_TYPES[source.type]} file: most ATS and recruiters take PDF or Word (.docx); "
                "export it as PDF (or .docx) before applying",
                "info",
            )
        )
    return out
