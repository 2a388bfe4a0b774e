"""Render what was read from a résumé (``resume-check extract``) as plain text: what an ATS reads."""

from __future__ import annotations

from ..models import Resume
from .common import clean_text as clean


def render(resume: Resume, *, color: bool = False) -> str:
    """Each section with its heading, lines and bullets; then contact fields and warnings."""
    source = resume.document.source
    out: list[str] = []
    pages = f", {source.pages} page{'s' if source.pages != 1 else ''}" if source.pages else ""
    words = len(resume.text.split())
    out.append(f"{clean(source.path)} ({source.type}{pages}, {words} words)")
    for section in resume.sections:
        heading = f" — “{clean(section.heading)}”" if section.heading else ""
        out.append("")
        out.append(f"[{section.name}]{heading}")
        for index in section.blocks:
            block = resume.blocks[index]
            marker = "  • " if block.kind == "bullet" else "    "
            where = f" ({block.part})" if block.part != "body" else ""
            out.append(f"{block.line:>4}{marker}{clean(block.text)}{where}")
    contact = resume.contact
    out.append("")
    out.append("[contact fields]")
    fields = [
        ("name", contact.name),
        ("email", contact.email),
        ("phone", contact.phone),
        ("linkedin", contact.linkedin),
        ("github", contact.github),
        ("location", contact.location),
    ]
    for label, value in fields:
        out.append(f"  {label + ':':<10}{clean(value) if value else '(not found)'}")
    for site in contact.websites:
        out.append(f"  {'website:':<10}{clean(site)}")
    out.append("")
    if resume.warnings:
        out.append("[warnings]")
        for warning in resume.warnings:
            out.append(f"  {warning.id}: {clean(warning.message)}")
    else:
        out.append("[warnings] none")
    return "\n".join(out) + "\n"
