"""Builders for synthetic DOCX inputs (and the PDF twin of the DOCX twin résumé): each returns the file's bytes.

python-docx builds the ordinary parts; raw WordprocessingML is spliced in where python-docx has no API (text boxes
with their mc:AlternateContent double, field codes, content controls). All content is fictional.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from typing import Any

import docx
from docx.enum.section import WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# ----------------------------------------------------------------------------------------- the twin résumé

#: (kind, text): the same résumé written as DOCX and as PDF; every entry fits on one PDF line
TWIN: list[tuple[str, str]] = [
    ("name", "Jordan Ellis"),
    ("para", "Leeds, UK | jordan.ellis@example.org | +44 7700 900456"),
    ("heading", "Professional Summary"),
    ("para", "IT project manager delivering cloud and ERP programmes for housing associations."),
    ("heading", "Work Experience"),
    ("role", "IT Project Manager, Aire Valley Homes, 2019 – Present"),
    ("bullet", "Delivered a £1.8m finance-system migration for 900 users on schedule."),
    ("bullet", "Led a team of 12 across two Scrum teams using Jira and Confluence."),
    ("bullet", "Certified ScrumMaster; ran sprint reviews and retrospectives."),
    ("role", "Project Coordinator, Wharfedale Council, 2015 – 2019"),
    ("bullet", "Coordinated the rollout of Office 365 to 1,400 staff across 9 sites."),
    ("bullet", "Responsible for the RAID log and weekly highlight reports."),
    ("heading", "Skills"),
    ("para", "Agile, Scrum, Kanban, PRINCE2, ITIL 4, Microsoft Azure, stakeholder management"),
    ("heading", "Certifications"),
    ("bullet", "PRINCE2 Practitioner, 2018"),
    ("bullet", "PMP, 2021"),
    ("heading", "Education"),
    ("para", "BSc Information Systems, University of Sheffield, 2015"),
]


def _save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def twin_docx() -> bytes:
    """The twin résumé as Word would write it: Title, Heading 1 sections, bold role lines, List Bullet items."""
    document = docx.Document()
    for kind, text in TWIN:
        if kind == "name":
            document.add_paragraph(text, style="Title")
        elif kind == "heading":
            document.add_heading(text, level=1)
        elif kind == "role":
            document.add_paragraph().add_run(text).bold = True
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    return _save(document)


def twin_pdf() -> bytes:
    """The twin résumé as a PDF with a real text layer (embedded TrueType with ToUnicode), bullets drawn as •."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    for name, file in (("Vera", "Vera.ttf"), ("Vera-Bold", "VeraBd.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, file))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    y = A4[1] - 60
    for kind, text in TWIN:
        font, size, x = "Vera", 10.0, 56.0
        if kind == "name":
            font, size = "Vera-Bold", 20.0
        elif kind == "heading":
            font, size = "Vera-Bold", 13.0
            y -= 6
        elif kind == "role":
            font = "Vera-Bold"
        elif kind == "bullet":
            pdf.setFont("Vera", size)
            pdf.drawString(x, y, "•")
            x += 12
        pdf.setFont(font, size)
        pdf.drawString(x, y, text)
        y -= size * 1.5
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# ----------------------------------------------------------------------------------------- layout tables


def layout_tables_docx() -> bytes:
    """A two-column layout table: the left cell holds a nested table; a heading row merged across both columns
    (gridSpan) and a cell merged down two rows (vMerge) must each be read once."""
    document = docx.Document()
    document.add_paragraph("Casey Brooks")
    table = document.add_table(rows=3, cols=2)
    banner = table.cell(0, 0).merge(table.cell(0, 1))
    banner.text = "Senior Delivery Manager"
    side = table.cell(1, 0).merge(table.cell(2, 0))
    side.text = "Contact"
    side.add_paragraph("casey.brooks@example.net")
    nested = side.add_table(rows=2, cols=2)
    nested.cell(0, 0).text = "Agile"
    nested.cell(0, 1).text = "Expert"
    nested.cell(1, 0).text = "PRINCE2"
    nested.cell(1, 1).text = "Practitioner"
    side.add_paragraph("After the nested table")
    table.cell(1, 1).text = "Experience"
    table.cell(1, 1).add_paragraph("Led the data-centre exit programme for 3 sites.", style="List Bullet")
    table.cell(2, 1).text = "Education"
    table.cell(2, 1).add_paragraph("MSc Project Management, 2012")
    document.add_paragraph("Closing body paragraph")
    return _save(document)


# ----------------------------------------------------------------------------------------- text boxes

_TEXTBOX = """<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0"
distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
<wp:extent cx="6000000" cy="300000"/>
<wp:wrapTopAndBottom/><wp:docPr id="{id}" name="Text Box {id}"/><a:graphic><a:graphicData
uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>
<a:solidFill><a:srgbClr val="2D73B4"/></a:solidFill></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:rPr><w:b/>
<w:color w:val="FFFFFF"/><w:sz w:val="24"/></w:rPr><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/>
</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape
style="width:470pt;height:24pt" fillcolor="#2d73b4"><v:textbox><w:txbxContent><w:p><w:r><w:rPr><w:b/>
<w:color w:val="FFFFFF"/></w:rPr><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>
</mc:Fallback></mc:AlternateContent></w:r>"""

_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)

_VML_TEXTBOX = """<w:r {ns}><w:pict><v:shape style="width:200pt;height:40pt"><v:textbox><w:txbxContent><w:p><w:r>
<w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"""


def _textbox_run(text: str, box_id: int, *, vml_only: bool = False) -> Any:
    template = _VML_TEXTBOX if vml_only else _TEXTBOX
    xml = template.format(ns=_NAMESPACES, id=box_id, text=text)
    return parse_xml(re.sub(r"\n", " ", xml))


def textboxes_docx() -> bytes:
    """Section headings in text boxes (DrawingML + VML fallback each, as Word writes them), white on a blue shape,
    anchored in empty paragraphs before their sections; plus an old VML-only text box with body text."""
    document = docx.Document()
    document.add_paragraph("Riley Chen")
    for box_id, (heading, body) in enumerate(
        [
            ("PROFESSIONAL SUMMARY", "Programme manager with 12 years in financial-services IT."),
            ("AREAS OF EXPERTISE", "Agile delivery | Vendor management | Budget control"),
            ("WORK EXPERIENCE", "Head of IT Delivery, Example Bank, 2018 – Present"),
        ],
        start=1,
    ):
        anchor = document.add_paragraph()
        anchor._p.append(_textbox_run(heading, box_id))
        document.add_paragraph(body)
    legacy = document.add_paragraph("Anchor text")
    legacy._p.append(_textbox_run("Sidebar: ITIL 4 Foundation", 9, vml_only=True))
    return _save(document)


# ----------------------------------------------------------------------------------------- headers and footers


def _add_hyperlink(paragraph: Any, url: str, text: str) -> None:
    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def header_contact_docx() -> bytes:
    """Contact details only in the page header (with a mailto link in the header part), a page-number footer,
    and a second section that reuses the same header (read once) plus a distinct first-page footer."""
    document = docx.Document()
    header = document.sections[0].header
    header.paragraphs[0].text = "Morgan Reyes"
    contact = header.add_paragraph("Bristol, UK | ")
    _add_hyperlink(contact, "mailto:morgan.reyes@example.com", "morgan.reyes@example.com")
    contact.add_run(" | +44 7700 900789")
    document.sections[0].footer.paragraphs[0].text = "Curriculum vitae – page 1"
    document.add_heading("Experience", level=1)
    document.add_paragraph("IT Project Manager, Severn Water, 2020 – Present", style="List Bullet")
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = True
    section.first_page_footer.paragraphs[0].text = "Second section first-page footer"
    document.add_heading("Education", level=1)
    document.add_paragraph("BA Business Information Systems, 2014")
    # make both sections reference the same header part explicitly, as Word does when a header is not linked
    sects = document.element.body.findall(f".//{qn('w:sectPr')}")
    refs = [ref for sect in sects for ref in sect.findall(qn("w:headerReference"))]
    for sect in sects:
        if sect.find(qn("w:headerReference")) is None:
            sect.insert(0, copy.deepcopy(refs[0]))
    return _save(document)


# ----------------------------------------------------------------------------------------- links, bullets, hidden text


def links_docx() -> bytes:
    """Hyperlinks three ways: a w:hyperlink relationship, a simple HYPERLINK field, a complex HYPERLINK field;
    plus an internal bookmark link that must not be listed."""
    document = docx.Document()
    p = document.add_paragraph("Web: ")
    _add_hyperlink(p, "https://www.linkedin.com/in/sample-person", "LinkedIn")
    simple = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" HYPERLINK &quot;https://github.com/sample-person&quot; ">'
        "<w:r><w:t>GitHub</w:t></w:r></w:fldSimple>"
    )
    p._p.append(simple)
    runs = [
        '<w:fldChar w:fldCharType="begin"/>',
        '<w:instrText xml:space="preserve"> HYPERLINK "mailto:sample@example.com" </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        '<w:t xml:space="preserve"> sample@example.com</w:t>',
        '<w:fldChar w:fldCharType="end"/>',
        '<w:fldChar w:fldCharType="begin"/>',
        '<w:instrText xml:space="preserve"> HYPERLINK \\l "top" </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        '<w:t xml:space="preserve"> (top)</w:t>',
        '<w:fldChar w:fldCharType="end"/>',
    ]
    for run in runs:
        p._p.append(parse_xml(f'<w:r {nsdecls("w")}>{run}</w:r>'))
    return _save(document)


def bullets_docx() -> bytes:
    """List items every way Word users make them."""
    document = docx.Document()
    document.add_paragraph("Styled bullet", style="List Bullet")
    document.add_paragraph("Numbered item", style="List Number")
    document.add_paragraph("List paragraph item", style="List Paragraph")
    direct = document.add_paragraph("Direct numbering")
    direct._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    )
    document.add_paragraph("•\tTyped bullet glyph")
    document.add_paragraph("- Typed dash item")
    symbol = document.add_paragraph()
    symbol._p.append(
        parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Symbol" w:char="F0B7"/><w:tab/><w:t>Symbol bullet</w:t></w:r>')
    )
    document.add_paragraph("Plain paragraph - not a list")
    turned_off = document.add_paragraph("Numbering switched off", style="List Bullet")
    turned_off._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>')
    )
    return _save(document)


def hidden_text_docx() -> bytes:
    """Visible text plus keyword stuffing hidden three ways: Word's Hidden setting, white text, 1-pt text;
    and white text on a shaded background, which is visible and must stay."""
    document = docx.Document()
    document.add_paragraph("Visible summary line")
    stuffed = document.add_paragraph()
    for rpr, text in (
        ("<w:vanish/>", "HIDDENVANISH Agile Scrum"),
        ('<w:color w:val="FFFFFF"/>', "HIDDENWHITE Kanban PRINCE2"),
        ('<w:sz w:val="2"/>', "HIDDENTINY ITIL Azure"),
    ):
        stuffed._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr>{rpr}</w:rPr><w:t>{text} </w:t></w:r>'))
    shaded = document.add_paragraph()
    shaded._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:color w:val="FFFFFF"/><w:shd w:val="clear" w:color="auto" '
            'w:fill="1F3864"/></w:rPr><w:t>White on navy heading</w:t></w:r>'
        )
    )
    return _save(document)


def ligatures_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Certi\ufb01ed Scrum\u00a0Master \ufb02ow, of\ufb01ce \uf0a7")
    return _save(document)


def empty_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("")
    document.add_paragraph("   ")
    return _save(document)


# ----------------------------------------------------------------------------------------- damaged and hostile packages


def truncated_docx() -> bytes:
    """The twin résumé cut off half-way, as an interrupted download leaves it."""
    data = twin_docx()
    return data[: len(data) // 2]


def zip_bomb_docx(expanded: int = 8 * 1024 * 1024) -> bytes:
    """A package whose document part expands from a few kilobytes to ``expanded`` bytes (a zip bomb)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w") as member:
            chunk = b"\x20" * (1024 * 1024)
            for _ in range(expanded // len(chunk)):
                member.write(chunk)
    return out.getvalue()


def many_members_zip(count: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for n in range(count):
            archive.writestr(f"word/media/p{n}.xml", "")
    return out.getvalue()


def not_word_zip() -> bytes:
    """A zip that is not a Word package at all (e.g. a renamed archive of photos)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photo.txt", "not a document")
    return out.getvalue()


def spreadsheet_package() -> bytes:
    """An Open XML package of another kind (a minimal .xlsx-like package): has content types, no Word document."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


#: Transitional -> Strict namespace URIs (what Word's "Strict Open XML Document" format writes)
_TO_STRICT = [
    (b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", b"http://purl.oclc.org/ooxml/wordprocessingml/main"),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
     b"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     b"http://purl.oclc.org/ooxml/officeDocument/relationships"),
    (b"http://schemas.openxmlformats.org/drawingml/2006/main", b"http://purl.oclc.org/ooxml/drawingml/main"),
    (b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
     b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/math", b"http://purl.oclc.org/ooxml/officeDocument/math"),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
     b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties"),
]


def strict_docx() -> bytes:
    """The header-contact résumé re-written with ISO Strict namespaces, which python-docx cannot open."""
    source = zipfile.ZipFile(io.BytesIO(header_contact_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename.endswith((".xml", ".rels")):
                for transitional, strict in _TO_STRICT:
                    body = body.replace(transitional, strict)
            target.writestr(info.filename, body)
    return out.getvalue()


__all__ = [
    "TWIN",
    "W_NS",
    "bullets_docx",
    "empty_docx",
    "header_contact_docx",
    "hidden_text_docx",
    "layout_tables_docx",
    "ligatures_docx",
    "links_docx",
    "many_members_zip",
    "not_word_zip",
    "spreadsheet_package",
    "strict_docx",
    "textboxes_docx",
    "truncated_docx",
    "twin_docx",
    "twin_pdf",
    "zip_bomb_docx",
]
