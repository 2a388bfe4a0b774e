"""Config files: discovery, pyproject tables, precedence, overrides by glob, and errors that name file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_check.ci.configfile import Config, find_config, load_config, resolve_config, settings_for_batch
from resume_check.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_discovery_walks_up_and_prefers_own_file(tmp_path: Path) -> None:
    cv = write(tmp_path / "repo" / "cvs" / "2024" / "cv.md", "# cv")
    found = find_config(cv.parent)
    assert found is None or not str(found).startswith(str(tmp_path))
    py = write(tmp_path / "repo" / "pyproject.toml", "[tool.resume-check]\nfail_under = 50\n")
    assert find_config(cv) == py
    write(tmp_path / "repo" / "cvs" / "pyproject.toml", "[tool.black]\nline-length = 80\n")  # not ours: skipped
    assert find_config(cv.parent) == py
    own = write(tmp_path / "repo" / "cvs" / ".resume-check.toml", "fail_under = 70\n")
    assert find_config(cv.parent) == own
    write(tmp_path / "repo" / "cvs" / "2024" / "pyproject.toml", "[tool.resume-check]\nfail_under = 80\n")
    assert resolve_config(None, cv.parent).settings_for(str(cv)).fail_under == 80


def test_precedence_defaults_config_override_cli(tmp_path: Path) -> None:
    cfg = write(
        tmp_path / ".resume-check.toml",
        """
fail_under = 60
min_severity = "warning"
disable = ["impact.weak"]
required_terms = ["methodology.scrum"]
lexicons = ["packs/extra.yaml"]

[[overrides]]
files = "drafts/**"
fail_under = 30
disable = ["ats"]

[[overrides]]
files = ["*.tex"]
min_severity = "error"
""",
    )
    config = load_config(cfg)
    main = config.settings_for(str(tmp_path / "cv.md"))
    assert (main.fail_under, main.min_severity, main.disabled) == (60, "warning", ("impact.weak",))
    assert main.lexicons == (str(tmp_path / "packs" / "extra.yaml"),)
    assert main.source == str(cfg)
    draft = config.settings_for(str(tmp_path / "drafts" / "old" / "cv.md"))
    assert (draft.fail_under, draft.disabled) == (30, ("impact.weak", "ats"))
    assert config.settings_for(str(tmp_path / "sub" / "cv.tex")).min_severity == "error"  # bare glob: any folder
    cli = config.settings_for(str(tmp_path / "drafts" / "cv.md"), fail_under=90, min_severity=None, disabled=("x",))
    assert (cli.fail_under, cli.min_severity, cli.disabled) == (90, "warning", ("impact.weak", "ats", "x"))
    assert Config().settings_for("cv.md").fail_under is None
    # where each threshold came from, for the gate's messages
    assert main.origin("fail_under") == f"fail_under in {cfg}" and main.origin("fail_level") == "the default"
    assert draft.origin("fail_under") == f"fail_under in {cfg} ([[overrides]] files = ['drafts/**'])"
    assert cli.origin("fail_under") == "the command line (--fail-under)"
    assert cli.origin("min_severity") == f"min_severity in {cfg}"


def test_fail_level_is_read_and_checked(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".resume-check.toml", 'min_severity = "info"\nfail_level = "warning"\n')
    settings = load_config(cfg).settings_for("cv.md")
    assert (settings.min_severity, settings.fail_level) == ("info", "warning")
    bad = write(tmp_path / "bad" / ".resume-check.toml", 'fail_level = "fatal"\n')
    with pytest.raises(ConfigError, match="fail_level must be one of info, warning, error"):
        load_config(bad)


def test_explicit_config_overrides_discovery(tmp_path: Path) -> None:
    write(tmp_path / ".resume-check.toml", "fail_under = 10\n")
    other = write(tmp_path / "ci" / "strict.toml", "fail_under = 95\n")
    assert resolve_config(str(other), tmp_path).settings_for().fail_under == 95
    assert resolve_config(None, tmp_path).settings_for().fail_under == 10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fail_undr = 50\n", r"unknown key 'fail_undr'; did you mean 'fail_under'\?"),
        ("colour = 1\n", r"unknown key 'colour'; valid keys: required_terms, .*, overrides$"),
        ("fail_under = 150\n", r"fail_under must be a number from 0 to 100, got 150"),
        ('fail_under = "high"\n', r"fail_under must be a number"),
        ('min_severity = "fatal"\n', r"min_severity must be one of info, warning, error"),
        ("disable = [1]\n", r"disable must be a list of non-empty strings"),
        ("fail_under = \n", r"not valid TOML"),
        ("[[overrides]]\nfail_under = 1\n", r"\[\[overrides\]\] #1: files must be a glob"),
        ('[[overrides]]\nfiles = "*.md"\nbogus = 1\n', r"\[\[overrides\]\] #1: unknown key 'bogus'"),
        ("time_limit = 0\n", r"time_limit must be a number of seconds above 0 and at most 3600, got 0"),
    ],
)
def test_bad_config_names_file_key_and_fix(tmp_path: Path, text: str, expected: str) -> None:
    cfg = write(tmp_path / ".resume-check.toml", text)
    with pytest.raises(ConfigError, match=expected) as info:
        load_config(cfg)
    assert str(cfg) in str(info.value)
    assert ConfigError.exit_code == 3


def test_pyproject_without_table_and_missing_file(tmp_path: Path) -> None:
    py = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"has no \[tool.resume-check\] table"):
        load_config(py)
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")
    bad = write(tmp_path / "p2" / "pyproject.toml", '[tool.resume-check]\nmin_severity = "loud"\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml \[tool.resume-check\]: min_severity"):
        load_config(bad)


def test_batch_settings_use_the_common_folder(tmp_path: Path) -> None:
    write(tmp_path / "cohort" / ".resume-check.toml", "disable = ['impact']\n")
    files = [str(write(tmp_path / "cohort" / n / "cv.md", "x")) for n in ("a", "b")]
    settings = settings_for_batch(None, files, time_limit=5)
    assert settings.disabled == ("impact",) and settings.time_limit == 5
