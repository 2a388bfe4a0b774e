"""Summarise the bundled lexicon packs (the tables in lexicons/README.md) and check the role brief is covered.

Usage: python tools/build_lexicon_report.py   (exit 1 when a role-brief term id is missing)
"""

from __future__ import annotations

import sys
from collections import Counter

from resume_check.lexicon import load_lexicon

#: every item of the role brief (issue 3) and the term ids that stand for it (see lexicons/README.md)
ROLE_BRIEF: dict[str, tuple[str, ...]] = {
    "leading IT projects from initiation to completion": ("lifecycle.it_projects", "lifecycle.project_lifecycle"),
    "developing and managing project budgets": ("commercial.budget_management",),
    "communicating with stakeholders (IT managers, vendors, executive leaders)": (
        "stakeholders.stakeholder_communication",
        "stakeholders.stakeholder_management",
        "stakeholders.executive_engagement",
        "commercial.vendor_management",
    ),
    "risk management and mitigation": ("commercial.risk_management", "commercial.risk_mitigation"),
    "gathering, analysing and reporting IT metrics": ("data.it_metrics", "data.management_reporting"),
    "Agile, Scrum, Kanban, Lean": ("methodology.agile", "methodology.scrum", "methodology.kanban", "methodology.lean"),
    "initiating, planning, executing, closing": (
        "lifecycle.initiation",
        "lifecycle.planning",
        "lifecycle.execution",
        "lifecycle.closure",
    ),
    "scheduling, assigning tasks, kick-off meetings": (
        "lifecycle.scheduling",
        "lifecycle.task_assignment",
        "lifecycle.kickoff_meeting",
    ),
    "security, systems, networks, cloud computing, programming, scaling": (
        "security.information_security",
        "infrastructure.it_systems",
        "infrastructure.networking",
        "cloud.cloud_computing",
        "programming.programming",
        "infrastructure.scalability",
    ),
    "systems integration and compatibility, implementing cloud services": (
        "infrastructure.systems_integration",
        "infrastructure.compatibility",
        "cloud.cloud_services",
    ),
    "PMP, Scrum Master certifications, CompTIA ITF+ and Tech+, Google IT Support": (
        "certifications.pmp",
        "certifications.csm",
        "certifications.psm_i",
        "certifications.comptia_itf",
        "certifications.comptia_tech",
        "certifications.google_it_support",
    ),
    "degrees in computing, information systems, project management, business management": (
        "education.computer_science",
        "education.information_systems",
        "education.project_management_degree",
        "education.business_management",
    ),
    "related roles": (
        "roles.senior_it_project_manager",
        "roles.technical_project_manager",
        "roles.project_coordinator",
        "roles.programme_associate",
    ),
}


def main() -> int:
    lexicon = load_lexicon()
    print("| Pack file | Category | Label | Category weight | Terms | With patterns | Label guarded |")
    print("|---|---|---|---|---|---|---|")
    pack_of = {cid: pack.path for pack in lexicon.packs for cid in pack.categories}
    for category in lexicon.categories:
        terms = [t for t in lexicon.terms if t.category == category.id]
        patterns = sum(1 for t in terms if t.patterns)
        guarded = sum(1 for t in terms if not t.match_label)
        print(
            f"| `{pack_of.get(category.id, '?')}` | `{category.id}` | {category.label} | {category.weight:g} | "
            f"{len(terms)} | {patterns} | {guarded} |"
        )
    weights = Counter(int(t.weight) for t in lexicon.terms)
    print(
        f"\n{len(lexicon.terms)} terms in {len(lexicon.categories)} categories; by weight: "
        + ", ".join(f"{w}: {weights[w]}" for w in sorted(weights, reverse=True))
    )
    missing = [(item, tid) for item, ids in ROLE_BRIEF.items() for tid in ids if not lexicon.has_term(tid)]
    for item, tid in missing:
        print(f"MISSING role-brief term {tid} ({item})", file=sys.stderr)
    untested = [t.id for t in lexicon.terms if not t.examples or not t.counterexamples]
    for tid in untested:
        print(f"term {tid} lacks an example or a counterexample", file=sys.stderr)
    return 1 if missing or untested else 0


if __name__ == "__main__":
    sys.exit(main())
