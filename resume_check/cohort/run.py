"""Run a batch on either engine (local worker processes or a Dask cluster) behind one call."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..config import Settings
    from .batch import BatchRecord

#: the engines a batch runs on
ENGINES = ("local", "dask")


def run_batch(
    files: Sequence[str],
    settings: Settings,
    *,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    keep: bool = True,
    with_sha256: bool = False,
    on_record: Callable[[BatchRecord, str | None], None] | None = None,
) -> tuple[BatchRecord, ...]:
    """Analyse ``files`` on ``engine`` ("local": ``batch.analyse_many``; "dask": ``engines.dask.iter_dask``,
    optionally on the cluster at ``scheduler``), calling ``on_record(record, sha256)`` in this process as each
    finishes (the file's SHA-256 when ``with_sha256``, or whenever Dask gives it; else None).

    Returns every record sorted by path, or () when not ``keep`` (a streaming caller writes each in
    ``on_record``). Raises as ``analyse_many`` does (``BatchInterrupted`` on Ctrl-C, ``ResumeCheckError`` when no
    engine can be built).
    """
    if not files:
        return ()
    if engine == "dask":
        from .engines.dask import iter_dask

        records = []
        for record, sha256 in iter_dask(files, settings=settings, scheduler=scheduler, workers=workers):
            if on_record is not None:
                on_record(record, sha256)
            if keep:
                records.append(record)
        return tuple(sorted(records, key=lambda r: r.path))
    from .batch import analyse_many
    from .stream import file_sha256

    def finished(record: BatchRecord, source: str) -> None:
        assert on_record is not None
        on_record(record, file_sha256(source) if with_sha256 else None)  # the file read, not its shown name

    return analyse_many(
        files, workers=workers, settings=settings, keep=keep, read_from=finished if on_record is not None else None
    )
