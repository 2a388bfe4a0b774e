"""Metrics in résumé statements: money, percentages, counts, durations, multipliers and rates, told apart from
numbers that are not results (years, dates, versions, product names, phone numbers, postcodes, licence numbers).

``find_metrics(text, offset)`` is pure and deterministic; every regular expression is compiled once at import.

How a number is judged (decisions a reader may question are marked *):
- non-results are blanked out first, keeping offsets: dates and year ranges, years (unless a count noun follows
  directly: "2000 users"), versions after product names (Windows 11, Office 365, Python 3.12, ITIL 4, ISO 27001),
  dotted versions (1.2.3), phone numbers (9+ digits in groups), UK postcodes, US ZIP codes, licence/certificate
  numbers, list numbers ("1.", "2)", "(3)") and ranks ("#1");
- * "24/7" (and 24x7, 24/7/365) is a statement of service hours, not a measured result, so it is NOT a metric;
- * "N years" counts only as time saved or gained ("two years early", "saved 3 years of effort"): otherwise it is
  the length of a career or tenure ("20 years of experience", "for 3 years"), not a result; likewise any duration
  after "for" ("led the desk for 6 months");
- a count needs a countable noun within three words ("40+ stakeholders", "12 cross-functional engineers",
  "team of twelve", "12-person team"); a bare number is not a metric; number words count ("a dozen vendors",
  "hundreds of thousands of requests per second", "reduced incidents by half");
- * a number in digits before any other plural noun, within two words, counts too ("250+ packages", "9 cars per
  month", "4 articles"): the count lists cannot name every thing a résumé counts; its dimension comes from the
  nearest cue word; a capitalised word before the number makes it a version ("Python 3 scripts");
- * a duration used as an adjective ("a 5-day forecast feature", "a 3-day workshop") is the length of the thing
  described, not a result, unless a saving or reduction frames it ("a 2-day reduction in close");
- * "doubled down" and "doubling as" are idioms, not multipliers;
- percentages next to uptime/availability/SLA words are rates (kind ``rate``, measures ``quality``);
- what a metric measures (budget, schedule, scope, team, quality) comes from its noun (counts), its kind (money is
  always budget) or the nearest cue word around it (percentages, multipliers, durations); None when nothing fits.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from typing import cast

from .datafile import read_vocabulary
from .models import Dimension, Metric

#: what counts as a measured result, published by ``resume-check explain`` (id, description)
METRIC_RULES: tuple[tuple[str, str], ...] = (
    ("metric.money", "an amount with a currency (£1.2m, $500K, EUR 2m, 2 million pounds) measures budget"),
    ("metric.percent", "a percentage, percentage points, or a share in words (by half, by a third, by two-thirds)"),
    (
        "metric.count",
        "a number or number words before a countable noun (12 engineers, a dozen vendors, hundreds of thousands of "
        "requests, team of twelve), or a number before any other plural noun (250+ packages, 4 articles; not "
        "after a product name: Python 3 scripts); the noun, or else the nearest cue word, gives the dimension "
        "(team, scope, quality, budget)",
    ),
    (
        "metric.duration",
        "time saved or taken (two weeks early, in 8 weeks, saved 300 hours a year); not tenure (for 3 years, "
        "20 years of experience) and not the length of what a phrase describes (a 5-day forecast feature, a 3-day "
        "workshop, a 10-page document) unless a saving frames it",
    ),
    (
        "metric.multiplier",
        "3x, threefold, doubled, tripled, halved, 3 times faster, by a factor of 200; not 'doubled down' or "
        "'doubling as'",
    ),
    ("metric.rate", "uptime, SLA, CSAT and per-period figures (99.9% uptime, 200 tickets a week, requests per second)"),
    (
        "metric.not-a-result",
        "dates, years, versions and product numbers (Windows 11, ISO 27001), phone numbers, postcodes, licence "
        "numbers, list numbers, ranks and 24/7 are never metrics",
    ),
)

# --------------------------------------------------------------------------------------------- vocabulary

#: the word lists (``lexicons/metrics.yaml``), read once at import and checked against ``vocabulary.schema.json``
METRICS_FILE = "metrics.yaml"
_VOCABULARY = read_vocabulary(METRICS_FILE)

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
#: a number standing alone: not glued to letters, other digits, dots, hyphens, slashes or colons (S3, v2, 27001:2013)
_LEFT = r"(?<![\w.\-/:#])(?<!\d,)"  # (nor a thousands group: "1,000,000" is read once, from its first digit)
_NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight"
    r"|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|(?:a |one |two |three |several |a few )?(?:hundred|thousand)s?|a dozen|dozens"
    r"|millions|billions)"
)
#: "hundreds of", "tens of thousands of", "dozens of": a quantity in words that reaches its noun through "of"
_NUM_WORD_OF = (
    r"\b(?:tens|dozens|hundreds|thousands|millions|billions)(?:\s+of\s+(?:thousands|millions|billions))*\s+of"
)
_MAG = r"(?:(?:[kKmMbB]|mn|bn|BN|MM)(?![A-Za-z])|\s?(?:million|billion|thousand|trillion)\b)"
_QUANT = rf"(?:{_LEFT}{_NUM}{_MAG}?\+?|\b{_NUM_WORD}\b)"

_COUNT_NOUNS: dict[Dimension, tuple[str, ...]] = {
    cast(Dimension, dim): tuple(nouns) for dim, nouns in _VOCABULARY["count_nouns"].items()
}
#: the longest alternative first, so "direct reports" wins over "reports"
_COUNT_NOUN = "(?:" + "|".join(sorted((n for ns in _COUNT_NOUNS.values() for n in ns), key=len, reverse=True)) + ")"
#: which dimension a count noun belongs to: one group per dimension, so the name of the group that matched is the
#: first dimension (in _COUNT_NOUNS order) listing a noun that matches the whole text
_NOUN_DIMENSION = re.compile(
    "^(?:" + "|".join(f"(?P<{dim}>{'|'.join(nouns)})" for dim, nouns in _COUNT_NOUNS.items()) + ")$", re.IGNORECASE
)

_STOP = (
    r"(?:of|to|in|for|by|and|or|the|a|an|with|from|on|at|per|than|over|into|across|within|was|were|is|are|as"
    r"|while|which|who|that|this|these|those|its|their|our|my|up|down|out|under|above|below|via|plus|including"
    r"|percent|cent|pct|points?|times|hours?|days?|weeks?|months?|years?)"
)
#: up to three words between a number and its noun ("12 cross-functional delivery engineers")
_MODIFIERS = rf"(?:\s+(?!{_STOP}(?![\w-]))[A-Za-z][\w&'’-]*){{0,3}}?"

_DUR_UNIT = "(?:" + "|".join(_VOCABULARY["duration_units"]) + ")"
_PER = (
    r"(?:\s?/\s?|\s(?:a|an|per|each|every)\s)"
    r"(?:second|sec|minute|min|hour|day|week|month|year|annum|sprint|quarter|release|user|head)\b"
)
_HYPHEN_TEAM = "(?:" + "|".join(_VOCABULARY["hyphen_nouns"]["team"]) + ")"
_HYPHEN_SCOPE = "(?:" + "|".join(_VOCABULARY["hyphen_nouns"]["scope"]) + ")"

# --------------------------------------------------------------------------------------------- non-metrics

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_PRODUCTS = "|".join(_VOCABULARY["products"])
#: generic labels whose number is a name, not a result ("Phase 2", "Tier 3", "Wave 4"), unless a unit follows
_LABELS = "(?:" + "|".join(_VOCABULARY["labels"]) + ")"
#: ... a label followed by a count noun stays a label ("Tier 3 escalations", "Wave 2 sites")
_UNITISH = rf"(?:\s?%|\s?{_DUR_UNIT}\b|\s?{_MAG}|\s?[x×]\b|\+)"

_MASKS: tuple[re.Pattern[str], ...] = (
    # 24/7, 24x7, 24/7/365 and office hours: service hours, not results
    re.compile(r"\b24\s?(?:/|x|×)\s?7(?:\s?(?:/|x|×)\s?365)?\b", re.IGNORECASE),
    re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm)?\s?(?:-|–|to)\s?\d{1,2}(?::\d{2})?\s?(?:am|pm)\b", re.IGNORECASE),
    # year ranges and dates
    re.compile(
        rf"(?:\b{_MONTH}\.?,?\s?)?\b(?:19|20)\d{{2}}\s?(?:-|–|—|/|to|until)\s?(?:(?:{_MONTH}\.?,?\s?)?(?:19|20)?\d{{2}}\b"
        r"|present\b|current\b|now\b|date\b|today\b|ongoing\b)",
        re.IGNORECASE,
    ),
    re.compile(rf"\b{_MONTH}\.?\s?(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s)?(?:'\d{{2}}|(?:19|20)\d{{2}})\b"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH}\.?,?\s(?:19|20)\d{{2}}\b", re.IGNORECASE),
    re.compile(r"\b(?:Q[1-4]|H[12]|FY)\s?'?(?:(?:19|20)?\d{2})(?:\s?/\s?\d{2,4})?\b"),
    re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}\b"),
    re.compile(r"\b\d{1,2}\s?/\s?(?:19|20)\d{2}\b"),
    re.compile(r"\b(?:19|20)\d{2}[-/]\d{1,2}(?:[-/]\d{1,2})?\b"),
    # a year, unless a count noun follows directly ("2000 users")
    re.compile(rf"(?<![\d,.£$€])\b(?:19[5-9]\d|20[0-4]\d)\b(?!\s?\+?\s?(?i:{_COUNT_NOUN}|%|{_DUR_UNIT})\b)"),
    # versions and product names
    re.compile(
        rf"(?<![\w-])(?:{_PRODUCTS})[\s-]?v?\d+(?:[.:]\d+)*[a-z]?(?:\s?(?:/|and|&|or|,)\s?\d+(?:\.\d+)*)*\+?(?![\w])"
    ),
    re.compile(rf"(?<![\w-]){_LABELS}[\s-]?\d+(?:\.\d+)*[a-z]?(?!{_UNITISH})(?!\w)", re.IGNORECASE),
    re.compile(r"(?<![\w.])v?\d+\.\d+\.\d+(?:\.\d+)*\b"),
    re.compile(r"\bv\d+(?:\.\d+)*\b", re.IGNORECASE),
    # licence, certificate and membership numbers
    re.compile(
        r"(?i:\b(?:licen[cs]e|cert(?:ificate|ification)?|credential|membership|registration|member|badge|exam"
        r"|candidate|reference|ref|passport|policy)"
        r"\s?(?:no\.?|number|num|#|id|code)?\s?[:#.]?\s?)(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{3,}(?!\w)"
    ),
    re.compile(r"\b[A-Z][A-Za-z-]{1,10}\s?(?:#|No\.?|ID:?|Number:?)\s?\d{3,}\b"),
    re.compile(r"#\s?\d+\b"),
    # postcodes: UK ("SW1A 1AA"), US ZIP after a state or place name ("VA 22101", "ANYWHERE 44444")
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b"),
    re.compile(r"\b(?!(?:GBP|USD|EUR|AUD|CAD|CHF)\b)[A-Z]{2,},?\s\d{5}(?:-\d{4})?\b"),
    re.compile(r"\b\d{5}-\d{4}\b"),
    # list numbers
    re.compile(r"^\s*\(?\d{1,2}[.)](?=\s)"),
    re.compile(r"(?<![\w)])\(\d{1,2}\)"),
    re.compile(r"\b\d(?:st|nd|rd|th)\b"),
    # ratios and one-to-ones
    re.compile(r"\b\d{1,2}:\d{1,2}s?\b|\b1-2-1s?\b"),
)
_PHONE = re.compile(r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w.])")
_MIN_PHONE_DIGITS = 9

# --------------------------------------------------------------------------------------------- metric patterns

_CUR_PRE = r"(?:[£$€]|(?:US|AU|A|CA|C|NZ|HK|S)\$|(?:GBP|USD|EUR|AUD|CAD|CHF)\s?)"
_MONEY = re.compile(
    rf"(?<![\w.]){_CUR_PRE}\s?{_NUM}{_MAG}?\+?(?:\s?(?:-|–|to)\s?{_CUR_PRE}?\s?{_NUM}{_MAG}?)?"
    rf"|{_LEFT}{_NUM}{_MAG}?\s?(?:GBP|USD|EUR|AUD|CAD|pounds?(?: sterling)?|dollars|euros?|sterling)\b"
)
_PCT_ONE = rf"{_LEFT}{_NUM}\s?(?:%|per ?cent\b|percent\b)"
_PCT_RANGE = re.compile(rf"\bfrom\s(?:an?\s)?(?:\w+\s)?{_PCT_ONE}\s(?:to|→|->)\s(?:\w+\s)?{_PCT_ONE}", re.IGNORECASE)
_PCT = re.compile(_PCT_ONE, re.IGNORECASE)
_PP = re.compile(rf"{_LEFT}{_NUM}\s?(?:pp|ppts?|percentage[- ]points?|basis points|bps)\b", re.IGNORECASE)
_RATE_WORDS = "(?:" + "|".join(_VOCABULARY["rate_words"]) + ")"
_RATE_AFTER = re.compile(rf"{_PCT_ONE}\s(?:\w+\s){{0,2}}?{_RATE_WORDS}\b", re.IGNORECASE)
_RATE_BEFORE = re.compile(rf"\b{_RATE_WORDS}\s(?:\w+\s){{0,3}}?{_PCT_ONE}", re.IGNORECASE)
_RATING = re.compile(
    rf"\b(?:CSAT|NPS|eNPS|satisfaction(?: score| rating)?|rating|feedback score|score)\s(?:of\s|to\s|from\s|at\s)?"
    rf"[+]?{_NUM}(?:\s?/\s?(?:5|10|100)|\sout of (?:5|10|100))?(?![\w%])"
    rf"|{_LEFT}{_NUM}\s?(?:/|out of)\s?(?:5|10)\b(?=\s(?:\w+\s)?(?:CSAT|rating|satisfaction|feedback|score))"
    rf"|\brated\s(?:at\s)?{_NUM}\s?(?:/|out of)\s?(?:5|10|100)(?![\w%])",  # "Rated 4.8/5 by users"
    re.IGNORECASE,
)
_MULTIPLIER = re.compile(
    rf"{_LEFT}{_NUM}\s?[x×](?![\w])|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)[- ]?fold\b"
    # "doubled down", "doubling as scrum master": idioms, not results
    r"|\b(?:doubl|tripl|quadrupl)(?:ed|ing)\b(?!-|\s(?:down|up\b|as\b|back\b))|\bhalv(?:ed|ing)\b|\bcut in half\b"
    rf"|(?:{_LEFT}{_NUM}|\b{_NUM_WORD})\stimes\s(?:faster|quicker|more|higher|larger|greater|bigger|better|cheaper"
    r"|less|fewer|over|as)\b"
    rf"|\bby\sa\sfactor\sof\s(?:{_LEFT}{_NUM}|{_NUM_WORD}\b)",
    re.IGNORECASE,
)
#: quick tests that a text may hold a match at all: each alternative of the pattern needs one of these words,
#: and scanning for them is several times cheaper than trying the whole pattern at every position
_MULTIPLIER_HINT = re.compile(r"\d\s?[x×]|fold|doubl|tripl|quadrupl|halv|cut in half|times|factor", re.IGNORECASE)
_RATE_HINT = re.compile(_RATE_WORDS, re.IGNORECASE)
_RATING_HINT = re.compile(r"csat|nps|satisfaction|rating|rated|feedback|score", re.IGNORECASE)
_DUR_ONE = rf"(?:{_LEFT}{_NUM}|\b{_NUM_WORD}|\bhalf an?|\ba|\ban)\+?[\s-]?{_DUR_UNIT}\b"
_DURATION = re.compile(
    rf"\bfrom\s{_DUR_ONE}\s(?:to|→|->)\s{_DUR_ONE}|(?:{_LEFT}{_NUM}|\b{_NUM_WORD})\+?[\s-]?{_DUR_UNIT}\b"
    rf"(?:\s(?:early|earlier|ahead(?: of schedule)?|sooner|faster|quicker|saved|less|ahead of plan))?"
    rf"|\b(?:a|an|one|half an?)\s(?:week|month|day|quarter|year|sprint)\s(?:early|earlier|ahead|sooner)\b",
    re.IGNORECASE,
)
_COUNT = re.compile(
    rf"(?:{_QUANT}){_MODIFIERS}\s+(?:{_COUNT_NOUN})\b"
    rf"|{_NUM_WORD_OF}{_MODIFIERS}\s+(?:{_COUNT_NOUN})\b"
    rf"|(?:{_LEFT}{_NUM}|\b{_NUM_WORD})[- ](?:{_HYPHEN_TEAM}|{_HYPHEN_SCOPE})\b(?:[- ]strong)?"
    rf"|\bteams?\sof\s(?:up to |over |more than |about |around |nearly |some |almost )?(?:{_QUANT})"
    rf"|\bfrom\s(?:{_QUANT})\s(?:to|→|->)\s(?:{_QUANT})(?:{_MODIFIERS}\s+(?:{_COUNT_NOUN})\b)?",
    re.IGNORECASE,
)

#: a share in words: "by half", "by a third", "by two-thirds" (a proportion, reported as a percentage)
_FRACTION = re.compile(
    r"\bby\s(?:(?:a|one)\s)?(?:half|third)\b(?![\s-](?:of|the|an?|day|time|year|point)\b)"
    r"|\bby\s(?:two|three)[- ](?:thirds|quarters)\b",
    re.IGNORECASE,
)
_FRACTION_HINT = re.compile(r"half|third|quarters", re.IGNORECASE)
#: words after a hyphenated duration that make it a result ("a 2-day reduction in lead time")
_RESULT_NOUN_AFTER = re.compile(
    r"^\s(?:\w+\s)?(?:reduction|saving|savings|improvement|decrease|gain|speed-?up|acceleration|cut)\b",
    re.IGNORECASE,
)
#: a duration used as an adjective before a noun: "a 5-day forecast feature", "a 3-day workshop", "a 10 week plan"
_MODIFIES_NOUN = re.compile(
    r"^\s(?!(?:of|in|to|for|and|or|with|ahead|early|earlier|sooner|faster|quicker|less|saved|by"
    r"|from|on|at|per|a|an|the|each|every)\b)[A-Za-z]",
    re.IGNORECASE,
)
_DURATION_FRAME = re.compile(
    r"\b(?:in|within|by|under|over|to|from|after|than|of|each|every|per|a|an|the|only|just|took|takes|taking"
    r"|reduced|cut|saved|saving|shortened|down|up|around|about|approximately|nearly|almost|less|more)\s$",
    re.IGNORECASE,
)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s$", re.IGNORECASE)
_YEARS = re.compile(r"\b(?:years?|yrs?)\b", re.IGNORECASE)
_RESULT_AFTER = re.compile(r"^\s?(?:early|earlier|ahead|sooner|saved|less|of (?:effort|work|manual))", re.IGNORECASE)
_SAVING_BEFORE = re.compile(
    r"\b(?:sav(?:ed|ing|es?)|cut|reduc(?:ed|ing)|shorten(?:ed|ing)|freed|recover(?:ed|ing))"
    r"(?:\s\w+){0,3}\s?$",
    re.IGNORECASE,
)
_TENURE_BEFORE = re.compile(
    r"\b(?:for|spanning|over|across)\s(?:the\s)?(?:past\s|last\s)?(?:over\s|more than\s|nearly\s|almost\s|about\s"
    r"|around\s|some\s)?$",
    re.IGNORECASE,
)
_EXPERIENCE_AFTER = re.compile(
    r"^\+?'?’?s?\s?(?:of\s)?(?:\w+\s){0,3}?(?:experience|exp|service|tenure)\b", re.IGNORECASE
)
_PER_RE = re.compile(_PER, re.IGNORECASE)

#: symbols that are cues on their own (a currency sign points to budget)
_CUE_SYMBOLS: dict[str, str] = {"budget": "[£$€]"}
_CUES: tuple[tuple[Dimension, re.Pattern[str]], ...] = tuple(
    (
        cast(Dimension, dim),
        re.compile(
            r"\b(?:" + "|".join(words) + r")\b" + (f"|{_CUE_SYMBOLS[dim]}" if dim in _CUE_SYMBOLS else ""),
            re.IGNORECASE,
        ),
    )
    for dim, words in _VOCABULARY["cue_patterns"].items()
)
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
#: how far a mask may reach before and after a digit ("Red Hat Enterprise Linux 8", "2019 – Present")
_WINDOW_LEFT = 48
_WINDOW_RIGHT = 32
#: a text without digits can hold a metric only through words like these (see _has_number_words)
_LETTERS = re.compile(r"[a-z]+")
_NUMBER_WORDS = frozenset(_VOCABULARY["number_words"])
_UNIT_WORDS = frozenset(_VOCABULARY["duration_words"])
_EARLY_WORDS = frozenset(_VOCABULARY["early_words"])
#: a result stated as none of something ("with zero downtime", "no major findings"; see metrics.yaml): the words
#: before the result group give the context "no" needs; the result group is the metric
_ZERO_OPENERS = "|".join(_VOCABULARY["zero_openers"])
_ZERO = re.compile(
    r"(?:(?:(?<![\w'’-])(?:" + "|".join(_VOCABULARY["zero_no_after"]) + r")\s+|^\s*|[,;:(–—]\s*)(?=no\s)"
    r"|(?<![\w'’-])(?=(?:" + _ZERO_OPENERS + r")\s))"
    r"(?P<result>(?:no|" + _ZERO_OPENERS + r")\s+"
    r"(?:(?:" + "|".join(_VOCABULARY["zero_qualifiers"]) + r")\s+){0,2}"
    r"(?:" + "|".join(_VOCABULARY["zero_nouns"]) + r"))(?![\w-])",
    re.IGNORECASE,
)
#: a text without one of these words holds no zero result (a cheap test before _ZERO)
_ZERO_HINT = re.compile(r"\b(?:zero|no|without)\s", re.IGNORECASE)
_DIM_ORDER: dict[Dimension, int] = {"budget": 0, "schedule": 1, "quality": 2, "scope": 3, "team": 4}
#: the same cues as words, for cue_dimensions (a dictionary look-up per word is far cheaper than the regexes)
_CUE_WORDS: dict[str, Dimension] = {}
for _dim, _words in _VOCABULARY["cue_words"].items():
    for _word in _words:
        _CUE_WORDS.setdefault(_word, cast(Dimension, _dim))
_CUE_PAIRS: dict[tuple[str, str], Dimension] = {}
for _dim, _pairs in _VOCABULARY["cue_pairs"].items():
    for _pair in _pairs:
        _first, _second = _pair.split()
        _CUE_PAIRS.setdefault((_first, _second), cast(Dimension, _dim))
_CUE_TOKEN = re.compile(r"[a-z][a-z-]*|[£$€]")
#: the words right after a metric up to a conjunction, comma or clause end ("under budget", "fewer incidents")
_RIGHT_PHRASE = re.compile(
    r"(?:\s(?!(?:and|or|while|with|by|across|in|at|for|to|from|on|per|of|through|via|using|after|before|during|than"
    r"|between|among|into|since)\b)[\w'’-]+){1,3}",
    re.IGNORECASE,
)
_WINDOW_BEFORE = 60
_WINDOW_AFTER = 40
_CLAUSE_END = re.compile(r"[;.!?]\s|\s[–—]\s")


# --------------------------------------------------------------------------------------------- functions


def mask_non_metrics(text: str) -> str:
    """``text`` with every number that is not a result blanked out (same length, so offsets still hold)."""
    windows = _digit_windows(text)
    if not windows:
        return text  # every mask needs a digit
    chars = list(text)
    for lo, hi in windows:
        for pattern in _MASKS:
            for m in pattern.finditer(text, lo, hi):
                chars[m.start() : m.end()] = " " * (m.end() - m.start())
        for m in _PHONE.finditer(text, lo, hi):
            if sum(c.isdigit() for c in m.group()) >= _MIN_PHONE_DIGITS:
                chars[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


def _has_number_words(text: str) -> bool:
    """Whether a text without digits may hold a metric in words ("twelve engineers", "doubled", "a week early")."""
    lowered = text.lower()
    if any(stem in lowered for stem in ("fold", "doubl", "tripl", "quadrupl", "halv", "in half")):
        return True
    words = set(_LETTERS.findall(lowered))
    return bool(words & _NUMBER_WORDS) or bool(words & _UNIT_WORDS and words & _EARLY_WORDS)


def _digit_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` around its digits (merged), the only places a mask can match: scanning a whole
    statement with every mask costs ten times as much."""
    windows: list[tuple[int, int]] = []
    for m in _DIGITS.finditer(text):
        lo, hi = max(0, m.start() - _WINDOW_LEFT), min(len(text), m.end() + _WINDOW_RIGHT)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


#: a place in a ranking, read from the text itself (the mask hides ordinals and "#1"): "ranked 4th", "ranked number
#: 1", "voted #1", "placed second", "1st place". It is a measured result, though not of a budget, a schedule, a
#: scope, a team or quality. A share ("top 10%") is a percentage already; "finished first" and "came first" are left
#: out ("Finished first phase of the migration").
_RANK_HINT = re.compile(r"\b(?:rank|placed|rated|voted|named)|\bplace\b", re.IGNORECASE)
_RANK = re.compile(
    r"\b(?:ranked|ranking|placed|rated|voted|named)\s+(?:as\s+)?(?:the\s+)?(?:company'?s\s+)?"
    r"(?P<rank>(?:number|no\.|#)\s?(?:\d{1,4}|one)|\d{1,4}(?:st|nd|rd|th)|first|second|third|fourth|fifth"
    r"|top\s+\d{1,4}(?![\d.,]*\s?%))(?![\w%-])"
    r"|(?P<place>\b(?:\d{1,4}(?:st|nd|rd|th)|first|second|third)\s+place)\b",
    re.IGNORECASE,
)


def _rank_candidates(text: str) -> Iterator[tuple[int, int, str, Dimension | None, int]]:
    if _RANK_HINT.search(text):
        for m in _RANK.finditer(text):
            group = "rank" if m.group("rank") else "place"
            yield m.start(group), m.end(group), "rank", None, 1


def find_metrics(text: str, offset: int = 0) -> tuple[Metric, ...]:
    """The metrics in ``text`` in reading order, with offsets shifted by ``offset`` (into ``Resume.text``)."""
    zero = _ZERO_HINT.search(text) is not None
    found: Iterable[tuple[int, int, str, Dimension | None, int]]
    if _DIGIT.search(text) or _has_number_words(text) or _RANK_HINT.search(text):
        masked = mask_non_metrics(text)
        found = itertools.chain(
            _candidates(text, masked), _rank_candidates(text), _zero_candidates(text) if zero else ()
        )
    elif zero:
        found = _zero_candidates(text)  # no digit, number word or rank: only a result of none can be here
    else:
        return ()
    candidates = sorted(found, key=lambda c: (c[0], -(c[1] - c[0]), c[4]))
    metrics: list[Metric] = []
    last_end = -1
    for start, end, kind, measures, _priority in candidates:
        if start < last_end:
            continue
        metrics.append(
            Metric(text=text[start:end], kind=kind, measures=measures, start=start + offset, end=end + offset)
        )
        last_end = end
    return tuple(metrics)


def _zero_candidates(text: str) -> Iterator[tuple[int, int, str, Dimension | None, int]]:
    """Results stated as none of something ("with zero downtime", "no major findings"): a count of zero."""
    for m in _ZERO.finditer(text):
        yield m.start("result"), m.end("result"), "zero", "quality", 1


def _candidates(text: str, masked: str) -> Iterator[tuple[int, int, str, Dimension | None, int]]:
    if _DIGIT.search(masked):
        yield from _digit_candidates(masked)
    if _MULTIPLIER_HINT.search(masked):
        for m in _MULTIPLIER.finditer(masked):
            yield m.start(), m.end(), "multiplier", _nearest_cue(masked, m.start(), m.end()), 4
    if _FRACTION_HINT.search(masked):
        for m in _FRACTION.finditer(masked):
            yield m.start(), m.end(), "percent", _nearest_cue(masked, m.start(), m.end()), 3
    for m in _COUNT.finditer(masked):
        if _is_duration_word(m.group()):
            continue
        end = _extend_per(masked, m.end())
        kind = "rate" if end > m.end() else "count"
        measures = _count_dimension(m.group()) or _nearest_cue(masked, m.start(), m.end())
        yield m.start(), end, kind, measures, 5
    for m in _DURATION.finditer(masked):
        if not _is_result_duration(masked, m.start(), m.end()):
            continue
        end = _extend_per(masked, m.end())
        cue = _nearest_cue(masked, m.start(), end, ("quality", "schedule"))
        yield m.start(), end, "duration", cue or "schedule", 6


def _digit_candidates(masked: str) -> Iterator[tuple[int, int, str, Dimension | None, int]]:
    for m in _MONEY.finditer(masked):
        end = _extend_per(masked, m.end())
        yield m.start(), end, "money", "budget", 0
    if _RATE_HINT.search(masked):
        for m in _RATE_AFTER.finditer(masked):
            yield m.start(), m.end(), "rate", "quality", 1
        for m in _RATE_BEFORE.finditer(masked):
            yield m.start(), m.end(), "rate", "quality", 1
    if _RATING_HINT.search(masked):
        for m in _RATING.finditer(masked):
            yield m.start(), m.end(), "rate", "quality", 1
    for m in _PCT_RANGE.finditer(masked):
        yield m.start(), m.end(), "percent", _nearest_cue(masked, m.start(), m.end()), 2
    for pattern in (_PCT, _PP):
        for m in pattern.finditer(masked):
            yield m.start(), m.end(), "percent", _nearest_cue(masked, m.start(), m.end()), 3
    first = len(masked) - len(masked.lstrip())  # where the text's first word starts
    for m in _PLURAL_COUNT.finditer(masked):  # digits only: a text without them never gets here
        if _names_a_version(masked, m.start(), first):
            continue
        end = _extend_per(masked, m.end())
        kind = "rate" if end > m.end() else "count"
        yield m.start(), end, kind, _nearest_cue(masked, m.start(), m.end()), 7


#: a number (in digits) before a plural noun the count lists lack ("250+ packages", "9 cars", "4 articles"): up to
#: two modifiers between them; the noun is a lowercase word ending in a plural "s" (not "ss", "us", "is": "status",
#: "analysis") and is no unit, duration or stop word (those have their own rules or are no measure)
_PLURAL_COUNT = re.compile(
    rf"{_LEFT}{_NUM}{_MAG}?\+?(?:\s+(?!{_STOP}(?![\w-]))[a-z][\w&'’-]*){{0,2}}?"
    rf"\s+(?!{_STOP}\b|{_DUR_UNIT}\b)[a-z][a-z'’-]*[a-rt-z]s\b(?<!ss)(?<!us)(?<!is)(?![-’'\w])"
)
#: the word before a number, when it is a capitalised name with the number its version ("Windows 10 laptops")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.+#-]*)\s+$")


def _names_a_version(text: str, start: int, first: int) -> bool:
    """True when the number at ``start`` follows a capitalised word that is not the text's first (which starts at
    ``first``): a product and its version or model ("Windows 10 laptops", "Python 3 scripts"), not a count."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None or not before.group(1)[0].isupper() or before.start() <= first:
        return False
    # a capitalised word that opens a sentence is no product name ("Led research. Published 4 chapters")
    return not text[max(0, before.start() - 8) : before.start()].rstrip().endswith((".", ";", ":", "!", "?", "•"))


def _extend_per(text: str, end: int) -> int:
    per = _PER_RE.match(text, end)
    return per.end() if per else end


def _is_duration_word(matched: str) -> bool:
    return bool(re.search(rf"{_DUR_UNIT}$", matched, re.IGNORECASE)) and not _NOUN_DIMENSION.search(matched)


def _is_result_duration(text: str, start: int, end: int) -> bool:
    """Tell time saved or gained from tenure and career length ("for 3 years", "20 years of experience")."""
    matched = text[start:end]
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    if matched.lower().startswith("from "):
        return True
    if _EXPERIENCE_AFTER.match(after):
        return False
    if _TENURE_BEFORE.search(before):
        return False
    if ("-" in matched or _ARTICLE_BEFORE.search(before)) and _MODIFIES_NOUN.match(after):
        # the length of the thing the phrase describes ("a 5-day forecast feature", "a 3-day workshop"), not a
        # result, unless a saving or reduction frames it ("cut to a 2-day close", "a 2-day reduction")
        return bool(_SAVING_BEFORE.search(before) or _RESULT_NOUN_AFTER.match(after))
    result = bool(
        _RESULT_AFTER.match(after)
        or _PER_RE.match(after)
        or _SAVING_BEFORE.search(before)
        or re.search(r"(?:early|ahead|sooner|saved|less|schedule|plan)$", matched, re.IGNORECASE)
    )
    if _YEARS.search(matched):
        return result
    # a bare "4 months" beside a date column is tenure; a result duration is framed ("in 8 weeks", "10-month")
    return result or "-" in matched or bool(_DURATION_FRAME.search(before))


def _count_dimension(matched: str) -> Dimension | None:
    lowered = matched.lower()
    if lowered.startswith("team"):
        return "team"
    hyphen = re.search(rf"[- ]({_HYPHEN_TEAM}|{_HYPHEN_SCOPE})\b(?:[- ]strong)?$", matched, re.IGNORECASE)
    if hyphen and not _NOUN_DIMENSION.search(matched.split()[-1]):
        return "team" if re.fullmatch(_HYPHEN_TEAM, hyphen.group(1), re.IGNORECASE) else "scope"
    words = matched.split()
    # the longest trailing noun phrase decides: "direct reports" (team) before "reports" (scope)
    for size in (4, 3, 2, 1):
        if len(words) < size:
            continue
        noun = _NOUN_DIMENSION.match(" ".join(words[-size:]))
        if noun:
            return cast(Dimension, noun.lastgroup)
    return None


def _nearest_cue(text: str, start: int, end: int, allowed: tuple[Dimension, ...] | None = None) -> Dimension | None:
    """The dimension of the cue word nearest to ``text[start:end]`` within its clause; None when there is none.

    A cue in the words right after the metric, before any "and" or comma, wins ("6% under budget", "40% fewer
    incidents"): that is what the number qualifies.
    """
    right = _RIGHT_PHRASE.match(text, end)
    if right:
        attached = _nearest_cue_in(text, end, end, end, right.end(), allowed)
        if attached:
            return attached
    lo = max(0, start - _WINDOW_BEFORE)
    hi = min(len(text), end + _WINDOW_AFTER)
    for m in _CLAUSE_END.finditer(text, lo, start):
        lo = m.end()
    clause_end = _CLAUSE_END.search(text, end, hi)
    if clause_end:
        hi = clause_end.start()
    return _nearest_cue_in(text, start, end, lo, hi, allowed)


def _nearest_cue_in(
    text: str, start: int, end: int, lo: int, hi: int, allowed: tuple[Dimension, ...] | None
) -> Dimension | None:
    best: tuple[int, int, int, Dimension] | None = None
    for dim, pattern in _CUES:
        if allowed is not None and dim not in allowed:
            continue
        for m in pattern.finditer(text, lo, hi):
            if start <= m.start() < end:
                distance = 0
            elif m.end() <= start:
                distance = start - m.end()
            elif m.start() >= end:
                distance = m.start() - end
            else:
                continue
            key = (distance, -(m.end() - m.start()), _DIM_ORDER[dim], dim)
            if best is None or key[:3] < best[:3]:
                best = key
    return best[3] if best else None


def cue_dimensions(text: str) -> tuple[Dimension, ...]:
    """The impact dimensions that the words of ``text`` point to, in order of first mention (for suggestions)."""
    seen: list[Dimension] = []
    words = _CUE_TOKEN.findall(text.lower())
    for i, word in enumerate(words):
        dim = _CUE_PAIRS.get((word, words[i + 1])) if i + 1 < len(words) else None
        dim = dim or _CUE_WORDS.get(word) or (_CUE_WORDS.get(word.rstrip("s")) if len(word) > 3 else None)
        if dim is None and word.startswith("vulnerabilit"):
            dim = "quality"
        if dim is not None and dim not in seen:
            seen.append(dim)
            if len(seen) == len(_CUES):
                break
    return tuple(seen)


#: "by" naming who did something ("was delivered by the vendor", "for use by employees"), not a measure ("reduced
#: by 30%", "by half", "by around a third")
AGENT_BY = re.compile(
    r"\bby\s+(?!\d|[£$€]|half\b|a factor|over\b|more\b|up to|nearly|almost|around|about|approx|some\b|roughly"
    r"|(?:a|one|two)\s+(?:third|quarter|fifth|tenth)s?\b)",
    re.IGNORECASE,
)
