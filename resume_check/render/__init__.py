"""Renderers: one module per output format, each a pure function returning a string, and the registry of formats.

``FORMATS`` is the one list of output formats: each names its kind (what it renders), the module and function
that render it, its media type and file extension. The command line's ``--format`` choices come from it.

- ``report``: one résumé, ``render(analysis, *, color=False) -> str`` (the text report also takes width, verbose);
- ``ci``: gate results of many files, ``render_results(results, *, color=False) -> str`` where ``results`` is a
  sequence of ``resume_check.ci.gate.CheckResult``;
- ``cohort``: ``render_cohort(cohort) -> str`` of a ``resume_check.cohort.summary.Cohort``;
- ``stream``: ``batch``'s record stream (one JSON record per line, written as records arrive);
- ``summary``: the cohort summary of a record stream (counts, scores, gaps), ``render_summary(summary) -> str``;
- ``extract``: what was read from a file, ``render(resume, impact) -> str``;
- ``posting``: what was understood from a job posting, ``render(posting) -> str``;
- ``rules``: the rule registry, ``render_*(registry) -> str``.

The table is data rather than registrations made when each module is imported: the renderers import the models
and their helpers, and importing them all to list the choices would slow every ``--help``. Modules are imported
only when a format is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Final

REPORT: Final = "report"
CI: Final = "ci"
COHORT: Final = "cohort"
STREAM: Final = "stream"
SUMMARY: Final = "summary"
EXTRACT: Final = "extract"
POSTING: Final = "posting"
RULES: Final = "rules"


@dataclass(frozen=True, slots=True)
class Format:
    """One output format: ``name`` (the ``--format`` value) of a ``kind``, rendered by ``function`` of ``module``
    (dotted, under resume_check), as ``media_type`` in a file ending ``extension``."""

    name: str
    kind: str
    module: str
    function: str
    media_type: str
    extension: str
    #: what separates the reports of several files (report formats; JSON makes an array instead)
    separator: str | None = None

    @property
    def joinable(self) -> bool:
        """Whether reports of several files make one document (``join_reports``): a separator, or a JSON array."""
        return self.separator is not None or self.media_type == "application/json"

    def load_module(self) -> ModuleType:
        return importlib.import_module(f"resume_check.{self.module}")

    def load(self) -> Callable[..., Any]:
        """The rendering function (its module imported on first use)."""
        function: Callable[..., Any] = getattr(self.load_module(), self.function)
        return function


#: every output format, in the order the command line lists them
FORMATS: tuple[Format, ...] = (
    Format("text", REPORT, "render.terminal", "render", "text/plain", ".txt", "\n" + "=" * 79 + "\n\n"),
    Format("json", REPORT, "render.json", "render", "application/json", ".json"),
    Format("markdown", REPORT, "render.markdown", "render", "text/markdown", ".md", "\n---\n\n"),
    Format("html", REPORT, "render.html", "render", "text/html", ".html"),
    Format("line", CI, "render.line", "render_results", "text/plain", ".txt"),
    Format("github", CI, "render.github", "render_results", "text/plain", ".txt"),
    Format("sarif", CI, "render.sarif", "render_results", "application/sarif+json", ".sarif"),
    Format("junit", CI, "render.junit", "render_results", "application/xml", ".xml"),
    Format("csv", COHORT, "render.csv", "render_cohort", "text/csv", ".csv"),
    Format("json", COHORT, "render.cohort_json", "render_cohort", "application/json", ".json"),
    Format("markdown", COHORT, "render.cohort_markdown", "render_cohort", "text/markdown", ".md"),
    Format("html", COHORT, "render.cohort_html", "render_cohort", "text/html", ".html"),
    Format("jsonl", STREAM, "cohort.stream", "JsonlWriter", "application/jsonl", ".jsonl"),
    Format("summary", SUMMARY, "cohort.stream", "render_summary", "application/json", ".json"),
    Format("text", EXTRACT, "render.extract", "render", "text/plain", ".txt"),
    Format("json", EXTRACT, "render.json", "render_document", "application/json", ".json"),
    Format("text", POSTING, "render.posting", "render", "text/plain", ".txt"),
    Format("json", POSTING, "render.posting", "render_json", "application/json", ".json"),
    Format("text", RULES, "rules", "render_list", "text/plain", ".txt"),
    Format("json", RULES, "rules", "render_json", "application/json", ".json"),
    Format("markdown", RULES, "rules", "render_markdown", "text/markdown", ".md"),
)


def format_names(*kinds: str) -> tuple[str, ...]:
    """The names of the formats of ``kinds``, in registry order (the ``--format`` choices of a command)."""
    return tuple(f.name for kind in kinds for f in FORMATS if f.kind == kind)


def find_format(name: str, *kinds: str) -> Format:
    """The format ``name`` among ``kinds`` (the first kind that has it). Raises KeyError for an unknown name."""
    for kind in kinds:
        for found in FORMATS:
            if found.kind == kind and found.name == name:
                return found
    raise KeyError(name)


def renderer(name: str) -> ModuleType:
    """The module rendering the report or CI format ``name``."""
    return find_format(name, REPORT, CI).load_module()


def join_reports(name: str, reports: list[str]) -> str:
    """One report as is; several: a JSON array, or the reports with the format's separator between them."""
    if len(reports) == 1:
        return reports[0]
    found = find_format(name, REPORT)
    if found.separator is not None:
        return found.separator.join(reports)
    if not found.joinable:
        raise ValueError(f"the {name} format makes one document per résumé; it cannot join {len(reports)}")
    import json

    from .json import dumps

    return dumps([json.loads(r) for r in reports])
