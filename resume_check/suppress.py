"""Inline suppression: comments in Markdown, LaTeX and Typst sources that switch rules off for lines or blocks.

Directives (ids are rule-id prefixes, comma-separated; none means every rule):

- ``<!-- resume-check: disable=impact.weak -->`` (Markdown), ``% resume-check: disable=...`` (LaTeX),
  ``// resume-check: disable=...`` (Typst): when the next disable/enable directive is a matching ``enable``,
  everything between the two lines (blocks do not nest); otherwise the next non-blank line only;
- ``resume-check: enable[=ids]`` ends a block (a bare ``enable`` ends any block);
- ``resume-check: disable-next-line[=ids]``: the next non-blank line;
- ``resume-check: disable-line[=ids]``: the line the comment is on (a trailing comment).

Line numbers are the source file's (``models.Line.source_line``), which is what findings carry for text sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

DIRECTIVE_RE = re.compile(
    r"(?:<!--|%|//)\s*resume-check:\s*(?P<verb>disable-next-line|disable-line|disable|enable)"
    r"(?:\s*=\s*(?P<ids>[A-Za-z0-9_.,\s-]+?))?\s*(?:-->|$)",
    re.MULTILINE,
)
ALL = "*"


@dataclass(frozen=True, slots=True)
class Suppression:
    """Rule-id prefixes (or ``*`` for all) switched off on source lines ``first``..``last`` inclusive."""

    first: int
    last: int
    ids: tuple[str, ...]

    def covers(self, rule_id: str, line: int) -> bool:
        if not self.first <= line <= self.last:
            return False
        return any(p == ALL or rule_id == p or rule_id.startswith(p.rstrip(".") + ".") for p in self.ids)


def parse_suppressions(source: str) -> tuple[Suppression, ...]:
    """Read the suppression directives of a text source (Markdown, LaTeX, Typst or plain text)."""
    lines = source.splitlines()
    directives: list[tuple[int, str, tuple[str, ...]]] = []  # (1-based line, verb, ids)
    for number, text in enumerate(lines, start=1):
        for match in DIRECTIVE_RE.finditer(text):
            raw = match.group("ids")
            ids = tuple(i.strip() for i in raw.split(",") if i.strip()) if raw else (ALL,)
            directives.append((number, match.group("verb"), ids))
    out: list[Suppression] = []
    for position, (number, verb, ids) in enumerate(directives):
        if verb == "disable-line":
            out.append(Suppression(number, number, ids))
        elif verb == "disable-next-line":
            target = _next_content_line(lines, number)
            out.append(Suppression(target, target, ids))
        elif verb == "disable":
            end = _matching_enable(directives[position + 1 :], ids)
            if end is None:
                target = _next_content_line(lines, number)
                out.append(Suppression(number, target, ids))
            else:
                out.append(Suppression(number, end, ids))
    return tuple(out)


def _next_content_line(lines: list[str], number: int) -> int:
    for index in range(number, len(lines)):  # lines[number] is the 1-based line number + 1
        text = lines[index].strip()
        if text and not DIRECTIVE_RE.search(text):
            return index + 1
    return number


def _matching_enable(later: Iterable[tuple[int, str, tuple[str, ...]]], ids: tuple[str, ...]) -> int | None:
    """The line of the enable closing a disable: the next disable/enable directive, if it is a matching enable."""
    for number, verb, enable_ids in later:
        if verb == "enable":
            return number if enable_ids == (ALL,) or set(ids) <= set(enable_ids) else None
        if verb == "disable":
            return None
    return None


def is_suppressed(rule_id: str, line: int | None, suppressions: Iterable[Suppression]) -> bool:
    """True when an inline directive switches ``rule_id`` off at ``line`` (whole-file items are never suppressed)."""
    return line is not None and any(s.covers(rule_id, line) for s in suppressions)
