"""Issue 15: a short seeded fuzz round (tools/fuzz.py) in CI: byte and structure mutations of the sample and
synthetic PDF and DOCX files, analysed in process. Any exception other than the documented input errors (exit 3)
fails, and so does a case the time limit did not stop. Longer rounds: `python tools/fuzz.py --cases 5000`."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parent.parent / "tools" / "fuzz.py"


@pytest.fixture(scope="module")
def fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("resume_check_fuzz", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_seeded_fuzz_round_has_no_failures_and_no_hangs(fuzz: ModuleType) -> None:
    seeds = fuzz.default_seeds()
    assert {name.rsplit(".", 1)[1] for name, _ in seeds} == {"pdf", "docx"}
    summary = fuzz.run(300, seed=20261207, time_limit=10.0, seeds=seeds)
    table = summary.table()
    assert len(summary.cases) == 300
    assert not summary.failures, table
    assert not summary.hangs, table
    outcomes = {case.outcome for case in summary.cases}
    assert {"analysed", "input-error"} <= outcomes, table  # the round exercises both paths
    kinds = {case.kind for case in summary.cases}
    assert kinds == {"pdf", "docx"}, table


def test_the_mutations_are_deterministic_for_a_seed(fuzz: ModuleType) -> None:
    name, data = fuzz.default_seeds()[0]
    kind = "pdf" if name.endswith(".pdf") else "docx"
    first = [fuzz.mutate(random.Random(k), kind, data, [data]) for k in range(20)]
    again = [fuzz.mutate(random.Random(k), kind, data, [data]) for k in range(20)]
    assert first == again
    assert len({mutated for mutated, _ in first}) > 15  # and they differ from case to case


def test_a_failure_is_reported_as_a_failure(fuzz: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness itself can fail: an exception that is not an input error counts as a failure (exit 4)."""
    import resume_check.analysis as analysis

    def broken(document: object, engine: object, *args: object, **kwargs: object) -> object:
        raise KeyError("a bug")

    monkeypatch.setattr(analysis, "analyse_document", broken)
    name, data = next((n, d) for n, d in fuzz.default_seeds() if n.endswith(".pdf"))
    outcome, detail = fuzz.run_case(data, name, engine=None, time_limit=10.0)
    assert outcome == "failure" and detail.startswith("KeyError")


def test_a_library_warning_on_stderr_is_a_failure(fuzz: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    """A library's warning reaches the user's terminal through Python's last-resort handler (pdfminer printed "Not
    adding object 1 to xref because position b'0000000((((…'" from the decompression budget): the harness counts it
    as a failure, naming the logger."""
    import logging

    import resume_check.analysis as analysis
    from resume_check.errors import InputError

    def noisy(document: object, engine: object, *args: object, **kwargs: object) -> object:
        logging.getLogger("pdfminer.pdfdocument").warning("Not adding object %s to xref", 1)
        raise InputError("fuzz.pdf: the PDF is damaged")  # an input error otherwise: exit 3

    monkeypatch.setattr(analysis, "analyse_document", noisy)
    name, data = next((n, d) for n, d in fuzz.default_seeds() if n.endswith(".pdf"))
    outcome, detail = fuzz.run_case(data, name, engine=None, time_limit=10.0)
    assert outcome == "failure"
    assert detail == "log on stderr from pdfminer.pdfdocument: 'Not adding object 1 to xref'"
    assert logging.getLogger().handlers == [h for h in logging.getLogger().handlers if type(h).__name__ != "_Heard"]
