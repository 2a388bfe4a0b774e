"""JSON Resume input: fields as the structure, lines and paths into the JSON, validation, limits, suppression."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import DATA, SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_check.ci.suppress import is_suppressed, parse_json_suppressions
from resume_check.cli import main
from resume_check.errors import InputError
from resume_check.extract import extract, extract_bytes, jsonresume
from resume_check.extract.jsonresume import (
    MAX_JSON_BYTES,
    MAX_JSON_DEPTH,
    extract_json_resume,
    format_path,
    parse_json_tree,
)
from resume_check.structure import build_resume

SAMPLE = SAMPLES / "alex-morgan.json"


def sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return data


def dump(document: Any) -> bytes:
    return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")


def read(document: Any, name: str = "cv.json") -> Any:
    return extract_json_resume(dump(document), name)


# --------------------------------------------------------------------------------------------- structure


def test_sample_fields_become_sections_contact_and_bullets() -> None:
    resume = build_resume(extract(SAMPLE))
    assert resume.document.source.type == "json"
    names = [s.name for s in resume.sections]
    assert names == ["contact", "summary", "experience", "skills", "certifications", "education"]
    contact = resume.contact
    assert (contact.name, contact.email, contact.phone) == ("Alex Morgan", "alex.morgan@example.com", "+44 7700 900123")
    assert contact.linkedin == "https://www.linkedin.com/in/alex-morgan-pm-example"
    assert contact.location == "Manchester, Greater Manchester"
    experience = next(s for s in resume.sections if s.name == "experience")
    blocks = [resume.blocks[i] for i in experience.blocks]
    bullets = [b.text for b in blocks if b.kind == "bullet"]
    assert len(bullets) == 13  # every work[].highlights entry, one bullet each
    assert blocks[0].text == "Senior IT Project Manager – Northbridge Utilities plc, Manchester"
    assert blocks[1].text == "March 2021 – Present"  # no endDate: a current role
    assert "June 2017 – February 2021" in [b.text for b in blocks]


def test_line_numbers_and_paths_point_into_the_json() -> None:
    document = extract(SAMPLE)
    source = SAMPLE.read_text(encoding="utf-8").splitlines()
    tree = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for line in document.lines:
        assert line.source_line is not None and line.source_key is not None
        if line.style == "heading":
            key = line.source_key.rsplit(".", 1)[-1]
            assert f'"{key}":' in source[line.source_line - 1]  # the heading is the field's key
            continue
        if line.bullet and ".highlights[" in line.source_key:
            # the bullet is the string on that JSON line, found again by its path
            section, index, _, item = line.source_key.replace("[", ".").replace("]", "").split(".")
            assert tree[section][int(index)]["highlights"][int(item)] == line.text
            assert json.dumps(line.text, ensure_ascii=False) in source[line.source_line - 1]
    highlight = next(ln for ln in document.lines if ln.text.startswith("Responsible for vendor"))
    assert highlight.source_key == "work[0].highlights[4]"
    assert source[highlight.source_line - 1].strip().startswith('"Responsible for vendor')


def test_no_heading_inference_a_highlight_that_looks_like_a_heading_stays_a_bullet() -> None:
    document = sample()
    document["work"][0]["highlights"].insert(0, "EDUCATION")
    document["work"][0]["summary"] = "KEY SKILLS"
    resume = build_resume(read(document))
    assert [s.name for s in resume.sections].count("education") == 1
    texts = {b.text: b.section for b in resume.blocks}
    assert texts["EDUCATION"] == "experience" and texts["KEY SKILLS"] == "experience"


def test_every_section_kind_is_read() -> None:
    document = {
        "basics": {"name": "Jo Bloggs", "email": "jo@example.com"},
        "volunteer": [
            {"organization": "Code Club", "position": "Mentor", "startDate": "2020", "highlights": ["Ran 30 sessions."]}
        ],
        "projects": [
            {
                "name": "Service desk rebuild",
                "description": "Replaced the ticketing tool.",
                "highlights": ["Cut ticket backlog by 40%."],
                "keywords": ["ServiceNow", "ITIL"],
                "startDate": "2022-01",
                "endDate": "2022-06",
            }
        ],
        "awards": [{"title": "PMO of the year", "awarder": "Acme", "date": "2021"}],
        "publications": [{"name": "Agile in the public sector", "publisher": "Gov Press", "releaseDate": "2019-05"}],
        "languages": [{"language": "Welsh", "fluency": "Fluent"}],
        "interests": [{"name": "Cycling", "keywords": ["audax"]}],
        "references": [{"name": "A Referee", "reference": "Great to work with."}],
        "meta": {"version": "v1.0.0"},
    }
    resume = build_resume(read(document))
    by_section = {(b.section, b.text) for b in resume.blocks}
    assert ("projects", "Cut ticket backlog by 40%.") in by_section
    assert ("projects", "January 2022 – June 2022") in by_section
    assert ("projects", "Technologies: ServiceNow, ITIL") in by_section
    assert ("other", "Mentor – Code Club") in by_section
    assert ("other", "Welsh (Fluent)") in by_section
    assert ("other", "PMO of the year – Acme, 2021") in by_section
    assert not any("Referee" in b.text or "Great to work" in b.text for b in resume.blocks)  # references left out


def test_roles_come_from_work_entries_as_declared() -> None:
    document = sample()
    document["work"][1]["name"] = "Caldwell, Hart & Co"  # a comma a text parser would split on
    document["work"][1]["startDate"] = "2017-06-12"  # a day: kept to the month
    resume = build_resume(read(document))
    roles = [(r.title, r.employer, r.location, r.start, r.end, r.dates_text) for r in resume.roles]
    assert roles == [
        (
            "Senior IT Project Manager",
            "Northbridge Utilities plc",
            "Manchester",
            "2021-03",
            "present",
            "March 2021 – Present",
        ),
        ("IT Project Manager", "Caldwell, Hart & Co", "Leeds", "2017-06", "2021-02", "June 2017 – February 2021"),
        (
            "Project Coordinator",
            "Pennine Digital Services",
            "Bradford",
            "2014-09",
            "2017-05",
            "September 2014 – May 2017",
        ),
    ]
    first = resume.roles[0]
    assert [resume.blocks[i].text for i in first.header] == [
        "Senior IT Project Manager – Northbridge Utilities plc, Manchester",
        "March 2021 – Present",
    ]
    assert [resume.blocks[i].kind for i in first.blocks] == ["bullet"] * 5
    assert resume.blocks[first.blocks[-1]].text == "Responsible for vendor management and contract renewals."
    source = dump(document).decode("utf-8").splitlines()
    assert '"position": "Senior IT Project Manager"' in source[first.line - 1]  # the JSON line of work[0].position


def test_format_path() -> None:
    assert format_path(()) == "(document)"
    assert format_path(("work", 0, "highlights", 2)) == "work[0].highlights[2]"
    assert format_path(("x-resume-check", "disable")) == "x-resume-check.disable"
    assert format_path(("basics", "odd key")) == 'basics["odd key"]'


# --------------------------------------------------------------------------------------------- equivalence


def to_markdown(document: dict[str, Any]) -> str:
    """A Markdown rendering of a JSON Resume, the way a person would write the same content by hand."""
    basics = document.get("basics", {})
    out = [f"# {basics['name']}", ""]
    if basics.get("label"):
        out += [f"**{basics['label']}**", ""]
    location = basics.get("location", {})
    place = ", ".join(p for p in (location.get("city"), location.get("region") or location.get("countryCode")) if p)
    contact = [place, basics.get("email", ""), basics.get("phone", "")]
    contact += [p["url"] for p in basics.get("profiles", []) if p.get("url")]
    out += [" | ".join(c for c in contact if c), ""]
    if basics.get("summary"):
        out += ["## Summary", "", basics["summary"], ""]
    for key in document:
        items = document[key]
        if key == "work":
            out += ["## Experience", ""]
            for item in items:
                out += [
                    f"### {item['position']} – {item['name']}"
                    + (f", {item['location']}" if item.get("location") else ""),
                    "",
                ]
                out += [f"*{jsonresume.date_range(item)}*", ""]
                if item.get("summary"):
                    out += [item["summary"], ""]
                out += [f"- {h}" for h in item.get("highlights", [])] + [""]
        elif key == "skills":
            out += ["## Skills", ""] + [f"- **{s['name']}:** {', '.join(s['keywords'])}" for s in items] + [""]
        elif key == "certificates":
            out += ["## Certifications", ""]
            out += [f"- {c['name']} – {c['issuer']}, {jsonresume.format_date(c['date'])}" for c in items] + [""]
        elif key == "education":
            out += ["## Education", ""]
            for e in items:
                out.append(f"- {e['studyType']} {e['area']} – {e['institution']}, {jsonresume.date_range(e)}")
            out.append("")
        elif key == "projects":
            out += ["## Projects", ""]
            for p in items:
                out += [f"### {p['name']}", "", p.get("description", ""), ""]
                out += [f"- {h}" for h in p.get("highlights", [])] + [""]
    return "\n".join(out) + "\n"


def career_changer() -> dict[str, Any]:
    return {
        "basics": {
            "name": "Sam Taylor",
            "label": "Operations supervisor moving into IT project management",
            "email": "sam.taylor@example.com",
            "phone": "(512) 555-0147",
            "location": {"city": "Austin", "region": "TX"},
            "summary": "Organized operations supervisor looking to transition into IT project management. "
            "Hard worker and team player who enjoys solving problems.",
        },
        "work": [
            {
                "name": "Lone Star Logistics",
                "position": "Operations Supervisor",
                "startDate": "2018-04",
                "highlights": [
                    "Responsible for scheduling shifts for the warehouse team.",
                    "Helped with the rollout of a new inventory management system.",
                    "Organized weekly team meetings and tracked action items in Trello.",
                    "Reduced overtime costs by 15% by reorganizing shift patterns.",
                ],
            },
            {
                "name": "Hill Country Outfitters",
                "position": "Retail Store Manager",
                "startDate": "2012-01",
                "endDate": "2018-03",
                "highlights": ["In charge of a store with 12 employees.", "Assisted with the point-of-sale upgrade."],
            },
        ],
        "projects": [
            {
                "name": "Scanner replacement",
                "description": "Replaced 40 handheld scanners across two warehouses.",
                "highlights": ["Delivered the rollout in 6 weeks, $20k under budget, with zero downtime."],
            }
        ],
        "skills": [{"name": "Tools", "keywords": ["Microsoft Excel", "Trello", "Jira"]}],
        "education": [
            {
                "institution": "Austin Community College",
                "studyType": "AAS",
                "area": "Business Management",
                "endDate": "2012",
            }
        ],
    }


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    from resume_check.analysis import build_engine

    return build_engine()


@pytest.mark.parametrize("build", [sample, career_changer], ids=["alex-morgan", "career-changer"])
def test_json_resume_and_its_markdown_rendering_score_within_one_point(engine, build) -> None:  # type: ignore[no-untyped-def]
    from resume_check.analysis import analyse_document

    document = build()
    from_json = analyse_document(extract_bytes(dump(document), "Jo-Bloggs-CV.json"), engine)
    from_md = analyse_document(extract_bytes(to_markdown(document).encode(), "Jo-Bloggs-CV.md"), engine)
    assert abs(from_json.score.total - from_md.score.total) <= 1.0, (from_json.score.total, from_md.score.total)
    assert {t.id for t in from_json.found} == {t.id for t in from_md.found}
    assert [s.verdict for s in from_json.impact.statements] == [s.verdict for s in from_md.impact.statements]


def test_the_json_sample_scores_like_the_markdown_sample(engine) -> None:  # type: ignore[no-untyped-def]
    from resume_check.analysis import analyse_path

    json_total = analyse_path(SAMPLE, engine=engine).score.total
    md_total = analyse_path(SAMPLES / "alex-morgan.md", engine=engine).score.total
    assert abs(json_total - md_total) <= 1.0


def test_the_sample_is_current_and_validates_against_the_official_schema() -> None:
    import importlib.util

    import jsonschema

    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert SAMPLE.read_text(encoding="utf-8") == module.build_json()
    schema = json.loads((DATA / "jsonresume.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sample())
    jsonschema.Draft4Validator(schema).validate(career_changer())


# --------------------------------------------------------------------------------------------- validation


NOT_RESUMES = {
    "array": [1, 2, 3],
    "string": "hello",
    "package.json": {"name": "my-app", "version": "1.0.0", "dependencies": {"left-pad": "1.0.0"}},
    "empty object": {},
    "only meta": {"meta": {"version": "v1"}},
}


@pytest.mark.parametrize("name", list(NOT_RESUMES))
def test_a_json_that_is_not_a_json_resume_is_a_clear_error(name: str) -> None:
    with pytest.raises(InputError, match=r"cv\.json: not a JSON Resume: .*check you chose the right file"):
        read(NOT_RESUMES[name])


INVALID = [
    (
        lambda d: d["work"][0].__setitem__("highlights", "Delivered it."),
        r"line \d+, work\[0\]\.highlights: must be a list of strings",
    ),
    (
        lambda d: d["work"][1].__setitem__("startDate", "June 2017"),
        r"work\[1\]\.startDate: 'June 2017' is not a JSON Resume date",
    ),
    (
        lambda d: d["work"][0]["highlights"].__setitem__(1, 42),
        r"work\[0\]\.highlights\[1\]: must be a string, not a number",
    ),
    (lambda d: d.__setitem__("basics", []), r"basics: must be an object, not a list"),
    (lambda d: d.__setitem__("skills", {"name": "x"}), r"skills: must be a list of objects"),
    (lambda d: d["basics"].__setitem__("location", "Leeds"), r"basics\.location: must be an object"),
    (lambda d: d.__setitem__("x-resume-check", {"disable": "impact.weak"}), r"x-resume-check\.disable: must be a list"),
    (
        lambda d: d["work"][0].__setitem__("x-resume-check", {"disabel": ["impact"]}),
        r"disabel: is not a resume-check setting",
    ),
]


@pytest.mark.parametrize(("change", "message"), INVALID)
def test_fields_of_the_wrong_shape_are_named_with_their_line(change, message: str) -> None:  # type: ignore[no-untyped-def]
    document = sample()
    change(document)
    with pytest.raises(InputError, match=r"cv\.json: does not validate as a JSON Resume: .*" + message):
        read(document)


@pytest.mark.parametrize(("change", "message"), INVALID[:6])
def test_the_official_schema_rejects_what_the_reader_rejects(change, message: str) -> None:  # type: ignore[no-untyped-def]
    import jsonschema

    document = sample()
    change(document)
    schema = json.loads((DATA / "jsonresume.schema.json").read_text(encoding="utf-8"))
    assert not jsonschema.Draft4Validator(schema).is_valid(document)


def test_the_reader_and_the_official_schema_agree_on_unknown_top_level_fields() -> None:
    import jsonschema

    schema = json.loads((DATA / "jsonresume.schema.json").read_text(encoding="utf-8"))
    document = sample() | {"hobbies": [{"name": "chess"}]}
    assert not jsonschema.Draft4Validator(schema).is_valid(document)
    with pytest.raises(InputError, match="'hobbies' are not JSON Resume fields"):
        read(document)


def test_invalid_json_names_line_and_column() -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace('"Alex Morgan",', '"Alex Morgan"', 1)
    with pytest.raises(InputError, match=r"cv\.json: not valid JSON: line 4, column 5: expected ',' or '}'"):
        extract_json_resume(text.encode(), "cv.json")


def test_non_utf8_json_is_refused() -> None:
    with pytest.raises(InputError, match="must be UTF-8"):
        extract_json_resume('{"basics": {"name": "Zoë"}}'.encode("latin-1"), "cv.json")


def test_a_resume_without_text_is_empty() -> None:
    with pytest.raises(InputError, match="holds no résumé text"):
        read({"basics": {}, "work": []})


def test_large_and_deep_json_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parsing(self: Any) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(jsonresume._Parser, "parse", no_parsing)
    big = b'{"basics": {"summary": "' + b"a" * MAX_JSON_BYTES + b'"}}'
    with pytest.raises(InputError, match=r"over the 2,097,152-byte limit for a JSON Resume"):
        extract_json_resume(big, "cv.json")
    deep = b'{"meta": ' + b"[" * (MAX_JSON_DEPTH + 5) + b"]" * (MAX_JSON_DEPTH + 5) + b"}"
    with pytest.raises(InputError, match=r"nested more than 16 levels deep.*refused before parsing"):
        extract_json_resume(deep, "cv.json")
    # brackets inside strings do not count
    assert jsonresume.nesting_depth('{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[["}') == 1


def test_a_million_nested_brackets_are_refused_quickly() -> None:
    import time

    start = time.perf_counter()
    with pytest.raises(InputError, match="nested more than"):
        extract_json_resume(b"[" * 1_000_000, "cv.json")
    with pytest.raises(InputError, match="not valid JSON"):
        extract_json_resume(b'{"basics": "' + b'\\"' * 500_000, "cv.json")  # an unterminated string of escapes
    assert time.perf_counter() - start < 5  # a budget, not a speed figure: a quadratic scan would take minutes


# --------------------------------------------------------------------------------------------- the parser

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(value=JSON_VALUES, indent=st.sampled_from([None, 0, 2]))
def test_the_positional_parser_reads_what_the_json_module_reads(value: Any, indent: int | None) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    tree = parse_json_tree(text.encode("utf-8"), "x.json")
    assert tree.value == json.loads(text)
    assert tree.spans[()][0] == 1 and tree.spans[()][1] == text.count("\n") + 1


@settings(max_examples=200, deadline=None)
@given(value=JSON_VALUES)
def test_any_json_gives_a_document_or_an_input_error(value: Any) -> None:
    try:
        document = extract_bytes(json.dumps(value).encode(), "any.json")
    except InputError as err:
        assert str(err).startswith("any.json: ")
    else:
        assert document.lines


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=60))
def test_any_text_named_json_never_crashes(text: str) -> None:
    with contextlib.suppress(InputError):
        extract_bytes(text.encode("utf-8") or b" ", "any.json")


# --------------------------------------------------------------------------------------------- suppression


def test_item_and_document_switches_cover_their_lines() -> None:
    document = sample()
    document["work"][1]["x-resume-check"] = {"disable": ["impact.weak"]}
    document["x-resume-check"] = {"disable": ["ats.file"]}
    data = dump(document)
    switches = parse_json_suppressions(data, "cv.json")
    lines = {ln.source_key: ln.source_line for ln in extract_json_resume(data, "cv.json").lines}
    inside, outside = lines["work[1].highlights[4]"], lines["work[0].highlights[4]"]
    assert is_suppressed("impact.weak", inside, switches)
    assert not is_suppressed("impact.weak", outside, switches)
    assert not is_suppressed("impact.unquantified", inside, switches)
    assert is_suppressed("ats.file.type", None, switches)  # the document switch covers whole-file findings
    assert not is_suppressed("impact.weak", None, switches)


def write(tmp_path: Path, document: Any, name: str = "Alex-Morgan-CV.json") -> str:
    path = tmp_path / name
    path.write_bytes(dump(document))
    return str(path)


def test_ci_findings_point_at_the_json_path_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, sample())
    args = ["check", path, "--format", "line", "--min-severity", "warning", "--fail-level", "warning"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    source = Path(path).read_text(encoding="utf-8").splitlines()
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    for line, key in zip(lines, ("work[0].highlights[4]", "work[1].highlights[4]"), strict=True):
        number = int(line.split(":")[1])
        assert line.endswith(f"(at {key}) [fails]") and " warning impact.weak " in line
        assert source[number - 1].strip().startswith('"Responsible for')
    sarif = json.loads(
        CliRunner().invoke(main, ["check", path, "--format", "sarif", "--min-severity", "warning"]).stdout
    )
    locations = [r["locations"][0] for r in sarif["runs"][0]["results"]]
    assert [loc["logicalLocations"][0]["fullyQualifiedName"] for loc in locations] == [
        "work[0].highlights[4]",
        "work[1].highlights[4]",
    ]


def test_ci_mode_honours_x_resume_check(tmp_path: Path) -> None:
    document = sample()
    document["work"][0]["x-resume-check"] = {"disable": ["impact.weak"]}
    document["work"][1]["x-resume-check"] = {"disable": ["impact"]}
    path = write(tmp_path, document)
    result = CliRunner().invoke(main, ["check", path, "--format", "line", "--min-severity", "warning"])
    assert (result.exit_code, result.stdout) == (0, "")
    document = sample()
    document["x-resume-check"] = {"disable": ["*"]}
    path = write(tmp_path, document)
    result = CliRunner().invoke(main, ["check", path, "--format", "line", "--min-severity", "info"])
    assert (result.exit_code, result.stdout) == (0, "")


def test_a_malformed_switch_is_bad_input_in_ci_mode(tmp_path: Path) -> None:
    document = sample()
    document["work"][0]["x-resume-check"] = ["impact.weak"]
    path = write(tmp_path, document)
    result = CliRunner().invoke(main, ["check", path, "--format", "line"])
    assert result.exit_code == 3
    assert "work[0].x-resume-check: must be an object" in result.output


# --------------------------------------------------------------------------------------------- CLI


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_every_report_format_works_on_json_resume(fmt: str) -> None:
    result = CliRunner().invoke(main, ["check", str(SAMPLE), "--format", fmt, "--no-color"])
    assert result.exit_code == 0, result.output
    assert "Responsible for vendor management" in result.stdout
    if fmt == "json":
        report = json.loads(result.stdout)
        assert report["source"]["type"] == "json"
        # the same person as the Markdown sample: the same role (from the headline) and the same score
        markdown = json.loads(
            CliRunner().invoke(main, ["check", str(SAMPLE.with_suffix(".md")), "--format", "json"]).stdout
        )
        assert report["target"]["id"] == markdown["target"]["id"] == "it-project-manager"
        assert report["score"]["total"] == markdown["score"]["total"] >= 80


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_extract_works_on_json_resume(fmt: str) -> None:
    result = CliRunner().invoke(main, ["extract", str(SAMPLE), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        sections = [s["name"] for s in json.loads(result.stdout)["sections"]]
        assert sections == ["contact", "summary", "experience", "skills", "certifications", "education"]
    else:
        assert "  32 S  • Responsible for vendor management and contract renewals." in result.stdout  # a statement
        assert "  25 R    Senior IT Project Manager – Northbridge Utilities plc, Manchester" in result.stdout


def test_a_json_that_is_not_a_resume_exits_3_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    path.write_text(json.dumps(NOT_RESUMES["package.json"]), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "not a JSON Resume" in result.stderr


def test_the_github_and_junit_formats_point_into_the_json() -> None:
    github = CliRunner().invoke(main, ["check", str(SAMPLE), "--format", "github", "--min-severity", "warning"])
    assert github.exit_code == 0, github.output
    weak = [line for line in github.stdout.splitlines() if "title=impact.weak" in line]
    assert weak and weak[0].startswith(f"::warning file={SAMPLE},line=32,title=impact.weak::")
    assert weak[0].endswith("(at work[0].highlights[4])")
    junit = CliRunner().invoke(main, ["check", str(SAMPLE), "--format", "junit", "--min-severity", "warning"])
    assert junit.exit_code == 0, junit.output
    import xml.etree.ElementTree as ET

    suite = ET.fromstring(junit.stdout).find("testsuite")
    assert suite is not None and suite.get("name") == str(SAMPLE) and suite.get("failures") == "0"
    assert "impact.weak" in [case.get("name") for case in suite.iter("testcase")]
    assert f"{SAMPLE}:32: warning: Duty-style opener 'Responsible for'" in junit.stdout


def test_batch_reads_json_resume_in_every_cohort_format(tmp_path: Path) -> None:
    import csv
    import io

    folder = tmp_path / "cohort"
    folder.mkdir()
    paths = []
    for name in ("alex-morgan.json", "alex-morgan.md"):
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
        paths.append(str(folder / name))
    outputs = {}
    for fmt in ("csv", "json", "markdown", "html", "jsonl"):
        out = tmp_path / f"cohort.{fmt}"
        result = CliRunner().invoke(main, ["batch", *paths, "--format", fmt, "-q", "-j", "1", "-o", str(out)])
        assert result.exit_code == 0, (fmt, result.output)
        outputs[fmt] = out.read_text("utf-8")
    rows = {Path(r["file"]).name: r for r in csv.DictReader(io.StringIO(outputs["csv"]))}
    assert rows["alex-morgan.json"]["exit_code"] == "0" and rows["alex-morgan.json"]["role"] == "it-project-manager"
    assert abs(float(rows["alex-morgan.json"]["score"]) - float(rows["alex-morgan.md"]["score"])) <= 1
    people = {Path(p["file"]).name: p for p in json.loads(outputs["json"])["people"]}
    assert people["alex-morgan.json"]["score"] == float(rows["alex-morgan.json"]["score"])
    records = [json.loads(line) for line in outputs["jsonl"].splitlines()]
    records = [r for r in records if r["kind"] == "record"]
    assert sorted(Path(r["path"]).name for r in records) == ["alex-morgan.json", "alex-morgan.md"]
    assert all(r["exit_code"] == 0 and r["role"]["id"] == "it-project-manager" for r in records)
    for fmt in ("markdown", "html"):
        assert "alex-morgan.json" in outputs[fmt] and "alex-morgan.md" in outputs[fmt], fmt
