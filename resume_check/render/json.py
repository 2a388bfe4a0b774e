"""JSON report: the documented wire format (resume_check/schemas/analysis.schema.json), stable key order.

``to_dict`` gives the same structure as a dict for batch and CI reuse; ``document_to_dict`` is the
``extract --format json`` document (resume_check/schemas/extract.schema.json).
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..models import (
    DIMENSIONS,
    SCHEMA_VERSION,
    Analysis,
    Contact,
    Finding,
    FoundTerm,
    Impact,
    Resume,
    Role,
    Source,
)
from ..targets.target import Target
from .common import clean_json_text

TOOL_NAME = "resume-check"


def _s(text: str) -> str:
    return clean_json_text(text)


def _opt(text: str | None) -> str | None:
    return None if text is None else clean_json_text(text)


def _round(value: float, digits: int) -> float:
    if value != value or value in (float("inf"), float("-inf")):  # NaN/inf are not JSON
        return 0.0
    result = round(float(value), digits)
    return 0.0 if result == 0 else result  # no negative zero


def _source(source: Source) -> dict[str, Any]:
    return {"path": _s(source.path), "type": _s(source.type), "pages": source.pages, "size": source.size}


def _contact(contact: Contact) -> dict[str, Any]:
    return {
        "name": _opt(contact.name),
        "email": _opt(contact.email),
        "phone": _opt(contact.phone),
        "linkedin": _opt(contact.linkedin),
        "github": _opt(contact.github),
        "location": _opt(contact.location),
        "websites": [_s(w) for w in contact.websites],
        "parts": list(contact.parts),
    }


def _warning(finding: Finding) -> dict[str, Any]:
    return {
        "id": _s(finding.id),
        "message": _s(finding.message),
        "severity": finding.severity,
        "line": finding.line,
        "count": finding.count,
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "id": _s(finding.id),
        "severity": finding.severity,
        "message": _s(finding.message),
        "line": finding.line,
        "column": finding.column,
        "count": finding.count,
    }


def target_to_dict(target: Target) -> dict[str, Any]:
    """The target's identity and expectations (its terms are counted: each one is reported found or missing)."""
    exp = target.expectations
    return {
        "kind": target.kind,
        "id": _s(target.id),
        "label": _s(target.label),
        "chosen_by": target.chosen_by,
        "reason": _s(target.reason),
        "sources": [_s(source) for source in target.sources],
        "term_count": len(target.terms),
        "required_count": sum(1 for t in target.terms if t.level == "required"),
        "category_weights": [{"id": _s(cid), "weight": _round(weight, 4)} for cid, weight in target.category_weights],
        "expectations": {
            "titles": [_s(title) for title in exp.titles],
            "certifications": [_s(cert) for cert in exp.certifications],
            "years": None if exp.years is None else _round(exp.years, 1),
            "dimensions": [_s(d) for d in exp.dimensions],
            "education": _opt(exp.education),
            "seniority": _opt(exp.seniority),
            "knockouts": [{"kind": _s(k.kind), "text": _s(k.text), "line": k.line} for k in exp.knockouts],
        },
    }


def _found_term(term: FoundTerm) -> dict[str, Any]:
    return {
        "id": _s(term.id),
        "label": _s(term.label),
        "category": _s(term.category),
        "weight": _round(term.weight, 4),
        "evidence": term.evidence,
        "occurrences": [
            {
                "text": _s(occ.text),
                "section": _s(occ.section),
                "line": occ.line,
                "start": occ.start,
                "end": occ.end,
                "context": _s(occ.context),
                "evidence": occ.evidence,
                "statement": occ.statement,
            }
            for occ in term.occurrences
        ],
    }


def _block_statements(impact: Impact | None) -> dict[int, list[int]]:
    """Block index -> indexes of the statements that start in it."""
    out: dict[int, list[int]] = {}
    for i, statement in enumerate(impact.statements if impact else ()):
        out.setdefault(statement.block, []).append(i)
    return out


def _sections(resume: Resume, impact: Impact | None = None) -> list[dict[str, Any]]:
    """Each section with its heading, the text lines it holds (as read) and its blocks; with ``impact``, each block
    says whether it heads a role and which statements start in it."""
    lines = resume.document.lines
    headers = {i for role in resume.roles for i in role.header}
    in_block = _block_statements(impact)
    result = []
    for section in resume.sections:
        section_lines: list[str] = []
        blocks = []
        for index in section.blocks:
            if not 0 <= index < len(resume.blocks):
                continue
            block = resume.blocks[index]
            section_lines.extend(_s(lines[i].text) for i in block.lines if 0 <= i < len(lines))
            blocks.append(
                {
                    "kind": block.kind,
                    "text": _s(block.text),
                    "line": block.line,
                    "start": block.start,
                    "end": block.end,
                    "part": block.part,
                    **(
                        {"role_header": index in headers, "statements": in_block.get(index, [])}
                        if impact is not None
                        else {}
                    ),
                }
            )
        result.append(
            {
                "name": _s(section.name),
                "heading": _opt(section.heading),
                "line": section.line,
                "lines": section_lines,
                "blocks": blocks,
            }
        )
    return result


def _role(resume: Resume, role: Role) -> dict[str, Any]:
    return {
        "title": _opt(role.title),
        "employer": _opt(role.employer),
        "location": _opt(role.location),
        "start": role.start,
        "end": role.end,
        "dates_text": _opt(role.dates_text),
        "line": role.line,
        "section": role.section,
        "header_lines": [resume.blocks[i].line for i in role.header if 0 <= i < len(resume.blocks)],
        "lines": [resume.blocks[i].line for i in role.blocks if 0 <= i < len(resume.blocks)],
    }


def document_to_dict(resume: Resume, impact: Impact | None = None) -> dict[str, Any]:
    """The ``extract --format json`` document: what was read, by section, with roles, contact fields and warnings;
    with ``impact``, also the statements judged (text, line, verdict) and which blocks hold them."""
    document = resume.document
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": __version__},
        "source": _source(document.source),
        "language": resume.language,
        "sections": _sections(resume, impact),
        "roles": [_role(resume, role) for role in resume.roles],
        "contact": _contact(resume.contact),
        "links": [_s(link) for link in document.links],
        "warnings": [_warning(w) for w in resume.warnings],
    }
    if impact is not None:
        out["statements"] = [
            {
                "text": _s(s.text),
                "section": _s(s.section),
                "line": s.line,
                "start": s.start,
                "end": s.end,
                "block": s.block,
                "verdict": s.verdict,
            }
            for s in impact.statements
        ]
    return out


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """The whole analysis as plain JSON-ready data, keys in the documented order."""
    resume = analysis.resume
    summary = analysis.impact.summary
    counts: dict[str, int] = dict.fromkeys(("strong", "unquantified", "weak"), 0)
    counts.update(dict(summary.counts))
    dimensions: dict[str, int] = dict.fromkeys(DIMENSIONS, 0)
    dimensions.update(dict(summary.dimensions))
    out: dict[str, Any] = {
        "schema_version": _s(analysis.schema_version),
        "tool": {"name": TOOL_NAME, "version": __version__},
        "source": _source(analysis.source),
        "target": target_to_dict(analysis.target),
        "score": {
            "total": _round(analysis.score.total, 1),
            "algorithm_version": _s(analysis.score.algorithm_version),
            "components": [
                {
                    "id": _s(comp.id),
                    "label": _s(comp.label),
                    "weight": _round(comp.weight, 4),
                    "value": _round(comp.value, 1),
                    "rules": [
                        {"id": _s(rule.id), "points": _round(rule.points, 2), "message": _s(rule.message)}
                        for rule in comp.rules
                    ],
                }
                for comp in analysis.score.components
            ],
        },
        "categories": [
            {
                "id": _s(cat.id),
                "label": _s(cat.label),
                "found": cat.found,
                "total": cat.total,
                "coverage": _round(cat.coverage, 4),
                "weight": _round(cat.weight, 4),
            }
            for cat in analysis.categories
        ],
        "terms": {
            "found": [_found_term(term) for term in analysis.found],
            "missing": [
                {
                    "id": _s(term.id),
                    "label": _s(term.label),
                    "category": _s(term.category),
                    "weight": _round(term.weight, 4),
                    "level": term.level,
                }
                for term in analysis.missing
            ],
            "also_found": [_found_term(term) for term in analysis.also_found],
        },
        "impact": {
            "statements": [
                {
                    "text": _s(st.text),
                    "section": _s(st.section),
                    "line": st.line,
                    "start": st.start,
                    "end": st.end,
                    "verdict": st.verdict,
                    "verb": _opt(st.verb),
                    "verb_family": _opt(st.verb_family),
                    "metrics": [
                        {
                            "text": _s(m.text),
                            "kind": _s(m.kind),
                            "measures": m.measures,
                            "start": m.start,
                            "end": m.end,
                        }
                        for m in st.metrics
                    ],
                    "suggestion": _s(st.suggestion),
                    "questions": [_s(q) for q in st.questions],
                    "placeholders": [_s(p) for p in st.placeholders],
                    "example_source": _s(st.example_source),
                    "issues": [_s(issue) for issue in st.issues],
                }
                for st in analysis.impact.statements
            ],
            "summary": {
                "counts": {verdict: counts[verdict] for verdict in ("strong", "unquantified", "weak")},
                "quantified_share": _round(summary.quantified_share, 4),
                "dimensions": {dim: dimensions[dim] for dim in DIMENSIONS},
                "missing_dimensions": [_s(d) for d in summary.missing_dimensions],
                "overused_verbs": [{"verb": _s(verb), "count": count} for verb, count in summary.overused_verbs],
            },
            "findings": [_finding(f) for f in analysis.impact.findings],
        },
        "findings": [_finding(f) for f in analysis.findings],
        "next_steps": [
            {
                "id": _s(step.id),
                "text": _s(step.text),
                "priority": _round(step.priority, 2),
                "line": step.line,
                "terms": [_s(t) for t in step.terms],
            }
            for step in analysis.next_steps
        ],
        "warnings": [_warning(w) for w in resume.warnings],
        "sections": _sections(resume),
        "roles": [_role(resume, role) for role in resume.roles],
        "language": resume.language,
        "contact": _contact(resume.contact),
        "lexicons": [{"id": _s(pack), "version": _s(version)} for pack, version in analysis.lexicons],
    }
    if analysis.job is not None:  # check --job: the match against the posting (absent otherwise)
        out["job"] = job_to_dict(analysis.job)
    return out


def dumps(data: Any) -> str:
    """Deterministic JSON text: insertion order kept, UTF-8 characters as is, 2-space indent, final newline
    (``json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)``, written by ``runtime.jsonenc``)."""
    from ..runtime import tuned

    if not tuned():
        text: str = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
        return text + "\n"
    from ..runtime.jsonenc import dumps as dumps_direct

    return dumps_direct(data)


def render(analysis: Analysis, *, color: bool = False) -> str:
    """The analysis as a JSON document (``color`` is accepted for a uniform signature and ignored)."""
    return dumps(to_dict(analysis))


def render_document(resume: Resume, impact: Impact | None = None, *, color: bool = False) -> str:
    """The ``extract --format json`` document as text."""
    return dumps(document_to_dict(resume, impact))


def job_to_dict(job: Any) -> dict[str, Any] | None:
    """The ``job`` object of the report (``check --job``): the match rate and how it was reached."""
    if job is None:
        return None
    return {
        "posting": {"id": _s(job.posting_id), "path": _s(job.posting_path), "title": _s(job.title)},
        "rate": _round(job.rate, 1),
        "terms_rate": _round(job.terms_rate, 1),
        "terms": [
            {
                "id": _s(t.id),
                "label": _s(t.label),
                "level": t.level,
                "weight": _round(t.weight, 4),
                "group": _s(t.group) or None,
                "line": t.line,
                "ask": _s(t.ask),
                "found": t.found,
                "satisfied_by": _s(t.satisfied_by) or None,
                "evidence": t.evidence,
                "credit": _round(t.credit, 2),
                "proof_line": t.proof_line,
                "proof": _s(t.proof),
            }
            for t in job.terms
        ],
        "title": {
            "asked": [_s(x) for x in job.title_match.asked],
            "shown": [_s(x) for x in job.title_match.shown],
            "matched": job.title_match.matched,
            "reason": _s(job.title_match.reason),
        },
        "years": {
            "asked": job.years.asked,
            "what": _s(job.years.what),
            "line": job.years.line,
            "shown": job.years.shown,
            "source": _s(job.years.source),
            "met": job.years.met,
        },
        "certifications": [
            {"id": c.id, "label": _s(c.label), "level": c.level, "line": c.line, "shown": c.shown}
            for c in job.certifications
        ],
        "education": None
        if job.education is None
        else {"level": job.education.id.split(".", 1)[1], "line": job.education.line, "shown": job.education.shown},
        "seniority": job.seniority,
        "knockouts": [{"kind": k.kind, "line": k.line, "text": _s(k.text)} for k in job.knockouts],
        "steps": [
            {"term": _s(s.term_id), "label": _s(s.label), "level": s.level, "where": s.where, "message": _s(s.message)}
            for s in job.steps
        ],
    }
