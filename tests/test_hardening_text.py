"""Issue 15: linear-time text algorithms. Context windows scan only their window (a hypothesis oracle checks them
against the plain definition), and one very long line cannot make `check` quadratic."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_check.analysis import context_window
from resume_check.budgets import MAX_DOCUMENT_CHARS, MAX_LINE_CHARS
from resume_check.cli import main
from resume_check.errors import InputError
from resume_check.extract import extract
from resume_check.models import Block


def plain_context_window(text: str, block: Block, start: int, end: int, words: int = 6) -> str:
    """The definition: the words of the whole block either side, counted."""
    lo, hi = max(block.start, 0), min(block.end, len(text))
    lo, hi = min(lo, start), max(hi, end)
    left = list(re.finditer(r"\S+", text[lo:start]))
    right = list(re.finditer(r"\S+", text[end:hi]))
    cut_start = lo + left[-words].start() if len(left) > words else lo
    cut_end = end + right[words - 1].end() if len(right) > words else hi
    prefix = "… " if len(left) > words else ""
    suffix = " …" if len(right) > words else ""
    return prefix + " ".join(text[cut_start:cut_end].split()) + suffix


def _block(text: str, start: int, end: int) -> Block:
    return Block(kind="bullet", section="experience", text=text[start:end], start=start, end=end, line=1, lines=(1,))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "bb", "Scrum", "£2m", " ", "  ", "\n", "\t", "x" * 40, "é"]), max_size=120),
    st.data(),
)
def test_context_window_equals_the_plain_definition(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    n = len(text)
    b_start = data.draw(st.integers(0, n))
    b_end = data.draw(st.integers(b_start, n))
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    words = data.draw(st.integers(1, 8))
    block = _block(text, b_start, b_end)
    assert context_window(text, block, start, end, words) == plain_context_window(text, block, start, end, words)


def test_context_windows_of_a_huge_line_are_linear() -> None:
    line = " ".join(["Managed a budget of £2m across 12 teams with Scrum"] * 4000)  # ~200,000 characters
    block = _block(line, 0, len(line))
    starts = [m.start() for m in re.finditer("Scrum", line)]
    began = time.process_time()
    windows = [context_window(line, block, s, s + 5) for s in starts]
    assert time.process_time() - began < 5  # the whole-block scan took minutes for these 4,000 matches
    assert windows[2000] == "… of £2m across 12 teams with Scrum Managed a budget of £2m across …"
    assert windows[2000] == plain_context_window(line, block, starts[2000], starts[2000] + 5)


def test_a_line_over_the_line_budget_is_exit_3_naming_the_file_and_line(tmp_path: Path) -> None:
    long_line = "- " + " ".join(["Managed a budget of £2m across 12 teams with Scrum"] * 600)
    assert len(long_line) > MAX_LINE_CHARS
    path = tmp_path / "long.md"
    path.write_text(f"# Alex Morgan\n\n## Experience\n\n{long_line}\n", encoding="utf-8")
    began = time.monotonic()
    result = CliRunner().invoke(main, ["check", str(path)])
    assert time.monotonic() - began < 30
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"resume-check: error: {path}: line 5 is {len(long_line) - 2:,} characters long, over the "  # "- " is markup
        f"{MAX_LINE_CHARS:,}-character limit for one line; is this really a résumé? Break the text into lines"
    ]


def test_a_text_over_the_document_budget_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = "Managed a budget of £2m across 12 teams with Scrum and Kanban. " * 100
    path.write_text("Alex Morgan\n" + (line + "\n") * (MAX_DOCUMENT_CHARS // len(line) + 2), encoding="utf-8")
    with pytest.raises(InputError, match=f"^{re.escape(str(path))}: the text is .* over the 1,000,000-character"):
        extract(path)


def test_a_long_line_under_the_budget_is_analysed_in_linear_time() -> None:
    from resume_check.analysis import analyse_document, build_engine
    from resume_check.extract import extract_bytes

    engine = build_engine()
    words = " ".join(["Managed a budget of £2m across 12 teams with Scrum"] * 380)  # just under 20,000
    assert len(words) < MAX_LINE_CHARS
    began = time.process_time()
    analysis = analyse_document(extract_bytes(f"Alex Morgan\n\nExperience\n- {words}\n".encode(), "long.md"), engine)
    assert time.process_time() - began < 20  # was ~7 s with the whole-block context scans, ~0.8 s now
    assert any(f.id == "methodology.scrum" for f in analysis.found)


def test_a_long_thousands_separated_number_is_read_once() -> None:
    """A number of 12,500 thousands groups ("1,000,000,…", 50,000 characters) was read again from every group by
    each metric pattern: 58 s. Now from its first digit only (it stands alone and counts nothing)."""
    from resume_check.metrics import find_metrics

    text = "Led 1" + ",000" * 12_500
    began = time.process_time()
    assert find_metrics(text) == ()
    assert time.process_time() - began < 5
    assert [m.text for m in find_metrics("Saved £1,200,000 across 3,000 laptops")] == ["£1,200,000", "3,000 laptops"]


def test_a_posting_clause_of_many_one_word_terms_is_linear() -> None:
    """Each lone word of a requirement looked back over the whole clause for a list it might belong to: a clause of
    thousands of them ("… deliver must …", 300,000 characters) ran for minutes. It looks back a bounded span."""
    from resume_check.targets.posting import _posting_phrases, load_posting_rules

    text = "x deliver must " * 20_000
    began = time.process_time()
    _posting_phrases(text, 0, len(text), [], load_posting_rules())
    assert time.process_time() - began < 5


def test_counting_in_place_walks_a_bounded_phrase() -> None:
    """Each plural noun of a suggestion looks back for where its phrase starts: on a line of thousands of them with no
    function word between ("servers running servers running …") every walk went back to the line's start (6 s for
    4,000 pairs, growing with the square). A phrase is at most MAX_PHRASE_WORDS long."""
    from resume_check.advice import MAX_PHRASE_WORDS, _found_measures, load_vocabulary

    vocab = load_vocabulary()
    began = time.process_time()
    found = _found_measures("Built " + "big servers running " * 20_000, vocab, opener=True)
    assert time.process_time() - began < 5
    assert [(f.written, f.at) for f in found] == [("servers", len("Built "))]  # the first head noun of its group
    # a phrase longer than the bound gets no count in place; a short one does
    assert _found_measures("Built " + "big " * MAX_PHRASE_WORDS + "servers", vocab, opener=True)[0].at == -1
    assert _found_measures("Built " + "big " * 3 + "servers", vocab, opener=True)[0].at == len("Built ")


def test_a_list_of_tool_names_with_slashes_is_read_in_linear_time() -> None:
    """Found in review: a tool's name could take a "/" or end before one, so every slash doubled the work of reading
    "Worked with CI/CI/…/CD pipelines": 22 slashes took 3.3 s, so these 28 take minutes on that code. Every
    quantifier of the list is possessive now."""
    from analysis_fixtures import bullets_resume

    from resume_check.advice import _TOOLS
    from resume_check.impact import analyse_impact

    began = time.process_time()
    impact = analyse_impact(bullets_resume(["Worked with " + "CI/" * 28 + "CD pipelines"]))
    assert [s.verdict for s in impact.statements] == ["weak"]
    assert _TOOLS.match("CI/" * 20_000 + "CD pipelines") is None
    assert time.process_time() - began < 5


def test_quoting_a_posting_line_is_linear() -> None:
    """The sentence around a posting term was found by a pattern tried again from every character of a run of
    letters: a 20,000-character line with no sentence end took seconds (quadratic). It is found in one pass."""
    from resume_check.targets.posting import ask_excerpt

    for line in ("x" * 40_000 + ".y", "." * 40_000 + "y"):
        began = time.process_time()
        quoted = ask_excerpt(line, "risk management")
        assert time.process_time() - began < 2
        assert len(quoted) <= 162
