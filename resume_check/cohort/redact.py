"""Redaction: pseudonyms for people and scrubbing of names, emails, phones and URLs from any text.

A person's pseudonym is ``candidate-`` plus the first hex digits of an HMAC-SHA-256 of their file path keyed with a
salt, so the same file gets the same pseudonym in every output format of a run; digits are added only when two paths
collide. Without the salt a path cannot be turned into its pseudonym: the command line draws a new random salt for
each run unless the user gives one (``--redact-salt``) to keep pseudonyms stable across runs.

A person's name is taken from the contact details where the structure found it, and otherwise from the document
itself (the largest-font line at the top of the first page, or the first line), so a name no heuristic recognised
is still hidden; every word of the name is replaced wherever it stands, inside joined words ("JaneDoe") too.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from ..models import Analysis, Document

PSEUDONYM_PREFIX = "candidate-"
PSEUDONYM_DIGITS = 6

EMAIL_RE = re.compile(r"(?i)(?:mailto:)?[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
URL_RE = re.compile(
    r"(?i:\b(?:https?://|ftp://|www\.)[^\s<>\"')\]]+)"
    r"|(?i:\b(?:linkedin\.com|github\.com|gitlab\.com|twitter\.com|x\.com)/[^\s<>\"')\]]*)"
    # a bare host with a path ("jane.github.io/game"); the top-level domain in lower case, so "ASP.NET/C#" stays
    r"|\b(?:[A-Za-z0-9-]+\.)+(?:com|org|net|io|dev|me|co|uk|us|info|app|ai|tech|site|page|xyz|edu|gov|de|fr|eu)"
    r"/[^\s<>\"')\]]+"
)
# international or national numbers: an optional +country code, then at least 7 digits in groups
PHONE_RE = re.compile(r"(?:(?<=\s)|^|(?<=[(:;,]))(?:\+|00)?\(?\d[\d\s().-]{5,}\d(?!\d)")
MIN_PHONE_DIGITS = 7
YEAR_RANGE_RE = re.compile(r"\(?(?:19|20)\d\d\s*[-./]\s*(?:(?:19|20)\d\d|\d\d)\)?")


def pseudonyms(paths: Iterable[str], salt: bytes = b"") -> dict[str, str]:
    """Map each path to its pseudonym (``candidate-3f9a2c``), unique within ``paths``; the same for the same salt."""
    unique = sorted(set(paths))
    digests = {p: hmac.new(salt, p.encode("utf-8", "surrogateescape"), hashlib.sha256).hexdigest() for p in unique}
    digits = PSEUDONYM_DIGITS
    while True:
        names = {p: PSEUDONYM_PREFIX + d[:digits] for p, d in digests.items()}
        if len(set(names.values())) == len(names) or digits >= 64:
            return names
        digits += 2


def redact_text(text: str, *, pseudonym: str, literals: Sequence[str] = (), name_words: Sequence[str] = ()) -> str:
    """Replace ``literals`` (path, contact values) and every word in ``name_words`` with ``pseudonym``, and any
    email, URL or phone number with a placeholder."""
    for literal in sorted({x for x in literals if x and len(x) >= 3}, key=len, reverse=True):
        text = re.sub(re.escape(literal), pseudonym, text, flags=re.IGNORECASE)
    text = EMAIL_RE.sub(f"{pseudonym}@example.invalid", text)
    text = URL_RE.sub(f"https://example.invalid/{pseudonym}", text)
    text = PHONE_RE.sub(_phone_replacement, text)
    return replace_name_words(text, name_words, pseudonym)


_LETTERS = re.compile(r"[^\W\d_]+")
#: the pieces of a joined word: "JaneDoe" -> Jane, Doe; "JANEdoe" -> JANE, doe
_PIECES = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[^\W\d_]+")


def name_pieces(text: str) -> list[str]:
    """Every run of letters in ``text`` and, inside joined words, each capitalised piece ("JaneDoe": Jane, Doe)."""
    out = []
    for run in _LETTERS.findall(text):
        out.append(run)
        pieces = _PIECES.findall(run)
        if len(pieces) > 1:
            out.extend(pieces)
    return out


def replace_name_words(text: str, words: Sequence[str], pseudonym: str) -> str:
    """``text`` with each word of ``words`` replaced, alone or as a piece of a joined word, ignoring case."""
    wanted = {w.casefold() for w in words if w}
    if not wanted:
        return text

    def run(match: re.Match[str]) -> str:
        word = match.group(0)
        if word.casefold() in wanted:
            return pseudonym
        pieces = _PIECES.findall(word)
        if len(pieces) > 1 and any(p.casefold() in wanted for p in pieces):
            return "".join(pseudonym if p.casefold() in wanted else p for p in pieces)
        return word

    return _LETTERS.sub(run, text)


def _phone_replacement(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = sum(ch.isdigit() for ch in text)
    # year ranges ("2019-2023", "2019/20") and short numbers are not phone numbers
    if digits < MIN_PHONE_DIGITS or YEAR_RANGE_RE.fullmatch(text.strip()):
        return text
    return "[phone]"


@dataclass(frozen=True, slots=True)
class Redactor:
    """Scrubs text about one person: their pseudonym replaces their name, file name and contact details."""

    pseudonym: str
    literals: tuple[str, ...]
    name_words: tuple[str, ...] = ()

    def __call__(self, text: str) -> str:
        return redact_text(text, pseudonym=self.pseudonym, literals=self.literals, name_words=self.name_words)


def redactor_for(path: str, pseudonym: str, analysis: Analysis | None) -> Redactor:
    """A Redactor for the person in ``path``: the path, file name and stem, their contact details and the words of
    their name (from the contact details, else from the document: see ``document_name``); every capitalised word
    of the name is hidden wherever it stands."""
    pure = PurePath(path)
    literals: list[str] = [path, pure.name, pure.stem]
    names: list[str] = []
    if analysis is not None:
        contact = analysis.resume.contact
        literals.extend(v for v in (contact.email, contact.phone, contact.linkedin, contact.github) if v)
        literals.extend(contact.websites)
        # the page's visual name beats the contact heuristic (which can take a job title for a one-word name)
        document = analysis.resume.document
        name = prominent_name(document) or contact.name or document_name(document)
        if name:
            literals.append(name)
            names.extend(w for w in _LETTERS.findall(name) if w[:1].isupper())
    return Redactor(pseudonym, tuple(literals), tuple(dict.fromkeys(w for w in names if len(w) >= 2)))


#: words that head a résumé without being anyone's name
_NOT_NAMES = frozenset(
    [
        "resume",
        "résumé",
        "cv",
        "curriculum",
        "vitae",
        "profile",
        "contact",
        "summary",
        "your",
        "name",
        "here",
        "page",
        "last",
        "updated",
    ]
)
#: how many lines at the top of the document may hold the name
NAME_LINES = 6
#: a name line is "prominent" (the visual name of the page) when its font is this much larger than the body's
PROMINENT_RATIO = 1.25
#: where contact details start on a line that begins with the name ("Jane Doe Email: ...", "Jane Doe | ...")
_CONTACT_START = re.compile(r"[@|•·▪:/\d]|\b(?:e-?mail|phone|mobile|tel|cell|www|https?)\b", re.IGNORECASE)


def _name_like(text: str) -> str | None:
    """The start of ``text`` up to any contact details, when it looks like a name (one to five words of letters)."""
    cut = _CONTACT_START.search(text)
    head = (text[: cut.start()] if cut else text).strip(" ,;-–—\t")
    words = head.split()
    if not 1 <= len(words) <= 5:
        return None
    letters = _LETTERS.findall(head)
    if not letters or sum(map(len, letters)) < 0.8 * len(head.replace(" ", "").replace(".", "")):
        return None
    if all(w.casefold() in _NOT_NAMES for w in letters):
        return None
    return head


def _name_candidates(document: Document) -> list[tuple[float, int, str]]:
    from ..structure import load_headings

    headings = load_headings()
    out: list[tuple[float, int, str]] = []
    for index, line in enumerate(document.lines[: NAME_LINES * 3]):
        if line.page not in (None, 1) or len(out) >= NAME_LINES:
            break
        name = _name_like(line.text)
        if name is None or headings.section_for(name, loose=False) is not None:
            continue
        out.append((line.font_size or 0.0, index, name))
    return out


def document_name(document: Document) -> str | None:
    """The line most likely to be the person's name, read from the document alone: among the first
    ``NAME_LINES`` name-like lines of the first page (one to five words of letters before any contact details, not a
    section heading), the one in the largest font, else the first of them."""
    candidates = _name_candidates(document)
    if not candidates:
        return None
    return min(candidates, key=lambda c: (-c[0], c[1]))[2]


def prominent_name(document: Document) -> str | None:
    """``document_name`` when its font stands out from the body text (the page's visual name), else None."""
    from ..numbers import median

    candidates = _name_candidates(document)
    sizes = [line.font_size for line in document.lines if line.font_size]
    if not candidates or not sizes:
        return None
    size, _, name = min(candidates, key=lambda c: (-c[0], c[1]))
    return name if size >= PROMINENT_RATIO * median(sizes) else None
