"""Contact details: email, phone and LinkedIn present, and not only in a page header or footer."""

from __future__ import annotations

from ..models import Finding, Resume
from ._registry import HEADER_PARTS, ats_check

DOCX_HEADER_ONLY = "docx.header-only-contact"


@ats_check("ats.contact", order=10, any_language=True)
def check_contact(resume: Resume) -> list[Finding]:
    """Email, phone and LinkedIn present, and not only in a page header or footer."""
    contact = resume.contact
    out: list[Finding] = []
    if not contact.email:
        out.append(
            Finding(
                "ats.contact.email",
                "No email address found: put one in the body under your name (e.g. firstname.lastname@example.com); "
                "recruiters and ATS need it to reply",
                "error",
            )
        )
    if not contact.phone:
        out.append(
            Finding(
                "ats.contact.phone",
                "No phone number found: add one under your name with the country code (e.g. +44 7700 900123)",
                "warning",
            )
        )
    if not contact.linkedin:
        out.append(
            Finding(
                "ats.contact.linkedin",
                "No LinkedIn profile found: add your profile URL (linkedin.com/in/your-name) beside your email; "
                "recruiters for project roles expect it",
                "warning",
            )
        )
    already = any(w.id == DOCX_HEADER_ONLY for w in resume.warnings)
    found_any = contact.email or contact.phone or contact.linkedin
    if found_any and contact.parts and set(contact.parts) <= HEADER_PARTS and not already:
        out.append(
            Finding(
                "ats.contact.header-only",
                "Contact details appear only in the page header or footer, which many ATS ignore: "
                "repeat your email and phone in the body, under your name",
                "warning",
            )
        )
    return out
