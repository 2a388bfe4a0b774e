"""Click command line: parse options, build Settings, call the library, render, write, exit.

Only this module prints or exits. Exit codes (``ExitCode``): 0 passed, 1 a gate failed, 2 usage,
3 bad input, lexicon or config, 4 unexpected error.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from enum import IntEnum
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeVar

import click

from . import __version__
from .errors import ResumeCheckError
from .render import CI, COHORT, EXTRACT, POSTING, REPORT, RULES, STREAM, SUMMARY, format_names

if TYPE_CHECKING:  # the heavy modules load only inside the commands that need them
    from .analysis import Engine
    from .ci.check import GateResult
    from .config import Settings

F = TypeVar("F", bound=Callable[..., Any])

#: the CI formats of `check` (one document for all files; choosing one turns CI mode on)
CI_NAMES = format_names(CI)
#: batch's record stream (one JSON record per line)
STREAM_NAMES = format_names(STREAM)


class ExitCode(IntEnum):
    OK = 0
    GATE_FAILED = 1
    USAGE = 2
    BAD_INPUT = 3
    UNEXPECTED = 4


def guarded(func: F) -> F:
    """Map library exceptions to one-line messages on stderr and the documented exit codes."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ResumeCheckError as err:
            say(f"resume-check: error: {err}")
            sys.exit(err.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            say("resume-check: interrupted")
            sys.exit(130)
        except Exception as err:
            if os.environ.get("RESUME_CHECK_DEBUG"):
                raise
            say(
                f"resume-check: unexpected error: {type(err).__name__}: {err}\n"
                "This is a bug. Run again with RESUME_CHECK_DEBUG=1 for the traceback and report it."
            )
            sys.exit(ExitCode.UNEXPECTED)

    return wrapper  # type: ignore[return-value]


def say(text: str) -> None:
    """A message on stderr, each line with control characters (ESC, CR, a file name's undecodable bytes) shown
    as visible escapes: paths and labels come from untrusted input and must not drive the terminal or a CI log."""
    from .escaping import escape_controls

    with contextlib.suppress(OSError, ValueError):  # stderr itself gone: nothing more can be said
        click.echo("\n".join(escape_controls(line) for line in text.split("\n")), err=True)


def default_cache_dir() -> str | None:
    """Where compiled lexicons are cached: $RESUME_CHECK_CACHE_DIR (empty: no cache), else the user cache folder."""
    chosen = os.environ.get("RESUME_CHECK_CACHE_DIR")
    if chosen is not None:
        return chosen or None
    if os.environ.get("XDG_CACHE_HOME"):
        base = os.environ["XDG_CACHE_HOME"]
    elif sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = os.environ["LOCALAPPDATA"]
    else:
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "resume-check")


def runtime_on() -> bool:
    """The one switch of the speed tuning (``resume_check.runtime``): on unless ``RESUME_CHECK_RUNTIME=off``."""
    return os.environ.get("RESUME_CHECK_RUNTIME", "on").strip().lower() != "off"


def cached(settings: Settings) -> Settings:
    """``settings`` with the runtime switch, and the disk cache (see ``default_cache_dir``) when it is on."""
    import dataclasses

    tuned = runtime_on()
    return dataclasses.replace(settings, cache_dir=default_cache_dir() if tuned else None, tuned=tuned)


def start_engine(settings: Settings) -> Engine:
    """The engine for ``settings``, its lexicon and matchers from the start-up cache.

    Under the installed command (``run``) the cyclic garbage collector is held while spaCy loads and the engine
    is built, what start-up made is then frozen, and young objects are collected less often
    (``gcpolicy.engine_start_up``). For the default pipeline (no ``--model``) spaCy is imported without its
    command-line package (``nlp.import_spacy_without_cli``). The README's speed table has what each one saves.
    """
    import gc

    from .analysis import build_engine

    settings = cached(settings)
    if not _FAST_START or not gc.isenabled() or not settings.tuned:
        return build_engine(settings)
    from .runtime.gcpolicy import engine_start_up

    with engine_start_up():
        if settings.model is None:  # a trained pipeline may want more of spaCy than the blank one does
            from .nlp import import_spacy_without_cli

            import_spacy_without_cli()
        return build_engine(settings)


#: set by ``run`` (the installed command); tests calling ``main`` keep the ordinary start and exit
_FAST_START = False


def emit(text: str, output: str | None, color: bool = False, *, inputs: tuple[str, ...] = ()) -> None:
    """Write ``text`` to ``output`` atomically (see ``atomic.write_output``: never over an input file, a device
    or a folder), or to stdout (keeping its colour when ``color``, even into a pipe: --color always,
    FORCE_COLOR). A write error, stdout's included, is an OutputError (exit 3, one line)."""
    if output is None or output == "-":
        try:
            click.echo(text, nl=False, color=True if color else None)
            sys.stdout.flush()
        except OSError as err:
            _discard_stdout()
            from .errors import OutputError

            raise OutputError(
                f"cannot write the report to standard output ({err.strerror or err}); "
                "check where it goes, or use --output FILE"
            ) from None
        return
    from .runtime.atomic import write_atomic

    write_atomic(output, text, inputs=inputs)


def _discard_stdout() -> None:
    """After a failed write to stdout, point it at /dev/null so the interpreter's own flush at exit does not fail
    again with a traceback."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def run() -> NoReturn:
    """The console entry point: ``main`` with a fast start (see ``start_engine``) and a fast exit.

    Tearing the spaCy pipeline down object by object at exit takes time just before the operating system frees
    the memory anyway, so once the command has finished and its output is flushed, the process ends at once. A
    command that leaves worker processes behind exits the ordinary way.
    """
    global _FAST_START
    _FAST_START = runtime_on()
    try:
        main()
        code: Any = 0
    except SystemExit as stop:
        code = stop.code
    multiprocessing = sys.modules.get("multiprocessing")
    if not _FAST_START or (multiprocessing is not None and multiprocessing.active_children()):
        sys.exit(code)
    if code is None:
        code = 0
    elif not isinstance(code, int):
        click.echo(code, err=True)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe ("| head"): nothing more can be written
            stream.flush()
    os._exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="resume-check")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Offline, explainable résumé analyser for IT project managers.

    \b
    Examples:
      resume-check check cv.pdf
      resume-check extract cv.docx --format json
      resume-check batch cohort/ --format csv --output cohort.csv
    """
    if not runtime_on():  # RESUME_CHECK_RUNTIME=off: no speed tuning in this command (the same output)
        from .runtime import switched_off

        ctx.with_resource(switched_off())


# Commands are registered below, one block per command. Keep each body short:
# parse -> Settings -> library -> render -> echo -> exit.

# --- options shared by several commands ---


def lexicon_option(func: F) -> F:
    """``--lexicon PATH`` (repeatable): extra lexicon packs loaded after the bundled ones."""
    return click.option(
        "--lexicon", "lexicon_paths", multiple=True, metavar="PATH", help="Add a lexicon pack (repeatable)."
    )(func)


def model_option(func: F) -> F:
    """``--model NAME``: an installed trained spaCy pipeline instead of blank English."""
    return click.option(
        "--model", metavar="NAME", help="Use an installed trained spaCy pipeline instead of blank English."
    )(func)


def output_option(help: str, *, default: str | None = None, writable: bool = False) -> Callable[[F], F]:
    """``--output/-o FILE``: where the command writes instead of standard output."""
    return click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, writable=writable),
        default=default,
        show_default=default is not None,
        help=help,
    )


def config_option(func: F) -> F:
    """``--config FILE``: the config file of CI mode (default: the one found above each FILE)."""
    return click.option(
        "--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: discovered)."
    )(func)


def job_option(help: str) -> Callable[[F], F]:
    """``--job POSTING``: a job posting to match résumés against."""
    return click.option("--job", "job_path", type=click.Path(dir_okay=False), metavar="POSTING", help=help)


def redact_option(func: F) -> F:
    """``--redact``: pseudonyms instead of names, emails, phones and URLs in cohort reports."""
    return click.option("--redact", is_flag=True, help="Replace names, emails, phones and URLs with pseudonyms.")(func)


def format_option(*kinds: str, default: str = "text", help: str | None = "Output format.") -> Callable[[F], F]:
    """``--format``: the registered formats of ``kinds`` (see ``render.FORMATS``)."""
    from .render import format_names

    return click.option(
        "--format", "fmt", type=click.Choice(format_names(*kinds)), default=default, show_default=True, help=help
    )


def ocr_option(func: F) -> F:
    """``--ocr/--no-ocr``: OCR every page, or never; by default only pages without a text layer (the OCR extra)."""
    return click.option(
        "--ocr/--no-ocr",
        default=None,
        help="Read every page by OCR / never use OCR. Default: OCR reads pages without a text layer when the "
        "ocr extra is installed (see the README).",
    )(func)


def ocr_mode(ocr: bool | None) -> Literal["auto", "force", "off"]:
    return "auto" if ocr is None else "force" if ocr else "off"


def ocr_progress(done: int, total: int, path: str) -> None:
    """Progress of OCR on stderr: a scan takes seconds a page, so the command says what it is doing (a DOCX's
    pictures are images, not pages)."""
    from .escaping import display_path

    name = display_path(os.path.basename(path))
    unit = "image" if path.lower().endswith(".docx") else "page"
    if done == 0:
        click.echo(f"resume-check: {name}: reading {total} {unit}(s) by OCR, a few seconds each ...", err=True)
    else:
        click.echo(f"resume-check: {name}: OCR {unit} {done} of {total} done", err=True)


# --- extract ---


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@format_option(EXTRACT)
@output_option("Write to this file instead.", writable=True)
@ocr_option
@guarded
def extract(file: str, fmt: str, output: str | None, ocr: bool | None = None) -> None:
    """Show what was read from FILE: sections, lines, bullets, roles, statements, contact fields and warnings.

    This is what an applicant-tracking system reads. FILE may be .pdf, .docx, .txt, .md, .tex, .typ or .json
    (JSON Resume); "-" reads text from standard input.

    \b
    Example:
      resume-check extract cv.pdf
      resume-check extract cv.docx --format json
    """
    from .extract import extract as extract_document
    from .impact import analyse_impact
    from .render import find_format
    from .structure import build_resume

    resume = build_resume(extract_document(file, ocr=ocr_mode(ocr), progress=ocr_progress))
    impact = analyse_impact(resume)  # which lines are statements (no keyword matching: spaCy stays unloaded)
    emit(find_format(fmt, EXTRACT).load()(resume, impact), output, inputs=(file,))


# --- job ---


@main.command()
@click.argument("posting", type=click.Path(dir_okay=False, allow_dash=True))
@format_option(POSTING)
@output_option("Write to this file instead.", writable=True)
@lexicon_option
@guarded
def job(posting: str, fmt: str, output: str | None, lexicon_paths: tuple[str, ...]) -> None:
    """Show what was understood from a job POSTING: the terms a résumé is matched against.

    POSTING may be .txt, .md, .pdf, .docx or a JSON Resume job file (job.json). The report lists the title,
    required and preferred terms (each with the posting line that asks for it), years of experience asked,
    certifications, education, seniority, negations and knock-out lines (citizenship, clearance, work
    authorisation, location, travel) for you to check. `check CV --job POSTING` matches a résumé against it.

    \b
    Examples:
      resume-check job posting.md
      resume-check job job.json --format json
    """
    from .config import Settings
    from .render import find_format
    from .targets.posting import read_posting

    engine = start_engine(Settings(lexicons=lexicon_paths))
    emit(find_format(fmt, POSTING).load()(read_posting(posting, engine)), output)


def role_option(func: F) -> F:
    """``--role ID|auto|lexicon|PATH``: what résumés are measured against."""
    return click.option(
        "--role",
        metavar="ID|auto|PATH",
        help="Role profile to measure against: auto (inferred per résumé; the default), a profile id "
        "(`resume-check roles list`), a profile file, or lexicon (every term).",
    )(func)


# --- lexicons ---


def no_bundled_option(func: F) -> F:
    """``--no-bundled``: leave out the bundled packs (inspect only the packs given with --lexicon)."""
    return click.option("--no-bundled", is_flag=True, help="Leave out the bundled packs; use only --lexicon packs.")(
        func
    )


@main.group()
def lexicons() -> None:
    """List, show and validate lexicon packs (the terms résumés are matched against).

    \b
    Examples:
      resume-check lexicons list
      resume-check lexicons show methodology.scrum
      resume-check lexicons validate my-terms.yaml
    """


@lexicons.command("list")
@lexicon_option
@no_bundled_option
@guarded
def lexicons_list(lexicon_paths: tuple[str, ...], no_bundled: bool) -> None:
    """List the loaded packs with their versions, term and category counts and sources.

    \b
    Example:
      resume-check lexicons list --lexicon my-terms.yaml
    """
    from .lexicon import describe_lexicon, load_lexicon

    click.echo(describe_lexicon(load_lexicon(lexicon_paths, bundled=not no_bundled)), nl=False)


@lexicons.command("show")
@click.argument("ident", metavar="ID")
@lexicon_option
@no_bundled_option
@guarded
def lexicons_show(ident: str, lexicon_paths: tuple[str, ...], no_bundled: bool) -> None:
    """Show a term (label, category, weight, every form matched, examples), a category or a pack by ID.

    \b
    Examples:
      resume-check lexicons show methodology.scrum
      resume-check lexicons show methodology
    """
    import difflib

    from .lexicon import describe_id, known_ids, load_lexicon

    lexicon = load_lexicon(lexicon_paths, bundled=not no_bundled)
    text = describe_id(lexicon, ident)
    if text is None:
        close = difflib.get_close_matches(ident, known_ids(lexicon), n=3, cutoff=0.6)
        hint = f" Did you mean: {', '.join(close)}?" if close else " See: resume-check lexicons list"
        raise click.BadParameter(f"no term, category or pack with id {ident!r}.{hint}", param_hint="ID")
    click.echo(text, nl=False)


@lexicons.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False), metavar="PATH...")
@click.option("--alone", is_flag=True, help="Validate without the bundled packs (no shared categories or ids).")
@guarded
def lexicons_validate(paths: tuple[str, ...], alone: bool) -> None:
    """Validate lexicon packs: format, ids, spaCy patterns, and every example and counterexample.

    Exits 0 and prints "OK: N terms", or exits 3 naming the file, the entry and the fix.

    \b
    Example:
      resume-check lexicons validate my-terms.yaml
    """
    from .errors import LexiconError
    from .lexicon import load_lexicon
    from .matching import build_matcher, check_examples
    from .nlp import build_nlp

    lexicon = load_lexicon(paths, bundled=not alone)
    own = [term_id for pack in lexicon.packs if not pack.bundled for term_id in pack.terms]
    problems = check_examples(build_matcher(build_nlp(tuned=runtime_on()), lexicon), own)
    if problems:
        shown = "\n  ".join(problems[:20]) + (f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else "")
        raise LexiconError(
            f"{len(problems)} example(s) behave wrongly; fix the term's forms or patterns, or the example:\n  {shown}"
        )
    click.echo(f"OK: {len(own)} terms")


# --- check / explain (issues 3-5) ---


def time_limit_option(what: str) -> Callable[[F], F]:
    """``--time-limit SECONDS``: finite, above 0, at most ``config.MAX_TIME_LIMIT`` (inf, nan, 1e308 are usage
    errors)."""
    from .config import MAX_TIME_LIMIT, time_limit_problem

    def validate(ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
        problem = None if value is None else time_limit_problem(value)
        if problem:
            raise click.BadParameter(problem)
        return value

    return click.option(
        "--time-limit",
        type=float,
        callback=validate,
        metavar="SECONDS",
        help=f"Seconds allowed per file (above 0, at most {MAX_TIME_LIMIT:g}); {what}.  [default: 30, or the config's]",
    )


@contextlib.contextmanager
def time_budget(seconds: float, path: str) -> Iterator[None]:
    """Raise TimeLimitError in this (main) thread when the body runs longer than ``seconds`` (a SIGALRM timer;
    where there is none, or off the main thread, the body runs unbounded)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    from .errors import TimeLimitError

    def expired(signum: int, frame: Any) -> None:
        raise TimeLimitError(
            f"{path}: timed out after {seconds:g} s and was stopped; the file may be malformed or pathologically "
            "complex: re-export it, or raise the limit with --time-limit",
            path=path,
        )

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- role profiles ---


@main.group()
def roles() -> None:
    """List and show the role profiles résumés are measured against.

    \b
    Examples:
      resume-check roles list
      resume-check roles show scrum-master
      resume-check roles show my-profile.yaml --format json
    """


def _load_roles(lexicon_paths: tuple[str, ...], extra: tuple[str, ...] = ()) -> Any:
    from .lexicon import load_lexicon
    from .targets.roles import load_profiles

    return load_profiles(load_lexicon(lexicon_paths), extra)


@roles.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lexicon_option
@guarded
def roles_list(fmt: str, lexicon_paths: tuple[str, ...]) -> None:
    """List the bundled role profiles: id, label, terms, certifications and titles.

    \b
    Examples:
      resume-check roles list
      resume-check roles list --format json
    """
    from .targets.roles import describe_profiles, profile_to_dict

    profiles = _load_roles(lexicon_paths)
    if fmt == "json":
        from .render.json import dumps

        click.echo(dumps({"profiles": [profile_to_dict(p) for p in profiles]}), nl=False)
    else:
        click.echo(describe_profiles(profiles), nl=False)


@roles.command("show")
@click.argument("ident", metavar="ID|PATH")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lexicon_option
@guarded
def roles_show(ident: str, fmt: str, lexicon_paths: tuple[str, ...]) -> None:
    """Show one role profile: titles, required and preferred terms with weights, category weights,
    certifications that count, expected impact dimensions, seniority and sources. A PATH is validated and shown.

    \b
    Examples:
      resume-check roles show it-project-manager
      resume-check roles show my-profile.yaml --format json
    """
    from .errors import LexiconError
    from .targets.roles import describe_profile, find_profile, is_profile_path, profile_to_dict

    own = (ident,) if is_profile_path(ident) else ()
    profiles = _load_roles(lexicon_paths, own)
    if own:
        found = next((p for p in profiles if not p.bundled and p.path == ident), None)
    else:
        found = find_profile(profiles, ident)
    if found is None:
        close = difflib.get_close_matches(ident, [p.id for p in profiles], n=3, cutoff=0.5)
        hint = f" Did you mean: {', '.join(close)}?" if close else " See: resume-check roles list"
        raise LexiconError(f"no role profile {ident!r}.{hint}")
    if fmt == "json":
        from .render.json import dumps

        click.echo(dumps(profile_to_dict(found)), nl=False)
    else:
        click.echo(describe_profile(found), nl=False)


def use_color(mode: str | bool, output: str | None, tty: bool | None = None) -> bool:
    """Whether to colour the report, as other command-line tools decide it.

    ``--color always`` / ``never`` decide alone (``--no-color`` is ``never``; a bool ``True`` means ``never`` too,
    for callers of the old signature). With ``auto``: ``NO_COLOR`` (non-empty) turns colour off, ``FORCE_COLOR``
    (non-empty, not "0") turns it on even into a pipe or a file, ``TERM=dumb`` turns it off; otherwise colour only
    when writing to a terminal (``tty``; default: whether stdout is one).
    """
    if mode is True or mode == "never":
        return False
    if mode == "always":
        return True
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    if os.environ.get("TERM") == "dumb" or output not in (None, "-"):
        return False
    return sys.stdout.isatty() if tty is None else tty


def terminal_width(output: str | None) -> int:
    """The width to lay the text report out for: ``COLUMNS`` when set, else the terminal's, else 80."""
    import shutil

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if output in (None, "-") and sys.stdout.isatty():
        return shutil.get_terminal_size((80, 24)).columns
    return 80


def color_options(func: F) -> F:
    """``--color auto|always|never`` and its older spelling ``--no-color`` (shared by check and batch)."""
    func = click.option(
        "--no-color", is_flag=True, help="No colour (the same as --color never; NO_COLOR and TERM=dumb also work)."
    )(func)
    return click.option(
        "--color",
        "color_mode",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="Colour the output: auto (a terminal, unless NO_COLOR or TERM=dumb; FORCE_COLOR forces it), "
        "always (e.g. into a pager: | less -R) or never.",
    )(func)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@format_option(REPORT, CI, help=f"Report format, or a CI format ({', '.join(CI_NAMES)}: one document for all FILEs).")
@output_option("Write the report to this file instead.")
@lexicon_option
@model_option
@color_options
@click.option("--verbose", "-v", is_flag=True, help="Text report: list every statement to improve and every finding.")
@config_option
@click.option("--fail-under", type=click.FloatRange(0, 100), help="Gate: fail (exit 1) when the score is below N.")
@click.option(
    "--min-severity",
    type=click.Choice(["info", "warning", "error"]),
    help="CI formats show findings at or above this level.  [default: warning, or the config's]",
)
@click.option(
    "--fail-level",
    type=click.Choice(["info", "warning", "error"]),
    help="Gate: fail on findings at or above this level.  [default: error, or the config's]",
)
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), help="Gate: fail on regressions.")
@click.option("--tolerance", type=click.FloatRange(min=0), help="Score points a baseline allows to be lost.  [0]")
@role_option
@time_limit_option("a file over the limit is an error (exit 3)")
@job_option("Match against this job posting (.txt, .md, .pdf, .docx, job.json): match rate, missing terms.")
@click.option(
    "--min-match", type=click.FloatRange(0, 100), help="Gate: fail (exit 1) when the job match rate is below N."
)
@ocr_option
@guarded
def check(
    files: tuple[str, ...],
    fmt: str,
    output: str | None,
    lexicon_paths: tuple[str, ...],
    model: str | None,
    no_color: bool,
    color_mode: str = "auto",
    verbose: bool = False,
    config_path: str | None = None,
    fail_under: float | None = None,
    min_severity: str | None = None,
    baseline_path: str | None = None,
    tolerance: float | None = None,
    fail_level: str | None = None,
    role: str | None = None,
    time_limit: float | None = None,
    job_path: str | None = None,
    min_match: float | None = None,
    ocr: bool | None = None,
) -> None:
    """Analyse résumé FILEs: score, keyword coverage, missing keywords, impact and ATS findings.

    Keywords are measured against a role profile: by default the one the résumé aims at, inferred from its
    headline, most recent title and summary (the report says which and why); choose one with --role.

    FILE may be .pdf, .docx, .txt, .md, .tex, .typ or .json (JSON Resume); "-" reads text from standard
    input. Several FILEs give one report each (a JSON array with --format json). Exit 0 when every file was analysed,
    3 when a file, lexicon or model could not be used.

    \b
    Examples:
      resume-check check cv.pdf
      resume-check check cv.docx --format html --output report.html
      resume-check check cv.pdf --lexicon my-terms.yaml --format json
      resume-check check cv.pdf --role scrum-master

    CI mode (with a CI format, a gate option, --config or a .resume-check.toml found above FILE):
    exit 0 pass, 1 the gate failed (score under --fail-under, a required term missing, a forbidden
    phrase, a finding at or above --fail-level, or a regression against --baseline), 3 bad input
    or config, 4 unexpected. CI formats show every finding at or above --min-severity and mark
    the ones that fail.

    \b
      resume-check check cv.md --fail-under 60 --format github
      resume-check check cv.md --baseline resume-check.baseline.json --tolerance 2

    With --job POSTING the report adds the match rate against that posting (0-100: required terms weigh more
    than preferred, and a term used in a quantified achievement counts more than one only listed), the missing
    required terms with the posting line asking for each, found terms with your line proving them, the title,
    years, certifications, education and knock-out lines to check. `resume-check explain` has the rule.

    \b
      resume-check check cv.pdf --job posting.md
      resume-check check cv.md --job posting.md --min-match 70
    """
    from .errors import InputError
    from .render import find_format, join_reports

    color = use_color("never" if no_color else color_mode, output)
    gate = wants_gate(
        fmt, files, config_path, fail_under, min_severity, fail_level, baseline_path, tolerance, min_match
    )
    if fmt in CI_NAMES:
        render = find_format(fmt, CI).load()
    else:
        chosen = find_format(fmt, REPORT)
        if not chosen.joinable and len(files) > 1:
            alternative = "a CI format" if gate else "`resume-check batch`"
            raise click.UsageError(f"--format {fmt} makes one page per résumé: give one FILE, or use {alternative}")
        render = chosen.load()
        if fmt == "text":
            render = functools.partial(render, width=terminal_width(output), verbose=verbose)
    if gate:
        from .ci.check import GateOptions, check_files

        options = GateOptions(
            config_path, fail_under, min_severity, fail_level, lexicon_paths, model, role, time_limit, job_path,
            min_match, baseline_path, tolerance or 0.0, ocr_mode(ocr),
        )  # fmt: skip
        run = check_files(files, options, start=start_engine, budget=time_budget, progress=ocr_progress)
        if fmt in CI_NAMES:
            emit(render(run.results, color=color), output, color, inputs=files)
        else:
            reports = [render(result.analysis, color=color) for result in run.results if result.analysis is not None]
            if reports:
                emit(join_reports(fmt, reports), output, color, inputs=files)
        report_gate(run, baseline_path, details=fmt not in CI_NAMES)
        sys.exit(run.exit_code)
    from .analysis import analyse_paths
    from .config import DEFAULT_TIME_LIMIT, Settings

    role_settings = {"role": role, "role_chosen_by": "option"} if role is not None else {}
    limit = DEFAULT_TIME_LIMIT if time_limit is None else time_limit
    settings = Settings(
        lexicons=lexicon_paths,
        model=model,
        time_limit=limit,
        job=job_path,
        ocr=ocr_mode(ocr),
        **role_settings,  # type: ignore[arg-type]
    )
    reports, code = [], ExitCode.OK
    for outcome in analyse_paths(files, start_engine(settings), budget=time_budget, progress=ocr_progress):
        if isinstance(outcome, InputError):
            say(f"resume-check: error: {outcome}")
            code = max(code, ExitCode(outcome.exit_code))
        else:
            reports.append(render(outcome, color=color))
    if reports:
        emit(join_reports(fmt, reports), output, color, inputs=files)
    sys.exit(code)


def report_gate(run: GateResult, baseline_path: str | None, *, details: bool) -> None:
    """Say on stderr which files the baseline lacks, which could not be analysed and which failed the gate (with
    each failure when ``details``: the report formats do not show them)."""
    from .escaping import display_path

    for file in run.unlisted:
        say(f"resume-check: note: {display_path(file)} is not in the baseline {baseline_path}; only the gate applies")
    for result in run.results:
        if result.error is not None:
            say(f"resume-check: error: {result.error}")
        elif not result.passed:
            say(f"resume-check: FAILED {result.path}: {len(result.failures)} gate failure(s)")
            if details:
                for failure in result.failures:
                    where = f":{failure.line}" if failure.line else ""
                    say(f"  {result.path}{where}: {failure.id}: {failure.message}")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@guarded
def explain(fmt: str) -> None:
    """Print the scoring rules, their weights and the algorithm version.

    Every point in a report's score comes from one of these rules.

    \b
    Examples:
      resume-check explain
      resume-check explain --format json
    """
    from .scoring import explain_dict, explain_text

    if fmt == "json":
        import json

        click.echo(json.dumps(explain_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(explain_text(), nl=False)


@main.command()
@click.argument("ident", metavar="[ID]", required=False)
@format_option(RULES, help=None)
@guarded
def rules(ident: str | None, fmt: str) -> None:
    """List every rule (finding id) with its severity and title, or show one rule's help and examples.

    \b
    Examples:
      resume-check rules
      resume-check rules impact.weak
      resume-check rules --format json
    """
    import difflib
    import json

    from .render import find_format
    from .rules import describe, load_rules, to_dict

    registry = load_rules()
    if ident is None:
        click.echo(find_format(fmt, RULES).load()(registry), nl=False)
        return
    rule = registry.find(ident)
    if rule is None:
        close = difflib.get_close_matches(ident, registry.ids(), n=3, cutoff=0.6)
        hint = f" Did you mean: {', '.join(close)}?" if close else " See: resume-check rules"
        raise click.BadParameter(f"no rule with id {ident!r}.{hint}", param_hint="ID")
    click.echo(
        json.dumps(to_dict(rule), ensure_ascii=False, indent=2) if fmt == "json" else describe(rule), nl=fmt == "json"
    )


# --- batch ---


# --- batch at scale: --engine dask, --format jsonl, --resume; `cohort` reads a JSONL back ---


def scale_options(func: F) -> F:
    """``--engine``, ``--scheduler``, ``--resume`` and ``--summary`` of ``batch``."""
    from .cohort.run import ENGINES

    options = [
        click.option(
            "--engine",
            type=click.Choice(ENGINES),
            default="local",
            show_default=True,
            help="local: worker processes on this machine; dask: a Dask cluster (needs the dask extra: "
            'pip install -e ".[dask]" in a checkout).',
        ),
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            help="With --engine dask: the scheduler of an existing cluster (tcp://host:8786); the files must be "
            "readable by its workers.  [default: start a local cluster of --workers processes]",
        ),
        click.option(
            "--resume",
            type=click.Path(dir_okay=False),
            metavar="FILE",
            help="With --format jsonl: append to FILE only the files it does not record yet (path + content hash).",
        ),
        click.option(
            "--summary",
            type=click.Path(dir_okay=False),
            metavar="FILE",
            help="With --format jsonl: also write the cohort summary (counts, scores, gaps) as JSON to FILE.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def check_scale_options(
    fmt: str,
    engine: str,
    scheduler: str | None,
    resume: str | None,
    summary: str | None,
    output: str | None,
    redact: bool,
) -> None:
    """Usage errors among the scale options (exit 2); the Dask engine without its extra is one too."""
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler names a Dask cluster: add --engine dask")
    if fmt not in STREAM_NAMES:
        for name, value in (("--resume", resume), ("--summary", summary)):
            if value:
                raise click.UsageError(f"{name} works with --format jsonl")
    elif redact:
        raise click.UsageError(
            "--format jsonl keeps the raw records (so --resume can match files): redact the report made from it, "
            "`resume-check cohort FILE --redact`"
        )
    if resume and output and os.path.abspath(resume) != os.path.abspath(output):
        raise click.UsageError("--resume FILE appends to FILE: leave out --output, or give the same file")
    if fmt in STREAM_NAMES and (not (resume or output) or output == "-"):
        raise click.UsageError("--format jsonl writes to a file: add --output FILE (or --resume FILE)")
    if engine == "dask":
        from .cohort.engines.dask import require_dask

        try:
            require_dask()
        except ResumeCheckError as err:
            click.echo(f"resume-check: error: {err}", err=True)
            sys.exit(ExitCode.USAGE)


def stream_batch(
    files: tuple[str, ...],
    settings: Settings,
    *,
    run: Callable[..., Any],
    output: str | None,
    resume: bool,
    summary: str | None,
    details: bool,
    quiet: bool,
) -> int:
    """``batch --format jsonl``: write each record as one line as it arrives (``run``: ``cohort.run.run_batch`` on
    the chosen engine); return the exit code."""
    from .cohort.batch import BatchInterrupted, BatchRecord
    from .cohort.stream import CohortSummary, JsonlWriter, open_resume, split_resume

    assert output is not None
    state = open_resume(output) if resume else None
    todo: list[str] = list(files)
    skipped = 0
    if state is not None:
        todo, skipped = split_resume(files, state)
        if state.truncated and not quiet:
            click.echo(f"resume-check: cut off a partial last line ({state.truncated} bytes) of {output}", err=True)
    accumulate = CohortSummary()
    worst = 0
    show_bar = not quiet and sys.stderr.isatty()
    bar = click.progressbar(length=len(todo), label="Analysing", file=sys.stderr) if show_bar and todo else None
    with open(output, "ab" if resume else "wb") as handle:
        writer = JsonlWriter(handle, details=details, summary=accumulate)
        if state is not None:
            writer.declared_terms.update(state.terms)
            writer.declared_categories.update(state.categories)

        def take(record: BatchRecord, sha256: str | None) -> None:
            nonlocal worst
            assert sha256 is not None
            writer.write(record, sha256)
            worst = max(worst, record.exit_code)
            if bar is not None:
                bar.update(1)

        try:
            with bar if bar is not None else contextlib.nullcontext():
                run(todo, settings, keep=False, with_sha256=True, on_record=take)
        except (BatchInterrupted, KeyboardInterrupt):
            click.echo(
                f"resume-check: interrupted: {writer.written} record(s) written to {output}; "
                f"run again with --resume {output} to finish",
                err=True,
            )
            return 130
    if summary:
        from .cohort.stream import latest_records, render_summary, summarise

        # the whole file's summary (a resumed run's earlier records too), read back line by line
        emit(render_summary(summarise(latest_records(output)) if resume else accumulate), summary)
    if not quiet:
        failed = accumulate.records - accumulate.analysed
        done = f"{accumulate.analysed} of {accumulate.records} résumé(s) analysed"
        click.echo(
            f"resume-check: {done}"
            + (f"; {failed} could not be analysed (see the error rows)" if failed else "")
            + (f"; {skipped} already recorded in {output}" if skipped else "")
            + f"; records in {output}",
            err=True,
        )
    return worst


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--workers", "-j", type=click.IntRange(min=1), help="Worker processes.  [default: number of cores]")
@format_option(
    COHORT, STREAM, default="csv", help="Output format (jsonl: one record per line, written as they arrive)."
)
@output_option("Write here (atomically) instead of stdout.")
@redact_option
@click.option(
    "--redact-salt",
    metavar="TEXT",
    help="With --redact: key pseudonyms with TEXT so they stay the same across runs (default: a new random key "
    "each run, so a pseudonym cannot be traced back to a file name). Keep TEXT secret.",
)
@click.option("--details", is_flag=True, help="With --format json: add each person's full analysis.")
@click.option("--recursive", "-r", is_flag=True, help="Descend into sub-folders (and let ** in globs match them).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary on stderr.")
@time_limit_option("a file over the limit becomes an error row")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True), help="Config file to use.")
@lexicon_option
@model_option
@color_options
@role_option
@job_option("Rank the cohort against this job posting (match rate); each worker reads it once.")
@scale_options
@ocr_option
@guarded
def batch(
    paths: tuple[str, ...],
    workers: int | None,
    fmt: str,
    output: str | None,
    redact: bool,
    redact_salt: str | None,
    details: bool,
    recursive: bool,
    quiet: bool,
    time_limit: float | None,
    config_path: str | None,
    lexicon_paths: tuple[str, ...],
    model: str | None = None,
    color_mode: str = "auto",
    no_color: bool = False,
    role: str | None = None,
    job_path: str | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    resume: str | None = None,
    summary: str | None = None,
    ocr: bool | None = None,
) -> None:
    """Analyse many résumés in parallel and write one cohort report: a row per person and the shared gaps.

    Each person is measured against the role they aim at (--role auto, the default) or the role given; the
    cohort report groups people by role and lists what each role's people most often miss.

    PATHS may be files, folders or globs. A file that cannot be analysed (unreadable, too slow, crashing)
    becomes an error row and the run goes on. Exit code: the worst among the files (0 all analysed,
    3 some unreadable or over the time limit, 4 an unexpected error); 130 when interrupted, after writing
    the finished rows.

    \b
    Examples:
      resume-check batch cohort/ --format csv --output cohort.csv
      resume-check batch 'cvs/**/*.pdf' --recursive --format html --redact -o cohort.html
      resume-check batch cohort/ --role scrum-master --format markdown
      resume-check batch cohort/ --job posting.md --format markdown
      resume-check batch /shared/cvs -r --engine dask --format jsonl -o results.jsonl
      resume-check batch /shared/cvs -r --engine dask --scheduler tcp://10.0.0.5:8786 --resume results.jsonl

    With --job the cohort is ranked by match rate against the posting (who is ready for this role), and the
    keywords most often missing are the posting's (what they all lack).

    With --format jsonl each file's record is one line, written as it arrives; --resume FILE appends to FILE
    only the files it does not already record (same path and content). `resume-check cohort FILE` makes the
    cohort report from it. With --engine dask the files must be readable by every worker (a shared file system).
    """
    import dataclasses

    from .ci.configfile import settings_for_batch
    from .cohort.batch import BatchInterrupted, expand_inputs, worst_exit_code
    from .cohort.run import run_batch
    from .cohort.summary import build_cohort
    from .errors import InputError
    from .escaping import display_path
    from .render import find_format

    if details and fmt not in ("json", *STREAM_NAMES):
        raise click.UsageError("--details adds full analyses to the JSON report: use it with --format json or jsonl")
    check_scale_options(fmt, engine, scheduler, resume, summary, output, redact)
    files, docs = expand_inputs(paths, recursive=recursive)
    if not files:
        names = ", ".join(os.path.basename(d) for d in docs)
        only_docs = f" (only documentation or tooling files: {names})" if docs else ""
        raise InputError(
            f"no résumé files found in {display_path(', '.join(paths))}{display_path(only_docs)}; check the paths "
            "(use --recursive for sub-folders; name a file explicitly to include it)"
        )
    if docs and not quiet:
        names = display_path(", ".join(os.path.basename(d) for d in docs[:5])) + (", ..." if len(docs) > 5 else "")
        say(f"resume-check: skipped {len(docs)} documentation or tooling file(s) ({names}); name a file to include it")
    settings = cached(
        settings_for_batch(config_path, files, time_limit=time_limit, lexicons=lexicon_paths, model=model, role=role)
    )
    # colour only touches the summary on stderr (the reports are files or data)
    mode = "never" if no_color else color_mode
    paint = use_color(mode, None, tty=sys.stderr.isatty())
    if job_path is not None:
        from .extract import read_input

        read_input(job_path)  # an unreadable posting is one error line (exit 3), not an error row per person
        settings = dataclasses.replace(settings, job=os.path.abspath(job_path))
    if ocr is not None:
        settings = dataclasses.replace(settings, ocr=ocr_mode(ocr))
    run = functools.partial(run_batch, engine=engine, scheduler=scheduler, workers=workers)
    if fmt in STREAM_NAMES:
        sys.exit(
            stream_batch(
                files,
                settings,
                run=run,
                output=resume or output,
                resume=resume is not None,
                summary=summary,
                details=details,
                quiet=quiet,
            )
        )
    module = find_format(fmt, COHORT).load_module()

    salt = redaction_salt(redact, redact_salt)

    def render(cohort_records: Any) -> str:
        cohort = build_cohort(cohort_records, redact=redact, salt=salt)
        if details:
            people = module.person_details(cohort_records, redact=redact, salt=salt)
            return str(module.render_cohort(cohort, details=people))
        return str(module.render_cohort(cohort))

    show_bar = not quiet and sys.stderr.isatty()
    bar = click.progressbar(length=len(files), label="Analysing", file=sys.stderr) if show_bar else None
    try:
        with bar if bar is not None else contextlib.nullcontext():
            tick = None if bar is None else (lambda record, sha256: bar.update(1))
            records = run(files, settings, on_record=tick)
    except BatchInterrupted as stop:
        emit(render(stop.records), output, inputs=files)
        say(f"resume-check: interrupted: wrote {len(stop.records)} finished row(s); {stop.remaining} file(s) left")
        sys.exit(130)
    emit(render(records), output, inputs=files)
    code = worst_exit_code(records)
    if not quiet:
        failed = sum(1 for r in records if r.error is not None)
        summary = f"resume-check: {len(records) - failed} of {len(records)} résumé(s) analysed" + (
            f"; {failed} could not be analysed (see the error rows)" if failed else ""
        )
        click.echo(click.style(summary, fg="yellow" if failed else "green") if paint else summary, err=True)
    sys.exit(code)


def redaction_salt(redact: bool, redact_salt: str | None) -> bytes:
    """The key of the pseudonyms: ``--redact-salt`` when given (stable across runs), else new random bytes."""
    if redact_salt is not None and not redact:
        raise click.UsageError("--redact-salt keys the pseudonyms of --redact: add --redact")
    return redact_salt.encode("utf-8", "surrogateescape") if redact_salt is not None else os.urandom(16)


@main.command()
@click.argument("results", type=click.Path(dir_okay=False, exists=True))
@format_option(
    COHORT,
    SUMMARY,
    default="html",
    help="Report format (summary: counts, score counts and gaps only, in bounded memory).",
)
@output_option("Write here (atomically) instead of stdout.")
@redact_option
@click.option("--redact-salt", metavar="TEXT", help="With --redact: key pseudonyms with TEXT (see `batch --help`).")
@guarded
def cohort(results: str, fmt: str, output: str | None, redact: bool, redact_salt: str | None) -> None:
    """Make the cohort report from a `batch --format jsonl` results file (the last record of each file counts).

    The report is the one `batch --format FORMAT` writes from the same records.

    \b
    Examples:
      resume-check cohort results.jsonl --format html -o cohort.html
      resume-check cohort results.jsonl --format summary
    """
    from .cohort.stream import cohort_from_jsonl, latest_records, render_summary, summarise
    from .render import find_format

    salt = redaction_salt(redact, redact_salt)
    if fmt in format_names(SUMMARY):
        if redact:
            raise click.UsageError("the summary names nobody: leave out --redact")
        emit(render_summary(summarise(latest_records(results))), output)
        return
    emit(str(find_format(fmt, COHORT).load()(cohort_from_jsonl(results, redact=redact, salt=salt))), output)


# --- init / baseline ---


def wants_gate(fmt: str, files: tuple[str, ...], config_path: str | None, *options: Any) -> bool:
    """CI mode is on with a CI format, a gate option, --config, or a config file found above a FILE."""
    from .ci.check import config_folder
    from .ci.configfile import find_config

    if fmt in CI_NAMES or config_path or any(o is not None for o in options):
        return True
    return any(find_config(config_folder(f)) for f in files)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@output_option("Baseline file to write (atomically).", default="resume-check.baseline.json")
@config_option
@lexicon_option
@guarded
def baseline(files: tuple[str, ...], output: str, config_path: str | None, lexicon_paths: tuple[str, ...]) -> None:
    """Record the score, found terms, findings and quantified statements of FILEs as a baseline to commit.

    `resume-check check FILE --baseline PATH` then fails (exit 1) when the score drops by more than
    --tolerance, a found term disappears, a new finding appears, or a quantified statement is lost.
    Files are keyed by their path relative to the baseline's folder. The file is rewritten for FILEs.

    \b
    Example:
      resume-check baseline cv.md --output resume-check.baseline.json
      git add resume-check.baseline.json
    """
    from .ci.check import record_baseline

    text, count = record_baseline(files, output, config_path=config_path, lexicons=lexicon_paths, start=start_engine)
    emit(text, output, inputs=files)
    say(f"resume-check: wrote the baseline of {count} file(s) to {output}")


@main.command()
@click.option(
    "--path",
    "folder",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help="Folder to write .resume-check.toml in.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing .resume-check.toml.")
@guarded
def init(folder: str, force: bool) -> None:
    """Write a commented starter .resume-check.toml (fail_under, min_severity, terms, rules, overrides).

    \b
    Example:
      resume-check init
      resume-check check cv.md        # now gated by the config
    """
    from .ci.configfile import CONFIG_NAME, STARTER
    from .errors import ConfigError

    target = os.path.join(folder, CONFIG_NAME)
    if os.path.exists(target) and not force:
        raise ConfigError(f"{target} already exists; edit it, or run `resume-check init --force` to replace it")
    emit(STARTER, target)
    say(f"resume-check: wrote {target}")


# --- cache (start-up speed) ---


@main.command("cache")
@click.option("--clear", is_flag=True, help="Delete every cached entry.")
@guarded
def cache_command(clear: bool) -> None:
    """Show (or --clear) the cache of compiled lexicons that makes start-up fast.

    The first run with a lexicon compiles its matchers and caches them; later runs load them in a fraction of
    that time. Entries are keyed on the packs' contents and the versions of resume-check, spaCy and
    spacy-lookups-data, so an edited pack or an upgrade is never served stale. The cache holds lexicon data
    only, never résumé text. Set RESUME_CHECK_CACHE_DIR to move it, or to an empty value to switch it off.
    """
    from .runtime import cache

    folder = default_cache_dir()
    if folder is None:
        click.echo("cache: off (RESUME_CHECK_CACHE_DIR is empty)")
        return
    if clear:
        click.echo(f"cache: {folder}: removed {cache.clear(folder)} entries")
        return
    found = cache.entries(folder)
    size = sum(p.stat().st_size for p in found)
    click.echo(f"cache: {folder}: {len(found)} entries, {size / 1024:.0f} KiB")
