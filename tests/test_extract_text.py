"""Plain text, Markdown, LaTeX and Typst extraction: decoding, source line numbers, headings, bullets, links."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_check.errors import InputError
from resume_check.extract.text import decode_text, extract_text
from resume_check.models import Document


def rows(document: Document) -> list[tuple[int | None, str, bool, str | None]]:
    return [(line.source_line, line.text, line.bullet, line.style) for line in document.lines]


def ids(document: Document) -> list[str]:
    return [w.id for w in document.warnings]


# ----------------------------------------------------------------------------------------- decoding


def test_utf8_with_and_without_bom_no_warning() -> None:
    for data in ("Zoë Quinn\nCafé £5m".encode(), "\ufeffZoë Quinn\nCafé £5m".encode()):
        document = extract_text(data, "cv.txt", "txt")
        assert [line.text for line in document.lines] == ["Zoë Quinn", "Café £5m"]
        assert document.warnings == ()


def test_cp1252_read_with_warning() -> None:
    document = extract_text("Café “quoted” – £2m\n".encode("cp1252"), "cv.txt", "txt")
    assert [line.text for line in document.lines] == ["Café “quoted” – £2m"]
    assert ids(document) == ["text.encoding"]
    assert "Windows-1252" in document.warnings[0].message and "UTF-8" in document.warnings[0].message


def test_latin1_fallback_when_not_cp1252() -> None:
    text, encoding = decode_text(b"caf\xe9 \x81")  # 0x81 is undefined in cp1252
    assert encoding == "Latin-1"
    assert text.startswith("café")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(codec: str) -> None:
    data = "Alex Morgan\nPRINCE2".encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    document = extract_text(data, "cv.txt", "txt")
    assert [line.text for line in document.lines] == ["Alex Morgan", "PRINCE2"]
    assert ids(document) == ["text.encoding"]


def test_control_characters_removed_tabs_collapsed() -> None:
    document = extract_text(b"Alex\x07 Morgan\x1b\nProject\tManager\t\t2019\x0c\n", "cv.txt", "txt")
    assert [line.text for line in document.lines] == ["Alex Morgan", "Project Manager 2019"]


def test_ligatures_and_icon_glyphs_counted() -> None:
    document = extract_text("Certi\ufb01ed \uf0e0 alex@example.com".encode(), "cv.txt", "txt")
    assert document.lines[0].text == "Certified alex@example.com"
    assert {w.id: w.count for w in document.warnings} == {"text.ligatures": 1, "text.glyphs": 1}


# ----------------------------------------------------------------------------------------- plain text


def test_txt_source_lines_with_crlf_cr_and_blank_lines() -> None:
    data = b"Alex Morgan\r\n\r\nEXPERIENCE\r\n\r\n\r\n- Led a team\rPlain line\n"
    document = extract_text(data, "cv.txt", "txt")
    assert rows(document) == [
        (1, "Alex Morgan", False, None),
        (3, "EXPERIENCE", False, None),
        (6, "Led a team", True, None),
        (7, "Plain line", False, None),
    ]
    assert document.line_number(2) == 6
    assert document.source.type == "txt" and document.source.size == len(data)


def test_txt_bullets() -> None:
    data = "• Delivered £2m\n- Led 5\n* Cut 40%\n1. First\n2) Second\no Managed vendors\n-5% churn\n2019 - 2021\n"
    document = extract_text(data.encode(), "cv.txt", "txt")
    assert [(line.text, line.bullet) for line in document.lines] == [
        ("Delivered £2m", True),
        ("Led 5", True),
        ("Cut 40%", True),
        ("First", True),
        ("Second", True),
        ("Managed vendors", True),
        ("-5% churn", False),
        ("2019 - 2021", False),
    ]


def test_txt_decoration_lines_dropped_but_counted() -> None:
    document = extract_text(b"SKILLS\n======\nAgile\n", "cv.txt", "txt")
    assert rows(document) == [(1, "SKILLS", False, None), (3, "Agile", False, None)]


# ----------------------------------------------------------------------------------------- Markdown

MARKDOWN = """\
---
title: CV
---
# Alex Morgan

**IT Project Manager**

<!-- private note
spanning lines -->
[alex@example.com](mailto:alex@example.com) | <https://www.linkedin.com/in/alex-example> | <alex@example.org>

## Experience

### Senior PM – *Northbridge*

- **Delivered** a £2.4m ERP migration for 1,200 users
* Led `Jira` adoption across the PMO
+ Worked on the snake_case_name cleanup
1. Managed the [RAID log][raid]
- [x] Passed PRINCE2 Practitioner

Key Skills
----------
| Skill | Level |
|-------|-------|
| Agile | Expert |

![logo](logo.png) Certified \\*ScrumMaster\\* &amp; coach

```
code   block
```

[raid]: https://example.com/raid
"""


def test_markdown_structure_and_source_lines() -> None:
    document = extract_text(MARKDOWN.encode(), "cv.md", "md")
    assert rows(document) == [
        (4, "Alex Morgan", False, "h1"),
        (6, "IT Project Manager", False, None),
        (10, "alex@example.com | https://www.linkedin.com/in/alex-example | alex@example.org", False, None),
        (12, "Experience", False, "h2"),
        (14, "Senior PM – Northbridge", False, "h3"),
        (16, "Delivered a £2.4m ERP migration for 1,200 users", True, None),
        (17, "Led Jira adoption across the PMO", True, None),
        (18, "Worked on the snake_case_name cleanup", True, None),
        (19, "Managed the RAID log", True, None),
        (20, "Passed PRINCE2 Practitioner", True, None),
        (22, "Key Skills", False, "h2"),
        (24, "Skill | Level", False, None),
        (26, "Agile | Expert", False, None),
        (28, "Certified *ScrumMaster* & coach", False, None),
        (31, "code block", False, None),
    ]
    assert document.lines[1].bold is True
    assert document.source.type == "md"


def test_markdown_links_collected() -> None:
    document = extract_text(MARKDOWN.encode(), "cv.md", "md")
    assert document.links == (
        "mailto:alex@example.com",
        "https://www.linkedin.com/in/alex-example",
        "mailto:alex@example.org",
        "https://example.com/raid",
    )


def test_markdown_setext_h1_and_thematic_break() -> None:
    document = extract_text(b"Alex Morgan\n===========\n\n---\n\nProfile text\n", "cv.md", "md")
    assert rows(document) == [(1, "Alex Morgan", False, "h1"), (6, "Profile text", False, None)]


def test_markdown_unclosed_comment_hides_the_rest() -> None:
    document = extract_text(b"Visible\n<!-- never closed\nHidden\n", "cv.md", "md")
    assert rows(document) == [(1, "Visible", False, None)]


# ----------------------------------------------------------------------------------------- LaTeX

LATEX = r"""\documentclass{article}
\usepackage[hidelinks]{hyperref}
\newcommand{\resumeItem}[1]{\item\small{#1}}
\begin{document}
\textbf{\Large Alex Morgan} \\ \href{mailto:alex@example.com}{alex@example.com} ~|~ Manchester % the city
%\section{Commented out}
\section*{Experience}
\subsection{Senior IT Project Manager}
\begin{itemize}
  \item Delivered a \pounds2.4m ERP migration -- 6\% under budget \& early
  \resumeItem{Led 18 people across \emph{three} Scrum teams}
  \item[--] Cut lead time by 40\,\%
\end{itemize}
\cventry{2017--2021}{IT Project Manager}{Caldwell Housing}{Leeds}{}{}
\cvsection{Skills}
Agile, Scrum, PRINCE2, ITIL~4, Jira \url{https://example.com/skills}
Ren\'{e} M\"uller, Fran\c{c}ois, Dvo\v rak
\begin{rSection}{Education}
\textit{unbalanced {brace
\end{document}
Ignored after the end
"""


def test_latex_structure() -> None:
    document = extract_text(LATEX.encode(), "cv.tex", "tex")
    assert rows(document) == [
        (5, "Alex Morgan alex@example.com | Manchester", False, None),
        (7, "Experience", False, "h1"),
        (8, "Senior IT Project Manager", False, "h2"),
        (10, "Delivered a £2.4m ERP migration – 6% under budget & early", True, None),
        (11, "Led 18 people across three Scrum teams", True, None),
        (12, "Cut lead time by 40 %", True, None),
        (14, "2017–2021 IT Project Manager Caldwell Housing Leeds", False, None),
        (15, "Skills", False, "h1"),
        (16, "Agile, Scrum, PRINCE2, ITIL 4, Jira https://example.com/skills", False, None),
        (17, "René Müller, François, Dvořak", False, None),
        (18, "Education", False, "h1"),
        (19, "unbalanced brace", False, None),
    ]
    assert document.links == ("mailto:alex@example.com", "https://example.com/skills")


def test_latex_without_document_environment() -> None:
    document = extract_text(b"\\section{Profile}\nPM with 10 years' experience, \\'etude\\' \n", "part.tex", "tex")
    assert [(line.text, line.style) for line in document.lines] == [
        ("Profile", "h1"),
        ("PM with 10 years' experience, \u00e9tude'", None),
    ]


# ----------------------------------------------------------------------------------------- Typst

TYPST = """\
#set page(margin: 1.5cm)
#import "@preview/basic-resume:0.1.0": *
= Alex Morgan
#link("mailto:alex@example.com")[alex\\@example.com] | #link("https://example.org/alex") // personal site
== Experience
- *Delivered* a _£2.4m_ ERP migration #h(1fr) 2021
/* a block
   comment */
+ Led `Jira` adoption
*Key Skills*
Agile, Scrum~and PRINCE2 <skills>
"""


def test_typst_structure() -> None:
    document = extract_text(TYPST.encode(), "cv.typ", "typ")
    assert rows(document) == [
        (3, "Alex Morgan", False, "h1"),
        (4, "alex@example.com | https://example.org/alex", False, None),
        (5, "Experience", False, "h2"),
        (6, "Delivered a £2.4m ERP migration 2021", True, None),
        (9, "Led Jira adoption", True, None),
        (10, "Key Skills", False, None),
        (11, "Agile, Scrum and PRINCE2", False, None),
    ]
    assert document.lines[5].bold is True
    assert document.links == ("mailto:alex@example.com", "https://example.org/alex")


# ----------------------------------------------------------------------------------------- refusals and robustness


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\n\n  \n", "txt"),
        (b"<!-- only a comment -->\n", "md"),
        (b"% only\n\\vspace{1em}\n", "tex"),
        (b"----\n", "txt"),
        (b"#set page(width: 10cm)\n// note\n", "typ"),
    ],
)
def test_no_text_refused(data: bytes, kind: str) -> None:
    with pytest.raises(InputError, match=rf"cv\.{kind}: the file contains no text"):
        extract_text(data, f"cv.{kind}", kind)


def test_unknown_kind_refused() -> None:
    with pytest.raises(InputError, match="unknown text kind 'rtf'"):
        extract_text(b"text", "cv.rtf", "rtf")


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300), kind=st.sampled_from(["txt", "md", "tex", "typ"]))
def test_any_text_gives_lines_or_a_clear_error(text: str, kind: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass") if text else b""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        data = text.encode("utf-8", errors="replace")
    try:
        document = extract_text(data, "x", kind)
    except InputError as err:
        assert "contains no text" in str(err)
        return
    total = len(data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    previous = 0
    for line in document.lines:
        assert line.text and line.text == line.text.strip()
        assert line.source_line is not None and previous <= line.source_line <= total
        previous = line.source_line


# ----------------------------------------------------------------------------------------- shared normalisation


def test_normalize_ligatures_counts_each() -> None:
    from resume_check.extract.normalize import normalize_ligatures

    assert normalize_ligatures("e\ufb00ective \ufb01nance \ufb02ow \ufb03ce \ufb04e \ufb06") == (
        "effective finance flow ffice ffle st",
        6,
    )
    assert normalize_ligatures("plain") == ("plain", 0)


def test_strip_unmapped_counts_glyphs_not_invisible_characters() -> None:
    from resume_check.extract.normalize import strip_unmapped

    text, count = strip_unmapped("Certi\x00ed (cid:12)AWS \uf0e0 mail\u200b\u00ad \ufffd\U000f0001 ok\x07")
    assert text == "Certied AWS  mail  ok"
    assert count == 5  # NUL, (cid:12), U+F0E0, U+FFFD, plane-15 private use; zero-width, soft hyphen, BEL silent
