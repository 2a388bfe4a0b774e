"""Regenerate the documentation derived from the code, so that it cannot drift from it:

- docs/rules.md from the rule registry (lexicons/rules.yaml);
- docs/report.html, the HTML report of samples/alex-morgan.pdf, and docs/report.png, its screenshot (the
  screenshot needs Playwright and a Chromium binary: `pip install playwright`, `apt-get install chromium`).

    python tools/build_docs.py          # rewrite them
    python tools/build_docs.py --check  # exit 1 when a text file is out of date (the tests check the same)
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES_DOC = ROOT / "docs" / "rules.md"
REPORT = ROOT / "docs" / "report.html"
SCREENSHOT = ROOT / "docs" / "report.png"
SAMPLE = "samples/alex-morgan.pdf"  # relative to the repository: the report names the file as given


def rules_markdown() -> str:
    from resume_check.rules import load_rules, render_markdown

    return render_markdown(load_rules())


def sample_report() -> str:
    from resume_check.analysis import analyse_path
    from resume_check.render import html

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return html.render(analyse_path(SAMPLE))
    finally:
        os.chdir(here)


def screenshot(page: Path, out: Path) -> str:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "skipped the screenshot: pip install playwright"
    chromium = os.environ.get("RESUME_CHECK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return "skipped the screenshot: no Chromium binary (apt-get install chromium)"
    flags = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=flags)
        tab = browser.new_page(viewport={"width": 1400, "height": 1100})
        tab.goto(page.as_uri())
        tab.screenshot(path=str(out))
        browser.close()
    return f"wrote {out}"


def main(argv: list[str]) -> int:
    outputs = {RULES_DOC: rules_markdown(), REPORT: sample_report()}
    if "--check" in argv:
        stale = [p for p, text in outputs.items() if not p.exists() or p.read_text("utf-8") != text]
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run python tools/build_docs.py")
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    print(screenshot(REPORT, SCREENSHOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
