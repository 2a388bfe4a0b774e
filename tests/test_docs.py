"""The README tells the truth about the command line: every option it names exists on some command, and every
command it runs exists."""

from __future__ import annotations

import re
from pathlib import Path

import click
from conftest import JOBS, needs_jobs

from resume_check.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")

#: options in the README that belong to other tools (pip, pytest, git, the benchmark, Chromium ...)
OTHER_TOOLS = {
    "--update-golden",  # pytest option of this repository's conftest
    "--upgrade",
    "--quiet",
    "--no-deps",
    "--check",  # tools/build_docs.py --check
    "--cases",  # tools/fuzz.py options
    "--seed",
    "--headless",
    "--no-sandbox",
    "--scale",  # bench/bench.py options
    "--skip-batch",
    "--skip-cli",
    "--skip-stages",
    "--scale-rounds",
}


def all_commands(group: click.Group, prefix: str = "") -> dict[str, click.Command]:
    out: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        out[prefix + name] = command
        if isinstance(command, click.Group):
            out.update(all_commands(command, prefix + name + " "))
    return out


COMMANDS = all_commands(main)
OPTIONS = {opt for cmd in COMMANDS.values() for p in cmd.params for opt in (*p.opts, *p.secondary_opts)} | {
    "--help",  # Click's own, on every command
    "--version",
}


def test_every_option_the_readme_names_exists() -> None:
    named = set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]+)", README))
    assert len(named) > 15
    missing = sorted(named - OPTIONS - OTHER_TOOLS)
    assert missing == [], f"the README names options no command has: {missing}"


def test_every_command_the_readme_runs_exists() -> None:
    # as run in code blocks and inline code, not the product's name in prose
    code = "\n".join(re.findall(r"```[a-z]*\n(.*?)```", README, flags=re.DOTALL) + re.findall(r"`([^`\n]+)`", README))
    used = set(re.findall(r"(?<![\w-])resume-check ((?:lexicons |roles )?[a-z]+)\b", code))
    assert len(used) >= 6
    unknown = sorted(c for c in used if c not in COMMANDS and c.split()[0] not in COMMANDS)
    assert unknown == [], f"the README runs commands that do not exist: {unknown}"


def test_options_the_readme_lists_per_command_belong_to_that_command() -> None:
    """The commands table: `resume-check CMD ... --opt` rows name options of CMD itself."""
    problems = []
    for row in re.findall(r"^\| `resume-check ([a-z]+)([^`]*)` \|", README, flags=re.MULTILINE):
        command, rest = row
        own = (
            {o for p in COMMANDS[command].params for o in (*p.opts, *p.secondary_opts)}
            if command in COMMANDS
            else set()
        )
        problems += [f"{command} {opt}" for opt in re.findall(r"(--[a-z][a-z0-9-]+)", rest) if opt not in own]
    assert problems == []


def test_generated_docs_are_current() -> None:
    """docs/rules.md and docs/report.html are what tools/build_docs.py makes from today's code."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_docs", ROOT / "tools" / "build_docs.py")
    assert spec is not None and spec.loader is not None
    build_docs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_docs)
    assert (ROOT / "docs" / "report.html").read_text("utf-8") == build_docs.sample_report(), (
        "docs/report.html is stale: run python tools/build_docs.py"
    )
    assert (ROOT / "docs" / "rules.md").read_text("utf-8") == build_docs.rules_markdown()


def test_no_development_notes_ship_in_the_package() -> None:
    """Issue numbers and paths to the team's reference folders mean nothing to a user of the installed package."""
    pattern = re.compile(r"(?<!spaCy )\bissue[ -]?#?\d+\b|\.\./shared/|/work/shared", re.IGNORECASE)
    offenders = []
    for folder in (ROOT / "resume_check", ROOT / "lexicons"):
        for path in folder.rglob("*"):
            if path.suffix in (".py", ".yaml", ".json", ".md", ".tsv", ".txt") and path.is_file():
                for number, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1):
                    if pattern.search(line):
                        offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert offenders == [], f"{len(offenders)} line(s): {offenders[:10]}"


def test_the_readme_names_the_current_algorithm_version() -> None:
    """The README's "How the score works" names the version reports carry (it said 2026.12-5 at 2026.12-6)."""
    from resume_check.scoring import ALGORITHM_VERSION

    section = README[README.index("## How the score works") :]
    assert f"(`{ALGORITHM_VERSION}` at present)" in section[:400]


def test_the_readme_sample_report_is_todays_output() -> None:
    """The report the README shows under "What a check looks like" is, character for character, what the command
    prints today (80 columns, no colour); regenerate it when the report changes."""
    import os

    from click.testing import CliRunner

    section = README[README.index("## What a check looks like") :]
    shown = re.search(r"```text\n(.*?)```", section, flags=re.DOTALL)
    assert shown is not None
    here = os.getcwd()
    os.chdir(ROOT)  # the report names the file as given
    try:
        result = CliRunner().invoke(
            main, ["check", "samples/alex-morgan.pdf"], env={"COLUMNS": "80", "NO_COLOR": "1", "FORCE_COLOR": None}
        )
    finally:
        os.chdir(here)
    assert result.exit_code == 0
    assert result.output == shown.group(1)
    # and it says what matters: the score, the target and its reason, at least one suggestion with a placeholder
    assert re.search(r"Score \d+(\.\d)?/100", result.output)
    assert "Measured against" in result.output and "[" in result.output


@needs_jobs
def test_the_readme_job_match_section_is_todays_output() -> None:
    """The job-match section the README shows for the sample against the U.S. Digital Corps posting is what
    ``check --job`` prints today, from its "Job match:" line to the report's next section."""
    import os

    from click.testing import CliRunner

    anchor = "this section to the report (the rest of the report is then measured against the posting's terms):"
    shown = re.search(r"```text\n(.*?)```", README[README.index(anchor) :], flags=re.DOTALL)
    assert shown is not None
    posting = str(JOBS / "18f-usdc-supervisor-product-management.md")
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(
            main,
            ["check", "samples/alex-morgan.pdf", "--job", posting],
            env={"COLUMNS": "80", "NO_COLOR": "1", "FORCE_COLOR": None},
        )
    finally:
        os.chdir(here)
    assert result.exit_code == 0
    lines = result.output.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("Job match:"))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("Score breakdown"))
    assert "\n".join(lines[start:end]).rstrip("\n") + "\n" == shown.group(1)
    # and the facts that matter: a match rate, what is missing with the posting line asking, what is found
    assert re.search(r"Match \d+(\.\d)?/100", shown.group(1))
    assert "Missing required" in shown.group(1) and "posting line" in shown.group(1) and "Found (" in shown.group(1)


#: a measured figure: a time or memory cost ("~80 ms", "about 250 ms", "costs 30 ms", "~7 MB") or a speed-up
MEASURED = re.compile(
    r"(?:~|\babout |\bcosts? |\btakes? |\btook |\bsaved? |\bsaves )\s*\d[\d.,]*\s*(?:ms|µs|s|MB|GB|KB|kB|%)(?!\w)"
    r"|\b\d[\d.,]*\s*(?:ms|µs)\b|\b\d[\d.]*\s*times faster"
)


def _docs_and_comments(path: Path) -> list[tuple[int, str]]:
    """The docstrings and comments of a module, with their line numbers."""
    import ast
    import io
    import tokenize

    source = path.read_text(encoding="utf-8")
    found = [
        (token.start[0], token.string)
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    ]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            doc = ast.get_docstring(node, clean=False)
            if doc:
                found.append((node.body[0].lineno, doc))
    return found


def test_no_measured_figure_in_a_docstring_or_comment() -> None:
    """Measured figures go stale in code: they live in the README's speed table, produced by bench/bench.py."""
    hits = [
        f"{path.relative_to(ROOT)}:{line}: {match.group()!r}"
        for path in sorted((ROOT / "resume_check").rglob("*.py"))
        for line, text in _docs_and_comments(path)
        for match in MEASURED.finditer(text)
    ]
    assert hits == []
    assert MEASURED.search("holding the GC saves ~1.5 ms a résumé") and not MEASURED.search("a 10 MB limit")
