"""How well a résumé answers a job posting: the match rate, term by term, with the rule published here.

The **match rate** (0..100, one decimal) is

    rate = 100 × (TERMS_SHARE × terms + TITLE_SHARE × title)

- ``terms`` = Σ_u weight_u × credit_u / Σ_u weight_u over the posting's asks ``u``: each term is one ask, and the
  terms of an "X or Y" group are one ask together (its weight the highest of theirs, its credit the best of
  theirs). Job titles are left out (they are the title part). ``weight`` is the posting weight (posting.py:
  LEVEL_WEIGHT by level — required 3, preferred 1, mentioned in the duties 0.5 — raised by REPEAT_BONUS per
  repeat), so required terms count three times preferred ones. ``credit`` is EVIDENCE_CREDIT of the term's best
  use in the résumé (quantified achievement 1.0 > achievement 0.9 > duty 0.75 > skills list or mention 0.6), 0
  when it is missing.
- ``title`` is 1 when the résumé's headline or a role title names the posting's title (or one of the titles it
  gives), else 0.

Every credit is a maximum over the résumé's occurrences, so adding text never lowers the rate. Years, education,
certifications and knock-out lines are reported beside the rate for the person to check; they are not in it
(a résumé cannot prove citizenship, and years are read from date ranges that may be partial).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..models import EVIDENCE_LEVELS, Evidence, FoundTerm, Resume, Role
from .posting import POSTING_CATEGORY, Knockout, PostingLevel
from .target import Target, TargetTerm

if TYPE_CHECKING:
    from ..lexicon import Lexicon

#: shares of the match rate (sum to 1)
TERMS_SHARE = 0.9
TITLE_SHARE = 0.1
#: credit of a found term by its best use in the résumé, in the order of models.EVIDENCE_LEVELS (non-increasing)
EVIDENCE_CREDIT: dict[Evidence, float] = {
    "quantified-achievement": 1.0,
    "achievement": 0.9,
    "duty": 0.75,
    "skills-list": 0.6,
    "mention": 0.6,
}
#: the job-seeker tools' usual "ready to apply" mark; used in next steps, not in the rate
READY_RATE = 80.0


#: the published match rule: (id, value, description), for ``resume-check explain``
def match_rules() -> tuple[tuple[str, float, str], ...]:
    from .posting import LEVEL_WEIGHT, REPEAT_BONUS, REPEAT_CAP

    return (
        (
            "match.terms",
            TERMS_SHARE,
            "share of the rate: terms = 100 × Σ weight × credit / Σ weight over the posting's asks (a term, or a "
            "whole 'X or Y' group: its highest weight and best credit); job titles are the title part",
        ),
        (
            "match.title",
            TITLE_SHARE,
            "share of the rate: 1 when the résumé's headline or a role title names the "
            "posting's title (or another title it gives), else 0",
        ),
        *(
            (
                f"match.weight.{lvl}",
                w,
                f"weight of a term the posting asks for as {lvl}"
                if lvl != "duty"
                else "weight of a term only mentioned in the duties (never promoted to required)",
            )
            for lvl, w in LEVEL_WEIGHT.items()
        ),
        (
            "match.weight.repeat",
            REPEAT_BONUS,
            f"each further mention of a term adds this share of its level weight (up to {REPEAT_CAP} mentions)",
        ),
        *(
            (f"match.credit.{level}", credit, f"credit of a found term whose best use is: {level}")
            for level, credit in EVIDENCE_CREDIT.items()
        ),
    )


Where = Literal["experience", "skills", "certifications", "education", "headline"]


@dataclass(frozen=True, slots=True)
class TermResult:
    """One posting term against the résumé."""

    id: str
    label: str
    level: PostingLevel
    weight: float
    group: str  # "" or the id of its "X or Y" group
    line: int  # the posting line asking for it
    ask: str  # that line's text
    found: bool
    evidence: Evidence | None
    credit: float  # EVIDENCE_CREDIT of the best use, 0 when missing
    proof_line: int | None = None  # the résumé line that proves it (its best use)
    proof: str = ""  # the words around it
    satisfied_by: str = ""  # a missing term of a group another member answers: that member's label
    title: bool = False


@dataclass(frozen=True, slots=True)
class TitleMatch:
    asked: tuple[str, ...]  # the posting's titles
    shown: tuple[str, ...]  # the résumé's headline and role titles looked at
    matched: bool
    reason: str  # "headline 'Senior IT Project Manager' names 'IT Project Manager'" / why not


@dataclass(frozen=True, slots=True)
class YearsCheck:
    asked: float | None  # the most years the posting asks for anything (None: not stated)
    what: str  # what they attach to
    line: int | None
    shown: float | None  # years in the résumé's role date ranges (None: no dates read)
    source: str  # how ``shown`` was worked out
    met: bool | None  # None when either side is unknown


@dataclass(frozen=True, slots=True)
class AskedShown:
    """A certification or education level asked, and whether the résumé shows it."""

    id: str
    label: str
    level: PostingLevel
    line: int | None
    shown: bool


@dataclass(frozen=True, slots=True)
class JobStep:
    """A next step: where to add a missing term, if the person has the experience."""

    term_id: str
    label: str
    level: PostingLevel
    where: Where
    message: str


@dataclass(frozen=True, slots=True)
class JobMatch:
    """The résumé against one posting: rate, every term with its proof or the line asking, and the checks."""

    posting_id: str
    posting_path: str
    title: str
    rate: float  # 0..100
    terms_rate: float  # 0..100: the terms part before its share
    terms: tuple[TermResult, ...]  # missing required first, then missing preferred/duty, then found; by weight
    title_match: TitleMatch
    years: YearsCheck
    certifications: tuple[AskedShown, ...]
    education: AskedShown | None
    seniority: str | None
    knockouts: tuple[Knockout, ...]
    steps: tuple[JobStep, ...]
    posting_lines: tuple[tuple[int, str, str], ...] = ()  # (line, text, "found" | "missing" | "") for HTML

    def missing(self, level: PostingLevel | None = None) -> tuple[TermResult, ...]:
        return tuple(
            t for t in self.terms if not t.found and not t.satisfied_by and (level is None or t.level == level)
        )

    def found(self) -> tuple[TermResult, ...]:
        return tuple(t for t in self.terms if t.found)


# --------------------------------------------------------------------------------------------- posting terms


def forms_lexicon(terms: Sequence[TargetTerm], source: str = "target") -> Lexicon:
    """A target's terms that the lexicon lacks (``forms``: a posting's own phrases and acronyms) as a one-pack
    Lexicon, for a TermMatcher: they are then found in a résumé by lemma and spelling variant, whole words only,
    like lexicon terms (never as raw substrings: "platform" is not in "Tform")."""
    from ..lexicon import TARGET_PACK, Lexicon, Pack
    from ..models import Acronym, Category, Term

    out = []
    for term in terms:
        forms = [f for f in term.forms if _plain(f)]
        if not forms:
            continue
        acronyms = tuple(Acronym(f) for f in forms if f.isupper())
        phrases = [f for f in forms if not f.isupper()]
        out.append(
            Term(
                id=term.id,
                label=phrases[0] if phrases else forms[0],
                category=term.category,
                weight=term.weight,
                aliases=tuple(phrases[1:]),
                acronyms=acronyms,
                pack=TARGET_PACK,
                match_label=bool(phrases),
            )
        )
    categories = tuple(dict.fromkeys(t.category for t in out))
    pack = Pack(
        id=TARGET_PACK,
        version="1",
        language="en",
        description=f"terms of {source} the lexicon lacks",
        sources=(),
        path=source,
        categories=categories,
        terms=tuple(t.id for t in out),
    )
    return Lexicon(packs=(pack,), categories=tuple(Category(c, c, 1.0) for c in categories), terms=tuple(out))


def _plain(form: str) -> bool:
    """Forms of letters, digits, spaces, hyphens and apostrophes only: anything else would become a tokenizer
    special case shared with the lexicon's matcher."""
    return bool(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 '’-]*", form))


# --------------------------------------------------------------------------------------------- matching


def match_target(resume: Resume, target: Target, found: Sequence[FoundTerm]) -> JobMatch:
    """The JobMatch of a résumé against a job target; ``found`` holds every term found in the résumé (target
    terms, lexicon terms outside it), with evidence."""
    by_id = {f.id: f for f in found}
    results = _satisfy_groups([_result(term, by_id.get(term.id)) for term in target.terms])
    terms_rate = _terms_rate(results)
    title = _title_match(resume, target, found)
    rate = round(100 * (TERMS_SHARE * terms_rate / 100 + TITLE_SHARE * (1.0 if title.matched else 0.0)), 1)
    ordered = sorted(
        results,
        key=lambda r: (
            r.found or bool(r.satisfied_by),
            ("required", "preferred", "duty").index(r.level),
            -r.weight,
            r.line,
            r.label.casefold(),
        ),
    )
    levels = {r.id: r for r in results}
    expect = target.expectations
    certifications = tuple(
        AskedShown(cid, levels[cid].label, levels[cid].level, levels[cid].line, cid in by_id)
        for cid in expect.certifications
        if cid in levels
    )
    return JobMatch(
        posting_id=target.id,
        posting_path=target.sources[0] if target.sources else "",
        title=target.label,
        rate=min(100.0, max(0.0, rate)),
        terms_rate=round(terms_rate, 1),
        terms=tuple(ordered),
        title_match=title,
        years=_years_check(resume, target),
        certifications=certifications,
        education=_education_check(target, set(by_id)),
        seniority=expect.seniority,
        knockouts=tuple(Knockout(k.kind, k.line or 0, k.text) for k in expect.knockouts),  # type: ignore[arg-type]
        steps=tuple(_steps(ordered, _role_places(resume, target, found))),
        posting_lines=_posting_lines(target, ordered),
    )


def _result(term: TargetTerm, hit: FoundTerm | None) -> TermResult:
    level: PostingLevel = "duty" if term.mentioned else term.level
    line = term.line or 0
    if hit is None:
        return TermResult(term.id, term.label, level, term.weight, term.group, line, term.why, False, None, 0.0)
    best = min(hit.occurrences, key=lambda o: (EVIDENCE_LEVELS.index(o.evidence), o.line))
    return TermResult(
        id=term.id,
        label=term.label,
        level=level,
        weight=term.weight,
        group=term.group,
        line=line,
        ask=term.why,
        found=True,
        evidence=hit.evidence,
        credit=EVIDENCE_CREDIT[hit.evidence],
        proof_line=best.line,
        proof=best.context,
    )


def _satisfy_groups(results: list[TermResult]) -> list[TermResult]:
    """A missing member of an "X or Y" group that another member answers is satisfied, not missing."""
    from dataclasses import replace

    best: dict[str, TermResult] = {}
    for r in results:
        if r.group and r.found and (r.group not in best or r.credit > best[r.group].credit):
            best[r.group] = r
    return [replace(r, satisfied_by=best[r.group].label) if r.group in best and not r.found else r for r in results]


def _asks(results: Iterable[TermResult]) -> list[tuple[float, float]]:
    """(weight, credit) per ask: a term, or a whole "X or Y" group. Job titles are the title part."""
    groups: dict[str, tuple[float, float]] = {}
    out = []
    for r in results:
        if r.title:
            continue
        if r.group:
            weight, credit = groups.get(r.group, (0.0, 0.0))
            groups[r.group] = (max(weight, r.weight), max(credit, r.credit))
        else:
            out.append((r.weight, r.credit))
    return out + list(groups.values())


def _terms_rate(results: Sequence[TermResult]) -> float:
    asks = _asks(results)
    total = sum(w for w, _ in asks)
    return 100.0 * sum(w * c for w, c in asks) / total if total > 0 else 0.0


# --------------------------------------------------------------------------------------------- titles

_TITLE_NOISE = re.compile(
    r"\b(senior|sr|junior|jr|lead|principal|supervisory|staff|head|chief|associate|assistant|deputy|interim|"
    r"gs|grade|term|limited|various|roles?|perm|it|i\.t\.|the|of|and|for|a|an|\d+)\b",
    re.IGNORECASE,
)


def _title_words(title: str) -> tuple[str, ...]:
    title = re.sub(r"\([^)]*\)", " ", title)
    title = title.split(":")[-1]
    words = re.findall(r"[a-z]+", _TITLE_NOISE.sub(" ", title.lower()))
    return tuple(_singular(w) for w in words if len(w) > 1)


def _singular(word: str) -> str:
    word = {"program": "programme"}.get(word, word)
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def resume_titles(resume: Resume, found: Sequence[FoundTerm]) -> tuple[str, ...]:
    """The headline (first lines of the résumé) and role titles: ``Resume.roles`` when structure gives them,
    else lexicon job titles found in the top lines, summary and experience section."""
    titles: list[str] = [role.title for role in resume.roles if role.title]
    for block in resume.blocks[:4]:
        if block.section in ("contact", "summary", "other") and len(block.text.split()) <= 8:
            titles.append(block.text)
    for term in found:
        if term.category != "roles":
            continue
        for occ in term.occurrences:
            if occ.section in ("contact", "summary", "experience", "other"):
                titles.append(occ.text)
    return tuple(dict.fromkeys(t.strip() for t in titles if t.strip()))


def _title_match(resume: Resume, target: Target, found: Sequence[FoundTerm]) -> TitleMatch:
    shown = resume_titles(resume, found)
    asked = target.expectations.titles or (target.label,)
    for want in asked:
        need = set(_title_words(want))
        if not need:
            continue
        for have in shown:
            if need <= set(_title_words(have)):
                return TitleMatch(asked, shown, True, f"'{have}' names the posting's title '{want}'")
    first = asked[1] if len(asked) > 1 else asked[0]
    return TitleMatch(asked, shown, False, f"no headline or role title names '{first}'")


# --------------------------------------------------------------------------------------------- years, education


def resume_years(resume: Resume, today: tuple[int, int] | None = None) -> tuple[float | None, str]:
    """Years of experience from the role date ranges (``Resume.roles``; else the date ranges written in the
    experience section), overlaps counted once. A bare end year counts to its December. "Present" counts to
    ``today`` (year, month; default: the date of the run, which the source text names), or to the latest date
    written when that is later: the years are shown beside the rate, never scored, so the rate itself never
    depends on the date of the run."""
    import datetime

    from ..dates import find_dates, find_ranges

    if today is None:
        now = datetime.date.today()
        today = (now.year, now.month)
    written = [d.month for d in find_dates(resume.text) if d.month is not None]
    latest = max([today[0] * 12 + today[1] - 1, *written])
    spans: list[tuple[int, int]] = []
    for role in resume.roles:
        begin, stop = _month_of(role.start, latest, end=False), _month_of(role.end, latest, end=True)
        if begin is not None and stop is not None and stop >= begin:
            spans.append((begin, stop))
    source = "role dates"
    if not spans:
        source = "date ranges in the experience section"
        for block in resume.blocks:
            if block.section != "experience":
                continue
            for found in find_ranges(block.text):
                first, last = found.first.month, found.last.month
                stop = latest if last is None else last + (11 if not found.last.precise else 0)
                if first is not None and stop is not None and stop >= first:
                    spans.append((first, stop))
    if not spans:
        return None, "no role dates found"
    source += f"; present = {latest // 12}-{latest % 12 + 1:02d}"
    spans.sort()
    months = 0
    current_start, current_end = spans[0]
    for begin, stop in spans[1:]:
        if begin > current_end + 1:
            months += current_end - current_start + 1
            current_start, current_end = begin, stop
        else:
            current_end = max(current_end, stop)
    months += current_end - current_start + 1
    return round(months / 12, 1), source


def _month_of(value: str | None, latest: int | None, *, end: bool) -> int | None:
    """Months since year 0 of a normalised date ("YYYY-MM", "YYYY", "present")."""
    if value is None:
        return None
    if value == "present":
        return latest
    m = re.match(r"^(\d{4})(?:-(\d{2}))?$", value)
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2):
        return year * 12 + int(m.group(2)) - 1
    return year * 12 + (11 if end else 0)


def _years_check(resume: Resume, target: Target) -> YearsCheck:
    shown, source = resume_years(resume)
    expect = target.expectations
    if expect.years is None:
        return YearsCheck(None, "", None, shown, source, None)
    met = None if shown is None else shown >= expect.years
    return YearsCheck(expect.years, expect.years_what, expect.years_line, shown, source, met)


_EDUCATION_ORDER = ("associate", "bachelor", "master", "doctorate")
_EDUCATION_TERMS = {
    "associate": ("education.associate_degree", "education.hnd"),
    "bachelor": ("education.bachelors", "education.honours"),
    "master": ("education.masters", "education.mba"),
    "doctorate": ("education.doctorate",),
}


def _education_check(target: Target, found_ids: set[str]) -> AskedShown | None:
    education = target.expectations.education
    if education not in _EDUCATION_ORDER:
        return None
    wanted = _EDUCATION_ORDER.index(education)
    shown = any(term_id in found_ids for level in _EDUCATION_ORDER[wanted:] for term_id in _EDUCATION_TERMS[level])
    line = target.expectations.education_line
    return AskedShown(f"education.{education}", f"{education} degree", "required", line, shown)


# --------------------------------------------------------------------------------------------- next steps


def _where(term: TermResult) -> Where:
    if term.id.startswith("certifications."):
        return "certifications"
    if term.id.startswith("education."):
        return "education"
    if term.title:
        return "headline"
    return "experience"


#: how many of a role's terms of the same kind a step names ("beside “Scrum” and “Kanban”")
ROLE_TERMS_SHOWN = 2


def _role_places(resume: Resume, target: Target, found: Sequence[FoundTerm]) -> dict[str, str]:
    """For each target term no statement shows (missing, or only listed), the role whose statements already show the
    most terms of its lexicon category (ties go to the role that comes first, usually the most recent), described
    for a step: "a bullet of your Scrum Master role at Acme, beside “Scrum” and “Kanban”". A term of a category no
    role's statements show gets no entry (the step stays general)."""
    if not resume.roles:
        return {}
    shown: dict[tuple[int, str], dict[str, str]] = {}  # (role index, category) -> term id -> label
    role_of = resume.role_indexes()  # each block's role, found once
    for term in found:
        if term.category == POSTING_CATEGORY:
            continue  # a posting's own words are of no kind: "planning" says nothing of where "alignment" goes
        for occurrence in term.occurrences:
            if occurrence.statement is None:
                continue  # a skills list or a mention says nothing of where the work was done
            at = role_of.get(resume.block_at(occurrence.start))
            if at is not None:
                shown.setdefault((at, term.category), {}).setdefault(term.id, term.label)
    # a term a statement already shows needs no place; one only listed or mentioned does
    in_statements = {f.id for f in found if any(o.statement is not None for o in f.occurrences)}
    places: dict[str, str] = {}
    for asked in target.terms:
        if asked.id in in_statements or asked.category == POSTING_CATEGORY:
            continue
        kind = asked.category
        best = max(range(len(resume.roles)), key=lambda i: (len(shown.get((i, kind), {})), -i))
        labels = list(shown.get((best, kind), {}).values())
        if labels:
            places[asked.id] = f"{_role_name(resume.roles[best])}, beside " + " and ".join(
                f"“{label}”" for label in labels[:ROLE_TERMS_SHOWN]
            )
    return places


def _role_name(role: Role) -> str:
    """Where in a role a step points: "a bullet of your Scrum Master role at Acme Ltd", "... of your role at Acme
    Ltd", "... of your Scrum Master role", "... of the role on line 12"."""
    if role.title and role.employer:
        return f"a bullet of your {role.title} role at {role.employer}"
    if role.title or role.employer:
        return f"a bullet of your {role.title} role" if role.title else f"a bullet of your role at {role.employer}"
    return f"a bullet of the role on line {role.line}"


def _steps(results: Sequence[TermResult], places: Mapping[str, str] | None = None) -> Iterable[JobStep]:
    for r in results:
        if r.found and r.evidence in ("skills-list", "mention") and r.level == "required":
            where_to = (
                f"{places[r.id]}, with a result" if places and r.id in places else "an experience bullet with a result"
            )
            yield JobStep(
                r.id,
                r.label,
                r.level,
                "experience",
                f"“{r.label}” is only listed (line {r.proof_line}): show it in {where_to}.",
            )
            continue
        if r.found or r.satisfied_by or r.level == "duty":
            continue
        where = _where(r)
        place = {
            "certifications": "your Certifications section, if you hold it",
            "education": "your Education section, if you have it",
            "headline": "your headline or summary, if it is the role you do",
            "experience": "a bullet of the role where you used it, with a result",
            "skills": "your skills list",
        }[where]
        if where == "experience" and places and r.id in places:
            place = f"{places[r.id]}, with a result"
        yield JobStep(
            r.id,
            r.label,
            r.level,
            where,
            f"If you have it, add “{r.label}” to {place} (posting line {r.line} asks for it, {r.level}).",
        )


def _posting_lines(target: Target, results: Sequence[TermResult]) -> tuple[tuple[int, str, str], ...]:
    state: dict[int, str] = {}
    for r in results:
        if r.level == "duty":
            continue
        mark = "found" if r.found or r.satisfied_by else "missing"
        if state.get(r.line) != "missing":
            state[r.line] = mark
    return tuple((number, text, state.get(number, "")) for number, text in target.text)
