"""Report renderers: golden output, safety on hostile résumé text, 80 columns, JSON schema, arbitrary Unicode."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from importlib import resources
from typing import Any

import jsonschema
import pytest
from analysis_fixtures import FIXTURES, HOSTILE_BITS, hostile, plain, strong, weak
from conftest import CORPUS, needs_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resume_check.models import SCHEMA_VERSION
from resume_check.render import REPORT, format_names, renderer
from resume_check.render import json as json_render
from resume_check.render.common import (
    bar,
    clean_text,
    display_width,
    fmt_number,
    next_steps,
    report_findings,
    shorten,
    wrap,
)
from resume_check.render.markdown import md, md_code

FORMATS = format_names(REPORT)
SUFFIX = {"text": "txt", "json": "json", "markdown": "md", "html": "html"}
ESC = "\x1b"


def _schema(name: str) -> dict[str, Any]:
    text = resources.files("resume_check").joinpath("schemas", f"{name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


ANALYSIS_SCHEMA = _schema("analysis")
EXTRACT_SCHEMA = _schema("extract")


# ----------------------------------------------------------------------------------------- golden files


#: what each hand-built fixture must show whatever its golden file holds: the total (the weighted sum of the
#: component values set by hand in analysis_fixtures), keywords found/all, strong statements/all, and severities
FIXTURE_FACTS = {
    "strong": ("85.8", "23/28 keywords", "4/5 statements strong", "0 errors · 0 warnings · 1 info"),
    "weak": ("23", "9/28 keywords", "0/5 statements strong", "1 error · 6 warnings · 4 info"),
    "hostile": ("51.4", "12/30 keywords", "2/5 statements strong", "1 error · 2 warnings · 1 info"),
}


def assert_report_facts(fmt: str, out: str, total: str, keywords: str, strong_line: str, severities: str = "") -> None:
    """The facts a report must state in its own markup, checked apart from any golden file."""
    counts = f"{keywords} · {strong_line} · {severities}"
    if fmt == "json":
        data = json.loads(out)
        assert f"{data['score']['total']:g}" == total
        found, everything = keywords.split()[0].split("/")
        assert len(data["terms"]["found"]) == int(found)
        assert len(data["terms"]["found"]) + len(data["terms"]["missing"]) == int(everything)
        verdicts = [s["verdict"] for s in data["impact"]["statements"]]
        strong_count, statements = strong_line.split()[0].split("/")
        assert (verdicts.count("strong"), len(verdicts)) == (int(strong_count), int(statements))
    elif fmt == "text":
        assert f"Score {total}/100" in out and counts in out
    elif fmt == "markdown":
        assert f"**Score: {total}/100**" in out and counts in out
    else:
        assert f">{total}</text>" in out and counts in out


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fixture: str, fmt: str, golden: Any) -> None:
    out = renderer(fmt).render(FIXTURES[fixture]())
    golden(f"render/{fixture}.{SUFFIX[fmt]}", out)
    assert_report_facts(fmt, out, *FIXTURE_FACTS[fixture])


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_golden_text_colour(fixture: str, golden: Any) -> None:
    out = renderer("text").render(FIXTURES[fixture](), color=True)
    golden(f"render/{fixture}.color.txt", out)
    # the colours are the only difference: without its escape sequences it is the plain report, and it has some
    assert ESC in out
    assert re.sub("\x1b\\[[0-9;]*m", "", out) == renderer("text").render(FIXTURES[fixture]())


@pytest.mark.parametrize("fmt", FORMATS)
def test_deterministic(fmt: str) -> None:
    assert renderer(fmt).render(strong()) == renderer(fmt).render(strong())


# ----------------------------------------------------------------------------------------- terminal


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
@pytest.mark.parametrize("color", [False, True])
def test_text_fits_80_columns(fixture: str, color: bool) -> None:
    out = renderer("text").render(FIXTURES[fixture](), color=color)
    too_wide = [line for line in out.splitlines() if display_width(line) > 80]
    assert too_wide == []


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_no_colour_means_no_escape_bytes(fixture: str) -> None:
    out = renderer("text").render(FIXTURES[fixture](), color=False)
    assert ESC not in out


def test_colour_only_adds_sgr_sequences() -> None:
    plain_out = renderer("text").render(weak(), color=False)
    coloured = renderer("text").render(weak(), color=True)
    assert ESC in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain_out


def test_text_hostile_has_no_control_or_bidi_characters() -> None:
    out = renderer("text").render(hostile(), color=False)
    bad = {ch for ch in out if (ord(ch) < 32 and ch != "\n") or 0x7F <= ord(ch) < 0xA0 or ch in "\u202e\u2066"}
    assert bad == set()
    # the visible text survives, only the escape sequences go
    assert "“Delivered <script>alert(1)</script> a $1m cloud budget | table |" in out
    assert "not red `x` [a](b) <i>" in out


def test_text_weak_mentions_concrete_fixes() -> None:
    out = renderer("text").render(weak())
    assert "Next steps" in out.splitlines()
    assert "  1. Fix: No email address found. Add one near your name." in out.splitlines()
    assert "  ✗ line 8: “Helped with the migration of the company network to the cloud.”" in out.splitlines()
    assert "      → Say what you did yourself: “Migrated … to …, for N users”." in out.splitlines()


# ----------------------------------------------------------------------------------------- markdown


def test_md_escapes_meaningful_characters() -> None:
    assert md("[click](javascript:alert(1))") == r"\[click\]\(javascript:alert\(1\)\)"
    assert md("<img src=x onerror=alert(2)>") == r"\<img src=x onerror=alert\(2\)\>"
    assert md("| a | b |") == r"\| a \| b \|"
    assert md("**bold** _em_ `code`") == r"\*\*bold\*\* \_em\_ \`code\`"
    assert md("- not a list") == r"\- not a list"
    assert md("1. not a list") == r"1\. not a list"
    assert md("# not a heading") == r"\# not a heading"
    assert md("a\\b & c") == r"a\\b \& c"
    assert md("\x1b[31mred\x1b[0m\u202e") == "red"
    assert md("Kick-off in 2.5 days") == "Kick-off in 2.5 days"  # inner dots and hyphens mean nothing


def test_md_code_fences_around_backticks() -> None:
    assert md_code("a`b") == "``a`b``"
    assert md_code("`x`") == "`` `x` ``"
    assert md_code("ats.contact") == "`ats.contact`"


def _strip_code_spans(text: str) -> str:
    return re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", text)


def test_markdown_hostile_is_inert() -> None:
    out = renderer("markdown").render(hostile())
    prose = _strip_code_spans(out)
    # no raw HTML tag or link syntax from the résumé survives outside code spans
    assert re.search(r"(?<!\\)<[a-zA-Z/!]", prose) is None
    assert re.search(r"(?<!\\)\]\((?!\\)", prose) is None
    assert ESC not in out and "\u202e" not in out and "\x07" not in out
    # every table row keeps its column count: a `|` from the résumé never splits a cell
    for table in re.findall(r"((?:^\|.*\|\n)+)", out, flags=re.MULTILINE):
        rows = table.splitlines()
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) == 1, rows


# ----------------------------------------------------------------------------------------- html


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section", "h1", "h2", "h3", "p",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "div", "span", "mark", "strong", "code", "br",
    "details", "summary", "svg", "circle", "text",
}  # fmt: skip
ALLOWED_ATTRS = {
    "class", "title", "style", "role", "aria-label", "lang", "charset", "http-equiv", "content", "name", "id",
    "viewbox", "cx", "cy", "r", "fill", "stroke", "stroke-width", "stroke-dasharray", "transform",
    "stroke-linecap", "x", "y", "text-anchor", "open", "tabindex",
}  # fmt: skip


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_html_only_our_markup(fixture: str) -> None:
    out = renderer("html").render(FIXTURES[fixture]())
    parser = _Tags()
    parser.feed(out)
    tags = {tag for tag, _ in parser.tags}
    attrs = {name for _, pairs in parser.tags for name, _ in pairs}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    assert attrs <= ALLOWED_ATTRS, attrs - ALLOWED_ATTRS
    assert "<script" not in out.lower()
    assert "<link" not in out.lower() and "http://" not in out.replace("http://example.com", "")
    styles = [value for _, pairs in parser.tags for name, value in pairs if name == "style"]
    assert all(re.fullmatch(r"width:[0-9.]+%", value or "") for value in styles)


def test_html_has_restrictive_csp() -> None:
    out = renderer("html").render(strong())
    assert (
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'\">" in out
    )
    assert "@media print" in out


def test_html_hostile_text_is_escaped_and_shown() -> None:
    out = renderer("html").render(hostile())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=alert(2)&gt;" in out
    assert "<img" not in out and "<svg onload" not in out and "<b onmouseover" not in out
    assert ESC not in out and "\u202e" not in out and "\x00" not in out
    parser = _Tags()
    parser.feed(out)
    visible = "".join(parser.text)
    assert "Delivered <script>alert(1)</script> a $1m cloud budget | table | breakers |" in visible


def test_html_highlights_terms_and_statements() -> None:
    out = renderer("html").render(strong())
    parser = _Tags()
    parser.feed(out)
    marks = [dict(attrs) for tag, attrs in parser.tags if tag == "mark" and dict(attrs).get("title")]
    titles = [m["title"] or "" for m in marks]
    assert any(
        t.startswith("Agile\nCategory: Methodologies & frameworks\nEvidence here: in a quantified") for t in titles
    )
    statements = [
        dict(a) for tag, a in parser.tags if tag == "span" and (dict(a).get("class") or "").startswith("s s-")
    ]
    classes = sorted(s["class"] or "" for s in statements if "Metrics:" in (s.get("title") or ""))
    # 4 strong and 1 unquantified statement in the résumé (legend and lists use the classes without titles)
    assert classes.count("s s-strong") == 4 and classes.count("s s-unquantified") == 1
    assert any("Suggestion: Add the result" in (s.get("title") or "") for s in statements)


def test_html_overlapping_spans_nest_cleanly() -> None:
    out = renderer("html").render(hostile())
    # "project management" and "management" overlap: the shared part carries both terms in one mark
    assert re.search(r'<mark title="Project management&#10;[^"]*&#10;&#10;Management&#10;', out)
    # the résumé text reassembles exactly from the highlighted fragments
    parser = _Tags()
    parser.feed(out.split('<div class="resume">', 1)[1])
    visible = "".join(parser.text)
    for block in hostile().resume.blocks:
        if block.kind != "heading":
            assert clean_text(block.text).strip() in visible


# ----------------------------------------------------------------------------------------- json


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_json_validates_against_schema(fixture: str) -> None:
    data = json.loads(renderer("json").render(FIXTURES[fixture]()))
    jsonschema.validate(data, ANALYSIS_SCHEMA, cls=jsonschema.Draft202012Validator)
    assert data["schema_version"] == SCHEMA_VERSION


def test_schemas_are_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(ANALYSIS_SCHEMA)
    jsonschema.Draft202012Validator.check_schema(EXTRACT_SCHEMA)


def test_json_key_order_and_format() -> None:
    text = renderer("json").render(strong())
    assert text.endswith("}\n") and "\n  " in text
    data = json.loads(text)
    assert list(data) == [
        "schema_version", "tool", "source", "target", "score", "categories", "terms", "impact", "findings",
        "next_steps", "warnings", "sections", "roles", "language", "contact", "lexicons",
    ]  # fmt: skip
    assert list(data["score"]["components"][0]) == ["id", "label", "weight", "value", "rules"]
    assert list(data["terms"]["found"][0]["occurrences"][0])[:6] == [
        "text",
        "section",
        "line",
        "start",
        "end",
        "context",
    ]
    assert data["impact"]["summary"]["counts"] == {"strong": 4, "unquantified": 1, "weak": 0}
    assert data["impact"]["summary"]["dimensions"] == {"budget": 1, "schedule": 2, "scope": 2, "team": 1, "quality": 1}
    assert "£2.5m" in text  # ensure_ascii=False


def test_json_schema_rejects_bad_enums() -> None:
    data = json_render.to_dict(strong())
    data["impact"]["statements"][0]["verdict"] = "excellent"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, ANALYSIS_SCHEMA, cls=jsonschema.Draft202012Validator)
    data = json_render.to_dict(weak())
    data["findings"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, ANALYSIS_SCHEMA, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_json_round_trips_the_analysis(fixture: str) -> None:
    analysis = FIXTURES[fixture]()
    data = json.loads(renderer("json").render(analysis))
    assert data == json_render.to_dict(analysis)
    resume = analysis.resume
    for term in data["terms"]["found"]:
        for occ in term["occurrences"]:
            assert resume.text[occ["start"] : occ["end"]] == occ["text"]
    assert [s["text"] for s in data["impact"]["statements"]] == [s.text for s in analysis.impact.statements]
    assert data["contact"]["name"] == resume.contact.name


def test_json_keeps_hostile_text_verbatim() -> None:
    text = renderer("json").render(hostile())
    data = json.loads(text)
    assert data["contact"]["name"] == "<script>alert(1)</script>Mallory \x1b[31mRed\x1b[0m"
    assert "\x1b" not in text  # control characters are \\u-escaped in the JSON text


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_document_to_dict_validates(fixture: str, golden: Any) -> None:
    resume = FIXTURES[fixture]().resume
    data = json_render.document_to_dict(resume)
    jsonschema.validate(data, EXTRACT_SCHEMA, cls=jsonschema.Draft202012Validator)
    assert [s["name"] for s in data["sections"]] == [s.name for s in resume.sections]
    golden(f"render/{fixture}.extract.json", json_render.render_document(resume))


# ----------------------------------------------------------------------------------------- helpers


def test_wrap_respects_display_width() -> None:
    lines = wrap("全角テキスト" * 10 + " 🚀🚀🚀 " + "x" * 100, 20, "  ", "    ")
    assert all(display_width(line) <= 20 for line in lines)
    assert "".join(line.strip() for line in lines).replace(" ", "") == ("全角テキスト" * 10 + "🚀🚀🚀" + "x" * 100)


def test_shorten_and_bar() -> None:
    assert shorten("abcdef", 4) == "abc…"
    assert shorten("abc", 4) == "abc"
    assert bar(0.5, 10) == "█████░░░░░"
    assert bar(0.0, 4) == "░░░░" and bar(1.0, 4) == "████" and bar(7.0, 4) == "████"
    assert all(len(bar(x / 100, 20)) == 20 for x in range(101))
    assert fmt_number(72.0) == "72" and fmt_number(72.46) == "72.5" and fmt_number(-0.01) == "0"


def test_clean_text_strips_terminal_injection() -> None:
    assert clean_text("a\x1b[31mb\x1b[0mc\x1b]8;;http://x\x07d\x1b]8;;\x07e\x9b1mf") == "abcdef"
    assert clean_text("x\u202ey\u2066z\x00\x08\x07") == "xyz"
    assert clean_text("a\nb\tc\u2028d") == "a b c d"
    assert clean_text("👩‍💻") == "👩‍💻"  # the zero-width joiner stays


def test_next_steps_rank_errors_first_and_limit() -> None:
    steps = next_steps(weak())
    assert 3 <= len(steps) <= 5
    assert steps[0].startswith("Fix: No email address found")
    assert steps[1].startswith("Rewrite 4 duty-style bullets (lines 4, 7, 8, 10)")
    assert not any(s.startswith("Fix:") for s in next_steps(strong()))


# ----------------------------------------------------------------------------------------- properties

_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=80)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TEXT, min_size=0, max_size=5))
def test_renderers_survive_any_unicode(blocks: list[str]) -> None:
    analysis = plain(blocks)
    for fmt in FORMATS:
        out = renderer(fmt).render(analysis)
        assert isinstance(out, str) and out.endswith("\n")
        out.encode("utf-8")  # writable: no lone surrogates
    text = renderer("text").render(analysis)
    assert ESC not in text
    assert all(display_width(line) <= 80 for line in text.splitlines())
    html_out = renderer("html").render(analysis)
    assert "<script" not in html_out
    data = json.loads(renderer("json").render(analysis))
    jsonschema.validate(data, ANALYSIS_SCHEMA, cls=jsonschema.Draft202012Validator)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=60).filter(lambda s: not any("\ud800" <= c <= "\udfff" for c in s)), max_size=5))
def test_json_round_trips_any_text(blocks: list[str]) -> None:
    analysis = plain(blocks)
    data = json.loads(renderer("json").render(analysis))
    assert [b["text"] for s in data["sections"] for b in s["blocks"]] == [
        b.text for b in analysis.resume.blocks if b.kind != "heading"
    ]
    assert [s["text"] for s in data["impact"]["statements"]] == [s.text for s in analysis.impact.statements]


def test_hostile_fixture_really_is_hostile() -> None:
    text = hostile().resume.text
    assert all(bit in text for bit in HOSTILE_BITS)


# ----------------------------------------------------------------------------------------- bundled samples

SAMPLES = ("alex-morgan.pdf", "alex-morgan.docx", "alex-morgan.txt", "alex-morgan.md", "sam-taylor.txt")


@pytest.fixture(scope="module")
def engine() -> Any:
    from resume_check.analysis import build_engine

    return build_engine()


#: hand labels, made from the samples' text with the rules `resume-check explain` states (an action verb and a
#: measured result is strong; an action without one is unquantified; a duty-style opener is weak): the verdict of
#: each statement, by its first words
ALEX_VERDICTS = {
    "Delivered a £2.4m ERP migration": "strong",
    "Led a team of 18 developers": "strong",
    "Cut release lead time by 40%": "strong",
    "Managed the programme's RAID log": "unquantified",
    "Responsible for vendor management": "weak",
    "Migrated 45 on-premises servers": "strong",
    "Rolled out Office 365 to 2,300 staff": "strong",
    "Introduced ITIL-aligned change management": "strong",
    "Coordinated stakeholder workshops": "unquantified",
    "Responsible for updating project documentation": "weak",
    "Supported the delivery of 20+ infrastructure projects": "strong",
    "Organised sprint planning and retrospectives for two Scrum teams": "strong",
    "Built Jira dashboards": "strong",
}
SAM_VERDICTS = {
    "Responsible for scheduling shifts": "weak",
    "Helped with the rollout": "weak",
    "Worked with the IT department": "weak",
    "Assisted with the point-of-sale system upgrade": "weak",
    "Reduced overtime costs by 15%": "strong",
    "Organized weekly team meetings": "unquantified",
    "Duties included inventory": "weak",
    "In charge of a store with 12 employees": "weak",
}
#: the facts each sample's reports must state whatever the golden files hold (score, counts, severities)
SAMPLE_FACTS = {
    "alex": ("80", "15/39 keywords", "9/13 statements strong"),
    "sam": ("30.4", "5/39 keywords", "1/8 statements strong"),
}


@pytest.mark.parametrize("sample", SAMPLES)
def test_golden_samples(sample: str, engine: Any, golden: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import REPO

    from resume_check.analysis import analyse_path

    monkeypatch.chdir(REPO)
    analysis = analyse_path(f"samples/{sample}", engine=engine)
    stem = sample.replace(".", "-")
    for fmt in FORMATS:
        out = renderer(fmt).render(analysis)
        golden(f"render/samples/{stem}.{SUFFIX[fmt]}", out)
        assert_report_facts(fmt, out, *SAMPLE_FACTS[sample.split("-")[0]])
    labels = ALEX_VERDICTS if sample.startswith("alex") else SAM_VERDICTS
    verdicts = {s.text: s.verdict for s in analysis.impact.statements}
    for start, verdict in labels.items():
        assert [v for t, v in verdicts.items() if t.startswith(start)] == [verdict], (sample, start)
    assert sum(v == "weak" for v in verdicts.values()) == sum(v == "weak" for v in labels.values())
    text = renderer("text").render(analysis)
    assert all(display_width(line) <= 80 for line in text.splitlines())
    jsonschema.validate(
        json.loads(renderer("json").render(analysis)), ANALYSIS_SCHEMA, cls=jsonschema.Draft202012Validator
    )
    jsonschema.validate(
        json_render.document_to_dict(analysis.resume), EXTRACT_SCHEMA, cls=jsonschema.Draft202012Validator
    )


@needs_corpus
def test_corpus_renders_safely(engine: Any) -> None:
    """Every readable real résumé renders in every format: 80 columns, no escape bytes, schema-valid JSON."""
    from resume_check.analysis import analyse_path
    from resume_check.errors import InputError

    rendered = 0
    for path in sorted(CORPUS.iterdir()):
        if path.suffix.lower() not in (".pdf", ".docx", ".txt"):
            continue
        try:
            analysis = analyse_path(path, engine=engine)
        except InputError:
            continue  # unreadable inputs are the extraction tests' business
        text = renderer("text").render(analysis)
        assert ESC not in text, path.name
        assert max(display_width(line) for line in text.splitlines()) <= 80, path.name
        assert "<script" not in renderer("html").render(analysis), path.name
        renderer("markdown").render(analysis)
        data = json.loads(renderer("json").render(analysis))
        jsonschema.validate(data, ANALYSIS_SCHEMA, cls=jsonschema.Draft202012Validator)
        rendered += 1
    assert rendered >= 25


def test_statement_findings_are_shown_with_their_statement() -> None:
    analysis = weak()
    shown = {(f.id, f.line) for f in report_findings(analysis)}
    # verdict findings repeat the statement's verdict and suggestion: listed under Impact, not under checks
    assert ("impact.weak", 7) not in shown and ("impact.unquantified", 9) not in shown
    assert ("impact.passive", 10) not in shown
    # other statement issues and résumé-level findings stay in the checks
    assert ("impact.long-bullet", 10) in shown and ("impact.no-budget-result", None) in shown
    assert len(shown) == len(analysis.findings) - 4
    # the JSON keeps every finding
    assert len(json_render.to_dict(analysis)["findings"]) == len(analysis.findings)


def test_empty_analysis_renders_in_every_format() -> None:
    from dataclasses import replace

    from resume_check.models import Score

    base = plain([])
    empty = replace(base, categories=(), missing=(), found=(), findings=(), score=Score(0.0, "x", ()), lexicons=())
    for fmt in FORMATS:
        out = renderer(fmt).render(empty)
        assert out.endswith("\n")
    text = renderer("text").render(empty)
    assert "No experience or project bullets found to judge." in text
    assert "✓ No ATS problems found." in text
    jsonschema.validate(
        json.loads(renderer("json").render(empty)), ANALYSIS_SCHEMA, cls=jsonschema.Draft202012Validator
    )


def test_registry_exposes_render_for_every_report_format() -> None:
    import inspect

    for fmt in FORMATS:
        signature = inspect.signature(renderer(fmt).render)
        assert list(signature.parameters)[:2] == ["analysis", "color"]
        # a format may take more layout options (the text report: width, verbose), keyword-only with defaults
        for name, parameter in list(signature.parameters.items())[1:]:
            assert parameter.kind is inspect.Parameter.KEYWORD_ONLY, (fmt, name)
            assert parameter.default is not inspect.Parameter.empty, (fmt, name)


@settings(max_examples=60, deadline=None)
@given(_TEXT, st.integers(min_value=2, max_value=80), st.sampled_from(["", "  ", "    "]))
def test_wrap_never_exceeds_width(text: str, width: int, indent: str) -> None:
    clean = clean_text(text)
    lines = wrap(clean, width + len(indent), indent, indent)
    assert all(display_width(line) <= width + len(indent) for line in lines)
    assert "".join("".join(line.split()) for line in lines) == "".join(clean.split())


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.text("abcdé全x", min_size=1, max_size=6), st.booleans()), min_size=1, max_size=20),
    st.integers(min_value=14, max_value=40),
)
def test_wrap_breaks_coloured_text_where_it_breaks_the_plain_text(words: list[tuple[str, bool]], width: int) -> None:
    """Escape sequences take no columns: coloured words wrap at the same places as the same words uncoloured."""
    import re

    plain = " ".join(word for word, _ in words)
    coloured = " ".join(f"\x1b[1;33m{word}\x1b[0m" if bold else word for word, bold in words)
    stripped = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in wrap(coloured, width, "  ", "    ")]
    assert stripped == wrap(plain, width, "  ", "    ")


# ---- the JSON writer (render.json.dumps): the json module's output, written faster ----

_JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),
)
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(st.text(max_size=8), inner, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_JSON_VALUES)
def test_json_dumps_writes_what_the_json_module_writes(value: object) -> None:
    import json

    from resume_check.render.json import dumps

    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def test_json_dumps_leaves_what_it_does_not_write_itself_to_the_json_module() -> None:
    """Subclasses (IntEnum), non-string keys and NaN take the json module's path, with its output and errors."""
    import enum
    import json

    from resume_check.render.json import dumps

    class Level(enum.IntEnum):
        HIGH = 3

    for value in ({"level": Level.HIGH, "n": [1, 2.5]}, {1: "one", "two": [True, None]}, [{"a": (1, "é")}]):
        assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    with pytest.raises(ValueError):
        dumps({"score": float("nan")})


def test_html_marks_role_headers_and_context_lines(engine: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import REPO

    from resume_check.analysis import analyse_path

    monkeypatch.chdir(REPO)
    page = renderer("html").render(analyse_path("samples/alex-morgan.txt", engine=engine))
    assert '<span class="role">role header</span> <span class="ctx">context, not a statement</span>' in page
    role = (
        '<p class="role" title="Role header (context): Senior IT Project Manager · Northbridge Utilities plc · '
        '2021-03 to present"><span class="ln">9</span>'
    )
    assert role in page
    assert page.count('class="role" title=') == 6  # three roles, two header lines each
    assert 'class="ctx" title=' not in page  # every other experience line is a statement
    weak_page = renderer("html").render(weak())
    context = '<p class="ctx" title="Context: not judged as a statement"><span class="ln">6</span>Project Coordinator'
    assert context in weak_page
    assert '<li class="ctx"' not in weak_page  # the weak bullets are statements, marked by verdict instead
