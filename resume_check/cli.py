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

# --- lexicons (issue 3) ---

# --- check / explain (issues 3-5) ---

# --- batch (issue 6) ---

# --- init / baseline (issue 7) ---
