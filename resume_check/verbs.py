"""The action-verb lexicon (``lexicons/verbs.yaml``), loaded once and inflected in British and American spelling.

Shared by the extraction stage (a capitalised action verb opens a bullet line), the structure stage and the judging
of statements; it depends on no stage.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Literal, cast

from .datafile import read_bundled_yaml
from .datafile import string_list as _str_list
from .errors import LexiconError
from .models import DIMENSIONS, Dimension

VERBS_FILE = "verbs.yaml"


Tense = Literal["past", "present", "gerund", "either"]


@dataclass(frozen=True, slots=True)
class VerbFamily:
    id: str
    label: str
    asks: Dimension  # the dimension a number for this kind of action usually measures
    rewrite: str  # the verb proposed in rewrites ("Led")
    cues: tuple[str, ...]  # words pointing to this family
    verbs: tuple[str, ...]  # base forms (American spelling first, as listed)
    # verbs of the family that ask another dimension than ``asks`` unless the statement names a cue of a family
    # asking ``asks`` (lemma -> dimension: "Implemented rate limiting" asks what it reached, not how early it was)
    verb_asks: Mapping[str, Dimension] = field(default_factory=lambda: MappingProxyType({}))


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


def _verb_asks(raw: object, listed: set[str], asks: Dimension, where: str) -> Mapping[str, Dimension]:
    """A family's ``verb_asks`` (dimension -> verbs of the family) as verb -> dimension."""
    if raw is None:
        return MappingProxyType({})
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}, verb_asks: must map a dimension to verbs of the family, e.g. scope: [implement]")
    out: dict[str, Dimension] = {}
    for dimension, verbs in raw.items():
        if dimension not in DIMENSIONS or dimension == asks:
            raise LexiconError(
                f"{where}, verb_asks: `{dimension}` must be a dimension other than the family's own ({asks}): "
                f"one of {', '.join(d for d in DIMENSIONS if d != asks)}"
            )
        for verb in _str_list(verbs, f"{where}, verb_asks, {dimension}"):
            if verb.lower() not in listed:
                raise LexiconError(
                    f"{where}, verb_asks: `{verb}` is not a verb of this family; list it under onet or ours"
                )
            out[verb.lower()] = cast(Dimension, dimension)
    return MappingProxyType(out)


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
        verb_asks = _verb_asks(raw.get("verb_asks"), {v for v, _ in verbs}, cast(Dimension, asks), where)
        families[str(family_id)] = VerbFamily(
            id=str(family_id),
            label=str(raw.get("label") or family_id),
            asks=cast(Dimension, asks),
            rewrite=str(raw.get("rewrite") or verbs[0][0].capitalize()),
            cues=tuple(c.lower() for c in _str_list(raw.get("cues"), f"{where}, cues")),
            verbs=tuple(v for v, _ in verbs),
            verb_asks=verb_asks,
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
