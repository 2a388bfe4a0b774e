"""List items a PDF shows by layout rather than by a bullet character, so that each becomes its own block.

HTML-to-PDF résumés (wkhtmltopdf, Chrome, WeasyPrint) often draw the list bullet as a small filled shape, which no
text layer holds: three bullets on three lines then read as one paragraph ("... the customer base Proposed and
completed a new framework ..."). Evidence is taken in this order, each rule only marking lines the ones
before left unmarked:

1. **shape**: a small filled, roughly square path (disc, square) just left of a line's first word and vertically
   centred on it, with at least one other such shape at the same x in the document; a shape as large as the
   letters, or touching another shape, is an icon, not a bullet;
2. **indent**: a repeated hanging indent: an item's first line starts left of its continuation lines, seen on at
   least two wrapped items at the same pair of x positions; in a run of lines of one style, every line at the
   item position starts an item;
3. **verb**: a capitalised action verb (``lexicons/verbs.yaml``) opening a line of three or more words, in the same
   style and at the same left edge as the line above, when that line ends a clause (. ; : ! ?) or stops short of the
   column's right edge by more than the verb's width (it did not wrap). A wrapped sentence whose next line happens
   to open with a capitalised word is never split: its line above reaches the edge and ends no clause. In a list
   whose other items have bullet glyphs, a full line ending a sentence is not enough: the next sentence of a
   glyph-bulleted item starts that way too. Verbs that
   are also nouns ("Lead", "Design", "Project") are left alone, because job titles open with them. When a run of
   lines gets a verb item, its first line does too if it opens with an action verb.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from typing import Any, Literal

from ..models import Line
from .pdf_chars import LIGHT, Shape

Rule = Literal["shape", "indent", "verb"]

#: a bullet shape is at most this share of the line's font size on its longer side, and at least MARK_SHARE_MIN
MARK_SHARE_MAX = 0.6
MARK_SHARE_MIN = 0.12
#: ... and no more elongated than this (a dash or rule is not a bullet)
MARK_ASPECT = 2.2
#: ... and ends at most this many font sizes left of the line's first glyph
MARK_GAP = 2.6
#: shapes at the same x within this many points share a list's bullet column
SAME_X = 1.5
#: a line more than this many font sizes below the previous one starts a new run
RUN_GAP = 0.9
#: a hanging indent moves continuation lines right by this many font sizes
INDENT_MIN, INDENT_MAX = 0.5, 3.5
#: a space is about this share of the font size (for "would the next word have fitted")
SPACE = 0.3
VERB_MIN_WORDS = 3
#: shapes looked at per page: a page with more small shapes than this draws a chart or a pattern, not a list
MAX_MARKS = 500
#: a line's box is at most this many points tall (how far above a shape its line can start)
MAX_LINE_HEIGHT = 60.0

_TERMINAL = re.compile(r"[.;:!?]['\"’”)]?$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


class LineBox:
    """What the rules read of one line: its position (``x0``: where its text starts, after any bullet glyph), style,
    text and the width of its first word."""

    __slots__ = ("bold", "bottom", "bullet", "column", "first_width", "page", "size", "text", "top", "x0", "x1")

    def __init__(self, line: Line, start: tuple[float, float]) -> None:
        assert line.bbox is not None
        _, self.top, self.x1, self.bottom = line.bbox
        self.x0, self.first_width = start
        self.bullet = line.bullet
        self.page = line.page
        self.column = line.column
        self.size = line.font_size or max(1.0, line.bbox[3] - line.bbox[1])
        self.bold = line.bold
        self.text = line.text


def find_layout_bullets(
    lines: Sequence[Line],
    starts: Sequence[tuple[float, float]],
    marks: Mapping[int, Sequence[Shape]],
    verb_opener: Callable[[Sequence[str]], bool],
) -> dict[int, Rule]:
    """Indexes of ``lines`` that start a list item by layout evidence, with the rule that found each.

    ``starts[i]`` is (x where line i's text starts, after any bullet glyph; width of its first word) in points;
    ``marks`` maps a page number to its small filled shapes; ``verb_opener(words)`` tells whether lower-case words
    open with an action verb that is not also a noun. Lines already marked as bullets, lines without a box and
    header/footer lines are never returned.
    """
    boxes: list[LineBox | None] = [
        LineBox(line, start) if line.bbox is not None and line.part == "body" else None
        for line, start in zip(lines, starts, strict=True)
    ]
    found: dict[int, Rule] = {}
    for index in _shape_items(boxes, marks):
        found[index] = "shape"
    runs = _runs(boxes)
    for index in _indent_items(boxes, runs):
        found.setdefault(index, "indent")
    for index in _verb_items(boxes, runs, found, verb_opener):
        found.setdefault(index, "verb")
    return {index: rule for index, rule in found.items() if not lines[index].bullet}


# --------------------------------------------------------------------------------------------- 1. shapes


def _shape_items(boxes: Sequence[LineBox | None], marks: Mapping[int, Sequence[Shape]]) -> list[int]:
    by_page: dict[int, list[int]] = {}
    for index, box in enumerate(boxes):
        if box is not None and box.page is not None:
            by_page.setdefault(box.page, []).append(index)
    attached: list[tuple[float, int]] = []  # (shape x0, line index)
    for page, indexes in by_page.items():
        page_marks = list(marks.get(page, ()))[:MAX_MARKS]
        if not page_marks:
            continue
        indexes.sort(key=lambda i: boxes[i].top)  # type: ignore[union-attr]
        tops = [boxes[i].top for i in indexes]  # type: ignore[union-attr]
        for mark in page_marks:
            if mark.color is not None and _luminance(mark.color) > LIGHT:
                continue  # paper-coloured: not seen
            middle = (mark.top + mark.bottom) / 2
            near = indexes[bisect_left(tops, middle - MAX_LINE_HEIGHT) : bisect_right(tops, middle)]
            line = _line_for_mark(mark, boxes, near)
            if line is not None and not any(_overlap(mark, other) for other in page_marks if other is not mark):
                attached.append((mark.x0, line))  # (a shape overlapping another is part of an icon)
    # a list's bullets line up: keep shapes with another at the same x (a lone dot is an icon or decoration)
    attached.sort()
    items: set[int] = set()
    for k, (x, index) in enumerate(attached):
        before = k > 0 and x - attached[k - 1][0] <= SAME_X and attached[k - 1][1] != index
        after = k + 1 < len(attached) and attached[k + 1][0] - x <= SAME_X and attached[k + 1][1] != index
        if before or after:
            items.add(index)
    return sorted(items)


def _line_for_mark(mark: Shape, boxes: Sequence[LineBox | None], indexes: Sequence[int]) -> int | None:
    width, height = mark.x1 - mark.x0, mark.bottom - mark.top
    if width <= 0 or height <= 0 or max(width, height) > MARK_ASPECT * min(width, height):
        return None
    middle = (mark.top + mark.bottom) / 2
    best: tuple[float, int] | None = None
    for index in indexes:
        box = boxes[index]
        assert box is not None
        line_height = box.bottom - box.top
        if not box.top <= middle <= box.bottom or abs(middle - (box.top + box.bottom) / 2) > 0.35 * line_height:
            continue
        side = max(width, height)
        if not MARK_SHARE_MIN * box.size <= side <= MARK_SHARE_MAX * box.size:
            continue
        gap = box.x0 - mark.x1
        if -0.5 <= gap <= MARK_GAP * box.size and (best is None or gap < best[0]):
            best = (gap, index)
    return best[1] if best else None


def _overlap(a: Shape, b: Shape) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.top < b.bottom and b.top < a.bottom


def _luminance(color: tuple[float, float, float]) -> float:
    return 0.2126 * color[0] + 0.7152 * color[1] + 0.0722 * color[2]


# --------------------------------------------------------------------------------------------- runs


def _runs(boxes: Sequence[LineBox | None]) -> list[list[int]]:
    """Consecutive lines of one style, close below each other in one column: where list items can be."""
    runs: list[list[int]] = []
    current: list[int] = []
    prev: LineBox | None = None
    for index, box in enumerate(boxes):
        if box is None:
            if current:
                runs.append(current)
            current, prev = [], None
            continue
        if prev is not None and _same_run(prev, box):
            current.append(index)
        else:
            if current:
                runs.append(current)
            current = [index]
        prev = box
    if current:
        runs.append(current)
    return runs


def _same_run(prev: LineBox, box: LineBox) -> bool:
    if box.page != prev.page or box.column != prev.column or abs(box.size - prev.size) > 0.4:
        return False
    if prev.bold is not None and box.bold is not None and prev.bold != box.bold:
        return False
    gap = box.top - prev.bottom
    return -0.5 * prev.size <= gap <= RUN_GAP * prev.size


def _edges(boxes: Sequence[LineBox | None]) -> dict[tuple[int | None, int, int], float]:
    """Where lines wrap: the furthest right any line reaches, per page, column and (rounded) font size."""
    edges: dict[tuple[int | None, int, int], float] = {}
    for box in boxes:
        if box is not None:
            key = (box.page, box.column, round(box.size))
            edges[key] = max(edges.get(key, 0.0), box.x1)
    return edges


def _right_edge(boxes: Sequence[LineBox | None], run: Sequence[int], edges: Mapping[Any, float]) -> float:
    first = boxes[run[0]]
    assert first is not None
    return edges.get((first.page, first.column, round(first.size)), first.x1)


def _wrapped(line: LineBox, following: LineBox, edge: float) -> bool:
    """Whether ``line`` ran to the edge: the next line's first word would not have fitted after it."""
    return edge - line.x1 < following.first_width + SPACE * line.size


# --------------------------------------------------------------------------------------------- 2. hanging indent


def _indent_items(boxes: Sequence[LineBox | None], runs: Sequence[Sequence[int]]) -> list[int]:
    # evidence: a wrapped first line at xa whose continuation starts further right, at xb
    pairs: list[tuple[float, float, int]] = []  # (xa, xb, run number)
    all_edges = _edges(boxes)
    edges = [_right_edge(boxes, run, all_edges) if len(run) > 1 else 0.0 for run in runs]
    for number, run in enumerate(runs):
        for a, b in pairwise(run):
            first, cont = boxes[a], boxes[b]
            assert first is not None and cont is not None
            if first.bullet or cont.bullet:
                continue  # a bullet glyph already tells the items apart (and a continuation never has one)
            shift = cont.x0 - first.x0
            if INDENT_MIN * first.size <= shift <= INDENT_MAX * first.size and _wrapped(first, cont, edges[number]):
                pairs.append((first.x0, cont.x0, number))
    # the same pair of x positions (to the point, give or take one) on two wrapped items or more
    seen = Counter((round(xa), round(xb)) for xa, xb, _ in pairs)
    items: set[int] = set()
    done: set[tuple[int, float]] = set()
    for xa, xb, number in pairs:
        ka, kb = round(xa), round(xb)
        repeated = sum(seen[(ka + da, kb + db)] for da in (-1, 0, 1) for db in (-1, 0, 1))
        if repeated < 2 or (number, xa) in done:
            continue
        done.add((number, xa))
        for i in runs[number]:
            box = boxes[i]
            assert box is not None
            if abs(box.x0 - xa) <= SAME_X:
                items.add(i)
    return sorted(items)


# --------------------------------------------------------------------------------------------- 3. action verbs


def _verb_items(
    boxes: Sequence[LineBox | None],
    runs: Sequence[Sequence[int]],
    found: Mapping[int, Rule],
    verb_opener: Callable[[Sequence[str]], bool],
) -> list[int]:
    items: list[int] = []
    all_edges = _edges(boxes)
    for run in runs:
        if len(run) < 2:
            continue
        edge = _right_edge(boxes, run, all_edges)
        # in a list with bullet glyphs, a line without one that follows a full line is that item's next sentence
        glyphs = any(boxes[i].bullet for i in run)  # type: ignore[union-attr]
        marked_here = False
        for a, b in pairwise(run):
            prev, box = boxes[a], boxes[b]
            assert prev is not None and box is not None
            if b in found or box.bullet or box.x0 > prev.x0 + SAME_X:
                continue  # already an item, or indented under the line above (its continuation)
            if _wrapped(prev, box, edge) and (glyphs or not _TERMINAL.search(prev.text)):
                continue  # the line above ran on to the edge: this line continues its sentence or its item
            if _opens_with_verb(box.text, verb_opener):
                items.append(b)
                marked_here = True
        first = boxes[run[0]]
        assert first is not None
        if marked_here and run[0] not in found and _opens_with_verb(first.text, verb_opener):
            items.append(run[0])
    return sorted(items)


def _opens_with_verb(text: str, verb_opener: Callable[[Sequence[str]], bool]) -> bool:
    words = _WORD.findall(text[:80])
    if len(words) < VERB_MIN_WORDS or not text[:1].isupper() or not words[0][:1].isupper():
        return False
    if len(words[0]) > 1 and words[0].isupper():
        return False  # an acronym or a heading in capitals
    return verb_opener([w.lower() for w in words[:3]])
