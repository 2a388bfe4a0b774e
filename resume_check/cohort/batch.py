"""Batch analysis: many paths -> one record per file (analysis or error), in worker processes with a time limit.

Design:
- Input order is deterministic: ``expand_paths`` expands files, folders and globs, sorts by path and de-duplicates.
- Each worker is a separate process (``spawn`` context: no inherited locks or threads) that builds its analysis
  engine (spaCy pipeline + matchers) once, then analyses one file at a time.
- The parent enforces the per-file time limit: a worker that overruns is killed and replaced, and the file becomes
  an error row (exit class 3). A worker that dies mid-file gives an error row of class 4. Other failures are
  mapped from the exception's ``exit_code``. The batch never stops for one file.
- ``KeyboardInterrupt`` stops the workers and raises ``BatchInterrupted`` carrying the finished records.
"""

from __future__ import annotations

import contextlib
import dataclasses
import glob
import multiprocessing
import os
import pickle
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from ..config import Settings, time_limit_problem
from ..errors import ResumeCheckError
from ..escaping import display_path
from ..models import Analysis
from ..runtime.gcpolicy import engine_start_up

#: file suffixes a folder expansion picks up: the readable types plus the refused ones (so they get an error row
#: saying how to convert them instead of vanishing silently)
BATCH_SUFFIXES: tuple[str, ...] = (
    ".pdf",
    ".docx",
    ".txt",
    ".md",
    ".markdown",
    ".tex",
    ".typ",
    ".doc",
    ".odt",
    ".rtf",
    ".pages",
    ".json",
)
GLOB_CHARS = frozenset("*?[")
#: how long a fresh worker may take to build its engine before the batch gives up
STARTUP_LIMIT = 300.0

#: analyse(path, settings, engine) -> Analysis; must be a picklable top-level function
AnalyseFn = Callable[[str, Settings, Any], Analysis]
#: build(settings) -> engine; must be a picklable top-level function
BuildFn = Callable[[Settings], Any]


@dataclass(frozen=True, slots=True)
class BatchError:
    """Why one file has no analysis: its exit-code class, the error kind and a one-line message."""

    exit_code: int  # 3 bad input or time limit, 4 unexpected
    kind: str  # exception class name, "timeout" or "crash"
    message: str


@dataclass(frozen=True, slots=True)
class BatchRecord:
    """The outcome for one file: exactly one of ``analysis`` and ``error`` is set."""

    path: str
    analysis: Analysis | None
    error: BatchError | None
    seconds: float = field(default=0.0, compare=False)  # wall time spent on the file (not part of the output)

    @property
    def exit_code(self) -> int:
        return self.error.exit_code if self.error is not None else 0


class BatchInterrupted(KeyboardInterrupt):
    """Raised when the batch is interrupted: ``records`` holds the finished rows, ``remaining`` the count left."""

    def __init__(self, records: tuple[BatchRecord, ...], remaining: int) -> None:
        super().__init__(f"interrupted with {remaining} file(s) left")
        self.records = records
        self.remaining = remaining


def worst_exit_code(records: Iterable[BatchRecord]) -> int:
    """The batch's exit code: the worst (highest) class among the records, 0 when all were analysed."""
    return max((r.exit_code for r in records), default=0)


#: names (without suffix, any case) of the documentation files that sit beside résumés in a repository or a
#: shared folder; a folder's expansion leaves them out (naming one explicitly still includes it)
DOC_STEMS = frozenset(
    {
        "readme",
        "license",
        "licence",
        "copying",
        "notice",
        "changelog",
        "changes",
        "history",
        "contributing",
        "authors",
        "code_of_conduct",
        "security",
        "sources",
        "measurements",
    }
)


def expand_paths(patterns: Iterable[str], *, recursive: bool = False) -> tuple[str, ...]:
    """Expand files, folders and globs into a sorted, de-duplicated tuple of file paths.

    Folders contribute their entries with a résumé-like suffix (``BATCH_SUFFIXES``; hidden files and documentation
    files such as README.md skipped), all levels with ``recursive``; an entry that is not a readable file (a
    dangling link, a FIFO, a folder named cv.pdf) is kept too, so it becomes an error row. Globs use ``**`` for
    any depth when ``recursive``. A path that does not exist and is not a glob is kept, so it becomes an error
    row rather than vanishing.
    """
    return expand_inputs(patterns, recursive=recursive)[0]


def expand_inputs(patterns: Iterable[str], *, recursive: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``expand_paths`` plus the documentation files (README.md, LICENSE.txt, ...) that folders held and were
    left out, so the caller can say so."""
    found: set[str] = set()
    skipped: set[str] = set()
    for pattern in patterns:
        p = Path(pattern)
        if p.is_dir():
            _add_folder(p, recursive, found, skipped)
        elif p.exists() or not (GLOB_CHARS & set(pattern)):
            found.add(str(p))
        else:
            for match in glob.glob(pattern, recursive=recursive):
                m = Path(match)
                if m.is_dir():
                    _add_folder(m, recursive, found, skipped)
                else:  # a file, or what cannot be read as one (dangling link, FIFO): it gets an error row
                    found.add(str(m))
    return tuple(sorted(found)), tuple(sorted(skipped - found))


def _add_folder(folder: Path, recursive: bool, found: set[str], skipped: set[str]) -> None:
    entries = folder.rglob("*") if recursive else folder.iterdir()
    for entry in entries:
        rel = entry.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        # whatever is named like a résumé gets a row: a file, or an error row for what cannot be read as one
        # (a dangling link, a link loop, a FIFO, a folder named cv.pdf), never silence
        if entry.suffix.lower() in BATCH_SUFFIXES:
            (skipped if is_documentation(entry.name) else found).add(str(entry))


#: JSON files a repository or an editor keeps beside résumés (a folder of JSON Resume files may hold them)
TOOLING_JSON = frozenset(
    {
        "package.json",
        "package-lock.json",
        "composer.json",
        "bower.json",
        "tsconfig.json",
        "jsconfig.json",
        "deno.json",
        "manifest.json",
        "renovate.json",
        "lerna.json",
        "nx.json",
        "turbo.json",
        "angular.json",
        "firebase.json",
        "vercel.json",
        "netlify.json",
        "app.json",
        "tslint.json",
        "cspell.json",
        "devcontainer.json",
        "launch.json",
        "settings.json",
        "tasks.json",
        "extensions.json",
    }
)


def is_documentation(name: str) -> bool:
    """Whether a file name is a repository documentation or tooling file (README.md, LICENCE.txt, CHANGELOG.md,
    package.json, a JSON schema, ...): a folder's files of that kind are left out of a batch unless named."""
    folded = Path(name).name.casefold()
    if folded.endswith(".json"):
        return folded in TOOLING_JSON or folded.endswith(".schema.json")
    return Path(name).stem.casefold().replace("-", "_") in DOC_STEMS


# --------------------------------------------------------------------------------------------- default pipeline


def analyse_with_engine(path: str, settings: Settings, engine: Any) -> Analysis:
    """The default per-file analysis: ``analysis.analyse_path`` with the worker's engine."""
    from ..analysis import analyse_path

    analysis: Analysis = analyse_path(path, settings=settings, engine=engine)
    return analysis


def build_default_engine(settings: Settings) -> Any:
    """The default engine builder: ``analysis.build_engine`` (in a worker process, which owns its spaCy import)."""
    from ..analysis import build_engine

    if settings.model is None:
        from ..nlp import import_spacy_without_cli

        import_spacy_without_cli()
    return build_engine(settings)


def error_from_exception(err: BaseException) -> BatchError:
    """Map an exception to an error row: library errors keep their class, anything else is unexpected (4)."""
    if isinstance(err, ResumeCheckError):
        return BatchError(err.exit_code, type(err).__name__, str(err))
    message = f"unexpected {type(err).__name__}: {err}. This is a bug; please report it with the file if you can"
    return BatchError(4, type(err).__name__, message)


def _analyse_one(path: str, settings: Settings, engine: Any, analyse: AnalyseFn) -> BatchRecord:
    start = time.perf_counter()
    try:
        analysis = analyse(path, settings, engine)
    except Exception as err:  # every failure becomes that file's error row
        return BatchRecord(path, None, error_from_exception(err), time.perf_counter() - start)
    return BatchRecord(path, analysis, None, time.perf_counter() - start)


#: how often a worker checks that its parent is still there (where the kernel cannot tell it: not Linux)
PARENT_POLL = 1.0


def watch_parent(parent: int) -> None:
    """End this process when ``parent`` dies, however it dies (SIGKILL included), so workers never outlive the
    batch: on Linux the kernel sends SIGKILL (``PR_SET_PDEATHSIG``); elsewhere, and as a backstop, a daemon thread
    polls the parent id and exits quietly when it changes."""
    import threading

    with contextlib.suppress(Exception):  # not Linux, or no libc: the thread below does the job
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the watch was set
        os._exit(0)

    def poll() -> None:
        while True:
            time.sleep(PARENT_POLL)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=poll, name="resume-check-parent-watch", daemon=True).start()


def _worker_main(conn: Connection, settings: Settings, analyse: AnalyseFn, build: BuildFn, parent: int = 0) -> None:
    """Worker process: build the engine once, then answer (index, path) requests until told to stop."""
    # the parent owns Ctrl-C: it stops the workers and writes what is finished
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent:
        watch_parent(parent)
    try:
        _serve(conn, settings, analyse, build)
    except (OSError, EOFError):  # the parent is gone (a broken pipe): nothing to report to, no traceback
        os._exit(0)


def _serve(conn: Connection, settings: Settings, analyse: AnalyseFn, build: BuildFn) -> None:
    try:
        with engine_start_up(settings.tuned):  # the collector held while the engine loads, then tuned for many résumés
            engine = build(settings)
            ranked = _ranked_missing_of(engine, settings)
    except Exception as err:  # reported to the parent, which aborts the batch
        try:
            conn.send(("init-error", err))
        except Exception:  # the exception itself may not pickle
            conn.send(("init-error", ResumeCheckError(f"{type(err).__name__}: {err}")))
        return
    conn.send(("ready", ranked))
    position = {id(term): k for k, term in enumerate(ranked)}
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        index, path = message
        # pickled here, unpickled by the parent only after it has handed this worker its next file
        record = pickle.dumps(_pack(_analyse_one(path, settings, engine, analyse), position), pickle.HIGHEST_PROTOCOL)
        conn.send(("done", index, record))


# A résumé's missing terms are most of the lexicon (about 360 of 388 terms), the same objects in every record: pickling
# them each time was a large share of a record's bytes and of the parent's time unpickling records. A worker sends its
# ranked list of missing terms once, when ready, and each record's missing terms as positions in that list; the parent
# puts the terms back (shared, immutable objects), so analyse_many returns the very same records.
# The terms of the target a record was measured against travel the same way: the shared list ends with the
# target term tuples the worker may use, and a record names its target's terms by position.

Shared = tuple[Any, ...]  # MissingTerms, then tuples of TargetTerms: the objects records refer to by position


def _ranked_missing_of(engine: Any, settings: Settings) -> Shared:
    """For every target the engine may choose (the whole lexicon, each role profile): its terms ranked as missing
    terms (``analysis.ranked_missing``), then its terms; () for an engine of another kind (tests build fakes),
    whose records then travel whole."""
    from ..analysis import Engine, enabled_terms, ranked_missing
    from ..targets.roles import profile_terms
    from ..targets.target import lexicon_target

    if not isinstance(engine, Engine):
        return ()
    lexicon = lexicon_target(enabled_terms(engine.lexicon, settings), engine.lexicon.categories)
    shared: list[Any] = []
    # the engine's own target (a job posting, read once per worker) first, then the lexicon and the role profiles
    own = (engine.target.terms,) if engine.target is not None else ()
    for terms in (*own, lexicon.terms, *(profile_terms(p) for p in engine.profiles)):
        shared += [*ranked_missing(terms), terms]
    return tuple(shared)


def _pack(record: BatchRecord, position: dict[int, int]) -> tuple[BatchRecord, list[int] | None, int | None]:
    """``record`` with its missing terms replaced by their positions in the worker's shared list when they all
    come from it (else the record whole, and None), and its target's terms by their position when shared."""
    analysis = record.analysis
    if analysis is None or not position:
        return record, None, None
    at = [position.get(id(term), -1) for term in analysis.missing]
    if -1 in at:
        return record, None, None
    terms_at = position.get(id(analysis.target.terms))
    target = analysis.target if terms_at is None else dataclasses.replace(analysis.target, terms=())
    return dataclasses.replace(record, analysis=dataclasses.replace(analysis, missing=(), target=target)), at, terms_at


def _unpack(data: bytes, shared: Shared) -> BatchRecord:
    """The record a worker pickled with ``_pack``, its missing and target terms put back from the shared list."""
    record, at, terms_at = pickle.loads(data)
    if at is None or record.analysis is None:
        return record  # type: ignore[no-any-return]
    analysis = record.analysis
    target = analysis.target if terms_at is None else dataclasses.replace(analysis.target, terms=shared[terms_at])
    analysis = dataclasses.replace(analysis, missing=tuple(shared[k] for k in at), target=target)
    return dataclasses.replace(record, analysis=analysis)  # type: ignore[no-any-return]


@dataclass(slots=True)
class _Worker:
    process: Any  # multiprocessing.process.BaseProcess
    conn: Connection
    started: float
    ready: bool = False
    task: tuple[int, str, float] | None = None  # index, path, deadline
    ranked: Shared = ()  # its shared missing and target terms, sent when ready (see _pack)


class _Pool:
    """A set of worker processes, each running one file at a time, that the parent can kill individually."""

    def __init__(self, size: int, settings: Settings, analyse: AnalyseFn, build: BuildFn) -> None:
        self._ctx = multiprocessing.get_context("spawn")
        self._args = (settings, analyse, build)
        self.workers: list[_Worker] = []
        for _ in range(size):
            self.workers.append(self._start())

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=_worker_main, args=(child, *self._args, os.getpid()), daemon=True)
        process.start()
        child.close()  # so the parent sees EOF when the worker dies
        return _Worker(process, parent, time.monotonic())

    def replace(self, worker: _Worker, *, restart: bool = True) -> None:
        """Kill ``worker``; start a fresh one in its place when there is work left for it."""
        self.kill(worker)
        if restart:
            self.workers[self.workers.index(worker)] = self._start()
        else:
            self.workers.remove(worker)

    def kill(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()

    def close(self) -> None:
        for worker in self.workers:
            if worker.process.is_alive() and worker.task is None:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
                worker.process.join(2)
            self.kill(worker)
        self.workers = []


def displayed(record: BatchRecord) -> BatchRecord:
    """``record`` with its path as every report shows it: a name that is not UTF-8 or holds control characters is
    escaped (``escaping.display_path``), so records from every engine are equal and can be written as UTF-8."""
    if record.path.isprintable():
        return record
    return dataclasses.replace(record, path=display_path(record.path))


def analyse_many(
    paths: Sequence[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    settings: Settings | None = None,
    time_limit: float | None = None,
    progress: Callable[[BatchRecord], None] | None = None,
    analyse: AnalyseFn = analyse_with_engine,
    build: BuildFn = build_default_engine,
    keep: bool = True,
    read_from: Callable[[BatchRecord, str], None] | None = None,
) -> tuple[BatchRecord, ...]:
    """Analyse many files in worker processes; one record per distinct path, sorted by path.

    Args:
        paths: files to analyse (use ``expand_paths`` for folders and globs); duplicates are dropped.
        workers: worker processes, default ``os.cpu_count()``; always at least one process (even for 1) so the
            time limit can stop a hanging file.
        settings: analysis settings, shared by every worker.
        time_limit: seconds per file, default ``settings.time_limit`` (30 s).
        progress: called in this process with each finished record.
        analyse, build: the per-file analysis and the engine builder run in the workers (top-level functions, so
            they pickle); tests swap in fakes here.
        keep: False for a streaming caller that writes each record in ``progress``: the records are then not kept,
            the result is () and memory stays flat however many files there are.
        read_from: like ``progress``, with the path the file was read from as well (a record's path is escaped for
            display when the name is not printable: see ``displayed``).

    Workers are started with the ``spawn`` method, which imports the caller's main module: in a script, call this
    under ``if __name__ == "__main__":``.

    Raises:
        BatchInterrupted: on Ctrl-C, with the finished records.
        ResumeCheckError: when a worker cannot build its engine (bad lexicon or config): no file could be analysed.
    """
    settings = settings or Settings()
    limit = settings.time_limit if time_limit is None else time_limit
    problem = time_limit_problem(limit)
    if problem:
        raise ValueError(f"time_limit {problem}")
    ordered = sorted({os.fspath(p) for p in paths})
    if not ordered:
        return ()
    size = max(1, min(workers or os.cpu_count() or 1, len(ordered)))
    pending: deque[tuple[int, str]] = deque(enumerate(ordered))
    done: dict[int, BatchRecord] = {}
    finished_count = 0

    def finish(index: int, record: BatchRecord) -> None:
        nonlocal finished_count
        record = displayed(record)
        finished_count += 1
        if keep:
            done[index] = record
        if progress is not None:
            progress(record)
        if read_from is not None:
            read_from(record, ordered[index])

    pool = _Pool(size, settings, analyse, build)
    received: list[tuple[int, bytes, Shared]] = []  # finished, still pickled (see _unpack)

    def dispatch() -> None:
        for worker in pool.workers:
            if worker.ready and worker.task is None and pending:
                index, path = pending.popleft()
                worker.task = (index, path, time.monotonic() + limit)
                worker.conn.send((index, path))

    try:
        while finished_count < len(ordered):
            dispatch()
            now = time.monotonic()
            deadlines = [
                w.task[2] if w.task else w.started + STARTUP_LIMIT for w in pool.workers if w.task or not w.ready
            ]
            timeout = max(0.0, min(deadlines) - now) if deadlines else None
            for conn in wait([w.conn for w in pool.workers], timeout):
                match = [w for w in pool.workers if w.conn is conn]
                if match:  # else its worker was replaced while handling an earlier message
                    _receive(pool, match[0], finish, received, restart=bool(pending))
            if received:
                dispatch()  # the workers get their next file before this process unpickles the last ones
                for index, data, ranked in received:
                    finish(index, _unpack(data, ranked))
                received.clear()
            now = time.monotonic()
            for worker in list(pool.workers):
                if worker.task is not None and now >= worker.task[2]:
                    index, path, _ = worker.task
                    message = (
                        f"{display_path(path)}: timed out after {limit:g} s and was stopped; the file may be "
                        f"malformed or pathologically complex: re-export it, or raise the limit with --time-limit"
                    )
                    finish(index, BatchRecord(path, None, BatchError(3, "timeout", message), limit))
                    pool.replace(worker, restart=bool(pending))
                elif not worker.ready and now >= worker.started + STARTUP_LIMIT:
                    raise ResumeCheckError(
                        f"a batch worker did not start within {STARTUP_LIMIT:g} s; try fewer workers"
                    )
    except KeyboardInterrupt:
        pool.close()
        for index, data, ranked in received:  # finished, not yet unpickled: they count as done
            if keep:
                record = _unpack(data, ranked)
                done[index] = dataclasses.replace(record, path=display_path(record.path))
        finished = tuple(done[i] for i in sorted(done))
        raise BatchInterrupted(finished, len(ordered) - (len(done) if keep else finished_count)) from None
    finally:
        pool.close()
    return tuple(done[i] for i in range(len(ordered))) if keep else ()


def _receive(
    pool: _Pool,
    worker: _Worker,
    finish: Callable[[int, BatchRecord], None],
    received: list[tuple[int, bytes, Shared]],
    *,
    restart: bool,
) -> None:
    try:
        message = worker.conn.recv()
    except (EOFError, OSError):
        worker.process.join(1)
        code = worker.process.exitcode
        if worker.task is None and worker.ready:  # an idle worker died (killed from outside): carry on without it
            pool.replace(worker, restart=restart)
            return
        if worker.task is None:
            raise ResumeCheckError(
                f"a batch worker exited while starting (exit code {code}); in a script, call analyse_many under "
                "`if __name__ == '__main__':` (workers are spawned and import the main module); otherwise run "
                "`resume-check check` on one file to see the error"
            ) from None
        index, path, _ = worker.task
        why = " (killed: out of memory?)" if code == -signal.SIGKILL else ""
        message_text = (
            f"{display_path(path)}: the analysis crashed its worker process (exit code {code}){why}; this is a bug: "
            "please report it with the file if you can"
        )
        finish(index, BatchRecord(path, None, BatchError(4, "crash", message_text), 0.0))
        worker.task = None
        pool.replace(worker, restart=restart)
        return
    kind = message[0]
    if kind == "ready":
        worker.ready = True
        worker.ranked = message[1]
    elif kind == "init-error":
        err = message[1]
        if isinstance(err, BaseException):
            raise err
        raise ResumeCheckError(str(err))
    elif kind == "done":
        _, index, record = message
        worker.task = None
        received.append((index, record, worker.ranked))
