"""Text normalisation shared by the extractors: ligatures, unmapped glyphs, control characters, hyphens, whitespace.

Hyphen normalisation is defined here once (``normalize_hyphens``); every engine applies it to its raw text before
anything else reads it: PDF words in ``pdf_text.clean_word``, DOCX and text lines through ``strip_unmapped``.
"""

from __future__ import annotations

import re

from ..models import Finding

#: Unicode presentation-form ligatures (U+FB00..U+FB06) and their letters
LIGATURES: dict[str, str] = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",  # long s + t
    "\ufb06": "st",
}
_LIGATURE = "[\ufb00-\ufb06]"

#: what pdfminer writes for a glyph without a Unicode mapping
_CID = r"\(cid:\d+\)"
#: NUL, U+FFFD (replacement character) and private-use code points (icon fonts: FontAwesome, Wingdings via Symbol)
_UNMAPPED = "[\x00\ufffd\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
#: C0/C1 control characters other than tab and newline (removed silently: they carry no visible text)
_CONTROL = "[\x01-\x08\x0b-\x1f\x7f-\x9f]"
#: zero-width characters and soft hyphens that only confuse keyword matching
_INVISIBLE = "[\u00ad\u200b\u200c\u200d\u2060\ufeff]"
_SPACES = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+"
#: characters that draw a hyphen, or may (a soft hyphen is visible in some PDF text layers): hyphen-minus, soft
#: hyphen U+00AD, HYPHEN U+2010, NON-BREAKING HYPHEN U+2011 and MINUS SIGN U+2212
HYPHEN_LIKE = "-\u00ad\u2010\u2011\u2212"
#: a run of them between two letters or digits ("on-\u00ad\u2010campus", "555--\u20105555")
_HYPHEN_RUN = f"(?<=[^\\W_])[{HYPHEN_LIKE}]+(?=[^\\W_])"
_NON_ASCII_HYPHEN = f"[{HYPHEN_LIKE[1:]}]"

# The patterns are strings compiled on first use (re keeps compiled patterns): a PDF never needs them, and the
# Unicode ranges are slow to compile.


def normalize_ligatures(text: str) -> tuple[str, int]:
    """Expand U+FB00..U+FB06 ligatures into their letters; returns (text, number of ligatures expanded)."""
    count = 0

    def repl(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return LIGATURES[match.group(0)]

    return re.compile(_LIGATURE).sub(repl, text), count


def strip_unmapped(text: str) -> tuple[str, int]:
    """Remove unmapped glyphs: NUL, U+FFFD, ``(cid:N)`` tokens and private-use (icon-font) code points.

    Returns (text, number of glyphs removed). Other control characters and zero-width characters are removed too,
    without being counted, because they never stand for a visible letter. Hyphen runs are normalised first
    (``normalize_hyphens``: a soft hyphen here is an invisible break hint).
    """
    count = 0
    text = normalize_hyphens(text)

    def repl(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return ""

    text = re.compile(_CID).sub(repl, text)
    text = re.compile(_UNMAPPED).sub(repl, text)
    text = re.compile(_CONTROL).sub("", text)
    text = re.compile(_INVISIBLE).sub("", text)
    return text, count


def normalize_hyphens(text: str, *, soft_hyphen: str = "") -> str:
    """Each run of hyphen-like characters inside a word or number becomes one hyphen-minus.

    "on-\u00ad\u2010campus" (hyphen, soft hyphen, U+2010: one hyphen drawn three ways) becomes "on-campus" and
    "555--\u20105555" becomes "555-5555"; a lone U+2010, U+2011 or U+2212 between letters or digits becomes "-". A run
    of soft hyphens only becomes ``soft_hyphen``: "" where a soft hyphen is an invisible break hint (DOCX, text), "-"
    where the text layer uses it for a hyphen that is drawn (XeTeX and LuaTeX PDFs). A run of plain hyphen-minus
    ("time--and", typed as a dash) is left as written, and so is anything not between two letters or digits
    ("-5%", "2019 - 2021"). Idempotent: normalising twice gives the same text as once.
    """
    if not re.compile(_NON_ASCII_HYPHEN).search(text):
        return text  # the common case: only hyphen-minus, which is left alone

    def repl(match: re.Match[str]) -> str:
        run = match.group(0)
        if run.isascii():
            return run
        if run.strip("\u00ad") == "":
            return soft_hyphen
        return "-"

    return re.compile(_HYPHEN_RUN).sub(repl, text)


def remove_controls(text: str) -> str:
    """Remove control characters except tab and newline (carriage returns included)."""
    return re.compile(_CONTROL).sub("", text.replace("\x00", ""))


def collapse_spaces(text: str) -> str:
    """Collapse runs of spaces, tabs and Unicode spaces into one space and strip both ends."""
    return re.compile(_SPACES).sub(" ", text).strip()


def is_private_use(char: str) -> bool:
    """True for a private-use code point (icon-font glyphs, Symbol/Wingdings bullets in Word)."""
    return bool(char) and bool(re.compile(_UNMAPPED).fullmatch(char)) and char not in ("\x00", "\ufffd")


def normalisation_findings(ligatures: int, glyphs: int, repaired: int = 0) -> list[Finding]:
    """The ``text.ligatures`` and ``text.glyphs`` warnings every engine reports, worded once."""
    findings = []
    if ligatures:
        findings.append(
            Finding(
                "text.ligatures",
                f"{ligatures} ligature glyph(s) (ﬁ, ﬂ, ...) were expanded to plain letters; "
                "some applicant-tracking systems do not expand them and miss those words",
                severity="info",
                count=ligatures,
            )
        )
    if glyphs:
        fixed = f"; {repaired} word(s) with a lost ligature were repaired" if repaired else ""
        findings.append(
            Finding(
                "text.glyphs",
                f"{glyphs} glyph(s) have no text meaning (icons, or letters without a Unicode mapping) and were "
                f"removed{fixed}; applicant-tracking systems see them as gaps or garbage, so keep key words "
                "in plain text",
                count=glyphs,
            )
        )
    return findings
