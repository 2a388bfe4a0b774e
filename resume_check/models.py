"""Frozen records passed between the pipeline stages (extract → Document → Resume → Match → Analysis).

Contract for every stage:
- records are immutable (``frozen=True, slots=True``) and use tuples, never lists;
- character offsets (``start``/``end``) always index into ``Resume.text``;
- ``line`` numbers are 1-based and refer to what a person sees: the source-file line for text sources
  (``Line.source_line``), otherwise the position of the line in ``Document.lines`` (index + 1);
- spaCy objects never appear here.

New fields may be added with defaults; existing names are part of the JSON schema and stay.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from .severity import SEVERITIES as SEVERITIES  # re-exported: part of the records' vocabulary
from .severity import Severity as Severity
from .targets import target as _target
from .targets.target import EMPTY_TARGET, Target

if TYPE_CHECKING:  # jobmatch imports models: only the type checker reads it here
    from .targets.jobmatch import JobMatch

#: version of the JSON documents (``extract`` and ``check``); bump the major part on a breaking change
SCHEMA_VERSION = "1.2"

Part = Literal["body", "table", "textbox", "header", "footer"]

#: canonical section names, in the order reports list them
SECTION_NAMES: tuple[str, ...] = (
    "contact",
    "summary",
    "experience",
    "education",
    "skills",
    "certifications",
    "projects",
    "other",
)

BlockKind = Literal["heading", "bullet", "paragraph"]


@dataclass(frozen=True, slots=True)
class Finding:
    """A warning or check result with a stable dotted id (``text.hidden``, ``ats.contact.email``...)."""

    id: str
    message: str
    severity: Severity = "warning"
    line: int | None = None  # 1-based (see module docstring); None when it applies to the whole file
    column: int | None = None  # 1-based where known
    count: int = 1  # how many occurrences the finding stands for (glyphs removed, hidden characters...)


# --------------------------------------------------------------------------------------------- extraction


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document came from."""

    path: str  # as given by the caller; "-" for standard input
    type: str  # "pdf", "docx", "txt", "md", "tex", "typ", "json" (JSON Resume)
    pages: int | None = None  # page count for PDFs; None where the format has no fixed pages
    size: int = 0  # bytes read


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line (PDF) or paragraph (DOCX, text) in reading order."""

    text: str  # normalised: ligatures expanded, unmapped glyphs removed, no trailing whitespace
    page: int | None = None  # 1-based page; None for DOCX and text
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in PDF points
    font_size: float | None = None  # dominant font size in points
    bold: bool | None = None  # True when (mostly) bold; None when unknown
    #: whether the line's first and last words are (mostly) bold: a bold phrase that wraps from one line onto the
    #: next starts one and ends the other (PDF only; None when unknown)
    bold_start: bool | None = None
    bold_end: bool | None = None
    bullet: bool = False  # a list item (bullet glyph stripped from ``text``, or a DOCX list paragraph)
    part: Part = "body"
    style: str | None = None  # DOCX paragraph style name ("Heading 1", "List Paragraph") or Markdown "#"-level
    source_line: int | None = None  # 1-based line in the source file for text sources (.txt/.md/.tex/.typ)
    column: int = 0  # 0 for single-column text; 1, 2 ... for detected columns (left to right)
    #: the section the source declares for this line (JSON Resume fields); None: found from the headings
    section: str | None = None
    #: where the line sits in a structured source: a JSON path such as ``work[0].highlights[2]``
    source_key: str | None = None


@dataclass(frozen=True, slots=True)
class DeclaredRole:
    """A role a structured source states field by field (JSON Resume ``work``): taken as given, never parsed.

    Dates as in ``Role``: ``"YYYY-MM"`` or ``"YYYY"``; ``end`` is ``"present"`` when the source gives no end date.
    """

    title: str | None
    employer: str | None
    location: str | None
    start: str | None
    end: str | None
    dates_text: str | None  # the range as shown in the lines ("March 2021 – Present")
    lines: tuple[int, ...]  # indexes into Document.lines of the role's header lines (title line, dates line)


@dataclass(frozen=True, slots=True)
class Document:
    """Everything an extractor read from one file, engine-independent."""

    source: Source
    lines: tuple[Line, ...]
    links: tuple[str, ...] = ()  # hyperlink targets (mailto:, tel:, https:) in document order, de-duplicated
    warnings: tuple[Finding, ...] = ()  # extraction warnings: text.ligatures, text.glyphs, text.hidden ...
    roles: tuple[DeclaredRole, ...] = ()  # roles a structured source declares (JSON Resume); else found by structure

    def line_number(self, index: int) -> int:
        """The 1-based line number a person sees for ``self.lines[index]``."""
        source_line = self.lines[index].source_line
        return source_line if source_line is not None else index + 1


# --------------------------------------------------------------------------------------------- structure


@dataclass(frozen=True, slots=True)
class Block:
    """A logical unit: a heading, a bullet (wrapped lines joined) or a paragraph."""

    kind: BlockKind
    section: str  # canonical section name (SECTION_NAMES)
    text: str  # the lines joined with single spaces; bullet glyph stripped
    start: int  # offset of ``text`` in Resume.text
    end: int
    line: int  # 1-based line number of the first line (see module docstring)
    lines: tuple[int, ...]  # indexes into Document.lines
    part: Part = "body"


@dataclass(frozen=True, slots=True)
class Section:
    name: str  # canonical name (SECTION_NAMES)
    heading: str | None  # the heading as written; None for the implicit top section
    line: int | None  # 1-based line of the heading
    blocks: tuple[int, ...]  # indexes into Resume.blocks (headings excluded)


@dataclass(frozen=True, slots=True)
class Contact:
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    github: str | None = None
    location: str | None = None
    websites: tuple[str, ...] = ()
    name: str | None = None  # the candidate's name where it can be told (first prominent line)
    parts: tuple[Part, ...] = ()  # the document parts the contact details were found in


@dataclass(frozen=True, slots=True)
class Role:
    """One position held: the context lines that head it (title, employer, dates, location) and what it covers.

    Header lines are context for the statements below them, never statements themselves. Dates are normalised by
    ``dates.normalise``: ``"YYYY-MM"`` where the month is written, ``"YYYY"`` for a bare year; ``end`` may also be
    ``"present"``. Consumers (seniority, years of experience, role profiles) read ``start``/``end``.
    """

    title: str | None
    employer: str | None
    location: str | None
    start: str | None  # "YYYY-MM" or "YYYY"; None when the role has no dates
    end: str | None  # "YYYY-MM", "YYYY", "present" or None
    dates_text: str | None  # the range as written ("7/2022-Present")
    line: int  # 1-based line of the first header line
    section: str  # canonical section of the header (experience)
    header: tuple[int, ...]  # indexes into Resume.blocks of the header (context) lines
    blocks: tuple[int, ...]  # indexes into Resume.blocks of the lines under the header, up to the next role


@dataclass(frozen=True, slots=True)
class Resume:
    """A Document with its structure: the text analysed, blocks, sections and contact fields."""

    document: Document
    text: str  # "\n".join(block.text for block in blocks)
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    contact: Contact
    warnings: tuple[Finding, ...]  # document warnings plus structure warnings (docx.header-only-contact ...)
    roles: tuple[Role, ...] = ()  # positions held, in document order (structure.find_roles)
    language: str = "en"  # ISO 639-1 code of the language the text is written in (language.detect_language)

    def role_of(self, block: int) -> Role | None:
        """The role whose header or body holds block index ``block``, if any."""
        at = self.role_indexes().get(block)
        return self.roles[at] if at is not None else None

    def role_indexes(self) -> dict[int, int]:
        """Block index -> index in ``roles`` of the first role whose header or body holds it: one pass over the
        roles, for callers that look up many blocks (``role_of`` for one)."""
        out: dict[int, int] = {}
        for i, role in enumerate(self.roles):
            for block in (*role.header, *role.blocks):
                out.setdefault(block, i)
        return out

    def block_at(self, offset: int) -> int:
        """Index of the block containing character ``offset`` of ``text``."""
        lo, hi = 0, len(self.blocks) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.blocks[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo


# --------------------------------------------------------------------------------------------- lexicons


@dataclass(frozen=True, slots=True)
class Acronym:
    text: str
    case_sensitive: bool = True


@dataclass(frozen=True, slots=True)
class Term:
    """One canonical lexicon entry."""

    id: str  # dotted, unique: "methodology.scrum"
    label: str
    category: str  # category id
    weight: float
    aliases: tuple[str, ...] = ()
    acronyms: tuple[Acronym, ...] = ()
    variants: tuple[str, ...] = ()  # spelling variants (British/American, hyphenation)
    patterns: tuple[Any, ...] = ()  # spaCy token patterns (each a list of token dicts), for terms needing context
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    pack: str = ""  # id of the pack that defined it
    match_label: bool = True  # False: the label alone is ambiguous (Lean, Go, SAFe) and only other forms match
    sources: tuple[str, ...] = ()  # ids of the pack's sources this term comes from
    exclude: tuple[str, ...] = ()  # phrases inside which a hit is not this term ("go-live" for Go)
    #: words a pattern hit is narrowed to without being forms of their own ("planning" in "planning and execution")
    focus: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    label: str
    weight: float = 1.0


# --------------------------------------------------------------------------------------------- matching


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence of a lexicon term in Resume.text."""

    term_id: str
    start: int
    end: int
    text: str  # Resume.text[start:end]
    block: int  # index into Resume.blocks


# --------------------------------------------------------------------------------------------- impact

Verdict = Literal["strong", "unquantified", "weak"]
Dimension = Literal["budget", "schedule", "scope", "team", "quality"]
DIMENSIONS: tuple[Dimension, ...] = ("budget", "schedule", "scope", "team", "quality")


@dataclass(frozen=True, slots=True)
class Metric:
    text: str
    kind: str  # money, percent, count, duration, multiplier, rate, rank, zero ("no major findings")
    measures: Dimension | None
    start: int  # offsets in Resume.text
    end: int


@dataclass(frozen=True, slots=True)
class Statement:
    """One bullet, or one sentence where there are no bullets, judged for impact."""

    text: str
    section: str
    line: int
    block: int  # index into Resume.blocks
    start: int  # offsets in Resume.text
    end: int
    verdict: Verdict
    verb: str | None  # the opening action verb as written, or the weak opener
    verb_family: str | None  # deliver, lead, improve, save, build, negotiate ...
    metrics: tuple[Metric, ...]
    suggestion: str  # empty for strong statements
    issues: tuple[str, ...] = ()  # rule ids: impact.long-bullet, impact.passive, impact.first-person ...
    questions: tuple[str, ...] = ()  # what the suggestion asks, drawn from the statement ("How many vendors?")
    placeholders: tuple[str, ...] = ()  # the placeholders its example carries ("[N] vendors", "[£ amount]")
    example_source: str = ""  # "statement" (their words), "gallery:<id>" (an O*NET-derived example) or ""


@dataclass(frozen=True, slots=True)
class ImpactSummary:
    counts: tuple[tuple[str, int], ...]  # (verdict, count) for strong, unquantified, weak
    quantified_share: float  # 0..1
    dimensions: tuple[tuple[str, int], ...]  # (dimension, statements evidencing it) for all five
    missing_dimensions: tuple[str, ...]
    overused_verbs: tuple[tuple[str, int], ...]  # (verb lemma, count), most used first


@dataclass(frozen=True, slots=True)
class Impact:
    statements: tuple[Statement, ...]
    summary: ImpactSummary
    findings: tuple[Finding, ...] = ()  # impact.* findings (overused verbs, mixed tense, no budget result ...)


# --------------------------------------------------------------------------------------------- analysis

Evidence = Literal["quantified-achievement", "achievement", "duty", "skills-list", "mention"]
EVIDENCE_LEVELS: tuple[Evidence, ...] = ("quantified-achievement", "achievement", "duty", "skills-list", "mention")


@dataclass(frozen=True, slots=True)
class Occurrence:
    text: str
    section: str
    line: int
    start: int
    end: int
    context: str  # the surrounding words, for the report
    evidence: Evidence
    statement: int | None = None  # index into Impact.statements when inside one


@dataclass(frozen=True, slots=True)
class FoundTerm:
    id: str
    label: str
    category: str
    weight: float
    occurrences: tuple[Occurrence, ...]
    evidence: Evidence  # the strongest evidence level among the occurrences


@dataclass(frozen=True, slots=True)
class MissingTerm:
    id: str
    label: str
    category: str
    weight: float
    level: str = "preferred"  # "required" or "preferred" in the target


@dataclass(frozen=True, slots=True)
class CategoryCoverage:
    id: str
    label: str
    found: int
    total: int
    coverage: float  # weighted share 0..1
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class ScoreRule:
    """One traceable contribution: a rule that gave or took points within a component."""

    id: str  # e.g. "score.keywords.category.methodology"
    points: float  # signed contribution to the component value (0..100 scale)
    message: str


@dataclass(frozen=True, slots=True)
class ScoreComponent:
    id: str  # keywords, evidence, impact, ats
    label: str
    weight: float  # share of the total, the weights summing to 1
    value: float  # 0..100
    rules: tuple[ScoreRule, ...] = ()


@dataclass(frozen=True, slots=True)
class Score:
    total: float  # 0..100, rounded to one decimal
    algorithm_version: str
    components: tuple[ScoreComponent, ...]


@dataclass(frozen=True, slots=True)
class NextStep:
    """One recommended fix, most valuable first in ``Analysis.next_steps`` (steps.py builds them)."""

    id: str  # fix-error, rewrite-duties, quantify, show-dimension, add-required, add-missing, show-in-experience ...
    text: str  # plain text (renderers escape it)
    priority: float  # points the fix could be worth (ordering only)
    line: int | None = None
    terms: tuple[str, ...] = ()  # term ids the step names


@dataclass(frozen=True, slots=True)
class Analysis:
    """The complete, renderable result for one résumé."""

    resume: Resume
    found: tuple[FoundTerm, ...]
    missing: tuple[MissingTerm, ...]
    categories: tuple[CategoryCoverage, ...]
    impact: Impact
    findings: tuple[Finding, ...]  # extraction warnings + ATS checks + impact findings, sorted by severity then line
    score: Score
    lexicons: tuple[tuple[str, str], ...] = ()  # (pack id, version) used
    schema_version: str = SCHEMA_VERSION
    #: what the résumé was measured against (targets/target.py); ``found``, ``missing``, ``categories`` and the keyword
    #: and evidence components are over its terms
    target: Target = EMPTY_TARGET
    also_found: tuple[FoundTerm, ...] = ()  # lexicon terms found outside the target (empty for the lexicon target)
    next_steps: tuple[NextStep, ...] = ()  # the highest-value fixes, most valuable first (steps.build_next_steps)
    #: the match against a job posting (``check --job``; targets/jobmatch.py), None for other targets
    job: JobMatch | None = None

    @property
    def source(self) -> Source:
        return self.resume.document.source


# --------------------------------------------------------------------------------------------- pickling


def _reduce(self: Any) -> tuple[Any, tuple[Any, ...]]:
    return type(self), tuple(getattr(self, name) for name in self.__match_args__)


def _pickle_through_init(cls: Any) -> None:
    """Analyses cross process boundaries (batch workers) and the lexicon's Terms sit in the start-up cache. A frozen,
    slotted dataclass unpickles through ``__setstate__``, which calls ``dataclasses.fields`` and
    ``object.__setattr__`` for every field of every object; rebuilt through its ``__init__`` from a tuple of its
    fields, it pickles and unpickles several times faster, and equal."""
    fields = dataclasses.fields(cls)
    if all(f.init for f in fields) and len(cls.__match_args__) == len(fields):
        cls.__reduce__ = _reduce


for _cls in (*globals().values(), *vars(_target).values()):
    if isinstance(_cls, type) and _cls.__module__ in (__name__, _target.__name__) and dataclasses.is_dataclass(_cls):
        _pickle_through_init(_cls)
