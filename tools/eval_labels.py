"""Compare resume-check's impact statements with the hand labels in tests/data/labels/statements/.

For every labelled résumé it runs ``resume-check check FILE... --format json`` once (or reads saved JSON reports with
``--json-dir``), matches the tool's ``impact.statements`` to the labels by key (the first words of the statement,
normalised as tests/data/labels/README.md says) and prints, per file and in total: label and tool counts, matches,
precision, recall and verdict agreement on the matched statements, plus the verdict confusion table. "firm" figures
leave out labels marked ``borderline: true`` (and the tool statements matched to them).

This is a measuring tool, not a test: it asserts no threshold.

Usage:
    python tools/eval_labels.py                      # all label files, corpus at ../shared/corpus/real
    python tools/eval_labels.py --corpus DIR --json-dir DIR --format json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "tests" / "data" / "labels" / "statements"
KEY_WORDS = 6
VERDICTS = ("strong", "unquantified", "weak")

_APOSTROPHES = re.compile("['\u2018\u2019\u02bc]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise_key(text: str, words: int = KEY_WORDS) -> str:
    """The label key of a statement: NFKC, lowercase, no apostrophes, other non-alphanumerics as spaces, N words."""
    folded = unicodedata.normalize("NFKC", text).lower()
    folded = _APOSTROPHES.sub("", folded)
    return " ".join(_NON_WORD.sub(" ", folded).split()[:words])


@dataclass(frozen=True, slots=True)
class Label:
    key: str
    verdict: str
    borderline: bool


@dataclass(frozen=True, slots=True)
class LabelFile:
    file: str
    labels: tuple[Label, ...]


@dataclass(frozen=True, slots=True)
class ToolStatement:
    text: str
    verdict: str


@dataclass(frozen=True, slots=True)
class FileScore:
    file: str
    labels: int
    tool: int
    matched: int
    verdict_agree: int
    firm_labels: int
    firm_tool: int
    firm_matched: int
    firm_agree: int
    confusion: tuple[tuple[str, str, int], ...]  # (label verdict, tool verdict, count) over all matched
    error: str = ""


def load_label_file(path: Path) -> LabelFile:
    """Read one statements label file (see tests/data/labels/README.md)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    labels = tuple(
        Label(key=str(s["key"]), verdict=str(s["verdict"]), borderline=bool(s.get("borderline", False)))
        for s in data.get("statements") or ()
    )
    return LabelFile(file=str(data["file"]), labels=labels)


def load_label_files(folder: Path = LABELS) -> tuple[LabelFile, ...]:
    return tuple(load_label_file(p) for p in sorted(folder.glob("*.yaml")))


def match_statements(labels: Sequence[Label], tool: Sequence[ToolStatement]) -> list[tuple[Label, ToolStatement]]:
    """Pair labels with tool statements one to one, in reading order, when a normalised tool text starts with a key."""
    free = list(range(len(tool)))
    pairs: list[tuple[Label, ToolStatement]] = []
    for label in labels:
        width = len(label.key.split())
        for pos, index in enumerate(free):
            if normalise_key(tool[index].text, width) == label.key:
                pairs.append((label, tool[index]))
                del free[pos]
                break
    return pairs


def score_file(label_file: LabelFile, tool: Sequence[ToolStatement]) -> FileScore:
    pairs = match_statements(label_file.labels, tool)
    firm_pairs = [(lab, st) for lab, st in pairs if not lab.borderline]
    borderline_matched = len(pairs) - len(firm_pairs)
    confusion = Counter((lab.verdict, st.verdict) for lab, st in pairs)
    return FileScore(
        file=label_file.file,
        labels=len(label_file.labels),
        tool=len(tool),
        matched=len(pairs),
        verdict_agree=sum(1 for lab, st in pairs if lab.verdict == st.verdict),
        firm_labels=sum(1 for lab in label_file.labels if not lab.borderline),
        firm_tool=len(tool) - borderline_matched,
        firm_matched=len(firm_pairs),
        firm_agree=sum(1 for lab, st in firm_pairs if lab.verdict == st.verdict),
        confusion=tuple(sorted((a, b, n) for (a, b), n in confusion.items())),
    )


def statements_from_report(report: Mapping[str, Any]) -> tuple[ToolStatement, ...]:
    """The impact statements of one ``check --format json`` report."""
    impact = report.get("impact") or {}
    items = impact.get("statements") if isinstance(impact, Mapping) else None
    if items is None:
        items = report.get("statements") or []
    return tuple(ToolStatement(text=str(s.get("text", "")), verdict=str(s.get("verdict", ""))) for s in items)


def _resume_check_command() -> list[str]:
    beside = Path(sys.executable).with_name("resume-check")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("resume-check")
    return [found] if found else [sys.executable, "-m", "resume_check"]


def run_tool(paths: Sequence[Path]) -> dict[str, Mapping[str, Any] | str]:
    """Run resume-check once per file (an unreadable file must not hide the others); file name -> report or error."""
    out: dict[str, Mapping[str, Any] | str] = {}
    for path in paths:
        proc = subprocess.run(
            [*_resume_check_command(), "check", str(path), "--format", "json", "--no-color"],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode not in (0, 1) or not proc.stdout.strip():
            out[path.name] = f"exit {proc.returncode}: {proc.stderr.strip().splitlines()[-1:] or ''}"
            continue
        data = json.loads(proc.stdout)
        out[path.name] = data[0] if isinstance(data, list) else data
    return out


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.2f}" if den else "  - "


def render_details(label_file: LabelFile, tool: Sequence[ToolStatement]) -> str:
    """Missed labels, extra tool statements (first 8 normalised words) and verdict disagreements of one file."""
    pairs = match_statements(label_file.labels, tool)
    matched_labels = {id(lab) for lab, _ in pairs}
    matched_tool = {id(st) for _, st in pairs}
    lines = [f"== {label_file.file}"]
    for lab in label_file.labels:
        if id(lab) not in matched_labels:
            lines.append(f"  missed  {lab.key!r} ({lab.verdict}{', borderline' if lab.borderline else ''})")
    for st in tool:
        if id(st) not in matched_tool:
            lines.append(f"  extra   {normalise_key(st.text, 8)!r} ({st.verdict})")
    for lab, st in pairs:
        if lab.verdict != st.verdict:
            flag = ", borderline" if lab.borderline else ""
            lines.append(f"  verdict {lab.key!r}: label {lab.verdict}, tool {st.verdict}{flag}")
    return "\n".join(lines)


def render_table(scores: Iterable[FileScore]) -> str:
    rows = list(scores)
    head = (
        f"{'file':<52} {'lab':>4} {'tool':>4} {'match':>5} {'prec':>5} {'rec':>5} {'verd':>5}"
        f" | {'firm':>4} {'prec':>5} {'rec':>5} {'verd':>5}"
    )
    lines = [head, "-" * len(head)]

    def line(name: str, s: FileScore) -> str:
        return (
            f"{name[:52]:<52} {s.labels:>4} {s.tool:>4} {s.matched:>5} {_ratio(s.matched, s.tool):>5}"
            f" {_ratio(s.matched, s.labels):>5} {_ratio(s.verdict_agree, s.matched):>5}"
            f" | {s.firm_labels:>4} {_ratio(s.firm_matched, s.firm_tool):>5} {_ratio(s.firm_matched, s.firm_labels):>5}"
            f" {_ratio(s.firm_agree, s.firm_matched):>5}"
        )

    for s in rows:
        lines.append(line(s.file, s) + (f"  ERROR {s.error}" if s.error else ""))
    total = total_score(rows)
    lines.append("-" * len(head))
    lines.append(line("TOTAL (micro)", total))
    lines.append("")
    lines.append("verdict confusion on matched statements (rows: label, columns: tool)")
    table = {(a, b): n for a, b, n in total.confusion}
    tool_verdicts = sorted({b for _, b in table} | set(VERDICTS))
    lines.append(f"{'':<14}" + "".join(f"{v:>14}" for v in tool_verdicts))
    for a in VERDICTS:
        lines.append(f"{a:<14}" + "".join(f"{table.get((a, b), 0):>14}" for b in tool_verdicts))
    lines.append("")
    lines.append(
        "prec = matched / tool statements; rec = matched / labels; verd = same verdict / matched; "
        "firm = borderline labels (and tool statements matched to them) left out"
    )
    return "\n".join(lines)


def total_score(rows: Sequence[FileScore]) -> FileScore:
    confusion: Counter[tuple[str, str]] = Counter()
    for s in rows:
        for a, b, n in s.confusion:
            confusion[(a, b)] += n
    return FileScore(
        file="TOTAL",
        labels=sum(s.labels for s in rows),
        tool=sum(s.tool for s in rows),
        matched=sum(s.matched for s in rows),
        verdict_agree=sum(s.verdict_agree for s in rows),
        firm_labels=sum(s.firm_labels for s in rows),
        firm_tool=sum(s.firm_tool for s in rows),
        firm_matched=sum(s.firm_matched for s in rows),
        firm_agree=sum(s.firm_agree for s in rows),
        confusion=tuple(sorted((a, b, n) for (a, b), n in confusion.items())),
    )


def collect_reports(
    label_files: Sequence[LabelFile], corpus: Path, json_dir: Path | None = None
) -> dict[str, Mapping[str, Any] | str]:
    """The tool's report (or an error string) per labelled file, from saved JSON or by running resume-check."""
    reports: dict[str, Mapping[str, Any] | str] = {}
    if json_dir is not None:
        for lf in label_files:
            saved = json_dir / f"{lf.file}.json"
            if saved.exists():
                data = json.loads(saved.read_text(encoding="utf-8"))
                reports[lf.file] = data[0] if isinstance(data, list) else data
            else:
                reports[lf.file] = f"no saved report {saved}"
    else:
        reports = run_tool([corpus / lf.file for lf in label_files])
    return reports


def evaluate(label_files: Sequence[LabelFile], reports: Mapping[str, Mapping[str, Any] | str]) -> list[FileScore]:
    scores = []
    for lf in label_files:
        report = reports.get(lf.file, "not run")
        if isinstance(report, str):
            scores.append(replace(score_file(lf, ()), error=report))
        else:
            scores.append(score_file(lf, statements_from_report(report)))
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    default_corpus = Path(os.environ.get("RESUME_CHECK_CORPUS", REPO.parent / "shared" / "corpus" / "real"))
    parser.add_argument("--labels", type=Path, default=LABELS, help="folder of statement label files")
    parser.add_argument("--corpus", type=Path, default=default_corpus, help="folder of the labelled résumés")
    parser.add_argument("--json-dir", type=Path, default=None, help="read saved <file>.json reports instead")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--details",
        action="store_true",
        help="also list missed labels, extra tool statements and verdict disagreements (local use: real CV text)",
    )
    parser.add_argument("files", nargs="*", help="only these label files' résumés (file names)")
    args = parser.parse_args(argv)
    label_files = load_label_files(args.labels)
    if args.files:
        label_files = tuple(lf for lf in label_files if lf.file in set(args.files))
    if not args.corpus.is_dir() and args.json_dir is None:
        print(f"corpus folder not found: {args.corpus} (use --corpus or RESUME_CHECK_CORPUS)", file=sys.stderr)
        return 2
    reports = collect_reports(label_files, args.corpus, args.json_dir)
    scores = evaluate(label_files, reports)
    if args.format == "json":
        rows = [*scores, total_score(scores)]
        print(json.dumps([asdict(s) for s in rows], indent=2))
    else:
        print(render_table(scores))
        if args.details:
            for lf in label_files:
                report = reports.get(lf.file)
                if report is not None and not isinstance(report, str):
                    print()
                    print(render_details(lf, statements_from_report(report)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
