"""Batch mode: worker processes, per-file time limit, error rows, exit codes, deterministic output, CLI."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import CORPUS, SAMPLES, needs_corpus
from test_cohort import make_analysis

from resume_check.cohort.batch import BatchInterrupted, BatchRecord, analyse_many, expand_paths, worst_exit_code
from resume_check.cohort.summary import build_cohort
from resume_check.config import Settings
from resume_check.errors import InputError
from resume_check.extract import read_input
from resume_check.models import Analysis, Finding
from resume_check.render import cohort_json
from resume_check.render import csv as csv_render

# ---- fakes run inside the worker processes (top-level, so they pickle by reference) ----


def fake_build(settings: Settings) -> dict[str, int]:
    return {"pid": os.getpid(), "built": time.perf_counter_ns()}


def fake_analyse(path: str, settings: Settings, engine: dict[str, int]) -> Analysis:
    """Reads a tiny 'résumé': `score N`, or HANG / BOOM / EXIT / BAD to misbehave."""
    text = read_input(path).decode("utf-8", "replace").strip()
    if text == "HANG":
        time.sleep(120)
    if text == "BOOM":
        raise RuntimeError("parser exploded")
    if text == "EXIT":
        os._exit(9)
    if not text.startswith("score "):
        raise InputError(f"{path}: not a résumé; re-export it", path=path)
    engine_id = f"{engine['pid']}-{engine['built']}"
    return make_analysis(path, float(text.split()[1]), findings=[Finding("test.engine", engine_id, "info")])


def failing_build(settings: Settings) -> None:
    from resume_check.errors import LexiconError

    raise LexiconError("extra.yaml, entry 3: pattern must be a string; fix the entry")


class _UnreadableLexicon:
    @property
    def terms(self) -> tuple[()]:
        from resume_check.errors import LexiconError

        raise LexiconError("extra.yaml: the terms cannot be read; fix the pack")


def engine_with_unreadable_terms(settings: Settings) -> object:
    """An engine whose terms fail only when the worker ranks them for sending (batch._ranked_missing_of)."""
    from resume_check.analysis import Engine

    return Engine(settings, _UnreadableLexicon(), matcher=None, analyse_impact=None)  # type: ignore[arg-type]


def slow_analyse(path: str, settings: Settings, engine: object) -> Analysis:
    time.sleep(0.3)
    return make_analysis(path, 50.0)


def make_batch(tmp_path: Path) -> Path:
    folder = tmp_path / "cohort"
    (folder / "sub").mkdir(parents=True)
    for name, body in {
        "b.txt": "score 70",
        "a.txt": "score 40",
        "c.md": "score 55",
        "broken.txt": "%%% garbage",
        "hang.txt": "HANG",
        "boom.txt": "BOOM",
        "sub/d.txt": "score 85",
        ".hidden.txt": "score 1",
        "notes.csv": "not a résumé type",
    }.items():
        (folder / name).write_text(body, encoding="utf-8")
    return folder


def test_expand_paths(tmp_path: Path) -> None:
    folder = make_batch(tmp_path)
    flat = expand_paths([str(folder)])
    assert [Path(p).name for p in flat] == ["a.txt", "b.txt", "boom.txt", "broken.txt", "c.md", "hang.txt"]
    deep = expand_paths([str(folder), str(folder / "a.txt"), str(folder / "*.txt")], recursive=True)
    assert len(deep) == 7 and deep == tuple(sorted(deep)) and str(folder / "sub" / "d.txt") in deep
    assert expand_paths([str(folder / "s*.txt")]) == ()
    assert expand_paths([str(folder / "missing.pdf")]) == (str(folder / "missing.pdf"),)


def test_batch_errors_timeout_and_worst_code(tmp_path: Path) -> None:
    folder = make_batch(tmp_path)
    paths = (*expand_paths([str(folder)], recursive=True), str(folder / "missing.pdf"))
    seen: list[BatchRecord] = []
    records = analyse_many(
        paths, workers=2, time_limit=2.0, progress=seen.append, analyse=fake_analyse, build=fake_build
    )
    assert [r.path for r in records] == sorted(paths)
    assert len(seen) == len(records)
    by_name = {Path(r.path).name: r for r in records}
    for name, score in {"a.txt": 40, "b.txt": 70, "c.md": 55, "d.txt": 85}.items():
        analysis = by_name[name].analysis
        assert analysis is not None and analysis.score.total == score and by_name[name].error is None
    hang = by_name["hang.txt"].error
    assert hang is not None and (hang.exit_code, hang.kind) == (3, "timeout") and "timed out after 2 s" in hang.message
    boom = by_name["boom.txt"].error
    assert boom is not None and boom.exit_code == 4 and "parser exploded" in boom.message
    broken = by_name["broken.txt"].error
    assert broken is not None and (broken.exit_code, broken.kind) == (3, "InputError")
    missing = by_name["missing.pdf"].error
    assert missing is not None and missing.exit_code == 3 and "no such file" in missing.message
    assert worst_exit_code(records) == 4
    assert worst_exit_code([r for r in records if r.exit_code < 4]) == 3
    assert worst_exit_code([r for r in records if r.error is None]) == 0
    # each worker built its engine once; the one killed for the timeout was replaced by a fresh one
    engines = {a.findings[0].message for r in records if (a := r.analysis) is not None}
    assert 1 <= len(engines) <= 3


def test_crashing_worker_is_an_error_row_and_replaced(tmp_path: Path) -> None:
    for name, body in {"a.txt": "score 10", "b.txt": "EXIT", "c.txt": "score 30"}.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    records = analyse_many(expand_paths([str(tmp_path)]), workers=1, analyse=fake_analyse, build=fake_build)
    assert [r.exit_code for r in records] == [0, 4, 0]
    crash = records[1].error
    assert crash is not None and crash.kind == "crash" and "exit code 9" in crash.message


def test_one_and_two_workers_give_identical_output(tmp_path: Path) -> None:
    folder = make_batch(tmp_path)
    (folder / "hang.txt").unlink()
    paths = expand_paths([str(folder)], recursive=True)
    outputs = []
    for workers in (1, 2):
        records = analyse_many(paths, workers=workers, analyse=fake_analyse, build=fake_build)
        # drop the engine-identity finding, which differs by design
        cohort = build_cohort([_without_engine(r) for r in records])
        outputs.append((csv_render.render_cohort(cohort), cohort_json.render_cohort(cohort)))
    assert outputs[0] == outputs[1]


def _without_engine(record: BatchRecord) -> BatchRecord:
    if record.analysis is None:
        return record
    return BatchRecord(record.path, make_analysis(record.path, record.analysis.score.total), None)


def test_engine_failure_aborts_with_its_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("score 1", encoding="utf-8")
    from resume_check.errors import LexiconError

    with pytest.raises(LexiconError, match="entry 3"):
        analyse_many([str(tmp_path / "a.txt")], workers=1, analyse=fake_analyse, build=failing_build)


def test_a_worker_that_fails_ranking_its_terms_reports_that_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("score 1", encoding="utf-8")
    from resume_check.errors import LexiconError

    with pytest.raises(LexiconError, match="terms cannot be read"):
        analyse_many([str(tmp_path / "a.txt")], workers=1, analyse=fake_analyse, build=engine_with_unreadable_terms)


def test_interrupt_keeps_finished_rows(tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text("score 1", encoding="utf-8")
    calls = []

    def stop_after_two(record: BatchRecord) -> None:
        calls.append(record)
        if len(calls) == 2:
            raise KeyboardInterrupt

    with pytest.raises(BatchInterrupted) as info:
        analyse_many(
            expand_paths([str(tmp_path)]), workers=1, progress=stop_after_two, analyse=slow_analyse, build=fake_build
        )
    assert len(info.value.records) == 2 and info.value.remaining == 4


def test_empty_input() -> None:
    assert analyse_many([], analyse=fake_analyse, build=fake_build) == ()


# ---- the real pipeline through the CLI ----

CV_TEMPLATE = """\
# {name}

{email} | {phone} | linkedin.com/in/{handle}

## Experience

### IT Project Manager, Acme Ltd (2018-2024)

- Delivered a £{money}M ERP migration 3 weeks ahead of schedule with a team of {team} engineers.
- Led Scrum ceremonies and sprint planning for four squads using Jira.
- Responsible for the risk register.

## Education

BSc Computer Science, 2014

## Skills

Scrum, Kanban, Jira, risk management, PRINCE2
"""

PEOPLE = [
    ("Alice Quill", "alice.quill@example.com", "+44 7700 900001", "alice-quill", 2, 12),
    ("Bob Marden", "bob.marden@example.org", "+1 415 555 0199", "bob-marden", 5, 30),
]


def make_cli_batch(tmp_path: Path) -> Path:
    from pdf_fixtures import image_only_pdf

    folder = tmp_path / "cohort"
    folder.mkdir()
    for name, email, phone, handle, money, team in PEOPLE:
        text = CV_TEMPLATE.format(name=name, email=email, phone=phone, handle=handle, money=money, team=team)
        (folder / f"{handle}.md").write_text(text, encoding="utf-8")
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\ngarbage without xref")
    (folder / "scan.pdf").write_bytes(image_only_pdf())
    return folder


def test_cli_batch_rows_exit_code_and_workers(tmp_path: Path) -> None:
    import csv
    import io

    from click.testing import CliRunner

    from resume_check.cli import main

    folder = make_cli_batch(tmp_path)
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"cohort-{workers}.csv"
        # --no-ocr: the scan is refused at once (OCR of it would race the time limit; tests/test_ocr.py reads scans)
        result = CliRunner().invoke(
            main, ["batch", str(folder), "--workers", workers, "--output", str(out), "--no-ocr"]
        )
        assert result.exit_code == 3, result.output  # unreadable files: the worst code is 3
        assert "2 of 4 résumé(s) analysed; 2 could not be analysed" in result.output
        outputs.append(out.read_text(encoding="utf-8"))
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # atomic: no temporary left
    assert outputs[0] == outputs[1]
    rows = {Path(r["file"]).name: r for r in csv.DictReader(io.StringIO(outputs[0]))}
    assert sorted(rows) == ["alice-quill.md", "bob-marden.md", "corrupt.pdf", "scan.pdf"]
    for good in ("alice-quill.md", "bob-marden.md"):
        assert rows[good]["exit_code"] == "0" and float(rows[good]["score"]) > 0 and rows[good]["rank"]
    for bad in ("corrupt.pdf", "scan.pdf"):
        assert rows[bad]["exit_code"] == "3" and rows[bad]["error"] and rows[bad]["score"] == ""


def test_cli_batch_redacts_every_format(tmp_path: Path) -> None:
    import re

    from click.testing import CliRunner

    from resume_check.cli import main

    folder = make_cli_batch(tmp_path)
    for fmt, *extra in (("csv",), ("json",), ("markdown",), ("html",), ("json", "--details")):
        args = ["batch", str(folder), "--format", fmt, "--redact", "--quiet", "-j", "2", *extra]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 3
        out = result.stdout
        assert "candidate-" in out
        for name, email, phone, handle, _, _ in PEOPLE:
            for secret in (name, email, handle, *name.split()):
                assert secret.lower() not in out.lower(), (fmt, secret)
            assert re.sub(r"\D", "", phone) not in re.sub(r"\D", "", out), (fmt, phone)
        assert str(tmp_path) not in out, fmt


def test_cli_batch_json_details(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from resume_check.cli import main

    folder = make_cli_batch(tmp_path)
    (folder / "corrupt.pdf").unlink()
    (folder / "scan.pdf").unlink()
    result = CliRunner().invoke(main, ["batch", str(folder), "--format", "json", "--details", "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    people = json.loads(result.stdout)["people"]
    assert [Path(p["file"]).name for p in people] == ["alice-quill.md", "bob-marden.md"]
    analysis = people[0]["analysis"]
    assert analysis["score"]["total"] == people[0]["score"]
    assert "alice.quill@example.com" in json.dumps(analysis)  # not redacted without --redact
    usage = CliRunner().invoke(main, ["batch", str(folder), "--format", "csv", "--details"])
    assert usage.exit_code == 2 and "--format json" in usage.output


def test_folders_leave_out_documentation_files(tmp_path: Path) -> None:
    from resume_check.cohort.batch import expand_inputs, is_documentation

    for name, body in {
        "cv.md": "# Ann\n",
        "README.md": "# About these CVs\n",
        "LICENSE.txt": "MIT",
        "Code-Of-Conduct.md": "Be kind",
        "readme-first.md": "# Ben\n",  # not a documentation name: a résumé like any other
    }.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    files, docs = expand_inputs([str(tmp_path)])
    assert [Path(p).name for p in files] == ["cv.md", "readme-first.md"]
    assert [Path(p).name for p in docs] == ["Code-Of-Conduct.md", "LICENSE.txt", "README.md"]
    # named explicitly, or matched by a glob, a documentation file is analysed like any other
    files, docs = expand_inputs([str(tmp_path), str(tmp_path / "README.md")])
    assert "README.md" in [Path(p).name for p in files] and "README.md" not in [Path(p).name for p in docs]
    assert [Path(p).name for p in expand_paths([str(tmp_path / "*.txt")])] == ["LICENSE.txt"]
    assert is_documentation("CHANGELOG.md") and not is_documentation("alex-readme.pdf")


def test_cli_batch_says_which_documentation_files_it_skipped(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from resume_check.cli import main

    (tmp_path / "README.md").write_text("# About\n", encoding="utf-8")
    only = CliRunner().invoke(main, ["batch", str(tmp_path)])
    assert only.exit_code == 3
    assert only.output == (
        f"resume-check: error: no résumé files found in {tmp_path} (only documentation or tooling files: README.md); "
        "check the paths (use --recursive for sub-folders; name a file explicitly to include it)\n"
    )
    (tmp_path / "cv.txt").write_text(
        "Ann Example\nann@example.com\n\nExperience\n- Led the Scrum team and cut costs by 20%.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "--format", "json", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        "resume-check: skipped 1 documentation or tooling file(s) (README.md); name a file to include it\n"
    )
    import json

    assert [p["file"] for p in json.loads(result.stdout)["people"]] == [str(tmp_path / "cv.txt")]


def test_cli_batch_no_files(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from resume_check.cli import main

    result = CliRunner().invoke(main, ["batch", str(tmp_path)])
    assert result.exit_code == 3 and "no résumé files found" in result.output


def test_library_api_matches_single_file_analysis(tmp_path: Path) -> None:
    import resume_check

    folder = make_cli_batch(tmp_path)
    path = str(folder / "alice-quill.md")
    (record,) = resume_check.analyse_many([path], workers=1)
    single = resume_check.analyse_path(path)
    assert record.error is None and record.analysis == single


def test_records_carry_every_missing_term_and_share_them_across_records(tmp_path: Path) -> None:
    """Workers send each record's missing terms as positions in a list sent once (batch._pack); the records are
    the same as analysing each file here, and their missing terms are shared objects, not one copy per person."""
    import resume_check

    folder = make_cli_batch(tmp_path)
    paths = sorted(str(p) for p in folder.iterdir() if p.suffix == ".md")
    records = resume_check.analyse_many(paths, workers=1)
    singles = [resume_check.analyse_path(p) for p in paths]
    assert [r.analysis for r in records] == singles and len(records) >= 2
    first, second = (r.analysis for r in records[:2])
    assert first is not None and second is not None
    common = {m.id for m in first.missing} & {m.id for m in second.missing}
    assert first.target.id == second.target.id and len(common) > 20  # both measured against one role profile
    by_id = {m.id: m for m in second.missing}
    assert all(m is by_id[m.id] for m in first.missing if m.id in common)
    assert first.target.terms is second.target.terms and len(first.target.terms) > 30  # one shared copy


def test_a_record_with_missing_terms_from_elsewhere_travels_whole() -> None:
    import dataclasses
    import pickle

    from resume_check.cohort.batch import _pack, _unpack
    from resume_check.models import MissingTerm

    analysis = make_analysis("a.pdf", 50.0)
    ranked = (MissingTerm("x.one", "One", "x", 1.0), MissingTerm("x.two", "Two", "x", 2.0))
    position = {id(term): k for k, term in enumerate(ranked)}
    ours = BatchRecord("a.pdf", dataclasses.replace(analysis, missing=(ranked[1],)), None)
    packed = _pack(ours, position)
    assert packed[1] == [1] and packed[0].analysis is not None and packed[0].analysis.missing == ()
    assert packed[2] is None  # the target's terms are not among the shared objects: they travel with the record
    assert _unpack(pickle.dumps(packed), ranked) == ours
    foreign = BatchRecord("a.pdf", dataclasses.replace(analysis, missing=(MissingTerm("y", "Y", "x", 1.0),)), None)
    assert _pack(foreign, position) == (foreign, None, None)
    assert _unpack(pickle.dumps(_pack(foreign, position)), ranked) == foreign
    failed = BatchRecord("b.pdf", None, None)
    assert _pack(failed, position) == (failed, None, None)


def test_a_record_names_its_shared_target_terms_by_position() -> None:
    import dataclasses
    import pickle

    from resume_check.cohort.batch import _pack, _unpack
    from resume_check.models import MissingTerm
    from resume_check.targets.target import Target, TargetTerm

    terms = (TargetTerm("x.one", "One", "x", 1.0), TargetTerm("x.two", "Two", "x", 2.0))
    ranked = (MissingTerm("x.one", "One", "x", 1.0), MissingTerm("x.two", "Two", "x", 2.0))
    shared = (*ranked, terms)
    position = {id(item): k for k, item in enumerate(shared)}
    target = Target("lexicon", "lexicon", "the whole lexicon", terms, (("x", 1.0),))
    analysis = dataclasses.replace(make_analysis("a.pdf", 50.0), missing=(ranked[0],), target=target)
    ours = BatchRecord("a.pdf", analysis, None)
    packed = _pack(ours, position)
    assert packed[2] == 2 and packed[0].analysis is not None and packed[0].analysis.target.terms == ()
    back = _unpack(pickle.dumps(packed), shared)
    assert back == ours and back.analysis is not None and back.analysis.target.terms is terms


def test_cli_interrupt_writes_finished_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import csv
    import io

    from click.testing import CliRunner

    import resume_check.cohort.batch
    from resume_check.cli import main

    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text("score 1", encoding="utf-8")
    seen: dict[str, object] = {}

    def interrupted(paths, **kwargs):  # type: ignore[no-untyped-def]
        seen.update(kwargs)
        raise BatchInterrupted((BatchRecord(paths[0], make_analysis(paths[0], 42.0), None),), len(paths) - 1)

    monkeypatch.setattr(resume_check.cohort.batch, "analyse_many", interrupted)
    (tmp_path / ".resume-check.toml").write_text("time_limit = 7\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 130
    assert "interrupted: wrote 1 finished row(s); 2 file(s) left" in result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(Path(r["file"]).name, r["score"]) for r in rows] == [("a.md", "42")]
    settings = seen["settings"]
    assert isinstance(settings, Settings) and settings.time_limit == 7  # from the config found above the files
    CliRunner().invoke(main, ["batch", str(tmp_path), "-o", str(out), "--time-limit", "3"])
    assert isinstance(seen["settings"], Settings) and seen["settings"].time_limit == 3


@needs_corpus
def test_corpus_batch_has_a_row_for_every_file() -> None:
    files = expand_paths([str(CORPUS)])
    assert len(files) >= 30
    records = analyse_many(files, workers=2, settings=Settings(ocr="off"))  # OCR of the scan: tests/test_ocr.py
    assert [r.path for r in records] == list(files)
    assert not [r.path for r in records if r.exit_code == 4]  # nothing crashed or timed out as a bug
    failed = {Path(r.path).name for r in records if r.error is not None}
    assert failed <= {"mathdebate09__job-cli__marketing_specialist.pdf"}  # the image-only scan, by design
    cohort = build_cohort(records)
    assert cohort.analysed == len(files) - len(failed) and cohort.distribution is not None
    assert cohort.missing_keywords and cohort.missing_keywords[0].share > 0.5


def test_cli_batch_bad_lexicon_stops_with_exit_3(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from resume_check.cli import main

    (tmp_path / "a.md").write_text("# A\n\n- Led Scrum\n", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("bad: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "a.md"), "--lexicon", str(bad), "-q"])
    assert result.exit_code == 3 and "bad.yaml" in result.output


def test_a_folder_of_json_resumes_is_read_and_tooling_json_is_left_out(tmp_path: Path) -> None:
    """JSON Resume files in a folder get rows like any résumé; package.json and the like are skipped and named,
    and a .json that is neither becomes an error row, never silence."""
    import json

    from click.testing import CliRunner

    from resume_check.cli import main

    (tmp_path / "alex.json").write_bytes((SAMPLES / "alex-morgan.json").read_bytes())
    (tmp_path / "package.json").write_text('{"name": "cv-site", "version": "1.0.0"}', encoding="utf-8")
    (tmp_path / "resume.schema.json").write_text('{"type": "object"}', encoding="utf-8")
    (tmp_path / "notes.json").write_text('{"todo": ["update"]}', encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "--format", "json", "--workers", "1"])
    assert result.exit_code == 3, result.output  # notes.json is not a JSON Resume: an error row
    assert "skipped 2 documentation or tooling file(s) (package.json, resume.schema.json)" in result.stderr
    people = {Path(p["file"]).name: p for p in json.loads(result.stdout)["people"]}
    assert sorted(people) == ["alex.json", "notes.json"]
    assert people["alex.json"]["score"] > 50 and people["notes.json"]["error"]["exit_code"] == 3
