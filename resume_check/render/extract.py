"""Render what was read from a résumé (``resume-check extract``) as plain text: what an ATS reads."""

from __future__ import annotations

from ..models import Impact, Resume
from .common import clean_text as clean
from .common import role_summary

#: the mark in the column before each line of a section whose lines are judged (experience, projects)
MARK_STATEMENT = "S"
MARK_ROLE = "R"
MARK_CONTEXT = "-"
LEGEND = (
    f"marks: {MARK_STATEMENT} statement (judged for impact), {MARK_ROLE} role header (title, employer, dates), "
    f"{MARK_CONTEXT} context (not judged)"
)


def render(resume: Resume, impact: Impact | None = None, *, color: bool = False) -> str:
    """Each section with its heading, lines and bullets; then roles, contact fields and warnings.

    With ``impact``, the lines of the sections whose statements are judged carry a mark: which ones are statements,
    which head a role, which are context; a line that holds more than one statement (sentences, pipe-list items)
    lists them below it.
    """
    source = resume.document.source
    out: list[str] = []
    pages = f", {source.pages} page{'s' if source.pages != 1 else ''}" if source.pages else ""
    words = len(resume.text.split())
    out.append(f"{clean(source.path)} ({source.type}{pages}, {words} words)")
    headers = {i for role in resume.roles for i in role.header}
    by_block: dict[int, list[int]] = {}
    judged_sections: set[str] = set()
    if impact is not None:
        out.append(LEGEND)
        judged_sections = {"experience", "projects"} if resume.language == "en" else set()
        for i, statement in enumerate(impact.statements):
            by_block.setdefault(statement.block, []).append(i)
    for section in resume.sections:
        heading = f" — “{clean(section.heading)}”" if section.heading else ""
        out.append("")
        out.append(f"[{section.name}]{heading}")
        for index in section.blocks:
            block = resume.blocks[index]
            marker = "  • " if block.kind == "bullet" else "    "
            where = f" ({block.part})" if block.part != "body" else ""
            mark = ""
            held = by_block.get(index, [])
            if impact is not None:
                if index in headers and not held:
                    mark = MARK_ROLE
                elif held:
                    mark = MARK_STATEMENT
                elif section.name in judged_sections:
                    mark = MARK_CONTEXT
                mark = f" {mark or ' '}"
            out.append(f"{block.line:>4}{mark}{marker}{clean(block.text)}{where}")
            if (
                impact is not None
                and held
                and not (len(held) == 1 and impact.statements[held[0]].text.strip() == block.text.strip())
            ):
                for i in held:
                    statement = impact.statements[i]
                    out.append(f"{'':>4}   {'':>2}↳ statement ({statement.verdict}): {clean(statement.text)}")
    if resume.roles:
        out.append("")
        out.append("[roles]")
        for role in resume.roles:
            written = f" (“{clean(role.dates_text)}”)" if role.dates_text else ""
            out.append(f"{role.line:>4}  {role_summary(role)}{written}")
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
