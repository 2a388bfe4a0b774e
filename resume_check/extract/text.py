"""Plain text, Markdown, LaTeX and Typst -> Document: decode, strip markup to visible text, keep source line numbers.

Markup is reduced to what a reader sees: headings become ``style="h1"``/``"h2"``..., list items become bullets,
link syntax keeps its text (the targets go to ``Document.links``). Unknown markup stays as text rather than failing.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..errors import InputError
from ..models import Document, Finding, Line, Source
from .normalize import collapse_spaces, normalisation_findings, normalize_ligatures, remove_controls, strip_unmapped

KINDS = ("txt", "md", "tex", "typ")

# ----------------------------------------------------------------------------------------- decoding


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode bytes to text; returns (text, the encoding used when it was not UTF-8, else None)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return data.decode("utf-32", errors="replace"), "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "UTF-16"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


# ----------------------------------------------------------------------------------------- shared state


@dataclass(slots=True)
class _Out:
    lines: list[Line] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    ligatures: int = 0
    glyphs: int = 0

    def link(self, target: str) -> None:
        target = target.strip().strip("<>")
        if target and target not in self.links:
            self.links.append(target)

    def emit(self, text: str, number: int, *, bullet: bool = False, style: str | None = None,
             bold: bool | None = None) -> None:
        text, ligatures = normalize_ligatures(text)
        text, glyphs = strip_unmapped(text)
        text = collapse_spaces(text)
        self.ligatures += ligatures
        self.glyphs += glyphs
        if not any(ch.isalnum() for ch in text):
            return  # rules ("-----", "====="), lone separators: decoration, not text
        if not bullet:
            text, bullet = _strip_bullet(text)
        self.lines.append(Line(text=text, bullet=bullet, style=style, bold=bold, source_line=number))


_BULLET_RE = re.compile(r"^(?:[•●▪◦○■□►▸‣⁃∙·➢➤✓✔❖◆◇]\s*|[-*+–—]\s+|o\s+(?=[A-Z])|\d{1,2}[.)]\s+(?=\D))")


def _strip_bullet(text: str) -> tuple[str, bool]:
    match = _BULLET_RE.match(text)
    if match and match.end() < len(text):
        return text[match.end() :], True
    return text, False


# ----------------------------------------------------------------------------------------- plain text


def _read_txt(lines: list[str], out: _Out) -> None:
    for number, raw in enumerate(lines, 1):
        out.emit(raw, number)


# ----------------------------------------------------------------------------------------- Markdown

_MD_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_MD_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)\s*$")
_MD_LIST_RE = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")
_MD_FENCE_RE = re.compile(r"^\s*(```|~~~)")
_MD_REF_DEF_RE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(\S+)")
_MD_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)")
_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_MD_REF_LINK_RE = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_AUTOLINK_RE = re.compile(r"<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+|[^>\s@]+@[^>\s@]+\.[^>\s]+)>")
_HTML_LINK_RE = re.compile(r"<a\s[^>]*href=[\"']([^\"']+)[\"'][^>]*>", re.IGNORECASE)
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>")
_MD_CODE_RE = re.compile(r"`+([^`]*)`+")
_MD_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM_STAR_RE = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*")
_MD_EM_UNDER_RE = re.compile(r"(?<![\w])_(?=\S)(.+?)(?<=\S)_(?![\w])")
_MD_STRIKE_RE = re.compile(r"~~(.+?)~~")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_MD_WHOLE_BOLD_RE = re.compile(r"^\s*(\*\*|__)(.+)\1\s*$")


def _md_inline(text: str, out: _Out) -> str:
    """Markdown inline syntax -> visible text; link targets recorded."""
    escapes: list[str] = []

    def protect(match: re.Match[str]) -> str:
        escapes.append(match.group(1))
        return f"\x00{len(escapes) - 1}\x00"

    text = _MD_ESCAPE_RE.sub(protect, text)
    codes: list[str] = []

    def code(match: re.Match[str]) -> str:
        codes.append(match.group(1))
        return f"\x01{len(codes) - 1}\x01"

    text = _MD_CODE_RE.sub(code, text)
    text = _MD_IMAGE_RE.sub("", text)

    def link(match: re.Match[str]) -> str:
        if match.group(2):
            out.link(match.group(2))
        return match.group(1)

    text = _MD_LINK_RE.sub(link, text)
    text = _MD_REF_LINK_RE.sub(r"\1", text)

    def autolink(match: re.Match[str]) -> str:
        target = match.group(1)
        out.link(target if "://" in target or target.startswith("mailto:") else "mailto:" + target)
        return target.removeprefix("mailto:")

    text = _MD_AUTOLINK_RE.sub(autolink, text)
    for href in _HTML_LINK_RE.findall(text):
        out.link(href)
    text = _HTML_TAG_RE.sub(" ", text)
    for _ in range(2):  # nested emphasis (***x***)
        text = _MD_STRONG_RE.sub(r"\2", text)
        text = _MD_EM_STAR_RE.sub(r"\1", text)
        text = _MD_EM_UNDER_RE.sub(r"\1", text)
    text = _MD_STRIKE_RE.sub(r"\1", text)
    text = re.sub("\x01(\\d+)\x01", lambda m: codes[int(m.group(1))], text)
    text = re.sub("\x00(\\d+)\x00", lambda m: escapes[int(m.group(1))], text)
    return html.unescape(text)


def _read_md(lines: list[str], out: _Out) -> None:
    in_comment = False
    in_fence: str | None = None
    in_front_matter = bool(lines) and lines[0].strip() == "---"
    previous_blank = True
    for number, raw in enumerate(lines, 1):
        line = raw
        if in_front_matter:
            if number > 1 and line.strip() in ("---", "..."):
                in_front_matter = False
            continue
        if in_fence is not None:
            if line.strip().startswith(in_fence):
                in_fence = None
            else:
                out.emit(line, number)
            continue
        # HTML comments, possibly spanning lines: their lines still count for source_line
        visible = ""
        rest = line
        while rest:
            if in_comment:
                end = rest.find("-->")
                if end < 0:
                    rest = ""
                    break
                rest = rest[end + 3 :]
                in_comment = False
            else:
                start = rest.find("<!--")
                if start < 0:
                    visible += rest
                    break
                visible += rest[:start]
                rest = rest[start + 4 :]
                in_comment = True
        line = visible
        if not line.strip():
            previous_blank = True
            continue
        fence = _MD_FENCE_RE.match(line)
        if fence:
            in_fence = fence.group(1)
            previous_blank = False
            continue
        setext = _MD_SETEXT_RE.match(line)
        if setext and not previous_blank and out.lines and out.lines[-1].source_line == number - 1:
            last = out.lines[-1]
            if not last.bullet and last.style is None:
                out.lines[-1] = replace(last, style="h1" if setext.group(1)[0] == "=" else "h2")
            previous_blank = False
            continue
        previous_blank = False
        if setext or _MD_TABLE_SEP_RE.match(line):
            continue  # a thematic break or a table's separator row
        ref = _MD_REF_DEF_RE.match(line)
        if ref:
            out.link(ref.group(1))
            continue
        line = re.sub(r"^\s{0,3}(>\s?)+", "", line)  # block quotes
        heading = _MD_HEADING_RE.match(line)
        if heading:
            text = _md_inline(heading.group(2), out)
            out.emit(text, number, style=f"h{len(heading.group(1))}")
            continue
        bullet = False
        item = _MD_LIST_RE.match(line)
        if item:
            bullet = True
            line = line[item.end() :]
        if "|" in line and line.strip().startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            line = " | ".join(cell for cell in cells if cell)
        bold = True if _MD_WHOLE_BOLD_RE.match(line) else None
        line = re.sub(r"\s{2,}$|\\$", "", line)  # hard line breaks
        out.emit(_md_inline(line, out), number, bullet=bullet, bold=bold)


# ----------------------------------------------------------------------------------------- LaTeX

#: commands whose arguments are layout or definitions, never visible text
_TEX_DROP = {
    "documentclass", "usepackage", "newcommand", "renewcommand", "providecommand", "def", "let", "setlength",
    "addtolength", "vspace", "hspace", "vskip", "hskip", "label", "ref", "pageref", "cite", "includegraphics",
    "color", "definecolor", "colorlet", "pagestyle", "thispagestyle", "geometry", "fontsize", "setmainfont",
    "setsansfont", "newenvironment", "renewenvironment", "input", "include", "bibliographystyle", "bibliography",
    "titleformat", "titlespacing", "hypersetup", "urlstyle", "raggedright", "raggedleft", "centering", "newpage",
    "clearpage", "pagebreak", "linebreak", "nopagebreak", "fancyhf", "fancyhead", "fancyfoot", "setcounter",
    "addtocounter", "rule", "photo", "moderncvstyle", "moderncvcolor", "nocite", "columnratio", "end",
    "colorbox", "fontspec", "setlist", "pdfgentounicode", "AtBeginDocument", "makeatletter", "makeatother",
}
#: no-argument commands that print something
_TEX_SYMBOLS = {
    "textbar": "|", "textbullet": "•", "cdot": "·", "bullet": "•", "ldots": "...", "dots": "...", "LaTeX": "LaTeX",
    "TeX": "TeX", "textasciitilde": "~", "textendash": "–", "textemdash": "—", "pounds": "£", "euro": "€",
    "textdollar": "$", "quad": " ", "qquad": " ", "newline": " ", "par": " ", "hfill": " ", "sim": "~",
    "times": "×", "textpercent": "%", "checkmark": "✓", "textbackslash": "\\", "enspace": " ", "smallskip": " ",
    "medskip": " ", "bigskip": " ", "and": " ", "item": "",
}
_TEX_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "c": "\u0327",
                "=": "\u0304", ".": "\u0307", "v": "\u030c", "u": "\u0306", "H": "\u030b"}
_TEX_HEADING_RE = re.compile(r"(?i)(sub)*section\*?$|^chapter\*?$|^part\*?$|^cvsection$|^sectiontitle$")
_TEX_ITEM_COMMANDS = {"item", "resumeitem", "cvlistitem", "cvitem", "resumesubitem", "cvlistdoubleitem"}


class _TexParser:
    """A forgiving one-line LaTeX reader: commands dropped, their text arguments kept."""

    def __init__(self, text: str, out: _Out) -> None:
        self.s = text
        self.i = 0
        self.out = out

    def group(self, open_: str = "{", close: str = "}") -> str | None:
        """Consume a {...} (or [...]) group after optional spaces; return its raw content or None."""
        j = self.i
        while j < len(self.s) and self.s[j] in " \t":
            j += 1
        if j >= len(self.s) or self.s[j] != open_:
            return None
        depth = 0
        k = j
        while k < len(self.s):
            ch = self.s[k]
            if ch == "\\":
                k += 2
                continue
            if ch == open_:
                depth += 1
            elif ch == close:
                depth -= 1
                if depth == 0:
                    self.i = k + 1
                    return self.s[j + 1 : k]
            k += 1
        self.i = len(self.s)  # unbalanced: the rest of the line
        return self.s[j + 1 :]

    def groups(self) -> list[str]:
        args: list[str] = []
        while True:
            if self.group("[", "]") is not None:
                continue
            arg = self.group()
            if arg is None:
                return args
            args.append(arg)

    def sub(self, text: str) -> str:
        return _TexParser(text, self.out).parse()

    def parse(self) -> str:
        s = self.s
        result: list[str] = []
        while self.i < len(s):
            ch = s[self.i]
            if ch == "\\":
                result.append(self.command())
            elif ch in "{}":
                self.i += 1
            elif ch == "~":
                result.append(" ")
                self.i += 1
            elif ch == "$":
                self.i += 1
            elif ch == "&":  # table column separator
                result.append(" | ")
                self.i += 1
            elif s.startswith("---", self.i):
                result.append("—")
                self.i += 3
            elif s.startswith("--", self.i):
                result.append("–")
                self.i += 2
            elif s.startswith("``", self.i) or s.startswith("''", self.i):
                result.append('"')
                self.i += 2
            else:
                result.append(ch)
                self.i += 1
        return "".join(result)

    def command(self) -> str:
        s = self.s
        self.i += 1
        if self.i >= len(s):
            return ""
        ch = s[self.i]
        if not ch.isalpha():
            self.i += 1
            if ch == "\\":
                self.group("[", "]")
                return " "
            if ch in _TEX_ACCENTS and self.i < len(s):
                arg = self.group()
                if arg is None:
                    arg = s[self.i] if s[self.i].isalpha() else ""
                    self.i += 1 if arg else 0
                if not arg or not arg.isalpha():
                    return arg if arg else (ch if ch in "'`" else "")
                return unicodedata.normalize("NFC", arg + _TEX_ACCENTS[ch])
            return ch if ch in "&%$#_{}" else " " if ch in ",;: " else ""
        j = self.i
        while j < len(s) and s[j].isalpha():
            j += 1
        name = s[self.i : j]
        self.i = j
        if j < len(s) and s[j] == "*":
            self.i += 1
        if name in _TEX_DROP:
            self.groups()
            return ""
        if name in _TEX_ACCENTS:  # \c{c}, \v{s}, \u{a}, \H{o}
            arg = self.group()
            if arg is None:
                rest = s[self.i :].lstrip()
                arg = rest[:1] if rest[:1].isalpha() else ""
                self.i = len(s) - len(rest) + len(arg)
            return unicodedata.normalize("NFC", arg + _TEX_ACCENTS[name]) if arg.isalpha() else arg
        if name in ("href", "hyperref"):
            args = self.groups()
            if name == "href" and args:
                self.out.link(args[0])
                return self.sub(args[1]) if len(args) > 1 else args[0]
            return " ".join(self.sub(a) for a in args[-1:])
        if name == "url":
            arg = self.group() or ""
            self.out.link(arg)
            return arg
        if name == "begin":
            env = self.group() or ""
            args = self.groups()
            if "section" in env.lower() and args:
                return self.sub(args[0])
            return ""
        if name in _TEX_SYMBOLS:
            if name == "item":
                self.group("[", "]")  # \item[label]: the label is a custom bullet glyph
            return _TEX_SYMBOLS[name]
        args = self.groups()
        return " ".join(part for part in (self.sub(a).strip() for a in args) if part)


def _tex_comment(line: str) -> str:
    """Drop a % comment (an escaped \\% stays)."""
    for match in re.finditer(r"%", line):
        backslashes = len(line[: match.start()]) - len(line[: match.start()].rstrip("\\"))
        if backslashes % 2 == 0:
            return line[: match.start()]
    return line


_TEX_COMMAND_RE = re.compile(r"^\s*\\([A-Za-z]+)\*?")


def _read_tex(lines: list[str], out: _Out) -> None:
    begin = next((n for n, line in enumerate(lines) if r"\begin{document}" in _tex_comment(line)), None)
    for number, raw in enumerate(lines, 1):
        if begin is not None and number <= begin:
            continue
        line = _tex_comment(raw)
        if r"\end{document}" in line:
            line = line.split(r"\end{document}")[0]
            if line.strip():
                _tex_line(line, number, out)
            break
        if line.strip():
            _tex_line(line, number, out)


def _tex_line(line: str, number: int, out: _Out) -> None:
    style: str | None = None
    bullet = False
    command = _TEX_COMMAND_RE.match(line)
    if command:
        name = command.group(1)
        if _TEX_HEADING_RE.search(name):
            depth = name.lower().count("sub")
            style = f"h{depth + 1}"
        elif name.lower() in _TEX_ITEM_COMMANDS:
            bullet = True
        elif name == "begin" and re.match(r"\s*\\begin\{[^}]*section[^}]*\}\s*\{", line, re.IGNORECASE):
            style = "h1"
    text = _TexParser(line, out).parse()
    out.emit(text, number, bullet=bullet, style=style)


# ----------------------------------------------------------------------------------------- Typst

_TYP_HEADING_RE = re.compile(r"^\s*(=+)\s+(.*)$")
_TYP_LIST_RE = re.compile(r"^\s*(?:[-+]|\d+\.)\s+")
_TYP_CODE_LINE_RE = re.compile(r"^\s*#(set|show|import|include|let|pagebreak|v|colbreak)\b")
_TYP_LINE_COMMENT_RE = re.compile(r"(?<!:)//.*$")


def _typ_inline(text: str, out: _Out) -> str:
    """Typst markup -> visible text."""
    result: list[str] = []
    i = 0
    s = text
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s):
            result.append(s[i + 1] if not s[i + 1].isspace() else " ")
            i += 2
        elif ch == "#" and i + 1 < len(s) and (s[i + 1].isalpha() or s[i + 1] == "_"):
            j = i + 1
            while j < len(s) and (s[j].isalnum() or s[j] in "_-."):
                j += 1
            name = s[i + 1 : j]
            args = ""
            if j < len(s) and s[j] == "(":
                end = _match_bracket(s, j, "(", ")")
                args = s[j + 1 : end]
                j = end + 1
            contents: list[str] = []
            while j < len(s) and s[j] == "[":
                end = _match_bracket(s, j, "[", "]")
                contents.append(s[j + 1 : end])
                j = end + 1
            if name == "link":
                url = re.match(r'\s*"([^"]*)"', args)
                if url:
                    out.link(url.group(1))
                shown = " ".join(_typ_inline(c, out) for c in contents)
                result.append(shown if contents else (url.group(1) if url else ""))
            elif name in ("h", "v", "image", "box", "line", "rect", "circle", "fa-icon", "icon"):
                result.append(" " + " ".join(_typ_inline(c, out) for c in contents))
            elif contents:
                result.append(" ".join(_typ_inline(c, out) for c in contents))
            else:
                strings = re.findall(r'"([^"]*)"', args)
                result.append(" ".join(strings))
            i = j
        elif ch in "*_`$":
            i += 1
        elif ch == "~":
            result.append(" ")
            i += 1
        elif ch == "<" and re.match(r"<[\w:-]+>", s[i:]):
            i = s.index(">", i) + 1  # a label
        else:
            result.append(ch)
            i += 1
    return "".join(result)


def _match_bracket(s: str, start: int, open_: str, close: str) -> int:
    depth = 0
    in_string = False
    for k in range(start, len(s)):
        ch = s[k]
        if ch == '"' and open_ == "(":
            in_string = not in_string
        if in_string:
            continue
        if ch == open_:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return k
    return len(s) - 1 if s.endswith(close) else len(s)


def _read_typ(lines: list[str], out: _Out) -> None:
    in_block_comment = False
    for number, raw in enumerate(lines, 1):
        line = raw
        if in_block_comment:
            if "*/" not in line:
                continue
            line = line.split("*/", 1)[1]
            in_block_comment = False
        while "/*" in line:
            before, after = line.split("/*", 1)
            if "*/" in after:
                line = before + after.split("*/", 1)[1]
            else:
                line = before
                in_block_comment = True
        line = _TYP_LINE_COMMENT_RE.sub("", line)
        if not line.strip() or _TYP_CODE_LINE_RE.match(line):
            continue
        heading = _TYP_HEADING_RE.match(line)
        if heading:
            out.emit(_typ_inline(heading.group(2), out), number, style=f"h{len(heading.group(1))}")
            continue
        item = _TYP_LIST_RE.match(line)
        if item:
            out.emit(_typ_inline(line[item.end() :], out), number, bullet=True)
            continue
        bold = True if re.match(r"^\s*\*[^*]+\*\s*$", line) else None
        out.emit(_typ_inline(line, out), number, bold=bold)


# ----------------------------------------------------------------------------------------- entry point

_READERS: dict[str, Callable[[list[str], _Out], None]] = {
    "txt": _read_txt,
    "md": _read_md,
    "tex": _read_tex,
    "typ": _read_typ,
}


def extract_text(data: bytes, path: str, kind: str) -> Document:
    """Extract a plain-text, Markdown (md), LaTeX (tex) or Typst (typ) résumé, one Line per non-blank source line.

    Raises InputError for an unknown kind or a file without any text.
    """
    if kind not in _READERS:
        raise InputError(f"{path}: unknown text kind {kind!r}; expected one of {', '.join(KINDS)}", path=path)
    text, encoding = decode_text(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = remove_controls(text)
    out = _Out()
    _READERS[kind](text.split("\n"), out)
    if not out.lines:
        raise InputError(
            f"{path}: the file contains no text (only blank lines, markup or comments); check you chose the right file",
            path=path,
            warning_id="text.empty",
        )
    warnings: list[Finding] = []
    if encoding:
        warnings.append(
            Finding(
                id="text.encoding",
                message=(
                    f"the file is not UTF-8; it was read as {encoding}: if letters look wrong, save it as UTF-8 "
                    "(most applicant-tracking systems expect UTF-8)"
                ),
            )
        )
    warnings.extend(normalisation_findings(out.ligatures, out.glyphs))
    return Document(
        source=Source(path=path, type=kind, pages=None, size=len(data)),
        lines=tuple(out.lines),
        links=tuple(out.links),
        warnings=tuple(warnings),
    )
