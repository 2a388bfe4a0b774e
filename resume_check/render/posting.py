"""Render what was read from a job posting (``resume-check job``) as plain text: what the matcher will ask for."""

from __future__ import annotations

from ..targets.posting import LEVEL_WEIGHT, Posting, PostingTerm
from .common import clean_text as clean
from .common import knockouts_by_line

_LEVEL_TITLES = {
    "required": "Required",
    "preferred": "Preferred (never counted as required)",
    "duty": "Mentioned in the duties",
}


def render(posting: Posting, *, color: bool = False) -> str:
    """The title, terms by level (with the line asking for each), years, certifications, education, seniority,
    knock-out lines to check and negations."""
    source = posting.source
    out: list[str] = [f"{clean(source.path)} ({source.type}, {len(posting.lines)} lines)", ""]
    out.append(f"Title:      {clean(posting.title)}")
    for other in posting.titles[1:]:
        out.append(f"            also: {clean(other)}")
    if posting.company:
        out.append(f"Company:    {clean(posting.company)}")
    out.append(f"Seniority:  {posting.seniority or '(not stated)'}")
    education = posting.education
    out.append(
        f"Education:  {education} degree (line {posting.education_line})" if education else "Education:  (not stated)"
    )
    for level, heading in _LEVEL_TITLES.items():
        terms = [t for t in posting.terms if t.level == level]
        out.append("")
        weight = LEVEL_WEIGHT[level]  # type: ignore[index]
        out.append(f"{heading}: {len(terms)} term{'s' if len(terms) != 1 else ''} (weight {weight:g} each, +repeats)")
        for term in terms:
            out.append(_term_line(term))
    out.append("")
    out.append(f"Years of experience asked: {len(posting.years) or 'none'}")
    for years in posting.years:
        out.append(f"  line {years.line:>3}  {years.years:g}+ years: {clean(years.what)} ({years.level})")
    out.append("")
    certs = ", ".join(t.label for t in posting.terms if t.id in posting.certifications)
    out.append(f"Certifications asked: {clean(certs) if certs else 'none'}")
    out.append("")
    lines = knockouts_by_line(posting.knockouts)
    out.append(f"Knock-out lines to check: {len(lines) or 'none'}")
    for line, kinds, text in lines:
        out.append(f"  line {line:>3}  [{kinds}] {clean(_short(text))}")
    if posting.negations:
        out.append("")
        out.append("Negations (not counted as terms):")
        for negation in posting.negations:
            out.append(f"  line {negation.line:>3}  “{clean(negation.phrase)}”")
    return "\n".join(out) + "\n"


def _term_line(term: PostingTerm) -> str:
    kind = "lexicon" if not term.id.startswith("job.") else "posting"
    extra = []
    if term.count > 1:
        extra.append(f"×{term.count}")
    if term.group:
        extra.append(f"one of group {term.group}")
    if term.title:
        extra.append("job title")
    note = f" ({', '.join(extra)})" if extra else ""
    written = f" “{clean(term.written)}”" if term.written and term.written.lower() != term.label.lower() else ""
    return f"  line {term.line:>3}  {clean(term.label)}{written} [{kind}: {term.id}] w{term.weight:g}{note}"


def _short(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def to_dict(posting: Posting) -> dict[str, object]:
    """The ``job --format json`` document (resume_check/schemas/posting.schema.json)."""
    from .. import __version__
    from ..models import SCHEMA_VERSION
    from .common import clean_json_text as s

    source = posting.source
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "resume-check", "version": __version__},
        "source": {"path": s(source.path), "type": s(source.type), "pages": source.pages, "size": source.size},
        "id": s(posting.id),
        "title": s(posting.title),
        "titles": [s(t) for t in posting.titles],
        "company": None if posting.company is None else s(posting.company),
        "seniority": posting.seniority,
        "education": {"level": posting.education, "line": posting.education_line},
        "terms": [
            {
                "id": s(t.id),
                "label": s(t.label),
                "written": s(t.written),
                "category": t.category,
                "level": t.level,
                "weight": t.weight,
                "count": t.count,
                "line": t.line,
                "text": s(t.text),
                "in_lexicon": not t.id.startswith("job."),
                "forms": [s(f) for f in t.forms],
                "group": s(t.group) or None,
                "title": t.title,
            }
            for t in posting.terms
        ],
        "years": [
            {"years": y.years, "what": s(y.what), "level": y.level, "line": y.line, "text": s(y.text)}
            for y in posting.years
        ],
        "certifications": list(posting.certifications),
        "knockouts": [{"kind": k.kind, "line": k.line, "text": s(k.text)} for k in posting.knockouts],
        "negations": [
            {"phrase": s(n.phrase), "terms": list(n.term_ids), "line": n.line, "text": s(n.text)}
            for n in posting.negations
        ],
        "lines": [
            {
                "line": ln.number,
                "kind": ln.kind,
                "section": s(ln.section),
                "level": ln.level,
                "text": s(ln.text),
            }
            for ln in posting.lines
        ],
    }


def render_json(posting: Posting, *, color: bool = False) -> str:
    """``to_dict`` as indented JSON."""
    from .json import dumps

    return dumps(to_dict(posting))
