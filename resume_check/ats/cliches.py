"""Clichés and buzzwords outside a quantified statement; the list is data (``lexicons/cliches.yaml``)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..datafile import FileKind, load_yaml_file, read_bundled_yaml
from ..errors import LexiconError
from ..models import Finding, Resume
from ._registry import Context, ats_check

CLICHE_LIST = FileKind(
    "cliché list",
    "list",
    "a .yaml cliché list",
    "check the path of the cliché list",
    "keep fewer clichés",
    "a cliché list needs an 'entries' list",
)


@dataclass(frozen=True, slots=True)
class Cliche:
    """One cliché: an id slug, the phrases that express it, and what to write instead."""

    id: str
    phrases: tuple[str, ...]
    suggestion: str


def load_cliches(path: str | None = None) -> tuple[Cliche, ...]:
    """Read the cliché list (the bundled ``cliches.yaml`` unless ``path`` is given)."""
    where = path or "lexicons/cliches.yaml (bundled)"
    if path is None:
        return parse_cliches(read_bundled_yaml("cliches.yaml"), where)
    return parse_cliches(load_yaml_file(Path(path), path, CLICHE_LIST), where)


def parse_cliches(data: Any, where: str) -> tuple[Cliche, ...]:
    """Validate the YAML data of a cliché list."""
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise LexiconError(f"{where}: expected a mapping with an 'entries' list of clichés")
    out: list[Cliche] = []
    seen: set[str] = set()
    for number, entry in enumerate(data["entries"], 1):
        if not isinstance(entry, dict):
            raise LexiconError(f"{where}, entry {number}: expected a mapping with id, phrases and suggestion")
        ident = entry.get("id")
        phrases = entry.get("phrases")
        suggestion = entry.get("suggestion")
        if not isinstance(ident, str) or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident):
            raise LexiconError(f"{where}, entry {number}: 'id' must be a lower-case slug like 'team-player'")
        if ident in seen:
            raise LexiconError(f"{where}, entry {number} ({ident}): duplicate id; give each cliché its own id")
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise LexiconError(f"{where}, entry {number} ({ident}): 'phrases' must be a non-empty list of strings")
        if not isinstance(suggestion, str) or not suggestion.strip():
            raise LexiconError(f"{where}, entry {number} ({ident}): 'suggestion' must be a non-empty string")
        seen.add(ident)
        out.append(Cliche(ident, tuple(p.strip() for p in phrases), suggestion.strip()))
    return tuple(out)


def _phrase_pattern(phrases: Sequence[str]) -> str:
    """Alternatives for all phrases, longest first; spaces and hyphens match any run of either."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        words = re.split(r"[\s\-]+", phrase.strip())
        parts.append(r"[\s\-]+".join(re.escape(w) for w in words))
    return "|".join(parts)


@functools.lru_cache(maxsize=8)
def _cliche_regex(cliches: tuple[Cliche, ...]) -> re.Pattern[str]:
    """One case-insensitive regex for the whole list: group ``c<i>`` matches cliché ``i``."""
    groups = "|".join(f"(?P<c{i}>{_phrase_pattern(c.phrases)})" for i, c in enumerate(cliches))
    return re.compile(r"(?<![\w-])(?:" + groups + r")(?![\w-])", re.IGNORECASE)


def check_cliches(resume: Resume, cliches: Sequence[Cliche], strong: Sequence[tuple[int, int]] = ()) -> list[Finding]:
    """Clichés and buzzwords outside a quantified statement, one finding per cliché (in list order)."""
    if not cliches:
        return []
    cliches = tuple(cliches)
    find = _cliche_regex(cliches).finditer  # once: hashing the cliché tuple per block costs more than the scan
    hits: dict[int, list[tuple[int, str]]] = {}
    for block in resume.blocks:
        for m in find(block.text):
            offset = block.start + m.start()
            if any(s <= offset < e for s, e in strong):
                continue  # backed by a measured result in the same statement
            index = int((m.lastgroup or "c0")[1:])
            hits.setdefault(index, []).append((block.line, m.group(0)))
    out = []
    for index in sorted(hits):
        cliche, found = cliches[index], hits[index]
        phrase = " ".join(found[0][1].split())
        times = f" ({len(found)} times)" if len(found) > 1 else ""
        out.append(
            Finding(
                f"ats.cliche.{cliche.id}",
                f"'{phrase}'{times} is a cliché recruiters skip when nothing backs it up: {cliche.suggestion}",
                "info",
                line=found[0][0],
                count=len(found),
            )
        )
    return out


@ats_check("ats.cliche", order=60, context=True)
def _run(context: Context) -> list[Finding]:
    return check_cliches(context.resume, context.cliches, context.strong)
