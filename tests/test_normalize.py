"""Hyphen normalisation (issue 12): a run of hyphen-like characters inside a word or number is one hyphen."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_check.extract.normalize import HYPHEN_LIKE, normalize_hyphens, strip_unmapped
from resume_check.extract.pdf_text import TextStats, clean_word
from resume_check.extract.text import extract_text
from resume_check.structure import build_resume

SOFT, HYPHEN, NB_HYPHEN, MINUS = "\u00ad", "\u2010", "\u2011", "\u2212"

CASES = [
    # (text, soft hyphen policy, expected)
    (f"on-{SOFT}{HYPHEN}campus", "", "on-campus"),
    (f"on-{SOFT}{HYPHEN}campus", "-", "on-campus"),
    (f"555--{HYPHEN}5555", "", "555-5555"),
    (f"on{HYPHEN}campus", "", "on-campus"),
    (f"kick{NB_HYPHEN}off", "", "kick-off"),
    (f"5{MINUS}10 sites", "", "5-10 sites"),
    (f"on-{SOFT}campus", "", "on-campus"),  # a visible hyphen and a soft one: one hyphen either way
    (f"on-{SOFT}campus", "-", "on-campus"),
    (f"inter{SOFT}national", "", "international"),  # a break hint (DOCX, text): invisible
    (f"Co{SOFT}founder", "-", "Co-founder"),  # XeTeX's hyphen glyph mapped to U+00AD: drawn
    ("time--and budget", "", "time--and budget"),  # typed as a dash: left as written
    ("Led a cut-over", "", "Led a cut-over"),
    (f"{MINUS}5% costs", "", f"{MINUS}5% costs"),  # not inside a number: a minus sign
    (f"2019 {HYPHEN} 2021", "", f"2019 {HYPHEN} 2021"),  # spaced: not inside a word
    ("", "", ""),
]


@pytest.mark.parametrize(("text", "soft", "expected"), CASES)
def test_hyphen_runs_become_one_hyphen(text: str, soft: str, expected: str) -> None:
    assert normalize_hyphens(text, soft_hyphen=soft) == expected


def test_pdf_words_and_text_lines_use_the_same_rule() -> None:
    raw = list(f"on-{SOFT}{HYPHEN}campus")
    assert clean_word(raw, TextStats()) == "on-campus"
    assert clean_word(list(f"555--{HYPHEN}5555"), TextStats()) == "555-5555"
    assert strip_unmapped(f"on-{SOFT}{HYPHEN}campus") == ("on-campus", 0)


def test_phone_with_a_hyphen_run_is_found() -> None:
    """The issue's trap: "555--‐5555" was not recognised as a phone number."""
    data = f"Jane Doe\nPhone: (212) 555--{HYPHEN}5555\n\nEXPERIENCE\n- Ran on-{SOFT}{HYPHEN}campus events\n"
    resume = build_resume(extract_text(data.encode(), "cv.txt", "txt"))
    assert resume.contact.phone == "(212) 555-5555"
    assert "Ran on-campus events" in resume.text


_ALPHABET = st.sampled_from(list("ab19 -.") + list(HYPHEN_LIKE) + ["\u00e9", "_"])
_RUN = re.compile(f"[^\\W_][{HYPHEN_LIKE}]*[{HYPHEN_LIKE[1:]}][{HYPHEN_LIKE}]*[^\\W_]")


@given(st.text(_ALPHABET, max_size=40), st.sampled_from(["", "-"]))
def test_normalising_is_idempotent_and_keeps_everything_else(text: str, soft: str) -> None:
    once = normalize_hyphens(text, soft_hyphen=soft)
    assert normalize_hyphens(once, soft_hyphen=soft) == once
    # no hyphen run holding a non-ASCII hyphen-like character is left inside a word or number
    assert not _RUN.search(once)
    # only hyphen-like characters change: letters, digits, spaces and other punctuation stay, in order
    assert [c for c in once if c not in HYPHEN_LIKE] == [c for c in text if c not in HYPHEN_LIKE]
    assert len(once) <= len(text)


@given(st.text(st.characters(exclude_characters=HYPHEN_LIKE[1:]), max_size=60))
def test_text_without_non_ascii_hyphens_is_unchanged(text: str) -> None:
    assert normalize_hyphens(text) == text
    assert normalize_hyphens(text, soft_hyphen="-") == text
