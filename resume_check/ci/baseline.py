"""Baselines: record a résumé's score, found terms, findings and quantified statements; compare a new run with it.

The baseline file is stable, sorted, readable JSON meant to be committed. Findings are keyed by a line-independent
fingerprint (rule id + normalised message, numbers masked), so moving text around does not create "new" findings.
Quantified statements are kept with their text, so a deleted quantified bullet can be named.

Regressions (each one a ``Regression``): the score fell by more than the tolerance, a found term disappeared, a
new finding of severity warning or error appeared, or there are fewer quantified statements (the statements no
longer present are named).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..models import Analysis, Finding

BASELINE_SCHEMA_VERSION = "1.0"
BASELINE_KIND = "resume-check-baseline"
#: findings of these severities count as regressions when new
REGRESSION_SEVERITIES = ("warning", "error")
FINGERPRINT_CHARS = 16


@dataclass(frozen=True, slots=True)
class Regression:
    id: str  # baseline.score, baseline.match, baseline.term, baseline.finding, baseline.statement
    message: str
    line: int | None = None


def normalise(text: str) -> str:
    """Case-folded words without line/column references or punctuation runs, for fingerprints."""
    text = re.sub(r"\b(?:line|lines|column|col)\s+\d+(?:\s*[-–]\s*\d+)?", "", text.casefold())
    text = re.sub(r"[^\w%$£€]+", " ", text)
    return " ".join(text.split())


def fingerprint(*parts: str) -> str:
    digest = hashlib.sha256("\x00".join(normalise(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:FINGERPRINT_CHARS]


def finding_fingerprint(finding: Finding) -> str:
    """Rule id + message with numbers masked: "Only 69 words" and "Only 77 words" are the same finding."""
    return fingerprint(finding.id, re.sub(r"\d+(?:[.,]\d+)*", "#", finding.message))


def baseline_key(path: str, folder: str | Path) -> str:
    """How a file is named in a baseline: relative to the baseline's folder, with forward slashes."""
    p = Path(os.path.realpath(path))
    try:
        return p.relative_to(os.path.realpath(folder)).as_posix()
    except ValueError:
        return p.as_posix()


def entry_for(analysis: Analysis, findings: Sequence[Finding] | None = None) -> dict[str, Any]:
    """The baseline record of one analysis (``findings``: after suppression and config, default all)."""
    findings = analysis.findings if findings is None else findings
    quantified = sorted(
        {(fingerprint(s.text), " ".join(s.text.split())) for s in analysis.impact.statements if s.metrics}
    )
    entry: dict[str, Any] = {
        "score": analysis.score.total,
        "components": {c.id: round(c.value, 2) for c in sorted(analysis.score.components, key=lambda c: c.id)},
        "terms": sorted(t.id for t in analysis.found),
        "findings": sorted(
            ({"id": f.id, "fingerprint": finding_fingerprint(f), "severity": f.severity} for f in findings),
            key=lambda d: (d["id"], d["fingerprint"]),
        ),
        "quantified_statements": [{"fingerprint": fp, "text": text} for fp, text in quantified],
    }
    if analysis.job is not None:  # matched against a job posting: the rate, and which posting
        entry["match"] = {"posting": analysis.job.posting_id, "rate": analysis.job.rate}
    return entry


def build_baseline(entries: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    return {
        "schema_version": BASELINE_SCHEMA_VERSION,
        "kind": BASELINE_KIND,
        "files": {key: dict(entries[key]) for key in sorted(entries)},
    }


def dump_baseline(baseline: Mapping[str, Any]) -> str:
    """Stable JSON text: sorted keys, indent 2, trailing newline."""
    return json.dumps(baseline, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def parse_baseline(text: str, where: str) -> dict[str, Any]:
    """Validate baseline JSON text (``where`` names the file in messages)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ConfigError(f"{where}: not valid JSON ({err}); regenerate it with `resume-check baseline`") from None
    if not isinstance(data, dict) or data.get("kind") != BASELINE_KIND or not isinstance(data.get("files"), dict):
        raise ConfigError(f"{where}: not a resume-check baseline; regenerate it with `resume-check baseline`")
    major = str(data.get("schema_version", "")).split(".")[0]
    if major != BASELINE_SCHEMA_VERSION.split(".")[0]:
        raise ConfigError(
            f"{where}: baseline schema_version {data.get('schema_version')!r} is not supported "
            f"(expected {BASELINE_SCHEMA_VERSION}); regenerate it with `resume-check baseline`"
        )
    for key, entry in data["files"].items():
        if not isinstance(entry, dict) or not isinstance(entry.get("score"), int | float):
            raise ConfigError(f"{where}: entry {key!r} has no numeric score; regenerate the baseline")
    return data


def compare(
    entry: Mapping[str, Any],
    analysis: Analysis,
    findings: Sequence[Finding] | None = None,
    *,
    tolerance: float = 0.0,
) -> tuple[Regression, ...]:
    """What got worse in ``analysis`` compared with its baseline ``entry``."""
    findings = analysis.findings if findings is None else findings
    out: list[Regression] = []
    old_score = float(entry.get("score", 0.0))
    new_score = analysis.score.total
    if old_score - new_score > tolerance + 1e-9:
        out.append(
            Regression(
                "baseline.score",
                f"score fell from {old_score:g} to {new_score:g} "
                f"({new_score - old_score:+.1f}, tolerance {tolerance:g})",
            )
        )
    old_match = entry.get("match")
    job = analysis.job
    if isinstance(old_match, dict) and job is not None and old_match.get("posting") == job.posting_id:
        old_rate = float(old_match.get("rate", 0.0))
        if old_rate - job.rate > tolerance + 1e-9:
            out.append(
                Regression(
                    "baseline.match",
                    f"job match against {job.posting_id!r} fell from {old_rate:g} to {job.rate:g} "
                    f"({job.rate - old_rate:+.1f}, tolerance {tolerance:g})",
                )
            )
    found = {t.id for t in analysis.found}
    for term_id in sorted(set(entry.get("terms", ())) - found):
        out.append(Regression("baseline.term", f"term {term_id!r} was found in the baseline and is now missing"))
    old_prints = Counter(str(f.get("fingerprint")) for f in entry.get("findings", ()))
    for finding in _new_findings(findings, old_prints):
        out.append(Regression("baseline.finding", f"new finding {finding.id}: {finding.message}", finding.line))
    old_statements = list(entry.get("quantified_statements", ()))
    new_quantified = [s for s in analysis.impact.statements if s.metrics]
    if len(new_quantified) < len(old_statements):
        present = {fingerprint(s.text) for s in new_quantified}
        gone = [s.get("text", "") for s in old_statements if s.get("fingerprint") not in present]
        lost = len(old_statements) - len(new_quantified)
        named = "; ".join(f"“{text}”" for text in gone) or "(reworded)"
        out.append(
            Regression(
                "baseline.statement",
                f"{lost} quantified statement(s) fewer than the baseline ({len(old_statements)} → "
                f"{len(new_quantified)}); no longer present: {named}",
            )
        )
    return tuple(out)


def _new_findings(findings: Iterable[Finding], old_prints: Counter[str]) -> list[Finding]:
    remaining = Counter(old_prints)
    new = []
    for finding in findings:
        fp = finding_fingerprint(finding)
        if remaining[fp] > 0:
            remaining[fp] -= 1
        elif finding.severity in REGRESSION_SEVERITIES:
            new.append(finding)
    return new
