"""Redaction: stable pseudonyms for people and scrubbing of names, emails, phones and URLs from any text.

A person's pseudonym is ``candidate-`` plus the first hex digits of the SHA-256 of their file path, so the same file
gets the same pseudonym in every output format and on every run; digits are added only when two paths collide.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from .models import Analysis, Contact

PSEUDONYM_PREFIX = "candidate-"
PSEUDONYM_DIGITS = 6

EMAIL_RE = re.compile(r"(?i)(?:mailto:)?[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
URL_RE = re.compile(
    r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>\"')\]]+"
    r"|\b(?:linkedin\.com|github\.com|gitlab\.com|twitter\.com|x\.com)/[^\s<>\"')\]]*"
)
# international or national numbers: an optional +country code, then at least 7 digits in groups
PHONE_RE = re.compile(r"(?:(?<=\s)|^|(?<=[(:;,]))(?:\+|00)?\(?\d[\d\s().-]{5,}\d(?!\d)")
MIN_PHONE_DIGITS = 7
YEAR_RANGE_RE = re.compile(r"\(?(?:19|20)\d\d\s*[-./]\s*(?:(?:19|20)\d\d|\d\d)\)?")


def pseudonyms(paths: Iterable[str]) -> dict[str, str]:
    """Map each path to its stable pseudonym (``candidate-3f9a2c``), unique within ``paths``."""
    unique = sorted(set(paths))
    digests = {p: hashlib.sha256(p.encode("utf-8", "surrogateescape")).hexdigest() for p in unique}
    digits = PSEUDONYM_DIGITS
    while True:
        names = {p: PSEUDONYM_PREFIX + d[:digits] for p, d in digests.items()}
        if len(set(names.values())) == len(names) or digits >= 64:
            return names
        digits += 2


def redact_text(text: str, *, pseudonym: str, literals: Sequence[str] = ()) -> str:
    """Replace ``literals`` (name, path, contact values) with ``pseudonym`` and any email, URL or phone number."""
    for literal in sorted({x for x in literals if x and len(x) >= 3}, key=len, reverse=True):
        text = re.sub(re.escape(literal), pseudonym, text, flags=re.IGNORECASE)
    text = EMAIL_RE.sub(f"{pseudonym}@example.invalid", text)
    text = URL_RE.sub(f"https://example.invalid/{pseudonym}", text)
    return PHONE_RE.sub(_phone_replacement, text)


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

    def __call__(self, text: str) -> str:
        return redact_text(text, pseudonym=self.pseudonym, literals=self.literals)


def redactor_for(path: str, pseudonym: str, analysis: Analysis | None) -> Redactor:
    """A Redactor for the person in ``path``: the path, file name and stem, and their contact details."""
    pure = PurePath(path)
    literals: list[str] = [path, pure.name, pure.stem]
    if analysis is not None:
        literals.extend(_contact_literals(analysis.resume.contact))
    return Redactor(pseudonym, tuple(literals))


def _contact_literals(contact: Contact) -> list[str]:
    values = [contact.email, contact.phone, contact.linkedin, contact.github, *contact.websites]
    out = [v for v in values if v]
    if contact.name:
        out.append(contact.name)
        # each part of the name on its own too ("Jane Doe" also hides a lone "Doe"), if it is not a common word
        out.extend(part for part in contact.name.split() if len(part) >= 3 and part[:1].isupper())
    return out
