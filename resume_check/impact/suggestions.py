"""The suggestion for one judged statement (the wording lives in ``resume_check.advice``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..advice import Advice, Request, Voice, suggest
from ..models import Metric
from ..verbs import VerbLexicon
from .judging import _Judgement, _verb_at
from .words import _ROLE_NOUNS

#: the excerpt of a statement quoted in messages
EXCERPT_CHARS = 70


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _suggest(
    text: str,
    judgement: _Judgement,
    metrics: tuple[Metric, ...],
    lex: VerbLexicon,
    voice: Voice,
    section: str = "",
    tools: frozenset[str] | None = None,
) -> Advice:
    """The suggestion for one statement in ``section`` (see ``resume_check.advice``; ``tools``: its ``tool_names``)."""
    if judgement.verdict is None:
        return Advice("")
    request = Request(
        text=text,
        verdict=judgement.verdict,
        reason=judgement.reason,
        verb=judgement.verb,
        family=judgement.family,
        advice=judgement.advice,
        rest=judgement.rest,
        rewrite_verb=judgement.rewrite_verb,
        fallback_verb=judgement.fallback_verb,
        metrics=metrics,
        names_role=judgement.reason == "no-verb"
        and (any(w.lower().strip(",;:") in _ROLE_NOUNS for w in text.split()[:3]) or bool(_CONTACT_ROLE.match(text))),
        section=section,
        recognition=judgement.honour,
    )
    return suggest(request, voice, lex, lambda words: _base_at(words, lex), tool_names=tools)


#: a role named as a point of contact ("Point of contact for ...", "Single point of contact for ..."): "contact" alone
#: names no role ("Contact centre migration")
_CONTACT_ROLE = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:(?:primary|main|single|key|first|sole)\s+)?points?\s+of\s+contact\b", re.I
)


def _base_at(words: Sequence[str], lex: VerbLexicon) -> tuple[str, int] | None:
    found = _verb_at(words, lex)
    return (found[0].base, found[1]) if found is not None else None
