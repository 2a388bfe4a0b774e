"""Write a folder of synthetic IT project manager résumés (made-up people) for batch tests and benchmarks.

Usage: ``python tools/make_cohort.py FOLDER [--count 200] [--seed 16] [--docx-every 0]``

Each résumé is built from a seeded random choice of made-up names, employers, skills, certifications and
bullets (some quantified, some weak), so scores, gaps and findings vary from file to file; the same seed gives
byte-identical files. Plain text and Markdown by default; ``--docx-every N`` makes every N-th file a DOCX
(needs python-docx). Nobody here is real: names are drawn from common given names and surnames, employers are
invented, e-mail addresses use example.com and phone numbers the Ofcom drama range.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

GIVEN = ("Alex", "Sam", "Jordan", "Casey", "Robin", "Morgan", "Taylor", "Jamie", "Drew", "Kim", "Lee", "Pat")
FAMILY = ("Rivers", "Hale", "Moss", "Finch", "Lowe", "Marsh", "Pike", "Reed", "Shaw", "Stone", "Webb", "Wood")
EMPLOYERS = (
    "Northwind Logistics",
    "Bluefield Insurance",
    "Kestrel Health Trust",
    "Granite Retail Group",
    "Harbour City Council",
    "Lumen Software",
    "Oakridge Utilities",
    "Pinecrest Bank",
)
TITLES = ("IT Project Manager", "Senior IT Project Manager", "Technical Project Manager", "Programme Manager")
SKILLS = (
    "Agile",
    "Scrum",
    "Kanban",
    "PRINCE2",
    "Waterfall",
    "risk management",
    "stakeholder management",
    "budget management",
    "Jira",
    "Confluence",
    "MS Project",
    "ITIL",
    "change management",
    "vendor management",
    "SAFe",
    "cloud migration",
    "AWS",
    "Azure",
    "SQL",
    "ERP",
    "resource planning",
    "business case",
    "RAID log",
    "UAT",
)
CERTIFICATIONS = (
    "PMP",
    "PRINCE2 Practitioner",
    "Professional Scrum Master I",
    "Certified ScrumMaster",
    "ITIL 4 Foundation",
    "AgilePM Practitioner",
    "PMI Agile Certified Practitioner",
)
STRONG = (
    "Delivered a {n}-site {thing} rollout {pct}% under budget, saving £{money}k",
    "Led a team of {n} engineers to migrate {thing} to the cloud, cutting hosting costs by {pct}%",
    "Reduced release lead time by {pct}% by introducing {skill} across {n} teams",
    "Managed a £{money}k budget and {n} suppliers for the {thing} programme, finishing {n} weeks early",
    "Improved customer satisfaction from {pct}% to {pct2}% after replacing the {thing}",
)
WEAK = (
    "Responsible for {thing} projects",
    "Helped with {skill} ceremonies",
    "Worked on various {thing} initiatives",
    "Duties included status reporting and {skill}",
)
THINGS = ("ERP", "CRM", "payroll system", "data warehouse", "service desk", "network refresh", "billing platform")


def make_resume(rng: random.Random, index: int) -> tuple[str, str]:
    """(file stem, Markdown-ish text) of one made-up person."""
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    skills = rng.sample(SKILLS, rng.randint(3, len(SKILLS) // 2))
    certs = rng.sample(CERTIFICATIONS, rng.randint(0, 3))
    lines = [
        f"{given} {family}",
        rng.choice(TITLES),
        f"{given.lower()}.{family.lower()}{index}@example.com | +44 7700 900{rng.randint(100, 999)} | Leeds, UK",
        "",
        "Profile",
        f"IT project manager with {rng.randint(2, 20)} years of experience in {rng.choice(THINGS)} and "
        f"{rng.choice(THINGS)} projects, using {', '.join(skills[:3])}.",
        "",
        "Experience",
    ]
    year = 2025
    for _ in range(rng.randint(1, 4)):
        start = year - rng.randint(1, 5)
        lines += [f"{rng.choice(TITLES)}, {rng.choice(EMPLOYERS)}", f"{start} – {year}"]
        for _ in range(rng.randint(2, 5)):
            template = rng.choice(STRONG if rng.random() < 0.55 else WEAK)
            pct = rng.randint(5, 60)
            text = template.format(
                n=rng.randint(2, 40),
                thing=rng.choice(THINGS),
                pct=pct,
                pct2=min(99, pct + rng.randint(5, 30)),
                money=rng.randint(50, 4000),
                skill=rng.choice(skills),
            )
            lines.append(f"- {text}")
        lines.append("")
        year = start
    lines += ["Skills", ", ".join(skills), ""]
    if certs:
        lines += ["Certifications", *(f"- {c}" for c in certs), ""]
    lines += ["Education", f"BSc Computing, University of {rng.choice(('Leeds', 'York', 'Bath', 'Kent'))}, {year - 3}"]
    return f"{index:05d}-{given.lower()}-{family.lower()}", "\n".join(lines) + "\n"


def write_cohort(folder: Path, count: int = 200, seed: int = 16, docx_every: int = 0) -> list[Path]:
    """Write ``count`` résumés into ``folder`` (created); return their paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths: list[Path] = []
    for index in range(count):
        stem, text = make_resume(rng, index)
        if docx_every and index % docx_every == docx_every - 1:
            path = folder / f"{stem}.docx"
            _write_docx(path, text)
        else:
            path = folder / f"{stem}.{'md' if index % 3 == 0 else 'txt'}"
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _write_docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    document.core_properties.author = "resume-check tools/make_cohort.py"
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--docx-every", type=int, default=0)
    args = parser.parse_args()
    paths = write_cohort(Path(args.folder), args.count, args.seed, args.docx_every)
    print(f"wrote {len(paths)} résumés to {args.folder}")


if __name__ == "__main__":
    main()
