"""CI output formats: line, GitHub workflow commands, SARIF 2.1.0 (schema-validated) and JUnit XML (parsed back)."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from test_cohort import make_analysis

from resume_check.ci.gate import CheckResult, error_result, evaluate
from resume_check.config import Settings
from resume_check.models import Finding
from resume_check.render import github, junit, line, renderer, sarif

DATA = Path(__file__).parent / "data"
WHEN = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)


def results() -> list[CheckResult]:
    findings = [
        Finding("ats.contact.email", "No email address found", "error"),
        Finding("impact.weak", "weak opener 'Responsible for': start with a verb, e.g. Led, 100% sure", "warning", 2),
        Finding("ats.cliche", 'cliché "team player"\nsecond line', "warning", 3, 5),
        Finding("text.ligatures", "ligatures expanded", "info"),
    ]
    a = make_analysis("cv dir/cv.md", 58.5, text="Jane\nResponsible for\nteam player", findings=findings)
    failing = evaluate(a, Settings(fail_under=60, min_severity="warning"), path="cv dir/cv.md")
    clean = evaluate(make_analysis("ok.md", 90), Settings(), path="ok.md")
    broken = error_result("bad,name:1.pdf", "bad,name:1.pdf: not a PDF (no %PDF header); re-export it", 3)
    return [failing, clean, broken]


def test_line_format() -> None:
    text = line.render_results(results())
    # every finding at or above min_severity is shown; the ones that fail the gate are marked
    assert text.splitlines() == [
        "cv dir/cv.md:1:1: error ats.contact.email No email address found [fails]",
        "cv dir/cv.md:1:1: error gate.score score 58.5 is under the bar of 60 (set by the settings); see the report "
        "for the missing keywords and weak statements that cost points [fails]",
        "cv dir/cv.md:2:1: warning impact.weak weak opener 'Responsible for': start with a verb, e.g. Led, 100% sure",
        'cv dir/cv.md:3:5: warning ats.cliche cliché "team player" second line',
        "bad,name:1.pdf:1:1: error input.unreadable bad,name:1.pdf: not a PDF (no %PDF header); re-export it [fails]",
    ]
    assert "\x1b[" in line.render_results(results(), color=True)
    assert renderer("line") is line


def test_github_format_line_by_line() -> None:
    lines = github.render_results(results()).splitlines()
    assert lines == [
        "::error file=cv dir/cv.md,title=ats.contact.email (fails the gate)::No email address found",
        "::error file=cv dir/cv.md,title=gate.score (fails the gate)::score 58.5 is under the bar of 60 (set by the "
        "settings); see the report for the missing keywords and weak statements that cost points",
        "::warning file=cv dir/cv.md,line=2,title=impact.weak::weak opener 'Responsible for': start with a verb, "
        "e.g. Led, 100%25 sure",
        '::warning file=cv dir/cv.md,line=3,col=5,title=ats.cliche::cliché "team player"%0Asecond line',
        "::error file=bad%2Cname%3A1.pdf,title=input.unreadable (fails the gate)::bad,name:1.pdf: not a PDF "
        "(no %25PDF header); re-export it",
    ]
    # a warning that fails (fail_level = warning) is an error annotation
    a = make_analysis("cv.md", 90, text="x\ny", findings=[Finding("impact.weak", "weak", "warning", 2)])
    strict = github.render_results([evaluate(a, Settings(fail_level="warning"), path="cv.md")])
    assert strict == "::error file=cv.md,line=2,title=impact.weak (fails the gate)::weak\n"
    assert github.escape_property("a,b:c%\r\n") == "a%2Cb%3Ac%25%0D%0A"


def test_sarif_validates_against_the_2_1_0_schema() -> None:
    import jsonschema  # a test dependency (setup.cfg [test])
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    doc = json.loads(sarif.render_results(results()))
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(doc), key=str)
    assert errors == []
    run = doc["runs"][0]
    assert doc["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "resume-check"
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == ["ats.contact.email", "gate.score", "impact.weak", "ats.cliche", "input.unreadable"]
    assert all(r["help"]["text"] for r in run["tool"]["driver"]["rules"])
    first, weak, cliche = run["results"][0], run["results"][2], run["results"][3]
    assert first["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": "cv%20dir/cv.md"}}
    assert weak["level"] == "warning" and weak["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}
    assert weak["properties"] == {"severity": "warning", "failsGate": False}
    assert first["level"] == "error" and first["properties"] == {"severity": "error", "failsGate": True}
    assert cliche["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 5}
    assert [r["ruleIndex"] for r in run["results"]] == [0, 1, 2, 3, 4]
    assert json.loads(sarif.render_results([]))["runs"][0]["results"] == []


def test_sarif_uris() -> None:
    assert sarif.artifact_uri("./a b/c.md") == "a%20b/c.md"
    assert sarif.artifact_uri("/tmp/x.md") == "file:///tmp/x.md"
    assert sarif.artifact_uri("docs\\cv.md") == "docs/cv.md"


def test_junit_parses_back() -> None:
    text = junit.render_results(results(), timestamp=WHEN)
    root = ET.fromstring(text)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["cv dir/cv.md", "ok.md", "bad,name:1.pdf"]
    cv = suites[0]
    cases = {c.get("name"): c for c in cv.findall("testcase")}
    # one testcase per rule, each problem once: 2 failing rules, 2 shown for information
    assert list(cases) == ["ats.contact.email", "gate.score", "impact.weak", "ats.cliche"]
    assert (cv.get("tests"), cv.get("failures"), cv.get("errors"), cv.get("timestamp")) == (
        "4",
        "2",
        "0",
        "2026-01-02T03:04:05",
    )
    assert len(cv.findall("testcase/failure")) == 2
    gate = cases["gate.score"].find("failure")
    assert gate is not None and "score 58.5 is under the bar of 60" in (gate.text or "")
    assert list(cases["impact.weak"]) == []  # shown, not failing
    out = cv.find("system-out")
    assert out is not None and (out.text or "").startswith("cv dir/cv.md:2: warning: weak opener")
    # failing warnings are failures, each rule once however many times it fired
    a = make_analysis(
        "cv.md",
        90,
        text="x\ny\nz",
        findings=[Finding("impact.weak", "weak", "warning", 2), Finding("impact.weak", "weak too", "warning", 3)],
    )
    strict = ET.fromstring(junit.render_results([evaluate(a, Settings(fail_level="warning"), path="cv.md")]))
    suite = strict.find("testsuite")
    assert suite is not None and (suite.get("tests"), suite.get("failures")) == ("1", "1")
    failure = suite.find("testcase/failure")
    assert failure is not None and failure.get("message") == "2 times: weak"
    ok = suites[1].findall("testcase")
    assert [c.get("name") for c in ok] == ["resume-check.gate"] and list(ok[0]) == []
    bad = suites[2].find("testcase/error")
    assert bad is not None and bad.get("type") == "input.unreadable" and suites[2].get("errors") == "1"


def test_junit_validates_against_the_xsd() -> None:
    from lxml import etree  # installed with python-docx; validates XML Schema
    schema = etree.XMLSchema(etree.parse(str(DATA / "junit.xsd")))
    doc = etree.fromstring(junit.render_results(results(), timestamp=WHEN).encode("utf-8"))
    assert schema.validate(doc), schema.error_log
    # the schema validates each testsuite inside <testsuites>, so an empty run is valid too
    assert schema.validate(etree.fromstring(junit.render_results([], timestamp=WHEN).encode("utf-8")))


def test_junit_drops_xml_illegal_characters() -> None:
    broken = error_result("x.pdf", "bad \x00\x1b byte", 3)
    root = ET.fromstring(junit.render_results([broken], timestamp=WHEN))
    error = root.find("testsuite/testcase/error")
    assert error is not None and error.get("message") == "bad  byte"
