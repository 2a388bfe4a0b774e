"""Cohort aggregation on a hand-computed cohort, and the four cohort formats (CSV safety, redaction, HTML)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence

import pytest

from resume_check.cohort.batch import BatchError, BatchRecord
from resume_check.cohort.redact import EMAIL_RE, pseudonyms, redact_text
from resume_check.cohort.summary import build_cohort, distribution, quantile
from resume_check.models import (
    DIMENSIONS,
    Analysis,
    Block,
    CategoryCoverage,
    Contact,
    Document,
    Finding,
    FoundTerm,
    Impact,
    ImpactSummary,
    Line,
    Metric,
    MissingTerm,
    Resume,
    Score,
    ScoreComponent,
    Source,
    Statement,
)
from resume_check.render import cohort_html, cohort_json, cohort_markdown
from resume_check.render import csv as csv_render

TERMS = {
    "methodology.scrum": ("Scrum", 2.0),
    "delivery.risk": ("Risk management", 3.0),
    "tools.jira": ("Jira", 1.0),
    "finance.budget": ("Budget management", 2.5),
}


def make_analysis(
    path: str,
    score: float,
    *,
    missing: Sequence[str] = (),
    quantified: int = 0,
    plain: int = 0,
    missing_dimensions: Sequence[str] = (),
    findings: Sequence[Finding] = (),
    contact: Contact | None = None,
    text: str = "",
    found: Sequence[str] = (),
    statement_texts: Sequence[str] = (),
) -> Analysis:
    """A small but complete Analysis built by hand (no pipeline); each line of ``text`` is a block on that line."""
    lines = tuple(Line(text=t, source_line=i) for i, t in enumerate((text or "Project manager").splitlines(), 1))
    document = Document(Source(path=path, type="txt"), lines)
    blocks, offset = [], 0
    for i, line in enumerate(lines):
        blocks.append(Block("paragraph", "experience", line.text, offset, offset + len(line.text), i + 1, (i,)))
        offset += len(line.text) + 1
    full = "\n".join(line.text for line in lines)
    resume = Resume(document, full, tuple(blocks), (), contact or Contact(), ())
    statements = []
    for i in range(quantified + plain):
        metrics = (Metric("20%", "percent", "budget", 0, 3),) if i < quantified else ()
        statements.append(
            Statement(
                statement_texts[i] if i < len(statement_texts) else f"Did thing {i}",
                "experience",
                i + 1,
                0,
                0,
                3,
                "strong" if metrics else "unquantified",
                "Did",
                "deliver",
                metrics,
                "",
            )
        )
    summary = ImpactSummary(
        counts=(("strong", quantified), ("unquantified", plain), ("weak", 0)),
        quantified_share=quantified / (quantified + plain) if quantified + plain else 0.0,
        dimensions=tuple((d, 0 if d in missing_dimensions else 1) for d in DIMENSIONS),
        missing_dimensions=tuple(missing_dimensions),
        overused_verbs=(),
    )
    missing_terms = tuple(MissingTerm(t, TERMS[t][0], t.split(".")[0], TERMS[t][1]) for t in missing)
    categories = (
        CategoryCoverage("methodology", "Methodology", 1, 2, 0.5),
        CategoryCoverage("delivery", "Delivery", 2, 2, 1.0),
    )
    components = (
        ScoreComponent("keywords", "Keywords", 0.5, score),
        ScoreComponent("impact", "Impact", 0.5, score),
    )
    found_terms = tuple(
        FoundTerm(t, TERMS.get(t, (t, 1.0))[0], t.split(".")[0], TERMS.get(t, (t, 1.0))[1], (), "mention")
        for t in found
    )
    return Analysis(
        resume=resume,
        found=found_terms,
        missing=missing_terms,
        categories=categories,
        impact=Impact(tuple(statements), summary),
        findings=tuple(findings),
        score=Score(score, "test", components),
    )


def ok(path: str, score: float, **kw: object) -> BatchRecord:
    return BatchRecord(path, make_analysis(path, score, **kw), None)  # type: ignore[arg-type]


def failed(path: str, code: int = 3, message: str = "no text layer") -> BatchRecord:
    return BatchRecord(path, None, BatchError(code, "InputError", f"{path}: {message}"))


def hand_cohort() -> list[BatchRecord]:
    warn = Finding("ats.contact.email", "no email address", "warning")
    info = Finding("text.ligatures", "ligatures expanded", "info")
    weak = Finding("impact.weak", "weak opener", "warning")
    return [
        ok("c/d.txt", 85, missing=["tools.jira"], quantified=3, plain=1, findings=[info]),
        ok(
            "c/a.txt",
            40,
            missing=["delivery.risk", "tools.jira", "methodology.scrum", "finance.budget"],
            missing_dimensions=["budget", "team"],
            findings=[warn, info, weak],
            plain=2,
        ),
        failed("c/e.pdf"),
        ok(
            "c/b.txt",
            70,
            missing=["delivery.risk", "tools.jira"],
            missing_dimensions=["budget"],
            quantified=1,
            findings=[warn],
        ),
        ok("c/c.txt", 55, missing=["delivery.risk"], missing_dimensions=["budget", "schedule"], quantified=2, plain=2),
    ]


def test_quantile_type7_by_hand() -> None:
    xs = [40.0, 55.0, 70.0, 85.0]
    # h = 3p: q1 at 0.75 -> 40 + 0.75*15; median at 1.5 -> 55 + 0.5*15; q3 at 2.25 -> 70 + 0.25*15
    assert quantile(xs, 0.25) == 51.25
    assert quantile(xs, 0.5) == 62.5
    assert quantile(xs, 0.75) == 73.75
    assert quantile([7.0], 0.75) == 7.0
    with pytest.raises(ValueError):
        quantile([], 0.5)
    assert distribution([]) is None


def test_hand_computed_cohort() -> None:
    cohort = build_cohort(hand_cohort())
    assert [p.file for p in cohort.people] == ["c/a.txt", "c/b.txt", "c/c.txt", "c/d.txt", "c/e.pdf"]
    assert (cohort.analysed, cohort.failed) == (4, 1)
    d = cohort.distribution
    assert d is not None
    assert (d.count, d.min, d.q1, d.median, d.q3, d.max, d.mean) == (4, 40, 51.25, 62.5, 73.75, 85, 62.5)
    # missing: risk a,b,c = 3 (75%); jira a,b,d = 3; scrum a = 1; budget a = 1 -> ties broken by id
    assert [(g.id, g.count, g.share) for g in cohort.missing_keywords] == [
        ("delivery.risk", 3, 0.75),
        ("tools.jira", 3, 0.75),
        ("finance.budget", 1, 0.25),
        ("methodology.scrum", 1, 0.25),
    ]
    assert cohort.missing_keywords[0].label == "Risk management"
    assert [(g.id, g.count) for g in cohort.unevidenced_dimensions] == [
        ("budget", 3),
        ("schedule", 1),
        ("team", 1),
        ("scope", 0),
        ("quality", 0),
    ]
    # impact.* is writing advice, not an ATS finding; a person counts once per id
    assert [(g.id, g.count, g.share) for g in cohort.common_findings] == [
        ("ats.contact.email", 2, 0.5),
        ("text.ligatures", 2, 0.5),
    ]
    assert [(p.rank, p.file, p.score) for p in cohort.ranking] == [
        (1, "c/d.txt", 85),
        (2, "c/b.txt", 70),
        (3, "c/c.txt", 55),
        (4, "c/a.txt", 40),
    ]
    a = cohort.people[0]
    # heaviest missing first: risk 3.0, budget 2.5, scrum 2.0 (jira 1.0 dropped)
    assert [label for _, label in a.top_missing] == ["Risk management", "Budget management", "Scrum"]
    assert (a.quantified, a.statements, a.warnings, a.rank) == (0, 2, 2, 4)
    assert a.coverage == (("methodology", 0.5), ("delivery", 1.0))
    assert cohort.people[4].error is not None and cohort.people[4].rank is None


def test_missing_keywords_ordered_by_weighted_share() -> None:
    # jira (weight 1) missed by 3 of 4 = 3.0; budget (weight 2.5) missed by 2 of 4 = 5.0: budget comes first
    records = [
        ok("a", 50, missing=["tools.jira", "finance.budget"]),
        ok("b", 50, missing=["tools.jira", "finance.budget"]),
        ok("c", 50, missing=["tools.jira"]),
        ok("d", 50),
    ]
    gaps = build_cohort(records).missing_keywords
    assert [(g.id, g.count, g.share, g.weight) for g in gaps] == [
        ("finance.budget", 2, 0.5, 2.5),
        ("tools.jira", 3, 0.75, 1.0),
    ]


def test_ties_share_a_rank() -> None:
    cohort = build_cohort([ok("b", 70), ok("a", 70), ok("c", 50)])
    assert [(p.rank, p.file) for p in cohort.ranking] == [(1, "a"), (1, "b"), (3, "c")]


def test_csv_rows_and_formula_injection() -> None:
    records = [*hand_cohort(), ok("=HYPERLINK(1).txt", 10), failed("+cmd.pdf", message="@SUM(A1)"), failed("\tx.pdf")]
    text = csv_render.render_cohort(build_cohort(records))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 8
    by_file = {r["file"]: r for r in rows}
    assert "'=HYPERLINK(1).txt" in by_file
    assert by_file["'+cmd.pdf"]["error"] == "'+cmd.pdf: @SUM(A1)"
    assert "'\tx.pdf" in by_file
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    b = by_file["c/b.txt"]
    assert (b["rank"], b["score"], b["component_keywords"], b["coverage_delivery"]) == ("2", "70", "70", "1")
    assert (b["quantified_statements"], b["missing_1"], b["missing_2"], b["missing_3"]) == (
        "1",
        "Risk management",
        "Jira",
        "",
    )
    assert (b["unevidenced_dimensions"], b["warnings"], b["exit_code"]) == ("budget", "1", "0")
    assert by_file["c/e.pdf"]["exit_code"] == "3" and by_file["c/e.pdf"]["score"] == ""


def test_neutralise_leaves_plain_text() -> None:
    assert csv_render.neutralise("Jane") == "Jane"
    assert csv_render.neutralise("-1") == "'-1"
    assert csv_render.neutralise("\rx") == "'\rx"


def test_json_cohort() -> None:
    data = json.loads(cohort_json.render_cohort(build_cohort(hand_cohort())))
    assert data["schema_version"] == "1.1" and data["kind"] == "cohort"
    assert data["distribution"] == {
        "count": 4,
        "min": 40,
        "q1": 51.25,
        "median": 62.5,
        "q3": 73.75,
        "max": 85,
        "mean": 62.5,
    }
    assert data["ranking"][0] == {"rank": 1, "file": "c/d.txt", "score": 85}
    assert data["people"][4] == {
        "file": "c/e.pdf",
        "error": {"exit_code": 3, "kind": "InputError", "message": "c/e.pdf: no text layer"},
    }
    assert data["missing_keywords"][0] == {
        "id": "delivery.risk",
        "label": "Risk management",
        "count": 3,
        "share": 0.75,
        "weight": 3.0,
    }


def test_markdown_and_html_cohort(golden) -> None:  # type: ignore[no-untyped-def]
    cohort = build_cohort(hand_cohort())
    md, page = cohort_markdown.render_cohort(cohort), cohort_html.render_cohort(cohort)
    golden("cohort.md", md)
    golden("cohort.html", page)
    # worked by hand from hand_cohort, apart from the golden files: scores 40, 55, 70, 85 give type-7 quartiles
    # 51.25 / 62.5 / 73.75 and mean 62.5; d > b > c > a; risk management and Jira are each missing for 3 of 4
    assert "5 résumé(s): 4 analysed, 1 could not be analysed." in md
    assert "| 4 | 40 | 51.25 | 62.5 | 73.75 | 85 | 62.5 |" in md
    assert "| Risk management | 3 | 3 | 75% |" in md and "| Jira | 1 | 3 | 75% |" in md
    for report in (md, page):
        ranking = report[report.index("Ranking") :]
        places = [ranking.index(f"{x}.txt") for x in "dbca"]
        assert places == sorted(places)
        assert "e.pdf" in report[report.index("Files that could not be analysed") :]
    cells = re.findall(r'<td class="n">([^<]*)</td>', page[page.index("Score distribution") :])
    assert cells[:7] == ["4", "40", "51.25", "62.5", "73.75", "85", "62.5"]


def test_html_escapes_and_is_self_contained() -> None:
    records = [ok("<script>alert(1)</script>.txt", 50), failed("x&y.pdf", message="<img src=x onerror=1>")]
    page = cohort_html.render_cohort(build_cohort(records))
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=1&gt;" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "<svg" in page and page.count("<rect") == 10
    md = cohort_markdown.render_cohort(build_cohort(records))
    assert "<script>" not in md and "\\<script\\>" in md


def test_histogram_bins() -> None:
    assert cohort_html.histogram_counts([0, 9.9, 10, 55, 99.9, 100]) == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]


def test_redaction_leaves_no_contact_details_in_any_format() -> None:
    contact = Contact(
        email="jane.doe@example.com", phone="+44 7700 900123", name="Jane Doe", linkedin="linkedin.com/in/janedoe"
    )
    records = [
        ok(
            "cohort/jane-doe.txt",
            70,
            contact=contact,
            findings=[Finding("ats.contact.header", "email jane.doe@example.com only in header; call +44 7700 900123")],
        ),
        failed("cohort/john.smith@example.org.pdf", message="see https://example.org/john or 020 7946 0958"),
        ok("cohort/Jane Doe CV.txt", 60, contact=contact),
    ]
    cohort = build_cohort(records, redact=True)
    names = pseudonyms(r.path for r in records)
    assert sorted(p.file for p in cohort.people) == sorted(names.values())
    for render in (csv_render, cohort_json, cohort_markdown, cohort_html):
        out = render.render_cohort(cohort)
        assert not [m for m in EMAIL_RE.findall(out) if not m.endswith("example.invalid")], render.__name__
        digits = re.sub(r"\D", "", out)
        for number in ("447700900123", "7700900123", "02079460958", "79460958"):
            assert number not in digits, (render.__name__, number)
        for secret in ("jane", "Doe", "john", "smith", "example.org", "linkedin.com/in"):
            assert secret.lower() not in out.lower(), (render.__name__, secret)
        assert all(name in out for name in names.values())


def test_pseudonyms_are_stable_and_unique() -> None:
    a = pseudonyms(["x/a.pdf", "x/b.pdf"])
    assert a == pseudonyms(["x/b.pdf", "x/a.pdf", "x/a.pdf"])
    assert re.fullmatch(r"candidate-[0-9a-f]{6}", a["x/a.pdf"])
    assert a["x/a.pdf"] != a["x/b.pdf"]


def test_redact_text_keeps_dates() -> None:
    out = redact_text("2019-2023 call 07700 900123, mail a.b@c.io, www.me.dev", pseudonym="candidate-1")
    assert out == ("2019-2023 call [phone], mail candidate-1@example.invalid, https://example.invalid/candidate-1")
