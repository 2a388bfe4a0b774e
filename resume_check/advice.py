"""Suggestions for impact statements: questions and placeholders drawn from the statement, never invented figures.

``suggest(request, voice)`` turns a judged statement into an ``Advice``: the text shown to the user, the questions
it asks, the placeholders its example carries and where the example comes from. The rules:

- **No invented figures.** A number in a suggestion is either the statement's own or sits inside a placeholder in
  square brackets: "[N] vendors", "[£ amount]", "[N]% fewer incidents". What to measure follows the nouns of the
  statement (``lexicons/advice.yaml``: vendors, users, tickets, releases, budgets ...), else the impact dimension
  its verb family measures.
- **Counts in place.** Things the statement names in the plural get their count where they are named ("Wrote
  [N] automation scripts" for "Wrote various automation scripts"); a thing named in the singular is one thing,
  asked about as such ("a dashboard": how many people use it?), never "How many dashboards?"; a noun that only
  qualifies another ("machine learning") is not a measure.
- **The résumé's own conventions.** Money placeholders use the currency the résumé shows (£, $ or €, else a
  neutral "[amount]"); the suggestion's own words follow its British or American spelling (``spelling.tsv``).
- **The person's words whole.** An example rewrite quotes whole words up to a clause boundary (never "such," or a
  clause ending on "the", "of", "and" ...), inflects the verb it adds (troubleshoot -> troubleshot, lead -> led)
  and never puts a verb in front of a clause that already has a pronoun subject or a finite verb ("am", "is",
  "I", "we").
- **Otherwise an example, labelled.** Where no clean rewrite can be made the suggestion gives the pattern and one
  bullet from the O*NET-derived gallery (``lexicons/gallery.yaml``), marked as an example.

Everything is deterministic: no model, vocabulary in ``lexicons/``, loaded and validated once.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, cast

from .datafile import read_bundled_yaml
from .errors import LexiconError
from .lexicon import spelling_rows
from .metrics import AGENT_BY, cue_dimensions
from .models import DIMENSIONS, Dimension, Metric, Verdict
from .verbs import load_verbs

if TYPE_CHECKING:
    from .lexicon import Lexicon
    from .verbs import VerbFamily, VerbLexicon

__all__ = [
    "Advice",
    "Gallery",
    "GalleryExample",
    "Measure",
    "Request",
    "Vocabulary",
    "Voice",
    "detect_voice",
    "load_gallery",
    "load_vocabulary",
    "respell",
    "suggest",
    "whole_clause",
]

ADVICE_FILE = "advice.yaml"
GALLERY_FILE = "gallery.yaml"
#: the longest run of the person's words an example rewrite quotes (a suggestion stays a short read)
QUOTE_WORDS = 12
#: a weak statement that already has a number may be quoted a little longer, to keep its number
QUOTE_WORDS_WITH_NUMBER = 14
#: the longest noun phrase a count is put in front of ("[N] large-scale e-commerce web applications")
MAX_PHRASE_WORDS = 8
#: a suggestion drops its second question to stay within this many characters (about 4 lines of a terminal)
MAX_CHARS = 280
#: a suggestion keeps one question past MAX_CHARS up to this many characters; past it, the example is given alone
MAX_CHARS_WITH_QUESTION = MAX_CHARS + 60
#: a quoted clause longer than this many characters, or holding a web address, is not quoted
QUOTE_CHARS = 110
#: at most this many questions per suggestion
MAX_QUESTIONS = 2
#: the soc codes the gallery may draw on (the role brief's occupations)
GALLERY_OCCUPATIONS = ("15-1299.09", "11-3021.00", "13-1082.00")

#: how suggestions are made, for ``resume-check explain`` (one rule a line)
SUGGESTION_RULES: tuple[str, ...] = (
    "A suggestion never presents a figure that is not in the statement: a missing number is a placeholder in "
    "square brackets ([N] vendors, [N]% fewer incidents, [amount]) for you to fill in.",
    "It asks what to measure from the statement's own nouns (vendors, users, tickets, releases, budgets ...: "
    "lexicons/advice.yaml), else from the impact dimension of its verb (budget, schedule, scope, team, quality).",
    "A count goes where the statement names the things counted, in the plural: 'Migrated file servers' -> "
    "'Migrated [N] file servers', in place of a vague 'various' or 'several'. A thing named in the singular is one "
    "thing, so no count of it is asked for ('Built a dashboard': how many people use it?), and a noun that only "
    "qualifies another ('machine learning', 'project competitions') is not counted.",
    "Money placeholders use the currency the résumé shows most (£, $ or €; [amount] when it shows none); the "
    "suggestion's own words follow the résumé's British or American spelling (lexicons/spelling.tsv).",
    "An example rewrite quotes the statement's own words whole, up to a clause boundary and never ending on a "
    "word such as 'such', 'the', 'of' or 'and'; a verb put in front is in the past tense (troubleshoot -> "
    "troubleshot, lead -> led) and never goes before a clause with its own subject or verb ('I', 'am', 'is').",
    "An honour ('Selected by the board as ...', 'Nominated for ...', 'the only analyst to be awarded ...') is asked "
    "how selective it was ('one of [N] chosen from [N]') and what earned it, in its own words, never turned round "
    "as a passive; one that already says how selective ('the only', 'top', '52 out of 2,500') is asked only what "
    "earned it.",
    "'Worked with' named tools ('C# and XML', 'SQL Server and SSIS': every name a tool or technology of the "
    "bundled lexicon) is asked what was built or run with them, in the statement's own words where it says ('... "
    "to build an API' -> 'Built an API using AWS Lambda'), never told to partner with them.",
    "Where no such rewrite can be made, it shows the pattern and one example bullet, labelled 'not yours', from "
    "lexicons/gallery.yaml: O*NET task statements (CC BY 4.0) for the verb family and dimension, figures as "
    "placeholders.",
)

Spelling = Literal["gb", "us"]
MeasureKind = Literal["count", "size", "amount", "rate", "time"]
_KINDS: tuple[str, ...] = ("count", "size", "amount", "rate", "time")

_PLACEHOLDER = re.compile(r"\[[^\[\]]*\]")
_DIGIT = re.compile(r"\d")
_CURRENCY = re.compile(r"[£$€]|\b(?:GBP|USD|EUR)\b")
_CURRENCY_OF = {"GBP": "£", "USD": "$", "EUR": "€"}
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")

#: boundaries a quote may stop at (before the match), strongest first
#: the end of a sentence (a quote is one sentence): two letters, digits or "%" before the full stop, so "U.S.
#: Digital" and "e.g. Jira" are not one ("AWS. Reduced" is); nor "vs.", "approx." or a title ("St. Louis", "Dr. Lee")
_SENTENCE_END = re.compile(
    r"(?<=[A-Za-z0-9)\]%]{2})(?<!\bvs)(?<!approx)(?<!\bincl)(?<!\bdept)"
    r"(?<!\bSt)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bJr)(?<!\bSr)(?<!\bCo)(?<!\bNo)(?<!\bMt)(?<!\bFt)"
    r"\.\s+(?=[A-Z])"
)
#: an -ing word that is one item of a list ("taxes, zoning, population growth"), not a participle clause
_ING_ITEM = re.compile(r",\s+\w+ing(?:,|\s+(?:and|or)\s)", re.IGNORECASE)
_STRONG_CUT = re.compile(
    r"\s*[;:(–—|•]|\s-\s|,\s+(?=(?:\w+ing|which|resulting|including|such|while|where|whereby|thereby|e\.g)\b)"
    r"|\s+(?=(?:such as|including|which|resulting in|in order to|so that|whereby|thereby|e\.g\.)\s)",
    re.IGNORECASE,
)
_WEAK_CUT = re.compile(
    r",\s+|\s+(?=(?:to|by|using|through|via|for|across|with|within|in|at|on|from|while|and)\s)", re.IGNORECASE
)
_TRAILING = re.compile(r"[\s,;:.!?–—-]+$")
#: the first word of a phrase no verb can be put in front of (adverbs, adjectives, unknown verb forms)
_NOT_AN_OBJECT = re.compile(r"^(?:\w+(?:ly|ed|ing|ent|ant|ive|ous|ful|able|ible|ic|ish))$", re.IGNORECASE)
#: nouns of verbs that no suffix rule of _NOMINAL undoes ("oversight" is no "oversee" + suffix)
_IRREGULAR_NOMINAL = {
    "oversight": "oversee",
    "maintenance": "maintain",
    "reduction": "reduce",
    "introduction": "introduce",
    "production": "produce",
    "resolution": "resolve",
    "expansion": "expand",
    "response": "respond",
    "growth": "grow",
    "decision": "decide",
    "submission": "submit",
    "acquisition": "acquire",
}
#: (noun ending, verb ending) to turn a nominalisation back into its verb ("execution" -> "execute")
_NOMINAL: tuple[tuple[str, str], ...] = (
    ("isation", "ise"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ation", "e"),
    ("ation", ""),
    ("tion", "te"),
    ("ment", ""),
    ("ion", "e"),
    ("ion", ""),
    ("ance", ""),
    ("ence", ""),
    ("al", ""),
    ("ery", "er"),
    ("y", ""),
    ("sis", "se"),
    ("sis", "ze"),
)


# --------------------------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Voice:
    """The conventions of one résumé that a suggestion follows."""

    currency: str = ""  # "£", "$", "€", or "" for a neutral "[amount]"
    spelling: Spelling = "gb"

    @property
    def amount(self) -> str:
        return f"[{self.currency} amount]" if self.currency else "[amount]"


@dataclass(frozen=True, slots=True)
class Measure:
    id: str
    dimension: Dimension
    kind: MeasureKind
    nouns: tuple[str, ...]  # singular forms (lower case; may be two words: "data centre")
    question: str
    result: str
    modifiers: bool = True  # asked about when it qualifies another noun ("vendor management")
    one_question: str = ""  # kind count: what to ask about one thing named in the singular ("a dashboard")
    one_result: str = ""
    counted_with: str = ""  # after the phrase counted in place: "for [N] people" ("Ran [N] workshops for [N] people")
    names_people: bool = False  # its nouns name people ("clients", "staff", "stakeholders")
    #: kind rate: the result after a verb of change whose object it is, put after the person's words ("Cut outages on
    #: the payments platform by [N]%"); empty: ``result`` after a comma
    changed: str = ""
    #: kind rate: nouns that name events, said in the plural whatever the statement's number ("incident management":
    #: "By how much did the incidents fall?")
    events: frozenset[str] = frozenset()
    #: kind size: the result right after the noun when the example ends on it ("Led a team of [N] people", not
    #: "Led a team, with [N] people"); empty: ``result`` after a comma
    ends: str = ""
    #: kind count: its result also ends an example when its noun only qualifies another ("Established a vendor
    #: governance framework, across [N] vendors"); false: the verb's generic result ends it
    modifier_ends: bool = False


@dataclass(frozen=True, slots=True)
class Vocabulary:
    measures: tuple[Measure, ...]
    questions: Mapping[Dimension, str]
    results: Mapping[Dimension, str]
    plurals: Mapping[str, str]
    #: every form (singular and plural, lower case) -> (measure index, singular)
    forms: Mapping[str, tuple[int, str]]
    #: words a quoted clause must not end on ("such", "the", "of", "and" ...)
    dangling: frozenset[str]
    #: pronoun subjects and finite auxiliaries: no verb may be put in front of a clause holding one ("am", "I")
    finite: frozenset[str]
    #: words describing the person ("passionate", "proficient"): no verb may be put in front of them
    descriptors: frozenset[str]
    #: past participles the verb lexicon lacks that need a complement ("dedicated to", "based on")
    participles: frozenset[str] = frozenset()
    #: -ing words that are nouns after a noun ("systems engineering", "customer onboarding"), not participles
    ing_nouns: frozenset[str] = frozenset()
    max_words: int = 2
    #: verbs of change ("reduce", "increase"): the things after them are not what a count is put in front of
    change_verbs: frozenset[str] = frozenset()
    #: present-tense verbs a line describing a product or a company uses ("utilizes", "offers"), beyond the verb
    #: lexicon's own present forms
    description_verbs: frozenset[str] = frozenset()
    #: the advice for an honour; None: advised as any other statement
    recognition: Recognition | None = None
    #: the advice for "Worked with" named tools; None: advised as any other opener
    tools: Tools | None = None
    #: the advice for a target beaten ("Exceeded sales targets"); None: advised as any other statement
    targets: Targets | None = None
    #: the advice for a way of working made better ("Streamlined the onboarding process"); None: as any other
    processes: Processes | None = None
    #: the advice for a credential earned ("Passed the PMP exam"); None: advised as any other statement
    credentials: Credentials | None = None
    #: a result opening with the statement's own verb ("Improved reporting, improving ..."), by that -ing word: the
    #: result said instead
    same_verb_results: Mapping[str, str] = field(default_factory=dict)
    #: the first word of every form, to skip the words that start none (derived from ``forms``)
    first_words: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        object.__setattr__(self, "first_words", frozenset(form.split()[0] for form in self.forms))


@dataclass(frozen=True, slots=True)
class Recognition:
    """The advice for a statement that records an honour (``recognition`` in ``advice.yaml``)."""

    head: str  # when it does not say how selective it was
    known: str  # when it does; "{numbers}" stands for its own figures
    question: str  # how selective
    earned: str  # what earned it
    result: str  # the placeholder result put after the person's words
    selective: re.Pattern[str]  # words that say how selective it was ("only", "one of", "top")


@dataclass(frozen=True, slots=True)
class Tools:
    """The advice for a weak "… with" opener whose object is named tools (``tools`` in ``advice.yaml``)."""

    advice: str  # completes "'Worked with' ..."
    question: str  # what was done with them
    not_tools: frozenset[str] = frozenset()  # groups, roles and tasks written as names ("IT", "DBAs", "UAT")
    openers: frozenset[str] = frozenset()  # first words of the openers it applies to ("worked", "experience")
    categories: frozenset[str] = frozenset()  # the lexicon categories whose terms are tools ("tools", "cloud")


@dataclass(frozen=True, slots=True)
class Targets:
    """A target beaten ("Exceeded sales targets"): the result is by how much (``targets`` in ``advice.yaml``)."""

    question: str  # asked of such a statement
    result: str  # put right after the target's noun: "Exceeded sales targets by [N]% every quarter"
    verbs: frozenset[str] = frozenset()  # lemmas of beating: exceed, surpass, beat ...
    nouns: frozenset[str] = frozenset()  # what is beaten: target, goal, quota, forecast ...


@dataclass(frozen=True, slots=True)
class Processes:
    """A way of working made better ("Streamlined the onboarding process"): asked how long it took before and after
    (``processes`` in ``advice.yaml``)."""

    question: str  # with {phrase}: "How long did the onboarding process take before and after?"
    result: str  # ends the example: "cutting the time from [N] to [N] days"
    families: frozenset[str] = frozenset()  # verb families of making better: improve, save
    nouns: frozenset[str] = frozenset()  # the last word of a phrase naming a way of working: process, workflow ...


@dataclass(frozen=True, slots=True)
class Credentials:
    """A credential earned ("Achieved PRINCE2 Practitioner certification"): listed with its year, not measured
    (``credentials`` in ``advice.yaml``)."""

    head: str  # what the advice says first
    question: str  # asked of such a statement
    result: str  # after the credential's name in the example line: "([year])"
    section: str  # the section the example line goes in: "Certifications"
    verbs: frozenset[str] = frozenset()  # lemmas of earning: achieve, earn, pass ...
    nouns: frozenset[str] = frozenset()  # what is earned: certification, exam, accreditation ...


@dataclass(frozen=True, slots=True)
class GalleryExample:
    id: str
    family: str
    dimension: Dimension
    soc: str
    task: int
    task_text: str
    example: str


@dataclass(frozen=True, slots=True)
class Gallery:
    examples: tuple[GalleryExample, ...]

    def pick(self, family: str | None, dimension: Dimension) -> GalleryExample:
        """The first example for (family, dimension), else for the family, else for the dimension, else the first."""
        for want_family, want_dimension in ((family, dimension), (family, None), (None, dimension)):
            for example in self.examples:
                if (want_family is None or example.family == want_family) and (
                    want_dimension is None or example.dimension == want_dimension
                ):
                    return example
        return self.examples[0]


@dataclass(frozen=True, slots=True)
class Request:
    """What the judging stage knows about a statement, for its suggestion."""

    text: str
    verdict: Verdict
    reason: str = ""  # weak: duty, hedge, role, first-person, passive, no-verb
    verb: str | None = None  # the opening verb as written, or the weak opener
    family: str | None = None
    advice: str = ""  # why the weak opener is weak
    rest: str = ""  # the words after the verb or opener
    rewrite_verb: str | None = None  # forced by the opener ("Partnered with") or the passive participle
    fallback_verb: str | None = None  # the opener family's verb
    metrics: tuple[Metric, ...] = ()
    names_role: bool = False  # no verb, but a job title among its first words ("Lead developer on the platform")
    section: str = ""  # the résumé section it is in ("experience", "projects")
    recognition: bool = False  # it records an honour ("Selected by ... as ...", "Nominated for ...")


@dataclass(frozen=True, slots=True)
class Advice:
    text: str  # the suggestion ("" for a strong statement)
    questions: tuple[str, ...] = ()
    placeholders: tuple[str, ...] = ()  # the placeholders of the example, as shown ("[N] vendors", "[£ amount]")
    example: str = ""  # the example bullet shown
    source: str = ""  # "statement" (the person's words), "gallery:<id>" or "" (no example)


# --------------------------------------------------------------------------------------------- loading


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{where}: must be a non-empty string")
    return " ".join(value.split())


def _check_figures(value: str, where: str) -> None:
    if value.count("[") != value.count("]") or len(_PLACEHOLDER.findall(value)) != value.count("["):
        raise LexiconError(f"{where}: unbalanced or nested square brackets in {value!r}; write placeholders as [N]")
    if _DIGIT.search(_PLACEHOLDER.sub("", value)):
        raise LexiconError(
            f"{where}: {value!r} holds a figure outside a placeholder; a suggestion must never invent a number, so "
            "write it as [N] or [amount]"
        )


def _word_list(value: Any, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: must be a non-empty list of words")
    return frozenset(str(v).strip().lower() for v in value)


def _plural(noun: str, irregular: Mapping[str, str]) -> str:
    head, _, last = noun.rpartition(" ")
    prefix = f"{head} " if head else ""
    if noun in irregular:
        return irregular[noun]
    if last in irregular:
        return prefix + irregular[last]
    if last.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def _identified(entry: Any, where: str, ids: set[str], shape: str) -> tuple[str, str, Dimension]:
    """(id, "file, entry N (id)", dimension) of one measure or gallery entry, which must be a mapping with an id not
    in ``ids`` (added to it) and a known dimension; LexiconError naming the entry otherwise."""
    if not isinstance(entry, dict):
        raise LexiconError(f"{where}: must be a mapping with {shape}")
    ident = _text(entry.get("id"), f"{where}, id")
    where = f"{where} ({ident})"
    if ident in ids:
        raise LexiconError(f"{where}: duplicate id; ids must be unique")
    ids.add(ident)
    dimension = entry.get("dimension")
    if dimension not in DIMENSIONS:
        raise LexiconError(f"{where}: `dimension` must be one of {', '.join(DIMENSIONS)}, got {dimension!r}")
    return ident, where, cast(Dimension, dimension)


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The bundled measure nouns, questions and results (``lexicons/advice.yaml``), validated."""
    return build_vocabulary(read_bundled_yaml(ADVICE_FILE))


def build_vocabulary(data: Mapping[str, Any]) -> Vocabulary:
    """A Vocabulary from the parsed ``advice.yaml``; LexiconError naming the entry on bad data."""
    raw_plurals = data.get("plurals") or {}
    if not isinstance(raw_plurals, dict):
        raise LexiconError(f"{ADVICE_FILE}: `plurals` must be a mapping of singular: plural")
    plurals = {str(k).lower(): _text(v, f"{ADVICE_FILE}, plurals.{k}").lower() for k, v in raw_plurals.items()}
    raw_plural_only = data.get("plural_only") or []
    if not isinstance(raw_plural_only, list) or not all(isinstance(n, str) for n in raw_plural_only):
        raise LexiconError(f"{ADVICE_FILE}: `plural_only` must be a list of nouns")
    plural_only = frozenset(n.strip().lower() for n in raw_plural_only)
    raw_measures = data.get("measures")
    if not isinstance(raw_measures, list) or not raw_measures:
        raise LexiconError(f"{ADVICE_FILE}: needs a `measures` list; reinstall resume-check")
    measures: list[Measure] = []
    forms: dict[str, tuple[int, str]] = {}
    ids: set[str] = set()
    for number, entry in enumerate(raw_measures, 1):
        ident, where, dimension = _identified(
            entry, f"{ADVICE_FILE}, measure {number}", ids, "id, dimension, kind, nouns, question and result"
        )
        kind = entry.get("kind")
        if kind not in _KINDS:
            raise LexiconError(f"{where}: `kind` must be one of {', '.join(_KINDS)}, got {kind!r}")
        nouns = entry.get("nouns")
        if not isinstance(nouns, list) or not nouns or not all(isinstance(n, str) and n.strip() for n in nouns):
            raise LexiconError(f"{where}: `nouns` must be a non-empty list of words")
        question = _text(entry.get("question"), f"{where}, question")
        result = _text(entry.get("result"), f"{where}, result")
        for field_name, value in (("question", question), ("result", result)):
            _check_figures(value, f"{where}, {field_name}")
        if entry.get("names_people", False) not in (True, False):
            raise LexiconError(f"{where}: `names_people` must be true or false")
        modifiers = entry.get("modifiers", "ask")
        if modifiers not in ("ask", "ignore"):
            raise LexiconError(f"{where}: `modifiers` must be ask or ignore, got {modifiers!r}")
        one = entry.get("one") or {}
        if not isinstance(one, dict) or (one and kind != "count"):
            raise LexiconError(f"{where}: `one` must be a mapping with a question and a result, for a count only")
        one_question = _text(one.get("question"), f"{where}, one.question") if one else ""
        one_result = _text(one.get("result"), f"{where}, one.result") if one else ""
        counted_with = _text(entry["counted_with"], f"{where}, counted_with") if "counted_with" in entry else ""
        changed = _text(entry["changed"], f"{where}, changed") if "changed" in entry else ""
        events = entry.get("events", [])
        if not isinstance(events, list) or not all(isinstance(e, str) and e.strip().lower() in nouns for e in events):
            raise LexiconError(f"{where}: `events` must be a list of the measure's own nouns")
        if changed and kind != "rate":
            raise LexiconError(f"{where}: `changed` is for a measure of kind rate only")
        ends = _text(entry["ends"], f"{where}, ends") if "ends" in entry else ""
        if ends and kind != "size":
            raise LexiconError(f"{where}: `ends` is for a measure of kind size only")
        modifier_ends = entry.get("modifier_ends", False)
        if modifier_ends not in (True, False) or (modifier_ends and (kind != "count" or modifiers != "ask")):
            raise LexiconError(
                f"{where}: `modifier_ends` must be true or false, and true only for a count asked as a modifier"
            )
        for field_name, value in (
            ("one.question", one_question),
            ("one.result", one_result),
            ("counted_with", counted_with),
            ("changed", changed),
            ("ends", ends),
        ):
            _check_figures(value, f"{where}, {field_name}")
        measure = Measure(
            ident,
            dimension,
            kind,
            tuple(n.strip().lower() for n in nouns),
            question,
            result,
            modifiers == "ask",
            one_question,
            one_result,
            counted_with,
            entry.get("names_people") is True,
            changed,
            frozenset(e.strip().lower() for e in events),
            ends,
            modifier_ends is True,
        )
        for noun in measure.nouns:
            for form in (noun, _plural(noun, plurals)):
                if form != noun or noun not in plural_only:
                    forms.setdefault(form, (len(measures), noun))
        measures.append(measure)
    questions: dict[Dimension, str] = {}
    results: dict[Dimension, str] = {}
    raw_dims = data.get("dimensions")
    if not isinstance(raw_dims, dict):
        raise LexiconError(f"{ADVICE_FILE}: needs a `dimensions` mapping with a question and result for each dimension")
    for dim in DIMENSIONS:
        entry = raw_dims.get(dim)
        where = f"{ADVICE_FILE}, dimensions.{dim}"
        if not isinstance(entry, dict):
            raise LexiconError(f"{where}: missing; give a question and a result")
        questions[dim] = _text(entry.get("question"), f"{where}.question")
        results[dim] = _text(entry.get("result"), f"{where}.result")
        _check_figures(questions[dim], f"{where}.question")
        _check_figures(results[dim], f"{where}.result")
    function_words = data.get("function_words")
    if not isinstance(function_words, dict):
        raise LexiconError(f"{ADVICE_FILE}: needs `function_words` with `dangling` and `finite` word lists")
    dangling = _word_list(function_words.get("dangling"), f"{ADVICE_FILE}, function_words.dangling")
    finite = _word_list(function_words.get("finite"), f"{ADVICE_FILE}, function_words.finite")
    descriptors = _word_list(function_words.get("descriptors"), f"{ADVICE_FILE}, function_words.descriptors")
    participles = _word_list(function_words.get("participles"), f"{ADVICE_FILE}, function_words.participles")
    ing_nouns = _word_list(function_words.get("ing_nouns"), f"{ADVICE_FILE}, function_words.ing_nouns")
    change_verbs = _word_list(function_words.get("change_verbs"), f"{ADVICE_FILE}, function_words.change_verbs")
    description_verbs = _word_list(
        function_words.get("description_verbs"), f"{ADVICE_FILE}, function_words.description_verbs"
    )
    return Vocabulary(
        recognition=_recognition(data.get("recognition")),
        tools=_tools(data.get("tools")),
        targets=_targets(data.get("targets")) if "targets" in data else None,
        processes=_processes(data.get("processes"), frozenset(load_verbs().families)) if "processes" in data else None,
        credentials=_credentials(data.get("credentials")) if "credentials" in data else None,
        measures=tuple(measures),
        dangling=dangling,
        finite=finite,
        descriptors=descriptors,
        participles=participles,
        ing_nouns=ing_nouns,
        change_verbs=change_verbs,
        description_verbs=description_verbs,
        questions=MappingProxyType(questions),
        results=MappingProxyType(results),
        same_verb_results=MappingProxyType(_same_verb(data.get("same_verb"))),
        plurals=MappingProxyType(plurals),
        forms=MappingProxyType(forms),
        max_words=max(len(f.split()) for f in forms),
    )


def _same_verb(entry: Any) -> dict[str, str]:
    where = f"{ADVICE_FILE}, same_verb"
    if entry is None:
        return {}
    if not isinstance(entry, dict) or not all(isinstance(k, str) and k.endswith("ing") for k in entry):
        raise LexiconError(f'{where}: must map -ing words ("improving") to the result said instead')
    out = {key.lower(): _text(value, f"{where}.{key}") for key, value in entry.items()}
    for key, value in out.items():
        _check_figures(value, f"{where}.{key}")
    return out


def _section_texts(entry: Any, section: str, texts: tuple[str, ...], lists: tuple[str, ...]) -> dict[str, str]:
    """The ``texts`` of an ``advice.yaml`` section, checked (present, no figure); LexiconError naming what is wrong."""
    where = f"{ADVICE_FILE}, {section}"
    if not isinstance(entry, dict):
        raise LexiconError(f"{where}: missing; give {', '.join(texts + lists)}")
    out = {key: _text(entry.get(key), f"{where}.{key}") for key in texts}
    for key, value in out.items():
        _check_figures(value, f"{where}.{key}")
    return out


def _recognition(entry: Any) -> Recognition:
    where = f"{ADVICE_FILE}, recognition"
    texts = _section_texts(entry, "recognition", ("head", "known", "question", "earned", "result"), ("selective",))
    if "{numbers}" not in texts["known"]:
        raise LexiconError(f"{where}.known: must hold {{numbers}}, where the statement's own figures go")
    words = _word_list(entry.get("selective"), f"{where}.selective")
    pattern = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    # whole words only: "first-time-right releases", "a top-priority programme" say nothing of how selective
    return Recognition(**texts, selective=re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE))


def _targets(entry: Any) -> Targets:
    where = f"{ADVICE_FILE}, targets"
    texts = _section_texts(entry, "targets", ("question", "result"), ("verbs", "nouns"))
    return Targets(
        **texts,
        verbs=_word_list(entry.get("verbs"), f"{where}.verbs"),
        nouns=_word_list(entry.get("nouns"), f"{where}.nouns"),
    )


def _processes(entry: Any, families: frozenset[str]) -> Processes:
    where = f"{ADVICE_FILE}, processes"
    texts = _section_texts(entry, "processes", ("question", "result"), ("families", "nouns"))
    if "{phrase}" not in texts["question"]:
        raise LexiconError(f"{where}.question: must hold {{phrase}}, where the way of working's words go")
    named = _word_list(entry.get("families"), f"{where}.families")
    unknown = sorted(named - families)
    if unknown:
        raise LexiconError(f"{where}.families: {', '.join(unknown)} is no verb family of verbs.yaml")
    return Processes(**texts, families=named, nouns=_word_list(entry.get("nouns"), f"{where}.nouns"))


def _credentials(entry: Any) -> Credentials:
    where = f"{ADVICE_FILE}, credentials"
    texts = _section_texts(entry, "credentials", ("head", "question", "result", "section"), ("verbs", "nouns"))
    return Credentials(
        **texts,
        verbs=_word_list(entry.get("verbs"), f"{where}.verbs"),
        nouns=_word_list(entry.get("nouns"), f"{where}.nouns"),
    )


def _tools(entry: Any) -> Tools:
    where = f"{ADVICE_FILE}, tools"
    texts = _section_texts(entry, "tools", ("advice", "question"), ("not_tools", "openers", "categories"))
    return Tools(
        **texts,
        not_tools=_word_list(entry.get("not_tools"), f"{where}.not_tools"),
        openers=_word_list(entry.get("openers"), f"{where}.openers"),
        categories=_word_list(entry.get("categories"), f"{where}.categories"),
    )


@lru_cache(maxsize=1)
def load_gallery() -> Gallery:
    """The bundled example bullets (``lexicons/gallery.yaml``), validated against the verb families."""
    return build_gallery(read_bundled_yaml(GALLERY_FILE), frozenset(load_verbs().families))


def build_gallery(data: Mapping[str, Any], families: frozenset[str]) -> Gallery:
    """A Gallery from the parsed ``gallery.yaml``; LexiconError naming the entry on bad data."""
    raw = data.get("examples")
    if not isinstance(raw, list) or not raw:
        raise LexiconError(f"{GALLERY_FILE}: needs an `examples` list; reinstall resume-check")
    examples: list[GalleryExample] = []
    ids: set[str] = set()
    for number, entry in enumerate(raw, 1):
        ident, where, dimension = _identified(
            entry, f"{GALLERY_FILE}, example {number}", ids, "id, family, dimension, onet, task and example"
        )
        family = entry.get("family")
        if family not in families:
            raise LexiconError(f"{where}: `family` must be a verb family of verbs.yaml ({', '.join(sorted(families))})")
        onet = entry.get("onet")
        if not isinstance(onet, dict) or onet.get("soc") not in GALLERY_OCCUPATIONS:
            raise LexiconError(
                f"{where}: `onet` must give the source task as {{soc: one of {', '.join(GALLERY_OCCUPATIONS)}, "
                "task: <task id>}"
            )
        task = onet.get("task")
        if not isinstance(task, int) or isinstance(task, bool) or task <= 0:
            raise LexiconError(f"{where}: `onet.task` must be the O*NET task id (a positive whole number)")
        task_text = _text(entry.get("task"), f"{where}, task")
        example = _text(entry.get("example"), f"{where}, example")
        _check_figures(example, f"{where}, example")
        if not _PLACEHOLDER.search(example):
            raise LexiconError(f"{where}: the example has no placeholder; show where the figure goes with [N]")
        examples.append(GalleryExample(ident, family, dimension, onet["soc"], task, task_text, example))
    return Gallery(tuple(examples))


# --------------------------------------------------------------------------------------------- voice


@lru_cache(maxsize=1)
def _spelling_pairs() -> tuple[Mapping[str, str], Mapping[str, str]]:
    """(American -> British, British -> American) word maps from the rows of ``spelling.tsv`` (us, gb ...), with
    the -ed/-es/-ing forms of -ize/-ise verbs the table lists only in part."""
    to_gb: dict[str, str] = {}
    to_us: dict[str, str] = {}
    for row in spelling_rows():
        if len(row) < 2:
            continue
        us, gb = row[0], row[1]
        pairs = [(us, gb)]
        if us.endswith("ze") and gb.endswith("se"):  # organize/organise, analyze/analyse
            pairs += [(us + "d", gb + "d"), (us + "s", gb + "s"), (us[:-1] + "ing", gb[:-1] + "ing")]
        for a, b in pairs:
            to_gb.setdefault(a, b)
            to_us.setdefault(b, a)
    return MappingProxyType(to_gb), MappingProxyType(to_us)


def detect_voice(text: str) -> Voice:
    """The currency the résumé uses most and whether it spells the British or the American way.

    Currency: the most frequent of £, $ and € (or GBP, USD, EUR); a tie or none is neutral. Spelling: the résumé's
    words found in ``spelling.tsv``, British against American; a tie follows the currency ($: American), else the
    project's British default.
    """
    counts = Counter(_CURRENCY_OF.get(m.group(), m.group()) for m in _CURRENCY.finditer(text))
    ranked = counts.most_common()
    currency = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else ""
    to_gb, to_us = _spelling_pairs()
    american = british = 0
    for m in _WORD_RE.finditer(text):
        word = m.group().lower()
        if word in to_gb and word not in to_us:
            american += 1
        elif word in to_us and word not in to_gb:
            british += 1
    if american != british:
        spelling: Spelling = "us" if american > british else "gb"
    else:
        spelling = "us" if currency == "$" else "gb"
    return Voice(currency, spelling)


def respell(text: str, voice: Voice) -> str:
    """``text`` (the suggestion's own words) in the résumé's spelling; placeholders get its currency."""
    text = text.replace("[amount]", voice.amount)
    to_gb, to_us = _spelling_pairs()
    table = to_us if voice.spelling == "us" else to_gb

    def swap(m: re.Match[str]) -> str:
        word = m.group()
        new = table.get(word.lower())
        if new is None:
            return word
        return new.capitalize() if word[:1].isupper() else new

    return _WORD_RE.sub(swap, text)


# --------------------------------------------------------------------------------------------- clauses


def _raw_words(text: str) -> list[str]:
    return [w.strip('.,;:!?()"“”‘’') for w in text.split()]


def _words(text: str) -> list[str]:
    return [w.lower() for w in _raw_words(text)]


def _clean_end(clause: str, rest: str = "") -> str | None:
    """``clause`` without trailing punctuation, or None when it ends on a function word or inside brackets; when
    what was cut off (``rest``) opens with a preposition, a participle it completes is left out too."""
    clause = _TRAILING.sub("", clause.strip())
    words = clause.split()
    if not words:
        return None
    last = words[-1].strip('"“”‘’').lower()
    if len(clause) > QUOTE_CHARS or "://" in clause or "www." in clause.lower():
        return None
    if (
        last in load_vocabulary().dangling
        or clause.count("(") != clause.count(")")
        or clause.count("“") != clause.count("”")
    ):
        return None
    if _ARTICLE_WITHOUT_NOUN.search(clause):
        return None  # "Built a fully automated" (, audited framework ...): its noun was cut off
    if _OPEN_IDIOM.search(clause):
        return None  # "... in recognition" (for what?), "on behalf" (of whom?): the idiom's complement was cut off
    if _COMPLEMENT.match(rest) and _hanging_participle(words):
        # "an evaluation framework built" (on ...): the clause ends before the participle, if that is clean
        return _clean_end(" ".join(words[:-1]))
    if len(words) > 2 and words[-2].lower() == "for" and AGENT_BY.match(rest.lstrip()):
        # "web pages for use" (by employees and customers): a purpose the agent completes goes with it
        return _clean_end(" ".join(words[:-2]))
    return clause


#: an article and a participle with no noun after it, at the end of a clause: "a fully automated", "the outsourced"
#: (six letters at least: "the speed", "the feed" are nouns)
_ARTICLE_WITHOUT_NOUN = re.compile(r"(?:^|\s)(?:a|an|the)\s+(?:[\w-]+ly\s+)?[\w-]{4,}ed$", re.IGNORECASE)

#: a phrase that needs its "of" or "for" ("in recognition of", "on behalf of", "as part of") at the end of a clause
_OPEN_IDIOM = re.compile(
    r"(?:^|\s)(?:in\s+(?:recognition|charge|support|terms|front|spite|favou?r|light|respect|view|search|lieu)"
    r"|on\s+behalf|as\s+part|by\s+means|with\s+(?:regard|respect)|for\s+the\s+sake)$",
    re.IGNORECASE,
)

#: what completes a participle ("built on", "dedicated to"): a cut before one of these may leave it hanging
_COMPLEMENT = re.compile(
    r"\s*,?\s*(?:on|to|for|by|with|in|from|at|as|into|onto|under|through|via|across|within|against|towards?)\b",
    re.IGNORECASE,
)


#: words before a past form that make it a verb of its own clause, not a participle left hanging
_BEFORE_OWN_VERB = frozenset(["and", "or", "&", "then", "was", "were", "is", "are", "been", "be", "got", "get"])


def _hanging_participle(words: Sequence[str]) -> bool:
    """True when a clause of three words or more ends on a past participle cut from what completes it: "an
    evaluation framework built" (on ...), "a new team dedicated" (to ...), "assistants, built" (on ...)."""
    if len(words) < 3 or words[-2].lower() in _BEFORE_OWN_VERB:
        return False
    last = words[-1].strip('"“”‘’').lower()
    form = load_verbs().forms.get(last)
    return (form is not None and form.tense == "past") or last in load_vocabulary().participles


def whole_clause(text: str, max_words: int = QUOTE_WORDS, min_words: int = 2) -> str | None:
    """The longest start of ``text`` of whole words, at most ``max_words``, that ends at a clause boundary and not
    on a function word ("such", "the", "and" ...); None when there is none.

    The whole text counts when it is short enough; otherwise a cut goes before "; ( –", a participle clause
    (", improving ..."), "such as", "including", "which" ..., else before a comma or a preposition.
    """
    text = " ".join(text.split()).replace("“", '"').replace("”", '"')
    end = _SENTENCE_END.search(text)
    if end is not None and len(text[: end.start()].split()) >= min_words:
        text = text[: end.start()]  # the first sentence
    text = _TRAILING.sub("", text)
    if not text or "://" in text or "www." in text.lower():
        return None  # a web address is not a clause to quote
    if len(text.split()) <= max_words:
        whole = _clean_end(text)
        if whole is not None and len(whole.split()) >= min_words:
            return whole
    for pattern in (_STRONG_CUT, _WEAK_CUT):
        best: str | None = None
        for m in pattern.finditer(text):
            prefix = text[: m.start()]
            size = len(prefix.split())
            if size > max_words:
                break
            # a weak cut inside a list drops items; so does a strong one before an -ing word that is an item of it
            # (", zoning, population growth and ..." is no participle clause)
            if (pattern is _WEAK_CUT or _ING_ITEM.match(text, m.start())) and _splits_a_list(text, m.start()):
                continue
            if pattern is _WEAK_CUT and _halves_a_range(text, m.start()):
                continue
            clean = _clean_end(prefix, text[m.start() :]) if size >= min_words else None
            if clean is not None and len(clean.split()) >= min_words:
                best = clean
        if best is not None:
            return best
    return None


#: a "to" and the word after it, where a weak cut may fall
_TO_NEXT = re.compile(r"\s+to\s+([^\s,;:]+)", re.IGNORECASE)


def _halves_a_range(text: str, at: int) -> bool:
    """True when a cut at ``at`` falls before the "to" of a range or a move ("from Windows 10 to Windows 11", "the
    vRA7 to vRA8 re-platforming", "London to Leeds"): the quote would keep its start and lose where it went. A
    range is a "to" after "from" (within five words, no participle between), or between two names or figures, and
    never a "to" before a verb (a purpose); "Moved 300 servers to the new data centre" may still be cut there."""
    after = _TO_NEXT.match(text, at)
    if after is None or (after.group(1).islower() and after.group(1) in load_verbs().forms):
        return False  # "to" and a verb: a purpose ("scraped from the internet to extract ..."), no range
    before = text[:at].split()
    if not before:
        return False
    start = next((i for i in range(len(before) - 1, max(-1, len(before) - 6), -1) if before[i].lower() == "from"), None)
    if start is not None and not any(_PARTICIPLE.match(word) for word in before[start + 1 :]):
        return True  # "from X to Y"; "from scratch dedicated to ...", "from scratch using X to" are no ranges
    return _names_an_end(before[-1]) and _names_an_end(after.group(1))


_PARTICIPLE = re.compile(r"[a-z]\w*(?:ed|ing)$")


def _names_an_end(word: str) -> bool:
    """A word that can stand at either end of a range: a name, an acronym or a figure ("vRA8", "Leeds", "10")."""
    return word[:1].isupper() or any(ch.isdigit() for ch in word)


#: a cut right before a list's last item: ", and Delivery Metrics", " and all team members"
_LAST_ITEM = re.compile(r"\s*,?\s*(?:and|or)\s+([\w'’-]+)", re.IGNORECASE)
#: the first word after a comma cut: ", Customer Satisfaction, and ..."
_NEXT_WORD = re.compile(r"\s*,\s*([\w'’-]+)")
#: what a list's items stop at: the end of the sentence or a stronger break
_LIST_END = re.compile(r"[;:()–—.!?]")
_CLOSER = re.compile(r"(?:^|\s)(?:and|or)\s", re.IGNORECASE)
#: how far a list is followed after a cut
_LIST_REACH = 300


def _splits_a_list(text: str, at: int) -> bool:
    """True when a cut at ``at`` falls inside a list of things ("in Safety, Customer Satisfaction, and Delivery
    Metrics", "for myself and all team members"): the quote would drop items mid-list. A list of actions ("to record
    solve times and perform analysis") may be cut before its next verb, unless the verbs share what follows ("to
    create and analyze automata", "for ingesting and processing data": the quote would end on a verb without its
    object)."""
    verbs = load_verbs().forms
    last = _LAST_ITEM.match(text, at)
    if last is not None:
        if last.group(1).lower() not in verbs:
            return True
        before = text[max(0, at - 40) : at].split()
        word = before[-1].strip(",;:").lower() if before else ""
        # "to accept and implement findings" (no comma: ", and develop budget" after "to customer" is a new clause)
        infinitive = len(before) > 1 and before[-2].lower() == "to" and "," not in last.group(0)
        # "for ingesting and processing data"
        return word in verbs or infinitive or (word.endswith("ing") and len(word) > 5)
    inner = _NEXT_WORD.match(text, at)
    if inner is None or inner.group(1).lower() in verbs:
        return False
    # a comma before an item of "A, B, C and D": an "and" or "or" closes the list later, before the sentence ends
    rest = text[inner.start(1) : inner.start(1) + _LIST_REACH]
    end = _LIST_END.search(rest)
    return any(_CLOSER.search(part) for part in rest[: end.start() if end else len(rest)].split(","))


#: a short label before a colon that opens a statement ("QuantSoftware Toolkit: Open source library for ..."); what
#: follows opens with a capital, else the label is its subject ("Chatbot: answers questions")
_LABEL = re.compile(r"(?:[^\s:;.]+\s+){0,4}[^\s:;.]+:\s+(?=[A-Z])")


def _without_label(text: str) -> str:
    """``text`` without a short title before a colon, or a lead-in naming the line an achievement ("Key
    achievements include the go-live of ..."): neither is a clause to quote."""
    label = _LABEL.match(text) or _LEAD_IN.match(text)
    return text[label.end() :] if label is not None else text


_LEAD_IN = re.compile(
    r"(?:(?:my|our)\s+)?(?:(?:key|main|major|notable|recent|other)\s+)?(?:achievements?|accomplishments?|highlights?"
    r"|successes|wins)(?:\s+(?:include[ds]?|included|were|was)\s*:?|\s*:)\s+",
    re.IGNORECASE,
)


def has_finite_verb(clause: str) -> bool:
    """Whether ``clause`` holds a pronoun subject or a finite auxiliary ("am", "is", "I", "we" ...)."""
    finite = load_vocabulary().finite
    # an acronym in capitals ("IT", "AM") is not a pronoun or an auxiliary; "I" is
    return any(w.lower() in finite for w in _raw_words(clause) if w == "I" or not (len(w) > 1 and w.isupper()))


#: words after which a present-tense "-s" word is a noun, not a verb ("Engagement processes for the PMO")
_NOT_OBJECT = frozenset(("for", "with", "to", "in", "on", "at", "of", "by", "from", "and", "or", "as", "into"))


#: a project's name and a colon opening a line ("Nostos: ...", "GitHub Visualization: ..."): one to four words, each
#: opening with a capital or a digit
_PROJECT_NAME = re.compile(r"([A-Z0-9][\w.+#&'’]*(?:\s[A-Z0-9][\w.+#&'’]*){0,3}):\s+(?=\S)")


def _named_project(
    text: str, lex: VerbLexicon, vocab: Vocabulary, verb_at: VerbAt, known_names: frozenset[str] | None = None
) -> tuple[str, str] | None:
    """(name, description) when ``text`` names a project and says what it is ("Nostos: Bulk data processing service
    from Hadoop to Cassandra"), the description quoted whole or to a clause boundary with its first word in lower case;
    None when it names no project, when the description opens with a verb ("Data Warehousing: built ...") or holds a
    clause of its own, or when it cannot be quoted. ``known_names`` (lower case): tools and languages whose capital the
    description's first word keeps."""
    m = _PROJECT_NAME.match(text)
    if m is None or not _is_proper_name(m.group(1)):
        return None
    name, rest = m.group(1), text[m.end() :]
    words = _words(rest)
    if len(words) < 3 or verb_at(words[:2]) is not None or has_finite_verb(rest) or describes(rest, lex, vocab):
        return None
    if words[0] in vocab.dangling and words[0] not in _DETERMINERS:
        return None
    description = whole_clause(rest, QUOTE_WORDS - len(name.split()) - 1, 2)
    if description is None:
        return None
    return name, _lower_unless_named(description, known_names or frozenset())


def _is_proper_name(label: str) -> bool:
    """Whether a label before a colon names one thing ("Nostos", "QuantDesk", "GitHub Visualization"): a word in
    mixed case or one that is no English word form. A label of common words ("Recommendation System", "Data
    Warehousing", "Tools") names a kind of work or a heading, and no verb is put in front of it."""
    words = [w for w in label.split() if w[:1].isalpha()]
    if any(not w[1:].islower() and not w.isupper() for w in words):
        return True  # "QuantDesk", "GitHub": a name in mixed case (an acronym alone, "AWS", says nothing)
    from .extract.pdf_text import english_words  # loaded only for a label before a colon

    known = english_words()
    return any(w.isalpha() and w.lower() not in known for w in words)


def _named_advice(
    head: str,
    named: tuple[str, str],
    text: str,
    family: str | None,
    voice: Voice,
    lex: VerbLexicon,
    vocab: Vocabulary,
    gallery: Gallery,
) -> Advice:
    """The advice for a named project: the verb of making it, its name and what it is, then the result ("Built
    Nostos, bulk data service from Hadoop to Cassandra, used by [N] people"); the name's words are never counted
    ("Built [N] Course Dashboards" would count a name)."""
    name, description = named
    lead = f"{_made_verb(description, vocab, voice)} {name}, "
    return _compose(
        head,
        lead + description,
        text,
        family,
        voice,
        lex,
        vocab,
        gallery,
        opener=1 + len(name.split()),
        default="scope",
        floor=len(lead),
    )


def _made_verb(description: str, vocab: Vocabulary, voice: Voice) -> str:
    """The verb for making what ``description`` names: "Wrote" when it opens with a publication's noun (a book, a
    paper), "Built" anything else (a description says what a thing is, not how the person changed it)."""
    first = _found_measures(description.split(maxsplit=1)[0], vocab, place=False)  # what it is: its first word
    return "Wrote" if first and first[0].measure.id == "publications" else respell("Built", voice)


def describes(text: str, lex: VerbLexicon, vocab: Vocabulary) -> str | None:
    """The subject when ``text`` says what a product, a project or a company does, in the present tense, rather than
    what the person did ("Acmetrics utilizes machine learning to ...": "Acmetrics"; "The platform processes
    payments for ...": "the platform"); None otherwise. The subject is one to four words, none a verb; the verb is
    a present form of the verb lexicon or one of ``description_verbs``, and an object follows it."""
    words = _raw_words(text)
    for k in range(1, min(5, len(words) - 1)):
        word = words[k].lower()
        form = lex.forms.get(word)
        if not (
            word in vocab.description_verbs or (form is not None and form.tense == "present" and word.endswith("s"))
        ):
            continue
        subject = words[:k]
        if words[k + 1].lower() in _NOT_OBJECT or any(lex.forms.get(w.lower()) is not None for w in subject):
            return None
        if subject[-1].lower() in _RELATIVE:
            return None  # "Book that gives ...": a relative clause inside a noun phrase, not what a product does
        opened = subject[0].lower() in _DETERMINERS  # "The platform", not a name ("Acmetrics")
        if (not opened and not subject[0][:1].isupper()) or (opened and len(subject) == 1):
            return None
        return _lower_first(" ".join(subject)) if opened else " ".join(subject)
    return None


#: short words a name in title case leaves in lower case
_NAME_SMALL = frozenset(("with", "from", "into", "over", "upon", "onto"))


def _is_name(text: str) -> bool:
    """Whether ``text`` is a name in title case: three or more words of four letters or more, every one capitalised
    ("Northern Region Threat Intelligence and Incident Response (NRTIR) Team")."""
    long = [w for w in _raw_words(text) if len(w) >= 4 and w.isalpha() and w.lower() not in _NAME_SMALL]
    return len(long) >= 3 and all(w[0].isupper() for w in long)


def _helped_to(rest: str, lex: VerbLexicon, vocab: Vocabulary) -> str | None:
    """``rest`` as "<whom> to <what they did>" when it is whom was helped and what they did, in the bare infinitive
    ("clients migrate their workloads to Azure", "500+ customers shape their journey", "the team adopt Scrum");
    None otherwise. Whom is one to five words ending in a noun; what they did opens with a verb of the lexicon in
    its base form, or any word after a noun that names people."""
    words = rest.split()
    for k in range(1, min(6, len(words))):
        plain = words[k].lower().strip(".,;:()")
        before = words[k - 1].lower().strip(".,;:()")
        if (before in vocab.dangling and before not in _DETERMINERS) or words[k - 1][-1:] in ",;:":
            return None
        form = lex.forms.get(plain)
        hit = vocab.forms.get(before)
        # people who act: "clients", "500+ customers", "the team" (not "stakeholder" qualifying "communications")
        people = (
            hit is not None
            and vocab.measures[hit[0]].names_people
            and (before != hit[1] or (k > 1 and words[k - 2].lower() in _DETERMINERS))
        )
        if plain == "to" and k + 1 < len(words) and k < 5:
            # "the business to adopt Microsoft Teams": whom, then "to" and what they did
            after = lex.forms.get(words[k + 1].lower().strip(".,;:()"))
            if after is not None and after.form == after.base:
                return f"{' '.join(words[:k])} to {' '.join(words[k + 1 :])}"
        if not plain.isalpha() or plain.endswith("s") or plain in vocab.dangling or plain in _DETERMINERS:
            continue  # no verb in its base form
        if (form is not None and form.tense == "present") or people:
            return f"{' '.join(words[:k])} to {' '.join(words[k:])}"
    return None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_unless_named(text: str, known_names: frozenset[str]) -> str:
    """``_lower_first``, except that a tool or language name (``known_names``, lower case) keeps its capital:
    "Python backend for ...", "Jira and Confluence dashboards"."""
    first = text.split(maxsplit=1)[0] if text.split() else ""
    return text if first.lower().strip(",.;:") in known_names else _lower_first(text)


def _lower_first(text: str) -> str:
    """The first word in lower case unless it looks like a name or an acronym ("SAP", "Azure DevOps", "GitLab")."""
    words = text.split(" ", 2)
    first = words[0]
    if first == "A" and len(words) > 1 and words[1][:1].islower():
        return "a" + text[1:]  # the article ("A new incident process"), not a one-letter name
    if not first[1:].islower() or not first[:1].isupper() or (len(words) > 1 and words[1][:1].isupper()):
        return text
    return text[:1].lower() + text[1:]


# --------------------------------------------------------------------------------------------- measures


@dataclass(frozen=True, slots=True)
class _Found:
    measure: Measure
    written: str  # the noun as written (lower case)
    singular: str
    start: int
    modifier: bool = False  # it qualifies another noun ("project documentation"): asked about, not the result
    acronym: bool = False  # written in capitals ("APIs")
    one: bool = False  # a count noun in the singular ("a dashboard", "built web app"): one thing, the `one` question
    at: int = -1  # a count written in the plural as a phrase head: where [N] goes in the text (-1: nowhere)
    vague: int = 0  # characters from ``at`` of a vague quantifier [N] replaces ("various ", "several ")
    end: int = -1  # where the noun ends in the text
    shown: str = ""  # the noun's words as the text has them (their case kept)


_NUMBERISH = re.compile(
    r"(?:\d[\d,.]*\+?%?|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?)$"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_TOKEN = re.compile(r"[A-Za-z0-9][\w'’.,+%/-]*")
#: what ends a phrase after a word (or after a space and a word): punctuation that separates clauses or list
#: items, a bracket or a quote, or a dash between spaces
_BOUNDARY_CHARS = frozenset(",;:()[]|–—\"“”‘’'")
_SPACED_DASHES = frozenset(["- ", "– ", "— "])
#: vague quantities a placeholder count replaces ("various scripts" -> "[N] scripts")
_VAGUE = frozenset(["various", "several", "multiple", "numerous", "many", "countless", "some", "few"])
#: words a count goes after, not before ("the first [N] dashboards", "our own [N] tools")
_COUNT_AFTER = frozenset(["first", "last", "next", "own", "same", "following", "previous"])


class _Token(NamedTuple):  # a tuple: built for every word of every suggestion
    start: int
    end: int
    word: str  # lower case, edge punctuation stripped (a plural possessive keeps its apostrophe: "clients'")
    boundary: bool  # a comma, semicolon, bracket, quote or dash follows it


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    append = out.append
    make = _Token._make
    for m in _TOKEN.finditer(text):
        raw = m.group()
        start, after = m.span()
        trimmed = raw.rstrip(".,")
        following = text[after : after + 1]
        if following == " ":
            following = text[after + 1 : after + 2]
            boundary = following in _BOUNDARY_CHARS or text[after + 1 : after + 3] in _SPACED_DASHES
        else:
            boundary = following in _BOUNDARY_CHARS
        append(make((start, start + len(trimmed), trimmed.lower().lstrip("'’"), boundary or raw[-1] == ",")))
    return out


def _phrase_start(tokens: Sequence[_Token], head: int, vocab: Vocabulary, opener: int) -> int | None:
    """Index of the first word of the noun phrase ending at ``tokens[head]``: back over its modifiers ("file" in
    "file servers", "monitoring" in "a monitoring system", "network and printer" in "network and printer issues",
    "64-bit") to a function word, a clause boundary, a verb, a possessive or the opening verb (its first ``opener``
    words: "Set up"). None past MAX_PHRASE_WORDS (no phrase is that long, and the walk stays bounded on a hostile
    line), and when a list of modifiers has no clear start ("dev, test and prod environments")."""
    lex = load_verbs()
    j = head - 1
    crossed = -1  # where the walk went past "and"
    while j >= 0:
        if head - j > MAX_PHRASE_WORDS:
            return None
        token = tokens[j]
        word = token.word
        if (
            token.boundary
            or j < opener
            or not any(c.isalpha() for c in word)  # a number: a count of its own
            or word.endswith(("'s", "’s", "'", "’"))  # a possessive: "Acme's [N] employees"
            or word in _COUNT_AFTER
            or (j >= 1 and f"{tokens[j - 1].word} {word}" in lex.forms)  # a verb's particle: "set up", "rolled out"
        ):
            break
        if word in ("and", "or", "&") and head - j >= 2 and j >= 1:
            # modifiers in a list share the head ("network and printer issues"): the phrase starts before them
            before = tokens[j - 1]
            if not before.boundary and before.word not in vocab.dangling and j - 1 >= opener:
                crossed = j
                j -= 1
                continue
        if word in vocab.dangling or word in _VAGUE:
            break
        if j >= 1 and _verb_here(word, tokens[j - 1], j == head - 1, vocab, lex):
            break
        j -= 1
    if j + 1 == crossed:
        return None  # the walk stopped at the word before "and": where the list starts is unclear
    return j + 1


#: words after which a verb form is the verb of a clause of its own ("and launch products", "that run jobs")
_CLAUSE_JOINS = frozenset(["to", "and", "or", "&", "that", "which", "who", "then"])


def _verb_here(word: str, before: _Token, next_to_head: bool, vocab: Vocabulary, lex: VerbLexicon) -> bool:
    """Whether ``word`` before a noun is a verb here (a form of the verb lexicon, or any -ed word after "and")
    rather than a modifier of the noun: "by creating dashboards", "to build tools", "and launch new products",
    "and consumed APIs" are verbs; "and support tickets", "a monitoring system", "for test cases", "with automated
    tests", "Deployed automated tests", "maintainable automated tests" are modifiers."""
    form = lex.forms.get(word)
    if form is None:
        return word.endswith("ed") and before.word in _CLAUSE_JOINS
    if before.boundary or before.word in _CLAUSE_JOINS:
        # right before the noun a bare form that is also a noun qualifies it ("incidents and support tickets"), but
        # not after "to" ("to test cases") nor when it is only a verb ("and persuade employees")
        return not (next_to_head and word == form.base and before.word != "to" and form.lemma in lex.noun_ambiguous)
    # after a preposition "by creating" is a verb, "for test cases" and "with automated tests" are modifiers
    return before.word in vocab.dangling and before.word not in _DETERMINERS and word.endswith("ing")


def _found_measures(text: str, vocab: Vocabulary, *, opener: int = 0, place: bool = True) -> list[_Found]:
    """The measure nouns of ``text``, one per measure group: head nouns before modifiers ("sales" in "sales team",
    "integration" in "integration of services"), each in order of mention. Left out: nouns that already carry a
    number ("250+ packages"); a count in the singular (one thing: "a dashboard", "the migration") unless its group
    asks about one; a modifier its group does not ask about ("machine learning", "project competitions"). Where a
    count goes in the text is worked out only when ``place`` (the questions do not need it)."""
    tokens = _tokens(text)
    words = [t.word for t in tokens]
    hits: list[_Found] = []
    i = 0
    heads = vocab.first_words
    headed: set[str] = set()  # groups with a head noun found
    while i < len(tokens):
        step = 1
        if words[i] not in heads:  # most words start no measure noun: no phrases built for them
            i += 1
            continue
        known = len(hits)
        for size in range(min(vocab.max_words, len(tokens) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            hit = vocab.forms.get(phrase)
            if hit is None:
                continue
            step = size
            last = i + size - 1
            index, singular = hit
            if any(
                _NUMBERISH.match(w) and not (_YEAR.fullmatch(w) and phrase == singular)
                for w in words[max(0, i - 2) : i]
            ):
                break  # it carries a number ("250+ packages"); a year before one thing is a date ("2022 paper")
            measure = vocab.measures[index]
            after = words[last + 1] if last + 1 < len(words) else ""
            # "integration of services" is about services; "adoption of the service desk" measures adoption
            modifier = (
                bool(after)
                and not tokens[last].boundary
                and ((after == "of" and measure.kind != "rate") or _content_word(after, vocab))
            )
            start = tokens[i].start
            acronym = text[start : start + len(singular)].isupper() and len(singular) > 1
            noun = partial(
                _Found, measure, phrase, singular, start, acronym=acronym, shown=text[start : tokens[last].end]
            )
            if modifier:
                if measure.modifiers:
                    hits.append(noun(modifier=True))
                break
            if measure.id in headed:
                break  # its group has a head noun earlier, which is the one kept
            if measure.kind != "count":
                hits.append(noun())
                break
            plural = phrase != singular or _plural(singular, vocab.plurals) == singular
            if text[tokens[last].end : tokens[last].end + 1] == ":":
                break  # a label ("Course Dashboards: ..."), not a thing counted
            first = _phrase_start(tokens, i, vocab, opener) if plural and place else None
            if first is not None:
                before = tokens[first - 1] if first > 0 else None
                vague = (
                    before is not None
                    and before.word in _VAGUE
                    and not text[before.end : tokens[first].start].strip()  # nothing between: "few , issues"
                )
                if (
                    vague
                    and first > 1
                    and tokens[first - 1].word == "few"
                    and tokens[first - 2].word == "a"
                    and not text[tokens[first - 2].end : tokens[first - 1].start].strip()  # not "a , few"
                ):
                    before = tokens[first - 2]  # "a few" as a whole
                at = before.start if vague and before is not None else tokens[first].start
                vague_chars = tokens[first].start - at if vague else 0
                hits.append(noun(at=at, vague=vague_chars, end=tokens[last].end))
            elif plural:  # a phrase too long to count in place: still asked about
                hits.append(noun())
            elif measure.one_question:  # "a web app", "built web app": one thing
                hits.append(noun(one=True))
            break
        if len(hits) > known and not hits[-1].modifier:
            headed.add(hits[-1].measure.id)
        i += step
    found: list[_Found] = []
    groups: set[str] = set()
    hits.sort(key=lambda h: (h.modifier, h.start))
    for f in hits:
        if f.measure.id not in groups:  # ids are unique (the loader checks)
            groups.add(f.measure.id)
            found.append(f)
    return found


def _content_word(word: str, vocab: Vocabulary) -> bool:
    """Whether ``word`` following a noun makes that noun a modifier ("sales team", "customer satisfaction",
    "systems engineering")."""
    if word in vocab.ing_nouns:
        return True
    form = load_verbs().forms.get(word)
    return (
        word.isalpha()
        and word not in vocab.dangling
        and word not in vocab.finite
        and word not in _NOT_MODIFIED
        and not word.endswith(("ed", "ing", "ly"))
        and not (form is not None and form.tense == "past")  # "Dashboards built in Power BI"
        and word not in ("etc", "e.g", "i.e")
    )


#: words after a noun that say how, where or when, not what kind ("servers worldwide", "apps ahead of schedule")
_NOT_MODIFIED = frozenset(
    [
        "ahead",
        "worldwide",
        "nationwide",
        "globally",
        "fast",
        "whilst",
        "twice",
        "overseas",
        "abroad",
        "together",
        "onsite",
        "on-site",
        "offshore",
        "remotely",
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "yearly",
        "annually",
        "end-to-end",
        "alone",
        "again",
        "instead",
        "too",
        "so",
        "even",
        "still",
        "yet",
        "now",
        "today",
    ]
)


def _fill(template: str, found: _Found | None, vocab: Vocabulary) -> str:
    if found is None:
        return template
    plural = _plural(found.singular, vocab.plurals)
    if found.one:
        noun, be = _as_written(found), "was"
    elif found.measure.kind == "count":
        noun, be = plural, "were"
        if found.acronym:
            noun = found.singular.upper() + "s"  # "APIs", not "apis"
    elif found.measure.kind == "size":
        noun, be = (found.singular.upper() if found.acronym else found.singular), "was"  # "the PMO", not "the pmo"
    else:
        noun = plural if found.singular in found.measure.events else found.written  # "incidents", not "incident"
        be = "were" if noun == plural and plural != found.singular else "was"
    return template.replace("{noun}", noun).replace("{be}", be)


def _as_written(found: _Found) -> str:
    """The noun as the statement writes it, with an acronym in its capitals ("the RAID log", "the CRM app"), else in
    lower case ("the dashboard", whatever a title-case line makes of it)."""
    words = found.written.split()
    shown = found.shown.split() if found.shown else words
    if len(shown) != len(words):
        return found.written
    return " ".join(s if len(s) > 1 and s.isupper() else w for s, w in zip(shown, words, strict=True))


def _question(found: _Found, vocab: Vocabulary) -> str:
    return _fill(found.measure.one_question if found.one else found.measure.question, found, vocab)


def _questions_and_result(
    text: str,
    dimension: Dimension,
    vocab: Vocabulary,
    voice: Voice,
    counted: Sequence[_Found] = (),
    clause: str | None = None,
) -> tuple[tuple[str, ...], str, Dimension]:
    """(questions, placeholder result, dimension) for ``text``: from the nouns it names, else from ``dimension``.
    The nouns ``counted`` in the example rewrite (``clause``) are asked about first."""
    found = _found_measures(text, vocab, place=False)
    if not found and not counted:
        return (respell(vocab.questions[dimension], voice),), respell(vocab.results[dimension], voice), dimension
    if clause is not None:  # nouns the quoted example holds are asked about first
        found.sort(key=lambda f: re.search(rf"\b{re.escape(f.written)}\b", clause, re.IGNORECASE) is None)
    asked = [*counted, *found]
    questions = tuple(dict.fromkeys(respell(_question(f, vocab), voice) for f in asked))[:MAX_QUESTIONS]
    first = asked[0]
    left_out = clause is not None and not re.search(rf"\b{re.escape(first.written)}\b", clause, re.IGNORECASE)
    if first.modifier or left_out:
        # only nouns that qualify others ("vendor management"), or a noun the quote leaves out ("Recruited a team"
        # quoted from "... and built a platform"): ask about them, end generically. A quoted noun asked about as a
        # change ("What was the performance before and after?") sets the ending ("improving [what] by [N]%"), which
        # would otherwise answer another question, and so does a sum ("What was the procurement worth ...?" ends
        # "saving [amount] ([N]%)", not "with a team of [N]"); "How many ...?" goes with any ending
        if not left_out and first.measure.kind in ("rate", "time", "amount"):
            dimension = first.measure.dimension
        if not left_out and first.modifier and first.measure.modifier_ends:
            # "How many vendors?" asked of "vendor governance": "..., across [N] vendors", not "..., for [N] users"
            return questions, respell(_fill(first.measure.result, first, vocab), voice), first.measure.dimension
        return questions, respell(vocab.results[dimension], voice), dimension
    result = first.measure.one_result if first.one else first.measure.result
    return questions, respell(_fill(result, first, vocab), voice), first.measure.dimension


def _count_in_place(
    clause: str, found: Sequence[_Found], vocab: Vocabulary, floor: int = 0, opener: int = 0
) -> tuple[str, list[_Found], list[str]] | None:
    """``clause`` with [N] in front of the phrases whose head is a count in the plural ("Migrated [N] file servers",
    "Wrote [N] automation scripts" for "various automation scripts"), at most MAX_QUESTIONS of them, with those
    phrases as placeholders ("[N] file servers"); None when it names no such count. ``found``: the clause's
    measures (``_found_measures``), whose first ``opener`` words are its verb."""
    counted: list[_Found] = []
    tokens: list[_Token] = []
    reach = -1  # where the list of the last phrase counted ends
    list_ends: dict[int, int] = {}  # by where a counted phrase starts: where its list ends
    for f in sorted((f for f in found if f.at >= max(0, floor)), key=lambda f: f.at):
        if len(counted) < MAX_QUESTIONS and (not counted or (f.at > counted[-1].end and f.at >= reach)):
            # a list shares one [N] at its start: "Managed [N] risks, issues and dependencies" (not "risks, [N]
            # issues"), "Migrated [N] servers, databases and applications" (not a second [N] before "applications")
            items = _LIST_BEFORE.search(clause, max(floor, f.at - _COUNT_LIST_REACH), f.at) if not f.vague else None
            if items is not None:
                # the list's first item keeps its modifiers: "Managed [N] project risks and issues"
                tokens = tokens or _tokens(clause)
                first = next((i for i, t in enumerate(tokens) if t.start == items.start()), None)
                start = _phrase_start(tokens, first, vocab, opener) if first is not None else None
                at = tokens[start].start if start is not None else items.start()
                f = dataclasses.replace(f, at=at if at >= max(floor, 0) else items.start())
            counted.append(f)  # a phrase is counted once ("servers and mobile apps" share their [N])
            after = _LIST_AFTER.match(clause, f.end)
            reach = after.end() if after is not None else f.end
            plurals = _PLURALS_AFTER.match(clause, f.end)  # "and workshops", not "and tracked"
            list_ends[f.at] = plurals.end() if plurals is not None else f.end
    if not counted:
        return None
    out = clause
    phrases: list[str] = []
    for f in sorted(counted, key=lambda f: -f.at):  # from the right, so the offsets on the left hold
        rest = out[f.at + f.vague :]  # its case kept: "[N] Python scripts"
        head = f.end - f.at - f.vague
        placed = [f"[N] {rest[:head]}"]
        tail = list_ends[f.at] - f.at - f.vague  # who took part goes after the whole list: "[N] sessions and
        # workshops for [N] people", not "[N] sessions for [N] people and workshops"
        if f.measure.counted_with and not _names_who(out[f.at + f.vague + tail :], vocab):
            rest = f"{rest[:tail]} {f.measure.counted_with}{rest[tail:]}"
            placed.append(f.measure.counted_with)
        out = f"{out[: f.at]}[N] {rest}"
        phrases = placed + phrases
    return out, counted, phrases


#: how list items are joined (", ", ", and ", " and ", " & "), a list's word, and a plural noun among them (a plural:
#: "various", "numerous", "process" end in "s" and are none)
_LIST_SEP = r"(?:,\s(?:and\s|&\s)?|\s(?:and|&)\s)"
_LIST_WORD = r"[A-Za-z][\w/-]*+"
_LIST_PLURAL = _LIST_WORD + r"(?<=s)(?<!ous)(?<!ss)"
#: plural nouns listed right before a counted one ("risks, " in "risks, issues and dependencies"), each one word
#: (not the "s" of "Acme's")
_LIST_BEFORE = re.compile(rf"(?<![\w'’-])(?:{_LIST_PLURAL}{_LIST_SEP})+$")
#: how far before a counted noun its list is looked for (a list of a few short words; bounds the search)
_COUNT_LIST_REACH = 120
#: the items that follow a counted noun in its list (", databases and applications"), each of one or two words
_LIST_AFTER = re.compile(rf"(?:{_LIST_SEP}{_LIST_WORD}(?:\s{_LIST_WORD}(?<=s))?)+")
#: the plural nouns that follow a counted noun in its list (", databases and applications"), where who took part goes
#: after them ("[N] sessions and workshops for [N] people"; "[N] meetings and tracked ..." lists no noun)
_PLURALS_AFTER = re.compile(rf"(?:{_LIST_SEP}(?:{_LIST_WORD}\s)?{_LIST_PLURAL}(?![\w/-]))+")


def _names_who(after: str, vocab: Vocabulary) -> bool:
    """Whether what follows a counted phrase already says who took part: "with prospective clients", "for new
    starters", "to all stakeholders"."""
    first = after.split(maxsplit=1)[0].lower() if after.split() else ""
    return first in ("for", "with", "attended", "attending") or any(
        f.measure.names_people for f in _found_measures(after, vocab, place=False)
    )


# --------------------------------------------------------------------------------------------- rewrites


VerbAt = Callable[[Sequence[str]], "tuple[str, int] | None"]


def _verb_head(rest: str, lex: VerbLexicon, verb_at: VerbAt, after_preposition: bool = False) -> tuple[str, str] | None:
    """(past-tense verb, what follows) when ``rest`` opens with an action verb ("managing the desk" -> "Managed",
    "the desk"), also after "to", "in", "with", "successfully". After a preposition (``after_preposition``: the
    opener ends in one, "Responsible for"; or "in", "with", "on") a verb is an -ing form: "test automation" is a
    noun phrase, not "Tested automation"."""
    words = rest.split()
    plain = [w.strip(".,;:()").lower() for w in words]
    for skip in (0, 1):
        if skip and not (len(plain) > 1 and plain[0] in ("to", "in", "with", "successfully", "on")):
            continue
        gerund_only = after_preposition if not skip else plain[0] in ("in", "with", "on")
        if gerund_only and plain[skip:] and not plain[skip].endswith("ing"):
            continue
        found = verb_at(plain[skip:]) if plain[skip:] else None
        if found is not None:
            base, size = found
            return _capital(lex.past(base)), _past_coordinated(" ".join(words[skip + size :]), lex, verb_at)
    return None


def _past_coordinated(what: str, lex: VerbLexicon, verb_at: VerbAt) -> str:
    """A verb coordinated with the first in the same form ("implemented and managing X" -> "... and managed X")."""
    words = what.split()
    if len(words) >= 2 and words[0].lower() in ("and", "&", "or"):
        found = verb_at([w.strip(".,;:()").lower() for w in words[1:]])
        if found is not None:
            base, size = found
            return " ".join([words[0], lex.past(base), *words[1 + size :]])
    # a later verb in its base form, coordinated before its object ("to develop the LMS and launch the first
    # site" -> "... and launched the first site"); a noun after "and" has no determiner after it ("and support
    # tickets")
    for i in range(1, len(words) - 2):
        if words[i].lower() in ("and", "or") and words[i + 2].lower() in _DETERMINERS:
            word = words[i + 1].strip(".,;:()").lower()
            found = verb_at([w.strip(".,;:()").lower() for w in words[i + 1 :]])
            if found is not None and found == (word, 1):
                return " ".join([*words[: i + 1], lex.past(word), *words[i + 2 :]])
    return what


def _nominal_verb(what: str, lex: VerbLexicon, verb_at: VerbAt) -> tuple[str, str] | None:
    """ "Execution of the plans" -> ("Executed", "the plans"): a nominalisation with "of" turned back into its verb,
    also after "the" ("the development of early features" -> "Developed", "early features")."""
    words = what.split()
    if len(words) > 3 and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 3 or words[1].lower() != "of":
        return None
    noun = words[0].lower().strip(",;:")
    phrasal = _phrasal_noun(noun, words[2].lower(), verb_at)
    if phrasal is not None:
        return _capital(lex.past(phrasal)), " ".join(words[2:])
    same = verb_at([noun, words[2].lower()])
    if same is not None and same == (noun, 1):  # a verb used as a noun: "Design of the network" -> "Designed"
        return _capital(lex.past(noun)), " ".join(words[2:])
    irregular = _irregular_nominal(noun, lex)
    if irregular is not None:  # "Oversight of suppliers" -> "Oversaw"
        return _capital(lex.past(irregular)), " ".join(words[2:])
    for _, base in _nominal_stems(noun, words[2].lower(), verb_at):
        return _capital(lex.past(base)), " ".join(words[2:])
    return None


def _irregular_nominal(noun: str, lex: VerbLexicon) -> str | None:
    """The verb of the lexicon an irregular nominalisation is made from ("oversight" -> "oversee"), or None."""
    verb = _IRREGULAR_NOMINAL.get(noun)
    return verb if verb is not None and verb in lex.forms else None


def _nominal_stems(noun: str, after: str, verb_at: VerbAt) -> Iterator[tuple[str, str]]:
    """(stem, verb base) for each suffix rule of _NOMINAL, in its order, that turns ``noun`` into a one-word verb
    ``verb_at`` knows before the word ``after`` ("management" -> ("manage", "manage"))."""
    for suffix, replacement in _NOMINAL:
        if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            stem = noun[: -len(suffix)] + replacement
            found = verb_at([stem, after])
            if found is not None and found[1] == 1:
                yield stem, found[0]


def _phrasal_noun(noun: str, after: str, verb_at: VerbAt) -> str | None:
    """The phrasal verb a noun runs together ("setup", "set-up" -> "set up"; "rollout" -> "roll out"; "handover" ->
    "hand over"), when the verb lexicon lists it and its second word is a particle that takes an object ("go-live"
    is no "went live the ERP"); ``after`` is the word after "of", which tells a verb from a noun."""
    plain = noun.replace("-", "")
    for cut in range(2, len(plain) - 1):
        if plain[cut:] not in _OBJECT_PARTICLES:
            continue
        found = verb_at([plain[:cut], plain[cut:], after])
        if found is not None and found[1] == 2:
            return found[0]
    return None


_OBJECT_PARTICLES = frozenset(["up", "out", "over", "off", "down", "back"])
_ADVERBS = frozenset(["also", "then", "just", "only", "still", "always", "never", "often", "mostly", "mainly", "later"])
_TIME_ADJECTIVES = frozenset(["daily", "weekly", "fortnightly", "monthly", "quarterly", "yearly", "annual", "early"])
_DETERMINERS = frozenset(
    ["the", "a", "an", "my", "our", "their", "his", "her", "your", "all", "this", "these", "those"]
)
_RELATIVE = frozenset(["that", "which", "who", "whom", "if", "when", "whenever", "because", "so"])


def _object_phrase(what: str, lex: VerbLexicon, verb_at: VerbAt, after_preposition: bool = False) -> bool:
    """Whether a verb can be put in front of ``what``: a noun phrase, not a clause, adjective, name or address.
    After a preposition (``after_preposition``) a verb's bare form is a noun ("for test automation")."""
    words = what.split()
    if len(words) < 2 or has_finite_verb(what) or "://" in what or "www." in what.lower():
        return False
    plain = _words(what)
    first = plain[0]
    vocab = load_vocabulary()
    if (
        (_NOT_AN_OBJECT.match(first) and first not in _TIME_ADJECTIVES)
        or first in _ADVERBS
        or first in vocab.descriptors
        or (first in vocab.dangling and first not in _DETERMINERS)
        or (verb_at(plain[:2]) is not None and not (after_preposition and not first.endswith("ing")))
    ):
        return False  # "Actively listening", "Also applied", "Passionate about", "for the ...", "Extract information"
    if plain[1] in _DETERMINERS:
        return False  # "Use the online chat ...", "Tried my hands ...": the first word is a verb we do not know
    if any(w in _RELATIVE for w in plain):
        return False  # "Robot that autonomously navigates ...", "User notified if ..."
    for word in plain[1:]:
        form = lex.forms.get(word)
        if (form is not None and form.tense == "past" and word.endswith("ed")) or word in vocab.participles:
            return False  # "User notified ...", "SVM algorithm used for ...", "CISA qualified to conduct ..."
    capitalised = [w for w in words if w[:1].isalpha()]
    return not (len(capitalised) >= 2 and all(w[:1].isupper() for w in capitalised))


def _family_of(text: str, lex: VerbLexicon) -> VerbFamily | None:
    """The family whose cue heads the first noun phrase ("the release calendar" -> plan), else the first cue."""
    phrase_end = _PHRASE_END.search(text)
    cut = phrase_end.start() if phrase_end else len(text)
    hits = list(_cue_hits(text, lex))
    in_phrase = [family for start, family in hits if start < cut]
    if in_phrase:
        return lex.families[in_phrase[-1]]
    return lex.families[hits[0][1]] if hits else None


def _cue_hits(text: str, lex: VerbLexicon) -> Iterator[tuple[int, str]]:
    """(offset, family id) of each family cue in ``text``: one dictionary look-up per word, pair and triple."""
    tokens = [(m.start(), m.group()) for m in re.finditer(r"[a-z0-9][a-z0-9-]*", text.lower())]
    cues = lex.cue_families
    i = 0
    while i < len(tokens):
        start, word = tokens[i]
        step = 1
        family = None
        if word in lex.cue_heads:
            for size in (3, 2):
                if i + size <= len(tokens):
                    family = cues.get(" ".join(w for _, w in tokens[i : i + size]))
                    if family is not None:
                        step = size
                        break
        family = family or cues.get(word)
        if family is not None:
            yield start, family
        i += step


def _dimension(
    text: str, family: str | None, lex: VerbLexicon, default: Dimension = "schedule", lemma: str | None = None
) -> Dimension:
    """The dimension to ask about: the first a metric cue of ``text`` names, else the one the verb ``lemma`` or its
    ``family`` asks. A verb the family lists under ``verb_asks`` asks its own, unless ``text`` names a cue of a
    family asking the family's dimension ("Implemented rate limiting": scope; "Implemented the CRM upgrade": an
    upgrade is scheduled work)."""
    cues = cue_dimensions(text)
    if cues:
        return cues[0]
    if not family or family not in lex.families:
        return default
    own = lex.families[family]
    instead = own.verb_asks.get(lemma or "")
    if instead is None or any(lex.families[cued].asks == own.asks for _, cued in _cue_hits(text, lex)):
        return own.asks
    return instead


def _placeholders(text: str) -> tuple[str, ...]:
    """The placeholders of ``text`` with the word after each ("[N] vendors", "[N]%", "[£ amount]")."""
    out = []
    for m in re.finditer(r"\[[^\[\]]*\](?:%|\s(?!\[)[A-Za-z-]+)?", text):
        out.append(m.group())
    return tuple(dict.fromkeys(out))


_ON_TIME_BUDGET = re.compile(
    r"\b(?:on|within|under|below|ahead of)\s(?:the\s)?(?:stipulated\s|agreed\s|allocated\s|planned\s)?"
    r"(?:time|schedule|budget|cost|deadline)s?(?:\s(?:and|&)\s(?:on|within|under|below)?\s?(?:the\s)?"
    r"(?:stipulated\s|agreed\s)?(?:time|schedule|budget|cost|deadline)s?)?\b",
    re.IGNORECASE,
)


def _claimed_figures(claim: str, voice: Voice) -> str:
    """The figures that prove a claim of time or budget ("on time and on budget" -> "[N] weeks early and [N]% under
    a budget of [amount]")."""
    said = claim.lower()
    parts = []
    if re.search(r"time|schedule|deadline", said):
        parts.append("[N] weeks early")
    if re.search(r"budget|cost", said):
        parts.append(f"[N]% under a budget of {voice.amount}")
    return " and ".join(parts) or claim


def _number_hint(text: str, voice: Voice) -> str:
    m = _ON_TIME_BUDGET.search(text)
    if m:
        return f"You say '{m.group()}': give the figures ({_claimed_figures(m.group(), voice)}). "
    return ""


# --------------------------------------------------------------------------------------------- suggest


def suggest(
    request: Request,
    voice: Voice,
    lex: VerbLexicon,
    verb_at: VerbAt,
    *,
    vocab: Vocabulary | None = None,
    gallery: Gallery | None = None,
    tool_names: frozenset[str] | None = None,
) -> Advice:
    """The suggestion for one judged statement (empty for a strong one).

    ``verb_at(words)`` gives (base form, words spanned) of the action verb opening ``words`` (lower case), or None.
    ``tool_names`` are the lexicon's tool names (``tool_names``); None loads the bundled lexicon's when needed.
    """
    if request.verdict == "strong":
        return Advice("")
    vocab = vocab or load_vocabulary()
    gallery = gallery or load_gallery()
    text = request.text
    numbers = ", ".join(m.text for m in request.metrics)

    if request.recognition and vocab.recognition is not None:
        return _recognition_advice(request, vocab.recognition, numbers)
    credential = _credential(request, vocab.credentials, lex) if not numbers else None
    if credential is not None and vocab.credentials is not None:
        return _credential_advice(credential, vocab.credentials)

    # a project named before a colon ("Nostos: Bulk data service from Hadoop to Cassandra"): made, and named
    named = (
        _named_project(request.rest, lex, vocab, verb_at, _known_names(tool_names, vocab))
        if request.reason == "product" or (request.reason == "no-verb" and not request.names_role)
        else None
    )
    if request.verdict == "unquantified":
        head = f"{_number_hint(text, voice)}Add the result as a number."
        if named is not None:
            return _named_advice(head, named, text, request.family, voice, lex, vocab, gallery)
        verb = request.verb or ""
        # the statement's own punctuation after its verb stays: "Designed, implemented, and deployed ..."
        own = re.search(rf"(?<![\w-]){re.escape(verb)}(?![\w-])", text) if verb else None
        joiner = ", " if own is not None and text[own.end() :].lstrip().startswith(",") else " "
        rest = request.rest if verb else _without_label(request.rest)
        clause = whole_clause(f"{_capital(verb)}{joiner}{rest}".strip(), QUOTE_WORDS, 2)
        # something made, stated without a verb ("Asset management system for the council"): its reach, not its
        # schedule, when nothing else says what to measure
        default: Dimension = "scope" if request.reason == "product" else "schedule"
        return _compose(
            head, clause, text, request.family, voice, lex, vocab, gallery, opener=len(verb.split()), default=default
        )

    opener = (request.verb or "").lower().split()
    tools = (
        _tools_object(request.rest, vocab, tool_names)
        if vocab.tools is not None and opener[-1:] == ["with"] and opener[0] in vocab.tools.openers
        else None
    )
    if tools is not None and vocab.tools is not None:
        return _tools_advice(request, tools, vocab, voice, lex, verb_at)

    head_verb: str | None = None
    what = request.rest
    member = _member_of(opener, request.rest)
    as_role = request.reason == "role" or (request.reason == "no-verb" and request.names_role) or member is not None
    subject = describes(request.rest, lex, vocab) if request.reason == "no-verb" and not as_role else None
    if subject is not None:
        # "Acmetrics utilizes machine learning ...": what the product does; no verb can go in front of it
        head = f"It says what {subject} does, not what you did: start with your part in it and what it achieved."
        return _pattern_advice(head, text, voice, lex, vocab, gallery)
    if named is not None:
        name, description = named
        head = f"It says what {name} is, not what you did: start with your part in it and what it achieved."
        family = _family_of(description, lex)
        return _named_advice(head, named, text, family.id if family else None, voice, lex, vocab, gallery)
    last_word = opener[-1] if opener else ""
    after_preposition = last_word in ("for", "in", "with", "on", "of", "about")
    # after "My" or "Our" comes a noun ("My contracts with ... converted into ..."), never a verb to turn back
    possessive = last_word in ("my", "our")
    found = _verb_head(request.rest, lex, verb_at, after_preposition) if not as_role and not possessive else None
    if found is not None:
        head_verb, what = found
    elif request.reason == "passive" and request.rewrite_verb:
        head_verb = request.rewrite_verb
    elif request.reason == "no-verb" and not as_role and _is_name(request.rest):
        pass  # a name in title case ("Northern Region Threat Intelligence ... Team"): no verb fits it
    elif request.reason == "no-verb" and not as_role:
        unlabelled = _without_label(request.rest)
        nominal = _nominal_verb(request.rest, lex, verb_at) or (
            _nominal_verb(unlabelled, lex, verb_at) if unlabelled != request.rest else None
        )
        if nominal is not None:
            head_verb, what = respell(nominal[0], voice), nominal[1]  # our verb: the résumé's spelling
        elif _object_phrase(unlabelled, lex, verb_at):
            # "Tools: Jira and Confluence dashboards ...": a heading's word before a colon is no part of the object
            head_verb = respell(_rewrite_verb(unlabelled, lex, verb_at, _default_verb(request)), voice)
            what = _lower_unless_named(unlabelled, _known_names(tool_names, vocab))
    elif opener in (["helped"], ["help"], ["helping"], ["helps"]) and (helped := _helped_to(request.rest, lex, vocab)):
        head_verb, what = respell("Guided", voice), helped  # "Helped clients migrate ..." -> "Guided clients to ..."
        # measured as rewritten: in "the team adopt Scrum" the verb after "team" read as a noun it qualifies
        text = f"{head_verb} {what}"
    elif not as_role and not request.rewrite_verb and (nominal := _nominal_verb(request.rest, lex, verb_at)):
        head_verb, what = respell(nominal[0], voice), nominal[1]  # "Played a key role in the development of ..."
    elif not as_role and _object_phrase(request.rest, lex, verb_at, after_preposition):
        head_verb = request.rewrite_verb or respell(
            _rewrite_verb(request.rest, lex, verb_at, request.fallback_verb or "Delivered"), voice
        )
    head_form = lex.forms.get(head_verb.split()[0].lower()) if head_verb else None
    family_id = head_form.family if head_form is not None else None

    if request.reason == "first-person":
        head = f"Drop '{request.verb}' {request.advice}."
    elif request.reason == "passive":
        head = f"'{request.verb}' is passive and {request.advice}."
    elif request.reason == "no-verb":
        head = "It does not open with an action verb: start with what you did."
    elif request.reason == "role":
        head = f"'{request.verb}' {request.advice}: say what you achieved in it."
    else:
        head = f"'{request.verb}' {request.advice}: start with what you did."

    if as_role:
        role = member[1] if member else whole_clause(request.rest, 6, 1)
        if request.metrics and not any(m.text in (role or "") for m in request.metrics):
            # "Vendor liaison for the data centre exit, managing 3 suppliers": its figure is outside the role's
            # words, so an example of the role with placeholders would drop it ("Served as scrum master for two
            # teams" keeps its figure in the role and is given one)
            return Advice(
                f"{head} It already has a number ({numbers}): lead with what you achieved in the role, with that "
                "number."
            )
        role_family = _family_of(text, lex)
        dimension = _dimension(text, role_family.id if role_family else None, lex)
        questions, result, dimension = _questions_and_result(text, dimension, vocab, voice)
        # a member of a group did not run it: what they delivered in it is asked for
        verb = respell((role_family.rewrite if role_family and not member else "Delivered").lower(), voice)
        if role is not None and not has_finite_verb(role):
            as_role_text = f"As {member[0] + ' ' if member else ''}{_lower_first(role)}"
            if role_family is not None and role_family.id in _CHANGING and not member:
                # a verb of change takes its result at once: "reduced [what] by [N]%", not "reduced [what],
                # improving [what] by [N]%"
                return _advice(head, questions, f"{as_role_text}, {verb} [what] by [N]%", "statement")
            example = f"{as_role_text}, {verb} [what], {result}"
            return _advice(head, questions, example, "statement")
        return _gallery_advice(head, questions, gallery.pick(role_family.id if role_family else None, dimension), voice)

    if head_verb is None or (what and has_finite_verb(what)) or "://" in what or "www." in what.lower():
        if request.metrics:
            return Advice(
                f"{head} It already has a number ({numbers}): lead with the action so it reads as your result."
            )
        return _pattern_advice(head, text, voice, lex, vocab, gallery)

    if request.metrics:
        clause = whole_clause(f"{head_verb} {what}".strip(), QUOTE_WORDS_WITH_NUMBER, 2)
        lead = f"{head} It already has a number ({numbers}): lead with the action so it reads as your result,"
        if clause is not None and clause.split() != [head_verb]:
            return _advice(lead, (), clause, "statement", "e.g.")
        return Advice(f"{lead}.", source="")
    clause = whole_clause(f"{head_verb} {what}".strip(), QUOTE_WORDS, 2)
    head = f"{head} {_number_hint(text, voice)}".strip()
    return _compose(head, clause, text, family_id, voice, lex, vocab, gallery, opener=len(head_verb.split()))


def _pattern_advice(
    head: str, text: str, voice: Voice, lex: VerbLexicon, vocab: Vocabulary, gallery: Gallery
) -> Advice:
    """``head``, the questions ``text`` raises, and the gallery's pattern for its verb family and dimension: for a
    statement none of whose own words can be the example."""
    family = _family_of(text, lex)
    family_id = family.id if family else None
    questions, _, dimension = _questions_and_result(text, _dimension(text, family_id, lex), vocab, voice)
    return _gallery_advice(head, questions, gallery.pick(family_id, dimension), voice)


#: a name of a tool or technology: a capital or a digit first ("Python", "AWS", "C#", ".NET", "Node.js"); every
#: quantifier is possessive, so a line of slashes ("CI/CI/CI/...") is read once, not in every way it splits
_TOOL_NAME = r"\.?[A-Z0-9][\w.+#/-]*+"
_TOOL_SEPARATOR = r"\s*+(?:,\s*+and\b|,|/|&|\band\b)\s*+"
#: a list of them ("C# and XML", "AWS Lambda and Python", "Python, Django & PostgreSQL") opening a phrase, up to
#: where the phrase goes on ("to build ...", ", for ...") or ends
_TOOLS = re.compile(
    rf"{_TOOL_NAME}(?:\s++{_TOOL_NAME})*+(?:{_TOOL_SEPARATOR}{_TOOL_NAME}(?:\s++{_TOOL_NAME})*+)*+"
    r"(?=\s*$|\s*[,.;:(]|\s+(?:to|for|in|on|at|across|as|during|while)\b)"
)
_TOOL_ITEMS = re.compile(_TOOL_SEPARATOR)
#: "to <verb> ..." after the tools: what was done with them
_TO_VERB = re.compile(r"\s*,?\s*to\s+(.+)$", re.IGNORECASE)


def _tools_object(rest: str, vocab: Vocabulary, known_names: frozenset[str] | None) -> tuple[str, str] | None:
    """(the tools, what follows them) when ``rest`` opens with a list of names at least half of which the bundled
    lexicon knows as a tool or technology (``tools.categories``: "C#", "XML", "AWS Lambda", "SQL Server"), or that
    only a language can be ("F#", "C++"); None otherwise. A name of a person, a team or an organisation ("Sarah
    Chen", "DevOps and SecOps", "HMRC and DWP", "CIO and CFO") is not in the lexicon, so such a list is not taken
    for tools."""
    match = _TOOLS.match(rest.strip())
    if match is None or vocab.tools is None:
        return None
    names = known_names if known_names is not None else _bundled_tool_names(vocab.tools.categories)
    items = [item.strip().lower() for item in _TOOL_ITEMS.split(match.group())]
    known = [item in names or "#" in item or "+" in item for item in items]
    # at least half of the names are the lexicon's tools ("Python and Django", "C++ and Qt"), and none is a group
    if not items or not all(items) or 2 * sum(known) < len(items) or any(i in vocab.tools.not_tools for i in items):
        return None
    return match.group(), rest.strip()[match.end() :]


def tool_names(lexicon: Lexicon, categories: frozenset[str] | None = None) -> frozenset[str]:
    """Labels, aliases and acronyms (lower case) of ``lexicon``'s terms in ``categories`` (by default the
    ``tools.categories`` of ``advice.yaml``): what ``suggest`` reads "Worked with C# and XML" against. The analysis
    engine computes them once from the lexicon it has loaded (from the disk cache, usually)."""
    if categories is None:
        tools = load_vocabulary().tools
        categories = tools.categories if tools is not None else frozenset()
    names: set[str] = set()
    for term in lexicon.terms:
        if term.category in categories:
            names.update(n.lower() for n in (term.label, *term.aliases, *(a.text for a in term.acronyms)))
    return frozenset(names)


def _known_names(given: frozenset[str] | None, vocab: Vocabulary) -> frozenset[str]:
    """The tool names a suggestion may meet: the engine's, else the bundled lexicon's."""
    if given is not None:
        return given
    return _bundled_tool_names(vocab.tools.categories) if vocab.tools is not None else frozenset()


@lru_cache(maxsize=4)
def _bundled_tool_names(categories: frozenset[str]) -> frozenset[str]:
    """``tool_names`` of the bundled lexicon, for a caller that gave none: loading it parses every pack (a tenth of
    a second), so the engine passes its own."""
    from .lexicon import load_lexicon

    return tool_names(load_lexicon(()), categories)


def _tools_advice(
    request: Request, tools: tuple[str, str], vocab: Vocabulary, voice: Voice, lex: VerbLexicon, verb_at: VerbAt
) -> Advice:
    """ "Worked with C# and XML": what was built or run with them, in their words where they say it ("... to build
    a serverless API" -> "Built a serverless API using AWS Lambda and DynamoDB"), else a placeholder."""
    assert vocab.tools is not None
    names, after = tools
    head = f"'{request.verb}' {vocab.tools.advice}."
    # a statement with its own figures is asked for none
    scope = () if request.metrics else (respell(vocab.questions["scope"], voice),)
    result = "" if request.metrics else f", {respell(vocab.results['scope'], voice)}"
    to_verb = _TO_VERB.match(after)
    found = _verb_head(to_verb.group(1), lex, verb_at) if to_verb is not None else None
    if found is not None and found[1]:
        limit = QUOTE_WORDS_WITH_NUMBER if request.metrics else QUOTE_WORDS
        clause = whole_clause(f"{found[0]} {found[1]}", limit, 2)
        if clause is not None:
            # the tools go with the work, before what the clause adds after a comma ("..., used by 10,000 customers")
            work, *added = re.split(r"(?=,\s)", clause, maxsplit=1)  # a comma before a space: not "10,000"
            if len(clause.split()) + len(names.split()) <= limit:
                clause = f"{work} using {names}{''.join(added)}"
            return _advice(head, scope, f"{clause}{result}", "statement")
    example = f"{_default_verb(request)} [what] with {names}{result}"
    return _advice(head, (vocab.tools.question, *scope), example, "statement")


def _recognition_advice(request: Request, recognition: Recognition, numbers: str) -> Advice:
    """An honour: asked how selective it was (the person's own words, then the placeholder result), unless it
    already says so; and what earned it. Its words are never rewritten around a verb: "the only analyst to be
    awarded the medal" is no passive to turn round."""
    if numbers or recognition.selective.search(request.text):
        head = recognition.known.replace("{numbers}", f" ({numbers})" if numbers else "")
        return Advice(f"{head} {recognition.earned}", (recognition.earned,), source="")
    clause = whole_clause(_without_label(request.text), QUOTE_WORDS, 2)
    questions = (recognition.question, recognition.earned)
    if clause is None:
        return Advice(" ".join([recognition.head, *questions]), questions, source="")
    return _advice(recognition.head, questions, f"{clause}, {recognition.result}", "statement")


def _credential(request: Request, credentials: Credentials | None, lex: VerbLexicon) -> str | None:
    """The name of the credential a statement says was earned ("Achieved PRINCE2 Practitioner certification" ->
    "PRINCE2 Practitioner"; "" when it names none: "Passed the exam"), or None when it says no such thing."""
    verb = lex.lookup(_words(request.verb or ""))
    if credentials is None or verb is None or verb[0].lemma not in credentials.verbs:
        return None
    words = _raw_words(request.rest)
    for at, word in enumerate(words):
        if word.lower() in credentials.nouns:
            named = words[:at]
            while named and named[0].lower() in _DETERMINERS:
                named = named[1:]
            name = " ".join(named)
            # a clause is no credential's name ("Achieved am an experienced engineer PRINCE2 certification")
            return None if has_finite_verb(name) or len(named) > QUOTE_WORDS else name
    return None


def _credential_advice(name: str, credentials: Credentials) -> Advice:
    """A credential earned: list it with its year in its section, and say in a bullet what it let you do."""
    if not name:
        return Advice(f"{credentials.head} {credentials.question}", (credentials.question,), source="")
    example = f"{credentials.section}: {name} {credentials.result}"
    return _advice(credentials.head, (credentials.question,), example, "statement")


def _member_of(opener: Sequence[str], rest: str) -> tuple[str, str] | None:
    """("a member of" or "part of", the group) when the weak ``opener`` (lower-case words) makes the person one of
    the group ``rest`` opens with ("Member of the steering committee", "Was part of the ...", "Worked on the Payments
    team, in Go"), so the rewrite says what they did in it instead of making them run it; None otherwise."""
    if opener[-2:] == ["member", "of"]:
        prefix = "a member of"
    elif opener[-2:] == ["part", "of"] or (opener[:1] in (["worked"], ["working"]) and opener[-1:] in (["on"], ["in"])):
        prefix = "part of"
    else:
        return None
    end = _GROUP_END.search(rest)
    group = (rest[: end.start()] if end else rest).strip().rstrip(".")
    words = _words(group)
    return (prefix, group) if words and words[-1] in _GROUPS and len(words) <= QUOTE_WORDS else None


_GROUPS = frozenset(
    [
        "team",
        "teams",
        "squad",
        "crew",
        "committee",
        "board",
        "group",
        "taskforce",
        "council",
        "panel",
        "department",
        "pmo",
        "guild",
        "chapter",
        "tribe",
        "unit",
        "office",
        "society",
        "club",
        "cohort",
        "community",
        "forum",
    ]
)
_GROUP_END = re.compile(r"[,;:(]|\s(?:of|for|to|in|with|across|using|by|from|on|at|into|that|which|who)\s", re.I)


def _rewrite_verb(phrase: str, lex: VerbLexicon, verb_at: VerbAt, fallback: str) -> str:
    """The verb put in front of the object ``phrase``. When its first noun phrase names an activity (a verb made a
    noun: "vendor management", "sprint planning", "the migration"), "Delivered" for work that is delivered or
    built, else "Led": the family its other words point to would miss it or repeat it ("Negotiated vendor
    management", "Planned sprint planning"). "Led" too for a verb of that family used as a noun ("IT support" is no
    "Resolved IT support") and when the family's verb would repeat a word of the phrase. Else the rewrite verb of the
    family its words point to, else ``fallback``."""
    end = _PHRASE_END.search(phrase)
    words = _words(phrase[: end.start()] if end else phrase)
    activity = _activity_verb(words[-1], lex, verb_at) if words else None
    if activity is not None:
        # work that is delivered ("the data centre migration", "backend development") or else led
        return "Delivered" if lex.forms[activity].family in _DELIVERED_WORK else "Led"
    family = _family_of(phrase, lex)
    head = lex.forms.get(words[-1]) if words else None
    if family is not None and head is not None and head.form == head.base and head.family == family.id:
        return "Led"  # a verb of the family used as a noun: "IT support" is no "Resolved IT support"
    verb = family.rewrite if family else fallback
    if family is not None and family.id in _CHANGING and "new" in words[:3]:
        verb = fallback  # a new thing was made, not changed: "a new service catalogue" is no "Improved a new ..."
    rewritten = lex.forms.get(verb.lower())
    if rewritten is not None and any(
        (form := lex.forms.get(word)) is not None and form.lemma == rewritten.lemma for word in words
    ):
        return "Led"  # the verb would repeat a word of the phrase: "plan reviews" is no "Planned plan reviews"
    return verb


def _activity_verb(noun: str, lex: VerbLexicon, verb_at: VerbAt) -> str | None:
    """The verb of the lexicon that ``noun`` makes a noun of: its -ing form ("planning", "testing") or a
    nominalisation ("management", "integration", "delivery", "governance"); None for other nouns, and for a verb's
    bare form used as a noun ("support", "budget", "design"), as "Managed the budget" reads right."""
    if noun.endswith("ing"):
        form = lex.forms.get(noun)
        return form.base if form is not None and form.tense == "gerund" and form.base in lex.forms else None
    irregular = _irregular_nominal(noun, lex)
    if irregular is not None:
        return irregular
    return next(
        (stem for stem, base in _nominal_stems(noun, "the", verb_at) if base == stem and stem in lex.forms), None
    )


#: verb families whose rewrite verb changes something that exists ("Improved", "Resolved", "Cut", "Reduced")
_CHANGING = frozenset(("improve", "support", "save", "protect"))
#: verb families whose work, made a noun, is delivered rather than led ("Delivered the migration")
_DELIVERED_WORK = frozenset(("deliver", "build"))


#: where the first noun phrase of an object ends (a break, a preposition or a conjunction)
_PHRASE_END = re.compile(r"[,;:(]|\s(?:of|for|to|in|with|across|using|by|from|on|at|into|and|or|&)\s", re.I)


def _default_verb(request: Request) -> str:
    """The verb put in front of a phrase that names no kind of work: in a projects section things are built."""
    return "Built" if request.section == "projects" else "Delivered"


def _compose(
    head: str,
    clause: str | None,
    text: str,
    family: str | None,
    voice: Voice,
    lex: VerbLexicon,
    vocab: Vocabulary,
    gallery: Gallery,
    *,
    opener: int,
    default: Dimension = "schedule",
    floor: int = 0,
) -> Advice:
    """The suggestion with ``clause`` (the person's words, opening with a verb of ``opener`` words, 0 for none) as
    its example: counts put in place where it names things in the plural, else the measure's result after it. After
    a verb of change ("Reduced outages") the count of the things is not the result: the result follows. No count
    goes before character ``floor`` of the clause (a project's name). A claim of time or budget ("on time and on
    budget") is replaced in the example by the figures that would prove it."""
    claimed = _ON_TIME_BUDGET.search(clause) if clause is not None else None
    figures = _claimed_figures(claimed.group(), voice) if claimed is not None else ""
    if claimed is not None and clause is not None:
        clause = f"{clause[: claimed.start()]}{figures}{clause[claimed.end() :]}"
    verb = lex.lookup(_words(clause)[:opener]) if clause is not None and opener else None
    dimension = _dimension(text, family, lex, default, verb[0].lemma if verb is not None else None)
    in_clause = _found_measures(clause, vocab, opener=opener) if clause is not None else []
    changes = (
        clause is not None
        and verb is not None
        and verb[0].lemma in vocab.change_verbs
        and _object_is_measured(clause, in_clause, vocab, opener)
    )
    beaten = _beaten_target(clause, verb[0].lemma, opener, vocab) if clause is not None and verb is not None else None
    if beaten is not None:
        return _advice(head, beaten[1], beaten[0], "statement")
    process = _improved_process(clause, verb[0].family, opener, vocab) if clause is not None and verb else None
    if process is not None and vocab.processes is not None:
        # what making a way of working better changes is the time it takes: asked first, and the example's end
        # (with the questions its other nouns raise: "How many new starters?")
        others = [f for f in _found_measures(text, vocab, place=False) if f.written not in vocab.processes.nouns]
        asked = vocab.processes.question.replace("{phrase}", process)
        questions = tuple(
            dict.fromkeys(respell(q, voice) for q in (asked, *map(partial(_question, vocab=vocab), others)))
        )
        questions = questions[:MAX_QUESTIONS]
        return _advice(head, questions, f"{clause}, {respell(vocab.processes.result, voice)}", "statement")
    in_place = _count_in_place(clause, in_clause, vocab, floor, opener) if clause is not None and not changes else None
    counted = in_place[1] if in_place is not None else ()
    questions, result, dimension = _questions_and_result(text, dimension, vocab, voice, counted, clause)
    if clause is None:
        return _gallery_advice(head, questions, gallery.pick(family, dimension), voice)
    if in_place is not None:
        advice = _advice(head, questions, in_place[0], "statement")
        return dataclasses.replace(advice, placeholders=tuple(dict.fromkeys([*in_place[2], *_placeholders(figures)])))
    if claimed is not None:
        return _advice(head, questions, clause, "statement")  # "Delivered the upgrade [N] weeks early and ..."
    if changes:
        # what changed, from what to what: "Reduced support tickets ..., from [N] to [N]"; a rate by how much, in
        # the person's own words: "Cut outages on the payments platform by [N]%", not "..., cutting outages by [N]%"
        # by how much goes before the means of the change ("Reduced P1 incidents by [N]% through better problem
        # management", "Reduced costs from [amount] to [amount] through vendor consolidation")
        objects = [f for f in in_clause if not f.modifier]
        means = _MEANS.search(clause, objects[0].start) if objects else None
        measured = [f.measure for f in objects]
        if measured and measured[0].kind in ("count", "size", "amount"):
            result = respell(_CHANGE_AMOUNT if measured[0].kind == "amount" else _CHANGE_COUNT, voice)
            if means is not None:
                return _advice(head, questions, _before(clause, means.start(), result), "statement")
        elif (
            measured
            and measured[0].changed
            and (_one_phrase(clause, opener, lex) or _repeats_verb(result, verb[0].lemma if verb else ""))
        ):
            # with no means named, at the end: "Cut outages on the payments platform by [N]%"
            changed = respell(measured[0].changed, voice)
            at = means.start() if means is not None else len(clause)
            return _advice(head, questions, _before(clause, at, changed), "statement")
    instead = vocab.same_verb_results.get(result.split(maxsplit=1)[0].lower() if result.split() else "")
    if verb is not None and instead is not None and _repeats_verb(result, verb[0].lemma):
        result = respell(instead, voice)  # "Improved reporting for the board, lifting [what] by [N]%"
    last = _raw_words(clause)[-1:]
    # a capital names a product ("Microsoft Teams"), not a team to size
    hit = vocab.forms.get(last[0]) if last and last[0][:1].islower() else None
    ending = vocab.measures[hit[0]] if hit is not None else None
    if ending is not None and ending.ends and result == respell(ending.result, voice):
        return _advice(head, questions, f"{clause} {respell(ending.ends, voice)}", "statement")  # "Led a team of"
    return _advice(head, questions, f"{clause}, {result}", "statement")


def _before(clause: str, at: int, words: str) -> str:
    """``clause`` with ``words`` put in before character ``at`` (a space before them; ``at`` is a space or the end)."""
    return f"{clause[:at]} {words}{clause[at:]}"


def _improved_process(clause: str, family: str, opener: int, vocab: Vocabulary) -> str | None:
    """The words of the way of working the clause's opening verb (of ``opener`` words, of verb family ``family``)
    makes better, as written and without its determiner ("onboarding process" in "Streamlined the onboarding
    process for new starters"), when the phrase right after the verb ends in a noun of ``processes`` in
    ``advice.yaml``; None otherwise."""
    processes = vocab.processes
    if processes is None or family not in processes.families:
        return None
    tokens = _tokens(clause)
    # "Reduced the number of approval processes" changes a count, not a way of working: no quantity head skipped
    start, end = _object_span(tokens, opener, vocab, quantity=False)
    if end == start or end - start > MAX_PROCESS_WORDS or tokens[end - 1].word not in processes.nouns:
        return None
    return clause[tokens[start].start : tokens[end - 1].end]


#: words of a phrase naming a way of working ("the new starter onboarding process"); a longer one is not looked for
MAX_PROCESS_WORDS = 5
#: the words that bring in how a change was made ("through better problem management", "by automating triage")
_MEANS = re.compile(r"\s(?:through|via|using|thanks\s+to|by(?=\s+\w+ing\b)|by\s+means\s+of)\s", re.IGNORECASE)


def _beaten_target(clause: str, lemma: str, opener: int, vocab: Vocabulary) -> tuple[str, tuple[str]] | None:
    """When ``clause`` opens with a verb of beating (``lemma``, of ``opener`` words) and names a target after it:
    the clause with the targets' result right after that noun ("Exceeded sales targets by [N]% every quarter") and
    the question to ask; None otherwise."""
    targets = vocab.targets
    if targets is None or lemma not in targets.verbs:
        return None
    for index, m in enumerate(_WORD_SPAN.finditer(clause)):
        if index >= opener and m.group().lower() in targets.nouns:
            return f"{clause[: m.end()]} {targets.result}{clause[m.end() :]}", (targets.question,)
    return None


_WORD_SPAN = re.compile(r"[\w'’-]+")


def _one_phrase(clause: str, opener: int, lex: VerbLexicon) -> bool:
    """Whether ``clause`` after its opening verb is one phrase, with no comma and no second verb ("and improved
    code quality"), so a change can be put at its end ("Cut outages on the payments platform by [N]%")."""
    words = _words(clause)[opener:]
    if "," in clause.split(maxsplit=opener)[-1]:
        return False
    return not any(a == "and" and lex.lookup([b]) is not None for a, b in itertools.pairwise(words))


def _repeats_verb(result: str, lemma: str) -> bool:
    """Whether ``result`` opens with the -ing form of the verb ``lemma`` ("improving" for "improve", "cutting" for
    "cut", "saving" for "save")."""
    first = result.split(maxsplit=1)[0].lower() if result.split() else ""
    if not first.endswith("ing") or " " in lemma:
        return False
    stem = first[:-3]
    return lemma in (stem, stem + "e") or (len(stem) > 2 and stem[-1] == stem[-2] and lemma == stem[:-1])


def _object_is_measured(clause: str, found: Sequence[_Found], vocab: Vocabulary, opener: int) -> bool:
    """Whether the phrase right after the opening verb (up to a function word or a break) names a measure other than
    a time (``found``: the clause's measures): "Reduced support tickets by ...", "Lowered costs by ...", "Reduced
    outages" (not "Improved reporting by creating dashboards", nor "Reduced provisioning timelines ... through
    automated workflows")."""
    tokens = _tokens(clause)
    start, end = _object_span(tokens, opener, vocab)
    if end == start:
        return False
    limit = tokens[end - 1].end
    return any(not f.modifier and f.start < limit and f.measure.kind != "time" for f in found)


def _object_span(tokens: Sequence[_Token], opener: int, vocab: Vocabulary, *, quantity: bool = True) -> tuple[int, int]:
    """(first, end) token indexes of the phrase right after the opening verb's ``opener`` words, up to a function
    word or a break, its determiners left out, and with ``quantity`` a quantity head too ("the number of support
    tickets" is "support tickets"); first == end when there is none."""
    start = opener
    while start < len(tokens) - 1 and not tokens[start].boundary:
        if tokens[start].word in _DETERMINERS:
            start += 1  # "Reduced the risk of outages": the phrase is "risk"
        elif quantity and tokens[start].word in _QUANTITY_HEADS and tokens[start + 1].word == "of":
            start += 2  # "Reduced the number of support tickets": the phrase is "support tickets"
        else:
            break
    end = start
    while end < len(tokens) and tokens[end].word not in vocab.dangling:
        end += 1
        if tokens[end - 1].boundary:
            break
    return start, end


#: nouns that say how much of what follows "of" there is ("the number of tickets")
_QUANTITY_HEADS = frozenset(("number", "amount", "volume", "count", "level", "levels", "quantity", "total"))

#: the result after a verb of change whose object is counted or priced
_CHANGE_COUNT = "from [N] to [N]"
_CHANGE_AMOUNT = "from [amount] to [amount]"


def _advice(head: str, questions: Sequence[str], example: str, source: str, label: str = "E.g.") -> Advice:
    """The suggestion: ``head``, the questions that fit in MAX_CHARS (at least one), then the labelled example."""
    shown = example.replace("“", '"').replace("”", '"')
    asked = list(questions)
    while True:
        text = " ".join(f"{head} {' '.join(asked)} {label} “{shown}”.".split())
        if len(text) <= MAX_CHARS or not asked or (len(asked) == 1 and len(text) <= MAX_CHARS_WITH_QUESTION):
            break
        asked.pop()
    return Advice(text, tuple(asked), _placeholders(shown), shown, source)


def _gallery_advice(head: str, questions: Sequence[str], example: GalleryExample, voice: Voice) -> Advice:
    label = "Pattern: <what you did>, <result>. Example (not yours):"
    return _advice(head, questions[:1], respell(example.example, voice), f"gallery:{example.id}", label)
