"""The hand-label files in tests/data/labels/ parse, follow their schema, name corpus files, hold no contact data."""

from __future__ import annotations

import html
import importlib.util
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from conftest import CORPUS, REPO, needs_corpus

LABELS = Path(__file__).resolve().parent / "data" / "labels"
STATEMENT_FILES = sorted((LABELS / "statements").glob("*.yaml"))
JOB_FILES = sorted((LABELS / "jobs").glob("*.yaml"))
JOBS = REPO.parent / "shared" / "jobs"
JOBS_AVAILABLE = JOBS.is_dir()
needs_jobs = pytest.mark.skipif(not JOBS_AVAILABLE, reason=f"job postings folder not found at {JOBS}")

VERDICTS = {"strong", "unquantified", "weak"}
CANONICAL = {"contact", "summary", "experience", "education", "skills", "certifications", "projects", "other"}
KNOCKOUT_KINDS = {"citizenship", "background_check", "clearance", "work_authorisation", "location", "travel"}
DATE = re.compile(r"^(\d{4}(-(0[1-9]|1[0-2]))?|present)$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b")


def _load_eval() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_labels", REPO / "tools" / "eval_labels.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_labels", module)
    spec.loader.exec_module(module)
    return module


EVAL = _load_eval()


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: top level must be a mapping"
    return data


def test_there_are_enough_label_files() -> None:
    assert len(STATEMENT_FILES) >= 10
    assert len(JOB_FILES) >= 5


@pytest.mark.parametrize("path", STATEMENT_FILES, ids=lambda p: p.name)
def test_statement_label_file_follows_the_schema(path: Path) -> None:
    data = _load(path)
    assert path.name == f"{data['file']}.yaml", "the label file is named after the corpus file"
    assert isinstance(data.get("labeller_notes"), str) and data["labeller_notes"].strip()
    for section in data["sections"]:
        assert section["heading"].strip()
        assert section["canonical"] in CANONICAL, section
    for role in data["roles"]:
        assert role["title"].strip() and role["employer"].strip(), role
        assert role["section"] in CANONICAL, role
        for end in ("start", "end"):
            assert role[end] is None or DATE.match(str(role[end])), role
    for st in data["statements"]:
        assert set(st) <= {"key", "verdict", "section", "page", "line_hint", "borderline", "note"}, st
        key = st["key"]
        assert 1 <= len(key.split()) <= 8, f"key too long: {key!r}"
        assert EVAL.normalise_key(key, 8) == key, f"key is not in normalised form: {key!r}"
        assert st["verdict"] in VERDICTS, st
        assert st["section"] in CANONICAL, st
        assert st["page"] is None or (isinstance(st["page"], int) and st["page"] >= 1), st
        assert isinstance(st.get("borderline", False), bool)
    nots = data.get("not_statements_examples") or []
    assert len(nots) <= 8
    for item in nots:
        assert item["key"] and item["why"], item
        assert len(item["key"].split()) <= 8


@pytest.mark.parametrize("path", STATEMENT_FILES + JOB_FILES, ids=lambda p: p.name)
def test_label_files_hold_no_contact_details(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not EMAIL.search(text), "an e-mail address in a label file"
    assert not PHONE.search(text), "a phone number in a label file"


@needs_corpus
@pytest.mark.parametrize("path", STATEMENT_FILES, ids=lambda p: p.name)
def test_statement_label_file_names_a_corpus_file(path: Path) -> None:
    assert (CORPUS / _load(path)["file"]).is_file()


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S)
    return "\n".join(html.unescape("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))) for p in paragraphs)


@needs_corpus
@pytest.mark.parametrize("path", STATEMENT_FILES, ids=lambda p: p.name)
def test_every_statement_key_occurs_in_the_file_text(path: Path) -> None:
    """A typo in a key would make the label unmatchable: every key (each repeat too) occurs in the file's own text.

    The text comes from pdftotext (not a project dependency: skipped without it) or the DOCX XML, never from
    resume-check, so the check stays independent of the tool being measured."""
    data = _load(path)
    source = CORPUS / data["file"]
    if source.suffix == ".pdf":
        if shutil.which("pdftotext") is None:
            pytest.skip("pdftotext is not installed (only needed to check label keys against PDF text)")
        text = subprocess.run(["pdftotext", str(source), "-"], capture_output=True, text=True, check=True).stdout
    else:
        text = _docx_text(source)
    words = f" {EVAL.normalise_key(text, 10**9)} "
    wanted = Counter(st["key"] for st in data["statements"])
    for key, count in wanted.items():
        assert words.count(f" {key} ") >= count, f"{key!r} occurs fewer than {count} times in {data['file']}"


@pytest.mark.parametrize("path", JOB_FILES, ids=lambda p: p.name)
def test_job_label_file_follows_the_schema(path: Path) -> None:
    data = _load(path)
    assert path.name == f"{data['file']}.yaml"
    assert data["title"].strip()
    assert data["required"], "every posting requires something"
    for group in ("required", "preferred"):
        for term in data[group]:
            assert set(term) <= {"term", "line_hint", "also", "note"}, term
            assert 1 <= len(term["term"].split()) <= 4, f"term longer than 4 words: {term['term']!r}"
            assert re.fullmatch(r"L\d+", term["line_hint"]), term
    for group in ("certifications", "education"):
        assert isinstance(data[group], list)
    for item in data["years"]:
        assert isinstance(item["years"], (int, float)) and item["attaches_to"].strip()
    for item in data["knockouts"]:
        assert item["kind"] in KNOCKOUT_KINDS, item
    assert all(item["phrase"].strip() and item["why"].strip() for item in data["not_terms"])
    required = {t["term"].lower() for t in data["required"]}
    not_terms = {n["phrase"].lower() for n in data["not_terms"]}
    assert not required & not_terms, "a phrase cannot be both required and a not-term"


@needs_jobs
@pytest.mark.parametrize("path", JOB_FILES, ids=lambda p: p.name)
def test_job_label_lines_point_into_the_posting(path: Path) -> None:
    data = _load(path)
    lines = (JOBS / data["file"]).read_text(encoding="utf-8").splitlines()
    assert lines[0].strip() == data["title"]
    for term in data["required"] + data["preferred"]:
        assert 1 <= int(term["line_hint"][1:]) <= len(lines), term
    text = _fold("\n".join(lines))
    for item in data["not_terms"]:
        assert _fold(item["phrase"]) in text, f"not-term {item['phrase']!r} is not in the posting"


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("\u2019", "'").lower()


def test_normalise_key_examples() -> None:
    assert EVAL.normalise_key("• Re-architected the existing content editor to be") == (
        "re architected the existing content editor"
    )
    assert EVAL.normalise_key("Discovered and ﬁxed 5 bugs in the") == "discovered and fixed 5 bugs in"
    assert EVAL.normalise_key("I’ve never been convicted of a computer crime") == "ive never been convicted of a"
    assert EVAL.normalise_key("Raised $18M Series A", 6) == "raised 18m series a"


def test_matching_is_one_to_one_and_needs_the_statement_to_start_with_the_key() -> None:
    labels = (
        EVAL.Label("promoted agile practices within team", "unquantified", False),
        EVAL.Label("promoted agile practices within team", "unquantified", True),
        EVAL.Label("grew team from 4 to 25", "strong", False),
    )
    tool = (
        EVAL.ToolStatement("• Promoted Agile practices within team.", "unquantified"),
        EVAL.ToolStatement("2019 Grew team from 4 to 25 developers in 18 months.", "strong"),
        EVAL.ToolStatement("Grew team from 4 to 25 developers in 18 months.", "unquantified"),
    )
    score = EVAL.score_file(EVAL.LabelFile("x.pdf", labels), tool)
    assert (score.labels, score.tool, score.matched, score.verdict_agree) == (3, 3, 2, 1)
    assert (score.firm_labels, score.firm_tool, score.firm_matched, score.firm_agree) == (2, 3, 2, 1)
    assert ("strong", "unquantified", 1) in score.confusion


def test_statements_are_read_from_a_check_report() -> None:
    report = {"impact": {"statements": [{"text": "Led a team of 5", "verdict": "strong"}]}}
    assert EVAL.statements_from_report(report) == (EVAL.ToolStatement("Led a team of 5", "strong"),)
    table = EVAL.render_table([EVAL.score_file(EVAL.LabelFile("x.pdf", ()), ())])
    assert "TOTAL (micro)" in table and "x.pdf" in table


def test_details_list_misses_extras_and_verdict_disagreements() -> None:
    labels = EVAL.LabelFile(
        "x.pdf",
        (EVAL.Label("led a team of 5", "strong", False), EVAL.Label("helped the team", "weak", True)),
    )
    tool = (EVAL.ToolStatement("Led a team of 5", "unquantified"), EVAL.ToolStatement("Acme Corp 2020", "weak"))
    assert EVAL.render_details(labels, tool).splitlines() == [
        "== x.pdf",
        "  missed  'helped the team' (weak, borderline)",
        "  extra   'acme corp 2020' (weak)",
        "  verdict 'led a team of 5': label strong, tool unquantified",
    ]
