"""The CI gate: decide whether one analysed résumé passes, and say exactly why not.

A file fails when its score is under ``fail_under``, a required term is missing, a forbidden phrase is present,
a finding is at or above ``fail_level`` (after config switches and inline suppression), or, with a baseline,
anything regressed (see ``baseline.compare``). The CLI maps a failure to exit code 1, never to a count.

What is *shown* is separate from what *fails*, as in Vale (``MinAlertLevel`` vs the failing level): CI output
shows every finding at or above ``min_severity`` and every failing one, and marks which of them fail.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .. import severity
from ..config import Settings
from ..errors import ConfigError
from ..models import Analysis, Finding
from .baseline import compare
from .suppress import Suppression, is_suppressed, parse_suppressions

FailureKind = Literal["score", "required-term", "forbidden-phrase", "finding", "baseline", "match"]


@dataclass(frozen=True, slots=True)
class Failure:
    """One reason the gate failed, with a rule id CI tools can group by (``gate.score``, ``baseline.term``...)."""

    kind: FailureKind
    id: str
    message: str
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The gate's verdict on one file. ``analysis`` is None when the file could not be analysed (see ``error``)."""

    path: str
    analysis: Analysis | None
    findings: tuple[Finding, ...]  # shown: enabled, not suppressed, at or above min_severity or fail_level
    failures: tuple[Failure, ...]
    min_severity: str = "warning"
    error: str | None = None  # why the file could not be analysed
    error_code: int = 0  # its exit-code class (3 bad input, 4 unexpected)
    fail_level: str = "error"
    #: the path as given (a name that is not UTF-8 holds surrogateescape characters), where ``path`` is the name as
    #: shown with such characters escaped; formats that can carry it exactly use it (SARIF's percent-encoded URIs)
    file: str | None = None

    def fails(self, finding: Finding) -> bool:
        """Whether ``finding`` fails the gate (its severity is at or above ``fail_level``)."""
        return severity_rank(finding.severity) >= severity_rank(self.fail_level)

    @property
    def passed(self) -> bool:
        return not self.failures and self.error is None

    @property
    def score(self) -> float | None:
        return self.analysis.score.total if self.analysis is not None else None


severity_rank = severity.rank  # the one definition (resume_check/severity.py)


def active_findings(
    analysis: Analysis, settings: Settings, suppressions: Sequence[Suppression] = ()
) -> tuple[Finding, ...]:
    """The analysis's findings minus those switched off by config prefixes or inline suppression."""
    return tuple(
        f for f in analysis.findings if settings.is_enabled(f.id) and not is_suppressed(f.id, f.line, suppressions)
    )


def evaluate(
    analysis: Analysis,
    settings: Settings,
    baseline: Mapping[str, Any] | None = None,
    *,
    source_text: str | None = None,
    tolerance: float = 0.0,
    path: str | None = None,
    suppressions: Sequence[Suppression] | None = None,
    file: str | None = None,
) -> CheckResult:
    """Gate one analysis.

    Args:
        analysis: the résumé's analysis.
        settings: fail_under, min_severity, required_terms, forbidden_phrases and disabled/enabled prefixes.
        baseline: this file's entry in a baseline (``baseline.entry_for``), or None to skip the regression gate.
        source_text: the source of a text résumé (.md/.tex/.typ/.txt) for inline suppression comments.
        tolerance: score points a baseline comparison allows to be lost.
        path: the name to report (default ``analysis.source.path``).
        suppressions: inline switches already read (``suppress.source_suppressions``); overrides ``source_text``.
        file: the path as given, when ``path`` shows it escaped (``CheckResult.file``).
    """
    if suppressions is None:
        suppressions = parse_suppressions(source_text) if source_text else ()
    active = active_findings(analysis, settings, suppressions)
    fail_floor = severity_rank(settings.fail_level)
    floor = min(severity_rank(settings.min_severity), fail_floor)  # a failing finding is always shown
    reported = tuple(f for f in active if severity_rank(f.severity) >= floor)
    failures: list[Failure] = []
    total = analysis.score.total
    if settings.fail_under is not None and total < settings.fail_under:
        failures.append(
            Failure(
                "score",
                "gate.score",
                f"score {total:g} is under the bar of {settings.fail_under:g} "
                f"(set by {settings.origin('fail_under')}); "
                "see the report for the missing keywords and weak statements that cost points",
            )
        )
    job = analysis.job
    if settings.min_match is not None and job is not None and job.rate < settings.min_match:
        missing = ", ".join(t.label for t in job.missing("required")[:5]) or "none"
        failures.append(
            Failure(
                "match",
                "gate.match",
                f"job match {job.rate:g} is under the bar of {settings.min_match:g} for {job.title!r}; "
                f"missing required terms: {missing}",
            )
        )
    found = [t.id for t in analysis.found]
    for required in settings.required_terms:
        if not any(_covers(required, term_id) for term_id in found):
            label = next((t.label for t in analysis.missing if _covers(required, t.id)), required)
            failures.append(
                Failure(
                    "required-term",
                    "gate.required-term",
                    f"required term {required!r} ({label}) not found; add it where your experience supports it",
                )
            )
    for phrase in settings.forbidden_phrases:
        for line, column, text in _find_phrase(analysis, phrase):
            if settings.is_enabled("gate.forbidden-phrase") and not is_suppressed(
                "gate.forbidden-phrase", line, suppressions
            ):
                failures.append(
                    Failure(
                        "forbidden-phrase",
                        "gate.forbidden-phrase",
                        f"forbidden phrase “{text}” (matches {phrase!r}); rephrase or remove it",
                        line,
                        column,
                    )
                )
    failures.extend(
        Failure(
            "finding",
            f.id,
            f"{f.message} ({f.severity}: at or above fail_level {settings.fail_level}, "
            f"set by {settings.origin('fail_level')})",
            f.line,
        )
        for f in reported
        if severity_rank(f.severity) >= fail_floor
    )
    if baseline is not None:
        for regression in compare(baseline, analysis, active, tolerance=tolerance):
            if is_suppressed(regression.id, regression.line, suppressions) or not settings.is_enabled(regression.id):
                continue
            failures.append(Failure("baseline", regression.id, regression.message, regression.line))
    return CheckResult(
        path or analysis.source.path,
        analysis,
        reported,
        tuple(failures),
        settings.min_severity,
        fail_level=settings.fail_level,
        file=file,
    )


def error_result(
    path: str, message: str, exit_code: int, settings: Settings | None = None, *, file: str | None = None
) -> CheckResult:
    """The result for a file that could not be analysed (``file``: the path as given, see ``CheckResult.file``)."""
    settings = settings or Settings()
    return CheckResult(path, None, (), (), settings.min_severity, message, exit_code, settings.fail_level, file)


def _covers(prefix: str, term_id: str) -> bool:
    prefix = prefix.rstrip(".")
    return term_id == prefix or term_id.startswith(prefix + ".")


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A case-insensitive, whole-word pattern for ``phrase`` that also matches the other English spelling.

    Handles -ise/-ize (organised, organization), -our/-or (behaviour) and any run of spaces or hyphens between words.
    """
    words = []
    for word in re.split(r"[\s-]+", phrase.strip()):
        w = re.escape(word)
        w = re.sub(r"i[sz](e|ed|es|ing|ation|ations|er|ers)$", r"i[sz]\1", w)
        if len(word) >= 5:  # colour/color, behaviour/behavior; not "for"/"four"
            w = re.sub(r"ou?r(s|ed|ing|al)?$", lambda m: "ou?r" + (m.group(1) or ""), w)
        words.append(w)
    return re.compile(r"(?<!\w)" + r"[\s-]+".join(words) + r"(?!\w)", re.IGNORECASE)


def _find_phrase(analysis: Analysis, phrase: str) -> list[tuple[int | None, int | None, str]]:
    resume = analysis.resume
    out: list[tuple[int | None, int | None, str]] = []
    if not phrase.strip():
        return out
    for match in phrase_pattern(phrase).finditer(resume.text):
        if resume.blocks:
            # no column: a block joins wrapped lines and drops bullet glyphs, so its offsets are not source columns
            block = resume.blocks[resume.block_at(match.start())]
            out.append((block.line, None, match.group(0)))
        else:
            out.append((None, None, match.group(0)))
    return out


@dataclass(frozen=True, slots=True)
class Annotation:
    """One line of CI output: a reported finding, a gate failure or an unreadable file."""

    severity: str  # error, warning, info
    rule_id: str
    message: str
    line: int | None = None
    column: int | None = None
    key: str | None = None  # the JSON path in a structured source (JSON Resume), e.g. work[0].highlights[2]
    fails: bool = False  # this annotation fails the gate (a failing finding, a gate failure or an unreadable file)


#: rule id of the annotation for a file that could not be analysed
INPUT_RULE = "input.unreadable"


def collect_annotations(result: CheckResult) -> tuple[Annotation, ...]:
    """Everything CI output shows for one file, ordered by line (whole-file items first), then rule id."""
    out: list[Annotation] = []
    if result.error is not None:
        out.append(Annotation("error", INPUT_RULE, result.error, fails=True))
    keys = source_keys(result.analysis) if result.analysis is not None else {}

    def annotation(
        severity: str, rule_id: str, message: str, line: int | None, column: int | None, fails: bool
    ) -> Annotation:
        key = keys.get(line) if line is not None else None
        return Annotation(severity, rule_id, f"{message} (at {key})" if key else message, line, column, key, fails)

    out.extend(annotation(f.severity, f.id, f.message, f.line, f.column, result.fails(f)) for f in result.findings)
    out.extend(
        annotation("error", fa.id, fa.message, fa.line, fa.column, True)
        for fa in result.failures
        if fa.kind != "finding"
    )
    out.sort(key=lambda a: (a.line or 0, a.column or 0, a.rule_id, a.message))
    return tuple(out)


def source_keys(analysis: Analysis) -> dict[int, str]:
    """Source line -> JSON path for a structured source (JSON Resume); a line holding two paths (minified JSON)
    names neither, since the line alone cannot tell which one a finding means."""
    keys: dict[int, str] = {}
    shared: set[int] = set()
    for line in analysis.resume.document.lines:
        if line.source_key is None or line.source_line is None:
            continue
        if keys.setdefault(line.source_line, line.source_key) != line.source_key:
            shared.add(line.source_line)
    for number in shared:
        del keys[number]
    return keys


def check_required_terms(settings: Settings, term_ids: Iterable[str]) -> None:
    """Raise ConfigError when a ``required_terms`` entry names no term of the lexicon (not an id, nor a prefix of
    one): a typo would otherwise fail every résumé, or pass none, without saying why."""
    ids = list(term_ids)
    where = f"{settings.source}: " if settings.source else ""
    for required in settings.required_terms:
        if not any(_covers(required, term_id) for term_id in ids):
            close = difflib.get_close_matches(required, ids, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "see `resume-check lexicons list`"
            raise ConfigError(f"{where}required_terms: {required!r} is not a term id of the lexicon; {hint}")
