"""Rebuild resume_check/data/english_words.txt.gz from the installed spacy-lookups-data lemma tables.

Usage: python tools/build_english_words.py

The list is what ``pdf_text.english_words`` would build from those tables at run time (the word list that
restores lost ligature glyphs, "Certi?ed" -> "Certified"); it is used only while its header matches the installed
tables' signature, so a newer spacy-lookups-data falls back to the tables until this is run again.
"""

from __future__ import annotations

import sys

from resume_check.extract.pdf_text import (
    SHIPPED_WORDS,
    lookup_tables,
    tables_signature,
    words_from_tables,
    write_word_list,
)


def main() -> int:
    tables = lookup_tables()
    if tables is None:
        print("spacy-lookups-data is not installed", file=sys.stderr)
        return 1
    words = words_from_tables(tables)
    if not words:
        print("the lemma tables could not be read", file=sys.stderr)
        return 1
    SHIPPED_WORDS.parent.mkdir(exist_ok=True)
    write_word_list(SHIPPED_WORDS, words, tables_signature(tables))
    print(f"{SHIPPED_WORDS}: {len(words):,} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
