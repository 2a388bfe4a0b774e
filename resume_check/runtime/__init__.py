"""Process and speed tuning, none of which changes a result, and the one switch that turns it off.

- ``cache``: the start-up cache of compiled lexicons and matchers (``Settings.cache_dir``);
- ``gcpolicy``: the garbage collector held while an engine loads, then tuned for many résumés;
- ``tokenizer``: spaCy's tokenizer with a cache of whole chunks across documents;
- ``jsonenc``: the direct JSON encoder of the reports;
- ``atomic``: reports written atomically (a safety measure, not a speed one: the switch leaves it on).

The command line also imports spaCy without its command-line package and ends the process without tearing the
pipeline down (``cli.start_engine``, ``cli.run``).

The switch is ``Settings.tuned`` (the command line sets it from ``RESUME_CHECK_RUNTIME=off``): an engine built
with it off has no chunk cache and no disk cache, and its batch workers keep Python's collector settings. Renderers
take no settings, so the JSON encoder reads the switch from ``tuned()``, which is on unless the caller runs inside
``switched_off()`` (a context variable: it holds for that context only, never for the whole process).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_TUNED: ContextVar[bool] = ContextVar("resume_check_runtime_tuned", default=True)


def tuned() -> bool:
    """Whether the speed tuning is on in this context (see ``switched_off``)."""
    return _TUNED.get()


@contextmanager
def switched_off() -> Iterator[None]:
    """Run the body with the speed tuning off (the renderers' direct JSON encoder included)."""
    token = _TUNED.set(False)
    try:
        yield
    finally:
        _TUNED.reset(token)
