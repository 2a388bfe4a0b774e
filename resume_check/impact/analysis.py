"""``analyse_impact``: judge every unit of a résumé, then assemble Statements, the summary and the findings."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..advice import Voice, detect_voice
from ..language import ENGLISH
from ..models import DIMENSIONS, Finding, Impact, ImpactSummary, Metric, Resume, Statement, Verdict
from ..verbs import VerbLexicon, load_verbs
from .judging import _judge, _Judgement, _LazyMetrics
from .openers import load_weak_openers
from .suggestions import _excerpt, _suggest
from .units import _to_resume_offset, _Unit, _units
from .words import _PM_TITLE

#: a bullet longer than this is hard to skim
LONG_BULLET_WORDS = 40


#: a verb opening more than this many statements is over-used ...
OVERUSED_MAX = 3


#: ... or more than this share of them, once there are at least OVERUSED_MIN_STATEMENTS statements
OVERUSED_SHARE = 0.25


OVERUSED_MIN_STATEMENTS = 8


@dataclass(frozen=True, slots=True)
class _Draft:
    unit: _Unit
    judgement: _Judgement
    metrics: tuple[Metric, ...]
    start: int
    end: int
    text: str
    words: int


def analyse_impact(resume: Resume, *, pm: bool | None = None, tools: frozenset[str] | None = None) -> Impact:
    """Judge every statement of ``resume``; summarise verdicts, impact dimensions and over-used verbs.

    Args:
        resume: the structured résumé.
        pm: whether the candidate is an IT project manager (budget and schedule results are then expected);
            None detects it from the text (project/programme/delivery manager, PMO, Scrum Master, PMP, PRINCE2).
        tools: the lexicon's tool names for the suggestions (``advice.tool_names``); None loads the bundled
            lexicon's when a statement needs them.
    """
    lex = load_verbs()
    if resume.language != ENGLISH:
        return _assemble([], resume, lex, pm, tools)  # the verbs and openers are English: judge nothing (text.language)
    weak = load_weak_openers()
    drafts: list[_Draft] = []
    entry_shift = 0
    for unit in _units(resume, lex):
        metrics_of = _LazyMetrics(unit.text)
        judgement = _judge(unit, lex, weak, metrics_of.found)
        if judgement.verdict is None:
            entry_shift += judgement.reason != "label"
            continue
        if judgement.skip:
            entry_shift += 1  # a title/date prefix glued to the statement opens a new entry
        text = unit.text[judgement.skip :]
        local = tuple(m for m in metrics_of.get() if m.start >= judgement.skip)
        metrics = tuple(
            Metric(m.text, m.kind, m.measures, _to_resume_offset(unit, m.start), _to_resume_offset(unit, m.end))
            for m in local
        )
        if judgement.verdict in ("strong", "unquantified") and not metrics:
            judgement = _replace_verdict(judgement, "unquantified")
        shifted = _Unit(
            text,
            unit.section,
            unit.block,
            unit.start,
            unit.line,
            unit.entry * 10_000 + entry_shift,
            unit.bullet,
            unit.first_in_block,
            unit.segments,
            unit.role_header,
            unit.list_item,
        )
        drafts.append(
            _Draft(
                unit=shifted,
                judgement=judgement,
                metrics=metrics,
                start=_to_resume_offset(unit, judgement.skip),
                end=_to_resume_offset(unit, len(unit.text)),
                text=text,
                words=len(text.split()),
            )
        )
    return _assemble(drafts, resume, lex, pm, tools)


def _replace_verdict(judgement: _Judgement, verdict: Verdict) -> _Judgement:
    return dataclasses.replace(judgement, verdict=verdict)  # every other field kept (a copy by hand lost new ones)


def _assemble(
    drafts: Sequence[_Draft], resume: Resume, lex: VerbLexicon, pm: bool | None, tools: frozenset[str] | None
) -> Impact:
    voice = detect_voice(resume.text)
    findings: list[Finding] = []
    extra_issues: dict[int, list[str]] = {i: [] for i in range(len(drafts))}

    # over-used opening verbs
    lemmas = Counter(d.judgement.lemma for d in drafts if d.judgement.lemma)
    total = len(drafts)
    overused: list[tuple[str, int]] = []
    for lemma, count in sorted(lemmas.items(), key=lambda kv: (-kv[1], kv[0])):
        if count > OVERUSED_MAX or (total >= OVERUSED_MIN_STATEMENTS and count > OVERUSED_SHARE * total):
            first = next(d for d in drafts if d.judgement.lemma == lemma)
            shown = first.judgement.base or lemma
            overused.append((shown, count))
            family = lex.families[first.judgement.family or ""] if first.judgement.family in lex.families else None
            others = [lex.past(v).capitalize() for v in (family.verbs if family else ()) if v != lemma][:4]
            findings.append(
                Finding(
                    id="impact.overused-verb",
                    message=(
                        f"'{shown.capitalize()}' opens {count} of {total} statements; vary the verb to show the range"
                        f" of what you did" + (f" (e.g. {', '.join(others)})" if others else "") + "."
                    ),
                    severity="info",
                    line=first.unit.line,
                    count=count,
                )
            )
            for i, d in enumerate(drafts):
                if d.judgement.lemma == lemma:
                    extra_issues[i].append("impact.overused-verb")

    # mixed tense within one role
    by_entry: dict[int, list[int]] = {}
    for i, d in enumerate(drafts):
        if d.unit.section != "summary" and d.judgement.tense in ("past", "present", "gerund"):
            by_entry.setdefault(d.unit.entry, []).append(i)
    for indexes in by_entry.values():
        past = [i for i in indexes if drafts[i].judgement.tense == "past"]
        present = [i for i in indexes if drafts[i].judgement.tense in ("present", "gerund")]
        if past and present:
            minority = present if len(present) <= len(past) else past
            odd = drafts[minority[0]]
            findings.append(
                Finding(
                    id="impact.mixed-tense",
                    message=(
                        f"One role mixes past ('{drafts[past[0]].judgement.verb}') and present "
                        f"('{drafts[present[0]].judgement.verb}') verbs: use the past tense for past roles and for "
                        f"finished achievements, the present only for ongoing work in a current role."
                    ),
                    severity="info",
                    line=odd.unit.line,
                    count=len(minority),
                )
            )
            for i in minority:
                extra_issues[i].append("impact.mixed-tense")

    statements: list[Statement] = []
    for i, d in enumerate(drafts):
        j = d.judgement
        issues: list[str] = []
        assert j.verdict is not None
        if j.verdict == "weak":
            rule = {"passive": "impact.passive", "first-person": "impact.first-person"}.get(j.reason, "impact.weak")
            issues.append(rule)
        elif j.verdict == "unquantified":
            issues.append("impact.unquantified")
        if j.misspelt:
            issues.append("impact.misspelled-verb")
        if d.words > LONG_BULLET_WORDS:
            issues.append("impact.long-bullet")
        issues.extend(extra_issues[i])
        # the advice quotes the statement with its verb spelt right ("Exceeded daily sales goals by [N]%")
        spelt = (
            f"{j.verb}{d.text[len(j.misspelt) :]}"
            if j.misspelt and j.verb and d.text.startswith(j.misspelt)
            else d.text
        )
        advice = _suggest(spelt, j, d.metrics, lex, voice, d.unit.section, tools)
        suggestion = advice.text
        if d.words > LONG_BULLET_WORDS:
            suggestion = f"{suggestion} It is long: keep the action and the result, split the rest.".strip()
        statements.append(
            Statement(
                text=d.text,
                section=d.unit.section,
                line=d.unit.line,
                block=d.unit.block,
                start=d.start,
                end=d.end,
                verdict=j.verdict,
                verb=j.verb,
                verb_family=j.family,
                metrics=d.metrics,
                suggestion=suggestion,
                issues=tuple(issues),
                questions=advice.questions,
                placeholders=advice.placeholders,
                example_source=advice.source,
            )
        )
        findings.extend(_statement_findings(statements[-1], j, d))

    summary = _summary(statements, overused)
    findings.extend(_coverage_findings(statements, summary, resume, pm, voice))
    findings.sort(key=lambda f: (f.line if f.line is not None else 10**9, f.id))
    return Impact(statements=tuple(statements), summary=summary, findings=tuple(findings))


def _statement_findings(statement: Statement, judgement: _Judgement, draft: _Draft) -> Iterable[Finding]:
    quoted = _excerpt(statement.text)
    if statement.verdict == "weak":
        label = {
            "passive": ("impact.passive", "Passive statement without an agent"),
            "first-person": ("impact.first-person", "Statement opens with a first-person pronoun"),
            "no-verb": ("impact.weak", "Statement does not open with an action verb"),
        }.get(judgement.reason, ("impact.weak", f"Duty-style opener '{judgement.verb}'"))
        yield Finding(
            id=label[0],
            message=f'{label[1]}: "{quoted}". {statement.suggestion}',
            severity="warning",
            line=statement.line,
        )
    elif statement.verdict == "unquantified":
        yield Finding(
            id="impact.unquantified",
            message=f'No measured result: "{quoted}". {statement.suggestion}',
            severity="info",
            line=statement.line,
        )
    if judgement.misspelt and judgement.verb:
        yield Finding(
            id="impact.misspelled-verb",
            message=(
                f"'{judgement.misspelt}' looks like a misspelling of '{judgement.verb}': correct it; recruiters notice "
                f"spelling mistakes, and a search for '{judgement.verb.lower()}' does not find it."
            ),
            severity="warning",
            line=statement.line,
        )
    if draft.words > LONG_BULLET_WORDS:
        yield Finding(
            id="impact.long-bullet",
            message=f'{draft.words} words (over {LONG_BULLET_WORDS}): "{quoted}". Keep the action and the result; '
            "split or cut the rest.",
            severity="info",
            line=statement.line,
        )


def _summary(statements: Sequence[Statement], overused: Sequence[tuple[str, int]]) -> ImpactSummary:
    verdicts = Counter(s.verdict for s in statements)
    quantified = sum(1 for s in statements if s.metrics)
    dims = {d: 0 for d in DIMENSIONS}
    for s in statements:
        for dim in {m.measures for m in s.metrics if m.measures is not None}:
            dims[dim] += 1
    return ImpactSummary(
        counts=tuple((v, verdicts.get(v, 0)) for v in ("strong", "unquantified", "weak")),
        quantified_share=round(quantified / len(statements), 4) if statements else 0.0,
        dimensions=tuple((d, dims[d]) for d in DIMENSIONS),
        missing_dimensions=tuple(d for d in DIMENSIONS if dims[d] == 0),
        overused_verbs=tuple(overused),
    )


def _coverage_findings(
    statements: Sequence[Statement], summary: ImpactSummary, resume: Resume, pm: bool | None, voice: Voice
) -> Iterable[Finding]:
    if not statements:
        return
    if not any(s.metrics for s in statements):
        yield Finding(
            id="impact.no-metrics",
            message=(
                f"None of the {len(statements)} statements carries a number: add results in money, time, "
                "scale, people or quality (e.g. 'Delivered the CRM migration for [N] users, [N] weeks early')."
            ),
            severity="warning",
        )
    is_pm = pm if pm is not None else bool(_PM_TITLE.search(resume.text))
    if not is_pm:
        return
    dims = dict(summary.dimensions)
    if not dims["budget"]:
        yield Finding(
            id="impact.no-budget-result",
            message=(
                "No budget result: a project manager is expected to show money managed or saved (e.g. "
                f"'Delivered the {voice.amount} ERP upgrade [N]% under budget')."
            ),
            severity="warning",
        )
    if not dims["schedule"]:
        yield Finding(
            id="impact.no-schedule-result",
            message=(
                "No schedule result: show delivery against time (e.g. 'Cut the release cycle from [N] to [N] weeks', "
                "'Went live [N] weeks early')."
            ),
            severity="warning",
        )
