"""Write the bundled sample résumés (fictional people) as .txt, .md, .json (JSON Resume), .docx and .pdf.

Run from anywhere: ``python samples/make_samples.py``. Needs python-docx and reportlab. The output is deterministic:
fixed document properties, reportlab's ``invariant`` mode and fixed zip timestamps, so re-running gives
byte-identical files.

Alex Morgan: a solid IT project manager (British English) with a realistic mix of strong, unquantified and weak
bullets. Sam Taylor: a weaker career changer into IT project management (American English, few metrics).
Names, employers, phone numbers (Ofcom/NANP drama ranges) and e-mail domains (example.com) are made up.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2026, 1, 5, 9, 0, 0)

NAME = "Alex Morgan"
TITLE = "IT Project Manager | PRINCE2 Practitioner | PMP"
LOCATION = "Manchester, UK"
EMAIL = "alex.morgan@example.com"
PHONE = "+44 7700 900123"
LINKEDIN = "linkedin.com/in/alex-morgan-pm-example"

PROFILE = (
    "IT project manager with ten years' experience delivering ERP, cloud and service-transformation programmes for "
    "public- and private-sector organisations. Comfortable running Agile and hybrid PRINCE2 projects, managing "
    "budgets of up to £5m and leading cross-functional teams of up to 25 people."
)

#: (role, organisation and place, dates, bullets)
EXPERIENCE: list[tuple[str, str, str, list[str]]] = [
    (
        "Senior IT Project Manager",
        "Northbridge Utilities plc, Manchester",
        "March 2021 – Present",
        [
            "Delivered a £2.4m ERP migration for 1,200 users two weeks early and 6% under budget.",
            "Led a team of 18 developers, testers and business analysts across three Scrum teams.",
            "Cut release lead time by 40% by introducing Kanban and automated deployments in Azure DevOps.",
            "Managed the programme's RAID log and reported weekly to the steering committee.",
            "Responsible for vendor management and contract renewals.",
        ],
    ),
    (
        "IT Project Manager",
        "Caldwell Housing Group, Leeds",
        "June 2017 – February 2021",
        [
            "Migrated 45 on-premises servers to Microsoft Azure, reducing hosting costs by £310k a year.",
            "Rolled out Office 365 to 2,300 staff across 14 sites with 98% user satisfaction.",
            "Introduced ITIL-aligned change management, reducing failed changes from 12% to 3%.",
            "Coordinated stakeholder workshops to prioritise the product backlog.",
            "Responsible for updating project documentation and the lessons-learned log.",
        ],
    ),
    (
        "Project Coordinator",
        "Pennine Digital Services, Bradford",
        "September 2014 – May 2017",
        [
            "Supported the delivery of 20+ infrastructure projects for NHS and local-authority clients.",
            "Organised sprint planning and retrospectives for two Scrum teams.",
            "Built Jira dashboards that gave the PMO real-time visibility of 60 projects.",
        ],
    ),
]

#: (group, skills)
SKILLS: list[tuple[str, str]] = [
    ("Methodologies", "Agile, Scrum, Kanban, PRINCE2, Waterfall, hybrid delivery"),
    ("Tools", "Jira, Confluence, Azure DevOps, Microsoft Project, ServiceNow"),
    ("Platforms", "Microsoft Azure, Office 365, SAP S/4HANA"),
    ("Service management", "ITIL 4, change management, incident management"),
    ("Leadership", "stakeholder management, budget management, risk management, vendor management"),
]

CERTIFICATIONS = [
    "PMP – Project Management Institute, 2020",
    "PRINCE2 Practitioner – AXELOS, 2018",
    "ITIL 4 Foundation – AXELOS, 2017",
    "Certified ScrumMaster (CSM) – Scrum Alliance, 2016",
]
EDUCATION = ["BSc (Hons) Computer Science – University of Leeds, 2014"]

SAM_TAYLOR = """\
Sam Taylor
Austin, TX | sam.taylor@example.com | (512) 555-0147

Summary
Organized and detail-oriented operations supervisor looking to transition into IT project management.
Hard worker and team player who enjoys solving problems and learning new technology.

Experience
Operations Supervisor - Lone Star Logistics, Austin, TX - 2018 to Present
- Responsible for scheduling shifts for the warehouse team.
- Helped with the rollout of a new inventory management system.
- Worked with the IT department to fix issues with handheld scanners.
- Organized weekly team meetings and tracked action items in Trello.
- Reduced overtime costs by 15% by reorganizing shift patterns.

Retail Store Manager - Hill Country Outfitters, Round Rock, TX - 2012 to 2018
- In charge of a store with 12 employees.
- Duties included inventory, hiring and customer service.
- Assisted with the point-of-sale system upgrade.

Skills
Microsoft Excel, scheduling, customer service, team leadership, Trello, Google Workspace, problem solving

Education
Associate of Applied Science, Business Management - Austin Community College, 2012

Certifications
Google Project Management Certificate (in progress)
"""


def contact_line() -> str:
    return f"{LOCATION} | {EMAIL} | {PHONE} | {LINKEDIN}"


# ----------------------------------------------------------------------------------------- text formats


def build_txt() -> str:
    out = [NAME, TITLE, contact_line(), "", "PROFILE", PROFILE, "", "EXPERIENCE"]
    for role, org, dates, bullets in EXPERIENCE:
        out += [f"{role} – {org}", dates]
        out += [f"• {bullet}" for bullet in bullets]
        out.append("")
    out.append("KEY SKILLS")
    out += [f"{group}: {skills}" for group, skills in SKILLS]
    out += ["", "CERTIFICATIONS", *CERTIFICATIONS, "", "EDUCATION", *EDUCATION]
    return "\n".join(out) + "\n"


def build_md() -> str:
    out = [
        f"# {NAME}",
        "",
        f"**{TITLE}**",
        "",
        f"{LOCATION} | [{EMAIL}](mailto:{EMAIL}) | {PHONE} | [{LINKEDIN}](https://www.{LINKEDIN})",
        "",
        "<!-- Sample résumé generated by samples/make_samples.py: a fictional person. -->",
        "",
        "## Profile",
        "",
        PROFILE,
        "",
        "## Experience",
    ]
    for role, org, dates, bullets in EXPERIENCE:
        out += ["", f"### {role} – {org}", "", f"*{dates}*", ""]
        out += [f"- {bullet}" for bullet in bullets]
    out += ["", "## Key Skills", ""]
    out += [f"- **{group}:** {skills}" for group, skills in SKILLS]
    out += ["", "## Certifications", ""]
    out += [f"- {cert}" for cert in CERTIFICATIONS]
    out += ["", "## Education", ""]
    out += [f"- {item}" for item in EDUCATION]
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------------------- JSON Resume

#: the JSON Resume twin of EXPERIENCE: (position, employer, location, startDate, endDate or None)
WORK_DATES = [
    ("Northbridge Utilities plc", "Manchester", "2021-03", None),
    ("Caldwell Housing Group", "Leeds", "2017-06", "2021-02"),
    ("Pennine Digital Services", "Bradford", "2014-09", "2017-05"),
]


def build_json() -> str:
    """Alex Morgan as a JSON Resume document (jsonresume.org schema), the same content as the other formats."""
    import json

    work = []
    for (role, _, _, bullets), (employer, place, start, end) in zip(EXPERIENCE, WORK_DATES, strict=True):
        item: dict[str, object] = {"name": employer, "location": place, "position": role, "startDate": start}
        if end:
            item["endDate"] = end
        item["highlights"] = bullets
        work.append(item)
    certificates = []
    for cert in CERTIFICATIONS:
        name, rest = cert.split(" – ")
        issuer, year = rest.rsplit(", ", 1)
        certificates.append({"name": name, "issuer": issuer, "date": year})
    document = {
        "basics": {
            "name": NAME,
            "label": TITLE,
            "email": EMAIL,
            "phone": PHONE,
            "summary": PROFILE,
            "location": {"city": LOCATION.split(", ")[0], "region": "Greater Manchester", "countryCode": "GB"},
            "profiles": [
                {"network": "LinkedIn", "username": LINKEDIN.rsplit("/", 1)[1], "url": f"https://www.{LINKEDIN}"}
            ],
        },
        "work": work,
        "skills": [{"name": group, "keywords": skills.split(", ")} for group, skills in SKILLS],
        "certificates": certificates,
        "education": [
            {
                "institution": "University of Leeds",
                "studyType": "BSc (Hons)",
                "area": "Computer Science",
                "endDate": "2014",
            }
        ],
        "meta": {"note": "Sample résumé generated by samples/make_samples.py: a fictional person."},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# ----------------------------------------------------------------------------------------- DOCX


def _fix_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps and order, so the bytes do not depend on the clock."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 5, 9, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info))
    return out.getvalue()


def _add_hyperlink(paragraph, url: str, text: str) -> None:  # type: ignore[no-untyped-def]
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def build_docx() -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    core = document.core_properties
    core.author = "resume-check samples"
    core.last_modified_by = "resume-check samples"
    core.title = f"{NAME} – CV"
    core.created = FIXED_TIME
    core.modified = FIXED_TIME
    core.last_printed = FIXED_TIME
    core.revision = 1
    core.comments = "Fictional sample résumé generated by samples/make_samples.py"

    document.add_paragraph(NAME, style="Title")
    subtitle = document.add_paragraph()
    subtitle.add_run(TITLE).bold = True
    contact = document.add_paragraph(f"{LOCATION} | ")
    _add_hyperlink(contact, f"mailto:{EMAIL}", EMAIL)
    contact.add_run(f" | {PHONE} | ")
    _add_hyperlink(contact, f"https://www.{LINKEDIN}", LINKEDIN)

    document.add_heading("Profile", level=1)
    document.add_paragraph(PROFILE)
    document.add_heading("Experience", level=1)
    for role, org, dates, bullets in EXPERIENCE:
        document.add_heading(f"{role} – {org}", level=2)
        when = document.add_paragraph()
        when.add_run(dates).italic = True
        for bullet in bullets:
            document.add_paragraph(bullet, style="List Bullet")

    document.add_heading("Key Skills", level=1)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for group, skills in SKILLS:
        cells = table.add_row().cells
        cells[0].text = group
        cells[0].paragraphs[0].runs[0].bold = True
        cells[1].text = skills

    document.add_heading("Certifications", level=1)
    for cert in CERTIFICATIONS:
        document.add_paragraph(cert, style="List Bullet")
    document.add_heading("Education", level=1)
    for item in EDUCATION:
        document.add_paragraph(item)
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if run.font.size is None and paragraph.style is not None and paragraph.style.name == "Normal":
                run.font.size = Pt(10.5)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fix_zip(buffer.getvalue())


# ----------------------------------------------------------------------------------------- PDF


def register_fonts() -> tuple[str, str, str]:
    """Bitstream Vera (shipped with reportlab): embedded TrueType subsets with a ToUnicode map, like Word's PDFs."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in (("Vera", "Vera.ttf"), ("Vera-Bold", "VeraBd.ttf"), ("Vera-Italic", "VeraIt.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, file))
    return "Vera", "Vera-Bold", "Vera-Italic"


def build_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    regular, bold, italic = register_fonts()
    from reportlab.lib.fonts import addMapping

    addMapping(regular, 0, 0, regular)
    addMapping(regular, 1, 0, bold)
    addMapping(regular, 0, 1, italic)
    addMapping(regular, 1, 1, bold)
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13)
    name = ParagraphStyle("name", fontName=bold, fontSize=20, leading=24)
    subtitle = ParagraphStyle("subtitle", fontName=bold, fontSize=11, leading=15)
    heading = ParagraphStyle("heading", fontName=bold, fontSize=13, leading=17, spaceBefore=8,
                             spaceAfter=2)
    role = ParagraphStyle("role", fontName=bold, fontSize=10.5, leading=14, spaceBefore=4)
    dates = ParagraphStyle("dates", fontName=italic, fontSize=10, leading=13)
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2, bulletFontName=regular)

    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    story = [
        Paragraph(esc(NAME), name),
        Paragraph(esc(TITLE), subtitle),
        Paragraph(
            f'{esc(LOCATION)} | <a href="mailto:{EMAIL}">{EMAIL}</a> | {esc(PHONE)} | '
            f'<a href="https://www.{LINKEDIN}">{LINKEDIN}</a>',
            body,
        ),
        Spacer(1, 4),
        Paragraph("Profile", heading),
        Paragraph(esc(PROFILE), body),
        Paragraph("Experience", heading),
    ]
    for title, org, when, bullets in EXPERIENCE:
        story.append(Paragraph(esc(f"{title} – {org}"), role))
        story.append(Paragraph(esc(when), dates))
        story += [Paragraph(esc(text), bullet, bulletText="•") for text in bullets]
    story.append(Paragraph("Key Skills", heading))
    story += [Paragraph(f"<b>{esc(group)}:</b> {esc(skills)}", body) for group, skills in SKILLS]
    story.append(Paragraph("Certifications", heading))
    story += [Paragraph(esc(cert), bullet, bulletText="•") for cert in CERTIFICATIONS]
    story.append(Paragraph("Education", heading))
    story += [Paragraph(esc(item), body) for item in EDUCATION]

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=f"{NAME} – CV",
        author="resume-check samples",
        subject="Fictional sample résumé",
        creator="samples/make_samples.py",
        invariant=1,
    )
    doc.build(story)
    return buffer.getvalue()


def main() -> None:
    outputs = {
        "alex-morgan.txt": build_txt().encode("utf-8"),
        "alex-morgan.md": build_md().encode("utf-8"),
        "alex-morgan.json": build_json().encode("utf-8"),
        "alex-morgan.docx": build_docx(),
        "alex-morgan.pdf": build_pdf(),
        "sam-taylor.txt": SAM_TAYLOR.encode("utf-8"),
    }
    for name, data in outputs.items():
        (HERE / name).write_bytes(data)
        print(f"wrote samples/{name} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
