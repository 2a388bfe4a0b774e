"""The words that decide what a statement is (``lexicons/statements.yaml``): lead-ins, job nouns, adjectival
participles, abbreviations, determiners and work products, as sets and the few patterns built from them."""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafile import read_bundled_yaml
from ..datafile import string_list as _str_list

STATEMENTS_FILE = "statements.yaml"


_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "etc",
        "vs",
        "approx",
        "inc",
        "ltd",
        "co",
        "corp",
        "dr",
        "mr",
        "mrs",
        "ms",
        "st",
        "no",
        "nos",
        "dept",
        "est",
        "fig",
        "jr",
        "sr",
        "u.s",
        "u.k",
        "p.a",
        "mgr",
        "sr",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)


#: past participles that open self-descriptions as adjectives ("Accomplished programme manager")
_ADJECTIVAL = frozenset(
    [
        "accomplished",
        "organized",
        "organised",
        "certified",
        "driven",
        "motivated",
        "dedicated",
        "committed",
        "focused",
        "proven",
        "qualified",
        "skilled",
        "experienced",
        "seasoned",
        "talented",
        "detailed",
        "established",
        "respected",
        "trusted",
        "distinguished",
    ]
)


_CONTEXT_OPENER = re.compile(
    r"^(?:the|this|these|those|it|its|they|their|which|that|he|she|his|her|such|each|both|all|there)\b", re.IGNORECASE
)


_LEAD_IN_FIRST = frozenset(
    [
        "as",
        "in",
        "within",
        "during",
        "after",
        "following",
        "over",
        "across",
        "for",
        "while",
        "with",
        "working",
        "through",
        "by",
        "on",
        "at",
        "under",
        "since",
        "from",
        "when",
        "having",
        "using",
        "leveraging",
        "partnering",
        "upon",
        "despite",
        "alongside",
        "via",
        "throughout",
        "before",
    ]
)


_JOB_NOUNS = frozenset(
    [
        "manager",
        "managers",
        "developer",
        "developers",
        "engineer",
        "engineers",
        "analyst",
        "analysts",
        "consultant",
        "consultants",
        "architect",
        "architects",
        "lead",
        "leads",
        "role",
        "roles",
        "position",
        "owner",
        "officer",
        "coordinator",
        "co-ordinator",
        "specialist",
        "team",
        "teams",
        "member",
        "director",
        "head",
        "of",
        "for:",
        "-",
        "–",
        "—",
        "|",
        "designer",
        "tester",
        "administrator",
    ]
)


_HEADER_SMALL = frozenset(["of", "and", "&", "the", "at", "for", "-", "–"])


_PRESENT_WORDS = frozenset(["present", "current", "now", "today", "date", "ongoing"])


_PM_TITLE = re.compile(
    r"\b(?:project|programme|program|delivery|portfolio|pmo|release|change|transition|implementation|transformation)"
    r"\s+(?:manager|lead|leader|director|coordinator|co-ordinator|officer|head)\b|\bPMO\b|\bscrum\s?master\b"
    r"|\bproject management (?:professional|office)\b|\bPMP\b|\bPRINCE2\b",
    re.IGNORECASE,
)


_AGENT = re.compile(
    r"\bby\s+(?!\d|[£$€]|half|a factor|over\b|more\b|up to|nearly|almost|around|about|approx|some\b)", re.IGNORECASE
)


_ROLE_NOUNS = _JOB_NOUNS - {"of", "for:", "-", "–", "—", "|", "team", "teams", "member", "head", "role", "roles"}


_SELF_NOUNS = _ROLE_NOUNS | frozenset(["professional", "leader", "expert", "practitioner", "master", "pm", "pmo"])


_DETERMINERS = frozenset(
    ["the", "a", "an", "all", "our", "my", "this", "these", "those", "its", "their", "each", "every", "both"]
)


_SELF_DESCRIPTION = re.compile(
    r"^(?:I am|I'm|I’m|I have always|I love|I enjoy|(?:highly |very )?(?:proficient|skilled|experienced|passionate|"
    r"fluent|knowledgeable|familiar|adept|comfortable|competent|versed|well-versed)\b(?:\s+(?:in|with|at|about|on)\b)?"
    r"|pretty good (?:at|with)\b|(?:strong|extensive|solid|deep|working|good|excellent) (?:knowledge|understanding|"
    r"background|experience|command|grasp)\b)",
    re.IGNORECASE,
)


_COMPANY_END = re.compile(r"(?i)(?:,\s*|\s)(?:inc|ltd|llc|plc|corp|co|gmbh|llp|limited|pvt\.? ltd)\.?$")


@lru_cache(maxsize=1)
def load_work_products() -> frozenset[str]:
    """Head nouns of noun phrases that name a work product (``lexicons/statements.yaml``)."""
    data = read_bundled_yaml(STATEMENTS_FILE)
    return frozenset(w.lower() for w in _str_list(data.get("work_products"), f"{STATEMENTS_FILE}, work_products"))
