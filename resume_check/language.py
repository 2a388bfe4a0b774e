"""The language a résumé is written in, from its function words (``lexicons/stopwords.yaml``), without a model.

resume-check's judgements (action verbs, weak openers, section headings, clichés, pronouns) are English. A résumé in
another language would get English advice that cannot apply ("No experience section found"), so ``detect_language``
tells a clearly non-English text from English, and the analysis then gives one ``text.language`` finding instead.

The test counts, among the words of the text, those that are function words of each language. A language other
than English is reported only when the text is long enough to tell (``MIN_WORDS``), its function words make up a
real share of the text (``MIN_SHARE``), and they outnumber the English ones clearly (``MARGIN``): a short English
résumé with a few French or Spanish names is English.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from .datafile import read_bundled_yaml
from .errors import LexiconError

STOPWORDS_FILE = "stopwords.yaml"
ENGLISH = "en"
#: fewer words than this and the text is taken as English (there is too little to tell)
MIN_WORDS = 40
#: the winning language's function words must make up at least this share of all words
MIN_SHARE = 0.08
#: ... and be at least this many times as many as the English function words
MARGIN = 2.0
#: only the first characters are read: enough to tell, and bounded on a very long input
MAX_CHARS = 20_000

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # ISO 639-1: en, fr, de, es, it, pt, nl
    name: str
    words: frozenset[str]


@lru_cache(maxsize=1)
def load_languages() -> Mapping[str, Language]:
    """The bundled function-word lists (cached)."""
    data = read_bundled_yaml(STOPWORDS_FILE)
    raw = data.get("languages")
    if not isinstance(raw, dict) or ENGLISH not in raw:
        raise LexiconError(f"{STOPWORDS_FILE}: needs a `languages` mapping including `en`; reinstall resume-check")
    out: dict[str, Language] = {}
    for code, entry in raw.items():
        words = entry.get("words") if isinstance(entry, dict) else None
        if not isinstance(words, list) or not words:
            raise LexiconError(f"{STOPWORDS_FILE}, language `{code}`: needs a non-empty `words` list")
        out[str(code)] = Language(str(code), str(entry.get("name") or code), frozenset(str(w).lower() for w in words))
    return MappingProxyType(out)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is clearly written in; ``"en"`` when English or unsure."""
    words = Counter(map(str.lower, _WORD.findall(text[:MAX_CHARS])))
    total = words.total()
    if total < MIN_WORDS:
        return ENGLISH
    languages = load_languages()
    # each distinct word is looked up once, not once per occurrence and language
    counts = {code: sum(words[w] for w in lang.words.intersection(words)) for code, lang in languages.items()}
    english = counts.pop(ENGLISH)
    if not counts:
        return ENGLISH
    code, best = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    if best >= MIN_SHARE * total and best >= MARGIN * max(english, 1):
        return code
    return ENGLISH


def language_name(code: str) -> str:
    """The English name of a language code ("fr" -> "French")."""
    language = load_languages().get(code)
    return language.name if language else code
