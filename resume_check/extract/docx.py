"""Word .docx -> Document: body paragraphs, tables, text boxes, headers/footers and links, in reading order.

python-docx opens the package (parts, relationships, styles); the text itself is read from the WordprocessingML
tree directly, because python-docx's paragraph API skips tables' nesting order, text boxes, content controls and
field codes, and its ``row.cells`` repeats merged cells.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..models import Document, Finding, Line, Part, Source
from .normalize import collapse_spaces, is_private_use, normalisation_findings, normalize_ligatures, strip_unmapped

# ----------------------------------------------------------------------------------------- package limits

MAX_MEMBERS = 2000  # a résumé package has a few dozen parts
MAX_TOTAL_UNCOMPRESSED = 100 * 1024 * 1024  # bytes, all members together
MAX_RATIO = 100  # compression ratio allowed for a member that expands beyond RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024

MIN_VISIBLE_SIZE = 2.0  # points: smaller text cannot be read on the page
RESAVE = "re-save it from Word (File > Save As > Word Document (.docx)) or export it as PDF"

# ----------------------------------------------------------------------------------------- XML names

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = f"{{{W_NS}}}"
R_ID = f"{{{R_NS}}}id"
W_B, W_SZ, W_VANISH, W_COLOR, W_RSTYLE, W_VAL = (W + name for name in ("b", "sz", "vanish", "color", "rStyle", "val"))
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
MC_ALTERNATE = f"{{{MC_NS}}}AlternateContent"

_STRICT_RE = re.compile(rb"http://purl\.oclc\.org/ooxml/([A-Za-z]+)/([A-Za-z]+)(/[A-Za-z]+)?")
_STRICT_RENAMES = {b"customProperties": b"custom-properties", b"extendedProperties": b"extended-properties"}
_MAIN_CONTENT_TYPES = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

_PART_NAMES = {"body": "body", "table": "tables", "textbox": "text boxes", "header": "header", "footer": "footer"}
_HYPERLINK_FIELD_RE = re.compile(r'HYPERLINK\s+(\\l\s+)?"([^"]+)"', re.IGNORECASE)
_EXTERNAL_LINK_RE = re.compile(r"^(https?://|mailto:|tel:|www\.|ftp://)", re.IGNORECASE)
_BULLET_GLYPHS = "•●▪◦○■□►▸‣⁃∙·➢➤✓✔❖◆◇"
_DASH_BULLETS = ("-", "–", "—", "*", "o")
#: Symbol/Wingdings characters written as w:sym (code points F0xx) that stand for bullets or ticks
_SYMBOLS = {"F0B7": "•", "F0A7": "▪", "F06E": "■", "F0D8": "➢", "F0FC": "✓", "F076": "❖", "F0A8": "◦"}


# ----------------------------------------------------------------------------------------- package checks


def _check_zip(data: bytes, path: str) -> tuple[zipfile.ZipFile, dict[str, bytes]]:
    """Open the zip and refuse damaged packages and zip bombs before python-docx reads anything; returns the zip
    and its parts as inflated (see ``_inflate_bounded``)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, NotImplementedError):
        # NotImplementedError: a central header asks for a zip version Python's zipfile does not read
        raise InputError(
            f"{path}: the file is damaged (not a complete zip package, perhaps truncated by a download); {RESAVE}",
            path=path,
        ) from None
    if len(infos) > MAX_MEMBERS:
        raise InputError(
            f"{path}: the package has {len(infos):,} parts (limit {MAX_MEMBERS:,}), which no résumé needs; "
            f"this looks like a malicious or broken file; {RESAVE}",
            path=path,
        )
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise InputError(
                f"{path}: part {info.filename!r} expands {ratio:,.0f} times (to {info.file_size:,} bytes): "
                f"refused as a possible zip bomb; {RESAVE}",
                path=path,
            )
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise InputError(
            f"{path}: the package expands to {total:,} bytes (limit {MAX_TOTAL_UNCOMPRESSED:,}): refused as a possible "
            f"zip bomb; remove large images or embedded fonts and {RESAVE}",
            path=path,
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(
                f"{path}: the package is encrypted (password-protected parts); remove the password in Word "
                f"(File > Info > Protect Document) and {RESAVE}",
                path=path,
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise InputError(
                f"{path}: a part uses zip compression method {info.compress_type} (Word uses 8, deflate; 99 is "
                f"AES encryption), which this tool does not read; {RESAVE}",
                path=path,
            )
    parts = _inflate_bounded(archive, infos, path)
    if "[Content_Types].xml" not in parts:
        raise InputError(
            f"{path}: a zip archive, not a Word document (no [Content_Types].xml); save the résumé as .docx or PDF",
            path=path,
        )
    return archive, parts


#: bytes inflated per read while checking a package's parts (each read inflates at most this much)
INFLATE_CHUNK = 256 * 1024


def _inflate_bounded(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], path: str) -> dict[str, bytes]:
    """Inflate every part python-docx will inflate, a chunk at a time, and refuse the package as soon as the bytes
    really produced pass MAX_TOTAL_UNCOMPRESSED: the sizes in the zip headers can lie (zipfile inflates a
    member's whole compressed data in one call, whatever size it declares), so they are not trusted. Parts that
    ``_repackage`` empties without reading (large fonts and images) are skipped (b""). A part whose real size
    differs from its declared one fails its CRC check: damaged.

    Returns each part's bytes by name (the last of a repeated name, as zipfile reads it), so that python-docx is
    given them as they are and nothing is inflated twice."""
    binary = [info.filename.lower().endswith(_BINARY_SUFFIXES) for info in infos]
    emptied = sum(info.file_size for info, is_binary in zip(infos, binary, strict=True) if is_binary) >= BINARY_FLOOR
    total = 0
    parts: dict[str, bytes] = {}
    for info, is_binary in zip(infos, binary, strict=True):
        if emptied and is_binary:
            parts[info.filename] = b""
            continue
        chunks = []
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(INFLATE_CHUNK):
                    chunks.append(chunk)
                    total += len(chunk)
                    if total > MAX_TOTAL_UNCOMPRESSED:
                        raise InputError(
                            f"{path}: the package inflates to over {MAX_TOTAL_UNCOMPRESSED:,} bytes (its headers "
                            f"declare less): refused as a zip bomb; {RESAVE}",
                            path=path,
                        )
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError):
            raise InputError(f"{path}: the file is damaged (a part cannot be unpacked); {RESAVE}", path=path) from None
        parts[info.filename] = b"".join(chunks)
        del chunks
    return parts


def _strict_repl(match: re.Match[bytes]) -> bytes:
    area, name, rest = match.group(1), match.group(2), match.group(3) or b""
    if rest and area == b"officeDocument" and name == b"relationships":
        rest = b"/" + _STRICT_RENAMES.get(rest[1:], rest[1:])
    else:
        name = _STRICT_RENAMES.get(name, name)
    return b"http://schemas.openxmlformats.org/" + area + b"/2006/" + name + rest


def translate_strict(xml: bytes) -> bytes:
    """Rewrite ISO Strict Open XML namespace and relationship URIs to their Transitional equivalents."""
    return _STRICT_RE.sub(_strict_repl, xml)


#: embedded fonts and images above this many bytes are left out before python-docx opens the package
BINARY_FLOOR = 256 * 1024


def _repackage(archive: zipfile.ZipFile, parts: dict[str, bytes] | None = None) -> tuple[bytes | None, bool]:
    """Return (new package bytes or None when unchanged, was Strict OOXML); ``parts`` are the archive's parts as
    ``_inflate_bounded`` read them (when given, nothing is inflated again).

    The package is rewritten in memory, in one pass, when python-docx could not open it or would waste time:
    - Strict Open XML uses purl.oclc.org namespaces that python-docx does not know: every XML part is translated;
    - macro-enabled documents and templates carry a main content type python-docx refuses: it is retyped;
    - python-docx inflates every part when it opens a package, and text extraction never looks at fonts or
      images: Google Docs embeds its fonts in a résumé, which took more than half the extraction time. When the
      parts with a font or image file extension hold BINARY_FLOOR bytes or more, they are emptied.
    Every other part is copied unchanged (stored, not recompressed: the package only lives until python-docx has
    read it).
    """
    names = set(archive.namelist())

    def read(info: zipfile.ZipInfo) -> bytes:
        return parts[info.filename] if parts is not None else archive.read(info)

    # the package relationships tell Strict from Transitional: only then is every XML part read and rewritten
    root_rels = read(archive.getinfo("_rels/.rels")) if "_rels/.rels" in names else b""
    strict = b"http://purl.oclc.org/ooxml/" in root_rels
    content_types = read(archive.getinfo("[Content_Types].xml"))
    retype = any(content_type in content_types for content_type in _MAIN_CONTENT_TYPES)
    infos = archive.infolist()
    binary = [info.filename.lower().endswith(_BINARY_SUFFIXES) for info in infos]
    empty = sum(info.file_size for info, is_binary in zip(infos, binary, strict=True) if is_binary) >= BINARY_FLOOR
    if not strict and not retype and not empty:
        return None, False
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as new:
        for info, is_binary in zip(infos, binary, strict=True):
            if empty and is_binary:
                new.writestr(info.filename, b"")
                continue
            body = read(info)
            if (strict or retype) and info.filename.endswith((".xml", ".rels")):
                body = translate_strict(body)
                if info.filename == "[Content_Types].xml":
                    for content_type in _MAIN_CONTENT_TYPES:
                        body = body.replace(content_type, _DOCX_MAIN)
            new.writestr(info.filename, body)
    return out.getvalue(), strict


def _stored(parts: dict[str, bytes]) -> io.BytesIO:
    """The parts as a zip that stores them, so python-docx reads them without inflating them a second time. Each
    part leaves ``parts`` as it is written: the package is held once, not twice."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as new:
        for name in list(parts):
            new.writestr(name, parts.pop(name))
    out.seek(0)
    return out


_BINARY_SUFFIXES = (
    ".ttf", ".otf", ".odttf", ".fntdata", ".png", ".jpg", ".jpeg", ".jfif", ".gif", ".bmp", ".tif", ".tiff",
    ".emf", ".wmf", ".wdp", ".svg",
)  # fmt: skip


def _open_package(data: bytes, path: str) -> tuple[Any, bool]:
    """Open a .docx with python-docx after the safety checks; returns (document, was Strict OOXML)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    archive, parts = _check_zip(data, path)
    try:
        with archive:
            rewritten, strict = _repackage(archive, parts)
        package = io.BytesIO(rewritten) if rewritten is not None else _stored(parts)
        return docx.Document(package), strict
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, PackageNotFoundError):
        raise InputError(f"{path}: the file is damaged (a part cannot be unpacked); {RESAVE}", path=path) from None
    except XMLSyntaxError as err:
        raise InputError(f"{path}: the file is damaged (broken XML: {err}); {RESAVE}", path=path) from None
    except (TypeError, AttributeError, IndexError):
        # python-docx follows the package's relationships as given: one without a Target (None where a part name
        # should be) or a part of the wrong kind fails deep inside it
        raise InputError(
            f"{path}: the file is damaged (a relationship or part is malformed, e.g. a relationship without a "
            f"target); {RESAVE}",
            path=path,
        ) from None
    except (KeyError, ValueError) as err:
        found = re.search(r"content type is '([^']+)'", str(err))
        what = f"its main part is {found.group(1)!r}" if found else "it has no Word main document part"
        raise InputError(
            f"{path}: not a Word document package ({what}); save the résumé from Word as Word Document (.docx), "
            "not Strict Open XML or another format, or export it as PDF",
            path=path,
        ) from None


# ----------------------------------------------------------------------------------------- styles


def _on(el: Any) -> bool:
    """The value of an on/off property element (w:b, w:vanish): present means on unless val says otherwise."""
    val = el.get(W + "val")
    return val is None or val.lower() not in ("0", "false", "off", "none")


def _white(rpr: Any) -> bool | None:
    """True when a run-properties element sets white text, False for another colour, None when unset."""
    color = rpr.find(W + "color")
    if color is None:
        return None
    theme = (color.get(W + "themeColor") or "").lower()
    if theme:
        return theme in ("background1", "light1")
    return (color.get(W + "val") or "").upper() == "FFFFFF"


def _shaded(el: Any) -> bool:
    """True when an ancestor gives the text a background: a shaded run, paragraph or cell, or a text box
    (whose shape fill is not read), so white text there is visible."""
    if el.find(f"{W}rPr/{W}highlight") is not None:
        return True
    for ancestor in (el, *el.iterancestors()):
        tag = ancestor.tag
        if tag == W + "txbxContent":
            return True
        props = None
        if tag == W + "r":
            props = ancestor.find(W + "rPr")
        elif tag == W + "p":
            props = ancestor.find(W + "pPr")
        elif tag == W + "tc":
            props = ancestor.find(W + "tcPr")
        if props is None:
            continue
        shd = props.find(W + "shd")
        if shd is not None and (shd.get(W + "fill") or "auto").upper() not in ("AUTO", "FFFFFF"):
            return True
    return False


def _half_points(val: str | None) -> float | None:
    """w:sz value (half-points, or a universal measure like "12pt" in Strict files) -> points."""
    if not val:
        return None
    try:
        if val.endswith("pt"):
            return float(val[:-2])
        return int(val) / 2
    except ValueError:
        return None


@dataclass(slots=True)
class _Style:
    name: str
    based_on: str | None
    bold: bool | None
    size: float | None
    vanish: bool | None
    white: bool | None
    numbered: bool | None  # True: numPr with a list; False: numPr with numId 0; None: not set


@dataclass(slots=True)
class _Styles:
    by_id: dict[str, _Style] = field(default_factory=dict)
    default_paragraph: str | None = None
    default_size: float | None = None
    default_bold: bool = False
    cache: dict[tuple[str | None, str], Any] = field(default_factory=dict)  # (style id, property) -> value

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            style_id = style.based_on

    def name(self, style_id: str | None) -> str | None:
        style = self.by_id.get(style_id or "")
        return style.name if style else style_id

    def prop(self, style_id: str | None, attr: str) -> Any:
        key = (style_id, attr)
        if key in self.cache:
            return self.cache[key]
        value = None
        for style in self.chain(style_id):
            value = getattr(style, attr)
            if value is not None:
                break
        self.cache[key] = value
        return value


def _ui_name(babel: Any, name: str | None) -> str:
    """Word's UI name for a style: "heading 1" -> "Heading 1", Google Docs' "normal" -> "Normal"."""
    name = name or ""
    if name == "normal":
        return "Normal"
    return str(babel.internal2ui(name))


def _read_styles(document: Any) -> _Styles:
    from docx.styles import BabelFish  # maps Word's internal names ("heading 1") to the UI names ("Heading 1")

    styles = _Styles()
    try:
        root = document.styles.element
    except (KeyError, ValueError, AttributeError):  # no styles part
        return styles
    rpr_default = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    if rpr_default is not None:
        sz = rpr_default.find(W + "sz")
        styles.default_size = _half_points(sz.get(W + "val")) if sz is not None else None
        b = rpr_default.find(W + "b")
        styles.default_bold = b is not None and _on(b)
    for el in root.iter(W + "style"):
        style_id = el.get(W + "styleId")
        if not style_id:
            continue
        name_el = el.find(W + "name")
        based_el = el.find(W + "basedOn")
        rpr = el.find(W + "rPr")
        bold = size = vanish = white = None
        if rpr is not None:
            b = rpr.find(W + "b")
            bold = _on(b) if b is not None else None
            sz = rpr.find(W + "sz")
            size = _half_points(sz.get(W + "val")) if sz is not None else None
            v = rpr.find(W + "vanish")
            vanish = _on(v) if v is not None else None
            white = _white(rpr)
        numbered = None
        num_id = el.find(f"{W}pPr/{W}numPr/{W}numId")
        if num_id is not None:
            numbered = num_id.get(W + "val") not in (None, "0")
        styles.by_id[style_id] = _Style(
            name=_ui_name(BabelFish, name_el.get(W + "val")) if name_el is not None else style_id,
            based_on=based_el.get(W + "val") if based_el is not None else None,
            bold=bold,
            size=size,
            vanish=vanish,
            white=white,
            numbered=numbered,
        )
        if el.get(W + "type") == "paragraph" and el.get(W + "default") in ("1", "true", "on"):
            styles.default_paragraph = style_id
    return styles


# ----------------------------------------------------------------------------------------- walking the XML


@dataclass(slots=True)
class _Run:
    text: str
    bold: bool
    size: float | None


@dataclass(slots=True)
class _Collector:
    """Mutable state of one extraction (local to a call; never shared)."""

    styles: _Styles
    lines: list[Line] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    ligatures: int = 0
    glyphs: int = 0
    hidden_chars: int = 0
    hidden_parts: list[str] = field(default_factory=list)  # where invisible text was found, in order

    def add_link(self, target: str | None) -> None:
        if not target:
            return
        target = target.strip()
        if _EXTERNAL_LINK_RE.match(target) and target not in self.links:
            self.links.append(target)


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _choice_children(alternate: Any) -> list[Any]:
    """The children to read from mc:AlternateContent: the first mc:Choice, else the mc:Fallback."""
    choice = alternate.find(MC_CHOICE)
    if choice is None:
        choice = alternate.find(MC_FALLBACK)
    return list(choice) if choice is not None else []


def _walk_blocks(container: Any, part: Part, rels: Any, out: _Collector) -> None:
    """Read block-level content (paragraphs, tables, content controls) of a body, cell, header or text box."""
    for child in container:
        tag = child.tag
        if tag == W + "p":
            _read_paragraph(child, part, rels, out)
        elif tag == W + "tbl":
            _read_table(child, part, rels, out)
        elif tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                _walk_blocks(content, part, rels, out)
        elif tag in (W + "customXml", W + "ins", W + "smartTag"):
            _walk_blocks(child, part, rels, out)
        elif tag == MC_ALTERNATE:
            _walk_blocks(_choice_children(child), part, rels, out)


def _cells(row: Any) -> Iterator[Any]:
    for child in row:
        if child.tag == W + "tc":
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _cells(content)
        elif child.tag == W + "customXml":
            yield from _cells(child)


def _read_table(table: Any, part: Part, rels: Any, out: _Collector) -> None:
    """Rows top to bottom, cells left to right; a horizontally merged cell is one w:tc (read once) and the
    continuation cells of a vertical merge are skipped. Nested tables are read inside their cell."""
    cell_part: Part = "table" if part == "body" else part
    for row in table.iter(W + "tr"):
        if row.getparent() is not table and _nearest_table(row) is not table:
            continue  # a row of a nested table: read when its cell is reached
        for cell in _cells(row):
            vmerge = cell.find(f"{W}tcPr/{W}vMerge")
            if vmerge is not None and vmerge.get(W + "val", "continue") == "continue":
                continue
            _walk_blocks(cell, cell_part, rels, out)


def _nearest_table(el: Any) -> Any:
    for ancestor in el.iterancestors(W + "tbl"):
        return ancestor
    return None


@dataclass(slots=True)
class _ParagraphScan:
    runs: list[_Run] = field(default_factory=list)
    textboxes: list[Any] = field(default_factory=list)
    instructions: list[str] = field(default_factory=list)
    hidden: int = 0


def _run_props(run: Any, para_style: str | None, styles: _Styles) -> tuple[bool, float | None, bool]:
    """(bold, size in points, hidden) of a w:r, resolving run -> character style -> paragraph style -> defaults."""
    rpr = run.find(W + "rPr")
    bold = size = vanish = white = None
    char_style = None
    if rpr is not None:
        for child in rpr:  # one pass over the run properties (this is the hot loop of the extractor)
            tag = child.tag
            if tag == W_B:
                bold = _on(child)
            elif tag == W_SZ:
                size = _half_points(child.get(W_VAL))
            elif tag == W_VANISH:
                vanish = _on(child)
            elif tag == W_COLOR:
                white = _white(rpr)
            elif tag == W_RSTYLE:
                char_style = child.get(W_VAL)
    for style_id in (char_style, para_style):
        if bold is None:
            bold = styles.prop(style_id, "bold")
        if size is None:
            size = styles.prop(style_id, "size")
        if vanish is None:
            vanish = styles.prop(style_id, "vanish")
        if white is None:
            white = styles.prop(style_id, "white")
    size = size if size is not None else styles.default_size
    # invisible text: Word's Hidden setting, under 2 pt, or white on no background (how keyword stuffing hides)
    invisible = bool(vanish) or (size is not None and size < MIN_VISIBLE_SIZE) or (bool(white) and not _shaded(run))
    return (bold if bold is not None else styles.default_bold, size, invisible)


def _scan(
    el: Any,
    props: tuple[bool, float | None, bool],
    para_style: str | None,
    rels: Any,
    out: _Collector,
    scan: _ParagraphScan,
) -> None:
    """Collect the visible text of a paragraph subtree in order; text boxes and field codes are set aside."""
    for child in el:
        _scan_one(child, props, para_style, rels, out, scan)


def _scan_one(
    child: Any,
    props: tuple[bool, float | None, bool],
    para_style: str | None,
    rels: Any,
    out: _Collector,
    scan: _ParagraphScan,
) -> None:
    name = _local(child)
    if not (isinstance(child.tag, str) and child.tag.startswith(W)):
        if child.tag == MC_ALTERNATE:
            for sub in _choice_children(child):
                _scan_one(sub, props, para_style, rels, out, scan)
        elif child.tag != MC_FALLBACK:
            _scan(child, props, para_style, rels, out, scan)
        return
    bold, size, hidden = props
    if name == "r":
        _scan(child, _run_props(child, para_style, out.styles), para_style, rels, out, scan)
    elif name == "t":
        text = child.text or ""
        if hidden:
            scan.hidden += len(text.strip())
        else:
            scan.runs.append(_Run(text, bold, size))
    elif name in ("tab", "ptab"):
        if not hidden:
            scan.runs.append(_Run("\t", bold, size))
    elif name in ("br", "cr"):
        if not hidden:
            scan.runs.append(_Run("\n", bold, size))
    elif name == "noBreakHyphen":
        scan.runs.append(_Run("-", bold, size))
    elif name == "sym":
        char = (child.get(W + "char") or "").upper()
        symbol = _SYMBOLS.get(char)
        if symbol is None and char.startswith("00"):  # a plain code point in a symbol font
            try:
                symbol = chr(int(char, 16))
            except ValueError:
                symbol = None
        if symbol and not hidden:
            scan.runs.append(_Run(symbol, bold, size))
    elif name == "instrText":
        scan.instructions.append(child.text or "")
    elif name == "fldSimple":
        scan.instructions.append(child.get(W + "instr") or "")
        _scan(child, props, para_style, rels, out, scan)
    elif name == "hyperlink":
        rid = child.get(R_ID)
        if rid and rels is not None and rid in rels:
            rel = rels[rid]
            if rel.is_external:
                out.add_link(rel.target_ref)
        _scan(child, props, para_style, rels, out, scan)
    elif name == "txbxContent":
        scan.textboxes.append(child)
    elif name in (
        "pPr",
        "rPr",
        "del",
        "delText",
        "moveFrom",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "fldChar",
        "lastRenderedPageBreak",
        "proofErr",
        "bookmarkStart",
        "bookmarkEnd",
    ):
        return
    else:
        _scan(child, props, para_style, rels, out, scan)


def _read_paragraph(p: Any, part: Part, rels: Any, out: _Collector) -> None:
    styles = out.styles
    ppr = p.find(W + "pPr")
    style_id = None
    numbered: bool | None = None
    if ppr is not None:
        ps = ppr.find(W + "pStyle")
        style_id = ps.get(W + "val") if ps is not None else None
        num_id = ppr.find(f"{W}numPr/{W}numId")
        if num_id is not None:
            numbered = num_id.get(W + "val") not in (None, "0")
        elif ppr.find(f"{W}numPr/{W}ilvl") is not None:
            numbered = None  # level only: the numbering comes from the style
    style_id = style_id or styles.default_paragraph
    style_name = styles.name(style_id)
    if numbered is None:  # not set on the paragraph: the style decides (its numbering, or a "List ..." name)
        numbered = bool(styles.prop(style_id, "numbered")) or bool(style_name and style_name.lower().startswith("list"))
    is_list = numbered

    scan = _ParagraphScan()
    _scan(p, (styles.default_bold, styles.default_size, False), style_id, rels, out, scan)
    out.hidden_chars += scan.hidden
    if scan.hidden and part not in out.hidden_parts:
        out.hidden_parts.append(part)
    for instruction in scan.instructions:
        for match in _HYPERLINK_FIELD_RE.finditer(instruction):
            if not match.group(1):
                out.add_link(match.group(2))

    # text boxes anchored in this paragraph come first: they are usually headings or sidebars placed beside it
    box_part: Part = "textbox" if part in ("body", "table") else part
    for box in scan.textboxes:
        _walk_blocks(box, box_part, rels, out)

    for chunk in _split_runs(scan.runs, keep_together=is_list):
        _emit_line(chunk, part, style_name, is_list, out)


def _split_runs(runs: list[_Run], *, keep_together: bool) -> Iterator[list[_Run]]:
    """Split a paragraph at line breaks into visual lines (a list item stays one unit)."""
    chunk: list[_Run] = []
    for run in runs:
        if run.text == "\n":
            if keep_together:
                chunk.append(_Run(" ", run.bold, run.size))
                continue
            yield chunk
            chunk = []
        else:
            chunk.append(run)
    yield chunk


def _strip_bullet(text: str) -> tuple[str, bool]:
    """Remove a leading bullet glyph; returns (text, had a glyph)."""
    if not text:
        return text, False
    first = text[0]
    if first in _BULLET_GLYPHS or is_private_use(first):
        rest = text[1:]
        if is_private_use(first) and rest and not rest[0].isspace():
            return text, False  # an icon glued to a word, not a bullet
        return rest.lstrip(), True
    if first in _DASH_BULLETS and len(text) > 2 and text[1] in " \t" and first != "o":
        return text[2:].lstrip(), True
    if first == "o" and len(text) > 2 and text[1] == "\t":  # Word's "o" bullet from a Courier New list
        return text[2:].lstrip(), True
    return text, False


def _emit_line(runs: list[_Run], part: Part, style: str | None, is_list: bool, out: _Collector) -> None:
    raw = "".join(run.text for run in runs)
    raw = raw.replace("\t", " ").strip()
    raw, had_glyph = _strip_bullet(raw)
    text, ligatures = normalize_ligatures(raw)
    text, glyphs = strip_unmapped(text)
    text = collapse_spaces(text)
    if not text:
        return
    out.ligatures += ligatures
    out.glyphs += glyphs
    bold_chars = total = 0
    sizes: dict[float, int] = {}
    for run in runs:
        n = len("".join(run.text.split()))  # the non-space characters (split() drops exactly what isspace() is)
        total += n
        if run.bold:
            bold_chars += n
        if run.size is not None and n:
            sizes[run.size] = sizes.get(run.size, 0) + n
    font_size = max(sizes.items(), key=lambda item: (item[1], item[0]))[0] if sizes else None
    out.lines.append(
        Line(
            text=text,
            font_size=font_size,
            bold=bold_chars * 2 > total if total else None,
            bullet=is_list or had_glyph,
            part=part,
            style=style,
        )
    )


def _header_footer_parts(document: Any) -> tuple[list[Any], list[Any]]:
    """Header and footer parts referenced by any section, in section order, each once."""
    headers: list[Any] = []
    footers: list[Any] = []
    seen: set[str] = set()
    rels = document.part.rels
    body = document.element.body
    for sect in body.iter(W + "sectPr"):
        for ref in sect:
            if ref.tag not in (W + "headerReference", W + "footerReference"):
                continue
            rid = ref.get(R_ID)
            if not rid or rid not in rels:
                continue
            rel = rels[rid]
            if rel.is_external:
                continue
            target = rel.target_part
            key = str(target.partname)
            if key in seen:
                continue
            seen.add(key)
            (headers if ref.tag == W + "headerReference" else footers).append(target)
    return headers, footers


# ----------------------------------------------------------------------------------------- entry point


def extract_docx(data: bytes, path: str) -> Document:
    """Extract a Word .docx: header lines, then the body (tables and text boxes in place), then footer lines.

    Raises InputError for damaged packages, zip bombs, non-Word zips and documents without any text.
    """
    document, strict = _open_package(data, path)
    out = _Collector(styles=_read_styles(document))
    headers, footers = _header_footer_parts(document)
    for header in headers:
        _walk_blocks(header.element, "header", header.rels, out)
    _walk_blocks(document.element.body, "body", document.part.rels, out)
    for footer in footers:
        _walk_blocks(footer.element, "footer", footer.rels, out)

    if not out.lines:
        raise InputError(
            f"{path}: the document contains no text (no paragraphs, tables or text boxes with words); "
            "if the résumé is an image pasted into Word, applicant-tracking systems read nothing from it either: "
            "type the text into the document",
            path=path,
            warning_id="text.empty",
        )

    warnings: list[Finding] = []
    if strict:
        warnings.append(
            Finding(
                id="docx.strict",
                message=(
                    "saved as Strict Open XML, which many applicant-tracking systems cannot open; it was read here, "
                    'but re-save it in Word with File > Save As > "Word Document (.docx)" (not "Strict Open XML")'
                ),
                severity="warning",
            )
        )
    warnings.extend(normalisation_findings(out.ligatures, out.glyphs))
    if out.hidden_chars:
        warnings.append(
            Finding(
                id="text.hidden",
                message=(
                    f"{out.hidden_chars} characters of invisible text (Word's Hidden setting, white text or text under "
                    f"{MIN_VISIBLE_SIZE:g} pt) in the {' and '.join(_PART_NAMES[p] for p in out.hidden_parts)} were "
                    "left out of the analysis; applicant-tracking systems still read it "
                    "and recruiters treat it as keyword stuffing: delete it"
                ),
                count=out.hidden_chars,
            )
        )
    return Document(
        source=Source(path=path, type="docx", pages=None, size=len(data)),
        lines=tuple(out.lines),
        links=tuple(out.links),
        warnings=tuple(warnings),
    )
