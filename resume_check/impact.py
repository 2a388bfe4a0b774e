"""Impact statements: judge each experience, project and summary statement (action verb + measured result).

``analyse_impact(resume)`` turns the bullets (and the sentences of paragraphs) of the experience, projects and
summary sections into ``Statement`` records with a verdict, the metrics found (``metrics.find_metrics``) and a
concrete suggestion, plus an ``ImpactSummary`` and ``impact.*`` findings.

Verdicts:
- ``strong``: opens with an action verb (``lexicons/verbs.yaml``), possibly after a short lead-in ("As PMO lead,",
  "Successfully"), and carries at least one metric;
- ``unquantified``: opens with an action verb, no metric;
- ``weak``: opens with a duty or hedge (``lexicons/weak_openers.yaml``: "Responsible for", "Helped with" ...), a
  first-person pronoun, an agentless passive ("The migration was delivered ..."), or no verb at all. A weak opener
  stays weak when a number follows; the suggestion says so and shows the rewrite.

Skipped as non-statements: headings, lines ending in ":" ("Notable accomplishments:"), job title/company/date
lines (short, title-case or carrying a date range, no verb), and, in the summary, sentences that describe the
person rather than an action ("Seasoned project manager with ..."). In paragraphs, a later sentence that opens with
"The/This/It ..." and has no verb of the candidate's is context for the previous one, not a statement.

Everything is deterministic; regular expressions are compiled at import and the lexicons are loaded once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Literal, cast

from .advice import Advice, Request, Voice, detect_voice, suggest
from .datafile import read_bundled_yaml
from .dates import MONTHS, find_dates
from .errors import LexiconError
from .language import ENGLISH
from .metrics import find_metrics
from .models import (
    DIMENSIONS,
    Block,
    Dimension,
    Finding,
    Impact,
    ImpactSummary,
    Metric,
    Resume,
    Statement,
    Verdict,
)
from .structure import load_headings

__all__ = [
    "VerbFamily",
    "VerbForm",
    "VerbLexicon",
    "WeakLexicon",
    "WeakOpener",
    "analyse_impact",
    "find_metrics",
    "load_verbs",
    "load_weak_openers",
    "opens_with_action_verb",
]

VERBS_FILE = "verbs.yaml"
STATEMENTS_FILE = "statements.yaml"
WEAK_FILE = "weak_openers.yaml"
#: sections whose bullets and sentences are judged
#: (a summary describes the person, not what they did: its sentences are context, never statements)
STATEMENT_SECTIONS = ("experience", "projects")
#: a paragraph with at least this many "|" is a pipe list: each item is judged on its own (skills items are not
#: statements, verb-led clauses are)
PIPE_LIST_MIN = 2
#: a bullet longer than this is hard to skim
LONG_BULLET_WORDS = 40
#: a verb opening more than this many statements is over-used ...
OVERUSED_MAX = 3
#: ... or more than this share of them, once there are at least OVERUSED_MIN_STATEMENTS statements
OVERUSED_SHARE = 0.25
OVERUSED_MIN_STATEMENTS = 8
#: a lead-in before the verb may be this many words long ("As PMO lead for the retail division, delivered ...")
MAX_LEAD_IN_WORDS = 8
#: the words at the start of a statement that opener detection looks at (header prefix, lead-in, verb)
OPENING_WORDS = 24
#: a paragraph this short ending in a year range ("Delivery Lead, Acme (2019 – 2021)") is a role header
MAX_HEADER_WORDS = 16
#: labels before a colon or dash may run this many words into the statement
MAX_LABEL_WORDS = 8
#: the excerpt of a statement quoted in messages
EXCERPT_CHARS = 70

Tense = Literal["past", "present", "gerund", "either"]

# --------------------------------------------------------------------------------------------- lexicons


@dataclass(frozen=True, slots=True)
class VerbFamily:
    id: str
    label: str
    asks: Dimension  # the dimension a number for this kind of action usually measures
    rewrite: str  # the verb proposed in rewrites ("Led")
    cues: tuple[str, ...]  # words pointing to this family
    verbs: tuple[str, ...]  # base forms (American spelling first, as listed)


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One inflected form of an action verb ("analysed" -> lemma "analyze", base "analyse", tense "past")."""

    form: str
    lemma: str  # the canonical (listed) base form
    base: str  # the base form in the spelling of this form (analyse for analysed)
    family: str
    tense: Tense
    source: str  # "onet" or "ours"


@dataclass(frozen=True, slots=True)
class VerbLexicon:
    forms: Mapping[str, VerbForm]  # lower-case form ("rolled out") -> VerbForm
    families: Mapping[str, VerbFamily]
    past_forms: Mapping[str, str]  # base (either spelling) -> past form ("lead" -> "led", "analyse" -> "analysed")
    participles: frozenset[str]
    noun_ambiguous: frozenset[str]
    max_words: int = 2
    sources: tuple[str, ...] = ()
    cue_families: Mapping[str, str] = field(default_factory=dict)  # cue -> family id (the first family listing it)
    cue_heads: frozenset[str] = frozenset()  # first words of multi-word cues

    def lookup(self, words: Sequence[str]) -> tuple[VerbForm, int] | None:
        """The verb form opening ``words`` (lower-case, punctuation stripped) and how many words it spans."""
        for size in range(min(self.max_words, len(words)), 0, -1):
            form = self.forms.get(" ".join(words[:size]))
            if form is not None:
                return form, size
        return None

    def past(self, lemma: str) -> str:
        return self.past_forms.get(lemma, lemma)


@dataclass(frozen=True, slots=True)
class WeakOpener:
    id: str
    kind: str  # duty, hedge, role, first-person
    patterns: tuple[str, ...]  # regular expressions (case-insensitive), compiled together in WeakLexicon.any_opener
    label: str
    advice: str
    family: str  # a verb family id, or "from-text"
    rewrite: str = ""  # the verb phrase proposed instead ("Partnered with"); empty: from the text or the family


@dataclass(frozen=True, slots=True)
class WeakLexicon:
    openers: tuple[WeakOpener, ...]
    auxiliaries: tuple[str, ...]
    passive_advice: str
    passive: re.Pattern[str] = field(default=re.compile(r"(?!)"))
    #: every opener pattern in one alternation, in file order; the group name ``o<N>`` is the index of the opener
    any_opener: re.Pattern[str] = field(default=re.compile(r"(?!)"))


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


_VOWELS = "aeiou"


def _vowel_groups(word: str) -> int:
    return len(re.findall(r"[aeiouy]+", word.lstrip("y")))


def _regular_forms(base: str, doubles: frozenset[str]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(present forms, past forms, gerund forms) of a regular verb, by the spelling rules of English."""
    last = base.rsplit("-", 1)[-1]
    if base.endswith("s") or base.endswith("x") or base.endswith("z") or base.endswith(("ch", "sh")):
        third = base + "es"
    elif base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    cvc = len(last) >= 3 and last[-1] not in _VOWELS + "wxy" and last[-2] in _VOWELS and last[-3] not in _VOWELS
    stems: tuple[str, ...]
    if base in doubles or (cvc and _vowel_groups(last) == 1):
        stems = (base + base[-1],)
    elif base.endswith("l") and len(last) >= 3 and last[-2] in _VOWELS and last[-3] not in _VOWELS:
        stems = (base, base + "l")  # American "modeled", British "modelled"
    else:
        stems = (base,)
    if base.endswith("ee"):
        past: tuple[str, ...] = (base + "d",)
        gerund: tuple[str, ...] = (base + "ing",)
    elif base.endswith("ie"):
        past, gerund = (base + "d",), (base[:-2] + "ying",)
    elif base.endswith("e"):
        past, gerund = (base + "d",), (base[:-1] + "ing",)
    elif base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        past, gerund = (base[:-1] + "ied",), (base + "ing",)
    else:
        past = tuple(stem + "ed" for stem in stems)
        gerund = tuple(stem + "ing" for stem in stems)
    return (base, third), past, gerund


def _inflect(verb: str, irregular: Mapping[str, tuple[str, str]], doubles: frozenset[str]) -> dict[str, set[Tense]]:
    """Every form of ``verb`` (a base, possibly phrasal: "roll out") with the tenses it can express."""
    head, _, particle = verb.partition(" ")
    suffix = f" {particle}" if particle else ""
    present, past, gerund = _regular_forms(head, doubles)
    if head in irregular:
        past = tuple(dict.fromkeys(irregular[head]))
    forms: dict[str, set[Tense]] = {}
    for tense, group in (("present", present), ("past", past), ("gerund", gerund)):
        for form in group:
            forms.setdefault(form + suffix, set()).add(cast(Tense, tense))
    return forms


@lru_cache(maxsize=1)
def load_verbs() -> VerbLexicon:
    """The bundled action-verb lexicon (``lexicons/verbs.yaml``), inflected in British and American spelling."""
    data = read_bundled_yaml(VERBS_FILE)
    families_raw = data.get("families")
    if not isinstance(families_raw, dict) or not families_raw:
        raise LexiconError(f"{VERBS_FILE}: needs a `families` mapping of family id -> verbs; reinstall resume-check")
    spelling = data.get("spelling") or {}
    irregular_raw = data.get("irregular") or {}
    if not isinstance(spelling, dict) or not isinstance(irregular_raw, dict):
        raise LexiconError(f"{VERBS_FILE}: `spelling` and `irregular` must be mappings")
    irregular: dict[str, tuple[str, str]] = {}
    for base, pair in irregular_raw.items():
        if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(f, str) for f in pair):
            raise LexiconError(f"{VERBS_FILE}, irregular `{base}`: give [past, past participle], e.g. lead: [led, led]")
        irregular[str(base)] = (pair[0], pair[1])
    doubles = frozenset(_str_list(data.get("double_final"), f"{VERBS_FILE}, double_final"))
    noun_ambiguous = frozenset(_str_list(data.get("noun_ambiguous"), f"{VERBS_FILE}, noun_ambiguous"))

    families: dict[str, VerbFamily] = {}
    first_seen: dict[str, tuple[str, str, str, str]] = {}  # form -> (lemma, base, family, source) of its first listing
    tenses: dict[str, set[Tense]] = {}
    past_forms: dict[str, str] = {}
    participles: set[str] = set()
    seen: dict[str, str] = {}
    for family_id, raw in families_raw.items():
        where = f"{VERBS_FILE}, family `{family_id}`"
        if not isinstance(raw, dict):
            raise LexiconError(f"{where}: must be a mapping with label, asks, rewrite, cues, onet and ours")
        asks = raw.get("asks")
        if asks not in DIMENSIONS:
            raise LexiconError(f"{where}: `asks` must be one of {', '.join(DIMENSIONS)}, got {asks!r}")
        verbs: list[tuple[str, str]] = []
        for source in ("onet", "ours"):
            for verb in _str_list(raw.get(source), f"{where}, {source}"):
                verb = verb.lower()
                if verb in seen:
                    raise LexiconError(f"{where}: `{verb}` is already listed in family `{seen[verb]}`; keep one")
                seen[verb] = str(family_id)
                verbs.append((verb, source))
        if not verbs:
            raise LexiconError(f"{where}: lists no verbs")
        families[str(family_id)] = VerbFamily(
            id=str(family_id),
            label=str(raw.get("label") or family_id),
            asks=cast(Dimension, asks),
            rewrite=str(raw.get("rewrite") or verbs[0][0].capitalize()),
            cues=tuple(c.lower() for c in _str_list(raw.get("cues"), f"{where}, cues")),
            verbs=tuple(v for v, _ in verbs),
        )
        for verb, source in verbs:
            spellings = [verb]
            british = spelling.get(verb)
            if isinstance(british, str) and british != verb:
                spellings.append(british.lower())
            for base in spellings:
                inflected = _inflect(base, irregular, doubles)
                head = base.partition(" ")[0]
                if head in irregular:
                    participles.add(irregular[head][1])
                past = (
                    next(f for f, t in inflected.items() if "past" in t and f != base)
                    if head not in irregular
                    else (irregular[head][0] + base[len(head) :])
                )
                past_forms.setdefault(base, past)
                past_forms.setdefault(verb, past)
                for form, form_tenses in inflected.items():
                    if "past" in form_tenses:
                        participles.add(form.partition(" ")[0])
                    tenses.setdefault(form, set()).update(form_tenses)
                    if form not in first_seen:
                        first_seen[form] = (verb, base, str(family_id), source)
    forms: dict[str, VerbForm] = {}
    for form, (lemma, base, family_id, source) in first_seen.items():
        found = tenses[form]
        tense: Tense = (
            "either"
            if {"past", "present"} <= found
            else ("past" if "past" in found else ("gerund" if "gerund" in found else "present"))
        )
        forms[form] = VerbForm(form, lemma, base, family_id, tense, source)
    sources = tuple(str(s.get("id")) for s in data.get("sources") or () if isinstance(s, dict))
    cue_families: dict[str, str] = {}
    for family in families.values():
        for cue in family.cues:
            cue_families.setdefault(cue, family.id)
    return VerbLexicon(
        forms=MappingProxyType(forms),
        families=MappingProxyType(families),
        past_forms=MappingProxyType(past_forms),
        participles=frozenset(participles),
        noun_ambiguous=noun_ambiguous,
        max_words=max(len(f.split()) for f in forms),
        sources=sources,
        cue_families=MappingProxyType(cue_families),
        cue_heads=frozenset(cue.split()[0] for cue in cue_families if " " in cue),
    )


@lru_cache(maxsize=1)
def load_weak_openers() -> WeakLexicon:
    """The bundled weak openers and hedges (``lexicons/weak_openers.yaml``), patterns compiled."""
    data = read_bundled_yaml(WEAK_FILE)
    entries = data.get("openers")
    if not isinstance(entries, list) or not entries:
        raise LexiconError(f"{WEAK_FILE}: needs an `openers` list; reinstall resume-check")
    openers: list[WeakOpener] = []
    sources: list[tuple[str, str]] = []  # (where, pattern) for error messages
    ids: set[str] = set()
    for index, entry in enumerate(entries, 1):
        where = f"{WEAK_FILE}, entry {index}"
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise LexiconError(f"{where}: needs an `id`, `kind`, `patterns`, `label`, `advice` and `family`")
        where = f"{where} ({entry['id']})"
        if entry["id"] in ids:
            raise LexiconError(f"{where}: duplicate id; ids must be unique")
        ids.add(entry["id"])
        patterns = _str_list(entry.get("patterns"), f"{where}, patterns")
        sources.extend((where, pattern) for pattern in patterns)
        if not patterns:
            raise LexiconError(f"{where}: needs at least one pattern")
        for key in ("kind", "label", "advice", "family"):
            if not isinstance(entry.get(key), str):
                raise LexiconError(f"{where}: `{key}` must be a string")
        openers.append(
            WeakOpener(
                entry["id"],
                entry["kind"],
                tuple(map(_opener_pattern, patterns)),
                entry["label"],
                entry["advice"],
                entry["family"],
                str(entry.get("rewrite") or ""),
            )
        )
    passive = data.get("passive") or {}
    auxiliaries = _str_list(
        passive.get("auxiliaries") if isinstance(passive, dict) else None, f"{WEAK_FILE}, passive.auxiliaries"
    )
    if not auxiliaries:
        raise LexiconError(f"{WEAK_FILE}: `passive.auxiliaries` must list the auxiliaries (was, were ...)")
    aux = "|".join(sorted((re.escape(a) for a in auxiliaries), key=len, reverse=True))
    # subject words (no verb of the candidate's), an auxiliary, an optional adverb, a participle
    passive_re = re.compile(
        rf"^(?P<subject>(?:[\w'’&/().,£$€%+-]+\s){{0,10}}?)(?P<aux>(?:{aux}))\s(?:(?:\w+ly|not|also|then|all|fully)\s)?"
        rf"(?P<participle>[a-z][\w-]*)\b(?P<rest>.*)$",
        re.IGNORECASE | re.DOTALL,
    )
    advice = str(passive.get("advice") or "") if isinstance(passive, dict) else ""
    # group names must be unique, so an opener's further patterns join its first inside the same group
    alternatives = "|".join(
        f"(?P<o{index}>" + "|".join(f"(?:{p})" for p in opener.patterns) + ")" for index, opener in enumerate(openers)
    )
    try:
        any_opener = re.compile(alternatives, re.IGNORECASE)
    except re.error as err:
        _raise_bad_opener_pattern(sources)  # compiling each pattern on its own costs as much again: only on error
        # each pattern is valid alone: together they clash (the same named group in two patterns)
        raise LexiconError(
            f"{WEAK_FILE}: the patterns cannot be combined ({err}); use (?:...) groups, not named ones"
        ) from None
    return WeakLexicon(tuple(openers), auxiliaries, advice, passive_re, any_opener)


def _opener_pattern(pattern: str) -> str:
    """A weak-opener pattern from the lexicon, made to end at a word boundary (not inside a word or a hyphenation)."""
    return rf"(?:{pattern})(?![\w'’-])"


def _raise_bad_opener_pattern(sources: Sequence[tuple[str, str]]) -> None:
    """Raise LexiconError naming the first (where, pattern) that is not a valid regular expression, if any."""
    for where, pattern in sources:
        try:
            re.compile(_opener_pattern(pattern), re.IGNORECASE)
        except re.error as err:
            raise LexiconError(f"{where}: pattern {pattern!r} is not a valid regular expression ({err})") from None


# --------------------------------------------------------------------------------------------- units


@dataclass(frozen=True, slots=True)
class _Unit:
    text: str
    section: str
    block: int
    start: int  # offset in Resume.text
    line: int
    entry: int  # experience/project entry (a run of statements between title or date lines)
    bullet: bool
    first_in_block: bool
    segments: tuple[tuple[int, int], ...]  # (unit offset, Resume.text offset) where the mapping jumps
    role_header: bool = False  # the block heads a role (title, employer, dates): context, not a statement
    list_item: bool = False  # an item of a pipe list ("Risk Analysis | Plan and execute the schedule | ...")


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9£$€])")
_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "etc",
        "vs",
        "approx",
        "inc",
        "ltd",
        "co",
        "corp",
        "dr",
        "mr",
        "mrs",
        "ms",
        "st",
        "no",
        "nos",
        "dept",
        "est",
        "fig",
        "jr",
        "sr",
        "u.s",
        "u.k",
        "p.a",
        "mgr",
        "sr",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_WORD = re.compile(r"[A-Za-z0-9£$€][\w'’&.+/£$€%-]*")
_DATE_RANGE = re.compile(
    r"\b(?:19|20)\d{2}\s?(?:-|–|—|to)\s?(?:(?:19|20)\d{2}|present|current|now|date|today)\b"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s(?:19|20)\d{2}\b"
    r"|\b(?:19|20)\d{2}\s?(?:-|–|—)\s*$|^\s*(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
_DATE_PREFIX = re.compile(
    r"^(?:(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s)?(?:19|20)\d{2}|present|current"
    r"|now|to|until|[-–—|•·,])(?:\s+|$)",
    re.IGNORECASE,
)
_YEAR_RANGE = re.compile(
    r"\b(?:19|20)\d{2}\s?(?:-|–|—|to)\s?(?:(?:19|20)\d{2}|present|current|now|date|today)\b", re.IGNORECASE
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_LABEL_LIST = re.compile(r"^[^:,.;]{1,40}:\s*[^,]+(?:,[^,]+){2,}$")
#: past participles that open self-descriptions as adjectives ("Accomplished programme manager")
_ADJECTIVAL = frozenset(
    [
        "accomplished",
        "organized",
        "organised",
        "certified",
        "driven",
        "motivated",
        "dedicated",
        "committed",
        "focused",
        "proven",
        "qualified",
        "skilled",
        "experienced",
        "seasoned",
        "talented",
        "detailed",
        "established",
        "respected",
        "trusted",
        "distinguished",
    ]
)
_CONTEXT_OPENER = re.compile(
    r"^(?:the|this|these|those|it|its|they|their|which|that|he|she|his|her|such|each|both|all|there)\b", re.IGNORECASE
)
_LEAD_IN_FIRST = frozenset(
    [
        "as",
        "in",
        "within",
        "during",
        "after",
        "following",
        "over",
        "across",
        "for",
        "while",
        "with",
        "working",
        "through",
        "by",
        "on",
        "at",
        "under",
        "since",
        "from",
        "when",
        "having",
        "using",
        "leveraging",
        "partnering",
        "upon",
        "despite",
        "alongside",
        "via",
        "throughout",
        "before",
    ]
)
_JOB_NOUNS = frozenset(
    [
        "manager",
        "managers",
        "developer",
        "developers",
        "engineer",
        "engineers",
        "analyst",
        "analysts",
        "consultant",
        "consultants",
        "architect",
        "architects",
        "lead",
        "leads",
        "role",
        "roles",
        "position",
        "owner",
        "officer",
        "coordinator",
        "co-ordinator",
        "specialist",
        "team",
        "teams",
        "member",
        "director",
        "head",
        "of",
        "for:",
        "-",
        "–",
        "—",
        "|",
        "designer",
        "tester",
        "administrator",
    ]
)
_HEADER_SMALL = frozenset(["of", "and", "&", "the", "at", "for", "-", "–"])
_PRESENT_WORDS = frozenset(["present", "current", "now", "today", "date", "ongoing"])
_PM_TITLE = re.compile(
    r"\b(?:project|programme|program|delivery|portfolio|pmo|release|change|transition|implementation|transformation)"
    r"\s+(?:manager|lead|leader|director|coordinator|co-ordinator|officer|head)\b|\bPMO\b|\bscrum\s?master\b"
    r"|\bproject management (?:professional|office)\b|\bPMP\b|\bPRINCE2\b",
    re.IGNORECASE,
)
_AGENT = re.compile(
    r"\bby\s+(?!\d|[£$€]|half|a factor|over\b|more\b|up to|nearly|almost|around|about|approx|some\b)", re.IGNORECASE
)
_ROLE_NOUNS = _JOB_NOUNS - {"of", "for:", "-", "–", "—", "|", "team", "teams", "member", "head", "role", "roles"}
_SELF_NOUNS = _ROLE_NOUNS | frozenset(["professional", "leader", "expert", "practitioner", "master", "pm", "pmo"])
_DETERMINERS = frozenset(
    ["the", "a", "an", "all", "our", "my", "this", "these", "those", "its", "their", "each", "every", "both"]
)


def _word_starts(text: str, limit: int = OPENING_WORDS) -> list[tuple[int, int, str]]:
    """(start, end, lower-case word) for the first ``limit`` words of ``text``, edge punctuation stripped."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group().rstrip(".,;:!?)’'\"")
        if word:
            out.append((m.start(), m.start() + len(word), word.lower()))
            if len(out) >= limit:
                break
    return out


def _split_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start : m.start()].rstrip('"”’)')
        last_word = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.split() else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _line_of(resume: Resume, block: Block, offset: int) -> int:
    """The 1-based line a person sees for ``offset`` within ``block.text`` (the block's first line if unsure)."""
    lines = resume.document.lines
    cursor = 0
    best = block.lines[0] if block.lines else None
    for index in block.lines:
        if not 0 <= index < len(lines):
            return block.line
        probe = " ".join(lines[index].text.split())[:20]
        found = block.text.find(probe, cursor) if probe else -1
        if found < 0:
            return block.line
        if found <= offset:
            best = index
        cursor = found + len(probe)
    return resume.document.line_number(best) if best is not None else block.line


def _join_continuations(resume: Resume, i: int, lex: VerbLexicon) -> tuple[str, list[tuple[int, int, int]], int]:
    """Block ``i`` with the following paragraphs that continue it (they start in lower case), as one text.

    Returns (text, segments, next index); a segment is (offset in text, offset in Resume.text, block index). A word
    broken across the lines without its hyphen ("Devel" + "oping") is rejoined when the whole is a known verb form.
    """
    blocks = resume.blocks
    block = blocks[i]
    text = block.text
    segments = [(0, block.start, i)]
    j = i + 1
    while (
        j < len(blocks)
        and blocks[j].kind == "paragraph"
        and blocks[j].section == block.section
        and (blocks[j].text[:1].islower() or _continues_pipe_list(text, blocks[j].text))
    ):
        tail = text.rsplit(None, 1)[-1] if text.split() else ""
        head = blocks[j].text.split(None, 1)[0]
        glue = "" if tail.isalpha() and (tail + head).lower().strip(".,;:") in lex.forms else " "
        segments.append((len(text) + len(glue), blocks[j].start, j))
        text = f"{text}{glue}{blocks[j].text}"
        j += 1
    return text, segments, j


def _continues_pipe_list(text: str, following: str) -> bool:
    """Whether the paragraph ``following`` wraps on a pipe list ("Risk Analysis |" / "Governance | Budget | ...")."""
    return text.count("|") >= 2 and (
        text.rstrip().endswith("|") or following.lstrip().startswith("|") or (following.count("|") >= 2)
    )


def _pipe_spans(text: str) -> list[tuple[int, int]]:
    """The items of a pipe list, as (start, end) spans of ``text``."""
    spans = []
    start = 0
    for m in re.finditer(r"\|", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if piece.strip():
            out.append((s + lead, s + trail))
    return out


def _units(resume: Resume, lex: VerbLexicon) -> Iterator[_Unit]:
    """Statements to judge: bullets and paragraph sentences, with lower-case continuation paragraphs joined."""
    blocks = resume.blocks
    headers = frozenset(i for role in resume.roles for i in role.header)
    entry = 0
    previous_section = ""
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.section != previous_section:
            entry += 1
            previous_section = block.section
        if block.section not in STATEMENT_SECTIONS or block.kind == "heading":
            entry += 1 if block.kind == "heading" else 0
            i += 1
            continue
        text, segments, j = _join_continuations(resume, i, lex)
        pipes = block.kind == "paragraph" and text.count("|") >= PIPE_LIST_MIN
        spans = _pipe_spans(text) if pipes else _split_sentences(text)
        bullet_parts = 1
        if block.kind == "bullet":
            # one statement, less a label or role header the layout glued on after it ("... plans. Notable
            # Accomplishments:", "... renewals. IT Project Manager – Acme, Leeds June 2017 – February 2021"): those
            # follow as parts of their own, which the judge skips as non-statements (and so opens a new entry)
            cut = next((k for k in range(1, len(spans)) if _glued_header(text[spans[k][0] : spans[k][1]])), None)
            spans = [(0, len(text))] if cut is None else [(0, spans[cut - 1][1]), (spans[cut][0], len(text))]
        for n, (s, e) in enumerate(spans):
            s += len(text[s:e]) - len(text[s:e].lstrip())
            where = max(k for k, seg in enumerate(segments) if seg[0] <= s)
            seg_text, seg_resume, seg_block = segments[where]
            yield _Unit(
                text=text[s:e].rstrip(),
                section=block.section,
                block=seg_block,
                start=seg_resume + (s - seg_text),
                line=_line_of(resume, blocks[seg_block], s - seg_text),
                entry=entry,
                bullet=block.kind == "bullet" and n < bullet_parts,
                first_in_block=n == 0,
                segments=tuple((seg_text - s, seg_resume) for seg_text, seg_resume, _ in segments),
                role_header=seg_block in headers,
                list_item=pipes,
            )
        i = j


def _glued_header(sentence: str) -> bool:
    """A label or a role/date header that the layout glued to the end of a bullet."""
    stripped = sentence.strip()
    return (stripped.endswith(":") and len(stripped.split()) <= 4) or bool(_DATE_RANGE.search(stripped))


def _to_resume_offset(unit: _Unit, offset: int) -> int:
    base_unit, base_text = unit.segments[0]
    for seg_unit, seg_text in unit.segments:
        if seg_unit <= offset:
            base_unit, base_text = seg_unit, seg_text
    return base_text + (offset - base_unit)


# --------------------------------------------------------------------------------------------- judging


@dataclass(frozen=True, slots=True)
class _Judgement:
    verdict: Verdict | None  # None: not a statement (a title, date or label line)
    verb: str | None = None
    family: str | None = None
    lemma: str | None = None
    base: str | None = None
    tense: Tense | None = None
    reason: str = ""  # weak: duty, hedge, role, first-person, passive, no-verb
    opener_id: str | None = None
    advice: str = ""
    rest: str = ""  # the words after the verb or weak opener
    skip: int = 0  # characters of header prefix (title, company, dates) before the statement proper
    rewrite_verb: str | None = None  # forced: the opener's own rewrite ("Partnered with") or the passive participle
    fallback_verb: str | None = None  # used when the words after the opener suggest no verb family


def _verb_at(words: Sequence[str], lex: VerbLexicon) -> tuple[VerbForm, int] | None:
    """The action verb opening ``words``, refusing nouns that look like verbs ("Lead developer", "Design of")."""
    found = lex.lookup(words)
    if found is None and words and "-" in words[0]:
        found = lex.lookup([words[0].replace("-", ""), *words[1:]])  # "devel-oping" rejoined across a line break
        if found is None and words[0].startswith(("co-", "re-")):
            found = lex.lookup([words[0][3:], *words[1:]])  # "co-architected", "re-platformed"
    if found is None:
        return None
    form, size = found
    following = words[size] if len(words) > size else ""
    ambiguous = form.tense in ("present", "either") and form.form == form.base and form.lemma in lex.noun_ambiguous
    # "Research integrated into ...", "Budget reduced by ...": a noun with a participle, not an imperative
    participle = following.endswith("ed") or (following in lex.participles and following not in lex.forms)
    if ambiguous and (not following or following in _JOB_NOUNS or following in ("of", "and/or") or participle):
        return None
    if form.tense == "gerund" and (following == "of" or following in _JOB_NOUNS):  # "Engineering Manager"
        return None
    if (
        form.form in _ADJECTIVAL
        and following not in _DETERMINERS
        and not following[:1].isdigit()
        and (
            following in ("and", "&", "")
            or following.endswith(("-oriented", "-driven", "-minded", "-focused", ","))
            or any(w.strip(",") in _SELF_NOUNS for w in words[size : size + 4])
        )
    ):
        return None  # "Accomplished IT project manager", "Organised and detail-oriented", "Certified Scrum Master"
    return form, size


def opens_with_action_verb(text: str) -> bool:
    """Whether ``text`` opens with an action verb of ``lexicons/verbs.yaml`` (not a noun that looks like one)."""
    words = [w for _, _, w in _word_starts(text, 4)]
    return bool(words) and _verb_at(words, load_verbs()) is not None


def _strip_header(
    text: str, words: list[tuple[int, int, str]], lex: VerbLexicon, weak: WeakLexicon | None = None
) -> int:
    """Length of a date or title prefix before the verb ("2017 – Present Leading ...", "Engineer, Amazon Led ...")."""
    i = 0
    while i < len(words) and _DATE_PREFIX.match(text[words[i][0] :] + " ") and i < 6:
        i += 1
    if 0 < i < len(words):
        verb = _verb_at([w for _, _, w in words[i:]], lex)
        if verb is not None:
            return words[i][0]
    # a title-case run (job title, company, place) glued to the first sentence by the layout
    if _verb_at([w for _, _, w in words], lex) is not None:
        return 0
    for k in range(2, min(len(words), 16)):
        start = words[k][0]
        if not text[start].isupper() or text[:start].rstrip().endswith("("):
            continue  # "Net Tech for the Brigade (Assigned to ...)": an aside, not a header before the verb
        verb = _verb_at([w for _, _, w in words[k:]], lex)
        after_dates = (
            _YEAR.search(words[k - 1][2]) is not None
            and _YEAR.search(words[k][2]) is None
            and words[k][2][:3] not in MONTHS
            and len(words) - k >= 4
        )
        if verb is None and (after_dates or (weak is not None and weak.any_opener.match(text[start:]))):
            # "Church ..., Oregon — Missionary Nov. 2018 - Nov.2022 Worked 65+ hours weekly ...": the statement
            # starts after the header's dates (or at a weak opener), whatever its first word
            if all(text[s].isupper() or text[s].isdigit() or w in _HEADER_SMALL for s, _, w in words[:k]):
                return start
            break
        if verb is None or verb[0].tense not in ("past", "gerund"):
            continue
        if verb[0].tense == "gerund" and not re.search(r"[,|–—\d]| - ", text[:start]):
            break  # "Oregon Threat Information Gathering ...": a gerund inside a name, not a glued header
        prefix = words[:k]
        if all(text[s].isupper() or text[s].isdigit() or w in _HEADER_SMALL for s, _, w in prefix):
            return start
        break
    return 0


class _LazyMetrics:
    """The metrics of a unit's text, found on first use: most units that are not statements never need them."""

    __slots__ = ("_metrics", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._metrics: tuple[Metric, ...] | None = None

    def get(self) -> tuple[Metric, ...]:
        if self._metrics is None:
            self._metrics = find_metrics(self._text)
        return self._metrics

    def found(self) -> bool:
        return bool(self.get())


def _judge(unit: _Unit, lex: VerbLexicon, weak: WeakLexicon, has_metrics: Callable[[], bool]) -> _Judgement:
    text = unit.text
    words = _word_starts(text)
    if not words:
        return _Judgement(None)
    if text.isupper() and len(text.split()) <= MAX_HEADER_WORDS:
        return _Judgement(None)  # a heading in capitals the structure stage left as text ("MY LIFE PHILOSOPHY")
    year_range = _YEAR_RANGE.search(text)
    if (
        year_range
        and not unit.bullet
        and len(text.split()) <= MAX_HEADER_WORDS
        and not text[year_range.end() :].strip(" )]|,.–—-")
    ):
        return _Judgement(None)  # "Engineering Manager, CenturyLink (2015 - 2017)": a role header, not a statement
    if _is_context(text, unit):
        return _Judgement(None)
    if unit.list_item and (len(words) < 2 or (_title_case(text) and not _plain_verb_first(words, lex))):
        return _Judgement(None)  # a skills item of a pipe list ("Budget Planning", "Monitoring")
    skip = _strip_header(text, words, lex, weak)
    if unit.role_header and not skip:
        return _Judgement(None)  # a role's title, employer, dates or place (structure.find_roles): context
    if skip:
        words = [w for w in words if w[0] >= skip]
    plain = [w for _, _, w in words]

    # weak openers, also after adverbs ("Actively participated in") and a lead-in ("In 2019, helped ...")
    for start_index in _opening_positions(text, words, lex):
        head = text[words[start_index][0] :]
        m = weak.any_opener.match(head)
        if m:
            opener = weak.openers[int((m.lastgroup or "o0")[1:])]
            return _Judgement(
                "weak",
                verb=m.group().strip(),
                reason=opener.kind,
                opener_id=opener.id,
                advice=opener.advice,
                rest=head[m.end() :].strip(" ,:;-–—"),
                skip=skip,
                rewrite_verb=opener.rewrite or None,
                fallback_verb=_family_rewrite(opener.family, lex),
            )
        found = _verb_at(plain[start_index:], lex)
        if found is not None:
            form, size = found
            verb_start = words[start_index][0]
            verb_end = words[start_index + size - 1][1]
            return _Judgement(
                "strong" if has_metrics() else "unquantified",
                verb=text[verb_start:verb_end],
                family=form.family,
                lemma=form.lemma,
                base=form.base,
                tense=form.tense,
                rest=text[verb_end:].strip(" ,:;-–—"),
                skip=skip,
            )

    statement = text[skip:] if skip else text
    passive = weak.passive.match(statement)
    if passive and _is_participle(passive.group("participle"), lex) and not _AGENT.search(passive.group("rest")):
        subject = passive.group("subject").strip()
        subject_verbs = (_verb_at([w.strip(".,;:()")], lex) for w in subject.lower().split())
        if not any(found is not None and found[0].tense == "past" for found in subject_verbs):
            first = subject.split()[0] if subject.split() else ""
            if first.lower() in _DETERMINERS or (first[:1].isupper() and first[1:].islower()):
                subject = subject[0].lower() + subject[1:]
            return _Judgement(
                "weak",
                verb=f"{passive.group('aux')} {passive.group('participle')}",
                reason="passive",
                advice=weak.passive_advice,
                rest=f"{subject} {passive.group('rest').strip()}".strip(),
                skip=skip,
                rewrite_verb=passive.group("participle").capitalize(),
            )

    # no verb: a title, company, date or label line, a self-description in a summary, or a noun-phrase bullet
    if statement.strip().endswith(":"):
        return _Judgement(None, reason="label")  # "Notable accomplishments:" (same role, no new entry)
    if _is_non_statement(statement, unit, has_metrics):
        return _Judgement(None)
    if (unit.bullet or unit.list_item) and _names_work_product(statement):
        # "Asset management system for ...", "Workshop paper on ...": something made, stated without a verb
        return _Judgement(
            "strong" if has_metrics() else "unquantified", reason="product", rest=statement.strip(), skip=skip
        )
    return _Judgement("weak", verb=None, reason="no-verb", rest=statement.strip(), skip=skip)


_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|app|ai|co|uk|edu|gov)(?:/\S*)?", re.IGNORECASE
)
_SELF_DESCRIPTION = re.compile(
    r"^(?:I am|I'm|I’m|I have always|I love|I enjoy|(?:highly |very )?(?:proficient|skilled|experienced|passionate|"
    r"fluent|knowledgeable|familiar|adept|comfortable|competent|versed|well-versed)\b(?:\s+(?:in|with|at|about|on)\b)?"
    r"|pretty good (?:at|with)\b|(?:strong|extensive|solid|deep|working|good|excellent) (?:knowledge|understanding|"
    r"background|experience|command|grasp)\b)",
    re.IGNORECASE,
)
_COMPANY_END = re.compile(r"(?i)(?:,\s*|\s)(?:inc|ltd|llc|plc|corp|co|gmbh|llp|limited|pvt\.? ltd)\.?$")


def _ends_with_date(text: str) -> bool:
    """A line that ends in a date or date range ("Research Assistant Summer 2021", "Project X | C++ Mar. 2020")."""
    stripped = text.rstrip(" )]")
    dates = find_dates(stripped)
    return (bool(dates) and dates[-1].end == len(stripped) and dates[-1].fmt != "present") or bool(
        dates and dates[-1].fmt == "present" and dates[-1].end == len(stripped) and len(dates) > 1
    )


def _is_context(text: str, unit: _Unit) -> bool:
    """Lines that are context for statements whatever their first word: a project or role title ending in a date,
    an employer line ("Custom Building Improvements, Inc."), a label with a list or a link, a bare URL, a skill claim
    ("Proficient in Salesforce"), an organisation–role line ("Tech Impact program - Instructor, Mentor")."""
    stripped = text.strip()
    words = stripped.split()
    if not words:
        return True
    short = len(words) <= MAX_HEADER_WORDS and not stripped.endswith(".")
    if not unit.bullet and short and _ends_with_date(stripped):
        return True
    if not unit.bullet and len(words) <= 8 and _COMPANY_END.search(stripped):
        return True
    label, colon, rest = stripped.partition(":")
    if (
        colon
        and len(label.split()) <= 3
        and not rest.startswith("//")
        and (
            _LABEL_LIST.match(stripped)
            or (rest.strip() and not _URL.sub("", rest).strip(" ,;|/-–—"))
            or ("," in rest and not rest.rstrip().endswith(".") and not opens_with_action_verb(rest.strip()))
        )
    ):
        return True  # "Scopes: full-stack, back-end, APIs", "Web servers: Apache, nginx", "MDN Web Docs: https://..."
    links = sum(len(m.group()) for m in _URL.finditer(stripped))
    if links and (len(_URL.sub(" ", stripped).split()) <= 3 or links >= 0.4 * len(stripped)):
        return True  # a bare URL, a project name and its link, a list of profile links
    if _SELF_DESCRIPTION.match(stripped):
        return True
    return short and len(words) <= 12 and _org_role_line(stripped)


def _plain_verb_first(words: list[tuple[int, int, str]], lex: VerbLexicon) -> bool:
    """Whether the words open with a verb that cannot be a noun or a gerund ("Conduct ...", not "Budget Planning")."""
    found = _verb_at([w for _, _, w in words], lex)
    return found is not None and found[0].tense != "gerund" and found[0].lemma not in lex.noun_ambiguous


@lru_cache(maxsize=1)
def load_work_products() -> frozenset[str]:
    """Head nouns of noun phrases that name a work product (``lexicons/statements.yaml``)."""
    data = read_bundled_yaml(STATEMENTS_FILE)
    return frozenset(w.lower() for w in _str_list(data.get("work_products"), f"{STATEMENTS_FILE}, work_products"))


_PHRASE_HEAD_END = re.compile(r"[,;:(]|\s(?:for|of|on|in|with|to|at|by|from|that|which|using|about|into)\s", re.I)


def _names_work_product(text: str) -> bool:
    """A noun phrase whose head names something made (system, paper, talk), with no role or title word in it."""
    end = _PHRASE_HEAD_END.search(text)
    phrase = text[: end.start()] if end else text
    words = [w.strip(".,;:()'\"").lower() for w in phrase.split()]
    words = [w for w in words if w]
    if not words or len(words) > 8:
        return False
    titles = load_headings().titles
    if any(w in titles or w in ("member", "liaison", "role") for w in words):
        return False
    products = load_work_products()
    return words[-1] in products or " ".join(words[-2:]) in products


def _title_case(text: str) -> bool:
    """Every word of two or more letters capitalised ("Cyberspace Operations Planning", "Azure AD")."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 1]
    small = {"and", "of", "for", "the", "in", "on", "to", "with", "a", "an", "&"}
    return bool(words) and all(w[0].isupper() or w.lower() in small for w in words)


def _org_role_line(text: str) -> bool:
    """ "Organisation - Role[, Role]" in title case with no verb: a role line, not a statement."""
    parts = re.split(r"\s[-–—]\s", text, maxsplit=1)
    if len(parts) != 2:
        return False
    org, roles = parts
    titles = load_headings().titles
    role_words = [w.strip(",.;()").lower() for w in roles.split() if w.strip(",.;()")]
    capitalised = [w for w in (org + " " + roles).split() if w[:1].isalpha()]
    title_case = bool(capitalised) and sum(w[0].isupper() for w in capitalised) >= 0.7 * len(capitalised)
    return title_case and any(w in titles for w in role_words)


def _opening_positions(text: str, words: list[tuple[int, int, str]], lex: VerbLexicon) -> list[int]:
    """Word indexes where the statement proper may start: 0, after -ly adverbs, after a short comma lead-in."""
    positions = [0]
    i = 0
    while i < min(2, len(words) - 1) and words[i][2].endswith("ly") and words[i][2] not in lex.forms:
        i += 1
        positions.append(i)
    # after a label ("Data Warehousing: built ...", "Acme Ltd - 2013 - Helped to ...")
    for k in range(1, min(len(words), MAX_LABEL_WORDS + 1)):
        between = text[words[k - 1][1] : words[k][0]]
        if (":" in between or " – " in between or " — " in between or " - " in between) and words[k][
            2
        ] not in _PRESENT_WORDS:
            positions.append(k)  # not "Jan 2023 – present": "present" there is a date, not a verb
    if words and words[0][2] in _LEAD_IN_FIRST:
        for k in range(1, min(len(words), MAX_LEAD_IN_WORDS + 1)):
            between = text[words[k - 1][1] : words[k][0]]
            if "," in between:
                positions.append(k)
                if k + 1 < len(words) and words[k][2].endswith("ly") and words[k][2] not in lex.forms:
                    positions.append(k + 1)
                break
    return positions


def _is_participle(word: str, lex: VerbLexicon) -> bool:
    lowered = word.lower()
    return lowered in lex.participles or (lowered.endswith("ed") and len(lowered) >= 4)


def _is_non_statement(text: str, unit: _Unit, has_metrics: Callable[[], bool]) -> bool:
    stripped = text.strip()
    words = stripped.split()
    if not words:
        return True
    if unit.section == "summary":
        return True  # a self-description ("Seasoned project manager with ..."), not an action
    if not unit.first_in_block and _CONTEXT_OPENER.match(stripped):
        return True  # context for the previous sentence ("The system automates ...")
    if _DATE_RANGE.search(stripped) and len(words) <= 16:
        return True
    if _LABEL_LIST.match(stripped):
        return True  # "Agile practices: retrospectives, TDD, pair programming"
    capitalised = [w for w in words if w[:1].isalpha()]
    title = bool(capitalised) and sum(w[0].isupper() for w in capitalised) >= 0.7 * len(capitalised)
    if unit.bullet:
        # an award or a role line in title case ("Multi-Top Driver Award Winner", "Acme Ltd, Data Analyst 2012")
        return (len(words) <= 3 and not has_metrics()) or (
            title and not stripped.endswith(".") and (len(words) <= 8 or bool(_YEAR.search(stripped)))
        )
    if len(words) <= 8 and not stripped.endswith("."):
        return True
    title_case = sum(w[0].isupper() for w in capitalised) >= 0.7 * len(capitalised) if capitalised else False
    return title_case and not stripped.endswith(".")


# --------------------------------------------------------------------------------------------- suggestions


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _family_rewrite(family_id: str, lex: VerbLexicon) -> str | None:
    family = lex.families.get(family_id)
    return family.rewrite if family else None


def _suggest(text: str, judgement: _Judgement, metrics: tuple[Metric, ...], lex: VerbLexicon, voice: Voice) -> Advice:
    """The suggestion for one statement (see ``resume_check.advice``)."""
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
        and any(w.lower().strip(",;:") in _ROLE_NOUNS for w in text.split()[:3]),
    )
    return suggest(request, voice, lex, lambda words: _base_at(words, lex))


def _base_at(words: Sequence[str], lex: VerbLexicon) -> tuple[str, int] | None:
    found = _verb_at(words, lex)
    return (found[0].base, found[1]) if found is not None else None


# --------------------------------------------------------------------------------------------- analysis


@dataclass(frozen=True, slots=True)
class _Draft:
    unit: _Unit
    judgement: _Judgement
    metrics: tuple[Metric, ...]
    start: int
    end: int
    text: str
    words: int


def analyse_impact(resume: Resume, *, pm: bool | None = None) -> Impact:
    """Judge every statement of ``resume``; summarise verdicts, impact dimensions and over-used verbs.

    Args:
        resume: the structured résumé.
        pm: whether the candidate is an IT project manager (budget and schedule results are then expected);
            None detects it from the text (project/programme/delivery manager, PMO, Scrum Master, PMP, PRINCE2).
    """
    lex = load_verbs()
    if resume.language != ENGLISH:
        return _assemble([], resume, lex, pm)  # the verbs and openers are English: judge nothing (text.language)
    weak = load_weak_openers()
    drafts: list[_Draft] = []
    entry_shift = 0
    for unit in _units(resume, lex):
        metrics_of = _LazyMetrics(unit.text)
        judgement = _judge(unit, lex, weak, metrics_of.found)
        if judgement.verdict is None:
            entry_shift += judgement.reason != "label"
            continue
        if judgement.skip:
            entry_shift += 1  # a title/date prefix glued to the statement opens a new entry
        text = unit.text[judgement.skip :]
        local = tuple(m for m in metrics_of.get() if m.start >= judgement.skip)
        metrics = tuple(
            Metric(m.text, m.kind, m.measures, _to_resume_offset(unit, m.start), _to_resume_offset(unit, m.end))
            for m in local
        )
        if judgement.verdict in ("strong", "unquantified") and not metrics:
            judgement = _replace_verdict(judgement, "unquantified")
        shifted = _Unit(
            text,
            unit.section,
            unit.block,
            unit.start,
            unit.line,
            unit.entry * 10_000 + entry_shift,
            unit.bullet,
            unit.first_in_block,
            unit.segments,
            unit.role_header,
            unit.list_item,
        )
        drafts.append(
            _Draft(
                unit=shifted,
                judgement=judgement,
                metrics=metrics,
                start=_to_resume_offset(unit, judgement.skip),
                end=_to_resume_offset(unit, len(unit.text)),
                text=text,
                words=len(text.split()),
            )
        )
    return _assemble(drafts, resume, lex, pm)


def _replace_verdict(judgement: _Judgement, verdict: Verdict) -> _Judgement:
    return _Judgement(
        verdict,
        judgement.verb,
        judgement.family,
        judgement.lemma,
        judgement.base,
        judgement.tense,
        judgement.reason,
        judgement.opener_id,
        judgement.advice,
        judgement.rest,
        judgement.skip,
        judgement.rewrite_verb,
        judgement.fallback_verb,
    )


def _assemble(drafts: Sequence[_Draft], resume: Resume, lex: VerbLexicon, pm: bool | None) -> Impact:
    voice = detect_voice(resume.text)
    findings: list[Finding] = []
    extra_issues: dict[int, list[str]] = {i: [] for i in range(len(drafts))}

    # over-used opening verbs
    lemmas = Counter(d.judgement.lemma for d in drafts if d.judgement.lemma)
    total = len(drafts)
    overused: list[tuple[str, int]] = []
    for lemma, count in sorted(lemmas.items(), key=lambda kv: (-kv[1], kv[0])):
        if count > OVERUSED_MAX or (total >= OVERUSED_MIN_STATEMENTS and count > OVERUSED_SHARE * total):
            first = next(d for d in drafts if d.judgement.lemma == lemma)
            shown = first.judgement.base or lemma
            overused.append((shown, count))
            family = lex.families[first.judgement.family or ""] if first.judgement.family in lex.families else None
            others = [lex.past(v).capitalize() for v in (family.verbs if family else ()) if v != lemma][:4]
            findings.append(
                Finding(
                    id="impact.overused-verb",
                    message=(
                        f"'{shown.capitalize()}' opens {count} of {total} statements; vary the verb to show the range"
                        f" of what you did" + (f" (e.g. {', '.join(others)})" if others else "") + "."
                    ),
                    severity="info",
                    line=first.unit.line,
                    count=count,
                )
            )
            for i, d in enumerate(drafts):
                if d.judgement.lemma == lemma:
                    extra_issues[i].append("impact.overused-verb")

    # mixed tense within one role
    by_entry: dict[int, list[int]] = {}
    for i, d in enumerate(drafts):
        if d.unit.section != "summary" and d.judgement.tense in ("past", "present", "gerund"):
            by_entry.setdefault(d.unit.entry, []).append(i)
    for indexes in by_entry.values():
        past = [i for i in indexes if drafts[i].judgement.tense == "past"]
        present = [i for i in indexes if drafts[i].judgement.tense in ("present", "gerund")]
        if past and present:
            minority = present if len(present) <= len(past) else past
            odd = drafts[minority[0]]
            findings.append(
                Finding(
                    id="impact.mixed-tense",
                    message=(
                        f"One role mixes past ('{drafts[past[0]].judgement.verb}') and present "
                        f"('{drafts[present[0]].judgement.verb}') verbs: use the past tense for past roles and for "
                        f"finished achievements, the present only for ongoing work in a current role."
                    ),
                    severity="info",
                    line=odd.unit.line,
                    count=len(minority),
                )
            )
            for i in minority:
                extra_issues[i].append("impact.mixed-tense")

    statements: list[Statement] = []
    for i, d in enumerate(drafts):
        j = d.judgement
        issues: list[str] = []
        assert j.verdict is not None
        if j.verdict == "weak":
            rule = {"passive": "impact.passive", "first-person": "impact.first-person"}.get(j.reason, "impact.weak")
            issues.append(rule)
        elif j.verdict == "unquantified":
            issues.append("impact.unquantified")
        if d.words > LONG_BULLET_WORDS:
            issues.append("impact.long-bullet")
        issues.extend(extra_issues[i])
        advice = _suggest(d.text, j, d.metrics, lex, voice)
        suggestion = advice.text
        if d.words > LONG_BULLET_WORDS:
            suggestion = f"{suggestion} It is long: keep the action and the result, split the rest.".strip()
        statements.append(
            Statement(
                text=d.text,
                section=d.unit.section,
                line=d.unit.line,
                block=d.unit.block,
                start=d.start,
                end=d.end,
                verdict=j.verdict,
                verb=j.verb,
                verb_family=j.family,
                metrics=d.metrics,
                suggestion=suggestion,
                issues=tuple(issues),
                questions=advice.questions,
                placeholders=advice.placeholders,
                example_source=advice.source,
            )
        )
        findings.extend(_statement_findings(statements[-1], j, d))

    summary = _summary(statements, overused)
    findings.extend(_coverage_findings(statements, summary, resume, pm, voice))
    findings.sort(key=lambda f: (f.line if f.line is not None else 10**9, f.id))
    return Impact(statements=tuple(statements), summary=summary, findings=tuple(findings))


def _statement_findings(statement: Statement, judgement: _Judgement, draft: _Draft) -> Iterable[Finding]:
    quoted = _excerpt(statement.text)
    if statement.verdict == "weak":
        label = {
            "passive": ("impact.passive", "Passive statement without an agent"),
            "first-person": ("impact.first-person", "Statement opens with a first-person pronoun"),
            "no-verb": ("impact.weak", "Statement does not open with an action verb"),
        }.get(judgement.reason, ("impact.weak", f"Duty-style opener '{judgement.verb}'"))
        yield Finding(
            id=label[0],
            message=f'{label[1]}: "{quoted}". {statement.suggestion}',
            severity="warning",
            line=statement.line,
        )
    elif statement.verdict == "unquantified":
        yield Finding(
            id="impact.unquantified",
            message=f'No measured result: "{quoted}". {statement.suggestion}',
            severity="info",
            line=statement.line,
        )
    if draft.words > LONG_BULLET_WORDS:
        yield Finding(
            id="impact.long-bullet",
            message=f'{draft.words} words (over {LONG_BULLET_WORDS}): "{quoted}". Keep the action and the result; '
            "split or cut the rest.",
            severity="info",
            line=statement.line,
        )


def _summary(statements: Sequence[Statement], overused: Sequence[tuple[str, int]]) -> ImpactSummary:
    verdicts = Counter(s.verdict for s in statements)
    quantified = sum(1 for s in statements if s.metrics)
    dims = {d: 0 for d in DIMENSIONS}
    for s in statements:
        for dim in {m.measures for m in s.metrics if m.measures is not None}:
            dims[dim] += 1
    return ImpactSummary(
        counts=tuple((v, verdicts.get(v, 0)) for v in ("strong", "unquantified", "weak")),
        quantified_share=round(quantified / len(statements), 4) if statements else 0.0,
        dimensions=tuple((d, dims[d]) for d in DIMENSIONS),
        missing_dimensions=tuple(d for d in DIMENSIONS if dims[d] == 0),
        overused_verbs=tuple(overused),
    )


def _coverage_findings(
    statements: Sequence[Statement], summary: ImpactSummary, resume: Resume, pm: bool | None, voice: Voice
) -> Iterable[Finding]:
    if not statements:
        return
    if not any(s.metrics for s in statements):
        yield Finding(
            id="impact.no-metrics",
            message=(
                f"None of the {len(statements)} statements carries a number: add results in money, time, "
                "scale, people or quality (e.g. 'Delivered the CRM migration for [N] users, [N] weeks early')."
            ),
            severity="warning",
        )
    is_pm = pm if pm is not None else bool(_PM_TITLE.search(resume.text))
    if not is_pm:
        return
    dims = dict(summary.dimensions)
    if not dims["budget"]:
        yield Finding(
            id="impact.no-budget-result",
            message=(
                "No budget result: a project manager is expected to show money managed or saved (e.g. "
                f"'Delivered the {voice.amount} ERP upgrade [N]% under budget')."
            ),
            severity="warning",
        )
    if not dims["schedule"]:
        yield Finding(
            id="impact.no-schedule-result",
            message=(
                "No schedule result: show delivery against time (e.g. 'Cut the release cycle from [N] to [N] weeks', "
                "'Went live [N] weeks early')."
            ),
            severity="warning",
        )
