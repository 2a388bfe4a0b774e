"""Sections an ATS looks for: experience, education and skills."""

from __future__ import annotations

from ..models import Finding, Resume, Severity
from ._registry import ats_check

EXPECTED_SECTIONS: tuple[tuple[str, Severity, str], ...] = (
    ("experience", "error", "Experience (or Work Experience / Employment History)"),
    ("education", "warning", "Education"),
    ("skills", "warning", "Skills (or Key Skills / Technical Skills)"),
)


@ats_check("ats.section", order=20)
def check_sections(resume: Resume) -> list[Finding]:
    """The sections an ATS looks for: experience, education and skills."""
    present = {s.name for s in resume.sections if s.blocks or s.heading}
    out = []
    for name, severity, heading in EXPECTED_SECTIONS:
        if name not in present:
            out.append(
                Finding(
                    f"ats.section.{name}",
                    f"No {name} section found: add a heading named {heading} so an ATS files the content under it",
                    severity,
                )
            )
    return out
