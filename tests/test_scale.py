"""Batch at scale (issue 16): the Dask engine on a real LocalCluster, streaming JSONL, resumable runs, the cohort
read back from JSONL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_check.cli import main
from resume_check.cohort.batch import BatchRecord, analyse_many, expand_paths
from resume_check.cohort.stream import (
    CohortSummary,
    JsonlWriter,
    cohort_from_jsonl,
    file_sha256,
    iter_lines,
    open_resume,
)
from resume_check.cohort.summary import build_cohort, distribution
from resume_check.config import Settings
from resume_check.errors import InputError
from resume_check.render import cohort_html, cohort_json, cohort_markdown, csv

sys.path.insert(0, str(REPO / "tools"))
from make_cohort import write_cohort

try:
    import distributed

    HAVE_DASK = True
except ImportError:
    HAVE_DASK = False
#: the Dask tests skip, saying why, where the extra is not installed (CI installs it: .ci/run)
needs_dask = pytest.mark.skipif(not HAVE_DASK, reason='the Dask extra is not installed (pip install -e ".[test,dask]")')


@pytest.fixture(scope="module")
def cohort_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples plus 200 generated résumés (every 20th a DOCX) and an unreadable one."""
    folder = tmp_path_factory.mktemp("cohort")
    write_cohort(folder / "generated", 200, seed=16, docx_every=20)
    samples = folder / "samples"
    samples.mkdir()
    for sample in SAMPLES.iterdir():
        if sample.suffix in (".pdf", ".docx", ".txt", ".md"):
            (samples / sample.name).write_bytes(sample.read_bytes())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a PDF")
    return folder


@pytest.fixture(scope="module")
def engine_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(cache_dir=str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A LocalCluster of 2 single-threaded worker processes on the loopback, closed after the module's tests;
    its scheduler address is what a user of an existing cluster passes as --scheduler."""
    if not HAVE_DASK:
        pytest.skip("the Dask extra is not installed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
    ) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def local_records(cohort_folder: Path, engine_settings: Settings) -> tuple[BatchRecord, ...]:
    return analyse_many(expand_paths([str(cohort_folder)], recursive=True), workers=2, settings=engine_settings)


@needs_dask
def test_local_cluster_of_two_workers_gives_the_local_records_file_for_file(
    cohort_folder: Path, engine_settings: Settings, local_records: tuple[BatchRecord, ...], cluster: str
) -> None:
    files = expand_paths([str(cohort_folder)], recursive=True)
    assert len(files) == 200 + 5 + 1
    from resume_check.cohort.engines.dask import iter_dask

    got = list(iter_dask(files, settings=engine_settings, scheduler=cluster))
    assert sorted(r.path for r, _ in got) == list(files)  # each file exactly once
    by_path = {r.path: (r, sha) for r, sha in got}
    for local in local_records:
        record, sha = by_path[local.path]
        assert record == local, local.path  # the whole analysis (or error), equal
        assert sha == file_sha256(local.path)
    analysed = [r for r in local_records if r.analysis is not None]
    assert len(analysed) == 205 and len({r.analysis.score.total for r in analysed if r.analysis}) > 20
    broken = by_path[str(cohort_folder / "broken.pdf")][0]
    assert broken.error is not None and broken.error.exit_code == 3
    # the cohort report from the Dask records is the local one, byte for byte
    dask_records = sorted((r for r, _ in got), key=lambda r: r.path)
    assert cohort_json.render_cohort(build_cohort(dask_records)) == cohort_json.render_cohort(
        build_cohort(local_records)
    )


# --------------------------------------------------------------------------------------------- fakes for Dask


def fake_build(settings: Settings) -> dict[str, int]:
    return {"pid": os.getpid()}


def fake_analyse(path: str, settings: Settings, engine: dict[str, int]) -> object:
    name = Path(path).name
    if name.startswith("bad"):
        raise InputError(f"{path}: cannot be read (a test error)")
    if name.startswith("slow"):
        while True:  # a Python-level hang: the watchdog stops it
            pass
    if name.startswith("kill"):
        os._exit(9)  # takes its worker process down, every time
    return None  # a record with analysis None and no error is fine for this test


@needs_dask
def test_dask_error_rows_timeout_and_a_file_that_kills_workers(tmp_path: Path) -> None:
    names = ["a.txt", "bad.txt", "slow.txt", "kill.txt", *(f"z{i}.txt" for i in range(6))]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    files = sorted(str(tmp_path / n) for n in names)
    from resume_check.cohort.engines.dask import iter_dask

    got = {
        r.path: r
        for r, _ in iter_dask(
            files,
            settings=Settings(),
            workers=2,
            time_limit=1.0,
            partition=5,
            analyse=fake_analyse,  # type: ignore[arg-type]
            build=fake_build,
            allowed_failures=0,
        )
    }
    assert sorted(got) == files
    bad, slow, kill = (got[str(tmp_path / n)] for n in ("bad.txt", "slow.txt", "kill.txt"))
    assert bad.error is not None and (bad.error.exit_code, bad.error.kind) == (3, "InputError")
    assert slow.error is not None and (slow.error.exit_code, slow.error.kind) == (3, "timeout")
    assert "timed out after 1 s" in slow.error.message
    assert kill.error is not None and (kill.error.exit_code, kill.error.kind) == (4, "crash")
    assert "killed its Dask worker process repeatedly" in kill.error.message
    for name in ("a.txt", *(f"z{i}.txt" for i in range(6))):  # the files sharing a partition with it survive
        assert got[str(tmp_path / name)].error is None


# --------------------------------------------------------------------------------------------- JSONL, resume


@needs_dask
def test_cli_jsonl_with_dask_then_cohort_equals_the_batch_report(
    cohort_folder: Path, tmp_path: Path, cluster: str, local_records: tuple[BatchRecord, ...]
) -> None:
    runner = CliRunner()
    samples = str(cohort_folder / "samples")
    out = tmp_path / "r.jsonl"
    summary = tmp_path / "s.json"
    options = [
        "--engine",
        "dask",
        "--scheduler",
        cluster,
        "--format",
        "jsonl",
        "-o",
        str(out),
        "--summary",
        str(summary),
    ]
    result = runner.invoke(main, ["batch", samples, *options])
    assert result.exit_code == 0, result.output
    with open(out, "rb") as handle:
        lines = list(iter_lines(handle))
    records = [line for line in lines if line["kind"] == "record"]
    assert sorted(r["path"] for r in records) == sorted(str(p) for p in Path(samples).iterdir())
    assert all(r["sha256"] == file_sha256(r["path"]) for r in records)
    sample_records = [r for r in local_records if r.path.startswith(samples + os.sep)]
    assert len(sample_records) == 5
    local_cohort = build_cohort(sample_records)
    for fmt, module in (("json", cohort_json), ("csv", csv), ("markdown", cohort_markdown), ("html", cohort_html)):
        from_jsonl = runner.invoke(main, ["cohort", str(out), "--format", fmt])
        assert from_jsonl.exit_code == 0, from_jsonl.output
        assert from_jsonl.output == module.render_cohort(local_cohort), fmt
    direct = runner.invoke(main, ["batch", samples, "--format", "json", "-q"])
    assert direct.output == runner.invoke(main, ["cohort", str(out), "--format", "json"]).output
    data = json.loads(summary.read_text(encoding="utf-8"))
    report = json.loads(direct.output)
    assert data["people_total"] == 5 and data["analysed"] == 5 and data["exit_codes"] == {"0": 5}
    assert data["distribution"] == report["distribution"]
    assert {g["id"]: g["count"] for g in data["missing_keywords"]} == {
        g["id"]: g["count"] for g in report["missing_keywords"]
    }
    assert runner.invoke(main, ["cohort", str(out), "--format", "summary"]).output == summary.read_text("utf-8")


def _descendants(pid: int) -> list[int]:
    """The processes below ``pid`` (from /proc), children first."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        below = [child for child, parent in parents.items() if parent in frontier]
        found += below
        frontier = below
    return found


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting to be reaped counts as dead)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _records(path: Path) -> dict[str, dict[str, object]]:
    with open(path, "rb") as handle:
        records = [line for line in iter_lines(handle) if line["kind"] == "record"]
    paths = [str(r["path"]) for r in records]
    assert len(paths) == len(set(paths)), "a file is recorded twice"
    return {str(r["path"]): r for r in records}


@pytest.mark.parametrize("engine", ["local", pytest.param("dask", marks=needs_dask)])
def test_a_run_killed_half_way_and_resumed_equals_an_uninterrupted_run(
    cohort_folder: Path, tmp_path: Path, engine: str
) -> None:
    folder = str(cohort_folder / "generated")
    whole, killed = tmp_path / "whole.jsonl", tmp_path / "killed.jsonl"
    command = [sys.executable, "-m", "resume_check", "batch", folder, "--format", "jsonl", "-j", "2", "-q"]
    command += ["--engine", engine]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([*command, "-o", str(whole)], env=env, check=False, timeout=600)
    process = subprocess.Popen([*command, "-o", str(killed)], env=env)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and process.poll() is None:
            if killed.exists() and killed.read_bytes().count(b'"kind":"record"') >= 80:
                break
            time.sleep(0.05)
        assert process.poll() is None, "the run ended before it could be killed"
        children = _descendants(process.pid)  # the batch workers, or Dask's nannies and workers
        assert children, "the run had no worker processes"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(30)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(map(_alive, children)):
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)], "worker processes outlived their killed parent"
    part = _records(killed)
    assert 80 <= len(part) < 200
    resumed = subprocess.run([*command, "--resume", str(killed)], env=env, check=False, timeout=600)
    assert resumed.returncode == 0
    assert killed.read_bytes().endswith(b"\n")
    after, expected = _records(killed), _records(whole)
    assert len(expected) == 200
    assert after == expected  # each file exactly once, the same records
    # a second resume has nothing left to do and adds nothing
    size = killed.stat().st_size
    again = subprocess.run([*command, "--resume", str(killed)], env=env, check=False, timeout=600)
    assert again.returncode == 0 and killed.stat().st_size == size


def test_resume_cuts_a_partial_last_line_and_skips_recorded_unchanged_files(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("one", encoding="utf-8")
    two.write_text("two", encoding="utf-8")
    results = tmp_path / "r.jsonl"
    line = {"kind": "record", "path": str(one), "sha256": file_sha256(str(one)), "exit_code": 3, "error": {}}
    results.write_bytes(json.dumps(line).encode() + b"\n" + b'{"kind":"record","path":"' + str(two).encode())
    state = open_resume(str(results))
    assert state.truncated > 0 and results.read_bytes().endswith(b"\n")
    assert state.recorded == {str(one): file_sha256(str(one))}
    from resume_check.cohort.stream import split_resume

    assert split_resume([str(one), str(two)], state) == ([str(two)], 1)
    one.write_text("one, changed", encoding="utf-8")  # a changed file is analysed again
    assert split_resume([str(one), str(two)], state) == ([str(one), str(two)], 0)


def test_a_changed_file_gets_a_new_line_and_the_last_one_counts(tmp_path: Path) -> None:
    runner = CliRunner()
    folder = tmp_path / "in"
    write_cohort(folder, 4, seed=3)
    out = tmp_path / "r.jsonl"
    assert runner.invoke(main, ["batch", str(folder), "--format", "jsonl", "-o", str(out), "-j", "1"]).exit_code == 0
    first = sorted(folder.iterdir())[0]
    first.write_text("Jane Example\n\nSkills\nAgile, Scrum, PRINCE2, PMP\n", encoding="utf-8")
    result = runner.invoke(main, ["batch", str(folder), "--format", "jsonl", "--resume", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "3 already recorded" in result.output
    with open(out, "rb") as handle:
        assert sum(1 for x in iter_lines(handle) if x["kind"] == "record") == 5
    report = json.loads(runner.invoke(main, ["cohort", str(out), "--format", "json"]).output)
    direct = json.loads(runner.invoke(main, ["batch", str(folder), "--format", "json", "-q"]).output)
    assert report == direct and report["people_total"] == 4


@pytest.fixture(scope="module")
def odd_names(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Résumés whose names hold an escape sequence and a Latin-1 byte (a Windows zip), beside a plain one."""
    folder = tmp_path_factory.mktemp("odd")
    text = (SAMPLES / "sam-taylor.txt").read_bytes()
    for name in (b"plain.txt", b"a\x1b[31mred.txt", b"caf\xe9.txt"):
        (folder / os.fsdecode(name)).write_bytes(text)
    return folder


def _jsonl_records(path: Path) -> list[dict[str, object]]:
    return [line for line in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if line["kind"] == "record"]


@pytest.mark.parametrize("engine", ["local", pytest.param("dask", marks=needs_dask)])
def test_odd_file_names_are_escaped_hashed_and_resumed_in_jsonl(odd_names: Path, tmp_path: Path, engine: str) -> None:
    out = tmp_path / f"{engine}.jsonl"
    args = ["batch", str(odd_names), "--format", "jsonl", "-q", "-j", "2", "--engine", engine]
    result = CliRunner().invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = _jsonl_records(out)
    expected = file_sha256(str(odd_names / "plain.txt"))
    shown = sorted(str(r["path"]).rsplit("/", 1)[-1] for r in records)
    assert shown == ["a%1B[31mred.txt", "caf%E9.txt", "plain.txt"]  # escaped as in every other format
    assert all(r["sha256"] == expected for r in records)  # hashed from the file itself, not from its shown name
    assert len({json.dumps({k: v for k, v in r.items() if k != "path"}, sort_keys=True) for r in records}) == 1
    again = CliRunner().invoke(main, [*args, "--resume", str(out)])
    assert again.exit_code == 0, again.output
    assert len(_jsonl_records(out)) == 3  # all three already recorded: nothing analysed twice


POSTING = """# IT Project Manager

## Required qualifications
- Experience managing IT projects with Agile and Scrum
- Budget management and stakeholder management
- Risk management

## Preferred qualifications
- PMP or PRINCE2 certification
- Experience with cloud migration and ITIL
"""


def test_cohort_from_jsonl_of_a_job_run_ranks_by_match_like_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_cohort(folder, 12, seed=5)
    for sample in ("alex-morgan.md", "sam-taylor.txt"):
        (folder / sample).write_bytes((SAMPLES / sample).read_bytes())
    posting = tmp_path / "posting.md"
    posting.write_text(POSTING, encoding="utf-8")
    runner = CliRunner()
    out, summary = tmp_path / "r.jsonl", tmp_path / "s.json"
    job = ["--job", str(posting), "-j", "1", "-q"]
    result = runner.invoke(
        main, ["batch", str(folder), *job, "--format", "jsonl", "-o", str(out), "--summary", str(summary)]
    )
    assert result.exit_code == 0, result.output
    for fmt in ("json", "csv", "markdown", "html"):
        direct = runner.invoke(main, ["batch", str(folder), *job, "--format", fmt])
        assert direct.exit_code == 0, direct.output
        assert runner.invoke(main, ["cohort", str(out), "--format", fmt]).output == direct.output, fmt
    report = json.loads(runner.invoke(main, ["cohort", str(out), "--format", "json"]).output)
    assert report["job"]["title"] == "IT Project Manager"
    matches = [person["match"] for person in report["ranking"]]
    assert len(matches) == 14 and matches == sorted(matches, reverse=True)  # ranked by match rate, not by score
    assert [person["score"] for person in report["ranking"]] != sorted(
        (person["score"] for person in report["ranking"]), reverse=True
    )
    from resume_check.targets.jobmatch import READY_RATE

    data = json.loads(summary.read_text(encoding="utf-8"))
    assert data["job"] == "IT Project Manager"
    assert data["ready"] == sum(1 for m in matches if m >= READY_RATE) == report["job"]["ready"]


def test_cohort_of_a_file_that_is_not_jsonl_exits_3(tmp_path: Path) -> None:
    bad = tmp_path / "r.jsonl"
    bad.write_text('{"kind": "record"}\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["cohort", str(bad), "--format", "json"])
    assert result.exit_code == 3
    assert "line 2: not a JSON object" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler names a Dask cluster: add --engine dask"),
        (["--resume", "r.jsonl"], "--resume works with --format jsonl"),
        (["--format", "jsonl"], "--format jsonl writes to a file"),
        (["--format", "jsonl", "-o", "r.jsonl", "--redact"], "resume-check cohort FILE --redact"),
        (["--format", "jsonl", "-o", "a.jsonl", "--resume", "b.jsonl"], "--resume FILE appends to FILE"),
    ],
)
def test_scale_option_usage_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["batch", str(SAMPLES / "sam-taylor.txt"), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_dask_engine_without_the_extra_exits_2_saying_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    result = CliRunner().invoke(main, ["batch", str(SAMPLES / "sam-taylor.txt"), "--engine", "dask"])
    assert result.exit_code == 2
    assert 'pip install -e ".[dask]"' in result.output


# --------------------------------------------------------------------------------------------- summary


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=1000).map(lambda k: k / 10), min_size=1, max_size=60))
def test_summary_quartiles_from_score_counts_equal_the_cohort_distribution(scores: list[float]) -> None:
    summary = CohortSummary()
    for score in scores:
        summary.add({"kind": "record", "exit_code": 0, "error": None, "score": score})
    expected = distribution(scores)
    assert expected is not None
    got = summary.quartiles()
    assert got is not None
    assert {k: got[k] for k in ("count", "min", "q1", "median", "q3", "max")} == {
        "count": expected.count,
        "min": expected.min,
        "q1": expected.q1,
        "median": expected.median,
        "q3": expected.q3,
        "max": expected.max,
    }
    # the summary's mean is exact; the cohort's adds floats in order, so at a rounding boundary they may differ
    assert abs(got["mean"] - expected.mean) <= 0.01 + 1e-9


def test_writer_writes_whole_lines_and_declares_each_term_once(
    tmp_path: Path, local_records: tuple[BatchRecord, ...]
) -> None:
    out = tmp_path / "r.jsonl"
    summary = CohortSummary()
    with open(out, "wb") as handle:
        writer = JsonlWriter(handle, summary=summary)
        for record in local_records[:30]:
            writer.write(record, "")
    with open(out, "rb") as handle:
        lines = list(iter_lines(handle))
    # each term once per target (a term's weight differs between targets)
    declared = [(line["role"], t[0]) for line in lines if line["kind"] == "terms" for t in line["terms"]]
    assert len(declared) == len(set(declared)) > 50
    assert sum(1 for line in lines if line["kind"] == "record") == 30 == summary.records
    assert out.read_bytes().count(b"\n") == len(lines)
    report = cohort_from_jsonl(str(out))
    assert report == build_cohort(local_records[:30])


def test_each_record_is_hashed_from_its_own_file_when_two_names_show_alike(tmp_path: Path) -> None:
    """b"caf\\xe9.txt" is shown as "caf%E9.txt", which is also a file's real name: each record's hash is that of
    the file it was read from, not of whichever file its shown name points at."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_bytes((SAMPLES / "sam-taylor.txt").read_bytes())
    (folder / "caf%E9.txt").write_bytes((SAMPLES / "alex-morgan.txt").read_bytes())
    out = tmp_path / "r.jsonl"
    result = CliRunner().invoke(main, ["batch", str(folder), "--format", "jsonl", "-o", str(out), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    hashes = sorted(str(r["sha256"]) for r in _jsonl_records(out))
    assert hashes == sorted(file_sha256(str(p)) for p in folder.iterdir())
    assert len(set(hashes)) == 2
