"""`resume-check check` and `resume-check explain`: exit codes, whole outputs, and end-to-end score properties."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, corpus_file, needs_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resume_check.cli import main
from resume_check.models import Score
from resume_check.scoring import ALGORITHM_VERSION, COMPONENTS

ALEX = str(SAMPLES / "alex-morgan.txt")
SAM = str(SAMPLES / "sam-taylor.txt")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


# --------------------------------------------------------------------------------------------- explain


def test_explain_text(runner: CliRunner, golden) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(main, ["explain"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    assert "A suggestion never presents a figure that is not in the statement" in result.stdout
    golden("explain.txt", result.stdout)


def test_explain_json(runner: CliRunner, golden) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(main, ["explain", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["algorithm_version"] == ALGORITHM_VERSION
    assert [(c["id"], c["weight"]) for c in data["components"]] == [(c, w) for c, _, w in COMPONENTS]
    assert any("gallery.yaml" in rule and "O*NET" in rule for rule in data["suggestions"])
    golden("explain.json", result.stdout)


def test_explain_bad_format_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["explain", "--format", "xml"])
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr


# --------------------------------------------------------------------------------------------- check: errors


def test_check_missing_file_exits_3_with_one_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "nope.pdf"
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == f"resume-check: error: {path}: no such file; check the path\n"


def test_check_unsupported_file_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "cv.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"resume-check: error: {path}: legacy Word .doc files are not supported")
    assert result.stderr.count("\n") == 1


def test_check_without_files_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 2
    assert "Missing argument 'FILES...'" in result.stderr


def test_check_html_with_several_files_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", ALEX, SAM, "--format", "html"])
    assert result.exit_code == 2
    assert "--format html makes one page per résumé" in result.stderr


def test_check_bad_lexicon_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text("id: [unclosed\n", encoding="utf-8")
    result = runner.invoke(main, ["check", ALEX, "--lexicon", str(pack)])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.startswith("resume-check: error: ") and "bad.yaml" in result.stderr
    assert result.stderr.count("\n") == 1


# --------------------------------------------------------------------------------------------- check: reports


def test_check_json_report(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", ALEX, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema_version"] and data["source"]["path"] == ALEX
    assert 0 <= data["score"]["total"] <= 100
    assert {c["id"] for c in data["categories"]} and data["terms"]["found"]


def test_check_reads_standard_input(runner: CliRunner) -> None:
    text = Path(ALEX).read_text(encoding="utf-8")
    result = runner.invoke(main, ["check", "-", "--format", "json"], input=text)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    from_file = json.loads(runner.invoke(main, ["check", ALEX, "--format", "json"]).stdout)
    assert data["source"]["path"] == "-"
    assert data["score"] == from_file["score"]  # the file-type note is info, which costs no points
    assert data["terms"] == from_file["terms"]


def test_check_several_files_json_is_an_array(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", ALEX, SAM, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["source"]["path"] for d in data] == [ALEX, SAM]


def test_check_several_files_text_are_separated(runner: CliRunner) -> None:
    one = runner.invoke(main, ["check", ALEX]).stdout
    two = runner.invoke(main, ["check", SAM]).stdout
    both = runner.invoke(main, ["check", ALEX, SAM])
    assert both.exit_code == 0
    assert both.stdout == one + "\n" + "=" * 79 + "\n\n" + two


def test_check_text_has_no_colour_when_piped(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", ALEX])
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert result.stdout == runner.invoke(main, ["check", ALEX, "--no-color"], env={"NO_COLOR": "1"}).stdout


def test_check_output_file_is_written_and_nothing_printed(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = runner.invoke(main, ["check", ALEX, "--format", "markdown", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr == ""
    assert out.read_text(encoding="utf-8") == runner.invoke(main, ["check", ALEX, "--format", "markdown"]).stdout
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temporary file left behind


def test_check_good_and_bad_files_reports_the_good_and_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "gone.pdf"
    result = runner.invoke(main, ["check", ALEX, str(missing), "--format", "json"])
    assert result.exit_code == 3
    assert json.loads(result.stdout)["source"]["path"] == ALEX
    assert result.stderr == f"resume-check: error: {missing}: no such file; check the path\n"


# --------------------------------------------------------------------------------------------- end to end


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    from resume_check.analysis import build_engine

    return build_engine()


def analyse_text(text: str, engine, name: str = "Jane-Smith-CV.txt"):  # type: ignore[no-untyped-def]
    from resume_check.analysis import analyse_document
    from resume_check.extract import extract_bytes

    return analyse_document(extract_bytes(text.encode("utf-8"), name, "txt"), engine)


BASE = """Jane Smith
jane.smith@example.com | +44 7700 900123 | linkedin.com/in/jane-smith

PROFILE
IT project manager running Agile and PRINCE2 projects for public-sector clients.

EXPERIENCE
IT Project Manager – Acme Ltd, London
Jan 2019 – Present
{bullets}

EDUCATION
BSc Computer Science, University of Leeds, 2014

SKILLS
Scrum, Kanban, Jira, Confluence, risk management, stakeholder management
"""

VERBS = ("Delivered", "Led", "Cut", "Migrated", "Negotiated", "Reduced", "Rolled out")
OBJECTS = (
    "a cloud migration for 1,200 users",
    "the ERP programme budget of £2m",
    "vendor contracts across 14 sites",
    "release lead time",
    "the service-desk backlog",
)
RESULTS = ("two weeks early", "saving £310k a year", "by 40%", "with 99.9% uptime", "for a team of 18 engineers")
bullet_st = st.builds(
    lambda v, o, r: f"• {v} {o} {r}.", st.sampled_from(VERBS), st.sampled_from(OBJECTS), st.sampled_from(RESULTS)
)
duty_st = st.sampled_from(
    (
        "• Responsible for the weekly status report.",
        "• Worked on the risk log with the PMO.",
        "• Coordinated stakeholder workshops.",
        "• Managed the project schedule in MS Project.",
    )
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(bullet_st, duty_st), max_size=6), bullet_st)
def test_adding_an_achievement_never_lowers_the_score(engine, bullets, achievement) -> None:  # type: ignore[no-untyped-def]
    before = analyse_text(BASE.format(bullets="\n".join(bullets)), engine)
    after = analyse_text(BASE.format(bullets="\n".join([*bullets, achievement])), engine)
    assert 0 <= before.score.total <= 100 and 0 <= after.score.total <= 100
    assert after.score.total >= before.score.total, (achievement, before.score, after.score)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_text_scores_in_range_and_deterministically(engine, text) -> None:  # type: ignore[no-untyped-def]
    text = "Jane Smith\n" + text  # a file with no text at all is an InputError (tested in test_extract)
    first = analyse_text(text, engine)
    assert 0 <= first.score.total <= 100
    assert analyse_text(text, engine) == first


def test_samples_pm_outscores_career_changer(engine) -> None:  # type: ignore[no-untyped-def]
    from resume_check.analysis import analyse_path

    alex = analyse_path(ALEX, engine=engine)
    sam = analyse_path(SAM, engine=engine)
    assert alex.score.total > sam.score.total + 15
    sam_ids = [f.id for f in sam.findings]
    assert "ats.cliche.team-player" in sam_ids and "ats.cliche.detail-oriented" in sam_ids
    assert "ats.contact.linkedin" in sam_ids and "ats.contact.linkedin" not in [f.id for f in alex.findings]


# --------------------------------------------------------------------------------------------- real corpus

CONTROLS = (  # SOURCES.md: not IT (a sales representative, two placeholder templates)
    "7Brooksby__Resume_Brooksby__resume.docx",
    "liantze__AltaCV__sample.pdf",
    "moderncv__moderncv__template_classic_green.pdf",
)
PROJECT_MANAGERS = (  # SOURCES.md: PM, or IT + PM / agile coaching
    "mathdebate09__job-cli__project_manager.pdf",
    "jasonadsit__resume__resume.pdf",
    "jasonadsit__resume__resume.docx",
    "booch__resume__resume.pdf",
)
IT = (  # SOURCES.md: IT résumés with real content (placeholder and image-only files left out)
    "AmruthPillai__Reactive-Resume__gengar.pdf",
    "briandamaged__resume__Brian Lauber -- resume.docx",
    "gitobic__SoupBoss__01-Desktop Support.pdf",
    "gitobic__SoupBoss__DevOps-Sample2.pdf",
    "gitobic__SoupBoss__Mickey01_docx.docx",
    "gitobic__SoupBoss__aws-devops-engineer-resume-example.pdf",
    "jacksenechal__resume__resume.pdf",
    "posquit0__Awesome-CV__resume.pdf",
    "rendercv__rendercv__John_Doe_ClassicTheme_CV.pdf",
    "srbhr__Resume-Matcher__modern-two-column.pdf",
    "sb2nov__resume__sourabh_bajaj_resume.pdf",
    "OmkarPathak__pyresparser__OmkarResume.pdf",
)


@needs_corpus
def test_corpus_controls_score_low_and_pm_it_resumes_higher(engine) -> None:  # type: ignore[no-untyped-def]
    from statistics import median

    from resume_check.analysis import analyse_path

    def scores(names: tuple[str, ...]) -> dict[str, Score]:
        return {name: analyse_path(corpus_file(name), engine=engine).score for name in names}

    def part(score: Score, component: str) -> float:
        return next(c.value for c in score.components if c.id == component)

    parts = scores(CONTROLS), scores(PROJECT_MANAGERS), scores(IT)
    controls, pms, it = ({name: s.total for name, s in group.items()} for group in parts)
    ceiling = max(controls.values())
    assert ceiling < 35, controls
    # the role fit (keyword coverage and the evidence behind it) sets every PM résumé far above every control
    for component, margin in (("keywords", 15), ("evidence", 30)):
        top = max(part(s, component) for s in parts[0].values())
        assert all(part(s, component) > top + margin for s in parts[1].values()), (component, top, parts[1])
    # the total less far: a control's quantified bullets earn impact points like anyone's (the sales résumé's
    # "250+ packages daily" and "9 cars per month" bullets are strong in the hand labels, and are judged so)
    assert all(score > ceiling + 10 for score in pms.values()), (controls, pms)
    assert median([*pms.values(), *it.values()]) > ceiling + 10, (controls, pms, it)
    assert min(pms.values()) > median(it.values()) - 10, (pms, it)  # the role this tool serves is not penalised


def test_the_console_entry_point_flushes_everything_and_keeps_exit_codes(tmp_path: Path) -> None:
    """``run`` (the installed command) ends the process without interpreter teardown: the output must still be
    complete, and the exit codes the documented ones."""
    import subprocess
    import sys

    sample = str(SAMPLES / "alex-morgan.txt")
    env = {**os.environ, "NO_COLOR": "1", "RESUME_CHECK_CACHE_DIR": str(tmp_path / "cache")}

    def command(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "resume_check", *args], capture_output=True, text=True, env=env, timeout=120
        )

    ok = command("check", sample, "--format", "json")
    expected = CliRunner().invoke(main, ["check", sample, "--format", "json"], env={"RESUME_CHECK_CACHE_DIR": ""})
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, expected.stdout, "")
    missing = command("check", str(tmp_path / "nope.pdf"))
    assert missing.returncode == 3 and missing.stdout == ""
    assert missing.stderr.startswith("resume-check: error: ") and "no such file" in missing.stderr
    assert command("check", "--bogus").returncode == 2
    written = tmp_path / "report.md"
    assert command("check", sample, "--format", "markdown", "--output", str(written)).returncode == 0
    markdown = CliRunner().invoke(main, ["check", sample, "--format", "markdown"]).stdout
    assert written.read_text(encoding="utf-8") == markdown
