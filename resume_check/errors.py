"""Typed exceptions: every failure the library can raise, each with a message that says what, where and how to fix."""

from __future__ import annotations


class ResumeCheckError(Exception):
    """Base class. ``str(err)`` is a complete one-line message for the user."""

    #: the exit-code class the CLI maps this error to (see ``cli.ExitCode``)
    exit_code: int = 4


class InputError(ResumeCheckError):
    """The input file cannot be analysed: unreadable, unsupported, encrypted, empty, too large."""

    exit_code = 3

    def __init__(self, message: str, *, path: str | None = None, warning_id: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        #: a stable dotted id when the error corresponds to a warning id (e.g. ``text.no-text-layer``)
        self.warning_id = warning_id


class ExtractionError(InputError):
    """Text could not be extracted from a file that looked valid."""


class LexiconError(ResumeCheckError):
    """A lexicon pack is malformed: names the file, the entry and the fix."""

    exit_code = 3


class ConfigError(ResumeCheckError):
    """A configuration file or value is invalid: names the file, the key and the fix."""

    exit_code = 3


class TimeLimitError(InputError):
    """Analysing one file took longer than the per-file time limit."""


class OutputError(ResumeCheckError):
    """The report cannot or must not be written where asked: a device, a folder, the input file, a full disk."""

    exit_code = 3
