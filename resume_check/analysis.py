"""Assemble the Analysis: matches → found/missing terms with evidence, category coverage, findings and the score.

Build an ``Engine`` once per process (``build_engine``: nlp pipeline, lexicon, matcher, cliché list, settings)
and pass it to ``analyse`` / ``analyse_document`` / ``analyse_path`` for each résumé.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import functools
import itertools
import re
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .ats import Cliche, check_ats, load_cliches
from .config import Settings
from .errors import InputError
from .models import (
    DIMENSIONS,
    EVIDENCE_LEVELS,
    Analysis,
    Block,
    Category,
    CategoryCoverage,
    Document,
    Evidence,
    Finding,
    FoundTerm,
    Impact,
    Match,
    MissingTerm,
    Occurrence,
    Resume,
    Statement,
    Term,
)
from .scoring import score_analysis
from .severity import listing_order
from .steps import build_next_steps
from .targets.roles import LEXICON, Profile, is_profile_path, load_profiles, resolve_role_target
from .targets.target import TITLE_CATEGORIES, Target, TargetTerm, lexicon_target

#: words of context kept on each side of an occurrence
CONTEXT_WORDS = 6
VERDICT_EVIDENCE: dict[str, Evidence] = {
    "strong": "quantified-achievement",
    "unquantified": "achievement",
    "weak": "duty",
}
#: impact findings about one dimension: dropped when the target does not expect that dimension (a coordinator is
#: not asked for a budget result)
_DIMENSION_FINDINGS = {"impact.no-budget-result": "budget", "impact.no-schedule-result": "schedule"}
_LIST_SEPARATORS = re.compile(r"\s*(?:[,;|•·▪◦/]|\s-\s|\s–\s)\s*")


class PackLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def version(self) -> str: ...


class LexiconLike(Protocol):
    """What analysis needs from ``lexicon.Lexicon``."""

    @property
    def terms(self) -> Sequence[Term]: ...
    @property
    def categories(self) -> Sequence[Category]: ...
    @property
    def packs(self) -> Sequence[PackLike]: ...


class MatcherLike(Protocol):
    """What analysis needs from ``matching.TermMatcher``."""

    def match(self, resume: Resume) -> tuple[Match, ...]: ...
    def match_text(self, text: str) -> tuple[Match, ...]: ...


@dataclass(frozen=True, slots=True)
class Engine:
    """Everything built once per process and shared by every résumé analysed."""

    settings: Settings
    lexicon: LexiconLike = field(repr=False)
    matcher: MatcherLike = field(repr=False)
    analyse_impact: Callable[[Resume], Impact] = field(repr=False)
    cliches: tuple[Cliche, ...] = field(default=(), repr=False)
    nlp: Any = field(default=None, repr=False)  # the spaCy Language (kept for reuse; never reaches an Analysis)
    #: role profiles (bundled + a user file given as the role); none: every résumé is measured against the lexicon
    profiles: tuple[Profile, ...] = field(default=(), repr=False)
    #: the target every résumé is measured against unless one is passed (``settings.job``: the posting, read once)
    target: Target | None = field(default=None, repr=False)
    #: finds ``target``'s terms the lexicon lacks (a posting's own phrases), by lemma; None when it has none
    forms_matcher: MatcherLike | None = field(default=None, repr=False)


def build_engine(settings: Settings | None = None) -> Engine:
    """Load the lexicons (bundled + ``settings.lexicons``), build the pipeline and the matcher once.

    With ``settings.cache_dir``, the loaded lexicon and the compiled matcher come from (or go to) the disk cache
    (see runtime/cache.py), which cuts start-up (the README's speed table); the analysis is the same either way.
    Raises LexiconError for a bad pack and ConfigError for a missing ``settings.model``.
    """
    from .advice import tool_names
    from .impact import analyse_impact
    from .nlp import build_nlp

    settings = settings or Settings()
    nlp = build_nlp(settings.model, tuned=settings.tuned)
    from .runtime import cache

    # the disk cache serves the default pipeline only (a trained model's tokenizer and lemmas differ)
    folder = settings.cache_dir if settings.model is None and settings.tuned else None
    lexicon, matcher = cache.lexicon_and_matcher(nlp, settings.lexicons, folder)
    engine = Engine(
        settings=settings,
        lexicon=lexicon,
        matcher=matcher,
        # the tool names the advice reads "Worked with C# and XML" against, from the lexicon already loaded
        analyse_impact=functools.partial(analyse_impact, tools=tool_names(lexicon)),
        cliches=load_cliches(),
        nlp=nlp,
        profiles=load_profiles(lexicon, (settings.role,) if is_profile_path(settings.role) else ()),
    )
    if settings.job is not None:
        engine = with_job(engine, settings.job)
    return engine


def with_job(engine: Engine, posting: str | Path) -> Engine:
    """``engine`` measuring every résumé against a job posting: the posting is read, and its target and the matcher
    of its own phrases built, once (a batch worker does it once for all its résumés). Raises InputError for an
    unreadable posting."""
    import dataclasses

    from .targets.posting import posting_target, read_posting

    chosen_by = "config" if engine.settings.source else "option"
    target = posting_target(read_posting(posting, engine), engine, chosen_by=chosen_by)
    return dataclasses.replace(engine, target=target, forms_matcher=build_forms_matcher(engine.nlp, target))


def build_forms_matcher(nlp: Any, target: Target) -> MatcherLike | None:
    """A matcher for the target's terms that carry their own ``forms`` (not lexicon terms), or None."""
    if nlp is None or not any(t.forms for t in target.terms):
        return None
    from .matching import TermMatcher
    from .targets.jobmatch import forms_lexicon

    lexicon = forms_lexicon([t for t in target.terms if t.forms], target.id)
    return TermMatcher(nlp, lexicon) if lexicon.terms else None


@functools.lru_cache(maxsize=4)
def _forms_matcher_for(nlp: Any, target: Target) -> MatcherLike | None:
    return build_forms_matcher(nlp, target)


def analyse_path(
    path: str | Path,
    *,
    settings: Settings | None = None,
    engine: Engine | None = None,
    target: Target | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> Analysis:
    """Extract, structure and analyse one résumé file (raises InputError for unreadable input).

    ``progress(done, total, path)`` is called after each page read by OCR (``settings.ocr``), if any; OCR may use
    its share of ``settings.time_limit`` (``extract.ocr.ocr_seconds``), leaving the rest for the analysis.
    """
    from .extract import extract
    from .extract.ocr import ocr_seconds

    if engine is None:
        engine = build_engine(settings)
    settings = settings or engine.settings
    document = extract(
        path,
        max_bytes=settings.max_bytes,
        ocr=settings.ocr,  # type: ignore[arg-type]
        progress=progress,
        ocr_seconds=ocr_seconds(settings.time_limit),
    )
    return analyse_document(document, engine, target)


def analyse_document(document: Document, engine: Engine, target: Target | None = None) -> Analysis:
    """Structure an extracted Document and analyse it."""
    from .structure import build_resume

    return analyse(build_resume(document), engine, target)


def resolve_target(resume: Resume, engine: Engine, target: Target | None = None) -> Target:
    """The target to measure ``resume`` against: ``target`` when given; else ``settings.role``: "lexicon" (the
    whole lexicon), a profile id or file, or "auto" (inferred from the résumé, falling back to the IT project
    manager profile); the whole lexicon when the engine has no profiles."""
    if target is not None:
        return target
    if engine.target is not None:  # a job posting (settings.job), read once with the engine
        return engine.target
    settings = engine.settings
    chosen_by = settings.role_chosen_by
    role = settings.role
    if is_profile_path(role):
        own = [p for p in engine.profiles if not p.bundled and p.path == role]
        role = own[0].id if own else role
    if role != LEXICON:
        role_target = resolve_role_target(resume, engine.profiles, role, chosen_by)
        if role_target is not None:
            return role_target
    terms = enabled_terms(engine.lexicon, settings)
    if role == LEXICON and chosen_by != "default":
        how = "given in the config" if chosen_by == "config" else "given with --role"
        return lexicon_target(terms, engine.lexicon.categories, chosen_by=chosen_by, reason=how)
    return lexicon_target(terms, engine.lexicon.categories)


def analyse(resume: Resume, engine: Engine, target: Target | None = None) -> Analysis:
    """The complete Analysis of one structured résumé, measured against ``target`` (see ``resolve_target``).

    Coverage, missing terms and the keyword and evidence components are computed over the target's terms with
    its category weights; found lexicon terms outside the target are reported as ``also_found``.
    """
    settings = engine.settings
    terms = enabled_terms(engine.lexicon, settings)
    target = resolve_target(resume, engine, target)
    impact = engine.analyse_impact(resume)
    matches = engine.matcher.match(resume)
    if any(t.forms for t in target.terms):  # a posting's own phrases, found by their own matcher
        forms = engine.forms_matcher if target is engine.target else _forms_matcher_for(engine.nlp, target)
        if forms is not None:
            matches = (*matches, *forms.match(resume))
    found, missing, also_found = collect_target_terms(resume, target.terms, terms, matches, impact.statements)
    job = None
    if target.kind == "job":
        from .targets.jobmatch import match_target

        job = match_target(resume, target, (*found, *also_found))
        satisfied = {t.id for t in job.terms if t.satisfied_by}
        missing = tuple(m for m in missing if m.id not in satisfied)  # "X or Y": the other one is there
    categories = category_coverage(target_categories(target, engine.lexicon.categories), target.terms, found)
    expected = target.expectations.dimensions or DIMENSIONS
    impact_findings = tuple(f for f in impact.findings if _DIMENSION_FINDINGS.get(f.id, "budget") in expected)
    findings = collect_findings(
        (*resume.warnings, *check_ats(resume, impact, cliches=engine.cliches), *impact_findings), settings
    )
    score = score_analysis(
        found=found, missing=missing, categories=categories, impact=impact, findings=findings, dimensions=expected
    )
    analysis = Analysis(
        resume=resume,
        found=found,
        missing=missing,
        categories=categories,
        impact=impact,
        findings=findings,
        score=score,
        lexicons=tuple((p.id, p.version) for p in engine.lexicon.packs),
        target=target,
        also_found=also_found,
        job=job,
    )
    return dataclasses.replace(analysis, next_steps=build_next_steps(analysis))


# --------------------------------------------------------------------------------------------- terms


def enabled_terms(lexicon: LexiconLike, settings: Settings) -> tuple[Term, ...]:
    """The lexicon's terms that ``settings`` leaves switched on, in lexicon order (worked out once per pair)."""
    if not isinstance(lexicon, Hashable):  # a LexiconLike that compares by value: nothing to remember it by
        return tuple(t for t in lexicon.terms if settings.is_enabled(t.id))
    return _enabled_terms(lexicon, settings.disabled, settings.enabled)


@functools.lru_cache(maxsize=32)
def _enabled_terms(lexicon: Any, disabled: tuple[str, ...], enabled: tuple[str, ...]) -> tuple[Term, ...]:
    settings = Settings(disabled=disabled, enabled=enabled)
    terms: Sequence[Term] = lexicon.terms
    return tuple(t for t in terms if settings.is_enabled(t.id))


def collect_terms(
    resume: Resume,
    terms: Sequence[Term | TargetTerm],
    matches: Sequence[Match],
    statements: Sequence[Statement] = (),
) -> tuple[tuple[FoundTerm, ...], tuple[MissingTerm, ...]]:
    """Found terms (in ``terms`` order, every occurrence with its evidence) and missing terms (ranked)."""
    found, missing, _ = collect_target_terms(resume, terms, (), matches, statements)
    return found, missing


def collect_target_terms(
    resume: Resume,
    terms: Sequence[Term | TargetTerm],
    lexicon_terms: Sequence[Term],
    matches: Sequence[Match],
    statements: Sequence[Statement] = (),
) -> tuple[tuple[FoundTerm, ...], tuple[MissingTerm, ...], tuple[FoundTerm, ...]]:
    """Found and missing target ``terms`` (found in ``terms`` order, every occurrence with its evidence; missing
    ranked by ``ranked_missing``), and the ``lexicon_terms`` found outside the target ("also found", lexicon order).

    A found term carries its weight and category in the target.
    """
    by_id: dict[str, Term | TargetTerm] = {t.id: t for t in terms}
    # a term satisfied by any of several lexicon terms collects their occurrences
    alternative_of: dict[str, list[str]] = {}
    for t in terms:
        for alt in getattr(t, "alternatives", ()):
            alternative_of.setdefault(alt, []).append(t.id)
    outside = {t.id: t for t in lexicon_terms if t.id not in by_id and t.id not in alternative_of}
    occurrences: dict[str, list[Occurrence]] = {}
    locate = _StatementIndex(statements)
    listed: dict[int, bool] = {}  # per block: a skills section or a list
    for m in sorted(matches, key=lambda m: (m.start, m.end, m.term_id)):
        owners = alternative_of.get(m.term_id, ())
        if m.term_id not in by_id and m.term_id not in outside and not owners:
            continue  # switched off by settings, or unknown to this lexicon
        occurrence = _occurrence(resume, m, locate, listed)
        if m.term_id in by_id or m.term_id in outside:
            occurrences.setdefault(m.term_id, []).append(occurrence)
        for owner in owners:
            occurrences.setdefault(owner, []).append(occurrence)
    found = _found(terms, occurrences)
    also_found = _found(tuple(outside.values()), occurrences) if outside else ()
    # job titles are never missing keywords, whatever the target holds
    missing = tuple(m for m in ranked_missing(terms) if m.id not in occurrences and m.category not in TITLE_CATEGORIES)
    return found, missing, also_found


def _found(terms: Sequence[Term | TargetTerm], occurrences: dict[str, list[Occurrence]]) -> tuple[FoundTerm, ...]:
    found = []
    for term in terms:
        occ = occurrences.get(term.id)
        if occ:
            best = min((o.evidence for o in occ), key=EVIDENCE_LEVELS.index)
            found.append(FoundTerm(term.id, term.label, term.category, term.weight, tuple(occ), best))
    return tuple(found)


def _level_rank(term: Term | TargetTerm) -> int:
    return 0 if getattr(term, "level", "preferred") == "required" else 1


def ranked_missing(terms: Sequence[Term | TargetTerm]) -> tuple[MissingTerm, ...]:
    """Every term as a MissingTerm, ranked: required before preferred (target terms; lexicon terms are all
    preferred), then by category (in order of first appearance), weight (highest first), then label.

    A résumé's missing terms are this ranking less the terms it has. The ranking of a tuple of terms (the engine's
    enabled terms, a target's terms) is worked out once and remembered.
    """
    if isinstance(terms, tuple):
        cached = _RANKED.get(id(terms))
        if cached is not None and cached[0] is terms:
            return cached[1]
    category_rank = {c: i for i, c in enumerate(dict.fromkeys(t.category for t in terms))}
    ranked = tuple(
        MissingTerm(t.id, t.label, t.category, t.weight, getattr(t, "level", "preferred"))
        for t in sorted(
            terms, key=lambda t: (_level_rank(t), category_rank[t.category], -t.weight, t.label.casefold(), t.id)
        )
    )
    if isinstance(terms, tuple):
        if len(_RANKED) >= 16:
            _RANKED.pop(next(iter(_RANKED)))
        _RANKED[id(terms)] = (terms, ranked)  # holding ``terms`` keeps its id from being reused
    return ranked


_RANKED: dict[int, tuple[Sequence[Term | TargetTerm], tuple[MissingTerm, ...]]] = {}


def target_categories(target: Target, categories: Sequence[Category]) -> tuple[Category, ...]:
    """The target's categories in its order, at its weights, labelled as the lexicon labels them (else by id)."""
    labels = {c.id: c.label for c in categories}
    return tuple(Category(cid, labels.get(cid, cid), weight) for cid, weight in target.category_weights)


class _StatementIndex:
    """Find the impact statement containing an offset (statements sorted by start)."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        self.statements = statements
        self._items = sorted((s.start, s.end, i) for i, s in enumerate(statements))
        self._starts = [s for s, _, _ in self._items]
        # the furthest end among the statements up to each one: the walk back stops where none can reach the offset
        self._reach = list(itertools.accumulate((e for _, e, _ in self._items), max))

    def find(self, offset: int) -> int | None:
        pos = bisect.bisect_right(self._starts, offset) - 1
        while pos >= 0 and self._reach[pos] > offset:  # statements rarely nest, so this usually looks at one
            start, end, index = self._items[pos]
            if start <= offset < end:
                return index
            pos -= 1
        return None


def _occurrence(resume: Resume, m: Match, locate: _StatementIndex, listed_blocks: dict[int, bool]) -> Occurrence:
    block_index = m.block if 0 <= m.block < len(resume.blocks) else resume.block_at(m.start)
    block = resume.blocks[block_index]
    statement = locate.find(m.start)
    judged = locate.statements[statement] if statement is not None else None
    listed = listed_blocks.get(block_index)
    if listed is None:
        listed = listed_blocks[block_index] = block.section == "skills" or is_list_like(block)
    evidence: Evidence
    if judged is not None and not (listed and judged.verb is None and judged.verdict != "strong"):
        evidence = VERDICT_EVIDENCE.get(judged.verdict, "mention")
    elif listed:
        evidence = "skills-list"  # a list, even where it stands among the bullets ("Python, GCP, Helm.")
    else:
        evidence = "mention"
    return Occurrence(
        text=m.text,
        section=block.section,
        line=block.line,
        start=m.start,
        end=m.end,
        # a term in a statement is shown in the statement's words: not a date or title the line also holds
        context=context_window(
            resume.text, block, m.start, m.end, within=(judged.start, judged.end) if judged is not None else None
        ),
        evidence=evidence,
        statement=statement,
    )


def is_list_like(block: Block) -> bool:
    """A skills-like list: several short items separated by commas, pipes, bullets or slashes."""
    if block.kind == "heading":
        return False
    text = block.text.split(":", 1)[1] if ":" in block.text[:40] else block.text
    items = [i for i in _LIST_SEPARATORS.split(text) if i.strip()]
    if len(items) < 3:
        return False
    words = sum(len(i.split()) for i in items)
    return words / len(items) <= 3.5


def context_window(
    text: str,
    block: Block,
    start: int,
    end: int,
    words: int = CONTEXT_WORDS,
    *,
    within: tuple[int, int] | None = None,
) -> str:
    """Up to ``words`` words either side of text[start:end] within its block (or the span ``within``, such as the
    statement holding it), whitespace-normalised.

    Linear in the window, not the block: the words after the match are found from ``end`` on and stop at the
    first ``words + 1``; those before it in a span before ``start`` that grows until it holds ``words + 2`` words
    (the first may be cut) or reaches the block's start. A block of one 200,000-character line with a thousand
    terms in it took minutes when each match scanned its whole block.
    """
    lo, hi = within if within is not None else (block.start, block.end)
    lo, hi = max(lo, 0), min(hi, len(text))
    lo, hi = min(lo, start), max(hi, end)
    right = list(itertools.islice(_CONTEXT_WORD.finditer(text, end, hi), words + 1))
    reach = 16 * (words + 2)
    while True:
        begin = max(lo, start - reach)
        left = list(_CONTEXT_WORD.finditer(text, begin, start))
        if begin == lo or len(left) >= words + 2:
            break
        reach *= 4
    cut_start = left[-words].start() if len(left) > words else lo
    cut_end = right[words - 1].end() if len(right) > words else hi
    prefix = "… " if len(left) > words else ""
    suffix = " …" if len(right) > words else ""
    return prefix + " ".join(text[cut_start:cut_end].split()) + suffix


_CONTEXT_WORD = re.compile(r"\S+")


def category_coverage(
    categories: Sequence[Category], terms: Sequence[Term | TargetTerm], found: Sequence[FoundTerm]
) -> tuple[CategoryCoverage, ...]:
    """Per category (lexicon order; categories without enabled terms left out): counts and weighted coverage."""
    found_ids = {f.id for f in found}
    out = []
    for cat in categories:
        members = [t for t in terms if t.category == cat.id]
        if not members:
            continue
        total_weight = sum(t.weight for t in members)
        found_weight = sum(t.weight for t in members if t.id in found_ids)
        out.append(
            CategoryCoverage(
                id=cat.id,
                label=cat.label,
                found=sum(1 for t in members if t.id in found_ids),
                total=len(members),
                coverage=round(found_weight / total_weight, 4) if total_weight > 0 else 0.0,
                weight=cat.weight,
            )
        )
    return tuple(out)


# --------------------------------------------------------------------------------------------- findings


def collect_findings(findings: Sequence[Finding], settings: Settings) -> tuple[Finding, ...]:
    """Enabled findings, de-duplicated, sorted by severity (error first), then line (whole-file first), then id."""
    seen: set[Finding] = set()
    out = []
    for finding in findings:
        if finding in seen or not settings.is_enabled(finding.id):
            continue
        seen.add(finding)
        out.append(finding)
    out.sort(key=lambda f: (listing_order(f.severity), f.line if f.line is not None else 0, f.id))
    return tuple(out)


#: how a caller bounds one file's analysis: ``budget(seconds, path)`` is a context manager that raises
#: TimeLimitError when the body runs longer (the command line's is a signal timer)
Budget = Callable[[float, str], AbstractContextManager[None]]


@contextlib.contextmanager
def unbounded(seconds: float, path: str) -> Iterator[None]:
    """The default ``Budget``: no time limit (a library caller bounds its own process)."""
    yield


def analyse_paths(
    paths: Sequence[str | Path],
    engine: Engine,
    *,
    budget: Budget = unbounded,
    progress: Callable[[int, int, str], None] | None = None,
) -> tuple[Analysis | InputError, ...]:
    """Analyse each file in order, each within ``budget(engine.settings.time_limit, path)``; a file that cannot be
    read (or runs over its time) gives its InputError instead of an Analysis. ``progress`` as in ``analyse_path``."""
    out: list[Analysis | InputError] = []
    for path in paths:
        try:
            with budget(engine.settings.time_limit, str(path)):
                out.append(analyse_path(path, engine=engine, progress=progress))
        except InputError as err:
            out.append(err)
    return tuple(out)
