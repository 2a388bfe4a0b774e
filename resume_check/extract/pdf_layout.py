"""Engine-independent PDF layout: chars → visible words → rows → columns → lines in reading order.

Works on ``pdf_chars.PageChars`` from any engine. Words are built from glyph gaps relative to the font size, so PDFs
whose text layer holds no space characters (XeTeX, LuaTeX, Google Docs) read correctly. Column gutters are found per
page as vertical whitespace that no row crosses; a narrow column whose every entry sits on a row of the other side
(right-aligned dates, moderncv's date margin) is attached to its rows instead of being read as a column.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from operator import attrgetter

from ..dates import find_dates, find_ranges
from ..numbers import median
from .pdf_chars import LIGHT, Char, Color, PageChars, Shape

#: a gap wider than this share of the font size separates words (spaces are 0.22-0.33 em; kerning is < 0.05 em)
WORD_GAP = 0.1
#: a gap wider than this share of the font size separates row segments (candidate column gutters)
SEGMENT_GAP = 0.9
#: text under this size (points) is unreadable: keyword stuffing hides this way
MIN_SIZE = 2.0
MIN_COLUMN_ROWS = 3


# Plain slotted classes, not dataclasses: each @dataclass has a cost at import (see pdf_chars).


class Word:
    __slots__ = ("bottom", "chars", "size", "top", "x0", "x1")

    def __init__(self, chars: list[Char], x0: float, x1: float, top: float, bottom: float, size: float) -> None:
        self.chars = chars
        self.x0 = x0
        self.x1 = x1
        self.top = top
        self.bottom = bottom
        self.size = size  # the largest glyph size in the word

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars)


class Segment:
    __slots__ = ("bottom", "top", "words", "x0", "x1")

    def __init__(self, words: list[Word], x0: float, x1: float, top: float, bottom: float) -> None:
        self.words = words
        self.x0 = x0
        self.x1 = x1
        self.top = top
        self.bottom = bottom

    def text_len(self) -> int:
        return sum(len(w.chars) for w in self.words) + len(self.words) - 1

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


class Row:
    __slots__ = ("bottom", "segments", "top")

    def __init__(self, segments: list[Segment], top: float, bottom: float) -> None:
        self.segments = segments
        self.top = top
        self.bottom = bottom


class RawLine:
    """A line before text normalisation: its words (with the gaps between them) and position."""

    __slots__ = ("bottom", "column", "page", "top", "words", "x0", "x1")

    def __init__(
        self, words: list[Word], page: int, column: int, x0: float, top: float, x1: float, bottom: float
    ) -> None:
        self.words = words
        self.page = page
        self.column = column
        self.x0 = x0
        self.top = top
        self.x1 = x1
        self.bottom = bottom


class PageLayout:
    __slots__ = ("height", "hidden", "leaf_bounds", "lines", "number")

    def __init__(
        self, lines: list[RawLine], hidden: int, height: float, number: int, leaf_bounds: list[float] | None = None
    ) -> None:
        self.lines = lines
        self.hidden = hidden  # characters left out as invisible
        self.height = height
        self.number = number
        self.leaf_bounds: list[float] = [] if leaf_bounds is None else leaf_bounds


# --------------------------------------------------------------------------------------------- visibility


def _distance(a: Color, b: Color) -> float:
    return max(abs(a[0] - b[0]), abs(a[1] - b[1]), abs(a[2] - b[2]))


def _background(shapes: list[Shape], x: float, y: float) -> Color | None:
    """Colour under a point: the last filled shape drawn there (None: an image), white paper when none."""
    result: Color | None = (1.0, 1.0, 1.0)
    for s in shapes:
        if s.x0 <= x <= s.x1 and s.top <= y <= s.bottom:
            result = s.color
    return result


def split_visible(page: PageChars) -> tuple[list[Char], int]:
    """The chars a reader can see, and the count of those nobody can (invisible, tiny, off-page, paper-coloured)."""
    visible: list[Char] = []
    hidden = 0
    width, height = page.width, page.height
    shapes = [s for s in page.shapes if (s.x1 - s.x0) * (s.bottom - s.top) < width * height * 4]
    append = visible.append
    min_size = MIN_SIZE
    # centres are compared doubled: (x0 + x1) / 2 > width exactly when x0 + x1 > 2 * width (halving is exact)
    twice_width, twice_height = 2 * width, 2 * height
    for c in page.chars:
        if c.text.isspace():
            append(c)
            continue
        sx = c.x0 + c.x1
        sy = c.top + c.bottom
        # (a NaN box or size from a damaged file fails every comparison below: "not >=" catches it)
        if (
            c.invisible
            or not c.size >= min_size
            or not 0 <= sx <= twice_width
            or not 0 <= sy <= twice_height
        ):
            hidden += 1
            continue
        color = c.color
        # (green carries most of the luminance: under 0.79 the colour cannot be light, a cheap first test)
        if (
            color is not None
            and color[1] > 0.79
            and (0.2126 * color[0] + 0.7152 * color[1] + 0.0722 * color[2]) > LIGHT
        ):
            back = _background(shapes, sx / 2, sy / 2)
            if back is not None and _distance(back, color) < 0.12:
                hidden += 1
                continue
        append(c)
    return visible, hidden


# --------------------------------------------------------------------------------------------- rows and words


def build_rows(chars: list[Char]) -> list[Row]:
    """Group chars into rows (shared vertical band), then words (gaps), then segments (wide gaps)."""
    bands: list[tuple[float, float, list[Char]]] = []  # (top, bottom, chars) of each row's seed
    # a char with the same box top and bottom as the one before (and a positive height) lands in the same band:
    # the lookback below would find that band again, or the band the previous char just seeded
    run_top = run_bottom = 0.0
    run: list[Char] | None = None
    for c in sorted(chars, key=_middle):
        ct, cb = c.top, c.bottom
        if run is not None and ct == run_top and cb == run_bottom:
            run.append(c)
            continue
        if cb - ct <= 0 and c.text.isspace():
            continue
        h = cb - ct if cb - ct > 0.1 else 0.1
        # look back over the last few rows: a row of mixed sizes can start before a smaller glyph's row
        for k in range(len(bands) - 1, len(bands) - 4 if len(bands) > 3 else -1, -1):
            bt, bb, members = bands[k]
            lo = bt if bt > ct else ct
            hi = bb if bb < cb else cb
            bh = bb - bt
            if hi - lo >= 0.5 * (h if h < bh else bh):
                members.append(c)
                break
        else:
            members = [c]
            bands.append((ct, cb, members))
        run, run_top, run_bottom = (members, ct, cb) if cb - ct > 0 else (None, 0.0, 0.0)
    rows = []
    for _top, _bottom, members in bands:
        row = _row_from_chars(members)
        if row is not None:
            rows.append(row)
    rows.sort(key=lambda r: (r.top + r.bottom) / 2)
    return rows


def _middle(c: Char) -> float:
    return c.top + c.bottom


def _tracking(members: list[Char]) -> float:
    """The row's typical gap between letters, in em: near 0 normally, 0.1 em or more for letter-spaced text."""
    # each pair of neighbouring glyphs, neither a space: the gap over the smaller size (at least 1 pt)
    gaps = [
        (c.x0 - p.x1) / (small if (small := c.size if c.size < p.size else p.size) > 1.0 else 1.0)
        for p, c in itertools.pairwise(members)
        if c.text != " " and p.text != " "
    ]
    if len(gaps) < 4:
        return 0.0
    gaps.sort()
    mid = gaps[len(gaps) // 2]
    return 0.0 if mid < 0.0 else 0.4 if mid > 0.4 else mid


_X0 = attrgetter("x0")
_X1 = attrgetter("x1")


def _row_from_chars(members: list[Char]) -> Row | None:
    members.sort(key=_X0)
    # letter-spaced rows (CSS letter-spacing, Word's expanded small caps) move the word gap up by the tracking
    word_gap = max(WORD_GAP, _tracking(members) + 0.09)
    words: list[Word] = []
    current: list[Char] = []
    last: Char | None = None
    for c in members:
        text = c.text
        if text.isspace():
            if current:
                words.append(_word(current))
                current = []
            last = None
            continue
        if last is not None:
            # the same glyph drawn twice at (almost) the same place is fake bold or a shadow: read it once
            if text == last.text and abs(c.x0 - last.x0) < min(0.15 * c.size, 0.5 * (last.x1 - last.x0)):
                last.bold = True  # overprinting is how some tools fake bold
                continue
            size = c.size if c.size < last.size else last.size
            if c.x0 - last.x1 > word_gap * (size if size > 1.0 else 1.0):
                words.append(_word(current))
                current = []
        current.append(c)
        last = c
    if current:
        words.append(_word(current))
    if not words:
        return None
    segments: list[Segment] = []
    group: list[Word] = [words[0]]
    for prev, word in itertools.pairwise(words):
        # a list marker belongs to its text however far the indent: never a column of its own
        marker = len(group) == 1 and len(prev.chars) == 1 and not prev.chars[0].text.isalnum()
        if not marker and word.x0 - prev.x1 > SEGMENT_GAP * max(prev.size, word.size, 1.0):
            segments.append(_segment(group))
            group = []
        group.append(word)
    segments.append(_segment(group))
    return _row(segments)


def _row(segments: list[Segment]) -> Row:
    return Row(segments, min(s.top for s in segments), max(s.bottom for s in segments))


def _word(chars: list[Char]) -> Word:
    first = chars[0]
    if len(chars) == 1:
        return Word(chars, first.x0, first.x1, first.top, first.bottom, first.size)
    x1, top, bottom, size = first.x1, first.top, first.bottom, first.size
    for c in chars:
        if c.x1 > x1:
            x1 = c.x1
        if c.top < top:
            top = c.top
        if c.bottom > bottom:
            bottom = c.bottom
        if c.size > size:
            size = c.size
    return Word(chars, first.x0, x1, top, bottom, size)


def _segment(words: list[Word]) -> Segment:
    return Segment(words, words[0].x0, words[-1].x1, min(w.top for w in words), max(w.bottom for w in words))


# --------------------------------------------------------------------------------------------- columns


class _Leaf:
    __slots__ = ("left", "rows", "split")

    def __init__(self, rows: list[Row], left: float, split: bool) -> None:
        self.rows = rows
        self.left = left  # left bound of the column (the gutter), for numbering
        self.split = split  # inside a column split


def _side_rows(rows: list[Row], x: float) -> tuple[list[Row], list[Row]]:
    """The rows' parts left and right of the gutter line at x, as rows (see ``_side_segments``)."""
    left, right = _side_segments(rows, x)
    return [_row(segments) for segments in left], [_row(segments) for segments in right]


def _candidates(rows: list[Row]) -> list[float]:
    xs: set[float] = set()
    for row in rows:
        for a, b in zip(row.segments, row.segments[1:], strict=False):
            xs.add(round((a.x1 + b.x0) / 2))
            # also the gap's edges: the widest common gutter is somewhere in between
            xs.add(round(a.x1 + 2))
            xs.add(round(b.x0 - 2))
    return sorted(xs)


def _side_segments(rows: list[Row], x: float) -> tuple[list[list[Segment]], list[list[Segment]]]:
    """Each row's segments left and right of the gutter line at x, by centre, so a segment ending a hair past the
    line is never lost (rows with nothing on a side are left out of it)."""
    twice = 2 * x
    left: list[list[Segment]] = []
    right: list[list[Segment]] = []
    for row in rows:
        ls = [s for s in row.segments if s.x0 + s.x1 < twice]
        rs = [s for s in row.segments if s.x0 + s.x1 >= twice]
        if ls:
            left.append(ls)
        if rs:
            right.append(rs)
    return left, right


def _is_margin_column(left: list[list[Segment]], right: list[list[Segment]], run: list[Row], x: float) -> bool:
    """A narrow side whose entries all sit on rows of the other side: dates or labels belonging to their rows.

    ``left`` and ``right`` hold each row's segments on that side (``_side_segments``).
    """
    minor, major = (left, right) if len(left) <= len(right) else (right, left)
    paired = sum(
        1
        for row in run
        if any(s.x0 + s.x1 < 2 * x for s in row.segments) and any(s.x0 + s.x1 >= 2 * x for s in row.segments)
    )
    if not minor or paired < 0.8 * len(minor):
        return False
    lengths = [sum(s.text_len() for s in segments) for segments in minor]
    if median(lengths) > 40:
        return False
    x1s = [max(s.x1 for s in segments) for segments in minor]
    x0s = [min(s.x0 for s in segments) for segments in minor]
    x1_spread, x0_spread = max(x1s) - min(x1s), max(x0s) - min(x0s)
    # dates and places are right-aligned against the margin; a real column is left-aligned (ragged right)
    right_aligned = x1_spread < 10 and x1_spread * 2 < x0_spread
    if right_aligned:
        return True
    if paired <= 0.6 * len(major):
        # entries beside only some of the other side's rows: labels of those rows (dates beside job titles,
        # headings in a margin), unless they are a sidebar, which sits on rows of the other side only because its
        # lines are as tall: left-aligned and ragged, few entries a date, place or label, and packed together
        # rather than one beside each block of the other side
        return not _is_sidebar(minor, run, x, minor is left, x0_spread, x1_spread)
    # every row paired: a table of dates, places or "Label:" cells reads row by row; a real column does not
    twice = 2 * x
    table_rows = 0
    for row in run:
        left_text = " ".join(w.text for s in row.segments if s.x0 + s.x1 < twice for w in s.words)
        right_text = " ".join(w.text for s in row.segments if s.x0 + s.x1 >= twice for w in s.words)
        if left_text and right_text and (_CELL.search(left_text) or _CELL.search(right_text)):
            table_rows += 1
    return table_rows >= 0.7 * paired


def _is_sidebar(
    minor: list[list[Segment]], run: list[Row], x: float, minor_left: bool, x0_spread: float, x1_spread: float
) -> bool:
    """True when the narrow side of a run reads as a column of its own (skills, links, education in a sidebar):
    its entries are left-aligned and ragged, at most a third of them look like cells (``_CELL``), and most follow
    the one before with at most one row of the other side between them. ``minor_left``: the narrow side is the left
    one (by the segments' centres, as ``_side_segments`` splits them: never by an edge, which may fall on either
    side of the gutter line); the spreads are those of its entries' left and right edges (``_is_margin_column``
    has them)."""
    if not (x0_spread < 10 and x1_spread > 3 * max(x0_spread, 10)):
        return False
    texts = [" ".join(s.text for s in segments) for segments in minor]
    if sum(1 for text in texts if _CELL.search(text)) * 3 > len(texts):
        return False
    twice = 2 * x
    # rows of the run holding an entry of the narrow side, in order; the gaps between them count the other side's
    # rows that stand alone
    at = [k for k, row in enumerate(run) if any((s.x0 + s.x1 < twice) is minor_left for s in row.segments)]
    gaps = [b - a - 1 for a, b in itertools.pairwise(at)]
    return bool(gaps) and sum(1 for g in gaps if g <= 1) * 3 >= 2 * len(gaps)


#: what the cells of a date / place / label column look like
_CELL = re.compile(
    r"\b(19|20)\d\d\b|\b(present|current|now|today)\b|:$|^[A-Z][\w .'-]*, ?[A-Z][\w .'-]*$",
    re.IGNORECASE,
)


def _find_split(rows: list[Row]) -> tuple[int, int, float] | None:
    """The longest run of rows [i, j) that a vertical gutter at x separates into two real columns.

    A row crosses the gutter line at x when one of its segments spans x - 0.5 .. x + 0.5. The candidates come in
    increasing x, so each segment starts spanning once (x0 < x - 0.5) and stops once (x1 <= x + 0.5): the rows'
    crossing state is swept along instead of recomputed for every row at every candidate, and runs of rows are
    found with list searches (tests/test_pdf_columns.py checks this against the plain definition).
    """
    best: tuple[int, int, float] | None = None
    best_score = 0
    # whether a run is a margin column depends only on which of its segments fall left of the gutter, and
    # neighbouring candidates (a gap's middle and its two edges) usually split a run the same way: judged once
    margin_of: dict[tuple[int, int, tuple[tuple[bool, ...], ...]], bool] = {}
    big_gap = 6 * median(r.bottom - r.top for r in rows)
    n = len(rows)
    # a column is one continuous block: a wide vertical gap (a footer far below) ends the run
    far_below = [j for j in range(1, n) if not rows[j].top - rows[j - 1].bottom < big_gap]
    centres = [[s.x0 + s.x1 for s in row.segments] for row in rows]  # doubled, as the side tests compare them
    # (a NaN centre is never left or right of anything, as in _side_rows: leave it out of the extremes)
    lowest = [min((v for v in c if v == v), default=math.inf) for c in centres]
    highest = [max((v for v in c if v == v), default=-math.inf) for c in centres]
    # (x0, x1, row) of every segment (a NaN coordinate never spans anything, as its comparisons are all false)
    segments = [(s.x0, s.x1, r) for r, row in enumerate(rows) for s in row.segments if s.x0 == s.x0 and s.x1 == s.x1]
    by_start = sorted(range(len(segments)), key=lambda k: segments[k][0])
    by_end = sorted(range(len(segments)), key=lambda k: segments[k][1])
    started = bytearray(len(segments))
    ended = bytearray(len(segments))
    spanning = [0] * n  # per row: its segments spanning the line
    crosses = [False] * n
    next_start = next_end = 0
    for x in _candidates(rows):
        left_edge, right_edge = x - 0.5, x + 0.5
        while next_start < len(by_start) and segments[by_start[next_start]][0] < left_edge:
            k = by_start[next_start]
            next_start += 1
            started[k] = 1
            if not ended[k]:
                row = segments[k][2]
                spanning[row] += 1
                crosses[row] = True
        while next_end < len(by_end) and segments[by_end[next_end]][1] <= right_edge:
            k = by_end[next_end]
            next_end += 1
            ended[k] = 1
            if started[k]:
                row = segments[k][2]
                spanning[row] -= 1
                if not spanning[row]:
                    crosses[row] = False
        twice = 2 * x
        i = 0
        while i < n:
            if crosses[i]:
                try:
                    i = crosses.index(False, i)
                except ValueError:
                    break
            # the run goes on to the next row that crosses, or that lies far below
            j = _first_at_or_after(crosses, True, i + 1, n)
            far = bisect.bisect_right(far_below, i)
            if far < len(far_below) and far_below[far] < j:
                j = far_below[far]
            if j - i < MIN_COLUMN_ROWS or 2 * (j - i) <= best_score:  # too few rows for a split, or a better one
                i = j
                continue
            # rows with a segment left of the gutter, and right of it, by centre (as _side_rows)
            n_left = sum(1 for k in range(i, j) if lowest[k] < twice)
            n_right = sum(1 for k in range(i, j) if highest[k] >= twice)
            score = n_left + n_right
            if n_left >= MIN_COLUMN_ROWS and n_right >= MIN_COLUMN_ROWS and score > best_score:
                # each row's segments: left of the gutter (True) or right
                key = (i, j, tuple(tuple(c < twice for c in centres[k]) for k in range(i, j)))
                margin = margin_of.get(key)
                if margin is None:
                    run = rows[i:j]
                    left, right = _side_segments(run, x)
                    margin = margin_of[key] = _is_margin_column(left, right, run, x)
                if not margin:
                    best, best_score = (i, j, x), score
            i = j
    return best


def _first_at_or_after(values: list[bool], wanted: bool, start: int, default: int) -> int:
    """The first index >= ``start`` holding ``wanted`` (a C-level search), else ``default``."""
    try:
        return values.index(wanted, start)
    except ValueError:
        return default


def _trim_run(rows: list[Row], i: int, j: int, x: float) -> tuple[int, int]:
    """Shrink a column run to the rows beside a short side (a contact block next to the name, say).

    Without this, everything below a short right-hand block that happens not to cross the gutter would be read as
    one long left column before the block.
    """
    left_idx = [k for k in range(i, j) if any(s.x0 + s.x1 < 2 * x for s in rows[k].segments)]
    right_idx = [k for k in range(i, j) if any(s.x0 + s.x1 >= 2 * x for s in rows[k].segments)]
    height = rows[j - 1].bottom - rows[i].top
    for side, other in ((left_idx, right_idx), (right_idx, left_idx)):
        extent = rows[side[-1]].bottom - rows[side[0]].top
        if extent < 0.4 * height:
            a, b = side[0], side[-1] + 1
            if sum(1 for k in other if a <= k < b) >= MIN_COLUMN_ROWS or b - a >= MIN_COLUMN_ROWS:
                return a, b
    return i, j


def _split(rows: list[Row], left_bound: float, in_split: bool, depth: int) -> list[_Leaf]:
    if depth > 4 or len(rows) < 2 * MIN_COLUMN_ROWS:
        return [_Leaf(rows, left_bound, in_split)]
    found = _find_split(rows)
    if found is None:
        return [_Leaf(rows, left_bound, in_split)]
    i, j, x = found
    i, j = _trim_run(rows, i, j, x)
    out: list[_Leaf] = []
    if i > 0:
        out.extend(_split(rows[:i], left_bound, in_split, depth + 1))
    left, right = _side_rows(rows[i:j], x)
    out.extend(_split(left, left_bound, True, depth + 1))
    out.extend(_split(right, x, True, depth + 1))
    if j < len(rows):
        out.extend(_split(rows[j:], left_bound, in_split, depth + 1))
    return out


# --------------------------------------------------------------------------------------------- entry dates


#: rows above a bullet row that its right-hand date cell may belong to (the entry's header and its first bullets)
_ENTRY_REACH = 3
#: how far apart (points) the right edges of an entry's right-hand cells may be: one right-aligned column
_ALIGNED = 2.0
#: a duration a template prints under an entry's dates ("4 months", "2 years 10 months")
_DURATION = re.compile(r"(?:\d{1,2}\s+(?:years?|yrs?|months?|mos?)\.?\s*){1,2}", re.IGNORECASE)
#: characters of a date cell at most ("September 2019 – December 2021")
_DATE_CELL_CHARS = 48


def _is_date_cell(text: str) -> bool:
    """Whether ``text`` is one date range ("May 2022 – Aug 2022", "June 2023 – present", as ``dates.find_ranges``
    reads one), one date ("2021") or a duration ("4 months"), and nothing else."""
    cell = text.strip()
    if len(cell) > _DATE_CELL_CHARS:
        return False
    if _DURATION.fullmatch(cell):
        return True
    spans = [(r.start, r.end) for r in find_ranges(cell)]
    if not spans:  # one date alone ("2021"); "present" alone is no date
        spans = [(d.start, d.end) for d in find_dates(cell) if d.fmt != "present"]
    return spans == [(0, len(cell))]


def _lift_entry_dates(rows: list[Row]) -> list[Row]:
    """The rows with each entry's right-hand date cells moved up onto the entry's header row.

    A template that sets an entry as a two-column table (rendercv's classic theme: "NVIDIA Research, Research
    Intern ... Santa Clara, CA" over "• Designed ... May 2022 – Aug 2022" and "• Co-authored ... submis- ... 4
    months") prints the entry's dates and duration right-aligned beside its first bullets, so they were read into
    the bullets ("… by 4.2x May 2022 – Aug 2022", "submis 4 months sions"). A row's last segment is moved when it
    is only dates or a duration, the row is a bullet's (``_in_bullet``), and the cell's right edge lines up with
    the last segment of a row at most ``_ENTRY_REACH`` rows above that holds two segments or more (the header,
    whose place or title is in that column) and is no bullet's; a title row's own dates ("Electrical Engineer
    Intern ... June 2021 – Dec 2021") stay where they are."""
    if len(rows) < 2:
        return rows
    out = list(rows)
    for index, row in enumerate(rows):
        if len(row.segments) < 2 or index == 0:
            continue
        cell = row.segments[-1]
        if not _in_bullet(row) or not _is_date_cell(cell.text):
            continue
        for above in range(index - 1, max(-1, index - 1 - _ENTRY_REACH), -1):
            header = out[above]
            if (
                len(header.segments) >= 2
                and abs(header.segments[-1].x1 - cell.x1) <= _ALIGNED
                and not _is_date_cell(header.segments[0].text)
                and not _in_bullet(header)
            ):
                out[above] = Row([*header.segments, cell], header.top, header.bottom)
                out[index] = Row(row.segments[:-1], row.top, row.bottom)
                break
    return out


def _in_bullet(row: Row) -> bool:
    """A row of a bullet: it opens with a bullet glyph, or goes on with a word in lower case (a wrapped line)."""
    first = row.segments[0].words[0].text
    # pdfplumber reads a bullet glyph without a Unicode mapping as "(cid:127)"
    return first[:1] in _BULLET_GLYPHS or first[:1].islower() or first.startswith("(cid:")


_BULLET_GLYPHS = frozenset("•◦▪▫●○■□–-*·‣⁃")


# --------------------------------------------------------------------------------------------- page


def layout_page(page: PageChars) -> PageLayout:
    """Visible lines of one page in reading order, each with its column number (0: not in a column split)."""
    visible, hidden = split_visible(page)
    rows = build_rows(visible)
    leaves = _split(rows, 0.0, False, 0)
    bounds = sorted({leaf.left for leaf in leaves if leaf.split})
    lines: list[RawLine] = []
    for leaf in leaves:
        column = bounds.index(leaf.left) + 1 if leaf.split else 0
        for row in _lift_entry_dates(leaf.rows):
            words = [w for s in row.segments for w in s.words]
            lines.append(
                RawLine(
                    words,
                    page.number,
                    column,
                    min(map(_X0, words)),
                    row.top,
                    max(map(_X1, words)),
                    row.bottom,
                )
            )
    return PageLayout(lines, hidden, page.height, page.number, bounds)
