"""Shared fixtures: the real corpus location, golden-file updating, temporary inputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
DATA = Path(__file__).resolve().parent / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"


def _shared(env: str, *parts: str) -> Path:
    """A folder of the team's shared data: ``$env`` when set, else ``shared/PARTS`` beside the checkout (or beside
    the folder holding it, for a worktree under /work/wt)."""
    value = os.environ.get(env)
    if value:
        return Path(value)
    for base in (REPO.parent, REPO.parent.parent):
        if base.joinpath("shared", *parts).is_dir():
            return base.joinpath("shared", *parts)
    return REPO.parent.joinpath("shared", *parts)


CORPUS = _shared("RESUME_CHECK_CORPUS", "corpus", "real")
CORPUS_AVAILABLE = CORPUS.is_dir()
#: apply to tests that read the real corpus: they skip with a reason in a fresh clone outside this workplace
needs_corpus = pytest.mark.skipif(
    not CORPUS_AVAILABLE,
    reason=f"real-résumé corpus not found at {CORPUS} (set RESUME_CHECK_CORPUS to its folder to run these tests)",
)

JOBS = _shared("RESUME_CHECK_JOBS", "jobs")
#: apply to tests that read the real job postings (US federal, public domain): they skip when absent
needs_jobs = pytest.mark.skipif(
    not JOBS.is_dir(),
    reason=f"job postings not found at {JOBS} (set RESUME_CHECK_JOBS to their folder to run these tests)",
)

REFERENCE = _shared("RESUME_CHECK_REFERENCE", "reference")
#: apply to tests that read the reference data (O*NET, ESCO, VarCon...): they skip when absent
needs_reference = pytest.mark.skipif(
    not (REFERENCE / "onet").is_dir(),
    reason=f"reference data not found at {REFERENCE} (set RESUME_CHECK_REFERENCE to its folder to run these tests)",
)


@pytest.fixture
def cv(tmp_path: Path) -> Path:
    """The text sample résumé (alex-morgan.txt) copied to a temporary cv.txt."""
    path = tmp_path / "cv.txt"
    path.write_bytes((SAMPLES / "alex-morgan.txt").read_bytes())
    return path


def pytest_configure(config: pytest.Config) -> None:
    """The CLI caches compiled lexicons in the user's cache folder: point it at a throw-away folder for the run,
    so tests never read or write the developer's real cache (tests that need no cache set it themselves)."""
    import tempfile

    os.environ["RESUME_CHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="resume-check-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    import shutil

    folder = os.environ.get("RESUME_CHECK_CACHE_DIR", "")
    if "resume-check-test-cache-" in folder:
        shutil.rmtree(folder, ignore_errors=True)


#: tests that take seconds each (worker processes, a browser, a wheel build, whole-corpus runs, fuzzing): marked
#: ``slow`` here, in one place, so ``pytest -m "not slow"`` is a fast loop. A node id matches when it contains an entry.
SLOW_TESTS = (
    "test_batch.py::test_cli_batch",
    "test_batch.py::test_corpus",
    "test_redaction.py::test_no_personal_detail_survives_redaction_on_the_corpus",
    "test_redaction.py::test_pseudonyms_change_per_run",
    "test_html_browser.py",
    "test_extract_cli.py::test_wheel",
    "test_template_repo.py",
    "test_terminal_layout.py::test_batch",
    "test_corpus_",
    "test_fuzz",
    "test_dask",
    "test_scale.py::test_local_cluster",
    "test_scale.py::test_dask",
    "test_scale.py::test_cli_jsonl",
    "test_scale.py::test_a_run_killed",
    "test_scale.py::test_a_changed_file",
    "test_scale.py::test_writer",
    "test_ocr",
    "test_statement_labels.py",
    "test_posting_labels.py",
    "test_role_profiles.py::test_no_job_title_is_ever_a_missing_keyword_on_the_corpus",
    "test_extract_pdf.py::test_damaged_bytes_give_input_errors_not_crashes",
    "test_target.py::test_lexicon_target_equals_the_untargeted_analysis_on_the_corpus",
    "test_hardening_extract.py::test_a_pdf_drawing_a_million_tiny_characters_is_refused",
    "test_language.py::test_no_corpus_resume_is_flagged_as_non_english",
    "test_scale.py::test_cohort_from_jsonl_of_a_job_run",
    "test_jsonresume.py::test_batch_reads_json_resume_in_every_cohort_format",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark corpus tests (those skipping without the corpus or the postings) ``corpus``, and SLOW_TESTS ``slow``."""
    for item in items:
        reasons = " ".join(str(m.kwargs.get("reason", "")) for m in item.iter_markers("skipif"))
        if "corpus" in reasons or "postings" in reasons or "jobs" in reasons:
            item.add_marker(pytest.mark.corpus)
        if any(entry in item.nodeid for entry in SLOW_TESTS):
            item.add_marker(pytest.mark.slow)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current output instead of comparing (review the diff!)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def golden(update_golden: bool):  # type: ignore[no-untyped-def]
    """``golden(name, text)``: compare text with tests/golden/NAME, or rewrite it under --update-golden."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update_golden:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"golden file {path} missing: run pytest --update-golden and review the diff"
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"output differs from {path}; if intended, run pytest --update-golden"

    return check


def corpus_file(name: str) -> Path:
    """Path of a real-corpus file by name (tests using it must carry ``@needs_corpus``)."""
    return CORPUS / name
