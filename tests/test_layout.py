"""The package layout: the format registry behind every --format, the thin CLI, the CI library entry point
(ci.check_files), the runtime switch (RESUME_CHECK_RUNTIME=off gives the same output), and the public API."""

from __future__ import annotations

import gc
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

import resume_check
from resume_check import render
from resume_check.analysis import build_engine
from resume_check.ci.check import GateOptions, check_files, record_baseline, reuse_engines
from resume_check.cli import main
from resume_check.config import Settings
from resume_check.runtime import switched_off, tuned
from resume_check.runtime.gcpolicy import engine_start_up
from resume_check.runtime.tokenizer import ChunkTokenizer

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "resume_check" / "cli.py"
ALEX_MD = str(SAMPLES / "alex-morgan.md")
ALEX_PDF = str(SAMPLES / "alex-morgan.pdf")
SAM = str(SAMPLES / "sam-taylor.txt")
#: the run's date in JUnit and SARIF output (differs between two runs)
DATE = re.compile(r"\b20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    return build_engine()


# --------------------------------------------------------------------------------------------- format registry


def _choices(*command: str) -> tuple[str, ...]:
    group = main
    for name in command:
        group = group.commands[name]  # type: ignore[attr-defined]
    (option,) = [p for p in group.params if p.name == "fmt"]
    return tuple(option.type.choices)  # type: ignore[attr-defined]


def test_every_format_choice_comes_from_the_registry() -> None:
    assert _choices("check") == ("text", "json", "markdown", "html", "line", "github", "sarif", "junit")
    assert _choices("check") == render.format_names(render.REPORT, render.CI)
    assert _choices("batch") == render.format_names(render.COHORT, render.STREAM)
    assert _choices("batch") == ("csv", "json", "markdown", "html", "jsonl")
    assert _choices("cohort") == render.format_names(render.COHORT, render.SUMMARY)
    assert _choices("extract") == render.format_names(render.EXTRACT) == ("text", "json")
    assert _choices("job") == render.format_names(render.POSTING) == ("text", "json")


def test_every_registered_format_names_a_function_that_exists() -> None:
    seen = set()
    for fmt in render.FORMATS:
        assert callable(fmt.load()), fmt
        assert fmt.media_type and fmt.extension.startswith("."), fmt
        assert (fmt.name, fmt.kind) not in seen, fmt
        seen.add((fmt.name, fmt.kind))
    modules = {f.module.removeprefix("render.") for f in render.FORMATS if f.module.startswith("render.")}
    helpers = {"__init__", "common"}
    on_disk = {p.stem for p in (ROOT / "resume_check" / "render").glob("*.py")} - helpers
    assert on_disk == modules, "every render module is a registered format"


def test_cli_has_no_format_name_literals() -> None:
    """Format names are the registry's; the CLI names none of them itself, except the format a command picks by
    default (``default="csv"``) and "text" and "json", which explain and roles also offer."""
    source = CLI.read_text(encoding="utf-8")
    names = {f.name for f in render.FORMATS} - {"text", "json"}
    assert len(names) >= 9
    for name in sorted(names):
        assert not re.search(rf"(?<!default=)[\"']{name}[\"']", source), name
    assert "click.Choice((" not in source and "COHORT_FORMATS" not in source and "CHECK_FORMATS" not in source


@pytest.mark.parametrize("fmt", render.format_names(render.REPORT, render.CI))
def test_check_accepts_and_renders_every_registered_format(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"report{render.find_format(fmt, render.REPORT, render.CI).extension}"
    result = CliRunner().invoke(main, ["check", ALEX_MD, "--format", fmt, "--output", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "alex-morgan.md" in text or "Alex Morgan" in text, fmt
    if render.find_format(fmt, render.REPORT, render.CI).media_type.endswith("json"):
        json.loads(text)


@pytest.mark.parametrize("fmt", render.format_names(render.COHORT))
def test_cohort_accepts_and_renders_every_registered_format(fmt: str, tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    made = CliRunner().invoke(main, ["batch", ALEX_MD, SAM, "-j", "1", "-q", "--format", "jsonl", "-o", str(results)])
    assert made.exit_code == 0, made.output
    for wanted in (fmt, *render.format_names(render.SUMMARY)):
        result = CliRunner().invoke(main, ["cohort", str(results), "--format", wanted])
        assert result.exit_code == 0, result.output
        assert "alex-morgan.md" in result.stdout or '"people_total": 2' in result.stdout, wanted


def test_join_reports() -> None:
    assert render.join_reports("text", ["a"]) == "a"
    assert render.join_reports("markdown", ["a", "b"]) == "a\n---\n\nb"
    assert json.loads(render.join_reports("json", ['{"a": 1}\n', '{"b": 2}\n'])) == [{"a": 1}, {"b": 2}]
    with pytest.raises(ValueError, match="one document per résumé"):
        render.join_reports("html", ["<p>", "<p>"])


# --------------------------------------------------------------------------------------------- ci.check_files


def test_check_files_gates_each_file_and_gives_the_exit_code(tmp_path: Path) -> None:
    missing = str(tmp_path / "gone.md")
    run = check_files((ALEX_MD, SAM, missing), GateOptions(fail_under=50))
    alex, sam, gone = run.results
    assert alex.passed and alex.score is not None and alex.score >= 50
    assert not sam.passed and [f.id for f in sam.failures] == ["gate.score"]
    assert gone.error is not None and "gone.md" in gone.error and gone.error_code == 3
    assert run.exit_code == 3 and run.unlisted == ()
    assert check_files((ALEX_MD, SAM), GateOptions(fail_under=50)).exit_code == 1
    assert check_files((ALEX_MD,), GateOptions(fail_under=50)).exit_code == 0


def test_check_files_compares_with_a_baseline_and_lists_files_it_lacks(tmp_path: Path) -> None:
    path = tmp_path / "base.json"
    text, count = record_baseline((ALEX_MD,), str(path))
    path.write_text(text, encoding="utf-8")
    assert count == 1 and json.loads(text)["files"]
    run = check_files((ALEX_MD, SAM), GateOptions(baseline_path=str(path)))
    assert run.results[0].passed and run.unlisted == (SAM,)


def test_reuse_engines_builds_once_per_lexicon_model_role_and_job() -> None:
    built: list[Settings] = []

    def start(settings: Settings) -> object:
        built.append(settings)
        return build_engine(settings)

    engine_for = reuse_engines(start)  # type: ignore[arg-type]
    first = engine_for(Settings(fail_under=10))
    second = engine_for(Settings(fail_under=90))
    assert len(built) == 1 and first.settings.fail_under == 10 and second.settings.fail_under == 90
    engine_for(Settings(role="lexicon"))
    assert len(built) == 2


# --------------------------------------------------------------------------------------------- runtime switch


def _outputs(env: dict[str, str]) -> dict[str, str]:
    runner = CliRunner(env=env)
    out: dict[str, str] = {}
    for file in (ALEX_MD, ALEX_PDF):
        for fmt in render.format_names(render.REPORT, render.CI):
            result = runner.invoke(main, ["check", file, "--format", fmt])
            out[f"{file} {fmt}"] = f"{result.exit_code}\n{DATE.sub('<DATE>', result.stdout)}"
        result = runner.invoke(main, ["extract", file, "--format", "json"])
        out[f"{file} extract"] = f"{result.exit_code}\n{result.stdout}"
    result = runner.invoke(main, ["batch", ALEX_MD, SAM, "-j", "1", "-q", "--format", "json", "--details"])
    out["batch"] = f"{result.exit_code}\n{result.stdout}"
    return out


def test_runtime_switch_off_gives_the_same_output(monkeypatch: pytest.MonkeyPatch) -> None:
    import resume_check.runtime.jsonenc as jsonenc

    calls: list[int] = []
    real = jsonenc.dumps
    monkeypatch.setattr(jsonenc, "dumps", lambda data: calls.append(1) or real(data))
    on = _outputs({"RESUME_CHECK_RUNTIME": "on"})
    assert calls, "with the switch on the reports use the direct JSON encoder"
    calls.clear()
    off = _outputs({"RESUME_CHECK_RUNTIME": "off"})
    assert calls == [], "with the switch off the direct JSON encoder is not used"
    assert off == on
    assert all(text.startswith("0\n") for text in on.values())


def test_runtime_switch_turns_each_tuning_off() -> None:
    assert isinstance(build_engine(Settings()).nlp.tokenizer, ChunkTokenizer)
    plain = build_engine(Settings(tuned=False, cache_dir="/nonexistent/never-written"))
    assert not isinstance(plain.nlp.tokenizer, ChunkTokenizer)
    assert not plain.matcher.stats.from_cache
    assert tuned()
    with switched_off():
        assert not tuned()
    assert tuned()
    before = gc.get_threshold()
    with engine_start_up(False):
        pass
    assert gc.get_threshold() == before


def test_cli_passes_the_switch_down_as_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    from resume_check.cli import cached

    monkeypatch.setenv("RESUME_CHECK_RUNTIME", "off")
    off = cached(Settings())
    assert not off.tuned and off.cache_dir is None
    monkeypatch.delenv("RESUME_CHECK_RUNTIME")
    assert cached(Settings()).tuned


# --------------------------------------------------------------------------------------------- public API


def test_public_api() -> None:
    assert set(resume_check.__all__) == {"__version__", "analyse_many", "analyse_path"}
    from resume_check.analysis import analyse_path
    from resume_check.cohort.batch import analyse_many

    assert resume_check.analyse_path is analyse_path and resume_check.analyse_many is analyse_many
    analysis = resume_check.analyse_path(ALEX_MD)
    assert analysis.score.total > 0
    with pytest.raises(AttributeError):
        resume_check.no_such_thing  # noqa: B018
