"""The words that decide what a statement is (``lexicons/statements.yaml``): lead-ins, job nouns, adjectival
participles, abbreviations, determiners and work products, as sets and the few patterns built from them.

The file is read once, at import, and checked against its ``vocabulary.schema.json`` definition.
"""

from __future__ import annotations

import re

from ..datafile import read_vocabulary

STATEMENTS_FILE = "statements.yaml"

_VOCABULARY = read_vocabulary(STATEMENTS_FILE)


def _words(key: str) -> frozenset[str]:
    return frozenset(_VOCABULARY[key])


def _alternatives(key: str) -> str:
    return "|".join(_VOCABULARY[key])


#: abbreviations whose full stop does not end a sentence
_ABBREVIATIONS = _words("abbreviations")
#: past participles that open self-descriptions as adjectives ("Accomplished programme manager")
_ADJECTIVAL = _words("adjectival_participles")
_CONTEXT_OPENER = re.compile(rf"^(?:{_alternatives('context_openers')})\b", re.IGNORECASE)
_LEAD_IN_FIRST = _words("lead_in_words")
_JOB_NOUNS = _words("job_nouns")
_HEADER_SMALL = _words("header_small_words")
_PRESENT_WORDS = _words("present_words")
_PM_TITLE = re.compile(
    rf"\b(?:{_alternatives('pm_title_areas')})\s+(?:{_alternatives('pm_title_roles')})\b|"
    + "|".join(rf"\b{name}\b" for name in _VOCABULARY["pm_title_names"]),
    re.IGNORECASE,
)
_RECOGNISED = _alternatives("recognition_participles")
#: an honour named at the opening: its participle before what names the giver, the role or the prize ("Selected by
#: ... as ...", "Nominated for ...", "Elected to the board"; not "Selected to lead ...", which is work to advise
#: on), "Awarded"/"Named" before a capitalised name ("Awarded the Army Commendation Medal", "Named one of ..."),
#: or an invitation ("Invited to speak at ...")
_RECOGNITION_OPENING = re.compile(
    rf"^(?:(?:i\s+)?(?:was|were|been|got)\s+)?(?:(?:{_RECOGNISED})\s+(?:by|as|for|among|to\s+(?:the|a|an|be)\b)"
    r"|(?:awarded|named)\s+(?:(?:the|an?)\s+)?(?-i:[A-Z])|named\s+(?:as\s+)?one\s+of\b|invited\s+to\b"
    rf"|(?:{_RECOGNISED})\s+to\s+(?:{_alternatives('recognition_to_verbs')})\b"
    # an honour won ("Won the 2021 Innovation Award", "Earned promotion to ..."), a promotion ("Promoted to ...")
    rf"|(?:{_alternatives('recognition_won_verbs')})\s+(?:[\w'’&.-]+\s+){{0,5}}?(?:{_alternatives('recognition_nouns')})\b"
    r"|promoted\s+(?:to|from)\b)",
    re.IGNORECASE,
)
#: an honour anywhere in a statement that opens with no verb: a participle standing with "to be" ("the only engineer
#: to be awarded ...", "52 of 2,500 applicants chosen to be ...")
_RECOGNITION_ANYWHERE = re.compile(rf"\bto\s+be\s+(?:{_RECOGNISED})\b|\b(?:{_RECOGNISED})\s+to\s+be\b", re.IGNORECASE)
_ROLE_NOUNS = _JOB_NOUNS - _words("not_role_nouns")
_SELF_NOUNS = _ROLE_NOUNS | _words("self_nouns")
_DETERMINERS = _words("determiners")
_SELF_DESCRIPTION = re.compile(
    r"^(?:I am|I'm|I’m|I have always|I love|I enjoy|(?:highly |very )?(?:proficient|skilled|experienced|passionate|"
    r"fluent|knowledgeable|familiar|adept|comfortable|competent|versed|well-versed)\b(?:\s+(?:in|with|at|about|on)\b)?"
    r"|pretty good (?:at|with)\b|(?:strong|extensive|solid|deep|working|good|excellent) (?:knowledge|understanding|"
    r"background|experience|command|grasp)\b)",
    re.IGNORECASE,
)
_COMPANY_END = re.compile(rf"(?i)(?:,\s*|\s)(?:{_alternatives('company_suffixes')})\.?$")
#: small words that may stay lower-case in a title-case line
_TITLE_SMALL = _words("title_small_words")
#: words that make a noun-phrase bullet a role or a membership, not a work product
_NOT_WORK_PRODUCT = _words("not_work_product_words")
_WORK_PRODUCTS = frozenset(w.lower() for w in _VOCABULARY["work_products"])


def load_work_products() -> frozenset[str]:
    """Head nouns of noun phrases that name a work product (``lexicons/statements.yaml``)."""
    return _WORK_PRODUCTS


def is_recognition(statement: str, *, opening_only: bool = False) -> bool:
    """Whether ``statement`` (its lead-in or role header cut off) records an honour: "Selected by the board as
    ...", "Nominated for ...", "The only analyst to be awarded ..." (see ``recognition_participles``). With
    ``opening_only``, only an honour named at the opening counts: a statement led by its own verb ("Implemented a
    process that was chosen to be the company standard") records work, whatever an honour it mentions."""
    stripped = statement.strip()
    if _RECOGNITION_OPENING.match(stripped):
        return True
    return not opening_only and _RECOGNITION_ANYWHERE.search(stripped) is not None
