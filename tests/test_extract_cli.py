"""`resume-check extract`: dispatch on type, one-line errors with exit 3, JSON schema, corpus sections."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, SAMPLES, corpus_file, needs_corpus

from resume_check.cli import main
from resume_check.errors import InputError
from resume_check.extract import detect_kind, extract_bytes
from resume_check.extract.ocr import ocr_available


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("cv.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "legacy Word .doc"),
        ("cv.odt", b"PK\x03\x04rest", "OpenDocument .odt"),
        ("cv.rtf", b"{\\rtf1 hello}", "RTF files are not supported"),
        ("cv.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "this is an image"),
        ("cv.pdf", b"hello, not a pdf", "not a PDF"),
        ("cv.docx", b"plain text", "not a .docx"),
        ("cv.bin", b"\x00\x01\x02\x03", "unknown binary file type"),
        ("cv.xyz", b"some text", "unsupported file type '.xyz'"),
        ("cv.txt", b"   \n  ", "the file is empty"),
        ("cv.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "PDF"),
    ],
)
def test_bad_input_is_exit_3_with_one_line(tmp_path: Path, name: str, data: bytes, needle: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run("extract", str(path))
    assert code == 3
    assert out == ""
    assert err.count("\n") == 1 and err.startswith(f"resume-check: error: {path}")
    assert needle in err
    assert "Traceback" not in err


def test_missing_file_and_folder(tmp_path: Path) -> None:
    code, _, err = run("extract", str(tmp_path / "nope.pdf"))
    assert (code, err) == (3, f"resume-check: error: {tmp_path / 'nope.pdf'}: no such file; check the path\n")
    code, _, err = run("extract", str(tmp_path))
    assert code == 2  # click refuses a folder for a file argument: usage error


def test_size_limit(tmp_path: Path) -> None:
    from resume_check.extract import extract

    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    with pytest.raises(InputError, match="over the 100-byte limit"):
        extract(path, max_bytes=100)


def test_utf16_text_with_bom_is_read() -> None:
    """Regression: a NUL-byte check refused UTF-16 text files as binary."""
    data = "Jo Bloggs\nExperience\n".encode("utf-16")
    assert detect_kind(data, "cv.txt") == "txt"
    assert [line.text for line in extract_bytes(data, "cv.txt").lines] == ["Jo Bloggs", "Experience"]


def test_zip_bomb_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (150 * 1024 * 1024))
    code, _, err = run("extract", str(path))
    assert code == 3 and "Traceback" not in err


def test_stdin_text() -> None:
    code, out, _ = run("extract", "-", input="Jo Bloggs\njo@example.com\n\nSkills\nScrum, Jira\n")
    assert code == 0
    assert out.splitlines()[0] == "- (txt, 6 words)"
    assert "[skills] — “Skills”" in out
    assert "  email:    jo@example.com" in out


def test_extract_text_sample_whole_output(golden) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("extract", str(SAMPLES / "alex-morgan.txt"))
    assert (code, err) == (0, "")
    golden("extract/alex-morgan.txt.txt", out.replace(str(SAMPLES), "samples"))
    lines = out.splitlines()
    # which lines are statements (S), role headers (R) or neither, and each role's title, employer and dates
    assert lines[1].startswith("marks: S statement")
    assert "   9 R    Senior IT Project Manager – Northbridge Utilities plc, Manchester" in lines
    assert "  10 R    March 2021 – Present" in lines
    assert "  15 S  • Responsible for vendor management and contract renewals." in lines
    assert "   6      IT project manager with ten years' experience" in out  # the summary is context
    roles = lines[lines.index("[roles]") + 1 : lines.index("[roles]") + 4]
    assert roles == [
        "   9  Senior IT Project Manager · Northbridge Utilities plc · 2021-03 to present (“March 2021 – Present”)",
        "  17  IT Project Manager · Caldwell Housing Group · 2017-06 to 2021-02 (“June 2017 – February 2021”)",
        "  25  Project Coordinator · Pennine Digital Services · 2014-09 to 2017-05 (“September 2014 – May 2017”)",
    ]


def test_extract_json_has_roles_and_statements() -> None:
    code, out, _ = run("extract", str(SAMPLES / "alex-morgan.txt"), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["language"] == "en"
    assert [(r["title"], r["employer"], r["start"], r["end"]) for r in doc["roles"]] == [
        ("Senior IT Project Manager", "Northbridge Utilities plc", "2021-03", "present"),
        ("IT Project Manager", "Caldwell Housing Group", "2017-06", "2021-02"),
        ("Project Coordinator", "Pennine Digital Services", "2014-09", "2017-05"),
    ]
    assert doc["roles"][0]["header_lines"] == [9, 10] and doc["roles"][0]["lines"] == [11, 12, 13, 14, 15]
    assert len(doc["statements"]) == 13
    assert {s["verdict"] for s in doc["statements"]} == {"strong", "unquantified", "weak"}
    experience = next(s for s in doc["sections"] if s["name"] == "experience")
    headers = [b["line"] for b in experience["blocks"] if b["role_header"]]
    assert headers == [9, 10, 17, 18, 25, 26]
    stated = [b["line"] for b in experience["blocks"] if b["statements"]]
    assert stated == [s["line"] for s in doc["statements"]]


@pytest.mark.parametrize("name", ["alex-morgan.pdf", "alex-morgan.docx", "alex-morgan.txt", "alex-morgan.md"])
def test_extract_json_schema_and_sections(name: str) -> None:
    from importlib import resources

    import jsonschema  # a test dependency (setup.cfg [test])

    schema = json.loads(resources.files("resume_check").joinpath("schemas/extract.schema.json").read_text())
    code, out, _ = run("extract", str(SAMPLES / name), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    jsonschema.validate(doc, schema)
    assert doc["schema_version"] and doc["source"]["type"] == name.rsplit(".", 1)[1]
    names = [s["name"] for s in doc["sections"]]
    for wanted in ("experience", "education", "skills", "certifications"):
        assert wanted in names, (name, names)
    assert doc["contact"]["email"]


# --------------------------------------------------------------------------------------------- real corpus

#: what a person sees in each corpus file: sections that must be found (by canonical name)
CORPUS_SECTIONS = {
    "AmruthPillai__Reactive-Resume__azurill.pdf": {"experience", "education", "skills"},
    "AmruthPillai__Reactive-Resume__onyx.pdf": {"experience", "education", "skills"},
    "booch__resume__resume.pdf": {"experience"},
    "deedy__Deedy-Resume__deedy_resume-openfont.pdf": {"experience", "education", "skills"},
    "gitobic__SoupBoss__01-Desktop Support.pdf": {"experience", "education", "skills"},
    "gitobic__SoupBoss__01-Desktop Support.docx": {"experience", "education", "skills"},
    "gitobic__SoupBoss__aws-devops-engineer-resume-example.pdf": {"experience", "education", "skills"},
    "gitobic__SoupBoss__Mickey01_docx.docx": {"summary", "skills", "experience"},
    "jakegut__resume__resume.pdf": {"experience", "education", "projects"},
    "posquit0__Awesome-CV__resume.pdf": {"experience", "education"},
    "rendercv__rendercv__John_Doe_ClassicTheme_CV.pdf": {"experience", "education", "projects"},
    "sb2nov__resume__sourabh_bajaj_resume.pdf": {"experience", "education", "projects"},
    "xitanggg__open-resume__openresume-resume.pdf": {"experience", "education", "projects", "skills"},
    "srbhr__Resume-Matcher__alfred_pennyworth_pm.pdf": {"experience", "education"},
    "mathdebate09__job-cli__project_manager.pdf": {"experience", "education"},
    "OmkarPathak__pyresparser__OmkarResume.pdf": {"experience", "education", "skills"},
}


@needs_corpus
@pytest.mark.parametrize("name", sorted(CORPUS_SECTIONS))
def test_corpus_sections(name: str) -> None:
    from resume_check.extract import extract
    from resume_check.structure import build_resume

    resume = build_resume(extract(corpus_file(name)))
    found = {s.name for s in resume.sections}
    assert CORPUS_SECTIONS[name] <= found, (name, sorted(found))
    assert resume.contact.email or resume.contact.phone or resume.contact.linkedin or name.startswith("rendercv")


@needs_corpus
def test_corpus_every_text_file_extracts_and_scan_is_exit_3() -> None:
    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".pdf", ".docx"))
    assert len(files) >= 30
    for path in files:
        code, out, err = run("extract", str(path))
        if path.name == "mathdebate09__job-cli__marketing_specialist.pdf":
            if ocr_available():
                continue  # read by OCR: tests/test_ocr.py (a minute of OCR is not worth repeating here)
            assert code == 3 and "text layer" in err, err
            continue
        assert code == 0, (path.name, err)
        assert len(out.split()) > 100, path.name


# --------------------------------------------------------------------------------------------- packaging


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to copy the checkout")
def test_wheel_installs_and_runs_outside_checkout(tmp_path: Path) -> None:
    """Build the wheel, install it in a clean venv (no index), run `extract` on a sample from elsewhere."""
    repo = Path(__file__).resolve().parent.parent
    wheel_dir = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheel_dir), str(repo)],
        capture_output=True,
        text=True,
    )
    if build.returncode != 0 and "setuptools" in build.stderr:
        build = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(wheel_dir), str(repo)],
            capture_output=True,
            text=True,
        )
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(wheel_dir.glob("resume_check-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "resume_check/lexicons/headings.yaml" in names
    assert any(n.startswith("resume_check/lexicons/terms-") for n in names)
    assert "resume_check/schemas/analysis.schema.json" in names
    assert "resume_check/data/english_words.txt.gz" in names
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    # no network: reuse the dependencies installed here (a path line in a .pth file), install only the wheel
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    import site as site_module

    deps = [p for p in site_module.getsitepackages() if Path(p).is_dir()]
    (Path(site) / "_deps_from_test.pth").write_text("\n".join(deps) + "\n")
    subprocess.run(
        [str(py), "-m", "pip", "install", "--no-deps", "--no-index", "--force-reinstall", str(wheel)],
        check=True,
        capture_output=True,
    )
    sample = tmp_path / "cv.txt"
    shutil.copyfile(SAMPLES / "alex-morgan.txt", sample)
    out = subprocess.run(
        [str(venv / "bin" / "resume-check"), "extract", str(sample)], capture_output=True, text=True, cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    assert "[experience]" in out.stdout
    where = subprocess.run(
        [str(py), "-c", "import resume_check, sys; sys.stdout.write(resume_check.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    ).stdout
    assert str(venv) in where, where
