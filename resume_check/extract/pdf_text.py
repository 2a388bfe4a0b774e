"""Text repair for PDF lines: ligatures, unmapped glyphs (certain "fi"/"fl" repairs), letter spacing, bullets."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise, product
from operator import attrgetter
from pathlib import Path

from .normalize import normalize_hyphens
from .pdf_layout import Word

LIGATURES = {chr(c) for c in range(0xFB00, 0xFB07)}
#: text-layer stand-ins for a glyph with no Unicode mapping
UNMAPPED = {"\x00", "\ufffd", "\ufffe", "\uffff"}
#: what a lost ligature glyph most likely stood for, most frequent first
LIGATURE_GUESSES = ("fi", "fl", "ff", "ffi", "ffl", "ft")
BULLETS = set("•●▪◦‣∙·–—-*■□◆◇♦➢➤►▸▶✓✔❖○⦿⁃")
#: fonts whose glyphs are pictures, not letters (subset prefixes like "ABCDEF+" are ignored by the search)
_SYMBOL_FONT = re.compile(
    r"marvosym|dingbats|wingdings|webdings|font ?awesome|symbolmt|\+symbol$|^symbol$", re.IGNORECASE
)
#: private-use code points that Symbol/Wingdings fonts use for list bullets
PUA_BULLETS = {0xF0B7, 0xF0A7, 0xF0D8, 0xF076, 0xF0FC, 0xF0A8, 0xF06E, 0xF0AE, 0xF071, 0xF0E8, 0xF0D2, 0xF06C}
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_TEXT = attrgetter("text")


def is_private_use(ch: str) -> bool:
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or o >= 0xF0000


#: the spacy-lookups-data tables the known English words come from
LOOKUP_TABLES = ("en_lemma_lookup.json.gz", "en_lemma_index.json.gz", "en_lemma_exc.json.gz")
#: the same words, pre-built from those tables (tools/build_english_words.py): reading it is several times faster
#: than decoding and merging the tables, which a cold ``check`` of a PDF with a lost ligature paid
SHIPPED_WORDS = Path(__file__).resolve().parent.parent / "data" / "english_words.txt.gz"


class WordList:
    """A sorted list of words that answers ``word in words`` by binary search: the few words asked about per
    résumé do not repay hashing 126,000 words into a set."""

    __slots__ = ("words",)

    def __init__(self, words: Iterable[str], *, presorted: bool = False) -> None:
        self.words: list[str] = words if presorted and isinstance(words, list) else sorted(set(words))

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        i = bisect_left(self.words, word)
        return i < len(self.words) and self.words[i] == word

    def __len__(self) -> int:
        return len(self.words)


@lru_cache(maxsize=1)
def english_words() -> WordList:
    """Known English word forms (lower case) from spacy-lookups-data's lemma tables: lookup keys and values, index
    and exceptions. Read from the pre-built list when it was built from the very tables installed, else from them.
    """
    tables = lookup_tables()
    if tables is None:
        return WordList([])  # no word list: no repairs, never a crash
    shipped = read_word_list(SHIPPED_WORDS, tables_signature(tables))
    return shipped if shipped is not None else WordList(words_from_tables(tables))


def lookup_tables() -> list[Path] | None:
    """The installed spacy-lookups-data tables (found without importing the package, which is slow)."""
    import importlib.util

    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    paths = [folder / name for name in LOOKUP_TABLES]
    return paths if all(p.is_file() for p in paths) else None


def tables_signature(tables: list[Path]) -> str:
    """Each table's size and CRC-32: the pre-built list is used only for exactly these tables."""
    import zlib

    parts = []
    for path in tables:
        data = path.read_bytes()
        parts.append(f"{len(data)}:{zlib.crc32(data):08x}")
    return "spacy-lookups-data " + " ".join(parts)


def words_from_tables(tables: list[Path]) -> frozenset[str]:
    """Every word form of the lookup, index and exception tables, lower-cased (empty if a table is unreadable)."""
    import gzip
    import json

    lookup_path, index_path, exc_path = tables
    words: set[str] = set()
    try:
        lookup = json.loads(gzip.decompress(lookup_path.read_bytes()))
        words.update(lookup)
        words.update(v for v in lookup.values() if isinstance(v, str))
        for forms in json.loads(gzip.decompress(index_path.read_bytes())).values():
            words.update(forms)
        for table in json.loads(gzip.decompress(exc_path.read_bytes())).values():
            for key, values in table.items():
                words.add(key)
                words.update(values)
    except (OSError, ValueError, AttributeError):
        return frozenset()
    return frozenset(w.lower() for w in words if isinstance(w, str))


def write_word_list(path: Path, words: frozenset[str], signature: str) -> None:
    """The pre-built list: a header naming the tables' signature, then one word per line, sorted, gzipped
    (reproducibly: no timestamp)."""
    import gzip

    text = "\n".join([f"# {signature}", *sorted(words)]) + "\n"
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def read_word_list(path: Path, signature: str) -> WordList | None:
    """The words of a pre-built list made from tables with ``signature``; None if it is missing or other."""
    import gzip

    try:
        lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
    except (OSError, ValueError, EOFError):
        return None
    if not lines or lines[0] != f"# {signature}":
        return None
    return WordList(lines[1:-1], presorted=True)  # written sorted by write_word_list


def repair_word(word: str) -> str | None:
    """The word with each unmapped glyph (NUL) replaced by the one ligature that makes it a known English word.

    ``"Certi\\x00ed"`` → ``"Certified"``; None when no candidate or more than one is a known word.
    """
    holes = word.count("\x00")
    if holes == 0 or holes > 3:
        return None
    parts = word.split("\x00")
    if not any(_LETTER.search(p) for p in parts):
        return None
    known = english_words()
    found: set[str] = set()
    for combo in product(LIGATURE_GUESSES, repeat=holes):
        candidate = parts[0] + "".join(g + p for g, p in zip(combo, parts[1:], strict=True))
        if _is_known(candidate, known):
            found.add(candidate)
    if len(found) == 1:
        return found.pop()
    return None


def _is_known(candidate: str, known: WordList) -> bool:
    core = candidate.strip(".,;:()[]'\"!?").lower()
    if not core.isalpha():
        # compound like "work\x00ow-based": judge the hyphen/slash part that held the hole
        pieces = [p for p in re.split(r"[-/]", core) if p]
        return bool(pieces) and all(p.isalpha() and (p in known or p.rstrip("s") in known) for p in pieces)
    return core in known or (core.endswith("s") and core[:-1] in known)


class TextStats:
    """Counters for one document (a plain slotted class: a dataclass has a cost at import)."""

    __slots__ = ("glyphs", "ligatures", "repaired", "spaced")

    def __init__(self) -> None:
        self.ligatures = 0
        self.glyphs = 0  # unmapped glyphs removed (NUL, (cid:N), U+FFFD, private-use icons)
        self.repaired = 0  # words whose lost ligature was restored
        self.spaced = 0  # letter-spaced runs rejoined


def rejoin_letter_spaced(words: list[Word]) -> list[Word]:
    """Rejoin "E X P E R I E N C E" / "C ONST R UC T I ON": the wider gaps are the real word breaks."""
    if len(words) < 3:
        return words
    singles = sum(1 for w in words if len(w.chars) == 1 and w.chars[0].text.isalnum())
    if singles < 3 or singles < 0.4 * len(words):
        return words
    gaps = [(b.x0 - a.x1) / max(min(a.size, b.size), 1.0) for a, b in pairwise(words)]
    ordered = sorted(gaps)
    threshold = None
    best_ratio = 1.0
    for lo, hi in pairwise(ordered):
        ratio = (hi + 0.02) / (max(lo, 0.0) + 0.02)
        if hi - lo > 0.06 and ratio > 1.4 and ratio > best_ratio:
            best_ratio, threshold = ratio, (lo + hi) / 2
    merged: list[Word] = [words[0]]
    for gap, word in zip(gaps, words[1:], strict=True):
        if threshold is None or gap < threshold:
            prev = merged[-1]
            merged[-1] = Word(
                prev.chars + word.chars,
                prev.x0,
                word.x1,
                min(prev.top, word.top),
                max(prev.bottom, word.bottom),
                max(prev.size, word.size),
            )
        else:
            merged.append(word)
    return merged


def clean_word(raw: list[str], stats: TextStats) -> str:
    """One word's text with ligatures expanded and unmapped glyphs repaired or removed."""
    text = "".join(raw)
    if text.isascii() and text.isprintable() and "(cid:" not in text:
        return text  # the common case: nothing to repair
    pieces: list[str] = []
    for t in raw:
        if (t.startswith("(cid:") and t.endswith(")")) or (len(t) == 1 and (t in UNMAPPED or t < " ")):
            pieces.append("\x00")
        else:
            pieces.append(t)
    # XeTeX/LuaTeX map the hyphen glyph to SOFT HYPHEN: "Co\u00adfounder" is "Co-founder" on the page; a run of
    # hyphen-like glyphs in a word is one hyphen ("on-\u00ad\u2010campus")
    text = normalize_hyphens("".join(pieces), soft_hyphen="-").replace("\u00ad", "-")
    if any(ch in LIGATURES for ch in text):
        stats.ligatures += sum(1 for ch in text if ch in LIGATURES)
        text = "".join(unicodedata.normalize("NFKC", ch) if ch in LIGATURES else ch for ch in text)
    if any(is_private_use(ch) for ch in text):
        stats.glyphs += sum(1 for ch in text if is_private_use(ch))
        text = "".join(ch for ch in text if not is_private_use(ch))
    if "\x00" in text:
        holes = text.count("\x00")
        stats.glyphs += holes
        fixed = repair_word(text)
        if fixed is not None:
            stats.repaired += 1
            text = fixed
        else:
            text = text.replace("\x00", "")
    return text


def line_text(words: list[Word], stats: TextStats) -> tuple[str, bool, str | None]:
    """(text, bullet, leading icon) for one line; a bullet glyph or leading icon is stripped from the text."""
    fixed = rejoin_letter_spaced(words)
    if len(fixed) != len(words):
        stats.spaced += 1
    icon: str | None = None
    bullet = False
    texts: list[str] = []
    for index, word in enumerate(fixed):
        raw = list(map(_TEXT, word.chars))
        if index == 0 and raw:
            first = raw[0]
            if len(first) == 1 and is_private_use(first):
                if ord(first) in PUA_BULLETS:
                    bullet = True
                else:
                    icon = first
            elif len(fixed) > 1 and all(t in UNMAPPED or t.startswith("(cid:") for t in raw):
                icon = "\x00"  # an unmapped glyph standing alone before the text: an icon or a bullet
            elif len(fixed) > 1 and len(raw) == 1 and _SYMBOL_FONT.search(word.chars[0].font or ""):
                # a lone glyph of a symbol font (moderncv's MarVoSym bullet is "{", Wingdings' is "§"): its
                # code says nothing; like an icon-font glyph it is a bullet if it starts several lines
                icon = f"{word.chars[0].font}:{first}"
                continue
        texts.append(clean_word(raw, stats))
    texts = [t for t in texts if t]
    if texts and not bullet and icon is None:
        head = texts[0]
        if head in BULLETS or (head[0] in BULLETS and head[0] not in "-–—*·" and len(head) > 1):
            bullet = True
            if head in BULLETS:
                texts = texts[1:]
            else:
                texts[0] = head[1:]
        elif len(head) > 1 and head[0] in "•●▪◦‣■◆♦➢➤►▸▶✓✔❖":
            bullet = True
            texts[0] = head[1:]
    return " ".join(texts).strip(), bullet, icon
