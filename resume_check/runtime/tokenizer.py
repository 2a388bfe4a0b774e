"""spaCy's tokenizer with a cache of whole chunks that holds across documents (the same tokens, sooner)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: chunks the tokenizer remembers (a résumé has a few hundred distinct ones; the cap bounds the memory they hold)
_CHUNK_LIMIT = 50_000
#: marks spaCy's suffix rules always split off a word of letters (see ``ChunkTokenizer._affixed_word``)
_SPLIT_MARKS = frozenset(",;:)!?")
_LOWER_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz")


def _word_pieces(word: str) -> tuple[str, ...] | None:
    """The tokens of a plain word (see ``ChunkTokenizer._affixed_word``), None if it is not one."""
    if word.isalpha() or (word.isascii() and word.isdigit()):
        return (word,)
    if word.isascii() and "-" in word:
        parts = word.split("-")
        if all(part.isalpha() for part in parts):  # ("".isalpha() is False: no doubled or edge hyphen)
            return tuple(piece for part in parts for piece in (part, "-"))[:-1]
    return None


def _full_stop_splits(word: str) -> bool:
    """Whether spaCy splits a full stop off this plain unhyphenated word: after digits, a lower-case ASCII letter
    or two upper-case ASCII letters."""
    tail = word[-2:]
    if tail[-1] in _LOWER_ASCII or (tail.isascii() and tail.isdigit()):
        return True
    return len(tail) == 2 and tail.isascii() and tail.isupper()


class ChunkTokenizer:
    """spaCy's tokenizer with a cache of whole chunks (the runs between whitespace) that holds across documents.

    spaCy's own cache stops storing a document's chunks once any chunk of it hits a special case ("Inc.", "C#",
    "’s": see spaCy issue #1250), so in a résumé almost every chunk after the first such word is split by the
    prefix, suffix and infix rules again, in every résumé. This wrapper splits the text into chunks exactly as
    spaCy's tokenizer does (whitespace runs; one space after a word belongs to it), tokenises each distinct chunk
    once with spaCy's tokenizer, and builds the Doc from the cached tokens. The tokens are the same as spaCy's
    (texts, spaces and offsets; the tests compare them on the corpus and on random text).
    """

    def __init__(self, tokenizer: Any, vocab: Any) -> None:
        self._tokenizer = tokenizer
        self.vocab = vocab
        #: chunk -> its tokens' texts; per process, bounded by _CHUNK_LIMIT
        self._chunks: dict[str, tuple[str, ...]] = {}
        self._special_cases: frozenset[str] | None = None  # the tokenizer's special-case strings

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc

        chunks = self._chunks
        if len(chunks) > _CHUNK_LIMIT:
            chunks.clear()
        words: list[str] = []
        spaces: list[bool] = []
        after_word = False
        for run in _RUNS.findall(text):
            if run[0].isspace():
                if after_word and run[0] == " ":
                    spaces[-1] = True  # the one space after a word is that word's trailing whitespace
                    run = run[1:]
                after_word = False
                if not run:
                    continue
            else:
                after_word = True
            tokens = chunks.get(run)
            if tokens is None:
                tokens = self._affixed_word(run) or tuple(t.text for t in self._tokenizer(run))
                chunks[run] = tokens
            words.extend(tokens)
            spaces.extend([False] * len(tokens))
        return Doc(self.vocab, words=words, spaces=spaces)

    def _affixed_word(self, chunk: str) -> tuple[str, ...] | None:
        """The tokens of a chunk that is a plain word with at most an opening bracket before it and one punctuation
        mark after it ("Scrum", "(Agile", "budgets,", "ITIL.", "2019,", "kick-off,"), as spaCy's affix rules split
        it; None for any other chunk, or when the chunk or a part of it is a special case ("Inc.", "e.g.", "8)").

        A plain word is letters, ASCII digits, or ASCII words joined by hyphens (split at each hyphen, as spaCy's
        infix rule does). Most chunks of a résumé have one of these shapes; splitting them here skips a spaCy call
        each (more with an infix). The marks are the ones spaCy always splits off; a full stop only after
        digits, a lower-case ASCII letter or two upper-case ones ("J." and "PhD." stay whole), never after a
        hyphenated word. The tests check every shape against spaCy.
        """
        rules = self._rules
        if chunk in rules:
            return None
        body, before = (chunk[1:], ("(",)) if chunk[0] == "(" else (chunk, ())
        if before and body in rules:
            return None
        pieces = _word_pieces(body)
        if pieces is not None:
            return (*before, *pieces)
        word, mark = body[:-1], body[-1:]
        if word in rules or (before and chunk[:-1] in rules):
            return None
        pieces = _word_pieces(word)
        if pieces is None:
            return None
        if mark in _SPLIT_MARKS or (mark == "." and len(pieces) == 1 and _full_stop_splits(word)):
            return (*before, *pieces, mark)
        return None

    @property
    def _rules(self) -> Any:
        if self._special_cases is None:
            self._special_cases = frozenset(self._tokenizer.rules or ())
        return self._special_cases

    def add_special_case(self, string: str, substrings: Any) -> None:
        self._chunks.clear()
        self._special_cases = None
        self._tokenizer.add_special_case(string, substrings)

    def clear_cache(self) -> None:
        """Forget every chunk seen (and spaCy's own cache of them): as if no text had been tokenised yet."""
        self._chunks.clear()
        self._tokenizer._flush_cache()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tokenizer, name)


#: whitespace runs and the chunks between them, as spaCy's tokenizer splits text (str.isspace, like \s)
_RUNS = re.compile(r"\s+|\S+")
