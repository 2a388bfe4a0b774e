"""Benchmark: median milliseconds per résumé for each pipeline stage, plus start-up and batch figures.

Usage (from the repository, in an environment where resume-check is installed):

    python bench/bench.py [FOLDER] [--repeat N] [--batch-copies 10] [--batch-rounds 3] [--skip-batch] [--skip-cli]
    python bench/bench.py --skip-stages --skip-cli --skip-batch --scale [--scale-files 2000] [--scale-memory 500,5000]

``--scale`` times `resume-check batch --format jsonl` with the local and the Dask engine (1 and 2 workers) over a
folder of generated résumés, and prints the parent process's peak memory for each folder size.

FOLDER defaults to the real corpus beside the checkout (../shared/corpus/real). Figures are printed, never
asserted: speed targets are checked by reading this output, not by timed tests.
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = REPO.parent / "shared" / "corpus" / "real"
SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".tex", ".typ"}


def timed(func: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = func()
    return (time.perf_counter() - start) * 1000.0, value


def timed2(func: Callable[[], Any]) -> tuple[float, float, Any]:
    """(wall ms, CPU ms of this process, value): CPU time is what a core spends, whatever else the machine runs."""
    wall, cpu = time.perf_counter(), time.process_time()
    value = func()
    return (time.perf_counter() - wall) * 1000.0, (time.process_time() - cpu) * 1000.0, value


def median(values: list[float]) -> str:
    return f"{statistics.median(values):8.2f}" if values else "     n/a"


def stage_figures(files: list[Path], repeat: int) -> None:
    from resume_check.analysis import build_engine
    from resume_check.ats import check_ats, load_cliches
    from resume_check.config import Settings
    from resume_check.errors import ResumeCheckError
    from resume_check.extract import extract
    from resume_check.impact import analyse_impact
    from resume_check.lexicon import load_lexicon
    from resume_check.matching import build_matcher
    from resume_check.nlp import build_nlp
    from resume_check.render import renderer
    from resume_check.scoring import score_analysis
    from resume_check.structure import build_resume

    settings = Settings()
    ms_nlp, nlp = timed(functools.partial(build_nlp, None))
    ms_lex, lexicon = timed(functools.partial(load_lexicon, ()))
    ms_matcher, _ = timed(functools.partial(build_matcher, nlp, lexicon))
    from resume_check.runtime.gcpolicy import YOUNG_THRESHOLD, engine_start_up

    with engine_start_up():  # the garbage-collector settings of the installed command and of batch workers
        engine = build_engine(settings)
    print(
        f"start-up: build_nlp {ms_nlp:.0f} ms, load_lexicon {ms_lex:.0f} ms, "
        f"build_matcher (compile) {ms_matcher:.0f} ms"
    )
    print(f"garbage collector as the command runs it: start-up objects frozen, young threshold {YOUNG_THRESHOLD:,}")
    print(f"lexicon: {len(lexicon.terms)} terms in {len(lexicon.categories)} categories")
    cached_startup(nlp)

    from resume_check import analysis as analysis_module

    names = (
        "extract",
        "structure",
        "match",
        "impact",
        "ats",
        "score",
        "match + impact + score",
        "analyse (all after extract)",
        "render text",
        "render json",
        "total (extract to text report)",
    )
    wall: dict[str, list[float]] = {k: [] for k in names}
    cpu: dict[str, list[float]] = {k: [] for k in names}
    cliches = load_cliches()
    best: dict[Path, list[float]] = {}  # per file: its totals, for the best-of-repeats figure
    # rounds over the whole folder, each pass starting with the tokenizer's caches emptied: a résumé is timed as
    # one seen for the first time after the others of its pass, never as a repeat of itself. The full analysis
    # and its parts (match, impact, ATS) are timed in separate passes, since each tokenises the text.
    clear_cache = getattr(engine.matcher.nlp.tokenizer, "clear_cache", lambda: None)
    unreadable: set[Path] = set()
    for _ in range(repeat):
        clear_cache()
        resumes = []
        for path in files:
            if path in unreadable:
                continue
            try:
                # OCR off: a scan is timed by bench/ocr_bench.py; here it stays unreadable, as without the extra
                times = {"extract": timed2(functools.partial(extract, path, ocr="off"))}
            except ResumeCheckError:
                unreadable.add(path)
                continue
            document = times["extract"][2]
            times["structure"] = timed2(functools.partial(build_resume, document))
            resume = times["structure"][2]
            resumes.append(resume)
            times["analyse (all after extract)"] = timed2(functools.partial(analysis_module.analyse, resume, engine))
            result = times["analyse (all after extract)"][2]
            times["render text"] = timed2(functools.partial(renderer("text").render, result))
            times["render json"] = timed2(functools.partial(renderer("json").render, result))
            parts = ("extract", "structure", "analyse (all after extract)", "render text")
            times["total (extract to text report)"] = (
                sum(times[k][0] for k in parts),
                sum(times[k][1] for k in parts),
                None,
            )
            for name, (ms_wall, ms_cpu, _) in times.items():
                wall[name].append(ms_wall)
                cpu[name].append(ms_cpu)
            best.setdefault(path, []).append(times["total (extract to text report)"][0])
        clear_cache()
        for resume in resumes:
            match = timed2(functools.partial(engine.matcher.match, resume))
            impact = timed2(functools.partial(analyse_impact, resume))
            ats = timed2(functools.partial(check_ats, resume, impact[2], cliches=cliches))
            # scoring from the parts (issue 4 counts matching, impact and scoring together)
            terms = analysis_module.enabled_terms(engine.lexicon, engine.settings)
            found, missing = analysis_module.collect_terms(resume, terms, match[2], impact[2].statements)
            categories = analysis_module.category_coverage(engine.lexicon.categories, terms, found)
            findings = analysis_module.collect_findings((*resume.warnings, *ats[2], *impact[2].findings), settings)
            score = timed2(
                functools.partial(
                    score_analysis,
                    found=found,
                    missing=missing,
                    categories=categories,
                    impact=impact[2],
                    findings=findings,
                )
            )
            together = tuple(match[i] + impact[i] + score[i] for i in (0, 1))
            for name, (ms_wall, ms_cpu) in (
                ("match", match[:2]),
                ("impact", impact[:2]),
                ("ats", ats[:2]),
                ("score", score[:2]),
                ("match + impact + score", together),
            ):
                wall[name].append(ms_wall)
                cpu[name].append(ms_cpu)
    failures = len(unreadable)
    print(f"\nper-stage median ms per résumé over {len(files)} files x {repeat} (unreadable files: {failures}):")
    print(f"  {'':<32}{'wall':>8}  {'CPU':>8}   (max wall)")
    for name in names:
        values = wall[name]
        print(f"  {name:<32}{median(values)}  {median(cpu[name])}   ({max(values) if values else 0:.1f})")
    # the machine is a shared VM whose speed drifts by +-10 % over minutes: the best of each file's repeats is the
    # least disturbed estimate of its cost (shown beside the plain median, never instead of it)
    print(f"  {'total, best of each file':<32}{median([min(v) for v in best.values()])}")
    by_type: dict[str, list[float]] = {}
    for path in files:
        try:
            ms, _ = timed(functools.partial(extract, path))
        except ResumeCheckError:
            continue
        by_type.setdefault(path.suffix.lower(), []).append(ms)
    for suffix, values in sorted(by_type.items()):
        print(f"  extract {suffix:<22}{median(values)}   ({len(values)} files)")


def cached_startup(nlp: Any) -> None:
    """Lexicon + matchers from the disk cache (what every run after the first does), median of 5."""
    from resume_check.runtime import cache

    with tempfile.TemporaryDirectory() as folder:
        cache.lexicon_and_matcher(nlp, (), folder)  # the first run compiles and stores
        runs = []
        for _ in range(5):
            cache.forget_loaded()
            ms, (_, matcher) = timed(functools.partial(cache.lexicon_and_matcher, nlp, (), folder))
            assert matcher.stats.from_cache
            runs.append(ms)
        print(f"start-up from the disk cache: lexicon + matchers {statistics.median(runs):.1f} ms (median of 5)")


def cli_figures(sample: Path) -> None:
    exe = shutil.which("resume-check") or ""
    if not exe:
        print("\nresume-check is not on PATH: skipping CLI timings")
        return
    # timed as a user runs it: with compiled bytecode (a wheel install ships it; a PYTHONDONTWRITEBYTECODE
    # environment would recompile every module of ours on every run, about +0.3 s) and after one warm-up run
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([exe, "check", str(sample)], capture_output=True, env=env)
    with tempfile.TemporaryDirectory() as folder:
        cold = {**env, "RESUME_CHECK_CACHE_DIR": folder}
        empty = f"resume-check check {sample.name} (new process, empty lexicon cache)"
        warm = f"resume-check check {sample.name} (new process, lexicon cache filled)"
        runs: dict[str, list[float]] = {"resume-check --help": [], empty: [], warm: []}
        for _ in range(5):
            ms, _ = timed(lambda: subprocess.run([exe, "--help"], capture_output=True, check=True, env=env))
            runs["resume-check --help"].append(ms)
            subprocess.run([exe, "cache", "--clear"], capture_output=True, check=True, env=cold)
            ms, _ = timed(lambda: subprocess.run([exe, "check", str(sample)], capture_output=True, env=cold))
            runs[empty].append(ms)
            ms, _ = timed(lambda: subprocess.run([exe, "check", str(sample)], capture_output=True, env=cold))
            runs[warm].append(ms)
    print("\nwall-clock, median of 5 runs (ms):")
    for name, values in runs.items():
        print(f"  {name:<75}{median(values)}")


def batch_figures(files: list[Path], copies: int, rounds: int = 3) -> None:
    from resume_check.analysis import build_engine
    from resume_check.cohort.batch import analyse_many
    from resume_check.config import Settings

    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as cache:
        # as `resume-check batch` runs: the workers load the lexicon and matchers from the start-up cache, which
        # the first run after an install fills (done here, untimed)
        settings = Settings(cache_dir=cache, ocr="off")  # a scan is timed by bench/ocr_bench.py
        build_engine(settings)
        paths: list[Path] = []
        for n in range(copies):
            for path in files:
                target = Path(tmp) / f"{n:02d}-{path.name}"
                shutil.copyfile(path, target)
                paths.append(target)
        print(f"\nbatch over {len(paths)} files ({copies} copies of the folder), {rounds} rounds of 1 then 2 workers:")
        walls: dict[int, list[float]] = {1: [], 2: []}
        per_file: dict[int, list[float]] = {1: [], 2: []}
        errors: dict[int, int] = {1: 0, 2: 0}
        for _ in range(max(1, rounds)):  # interleaved, so a drift in the machine's speed hits both alike
            for workers in (1, 2):
                start = time.perf_counter()
                records = analyse_many([str(p) for p in paths], workers=workers, settings=settings)
                walls[workers].append(time.perf_counter() - start)
                errors[workers] = sum(1 for r in records if r.error is not None)
                per_file[workers].extend(r.seconds * 1000.0 for r in records if r.error is None)
        for workers in (1, 2):
            wall = statistics.median(walls[workers])
            print(
                f"  workers={workers}: {wall:6.1f} s (median; {min(walls[workers]):.1f}-{max(walls[workers]):.1f}), "
                f"{len(paths) / wall:6.1f} résumés/s ({errors[workers]} error rows); median "
                f"{statistics.median(per_file[workers]):.1f} ms per résumé inside a worker (read, extract, analyse)"
            )
        ratios = sorted(a / b for a, b in zip(walls[1], walls[2], strict=True))
        print(
            f"  speed-up with 2 workers: {statistics.median(walls[1]) / statistics.median(walls[2]):.2f} "
            f"(per round: {', '.join(f'{r:.2f}' for r in ratios)})"
        )
        mean = 1000.0 * statistics.median(walls[1]) / len(paths)
        print(f"  mean ms per résumé with 1 worker, worker start-up included: {mean:.1f}")
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  peak resident memory of the largest worker: {peak_children:.0f} MB")


def job_figures(files: list[Path], posting: Path, repeat: int) -> None:
    """What matching against a job posting adds (``check --job`` / ``batch --job``): the posting is read and turned
    into a target once per process (a batch worker), then each résumé is analysed against it. Per résumé, the
    median of (analysis with the posting − analysis without) over the files, each the best of ``repeat`` runs."""
    from resume_check.analysis import analyse_document, build_engine
    from resume_check.config import Settings
    from resume_check.extract import extract

    plain = build_engine(Settings())
    start = time.perf_counter()
    with_job = build_engine(Settings(job=str(posting)))
    once = (time.perf_counter() - start) * 1000
    added: list[float] = []
    for path in files:
        try:
            document = extract(path, ocr="off")
        except Exception:  # unreadable files are counted by the stage figures
            continue
        best_plain = min(timed(functools.partial(analyse_document, document, plain))[0] for _ in range(repeat))
        best_job = min(timed(functools.partial(analyse_document, document, with_job))[0] for _ in range(repeat))
        added.append(best_job - best_plain)
    print(f"\njob matching against {posting.name} ({len(added)} files, best of {repeat} each):")
    print(f"  reading the posting and building its target and matcher, once per process/worker: {once:.1f} ms")
    print(
        f"  added per résumé (analysis with the posting minus without): median {statistics.median(added):.1f} ms, "
        f"max {max(added):.1f} ms (target: at most 20 ms)"
    )
    from resume_check.cohort.batch import analyse_many

    with tempfile.TemporaryDirectory() as cache:
        build_engine(Settings(cache_dir=cache))  # the start-up cache, filled untimed as an installed run has it
        inside: dict[str, float] = {}
        for name, job in (("without", None), ("with", str(posting))):
            settings = Settings(cache_dir=cache, job=job, ocr="off")
            records = analyse_many([str(p) for p in files], workers=2, settings=settings)
            inside[name] = statistics.median(r.seconds * 1000.0 for r in records if r.error is None)
    print(
        f"  batch, 2 workers: median {inside['with']:.1f} ms per résumé inside a worker with the posting, "
        f"{inside['without']:.1f} ms without (+{inside['with'] - inside['without']:.1f} ms)"
    )
#: run in a fresh interpreter: one `resume-check batch` exactly as the command runs it, then this process's own
#: peak resident memory (VmHWM: the parent only, not its workers) on the last line of stderr
_PARENT_RUN = """
import sys
from resume_check.cli import run
sys.argv = ["resume-check", *sys.argv[1:]]
import atexit
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("\\nPEAK_KB " + line.split()[1] + "\\n")
            sys.stderr.flush()
atexit.register(peak)
import os
_exit = os._exit
def exit_after_peak(code):
    peak()
    _exit(code)
os._exit = exit_after_peak
run()
"""


def run_batch_cli(folder: Path, engine: str, workers: int, out: Path) -> tuple[float, float, int]:
    """(wall seconds, parent peak MB, error rows) of `resume-check batch FOLDER --format jsonl` in a subprocess."""
    command = [sys.executable, "-c", _PARENT_RUN, "batch", str(folder), "--format", "jsonl", "-o", str(out), "-q"]
    command += ["--engine", engine, "-j", str(workers)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 3):
        raise SystemExit(f"bench: batch failed ({done.returncode}): {done.stderr[-2000:]}")
    peaks = [int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_KB ")]
    errors = out.read_bytes().count(b'"error":{')
    return wall, (peaks[-1] / 1024 if peaks else float("nan")), errors


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dask_worker_memory(folder: Path) -> float:
    """The largest peak resident memory among 2 Dask workers after they analysed 400 files of ``folder``."""
    from distributed import Client, LocalCluster

    from resume_check.cohort.batch import expand_paths
    from resume_check.cohort.engines.dask import iter_dask
    from resume_check.config import Settings

    with tempfile.TemporaryDirectory() as cache:
        settings = Settings(cache_dir=cache)
        with (
            LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address="127.0.0.1:0") as c,
            Client(c) as client,
        ):
            paths = expand_paths([str(folder)])[:400]  # memory has levelled off well before 400 files a worker
            for _ in iter_dask(paths, settings=settings, scheduler=c.scheduler_address):
                pass
            return max(client.run(_peak_mb).values())


def scale_figures(files: int, memory_sizes: tuple[int, ...], rounds: int) -> None:
    """Local and Dask engines (1 and 2 workers) over one generated folder; the parent's peak memory in jsonl mode."""
    sys.path.insert(0, str(REPO / "tools"))
    from make_cohort import write_cohort

    try:
        import distributed  # noqa: F401
    except ImportError:
        print('\nscale figures skipped: the Dask extra is not installed (pip install -e ".[dask]")')
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        folder = tmp_path / f"cohort-{files}"
        write_cohort(folder, files, seed=16, docx_every=10)
        out = tmp_path / "out.jsonl"
        run_batch_cli(folder, "local", 1, out)  # fills the start-up cache (untimed)
        print(
            f"\nscale: `batch --format jsonl` over {files} generated résumés (tools/make_cohort.py, every 10th a "
            f"DOCX), whole command timed (start-up included), {rounds} round(s), interleaved:"
        )
        walls: dict[tuple[str, int], list[float]] = {}
        peaks: dict[tuple[str, int], float] = {}
        error_rows: dict[tuple[str, int], int] = {}
        for _ in range(max(1, rounds)):
            for workers in (1, 2):
                for engine in ("local", "dask"):
                    wall, peak, errors = run_batch_cli(folder, engine, workers, out)
                    walls.setdefault((engine, workers), []).append(wall)
                    peaks[(engine, workers)] = peak
                    error_rows[(engine, workers)] = errors
        for workers in (1, 2):
            for engine in ("local", "dask"):
                wall = statistics.median(walls[(engine, workers)])
                print(
                    f"  {engine:5} workers={workers}: {wall:6.1f} s, {files / wall:6.1f} résumés/s, parent peak "
                    f"{peaks[(engine, workers)]:.0f} MB ({error_rows[(engine, workers)]} error rows)"
                )
            local = statistics.median(walls[("local", workers)])
            dask = statistics.median(walls[("dask", workers)])
            print(
                f"  workers={workers}: Dask reaches {local / dask:.0%} of the local throughput; Dask overhead "
                f"{1000 * (dask - local) / files:+.1f} ms per file (start-up included)"
            )
        one = tmp_path / "one"
        write_cohort(one, 1, seed=16)
        start_local = statistics.median(run_batch_cli(one, "local", 2, out)[0] for _ in range(max(1, rounds)))
        start_dask = statistics.median(run_batch_cli(one, "dask", 2, out)[0] for _ in range(max(1, rounds)))
        steady = (statistics.median(walls[("dask", 2)]) - start_dask) - (
            statistics.median(walls[("local", 2)]) - start_local
        )
        print(
            f"  one file, 2 workers (start-up and shut-down): local {start_local:.1f} s, dask {start_dask:.1f} s; "
            f"Dask overhead per file after start-up: {1000 * steady / files:+.1f} ms"
        )
        print(f"  peak memory per Dask worker process: {dask_worker_memory(folder):.0f} MB")
        print("  parent peak memory (VmHWM of the command's own process) in jsonl mode, 2 workers:")
        for size in memory_sizes:
            sized = tmp_path / f"cohort-{size}"
            write_cohort(sized, size, seed=17, docx_every=10)
            row = []
            for engine in ("local", "dask"):
                wall, peak, _ = run_batch_cli(sized, engine, 2, out)
                row.append(f"{engine} {peak:.0f} MB ({size / wall:.1f} résumés/s)")
            print(f"    {size:5} files: " + ", ".join(row))
            shutil.rmtree(sized)


def machine_reference() -> float:
    """Median of 5 runs of a fixed pure-Python workload: on a shared VM whose speed drifts, this says how fast the
    machine was during a run, so figures from different runs can be compared."""

    def work() -> int:
        total = 0
        for i in range(300_000):
            total += len(str(i)) * (i % 7)
        return total

    return statistics.median(timed(work)[0] for _ in range(5))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(DEFAULT_FOLDER))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-copies", type=int, default=10)
    parser.add_argument("--batch-rounds", type=int, default=3)
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--skip-cli", action="store_true")
    parser.add_argument("--job", help="a job posting for the job-matching figures (default: one of ../shared/jobs)")
    parser.add_argument("--skip-stages", action="store_true")
    parser.add_argument("--scale", action="store_true", help="local vs Dask engines and jsonl parent memory")
    parser.add_argument("--scale-files", type=int, default=2000)
    parser.add_argument("--scale-rounds", type=int, default=1)
    parser.add_argument("--scale-memory", default="500,5000", help="folder sizes for the parent memory figures")
    args = parser.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        sys.exit(f"bench: {folder} is not a folder of résumés")
    from resume_check.cohort.batch import is_documentation  # README.md, SOURCES.md ... beside the résumés

    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and not is_documentation(p.name))
    print(f"resume-check benchmark: {len(files)} files in {folder} (pid {os.getpid()}, {os.cpu_count()} cores)")
    print(f"machine reference (a fixed pure-Python loop; compare runs by it): {machine_reference():.1f} ms")
    if not args.skip_stages:
        stage_figures(files, args.repeat)
    if not args.skip_cli:
        cli_figures(REPO / "samples" / "alex-morgan.pdf")
        two_pages = folder / "srbhr__Resume-Matcher__alfred_pennyworth_pm.pdf"
        if two_pages.exists():
            cli_figures(two_pages)  # the "two-page PDF"
    name = "18f-usdc-supervisor-product-management.md"
    candidates = (
        [Path(args.job)]
        if args.job
        else [base / "shared" / "jobs" / name for base in (REPO.parent, REPO.parent.parent)]
    )
    posting = next((p for p in candidates if p.exists()), None)
    if posting is not None:
        job_figures(files, posting, args.repeat)
    if not args.skip_batch:
        batch_figures(files, args.batch_copies, args.batch_rounds)
    if args.scale:
        sizes = tuple(int(n) for n in args.scale_memory.split(",") if n)
        scale_figures(args.scale_files, sizes, args.scale_rounds)


if __name__ == "__main__":
    main()
