"""Hand-built ``models.Analysis`` objects for renderer tests: a strong IT PM résumé, a weak one and a hostile one.

``build_analysis`` turns a compact description (sections of blocks, terms to find, statements to judge) into a
fully consistent Analysis: offsets slice back to their text, blocks, sections, occurrences, evidence levels,
category coverage and the impact summary are derived, so renderers see what the real pipeline would give them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from resume_check.models import (
    DIMENSIONS,
    EVIDENCE_LEVELS,
    Analysis,
    Block,
    CategoryCoverage,
    Contact,
    Document,
    Finding,
    FoundTerm,
    Impact,
    ImpactSummary,
    Line,
    Metric,
    MissingTerm,
    Occurrence,
    Resume,
    Score,
    ScoreComponent,
    ScoreRule,
    Section,
    Source,
    Statement,
)


@dataclass(frozen=True)
class TermSpec:
    id: str
    label: str
    category: str
    weight: float
    surfaces: tuple[str, ...] = ()  # texts to look for; empty = the term is missing


@dataclass(frozen=True)
class StatementSpec:
    block_prefix: str  # the statement is the block whose text starts with this (or the sentence, see ``sentence``)
    verdict: str
    verb: str | None
    verb_family: str | None
    metrics: tuple[tuple[str, str, str | None], ...] = ()  # (text, kind, measures)
    suggestion: str = ""
    issues: tuple[str, ...] = ()
    sentence: str | None = None  # when set, the statement is only this substring of the block


@dataclass(frozen=True)
class ResumeSpec:
    path: str
    type: str
    pages: int | None
    size: int
    sections: tuple[tuple[str, str | None, tuple[tuple[str, str], ...]], ...]  # (name, heading, ((kind, text)...))
    categories: tuple[tuple[str, str, float], ...]  # (id, label, weight)
    terms: tuple[TermSpec, ...]
    statements: tuple[StatementSpec, ...]
    components: tuple[tuple[str, str, float, float, tuple[tuple[str, float, str], ...]], ...]
    contact: Contact = field(default_factory=Contact)
    warnings: tuple[Finding, ...] = ()
    findings: tuple[Finding, ...] = ()
    overused_verbs: tuple[tuple[str, int], ...] = ()
    parts: dict[int, str] = field(default_factory=dict)  # block index -> part, for header/footer blocks
    lexicons: tuple[tuple[str, str], ...] = (("pm", "1.0.0"), ("verbs", "1.0.0"))


ALGORITHM_VERSION = "2026.11-test"


def _context(text: str, start: int, end: int, radius: int = 30) -> str:
    lo = max(0, start - radius)
    hi = min(len(text), end + radius)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    return prefix + text[lo:hi].replace("\n", " ").strip() + suffix


def build_analysis(spec: ResumeSpec) -> Analysis:
    """A consistent Analysis from ``spec`` (see the module docstring)."""
    lines: list[Line] = []
    blocks: list[Block] = []
    sections: list[Section] = []
    offset = 0
    for name, heading, items in spec.sections:
        heading_line: int | None = None
        if heading is not None:
            index = len(lines)
            lines.append(Line(text=heading, bold=True, page=1 if spec.type == "pdf" else None))
            blocks.append(Block("heading", name, heading, offset, offset + len(heading), index + 1, (index,)))
            heading_line = index + 1
            offset += len(heading) + 1
        members: list[int] = []
        for kind, text in items:
            index = len(lines)
            part = spec.parts.get(len(blocks), "body")
            lines.append(
                Line(
                    text=text,
                    bullet=kind == "bullet",
                    page=1 if spec.type == "pdf" else None,
                    part=part,  # type: ignore[arg-type]
                )
            )
            members.append(len(blocks))
            blocks.append(
                Block(kind, name, text, offset, offset + len(text), index + 1, (index,), part=part)  # type: ignore[arg-type]
            )
            offset += len(text) + 1
        sections.append(Section(name, heading, heading_line, tuple(members)))
    text = "\n".join(block.text for block in blocks)
    assert all(text[b.start : b.end] == b.text for b in blocks)
    document = Document(
        source=Source(spec.path, spec.type, spec.pages, spec.size),
        lines=tuple(lines),
        links=tuple(
            link
            for link in (
                f"mailto:{spec.contact.email}" if spec.contact.email else None,
                spec.contact.linkedin,
            )
            if link
        ),
        warnings=spec.warnings,
    )
    resume = Resume(
        document=document,
        text=text,
        blocks=tuple(blocks),
        sections=tuple(sections),
        contact=spec.contact,
        warnings=spec.warnings,
    )

    statements: list[Statement] = []
    for st in spec.statements:
        index = next(i for i, b in enumerate(blocks) if b.kind != "heading" and b.text.startswith(st.block_prefix))
        block = blocks[index]
        start, end = block.start, block.end
        if st.sentence is not None:
            local = block.text.index(st.sentence)
            start, end = block.start + local, block.start + local + len(st.sentence)
        metrics = []
        for mtext, kind, measures in st.metrics:
            local = text.index(mtext, start, end)
            metrics.append(Metric(mtext, kind, measures, local, local + len(mtext)))  # type: ignore[arg-type]
        statements.append(
            Statement(
                text=text[start:end],
                section=block.section,
                line=block.line,
                block=index,
                start=start,
                end=end,
                verdict=st.verdict,  # type: ignore[arg-type]
                verb=st.verb,
                verb_family=st.verb_family,
                metrics=tuple(metrics),
                suggestion=st.suggestion,
                issues=st.issues,
            )
        )

    evidence_for = {"strong": "quantified-achievement", "unquantified": "achievement", "weak": "duty"}
    found: list[FoundTerm] = []
    missing: list[MissingTerm] = []
    for term in spec.terms:
        occurrences: list[Occurrence] = []
        for surface in term.surfaces:
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text, flags=re.IGNORECASE):
                block_index = resume.block_at(m.start())
                block = blocks[block_index]
                statement = next(
                    (i for i, s in enumerate(statements) if s.start <= m.start() and m.end() <= s.end), None
                )
                if statement is not None:
                    evidence = evidence_for[statements[statement].verdict]
                elif block.section == "skills":
                    evidence = "skills-list"
                else:
                    evidence = "mention"
                occurrences.append(
                    Occurrence(
                        text=m.group(0),
                        section=block.section,
                        line=block.line,
                        start=m.start(),
                        end=m.end(),
                        context=_context(text, m.start(), m.end()),
                        evidence=evidence,  # type: ignore[arg-type]
                        statement=statement,
                    )
                )
        occurrences.sort(key=lambda o: o.start)
        if occurrences:
            best = min(occurrences, key=lambda o: EVIDENCE_LEVELS.index(o.evidence)).evidence
            found.append(FoundTerm(term.id, term.label, term.category, term.weight, tuple(occurrences), best))
        else:
            missing.append(MissingTerm(term.id, term.label, term.category, term.weight))
    found.sort(key=lambda t: (t.category, -t.weight, t.id))
    missing.sort(key=lambda t: (t.category, -t.weight, t.id))

    categories: list[CategoryCoverage] = []
    for cat_id, label, weight in spec.categories:
        in_cat = [t for t in spec.terms if t.category == cat_id]
        got = [t for t in found if t.category == cat_id]
        total_weight = sum(t.weight for t in in_cat) or 1.0
        coverage = round(sum(t.weight for t in got) / total_weight, 4)
        categories.append(CategoryCoverage(cat_id, label, len(got), len(in_cat), coverage, weight))

    verdicts = Counter(s.verdict for s in statements)
    dims = Counter(d for s in statements for d in {m.measures for m in s.metrics if m.measures})
    quantified = sum(1 for s in statements if s.metrics)
    summary = ImpactSummary(
        counts=tuple((v, verdicts.get(v, 0)) for v in ("strong", "unquantified", "weak")),
        quantified_share=round(quantified / len(statements), 4) if statements else 0.0,
        dimensions=tuple((d, dims.get(d, 0)) for d in DIMENSIONS),
        missing_dimensions=tuple(d for d in DIMENSIONS if not dims.get(d)),
        overused_verbs=spec.overused_verbs,
    )
    impact_findings = tuple(f for f in spec.findings if f.id.startswith("impact."))
    components = tuple(
        ScoreComponent(cid, label, weight, value, tuple(ScoreRule(*rule) for rule in rules))
        for cid, label, weight, value, rules in spec.components
    )
    total = round(sum(c.weight * c.value for c in components), 1)
    findings = tuple(
        sorted(
            spec.warnings + spec.findings,
            key=lambda f: (("error", "warning", "info").index(f.severity), f.line or 0, f.id),
        )
    )
    return Analysis(
        resume=resume,
        found=tuple(found),
        missing=tuple(missing),
        categories=tuple(categories),
        impact=Impact(tuple(statements), summary, impact_findings),
        findings=findings,
        score=Score(total, ALGORITHM_VERSION, components),
        lexicons=spec.lexicons,
    )


CATEGORIES: tuple[tuple[str, str, float], ...] = (
    ("methodology", "Methodologies & frameworks", 1.5),
    ("delivery", "Project delivery", 2.0),
    ("budget", "Budget & finance", 1.5),
    ("stakeholders", "Stakeholders & communication", 1.0),
    ("risk", "Risk & quality", 1.0),
    ("technical", "Technical domains", 1.0),
    ("certifications", "Certifications", 1.0),
)

TERMS: tuple[TermSpec, ...] = (
    TermSpec("methodology.agile", "Agile", "methodology", 3.0, ("Agile",)),
    TermSpec("methodology.scrum", "Scrum", "methodology", 3.0, ("Scrum",)),
    TermSpec("methodology.kanban", "Kanban", "methodology", 2.0, ("Kanban",)),
    TermSpec("methodology.prince2", "PRINCE2", "methodology", 2.0, ("PRINCE2",)),
    TermSpec("methodology.safe", "SAFe", "methodology", 1.5, ("SAFe",)),
    TermSpec("methodology.lean", "Lean", "methodology", 1.0, ()),
    TermSpec("delivery.project-management", "Project management", "delivery", 3.0, ("project management",)),
    TermSpec("delivery.scheduling", "Scheduling", "delivery", 2.0, ("schedule", "scheduling")),
    TermSpec("delivery.kick-off", "Kick-off meeting", "delivery", 1.5, ("kick-off", "kickoff")),
    TermSpec("delivery.lifecycle", "Project lifecycle", "delivery", 2.0, ("initiation to closure",)),
    TermSpec("delivery.migration", "Migration", "delivery", 1.5, ("migration",)),
    TermSpec("budget.budget-management", "Budget management", "budget", 3.0, ("budget",)),
    TermSpec("budget.cost-control", "Cost control", "budget", 2.0, ("cost",)),
    TermSpec("budget.evm", "Earned value management", "budget", 1.5, ("earned value",)),
    TermSpec("stakeholders.stakeholder-management", "Stakeholder management", "stakeholders", 3.0, ("stakeholders",)),
    TermSpec("stakeholders.vendor-management", "Vendor management", "stakeholders", 2.0, ("vendors", "vendor")),
    TermSpec("stakeholders.reporting", "Status reporting", "stakeholders", 1.5, ("status reports",)),
    TermSpec("risk.risk-management", "Risk management", "risk", 3.0, ("risk management", "risks")),
    TermSpec("risk.management", "Management", "risk", 0.5, ("management",)),
    TermSpec("risk.itil", "ITIL", "risk", 1.5, ("ITIL",)),
    TermSpec("risk.qa", "Quality assurance", "risk", 1.5, ()),
    TermSpec("technical.cloud", "Cloud computing", "technical", 2.0, ("cloud", "AWS")),
    TermSpec("technical.security", "Information security", "technical", 2.0, ("security",)),
    TermSpec("technical.networks", "Networking", "technical", 1.5, ("network",)),
    TermSpec("technical.integration", "Systems integration", "technical", 1.5, ("integration",)),
    TermSpec("certifications.pmp", "PMP", "certifications", 3.0, ("PMP",)),
    TermSpec("certifications.csm", "Certified ScrumMaster", "certifications", 2.0, ("Certified ScrumMaster",)),
    TermSpec("certifications.itf", "CompTIA ITF+", "certifications", 1.0, ()),
)


def _components(keywords: float, evidence: float, impact: float, ats: float, extra: str = "") -> tuple:  # type: ignore[type-arg]
    return (
        (
            "keywords",
            "Keyword coverage",
            0.35,
            keywords,
            (
                ("score.keywords.category.methodology", round(keywords * 0.25, 1), "Methodologies & frameworks"),
                ("score.keywords.category.delivery", round(keywords * 0.35, 1), "Project delivery coverage"),
                ("score.keywords.category.other", round(keywords * 0.4, 1), "Other categories"),
            ),
        ),
        (
            "evidence",
            "Evidence in achievements",
            0.2,
            evidence,
            (("score.evidence.achievements", evidence, "Share of found terms used in experience bullets"),),
        ),
        (
            "impact",
            "Impact statements",
            0.3,
            impact,
            (
                ("score.impact.quantified", round(impact * 0.7, 1), "Quantified statements"),
                ("score.impact.dimensions", round(impact * 0.3, 1), "Impact dimensions evidenced"),
            ),
        ),
        (
            "ats",
            "ATS readiness",
            0.15,
            ats,
            (("score.ats.base", 100.0, "Start from 100"),)
            + ((("score.ats.penalty", round(ats - 100, 1), extra),) if ats < 100 else ()),
        ),
    )


def strong() -> Analysis:
    """A strong IT project manager's résumé: quantified, varied, complete."""
    return build_analysis(
        ResumeSpec(
            path="samples/priya-shah.pdf",
            type="pdf",
            pages=2,
            size=48213,
            contact=Contact(
                email="priya.shah@example.com",
                phone="+44 7700 900123",
                linkedin="https://www.linkedin.com/in/priya-shah-pm",
                location="Leeds, UK",
                name="Priya Shah",
                parts=("body",),
            ),
            sections=(
                (
                    "contact",
                    None,
                    (
                        ("paragraph", "Priya Shah"),
                        ("paragraph", "priya.shah@example.com · +44 7700 900123 · Leeds, UK"),
                        ("paragraph", "https://www.linkedin.com/in/priya-shah-pm"),
                    ),
                ),
                (
                    "summary",
                    "Profile",
                    (
                        (
                            "paragraph",
                            "Senior IT project manager (PMP, Certified ScrumMaster) delivering cloud migration and "
                            "security programmes from initiation to closure for public-sector stakeholders.",
                        ),
                    ),
                ),
                (
                    "experience",
                    "Professional Experience",
                    (
                        ("paragraph", "Senior IT Project Manager, Northwind Health, Leeds — 2021 to present"),
                        (
                            "bullet",
                            "Delivered a £2.5m AWS cloud migration of 14 systems two weeks early and 8% under "
                            "budget, using Agile and Scrum.",
                        ),
                        (
                            "bullet",
                            "Led 3 vendors and a team of 12 through a network security upgrade, cutting "
                            "incidents by 40%.",
                        ),
                        (
                            "bullet",
                            "Introduced Kanban and earned value reporting; cut status reports from 3 days to 4 hours.",
                        ),
                        ("paragraph", "IT Project Manager, Contoso Retail, Manchester — 2017 to 2021"),
                        (
                            "bullet",
                            "Managed the schedule and risks of a 40-site POS integration for 2,000 users, closing "
                            "on time.",
                        ),
                        (
                            "bullet",
                            "Ran kick-off workshops with stakeholders across finance and operations.",
                        ),
                    ),
                ),
                (
                    "education",
                    "Education",
                    (("paragraph", "BSc (Hons) Computer Science, University of Leeds, 2013"),),
                ),
                (
                    "skills",
                    "Key Skills",
                    (
                        (
                            "paragraph",
                            "Agile, Scrum, PRINCE2, risk management, ITIL, AWS, vendor management, project management",
                        ),
                    ),
                ),
                (
                    "certifications",
                    "Certifications",
                    (("bullet", "PMP, PMI (2019)"), ("bullet", "Certified ScrumMaster, Scrum Alliance (2018)")),
                ),
            ),
            categories=CATEGORIES,
            terms=TERMS,
            statements=(
                StatementSpec(
                    "Delivered a £2.5m",
                    "strong",
                    "Delivered",
                    "deliver",
                    (
                        ("£2.5m", "money", "budget"),
                        ("14 systems", "count", "scope"),
                        ("two weeks early", "duration", "schedule"),
                        ("8%", "percent", "budget"),
                    ),
                ),
                StatementSpec(
                    "Led 3 vendors",
                    "strong",
                    "Led",
                    "lead",
                    (("3 vendors", "count", "team"), ("team of 12", "count", "team"), ("40%", "percent", "quality")),
                ),
                StatementSpec(
                    "Introduced Kanban",
                    "strong",
                    "Introduced",
                    "improve",
                    (("from 3 days to 4 hours", "duration", "schedule"),),
                ),
                StatementSpec(
                    "Managed the schedule",
                    "strong",
                    "Managed",
                    "lead",
                    (("40-site", "count", "scope"), ("2,000 users", "count", "scope")),
                ),
                StatementSpec(
                    "Ran kick-off",
                    "unquantified",
                    "Ran",
                    "lead",
                    (),
                    "Add the result: how many stakeholders took part, or what the workshops decided or saved.",
                ),
            ),
            components=_components(78.4, 85.0, 88.0, 100.0),
            findings=(
                Finding(
                    "ats.length.pages",
                    "2 pages: right for a senior résumé.",
                    "info",
                ),
            ),
        )
    )


def weak() -> Analysis:
    """A weak résumé: duty statements, no numbers, missing sections and contact details."""
    return build_analysis(
        ResumeSpec(
            path="/home/sam/Documents/resume_final_v3 (2).docx",
            type="docx",
            pages=None,
            size=18554,
            contact=Contact(email=None, phone="07700 900456", name="Sam Taylor", parts=("header",)),
            parts={0: "header", 1: "header"},
            sections=(
                (
                    "contact",
                    None,
                    (("paragraph", "Sam Taylor"), ("paragraph", "07700 900456")),
                ),
                (
                    "summary",
                    "About me",
                    (
                        (
                            "paragraph",
                            "I am a results-driven team player with a passion for project management. "
                            "I am looking for a new challenge.",
                        ),
                    ),
                ),
                (
                    "experience",
                    "Work History",
                    (
                        ("paragraph", "Project Coordinator, Acme Ltd, 03/2019 - Jan 2023"),
                        ("bullet", "Responsible for the project schedule and weekly status reports."),
                        ("bullet", "Helped with the migration of the company network to the cloud."),
                        ("bullet", "Managed vendors and the budget."),
                        ("bullet", "Was involved in testing of the new CRM system for all users across the business."),
                    ),
                ),
            ),
            categories=CATEGORIES,
            terms=TERMS,
            statements=(
                StatementSpec(
                    "I am a results-driven",
                    "weak",
                    "I am",
                    None,
                    (),
                    "Drop the first person and open with what you delivered: “Delivered … for …, saving …”.",
                    ("impact.first-person",),
                    sentence="I am a results-driven team player with a passion for project management.",
                ),
                StatementSpec(
                    "Responsible for",
                    "weak",
                    "Responsible for",
                    None,
                    (),
                    "Replace “Responsible for” with an action verb and a result: “Ran the schedule for …, "
                    "delivering on time”.",
                    ("impact.weak",),
                ),
                StatementSpec(
                    "Helped with",
                    "weak",
                    "Helped with",
                    None,
                    (),
                    "Say what you did yourself: “Migrated … to …, for N users”.",
                    ("impact.weak", "impact.hedge"),
                ),
                StatementSpec(
                    "Managed vendors",
                    "unquantified",
                    "Managed",
                    "lead",
                    (),
                    "Add numbers: how many vendors, how large a budget, and whether it came in on budget.",
                    ("impact.unquantified",),
                ),
                StatementSpec(
                    "Was involved",
                    "weak",
                    "Was involved in",
                    None,
                    (),
                    "Name your part and the outcome: “Tested … with N users, cutting defects by …%”.",
                    ("impact.passive", "impact.long-bullet"),
                ),
            ),
            components=_components(24.6, 20.0, 12.0, 45.0, "Missing email, missing sections, header-only contact"),
            warnings=(
                Finding(
                    "docx.header-only-contact",
                    "Contact details appear only in the page header; many applicant-tracking systems skip headers. "
                    "Move them into the body.",
                    "warning",
                ),
            ),
            findings=(
                Finding("ats.contact.email", "No email address found. Add one near your name.", "error"),
                Finding("ats.contact.linkedin", "No LinkedIn profile URL found.", "warning"),
                Finding("ats.sections.education", "No Education section found.", "warning"),
                Finding("ats.sections.skills", "No Skills section found.", "warning"),
                Finding("ats.dates.formats", "Dates use mixed formats (03/2019, Jan 2023): pick one.", "info", line=6),
                Finding("ats.first-person", "First-person pronouns (“I am”) in 2 places.", "warning", line=4, count=2),
                Finding("ats.cliche", "Clichés without evidence: “results-driven”, “team player”.", "info", line=4),
                Finding(
                    "ats.filename",
                    "The file name “resume_final_v3 (2).docx” looks like a draft; name it after yourself.",
                    "info",
                ),
                Finding("impact.weak", "Duty-style opener 'Responsible for'.", "warning", line=7),
                Finding("impact.weak", "Hedged opener 'Helped with'.", "warning", line=8),
                Finding("impact.unquantified", "No measured result.", "info", line=9),
                Finding("impact.passive", "Passive statement without an agent.", "warning", line=10),
                Finding("impact.long-bullet", "Bullet over 40 words.", "info", line=10),
                Finding(
                    "impact.no-budget-result",
                    "No budget result: an IT project manager is expected to show a budget delivered or saved.",
                    "warning",
                ),
            ),
            overused_verbs=(),
        )
    )


HOSTILE_NAME = "<script>alert(1)</script>Mallory \x1b[31mRed\x1b[0m"
HOSTILE_BITS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[click](javascript:alert(1))",
    "| table | breakers |",
    "`code` **bold** __under__ ~~strike~~ # heading",
    "\x1b[31m",
    "\u202e",
)


def hostile() -> Analysis:
    """Untrusted text in every field a renderer shows: HTML, Markdown, ANSI, control and bidi characters."""
    long_word = "Supercalifragilisticexpialidocious" * 4
    return build_analysis(
        ResumeSpec(
            path='uploads/<img src=x onerror=alert("p")>|`cv`\x1b[2J.txt',
            type="txt",
            pages=None,
            size=2048,
            contact=Contact(
                email='mallory"><script>alert(3)</script>@example.com',
                phone="+1 555 0100\x07",
                linkedin="javascript:alert(4)",
                github="https://github.com/<mallory>",
                location="Tōkyō 東京 \u202eevil",
                websites=("http://example.com/?q=<b>&x='1'",),
                name=HOSTILE_NAME,
                parts=("body",),
            ),
            sections=(
                (
                    "contact",
                    None,
                    (("paragraph", HOSTILE_NAME), ("paragraph", 'mallory"><script>alert(3)</script>@example.com')),
                ),
                (
                    "summary",
                    "<h1>Summary</h1> | ## **Profile**",
                    (
                        (
                            "paragraph",
                            "Agile PM 🚀👩‍💻 with project management skills. [click](javascript:alert(1)) "
                            "<img src=x onerror=alert(2)> and \x1b[31mred\x1b[0m text "
                            "\x1b]8;;http://evil\x07link\x1b]8;;\x07 "
                            "`code` **bold** __under__ ~~strike~~ # heading with a bell\x07 and NUL\x00 "
                            "and backspace\x08 and \u202eRTL override txet.",
                        ),
                    ),
                ),
                (
                    "experience",
                    "Experience </section><script>",
                    (
                        (
                            "bullet",
                            "Delivered <script>alert(1)</script> a $1m cloud budget | table | breakers | "
                            "with `rm -rf /` and **bold** _em_ \\ backslash & ampersand &amp; entity.",
                        ),
                        ("bullet", "- Led risk management for 12 vendors; 1. not a list + plus # hash > quote"),
                        (
                            "bullet",
                            f"Managed {long_word} the {'x' * 200} programme, {'全角テキスト' * 6}.",
                        ),
                        (
                            "bullet",
                            "Responsible for stuff \u202e}}{{ \"quotes\" 'single' <b onmouseover=alert(5)>x</b>",
                        ),
                    ),
                ),
                (
                    "skills",
                    "Skills\t\r\n",
                    (("paragraph", 'Scrum, PMP, security\u2028network, <svg onload=alert(6)>, =HYPERLINK("x")'),),
                ),
            ),
            categories=(
                ("methodology", "Methodologies <b>&</b> frameworks", 1.5),
                ("delivery", "Project | delivery", 2.0),
                ("budget", "Budget `&` finance", 1.5),
                ("stakeholders", "Stakeholders & communication", 1.0),
                ("risk", "Risk & quality", 1.0),
                ("technical", "Technical domains", 1.0),
                ("certifications", "Certifications", 1.0),
            ),
            terms=(
                *TERMS,
                TermSpec("risk.<script>", "<script>alert('label')</script>", "risk", 1.0, ()),
                TermSpec("technical.emoji", "🚀 rockets", "technical", 0.5, ("🚀",)),
            ),
            statements=(
                StatementSpec(
                    "Agile PM",
                    "unquantified",
                    "<b>Agile</b>",
                    "lead",
                    (),
                    "Add a **number** <script>alert('s')</script> | pipe",
                    ("impact.<x>",),
                    sentence="Agile PM 🚀👩‍💻 with project management skills.",
                ),
                StatementSpec(
                    "Delivered <script>",
                    "strong",
                    "Delivered",
                    "deliver",
                    (("$1m", "money", "budget"),),
                ),
                StatementSpec(
                    "- Led risk",
                    "strong",
                    "Led",
                    "lead",
                    (("12 vendors", "count", "team"),),
                ),
                StatementSpec(
                    "Managed Super",
                    "unquantified",
                    "Managed",
                    "lead",
                    (),
                    f"Quantify the {long_word} programme.",
                ),
                StatementSpec(
                    "Responsible for",
                    "weak",
                    "Responsible for",
                    None,
                    (),
                    "Open with a verb: \x1b[31mnot red\x1b[0m `x` [a](b) <i>",
                    ("impact.duty",),
                ),
            ),
            components=_components(41.2, 50.0, 55.0, 70.0, "Penalty for <script>"),
            warnings=(Finding("text.glyphs", "Removed 3 unmapped glyphs <U+0000> from `page 1`.", "warning", count=3),),
            findings=(
                Finding(
                    "ats.<script>",
                    "Message with <script>alert('f')</script> and | pipes | and **stars**",
                    "error",
                    line=7,
                ),
                Finding("ats.ansi", "ANSI \x1b[1mbold\x1b[0m in message \u202e", "warning", line=9),
                Finding("ats.emoji", "Emoji 🚀 in text " + "y" * 150, "info", line=4),
            ),
            overused_verbs=(("<managed>", 4), ("led", 3)),
            lexicons=(("pm", "1.0.0"), ("<evil>", "9|9")),
        )
    )


FIXTURES = {"strong": strong, "weak": weak, "hostile": hostile}


def plain(blocks: Sequence[str], *, statements: bool = True) -> Analysis:
    """A small Analysis over arbitrary block texts (for property tests): every block a bullet in experience,
    every non-empty block a statement, each block's first word-ish slice a found term."""
    items = tuple(("bullet", text) for text in blocks)
    sizes = [len(t) for t in blocks]
    analysis = build_analysis(
        ResumeSpec(
            path="random.txt",
            type="txt",
            pages=None,
            size=sum(sizes),
            sections=(("experience", "Experience", items),),
            categories=CATEGORIES,
            terms=(),
            statements=(),
            components=_components(50.0, 50.0, 50.0, 50.0, "random"),
        )
    )
    resume = analysis.resume
    stmts: list[Statement] = []
    found: list[FoundTerm] = []
    for index, block in enumerate(resume.blocks):
        if block.kind == "heading" or not block.text or not statements:
            continue
        verdict = ("strong", "unquantified", "weak")[index % 3]
        end = block.start + max(1, len(block.text) // 2)
        metrics = (
            (Metric(block.text[:1], "count", "scope", block.start, block.start + 1),) if verdict == "strong" else ()
        )
        stmts.append(
            Statement(
                block.text,
                block.section,
                block.line,
                index,
                block.start,
                block.end,
                verdict,
                block.text[:5],
                None,
                metrics,
                "" if verdict == "strong" else "Add a result: " + block.text[:20],
            )
        )
        occ = Occurrence(
            resume.text[block.start : end],
            block.section,
            block.line,
            block.start,
            end,
            block.text[:40],
            "achievement",
            len(stmts) - 1,
        )
        found.append(FoundTerm(f"t.{index}", block.text[:10] or "x", "methodology", 1.0, (occ,), "achievement"))
    from dataclasses import replace

    counts = Counter(s.verdict for s in stmts)
    summary = replace(
        analysis.impact.summary,
        counts=tuple((v, counts.get(v, 0)) for v in ("strong", "unquantified", "weak")),
        quantified_share=round(counts.get("strong", 0) / len(stmts), 4) if stmts else 0.0,
    )
    findings = tuple(
        Finding(f"x.{i}", text, ("error", "warning", "info")[i % 3], line=i + 1) for i, text in enumerate(blocks)
    )
    return replace(
        analysis,
        found=tuple(found),
        impact=Impact(tuple(stmts), summary),
        findings=findings,
        missing=tuple(MissingTerm(f"m.{i}", t[:15] or "m", "delivery", 1.0) for i, t in enumerate(blocks)),
    )


def bullets_resume(texts: Sequence[str], path: str = "test.txt") -> Resume:
    """A Resume whose experience section holds ``texts`` as bullets, one per line (no structure stage)."""
    lines: list[Line] = []
    blocks: list[Block] = []
    offset = 0
    for index, text in enumerate(texts):
        lines.append(Line(text=text, bullet=True, source_line=index + 1))
        blocks.append(
            Block(
                kind="bullet",
                section="experience",
                text=text,
                start=offset,
                end=offset + len(text),
                line=index + 1,
                lines=(index,),
            )
        )
        offset += len(text) + 1
    return Resume(
        document=Document(source=Source(path=path, type="txt"), lines=tuple(lines)),
        text="\n".join(texts),
        blocks=tuple(blocks),
        sections=(),
        contact=Contact(),
        warnings=(),
    )
