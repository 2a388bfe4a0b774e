"""Cohort JSON: the whole cohort view as one stable, documented JSON document."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from ..cohort.batch import BatchRecord
from ..cohort.redact import Redactor, pseudonyms, redactor_for
from ..cohort.summary import Cohort, Gap, PersonRow
from ..targets.jobmatch import READY_RATE


def _gap(gap: Gap, weight: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"id": gap.id, "label": gap.label, "count": gap.count, "share": gap.share}
    if weight:
        out["weight"] = gap.weight
    return out


def _person(person: PersonRow, details: Mapping[str, Any] | None = None) -> dict[str, Any]:
    if person.error is not None:
        return {"file": person.file, "error": asdict(person.error)}
    row = {
        "file": person.file,
        "role": {"id": person.role, "label": person.role_label, "reason": person.role_reason},
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
    if person.match is not None:
        row["match"] = person.match
    if details is not None and person.file in details:
        row["analysis"] = details[person.file]
    return row


def person_details(
    records: Sequence[BatchRecord], *, redact: bool = False, salt: bytes = b""
) -> dict[str, dict[str, Any]]:
    """Each analysed person's full analysis (the ``check --format json`` structure), keyed by their cohort name.

    With ``redact`` every string in it is scrubbed of the person's name, contact details, path, emails, phones and
    URLs, and the key is their pseudonym (the same as in the cohort rows built with the same ``salt``).
    """
    from .json import to_dict as analysis_to_dict

    names = pseudonyms((r.path for r in records), salt) if redact else {}
    out: dict[str, dict[str, Any]] = {}
    for record in records:
        if record.analysis is None:
            continue
        data = analysis_to_dict(record.analysis)
        if redact:
            name = names[record.path]
            data = _scrub(data, redactor_for(record.path, name, record.analysis))
            out[name] = data
        else:
            out[record.path] = data
    return out


def _scrub(value: Any, scrub: Redactor) -> Any:
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {k: _scrub(v, scrub) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(v, scrub) for v in value]
    return value


def to_dict(cohort: Cohort, details: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The cohort as plain data (``schema_version`` first); ``details`` adds each person's full analysis."""
    out = {
        "schema_version": cohort.schema_version,
        "kind": "cohort",
        "redacted": cohort.redacted,
        "people_total": len(cohort.people),
        "analysed": cohort.analysed,
        "failed": cohort.failed,
        "distribution": asdict(cohort.distribution) if cohort.distribution else None,
        "missing_keywords": [_gap(g, weight=True) for g in cohort.missing_keywords],
        "roles": [
            {
                "id": group.id,
                "label": group.label,
                "people": group.people,
                "chosen": dict(group.chosen),
                "missing_keywords": [_gap(g, weight=True) for g in group.missing_keywords],
            }
            for group in cohort.roles
        ],
        "unevidenced_dimensions": [_gap(g) for g in cohort.unevidenced_dimensions],
        "common_findings": [_gap(g) for g in cohort.common_findings],
        "ranking": [_ranked(p) for p in cohort.ranking],
        "categories": [{"id": i, "label": label} for i, label in cohort.categories],
        "people": [_person(p, details) for p in cohort.people],
    }
    if cohort.job is not None:  # batch --job: ranked by match rate; "ready" at READY_RATE or more
        out["job"] = {"title": cohort.job, "ready": cohort.ready, "ready_rate": READY_RATE}
    return out


def _ranked(person: PersonRow) -> dict[str, Any]:
    row: dict[str, Any] = {"rank": person.rank, "file": person.file, "score": person.score}
    if person.match is not None:
        row["match"] = person.match
    return row


def render_cohort(cohort: Cohort, *, details: Mapping[str, Any] | None = None) -> str:
    """The cohort as indented JSON text with a trailing newline (``details``: see ``person_details``)."""
    return json.dumps(to_dict(cohort, details), indent=2, ensure_ascii=False) + "\n"
