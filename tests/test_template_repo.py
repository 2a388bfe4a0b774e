"""End to end: a résumé template repository gated in CI (config + baseline), as `check` runs it, exit code by code."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from resume_check.cli import main

CV = """\
# Alex Sample

alex.sample@example.com | +44 7700 900123 | linkedin.com/in/alex-sample

## Summary

IT project manager delivering agile programmes for public-sector clients.

## Experience

### Senior IT Project Manager, Example Ltd (2019-2024)

- Delivered a £2M ERP migration 3 weeks ahead of schedule with a team of 12 engineers.
- Cut cloud costs by 20% through vendor renegotiation and capacity planning.
- Led Scrum ceremonies and sprint planning for four squads using Jira.
- Managed the risk register and stakeholder reporting for the steering committee.

### IT Project Manager, Sample Group (2015-2019)

- Rolled out a service desk to 1,200 users on time and under budget.
- Introduced Kanban for the operations team.

## Education

BSc Computer Science, University of Leeds, 2014

## Skills

Scrum, Kanban, Jira, risk management, budget management, PRINCE2, stakeholder management
"""

CONFIG = """\
fail_under = 20
min_severity = "error"
forbidden_phrases = ["references available on request"]
"""

LOST_BULLET = "Cut cloud costs by 20% through vendor renegotiation and capacity planning."


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "cv-template"
    root.mkdir()
    git(root, "init", "-q")
    git(root, "config", "user.email", "ci@example.invalid")
    git(root, "config", "user.name", "CI")
    (root / "cv.md").write_text(CV, encoding="utf-8")
    (root / ".resume-check.toml").write_text(CONFIG, encoding="utf-8")
    return root


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_deleting_a_quantified_bullet_fails_the_baseline_gate(repo: Path) -> None:
    cv, baseline = repo / "cv.md", repo / "resume-check.baseline.json"
    made = run("baseline", str(cv), "--output", str(baseline))
    assert made.exit_code == 0, made.output
    data = baseline.read_text(encoding="utf-8")
    assert '"cv.md"' in data and LOST_BULLET in data and data.endswith("}\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "résumé with config and baseline")

    clean = run("check", str(cv), "--baseline", str(baseline), "--format", "line")
    assert clean.exit_code == 0, clean.output

    cv.write_text(CV.replace(f"- {LOST_BULLET}\n", ""), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "tighten experience")
    failed = run("check", str(cv), "--baseline", str(baseline), "--format", "github")
    assert failed.exit_code == 1, failed.output
    statement = [line for line in failed.output.splitlines() if "title=baseline.statement" in line]
    assert len(statement) == 1 and statement[0].startswith("::error file=")
    assert f"no longer present: “{LOST_BULLET.replace('%', '%25')}”" in statement[0]  # GitHub escapes %

    # the same regression as SARIF and JUnit, and tolerated nowhere by --tolerance (a statement, not points)
    sarif = run("check", str(cv), "--baseline", str(baseline), "--format", "sarif", "--tolerance", "100")
    assert sarif.exit_code == 1 and '"ruleId": "baseline.statement"' in sarif.output


def test_gate_exit_codes(repo: Path) -> None:
    cv = repo / "cv.md"
    assert run("check", str(cv), "--format", "line").exit_code == 0  # config found by walking up: passes
    high = run("check", str(cv), "--fail-under", "99", "--format", "line")
    assert high.exit_code == 1 and ": error gate.score score " in high.output
    (repo / "cv2.md").write_text(CV + "\nReferences available on request.\n", encoding="utf-8")
    forbidden = run("check", str(repo / "cv2.md"), "--format", "line")
    assert forbidden.exit_code == 1 and "gate.forbidden-phrase" in forbidden.output
    assert run("check", str(cv), "--min-severity", "loud").exit_code == 2
    (repo / ".resume-check.toml").write_text("fail_undr = 3\n", encoding="utf-8")
    bad_config = run("check", str(cv), "--format", "line")
    assert bad_config.exit_code == 3 and "unknown key 'fail_undr'; did you mean 'fail_under'?" in bad_config.output
    (repo / ".resume-check.toml").write_text(CONFIG, encoding="utf-8")
    (repo / "broken.pdf").write_bytes(b"not a pdf at all")
    unreadable = run("check", str(repo / "broken.pdf"), "--format", "line")
    assert unreadable.exit_code == 3 and "input.unreadable" in unreadable.output


def test_inline_suppression_in_the_source(repo: Path) -> None:
    cv = repo / "cv.md"
    cv.write_text(CV + "\nReferences available on request.\n", encoding="utf-8")
    assert run("check", str(cv), "--format", "line").exit_code == 1
    cv.write_text(
        CV + "\n<!-- resume-check: disable=gate.forbidden-phrase -->\nReferences available on request.\n",
        encoding="utf-8",
    )
    result = run("check", str(cv), "--format", "line")
    assert result.exit_code == 0, result.output


def test_init_writes_a_loadable_starter(tmp_path: Path) -> None:
    first = run("init", "--path", str(tmp_path))
    assert first.exit_code == 0
    from resume_check.ci.configfile import load_config

    settings = load_config(tmp_path / ".resume-check.toml").settings_for()
    assert settings.fail_under == 60 and settings.min_severity == "warning" and settings.fail_level == "error"
    again = run("init", "--path", str(tmp_path))
    assert again.exit_code == 3 and "already exists" in again.output
    assert run("init", "--path", str(tmp_path), "--force").exit_code == 0


def test_pre_commit_hook_definition() -> None:
    import re

    import yaml

    hooks = yaml.safe_load((Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text("utf-8"))
    (hook,) = hooks
    assert hook["id"] == "resume-check" and hook["language"] == "python"
    assert hook["entry"].split()[:2] == ["resume-check", "check"]
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])

    def runs_on(name: str) -> bool:
        return bool(files.search(name)) and not exclude.search(name)

    for name in ("cv.pdf", "cv.docx", "src/cv.md", "cv.tex", "cv.typ", "cv.txt", "Jane-Doe-Resume.pdf", "my_CV.docx"):
        assert runs_on(name), name
    # only résumé files: not other documents of the repository, nor non-résumé file types
    for name in (
        "requirements.txt",
        "LICENCE.md",
        "LICENSE.txt",
        "CODE_OF_CONDUCT.md",
        "README.md",
        "CHANGELOG.md",
        "resume/README.md",
        "notes.md",
        "cv.doc",
        "photo.png",
        "resume-check.baseline.json",
    ):
        assert not runs_on(name), name
    assert hook["types"] == ["file"]
    # the entry's options exist on the command
    result = CliRunner().invoke(main, [*hook["entry"].split()[1:], "--help"])
    assert result.exit_code == 0 and "--format" in result.output


def test_report_formats_in_ci_mode(repo: Path) -> None:
    import json

    cv = repo / "cv.md"
    text = run("check", str(cv), "--fail-under", "99")
    assert text.exit_code == 1
    assert f"resume-check: FAILED {cv}: 1 gate failure(s)" in text.stderr
    assert f"  {cv}: gate.score: score " in text.stderr
    assert "(set by the command line (--fail-under))" in text.stderr  # not "the config file"
    as_json = run("check", str(cv), "--fail-under", "1", "--format", "json")
    assert as_json.exit_code == 0 and json.loads(as_json.stdout)["score"]["total"] > 1
    both = run("check", str(cv), str(cv), "--format", "html", "--fail-under", "1")
    assert both.exit_code == 2


LATEX = r"""\documentclass{article}
\begin{document}
\section*{Alex Sample}
alex@example.com, +44 7700 900123, linkedin.com/in/alex

\section*{Experience}
\begin{itemize}
\item Delivered a 2M ERP migration 3 weeks early with a team of 12 engineers.
%SUPPRESS%
\item Responsible for the weekly status report.
\end{itemize}
\end{document}
"""


def test_latex_source_lines_and_suppression(tmp_path: Path) -> None:
    tex = tmp_path / "cv.tex"
    tex.write_text(LATEX.replace("%SUPPRESS%\n", ""), encoding="utf-8")
    plain = run("check", str(tex), "--format", "line", "--min-severity", "warning")
    weak = [line for line in plain.output.splitlines() if " impact.weak " in line]
    assert weak and weak[0].startswith(f"{tex}:9:")  # the source line of the \item
    tex.write_text(LATEX.replace("%SUPPRESS%", "% resume-check: disable=impact.weak"), encoding="utf-8")
    suppressed = run("check", str(tex), "--format", "line", "--min-severity", "warning")
    assert " impact.weak " not in suppressed.output


def test_baseline_keys_do_not_depend_on_the_working_folder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    assert run("baseline", "cv.md").exit_code == 0  # default output: ./resume-check.baseline.json
    (repo / "sub").mkdir()
    monkeypatch.chdir(repo / "sub")
    result = run("check", "../cv.md", "--baseline", "../resume-check.baseline.json", "--format", "line")
    assert result.exit_code == 0, result.output
    assert "not in the baseline" not in result.output
    missing = run("baseline", str(repo / "nope.md"), "--output", str(repo / "other.json"))
    assert missing.exit_code == 3 and not (repo / "other.json").exists()
