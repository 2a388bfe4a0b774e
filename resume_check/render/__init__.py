"""Renderers: one module per output format, each a pure function returning a string.

Report formats (one résumé each) expose ``render(analysis: Analysis, *, color: bool = False) -> str``.
CI formats (many files, gate results) expose ``render_results(results, *, color: bool = False) -> str``
where ``results`` is a sequence of ``resume_check.ci.gate.CheckResult``.
Modules are imported lazily so ``--help`` stays fast.
"""

from __future__ import annotations

import importlib
from types import ModuleType

#: report formats: name -> module under resume_check.render
REPORT_FORMATS: dict[str, str] = {
    "text": "terminal",
    "json": "json",
    "markdown": "markdown",
    "html": "html",
}

#: CI formats: name -> module under resume_check.render
CI_FORMATS: dict[str, str] = {
    "line": "line",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
}


def renderer(name: str) -> ModuleType:
    """The module rendering format ``name`` (a key of REPORT_FORMATS or CI_FORMATS)."""
    module = REPORT_FORMATS.get(name) or CI_FORMATS.get(name)
    if module is None:
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{module}")
