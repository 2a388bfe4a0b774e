"""Analysis assembly: evidence levels, context, missing-term ranking, coverage, findings, settings."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_ats import BASIC, make_resume

from resume_check.analysis import Engine, analyse, category_coverage, collect_findings, context_window, is_list_like
from resume_check.ats import load_cliches
from resume_check.config import Settings
from resume_check.models import (
    DIMENSIONS,
    Block,
    Category,
    Contact,
    Finding,
    Impact,
    ImpactSummary,
    Match,
    Resume,
    Statement,
    Term,
)

CATEGORIES = (
    Category("methodology", "Methodology", 2.0),
    Category("delivery", "Delivery", 1.0),
    Category("empty", "Empty", 1.0),
)
TERMS = (
    Term("methodology.scrum", "Scrum", "methodology", 2.0),
    Term("methodology.kanban", "Kanban", "methodology", 1.0),
    Term("methodology.safe", "SAFe", "methodology", 3.0),
    Term("methodology.lean", "Lean", "methodology", 1.0),
    Term("delivery.budget", "budget", "delivery", 2.0),
    Term("delivery.risk", "risk", "delivery", 2.0),
    Term("delivery.stakeholders", "stakeholders", "delivery", 1.0),
)


@dataclass(frozen=True)
class Pack:
    id: str
    version: str


@dataclass(frozen=True)
class FakeLexicon:
    terms: tuple[Term, ...] = TERMS
    categories: tuple[Category, ...] = CATEGORIES
    packs: tuple[Pack, ...] = (Pack("pm", "1.0"),)


class FakeMatcher:
    """Whole-word, case-insensitive label search (the real matcher is tested in test_matching.py)."""

    def match(self, resume: Resume) -> tuple[Match, ...]:
        out = []
        for term in TERMS:
            for m in re.finditer(rf"\b{re.escape(term.label)}\b", resume.text, re.IGNORECASE):
                out.append(Match(term.id, m.start(), m.end(), m.group(0), resume.block_at(m.start())))
        return tuple(out)


def fake_impact(resume: Resume) -> Impact:
    """Experience bullets: a digit makes them strong, 'Responsible for' weak, else unquantified."""
    statements = []
    for index, block in enumerate(resume.blocks):
        if block.kind != "bullet" or block.section != "experience":
            continue
        if block.text.startswith("Responsible for"):
            verdict = "weak"
        elif re.search(r"\d", block.text):
            verdict = "strong"
        else:
            verdict = "unquantified"
        statements.append(
            Statement(
                block.text,
                block.section,
                block.line,
                index,
                block.start,
                block.end,
                verdict,
                block.text.split()[0],
                None,
                (),
                "",  # type: ignore[arg-type]
            )
        )
    dims = tuple((d, 0) for d in DIMENSIONS)
    summary = ImpactSummary((), 0.0, dims, DIMENSIONS, ())
    return Impact(tuple(statements), summary, (Finding("impact.no-budget", "no budget result", "info"),))


def engine(**kwargs: object) -> Engine:
    return Engine(
        settings=Settings(**kwargs),  # type: ignore[arg-type]
        lexicon=FakeLexicon(),
        matcher=FakeMatcher(),
        analyse_impact=fake_impact,
        cliches=load_cliches(),
    )


SECTIONS = [
    ("contact", None, ["Jane Smith", "jane@example.com | +44 7700 900123"]),
    ("summary", "Profile", ["Delivery lead who keeps stakeholders informed and risk visible across the programme."]),
    (
        "experience",
        "Experience",
        [
            "IT Project Manager, Acme Ltd, Jan 2019 – Present",
            ("bullet", "Ran Scrum for 3 teams, cutting cycle time by 30%"),
            ("bullet", "Introduced Kanban boards for the service desk"),
            ("bullet", "Responsible for the   project budget and risk log"),
        ],
    ),
    ("education", "Education", ["BSc Computer Science"]),
    ("skills", "Skills", ["Scrum, Kanban, SAFe, Jira"]),
]


@pytest.fixture
def analysis():  # type: ignore[no-untyped-def]
    return analyse(make_resume(SECTIONS), engine())


def test_found_terms_in_lexicon_order_with_best_evidence(analysis) -> None:  # type: ignore[no-untyped-def]
    assert [(f.id, f.evidence, len(f.occurrences)) for f in analysis.found] == [
        ("methodology.scrum", "quantified-achievement", 2),
        ("methodology.kanban", "achievement", 2),
        ("methodology.safe", "skills-list", 1),
        ("delivery.budget", "duty", 1),
        ("delivery.risk", "duty", 2),
        ("delivery.stakeholders", "mention", 1),
    ]


def test_occurrences_carry_section_line_offsets_context_and_evidence(analysis) -> None:  # type: ignore[no-untyped-def]
    text = analysis.resume.text
    for term in analysis.found:
        for occ in term.occurrences:
            assert text[occ.start : occ.end] == occ.text
    scrum = analysis.found[0].occurrences
    assert [(o.section, o.line, o.evidence, o.statement) for o in scrum] == [
        ("experience", 7, "quantified-achievement", 0),
        ("skills", 13, "skills-list", None),
    ]
    assert scrum[0].context == "Ran Scrum for 3 teams, cutting cycle time …"
    budget = analysis.found[3].occurrences[0]
    assert budget.context == "Responsible for the project budget and risk log"  # whitespace normalised
    assert analysis.found[4].occurrences[0].evidence == "mention"  # risk in the summary paragraph


def test_missing_terms_ranked_by_weight_within_category(analysis) -> None:  # type: ignore[no-untyped-def]
    assert [(m.id, m.weight) for m in analysis.missing] == [("methodology.lean", 1.0)]
    lexicon = FakeLexicon(
        terms=(
            Term("b.low", "Zeta", "b", 1.0),
            Term("a.x", "Alpha", "a", 1.0),
            Term("b.high", "Omega", "b", 3.0),
            Term("b.tie", "Beta", "b", 1.0),
        ),
        categories=(Category("b", "B"), Category("a", "A")),
    )
    eng = Engine(Settings(), lexicon, FakeMatcher(), fake_impact)
    result = analyse(make_resume(BASIC), eng)
    assert [m.id for m in result.missing] == ["b.high", "b.tie", "b.low", "a.x"]


def test_the_ranking_of_missing_terms_is_remembered_per_tuple_of_terms_and_never_goes_stale() -> None:
    from resume_check.analysis import ranked_missing

    terms = (Term("b.low", "zeta", "b", 1.0), Term("a.x", "Alpha", "a", 1.0), Term("b.high", "Omega", "b", 3.0))
    first = ranked_missing(terms)
    assert [m.id for m in first] == ["b.high", "b.low", "a.x"]
    assert ranked_missing(terms) is first  # the same tuple: the remembered ranking
    as_list = list(terms)
    assert ranked_missing(as_list) == first and ranked_missing(as_list) is not first  # a list is never remembered
    as_list.append(Term("a.y", "Beta", "a", 2.0))
    assert [m.id for m in ranked_missing(as_list)] == ["b.high", "b.low", "a.y", "a.x"]
    other = (*terms[:2], Term("b.high", "Omega", "b", 0.5))  # equal ids, another weight: another ranking
    assert [m.id for m in ranked_missing(other)] == ["b.low", "b.high", "a.x"]
    # at most 16 rankings are remembered (the lexicon target and every role profile's fit): the oldest goes first
    from resume_check import analysis

    many = [(Term(f"c.t{k}", f"T{k}", "c", 1.0),) for k in range(17)]
    for one in many:
        ranked_missing(one)
    assert len(analysis._RANKED) == 16 and id(many[0]) not in analysis._RANKED and id(many[-1]) in analysis._RANKED


def test_category_coverage_is_weighted(analysis) -> None:  # type: ignore[no-untyped-def]
    assert [(c.id, c.found, c.total, c.coverage, c.weight) for c in analysis.categories] == [
        ("methodology", 3, 4, round(6 / 7, 4), 2.0),
        ("delivery", 3, 3, 1.0, 1.0),
    ]
    assert category_coverage(CATEGORIES, (), ()) == ()


def test_disabled_prefixes_switch_terms_and_findings_off() -> None:
    result = analyse(
        make_resume(SECTIONS),
        engine(disabled=("methodology", "ats.contact", "impact"), enabled=("methodology.scrum",)),
    )
    assert [f.id for f in result.found] == [
        "methodology.scrum",
        "delivery.budget",
        "delivery.risk",
        "delivery.stakeholders",
    ]
    assert [c.total for c in result.categories] == [1, 3]
    assert not any(f.id.startswith(("ats.contact", "impact")) for f in result.findings)


def test_findings_merge_sources_and_sort_by_severity_line_id() -> None:
    warnings = (Finding("text.glyphs", "3 glyphs removed", "warning", line=9), Finding("text.ligatures", "m", "info"))
    resume = make_resume(SECTIONS[1:3], contact=Contact(), warnings=warnings)
    result = analyse(resume, engine())
    assert [(f.severity, f.line, f.id) for f in result.findings] == [
        ("error", None, "ats.contact.email"),
        ("warning", None, "ats.contact.linkedin"),
        ("warning", None, "ats.contact.phone"),
        ("warning", None, "ats.length.words"),
        ("warning", None, "ats.section.education"),
        ("warning", None, "ats.section.skills"),
        ("warning", 9, "text.glyphs"),
        ("info", None, "impact.no-budget"),
        ("info", None, "text.ligatures"),
    ]


def test_collect_findings_drops_exact_duplicates() -> None:
    f = Finding("text.hidden", "m", "warning", line=2)
    assert collect_findings([f, f, Finding("a.b", "m", "error")], Settings()) == (Finding("a.b", "m", "error"), f)


def test_analysis_records_lexicon_versions_and_score(analysis) -> None:  # type: ignore[no-untyped-def]
    assert analysis.lexicons == (("pm", "1.0"),)
    assert 0 <= analysis.score.total <= 100
    assert [c.id for c in analysis.score.components] == ["keywords", "evidence", "impact", "ats"]


def test_analysis_is_deterministic() -> None:
    assert analyse(make_resume(SECTIONS), engine()) == analyse(make_resume(SECTIONS), engine())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Scrum, Kanban, SAFe, Jira", True),
        ("Tools: Jira | Confluence | MS Project", True),
        ("Agile • Waterfall • PRINCE2 • ITIL", True),
        ("Led Scrum for three teams, cut costs, and hired two analysts", False),
        ("Scrum and Kanban", False),
    ],
)
def test_skills_like_lists(text: str, expected: bool) -> None:
    assert is_list_like(Block("paragraph", "summary", text, 0, len(text), 1, (0,))) is expected


def test_context_window_cuts_at_words_within_the_block() -> None:
    text = "one two three four five six seven EIGHT nine ten eleven twelve thirteen fourteen fifteen\nnext"
    block = Block("paragraph", "other", text.split("\n")[0], 0, len(text.split("\n")[0]), 1, (0,))
    start = text.index("EIGHT")
    assert (
        context_window(text, block, start, start + 5)
        == "… two three four five six seven EIGHT nine ten eleven twelve thirteen fourteen …"
    )
    assert context_window(text, block, 0, 3, words=2) == "one two three …"


def test_a_term_in_a_statement_is_quoted_in_the_statements_words() -> None:
    """A line can hold more than its statement (a wrapped date column: "Present Leading ..."): the context that
    proves a term stops at the statement's edges, so the date is not quoted as the person's words."""

    def impact_after_the_date(resume: Resume) -> Impact:
        statements = []
        for index, block in enumerate(resume.blocks):
            if block.kind == "bullet":
                skip = len("Present ")
                statements.append(
                    Statement(
                        block.text[skip:],
                        block.section,
                        block.line,
                        index,
                        block.start + skip,
                        block.end,
                        "unquantified",
                        "Leading",
                        None,
                        (),
                        "",  # type: ignore[arg-type]
                    )
                )
        return Impact(tuple(statements), fake_impact(resume).summary)

    label = TERMS[0].label
    sections = [("experience", "Experience", [("bullet", f"Present Leading the {label} work for two teams")])]
    engine = Engine(Settings(), FakeLexicon(), FakeMatcher(), impact_after_the_date)
    contexts = [o.context for f in analyse(make_resume(sections), engine).found for o in f.occurrences]
    assert contexts == [f"Leading the {label} work for two teams"]


def test_a_bullet_that_is_only_a_list_is_skills_list_evidence() -> None:
    def impact_without_verbs(resume: Resume) -> Impact:
        result = fake_impact(resume)
        statements = tuple(
            Statement(s.text, s.section, s.line, s.block, s.start, s.end, "weak", None, None, (), "")
            for s in result.statements
        )
        return Impact(statements, result.summary)

    sections = [("experience", "Experience", [("bullet", "Scrum, Kanban, SAFe, Jira.")])]
    listed = Engine(Settings(), FakeLexicon(), FakeMatcher(), impact_without_verbs)
    assert {f.evidence for f in analyse(make_resume(sections), listed).found} == {"skills-list"}
    assert {f.evidence for f in analyse(make_resume(sections), engine()).found} == {"achievement"}  # judged


# --------------------------------------------------------------------------------------------- statement lookup


def _statement(start: int, end: int) -> Statement:
    return Statement("x", "experience", 1, 0, start, end, "strong", None, None, (), "")


class _CountingItems(list):  # type: ignore[type-arg]
    reads = 0

    def __getitem__(self, index: object) -> object:
        _CountingItems.reads += 1
        return super().__getitem__(index)  # type: ignore[index]


def test_finding_the_statement_of_an_offset_between_statements_looks_at_few() -> None:
    """A term outside every statement (a role header, a skills line) walked back over every earlier statement: a
    résumé of 12,000 bullets (under the text limit) spent most of its time there. The walk now stops where no
    earlier statement reaches the offset; the reads are counted, not timed."""
    from resume_check.analysis import _StatementIndex

    statements = [_statement(100 * n, 100 * n + 60) for n in range(5000)]  # a 40-character gap after each
    index = _StatementIndex(statements)
    index._items = _CountingItems(index._items)
    _CountingItems.reads = 0
    assert [index.find(100 * n + 80) for n in range(0, 5000, 10)] == [None] * 500
    assert [index.find(100 * n + 30) for n in range(0, 5000, 10)] == list(range(0, 5000, 10))
    assert _CountingItems.reads <= 2 * 1000, _CountingItems.reads  # walking back to the start made millions


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 200), st.integers(1, 60)), max_size=30),
    st.lists(st.integers(-5, 270), min_size=1, max_size=20),
)
def test_the_statement_of_an_offset_is_the_latest_starting_one_that_holds_it(
    spans: list[tuple[int, int]], offsets: list[int]
) -> None:
    """Statements may nest or overlap: the one found is, of those holding the offset, the last in (start, end,
    index) order, as the walk back over all of them found it."""
    from resume_check.analysis import _StatementIndex

    statements = [_statement(start, start + length) for start, length in spans]
    index = _StatementIndex(statements)
    order = sorted((s.start, s.end, i) for i, s in enumerate(statements))
    for offset in offsets:
        holding = [i for start, end, i in order if start <= offset < end]
        assert index.find(offset) == (holding[-1] if holding else None)
