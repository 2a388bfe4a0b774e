"""`resume-check job` against the hand labels of real postings (tests/data/labels/jobs/, made by another engineer
from the postings' own text before any tool output): required-term recall, precision, preferred marked required.

Matching follows tests/data/labels/README.md ("How a tool's term should be matched to these labels"): lowercase,
lemmatise, drop stop words and generic head words (unless nothing else is left); a tool phrase matches a label when
the two word sets share a word. Precision counts the tool's required and preferred terms; terms the tool reports as
only *mentioned in the duties* are context, like the labels' ``duties_and_context`` (neither credited nor
penalised), but none of them may be a ``not_terms`` phrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import JOBS, needs_jobs

from resume_check.analysis import Engine, build_engine
from resume_check.targets.posting import Posting, PostingTerm, read_posting

LABELS = Path(__file__).resolve().parent / "data" / "labels" / "jobs"
GENERIC = frozenset(
    [
        "experience",
        "skill",
        "knowledge",
        "ability",
        "management",
        "manage",
        "development",
        "develop",
        "methodology",
        "method",
        "practice",
        "principle",
        "process",
        "service",
        "team",
        "work",
        "working",
    ]
)

#: targets of issue 14
TARGET_RECALL = 0.85
TARGET_PRECISION = 0.85


@cache
def _engine() -> Engine:
    return build_engine()


@cache
def _words(phrase: str) -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    doc = _engine().nlp(phrase.lower())
    words = [t.lemma_.lower() or t.lower_ for t in doc if any(c.isalnum() for c in t.text)]
    words = [w for w in words if w not in STOP_WORDS]
    kept = [w for w in words if w not in GENERIC]
    return frozenset(kept or words)


def _matches(tool: str, label: dict[str, Any]) -> bool:
    mine = _words(tool)
    return any(mine & _words(str(p)) for p in (label["term"], *(label.get("also") or ())))


@cache
def _all_words(phrase: str) -> frozenset[str]:
    """Lemmas less stop words, generic words kept: for telling a heading or boilerplate phrase reported whole."""
    from spacy.lang.en.stop_words import STOP_WORDS

    doc = _engine().nlp(phrase.lower())
    return frozenset(t.lemma_.lower() for t in doc if any(c.isalnum() for c in t.text) and t.lower_ not in STOP_WORDS)


def _matches_phrase(tool: str, phrase: str) -> bool:
    """The tool reports a not-term: its words are those of the phrase, or hold them all."""
    mine, theirs = _all_words(tool), _all_words(phrase)
    return bool(theirs) and theirs <= mine


def _term_matches(term: PostingTerm, label: dict[str, Any]) -> bool:
    """A tool term is reported with its label and the words the posting uses ("team leadership", written
    "supervising staff"): either may match the label."""
    return _matches(term.label, label) or bool(term.written and _matches(term.written, label))


@dataclass
class Figures:
    required: int = 0
    recalled: int = 0
    tool_terms: int = 0  # required + preferred, less those matching only duties_and_context
    correct: int = 0
    preferred_marked_required: int = 0
    not_terms_reported: int = 0


def evaluate(posting: Posting, labels: dict[str, Any]) -> Figures:
    fig = Figures()
    required, preferred = labels.get("required") or [], labels.get("preferred") or []
    duties = labels.get("duties_and_context") or []
    asked = [t for t in posting.terms if t.level in ("required", "preferred")]
    tool_required = [t for t in asked if t.level == "required"]
    fig.required = len(required)
    fig.recalled = sum(1 for lab in required if any(_term_matches(t, lab) for t in tool_required))
    for term in asked:
        in_required = any(_term_matches(term, lab) for lab in required)
        in_preferred = any(_term_matches(term, lab) for lab in preferred)
        if term.level == "required" and in_preferred and not in_required:
            fig.preferred_marked_required += 1
        if in_required or in_preferred:
            fig.tool_terms += 1
            fig.correct += 1
        elif not any(_term_matches(term, lab) for lab in duties):
            fig.tool_terms += 1
    for term in posting.terms:
        if any(_matches_phrase(term.written or term.label, str(n["phrase"])) for n in labels.get("not_terms") or []):
            fig.not_terms_reported += 1
    return fig


def _label_files() -> list[Path]:
    return sorted(LABELS.glob("*.yaml"))


def _figures() -> dict[str, Figures]:
    out = {}
    for path in _label_files():
        labels = yaml.safe_load(path.read_text(encoding="utf-8"))
        posting = read_posting(JOBS / labels["file"], _engine())
        out[labels["file"]] = evaluate(posting, labels)
    return out


@needs_jobs
def test_at_least_five_postings_are_labelled() -> None:
    assert len(_label_files()) >= 5


@needs_jobs
def test_required_recall_precision_and_no_preferred_marked_required() -> None:
    figures = _figures()
    total = Figures()
    rows = []
    for name, fig in figures.items():
        for field in Figures.__dataclass_fields__:
            setattr(total, field, getattr(total, field) + getattr(fig, field))
        rows.append(
            f"{name}: recall {fig.recalled}/{fig.required}, precision {fig.correct}/{fig.tool_terms}, "
            f"preferred marked required {fig.preferred_marked_required}, not_terms {fig.not_terms_reported}"
        )
    recall = total.recalled / total.required
    precision = total.correct / total.tool_terms if total.tool_terms else 0.0
    report = "\n".join(rows) + f"\nTOTAL recall {recall:.3f}, precision {precision:.3f}"
    print(report)
    # issue 14's third target holds exactly: preferred is never promoted to required
    assert total.preferred_marked_required == 0, report
    # headings and boilerplate are never terms
    assert total.not_terms_reported == 0, report
    assert recall >= TARGET_RECALL, report
    assert precision >= TARGET_PRECISION, report


@pytest.mark.parametrize(
    ("tool", "term", "also", "expected"),
    [
        ("agile methodologies", "agile", [], True),
        ("user research", "UX research", ["user research"], True),
        ("risk management", "project management", [], False),
        ("WCAG", "Web Content Accessibility Guidelines", ["WCAG"], True),
        ("stakeholders", "stakeholder relationships", [], True),
    ],
)
def test_the_label_matching_rule(tool: str, term: str, also: list[str], expected: bool) -> None:
    assert _matches(tool, {"term": term, "also": also}) is expected
