"""Shared fixtures: the real corpus location, golden-file updating, temporary inputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
DATA = Path(__file__).resolve().parent / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"


def _corpus_dir() -> Path:
    env = os.environ.get("RESUME_CHECK_CORPUS")
    return Path(env) if env else REPO.parent / "shared" / "corpus" / "real"


CORPUS = _corpus_dir()
CORPUS_AVAILABLE = CORPUS.is_dir()
#: apply to tests that read the real corpus: they skip with a reason in a fresh clone outside this workplace
needs_corpus = pytest.mark.skipif(
    not CORPUS_AVAILABLE,
    reason=f"real-résumé corpus not found at {CORPUS} (set RESUME_CHECK_CORPUS to its folder to run these tests)",
)


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
