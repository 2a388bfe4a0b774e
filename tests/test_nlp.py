"""The default pipeline's lemmatizer gives exactly spaCy's lookup lemmatizer's lemmas, lower-cased."""

from __future__ import annotations

import re

import spacy
from conftest import SAMPLES

from resume_check.nlp import LEMMA_CASE, _register_components, build_nlp, lemma_table


def spacy_lookup_pipeline() -> spacy.language.Language:
    """spaCy's own component: blank English + Lemmatizer(mode="lookup") with spacy-lookups-data, then the
    lower-casing step this project adds to any pipeline."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    _register_components()
    nlp.add_pipe(LEMMA_CASE, last=True)
    return nlp


def test_lemmas_equal_spacys_lookup_lemmatizer_on_every_table_key_and_the_samples() -> None:
    ours, theirs = build_nlp(), spacy_lookup_pipeline()
    table = lemma_table(ours)
    assert table is not None and len(table) > 40_000
    keys = sorted(table)
    texts = [(SAMPLES / name).read_text(encoding="utf-8") for name in ("alex-morgan.txt", "sam-taylor.txt")]
    for start in range(0, len(keys), 4000):
        chunk = keys[start : start + 4000]
        for cased in (chunk, [k.title() for k in chunk], [k.upper() for k in chunk]):
            texts.append(" ".join(cased))
    compared = 0
    for text in texts:
        mine = [(t.text, t.lemma_) for t in ours(text)]
        spacys = [(t.text, t.lemma_) for t in theirs(text)]
        assert mine == spacys, next((a, b) for a, b in zip(mine, spacys, strict=True) if a != b)
        compared += len(mine)
    assert compared > 120_000


def test_lemmas_are_lower_case_and_reach_the_table_through_the_lower_case_form() -> None:
    doc = build_nlp()("Managed programmes; ORGANISED kick-offs and Analyses")
    assert [t.lemma_ for t in doc] == ["manage", "programme", ";", "organise", "kick", "-", "offs", "and", "analysis"]


def test_the_chunk_cache_gives_spacys_tokens() -> None:
    """The pipeline's tokenizer caches whole chunks (the runs between whitespace) across texts. Its contract:
    each chunk is tokenised exactly as spaCy tokenises that chunk alone, with spaCy's whitespace handling; on real
    text that is spaCy's tokenisation of the whole text (checked on the samples and every lexicon example and
    counterexample). spaCy itself can tokenise a chunk differently inside a longer text only where an emoticon
    special case touches other symbols (":)0" after an earlier special case): the random texts check the contract."""
    import random

    from resume_check.lexicon import load_lexicon

    nlp = build_nlp()
    ours = nlp.tokenizer
    theirs = ours._tokenizer  # spaCy's tokenizer underneath
    real = [(SAMPLES / name).read_text(encoding="utf-8") for name in ("alex-morgan.txt", "sam-taylor.txt")]
    real += [text for term in load_lexicon().terms for text in (*term.examples, *term.counterexamples)]
    for repeat in range(2):  # the second time every chunk comes from the cache
        for text in real:
            expected = [(t.text, t.whitespace_, t.idx) for t in theirs(text)]
            assert [(t.text, t.whitespace_, t.idx) for t in ours(text)] == expected, (repeat, text)

    pieces = [*"aZ09 .,;:-–—'’\"()[]#+/&@$£%!?\n\t\r\x0b\x0c\x1c\x85\xa0\u2028\u200b\u3000", "C#", "CI/CD", "Inc."]
    pieces += ["n't", "'s", "e.g.", ":)", "http://x.io/a?b=c", "kick-off", "C++", ".NET", "  "]
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        expected = []
        for run in re.finditer(r"\s+|\S+", text):
            chunk, start = run.group(), run.start()
            if chunk[0].isspace() and expected and not expected[-1][1] and chunk[0] == " " and text[start - 1] != " ":
                expected[-1] = (expected[-1][0], " ", expected[-1][2])  # one space after a word is its own
                chunk, start = chunk[1:], start + 1
            if chunk:
                expected += [(t.text, t.whitespace_, start + t.idx) for t in theirs(chunk)]
        assert [(t.text, t.whitespace_, t.idx) for t in ours(text)] == expected, text
    from resume_check.matching import build_matcher

    build_matcher(nlp, load_lexicon())  # adds the lexicon's special cases (C#, CI/CD) to the tokenizer
    ours.clear_cache()
    assert [t.text for t in ours("Led C# and CI/CD work, e.g. at Acme Inc. too")] == [
        "Led", "C#", "and", "CI/CD", "work", ",", "e.g.", "at", "Acme", "Inc.", "too",
    ]


def test_a_letters_only_chunk_is_one_token_unless_it_is_a_special_case() -> None:
    """The chunk cache takes a letters-only chunk that is no special case as one token without asking spaCy:
    checked against spaCy on every word of the lemma table in three casings and on every letter up to U+3000."""
    nlp = build_nlp()
    ours = nlp.tokenizer
    theirs = ours._tokenizer
    table = lemma_table(nlp)
    assert table is not None
    words = {*table, *table.values()}
    words |= {w.title() for w in list(words)} | {w.upper() for w in list(words)}
    words |= {chr(code) for code in range(0x80, 0x3000) if chr(code).isalpha()}
    letters_only = [w for w in words if w.isalpha() and w not in ours._rules]
    assert len(letters_only) > 100_000
    assert [w for w in letters_only if [t.text for t in theirs(w)] != [w]] == []
    special = [w for w in words if w.isalpha() and w in ours._rules]
    assert special and all([t.text for t in ours(w)] == [t.text for t in theirs(w)] for w in special)


def test_a_plain_word_with_a_bracket_before_or_a_mark_after_splits_as_spacy_splits_it() -> None:
    """The chunk cache splits "(Agile", "budgets,", "ITIL.", "2019," and "kick-off," itself (``_affixed_word``)
    instead of asking spaCy. Each shape is checked against spaCy: letters on every letter up to U+3000 (where the
    full-stop rule has its exceptions) and 2,000 words of the lemma table in three casings; digits on 0-999 and
    500 large numbers; hyphenated words on 1,000 random pairs and triples of ASCII words. A chunk that is, or
    holds, a special case goes to spaCy."""
    import random

    nlp = build_nlp()
    ours = nlp.tokenizer
    theirs = ours._tokenizer
    table = lemma_table(nlp)
    assert table is not None
    rng = random.Random(11)
    words = rng.sample(sorted({*table, *table.values()}), 2000)
    words += [w.title() for w in words] + [w.upper() for w in words]
    words += [chr(code) for code in range(0x41, 0x3000) if chr(code).isalpha()]
    words += [str(n) for n in range(1000)] + [str(rng.randint(1000, 10**12)) for _ in range(500)]
    ascii_words = [w for w in words if w.isascii() and w.isalpha()]
    words += ["-".join(rng.sample(ascii_words, rng.choice((2, 3)))) for _ in range(1000)]
    shapes = [f"{before}{{}}{after}" for before in ("", "(") for after in ("", *",;:)!?.")]
    split_here = 0
    for shape in shapes:
        for word in words:
            chunk = shape.format(word)
            tokens = ours._affixed_word(chunk)
            if tokens is not None:
                split_here += 1
                assert list(tokens) == [t.text for t in theirs(chunk)], chunk
    assert split_here > 0.85 * len(shapes) * len(words)
    special_or_other = ("Inc.", "e.g.", "Cant,", "(Cant", "J.", "a.m.", "(:", "PhD.", "C#,", "(8)", "kick-off.", "a--b")
    for chunk in special_or_other:
        assert ours._affixed_word(chunk) is None, chunk
    assert ours._affixed_word("PMP.") == ("PMP", ".") and ours._affixed_word("(Scrum,") == ("(", "Scrum", ",")
    assert ours._affixed_word("(end-to-end)") == ("(", "end", "-", "to", "-", "end", ")")


def test_spacy_imported_without_its_command_line_still_works_and_leaves_the_real_cli_importable() -> None:
    """``import_spacy_without_cli`` (the installed command's start): spaCy's CLI stack stays unloaded while spaCy
    loads, the blank pipeline tokenises as usual, ``spacy.info`` still answers, and ``import spacy.cli`` gets the
    real package afterwards. Run in a fresh interpreter, since this process has imported spaCy already."""
    import subprocess
    import sys

    script = """
import sys
from resume_check.nlp import import_spacy_without_cli
import_spacy_without_cli()
import spacy
heavy = sorted(name for name in ("typer", "weasel", "requests", "httpx", "jinja2", "rich") if name in sys.modules)
assert heavy == [], heavy
assert "spacy.cli" not in sys.modules and not hasattr(spacy, "cli")
print([t.text for t in spacy.blank("en")("Managed a £2.5m budget, don't (C#).")])
assert spacy.info()["spacy_version"] == spacy.__version__
import spacy.cli
assert hasattr(spacy.cli, "setup_cli") and "typer" in sys.modules
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    tokens = [t.text for t in spacy.blank("en")("Managed a £2.5m budget, don't (C#).")]
    assert done.stdout.splitlines() == [str(tokens), "ok"]


def test_spacy_command_line_already_loaded_is_never_replaced() -> None:
    """A half-loaded spaCy (``spacy.cli`` in sys.modules, say after a failed import) is left as it is."""
    import subprocess
    import sys

    script = """
import sys, types
from resume_check.nlp import import_spacy_without_cli
real = types.ModuleType("spacy.cli")
sys.modules["spacy.cli"] = real
import_spacy_without_cli()
assert sys.modules["spacy.cli"] is real and "spacy" not in sys.modules
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout) == (0, "ok\n"), done.stderr
