"""Role profiles: read and validate ``lexicons/roles/*.yaml`` (and user profile files), turn one into a Target, and
infer from a résumé's headline, most recent title and summary which profile it aims at.

A profile is data (format: ``lexicons/roles/FORMAT.md``): the titles that identify a role (British and American),
the lexicon terms it requires and prefers with weights, per-category weights, the certifications that count, the
impact dimensions a hiring manager expects, typical seniority and the sources behind each choice.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..datafile import FileKind, parse_yaml, read_bundled_text, read_data_file
from ..errors import LexiconError
from ..lexicon import PackSource, read_sources
from ..models import DIMENSIONS, Category, Resume, Role, Term
from .target import TITLE_CATEGORIES, ChosenBy, Expectations, Target, TargetTerm

ROLES_PACKAGE = "resume_check.lexicons"
ROLES_FOLDER = "roles"
#: the profile used when nothing in a résumé points to a role
DEFAULT_ROLE = "it-project-manager"
#: ``--role`` values that are not profile ids
AUTO = "auto"
LEXICON = "lexicon"
#: a target term's weight is its profile weight times this factor for its level (published by ``explain``)
LEVEL_FACTOR: dict[str, float] = {"required": 2.0, "preferred": 1.0}
#: the "any one of the certifications that count" term: its id and default weight
CERTIFICATION_TERM_ID = "certifications.any-counted"
DEFAULT_CERTIFICATION_WEIGHT = 3.0
MAX_PROFILE_BYTES = 256 * 1024
ROLE_PROFILE = FileKind(
    "role profile",
    "profile",
    "a .yaml profile file or a profile id",
    "give the path of a .yaml profile file or a profile id",
    "keep a profile under that size",
    "a profile needs 'profile:', 'titles:', 'required:' and more (see lexicons/roles/FORMAT.md)",
    limit=MAX_PROFILE_BYTES,
)
MIN_WEIGHT, MAX_WEIGHT = 1, 5
MAX_CATEGORY_WEIGHT = 10
#: how many of the first blocks of a résumé may hold its headline
HEADLINE_BLOCKS = 6
HEADLINE_MAX_CHARS = 120
#: sections a headline sits in: the top of the résumé before any heading (structure calls it contact or other)
HEADLINE_SECTIONS = ("contact", "other")

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PROFILE_KEYS = {"id": True, "label": True, "version": True, "description": True, "sources": True}
_TOP_KEYS = {
    "profile": True,
    "titles": True,
    "required": True,
    "preferred": False,
    "category_weights": True,
    "certifications": False,
    "certification_weight": False,
    "dimensions": True,
    "seniority": True,
}
_TERM_KEYS = {"id": True, "weight": False, "sources": False}
_SENIORITY_KEYS = {"years": True, "sfia": False, "level": False}


class LexiconTerms(Protocol):
    """What profiles need from ``lexicon.Lexicon``."""

    @property
    def terms(self) -> Sequence[Term]: ...
    @property
    def categories(self) -> Sequence[Category]: ...


@dataclass(frozen=True, slots=True)
class ProfileTerm:
    id: str  # a lexicon term id
    label: str
    category: str
    weight: float  # 1..5, the profile's importance for the term (default: its lexicon weight)
    level: str  # "required" or "preferred"
    sources: tuple[str, ...] = ()  # ids of the profile's sources


@dataclass(frozen=True, slots=True)
class Profile:
    """One validated role profile."""

    id: str  # "scrum-master"
    label: str
    version: str
    description: str
    sources: tuple[PackSource, ...]
    titles: tuple[str, ...]  # job titles that identify the role, British and American
    terms: tuple[ProfileTerm, ...]  # required first, then preferred, in file order
    category_weights: tuple[tuple[str, float], ...]
    certifications: tuple[str, ...]  # term ids of the certifications that count
    certification_weight: float
    certification_names: tuple[str, ...]  # their short names (acronym, else label), for reports
    dimensions: tuple[str, ...]  # impact dimensions a hiring manager expects
    years: float
    sfia: str | None
    level: str | None
    path: str  # file name for bundled profiles, the path as given for user files
    bundled: bool = True


# ------------------------------------------------------------------------------------------------ loading


def load_profiles(lexicon: LexiconTerms, extra: Sequence[str | Path] = ()) -> tuple[Profile, ...]:
    """The bundled profiles plus ``extra`` profile files, validated against ``lexicon``.

    Raises LexiconError naming the file, the entry and the fix (an unknown term id, a title two profiles claim...).
    A user file whose id is a bundled profile's replaces it.
    """
    raw = [(name, text, True) for name, text in _read_bundled()]
    raw += [(str(path), _read_file(Path(path)), False) for path in extra]
    return _load_cached(_Key(lexicon), tuple(raw))


class _Key:
    """A lexicon as a cache key, by identity (a lexicon is immutable once loaded)."""

    __slots__ = ("lexicon",)

    def __init__(self, lexicon: LexiconTerms) -> None:
        self.lexicon = lexicon

    def __hash__(self) -> int:
        return id(self.lexicon)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Key) and other.lexicon is self.lexicon


@functools.lru_cache(maxsize=8)
def _load_cached(key: _Key, raw: tuple[tuple[str, str, bool], ...]) -> tuple[Profile, ...]:
    lexicon = key.lexicon
    terms = {t.id: t for t in lexicon.terms}
    categories = {c.id for c in lexicon.categories}
    profiles: dict[str, Profile] = {}
    for name, text, bundled in raw:
        profile = _read_profile(name, parse_yaml(text, name, ROLE_PROFILE), terms, categories, bundled)
        held = profiles.get(profile.id)
        if held is not None and held.bundled == bundled:
            raise LexiconError(f"{name}: profile id {profile.id!r} is already used by {held.path}; give it its own id")
        profiles[profile.id] = profile
    _check_titles(tuple(profiles.values()))
    return tuple(profiles.values())


def bundled_profile_names() -> tuple[str, ...]:
    """File names of the bundled profiles (``lexicons/roles/*.yaml``), sorted."""
    root = importlib.resources.files(ROLES_PACKAGE).joinpath(ROLES_FOLDER)
    return tuple(sorted(p.name for p in root.iterdir() if p.name.endswith(".yaml")))


def _read_bundled() -> list[tuple[str, str]]:
    return [(f"roles/{name}", read_bundled_text(f"{ROLES_FOLDER}/{name}")) for name in bundled_profile_names()]


def _read_file(path: Path) -> str:
    return read_data_file(path, str(path), ROLE_PROFILE)


def is_profile_path(value: str) -> bool:
    """Whether a ``--role`` value names a file rather than a profile id."""
    return value.endswith((".yaml", ".yml")) or "/" in value or "\\" in value


# ------------------------------------------------------------------------------------------------ validation


def _error(name: str, message: str, entry: str = "") -> LexiconError:
    return LexiconError(f"{name}{', ' + entry if entry else ''}: {message}")


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _keys(name: str, entry: str, item: Any, allowed: Mapping[str, bool], what: str) -> Mapping[str, Any]:
    if not isinstance(item, Mapping):
        raise _error(name, f"{what} must be a mapping of keys to values, got {_show(item)}", entry)
    for key in item:
        if key not in allowed:
            raise _error(name, f"unknown key {key!r}; allowed keys: {', '.join(allowed)}", entry)
    for key, required in allowed.items():
        if required and key not in item:
            raise _error(name, f"missing required key {key!r}", entry)
    return item


def _text(name: str, entry: str, item: Mapping[str, Any], key: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        hint = " (put version numbers in quotes)" if key == "version" and isinstance(value, int | float) else ""
        raise _error(name, f"{key} must be a non-empty string, got {_show(value)}{hint}", entry)
    return " ".join(value.split())


def _number(name: str, entry: str, value: Any, key: str, low: float, high: float) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool) or not low <= value <= high:
        raise _error(name, f"{key} must be a number from {low:g} to {high:g}, got {_show(value)}", entry)
    return float(value)


def _strings(name: str, entry: str, value: Any, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _error(name, f"{key} must be a list of strings, got {_show(value)}", entry)
    out = []
    for i, text in enumerate(value):
        if not isinstance(text, str) or not text.strip():
            raise _error(name, f"{key}[{i}] must be a non-empty string, got {_show(text)}", entry)
        out.append(" ".join(text.split()))
    return tuple(out)


def _read_profile(name: str, data: Any, terms: Mapping[str, Term], categories: set[str], bundled: bool) -> Profile:
    data = _keys(name, "", data, _TOP_KEYS, "the top level (profile, titles, required, preferred, ...)")
    head = _keys(name, "profile", data["profile"], _PROFILE_KEYS, "profile")
    pid = _text(name, "profile", head, "id")
    if not _ID_RE.match(pid) or pid in (AUTO, LEXICON):
        raise _error(
            name, f"id must be lower-case words joined by '-' (not 'auto' or 'lexicon'), got {pid!r}", "profile"
        )
    sources = read_sources(name, head.get("sources"), section="profile", non_empty=True)
    source_ids = {s.id for s in sources}
    titles = _strings(name, "titles", data["titles"], "titles")
    if not titles:
        raise _error(name, "titles must list at least one job title that identifies the role", "titles")
    category_weights = _read_category_weights(name, data["category_weights"], categories)
    seen: dict[str, str] = {}
    profile_terms: list[ProfileTerm] = []
    for level in ("required", "preferred"):
        items = data.get(level) or []
        if not isinstance(items, list):
            raise _error(name, f"{level} must be a list of {{id, weight}} entries, got {_show(items)}", level)
        for index, item in enumerate(items):
            if isinstance(item, str):
                item = {"id": item}
            ident = item.get("id") if isinstance(item, Mapping) else None
            entry = f"{level} entry {index + 1}" + (f" ({ident})" if isinstance(ident, str) else "")
            item = _keys(name, entry, item, _TERM_KEYS, "a term entry")
            tid = _text(name, entry, item, "id")
            term = terms.get(tid)
            if term is None:
                raise _error(
                    name,
                    f"unknown term id {tid!r}: every required or preferred term must exist in the lexicon "
                    "(see `resume-check lexicons list`; load a pack with --lexicon that defines it)",
                    entry,
                )
            if term.category in TITLE_CATEGORIES:
                raise _error(name, f"{tid} is a job title; list titles under 'titles', not as terms", entry)
            if tid in seen:
                raise _error(name, f"{tid} is listed twice (already under {seen[tid]}); list each term once", entry)
            seen[tid] = level
            if term.category not in dict(category_weights):
                raise _error(
                    name, f"{tid} is in category {term.category!r}, which category_weights does not weigh", entry
                )
            weight = _number(name, entry, item.get("weight", term.weight), "weight", MIN_WEIGHT, MAX_WEIGHT)
            term_sources = _strings(name, entry, item.get("sources"), "sources")
            for sid in term_sources:
                if sid not in source_ids:
                    raise _error(name, f"source {sid!r} is not among the profile's sources", entry)
            profile_terms.append(ProfileTerm(tid, term.label, term.category, weight, level, term_sources))
    if not any(t.level == "required" for t in profile_terms):
        raise _error(name, "a profile must require at least one term", "required")
    certifications = _strings(name, "certifications", data.get("certifications"), "certifications")
    for cid in certifications:
        if cid not in terms:
            raise _error(
                name, f"unknown certification term id {cid!r}; see `resume-check lexicons list`", "certifications"
            )
        if cid in seen:
            raise _error(name, f"{cid} is both a term and a certification that counts; list it once", "certifications")
    cert_weight = _number(
        name, "certification_weight", data.get("certification_weight", DEFAULT_CERTIFICATION_WEIGHT),
        "certification_weight", MIN_WEIGHT, MAX_WEIGHT,
    )  # fmt: skip
    if certifications and "certifications" not in dict(category_weights):
        raise _error(name, "certifications are listed but category_weights does not weigh 'certifications'")
    dimensions = _strings(name, "dimensions", data["dimensions"], "dimensions")
    for dim in dimensions:
        if dim not in DIMENSIONS:
            raise _error(name, f"unknown impact dimension {dim!r}; use {', '.join(DIMENSIONS)}", "dimensions")
    if not dimensions:
        raise _error(name, "dimensions must list at least one impact dimension", "dimensions")
    seniority = _keys(name, "seniority", data["seniority"], _SENIORITY_KEYS, "seniority")
    years = _number(name, "seniority", seniority["years"], "years", 0, 50)
    return Profile(
        id=pid,
        label=_text(name, "profile", head, "label"),
        version=_text(name, "profile", head, "version"),
        description=_text(name, "profile", head, "description"),
        sources=sources,
        titles=titles,
        terms=tuple(profile_terms),
        category_weights=category_weights,
        certifications=certifications,
        certification_weight=cert_weight,
        certification_names=tuple(_short_name(terms[c]) for c in certifications),
        dimensions=tuple(d for d in DIMENSIONS if d in dimensions),
        years=years,
        sfia=_text(name, "seniority", seniority, "sfia") if "sfia" in seniority else None,
        level=_text(name, "seniority", seniority, "level") if "level" in seniority else None,
        path=name,
        bundled=bundled,
    )


def _read_category_weights(name: str, value: Any, categories: set[str]) -> tuple[tuple[str, float], ...]:
    if not isinstance(value, Mapping) or not value:
        raise _error(name, f"category_weights must map category ids to weights, got {_show(value)}", "category_weights")
    out = []
    for cid, weight in value.items():
        if cid not in categories:
            raise _error(name, f"unknown category {cid!r}; see `resume-check lexicons list`", "category_weights")
        if cid in TITLE_CATEGORIES:
            raise _error(name, f"{cid!r} holds job titles, which are never weighed as keywords", "category_weights")
        out.append((str(cid), _number(name, "category_weights", weight, cid, 0, MAX_CATEGORY_WEIGHT)))
    return tuple(out)


def _check_titles(profiles: Sequence[Profile]) -> None:
    owner: dict[str, Profile] = {}
    for profile in profiles:
        for title in profile.titles:
            key = _title_key(title)
            other = owner.setdefault(key, profile)
            if other is not profile:
                raise _error(
                    profile.path,
                    f"the title {title!r} also identifies {other.id} ({other.path}); a title may identify one "
                    "profile only",
                    "titles",
                )


# ------------------------------------------------------------------------------------------------ targets


def find_profile(profiles: Sequence[Profile], ident: str) -> Profile | None:
    for profile in profiles:
        if profile.id == ident:
            return profile
    return None


def profile_target(profile: Profile, *, chosen_by: ChosenBy = "option", reason: str = "") -> Target:
    """The Target of a profile: its terms at ``weight × LEVEL_FACTOR[level]``, the certifications that count as one
    "any one of them" term, its category weights and expectations."""
    seniority = f"{profile.level or 'typical'}: {profile.years:g}+ years" + (
        f", SFIA {profile.sfia}" if profile.sfia else ""
    )
    return Target(
        kind="role",
        id=profile.id,
        label=profile.label,
        terms=profile_terms(profile),
        category_weights=profile.category_weights,
        expectations=Expectations(
            titles=profile.titles,
            certifications=profile.certifications,
            years=profile.years,
            dimensions=profile.dimensions,
            seniority=seniority,
        ),
        chosen_by=chosen_by,
        reason=reason,
        sources=tuple(s.name for s in profile.sources),
    )


@functools.lru_cache(maxsize=32)
def profile_terms(profile: Profile) -> tuple[TargetTerm, ...]:
    """A profile's target terms, built once per profile (every résumé measured against it shares them)."""
    terms = [
        TargetTerm(
            id=t.id,
            label=t.label,
            category=t.category,
            weight=t.weight * LEVEL_FACTOR[t.level],
            level="required" if t.level == "required" else "preferred",
            why=f"profile {profile.id} {'requires' if t.level == 'required' else 'prefers'} it",
        )
        for t in profile.terms
    ]
    if profile.certifications:
        terms.append(certification_term(profile))
    return tuple(terms)


def certification_term(profile: Profile) -> TargetTerm:
    """One preferred term found when any of the profile's certifications is: nobody needs all of them."""
    shown = ", ".join(profile.certification_names[:3])
    more = "…" if len(profile.certifications) > 3 else ""
    return TargetTerm(
        id=CERTIFICATION_TERM_ID,
        label=f"a certification that counts ({shown}{more})",
        category="certifications",
        weight=profile.certification_weight,
        level="preferred",
        why=f"profile {profile.id} counts any one of {len(profile.certifications)} certifications",
        alternatives=profile.certifications,
    )


def _short_name(term: Term) -> str:
    return term.acronyms[0].text if term.acronyms else term.label


# ------------------------------------------------------------------------------------------------ inference


@dataclass(frozen=True, slots=True)
class Inference:
    """Which profile a résumé aims at, and why (None: nothing pointed to one)."""

    profile: Profile | None
    reason: str
    title: str | None = None  # the title as written


def _title_key(title: str) -> str:
    return " ".join(re.sub(r"[-‐‑–/]", " ", title.casefold()).split())


@functools.lru_cache(maxsize=8)
def _title_pattern(profiles: tuple[Profile, ...]) -> tuple[re.Pattern[str], dict[str, Profile]]:
    """One regex matching every profile title (longest first, so "technical project manager" wins over "project
    manager"), hyphens and spaces alike; and the profile of each normalised title."""
    owner = {_title_key(t): p for p in profiles for t in p.titles}
    keys = sorted(owner, key=lambda k: (-len(k), k))
    alternatives = [r"[\s\-‐‑–/]+".join(re.escape(word) for word in key.split()) for key in keys]
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE)
    return pattern, owner


#: job-title nouns: a headline holding one but no profile title names a role outside the profiles
_TITLE_NOUN = re.compile(
    r"(?<![\w])(?:engineer|developer|programmer|architect|designer|scientist|specialist|technician|consultant|"
    r"administrator|analyst|manager|officer|director|owner|accountant|driver|teacher|nurse)s?(?![\w])",
    re.IGNORECASE,
)
#: a line longer than this is a sentence, not a job title (experience titles) or a headline
TITLE_MAX_CHARS = 100


def infer_role(resume: Resume, profiles: Sequence[Profile]) -> Inference:
    """The profile ``resume`` aims at, from (in this order) its headline, its most recent title, its summary.

    - headline: a short line (a heading or paragraph, not a bullet) among the first HEADLINE_BLOCKS blocks, at the
      top of the résumé (HEADLINE_SECTIONS). A headline naming a job title that no profile holds ("Senior Software
      Engineer") ends the search: the person aims at a role outside the profiles;
    - most recent title: the roles read from the experience section (``Resume.roles``), the most recent first (an
      ongoing role, then the latest dates); without dated roles, the first short, non-bullet line of the experience
      section that holds a title;
    - summary: the first title named in the summary section.
    Within a line the longest title wins. Nothing found: ``Inference(None, reason)``.
    """
    if not profiles:
        return Inference(None, "no role profiles are loaded")
    pattern, owner = _title_pattern(tuple(profiles))
    blocks = resume.blocks

    def title_in(index: int) -> tuple[Profile, str] | None:
        best: re.Match[str] | None = None
        for hit in pattern.finditer(blocks[index].text):
            if best is None or len(hit.group(0)) > len(best.group(0)):
                best = hit
        return (owner[_title_key(best.group(0))], " ".join(best.group(0).split())) if best is not None else None

    def title_like(index: int, limit: int) -> bool:
        block = blocks[index]
        return block.kind != "bullet" and len(block.text) <= limit

    for index in range(min(HEADLINE_BLOCKS, len(blocks))):
        if blocks[index].section not in HEADLINE_SECTIONS or not title_like(index, HEADLINE_MAX_CHARS):
            continue
        found = title_in(index)
        if found is not None:
            return Inference(found[0], f"headline: '{found[1]}'", found[1])
        if _TITLE_NOUN.search(blocks[index].text):
            shown = " ".join(blocks[index].text.split())
            return Inference(None, f"the headline '{shown}' names a role no profile covers")
    found_role = _title_from_roles(resume, pattern, owner)
    if found_role is not None:
        return found_role
    # no dated roles read (structure.find_roles): the experience section's short, non-bullet lines, in order
    experience = (
        [i for i, b in enumerate(blocks) if b.section == "experience" and title_like(i, TITLE_MAX_CHARS)]
        if not resume.roles
        else []
    )
    summary = [i for i, b in enumerate(blocks) if b.section == "summary"]
    for where, candidates in (("most recent title", experience), ("summary", summary)):
        for index in candidates:
            found = title_in(index)
            if found is not None:
                return Inference(found[0], f"{where}: '{found[1]}'", found[1])
    return Inference(None, "no role could be inferred from the headline, most recent title or summary")


#: an earlier role's title counts only if that role ended at most this many years before the latest role began
EARLIER_TITLE_YEARS = 3


def _when(value: str | None) -> int:
    """A normalised date as YYYYMM (a bare year as YYYY00); "present" sorts last; None or unreadable: -1."""
    if value is None:
        return -1
    if value == "present":
        return 999_999
    year, _, month = value.partition("-")
    return int(year) * 100 + int(month or 0) if year.isdigit() and (not month or month.isdigit()) else -1


def _recency(role: Role, position: int) -> tuple[int, int, int]:
    """Sort key, most recent first: an ongoing role, then the latest end (else start) date, then document order."""
    return (-_when(role.end), -_when(role.start), position)


def _title_from_roles(resume: Resume, pattern: re.Pattern[str], owner: Mapping[str, Profile]) -> Inference | None:
    """The first profile title among the résumé's roles (``Resume.roles``), most recent first; an earlier role only
    if it ended within EARLIER_TITLE_YEARS of the latest role's start (a 2009 "Program Manager" does not make a
    2022 cybersecurity manager a programme manager)."""
    ordered = sorted(range(len(resume.roles)), key=lambda k: _recency(resume.roles[k], k))
    latest_start = _when(resume.roles[ordered[0]].start) if ordered else -1
    for rank, k in enumerate(ordered):
        role = resume.roles[k]
        ended = _when(role.end if role.end is not None else role.start)
        if rank > 0 and latest_start >= 0 and 0 <= ended < latest_start - EARLIER_TITLE_YEARS * 100:
            continue  # a title from long before the latest role says little about the role aimed at now
        texts = [role.title] if role.title else []
        texts += [resume.blocks[i].text for i in role.header if 0 <= i < len(resume.blocks)]
        for text in texts:
            best: re.Match[str] | None = None
            for hit in pattern.finditer(text or ""):
                if best is None or len(hit.group(0)) > len(best.group(0)):
                    best = hit
            if best is not None:
                title = " ".join(best.group(0).split())
                if rank == 0:
                    where = "most recent title"
                else:
                    span = role.dates_text or role.start or "an earlier role"
                    where = f"earlier title ({span})"
                return Inference(owner[_title_key(best.group(0))], f"{where}: '{title}'", title)
    return None


def resolve_role_target(resume: Resume, profiles: Sequence[Profile], role: str, chosen_by: ChosenBy) -> Target | None:
    """The role target for ``role`` ("auto", a profile id): None when ``profiles`` is empty (fall back to the
    lexicon). An unknown id is a LexiconError listing the known ones."""
    if not profiles:
        return None
    if role != AUTO:
        profile = find_profile(profiles, role)
        if profile is None:
            known = ", ".join(p.id for p in profiles)
            raise LexiconError(
                f"unknown role {role!r}; use auto, lexicon or one of: {known} (see `resume-check roles list`)"
            )
        how = "given in the config" if chosen_by == "config" else "given with --role"
        return profile_target(profile, chosen_by=chosen_by, reason=how)
    inference = infer_role(resume, profiles)
    if inference.profile is not None:
        return profile_target(inference.profile, chosen_by="auto", reason=inference.reason)
    fallback = find_profile(profiles, DEFAULT_ROLE) or profiles[0]
    return profile_target(fallback, chosen_by="default", reason=f"{inference.reason}: {fallback.label} used")


# ------------------------------------------------------------------------------------------------ describing


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """A profile as plain data (``roles show ID --format json``)."""
    return {
        "id": profile.id,
        "label": profile.label,
        "version": profile.version,
        "description": profile.description,
        "titles": list(profile.titles),
        "required": [
            {"id": t.id, "label": t.label, "weight": t.weight} for t in profile.terms if t.level == "required"
        ],
        "preferred": [
            {"id": t.id, "label": t.label, "weight": t.weight} for t in profile.terms if t.level == "preferred"
        ],
        "category_weights": dict(profile.category_weights),
        "certifications": list(profile.certifications),
        "certification_weight": profile.certification_weight,
        "dimensions": list(profile.dimensions),
        "seniority": {"years": profile.years, "sfia": profile.sfia, "level": profile.level},
        "sources": [
            {"id": s.id, "name": s.name, "licence": s.licence, "url": s.url, "attribution": s.attribution}
            for s in profile.sources
        ],
        "path": profile.path,
        "bundled": profile.bundled,
    }


def describe_profiles(profiles: Sequence[Profile]) -> str:
    """``roles list`` as text: one line per profile."""
    width = max((len(p.id) for p in profiles), default=0)
    lines = [f"{len(profiles)} role profiles (use with `resume-check check CV --role ID`; default: auto)", ""]
    for p in profiles:
        required = sum(1 for t in p.terms if t.level == "required")
        lines.append(
            f"{p.id.ljust(width)}  {p.label}: {required} required, {len(p.terms) - required} preferred terms, "
            f"{len(p.certifications)} certifications; titles: {', '.join(p.titles[:3])}"
            + ("…" if len(p.titles) > 3 else "")
        )
    return "\n".join(lines) + "\n"


def describe_profile(profile: Profile) -> str:
    """``roles show ID`` as text."""
    required = [t for t in profile.terms if t.level == "required"]
    preferred = [t for t in profile.terms if t.level == "preferred"]

    def terms(items: Sequence[ProfileTerm]) -> list[str]:
        return [f"  {t.id} ({t.label}), weight {t.weight:g}" for t in items]

    seniority = f"{profile.years:g}+ years" + (f", SFIA {profile.sfia}" if profile.sfia else "")
    seniority += f" ({profile.level})" if profile.level else ""
    lines = [
        f"{profile.id}: {profile.label} (version {profile.version}, {profile.path})",
        profile.description,
        "",
        "Titles: " + ", ".join(profile.titles),
        f"Seniority: {seniority}",
        "Impact dimensions expected: " + ", ".join(profile.dimensions),
        "Certifications that count (any one): " + (", ".join(profile.certifications) or "none"),
        "Category weights: " + ", ".join(f"{c} {w:g}" for c, w in profile.category_weights),
        "",
        f"Required terms ({len(required)}; weight × {LEVEL_FACTOR['required']:g} in the score):",
        *terms(required),
        f"Preferred terms ({len(preferred)}; weight × {LEVEL_FACTOR['preferred']:g}):",
        *terms(preferred),
        "",
        "Sources:",
        *(f"  {s.id}: {s.name} ({s.licence}) {s.url}" for s in profile.sources),
    ]
    return "\n".join(lines) + "\n"
