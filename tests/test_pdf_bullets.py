"""List items without a bullet character (issue 12): vector bullet shapes, hanging indents, one action verb per line.

Three items drawn with shape bullets used to come out as one statement ("... to expand the customer base Proposed and
completed a new framework ..."). Synthetic PDFs draw each kind of evidence; the real corpus shows the traps.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from conftest import corpus_file, needs_corpus
from pdf_fixtures import LIST_ITEMS, list_items_pdf

from resume_check.extract.pdf import extract_pdf
from resume_check.extract.pdf_bullets import find_layout_bullets
from resume_check.extract.pdf_chars import Shape
from resume_check.impact import analyse_impact
from resume_check.models import Document, Line
from resume_check.structure import build_resume

STYLES = ("shape", "square", "hanging", "plain")
#: the fixture's lines in order, and whether each starts a list item
EXPECTED = [
    ("Casey Jordan", False),
    ("casey.jordan@example.org", False),  # a lone disc before it: an icon, not a bullet
    ("EXPERIENCE", False),
    ("IT Project Manager, Contoso Retail", False),
    ("Delivered a £1.2m CRM rollout to expand the customer base", True),
    ("Led the vendor framework tender for the service desk teams", True),
    ("Negotiated the support renewal with the outsourcing partner, a firm called", True),
    ("Managed Services Ltd, saving £40k", False),  # a wrapped sentence: a capitalised verb, but no new item
    ("Hired 9 engineers for the platform team", True),
    ("EDUCATION", False),
    ("BSc Computing, University of Leeds", False),
]


def _items(document: Document) -> list[tuple[str, bool]]:
    return [(line.text, line.bullet) for line in document.lines]


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("style", STYLES)
def test_list_items_without_glyphs_are_bullets(style: str, engine: str) -> None:
    document = extract_pdf(list_items_pdf(style), f"{style}.pdf", engine=engine)  # type: ignore[arg-type]
    assert _items(document) == EXPECTED


@pytest.mark.parametrize("style", STYLES)
def test_each_item_is_its_own_block_and_statement(style: str) -> None:
    resume = build_resume(extract_pdf(list_items_pdf(style), f"{style}.pdf"))
    bullets = [b.text for b in resume.blocks if b.section == "experience" and b.kind == "bullet"]
    assert bullets == [item.replace("\n", " ") for item in LIST_ITEMS]
    statements = analyse_impact(resume).statements
    openers = [s.text.split()[0] for s in statements if s.section == "experience"]
    assert {"Delivered", "Led", "Negotiated", "Hired"} <= set(openers)
    assert "Managed" not in openers
    glued = [s.text for s in statements if "customer base Led" in s.text]
    assert glued == []


def test_without_layout_evidence_the_items_stay_one_paragraph() -> None:
    """The fixture reproduces the trap: with the layout rules off, the items glue together (the bug)."""
    document = extract_pdf(list_items_pdf("shape"), "shape.pdf")
    plain = Document(
        source=document.source,
        lines=tuple(Line(**{**_fields(line), "bullet": False}) for line in document.lines),
    )
    texts = [b.text for b in build_resume(plain).blocks if b.section == "experience"]
    assert any("customer base Led the vendor framework" in text for text in texts)


def _fields(line: Line) -> dict[str, object]:
    return {name: getattr(line, name) for name in Line.__match_args__}


# ----------------------------------------------------------------------------------------- the rules one by one


def _line(text: str, x0: float, top: float, x1: float, *, bullet: bool = False, bold: bool = False) -> Line:
    return Line(text=text, page=1, bbox=(x0, top, x1, top + 12.0), font_size=10.0, bold=bold, bullet=bullet)


def _find(lines: Sequence[Line], marks: Sequence[Shape] = (), widths: Sequence[float] | None = None) -> list[int]:
    starts = [
        (line.bbox[0] if line.bbox else 0.0, 40.0 if widths is None else widths[i]) for i, line in enumerate(lines)
    ]
    return sorted(find_layout_bullets(lines, starts, {1: list(marks)}, _verbs))


def _verbs(words: Sequence[str]) -> bool:
    return words[0] in {"led", "managed", "delivered", "proposed"}


def test_a_lone_shape_is_an_icon_and_two_in_line_are_bullets() -> None:
    lines = [_line("Delivered the rollout to all sites", 70, 100, 300), _line("Led the data migration", 70, 114, 250)]
    one = [Shape(60, 104, 63, 107, (0, 0, 0))]
    two = [*one, Shape(60, 118, 63, 121, (0, 0, 0))]
    assert _find(lines, one, widths=[400.0, 400.0]) == []  # (widths: never "short", so the verb rule stays out)
    assert _find(lines, two, widths=[400.0, 400.0]) == [0, 1]
    # as large as the letters, or drawn over another shape: an icon
    big = [Shape(58, 101, 66, 109, (0, 0, 0)), Shape(58, 115, 66, 123, (0, 0, 0))]
    assert _find(lines, big, widths=[400.0, 400.0]) == []
    white = [Shape(60, 104, 63, 107, (1, 1, 1)), Shape(60, 118, 63, 121, (1, 1, 1))]
    assert _find(lines, white, widths=[400.0, 400.0]) == []


def test_a_wrapped_sentence_is_not_split_by_a_capitalised_verb() -> None:
    wrapped = [
        _line("Worked with the outsourcing partner, a firm called", 54, 100, 400),
        _line("Managed Services Ltd", 54, 114, 150),
    ]
    # the first line reaches the column's edge: "Managed" would not have fitted after it
    edge = _line("A line that sets the right edge of this column of text here", 54, 128, 402)
    assert _find([*wrapped, edge], widths=[40.0, 45.0, 10.0]) == []
    # the same first line stopping well short of the edge: the next line starts a new item
    short = [_line("Worked with the outsourcing partner", 54, 100, 250), wrapped[1], edge]
    assert _find(short, widths=[40.0, 45.0, 10.0]) == [1]


def test_job_titles_opening_with_a_noun_verb_are_not_items() -> None:
    lines = [_line("Python, Java and Go", 54, 100, 150), _line("Lead Platform Engineer at Contoso", 54, 114, 250)]
    assert _find(lines, widths=[40.0, 30.0]) == []


def test_a_bold_title_is_not_in_the_items_run() -> None:
    lines = [
        _line("Project Manager at Contoso", 54, 100, 200, bold=True),
        _line("Delivered the CRM rollout to all of the", 54, 114, 400),
        _line("regional sites", 66, 128, 150),
        _line("Delivered the ERP upgrade for the finance", 54, 142, 400),
        _line("team", 66, 156, 90),
    ]
    assert sorted(find_layout_bullets(lines, [(ln.bbox[0], 60.0) for ln in lines], {}, lambda w: False)) == [1, 3]


# ----------------------------------------------------------------------------------------- the real corpus


def _corpus(name: str) -> Document:
    return extract_pdf(corpus_file(name).read_bytes(), name)


@needs_corpus
def test_chrome_disc_bullets_in_the_json_resume_theme() -> None:
    document = _corpus("jrpool__jsonresume-theme-a11y__pool.pdf")
    bullets = [line.text for line in document.lines if line.bullet]
    assert len(bullets) == 48
    assert {"English", "Esperanto", "Latin"} <= set(bullets)
    assert not any(line.bullet for line in document.lines if line.text.startswith(("Current a11y", "Work")))


@needs_corpus
@pytest.mark.parametrize(
    "name", ["AmruthPillai__Reactive-Resume__azurill.pdf", "AmruthPillai__Reactive-Resume__gengar.pdf"]
)
def test_reactive_resume_shape_bullets_split_the_experience(name: str) -> None:
    resume = build_resume(_corpus(name))
    bullets = [b.text for b in resume.blocks if b.kind == "bullet" and b.section == "experience"]
    assert len(bullets) == 6
    assert sum(text.startswith(("Spearheaded", "Developed", "Mentored")) for text in bullets) == 3


@needs_corpus
def test_lost_bullet_glyphs_are_restored_by_action_verbs() -> None:
    """DevOps-Sample2 lost some bullet glyphs (pdftotext shows none either): each line is still an item."""
    document = _corpus("gitobic__SoupBoss__DevOps-Sample2.pdf")
    starts = ("Integrated Prometheus", "Led a team to optimize", "Resolved complex technical", "Monitored system")
    assert all(line.bullet for line in document.lines if line.text.startswith(starts))


@needs_corpus
@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("jacksenechal__resume__resume.pdf", "Executed a zero-downtime migration"),
        ("posquit0__Awesome-CV__resume.pdf", "Managed all Kubernetes manifests"),
    ],
)
def test_a_second_sentence_of_a_glyph_bullet_is_not_a_new_item(name: str, sentence: str) -> None:
    """The trap: a bulleted item's next sentence starts a line with an action verb after a full line."""
    document = _corpus(name)
    line = next(line for line in document.lines if line.text.startswith(sentence))
    assert not line.bullet


def test_a_page_full_of_shapes_and_lines_stays_bounded() -> None:
    """A hostile page (thousands of dots beside thousands of lines) is read with the per-page caps, not squared."""
    lines = [_line(f"Delivered item {k} to the programme board", 70, 10.0 + 13 * k, 300) for k in range(3000)]
    marks = [Shape(60, 14.0 + 13 * k, 63, 17.0 + 13 * k, (0, 0, 0)) for k in range(3000)]
    found = _find(lines, marks, widths=[400.0] * len(lines))
    assert found == list(range(500))  # only the first MAX_MARKS shapes of a page are looked at
