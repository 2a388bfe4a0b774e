"""First-person pronouns (I, me, my): résumés drop them."""

from __future__ import annotations

import re

from ..models import Finding, Resume
from ._registry import HEADER_PARTS, ats_check

_PRONOUN = re.compile(r"(?<![\w'’.-])(?:I(?=\s+[a-z]|['’](?:m|ve|d|ll)\b)|me|my|My|myself|Myself|mine)(?![\w'’-])")
_ROMAN_LEAD = re.compile(r"(?:Phase|Level|Tier|Part|Stage|Grade|Class|Type|Year|Series|Key Stage|Gen)\s*$")


@ats_check("ats.pronouns", order=50)
def check_pronouns(resume: Resume) -> list[Finding]:
    """First-person pronouns (I, me, my): résumés drop them ("Led", not "I led")."""
    hits: list[tuple[int, str, str]] = []  # (line, pronoun, section)
    for block in resume.blocks:
        if block.section == "contact" or block.part in HEADER_PARTS:
            continue
        for m in _PRONOUN.finditer(block.text):
            if m.group(0) == "I" and _ROMAN_LEAD.search(block.text[: m.start()]):
                continue
            hits.append((block.line, m.group(0), block.section))
    if not hits:
        return []
    in_bullets = any(section in ("experience", "projects") for _, _, section in hits)
    words = sorted({w for _, w, _ in hits})
    return [
        Finding(
            "ats.pronouns",
            f"{len(hits)} first-person pronoun{'s' if len(hits) != 1 else ''} ({', '.join(words)}), first on line "
            f"{hits[0][0]}: start with the verb instead ('Led the migration', not 'I led the migration')",
            "warning" if in_bullets else "info",
            line=hits[0][0],
            count=len(hits),
        )
    ]
