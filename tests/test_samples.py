"""The bundled samples: up to date with samples/make_samples.py, deterministic, and read alike in every format."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
from conftest import SAMPLES

from resume_check.extract import extract
from resume_check.extract.docx import extract_docx
from resume_check.models import Document

ALEX = ("alex-morgan.txt", "alex-morgan.md", "alex-morgan.docx", "alex-morgan.pdf")


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read(name: str) -> Document:
    return extract(SAMPLES / name)


def bullet_units(document: Document) -> set[str]:
    """Bullet texts with their wrapped continuation lines joined (a PDF wraps long bullets onto indented lines)."""
    units: list[str] = []
    x0: float | None = None
    for line in document.lines:
        if line.bullet:
            units.append(line.text)
            x0 = line.bbox[0] if line.bbox else None
        elif units and x0 is not None and line.bbox is not None and line.bbox[0] > x0 + 3:
            units[-1] += " " + line.text
        else:
            x0 = None
    return set(units)


def tokens(document: Document) -> set[str]:
    return set(re.findall(r"[a-z0-9£]+", " ".join(line.text for line in document.lines).lower()))


def test_text_samples_match_the_script() -> None:
    script = load_script()
    assert (SAMPLES / "alex-morgan.txt").read_text(encoding="utf-8") == script.build_txt()
    assert (SAMPLES / "alex-morgan.md").read_text(encoding="utf-8") == script.build_md()
    assert (SAMPLES / "sam-taylor.txt").read_text(encoding="utf-8") == script.SAM_TAYLOR


def test_binary_samples_are_deterministic_and_current() -> None:
    script = load_script()
    docx_bytes = script.build_docx()
    assert docx_bytes == script.build_docx()
    pdf_bytes = script.build_pdf()
    assert pdf_bytes == script.build_pdf()
    # the committed files hold what the script makes now (compared as read, so a reportlab upgrade does not matter)
    committed = extract_docx((SAMPLES / "alex-morgan.docx").read_bytes(), "alex-morgan.docx")
    assert committed.lines == extract_docx(docx_bytes, "alex-morgan.docx").lines
    from resume_check.extract.pdf import extract_pdf

    fresh = extract_pdf(pdf_bytes, "alex-morgan.pdf")
    assert extract_pdf((SAMPLES / "alex-morgan.pdf").read_bytes(), "alex-morgan.pdf").lines == fresh.lines


@pytest.mark.parametrize("name", ALEX)
def test_alex_content_in_every_format(name: str) -> None:
    script = load_script()
    document = read(name)
    texts = [line.text for line in document.lines]
    assert texts[0] == "Alex Morgan"
    bullets = bullet_units(document)
    for _, _, _, items in script.EXPERIENCE:
        assert set(items) <= bullets
    found = tokens(document)
    for keyword in ("agile", "scrum", "kanban", "prince2", "jira", "azure", "itil", "pmp", "practitioner"):
        assert keyword in found, keyword
    for british in ("organisations", "programmes", "organised", "prioritise"):
        assert british in found, british
    assert any("alex.morgan@example.com" in text and "+44 7700 900123" in text for text in texts)
    assert document.warnings == ()


@pytest.mark.parametrize("name", ["alex-morgan.md", "alex-morgan.docx", "alex-morgan.pdf"])
def test_alex_links(name: str) -> None:
    document = read(name)
    assert "mailto:alex.morgan@example.com" in document.links
    assert "https://www.linkedin.com/in/alex-morgan-pm-example" in document.links


def test_alex_formats_read_the_same_words() -> None:
    bags = {name: tokens(read(name)) for name in ALEX}
    reference = bags["alex-morgan.txt"]
    for name, bag in bags.items():
        assert bag == reference, (name, sorted(bag ^ reference))


def test_alex_docx_structure() -> None:
    document = read("alex-morgan.docx")
    headings = [line.text for line in document.lines if line.style == "Heading 1"]
    assert headings == ["Profile", "Experience", "Key Skills", "Certifications", "Education"]
    table = [line.text for line in document.lines if line.part == "table"]
    assert table[:2] == ["Methodologies", "Agile, Scrum, Kanban, PRINCE2, Waterfall, hybrid delivery"]
    assert len(table) == 10


def test_sam_is_the_weaker_contrast() -> None:
    document = read("sam-taylor.txt")
    texts = [line.text for line in document.lines]
    bullets = [line for line in document.lines if line.bullet]
    assert len(bullets) == 8
    measured = [line for line in bullets if re.search(r"\d+\s*%|[$£]\s*\d", line.text)]
    assert len(measured) == 1  # only one quantified result
    weak = ("Responsible for", "Helped", "In charge of", "Duties included")
    assert sum(line.text.startswith(weak) for line in bullets) == 4
    assert any("Organized" in text for text in texts)  # American spelling
    assert all(line.source_line is not None for line in document.lines)


def test_every_sample_is_made_by_the_script() -> None:
    names = {path.name for path in Path(SAMPLES).iterdir() if path.is_file()}
    assert names == {*ALEX, "alex-morgan.json", "sam-taylor.txt", "make_samples.py"}
