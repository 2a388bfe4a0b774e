"""Cohort CSV: one row per person, spreadsheet-safe (no cell can start a formula)."""

from __future__ import annotations

import csv
import io

from ..cohort.summary import Cohort

#: a cell starting with one of these could run as a spreadsheet formula (OWASP CSV injection)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would read as a formula; other text is unchanged."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def render_cohort(cohort: Cohort) -> str:
    """The cohort as CSV text (header row, then one row per person in path order)."""
    component_ids: list[str] = []
    for person in cohort.people:
        for cid, _ in person.components:
            if cid not in component_ids:
                component_ids.append(cid)
    category_ids = [cid for cid, _ in cohort.categories]
    header = [
        "rank",
        "file",
        "role",
        *(["match"] if cohort.job is not None else []),
        "score",
        *(f"component_{cid}" for cid in component_ids),
        *(f"coverage_{cid}" for cid in category_ids),
        "quantified_statements",
        "statements",
        "missing_1",
        "missing_2",
        "missing_3",
        "unevidenced_dimensions",
        "warnings",
        "exit_code",
        "error_kind",
        "error",
    ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for person in cohort.people:
        components = dict(person.components)
        coverage = dict(person.coverage)
        missing = [label for _, label in person.top_missing] + ["", "", ""]
        error = person.error
        row = [
            "" if person.rank is None else str(person.rank),
            person.file,
            person.role,
            *([_number(person.match)] if cohort.job is not None else []),
            _number(person.score),
            *(_number(components.get(cid)) for cid in component_ids),
            *(_number(coverage.get(cid)) for cid in category_ids),
            "" if error else str(person.quantified),
            "" if error else str(person.statements),
            *missing[:3],
            "; ".join(person.missing_dimensions),
            "" if error else str(person.warnings),
            str(error.exit_code) if error else "0",
            error.kind if error else "",
            error.message if error else "",
        ]
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()
