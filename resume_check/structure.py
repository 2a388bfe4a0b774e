"""Document -> Resume: section headings, logical blocks (bullets, paragraphs) and contact fields.

Headings are recognised against the vocabulary in ``lexicons/headings.yaml`` (British and American wording),
using the signals a reader uses: a line standing alone, short, in capitals, bold, larger than the body text,
or styled as a heading. Only vocabulary headings change the section, so a bold job title never does.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .datafile import read_bundled_yaml
from .dates import find_ranges, normalise
from .errors import LexiconError
from .language import ENGLISH, detect_language, language_name
from .models import Block, Contact, Document, Finding, Line, Part, Resume, Role, Section
from .numbers import median

HEADINGS_FILE = "headings.yaml"
MAX_HEADING_WORDS = 6
MAX_HEADING_CHARS = 48
#: a paragraph this long at the top of the résumé, before any heading, is a summary rather than contact details
SUMMARY_MIN_WORDS = 12
MARGINS = ("header", "footer")
#: a résumé without an experience heading needs this many date-led role lines for experience to be inferred
MIN_INFERRED_ROLES = 2
#: a bullet's line wrapped when it ends within the next word of the column's right edge: a letter is at most this
#: share of the font size wide, plus a space and some justification slack (in font sizes)
WRAP_CHAR_WIDTH = 0.65
WRAP_SLACK = 1.5

_NUMBERING = re.compile(r"^(?:\d+[.)]|[ivx]+\.)\s*")
_PUNCT_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")
_AND = re.compile(r"\s*(?:&|\+|/|\band\b)\s*")
_HYPHENS = re.compile(r"[-\u00ad\u2010\u2011]+")
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
    titles: frozenset[str] = frozenset()  # lower-case job-title words and phrases ("manager", "scrum master")

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
    text = _HYPHENS.sub(" ", text)  # "On-Campus Involvement", "Extra-curricular"
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
    titles = frozenset(str(t).lower() for t in data.get("titles") or ())
    return HeadingVocabulary(exact=exact, keywords=keywords, titles=titles)


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


def _continues_bullet(prev: Line, line: Line, right: float | None = None, first: Line | None = None) -> bool:
    """Whether ``line`` is the wrapped continuation of the bullet ``prev`` (same item, next visual line).

    ``right`` is the right edge of the column's text: a bullet whose line stops short of it by more than the next
    line's first word did not wrap there, so a line below that is not indented past the start of the bullet's first
    line (``first``) begins something else (the next role's header). An indented line still continues it: a column
    of dates to the right can set the edge further out than the bullets wrap."""
    if line.bullet or line.part != prev.part or not line.text:
        return False
    if prev.bbox is not None and line.bbox is not None:
        if line.page != prev.page or line.column != prev.column:
            return False
        size = prev.font_size or 10.0
        word = (line.text.split() or [""])[0]
        short = right is not None and right - prev.bbox[2] > (len(word) * WRAP_CHAR_WIDTH + WRAP_SLACK) * size
        opening = first if first is not None and first.bbox is not None else prev
        if short and opening.bbox is not None and line.bbox[0] <= opening.bbox[0] + 1.0:
            return False
        gap = line.bbox[1] - prev.bbox[3]
        if prev.bold is not None and line.bold is not None and prev.bold != line.bold and not _bold_wraps(prev, line):
            return False  # a bold line after a bullet is the next role's title, not the bullet wrapping
        if prev.font_size is not None and line.font_size is not None and abs(prev.font_size - line.font_size) > 0.4:
            return False
        if _TERMINAL.search(prev.text) and line.text[:1].isupper():
            return False  # the bullet ended a sentence; a capitalised line below starts something new
        # indented at least as far as the bullet's text, and close below it (a bullet glyph taller than the text
        # can make the bullet line's box reach into the next line's: allow half a line of overlap)
        return -size * 0.5 <= gap <= size * 1.2 and line.bbox[0] >= prev.bbox[0] - 2.0
    return line.text[0].islower() or (not _TERMINAL.search(prev.text) and line.text[:1] in "([&")


def _bold_wraps(prev: Line, line: Line) -> bool:
    """Whether a bold phrase runs on from ``prev``'s last word to ``line``'s first ("... Top Performer" / "Award,
    2021."), so a change of the lines' boldness is that phrase wrapping, not a new entry's title."""
    return bool(prev.bold_end and line.bold_start)


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


def _join(texts: Sequence[str], *, typeset: bool = False) -> str:
    """The lines of a block as one text. A hyphen ending a line joins the next line's word to it; in a typeset
    document (a PDF: LaTeX, Typst and browsers hyphenate words to fit a line) it goes when the halves make one word."""
    out = ""
    for text in texts:
        text = _SPACES.sub(" ", text).strip()
        if not out:
            out = text
        elif out.endswith("-") and out[-2:-1].isalnum() and text[:1].isalnum():
            # a word broken at the line's end: "submis-" + "sions" is one English word, so the hyphen goes;
            # "e-" + "commerce", "cross-" + "device", "Cloud-" + "Native" keep theirs
            out = out[:-1] + text if typeset and _broken_word(out, text) else out + text
        else:
            out += " " + text
    return out


_WORD_END = re.compile(r"([^\W\d_]+)-$")
_WORD_START = re.compile(r"[^\W\d_]+")


def _broken_word(before: str, after: str) -> bool:
    """Whether the hyphen ending ``before`` splits one word that goes on in ``after`` ("en-" + "terprise"): the
    halves joined make an English word (spacy-lookups-data's word forms) and the second opens in lower case."""
    head, tail = _WORD_END.search(before), _WORD_START.match(after)
    if head is None or tail is None or not after[:1].islower():
        return False
    from .extract.pdf_text import english_words  # loaded on first use: text résumés never need it

    return (head.group(1) + tail.group()).lower() in english_words()


@dataclass(slots=True)
class _Draft:
    kind: str
    section: str
    indexes: list[int]
    part: Part


Column = tuple[int | None, int]  # (page, column)


def _column_extents(lines: Sequence[Line]) -> tuple[dict[Column, float], dict[Column, float]]:
    """Per page column, in one pass: the widest line (prose that reaches it wrapped) and the right edge of the
    body text (a bullet line that ends there wrapped; a page number or footer sits further out, so margins don't
    count)."""
    widest: dict[Column, float] = {}
    right: dict[Column, float] = {}
    for line in lines:
        if line.bbox is None:
            continue
        key = (line.page, line.column)
        widest[key] = max(widest.get(key, 0.0), line.bbox[2] - line.bbox[0])
        if line.part not in MARGINS:
            right[key] = max(right.get(key, 0.0), line.bbox[2])
    return widest, right


def build_resume(document: Document) -> Resume:
    """Find sections, blocks and contact details in ``document``."""
    vocab = load_headings()
    lines = document.lines
    body_size = _body_font_size(lines)
    widest, right = _column_extents(lines)

    headings = [
        _heading_section(line, vocab, body_size)
        if line.text.strip() and line.part not in MARGINS and line.section is None
        else None
        for line in lines
    ]
    # no experience heading: date-led role lines ("7/2022-Present, Manager, State of Oregon") open experience
    role_lines: frozenset[int] = frozenset()
    if "experience" not in headings and not any(line.section is not None for line in lines):
        led = [
            i for i, ln in enumerate(lines) if not ln.bullet and ln.part == "body" and date_led_role(ln.text.strip())
        ]
        role_lines = frozenset(led) if len(led) >= MIN_INFERRED_ROLES else frozenset()

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
        heading = headings[index]
        if heading is not None and line.part == "table" and section == "skills":
            heading = None  # a category label in a skills table ("Leadership | stakeholder management, ...")
        if index in role_lines and section in ("contact", "summary", "experience"):
            section = "experience"  # an implicit heading: the role line itself stays a paragraph (a role header)
            seen_heading = True
        if heading is not None:
            section = heading
            seen_heading = True
            drafts.append(_Draft("heading", section, [index], line.part))
            continue
        prev_draft = drafts[-1] if drafts else None
        prev = lines[prev_draft.indexes[-1]] if prev_draft else None
        if prev_draft is not None and prev is not None and prev_draft.section == section:
            if prev_draft.kind == "bullet" and _continues_bullet(
                prev, line, right.get((prev.page, prev.column)), lines[prev_draft.indexes[0]]
            ):
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
        text = _join([lines[i].text for i in draft.indexes], typeset=document.source.type == "pdf")
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
    language = detect_language(text)
    if language != ENGLISH:
        warnings.append(
            Finding(
                id="text.language",
                message=(
                    f"This résumé looks to be written in {language_name(language)}: resume-check analyses English "
                    "résumés, so its statement, section and wording checks were skipped. Check an English version."
                ),
                severity="warning",
            )
        )
    header_only = contact.parts and all(p in ("header", "footer") for p in contact.parts)
    if (contact.email or contact.phone) and header_only and document.source.type == "docx":
        # Word's own header and footer parts; elsewhere (a PDF's page margins) the ATS check says it, once
        warnings.append(
            Finding(
                id="docx.header-only-contact",
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
        roles=declared_roles(document, blocks)
        if document.roles
        else find_roles(blocks, sections, _opens_with_action_verb),
        language=language,
    )


def declared_roles(document: Document, blocks: Sequence[Block]) -> tuple[Role, ...]:
    """The roles a structured source declares (JSON Resume ``work``), placed on the blocks of their lines: the header
    is the role's own lines, the body every later block of its section up to the next role."""
    block_of = {line: index for index, block in enumerate(blocks) for line in block.lines}
    placed = []
    for declared in document.roles:
        header = tuple(sorted({block_of[i] for i in declared.lines if i in block_of}))
        if header:
            placed.append((declared, header))
    roles: list[Role] = []
    for n, (declared, header) in enumerate(placed):
        section = blocks[header[0]].section
        stop = placed[n + 1][1][0] if n + 1 < len(placed) else len(blocks)
        body = tuple(
            i for i in range(header[-1] + 1, stop) if blocks[i].section == section and blocks[i].kind != "heading"
        )
        roles.append(
            Role(
                title=declared.title,
                employer=declared.employer,
                location=declared.location,
                start=declared.start,
                end=declared.end,
                dates_text=declared.dates_text,
                line=blocks[header[0]].line,
                section=section,
                header=header,
                blocks=body,
            )
        )
    return tuple(roles)


def _opens_with_action_verb(text: str) -> bool:
    from .impact import opens_with_action_verb  # telling a verb from a noun that looks like one is judging

    return opens_with_action_verb(text)


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


# --------------------------------------------------------------------------------------------- roles

#: sections whose dated header lines are roles
ROLE_SECTIONS = ("experience",)
#: a role header line is at most this many words (title, employer, place and dates)
MAX_ROLE_HEADER_WORDS = 16
#: a date-led line ("7/2022-Present, Cybersecurity Assessment Manager, State of Oregon") has at most this many words
MAX_DATE_LED_WORDS = 14

_ROLE_SEPARATORS = re.compile(r"\s*(?:[|•·◦▪‣∙@]|\s[-–—]\s|\t|\s{3,}|\s+at\s+|\s+for\s+)\s*")
_DATE_EDGES = re.compile(r"^[\s,;:|()\[\]–—-]+|[\s,;:|()\[\]–—-]+$")
_ABBREVIATED_END = re.compile(r"(?i)\b(?:ltd|inc|co|corp|llc|plc|gmbh|s\.a|n\.a|llp|u\.s|u\.k|jr|sr)\.$")
_REMOTE = re.compile(r"(?i)^(?:remote|hybrid|on-?site|worldwide)(?:\s*\(.*\))?$")
_WORD_RE = re.compile(r"[A-Za-z][\w'’&.-]*")


def _title_words(text: str, titles: frozenset[str]) -> bool:
    """Whether ``text`` names a job title (a title word or phrase from ``headings.yaml``)."""
    words = [w.lower().strip(".,;:()") for w in _WORD_RE.findall(text)]
    if any(w in titles for w in words):
        return True
    return any(f"{a} {b}" in titles for a, b in itertools.pairwise(words))


def _mostly_capitalised(text: str) -> bool:
    words = [w for w in _WORD_RE.findall(text) if len(w) > 3 or w[:1].isupper()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _ends_sentence(text: str) -> bool:
    return text.endswith((".", "!", "?")) and not _ABBREVIATED_END.search(text)


def date_led_role(text: str) -> bool:
    """A line that opens with a date range and names a role after it ("7/2022-Present, Manager, State of Oregon")."""
    ranges = find_ranges(text)
    if not ranges or text[: ranges[0].start].strip(" ([") or len(text.split()) > MAX_DATE_LED_WORDS:
        return False
    rest = _DATE_EDGES.sub("", text[ranges[0].end :])
    return len(rest.split()) >= 2 and rest[:1].isupper() and not _ends_sentence(rest)


def _header_like(block: Block, vocab: HeadingVocabulary, opens_with_verb: Callable[[str], bool]) -> bool:
    """A short line that can head a role: title, employer, dates, place; never a sentence or an action."""
    text = block.text.strip()
    if block.kind != "paragraph" or not text or len(text.split()) > MAX_ROLE_HEADER_WORDS or _ends_sentence(text):
        return False
    if find_ranges(text):
        return True
    return not opens_with_verb(text) and (_mostly_capitalised(text) or _title_words(text, vocab.titles))


def _role_anchor(block: Block, vocab: HeadingVocabulary) -> bool:
    """A header line that starts a role on its own: it has a date range, or it names a job title."""
    return bool(find_ranges(block.text)) or _title_words(block.text, vocab.titles)


_PLACE = re.compile(
    r"^[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,2},\s*(?:[A-Z]{2}|UK|USA|U\.S\.A?\.?|United Kingdom|United States"
    r"|England|Scotland|Wales|(?:Northern )?Ireland|Canada|Australia|New Zealand|India|Germany|France|Spain|Italy"
    r"|Netherlands|Belgium|Switzerland|Singapore|Japan|China|Brazil|Mexico|Poland|Sweden|Norway|Denmark|Finland"
    r"|Portugal|Austria|Israel|South Africa|Nigeria|Kenya|Philippines|Pakistan|Bangladesh|Egypt|UAE)$"
)
_COUNTRY = re.compile(r"^(?:[A-Z]{2,3}|U\.S\.A?\.?|United Kingdom|United States)$")
_COMPANY_SUFFIX = frozenset(["ltd", "inc", "llc", "plc", "co", "corp", "gmbh", "llp", "limited", "s.a", "ag", "bv"])


def _is_place(text: str) -> bool:
    return bool(_PLACE.match(text) or _REMOTE.match(text))


def _role_fields(texts: Sequence[str], vocab: HeadingVocabulary) -> tuple[str | None, str | None, str | None]:
    """(title, employer, location) from a role's header lines, their dates removed."""
    pieces: list[tuple[str, bool]] = []  # (text, is a place)
    for text in texts:
        for r in reversed(find_ranges(text)):
            text = f"{text[: r.start]} | {text[r.end :]}"
        for part in _ROLE_SEPARATORS.split(text):
            part = _DATE_EDGES.sub("", part)
            if not part:
                continue
            if _is_place(part):
                pieces.append((part, True))
                continue
            commas = [p.strip() for p in part.split(",") if p.strip()]
            i = 0
            while i < len(commas):
                pair = f"{commas[i]}, {commas[i + 1]}" if i + 1 < len(commas) else ""
                low = commas[i].rstrip(".").lower()
                if pair and _is_place(pair):
                    pieces.append((pair, True))
                    i += 2
                    continue
                if pieces and low in _COMPANY_SUFFIX:
                    pieces[-1] = (f"{pieces[-1][0]}, {commas[i]}", False)  # "Acme Corp., Ltd."
                elif pieces and pieces[-1][1] and _COUNTRY.match(commas[i]):
                    pieces[-1] = (f"{pieces[-1][0]}, {commas[i]}", True)  # "Mountain View, CA, USA"
                else:
                    pieces.append((commas[i], False))
                i += 1
    title = employer = location = None
    for piece, place in pieces:
        if not _WORD_RE.search(piece):
            continue
        if place and location is None:
            location = piece
        elif title is None and _title_words(piece, vocab.titles):
            title = piece
        elif employer is None and not place:
            employer = piece
    return title, employer, location


def find_roles(
    blocks: Sequence[Block], sections: Sequence[Section], opens_with_verb: Callable[[str], bool]
) -> tuple[Role, ...]:
    """Roles in the experience sections: runs of header lines (title, employer, dates, place) that hold a date range
    or a job title, each with the lines under it up to the next such run."""
    vocab = load_headings()
    roles: list[Role] = []
    for section in sections:
        if section.name not in ROLE_SECTIONS:
            continue
        members = list(section.blocks)
        headers: list[list[int]] = []  # runs of header-like blocks that anchor a role
        k = 0
        while k < len(members):
            if not _header_like(blocks[members[k]], vocab, opens_with_verb):
                k += 1
                continue
            run = [members[k]]
            k += 1
            while k < len(members) and _header_like(blocks[members[k]], vocab, opens_with_verb):
                run.append(members[k])
                k += 1
            if any(_role_anchor(blocks[i], vocab) for i in run):
                headers.extend(_split_run(run, blocks))
        for n, run in enumerate(headers):
            # the section's blocks after the run, up to the next run: ``members`` ascend (blocks are numbered in
            # page order), so the body is one slice, found by bisection (a filter over all members per role made a
            # section of thousands of roles quadratic)
            low = bisect_right(members, run[-1])
            high = bisect_left(members, headers[n + 1][0], low) if n + 1 < len(headers) else len(members)
            body = tuple(members[low:high])
            texts = [blocks[i].text for i in run]
            dated = next((r for i in run for r in find_ranges(blocks[i].text)), None)
            title, employer, location = _role_fields(texts, vocab)
            roles.append(
                Role(
                    title=title,
                    employer=employer,
                    location=location,
                    start=normalise(dated.first) if dated else None,
                    end=normalise(dated.last) if dated else None,
                    dates_text=dated.text if dated else None,
                    line=blocks[run[0]].line,
                    section=section.name,
                    header=tuple(run),
                    blocks=body,
                )
            )
    return tuple(roles)


def _split_run(run: list[int], blocks: Sequence[Block]) -> list[list[int]]:
    """A header run with several date ranges is several roles: cut after each dated line but the last."""
    dated = [n for n, i in enumerate(run) if find_ranges(blocks[i].text)]
    if len(dated) <= 1:
        return [run]
    out: list[list[int]] = []
    start = 0
    for n in dated[:-1]:
        out.append(run[start : n + 1])
        start = n + 1
    out.append(run[start:])
    return [part for part in out if part]
