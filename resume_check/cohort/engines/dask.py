"""Batch on a Dask cluster: the local batch's analysis and records, run by Dask workers in partitions of paths.

Design (the ``resume-check[dask]`` extra; ``dask.distributed`` is imported only when this engine runs):

- The parent ships *paths*, never text: the files must be on a file system every worker can read.
- Each worker builds the analysis engine (spaCy pipeline + matchers, from the start-up cache) once, lazily, on its
  first partition, and keeps it in a worker plugin (``EnginePlugin``) for the rest of the run; a worker with
  several threads keeps one engine per busy thread. The per-file analysis is ``batch.analyse_with_engine``, the
  local batch's own, and failures map to error rows with ``batch.error_from_exception``, so the records are the
  local batch's records.
- Per-file time limit: a watchdog raises ``FileTimeout`` in the analysing thread when the file overruns (the
  file becomes a ``timeout`` error row, exit class 3, and the engine is rebuilt); a file stuck where Python cannot
  interrupt it (inside C code) ends its worker process after a grace period, which the next point handles.
- A worker that dies has its partition retried by Dask (``allowed-failures``). A partition that keeps killing
  workers is split into single files and retried; a single file that keeps killing workers becomes a ``crash``
  error row (exit class 4) and the run goes on.
- The parent keeps a bounded window of partitions in flight and yields each partition's records as it arrives,
  so its memory does not grow with the number of files.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import logging
import math
import os
import pickle
import queue
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any

from ...config import Settings
from ...errors import ResumeCheckError
from ...escaping import display_path
from ...runtime.gcpolicy import engine_start_up
from ..batch import (
    AnalyseFn,
    BatchError,
    BatchRecord,
    BuildFn,
    analyse_with_engine,
    build_default_engine,
    displayed,
    error_from_exception,
)

try:  # the optional extra: without it this module still imports, and require_dask says how to install it
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover - exercised by the CLI test that hides dask
    WorkerPlugin = object  # type: ignore[misc,assignment]

INSTALL_HINT = (
    'the Dask engine needs the dask extra: pip install -e ".[dask]" in a checkout of resume-check, or '
    'pip install "resume-check[dask] @ git+https://github.com/<owner>/resume-check@vX.Y.Z" from a release tag'
)
#: most files in one partition: small enough to balance the load at the end of a run, large enough that Dask's
#: per-task cost is small beside the files' (docs/scaling.md has the measured figures)
MAX_PARTITION = 50
#: partitions per worker thread in flight at once: enough to keep every worker busy, few enough that the
#: parent's memory stays flat
IN_FLIGHT_PER_THREAD = 3
#: a file still running this long after its time limit (stuck in C code) ends its worker process
HARD_STOP_GRACE = 10.0
#: exit status of a worker process stopped by the hard time limit
HARD_STOP_STATUS = 75
#: times a single file whose task failed is tried again on its own before it becomes an error row: a worker that
#: dies takes down with it the other tasks it held, whose files are innocent and pass on their next try
SINGLE_FILE_TRIES = 2


class EngineUnavailable(ResumeCheckError):
    """The Dask extra is not installed (a usage problem: exit 2)."""

    exit_code = 2


class FileTimeout(BaseException):
    """Raised inside the analysing thread when its file overruns the time limit (not an ``Exception``, so the
    analysis code's own ``except Exception`` handlers cannot swallow it)."""


def require_dask() -> None:
    """Raise ``EngineUnavailable`` (saying how to install it) unless ``dask.distributed`` can be imported."""
    try:
        import distributed  # noqa: F401
    except ImportError as err:
        raise EngineUnavailable(f"{INSTALL_HINT} ({err})") from None


def partition_size(files: int, threads: int) -> int:
    """Files per partition: about eight partitions per worker thread, at most ``MAX_PARTITION``."""
    return max(1, min(MAX_PARTITION, math.ceil(files / max(1, threads * 8))))


# --------------------------------------------------------------------------------------------- worker side


class EnginePlugin(WorkerPlugin):
    """Worker plugin holding the run's settings and the engines built from them (one per busy thread).

    Registered under a name derived from the settings, so runs with different settings can share a cluster."""

    def __init__(self, settings: Settings, analyse: AnalyseFn, build: BuildFn) -> None:
        self.settings = settings
        self.analyse = analyse
        self.build = build
        self.name = "resume-check-engine-" + hashlib.sha256(pickle.dumps((settings, analyse, build))).hexdigest()[:16]
        self._idle: queue.SimpleQueue[Any] | None = None
        self.built = 0  # engines built in this worker (for tests and diagnostics)

    def __getstate__(self) -> dict[str, Any]:
        return {"settings": self.settings, "analyse": self.analyse, "build": self.build, "name": self.name}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["settings"], state["analyse"], state["build"])  # type: ignore[misc]

    def setup(self, worker: Any) -> None:
        self._idle = queue.SimpleQueue()

    def teardown(self, worker: Any) -> None:
        self._idle = None

    def take(self) -> Any:
        """An idle engine, built now if every one is busy (the first time, or on another thread)."""
        if self._idle is None:
            self._idle = queue.SimpleQueue()
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            with engine_start_up(self.settings.tuned):
                engine = self.build(self.settings)
            self.built += 1
            return engine

    def give_back(self, engine: Any) -> None:
        if self._idle is not None:
            self._idle.put(engine)


def _set_async_exc(thread_id: int, exc: type[BaseException] | None) -> None:
    """Raise ``exc`` in thread ``thread_id`` at its next Python instruction (None: cancel a pending one)."""
    target = ctypes.py_object(exc) if exc is not None else ctypes.c_void_p(None)
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), target)


def _hard_stop() -> None:
    os._exit(HARD_STOP_STATUS)  # the file is stuck where Python cannot interrupt it: Dask retries elsewhere


def analyse_limited(path: str, plugin: EnginePlugin, engine: Any, limit: float) -> tuple[BatchRecord, bool]:
    """One file's record, its analysis stopped at ``limit`` seconds; and whether it timed out (the engine may then
    be in a broken state and is not reused)."""
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"running": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["running"]:
                state["fired"] = True
                _set_async_exc(thread_id, FileTimeout)

    timer = threading.Timer(limit, fire)
    hard = threading.Timer(limit + max(HARD_STOP_GRACE, limit), _hard_stop)
    timer.daemon = hard.daemon = True
    start = time.perf_counter()
    try:
        timer.start()
        hard.start()
        try:
            try:
                analysis = plugin.analyse(path, plugin.settings, engine)
                record = BatchRecord(path, analysis, None, time.perf_counter() - start)
            except Exception as err:  # every failure becomes that file's error row, as in the local batch
                record = BatchRecord(path, None, error_from_exception(err), time.perf_counter() - start)
        finally:
            with lock:
                state["running"] = False
            timer.cancel()
            hard.cancel()
            if state["fired"]:
                _set_async_exc(thread_id, None)  # delivered already, or cancelled now
        return record, False
    except FileTimeout:
        timer.cancel()
        hard.cancel()
        message = (
            f"{path}: timed out after {limit:g} s and was stopped; the file may be malformed or "
            f"pathologically complex: re-export it, or raise the limit with --time-limit"
        )
        return BatchRecord(path, None, BatchError(3, "timeout", message), limit), True


def analyse_partition(paths: Sequence[str], plugin_name: str, limit: float) -> list[tuple[BatchRecord, str]]:
    """The Dask task: each path's record and the SHA-256 of its bytes (for ``--resume``), in the given order."""
    from distributed import get_worker

    from ..stream import file_sha256

    plugin: EnginePlugin = get_worker().plugins[plugin_name]  # type: ignore[assignment]
    out: list[tuple[BatchRecord, str]] = []
    engine = plugin.take()
    try:
        for path in paths:
            record, timed_out = analyse_limited(path, plugin, engine, limit)
            out.append((record, file_sha256(path)))
            if timed_out:
                engine = plugin.take()  # a fresh one: the stopped analysis may have left the old one half-way
    finally:
        plugin.give_back(engine)
    return out


# --------------------------------------------------------------------------------------------- parent side


@contextlib.contextmanager
def dask_client(
    scheduler: str | None = None, *, workers: int | None = None, allowed_failures: int | None = None
) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, or of a new ``LocalCluster`` of ``workers`` single-threaded
    processes listening on the loopback only (its HTTP server on a free loopback port), closed on exit."""
    require_dask()
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    # one task per worker thread at a time: a worker that dies then takes no innocent queued task down with it
    config: dict[str, Any] = {
        "distributed.scheduler.worker-saturation": 1.0,
        # the worker's statistical profiler samples every thread's stack many times a second: time the analysis needs
        "distributed.worker.profile.enabled": False,
    }
    if allowed_failures is not None:
        config["distributed.scheduler.allowed-failures"] = allowed_failures
    with dask.config.set(config):
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.CRITICAL,
        )
    try:
        with Client(cluster) as client:  # type: ignore[no-untyped-call]
            yield client
    finally:
        cluster.close()


def iter_dask(
    paths: Sequence[str],
    *,
    settings: Settings | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    time_limit: float | None = None,
    partition: int | None = None,
    analyse: AnalyseFn = analyse_with_engine,
    build: BuildFn = build_default_engine,
    allowed_failures: int | None = None,
) -> Iterator[tuple[BatchRecord, str]]:
    """Analyse ``paths`` on Dask; yield ``(record, sha256 of the file)`` per distinct path as partitions finish.

    Args:
        paths: files every worker can read (a shared file system); duplicates are dropped.
        scheduler: address of an existing cluster's scheduler (``tcp://host:8786``); None starts a
            ``LocalCluster`` of ``workers`` processes (default: the number of cores) on the loopback.
        time_limit: seconds per file, default ``settings.time_limit``.
        partition: files per task, default ``partition_size``.
        analyse, build: as in ``batch.analyse_many`` (top-level functions; tests swap in fakes).
        allowed_failures: for a new LocalCluster, how many worker deaths a task may cause before Dask gives up on
            it (Dask's default: 3).
    """
    settings = settings or Settings()
    limit = settings.time_limit if time_limit is None else time_limit
    if limit <= 0:
        raise ValueError("time_limit must be positive")
    ordered = sorted({os.fspath(p) for p in paths})
    if not ordered:
        return
    with dask_client(scheduler, workers=workers, allowed_failures=allowed_failures) as client:
        from distributed import as_completed

        plugin = EnginePlugin(settings, analyse, build)
        client.register_plugin(plugin, name=plugin.name)
        try:
            threads = sum(client.nthreads().values()) or 1
            size = partition or partition_size(len(ordered), threads)
            todo: deque[list[str]] = deque(ordered[i : i + size] for i in range(0, len(ordered), size))
            window = max(2, threads * IN_FLIGHT_PER_THREAD)
            running: dict[str, tuple[list[str], int]] = {}  # task key -> (its files, tries of a single file)
            pending = as_completed()  # type: ignore[no-untyped-call]

            def submit(part: list[str], tries: int = 0) -> None:
                future = client.submit(analyse_partition, part, plugin.name, limit, pure=False)
                running[future.key] = (part, tries)
                pending.add(future)  # type: ignore[no-untyped-call]

            while todo and len(running) < window:
                submit(todo.popleft())
            for future in pending:
                part, tries = running.pop(future.key)
                if future.status == "finished":
                    for record, sha in future.result():
                        yield displayed(record), sha
                elif len(part) > 1:  # some file in it kills workers: find which, one file per task
                    for path in part:
                        submit([path], 1)
                elif tries < SINGLE_FILE_TRIES:
                    submit(part, tries + 1)
                else:
                    yield displayed(_failed(part[0], future.exception())), _sha(part[0])
                future.release()
                while todo and len(running) < window:
                    submit(todo.popleft())
        finally:
            with contextlib.suppress(Exception):
                client.unregister_worker_plugin(plugin.name)


def _sha(path: str) -> str:
    from ..stream import file_sha256

    return file_sha256(path)


def _failed(path: str, err: BaseException | None) -> BatchRecord:
    """The error row of a file whose task failed: killed its workers repeatedly, or a failure outside the
    analysis."""
    if type(err).__name__ == "KilledWorker":
        message = (
            f"{display_path(path)}: the analysis killed its Dask worker process repeatedly (a crash, running out of "
            "memory, or stuck past the time limit where it could not be stopped); this is a bug: please report it "
            "with the file if you can"
        )
        return BatchRecord(path, None, BatchError(4, "crash", message))
    return BatchRecord(path, None, error_from_exception(err or RuntimeError("the Dask task failed")))
