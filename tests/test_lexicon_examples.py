"""Every bundled term: each example matches it, no counterexample does (proselint-style examples)."""

from __future__ import annotations

import pytest

from resume_check.lexicon import bundled_pack_names, load_lexicon
from resume_check.matching import TermMatcher, build_matcher
from resume_check.nlp import build_nlp

# collected at import so every example is its own test id; a broken bundled pack fails collection loudly
LEXICON = load_lexicon()
EXAMPLES = [(t.id, text) for t in LEXICON.terms for text in t.examples]
COUNTEREXAMPLES = [(t.id, text) for t in LEXICON.terms for text in t.counterexamples]


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return build_matcher(build_nlp(), LEXICON)


def test_not_vacuous() -> None:
    assert bundled_pack_names(), "no bundled lexicons/terms-*.yaml packs"
    assert len(LEXICON.terms) >= len(bundled_pack_names())
    assert len(EXAMPLES) >= len(LEXICON.terms)
    assert len(COUNTEREXAMPLES) >= len(LEXICON.terms)


@pytest.mark.parametrize(("term_id", "text"), EXAMPLES, ids=[f"{i}:{t[:40]}" for i, t in EXAMPLES])
def test_example_matches_its_term(matcher: TermMatcher, term_id: str, text: str) -> None:
    found = [(m.term_id, m.text) for m in matcher.match_text(text)]
    assert term_id in {t for t, _ in found}, f"{term_id} not found in {text!r}; found {found}"


@pytest.mark.parametrize(("term_id", "text"), COUNTEREXAMPLES, ids=[f"{i}:{t[:40]}" for i, t in COUNTEREXAMPLES])
def test_counterexample_does_not_match_its_term(matcher: TermMatcher, term_id: str, text: str) -> None:
    found = [(m.term_id, m.text) for m in matcher.match_text(text) if m.term_id == term_id]
    assert found == [], f"{term_id} wrongly found in {text!r}"
