"""CI mode of `check` and `baseline`: analyse each file under its config, gate it, record or compare baselines.

The command line parses options into ``GateOptions``, calls ``check_files`` (or ``record_baseline``), renders the
results and exits with ``GateResult.exit_code``. How an engine starts (caches, process tuning) and how long a file
may run (a signal timer) belong to the caller, which passes them in.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..analysis import Budget, unbounded
from ..errors import ConfigError, ResumeCheckError

if TYPE_CHECKING:
    from ..analysis import Engine
    from ..config import Settings
    from ..extract.ocr import OcrMode
    from .gate import CheckResult

#: how a caller starts an engine for settings (``analysis.build_engine``, or one with caches and process tuning)
Starter = Callable[["Settings"], "Engine"]

#: exit codes of a gate run (the command line's ExitCode has the same values)
GATE_FAILED = 1
BAD_INPUT = 3


@dataclass(frozen=True, slots=True)
class GateOptions:
    """The gate options given on the command line; None leaves the config's value (or the default)."""

    config_path: str | None = None
    fail_under: float | None = None
    min_severity: str | None = None
    fail_level: str | None = None
    lexicons: tuple[str, ...] = ()
    model: str | None = None
    role: str | None = None
    time_limit: float | None = None
    job: str | None = None
    min_match: float | None = None
    baseline_path: str | None = None
    #: score points a baseline comparison allows to be lost
    tolerance: float = 0.0
    #: OCR of pages without a text layer: "auto" (when the OCR extra is installed), "force" (every page), "off"
    ocr: OcrMode = "auto"


@dataclass(frozen=True, slots=True)
class GateResult:
    """The gate's verdict on every file, in the order given."""

    results: tuple[CheckResult, ...]
    #: files the baseline does not record (only the gate applies to them)
    unlisted: tuple[str, ...] = ()

    @property
    def exit_code(self) -> int:
        """0 every file passed; 1 a gate failed; else the worst error's code (3 bad input)."""
        code = 0
        for result in self.results:
            if result.error is not None:
                code = max(code, result.error_code)
            elif not result.passed:
                code = max(code, GATE_FAILED)
        return code


def reuse_engines(start: Starter) -> Starter:
    """``start`` memoised on what an engine is built from (lexicons, model, role, job): files whose settings differ
    only in gate options share one engine, carrying each file's own settings."""
    import dataclasses

    engines: dict[tuple[tuple[str, ...], str | None, str, str | None], Engine] = {}

    def engine_for(settings: Settings) -> Engine:
        key = (settings.lexicons, settings.model, settings.role, settings.job)
        if key not in engines:
            engines[key] = start(settings)
        return dataclasses.replace(engines[key], settings=settings)

    return engine_for


def config_folder(file: str) -> str:
    """Where a file's config is looked for: its folder (the working folder for standard input)."""
    return os.getcwd() if file == "-" else os.path.dirname(os.path.abspath(file))


def load_baseline(path: str) -> dict[str, Any]:
    """The validated baseline at ``path``. Raises ConfigError when it cannot be read or is not a baseline."""
    from .baseline import parse_baseline

    try:
        with open(path, encoding="utf-8") as handle:
            return parse_baseline(handle.read(), path)
    except OSError as err:
        raise ConfigError(
            f"{path}: cannot read the baseline ({err.strerror}); create it with "
            "`resume-check baseline FILE... --output PATH`"
        ) from None


def check_files(
    files: tuple[str, ...],
    options: GateOptions,
    *,
    start: Starter | None = None,
    budget: Budget = unbounded,
    progress: Callable[[int, int, str], None] | None = None,
) -> GateResult:
    """Analyse and gate each file: its config (``--config`` or found above it) and overrides, the options, inline
    suppressions and the baseline. A file that cannot be read or analysed (exit code 3) becomes that file's error
    result; a bad config, lexicon, rule id or required term raises (it concerns every file). OCR (``options.ocr``)
    may use its share of the file's time limit; ``progress(done, total, path)`` is called after each OCR page."""
    from ..analysis import analyse_document, build_engine
    from ..escaping import display_path
    from ..extract import extract_bytes, read_input
    from ..extract.ocr import ocr_seconds
    from ..rules import check_switches
    from .baseline import baseline_key
    from .configfile import resolve_config
    from .gate import check_required_terms, error_result, evaluate
    from .suppress import source_suppressions

    baseline = load_baseline(options.baseline_path) if options.baseline_path else None
    baseline_folder = os.path.dirname(os.path.abspath(options.baseline_path or "."))
    engine_for = reuse_engines(start or build_engine)
    results: list[CheckResult] = []
    unlisted: list[str] = []
    for file in files:
        settings = resolve_config(options.config_path, config_folder(file)).settings_for(
            file,
            fail_under=options.fail_under,
            min_severity=options.min_severity,
            fail_level=options.fail_level,
            lexicons=options.lexicons,
            model=options.model,
            role=options.role,
            role_chosen_by="option" if options.role is not None else None,
            time_limit=options.time_limit,
            job=options.job,
            min_match=options.min_match,
        )
        engine = engine_for(settings)
        lexicon = engine.lexicon
        known = [*(t.id for t in lexicon.terms), *(c.id for c in lexicon.categories), *(p.id for p in lexicon.packs)]
        check_switches(settings.disabled, settings.enabled, known, settings.source or "the command line")
        check_required_terms(settings, (term.id for term in lexicon.terms))
        try:
            with budget(settings.time_limit, file):
                data = read_input(file, max_bytes=settings.max_bytes)  # read once: analysed, and scanned
                seconds = ocr_seconds(settings.time_limit)
                document = extract_bytes(data, file, ocr=options.ocr, progress=progress, ocr_seconds=seconds)
                analysis = analyse_document(document, engine)
        except ResumeCheckError as err:
            if err.exit_code != BAD_INPUT:
                raise
            results.append(error_result(display_path(file), str(err), err.exit_code, settings, file=file))
            continue
        suppressions = source_suppressions(file, data) if file != "-" else ()
        entry = None
        if baseline is not None:
            entry = baseline["files"].get(baseline_key(file, baseline_folder))
            if entry is None:
                unlisted.append(file)
        shown = display_path(file)  # undecodable bytes and control characters escaped, in every format
        results.append(
            evaluate(
                analysis,
                settings,
                entry,
                tolerance=options.tolerance,
                path=shown,
                suppressions=suppressions,
                file=file,
            )
        )
    return GateResult(tuple(results), tuple(unlisted))


def record_baseline(
    files: tuple[str, ...],
    output: str,
    *,
    config_path: str | None = None,
    lexicons: tuple[str, ...] = (),
    start: Starter | None = None,
) -> tuple[str, int]:
    """The baseline text recording ``files`` (score, found terms, active findings, quantified statements), keyed
    by path relative to ``output``'s folder, and how many files it records."""
    from ..analysis import analyse_path, build_engine
    from ..extract import read_input
    from .baseline import baseline_key, build_baseline, dump_baseline, entry_for
    from .configfile import resolve_config
    from .gate import active_findings
    from .suppress import source_suppressions

    folder = os.path.dirname(os.path.abspath(output))
    engine_for = reuse_engines(start or build_engine)
    entries: dict[str, Any] = {}
    for file in files:
        settings = resolve_config(config_path, os.path.dirname(os.path.abspath(file))).settings_for(
            file, lexicons=lexicons
        )
        analysis = analyse_path(file, engine=engine_for(settings))
        suppressions = source_suppressions(file, read_input(file))
        entries[baseline_key(file, folder)] = entry_for(analysis, active_findings(analysis, settings, suppressions))
    return dump_baseline(build_baseline(entries)), len(entries)
