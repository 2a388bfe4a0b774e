"""The default pipeline's lemmatizer gives exactly spaCy's lookup lemmatizer's lemmas, lower-cased."""

from __future__ import annotations

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
