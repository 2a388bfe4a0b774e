"""Click command line: parse options, build Settings, call the library, render, write, exit.

Only this module prints or exits. Exit codes (``ExitCode``): 0 passed, 1 a gate failed, 2 usage,
3 bad input, lexicon or config, 4 unexpected error.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import IntEnum
from typing import Any, TypeVar

import click

from . import __version__
from .errors import ResumeCheckError

F = TypeVar("F", bound=Callable[..., Any])


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
            click.echo(f"resume-check: error: {err}", err=True)
            sys.exit(err.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("resume-check: interrupted", err=True)
            sys.exit(130)
        except Exception as err:
            if os.environ.get("RESUME_CHECK_DEBUG"):
                raise
            click.echo(
                f"resume-check: unexpected error: {type(err).__name__}: {err}\n"
                "This is a bug. Run again with RESUME_CHECK_DEBUG=1 for the traceback and report it.",
                err=True,
            )
            sys.exit(ExitCode.UNEXPECTED)

    return wrapper  # type: ignore[return-value]


def emit(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` atomically (temporary file, then rename), or to stdout."""
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    from .atomic import write_atomic

    write_atomic(output, text)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="resume-check")
def main() -> None:
    """Offline, explainable résumé analyser for IT project managers.

    \b
    Examples:
      resume-check check cv.pdf
      resume-check extract cv.docx --format json
      resume-check batch cohort/ --format csv --output cohort.csv
    """


# Commands are registered below, one block per command. Keep each body short:
# parse -> Settings -> library -> render -> echo -> exit.

# --- extract (issue 2) ---


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format."
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to this file instead.")
@guarded
def extract(file: str, fmt: str, output: str | None) -> None:
    """Show what was read from FILE: sections, lines, bullets, contact fields and warnings.

    This is what an applicant-tracking system reads. FILE may be .pdf, .docx, .txt, .md, .tex or .typ;
    "-" reads text from standard input.

    \b
    Example:
      resume-check extract cv.pdf
      resume-check extract cv.docx --format json
    """
    from .extract import extract as extract_document
    from .structure import build_resume

    resume = build_resume(extract_document(file))
    if fmt == "json":
        import json

        from .render.json import document_to_dict

        text = json.dumps(document_to_dict(resume), ensure_ascii=False, indent=2) + "\n"
    else:
        from .render.extract import render as render_extract

        text = render_extract(resume)
    emit(text, output)

# --- lexicons (issue 3) ---


def lexicon_option(func: F) -> F:
    """``--lexicon PATH`` (repeatable): extra lexicon packs loaded after the bundled ones."""
    return click.option(
        "--lexicon",
        "lexicon_paths",
        multiple=True,
        type=click.Path(dir_okay=False),
        metavar="PATH",
        help="Also load this lexicon pack (YAML). Repeatable.",
    )(func)


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
    problems = check_examples(build_matcher(build_nlp(), lexicon), own)
    if problems:
        shown = "\n  ".join(problems[:20]) + (f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else "")
        raise LexiconError(
            f"{len(problems)} example(s) behave wrongly; fix the term's forms or patterns, or the example:\n  {shown}"
        )
    click.echo(f"OK: {len(own)} terms")


# --- check / explain (issues 3-5) ---

#: report formats of `check` (the CI formats come with the gate options)
CHECK_FORMATS = ("text", "json", "markdown", "html")
#: what separates the reports of several files
REPORT_SEPARATORS = {"text": "\n" + "=" * 79 + "\n\n", "markdown": "\n---\n\n"}


def use_color(no_color: bool, output: str | None) -> bool:
    """Colour only on a terminal, never into a file, and not with --no-color or NO_COLOR set."""
    if no_color or os.environ.get("NO_COLOR") or output not in (None, "-"):
        return False
    return sys.stdout.isatty()


def join_reports(fmt: str, reports: list[str]) -> str:
    """One report as is; several: a JSON array, or text/Markdown reports with a separator between."""
    if len(reports) == 1:
        return reports[0]
    if fmt == "json":
        import json

        return json.dumps([json.loads(r) for r in reports], ensure_ascii=False, indent=2) + "\n"
    return REPORT_SEPARATORS[fmt].join(reports)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--format", "fmt", type=click.Choice(CHECK_FORMATS), default="text", show_default=True, help="Report format."
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file instead.")
@click.option("--lexicon", "lexicons", multiple=True, metavar="PATH", help="Add a lexicon pack (repeatable).")
@click.option("--model", metavar="NAME", help="Use an installed trained spaCy pipeline instead of blank English.")
@click.option("--no-color", is_flag=True, help="No colour (also when NO_COLOR is set or output is not a terminal).")
@guarded
def check(
    files: tuple[str, ...], fmt: str, output: str | None, lexicons: tuple[str, ...], model: str | None, no_color: bool
) -> None:
    """Analyse résumé FILEs: score, keyword coverage, missing keywords, impact and ATS findings.

    FILE may be .pdf, .docx, .txt, .md, .tex or .typ ("-" reads text from standard input). Several
    FILEs give one report each (a JSON array with --format json). Exit 0 when every file was analysed,
    3 when a file, lexicon or model could not be used.

    \b
    Examples:
      resume-check check cv.pdf
      resume-check check cv.docx --format html --output report.html
      resume-check check cv.pdf --lexicon my-terms.yaml --format json
    """
    from .analysis import analyse_paths, build_engine
    from .config import Settings
    from .render import renderer

    if fmt == "html" and len(files) > 1:
        raise click.UsageError("--format html makes one page per résumé: give one FILE, or use `resume-check batch`")
    engine = build_engine(Settings(lexicons=lexicons, model=model))
    render = renderer(fmt).render
    color = use_color(no_color, output)
    reports, code = [], ExitCode.OK
    for result in analyse_paths(files, engine):
        if isinstance(result, ResumeCheckError):
            click.echo(f"resume-check: error: {result}", err=True)
            code = max(code, ExitCode(result.exit_code))
        else:
            reports.append(render(result, color=color))
    if reports:
        emit(join_reports(fmt, reports), output)
    sys.exit(code)


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


# --- batch (issue 6) ---

# --- init / baseline (issue 7) ---
