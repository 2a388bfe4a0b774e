"""Weak openers and hedges (``lexicons/weak_openers.yaml``): duty and hedge phrases, and the passive, compiled."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..datafile import read_bundled_yaml
from ..datafile import string_list as _str_list
from ..errors import LexiconError

WEAK_FILE = "weak_openers.yaml"


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
