"""ATS-readiness checks: contact details, sections, length, dates, pronouns, clichés, file name and type.

One module per check family, each registering its check with ``_registry.ats_check``; ``check_ats`` runs every
registered check in order. Every check returns ``Finding`` records with a stable dotted id declared in
``lexicons/rules.yaml`` (``ats.contact.email`` ...), a severity and a message that says what is wrong and how to fix
it. Checks are pure functions of the ``Resume`` (and the impact verdicts, for clichés); the cliché list is data
(``lexicons/cliches.yaml``) read once by ``load_cliches``.

Adding a check: a module here that registers it, and its rules in ``lexicons/rules.yaml`` (docs, SARIF help and
config validation follow from the declaration).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Sequence

from ..language import ENGLISH
from ..models import Finding, Impact, Resume
from ._registry import AtsCheck, Context, checks
from .cliches import Cliche, check_cliches, load_cliches, parse_cliches
from .contact import check_contact
from .file import check_file, suggested_file_name
from .history import check_dates
from .length import check_length, count_words, infer_senior
from .pronouns import check_pronouns
from .sections import check_sections

# every module of the package registers its check on import: a new module needs no line here
for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")


def check_ats(resume: Resume, impact: Impact | None = None, *, cliches: Sequence[Cliche] = ()) -> tuple[Finding, ...]:
    """Run every registered ATS-readiness check on ``resume``; ``impact`` tells which statements are strong.

    A résumé not in English gets only the checks that do not read its words (contact details, file): the others
    would give false errors ("No experience section found"); the text.language finding says why they were skipped.
    """
    strong = tuple((s.start, s.end) for s in impact.statements if s.verdict == "strong") if impact else ()
    context = Context(resume, strong, tuple(cliches))
    english = resume.language == ENGLISH
    findings: list[Finding] = []
    for check in checks():
        if english or check.any_language:
            findings += check.run(context)
    return tuple(findings)


__all__ = [
    "AtsCheck",
    "Cliche",
    "Context",
    "check_ats",
    "check_cliches",
    "check_contact",
    "check_dates",
    "check_file",
    "check_length",
    "check_pronouns",
    "check_sections",
    "checks",
    "count_words",
    "infer_senior",
    "load_cliches",
    "parse_cliches",
    "suggested_file_name",
]
