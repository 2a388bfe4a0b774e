"""Cohort report: per-person rows and the gaps a whole cohort shares, computed from batch records (pure).

Quartiles use linear interpolation between closest ranks (Hyndman & Fan type 7: the default of numpy, R and
Excel's QUARTILE.INC): for sorted scores ``x[0..n-1]`` and ``p`` in {0.25, 0.5, 0.75}, ``h = (n - 1) * p`` and
``q = x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)])``.

Ranking: by score, highest first; equal scores share a rank ("1, 2, 2, 4"), ties listed by file path. Against a job
posting (``batch --job``) people are ranked by match rate instead, and ``ready`` counts those at READY_RATE or more.

Keywords most often missing are ordered by weighted share (share of people missing the term x the term's weight
in their target), so a core term most people lack comes before a niche certification everybody lacks; then by count
and id. Each person is measured against their own target (the role they aim at, by default), so the cohort also
groups people by target and lists what each group most often misses, shares taken within the group.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..models import DIMENSIONS, Analysis
from ..targets.jobmatch import READY_RATE
from .batch import BatchError, BatchRecord
from .redact import pseudonyms, redactor_for

COHORT_SCHEMA_VERSION = "1.1"
TOP_MISSING_PER_PERSON = 3
#: findings counted as "ATS findings" in the cohort view: everything except impact-writing advice
NON_ATS_PREFIXES: tuple[str, ...] = ("impact.",)


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One person in the cohort: their scores and gaps, or the error that stopped their analysis."""

    file: str  # the path as given, or the pseudonym with redaction
    score: float | None
    components: tuple[tuple[str, float], ...]  # (component id, value 0..100)
    coverage: tuple[tuple[str, float], ...]  # (category id, coverage 0..1)
    quantified: int  # statements carrying at least one metric
    statements: int
    top_missing: tuple[tuple[str, str], ...]  # (term id, label), the heaviest missing terms first
    missing_dimensions: tuple[str, ...]
    warnings: int  # findings of severity warning or error
    finding_ids: tuple[str, ...]  # distinct finding ids, sorted
    rank: int | None = None
    error: BatchError | None = None
    role: str = ""  # the target's id ("scrum-master", "lexicon"...); empty for an error row
    role_label: str = ""
    role_reason: str = ""  # why that target ("headline: 'Scrum Master'")
    match: float | None = None  # the job match rate (batch --job), None otherwise


@dataclass(frozen=True, slots=True)
class Distribution:
    count: int
    min: float
    q1: float
    median: float
    q3: float
    max: float
    mean: float


@dataclass(frozen=True, slots=True)
class Gap:
    """Something many people lack (a keyword, an impact dimension) or share (a finding)."""

    id: str
    label: str
    count: int  # people
    share: float  # count / people analysed
    weight: float = 1.0  # the term's lexicon weight (keywords only)


@dataclass(frozen=True, slots=True)
class RoleGroup:
    """The people measured against one target, and what they most often miss (shares within the group)."""

    id: str
    label: str
    people: int
    missing_keywords: tuple[Gap, ...]  # most often missing first
    chosen: tuple[tuple[str, int], ...] = ()  # (how the target was chosen: auto, default, option, config; people)


@dataclass(frozen=True, slots=True)
class Cohort:
    people: tuple[PersonRow, ...]  # sorted by file path (input order)
    analysed: int
    failed: int
    distribution: Distribution | None  # None when nobody could be analysed
    missing_keywords: tuple[Gap, ...]  # most often missing first
    unevidenced_dimensions: tuple[Gap, ...]  # all five impact dimensions, most often unevidenced first
    common_findings: tuple[Gap, ...]  # ATS and extraction findings, most common first
    ranking: tuple[PersonRow, ...]  # analysed people, best first
    categories: tuple[tuple[str, str], ...]  # (category id, label) in report order
    redacted: bool = False
    schema_version: str = COHORT_SCHEMA_VERSION
    roles: tuple[RoleGroup, ...] = ()  # people grouped by target, the largest group first
    job: str | None = None  # batch --job: the posting's title; then people are ranked by match rate
    ready: int = 0  # people whose match rate reaches jobmatch.READY_RATE


def quantile(sorted_values: Sequence[float], p: float) -> float:
    """Type-7 quantile of ascending ``sorted_values`` (see module docstring); ``p`` in [0, 1]."""
    if not sorted_values:
        raise ValueError("quantile of an empty sequence")
    h = (len(sorted_values) - 1) * p
    lo = math.floor(h)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (h - lo) * (sorted_values[hi] - sorted_values[lo])


def distribution(scores: Sequence[float]) -> Distribution | None:
    """Min, quartiles, max and mean of ``scores`` (rounded to two decimals), None for no scores."""
    if not scores:
        return None
    xs = sorted(scores)
    return Distribution(
        count=len(xs),
        min=round(xs[0], 2),
        q1=round(quantile(xs, 0.25), 2),
        median=round(quantile(xs, 0.5), 2),
        q3=round(quantile(xs, 0.75), 2),
        max=round(xs[-1], 2),
        mean=round(sum(xs) / len(xs), 2),
    )


def person_row(file: str, analysis: Analysis) -> PersonRow:
    """The cohort row for one analysed résumé."""
    missing = sorted(analysis.missing, key=lambda t: (-t.weight, t.label.casefold(), t.id))
    statements = analysis.impact.statements
    return PersonRow(
        file=file,
        score=analysis.score.total,
        components=tuple((c.id, round(c.value, 1)) for c in analysis.score.components),
        coverage=tuple((c.id, round(c.coverage, 3)) for c in analysis.categories),
        quantified=sum(1 for s in statements if s.metrics),
        statements=len(statements),
        top_missing=tuple((t.id, t.label) for t in missing[:TOP_MISSING_PER_PERSON]),
        missing_dimensions=tuple(analysis.impact.summary.missing_dimensions),
        warnings=sum(1 for f in analysis.findings if f.severity in ("warning", "error")),
        finding_ids=tuple(sorted({f.id for f in analysis.findings})),
        role=analysis.target.id,
        role_label=analysis.target.label,
        role_reason=analysis.target.reason,
        match=analysis.job.rate if analysis.job is not None else None,
    )


def build_cohort(records: Sequence[BatchRecord], *, redact: bool = False, salt: bytes = b"") -> Cohort:
    """Aggregate batch records into the cohort view; with ``redact`` every person is a pseudonym keyed by ``salt``
    (see redact.pseudonyms)."""
    records = sorted(records, key=lambda r: r.path)
    names = pseudonyms((r.path for r in records), salt) if redact else {}
    rows: list[PersonRow] = []
    term_labels: dict[str, str] = {}
    term_weights: dict[str, float] = {}
    missing_counts: Counter[str] = Counter()
    dimension_counts: Counter[str] = Counter()
    finding_counts: Counter[str] = Counter()
    categories: dict[str, str] = {}
    role_labels: dict[str, str] = {}
    role_people: Counter[str] = Counter()
    role_missing: dict[str, Counter[str]] = {}
    role_chosen: dict[str, Counter[str]] = {}
    job: str | None = None
    for record in records:
        file = names.get(record.path, record.path)
        if record.analysis is None:
            error = record.error or BatchError(4, "unknown", "no analysis and no error recorded")
            if redact:
                scrub = redactor_for(record.path, file, None)
                error = BatchError(error.exit_code, error.kind, scrub(error.message))
            rows.append(PersonRow(file, None, (), (), 0, 0, (), (), 0, (), None, error))
            continue
        analysis = record.analysis
        rows.append(person_row(file, analysis))
        role = analysis.target.id
        role_labels.setdefault(role, analysis.target.label)
        role_people[role] += 1
        role_chosen.setdefault(role, Counter())[analysis.target.chosen_by] += 1
        own = role_missing.setdefault(role, Counter())
        if analysis.job is not None:
            job = job or analysis.job.title
        for term in analysis.missing:
            term_labels.setdefault(term.id, term.label)
            term_weights.setdefault(term.id, term.weight)
            missing_counts[term.id] += 1
            own[term.id] += 1
        dimension_counts.update(set(analysis.impact.summary.missing_dimensions))
        finding_counts.update({f.id for f in analysis.findings if not f.id.startswith(NON_ATS_PREFIXES)})
        for category in analysis.categories:
            categories.setdefault(category.id, category.label)
    analysed = [r for r in rows if r.score is not None]
    n = len(analysed)

    def gaps(
        counts: Counter[str],
        labels: dict[str, str],
        order: Sequence[str] = (),
        weights: dict[str, float] | None = None,
        people: int | None = None,
    ) -> tuple[Gap, ...]:
        keys = list(order) or list(counts)
        position = {k: i for i, k in enumerate(order)}
        w = weights or {}
        total = n if people is None else people
        keys.sort(key=lambda k: (-counts[k] * w.get(k, 1.0), -counts[k], position.get(k, 0), k))
        return tuple(
            Gap(k, labels.get(k, k), counts[k], round(counts[k] / total, 4) if total else 0.0, w.get(k, 1.0))
            for k in keys
        )

    # a term's weight differs between targets (a required term weighs double): each group uses its own weights
    role_weights: dict[str, dict[str, float]] = {}
    role_term_labels: dict[str, dict[str, str]] = {}
    for record in records:
        if record.analysis is not None:
            weights = role_weights.setdefault(record.analysis.target.id, {})
            labels = role_term_labels.setdefault(record.analysis.target.id, {})
            for term in record.analysis.missing:
                weights.setdefault(term.id, term.weight)
                labels.setdefault(term.id, term.label)
    groups = tuple(
        RoleGroup(
            id=role,
            label=role_labels[role],
            people=role_people[role],
            missing_keywords=gaps(
                role_missing[role], role_term_labels.get(role, {}), weights=role_weights.get(role), people=count
            ),
            chosen=tuple(sorted(role_chosen[role].items())),
        )
        for role, count in sorted(role_people.items(), key=lambda item: (-item[1], item[0]))
    )

    ranking = _rank(analysed, by_match=job is not None)
    ranks = {row.file: row.rank for row in ranking}
    people = tuple(_with_rank(r, ranks.get(r.file)) if r.score is not None else r for r in rows)
    return Cohort(
        people=people,
        analysed=n,
        failed=len(rows) - n,
        distribution=distribution([r.score for r in analysed if r.score is not None]),
        missing_keywords=gaps(missing_counts, term_labels, weights=term_weights),
        unevidenced_dimensions=gaps(dimension_counts, {}, DIMENSIONS),
        common_findings=gaps(finding_counts, {}),
        ranking=ranking,
        categories=tuple(categories.items()),
        redacted=redact,
        roles=groups,
        job=job,
        ready=sum(1 for r in analysed if r.match is not None and r.match >= READY_RATE),
    )


def _with_rank(row: PersonRow, rank: int | None) -> PersonRow:
    return replace(row, rank=rank)


def _rank(rows: Sequence[PersonRow], *, by_match: bool = False) -> tuple[PersonRow, ...]:
    """Best first: by score, or by job match rate (batch --job); equal values share a rank."""

    def value(row: PersonRow) -> float:
        return (row.match if by_match else row.score) or 0.0

    ordered = sorted(rows, key=lambda r: (-value(r), r.file))
    out: list[PersonRow] = []
    for position, row in enumerate(ordered, start=1):
        tied = out and value(out[-1]) == value(row)
        rank = out[-1].rank if tied and out[-1].rank is not None else position
        out.append(_with_rank(row, rank))
    return tuple(out)
