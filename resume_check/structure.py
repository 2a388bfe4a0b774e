"""Document -> Resume: section headings, logical blocks (bullets, paragraphs) and contact fields.

Headings are recognised against the vocabulary in ``lexicons/headings.yaml`` (British and American wording),
using the signals a reader uses: a line standing alone, short, in capitals, bold, larger than the body text,
or styled as a heading. Only vocabulary headings change the section, so a bold job title never does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .errors import LexiconError
from .lexicon import read_bundled_yaml
from .models import Block, Contact, Document, Finding, Line, Part, Resume, Section
from .numbers import median

HEADINGS_FILE = "headings.yaml"
MAX_HEADING_WORDS = 6
MAX_HEADING_CHARS = 48
#: a paragraph this long at the top of the résumé, before any heading, is a summary rather than contact details
SUMMARY_MIN_WORDS = 12

_NUMBERING = re.compile(r"^(?:\d+[.)]|[ivx]+\.)\s*")
_PUNCT_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")
_AND = re.compile(r"\s*(?:&|\+|/|\band\b)\s*")
_TERMINAL = re.compile(r"[.!?:;]$")
_HEADING_STYLE = re.compile(r"(?i)(?:heading|title|h[1-6]$)")

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]?\d{2,5}){1,4}(?!\w)")
LINKEDIN = re.compile(r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|pub)/[\w%-]+/?", re.IGNORECASE)
GITHUB = re.compile(r"(?:https?://)?(?:www\.)?github\.com/[A-Za-z0-9-]+/?(?![\w/])", re.IGNORECASE)
_PROFILE = re.compile(r"linkedin\.com|github\.com")
URL = re.compile(r"(?:https?://|www\.)[^\s|,;<>\"']+", re.IGNORECASE)
YEAR_RANGE = re.compile(r"\b(?:19|20)\d{2}\s*[-–—]\s*(?:(?:19|20)\d{2}|present|current|now)\b", re.IGNORECASE)
LOCATION = re.compile(
    r"^(?:[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,2}),\s*"
    r"(?:[A-Z]{2}|[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,2})(?:\s+[A-Z0-9]{2,4}\s?[0-9][A-Z]{2})?$"
)
_CONTACT_SEPARATORS = re.compile(r"\s*(?:[|•·◦▪‣∙]|\s[-–—]\s|\t|\s{3,})\s*")


@dataclass(frozen=True, slots=True)
class HeadingVocabulary:
    exact: dict[str, str]  # normalised heading -> section
    keywords: tuple[tuple[str, str], ...]  # (word, section) in priority order

    def section_for(self, text: str, *, loose: bool) -> str | None:
        """The canonical section a heading line names; ``loose`` also accepts keyword matches."""
        return self.section_for_key(normalise_heading(text), loose=loose)

    def section_for_key(self, key: str, *, loose: bool) -> str | None:
        """``section_for`` of a heading already passed through ``normalise_heading``."""
        if not key:
            return None
        if key in self.exact:
            return self.exact[key]
        if loose:
            words = set(key.split())
            for word, section in self.keywords:
                if word in words:
                    return section
        return None


def normalise_heading(text: str) -> str:
    """Lower-case, strip edge punctuation and numbering, unify "&"/"and", collapse spaces."""
    text = text.strip().lower()
    text = _NUMBERING.sub("", text)
    text = _PUNCT_EDGES.sub("", text)
    text = _AND.sub(" and ", text)
    text = text.replace("’", "'")
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=1)
def load_headings() -> HeadingVocabulary:
    """The bundled heading vocabulary (cached)."""
    data = read_bundled_yaml(HEADINGS_FILE)
    if not isinstance(data.get("exact"), dict):
        raise LexiconError(f"{HEADINGS_FILE}: needs an `exact` mapping of section -> headings; reinstall resume-check")
    exact: dict[str, str] = {}
    for section, headings in data["exact"].items():
        for heading in headings or ():
            exact[normalise_heading(str(heading))] = str(section)
    keywords = tuple(
        (str(word).lower(), str(section))
        for section, words in (data.get("keywords") or {}).items()
        for word in words or ()
    )
    return HeadingVocabulary(exact=exact, keywords=keywords)


# --------------------------------------------------------------------------------------------- headings


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _body_font_size(lines: Sequence[Line]) -> float | None:
    sizes = [round(line.font_size, 1) for line in lines if line.font_size and len(line.text) > 20]
    return median(sizes) if sizes else None


def _heading_section(line: Line, vocab: HeadingVocabulary, body_size: float | None) -> str | None:
    text = line.text.strip()
    if not text or line.bullet or len(text) > MAX_HEADING_CHARS or len(text.split()) > MAX_HEADING_WORDS:
        return None
    if text[-1] in ".," or "@" in text or YEAR_RANGE.search(text):
        return None
    styled = bool(line.style and _HEADING_STYLE.match(line.style))
    larger = body_size is not None and line.font_size is not None and line.font_size >= body_size + 0.9
    signals = styled or larger or bool(line.bold) or _is_caps(text) or text.endswith(":")
    key = normalise_heading(text)
    exact = vocab.section_for_key(key, loose=False)
    if exact is not None:
        # an exact vocabulary phrase on a line of its own is a heading
        return exact
    if signals:
        return vocab.section_for_key(key, loose=True)
    return None


# --------------------------------------------------------------------------------------------- blocks


def _continues_bullet(prev: Line, line: Line) -> bool:
    """Whether ``line`` is the wrapped continuation of the bullet ``prev`` (same item, next visual line)."""
    if line.bullet or line.part != prev.part or not line.text:
        return False
    if prev.bbox is not None and line.bbox is not None:
        if line.page != prev.page or line.column != prev.column:
            return False
        size = prev.font_size or 10.0
        gap = line.bbox[1] - prev.bbox[3]
        if prev.bold is not None and line.bold is not None and prev.bold != line.bold:
            return False  # a bold line after a bullet is the next role's title, not the bullet wrapping
        if prev.font_size is not None and line.font_size is not None and abs(prev.font_size - line.font_size) > 0.4:
            return False
        if _TERMINAL.search(prev.text) and line.text[:1].isupper():
            return False  # the bullet ended a sentence; a capitalised line below starts something new
        # indented at least as far as the bullet's text, and close below it (a bullet glyph taller than the text
        # can make the bullet line's box reach into the next line's: allow half a line of overlap)
        return -size * 0.5 <= gap <= size * 1.2 and line.bbox[0] >= prev.bbox[0] - 2.0
    return line.text[0].islower() or (not _TERMINAL.search(prev.text) and line.text[:1] in "([&")


def _continues_paragraph(prev: Line, line: Line, wide: float) -> bool:
    """Whether ``line`` wraps on from the paragraph line ``prev`` (prose reflowed by the page width)."""
    if line.bullet or prev.bullet or line.part != prev.part or not line.text:
        return False
    if _TERMINAL.search(prev.text):
        return False
    if prev.bbox is not None and line.bbox is not None:
        if line.page != prev.page or line.column != prev.column:
            return False
        size = prev.font_size or 10.0
        gap = line.bbox[1] - prev.bbox[3]
        same_size = prev.font_size is None or line.font_size is None or abs(prev.font_size - line.font_size) < 0.6
        width = prev.bbox[2] - prev.bbox[0]
        return same_size and -1.0 <= gap <= size * 0.9 and width >= wide * 0.8 and abs(line.bbox[0] - prev.bbox[0]) < 4
    if prev.source_line is not None and line.source_line is not None and line.source_line != prev.source_line + 1:
        return False
    return len(prev.text) >= 60 and line.text[0].islower()


def _join(texts: Sequence[str]) -> str:
    out = ""
    for text in texts:
        text = _SPACES.sub(" ", text).strip()
        if not out:
            out = text
        elif out.endswith("-") and text[:1].islower() and not out.endswith(" -"):
            out += text  # "kick-" + "off" -> "kick-off"
        else:
            out += " " + text
    return out


@dataclass(slots=True)
class _Draft:
    kind: str
    section: str
    indexes: list[int]
    part: Part


def _widest_by_column(lines: Sequence[Line]) -> dict[tuple[int | None, int], float]:
    widest: dict[tuple[int | None, int], float] = {}
    for line in lines:
        if line.bbox is not None:
            key = (line.page, line.column)
            widest[key] = max(widest.get(key, 0.0), line.bbox[2] - line.bbox[0])
    return widest


def build_resume(document: Document) -> Resume:
    """Find sections, blocks and contact details in ``document``."""
    vocab = load_headings()
    lines = document.lines
    body_size = _body_font_size(lines)
    widest = _widest_by_column(lines)

    drafts: list[_Draft] = []
    section = "contact"
    seen_heading = False
    for index, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        if line.section is not None:  # the source declares its structure (JSON Resume fields): no inference
            kind = "heading" if line.style == "heading" else "bullet" if line.bullet else "paragraph"
            drafts.append(_Draft(kind, line.section, [index], line.part))
            continue
        heading = _heading_section(line, vocab, body_size) if line.part not in ("header", "footer") else None
        if heading is not None:
            section = heading
            seen_heading = True
            drafts.append(_Draft("heading", section, [index], line.part))
            continue
        prev_draft = drafts[-1] if drafts else None
        prev = lines[prev_draft.indexes[-1]] if prev_draft else None
        if prev_draft is not None and prev is not None and prev_draft.section == section:
            if prev_draft.kind == "bullet" and _continues_bullet(prev, line):
                prev_draft.indexes.append(index)
                continue
            if prev_draft.kind == "paragraph":
                wide = widest.get((prev.page, prev.column), 0.0)
                if _continues_paragraph(prev, line, wide):
                    prev_draft.indexes.append(index)
                    continue
        target = section
        if not seen_heading and line.part == "body" and len(text.split()) >= SUMMARY_MIN_WORDS:
            target = "summary"
        drafts.append(_Draft("bullet" if line.bullet else "paragraph", target, [index], line.part))

    blocks: list[Block] = []
    pieces: list[str] = []
    offset = 0
    for draft in drafts:
        text = _join([lines[i].text for i in draft.indexes])
        if not text:
            continue
        if pieces:
            offset += 1  # the "\n" between blocks
        start = offset
        pieces.append(text)
        offset += len(text)
        blocks.append(
            Block(
                kind=draft.kind,  # type: ignore[arg-type]
                section=draft.section,
                text=text,
                start=start,
                end=offset,
                line=document.line_number(draft.indexes[0]),
                lines=tuple(draft.indexes),
                part=draft.part,
            )
        )
    text = "\n".join(pieces)
    sections = _sections(blocks, lines, document)
    contact = extract_contact(document, blocks)
    warnings = list(document.warnings)
    if (contact.email or contact.phone) and contact.parts and all(p in ("header", "footer") for p in contact.parts):
        prefix = "docx" if document.source.type == "docx" else document.source.type
        warnings.append(
            Finding(
                id=f"{prefix}.header-only-contact",
                message=(
                    "Your contact details appear only in the page header or footer, which many applicant-tracking "
                    "systems skip: repeat your email and phone in the body of the first page."
                ),
                severity="warning",
            )
        )
    return Resume(
        document=document,
        text=text,
        blocks=tuple(blocks),
        sections=sections,
        contact=contact,
        warnings=tuple(warnings),
    )


def _sections(blocks: Sequence[Block], lines: Sequence[Line], document: Document) -> tuple[Section, ...]:
    sections: list[Section] = []
    current: tuple[str, str | None, int | None] | None = None
    members: list[int] = []
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            if current is not None and (members or current[1] is not None):
                sections.append(Section(current[0], current[1], current[2], tuple(members)))
            current = (block.section, block.text, block.line)
            members = []
            continue
        if current is None:
            current = ("contact", None, None)
        if block.section != current[0] and current[1] is None:
            # the untitled top area: split contact lines and an untitled summary into their own sections
            if members:
                sections.append(Section(current[0], None, None, tuple(members)))
            current = (block.section, None, None)
            members = []
        members.append(i)
    if current is not None and (members or current[1] is not None):
        sections.append(Section(current[0], current[1], current[2], tuple(members)))
    return tuple(sections)


# --------------------------------------------------------------------------------------------- contact


def _clean_phone(candidate: str) -> str | None:
    digits = re.sub(r"\D", "", candidate)
    if not 7 <= len(digits) <= 15:
        return None
    if re.fullmatch(r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?", candidate.strip()):
        return None
    if re.fullmatch(r"\d{4}\s*[-–.]\s*\d{4}", candidate.strip()):  # "2019-2021", "2019.2021"
        return None
    return candidate.strip()


def extract_contact(document: Document, blocks: Sequence[Block]) -> Contact:
    """Email, phone, LinkedIn, GitHub, websites, location and name, from text and hyperlink targets."""
    email = phone = linkedin = github = location = name = None
    websites: list[str] = []
    parts: list[Part] = []

    def note(part: Part) -> None:
        if part not in parts:
            parts.append(part)

    lines = document.lines
    # contact details are near the top or in header/footer parts; scan those first, then everything
    marginal = [i for i, ln in enumerate(lines) if ln.part in ("header", "footer")]
    ordered = list(dict.fromkeys(list(range(min(40, len(lines)))) + marginal + list(range(len(lines)))))
    for i in ordered:
        line = lines[i]
        text = line.text
        has_at = "@" in text  # every address has one; most lines do not, and the regex costs more than this test
        if has_at:
            if email is None and (m := EMAIL.search(text)):
                email = m.group(0)
                note(line.part)
            elif (m := EMAIL.search(text)) and m.group(0) == email:
                note(line.part)
        if phone is None and (i < 40 or line.part in ("header", "footer")):
            without_links = URL.sub(" ", text)
            for m in PHONE.finditer(EMAIL.sub(" ", without_links) if has_at else without_links):
                cleaned = _clean_phone(m.group(0))
                if cleaned and not YEAR_RANGE.search(m.group(0)):
                    phone = cleaned
                    note(line.part)
                    break
        if linkedin is None and (m := LINKEDIN.search(text)):
            linkedin = m.group(0)
        if github is None and (m := GITHUB.search(text)):
            github = m.group(0)
    for link in document.links:
        low = link.lower()
        if low.startswith("mailto:") and email is None:
            email = link[7:].split("?")[0]
        elif low.startswith("tel:") and phone is None:
            phone = link[4:]
        elif "linkedin.com/" in low and linkedin is None:
            linkedin = link
        elif "github.com/" in low and github is None:
            github = link
        elif low.startswith(("http://", "https://")) and link not in websites and not _PROFILE.search(low):
            websites.append(link)

    # location and name: from the untitled top area
    top_blocks = [b for b in blocks if b.section == "contact"]
    for block in top_blocks[:8]:
        for segment in _CONTACT_SEPARATORS.split(block.text):
            segment = segment.strip()
            if not segment or "@" in segment or any(c.isdigit() for c in segment[:3]):
                continue
            if location is None and LOCATION.match(segment) and len(segment) <= 40:
                location = segment
    for block in top_blocks[:3]:
        words = block.text.split()
        if (
            name is None
            and 2 <= len(words) <= 4
            and not any(c.isdigit() or c in "@/|:" for c in block.text)
            and all(w[:1].isupper() for w in words)
        ):
            name = block.text.title() if block.text.isupper() else block.text
            break
    return Contact(
        email=email,
        phone=phone,
        linkedin=linkedin,
        github=github,
        location=location,
        websites=tuple(websites[:5]),
        name=name,
        parts=tuple(parts),
    )
