"""Streaming batch results: JSONL records written as they arrive, resumable runs, and the cohort read back.

The JSONL file (``batch --format jsonl``) holds one JSON object per line, each written whole by one ``write`` and
flushed, so an interrupted run leaves whole lines only, except at worst a partial last line, which ``open_resume``
cuts off. Two kinds of line:

- ``{"kind": "record", "path", "sha256", "exit_code", "error", ...}``: one file's cohort row (score, components,
  coverage, statements, top missing terms, unevidenced dimensions, warnings, finding ids) and the ids of all its
  missing terms; with ``batch --job`` also ``"job": {"title", "match"}`` (the cohort then ranks by match rate);
  with ``details`` also ``"analysis"``, the ``check --format json`` structure.
- ``{"kind": "terms", "role": target id, "terms": [[id, label, weight], ...], "categories": [[id, label], ...]}``:
  the labels and weights of term ids in one target (weights differ between targets) and category labels, written
  once per file just before the first record that uses them, so a record line stays small (its missing terms are
  ids) and the file describes itself.

A record is keyed by its path plus the SHA-256 of the file's bytes: ``--resume`` skips a file whose key is already
recorded and appends the rest; a file that changed since gets a new line, and readers take the last line per path.

``CohortSummary`` folds lines into the counts the cohort report needs, one line at a time (missing-term,
dimension and finding counts, exact counts per score value, the job's ready count): the bounded part written at
the end of a run; ``cohort_from_jsonl`` adds each person's small cohort row to it for the full report.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import IO, Any

from ..errors import InputError
from ..escaping import display_path
from ..models import DIMENSIONS
from ..targets.jobmatch import READY_RATE
from .batch import BatchError, BatchRecord
from .redact import pseudonyms, redactor_for
from .summary import (
    NON_ATS_PREFIXES,
    Cohort,
    Gap,
    PersonRow,
    RoleGroup,
    _rank,
    _with_rank,
    distribution,
    person_row,
)

JSONL_SCHEMA_VERSION = "1.0"
#: bytes read at a time when hashing a file
_CHUNK = 1 << 20


def file_sha256(path: str) -> str:
    """The hex SHA-256 of a file's bytes, "" when it cannot be read (its record is then an error row anyway)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def record_line(record: BatchRecord, sha256: str, *, details: bool = False) -> dict[str, Any]:
    """The JSONL object for one batch record (see the module docstring)."""
    line: dict[str, Any] = {
        "kind": "record",
        "path": record.path,
        "sha256": sha256,
        "exit_code": record.exit_code,
    }
    if record.analysis is None:
        error = record.error or BatchError(4, "unknown", "no analysis and no error recorded")
        line["error"] = {"exit_code": error.exit_code, "kind": error.kind, "message": error.message}
        return line
    analysis = record.analysis
    row = person_row(record.path, analysis)
    target = analysis.target
    line.update(
        {
            "error": None,
            "role": {"id": target.id, "label": target.label, "reason": target.reason, "chosen_by": target.chosen_by},
            "score": row.score,
            "components": dict(row.components),
            "coverage": dict(row.coverage),
            "quantified": row.quantified,
            "statements": row.statements,
            "top_missing": [list(t) for t in row.top_missing],
            "unevidenced_dimensions": list(row.missing_dimensions),
            "warnings": row.warnings,
            "findings": list(row.finding_ids),
            "missing": [t.id for t in analysis.missing],
        }
    )
    if analysis.job is not None:  # batch --job: the cohort ranks by match rate
        line["job"] = {"title": analysis.job.title, "match": row.match}
    if details:
        from ..render.json import to_dict

        line["analysis"] = to_dict(analysis)
    return line


def dumps_line(obj: dict[str, Any]) -> bytes:
    """One JSONL line: compact JSON, no raw newline inside (JSON escapes them), ending in ``\\n``."""
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n").encode("utf-8")


@dataclass(slots=True)
class JsonlWriter:
    """Appends record lines to a binary file, each by one write then a flush, declaring terms on first use."""

    handle: IO[bytes]
    details: bool = False
    declared_terms: set[str] = field(default_factory=set)  # "role id\x00term id": weights differ between targets
    declared_categories: set[str] = field(default_factory=set)
    written: int = 0
    summary: CohortSummary | None = None  # when set, every line written is also counted in it

    def write(self, record: BatchRecord, sha256: str) -> dict[str, Any]:
        """Write ``record`` (and, before it, a terms line for ids not yet declared); returns its line object."""
        line = record_line(record, sha256, details=self.details)
        analysis = record.analysis
        data = b""
        if analysis is not None:
            role = analysis.target.id
            terms: list[list[Any]] = [
                [t.id, t.label, t.weight] for t in analysis.missing if f"{role}\x00{t.id}" not in self.declared_terms
            ]
            categories = [[c.id, c.label] for c in analysis.categories if c.id not in self.declared_categories]
            if terms or categories:
                declaration = {"kind": "terms", "role": role, "terms": terms, "categories": categories}
                data += dumps_line(declaration)
                if self.summary is not None:
                    self.summary.declare(declaration)
                self.declared_terms.update(f"{role}\x00{t[0]}" for t in terms)
                self.declared_categories.update(c[0] for c in categories)
        data += dumps_line(line)
        # one write of whole lines, then flush: a kill leaves whole lines, or a partial last one open_resume cuts
        self.handle.write(data)
        self.handle.flush()
        self.written += 1
        if self.summary is not None:
            self.summary.add(line)
        return line


@dataclass(frozen=True, slots=True)
class ResumeState:
    """What an existing JSONL file already holds: path -> sha256 of each recorded file, and declared ids."""

    recorded: dict[str, str]
    terms: frozenset[str]
    categories: frozenset[str]
    truncated: int  # bytes of a partial last line that were cut off


def iter_lines(handle: IO[bytes], *, name: str = "results.jsonl") -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file's whole lines (a last line without its newline is skipped: a run was
    killed while writing it). A whole line that is not JSON is an ``InputError`` naming the line."""
    for number, raw in enumerate(handle, start=1):
        if not raw.endswith(b"\n"):
            return
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except ValueError as err:
            raise InputError(
                f"{name}, line {number}: not a JSON object ({err}); is this a `batch --format jsonl` file?"
            ) from None
        if not isinstance(obj, dict):
            raise InputError(f"{name}, line {number}: not a JSON object; is this a `batch --format jsonl` file?")
        yield obj


def open_resume(path: str) -> ResumeState:
    """Read what ``path`` already records and cut off a partial last line, so appending starts on a new line.
    A missing file records nothing."""
    if not os.path.exists(path):
        return ResumeState({}, frozenset(), frozenset(), 0)
    recorded: dict[str, str] = {}
    terms: set[str] = set()
    categories: set[str] = set()
    with open(path, "r+b") as handle:
        for obj in iter_lines(handle, name=path):
            if obj.get("kind") == "record":
                recorded[str(obj.get("path"))] = str(obj.get("sha256", ""))
            elif obj.get("kind") == "terms":
                terms.update(f"{obj.get('role', '')}\x00{t[0]}" for t in obj.get("terms", ()))
                categories.update(str(c[0]) for c in obj.get("categories", ()))
        size = handle.seek(0, os.SEEK_END)
        cut = _last_newline_end(handle, size)
        if cut < size:
            handle.truncate(cut)
    return ResumeState(recorded, frozenset(terms), frozenset(categories), size - cut)


def _last_newline_end(handle: IO[bytes], size: int) -> int:
    """The offset just past the file's last newline (0 when there is none)."""
    position = size
    while position > 0:
        step = min(65536, position)
        handle.seek(position - step)
        block = handle.read(step)
        at = block.rfind(b"\n")
        if at >= 0:
            return position - step + at + 1
        position -= step
    return 0


def split_resume(files: Iterable[str], state: ResumeState) -> tuple[list[str], int]:
    """The files still to analyse (not recorded, or changed since: another content hash) and how many are skipped."""
    todo: list[str] = []
    skipped = 0
    for path in files:
        known = state.recorded.get(display_path(path))  # records hold the name as shown (batch.displayed)
        if known is not None and known == file_sha256(path):
            skipped += 1
        else:
            todo.append(path)
    return todo, skipped


# --------------------------------------------------------------------------------------------- cohort from lines


@dataclass(slots=True)
class CohortSummary:
    """The bounded, incrementally accumulated part of a cohort: counts, exact counts per score value, gaps."""

    records: int = 0
    analysed: int = 0
    exit_codes: Counter[int] = field(default_factory=Counter)
    scores: Counter[float] = field(default_factory=Counter)  # exact: scores have one decimal, <= 1001 values
    missing: Counter[str] = field(default_factory=Counter)
    dimensions: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    term_labels: dict[str, str] = field(default_factory=dict)
    term_weights: dict[str, float] = field(default_factory=dict)
    category_labels: dict[str, str] = field(default_factory=dict)
    # per target (role): its terms' labels and weights, people, how it was chosen, missing-term counts
    role_terms: dict[tuple[str, str], tuple[str, float]] = field(default_factory=dict)
    role_labels: dict[str, str] = field(default_factory=dict)
    role_people: Counter[str] = field(default_factory=Counter)
    role_chosen: dict[str, Counter[str]] = field(default_factory=dict)
    role_missing: dict[str, Counter[str]] = field(default_factory=dict)
    #: for each missing term, the first person (by path) missing it and their role: the cohort takes a term's
    #: label and weight from that person's target, as ``cohort.build_cohort`` does
    first_missing: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: batch --job: the posting's title as the first person (by path) matched against it has it, as
    #: ``cohort.build_cohort`` takes it; and the people whose match rate reaches jobmatch.READY_RATE
    job: tuple[str, str] | None = None
    ready: int = 0

    def declare(self, obj: dict[str, Any]) -> None:
        """Take the labels and weights of a ``terms`` line."""
        role = str(obj.get("role", ""))
        for term_id, label, weight in obj.get("terms", ()):
            self.role_terms.setdefault((role, term_id), (label, float(weight)))
        for category_id, label in obj.get("categories", ()):
            self.category_labels.setdefault(category_id, label)

    def add(self, obj: dict[str, Any]) -> None:
        """Count one ``record`` line."""
        self.records += 1
        self.exit_codes[int(obj.get("exit_code", 0))] += 1
        if obj.get("error") is not None:
            return
        self.analysed += 1
        self.scores[float(obj["score"])] += 1
        missing = obj.get("missing", ())
        self.missing.update(missing)
        role_info = obj.get("role") or {}
        role = str(role_info.get("id", ""))
        self.role_labels.setdefault(role, str(role_info.get("label", role)))
        self.role_people[role] += 1
        self.role_chosen.setdefault(role, Counter())[str(role_info.get("chosen_by", ""))] += 1
        self.role_missing.setdefault(role, Counter()).update(missing)
        path = str(obj.get("path", ""))
        for term_id in missing:
            first = self.first_missing.get(term_id)
            if first is None or path < first[0]:
                self.first_missing[term_id] = (path, role)
        job = obj.get("job")
        if job is not None:
            if self.job is None or path < self.job[0]:
                self.job = (path, str(job["title"]))
            if job["match"] is not None and float(job["match"]) >= READY_RATE:
                self.ready += 1
        self.dimensions.update(set(obj.get("unevidenced_dimensions", ())))
        self.findings.update(f for f in obj.get("findings", ()) if not f.startswith(NON_ATS_PREFIXES))

    def settle_terms(self) -> None:
        """Fill ``term_labels`` and ``term_weights`` from the target of the first person missing each term."""
        for term_id, (_, role) in self.first_missing.items():
            label, weight = self.role_terms.get((role, term_id), (term_id, 1.0))
            self.term_labels[term_id] = label
            self.term_weights[term_id] = weight

    def role_gaps(self, role: str) -> list[tuple[str, str, int, float]]:
        """(term id, label, people missing it, weight) in the role's group, ordered as the cohort orders them."""
        counts = self.role_missing.get(role, Counter())
        terms = {k: self.role_terms.get((role, k), (k, 1.0)) for k in counts}
        keys = sorted(counts, key=lambda k: (-counts[k] * terms[k][1], -counts[k], k))
        return [(k, terms[k][0], counts[k], terms[k][1]) for k in keys]

    def quartiles(self) -> dict[str, float] | None:
        """Min, quartiles (type 7, see cohort), max and mean from the exact score counts; None with no scores."""
        n = self.analysed
        if not n:
            return None
        values = sorted(self.scores)
        cumulative: list[int] = []
        total = 0
        for v in values:
            total += self.scores[v]
            cumulative.append(total)

        def at(k: int) -> float:  # the k-th smallest score (0-based)
            lo, hi = 0, len(values) - 1
            while lo < hi:
                mid = (lo + hi) // 2
                if cumulative[mid] > k:
                    hi = mid
                else:
                    lo = mid + 1
            return values[lo]

        def q(p: float) -> float:
            h = (n - 1) * p
            lo = int(h)
            a, b = at(lo), at(min(lo + 1, n - 1))
            return a + (h - lo) * (b - a)

        mean = float(sum(Fraction(v) * c for v, c in self.scores.items()) / n)  # exact, whatever the order
        return {
            "count": n,
            "min": round(values[0], 2),
            "q1": round(q(0.25), 2),
            "median": round(q(0.5), 2),
            "q3": round(q(0.75), 2),
            "max": round(values[-1], 2),
            "mean": round(mean, 2),
        }

    def to_dict(self) -> dict[str, Any]:
        """The summary as plain data (``kind: cohort-summary``)."""
        n = self.analysed
        self.settle_terms()
        missing = sorted(
            self.missing, key=lambda k: (-self.missing[k] * self.term_weights.get(k, 1.0), -self.missing[k], k)
        )
        return {
            "schema_version": JSONL_SCHEMA_VERSION,
            "kind": "cohort-summary",
            "people_total": self.records,
            "analysed": n,
            "failed": self.records - n,
            "exit_codes": {str(k): v for k, v in sorted(self.exit_codes.items())},
            "distribution": self.quartiles(),
            "score_counts": {f"{v:g}": c for v, c in sorted(self.scores.items())},
            "missing_keywords": [
                {
                    "id": k,
                    "label": self.term_labels.get(k, k),
                    "count": self.missing[k],
                    "share": round(self.missing[k] / n, 4) if n else 0.0,
                    "weight": self.term_weights.get(k, 1.0),
                }
                for k in missing
            ],
            "roles": [
                {
                    "id": role,
                    "label": self.role_labels[role],
                    "people": people,
                    "chosen": dict(sorted(self.role_chosen[role].items())),
                }
                for role, people in sorted(self.role_people.items(), key=lambda item: (-item[1], item[0]))
            ],
            "unevidenced_dimensions": {d: self.dimensions[d] for d in DIMENSIONS},
            "common_findings": dict(sorted(self.findings.items(), key=lambda kv: (-kv[1], kv[0]))),
        } | ({"job": self.job[1], "ready": self.ready, "ready_rate": READY_RATE} if self.job is not None else {})


def summarise(lines: Iterable[dict[str, Any]]) -> CohortSummary:
    """The summary of JSONL objects in file order (the last record per path counts, see ``latest_records``)."""
    summary = CohortSummary()
    for obj in lines:
        if obj.get("kind") == "terms":
            summary.declare(obj)
        elif obj.get("kind") == "record":
            summary.add(obj)
    return summary


def render_summary(summary: CohortSummary) -> str:
    """The cohort summary as JSON text (``cohort --format summary``, ``batch --summary``)."""
    return json.dumps(summary.to_dict(), indent=2, ensure_ascii=False) + "\n"


def latest_records(path: str) -> Iterator[dict[str, Any]]:
    """The file's ``terms`` lines and, per recorded path, its last ``record`` line, in file order.

    Two passes over the file: the first finds the last line of each path (a file re-analysed after it changed has
    two), the second yields it; memory holds one line number per path, not the records."""
    last: dict[str, int] = {}
    with open(path, "rb") as handle:
        for number, obj in enumerate(iter_lines(handle, name=path)):
            if obj.get("kind") == "record":
                last[str(obj.get("path"))] = number
    with open(path, "rb") as handle:
        for number, obj in enumerate(iter_lines(handle, name=path)):
            kind = obj.get("kind")
            if kind == "terms" or (kind == "record" and last.get(str(obj.get("path"))) == number):
                yield obj


def _row(file: str, obj: dict[str, Any]) -> PersonRow:
    if obj.get("error") is not None:
        e = obj["error"]
        return PersonRow(
            file, None, (), (), 0, 0, (), (), 0, (), None, BatchError(e["exit_code"], e["kind"], e["message"])
        )
    return PersonRow(
        file=file,
        score=float(obj["score"]),
        components=tuple((k, float(v)) for k, v in obj["components"].items()),
        coverage=tuple((k, float(v)) for k, v in obj["coverage"].items()),
        quantified=int(obj["quantified"]),
        statements=int(obj["statements"]),
        top_missing=tuple((str(i), str(label)) for i, label in obj["top_missing"]),
        missing_dimensions=tuple(obj["unevidenced_dimensions"]),
        warnings=int(obj["warnings"]),
        finding_ids=tuple(obj["findings"]),
        role=str((obj.get("role") or {}).get("id", "")),
        role_label=str((obj.get("role") or {}).get("label", "")),
        role_reason=str((obj.get("role") or {}).get("reason", "")),
        match=None if obj.get("job") is None else obj["job"]["match"],
    )


def cohort_from_jsonl(path: str, *, redact: bool = False, salt: bytes = b"") -> Cohort:
    """The cohort report of a JSONL results file: the same ``Cohort`` that ``cohort.build_cohort`` makes from the
    records themselves (the last record per path counts). Holds each person's small row, never the records."""
    summary = CohortSummary()
    rows: list[tuple[str, PersonRow]] = []
    for obj in latest_records(path):
        if obj.get("kind") == "terms":
            summary.declare(obj)
            continue
        summary.add(obj)
        file = str(obj["path"])
        rows.append((file, _row(file, obj)))
    rows.sort(key=lambda fr: fr[0])
    names = pseudonyms((f for f, _ in rows), salt) if redact else {}
    people: list[PersonRow] = []
    categories: dict[str, str] = {}
    for file, row in rows:
        shown = names.get(file, file)
        if row.error is not None:
            error = row.error
            if redact:
                scrub = redactor_for(file, shown, None)
                error = BatchError(error.exit_code, error.kind, scrub(error.message))
            people.append(row if shown == file else dataclasses.replace(row, file=shown, error=error))
            continue
        people.append(row if shown == file else dataclasses.replace(row, file=shown))
        for category_id, _ in row.coverage:
            categories.setdefault(category_id, summary.category_labels.get(category_id, category_id))
    analysed = [p for p in people if p.score is not None]
    n = len(analysed)

    def gaps(
        counts: Counter[str], labels: dict[str, str], order: tuple[str, ...] = (), weights: bool = False
    ) -> tuple[Gap, ...]:
        w = summary.term_weights if weights else {}
        keys = list(order) or list(counts)
        position = {k: i for i, k in enumerate(order)}
        keys.sort(key=lambda k: (-counts[k] * w.get(k, 1.0), -counts[k], position.get(k, 0), k))
        return tuple(
            Gap(k, labels.get(k, k), counts[k], round(counts[k] / n, 4) if n else 0.0, w.get(k, 1.0)) for k in keys
        )

    summary.settle_terms()
    groups = tuple(
        RoleGroup(
            id=role,
            label=summary.role_labels[role],
            people=count,
            missing_keywords=tuple(
                Gap(k, label, c, round(c / count, 4) if count else 0.0, w) for k, label, c, w in summary.role_gaps(role)
            ),
            chosen=tuple(sorted(summary.role_chosen[role].items())),
        )
        for role, count in sorted(summary.role_people.items(), key=lambda item: (-item[1], item[0]))
    )
    job = summary.job[1] if summary.job is not None else None
    ranking = _rank(analysed, by_match=job is not None)
    ranks = {row.file: row.rank for row in ranking}
    return Cohort(
        people=tuple(_with_rank(p, ranks.get(p.file)) if p.score is not None else p for p in people),
        analysed=n,
        failed=len(people) - n,
        distribution=distribution([p.score for p in analysed if p.score is not None]),
        missing_keywords=gaps(summary.missing, summary.term_labels, weights=True),
        unevidenced_dimensions=gaps(summary.dimensions, {}, DIMENSIONS),
        common_findings=gaps(summary.findings, {}),
        ranking=ranking,
        categories=tuple(categories.items()),
        redacted=redact,
        roles=groups,
        job=job,
        ready=summary.ready,
    )


__all__ = [
    "CohortSummary",
    "JsonlWriter",
    "ResumeState",
    "cohort_from_jsonl",
    "file_sha256",
    "iter_lines",
    "latest_records",
    "open_resume",
    "record_line",
    "split_resume",
    "summarise",
]
