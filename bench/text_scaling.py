"""Text scaling: CPU seconds to analyse generated résumés of one shape at two sizes, and their ratio.

Usage (from the repository, in an environment where resume-check is installed):

    python bench/text_scaling.py [SHAPE ...]

Each shape repeats one kind of line (role headers with bullets, bullets, prose, date ranges, headings, contact
lines, skills lists, numbers) under an Experience heading up to a quarter of the text limit and up to just under
the whole limit (1,000,000 characters). Four times the text should cost about four times the CPU: a ratio near 16
would show an algorithm quadratic in the number of lines. Figures are printed, never asserted.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from resume_check.analysis import analyse_path, build_engine
from resume_check.budgets import MAX_DOCUMENT_CHARS
from resume_check.errors import ResumeCheckError

WORDS = ("managed", "the", "budget", "of", "£2m", "for", "Agile", "teams", "and", "vendors", "across", "cloud", "risk")
SKILLS = ("Agile", "Scrum", "Kanban", "PRINCE2", "ITIL", "AWS", "Azure", "Jira", "risk management", "vendors")
SECTIONS = ("Experience", "Skills", "Education", "Certifications", "Projects", "Summary")


def _shapes(rnd: random.Random) -> dict[str, Callable[[int], list[str]]]:
    return {
        "roles": lambda n: [
            f"Senior IT Project Manager, Acme {n} Ltd, London    Jan 2015 – Present",
            f"- Delivered a £{n}m cloud migration for 1,200 users, cutting costs by 12%.",
        ],
        "bullets": lambda n: [f"- Led {n} engineers to deliver a £{n}m programme, cutting costs by {n % 90}%."],
        "prose": lambda n: [" ".join(rnd.choice(WORDS) for _ in range(2500))[:19_000]],
        "dates": lambda n: [f"Jan {1990 + n % 30} – Mar {1991 + n % 30}; Feb {1990 + n % 30} - Present; 2019-2020"],
        "headings": lambda n: [SECTIONS[n % len(SECTIONS)]],
        "contacts": lambda n: [f"person{n}@example.com | +44 7700 9{n % 100_000:05d} | linkedin.com/in/p{n}"],
        "skills": lambda n: ["Skills: " + ", ".join(SKILLS * 3)],
        "numbers": lambda n: [
            " ".join(f"{rnd.randint(1, 10**6)}{rnd.choice(['%', 'm', 'k', ' users'])}" for _ in range(30))
        ],
    }


def generate(lines_of: Callable[[int], list[str]], size: int) -> str:
    out = ["Alex Morgan", "alex.morgan@example.com", "Experience"]
    length = sum(len(line) + 1 for line in out)
    n = 0
    while length < size:
        for line in lines_of(n):
            out.append(line)
            length += len(line) + 1
        n += 1
    return "\n".join(out)[:size]


def main() -> None:
    rnd = random.Random(20261207)
    shapes = _shapes(rnd)
    wanted = sys.argv[1:] or list(shapes)
    unknown = [s for s in wanted if s not in shapes]
    if unknown:
        raise SystemExit(f"unknown shape(s) {', '.join(unknown)}; choose from {', '.join(shapes)}")
    engine = build_engine()
    sizes = (MAX_DOCUMENT_CHARS // 4, MAX_DOCUMENT_CHARS - 10_000)
    print(f"{'shape':<10} {sizes[0]:>12,} chars {sizes[1]:>12,} chars   ratio (4x the text)")
    with tempfile.TemporaryDirectory() as folder:
        for shape in wanted:
            seconds = []
            for size in sizes:
                path = Path(folder) / f"{shape}-{size}.txt"
                path.write_text(generate(shapes[shape], size), encoding="utf-8")
                start = time.process_time()
                try:
                    analyse_path(path, engine=engine)
                except ResumeCheckError as err:
                    raise SystemExit(f"{shape} at {size:,} characters was refused: {err}") from None
                seconds.append(time.process_time() - start)
            ratio = seconds[1] / max(seconds[0], 1e-3)
            print(f"{shape:<10} {seconds[0]:>15.2f} s {seconds[1]:>15.2f} s   {ratio:5.1f}")


if __name__ == "__main__":
    main()
