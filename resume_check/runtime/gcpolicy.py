"""Garbage-collector settings for the processes resume-check owns: the installed command and batch workers.

Start-up builds about a million long-lived objects (the spaCy vocabulary, the lexicon, the matchers) and no cycles worth
collecting, so the cyclic collector is held while they load and they are then frozen: later collections never scan them.
Analysing a résumé allocates tens of thousands of short-lived containers (a PDF's chars, words and rows, spaCy's tokens,
the report's records), almost all freed by reference counting; with Python's default young-generation threshold (700
allocations) the collector runs dozens of times per résumé for nothing, a measurable share of the analysis
(bench/bench.py; the README's speed table). A larger threshold keeps collecting cycles, just less often; the memory held
meanwhile is at most that many young objects: 20,000 add little to a batch worker's peak on the corpus, where larger
thresholds cost much more memory for no more speed.

A library caller's process is left alone: only ``cli.run`` and the batch workers use ``engine_start_up`` (and
bench/bench.py, to time résumés as those processes analyse them).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: young-generation threshold while résumés are analysed (Python's default: 700)
YOUNG_THRESHOLD = 20_000
#: collections of the younger generation between collections of the next (Python's defaults: 10, 10)
OLDER_THRESHOLDS = (20, 20)


@contextmanager
def engine_start_up(tuned: bool = True) -> Iterator[None]:
    """Hold the collector while the engine is built; then freeze what start-up made and collect young objects
    less often (see the module docstring). The collector ends as it started, enabled or not. With ``tuned``
    False (``Settings.tuned``), nothing is changed."""
    if not tuned:
        yield
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
        if enabled:
            gc.enable()
