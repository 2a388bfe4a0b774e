"""Synthetic PDFs for extraction tests, built with reportlab (test extra). Every function returns PDF bytes.

Reusable by other tests: ``simple_resume_pdf(lines)`` is a generic builder; the named builders each reproduce one
extraction trap (two columns, hidden text, no text layer, encryption, truncation, letter spacing, no space chars).
Fictional people only.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

WIDTH, HEIGHT = LETTER
MARGIN = 54.0

#: a TrueType font that ships inside reportlab, so Unicode text (ligatures, private-use icons) can be embedded
_VERA = "Vera"


def _unicode_font() -> str:
    if _VERA not in pdfmetrics.getRegisteredFontNames():
        import reportlab

        path = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
        pdfmetrics.registerFont(TTFont(_VERA, str(path)))
    return _VERA


def _canvas(buf: io.BytesIO, **kwargs: Any) -> Canvas:
    c = Canvas(buf, pagesize=LETTER, invariant=1, **kwargs)
    c.setTitle("synthetic résumé")
    return c


def simple_resume_pdf(lines: list[tuple[str, dict[str, Any]]]) -> bytes:
    """One line of text per entry, top to bottom. Options per line (all optional):

    ``size`` (10), ``bold`` (False), ``x`` (left margin), ``y`` (absolute baseline from the top, else flows),
    ``color`` (RGB tuple), ``mode`` (text render mode, 3 = invisible), ``font`` (a base-14 name, or "unicode"),
    ``char_space`` (letter spacing), ``gap`` (extra space before), ``link`` (URI annotation over the text),
    ``new_page`` (start a new page first), ``rect`` (RGB fill of a box drawn behind the line).
    """
    buf = io.BytesIO()
    c = _canvas(buf)
    y = MARGIN
    for text, opts in lines:
        if opts.get("new_page"):
            c.showPage()
            y = MARGIN
        size = float(opts.get("size", 10))
        y += float(opts.get("gap", 0)) + size * 1.35
        baseline = float(opts.get("y", y))
        x = float(opts.get("x", MARGIN))
        font = opts.get("font") or ("Helvetica-Bold" if opts.get("bold") else "Helvetica")
        if font == "unicode":
            font = _unicode_font()
        width = pdfmetrics.stringWidth(text, font, size) + len(text) * float(opts.get("char_space", 0))
        if "rect" in opts:
            c.setFillColorRGB(*opts["rect"])
            c.rect(x - 4, HEIGHT - baseline - size * 0.4, width + 8, size * 1.5, stroke=0, fill=1)
        # text state (render mode, char spacing) outlives BT/ET in PDF: scope it to this line
        c.saveState()
        t = c.beginText(x, HEIGHT - baseline)
        t.setFont(font, size)
        t.setFillColorRGB(*opts.get("color", (0, 0, 0)))
        t.setTextRenderMode(int(opts.get("mode", 0)))
        t.setCharSpace(float(opts.get("char_space", 0)))
        t.textOut(text)
        c.drawText(t)
        c.restoreState()
        if "link" in opts:
            c.linkURL(opts["link"], (x, HEIGHT - baseline - 2, x + width, HEIGHT - baseline + size), relative=0)
    c.showPage()
    c.save()
    return buf.getvalue()


RESUME_LINES: list[tuple[str, dict[str, Any]]] = [
    ("Jordan Avery", {"size": 20, "bold": True}),
    ("jordan.avery@example.com | +44 20 7946 0000", {"link": "mailto:jordan.avery@example.com"}),
    ("https://www.linkedin.com/in/jordan-avery-example", {"link": "https://www.linkedin.com/in/jordan-avery-example"}),
    ("EXPERIENCE", {"size": 13, "bold": True, "gap": 8}),
    ("Senior IT Project Manager, Northwind Systems", {"bold": True}),
    ("• Delivered a £2.4M ERP migration two weeks ahead of schedule", {}),
    ("• Led a team of 12 engineers through Scrum and Kanban adoption", {}),
    ("– Cut release lead time by 35% with a CI/CD pipeline", {}),
    ("EDUCATION", {"size": 13, "bold": True, "gap": 8}),
    ("MSc Information Systems, University of Leeds", {}),
]


def resume_pdf() -> bytes:
    """A small one-column résumé with headings, bullets and links."""
    return simple_resume_pdf(RESUME_LINES)


LEFT_COLUMN = [
    "EDUCATION",
    "Cornwall Institute",
    "MSc Computing",
    "SKILLS",
    "Stakeholder mapping",
    "Risk registers",
    "Budget forecasting",
    "Vendor contracts",
]
RIGHT_COLUMN = [
    "EXPERIENCE",
    "Programme Manager at Fabrikam Digital",
    "Directed a portfolio of nine cloud migration projects",
    "Reported weekly to the steering committee on risks",
    "Project Manager at Contoso Retail",
    "Rolled out point of sale upgrades to 140 stores",
    "Negotiated the support contract with three vendors",
    "Introduced earned value reporting for the board",
]


def two_column_pdf() -> bytes:
    """A full-width name line, then a left sidebar and a right main column on the SAME line pitch."""
    lines: list[tuple[str, dict[str, Any]]] = [
        ("Morgan Blake - IT Project Manager - morgan.blake@example.org", {"size": 14, "bold": True}),
    ]
    top = MARGIN + 60
    for i, text in enumerate(LEFT_COLUMN):
        lines.append((text, {"x": MARGIN, "y": top + i * 14, "bold": text.isupper()}))
    for i, text in enumerate(RIGHT_COLUMN):
        lines.append((text, {"x": 230, "y": top + i * 14, "bold": text.isupper()}))
    lines.append(("References available on request from both employers listed above", {"y": top + 9 * 14 + 20}))
    return simple_resume_pdf(lines)


SIDEBAR_MAIN = [
    "EXPERIENCE",
    "IT Project Manager, Harbour Bank",
    "• Led the migration of the core banking platform to a managed",
    "cloud service for 3,000 staff, finishing two weeks early",
    "• Ran fortnightly steering meetings with the CIO, finance and",
    "three vendors, and kept the change log and RAID log current",
    "• Cut the release cycle from six weeks to two by moving the",
    "delivery teams to Scrum with a shared Kanban board",
    "Project Coordinator, Northwind Systems",
    "• Coordinated the data centre move for 300 staff over one",
    "weekend without a service outage or a missed payroll run",
    "• Wrote the cutover runbook and trained twelve analysts on it",
    "• Tracked the budget and reported the variance every month",
    "to the programme board and the finance director",
    "• Set up the risk register and chaired the weekly review",
    "with the security, network and service desk leads",
]
SIDEBAR = [
    "SKILLS",
    "Jira Confluence",
    "MS Project",
    "Risk management",
    "Stakeholders",
    "Budgeting",
    "Scrum Kanban",
    "Azure AWS",
    "ITIL change",
    "LINKS",
    "linkedin.com/in/jr",
]


def sidebar_pdf() -> bytes:
    """A main column with wrapped bullets and, to its right, a sidebar of short left-aligned entries on a wider line
    pitch, so its lines share rows with some of the main column's (modern two-column templates)."""
    lines: list[tuple[str, dict[str, Any]]] = [("Jordan Reyes - jordan.reyes@example.com", {"size": 14, "bold": True})]
    top = MARGIN + 50
    for i, text in enumerate(SIDEBAR_MAIN):
        lines.append((text, {"x": MARGIN, "y": top + i * 12, "bold": text.isupper()}))
    for i, text in enumerate(SIDEBAR):
        lines.append((text, {"x": 420, "y": top + i * 17, "bold": text.isupper()}))
    return simple_resume_pdf(lines)


MARGIN_HEADINGS = [
    (
        "EXPERIENCE",
        [
            "IT Project Manager, Harbour Bank, 2019 - Present",
            "Led the cloud migration for 3,000 staff",
            "Ran the steering group with three vendors",
            "Kept the RAID log and the change log current",
        ],
    ),
    (
        "SKILLS",
        [
            "Scrum, Kanban, PRINCE2 and risk management",
            "Jira, Confluence and MS Project",
            "Budgets, vendors and stakeholder reporting",
        ],
    ),
    (
        "EDUCATION",
        ["BSc Computer Science, University of York", "PRINCE2 Practitioner, 2018", "Certified ScrumMaster, 2020"],
    ),
]


def margin_headings_pdf() -> bytes:
    """Section headings in a left margin, each on the row of its section's first line (a guard: they are labels
    of their rows, not a column of their own)."""
    lines: list[tuple[str, dict[str, Any]]] = [("Jordan Reyes - jordan.reyes@example.com", {"size": 14, "bold": True})]
    y = MARGIN + 50
    for heading, body in MARGIN_HEADINGS:
        lines.append((heading, {"x": MARGIN, "y": y, "bold": True}))
        for text in body:
            lines.append((text, {"x": 170, "y": y}))
            y += 14
        y += 10
    return simple_resume_pdf(lines)


def entry_dates_pdf() -> bytes:
    """An entry as rendercv's classic theme sets it: the place right-aligned on the header row, the dates and the
    duration right-aligned beside the first two bullets; then awards with a year right-aligned beside each (a
    guard: their heading has no right-hand cell, so the years stay on their rows)."""
    buf = io.BytesIO()
    c = _canvas(buf)
    y = HEIGHT - MARGIN
    c.setFont("Helvetica-Bold", 12)
    c.drawString(MARGIN, y, "EXPERIENCE")
    y -= 18
    rows = [
        ("NVIDIA Research, Research Intern", "Santa Clara, CA", True),
        ("• Designed a sparse attention mechanism that cut memory use by 4.2x", "May 2022 – Aug 2022", False),
        ("• Co-authored a paper accepted at NeurIPS 2022 as a spotlight", "4 months", False),
    ]
    for left, right, bold in rows:
        c.setFont("Helvetica-Bold" if bold else "Helvetica", 10)
        c.drawString(MARGIN if bold else MARGIN + 6, y, left)
        c.setFont("Helvetica", 10)
        c.drawRightString(WIDTH - MARGIN, y, right)
        y -= 14
    y -= 10
    c.setFont("Helvetica-Bold", 12)
    c.drawString(MARGIN, y, "AWARDS")
    y -= 18
    for left, right in (
        ("• Best Paper Award, Workshop on Efficient ML", "2021"),
        ("• Dean's List for Engineering", "2019"),
    ):
        c.setFont("Helvetica", 10)
        c.drawString(MARGIN + 6, y, left)
        c.drawRightString(WIDTH - MARGIN, y, right)
        y -= 14
    c.showPage()
    c.save()
    return buf.getvalue()


def dated_rows_pdf() -> bytes:
    """One column with right-aligned dates on the role rows (Jake's résumé, rendercv): dates must stay on their row."""
    buf = io.BytesIO()
    c = _canvas(buf)
    y = HEIGHT - MARGIN
    rows = [
        ("Northwind Systems", "Jan 2021 – Present", True),
        ("Senior Project Manager", "London, UK", False),
        ("Contoso Retail", "Mar 2017 – Dec 2020", True),
        ("Project Manager", "Leeds, UK", False),
        ("Fabrikam Digital", "Sep 2014 – Feb 2017", True),
        ("Project Coordinator", "York, UK", False),
    ]
    for left, right, bold in rows:
        font = "Helvetica-Bold" if bold else "Helvetica"
        c.setFont(font, 10)
        c.drawString(MARGIN, y, left)
        c.setFont("Helvetica", 10)
        c.drawRightString(WIDTH - MARGIN, y, right)
        y -= 14
        if not bold:
            c.drawString(
                MARGIN + 10, y, "• Managed delivery of the programme across four workstreams and two suppliers"
            )
            y -= 20
    c.showPage()
    c.save()
    return buf.getvalue()


def hidden_text_pdf() -> bytes:
    """Visible lines plus keyword stuffing three ways: white text, 1-pt text and render mode 3 (invisible).

    Also white text on a dark box, which a reader CAN see and which must be kept.
    """
    stuffing = "Scrum Kanban PRINCE2 PMP Agile Waterfall Budget Stakeholder"
    return simple_resume_pdf(
        [
            ("Casey Morgan", {"size": 18, "bold": True}),
            ("Visible summary about delivery work", {}),
            (stuffing, {"color": (1, 1, 1)}),
            (stuffing, {"size": 1}),
            (stuffing, {"mode": 3}),
            ("WHITE ON NAVY HEADING", {"color": (1, 1, 1), "rect": (0.1, 0.1, 0.4), "gap": 6}),
            ("Managed releases for a payments platform", {}),
        ]
    )


HIDDEN_STUFFING_CHARS = 3 * len("Scrum Kanban PRINCE2 PMP Agile Waterfall Budget Stakeholder".replace(" ", ""))


def image_only_pdf() -> bytes:
    """Two pages that hold only a picture of text (a scan): no text layer at all."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (300, 120), "white")
    ImageDraw.Draw(img).text((10, 10), "Jane Doe - Project Manager", fill="black")
    buf = io.BytesIO()
    c = _canvas(buf)
    for _ in range(2):
        c.drawImage(ImageReader(img), MARGIN, HEIGHT - MARGIN - 120, 300, 120)
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf() -> bytes:
    """A résumé protected with a user password ("secret")."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    buf = io.BytesIO()
    c = _canvas(buf, encrypt=StandardEncryption("secret", canPrint=0))
    c.setFont("Helvetica", 10)
    c.drawString(MARGIN, HEIGHT - MARGIN, "Confidential résumé")
    c.showPage()
    c.save()
    return buf.getvalue()


def truncated_pdf() -> bytes:
    """A valid résumé PDF cut off part-way, as an interrupted download leaves it."""
    data = resume_pdf()
    return data[: len(data) // 3]


def letter_spaced_pdf() -> bytes:
    """Headings with CSS-like letter spacing (no space glyphs) and one with literal spaces between letters."""
    return simple_resume_pdf(
        [
            ("JOHN DOE", {"size": 18, "char_space": 6}),
            ("EXPERIENCE", {"size": 12, "char_space": 4, "gap": 6}),
            ("Coordinated the data centre move for 300 staff", {}),
            ("S K I L L S   A N D   T O O L S", {"size": 12, "gap": 6}),
            ("Jira, Confluence, MS Project", {}),
        ]
    )


NO_SPACE_WORDS = [
    ["Certified", "Scrum", "Master", "and", "PRINCE2", "Practitioner"],
    ["Managed", "a", "portfolio", "of", "infrastructure", "projects", "worth", "£3M"],
    ["Stakeholder", "engagement,", "risk", "management", "and", "vendor", "governance"],
]


def no_space_pdf(word_gap: float = 2.6) -> bytes:
    """Each word drawn by its own drawString call and no space characters at all (XeTeX/LuaTeX/Google Docs)."""
    buf = io.BytesIO()
    c = _canvas(buf)
    y = HEIGHT - MARGIN
    for words in NO_SPACE_WORDS:
        x = MARGIN
        c.setFont("Helvetica", 10)
        for word in words:
            c.drawString(x, y, word)
            x += pdfmetrics.stringWidth(word, "Helvetica", 10) + word_gap
        y -= 14
    c.showPage()
    c.save()
    return buf.getvalue()


def glyphs_pdf() -> bytes:
    """Ligature code points (U+FB01, U+FB02), a private-use icon before the phone number, and icon bullets."""
    return simple_resume_pdf(
        [
            ("Riley Quinn", {"size": 16, "font": "unicode"}),
            ("\uf095 +44 161 496 0000", {"font": "unicode"}),
            ("Certi\ufb01ed Scrum Master, work\ufb02ow automation, o\ufb03ce moves", {"font": "unicode"}),
            ("\uf00c Delivered the ERP upgrade", {"font": "unicode"}),
            ("\uf00c Closed the audit findings", {"font": "unicode"}),
            ("\uf00c Hired four analysts", {"font": "unicode"}),
        ]
    )


def running_header_pdf() -> bytes:
    """Two pages with the same header and a page-numbered footer on each."""
    buf = io.BytesIO()
    c = _canvas(buf)
    for page in (1, 2):
        c.setFont("Helvetica", 8)
        c.drawString(MARGIN, HEIGHT - 30, "Taylor Reed - Curriculum Vitae")
        c.drawString(WIDTH / 2, 30, f"Page {page} of 2")
        c.setFont("Helvetica", 10)
        for i in range(5):
            c.drawString(MARGIN, HEIGHT - 150 - i * 14, f"Body line {i + 1} on page {page} about project delivery")
        c.showPage()
    c.save()
    return buf.getvalue()


def table_rows_pdf() -> bytes:
    """Layouts that are rows, not columns: "Label:" cells, a year column, bullets with a wide hanging indent."""
    buf = io.BytesIO()
    c = _canvas(buf)
    y = HEIGHT - MARGIN
    for label, value in SKILL_TABLE:
        c.setFont("Helvetica-Bold", 10)
        c.drawRightString(MARGIN + 130, y, label)
        c.setFont("Helvetica", 10)
        c.drawString(MARGIN + 140, y, value)
        y -= 14
    y -= 20
    for year, award in AWARDS:
        c.drawString(MARGIN, y, year)
        c.drawString(MARGIN + 60, y, award)
        y -= 14
    y -= 20
    for item in BULLETS:
        c.drawString(MARGIN + 18, y, "•")
        c.drawString(MARGIN + 54, y, item)
        y -= 14
    c.showPage()
    c.save()
    return buf.getvalue()


SKILL_TABLE = [
    ("Methods:", "Scrum, Kanban, PRINCE2, waterfall"),
    ("Tools:", "Jira, Confluence, MS Project, Smartsheet"),
    ("Cloud:", "AWS, Azure, Google Cloud"),
    ("Languages:", "English, French, Polish"),
]
AWARDS = [
    ("2023", "Programme of the year, Northwind Systems"),
    ("2021", "Delivery excellence award, Contoso Retail"),
    ("2019", "Best newcomer, Fabrikam Digital"),
]
BULLETS = [
    "Ran quarterly planning for six teams",
    "Chaired the change advisory board",
    "Wrote the vendor exit plan",
]


def top_down_pdf() -> bytes:
    """Text drawn in a flipped, top-down coordinate system (reportlab ``bottomup=0``, like several HTML engines),
    plus one line rotated by 90 degrees."""
    buf = io.BytesIO()
    c = _canvas(buf, bottomup=0)
    c.setFont("Helvetica", 10)
    for i, text in enumerate(TOP_DOWN_LINES):
        c.drawString(MARGIN, MARGIN + 14 * i, text)
    c.saveState()
    c.translate(WIDTH - 30, 400)
    c.rotate(90)
    c.drawString(0, 0, "ROTATED MARGIN LABEL")
    c.restoreState()
    c.showPage()
    c.save()
    return buf.getvalue()


TOP_DOWN_LINES = ["Avery Quinn", "Programme Manager", "Delivered the data platform on budget"]


def fake_bold_pdf() -> bytes:
    """A heading made bold by drawing it twice, 0.4 pt apart (no bold font), above a normal line."""
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setFont("Helvetica", 12)
    for dx in (0.0, 0.4):
        c.drawString(MARGIN + dx, HEIGHT - MARGIN, "PROFESSIONAL EXPERIENCE")
    c.setFont("Helvetica", 10)
    c.drawString(MARGIN, HEIGHT - MARGIN - 20, "Led the service desk consolidation")
    c.showPage()
    c.save()
    return buf.getvalue()


def white_on_gradient_pdf() -> bytes:
    """A white name on a gradient banner (a shading, no single fill colour), then body text."""
    from reportlab.lib.colors import Color as RLColor

    buf = io.BytesIO()
    c = _canvas(buf)
    c.saveState()
    path = c.beginPath()
    path.rect(0, HEIGHT - 100, WIDTH, 100)
    c.clipPath(path, stroke=0, fill=0)
    c.linearGradient(0, HEIGHT - 100, WIDTH, HEIGHT, (RLColor(0.1, 0.2, 0.5), RLColor(0.2, 0.5, 0.7)), extend=False)
    c.restoreState()
    c.setFillColorRGB(1, 1, 1)
    c.setFont("Helvetica-Bold", 22)
    c.drawString(MARGIN, HEIGHT - 60, "SAM RIVERA")
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica", 10)
    c.drawString(MARGIN, HEIGHT - 140, "Infrastructure programme manager")
    c.showPage()
    c.save()
    return buf.getvalue()


# ----------------------------------------------------------------------------------------- list items without glyphs

#: the role's achievements, as the list-item fixtures draw them (fictional). The first two fill over 80% of the
#: column, so without layout evidence each runs on into the next as one paragraph (the bug); the third wraps
#: mid-sentence right before a capitalised verb ("... a firm called | Managed Services Ltd"): no new item there
LIST_ITEMS = [
    "Delivered a £1.2m CRM rollout to expand the customer base",
    "Led the vendor framework tender for the service desk teams",
    "Negotiated the support renewal with the outsourcing partner, a firm called\nManaged Services Ltd, saving £40k",
    "Hired 9 engineers for the platform team",
]


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy wrap at ``width`` points; a newline forces a break (to put a given word at a line start)."""
    lines: list[str] = []
    for part in text.split("\n"):
        line = ""
        for word in part.split():
            candidate = f"{line} {word}".strip()
            if line and pdfmetrics.stringWidth(candidate, font, size) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def list_items_pdf(style: str, items: list[str] | None = None, *, width: float = 330.0) -> bytes:
    """A role with list items that have no bullet character, told apart only by layout. ``style``:

    - ``"shape"``: a filled disc drawn left of each item's first line (wkhtmltopdf, Chrome prints);
    - ``"square"``: a filled square instead;
    - ``"hanging"``: no marker; each item's continuation lines are indented (a hanging indent);
    - ``"plain"``: no marker, no indent: every line at one x (only the action verbs tell the items apart).

    Lines wrap at ``width`` points, except where an item holds a newline (a wrap forced before a given word).
    A lone disc (an icon) sits before the e-mail line, which is never a list item.
    """
    items = LIST_ITEMS if items is None else items
    buf = io.BytesIO()
    c = _canvas(buf)
    font, size, pitch = "Helvetica", 10.0, 13.5
    y = MARGIN + 20

    def text(x: float, line: str, *, bold: bool = False, font_size: float = size) -> None:
        c.setFont("Helvetica-Bold" if bold else font, font_size)
        c.drawString(x, HEIGHT - y, line)

    def disc(x: float) -> None:
        middle = HEIGHT - y + size * 0.32
        if style == "square":
            c.rect(x - 1.6, middle - 1.6, 3.2, 3.2, stroke=0, fill=1)
        else:
            c.circle(x, middle, 1.6, stroke=0, fill=1)

    text(MARGIN, "Casey Jordan", bold=True, font_size=18)
    y += 22
    disc(MARGIN + 3)  # an icon before the e-mail address: alone at its x, so not a bullet
    text(MARGIN + 12, "casey.jordan@example.org")
    y += 26
    text(MARGIN, "EXPERIENCE", bold=True, font_size=13)
    y += 18
    text(MARGIN, "IT Project Manager, Contoso Retail", bold=True)
    y += pitch
    x_item = MARGIN + 14
    for item in items:
        for k, line in enumerate(_wrap(item, font, size, width)):
            if style in ("shape", "square"):
                if k == 0:
                    disc(MARGIN + 6)
                text(x_item, line)
            elif style == "hanging":
                text(MARGIN if k == 0 else MARGIN + 12, line)
            else:
                text(MARGIN, line)
            y += pitch
    y += 10
    text(MARGIN, "EDUCATION", bold=True, font_size=13)
    y += 18
    text(MARGIN, "BSc Computing, University of Leeds")
    c.showPage()
    c.save()
    return buf.getvalue()


def pdf_from_objects(objs: list[bytes]) -> bytes:
    """A PDF written by hand from its object bodies (object 1 is the catalog), with a correct xref table: for
    tests that need what reportlab will not write (raw streams, lying filters, odd fonts)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)
