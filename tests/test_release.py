"""The release number agrees everywhere a user reads it: setup.cfg, the changelog's top released entry, the README."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

import resume_check

ROOT = Path(__file__).resolve().parent.parent


def setup_cfg_version() -> str:
    parser = configparser.ConfigParser()
    parser.read(ROOT / "setup.cfg", encoding="utf-8")
    return parser["metadata"]["version"]


def changelog_versions() -> list[str]:
    text = (ROOT / "CHANGELOG.md").read_text("utf-8")
    return re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", text, flags=re.MULTILINE)


def test_changelog_top_release_is_the_package_version() -> None:
    versions = changelog_versions()
    assert versions, "CHANGELOG.md has no released entry ('## [X.Y.Z] - YYYY-MM-DD')"
    assert versions[0] == setup_cfg_version() == resume_check.__version__


def test_changelog_entries_are_newest_first_and_unique() -> None:
    versions = [tuple(int(p) for p in v.split(".")) for v in changelog_versions()]
    assert versions == sorted(set(versions), reverse=True)


def test_readme_install_examples_pin_the_current_release() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    tags = set(re.findall(r"@v(\d+\.\d+\.\d+)", readme)) | set(re.findall(r"rev: v(\d+\.\d+\.\d+)", readme))
    assert tags, "the README names no release tag to install"
    assert tags == {setup_cfg_version()}, f"README pins {sorted(tags)}, setup.cfg says {setup_cfg_version()}"


def pip_install_arguments(readme: str) -> list[str]:
    """Every argument of every ``pip install`` in the README's code blocks, as the shell would split it."""
    import shlex

    args: list[str] = []
    for block in re.findall(r"```[a-z]*\n(.*?)```", readme, flags=re.DOTALL):
        for command in re.findall(r"pip install ([^\n]*)", block):
            command = re.split(r"\s(?:&&|;|\|\||#)\s?", command)[0]
            args.extend(a for a in shlex.split(command) if not a.startswith("-"))
    return args


def test_no_install_example_names_an_unpublished_package() -> None:
    """`pip install resume-check` would fetch whatever somebody registered under that name on PyPI."""
    args = pip_install_arguments((ROOT / "README.md").read_text("utf-8"))
    assert args, "the README shows no pip install"
    bare = [a for a in args if re.match(r"resume[-_]check\b", a) and " @ " not in a]
    assert not bare, f"install from a tag or a checkout, not from PyPI: {bare}"
    assert any(a.startswith("resume-check @ git+") for a in args)


def test_the_unpublished_name_check_can_fail() -> None:
    assert pip_install_arguments("```sh\npip install -U resume-check && x\n```") == ["resume-check"]


def test_licence_file_matches_the_metadata() -> None:
    parser = configparser.ConfigParser()
    parser.read(ROOT / "setup.cfg", encoding="utf-8")
    assert parser["metadata"]["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text("utf-8").startswith("MIT License")


def test_every_subpackage_is_listed_for_installation() -> None:
    """setup.cfg lists packages by hand: a subpackage missing there works in a checkout and is absent when installed."""
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    listed = set(config["options"]["packages"].split())
    package = ROOT / "resume_check"
    found = {
        ".".join(("resume_check", *init.parent.relative_to(package).parts))
        for init in package.rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set(), "add these to [options] packages in setup.cfg"
    assert {p for p in listed if p.startswith("resume_check.") and p != "resume_check.lexicons"} <= found
