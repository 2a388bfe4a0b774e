"""Role profiles (issue 13): the bundled profiles and their validation, role inference (synthetic résumés, British
and American titles, and hand-labelled corpus files), targets built from profiles, the CLI and the cohort by role."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import CORPUS, DATA, SAMPLES, needs_corpus

from resume_check.analysis import Engine, analyse_path, build_engine
from resume_check.ci.configfile import load_config
from resume_check.cohort.batch import BatchRecord
from resume_check.cohort.summary import build_cohort
from resume_check.config import Settings
from resume_check.errors import InputError, LexiconError
from resume_check.extract import extract
from resume_check.lexicon import load_lexicon
from resume_check.models import Resume
from resume_check.render.common import top_missing
from resume_check.structure import build_resume
from resume_check.targets.roles import (
    CERTIFICATION_TERM_ID,
    DEFAULT_ROLE,
    LEVEL_FACTOR,
    Profile,
    infer_role,
    load_profiles,
    profile_target,
)
from resume_check.targets.target import TITLE_CATEGORIES

SIX = {
    "it-project-manager",
    "technical-project-manager",
    "project-coordinator",
    "scrum-master",
    "programme-manager",
    "it-manager",
}


@cache
def profiles() -> tuple[Profile, ...]:
    return load_profiles(load_lexicon())


@cache
def engine() -> Engine:
    return build_engine()


def profile(ident: str) -> Profile:
    return next(p for p in profiles() if p.id == ident)


def write_cv(folder: Path, name: str, *, headline: str = "", title: str = "", summary: str = "") -> Path:
    """A small text résumé: name, optional headline, summary, one job whose title line is ``title``."""
    lines = ["Jordan Example"]
    if headline:
        lines.append(headline)
    lines += ["Leeds, UK | jordan@example.com | 0113 496 0000", ""]
    if summary:
        lines += ["Summary", summary, ""]
    lines += ["Experience"]
    lines.append(f"{title or 'Operations Lead'} - Northwind Ltd, Leeds - 2021 to Present")
    lines += [
        "- Ran weekly planning with four teams and cut the release cycle from 6 to 2 weeks.",
        "- Reported progress to the board every month.",
        "",
        "Earlier Role - Contoso, York - 2015 to 2021",
        "- Coordinated suppliers and kept records up to date.",
        "",
        "Education",
        "BSc Computing, University of Leeds, 2015",
    ]
    path = folder / f"{name}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def resume_of(path: Path) -> Resume:
    return build_resume(extract(path))


# --------------------------------------------------------------------------------------------- the profiles


def test_the_six_profiles_ship_and_validate_against_the_lexicon() -> None:
    lexicon = load_lexicon()
    loaded = profiles()
    assert {p.id for p in loaded} >= SIX
    for p in loaded:
        assert p.sources and all(s.url and s.licence for s in p.sources), p.id
        assert any(t.level == "required" for t in p.terms), p.id
        for term in p.terms:
            assert lexicon.has_term(term.id), (p.id, term.id)
            assert lexicon.term(term.id).category not in TITLE_CATEGORIES, (p.id, term.id)
            assert 1 <= term.weight <= 5
        for cert in p.certifications:
            assert lexicon.term(cert).category == "certifications", (p.id, cert)
        assert p.dimensions and p.years >= 0
    # a coordinator is not expected to own a budget; an IT project manager is
    assert "budget" not in profile("project-coordinator").dimensions
    assert "budget" in profile("it-project-manager").dimensions
    assert "budget" not in profile("scrum-master").dimensions


@pytest.mark.parametrize(
    ("ident", "british", "american"),
    [
        ("programme-manager", "Programme Manager", "Program Manager"),
        ("programme-manager", "Programme Delivery Manager", "Program Delivery Manager"),
        ("project-coordinator", "Project Co-ordinator", "Project Coordinator"),
        ("project-coordinator", "Programme Coordinator", "Program Coordinator"),
        ("technical-project-manager", "Technical Programme Manager", "Technical Program Manager"),
        ("it-manager", "Data Centre Manager", "Data Center Manager"),
    ],
)
def test_profiles_list_british_and_american_titles(ident: str, british: str, american: str) -> None:
    assert british in profile(ident).titles and american in profile(ident).titles


def test_every_title_identifies_one_profile() -> None:
    seen: dict[str, str] = {}
    for p in profiles():
        for title in p.titles:
            key = title.casefold().replace("-", " ")
            assert seen.setdefault(key, p.id) == p.id, (title, seen[key], p.id)


def bad_profile(tmp_path: Path, **changes: object) -> Path:
    source = (Path(__file__).resolve().parent.parent / "lexicons" / "roles" / "scrum-master.yaml").read_text("utf-8")
    loaded = yaml.safe_load(source)
    loaded["profile"]["id"] = "my-scrum-master"
    loaded["titles"] = ["Chief Scrum Wrangler"]
    loaded.update(changes)
    path = tmp_path / "my-profile.yaml"
    path.write_text(yaml.safe_dump(loaded, allow_unicode=True), encoding="utf-8")
    return path


def test_a_user_profile_file_loads_beside_the_bundled_ones(tmp_path: Path) -> None:
    path = bad_profile(tmp_path)
    loaded = load_profiles(load_lexicon(), [path])
    own = [p for p in loaded if not p.bundled]
    assert [p.id for p in own] == ["my-scrum-master"] and own[0].path == str(path)


def test_a_profile_naming_an_unknown_term_is_a_lexicon_error(tmp_path: Path) -> None:
    path = bad_profile(tmp_path, required=[{"id": "methodology.scrum", "weight": 5}, {"id": "methodology.scrumban"}])
    with pytest.raises(LexiconError) as err:
        load_profiles(load_lexicon(), [path])
    message = str(err.value)
    assert str(path) in message and "required entry 2 (methodology.scrumban)" in message
    assert "unknown term id 'methodology.scrumban'" in message and "lexicons list" in message


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"titles": ["Scrum Master"]}, "also identifies scrum-master"),
        ({"required": [{"id": "roles.scrum_master"}]}, "is a job title"),
        ({"category_weights": {"methodology": 2.0, "roles": 1.0}}, "holds job titles"),
        ({"dimensions": ["budget", "morale"]}, "unknown impact dimension 'morale'"),
        ({"required": []}, "must require at least one term"),
        ({"certifications": ["certifications.nope"]}, "unknown certification term id"),
        ({"seniority": {"years": "five"}}, "years must be a number"),
        ({"extra": 1}, "unknown key 'extra'"),
    ],
)
def test_bad_profiles_are_clear_lexicon_errors(tmp_path: Path, changes: dict[str, object], expected: str) -> None:
    path = bad_profile(tmp_path, **changes)
    with pytest.raises(LexiconError, match=expected):
        load_profiles(load_lexicon(), [path])


def test_check_with_a_bad_profile_file_exits_3_with_one_line(tmp_path: Path) -> None:
    from resume_check.cli import main

    path = bad_profile(tmp_path, required=[{"id": "methodology.scrumban"}])
    result = CliRunner().invoke(main, ["check", str(SAMPLES / "sam-taylor.txt"), "--role", str(path)])
    assert result.exit_code == 3, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "methodology.scrumban" in lines[0] and "Traceback" not in result.stderr


# --------------------------------------------------------------------------------------------- inference

#: (expected profile, headline, most recent title, summary): British and American titles, at least one per profile
SYNTHETIC = [
    ("it-project-manager", "Senior IT Project Manager", "", ""),
    ("it-project-manager", "", "ICT Project Manager", ""),
    ("it-project-manager", "", "Information Technology Project Manager", ""),
    ("technical-project-manager", "Technical Programme Manager", "", ""),
    ("technical-project-manager", "", "Technical Program Manager", ""),
    ("technical-project-manager", "", "Senior Technical Project Manager", ""),  # longest title wins
    ("project-coordinator", "Project Co-ordinator", "", ""),
    ("project-coordinator", "", "PMO Analyst", ""),
    ("project-coordinator", "", "Program Coordinator", ""),
    ("project-coordinator", "", "Programme Support Officer", ""),
    ("scrum-master", "Scrum Master", "", ""),
    ("scrum-master", "", "Agile Delivery Manager", ""),
    ("scrum-master", "", "", "Certified scrum master who has coached three teams through their first year of Scrum."),
    ("programme-manager", "Programme Manager", "Project Coordinator", ""),  # the headline wins
    ("programme-manager", "", "IT Program Manager", ""),
    ("programme-manager", "", "Programme Delivery Manager", ""),
    ("programme-manager", "", "Program Director", ""),
    ("it-manager", "Head of IT", "", ""),
    ("it-manager", "", "IT Director", ""),
    ("it-manager", "", "Information Technology Manager", ""),
]


def test_inference_on_synthetic_resumes(tmp_path: Path) -> None:
    """Every synthetic résumé gets its profile, and the reason quotes where the title was found."""
    assert {expected for expected, *_ in SYNTHETIC} == SIX
    right = 0
    wrong = []
    for n, (expected, headline, title, summary) in enumerate(SYNTHETIC):
        path = write_cv(tmp_path, f"cv{n}", headline=headline, title=title, summary=summary)
        inference = infer_role(resume_of(path), profiles())
        got = inference.profile.id if inference.profile else None
        if got == expected:
            right += 1
            where = "headline" if headline else "most recent title" if title else "summary"
            assert inference.reason.startswith(f"{where}: '"), inference.reason
        else:
            wrong.append((expected, got, headline or title or summary, inference.reason))
    assert not wrong, f"{right}/{len(SYNTHETIC)} right; wrong: {wrong}"


def test_no_title_falls_back_to_it_project_manager_and_says_so() -> None:
    analysis = analyse_path(SAMPLES / "sam-taylor.txt", engine=engine())
    target = analysis.target
    assert (target.kind, target.id, target.chosen_by) == ("role", DEFAULT_ROLE, "default")
    assert target.reason == (
        "no role could be inferred from the headline, most recent title or summary: IT project manager used"
    )


def test_a_headline_naming_another_role_falls_back_and_says_so(tmp_path: Path) -> None:
    path = write_cv(tmp_path, "dev", headline="Senior Software Engineer", title="IT Manager")
    inference = infer_role(resume_of(path), profiles())
    assert inference.profile is None
    assert inference.reason == "the headline 'Senior Software Engineer' names a role no profile covers"


def test_a_bullet_naming_a_title_is_not_a_most_recent_title(tmp_path: Path) -> None:
    path = write_cv(tmp_path, "bullet", title="Operations Lead")
    text = path.read_text(encoding="utf-8").replace("- Reported progress", "- Acted as scrum master; reported progress")
    path.write_text(text, encoding="utf-8")
    assert infer_role(resume_of(path), profiles()).profile is None


def corpus_labels() -> list[dict[str, str]]:
    data = yaml.safe_load((DATA / "roles" / "corpus-roles.yaml").read_text(encoding="utf-8"))
    return list(data["files"])


@needs_corpus
def test_inference_on_hand_labelled_corpus_files() -> None:
    """Labels written from each file's headline before inference existed (tests/data/roles/corpus-roles.yaml);
    "none": the headline names a role outside the profiles, so the fallback must be used and said."""
    labels = corpus_labels()
    assert len(labels) >= 15 and sum(1 for x in labels if x["role"] != "none") >= 2
    wrong = []
    for label in labels:
        analysis = analyse_path(CORPUS / label["file"], engine=engine())
        target = analysis.target
        got = "none" if target.chosen_by == "default" else target.id
        if got != label["role"]:
            wrong.append((label["file"], label["role"], got, target.reason))
        if label["role"] == "none":
            assert target.id == DEFAULT_ROLE and target.reason.endswith("IT project manager used")
    accuracy = (len(labels) - len(wrong)) / len(labels)
    assert accuracy == 1.0, f"accuracy {accuracy:.2f}: {wrong}"


# --------------------------------------------------------------------------------------------- targets


def test_profile_target_weights_required_terms_double_and_counts_one_certification() -> None:
    p = profile("scrum-master")
    target = profile_target(p, chosen_by="option", reason="given with --role")
    by_id = {t.id: t for t in target.terms}
    scrum = next(t for t in p.terms if t.id == "methodology.scrum")
    assert by_id["methodology.scrum"].weight == scrum.weight * LEVEL_FACTOR["required"] == 10
    assert by_id["methodology.scrum"].level == "required"
    cert = by_id[CERTIFICATION_TERM_ID]
    assert cert.alternatives == p.certifications and cert.label.startswith("a certification that counts (CSM")
    assert target.expectations.titles == p.titles and target.expectations.dimensions == ("schedule", "team", "quality")
    assert dict(target.category_weights) == dict(p.category_weights)
    assert profile_target(p).terms is target.terms  # built once per profile


def test_any_counted_certification_satisfies_the_certification_term(tmp_path: Path) -> None:
    path = write_cv(tmp_path, "cert", headline="IT Project Manager")
    with_cert = path.read_text(encoding="utf-8") + "\nCertifications\nPRINCE2 Practitioner, 2020\n"
    (tmp_path / "with.txt").write_text(with_cert, encoding="utf-8")
    without = analyse_path(path, engine=engine())
    held = analyse_path(tmp_path / "with.txt", engine=engine())
    assert CERTIFICATION_TERM_ID in {m.id for m in without.missing}
    found = {t.id: t for t in held.found}
    assert CERTIFICATION_TERM_ID in found and found[CERTIFICATION_TERM_ID].occurrences[0].text == "PRINCE2 Practitioner"
    assert "certifications.prince2_practitioner" not in {t.id for t in held.also_found}
    assert held.score.components[0].value > without.score.components[0].value


def test_a_coordinator_is_not_asked_for_a_budget_result(tmp_path: Path) -> None:
    path = write_cv(tmp_path, "coord", headline="Project Coordinator")
    coordinator = analyse_path(path, engine=engine())
    as_pm = analyse_path(path, engine=build_engine(Settings(role="it-project-manager", role_chosen_by="option")))
    assert coordinator.target.id == "project-coordinator"
    ids = {f.id for f in coordinator.findings}
    assert "impact.no-budget-result" not in ids and "impact.no-budget-result" in {f.id for f in as_pm.findings}
    rule = next(r for r in coordinator.score.components[2].rules if r.id == "score.impact.dimensions")
    assert "of 3 expected impact dimensions" in rule.message


@needs_corpus
def test_no_job_title_is_ever_a_missing_keyword_on_the_corpus() -> None:
    """For every corpus file, measured against its inferred role and against every profile and the whole lexicon:
    no missing keyword and nothing the reports list as top missing is a job title."""
    targets = ["auto", "lexicon", *sorted(SIX)]
    engines = {role: build_engine(Settings(role=role, role_chosen_by="option")) for role in targets}
    checked = 0
    for path in sorted(CORPUS.iterdir()):
        if path.suffix.lower() not in (".pdf", ".docx"):
            continue
        for role, eng in engines.items():
            try:
                analysis = analyse_path(path, engine=eng)
            except InputError:
                break
            assert not [m.id for m in analysis.missing if m.category in TITLE_CATEGORIES], (path.name, role)
            shown = [t.id for _, terms in top_missing(analysis, per_category=5) for t in terms]
            assert not [i for i in shown if i.startswith("roles.")], (path.name, role)
            checked += 1
    assert checked >= 30 * len(targets)


# --------------------------------------------------------------------------------------------- config, CLI, cohort


def test_config_role_key(tmp_path: Path) -> None:
    config = tmp_path / ".resume-check.toml"
    config.write_text('role = "scrum-master"\n', encoding="utf-8")
    settings = load_config(config).settings_for(str(tmp_path / "cv.md"))
    assert (settings.role, settings.role_chosen_by) == ("scrum-master", "config")
    option = load_config(config).settings_for(str(tmp_path / "cv.md"), role="it-manager", role_chosen_by="option")
    assert (option.role, option.role_chosen_by) == ("it-manager", "option")
    config.write_text('role = "profiles/mine.yaml"\n', encoding="utf-8")
    assert load_config(config).settings_for(None).role == str(tmp_path / "profiles" / "mine.yaml")
    config.write_text("role = 3\n", encoding="utf-8")
    from resume_check.errors import ConfigError

    with pytest.raises(ConfigError, match="role must be"):
        load_config(config)


def test_config_role_reaches_the_report(tmp_path: Path) -> None:
    from resume_check.cli import main

    cv = tmp_path / "cv.txt"
    cv.write_text((SAMPLES / "sam-taylor.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".resume-check.toml").write_text('role = "scrum-master"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(cv), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    target = json.loads(result.stdout)["target"]
    assert (target["kind"], target["id"], target["chosen_by"], target["reason"]) == (
        "role",
        "scrum-master",
        "config",
        "given in the config",
    )


def test_check_role_option_in_every_report_format() -> None:
    from resume_check.cli import main

    runner = CliRunner()
    for fmt, expected in (
        ("text", "Measured against the scrum master / delivery manager role profile (given with"),
        ("markdown", "Measured against the scrum master / delivery manager role profile \\(given with --role\\)"),
        ("html", "Measured against the scrum master / delivery manager role profile (given with --role)"),
    ):
        args = ["check", str(SAMPLES / "alex-morgan.txt"), "--role", "scrum-master", "--format", fmt]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        assert expected in result.stdout, (fmt, result.stdout[:600])
    result = runner.invoke(main, ["check", str(SAMPLES / "alex-morgan.txt"), "--format", "json"])
    target = json.loads(result.stdout)["target"]
    assert target["chosen_by"] == "auto" and target["reason"] == "headline: 'IT Project Manager'"
    result = runner.invoke(main, ["check", str(SAMPLES / "alex-morgan.txt"), "--role", "lexicon", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["target"]["kind"] == "lexicon" and data["target"]["term_count"] > 300
    assert not [m for m in data["terms"]["missing"] if m["category"] == "roles"]


def test_unknown_role_exits_3() -> None:
    from resume_check.cli import main

    result = CliRunner().invoke(main, ["check", str(SAMPLES / "alex-morgan.txt"), "--role", "astronaut"])
    assert result.exit_code == 3
    assert "unknown role 'astronaut'" in result.stderr and "scrum-master" in result.stderr


def test_roles_list_and_show() -> None:
    from resume_check.cli import main

    runner = CliRunner()
    listed = runner.invoke(main, ["roles", "list"])
    assert listed.exit_code == 0 and listed.stdout.startswith(f"{len(profiles())} role profiles")
    assert all(ident in listed.stdout for ident in SIX)
    data = json.loads(runner.invoke(main, ["roles", "list", "--format", "json"]).stdout)
    assert {p["id"] for p in data["profiles"]} >= SIX
    shown = runner.invoke(main, ["roles", "show", "project-coordinator"])
    assert shown.exit_code == 0
    assert "Impact dimensions expected: schedule, scope, quality" in shown.stdout
    assert "Required terms (9; weight × 2 in the score):" in shown.stdout and "O*NET" in shown.stdout
    one = json.loads(runner.invoke(main, ["roles", "show", "scrum-master", "--format", "json"]).stdout)
    assert one["id"] == "scrum-master" and "Scrum Master" in one["titles"] and one["required"]
    missing = runner.invoke(main, ["roles", "show", "scrum-mastr"])
    assert missing.exit_code == 3 and "Did you mean: scrum-master?" in missing.stderr


def test_roles_show_a_user_profile_file(tmp_path: Path) -> None:
    from resume_check.cli import main

    path = bad_profile(tmp_path)
    result = CliRunner().invoke(main, ["roles", "show", str(path)])
    assert result.exit_code == 0 and result.stdout.startswith("my-scrum-master:")
    check = CliRunner().invoke(main, ["check", str(SAMPLES / "sam-taylor.txt"), "--role", str(path), "-o", "-"])
    assert check.exit_code == 0 and "my-scrum-master" not in check.stderr


def test_cohort_groups_people_by_role_with_shares_within_each_role(tmp_path: Path) -> None:
    paths = [
        write_cv(tmp_path, "a", headline="Scrum Master"),
        write_cv(tmp_path, "b", headline="ScrumMaster"),
        write_cv(tmp_path, "c", headline="Project Coordinator"),
    ]
    records = [BatchRecord(str(p), analyse_path(p, engine=engine()), None) for p in paths]
    cohort = build_cohort(records)
    groups = {g.id: g for g in cohort.roles}
    assert set(groups) == {"scrum-master", "project-coordinator"}
    assert groups["scrum-master"].people == 2 and groups["project-coordinator"].people == 1
    assert cohort.roles[0].id == "scrum-master"  # the largest group first
    scrum_missing = {g.id: g for g in groups["scrum-master"].missing_keywords}
    assert (
        scrum_missing["methodology.retrospective"].count == 2 and scrum_missing["methodology.retrospective"].share == 1
    )
    assert "governance.pmo" not in scrum_missing and "governance.pmo" in {
        g.id for g in groups["project-coordinator"].missing_keywords
    }
    assert [p.role for p in cohort.people] == ["scrum-master", "scrum-master", "project-coordinator"]
    from resume_check.render import cohort_json, cohort_markdown
    from resume_check.render import csv as csv_render

    data = json.loads(cohort_json.render_cohort(cohort))
    assert [g["id"] for g in data["roles"]] == ["scrum-master", "project-coordinator"]
    assert data["people"][0]["role"]["reason"] == "headline: 'Scrum Master'"
    text = cohort_markdown.render_cohort(cohort)
    assert "## Most often missing for scrum master / delivery manager (2 people)" in text
    assert csv_render.render_cohort(cohort).splitlines()[1].split(",")[2] == "scrum-master"


def test_an_earlier_title_is_used_and_named_when_the_latest_role_has_none(tmp_path: Path) -> None:
    path = write_cv(tmp_path, "earlier", title="Operations Lead")
    text = path.read_text(encoding="utf-8").replace("Earlier Role - Contoso", "Project Co-ordinator - Contoso")
    path.write_text(text, encoding="utf-8")
    resume = resume_of(path)
    assert len(resume.roles) == 2  # both jobs read as dated roles (structure.find_roles)
    inference = infer_role(resume, profiles())
    assert inference.profile is not None and inference.profile.id == "project-coordinator"
    assert inference.reason.startswith("earlier title (") and inference.reason.endswith("'Project Co-ordinator'")


def test_the_latest_dated_role_is_the_most_recent_title_whatever_the_order(tmp_path: Path) -> None:
    """A résumé listing its oldest job first: the ongoing role is still the most recent title."""
    path = tmp_path / "oldest-first.txt"
    path.write_text(
        "Jordan Example\nLeeds, UK | jordan@example.com\n\nExperience\n"
        "Project Coordinator - Contoso, York - 2012 to 2016\n- Kept the RAID log for four projects.\n\n"
        "Scrum Master - Northwind Ltd, Leeds - 2016 to Present\n- Coached two teams through 40 sprints.\n",
        encoding="utf-8",
    )
    inference = infer_role(resume_of(path), profiles())
    assert inference.profile is not None and inference.profile.id == "scrum-master"
    assert inference.reason == "most recent title: 'Scrum Master'"


def test_a_title_from_long_before_the_latest_role_does_not_count(tmp_path: Path) -> None:
    path = tmp_path / "long-ago.txt"
    path.write_text(
        "Jordan Example\nLeeds, UK | jordan@example.com\n\nExperience\n"
        "Security Assessor - Northwind Ltd, Leeds - 2019 to Present\n- Assessed 40 systems a year.\n\n"
        "Programme Manager - Contoso, York - 2008 to 2010\n- Ran a £2m programme.\n",
        encoding="utf-8",
    )
    inference = infer_role(resume_of(path), profiles())
    assert inference.profile is None  # 2010 is more than 3 years before 2019


def test_ci_formats_name_the_target() -> None:
    """SARIF (run properties) and JUnit (testsuite properties) say what each file was measured against."""
    from resume_check.cli import main

    runner = CliRunner()
    sarif = json.loads(runner.invoke(main, ["check", str(SAMPLES / "alex-morgan.txt"), "--format", "sarif"]).stdout)
    assert sarif["runs"][0]["properties"]["targets"] == [
        {
            "file": str(SAMPLES / "alex-morgan.txt"),
            "kind": "role",
            "id": "it-project-manager",
            "reason": "headline: 'IT Project Manager'",
        }
    ]
    junit = runner.invoke(
        main, ["check", str(SAMPLES / "sam-taylor.txt"), "--role", "scrum-master", "--format", "junit"]
    )
    assert '<property name="resume-check.target" value="role:scrum-master"/>' in junit.stdout
    assert '<property name="resume-check.target-reason" value="given with --role"/>' in junit.stdout
