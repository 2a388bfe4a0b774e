"""The target a résumé is measured against: weighted required/preferred terms plus expectations, as one value.

A target comes from the whole lexicon (``lexicon_target``: every enabled term, today's behaviour), a role profile
or a job posting. Analysis, scoring and rendering take a ``Target`` and never ask where it
came from; the source only shows in ``kind``, ``id``, ``label``, ``chosen_by``, ``reason`` and ``sources``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # models imports this module (Analysis.target), so only the type checker reads models here
    from ..models import Category, Term

TargetKind = Literal["lexicon", "role", "job"]
Level = Literal["required", "preferred"]
ChosenBy = Literal["default", "auto", "option", "config"]
TARGET_KINDS: tuple[TargetKind, ...] = ("lexicon", "role", "job")
LEVELS: tuple[Level, ...] = ("required", "preferred")
CHOSEN_BY: tuple[ChosenBy, ...] = ("default", "auto", "option", "config")

#: lexicon categories whose terms are job titles: never target terms, so never "missing keywords"
TITLE_CATEGORIES: frozenset[str] = frozenset({"roles"})

#: id and label of the whole-lexicon target
LEXICON_TARGET_ID = "lexicon"
LEXICON_TARGET_LABEL = "the whole lexicon"


@dataclass(frozen=True, slots=True)
class TargetTerm:
    """One term a target asks for."""

    id: str  # a lexicon term id, or "job.<slug>" for a posting term the lexicon lacks
    label: str
    category: str  # lexicon category id ("job" terms: the category the posting section suggests, or "posting")
    weight: float  # importance in this target (required/preferred, profile weight, posting repetition), > 0
    level: Level = "preferred"
    why: str = ""  # where it comes from: "profile it-project-manager requires it" / the posting line asking for it
    line: int | None = None  # posting line, for job targets
    forms: tuple[str, ...] = ()  # for terms not in the lexicon: the phrase(s) to find in the résumé (by lemma)
    #: lexicon term ids any one of which satisfies this term ("a certification that counts", "X or Y")
    alternatives: tuple[str, ...] = ()
    group: str = ""  # "X or Y" (job postings): the id of the group's first term; one term of a group is enough
    mentioned: bool = False  # only mentioned by the source (a posting's duties): weighted below preferred


@dataclass(frozen=True, slots=True)
class Knockout:
    """A posting line the person must check themselves (citizenship, clearance, travel...)."""

    kind: str  # citizenship, clearance, authorisation, location, travel ...
    text: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Expectations:
    """What a target expects beyond terms."""

    titles: tuple[str, ...] = ()  # job titles that identify the target: NEVER reported as missing keywords
    certifications: tuple[str, ...] = ()  # term ids of certifications that count
    years: float | None = None  # years of experience asked / typical
    dimensions: tuple[str, ...] = ()  # impact dimensions a hiring manager expects (models.DIMENSIONS)
    education: str | None = None
    seniority: str | None = None  # and the SFIA level for profiles
    knockouts: tuple[Knockout, ...] = ()  # job targets: lines for the person to check
    years_what: str = ""  # what the years attach to ("IT project management"), for job targets
    years_line: int | None = None  # the posting line asking for the years
    education_line: int | None = None  # the posting line asking for the education


@dataclass(frozen=True, slots=True)
class Target:
    """Whatever a résumé is measured against (see the module docstring)."""

    kind: TargetKind
    id: str  # "lexicon", a profile id ("scrum-master"), or the posting's file stem
    label: str
    terms: tuple[TargetTerm, ...]
    category_weights: tuple[tuple[str, float], ...]  # per-category weights for coverage and score
    expectations: Expectations = Expectations()
    chosen_by: ChosenBy = "default"
    reason: str = ""  # "most recent title: 'Scrum Master'" / "no role could be inferred: IT project manager used"
    sources: tuple[str, ...] = ()
    #: the source's own lines as (line number, text), for showing beside the résumé (job postings)
    text: tuple[tuple[int, str], ...] = ()

    def category_weight(self, category: str) -> float:
        """The weight of ``category`` in this target (0 when the target does not weigh it)."""
        for cid, weight in self.category_weights:
            if cid == category:
                return weight
        return 0.0


#: the (empty) target of an Analysis built without one (tests, old pickles); analyse always sets a real one
EMPTY_TARGET = Target(kind="lexicon", id=LEXICON_TARGET_ID, label=LEXICON_TARGET_LABEL, terms=(), category_weights=())


def lexicon_target(
    terms: Sequence[Term], categories: Sequence[Category], *, chosen_by: ChosenBy = "default", reason: str = ""
) -> Target:
    """The whole-lexicon target: every given (enabled) term at its lexicon weight, every category at its weight,
    except job titles (TITLE_CATEGORIES): a résumé is never asked to hold every title in the field.

    The target of a tuple of terms is built once and remembered (batch analyses share it).
    """
    if not (isinstance(terms, tuple) and chosen_by == "default" and not reason):
        return _build_lexicon_target(terms, categories, chosen_by, reason)
    key = (id(terms), id(categories))
    cached = _LEXICON_TARGETS.get(key)
    if cached is not None and cached[0] is terms and cached[1] is categories:
        return cached[2]
    target = _build_lexicon_target(terms, categories, chosen_by, reason)
    if len(_LEXICON_TARGETS) >= 8:
        _LEXICON_TARGETS.pop(next(iter(_LEXICON_TARGETS)))
    _LEXICON_TARGETS[key] = (terms, categories, target)  # holding both keeps their ids from being reused
    return target


_LEXICON_TARGETS: dict[tuple[int, int], tuple[Sequence[Term], Sequence[Category], Target]] = {}


def _build_lexicon_target(
    terms: Sequence[Term], categories: Sequence[Category], chosen_by: ChosenBy, reason: str
) -> Target:
    return Target(
        kind="lexicon",
        id=LEXICON_TARGET_ID,
        label=LEXICON_TARGET_LABEL,
        terms=tuple(
            TargetTerm(t.id, t.label, t.category, t.weight) for t in terms if t.category not in TITLE_CATEGORIES
        ),
        category_weights=tuple((c.id, c.weight) for c in categories if c.id not in TITLE_CATEGORIES),
        chosen_by=chosen_by,
        reason=reason,
    )
