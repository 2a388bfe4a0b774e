"""The HTML reports in a real headless browser (Debian's Chromium, driven by Playwright's Python API; no browser is
downloaded): the page loads with no console errors and no network requests, every finding and every suggestion is
visible without hover (opening the expandable sections with the keyboard), the highlights carry ARIA labels, the
print stylesheet prints a two-page résumé's report on at most three pages, and the cohort page fits its width.

Skips, with the reason, where Playwright or a Chromium binary is missing; `.ci/run` installs both.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pdf_fixtures import simple_resume_pdf

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install playwright)"
)

CHROMIUM = os.environ.get("RESUME_CHECK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium binary (apt-get install chromium, or set RESUME_CHECK_CHROMIUM)"
)
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MAX_PRINT_PAGES = 3


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield chromium
        chromium.close()


def two_page_resume() -> bytes:
    """A synthetic two-page PDF résumé: 4 roles of 8 bullets, mixed verdicts, education and skills."""
    lines: list[tuple[str, dict[str, Any]]] = [
        ("Robin Example", {"size": 20, "bold": True}),
        ("robin.example@example.com | +44 20 7946 0000 | linkedin.com/in/robin-example", {}),
        ("EXPERIENCE", {"size": 13, "bold": True, "gap": 8}),
    ]
    bullets = [
        "• Delivered a £{n}M ERP migration two weeks ahead of schedule for 1,{n}00 users",
        "• Responsible for vendor management and contract renewals across the estate",
        "• Led Scrum ceremonies and sprint planning for four squads of engineers",
        "• Cut P1 incidents by {n}0% through change control and weekly risk reviews",
        "• Worked with the service desk to improve onboarding for new starters",
        "• Managed the RAID log and reported weekly to the programme steering board",
        "• Migrated {n}00 mailboxes to Microsoft 365 in six weeks with no lost mail",
        "• Helped with the rollout of a new asset management tool",
    ]
    for role in range(1, 5):
        if role == 3:
            lines.append(("Earlier roles", {"new_page": True, "bold": True}))
        lines.append((f"IT Project Manager, Example Org {role} (Jan 201{role} – Dec 201{role + 1})", {"bold": True}))
        lines += [(b.format(n=role + 1), {}) for b in bullets]
    lines += [
        ("EDUCATION", {"size": 13, "bold": True, "gap": 8}),
        ("BSc Computer Science, University of Leeds, 2010", {}),
        ("SKILLS", {"size": 13, "bold": True, "gap": 8}),
        ("Scrum, Kanban, PRINCE2, ITIL, Jira, Confluence, risk management, budget management", {}),
    ]
    return simple_resume_pdf(lines)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    from resume_check.analysis import analyse_path
    from resume_check.render import html

    folder = tmp_path_factory.mktemp("html")
    pdf = folder / "Robin-Example-CV.pdf"
    pdf.write_bytes(two_page_resume())
    analysis = analyse_path(pdf)
    assert analysis.source.pages == 2
    page = folder / "report.html"
    page.write_text(html.render(analysis), encoding="utf-8")
    return page, analysis


def open_page(browser: Any, path: Path) -> tuple[Any, list[str], list[str]]:
    page = browser.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: requests.append(req.url) if not req.url.startswith(("file:", "data:")) else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors, requests


def test_loads_without_errors_or_network(browser: Any, report: tuple[Path, Any]) -> None:
    page, errors, requests = open_page(browser, report[0])
    assert errors == [] and requests == []
    assert page.title()
    page.close()


def test_every_finding_and_suggestion_is_visible_without_hover(browser: Any, report: tuple[Path, Any]) -> None:
    path, analysis = report
    page, _, _ = open_page(browser, path)
    # open every expandable section the way a keyboard user would: focus its summary, press Enter
    closed = page.locator("details:not([open]) > summary")
    for _ in range(100):
        if closed.count() == 0:
            break
        closed.first.focus()
        page.keyboard.press("Enter")  # an opened section no longer matches the locator
    assert closed.count() == 0
    text = " ".join(page.locator("body").inner_text().split())
    from resume_check.render.common import report_findings

    findings = report_findings(analysis)  # the checks the report lists (statement findings come as suggestions)
    assert findings
    for finding in findings:
        assert " ".join(finding.message.split())[:60] in text, finding.id
    suggestions = [s for s in analysis.impact.statements if s.suggestion]
    assert len(suggestions) > 3
    for statement in suggestions:
        assert " ".join(statement.suggestion.split())[:60] in text, statement.line
    page.close()


def test_highlights_are_labelled_and_focusable(browser: Any, report: tuple[Path, Any]) -> None:
    page, _, _ = open_page(browser, report[0])
    highlights = page.locator("#resume .resume .s")
    assert highlights.count() >= 10
    for i in range(highlights.count()):
        item = highlights.nth(i)
        assert item.get_attribute("aria-label") and item.get_attribute("tabindex") == "0"
    page.close()


def test_prints_on_at_most_three_pages(browser: Any, report: tuple[Path, Any]) -> None:
    from pypdfium2 import PdfDocument

    page, _, _ = open_page(browser, report[0])
    pdf = page.pdf(format="A4")
    pages = len(PdfDocument(io.BytesIO(pdf)))
    page.close()
    assert pages <= MAX_PRINT_PAGES, f"the report prints on {pages} pages"


def test_cohort_page_fits_and_shows_relative_names(browser: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from resume_check.cli import main

    folder = tmp_path / "a-rather-long-folder-name-for-the-spring-cohort" / "applicants"
    folder.mkdir(parents=True)
    text = (Path(__file__).resolve().parent.parent / "samples" / "alex-morgan.md").read_text("utf-8")
    for name in ("alex-morgan-with-a-long-file-name-2026.md", "sam.md", "jo.md"):
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "cohort.html"
    result = CliRunner().invoke(main, ["batch", str(folder), "--format", "html", "-o", str(out), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert str(tmp_path) not in out.read_text("utf-8")  # names relative to the folder given
    page, errors, requests = open_page(browser, out)
    assert errors == [] and requests == []
    page.set_viewport_size({"width": 800, "height": 900})
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    page.close()
