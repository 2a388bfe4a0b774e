"""Units of judgement: the bullets and paragraph sentences of the statement sections, with continuation lines
joined, pipe lists split and offsets mapped back into ``Resume.text``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..models import Block, Resume
from ..verbs import VerbLexicon
from .words import _ABBREVIATIONS

#: sections whose bullets and sentences are judged
#: (a summary describes the person, not what they did: its sentences are context, never statements)
STATEMENT_SECTIONS = ("experience", "projects")


#: a paragraph with at least this many "|" is a pipe list: each item is judged on its own (skills items are not
#: statements, verb-led clauses are)
PIPE_LIST_MIN = 2


#: the words at the start of a statement that opener detection looks at (header prefix, lead-in, verb)
OPENING_WORDS = 24


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
    broken across the lines ("Devel" + "oping", "Devel-" + "oping") is rejoined, without its hyphen, when the whole
    is a known verb form.
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
        hyphen = tail.endswith("-") and len(tail) > 1  # "Devel-" + "oping": PDFium keeps the hyphen now
        stem = tail[:-1] if hyphen else tail
        glue = "" if stem.isalpha() and (stem + head).lower().strip(".,;:") in lex.forms else " "
        if hyphen and not glue:
            text = text[:-1]  # the hyphen of a broken word goes; the block before it keeps its own offsets
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
