"""Every bundled term: each example matches it, no counterexample does (proselint-style examples)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


LABELS = sorted({t.label for t in LEXICON.terms if t.match_label} | {a.text for t in LEXICON.terms for a in t.acronyms})
FILLER = st.sampled_from(["Managed", "the", "delivery", "of", "a", "lean", "team", "safe", "go-live", "C", ",", "\n"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.one_of(FILLER, st.sampled_from(LABELS or ["-"])), max_size=30),
    added=st.sampled_from(LABELS or ["-"]),
)
def test_adding_a_bundled_term_never_loses_terms(matcher: TermMatcher, words: list[str], added: str) -> None:
    text = " ".join(words)
    before = {m.term_id for m in matcher.match_text(text)}
    after = matcher.match_text(f"{text}\n{added}")
    assert before <= {m.term_id for m in after}
    for m in after:
        assert f"{text}\n{added}"[m.start : m.end] == m.text


BUNDLED_TRAPS = [
    "Passed with grade C in maths and a B in physics.",
    "Led R&D for the new platform; reported to the C-suite.",
    "Plan B and Plan C were ready before the go-live.",
    "Owned the go-to-market plan; we had to go to the client.",
    "Kept the data safe and ran a lean team.",
    "Leaning on the platform team, we built a safe, lean process.",
    "Go-Live readiness reviews with R and D leads.",
]


@pytest.mark.parametrize("text", BUNDLED_TRAPS)
def test_bundled_guards(matcher: TermMatcher, text: str) -> None:
    """Short or common words that are only sometimes terms never match on their own in ordinary prose."""
    bare = {"c", "r", "d", "b", "go", "safe", "lean", "platform", "it"}
    hits = [(m.term_id, m.text) for m in matcher.match_text(text) if m.text.lower() in bare]
    assert hits == []
