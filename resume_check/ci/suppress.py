"""Inline suppression: comments in Markdown, LaTeX and Typst sources that switch rules off for lines or blocks.

Directives (ids are rule-id prefixes, comma-separated; none means every rule):

- ``<!-- resume-check: disable=impact.weak -->`` (Markdown), ``% resume-check: disable=...`` (LaTeX),
  ``// resume-check: disable=...`` (Typst): when the next disable/enable directive is a matching ``enable``,
  everything between the two lines (blocks do not nest); otherwise the next non-blank line only;
- ``resume-check: enable[=ids]`` ends a block (a bare ``enable`` ends any block);
- ``resume-check: disable-next-line[=ids]``: the next non-blank line;
- ``resume-check: disable-line[=ids]``: the line the comment is on (a trailing comment).

Line numbers are the source file's (``models.Line.source_line``), which is what findings carry for text sources.

A JSON Resume has no comments: ``"x-resume-check": {"disable": ["impact.weak"]}`` on an item (a ``work`` entry,
a skill ...) switches those rules off on the item's lines; on the document it switches them off for the whole file,
whole-file findings included (``parse_json_suppressions``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

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
    whole_file: bool = False  # also covers findings about the whole file (line None): a document-level switch

    def matches(self, rule_id: str) -> bool:
        return any(p == ALL or rule_id == p or rule_id.startswith(p.rstrip(".") + ".") for p in self.ids)

    def covers(self, rule_id: str, line: int | None) -> bool:
        if line is None:
            return self.whole_file and self.matches(rule_id)
        return self.first <= line <= self.last and self.matches(rule_id)


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
    """True when an inline directive switches ``rule_id`` off at ``line``.

    Whole-file items (``line`` None) are suppressed only by a document-level JSON Resume switch: a comment sits on
    a line, so it cannot speak for the whole file.
    """
    return any(s.covers(rule_id, line) for s in suppressions)


def parse_json_suppressions(data: bytes, path: str = "resume.json") -> tuple[Suppression, ...]:
    """The ``x-resume-check`` switches of a JSON Resume: one per object holding one, over the object's lines.

    Raises InputError when the file is not valid JSON or a switch is malformed (the extractor reports the same).
    """
    from ..extract.jsonresume import SUPPRESS_KEY, check_suppress_value, format_path, parse_json_tree

    tree = parse_json_tree(data, path)
    out: list[Suppression] = []
    stack: list[tuple[tuple[str | int, ...], object]] = [((), tree.value)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, list):
            stack.extend(((*where, i), item) for i, item in enumerate(value))
            continue
        if not isinstance(value, dict):
            continue
        stack.extend(((*where, key), item) for key, item in value.items() if key != SUPPRESS_KEY)
        if SUPPRESS_KEY not in value:
            continue
        check_suppress_value(value[SUPPRESS_KEY], (*where, SUPPRESS_KEY), _raise_for(path, format_path))
        ids = tuple(value[SUPPRESS_KEY].get("disable", ()))
        first, last = tree.spans[where]
        if ids:
            out.append(Suppression(first, last, ids, whole_file=where == ()))
    return tuple(sorted(out, key=lambda s: (s.first, s.last)))


def _raise_for(path: str, format_path: Callable[[tuple[str | int, ...]], str]) -> Callable[[Any, str], None]:
    def report(where: tuple[str | int, ...], message: str) -> None:
        from ..errors import InputError

        raise InputError(f"{path}: {format_path(where)}: {message}; fix the x-resume-check switch", path=path)

    return report


def source_suppressions(path: str, data: bytes) -> tuple[Suppression, ...]:
    """The inline switches of a résumé source: comments in .md/.tex/.typ/.txt, ``x-resume-check`` in .json."""
    lower = path.lower()
    if lower.endswith(".json"):
        return parse_json_suppressions(data, path)
    if lower.endswith(TEXT_SOURCE_SUFFIXES):
        return parse_suppressions(data.decode("utf-8", "replace"))
    return ()


#: résumé sources whose comments can hold directives
TEXT_SOURCE_SUFFIXES = (".md", ".markdown", ".tex", ".typ", ".txt", ".text")
