"""Term matching: forms, inflections, spellings, acronyms, patterns, guards, overlaps, offsets and blocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from analysis_fixtures import bullets_resume
from conftest import corpus_file, needs_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resume_check.errors import ConfigError, LexiconError
from resume_check.lexicon import Lexicon, load_lexicon
from resume_check.matching import TermMatcher, build_matcher
from resume_check.models import Resume
from resume_check.nlp import add_special_cases, build_nlp

PACK = """\
pack:
  id: traps
  version: "1.0.0"
  language: en
  description: "Terms and traps for the matcher tests."
  sources: []
categories:
  - {id: method, label: Methods}
  - {id: lang, label: Languages}
  - {id: duty, label: Duties}
  - {id: cert, label: Certifications}
  - {id: role, label: Roles}
terms:
  - {id: method.scrum, label: Scrum, category: method, weight: 5}
  - id: method.safe
    label: Scaled Agile Framework
    category: method
    weight: 4
    acronyms: [{text: SAFe, case_sensitive: true}]
  - id: method.lean
    label: Lean
    category: method
    weight: 4
    match_label: false
    aliases: [lean thinking, lean it]
    patterns:
      - [{ORTH: {IN: [",", "/", "|", ";", "("]}}, {ORTH: Lean}]
      - [{ORTH: Lean}, {ORTH: {IN: [",", "/", "|", ";", ")"]}}]
  - id: method.xp
    label: Extreme Programming
    category: method
    weight: 2
    acronyms: [XP]
  - id: lang.go
    label: Go
    category: lang
    weight: 2
    match_label: false
    aliases: [golang]
    patterns:
      - [{ORTH: Go}, {ORTH: {IN: [",", "/", ")", ";"]}}]
      - [{ORTH: {IN: [",", "/", "(", ";"]}}, {ORTH: Go}]
    exclude: [go-live, go-to-market, go to]
  - id: lang.c
    label: C
    category: lang
    weight: 2
    match_label: false
    patterns:
      - [{LOWER: {IN: [languages, in]}}, {ORTH: ":", OP: "?"}, {ORTH: C}]
      - [{ORTH: C}, {ORTH: ","}, {ORTH: {IN: [C++, "C#", Python, Java]}}]
      - [{ORTH: {IN: [C++, "C#", Python, Java]}}, {ORTH: ","}, {ORTH: C}]
  - id: lang.r
    label: R
    category: lang
    weight: 2
    match_label: false
    patterns:
      - [{ORTH: R}, {ORTH: ","}, {ORTH: {IN: [Python, SQL]}}]
      - [{ORTH: {IN: [Python, SQL]}}, {ORTH: ","}, {ORTH: R}]
  - {id: lang.csharp, label: "C#", category: lang, weight: 2}
  - {id: lang.cpp, label: "C++", category: lang, weight: 2}
  - {id: lang.dotnet, label: ".NET", category: lang, weight: 2}
  - {id: lang.node, label: "Node.js", category: lang, weight: 2}
  - id: method.cicd
    label: continuous integration
    category: method
    weight: 3
    acronyms: [{text: CI/CD, case_sensitive: false}]
  - {id: cert.a_plus, label: CompTIA A+, category: cert, weight: 2}
  - id: cert.itf
    label: CompTIA IT Fundamentals
    category: cert
    weight: 2
    acronyms: [ITF+, Tech+]
  - id: cert.prince2
    label: PRINCE2
    category: cert
    weight: 3
  - id: cert.pmp
    label: Project Management Professional
    category: cert
    weight: 5
    acronyms: [PMP]
  - {id: duty.project_management, label: project management, category: duty, weight: 5}
  - id: duty.kickoff
    label: kick-off meeting
    category: duty
    weight: 3
  - id: duty.stakeholder
    label: stakeholder management
    category: duty
    weight: 4
    aliases: [stakeholder engagement, managing stakeholders]
  - id: duty.organisational_change
    label: organisational change
    category: duty
    weight: 3
  - id: duty.data_analysis
    label: analyse data
    category: duty
    weight: 3
  - id: duty.budget
    label: budget management
    category: duty
    weight: 5
    patterns:
      - [{LEMMA: {IN: [Manage, oversee, control]}}, {IS_PUNCT: false, OP: "{0,4}"}, {LOWER: {IN: [budget, budgets]}}]
  - id: duty.risk
    label: risk management
    category: duty
    weight: 5
    patterns:
      - [{LEMMA: {IN: [mitigate, manage]}}, {IS_PUNCT: false, OP: "{0,3}"}, {LEMMA: risk}]
      - [{LEMMA: prioritise}, {LOWER: {IN: [the, delivery]}, OP: "{0,8}"}, {LEMMA: risk}]
  - id: role.programme_manager
    label: programme manager
    category: role
    weight: 3
  - id: duty.programming
    label: programming
    category: duty
    weight: 2
  - id: duty.managed_services
    label: managed services
    category: duty
    weight: 2
  - id: duty.meetings
    label: steering meeting
    category: duty
    weight: 1
    aliases: [standup]
  - id: duty.release
    label: release
    category: duty
    weight: 1
    exclude: [press release, new release]
"""


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    path = tmp_path_factory.mktemp("pack") / "traps.yaml"
    path.write_text(PACK, encoding="utf-8")
    return load_lexicon([path], bundled=False)


@pytest.fixture(scope="module")
def matcher(lexicon: Lexicon) -> TermMatcher:
    return build_matcher(build_nlp(), lexicon)


def found(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    return [(m.term_id, m.text) for m in matcher.match_text(text)]


# ------------------------------------------------------------------------------------------- what must match


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ran Scrum ceremonies", [("method.scrum", "Scrum")]),
        ("ran SCRUM and scrum", [("method.scrum", "SCRUM"), ("method.scrum", "scrum")]),
        ("Rolled out SAFe at scale", [("method.safe", "SAFe")]),
        ("Skills: Agile, Lean, Kanban", [("method.lean", "Lean")]),
        ("Applied lean thinking; led Lean IT", [("method.lean", "lean thinking"), ("method.lean", "Lean IT")]),
        ("Used XP practices", [("method.xp", "XP")]),
        ("Languages: Python, Go, Rust", [("lang.go", "Go")]),
        ("Wrote services in golang", [("lang.go", "golang")]),
        ("Languages: C, C++", [("lang.c", "C"), ("lang.cpp", "C++")]),
        ("Python, C", [("lang.c", "C")]),
        ("SQL, R", [("lang.r", "R")]),
        ("Built C# and c# services", [("lang.csharp", "C#"), ("lang.csharp", "c#")]),
        ("Migrated to .NET (C#).", [("lang.dotnet", ".NET"), ("lang.csharp", "C#")]),
        ("APIs in Node.js, C++ and CI/CD.", [("lang.node", "Node.js"), ("lang.cpp", "C++"), ("method.cicd", "CI/CD")]),
        (
            "Holds CompTIA A+ and ITF+; now Tech+.",
            [("cert.a_plus", "CompTIA A+"), ("cert.itf", "ITF+"), ("cert.itf", "Tech+")],
        ),
        ("PRINCE2® Practitioner", [("cert.prince2", "PRINCE2")]),
        ("PMP certified", [("cert.pmp", "PMP")]),
        (
            "Project Management Professional (PMP)",
            [("cert.pmp", "Project Management Professional"), ("cert.pmp", "PMP")],
        ),
        ("Led project management for 3 teams", [("duty.project_management", "project management")]),
        # hyphen / space / joined forms and inflections
        ("Ran kick-off meetings", [("duty.kickoff", "kick-off meetings")]),
        ("Ran kick off meetings", [("duty.kickoff", "kick off meetings")]),
        ("Ran kickoff meeting", [("duty.kickoff", "kickoff meeting")]),
        ("Organised Kick-Off Meetings", [("duty.kickoff", "Kick-Off Meetings")]),
        # British / American
        ("Led organizational change", [("duty.organisational_change", "organizational change")]),
        ("Led Organisational Change", [("duty.organisational_change", "Organisational Change")]),
        ("Analyzed data weekly", [("duty.data_analysis", "Analyzed data")]),
        ("analysing data", [("duty.data_analysis", "analysing data")]),
        (
            "Programme Manager, then Program Manager",
            [("role.programme_manager", "Programme Manager"), ("role.programme_manager", "Program Manager")],
        ),
        # verb + object with words between; "Managed" is capitalised (the lookup table is case-sensitive)
        ("Managed a £2.5m budget", [("duty.budget", "Managed a £2.5m budget")]),
        ("managed the annual IT budgets", [("duty.budget", "managed the annual IT budgets")]),
        ("Mitigated delivery risks early", [("duty.risk", "Mitigated delivery risks")]),
        ("Stakeholder Engagement with vendors", [("duty.stakeholder", "Stakeholder Engagement")]),
        ("Chaired steering meetings", [("duty.meetings", "steering meetings")]),
        ("Ran standups", [("duty.meetings", "standups")]),
        (
            "Managed Services and a managed service",
            [("duty.managed_services", "Managed Services"), ("duty.managed_services", "managed service")],
        ),
        # pattern values get the other spelling too: {LEMMA: prioritise} finds "Prioritized"
        ("Prioritized delivery risks", [("duty.risk", "Prioritized delivery risks")]),
        ("prioritising the risks", [("duty.risk", "prioritising the risks")]),
        ("Released v2; drove releases", [("duty.release", "Released"), ("duty.release", "releases")]),
    ],
)
def test_finds(matcher: TermMatcher, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(matcher, text) == expected


# ------------------------------------------------------------------------------------------- traps


@pytest.mark.parametrize(
    "text",
    [
        "A scrumptious lunch",
        "Kept the data safe. SAFE working practices.",
        "Ran a lean team of five",
        "Leaning on Lean-ness",
        "Leaning it against the wall",
        "Planned the go-live for March",
        "Owned the go-to-market plan",
        "Go-Live readiness reviews",
        "We had to go to the client",
        "Go to market faster",
        "Passed with grade C in maths",
        "Reported to the C-suite",
        "Led R&D for the platform",
        "Plan B and Plan C were ready",
        "John R. Smith, C. Jones",
        "Vitamin C",
        "xp-pen drawings and expert exports",
        "programmes of work",
        "Managing services for ten clients",
    ],
)
def test_traps_find_nothing(matcher: TermMatcher, text: str) -> None:
    assert found(matcher, text) == []


def test_exclude_phrases(matcher: TermMatcher) -> None:
    assert found(matcher, "Wrote a press release; press-releases; New Releases") == []
    assert found(matcher, "Owned the release") == [("duty.release", "release")]


def test_inflected_one_word_form_does_not_match_other_inflections(matcher: TermMatcher) -> None:
    # "programming" (lemma "program") must not find the British noun "programmes"
    assert found(matcher, "Delivered programmes; loves programming") == [("duty.programming", "programming")]


def test_longest_match_wins_and_no_double_counting(matcher: TermMatcher) -> None:
    text = "Project Management Professional"
    assert found(matcher, text) == [("cert.pmp", "Project Management Professional")]


def test_pattern_context_tokens_are_trimmed(matcher: TermMatcher) -> None:
    (match,) = matcher.match_text("Scrum, Lean")[1:]
    assert (match.term_id, match.text, match.start, match.end) == ("method.lean", "Lean", 7, 11)


def test_match_never_crosses_lines(matcher: TermMatcher) -> None:
    assert found(matcher, "project\nmanagement") == []
    assert found(matcher, "Managed\nthe budget") == []


def test_empty_and_whitespace_text(matcher: TermMatcher) -> None:
    assert matcher.match_text("") == ()
    assert matcher.match_text(" \n\t") == ()


def test_special_cases_are_single_tokens(lexicon: Lexicon) -> None:
    nlp = build_nlp()
    add_special_cases(nlp, lexicon)
    assert [t.text for t in nlp("Used C#, CI/CD and ITF+ (Tech+).")] == [
        "Used",
        "C#",
        ",",
        "CI/CD",
        "and",
        "ITF+",
        "(",
        "Tech+",
        ")",
        ".",
    ]
    # symbols elsewhere still split normally
    assert [t.text for t in nlp("grade A+ and R&D; x/y")] == ["grade", "A+", "and", "R&D", ";", "x", "/", "y"]


def test_lemmas_are_lower_case() -> None:
    nlp = build_nlp()
    assert [t.lemma_ for t in nlp("Managed Budgets Analysing data")] == ["manage", "budget", "analyse", "datum"]


def test_build_is_cached_per_pipeline_and_lexicon(lexicon: Lexicon, matcher: TermMatcher) -> None:
    assert build_matcher(build_nlp(), lexicon) is matcher
    assert matcher.stats.terms == len(lexicon.terms)
    assert matcher.stats.token_patterns == sum(len(t.patterns) for t in lexicon.terms)
    assert matcher.stats.special_cases > 0 and matcher.stats.lemma_patterns > 0


def test_unknown_model_is_a_config_error() -> None:
    with pytest.raises(ConfigError) as info:
        build_nlp("xx_no_such_model_sm")
    assert str(info.value) == (
        "spaCy model 'xx_no_such_model_sm' is not installed; install it with: python -m spacy download "
        "xx_no_such_model_sm (or leave out --model to use the built-in blank English pipeline)"
    )


def test_missing_lookup_tables_are_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without spacy-lookups-data the registry has no English tables: a ConfigError that says what to install."""
    import catalogue
    from spacy.util import registry

    from resume_check import nlp as nlp_module

    def missing(name: str) -> None:
        raise catalogue.RegistryError(f"Cant't find {name!r} in registry spacy -> lookups.")

    monkeypatch.setattr(registry.lookups, "get", missing)
    nlp_module._build_nlp_cached.cache_clear()
    try:
        with pytest.raises(ConfigError, match="pip install spacy-lookups-data"):
            build_nlp()
    finally:
        monkeypatch.undo()
        nlp_module._build_nlp_cached.cache_clear()
    assert build_nlp()("Managed budgets")[0].lemma_ == "manage"


def test_pattern_rejected_by_spacy_is_a_lexicon_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    text = (
        PACK.split("terms:\n")[0]
        + "terms:\n"
        + (
            "  - id: method.odd\n    label: odd thing\n    category: method\n    weight: 1\n"
            "    patterns: [[{LOWER: odd, OP: '{2,1}'}]]\n"
        )
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        build_matcher(build_nlp(), load_lexicon([path], bundled=False))
    assert str(info.value).startswith("pack 'traps', term method.odd: a token pattern is not valid for spaCy (")


# ------------------------------------------------------------------------------------------- résumés


def make_resume(texts: list[str]) -> Resume:
    return bullets_resume(texts, "cv.txt")


def test_match_resume_offsets_and_blocks(matcher: TermMatcher) -> None:
    resume = make_resume(["Jane Doe", "Scrum Master, PMP", "Managed a £2m budget", "Lean thinking"])
    matches = matcher.match(resume)
    assert [(m.term_id, m.text, m.block) for m in matches] == [
        ("method.scrum", "Scrum", 1),
        ("cert.pmp", "PMP", 1),
        ("duty.budget", "Managed a £2m budget", 2),
        ("method.lean", "Lean thinking", 3),
    ]
    for m in matches:
        assert resume.text[m.start : m.end] == m.text
        block = resume.blocks[m.block]
        assert block.start <= m.start and m.end <= block.end


def test_match_empty_resume(matcher: TermMatcher) -> None:
    assert matcher.match(make_resume([])) == ()


# ------------------------------------------------------------------------------------------- properties

FORMS = [
    "Scrum",
    "SAFe",
    "PMP",
    "C#",
    "kick-off meeting",
    "organisational change",
    "Node.js",
    "golang",
    "CI/CD",
    "project management",
    "Lean thinking",
    "Managed the budget",
    "programme manager",
]
WORDS = st.sampled_from(
    [
        *FORMS,
        "the",
        "a",
        "team",
        "go-live",
        "lean",
        "safe",
        "C",
        "R&D",
        ",",
        ".",
        "and",
        "\n",
        "grade",
        "managed",
        "(",
        ")",
        "budgets",
        "Go",
        "Lean",
        "XP",
        "+",
        "#",
    ]
)
TEXTS = st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=25).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_offsets_slice_back_to_text(matcher: TermMatcher, text: str) -> None:
    previous_end = 0
    for m in matcher.match_text(text):
        assert text[m.start : m.end] == m.text
        assert m.text == m.text.strip() and m.text
        assert m.start >= previous_end  # sorted, non-overlapping
        previous_end = m.end


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS, form=st.sampled_from(FORMS), where=st.sampled_from(["start", "end", "line"]))
def test_adding_a_term_never_loses_terms(matcher: TermMatcher, text: str, form: str, where: str) -> None:
    before = {m.term_id for m in matcher.match_text(text)}
    added = {"start": f"{form}\n{text}", "end": f"{text}\n{form}", "line": f"{text}\n{form}\n"}[where]
    after = {m.term_id for m in matcher.match_text(added)}
    assert before <= after
    assert {m.term_id for m in matcher.match_text(form)} <= after


# ------------------------------------------------------------------------------------------- real corpus


@needs_corpus
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "mathdebate09__job-cli__project_manager.pdf",
            {"PMP", "Project Management Professional", "Microsoft Project", "project scope", "deliverables"},
        ),
        ("gitobic__SoupBoss__DevOps-Sample2.pdf", {"DevOps", "Kubernetes", "Terraform", "AWS", "Ansible", "Linux"}),
        ("srbhr__Resume-Matcher__alfred_pennyworth_pm.pdf", {"Agile methodologies", "Python", "SQL", "AWS"}),
    ],
)
def test_corpus_resumes_find_what_a_reader_sees(name: str, expected: set[str]) -> None:
    from resume_check.extract import extract
    from resume_check.structure import build_resume

    resume = build_resume(extract(corpus_file(name)))
    matches = build_matcher(build_nlp(), load_lexicon()).match(resume)
    assert expected <= {m.text for m in matches}
    for m in matches:
        assert resume.text[m.start : m.end] == m.text
        block = resume.blocks[m.block]
        assert block.start <= m.start and m.end <= block.end


def test_pattern_hit_across_lines_falls_back_to_one_line(matcher: TermMatcher) -> None:
    assert found(matcher, "Managed the\nbudget and budgets") == []
    assert found(matcher, "managed\nmanaged the budget and budgets") == [
        ("duty.budget", "managed the budget and budgets")
    ]


def test_the_last_list_item_of_the_text_is_found_like_one_before_a_line_break() -> None:
    """List-item patterns want a separator or a line break after the item; the end of the text is a line end."""
    matcher = build_matcher(build_nlp(), load_lexicon())
    stages = "Initiating, Planning, Executing, Closing"
    assert [m.text for m in matcher.match_text(stages) if m.term_id == "lifecycle.closure"] == ["Closing"]
    assert matcher.match_text(stages) == matcher.match_text(stages + "\n")
    skills = "Skills: infrastructure, networking, security"
    assert "security.information_security" in {m.term_id for m in matcher.match_text(skills)}
    # and the end of the text is not a licence to match a verb use
    assert "lifecycle.closure" not in {m.term_id for m in matcher.match_text("We kept closing")}
