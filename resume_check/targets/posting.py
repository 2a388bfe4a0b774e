"""Read a job posting: its title, required and preferred terms, years, certifications, education, knock-out lines.

``read_posting(path, engine)`` extracts a posting (.txt, .md, .pdf, .docx with the résumé extractors, or a JSON
Resume ``job.json``) and ``analyse_posting`` turns its lines into a ``Posting`` record:

- each line gets the level of the section it stands in (``lexicons/posting.yaml``: "Minimum qualifications",
  "Specialized experience", "Essential", "Must have" are required; "Preferred", "Desirable", "Nice to have",
  "Bonus" are preferred; "Responsibilities", "Key objectives" are duties; benefits, pay and equal-opportunity
  sections give nothing). Inline cues override it clause by clause: "PMP preferred", "is a plus" and "not
  required" make a clause preferred (never required); "must" and "required" make a duty clause required;
- terms are the lexicon's matches plus posting terms the lexicon lacks: multi-word noun phrases and acronyms of
  requirement clauses (stop lists in ``posting.yaml``); a term the posting repeats weighs more;
- a negated term ("no database work") is reported as a negation, never as a term;
- "X or Y" alternatives form a group: one of them is enough;
- years asked with what they attach to, certifications, the education level, seniority and knock-out lines
  (citizenship, clearance, work authorisation, location, travel) are reported, never dropped.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from ..errors import InputError, LexiconError
from ..models import Finding, Line, Source

if TYPE_CHECKING:
    from ..analysis import Engine
    from .target import Target

PostingLevel = Literal["required", "preferred", "duty"]
LineKind = Literal["title", "heading", "text", "boilerplate"]
KnockoutKind = Literal["citizenship", "clearance", "work-authorisation", "location", "travel"]
LEVELS: tuple[PostingLevel, ...] = ("required", "preferred", "duty")
KNOCKOUT_KINDS: tuple[KnockoutKind, ...] = ("citizenship", "clearance", "work-authorisation", "location", "travel")

#: the category of a posting term the lexicon lacks, when the posting's section suggests none: of no kind
POSTING_CATEGORY = "posting"

#: weight of a term by the level it is asked at (before repetition); published by ``explain``
LEVEL_WEIGHT: dict[PostingLevel, float] = {"required": 3.0, "preferred": 1.0, "duty": 0.5}
#: each further mention of a term adds this share of its level weight, up to REPEAT_CAP mentions in all
REPEAT_BONUS = 0.25
REPEAT_CAP = 5
#: limits on untrusted postings
MAX_POSTING_BYTES = 2 * 1024 * 1024
MAX_JSON_BYTES = 1024 * 1024
MAX_JSON_DEPTH = 20
MAX_JSON_ITEMS = 5000
#: a posting term is at most this many words long
MAX_PHRASE_WORDS = 4


@dataclass(frozen=True, slots=True)
class PostingLine:
    """One line of the posting as read, with the section it stands in and the level that section gives it."""

    number: int  # 1-based line the person sees (source line for text files)
    text: str
    kind: LineKind
    section: str  # the heading it stands under, as written ("" before the first heading)
    level: PostingLevel | None  # None: a section that gives no terms (benefits, pay, how to apply)
    bullet: bool = False


@dataclass(frozen=True, slots=True)
class PostingTerm:
    """A term the posting asks for."""

    id: str  # a lexicon term id, or "job.<slug>" for a posting term the lexicon lacks
    label: str
    category: str  # lexicon category, or POSTING_CATEGORY
    level: PostingLevel  # the highest level it is asked at (required > preferred > duty)
    weight: float  # LEVEL_WEIGHT[level] raised by repetition
    count: int  # mentions in the posting
    line: int  # the first line that asks for it at that level
    text: str  # that line
    forms: tuple[str, ...] = ()  # for posting terms: the phrase(s) to look for in a résumé (matched by lemma)
    group: str = ""  # "X or Y": the id of the group's first term; one term of a group is enough
    title: bool = False  # a job title (lexicon roles category): checked as the title match, never as a keyword
    written: str = ""  # the words as the posting writes them ("supervising staff" for team leadership)


@dataclass(frozen=True, slots=True)
class YearsAsked:
    years: float
    what: str  # what the years attach to ("IT project management", "specialized experience at the GS-13 level")
    level: PostingLevel
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Knockout:
    kind: KnockoutKind
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Negation:
    phrase: str  # the negated words as written ("no database work")
    term_ids: tuple[str, ...]  # lexicon/posting terms it names (left out of the terms)
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Posting:
    """Everything read from one job posting."""

    source: Source
    title: str
    titles: tuple[str, ...]  # the title plus other titles the posting gives ("Official title: ...")
    company: str | None
    lines: tuple[PostingLine, ...]
    terms: tuple[PostingTerm, ...]  # required first, then preferred, then duties; by weight within a level
    years: tuple[YearsAsked, ...]
    certifications: tuple[str, ...]  # term ids of certifications asked for
    education: str | None  # the highest degree level asked ("bachelor", "master", "doctorate", "associate")
    education_line: int | None
    seniority: str | None  # "senior", "lead", "principal", "supervisory", "junior", "GS-14" ...
    knockouts: tuple[Knockout, ...]
    negations: tuple[Negation, ...]
    warnings: tuple[Finding, ...] = ()

    @property
    def id(self) -> str:
        """The posting's file stem (the target id)."""
        name = Path(self.source.path).name
        return name.split(".", 1)[0] if name and name != "-" else POSTING_CATEGORY

    def required(self) -> tuple[PostingTerm, ...]:
        return tuple(t for t in self.terms if t.level == "required")

    def preferred(self) -> tuple[PostingTerm, ...]:
        return tuple(t for t in self.terms if t.level == "preferred")


# --------------------------------------------------------------------------------------------- rules (data)


@dataclass(frozen=True, slots=True)
class PostingRules:
    """``lexicons/posting.yaml``, compiled."""

    headings: dict[str, PostingLevel | None]
    starts: tuple[tuple[str, PostingLevel], ...]
    preferred_after: re.Pattern[str]
    preferred_before: re.Pattern[str]
    required_cues: re.Pattern[str]
    duty_cues: re.Pattern[str]
    negations: frozenset[str]
    boilerplate: tuple[str, ...]
    stop_words: frozenset[str]
    stop_acronyms: frozenset[str]
    generic_nouns: frozenset[str]
    gerund_nouns: frozenset[str]
    knockouts: tuple[tuple[KnockoutKind, re.Pattern[str]], ...]
    verb_after: frozenset[str] = frozenset()  # the next word is a verb: "you should understand engineering"
    verb_after_if_verb: frozenset[str] = frozenset()  # it is when the lexicon knows it as one: "teams that deliver"
    determiners: frozenset[str] = frozenset()  # open a subject whose verb may follow: "the government builds"
    not_alone: frozenset[str] = frozenset()  # never a term on their own: "technology" (but "technology teams")


def _words_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    alternatives = sorted({re.escape(p.lower()) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


@functools.lru_cache(maxsize=1)
def load_posting_rules() -> PostingRules:
    """The bundled posting vocabulary (headings, cues, stop lists, knock-outs), validated once per process."""
    from ..datafile import read_bundled_yaml

    data = read_bundled_yaml("posting.yaml")
    try:
        headings: dict[str, PostingLevel | None] = {}
        for level, names in data["sections"].items():
            if level not in ("required", "preferred", "duties", "ignore"):
                raise LexiconError(f"posting.yaml: unknown section level {level!r}; use required/preferred/duties")
            for name in names:
                headings[_heading_key(str(name))] = None if level == "ignore" else _level(level)
        starts = tuple(
            (_heading_key(str(p)), _level(level)) for level, phrases in data["starts"].items() for p in phrases
        )
        knockouts = tuple(
            (_knockout_kind(kind), re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))
            for kind, patterns in data["knockouts"].items()
        )
        return PostingRules(
            headings=headings,
            starts=starts,
            preferred_after=_words_pattern(data["cues"]["preferred_after"]),
            preferred_before=_words_pattern(data["cues"]["preferred_before"]),
            required_cues=_words_pattern(data["cues"]["required"]),
            duty_cues=_words_pattern(data["cues"]["duties"]),
            negations=frozenset(str(w).lower() for w in data["negations"]),
            boilerplate=tuple(str(p).lower() for p in data["boilerplate"]),
            stop_words=frozenset(str(w).lower() for w in data["stop_words"]) | _spacy_stop_words(),
            stop_acronyms=frozenset(str(w) for w in data["stop_acronyms"]),
            generic_nouns=frozenset(str(w).lower() for w in data["generic_nouns"]),
            not_alone=frozenset(str(w).lower() for w in data["not_alone"]),
            gerund_nouns=frozenset(str(w).lower() for w in data["gerund_nouns"]),
            knockouts=knockouts,
            verb_after=frozenset(str(w).lower() for w in data["verb_cues"]["always"]),
            verb_after_if_verb=frozenset(str(w).lower() for w in data["verb_cues"]["if_a_verb"]),
            determiners=frozenset(str(w).lower() for w in data["verb_cues"]["determiners"]),
        )
    except (KeyError, TypeError, AttributeError, re.error) as err:
        raise LexiconError(f"posting.yaml: malformed ({type(err).__name__}: {err}); reinstall resume-check") from None


def _spacy_stop_words() -> frozenset[str]:
    """spaCy's English stop words (function words: "else", "can", "also", "yet", "you'll")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.replace("’", "'") for w in STOP_WORDS)


def _level(name: str) -> PostingLevel:
    return "duty" if name == "duties" else cast(PostingLevel, name)


def _knockout_kind(name: str) -> KnockoutKind:
    if name not in KNOCKOUT_KINDS:
        raise LexiconError(f"posting.yaml: unknown knock-out kind {name!r}; use one of {', '.join(KNOCKOUT_KINDS)}")
    return name


def _heading_key(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("’", "").replace("'", "")
    text = re.sub(r"[^a-z ]+", " ", text)
    words = [w for w in text.split() if w != "and"]
    return " ".join(words)


# --------------------------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class RawLine:
    """A line before analysis: text, the number a person sees, and what the extractor knew of its form."""

    text: str
    number: int
    heading: bool | None = None  # True: the extractor knows it is a heading; None: unknown
    bullet: bool = False
    level: PostingLevel | None = None  # JSON job files: the field decides the level
    kind: LineKind | None = None


def read_posting_lines(path: str | Path, *, max_bytes: int = MAX_POSTING_BYTES) -> tuple[Source, tuple[RawLine, ...]]:
    """Read a posting file: JSON Resume job files here, every other type with the résumé extractors."""
    from ..extract import extract_bytes, read_input

    path = str(path)
    data = read_input(path, max_bytes=max_bytes)
    if path.lower().endswith(".json") or (data.lstrip()[:1] == b"{" and not path.lower().endswith((".md", ".txt"))):
        return _read_job_json(data, path)
    document = extract_bytes(data, path)
    raw = tuple(
        RawLine(
            text=line.text,
            number=document.line_number(i),
            heading=_styled_heading(line),
            bullet=line.bullet,
        )
        for i, line in enumerate(document.lines)
        if line.text.strip()
    )
    return document.source, raw


def _styled_heading(line: Line) -> bool | None:
    style = (line.style or "").lower()
    if style.startswith("#") or style.startswith("heading") or style == "title":
        return True
    return None


def _json_depth_ok(data: bytes) -> bool:
    """True when the JSON text nests at most MAX_JSON_DEPTH deep (checked before parsing, strings skipped)."""
    depth = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return False
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return True


def _read_job_json(data: bytes, path: str) -> tuple[Source, tuple[RawLine, ...]]:
    """A JSON Resume job file (title, company, description, responsibilities, qualifications, skills)."""
    if len(data) > MAX_JSON_BYTES:
        raise InputError(
            f"{path}: {len(data):,} bytes is over the {MAX_JSON_BYTES:,}-byte limit for a JSON job file; "
            "is this really a job posting?",
            path=path,
        )
    if not _json_depth_ok(data):
        raise InputError(
            f"{path}: JSON nested deeper than {MAX_JSON_DEPTH} levels; a JSON Resume job file is flat "
            "(title, company, description, responsibilities, qualifications, skills)",
            path=path,
        )
    try:
        job = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text (byte {err.start}); save the job file as UTF-8", path=path) from None
    except json.JSONDecodeError as err:
        raise InputError(
            f"{path}: not valid JSON (line {err.lineno}, column {err.colno}: {err.msg}); fix the job file", path=path
        ) from None
    if not isinstance(job, dict):
        raise InputError(f"{path}: a JSON job file must be an object with a 'title'; see jsonresume.org", path=path)
    items = 0
    lines: list[RawLine] = []

    def add(text: Any, **kind: Any) -> None:
        nonlocal items
        items += 1
        if items > MAX_JSON_ITEMS:
            raise InputError(f"{path}: more than {MAX_JSON_ITEMS:,} entries; is this really a job posting?", path=path)
        if isinstance(text, (int, float)) and not isinstance(text, bool):
            text = str(text)
        if not isinstance(text, str):
            raise InputError(
                f"{path}: expected text in the job file, found {type(text).__name__} near line {len(lines) + 1}; "
                "see the JSON Resume job schema",
                path=path,
            )
        for part in text.splitlines():
            if part.strip():
                lines.append(RawLine(text=" ".join(part.split()), number=len(lines) + 1, **kind))

    def strings(key: str) -> list[Any]:
        value = job.get(key)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    title = job.get("title") or job.get("position") or job.get("name")
    if not isinstance(title, str) or not title.strip():
        raise InputError(f"{path}: the JSON job file has no 'title'; add the job title", path=path)
    add(title, kind="title", heading=True)
    if isinstance(job.get("company"), str):
        add(f"Company: {job['company']}", kind="boilerplate")
    location = job.get("location")
    if isinstance(location, dict):
        where = ", ".join(str(v) for k, v in location.items() if isinstance(v, str) and k != "postalCode")
        if where:
            add(f"Location: {where}", level=None)
    elif isinstance(location, str):
        add(f"Location: {location}", level=None)
    if isinstance(job.get("remote"), str):
        add(f"Location: {job['remote']} (remote)", level=None)
    if isinstance(job.get("experience"), str):
        add(f"Experience: {job['experience']}", level="required")
    for text in strings("description"):
        add(text, level="duty")
    sections: tuple[tuple[str, str, PostingLevel], ...] = (
        ("responsibilities", "Responsibilities", "duty"),
        ("qualifications", "Qualifications", "required"),
        ("skills", "Skills", "required"),
        ("tools", "Tools", "required"),
    )
    for key, heading, level in sections:
        values = strings(key)
        if not values:
            continue
        add(heading, kind="heading", heading=True, level=level)
        for value in values:
            if isinstance(value, dict):  # skills: {name, level, keywords}
                name = value.get("name")
                keywords = value.get("keywords") or []
                if not isinstance(name, str) and not keywords:
                    raise InputError(
                        f"{path}: expected text or a {{name, keywords}} object in {key!r}, found {sorted(value)}; "
                        "see the JSON Resume job schema",
                        path=path,
                    )
                if not isinstance(keywords, list):
                    keywords = [keywords]
                words = [str(k) for k in keywords if isinstance(k, (str, int, float))]
                text = f"{name}: {', '.join(words)}" if name and words else str(name or ", ".join(words))
                add(text, level=level, bullet=True)
            else:
                add(value, level=level, bullet=True)
    source = Source(path=path, type="json", size=len(data))
    return source, tuple(lines)


# --------------------------------------------------------------------------------------------- analysis

_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9+#]*(?:['’.&/-][A-Za-z0-9+#]+)*")
_CLAUSE_BREAK = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(\"'“])|;\s*|\s+[–—]\s+|\s+-\s+")
_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9&+]{1,6}|[A-Z]{2,}[a-z]?[A-Z]+)s?$")
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
}
_YEARS = re.compile(
    r"(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)"
    r"(?:\s*\(\d+\))?\s*(?P<plus>\+|or more|plus)?\s*(?:-\s*\d+\s*)?"
    r"(?:full[- ]time\s+)?years?\b(?:'s?)?(?P<rest>[^.;]{0,120})",
    re.IGNORECASE,
)
_EDUCATION = (
    ("doctorate", re.compile(r"\b(ph\.?d|doctorate|doctoral)\b", re.IGNORECASE)),
    ("master", re.compile(r"\b(master'?s?|msc|mba|m\.s\.)\b(?!\s+(?:of\s+)?(?:ceremon|data))", re.IGNORECASE)),
    ("bachelor", re.compile(r"\b(bachelor'?s?|undergraduate degree|b\.?sc|b\.?a\.|4-year degree|degree)\b", re.I)),
    ("associate", re.compile(r"\bassociate'?s? degree\b", re.IGNORECASE)),
)
_SENIORITY = re.compile(
    r"\b(senior|sr\.?|lead|principal|head of|chief|director|supervisory|supervisor|junior|jr\.?|entry[- ]level|"
    r"graduate|intern|associate|staff)\b",
    re.IGNORECASE,
)
_GRADE = re.compile(r"\bGS[- ]?(\d{1,2})\b")
_OR_JOIN = re.compile(r"^\s*(?:,\s*)?(?:or|and/or|/)\s*$|^\s*/\s*$", re.IGNORECASE)
_LIST_JOIN = re.compile(r"^\s*,\s*$")
_TITLE_LINE = re.compile(r"^\s*(?:job title|position title|official title[^:]*|role|title|position)\s*:\s*(.+)$", re.I)
_LEVEL_LINE = re.compile(r"^\s*(?:experience|seniority|level|career level)\s*:\s*(.+)$", re.IGNORECASE)
#: a negation that names no term ("no database work", "not a people-management role")
_NEGATED_PHRASE = re.compile(
    r"\b(?:no|not an?|not any|without|never)\s+(?:[\w/-]+\s+){0,3}?"
    r"(?:work|role|roles|experience|duties|responsibilit(?:y|ies)|management|coding|travel)\b",
    re.IGNORECASE,
)
_COMPANY_LINE = re.compile(r"^\s*(?:company|employer|organi[sz]ation|agency|department)\s*:\s*(.+)$", re.IGNORECASE)


@dataclass(slots=True)
class _Ask:
    """One mention of a term while the posting is read."""

    id: str
    label: str
    category: str
    level: PostingLevel
    line: int
    text: str
    forms: tuple[str, ...] = ()
    group: str = ""
    title: bool = False
    written: str = ""


def read_posting(path: str | Path, engine: Engine) -> Posting:
    """Read and analyse one posting file (raises InputError for unreadable input)."""
    source, lines = read_posting_lines(path)
    return analyse_posting(source, lines, engine)


def analyse_posting(source: Source, raw: Sequence[RawLine], engine: Engine) -> Posting:
    """Turn a posting's lines into a Posting (see the module docstring)."""
    rules = load_posting_rules()
    if not raw:
        raise InputError(f"{source.path}: the posting has no text; export it again", path=source.path)
    lines = _classify(raw, rules)
    title = next((ln.text for ln in lines if ln.kind == "title"), lines[0].text)
    titles = [title]
    company = None
    for line in lines:
        named = _TITLE_LINE.match(line.text)
        if named and len(named.group(1)) < 120:
            titles.append(named.group(1).strip())
        named = _COMPANY_LINE.match(line.text)
        if named and company is None:
            company = named.group(1).strip()
    knockouts = tuple(
        Knockout(kind, line.number, line.text)
        for line in lines
        if line.kind != "title"
        for kind, pattern in rules.knockouts
        if pattern.search(line.text) and not _is_pay_line(line.text)
    )
    knocked = {k.line for k in knockouts}
    asks, negations = _terms(lines, rules, engine, knocked)
    terms = _merge(asks)
    years = tuple(_years(lines, knocked))
    education, education_line = _education(lines)
    certifications = tuple(t.id for t in terms if t.category == "certifications" and t.level != "duty")
    return Posting(
        source=source,
        title=title,
        titles=tuple(dict.fromkeys(titles)),
        company=company,
        lines=lines,
        terms=terms,
        years=years,
        certifications=certifications,
        education=education,
        education_line=education_line,
        seniority=_seniority(titles + [m.group(1) for ln in lines if (m := _LEVEL_LINE.match(ln.text))]),
        knockouts=knockouts,
        negations=negations,
    )


def _is_pay_line(text: str) -> bool:
    return bool(re.search(r"salary|\$\d|£\d|€\d", text, re.IGNORECASE)) and "travel" not in text.lower()


def _classify(raw: Sequence[RawLine], rules: PostingRules) -> tuple[PostingLine, ...]:
    out: list[PostingLine] = []
    section = ""
    level: PostingLevel | None = "duty"
    for index, line in enumerate(raw):
        text = line.text.strip()
        lower = text.lower()
        if line.kind == "title" or (index == 0 and line.kind is None):
            out.append(PostingLine(line.number, text, "title", "", None))
            continue
        heading_level, is_heading = _heading(line, rules) if line.kind != "boilerplate" else (None, False)
        if not is_heading and (line.kind == "boilerplate" or any(p in lower for p in rules.boilerplate)):
            out.append(PostingLine(line.number, text, "boilerplate", section, None, line.bullet))
            continue
        if is_heading:
            section = text.rstrip(":").strip()
            level = line.level if line.level is not None or line.kind == "heading" else heading_level
            if line.kind == "heading":
                level = line.level
            out.append(PostingLine(line.number, text, "heading", section, level))
            continue
        line_level = line.level if line.kind is None and line.level is not None else level
        if line.level is None and line.kind is None and raw[0].kind == "title" and line.text.startswith("Location:"):
            line_level = None
        out.append(PostingLine(line.number, text, "text", section, line_level, line.bullet))
    return tuple(out)


def _heading(line: RawLine, rules: PostingRules) -> tuple[PostingLevel | None, bool]:
    """(level the heading gives, whether the line is a heading)."""
    text = line.text.strip()
    key = _heading_key(text)
    words = key.split()
    if line.bullet and not line.heading:
        return None, False
    if not words or len(words) > 8 or len(text) > 80:
        return None, False
    if key in rules.headings:
        return rules.headings[key], True
    ends_colon = text.endswith(":")
    for start, level in rules.starts:
        if key.startswith(start) and (ends_colon or line.heading or len(words) <= 5):
            return level, True
    if line.heading or (ends_colon and len(words) <= 6) or (text.isupper() and len(words) <= 6):
        return "duty", True
    return None, False


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of a line: sentences, semicolon parts and dash asides."""
    out = []
    start = 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _clause_level(clause: str, level: PostingLevel, rules: PostingRules, at: int | None = None) -> PostingLevel:
    """The level of a term at ``at`` in ``clause`` (None: of the clause as a whole): a preferred cue after the
    term ("PMP preferred") or before it ("ideally ...") makes it preferred; in a duties section a required cue
    ("you must", "you'll need") makes it required. Preferred always wins: it is never promoted to required."""
    lower = clause.lower().replace("’", "'")
    for m in rules.preferred_after.finditer(lower):
        if at is None or m.start() >= at:
            return "preferred"
    for m in rules.preferred_before.finditer(lower):
        if at is None or m.end() <= at:
            return "preferred"
    if level == "duty" and rules.required_cues.search(lower):
        return "required"
    if level == "required" and rules.duty_cues.search(lower):
        return "duty"  # "your duties will extend to ...": what the job does, inside a requirements section
    return level


def is_preferred_text(text: str) -> bool:
    """Whether a posting line softens what it asks ("preferred", "is a plus", "ideally", "not required")."""
    rules = load_posting_rules()
    lower = text.lower().replace("’", "'")
    return bool(rules.preferred_after.search(lower) or rules.preferred_before.search(lower))


def _terms(
    lines: Sequence[PostingLine], rules: PostingRules, engine: Engine, knocked: set[int]
) -> tuple[list[_Ask], tuple[Negation, ...]]:
    """Every mention of a lexicon or posting term in the lines that ask for something, and the negations."""
    wanted = [ln for ln in lines if ln.kind == "text" and ln.level is not None and ln.number not in knocked]
    if not wanted:
        return [], ()
    text = "\n".join(ln.text for ln in wanted)
    offsets = []
    at = 0
    for ln in wanted:
        offsets.append(at)
        at += len(ln.text) + 1
    lexicon = engine.lexicon
    by_id = {t.id: t for t in lexicon.terms}
    matches = engine.matcher.match_text(text)
    per_line: dict[int, list[tuple[int, int, str]]] = {}
    import bisect

    for m in matches:
        index = bisect.bisect_right(offsets, m.start) - 1
        per_line.setdefault(index, []).append((m.start - offsets[index], m.end - offsets[index], m.term_id))
    asks: list[_Ask] = []
    negations: list[Negation] = []
    for index, line in enumerate(wanted):
        assert line.level is not None
        hits = per_line.get(index, [])
        for c_start, c_end in _clauses(line.text):
            clause = line.text[c_start:c_end]
            level = _clause_level(clause, line.level, rules)
            found: list[tuple[int, int, str, str, str, tuple[str, ...]]] = []  # start, end, id, label, cat, forms
            for start, end, term_id in hits:
                if c_start <= start < c_end and term_id in by_id:
                    term = by_id[term_id]
                    found.append((start, end, term_id, term.label, term.category, ()))
            if level in ("required", "preferred"):
                found.extend(_posting_phrases(line.text, c_start, c_end, found, rules))
            found.sort()
            negated = _negated(line.text, c_start, found, rules)
            spans = []
            if negated:
                first = min(s for s, _, _, _, _, _ in negated)
                last = max(e for _, e, _, _, _, _ in negated)
                begin = _negation_start(line.text, c_start, first, rules)
                spans.append((begin, last))
                phrase = line.text[begin:last]
                negations.append(Negation(phrase, tuple(dict.fromkeys(f[2] for f in negated)), line.number, line.text))
            for hit in _NEGATED_PHRASE.finditer(clause):
                begin, last = c_start + hit.start(), c_start + hit.end()
                if any(b < last and begin < e for b, e in spans):
                    continue  # already reported with the terms it names
                negations.append(Negation(hit.group(), (), line.number, line.text))
            kept = [f for f in found if f not in negated]
            groups = _or_groups(line.text, kept)
            for (start, end, term_id, label, category, forms), group in zip(kept, groups, strict=True):
                term_level = _clause_level(clause, line.level, rules, at=start - c_start)
                if forms and term_level == "duty":
                    continue  # posting phrases come from what is asked, not from the duties
                asks.append(
                    _Ask(
                        id=term_id,
                        label=label,
                        category=category,
                        level=term_level,
                        line=line.number,
                        text=line.text,
                        forms=forms,
                        group=group,
                        title=category == "roles",
                        written=line.text[start:end],
                    )
                )
    return asks, tuple(negations)


def _negation_start(text: str, clause_start: int, first: int, rules: PostingRules) -> int:
    before = list(_TOKEN.finditer(text, clause_start, first))
    for m in reversed(before[-4:]):
        if m.group().lower() in rules.negations:
            return m.start()
    return first


def _negated(
    text: str, clause_start: int, found: Sequence[tuple[int, int, str, str, str, tuple[str, ...]]], rules: PostingRules
) -> list[tuple[int, int, str, str, str, tuple[str, ...]]]:
    """Terms a negation word governs: "no database work", "not a coding role", "without people management".

    The negation must stand at most three words before the term, with no comma or "or"/"and" between, and not be
    part of "not required" (a preferred cue, handled by the clause level)."""
    out = []
    for item in found:
        start = item[0]
        window = text[max(clause_start, start - 40) : start]
        if re.search(r"[,;:(]", window):
            window = re.split(r"[,;:(]", window)[-1]
        words = [w.lower() for w in _TOKEN.findall(window)][-3:]
        if not words:
            continue
        for i, word in enumerate(words):
            if word in rules.negations and not set(words[i + 1 :]) & {"or", "and", "only", "just", "limited"}:
                out.append(item)
                break
    return out


def _or_groups(text: str, found: Sequence[tuple[int, int, str, str, str, tuple[str, ...]]]) -> list[str]:
    """The group of each term: terms joined by "or" ("agile or iterative development", "A, B, or C") share one."""
    groups = [""] * len(found)
    i = 0
    while i < len(found):
        j = i
        saw_or = False
        while j + 1 < len(found):
            between = text[found[j][1] : found[j + 1][0]]
            if _OR_JOIN.match(between):
                saw_or = True
            elif not _LIST_JOIN.match(between):
                break
            j += 1
        if saw_or and j > i:
            # a plain list before the "or" belongs to the same choice only when every join is a comma or "or"
            group = found[i][2]
            for k in range(i, j + 1):
                groups[k] = group
        i = j + 1
    return groups


def _posting_phrases(
    text: str,
    start: int,
    end: int,
    found: Sequence[tuple[int, int, str, str, str, tuple[str, ...]]],
    rules: PostingRules,
) -> list[tuple[int, int, str, str, str, tuple[str, ...]]]:
    """Posting terms the lexicon lacks: runs of 2-4 content words (not stop words, not inside a lexicon hit, not
    across punctuation) and acronyms. A run never starts with a verb form ("building relationships"), nor with the
    verb a modal or a relative word announces ("you should understand engineering", "teams that deliver")."""
    from ..verbs import load_verbs

    verbs = load_verbs().forms
    covered = [(s, e) for s, e, *_ in found]
    out: list[tuple[int, int, str, str, str, tuple[str, ...]]] = []
    run: list[re.Match[str]] = []
    cue = ["", ""]  # the word right before the run (white space between) and the one before it, lowercased

    def flush() -> None:
        words = list(run)
        run.clear()
        first = words[0].group().lower() if words else ""
        if words and (
            cue[0] in rules.verb_after
            or (cue[0] in rules.verb_after_if_verb and first in verbs)
            # the second of two verbs: "measure and report progress" (not after an -ing noun: "requirements
            # gathering and load balancing")
            or (
                cue[0] in ("and", "or")
                and _is_base_verb(cue[1], verbs)  # "measure and", not "data models and report builders"
                and first in verbs
                and first not in rules.gerund_nouns
            )
        ):
            words.pop(0)
        # a plural subject's verb before its object ("new technologies serve the best interests"): not a term's end.
        # The verb lexicon holds action verbs only, so any plain lower-case word not itself plural counts there
        last = words[-1].group() if words else ""
        if (
            len(words) >= 2
            and (_is_base_verb(last.lower(), verbs) or (last.isalpha() and last.islower() and not last.endswith("s")))
            and words[-2].group().lower().endswith("s")
            and not words[-2].group().lower().endswith(("ss", "us", "is"))
            and _OBJECT_AFTER.match(text, words[-1].end())
        ):
            words.pop()
        # a verb's third person after a subject a determiner opens is the clause's verb ("how the government builds
        # technology"): the words on each side are read apart, the verb dropped. Elsewhere it is a plural noun
        # ("software builds", "sales leads qualification", "release builds automation")
        if len(words) > 2 and cue[0] in rules.determiners and _is_third_person(words[1].group().lower(), verbs):
            emit(words[:1])
            emit(words[2:])
            return
        emit(words)

    def emit(words: list[re.Match[str]]) -> None:
        while words and _is_verb_form(words[0].group().lower(), verbs, rules):
            words.pop(0)  # "building relationships", "leading programmes": the verb is not part of the term
        while words and words[0].group().lower().endswith("ly"):
            words.pop(0)  # "reasonably comfortable", "strongly"
        while words and words[-1].group().lower().endswith(("ly", *_ADJECTIVE_TAILS)):
            words.pop()  # a term ends in a noun: "comfortable", "reliable" are not things a résumé shows
        if len(words) > MAX_PHRASE_WORDS:
            words = words[-MAX_PHRASE_WORDS:]
        if len(words) >= 2:
            if all(w.group().lower() in rules.generic_nouns for w in words):
                return  # "development methodologies", "technical environment": nothing a résumé can show
            phrase = text[words[0].start() : words[-1].end()]
            out.append((words[0].start(), words[-1].end(), "job." + _slug(phrase), phrase, POSTING_CATEGORY, (phrase,)))
        elif len(words) == 1:
            word = words[0].group()
            if word.lower() in rules.not_alone:
                return  # "technologies", "infrastructure" alone: nothing a résumé can show
            if _is_acronym(word, rules):
                word = word[:-1] if word.endswith("s") and word[:-1].isupper() else word
            elif not (
                _is_single_term(word, rules, verbs)
                or _is_list_item(text, words[0], start, end, word, rules, verbs)
                or _is_gerund_object(text, words[0], start, word)
            ):
                return
            out.append((words[0].start(), words[0].end(), "job." + _slug(word), word, POSTING_CATEGORY, (word,)))

    previous_end = start
    back2 = back1 = ""  # the two tokens before this one, lowercased
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        gap = text[previous_end : m.start()]
        previous_end = m.end()
        earlier, before = back2, back1
        back2, back1 = back1, word.lower()
        inside = any(s <= m.start() < e for s, e in covered)
        if run and (re.search(r"[^\s]", gap) and not re.fullmatch(r"\s*-\s*", gap)):
            flush()
        lower = word.lower().replace("’", "'")
        breaks = (
            inside
            or lower in rules.stop_words
            or lower.endswith("'s")  # a possessive names an owner ("10x's core languages")
            or bool(re.search(r"'(?:ll|re|ve|d|m|t)$", lower))  # "you'll", "we're", "don't"
            or (any(c.isdigit() for c in word) and not word.isupper())  # "LLaMa-2", a version, a count
        )
        if breaks:
            flush()
            continue
        if _is_acronym(word, rules) and run:
            flush()
        if not run:
            cue[0] = before if not gap.strip() else ""
            cue[1] = earlier
        run.append(m)
        if _is_acronym(word, rules):
            flush()
    flush()
    return out


#: a determiner opening an object right after a word ("... serve the best interests")
_OBJECT_AFTER = re.compile(r"\s+(?:the|a|an|our|their|its|your|this|these|those|every|each)\s", re.IGNORECASE)


def _is_base_verb(word: str, verbs: Any) -> bool:
    """A verb of the lexicon in its base form ("measure"), not a third person or plural-looking form ("models")."""
    form = verbs.get(word)
    return form is not None and form.base == word


def _is_third_person(word: str, verbs: Any) -> bool:
    """A verb's third person singular the verb lexicon knows ("builds", "manages"), which may also be a plural noun."""
    return word.endswith("s") and word in verbs and (word[:-1] in verbs or word[:-2] in verbs)


def _is_verb_form(word: str, verbs: Any, rules: PostingRules) -> bool:
    """A leading verb form is not part of a posting term: "building relationships", "leading teams", "makes sure"."""
    if word in rules.gerund_nouns:
        return False
    if word.endswith("s") and word in verbs and word[:-1] in verbs:
        return True
    return word.endswith(("ing", "ed")) and (word in verbs or word.endswith("ing"))


#: endings of nouns that name a skill or a field ("alignment", "governance", "accessibility", "ethics")
_NOUN_ENDINGS = ("tion", "sion", "ment", "ship", "ity", "ness", "ance", "ence", "ics", "ogy", "ism", "ure", "ysis")
#: endings of adjectives and verbs that a plural-looking word may still have ("various", "includes")
_NOT_PLURAL = ("ss", "us", "is", "ous", "ies", "ves", "es")


def _is_gerund_object(text: str, word: re.Match[str], start: int, lower: str) -> bool:
    """An -ing word after "of", "in" or "with" is a noun: "the capabilities of fine-tuning", "experience in testing"."""
    if not lower.lower().endswith("ing") or len(lower) < 6:
        return False
    return bool(re.search(r"\b(?:of|in|with)\s+$", text[max(start, word.start() - 6) : word.start()], re.IGNORECASE))


_LIST_BEFORE = re.compile(r"(?:,|\bor|\band|/)\s*$", re.IGNORECASE)
#: a list of things a determiner opens, ending right before a word ("the design, roadmap, or ..."); looked for in
#: the _LIST_REACH characters before the word only, so that a clause of many one-word terms stays linear
_NOUN_LIST_BEFORE = re.compile(
    r"\b(?:the|a|an|your|our|their)\s+[\w-]+(?:,\s*[\w-]+)*,?\s*(?:(?:or|and|and/or)\s+)?$|"
    r"\b(?:the|a|an|your|our|their)\s+$",
    re.IGNORECASE,
)
_LIST_REACH = 300
_LIST_AFTER = re.compile(r"^\s*(?:,|or\b|and\b|/)", re.IGNORECASE)
#: endings of words that never end a term (adjectives)
_ADJECTIVE_TAILS = ("able", "ible", "ous", "ful", "less", "ive")
_ADJECTIVE_ENDINGS = ("ive", "al", "ous", "ic", "able", "ible", "ful", "less", "ent", "ant", "ary", "ed", "ing")


def _is_list_item(
    text: str, word: re.Match[str], start: int, end: int, lower: str, rules: PostingRules, verbs: Any
) -> bool:
    """A lone word that is an item of a list in a requirement ("the design, roadmap, or technical implementation";
    "JAWS, NVDA, or VoiceOver") names a thing, unless it is generic, a stop word or looks like an adjective."""
    low = lower.lower()
    if len(low) < 3 or low in rules.generic_nouns or low in rules.stop_words or low.endswith(_ADJECTIVE_ENDINGS):
        return False
    # a list of verbs opens a duty ("Design, develop and manage ..."); deeper in a clause a listed word that could be
    # a verb is a noun ("experience with the design, roadmap, or technical implementation")
    noun_list = _NOUN_LIST_BEFORE.search(text, max(start, word.start() - _LIST_REACH), word.start())
    if low in verbs and low not in rules.gerund_nouns and not noun_list:
        return False
    before = text[max(start, word.start() - 6) : word.start()]
    after = text[word.end() : min(end, word.end() + 5)]
    return bool(_LIST_BEFORE.search(before) or _LIST_AFTER.search(after))


def _is_single_term(word: str, rules: PostingRules, verbs: Any) -> bool:
    """A lone word of a requirement clause that names something a résumé can show ("roadmap", "alignment",
    "stakeholders"). Without a part-of-speech tagger, a noun is told by its ending (-tion, -ment, -ity, ...), a
    plural ("stakeholders", "relationships") or a gerund noun ("training"); generic nouns of the posting stop list,
    verb forms and words under four letters never stand alone."""
    lower = word.lower()
    if len(lower) < 4 or not lower.replace("-", "").isalpha() or word.isupper():
        return False
    if lower in rules.generic_nouns or lower in rules.stop_words:
        return False
    if lower in rules.gerund_nouns:
        return True
    if lower in verbs:
        return False
    if lower.endswith(_NOUN_ENDINGS):
        return True
    if lower in verbs and lower[:-1] in verbs:
        return False  # "makes", "ensures": a verb, not a plural
    return lower.endswith("s") and not lower.endswith(_NOT_PLURAL) and len(lower) >= 6


def _is_acronym(word: str, rules: PostingRules) -> bool:
    bare = word[:-1] if word.endswith("s") and word[:-1].isupper() else word
    return bool(_ACRONYM.match(word)) and bare not in rules.stop_acronyms and not bare.isdigit()


def _slug(phrase: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", phrase.lower()).strip("_") or "term"


def _merge(asks: Sequence[_Ask]) -> tuple[PostingTerm, ...]:
    """One PostingTerm per id: its highest level, the first line asking at that level, weight raised by repeats."""
    by_id: dict[str, list[_Ask]] = {}
    for ask in asks:
        by_id.setdefault(ask.id, []).append(ask)
    out = []
    for term_id, mentions in by_id.items():
        best = min(mentions, key=lambda a: LEVELS.index(a.level))
        count = len(mentions)
        weight = LEVEL_WEIGHT[best.level] * (1 + REPEAT_BONUS * (min(count, REPEAT_CAP) - 1))
        forms = tuple(dict.fromkeys(f for a in mentions for f in a.forms))
        # a group holds when the term is an alternative wherever it is asked at its level
        at_level = [a for a in mentions if a.level == best.level]
        group = best.group if all(a.group for a in at_level) else ""
        out.append(
            PostingTerm(
                id=term_id,
                label=best.label,
                category=best.category,
                level=best.level,
                weight=round(weight, 4),
                count=count,
                line=best.line,
                text=best.text,
                forms=forms,
                group=group,
                title=best.title,
                written=best.written,
            )
        )
    out.sort(key=lambda t: (LEVELS.index(t.level), -t.weight, t.line, t.label.casefold()))
    return tuple(out)


def _years(lines: Sequence[PostingLine], knocked: set[int]) -> Iterable[YearsAsked]:
    rules = load_posting_rules()
    for line in lines:
        if line.kind != "text" or line.level is None or line.number in knocked:
            continue
        for c_start, c_end in _clauses(line.text):
            clause = line.text[c_start:c_end]
            for m in _YEARS.finditer(clause):
                rest = m.group("rest")
                if not re.match(
                    r"\s*(?:of|in|with|as|at|working|'|’|experience|related|relevant|professional|"
                    r"specialized|specialised|progressive|hands-on|direct|\(|,)",
                    rest,
                    re.IGNORECASE,
                ):
                    continue  # "4 years" of an appointment, "two-year fellowship"
                if re.search(r"appointment|exceed|fellowship|cohort|serve in excess", clause, re.IGNORECASE):
                    continue
                raw = m.group("n").lower()
                years = float(_NUMBER_WORDS.get(raw, 0) or raw)
                what = re.sub(r"^\s*(?:of|in|with|as)\s+", "", rest).strip(" ,:-")
                what = re.sub(r"^experience\s+(?:of|in|with|as)\s+", "", what, flags=re.IGNORECASE)
                what = re.sub(r"^(?:an?|the)\s+", "", what, flags=re.IGNORECASE)
                level = _clause_level(clause, line.level, rules)
                yield YearsAsked(years, what or "experience", level, line.number, line.text)


def _education(lines: Sequence[PostingLine]) -> tuple[str | None, int | None]:
    order = ("associate", "bachelor", "master", "doctorate")
    best: tuple[str, int] | None = None
    for line in lines:
        if line.kind != "text" or line.level is None:
            continue
        if not re.search(r"degree|bachelor|master|ph\.?d|doctora|msc|bsc|mba|graduate", line.text, re.IGNORECASE):
            continue
        for name, pattern in _EDUCATION:
            if pattern.search(line.text):
                if best is None or order.index(name) < order.index(best[0]):
                    best = (name, line.number)  # the lowest level asked is what qualifies
                break
    return (best[0], best[1]) if best else (None, None)


def _seniority(titles: Sequence[str]) -> str | None:
    for title in titles:
        m = _SENIORITY.search(title)
        if m:
            word = m.group(1).lower().rstrip(".")
            return {"sr": "senior", "jr": "junior", "supervisor": "supervisory"}.get(word, word)
    for title in titles:
        grade = _GRADE.search(title)
        if grade:
            return f"GS-{grade.group(1)}"
    return None


# --------------------------------------------------------------------------------------------- target

#: characters of a posting line quoted as the one asking for a term; a longer line (a paragraph of a federal posting)
#: is quoted by the sentence naming the term, or by a window of whole words around it
MAX_ASK_CHARS = 160
#: a run of sentence-ending marks, found once each (a pattern with a look-ahead after it, tried again from every
#: character of a long run of letters, took seconds on a hostile 20,000-character line)
_STOPS = re.compile(r"[.!?;]+")


def ask_excerpt(line: str, phrase: str, limit: int = MAX_ASK_CHARS) -> str:
    """The words of posting ``line`` that ask for ``phrase``: the whole line when it is short, else the sentence
    naming the phrase, else about ``limit`` characters of whole words around it, with "…" where words are left out.
    A phrase the line does not hold (matched by lemma, written otherwise) is quoted from the line's start."""
    line = " ".join(line.split())
    if len(line) <= limit:
        return line
    at = line.lower().find(phrase.lower()) if phrase else -1
    at, size = (at, len(phrase)) if at >= 0 else (0, 0)
    # the sentence naming the phrase: between the sentence ends (marks followed by a space or the line's end) around
    # it; a phrase across sentences is quoted by a window of the line
    ends = [m.end() for m in _STOPS.finditer(line) if m.end() == len(line) or line[m.end()] == " "]
    low = max((e for e in ends if e <= at), default=0)
    high = min((e for e in ends if e > at), default=len(line))
    if at + size > high:
        low, high = 0, len(line)
    while low < high and line[low] == " ":
        low += 1
    sentence = line[low:high]
    if len(sentence) <= limit:
        after = "…" if high < len(line) and not sentence.endswith((".", "!", "?", ";")) else ""
        return f"{'…' if low > 0 else ''}{sentence}{after}"
    # a window of whole words of that sentence: the phrase, with the words before and after it that fit
    start = max(low, at - (limit - size) // 3)
    end = min(high, start + limit)
    start = max(low, min(start, end - limit))
    if start > low:
        space = line.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    if end < high:
        space = line.rfind(" ", at + size, end)
        end = space if space > 0 else end
    text = line[start:end].strip()
    return (
        f"{'…' if start > 0 else ''}{text}{'…' if end < len(line) and not text.endswith(('.', '!', '?', ';')) else ''}"
    )


def posting_target(posting: Posting, engine: Engine, *, chosen_by: str = "option") -> Target:
    """The posting as the target a résumé is measured against (target.py): its terms with their level and weight
    (duties are preferred terms marked ``mentioned``), the posting line asking for each, "or" groups; its titles
    (never missing keywords), certifications, years, education, seniority and knock-out lines as expectations."""
    from .target import Expectations, Target, TargetTerm
    from .target import Knockout as TargetKnockout

    lexicon = engine.lexicon
    categories = {c.id: c.weight for c in lexicon.categories}
    terms = tuple(
        TargetTerm(
            id=t.id,
            label=t.label,
            category=t.category,
            weight=t.weight,
            level="preferred" if t.level == "duty" else t.level,
            why=ask_excerpt(t.text, t.written or t.label),
            line=t.line,
            forms=t.forms,
            group=t.group,
            mentioned=t.level == "duty",
        )
        for t in posting.terms
        if not t.title
    )
    used = list(dict.fromkeys(t.category for t in terms))
    titles = (*posting.titles, *(t.label for t in posting.terms if t.title and t.level != "duty"))
    asked = max(posting.years, key=lambda y: (y.level == "required", y.years), default=None)
    expectations = Expectations(
        titles=tuple(dict.fromkeys(titles)),
        certifications=posting.certifications,
        years=asked.years if asked else None,
        years_what=asked.what if asked else "",
        years_line=asked.line if asked else None,
        education=posting.education,
        education_line=posting.education_line,
        seniority=posting.seniority,
        knockouts=tuple(TargetKnockout(k.kind, k.text, k.line) for k in posting.knockouts),
    )
    return Target(
        kind="job",
        id=posting.id,
        label=posting.title,
        terms=terms,
        category_weights=tuple((c, categories.get(c, 1.0)) for c in used),
        expectations=expectations,
        chosen_by=chosen_by,  # type: ignore[arg-type]
        reason=f"job posting {Path(posting.source.path).name}",
        sources=(posting.source.path,),
        text=tuple((ln.number, ln.text) for ln in posting.lines),
    )
