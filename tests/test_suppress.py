"""Inline suppression comments in Markdown, LaTeX and Typst sources."""

from __future__ import annotations

from resume_check.ci.suppress import Suppression, is_suppressed, parse_suppressions

MARKDOWN = """\
# Jane
<!-- resume-check: disable=impact.weak -->

- Responsible for reports
- Helped with testing
<!-- resume-check: disable -->
- Anything goes here
- And here
<!-- resume-check: enable -->
- Checked again  <!-- resume-check: disable-line=ats.cliche -->
<!-- resume-check: disable-next-line=impact.weak, ats -->
- Next only
- Not this one
"""


def test_markdown_directives() -> None:
    s = parse_suppressions(MARKDOWN)
    # next non-blank line after a disable without matching enable: line 4 (line 3 is blank)
    assert is_suppressed("impact.weak", 4, s)
    assert is_suppressed("impact.weak.opener", 4, s)  # prefixes cover sub-ids
    assert not is_suppressed("impact.weakness", 4, s)  # but not other ids sharing characters
    assert not is_suppressed("ats.cliche", 4, s)
    assert not is_suppressed("impact.weak", 5, s)
    # disable ... enable block covers everything between, for every rule
    assert is_suppressed("ats.cliche", 7, s) and is_suppressed("impact.weak", 8, s)
    assert is_suppressed("ats.cliche", 10, s) and not is_suppressed("impact.weak", 10, s)
    assert is_suppressed("impact.weak", 12, s) and is_suppressed("ats.contact.email", 12, s)
    assert not is_suppressed("impact.weak", 13, s)
    assert not is_suppressed("impact.weak", None, s)  # whole-file findings are never suppressed inline


def test_latex_and_typst_directives() -> None:
    latex = "\\section{Experience}\n% resume-check: disable=impact.weak\n\\item Responsible for budgets\n\\item x\n"
    s = parse_suppressions(latex)
    assert s == (Suppression(2, 3, ("impact.weak",)),)
    assert is_suppressed("impact.weak", 3, s) and not is_suppressed("impact.weak", 4, s)
    typst = "// resume-check: disable=ats\n- a\n- b\n// resume-check: enable=ats\n- c\n"
    t = parse_suppressions(typst)
    assert is_suppressed("ats.x", 2, t) and is_suppressed("ats.x", 3, t) and not is_suppressed("ats.x", 5, t)


def test_percent_in_text_is_not_a_directive() -> None:
    assert parse_suppressions("- Cut costs by 20% resume-check is great\n- x\n") == ()
    assert parse_suppressions("no directives here") == ()
