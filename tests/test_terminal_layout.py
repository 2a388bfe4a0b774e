"""The terminal report follows the terminal: width from COLUMNS or the terminal, wrapped (never cut) advice, colour
the way other CLIs decide it (NO_COLOR, FORCE_COLOR, TERM=dumb, --color), and --verbose."""

from __future__ import annotations

import functools
import re

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_check.cli import main, terminal_width, use_color
from resume_check.models import Analysis
from resume_check.render import terminal
from resume_check.render.common import display_width

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@functools.lru_cache(maxsize=1)
def sample() -> Analysis:
    from resume_check.analysis import analyse_path

    return analyse_path(SAMPLES / "alex-morgan.pdf")


def widest(text: str) -> int:
    return max(display_width(ANSI.sub("", line)) for line in text.splitlines())


@settings(max_examples=40, deadline=None)
@given(width=st.integers(min_value=terminal.MIN_WIDTH, max_value=terminal.MAX_WIDTH), color=st.booleans())
def test_every_line_fits_the_width(width: int, color: bool) -> None:
    out = terminal.render(sample(), width=width, color=color, verbose=True)
    assert widest(out) <= width


def test_width_is_clamped() -> None:
    assert widest(terminal.render(sample(), width=20)) <= terminal.MIN_WIDTH
    assert terminal.clamp_width(500) == terminal.MAX_WIDTH and terminal.clamp_width(10) == terminal.MIN_WIDTH


def words(text: str) -> str:
    return " ".join(ANSI.sub("", text).split())


def test_advice_wraps_and_is_never_cut() -> None:
    analysis = sample()
    for width in (60, 80, 140):
        out = words(terminal.render(analysis, width=width, verbose=True))
        improvable = [s for s in analysis.impact.statements if s.verdict != "strong" and s.suggestion]
        assert improvable
        for statement in improvable:
            assert words(statement.suggestion) in out, (width, statement.line)
            assert words(statement.text) in out


def test_verbose_lists_every_statement_to_improve() -> None:
    analysis = sample()
    improvable = [s for s in analysis.impact.statements if s.verdict != "strong"]
    short = terminal.render(analysis)
    long = terminal.render(analysis, verbose=True)
    shown = [s for s in improvable if f"line {s.line}:" in long]
    assert len(shown) == len(improvable) > terminal.MAX_WEAKEST
    assert sum(f"line {s.line}:" in short for s in improvable) == terminal.MAX_WEAKEST
    assert "--verbose lists them all" in short and "--verbose lists them all" not in long


@pytest.mark.parametrize(
    ("env", "mode", "tty", "expected"),
    [
        ({}, "auto", True, True),
        ({}, "auto", False, False),
        ({"NO_COLOR": "1"}, "auto", True, False),
        ({"TERM": "dumb"}, "auto", True, False),
        ({"FORCE_COLOR": "1"}, "auto", False, True),
        ({"FORCE_COLOR": "0"}, "auto", False, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, "auto", False, False),
        ({"NO_COLOR": "1", "TERM": "dumb"}, "always", False, True),
        ({"FORCE_COLOR": "1"}, "never", True, False),
    ],
)
def test_colour_is_decided_as_other_clis_do(monkeypatch, env, mode, tty, expected) -> None:  # type: ignore[no-untyped-def]
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert use_color(mode, None, tty=tty) is expected


def test_width_comes_from_columns(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "72")
    assert terminal_width(None) == 72
    monkeypatch.setenv("COLUMNS", "wide")
    assert terminal_width("report.txt") == 80


def test_cli_width_colour_and_verbose() -> None:
    pdf = str(SAMPLES / "alex-morgan.pdf")
    runner = CliRunner()
    narrow = runner.invoke(main, ["check", pdf], env={"COLUMNS": "60", "FORCE_COLOR": None, "NO_COLOR": None})
    assert narrow.exit_code == 0 and widest(narrow.output) <= 60 and "\x1b[" not in narrow.output
    wide = runner.invoke(main, ["check", pdf], env={"COLUMNS": "300"})
    assert widest(wide.output) <= terminal.MAX_WIDTH and len(wide.output.splitlines()) < len(narrow.output.splitlines())
    forced = runner.invoke(main, ["check", pdf], env={"FORCE_COLOR": "1", "NO_COLOR": None})
    assert "\x1b[" in forced.output
    assert "\x1b[" in runner.invoke(main, ["check", pdf, "--color", "always"], env={"NO_COLOR": "1"}).output
    never = runner.invoke(main, ["check", pdf, "--color", "always", "--no-color"])
    assert "\x1b[" not in never.output
    verbose = runner.invoke(main, ["check", pdf, "-v"], env={"COLUMNS": "80"})
    assert verbose.exit_code == 0 and len(verbose.output) > len(runner.invoke(main, ["check", pdf]).output)


def test_batch_accepts_model_and_colour_like_check(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "cohort"
    folder.mkdir()
    (folder / "cv.md").write_text((SAMPLES / "alex-morgan.md").read_text("utf-8"), encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(main, ["batch", str(folder), "--format", "csv", "--color", "never", "-j", "1"])
    assert ok.exit_code == 0, ok.output
    missing = runner.invoke(main, ["batch", str(folder), "--model", "no_such_pipeline_xyz", "-j", "1", "-q"])
    assert missing.exit_code == 3
    assert "no_such_pipeline_xyz" in missing.output and "Traceback" not in missing.output
