"""The registry of ATS-readiness checks: each check module registers its check with ``@ats_check``.

A check is a pure function of a ``Context`` returning ``Finding`` records whose ids start with its family
(``ats.contact`` makes ``ats.contact.email`` ...). Every id must be declared in ``lexicons/rules.yaml``, which gives
its severity, help, docs, SARIF entry and config validation; a test checks that every family registered here has
declared rules and every declared ``ats.*`` rule has a registered family.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, overload

from ..models import Finding, Resume

if TYPE_CHECKING:
    from .cliches import Cliche

#: text in these page parts is not read by many ATS (contact details only there are flagged; pronouns not counted)
HEADER_PARTS = frozenset({"header", "footer"})


@dataclass(frozen=True, slots=True)
class Context:
    """What a check may read: the résumé, the spans of its strong statements, and the cliché list."""

    resume: Resume
    strong: tuple[tuple[int, int], ...] = ()
    cliches: tuple[Cliche, ...] = ()


@dataclass(frozen=True, slots=True)
class AtsCheck:
    """One registered check: its id family, its place in the report, and whether it reads non-English text."""

    family: str
    order: int
    any_language: bool
    run: Callable[[Context], Sequence[Finding]]


#: every registered check, by family
_CHECKS: dict[str, AtsCheck] = {}

ResumeCheck = Callable[[Resume], Sequence[Finding]]
ContextCheck = Callable[[Context], Sequence[Finding]]


@overload
def ats_check(
    family: str, *, order: int, any_language: bool = ..., context: Literal[False] = ...
) -> Callable[[ResumeCheck], ResumeCheck]: ...
@overload
def ats_check(
    family: str, *, order: int, any_language: bool = ..., context: Literal[True]
) -> Callable[[ContextCheck], ContextCheck]: ...
def ats_check(family: str, *, order: int, any_language: bool = False, context: bool = False) -> Any:
    """Register the decorated function as the check of ``family``; ``order`` places its findings in the report.

    The function takes the ``Resume``, or with ``context=True`` the whole ``Context`` (strong statements, clichés).
    ``any_language``: the check still runs on a résumé that is not in English (headings, dates, pronouns and
    clichés are read in English, so the other checks would give false findings there)."""

    def register(check: Any) -> Any:
        if family in _CHECKS:
            raise ValueError(f"two ATS checks register the family {family!r}")
        run = check if context else lambda ctx: check(ctx.resume)
        _CHECKS[family] = AtsCheck(family, order, any_language, run)
        return check

    return register


def checks() -> tuple[AtsCheck, ...]:
    """The registered checks in report order."""
    return tuple(sorted(_CHECKS.values(), key=lambda c: (c.order, c.family)))
