"""Issue 15: per-file time limits (check and batch, CLI and config) are finite, positive and bounded; check
enforces its limit in process (exit 3, one line)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from resume_check.ci.configfile import load_config
from resume_check.cli import main
from resume_check.config import MAX_TIME_LIMIT, Settings
from resume_check.errors import ConfigError

ALEX_TEXT = (SAMPLES / "alex-morgan.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e308", "0", "-1", str(MAX_TIME_LIMIT * 2), "soon"])
@pytest.mark.parametrize("command", ["check", "batch"])
def test_bad_time_limit_on_the_command_line_is_a_usage_error(cv: Path, command: str, value: str) -> None:
    result = CliRunner().invoke(main, [command, str(cv), "--time-limit", value])
    assert result.exit_code == 2, result.output
    assert "--time-limit" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e308", "0", "-5", "true", '"10"'])
def test_bad_time_limit_in_a_config_is_exit_3_naming_the_key(cv: Path, tmp_path: Path, value: str) -> None:
    config = tmp_path / ".resume-check.toml"
    config.write_text(f"time_limit = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="time_limit"):
        load_config(config)
    for command in (["check", str(cv)], ["batch", str(cv), "--config", str(config), "-q"]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 3, (command, result.output)
        assert result.stderr.count("\n") == 1 and "time_limit" in result.stderr
        assert result.stdout == ""


@pytest.mark.parametrize("value", [float("inf"), float("nan"), 0.0, -1.0, 1e308])
def test_settings_refuse_a_bad_time_limit(value: float) -> None:
    with pytest.raises(ConfigError, match="time_limit"):
        Settings(time_limit=value)


def test_a_good_time_limit_is_accepted(cv: Path) -> None:
    assert Settings(time_limit=MAX_TIME_LIMIT).time_limit == MAX_TIME_LIMIT
    result = CliRunner().invoke(main, ["check", str(cv), "--time-limit", "60"])
    assert result.exit_code == 0, result.output


def test_check_enforces_its_time_limit_with_one_line(cv: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import resume_check.analysis as analysis

    real = analysis.analyse_document

    def slow(document, engine, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "slow" in document.source.path:
            time.sleep(5)
        return real(document, engine, *args, **kwargs)

    monkeypatch.setattr(analysis, "analyse_document", slow)
    slow_cv = cv.with_name("slow.txt")
    slow_cv.write_text(ALEX_TEXT, encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["check", str(slow_cv), str(cv), "--time-limit", "0.5"])
    assert time.monotonic() - started < 4.5
    assert result.exit_code == 3, result.output
    assert result.stderr.splitlines() == [
        f"resume-check: error: {slow_cv}: timed out after 0.5 s and was stopped; the file may be malformed or "
        "pathologically complex: re-export it, or raise the limit with --time-limit"
    ]
    assert result.stdout.startswith("resume-check")  # the other file's report is still written


def test_check_in_ci_mode_takes_the_time_limit_from_the_config(
    cv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    import resume_check.analysis as analysis

    real = analysis.analyse_document

    def slow(document, engine, *args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(5)
        return real(document, engine, *args, **kwargs)

    monkeypatch.setattr(analysis, "analyse_document", slow)
    (tmp_path / ".resume-check.toml").write_text("time_limit = 0.5\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(cv), "--format", "line"])
    assert result.exit_code == 3, result.output
    assert "timed out after 0.5 s" in result.stderr


# --------------------------------------------------------------------------------------------- orphaned workers

ORPHAN_SCRIPT = """
import sys, time
sys.path.insert(0, {tests!r})
from test_hardening_limits import pid_build, pid_analyse
from resume_check.cohort.batch import analyse_many
if __name__ == "__main__":
    analyse_many({files!r}, workers=2, analyse=pid_analyse, build=pid_build)
"""


def pid_build(settings: object) -> dict[str, int]:
    return {}


def pid_analyse(path: str, settings: object, engine: object) -> object:
    """A worker that says who it is (its pid in ``path``.pid), then works for a long time."""
    import os
    import time

    Path(path + ".pid").write_text(str(os.getpid()))
    time.sleep(300)
    raise AssertionError("never reached")


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with contextlib.suppress(OSError):  # a zombie is dead: reaped by init soon
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
        return state != "Z"
    return True


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_batch_workers_die_with_their_parent_without_tracebacks(tmp_path: Path, how: str) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    files = [str(tmp_path / f"cv{k}.txt") for k in range(2)]
    for f in files:
        Path(f).write_text(ALEX_TEXT, encoding="utf-8")
    script = tmp_path / "batch_script.py"
    script.write_text(ORPHAN_SCRIPT.format(tests=str(Path(__file__).parent), files=files), encoding="utf-8")
    log = tmp_path / "stderr.txt"
    with log.open("wb") as err:
        parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.DEVNULL, stderr=err, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 120
        while not all(Path(f + ".pid").exists() for f in files):
            assert time.monotonic() < deadline and parent.poll() is None, log.read_text()
            time.sleep(0.2)
        time.sleep(0.2)
        workers = [int(Path(f + ".pid").read_text()) for f in files]
        assert all(_alive(pid) for pid in workers)
        parent.send_signal(getattr(signal, how))
        parent.wait(30)
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(pid) for pid in workers), "a worker outlived its parent"
        time.sleep(0.5)
        stderr = log.read_text()
        assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
    finally:
        if parent.poll() is None:
            parent.kill()
        for f in files:
            with contextlib.suppress(Exception):
                os.kill(int(Path(f + ".pid").read_text()), signal.SIGKILL)


# --------------------------------------------------------------------------------------------- the README's table


def test_the_readme_limits_table_states_the_limits_the_code_enforces() -> None:
    from resume_check import budgets, lexicon
    from resume_check.config import DEFAULT_MAX_BYTES, DEFAULT_TIME_LIMIT
    from resume_check.extract import docx, pdf, pdf_budget, pdf_chars

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Limits", 1)[1].split("\n\n")[2]
    rows = {line.split("|")[1].strip(): line.split("|")[2] for line in table.splitlines()[2:]}

    def mib(n: int) -> str:
        return f"{n // (1024 * 1024)} MiB"

    assert mib(DEFAULT_MAX_BYTES) in rows["résumé file"]
    assert f"{pdf.MAX_PAGES} pages" in rows["PDF pages"]
    assert f"{pdf_chars.MAX_PAGE_CHARS:,} per page" in rows["PDF characters"]
    assert f"{pdf_chars.MAX_PAGE_SIDE:,.0f} points a side" in rows["PDF page size"]
    inflated = rows["PDF streams, decoded (counted while decoding, not from declared sizes; see below)"]
    assert mib(pdf_budget.MAX_CONTENT_INFLATED) in inflated and mib(pdf_budget.MAX_FONT_INFLATED) in inflated
    assert f"{pdf_budget.MAX_DEFLATE_RATIO}:1 for deflate" in inflated
    assert "dictionary or filter list cannot be read with certainty is refused" in inflated
    package = rows["DOCX package"]
    assert f"{docx.MAX_MEMBERS:,} parts" in package and mib(docx.MAX_TOTAL_UNCOMPRESSED) in package
    assert f"{docx.MAX_RATIO}:1" in package and mib(docx.RATIO_FLOOR) in package
    text = rows["text"]
    assert f"{budgets.MAX_LINE_CHARS:,} characters per line" in text
    assert f"{budgets.MAX_DOCUMENT_CHARS:,} characters per résumé" in text
    assert f"{DEFAULT_TIME_LIMIT:g} s per file" in rows["time"] and f"{MAX_TIME_LIMIT:,.0f} s" in rows["time"]
    assert (
        mib(budgets.MAX_CONFIG_BYTES) in rows["config file"] and f"{budgets.MAX_TOML_DEPTH} deep" in rows["config file"]
    )
    pack = rows["lexicon pack"]
    assert mib(lexicon.MAX_PACK_BYTES) in pack and f"{lexicon.MAX_EXPANDED_NODES:,} YAML values" in pack
    assert f"up to {lexicon.MAX_FORM_LENGTH} characters" in pack
    patterns = rows["lexicon token patterns"]
    assert (
        f"{lexicon.MAX_PATTERNS_PER_TERM} patterns" in patterns and f"{lexicon.MAX_PATTERN_TOKENS} tokens" in patterns
    )
    assert f"at most {lexicon.MAX_PATTERN_REPEAT}" in patterns and f"{lexicon.MAX_REGEX_LENGTH} characters" in patterns
