"""Write every report the CLI can produce for a set of résumés into a folder, to diff two versions of the code.

Usage (from a checkout, in an environment where that checkout is installed):

    python tools/snapshot.py OUT [FOLDER ...] [--job POSTING] [--role ID]

    diff -r before/ after/      # a refactor that changes no behaviour leaves no difference

FOLDER defaults to ``samples/`` plus the real corpus beside the checkout (``../shared/corpus/real``) when present.
For each file it writes ``check`` in every format (text, json, markdown, html, line, github, sarif, junit),
``check --job`` in text, json, markdown and html, ``check --role`` in text and json, and ``extract`` in text and json;
then ``batch`` over all files in every cohort format, ``explain`` and ``rules``. Commands run in process through
Click's test runner (one engine for the whole run), with the terminal width fixed at 80 and colour off.
Each output file holds the exit code on its first line, then stdout; stderr is written beside it when not empty.
Variable parts (the run's date and the checkout's absolute paths) are replaced by placeholders.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from click.testing import CliRunner

from resume_check.cli import main as cli

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".json"}
CHECK_FORMATS = ("text", "json", "markdown", "html", "line", "github", "sarif", "junit")
COHORT_FORMATS = ("csv", "json", "markdown", "html", "jsonl")
DATE = re.compile(r"\b20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")


def files_in(folders: list[Path]) -> list[Path]:
    found: list[Path] = []
    for folder in folders:
        found.extend(sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES))
    return found


def clean(text: str) -> str:
    text = DATE.sub("<DATE>", text)
    return text.replace(str(ROOT), "<ROOT>").replace(str(ROOT.parent), "<PARENT>")


def run(runner: CliRunner, args: list[str], out: Path) -> None:
    result = runner.invoke(cli, args, catch_exceptions=True)
    body = f"exit {result.exit_code}\n{result.stdout}"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        body += f"\nEXCEPTION {type(result.exception).__name__}: {result.exception}\n"
    out.write_text(clean(body), encoding="utf-8")
    if result.stderr:
        out.with_suffix(out.suffix + ".stderr").write_text(clean(result.stderr), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--job", type=Path, default=ROOT.parent / "shared/jobs/18f-it-specialist-gs14-various.md")
    parser.add_argument("--role", default="it-project-manager")
    args = parser.parse_args(argv)
    folders: list[Path] = args.folders or [ROOT / "samples"]
    if not args.folders and (ROOT.parent / "shared/corpus/real").is_dir():
        folders.append(ROOT.parent / "shared/corpus/real")
    os.environ.update(COLUMNS="80", NO_COLOR="1", TZ="UTC")
    runner = CliRunner(env={"COLUMNS": "80", "NO_COLOR": "1"})
    args.out.mkdir(parents=True, exist_ok=True)
    paths = files_in(folders)
    for i, path in enumerate(paths, 1):
        stem = f"{path.parent.name}__{path.name}"
        print(f"[{i}/{len(paths)}] {path}", file=sys.stderr)
        for fmt in CHECK_FORMATS:
            run(runner, ["check", str(path), "--format", fmt], args.out / f"{stem}.check.{fmt}")
        if args.job.is_file():
            for fmt in ("text", "json", "markdown", "html"):
                run(
                    runner,
                    ["check", str(path), "--job", str(args.job), "--format", fmt],
                    args.out / f"{stem}.job.{fmt}",
                )
        for fmt in ("text", "json"):
            run(runner, ["check", str(path), "--role", args.role, "--format", fmt], args.out / f"{stem}.role.{fmt}")
            run(runner, ["extract", str(path), "--format", fmt], args.out / f"{stem}.extract.{fmt}")
    listed = [str(p) for p in paths]
    for fmt in COHORT_FORMATS:
        out = args.out / f"batch.{fmt}"
        written = ["--output", str(out.with_suffix(".records"))] if fmt == "jsonl" else []
        run(runner, ["batch", *listed, "--format", fmt, "--quiet", "--workers", "1", *written], out)
        if written:
            records = out.with_suffix(".records")
            records.write_text(clean(records.read_text(encoding="utf-8")), encoding="utf-8")
    run(runner, ["explain"], args.out / "explain.text")
    run(runner, ["explain", "--format", "json"], args.out / "explain.json")
    run(runner, ["rules", "--format", "json"], args.out / "rules.json")
    print(f"{len(paths)} files; outputs in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
