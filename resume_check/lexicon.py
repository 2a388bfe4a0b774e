"""Read and validate lexicon packs (YAML) into Terms and Categories; generate each term's matchable forms."""

from __future__ import annotations

import fnmatch
import functools
import importlib.resources
import itertools
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .datafile import (
    BUNDLED_PACKAGE as BUNDLED_PACKAGE,
)
from .datafile import (
    LEXICON_PACK,
    MAX_DATA_BYTES,
    YAML_LOADER,
    check_expansion,
    decode,
    parse_yaml,
    read_data_file,
)
from .datafile import (
    MAX_EXPANDED_NODES as MAX_EXPANDED_NODES,
)
from .errors import LexiconError
from .models import Acronym, Category, Term

#: packs larger than this are refused (far above the largest bundled pack)
MAX_PACK_BYTES = MAX_DATA_BYTES
#: bundled term packs: ``lexicons/terms-*.yaml`` (the other YAML files there are not term packs)
BUNDLED_GLOB = "terms-*.yaml"
SPELLING_FILE = "spelling.tsv"
#: the pack id of a target's own terms (a job posting's phrases the lexicon lacks: targets.jobmatch.forms_lexicon)
TARGET_PACK = "target"
MIN_WEIGHT, MAX_WEIGHT = 1, 5
MAX_CATEGORY_WEIGHT = 10
#: cap on the forms generated from one phrase (spelling x hyphenation)
MAX_FORMS_PER_PHRASE = 16
MAX_FORM_LENGTH = 120
#: token patterns: patterns per term, token objects per pattern, the upper bound of a {n,m} operator, REGEX length
MAX_PATTERNS_PER_TERM = 64
MAX_PATTERN_TOKENS = 16
MAX_PATTERN_REPEAT = 8
MAX_REGEX_LENGTH = 200

#: common English words that are only sometimes a term: never matched as a bare, case-insensitive phrase
AMBIGUOUS_WORDS = frozenset({"platform", "safe", "lean", "go", "it", "scale"})

_ID_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)+$")
_PLAIN_ID_RE = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")
_HYPHEN_RE = re.compile(r"(?<=\w)-(?=\w)")

_PACK_KEYS = {"id": True, "version": True, "language": True, "description": True, "sources": True, "homepage": False}
_SOURCE_KEYS = {"id": True, "name": True, "licence": True, "url": True, "attribution": False}
_CATEGORY_KEYS = {"id": True, "label": True, "weight": False, "description": False}
_TERM_KEYS = {
    "id": True,
    "label": True,
    "category": True,
    "weight": True,
    "aliases": False,
    "acronyms": False,
    "variants": False,
    "patterns": False,
    "match_label": False,
    "sources": False,
    "examples": False,
    "counterexamples": False,
    "exclude": False,
    "focus": False,
    "description": False,
}
_ACRONYM_KEYS = {"text": True, "case_sensitive": False}


@dataclass(frozen=True, slots=True)
class PackSource:
    """Where a pack's content comes from, with its licence."""

    id: str
    name: str
    licence: str
    url: str
    attribution: str = ""


@dataclass(frozen=True, slots=True)
class Pack:
    """One loaded pack file (its header; the terms live in ``Lexicon.terms``)."""

    id: str
    version: str
    language: str
    description: str
    sources: tuple[PackSource, ...]
    path: str  # file name for bundled packs, the path as given for user packs
    bundled: bool = False
    categories: tuple[str, ...] = ()  # ids of the categories this pack defines
    terms: tuple[str, ...] = ()  # ids of the terms this pack defines


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Every loaded pack merged: categories and terms in file order. Compared and hashed by identity."""

    packs: tuple[Pack, ...]
    categories: tuple[Category, ...]
    terms: tuple[Term, ...]
    _terms_by_id: dict[str, Term] = field(init=False, repr=False, compare=False)
    _categories_by_id: dict[str, Category] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_terms_by_id", {t.id: t for t in self.terms})
        object.__setattr__(self, "_categories_by_id", {c.id: c for c in self.categories})

    def term(self, term_id: str) -> Term:
        """The term with this id (KeyError if none)."""
        return self._terms_by_id[term_id]

    def category(self, category_id: str) -> Category:
        """The category with this id (KeyError if none)."""
        return self._categories_by_id[category_id]

    def pack(self, pack_id: str) -> Pack:
        """The pack with this id (KeyError if none)."""
        for pack in self.packs:
            if pack.id == pack_id:
                return pack
        raise KeyError(pack_id)

    def has_term(self, term_id: str) -> bool:
        return term_id in self._terms_by_id

    def has_category(self, category_id: str) -> bool:
        return category_id in self._categories_by_id


# ------------------------------------------------------------------------------------------------ loading


def load_lexicon(extra: Sequence[str | Path] = (), *, bundled: bool = True) -> Lexicon:
    """Load the bundled ``terms-*.yaml`` packs (unless ``bundled=False``) plus ``extra`` pack files.

    The result is cached per file contents, so repeated calls return the same object (and matchers built
    for it are reused) until a pack file changes. Raises LexiconError naming the file, the entry and the fix.
    """
    paths = tuple(str(p) for p in extra)
    raw: list[tuple[str, str, bool]] = []  # (display name, text, bundled)
    if bundled:
        # a bundled pack also given as a path (``lexicons validate lexicons/terms-x.yaml``) is read once, as given
        given = {Path(p).resolve() for p in paths}
        raw.extend((name, text, True) for name, text in _read_bundled(skip=given))
    for path in paths:
        raw.append((path, _read_file(Path(path), path), False))
    return _load_cached(tuple(raw))


@functools.lru_cache(maxsize=16)
def _load_cached(raw: tuple[tuple[str, str, bool], ...]) -> Lexicon:
    return _build(
        [(name, _parse_yaml(text, name, walk_aliases=not is_bundled), is_bundled) for name, text, is_bundled in raw]
    )


def bundled_pack_names() -> tuple[str, ...]:
    """File names of the bundled term packs, sorted."""
    root = importlib.resources.files(BUNDLED_PACKAGE)
    return tuple(sorted(p.name for p in root.iterdir() if _is_bundled_pack(p.name)))


def _is_bundled_pack(name: str) -> bool:
    return fnmatch.fnmatchcase(name, BUNDLED_GLOB)


def _read_bundled(skip: Collection[Path] = ()) -> list[tuple[str, str]]:
    root = importlib.resources.files(BUNDLED_PACKAGE)
    out = []
    for name in bundled_pack_names():
        resource = root.joinpath(name)
        if isinstance(resource, Path) and resource.resolve() in skip:
            continue
        data = resource.read_bytes()
        out.append((name, _decode(data, name)))
    return out


def _read_file(path: Path, name: str) -> str:
    return read_data_file(path, name, LEXICON_PACK)


def _decode(data: bytes, name: str) -> str:
    return decode(data, name, LEXICON_PACK)


def _parse_yaml(text: str, name: str, *, walk_aliases: bool = True) -> Any:
    """Parse a pack (see :func:`resume_check.datafile.parse_yaml`, the one YAML loader)."""
    return parse_yaml(text, name, LEXICON_PACK, walk_aliases=walk_aliases)


_check_expansion = check_expansion
_Loader = YAML_LOADER


# ------------------------------------------------------------------------------------------------ validation


class _Where:
    """Formats the 'file, entry N (id)' prefix of a message."""

    def __init__(self, name: str) -> None:
        self.name = name

    def error(self, message: str, entry: str = "") -> LexiconError:
        return LexiconError(f"{self.name}{', ' + entry if entry else ''}: {message}")


def _entry(section: str, index: int, item: Any) -> str:
    ident = item.get("id") if isinstance(item, Mapping) else None
    label = {"terms": "entry", "categories": "category entry"}.get(section, f"{section} entry")
    return f"{label} {index + 1}" + (f" ({ident})" if isinstance(ident, str) and ident else "")


def _check_keys(where: _Where, entry: str, item: Any, allowed: Mapping[str, bool], what: str) -> None:
    if not isinstance(item, Mapping):
        raise where.error(f"{what} must be a mapping of keys to values, got {_show(item)}", entry)
    for key in item:
        if key not in allowed:
            close = [k for k in allowed if k.startswith(str(key)[:3])]
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise where.error(f"unknown key {key!r}{hint}; allowed keys: {', '.join(allowed)}", entry)
    for key, required in allowed.items():
        if required and key not in item:
            raise where.error(f"missing required key {key!r}", entry)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _string(where: _Where, entry: str, item: Mapping[str, Any], key: str, *, default: str | None = None) -> str:
    value = item.get(key, default)
    if not isinstance(value, str) or not value.strip():
        hint = " (put version numbers in quotes)" if key == "version" and isinstance(value, int | float) else ""
        raise where.error(f"{key} must be a non-empty string, got {_show(value)}{hint}", entry)
    if "\n" in value.strip() and key not in ("description", "attribution"):
        raise where.error(f"{key} must be on one line, got {_show(value)}", entry)
    _refuse_controls(where, entry, key, value)
    return value.strip()


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _refuse_controls(where: _Where, entry: str, key: str, value: str) -> None:
    """Labels, ids and descriptions reach terminals, CI logs and reports: an ESC or a bidi control is refused."""
    found = _CONTROLS.search(value)
    if found:
        raise where.error(
            f"{key} holds the control character U+{ord(found.group()):04X} at position {found.start()}; remove it",
            entry,
        )


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _string_list(where: _Where, entry: str, item: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = item.get(key, [])
    if value is None:
        value = []
    if isinstance(value, str):
        raise where.error(f"{key} must be a list of strings, got a single string; write [{value!r}]", entry)
    if not isinstance(value, list):
        raise where.error(f"{key} must be a list of strings, got {_show(value)}", entry)
    out = []
    for i, text in enumerate(value):
        if not isinstance(text, str) or not text.strip():
            raise where.error(f"{key}[{i}] must be a non-empty string, got {_show(text)}", entry)
        _refuse_controls(where, entry, f"{key}[{i}]", text)
        out.append(" ".join(text.split()) if key not in ("examples", "counterexamples") else text)
    return tuple(out)


def _build(parsed: list[tuple[str, Any, bool]]) -> Lexicon:
    packs: list[Pack] = []
    categories: dict[str, tuple[Category, str]] = {}
    pending: list[tuple[_Where, list[Any], set[str], str]] = []  # terms to read once all categories are known
    pack_ids: dict[str, str] = {}
    for name, data, is_bundled in parsed:
        where = _Where(name)
        # a file that is not a pack at all (a wrong path such as /etc/passwd) is said so without quoting its content
        if not isinstance(data, Mapping):
            raise where.error(
                "not a lexicon pack: the top level must be a mapping with 'pack', 'categories' and 'terms', "
                f"got a {type(data).__name__}; check the path (see lexicons/FORMAT.md)"
            )
        if "pack" not in data:
            raise where.error(
                "missing the 'pack:' header (id, version, language, description, sources); check the path"
            )
        for key in data:
            if key not in ("pack", "categories", "terms"):
                raise where.error(f"unknown top-level key {key!r}; allowed: pack, categories, terms")
        head = data["pack"]
        _check_keys(where, "pack", head, _PACK_KEYS, "pack")
        pack_id = _string(where, "pack", head, "id")
        if not _PLAIN_ID_RE.match(pack_id):
            raise where.error(f"id must be lower-case letters, digits, '-', '_' or '.', got {pack_id!r}", "pack")
        if pack_id in pack_ids:
            raise where.error(
                f"pack id {pack_id!r} is already used by {pack_ids[pack_id]}; give each pack its own id", "pack"
            )
        pack_ids[pack_id] = name
        sources = read_sources(name, head.get("sources"))
        cat_list = data.get("categories") or []
        if not isinstance(cat_list, list):
            raise where.error(f"categories must be a list, got {_show(cat_list)}")
        own_categories = []
        for index, item in enumerate(cat_list):
            entry = _entry("categories", index, item)
            category = _read_category(where, entry, item)
            if category.id in categories:
                raise where.error(
                    f"category {category.id!r} is already defined in {categories[category.id][1]}; "
                    "define each category once and refer to it by id",
                    entry,
                )
            categories[category.id] = (category, name)
            own_categories.append(category.id)
        term_list = data.get("terms") or []
        if not isinstance(term_list, list):
            raise where.error(f"terms must be a list, got {_show(term_list)}")
        pending.append((where, term_list, {s.id for s in sources}, pack_id))
        packs.append(
            Pack(
                id=pack_id,
                version=_string(where, "pack", head, "version"),
                language=_string(where, "pack", head, "language"),
                description=_string(where, "pack", head, "description"),
                sources=sources,
                path=name,
                bundled=is_bundled,
                categories=tuple(own_categories),
            )
        )
    terms: list[Term] = []
    term_where: dict[str, str] = {}
    form_owner: dict[tuple[bool, str], str] = {}
    for pack_index, (where, term_list, source_ids, pack_id) in enumerate(pending):
        own_terms = []
        for index, item in enumerate(term_list):
            entry = _entry("terms", index, item)
            term = _read_term(where, entry, item, {c for c in categories}, source_ids, pack_id)
            if term.id in term_where:
                raise where.error(
                    f"term id {term.id!r} is already defined in {term_where[term.id]}; ids must be unique", entry
                )
            term_where[term.id] = where.name
            for key in _explicit_forms(term):
                other = form_owner.setdefault(key, term.id)
                if other != term.id:
                    raise where.error(
                        f"the form {key[1]!r} is also a form of {other}; a phrase may belong to one term only "
                        "(remove it from one of them)",
                        entry,
                    )
            terms.append(term)
            own_terms.append(term.id)
        pack = packs[pack_index]
        packs[pack_index] = Pack(
            id=pack.id,
            version=pack.version,
            language=pack.language,
            description=pack.description,
            sources=pack.sources,
            path=pack.path,
            bundled=pack.bundled,
            categories=pack.categories,
            terms=tuple(own_terms),
        )
    return Lexicon(packs=tuple(packs), categories=tuple(c for c, _ in categories.values()), terms=tuple(terms))


def read_sources(name: str, value: Any, *, section: str = "pack", non_empty: bool = False) -> tuple[PackSource, ...]:
    """The ``sources`` of a lexicon pack's or a role profile's header (``section``): {id, name, licence, url,
    attribution?} mappings with unique ids; LexiconError naming the file and the entry otherwise."""
    where = _Where(name)
    if not isinstance(value, list) or (non_empty and not value):
        shape = "a non-empty list" if non_empty else "a list"
        raise where.error(
            f"sources must be {shape} of {{id, name, licence, url}} mappings, got {_show(value)}", section
        )
    out: list[PackSource] = []
    for index, item in enumerate(value):
        entry = _entry(f"{section}.sources", index, item)
        _check_keys(where, entry, item, _SOURCE_KEYS, "a source")
        source = PackSource(
            id=_string(where, entry, item, "id"),
            name=_string(where, entry, item, "name"),
            licence=_string(where, entry, item, "licence"),
            url=_string(where, entry, item, "url"),
            attribution=_string(where, entry, item, "attribution") if "attribution" in item else "",
        )
        if any(s.id == source.id for s in out):
            raise where.error(f"source id {source.id!r} is used twice in this {section}", entry)
        out.append(source)
    return tuple(out)


def _read_category(where: _Where, entry: str, item: Any) -> Category:
    _check_keys(where, entry, item, _CATEGORY_KEYS, "a category")
    cid = _string(where, entry, item, "id")
    if not _PLAIN_ID_RE.match(cid) or "." in cid:
        raise where.error(f"id must be lower-case letters, digits, '-' or '_' (no dots), got {cid!r}", entry)
    weight = item.get("weight", 1.0)
    if not _number(weight) or not 0 <= weight <= MAX_CATEGORY_WEIGHT:
        raise where.error(f"weight must be a number from 0 to {MAX_CATEGORY_WEIGHT}, got {_show(weight)}", entry)
    return Category(id=cid, label=_string(where, entry, item, "label"), weight=float(weight))


def _read_term(where: _Where, entry: str, item: Any, categories: set[str], source_ids: set[str], pack_id: str) -> Term:
    _check_keys(where, entry, item, _TERM_KEYS, "a term")
    tid = _string(where, entry, item, "id")
    if not _ID_RE.match(tid):
        raise where.error(
            f"id must be dotted lower-case words like 'methodology.scrum' (letters, digits, '-', '_'), got {tid!r}",
            entry,
        )
    category = _string(where, entry, item, "category")
    if category not in categories:
        known = ", ".join(sorted(categories)) or "none"
        raise where.error(f"unknown category {category!r}; define it under 'categories:' (known: {known})", entry)
    prefix = tid.split(".", 1)[0]
    if prefix != category:
        raise where.error(
            f"id prefix {prefix!r} must equal the category {category!r}: rename it {category}.{tid.split('.', 1)[1]}",
            entry,
        )
    weight = item.get("weight")
    if not _number(weight) or not MIN_WEIGHT <= weight <= MAX_WEIGHT:
        raise where.error(f"weight must be a number from {MIN_WEIGHT} to {MAX_WEIGHT}, got {_show(weight)}", entry)
    match_label = item.get("match_label", True)
    if not isinstance(match_label, bool):
        raise where.error(f"match_label must be true or false, got {_show(match_label)}", entry)
    label = _string(where, entry, item, "label")
    aliases = _string_list(where, entry, item, "aliases")
    variants = _string_list(where, entry, item, "variants")
    acronyms = _read_acronyms(where, entry, item)
    patterns = _read_patterns(where, entry, item)
    sources = _string_list(where, entry, item, "sources")
    for sid in sources:
        if sid not in source_ids:
            raise where.error(
                f"source {sid!r} is not declared in pack.sources (declared: {', '.join(sorted(source_ids)) or 'none'})",
                entry,
            )
    term = Term(
        id=tid,
        label=label,
        category=category,
        weight=float(weight),
        aliases=aliases,
        acronyms=acronyms,
        variants=variants,
        patterns=patterns,
        examples=_string_list(where, entry, item, "examples"),
        counterexamples=_string_list(where, entry, item, "counterexamples"),
        pack=pack_id,
        match_label=match_label,
        sources=sources,
        exclude=_string_list(where, entry, item, "exclude"),
        focus=_string_list(where, entry, item, "focus"),
    )
    if term.focus and not term.patterns:
        raise where.error("focus narrows pattern hits: give the term patterns, or drop focus", entry)
    phrases = ([label] if match_label else []) + list(aliases) + list(variants)
    phrases += [a.text for a in acronyms if not a.case_sensitive]
    for phrase in phrases:
        if len(phrase) > MAX_FORM_LENGTH:
            raise where.error(f"the form {phrase[:40]!r}... is over {MAX_FORM_LENGTH} characters; shorten it", entry)
        folded = phrase.casefold()
        if len(folded) == 1 or folded in AMBIGUOUS_WORDS:
            what = "the label" if phrase == label and match_label else "the form"
            raise where.error(
                f"{what} {phrase!r} is a common word that is only sometimes this term and would be matched everywhere; "
                "set match_label: false and match it through a case-sensitive acronym, a longer alias or a pattern",
                entry,
            )
    for acronym in acronyms:
        if acronym.case_sensitive and (
            len(acronym.text) == 1 or acronym.text in {w for a in AMBIGUOUS_WORDS for w in (a, a.capitalize())}
        ):
            raise where.error(
                f"the acronym {acronym.text!r} would match ordinary text ('grade C', 'Go to market'); "
                "match it through a pattern that gives context instead",
                entry,
            )
    if not phrases and not [a for a in acronyms if a.case_sensitive] and not patterns:
        raise where.error(
            "this term can never match: match_label is false and it has no aliases, acronyms, variants or patterns",
            entry,
        )
    return term


def _read_acronyms(where: _Where, entry: str, item: Mapping[str, Any]) -> tuple[Acronym, ...]:
    value = item.get("acronyms") or []
    if not isinstance(value, list):
        raise where.error(f"acronyms must be a list of {{text, case_sensitive}} mappings, got {_show(value)}", entry)
    out = []
    for i, acro in enumerate(value):
        if isinstance(acro, str):  # shorthand: a bare string is a case-sensitive acronym
            acro = {"text": acro}
        _check_keys(where, f"{entry}, acronyms[{i}]", acro, _ACRONYM_KEYS, "an acronym")
        text = acro.get("text")
        if not isinstance(text, str) or not text.strip() or " " in text.strip():
            raise where.error(f"acronyms[{i}].text must be one word without spaces, got {_show(text)}", entry)
        case_sensitive = acro.get("case_sensitive", True)
        if not isinstance(case_sensitive, bool):
            raise where.error(f"acronyms[{i}].case_sensitive must be true or false, got {_show(case_sensitive)}", entry)
        out.append(Acronym(text=text.strip(), case_sensitive=case_sensitive))
    return tuple(out)


def _read_patterns(where: _Where, entry: str, item: Mapping[str, Any]) -> tuple[Any, ...]:
    value = item.get("patterns") or []
    shape = "a list of token patterns, each a list of token objects like [{LOWER: managed}, {LOWER: budget}]"
    if not isinstance(value, list):
        raise where.error(f"patterns must be {shape}, got {_show(value)}", entry)
    if value:
        from spacy.schemas import validate_token_pattern  # spaCy is only needed when a pack has patterns

    out = []
    for i, pattern in enumerate(value):
        if not isinstance(pattern, list) or not pattern or not all(isinstance(t, Mapping) for t in pattern):
            raise where.error(f"patterns[{i}] must be {shape}, got {_show(pattern)}", entry)
        errors = validate_token_pattern(pattern)
        if errors:
            raise where.error(f"patterns[{i}] is not a valid spaCy token pattern: {errors[0]}", entry)
        if all(t.get("OP") in ("?", "*", "!") or t.get("OP", "").startswith("{0") for t in pattern):
            raise where.error(f"patterns[{i}] can match zero tokens; make at least one token required", entry)
        problem = pattern_problem(pattern)
        if problem:
            raise where.error(f"patterns[{i}] {problem}", entry)
        out.append([dict(t) for t in pattern])
    if len(out) > MAX_PATTERNS_PER_TERM:
        raise where.error(f"has {len(out)} token patterns, over the limit of {MAX_PATTERNS_PER_TERM}", entry)
    return tuple(out)


_REPEAT_OP = re.compile(r"^\{(\d*)(,?)(\d*)\}$")


def pattern_problem(pattern: Sequence[Mapping[str, Any]]) -> str | None:
    """Why a token pattern could take more than linear time on a long line (None when it cannot).

    Budgets: at most MAX_PATTERN_TOKENS token objects; no unbounded operator (``*``, ``+``, ``{n,}``), which
    matches every span of a long run of tokens; ``{n,m}`` with m at most MAX_PATTERN_REPEAT; a ``REGEX`` at most
    MAX_REGEX_LENGTH characters, without nested quantifiers, quantified alternations or back-references
    (``regex_problem``), which can backtrack for minutes on one long word.
    """
    if len(pattern) > MAX_PATTERN_TOKENS:
        return f"has {len(pattern)} token objects, over the limit of {MAX_PATTERN_TOKENS}"
    for k, token in enumerate(pattern):
        op = token.get("OP")
        if op in ("*", "+"):
            return (
                f"token {k} uses OP {op!r}, which has no upper bound; write {{0,N}} or {{1,N}} with N at most "
                f"{MAX_PATTERN_REPEAT}"
            )
        if isinstance(op, str) and op.startswith("{"):
            repeat = _REPEAT_OP.match(op)
            upper = repeat.group(3) if repeat and repeat.group(2) else (repeat.group(1) if repeat else "")
            if not upper or int(upper) > MAX_PATTERN_REPEAT:
                return f"token {k} uses OP {op!r}; the upper bound must be given and at most {MAX_PATTERN_REPEAT}"
        for regex in _regexes(token):
            problem = regex_problem(regex)
            if problem:
                return f"token {k}: {problem}"
    return None


def _regexes(value: Any) -> Iterable[Any]:
    """Every REGEX value in a token object (``{"TEXT": {"REGEX": ...}}``, extension attributes included)."""
    if isinstance(value, Mapping):
        for key, inner in value.items():
            if key == "REGEX":
                yield inner
            else:
                yield from _regexes(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _regexes(inner)


def regex_problem(regex: Any) -> str | None:
    """Why a user's regular expression is refused (None when it is fine): too long, invalid, or able to backtrack
    catastrophically: a quantifier over something that holds another quantifier (``(a+)+``), over an
    alternation (``(a|a)*``), or a back-reference. Python's ``re`` cannot be interrupted mid-match, so these are
    refused when the pack is loaded rather than run under a time limit."""
    if not isinstance(regex, str):
        return "REGEX must be a string"
    if len(regex) > MAX_REGEX_LENGTH:
        return f"REGEX is {len(regex)} characters, over the limit of {MAX_REGEX_LENGTH}"
    try:
        parsed = _sre_parse(regex)
    except (re.error, RecursionError, OverflowError) as err:
        return f"REGEX is not a valid regular expression ({err})"
    problem = _regex_tree_problem(parsed, inside_repeat=False)
    if problem is None and _unbounded_count(parsed) > 1:
        problem = "REGEX has more than one unbounded quantifier (like .*a.*), which is slow on a long word"
    return problem


def _unbounded_count(items: Any) -> int:
    import re._constants as c  # type: ignore[import-not-found,unused-ignore]

    count = 0
    for op, av in items:
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            count += (av[1] == c.MAXREPEAT) + _unbounded_count(av[2])
        elif op is c.SUBPATTERN:
            count += _unbounded_count(av[-1])
        elif op is c.BRANCH:
            count += sum(_unbounded_count(b) for b in av[1])
        elif op in (c.ASSERT, c.ASSERT_NOT):
            count += _unbounded_count(av[1])
    return count


def _sre_parse(regex: str) -> Any:
    import re._parser as sre_parse  # type: ignore[import-not-found,unused-ignore]

    return sre_parse.parse(regex)


def _regex_tree_problem(items: Any, *, inside_repeat: bool) -> str | None:
    import re._constants as c  # type: ignore[import-not-found,unused-ignore]

    repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}
    for op, av in items:
        if op in (c.GROUPREF, c.GROUPREF_EXISTS):
            return "REGEX uses a back-reference, which can take exponential time; rewrite it without one"
        if op in repeats:
            _low, high, body = av
            if high > 1 and inside_repeat:
                return "REGEX has nested quantifiers (like (a+)+), which can take exponential time; simplify it"
            if high > 1 and any(sub_op is c.BRANCH for sub_op, _ in body):
                return "REGEX repeats an alternation (like (a|b)+); use a character class ([ab]+) instead"
            inner = _regex_tree_problem(body, inside_repeat=inside_repeat or high > 1)
            if inner:
                return inner
        elif op is c.SUBPATTERN:
            inner = _regex_tree_problem(av[-1], inside_repeat=inside_repeat)
            if inner:
                return inner
            if inside_repeat and any(sub_op is c.BRANCH for sub_op, _ in av[-1]):
                return "REGEX repeats an alternation (like (a|b)+); use a character class ([ab]+) instead"
        elif op is c.BRANCH:
            for branch in av[1]:
                inner = _regex_tree_problem(branch, inside_repeat=inside_repeat)
                if inner:
                    return inner
        elif op in (c.ASSERT, c.ASSERT_NOT):
            inner = _regex_tree_problem(av[1], inside_repeat=inside_repeat)
            if inner:
                return inner
    return None


# ------------------------------------------------------------------------------------------------ forms


def _explicit_forms(term: Term) -> Iterable[tuple[bool, str]]:
    """(case_sensitive, form) pairs as written, for the duplicate-form check."""
    seen: set[tuple[bool, str]] = set()
    phrases = ([term.label] if term.match_label else []) + list(term.aliases) + list(term.variants)
    phrases += [a.text for a in term.acronyms if not a.case_sensitive]
    for phrase in phrases:
        key = (False, phrase.casefold())
        if key not in seen:
            seen.add(key)
            yield key
    for acronym in term.acronyms:
        if acronym.case_sensitive and (True, acronym.text) not in seen:
            seen.add((True, acronym.text))
            yield (True, acronym.text)


@functools.lru_cache(maxsize=1)
def spelling_table() -> dict[str, tuple[str, ...]]:
    """Word -> all its British/American spellings (lower case), from the bundled ``spelling.tsv`` (VarCon)."""
    text = importlib.resources.files(BUNDLED_PACKAGE).joinpath(SPELLING_FILE).read_text(encoding="utf-8")
    table: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        words = [w for w in line.split("\t") if w]
        group = set(words)
        for word in words:
            table.setdefault(word, set()).update(group)
    return {word: tuple(sorted(group)) for word, group in table.items()}


@functools.lru_cache(maxsize=1)
def spelling_rows() -> tuple[tuple[str, ...], ...]:
    """The rows of the bundled ``spelling.tsv`` in order: (American, British[, British -ize]) lower-case words."""
    text = importlib.resources.files(BUNDLED_PACKAGE).joinpath(SPELLING_FILE).read_text(encoding="utf-8")
    return tuple(
        tuple(w for w in line.split("\t") if w)
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def expand_phrase(phrase: str) -> tuple[str, ...]:
    """Every spelling of ``phrase``: British/American words, and hyphen/space/joined forms; the phrase first.

    Case is kept for unchanged words; generated words are lower case (phrases match case-insensitively).
    """
    table = spelling_table()
    words = phrase.split(" ")
    choices: list[tuple[str, ...]] = []
    for word in words:
        key = word.lower()
        if key in table:
            choices.append((word, *(w for w in table[key] if w != key)))
        else:
            choices.append((word,))
    out: dict[str, None] = {}
    for combo in itertools.islice(itertools.product(*choices), MAX_FORMS_PER_PHRASE):
        for form in _hyphen_forms(" ".join(combo)):
            out.setdefault(form, None)
    return tuple(out)[: MAX_FORMS_PER_PHRASE * 2]


def _hyphen_forms(phrase: str) -> list[str]:
    parts = _HYPHEN_RE.split(phrase)
    if len(parts) == 1:
        words = phrase.split(" ")
        if len(words) == 2 and all(w.isalpha() for w in words):
            return [phrase, "-".join(words)]  # "kick off" also as "kick-off"
        return [phrase]
    if len(parts) > 2:  # several hyphens (end-to-end): as written, all spaced, all joined
        return [phrase, " ".join(parts), "".join(parts)]
    forms = []
    for joins in itertools.product(("-", " ", ""), repeat=len(parts) - 1):
        form = parts[0]
        for join, part in zip(joins, parts[1:], strict=True):
            form += join + part
        forms.append(form)
    return forms


def term_forms(term: Term) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """All matchable forms of a term: (case-insensitive phrases, case-sensitive acronyms).

    Phrases are the label (unless ``match_label: false``), aliases and variants, each expanded with
    :func:`expand_phrase`, then case-insensitive acronyms; de-duplicated case-insensitively, first spelling kept.
    """
    phrases: dict[str, str] = {}
    sources = ([term.label] if term.match_label else []) + list(term.aliases) + list(term.variants)
    for phrase in sources:
        for form in expand_phrase(phrase):
            phrases.setdefault(form.casefold(), form)
    for acronym in term.acronyms:
        if not acronym.case_sensitive:
            phrases.setdefault(acronym.text.casefold(), acronym.text)
    exact = tuple(dict.fromkeys(a.text for a in term.acronyms if a.case_sensitive))
    return tuple(phrases.values()), exact


# ------------------------------------------------------------------------------------------------ descriptions


def describe_lexicon(lexicon: Lexicon) -> str:
    """Plain-text list of the loaded packs: version, counts, file and sources (``lexicons list``)."""
    lines = []
    for pack in lexicon.packs:
        cats = len(pack.categories)
        lines.append(
            f"{pack.id} {pack.version} ({pack.language}): {len(pack.terms)} terms, "
            f"{cats} {'category' if cats == 1 else 'categories'} - {pack.path}"
        )
        lines.append(f"  {pack.description}")
        for source in pack.sources:
            lines.append(f"  source {source.id}: {source.name} [{source.licence}] {source.url}")
    total_packs = len(lexicon.packs)
    lines.append(
        f"Total: {total_packs} {'pack' if total_packs == 1 else 'packs'}, {len(lexicon.terms)} terms, "
        f"{len(lexicon.categories)} categories"
    )
    return "\n".join(lines) + "\n"


def describe_id(lexicon: Lexicon, ident: str) -> str | None:
    """Plain-text description of a term, category or pack id (``lexicons show``); None if no such id."""
    if lexicon.has_term(ident):
        return _describe_term(lexicon, lexicon.term(ident))
    if lexicon.has_category(ident):
        category = lexicon.category(ident)
        terms = sorted((t for t in lexicon.terms if t.category == ident), key=lambda t: (-t.weight, t.id))
        lines = [f"category {category.id}: {category.label}", f"  weight: {_num(category.weight)}"]
        lines.append(f"  terms ({len(terms)}, by weight):")
        lines.extend(f"    {_num(t.weight)}  {t.id}  {t.label}" for t in terms)
        return "\n".join(lines) + "\n"
    for pack in lexicon.packs:
        if pack.id == ident:
            lines = [f"pack {pack.id} {pack.version} ({pack.language}) - {pack.path}", f"  {pack.description}"]
            for source in pack.sources:
                lines.append(f"  source {source.id}: {source.name} [{source.licence}] {source.url}")
                if source.attribution:
                    lines.append(f"    attribution: {source.attribution}")
            lines.append(f"  categories: {', '.join(pack.categories) or '-'}")
            lines.append(f"  terms: {len(pack.terms)}")
            return "\n".join(lines) + "\n"
    return None


def known_ids(lexicon: Lexicon) -> tuple[str, ...]:
    """Every term, category and pack id, for suggestions."""
    return (*(t.id for t in lexicon.terms), *(c.id for c in lexicon.categories), *(p.id for p in lexicon.packs))


def _num(value: float) -> str:
    return f"{value:g}"


def _describe_term(lexicon: Lexicon, term: Term) -> str:
    import json

    category = lexicon.category(term.category)
    pack = lexicon.pack(term.pack)
    phrases, exact = term_forms(term)
    lines = [
        f"term {term.id}: {term.label}",
        f"  category: {category.id} ({category.label}), weight {_num(term.weight)}",
        f"  pack: {pack.id} {pack.version} ({pack.path})",
        f"  label matched: {'yes' if term.match_label else 'no (only through the forms below)'}",
    ]
    if term.aliases:
        lines.append(f"  aliases: {', '.join(term.aliases)}")
    if term.variants:
        lines.append(f"  variants: {', '.join(term.variants)}")
    if term.acronyms:
        shown = [f"{a.text} ({'exact case' if a.case_sensitive else 'any case'})" for a in term.acronyms]
        lines.append(f"  acronyms: {', '.join(shown)}")
    if term.exclude:
        lines.append(f"  not inside: {', '.join(term.exclude)}")
    lines.append(f"  forms matched (any case, and their inflections): {', '.join(phrases) or '-'}")
    if exact:
        lines.append(f"  forms matched (exact case): {', '.join(exact)}")
    if term.patterns:
        lines.append("  patterns:")
        lines.extend(f"    {json.dumps(p, ensure_ascii=False)}" for p in term.patterns)
    if term.focus:
        lines.append(f"  pattern hits narrowed to: {', '.join(term.focus)} (never matched alone)")
    if term.sources:
        names = {s.id: s.name for s in pack.sources}
        lines.append("  sources:")
        lines.extend(f"    {sid}: {names.get(sid, sid)}" for sid in term.sources)
    if term.examples:
        lines.append("  examples (must match):")
        lines.extend(f"    + {text}" for text in term.examples)
    if term.counterexamples:
        lines.append("  counterexamples (must not match):")
        lines.extend(f"    - {text}" for text in term.counterexamples)
    return "\n".join(lines) + "\n"


@functools.lru_cache(maxsize=16)
def lexicon_forms(lexicon: Lexicon) -> Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """:func:`term_forms` of every term, by term id; computed once per lexicon."""
    return MappingProxyType({term.id: term_forms(term) for term in lexicon.terms})
