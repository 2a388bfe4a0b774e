"""Cohort JSON: the whole cohort view as one stable, documented JSON document."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ..cohort import Cohort, Gap, PersonRow


def _gap(gap: Gap, weight: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"id": gap.id, "label": gap.label, "count": gap.count, "share": gap.share}
    if weight:
        out["weight"] = gap.weight
    return out


def _person(person: PersonRow) -> dict[str, Any]:
    if person.error is not None:
        return {"file": person.file, "error": asdict(person.error)}
    return {
        "file": person.file,
        "rank": person.rank,
        "score": person.score,
        "components": dict(person.components),
        "coverage": dict(person.coverage),
        "quantified_statements": person.quantified,
        "statements": person.statements,
        "top_missing": [{"id": i, "label": label} for i, label in person.top_missing],
        "unevidenced_dimensions": list(person.missing_dimensions),
        "warnings": person.warnings,
        "findings": list(person.finding_ids),
    }


def to_dict(cohort: Cohort) -> dict[str, Any]:
    """The cohort as plain data (``schema_version`` first)."""
    return {
        "schema_version": cohort.schema_version,
        "kind": "cohort",
        "redacted": cohort.redacted,
        "people_total": len(cohort.people),
        "analysed": cohort.analysed,
        "failed": cohort.failed,
        "distribution": asdict(cohort.distribution) if cohort.distribution else None,
        "missing_keywords": [_gap(g, weight=True) for g in cohort.missing_keywords],
        "unevidenced_dimensions": [_gap(g) for g in cohort.unevidenced_dimensions],
        "common_findings": [_gap(g) for g in cohort.common_findings],
        "ranking": [{"rank": p.rank, "file": p.file, "score": p.score} for p in cohort.ranking],
        "categories": [{"id": i, "label": label} for i, label in cohort.categories],
        "people": [_person(p) for p in cohort.people],
    }


def render_cohort(cohort: Cohort) -> str:
    """The cohort as indented JSON text with a trailing newline."""
    return json.dumps(to_dict(cohort), indent=2, ensure_ascii=False) + "\n"
