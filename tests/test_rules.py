"""The rule registry: every finding id declared once, every example run, and everything derived from it current."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, needs_corpus

from resume_check.cli import main
from resume_check.config import Settings
from resume_check.errors import LexiconError
from resume_check.rules import Registry, load_rules, parse_rules, render_markdown, unknown_switches

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "resume_check"
REGISTRY = load_rules()

#: a complete, clean résumé: a `scope: bullet` example is added to it as one more experience bullet
CLEAN = """\
# Jane Example

jane.example@example.com | +44 7700 900123 | linkedin.com/in/jane-example

## Summary

IT project manager with eight years of delivery in housing, health and local government.

## Experience

### Senior IT Project Manager, Example Ltd (Jan 2019 – Mar 2024)

- Delivered a £2M ERP migration 3 weeks ahead of schedule with a team of 12 engineers.
- Cut cloud costs by 20% through vendor renegotiation and capacity planning.
- Rolled out a service desk to 1,200 users on time and £50k under budget.
{bullet}
### IT Project Manager, Sample Group (Jan 2015 – Dec 2018)

- Migrated 300 mailboxes to Microsoft 365 in six weeks with no lost mail.
- Introduced Kanban for the operations team, cutting lead time from 9 to 4 days.
- Negotiated a three-year network support contract with two vendors, saving £120k against the old terms.
- Coordinated the data-centre exit for 45 applications with the architecture board and 6 suppliers.
- Built the PMO reporting pack in Power BI, cutting monthly reporting effort from 5 days to 1.

## Education

BSc Computer Science, University of Leeds, 2014

## Skills

Scrum, Kanban, Jira, risk management, budget management, PRINCE2, stakeholder management
"""

#: finding ids are written as string literals of these families in the package, or as f-strings that add a member
#: to a family (f"ats.section.{name}")
FAMILIES = "text|docx|ats|impact|gate|baseline|input"
ID_LITERAL = re.compile(rf"""["']((?:{FAMILIES})\.[a-z0-9][a-z0-9.-]*)["']""")
FAMILY_LITERAL = re.compile(rf"""f["']((?:{FAMILIES})\.[a-z0-9][a-z0-9.-]*)\.{{""")


def emitted_ids() -> set[str]:
    out: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text("utf-8")
        out.update(literal.rstrip(".") for literal in ID_LITERAL.findall(text))
        out.update(FAMILY_LITERAL.findall(text))
    return out


def test_every_finding_id_in_the_code_is_declared() -> None:
    ids = emitted_ids()
    assert len(ids) >= 40  # the scan does see the code's ids
    undeclared = sorted(i for i in ids if REGISTRY.find(i) is None and i not in REGISTRY.prefixes())
    assert undeclared == [], "declare these in lexicons/rules.yaml"


@needs_corpus
def test_every_finding_id_a_real_resume_gets_is_declared() -> None:
    """The scan of the code cannot see an id built at run time: "pdf.header-only-contact" was built from the file
    type, declared nowhere, and reached reports of a corpus PDF."""
    from resume_check.analysis import analyse_path, build_engine
    from resume_check.errors import InputError

    engine = build_engine()
    seen: set[str] = set()
    for path in sorted(CORPUS.iterdir()):
        if path.suffix.lower() not in (".pdf", ".docx"):
            continue
        try:
            seen.update(f.id for f in analyse_path(path, engine=engine).findings)
        except InputError:
            continue  # a scan without the OCR extra
    assert len(seen) >= 15  # the corpus does raise findings
    assert sorted(i for i in seen if REGISTRY.find(i) is None) == []


def test_every_declared_rule_is_used_or_tested() -> None:
    ids = emitted_ids()
    for rule in REGISTRY.rules:
        assert any(rule.covers(i) or i == rule.id for i in ids), f"{rule.id} is declared but never raised"
        if rule.tested_in:
            test_file = ROOT / rule.tested_in
            assert test_file.is_file(), rule.tested_in
            assert rule.id in test_file.read_text("utf-8"), f"{rule.tested_in} never names {rule.id}"


def finding_ids(text: str, tmp_path: Path, name: str) -> set[str]:
    from resume_check.analysis import analyse_path

    path = tmp_path / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return {f.id for f in analyse_path(path, settings=Settings()).findings}


EXAMPLES = [r for r in REGISTRY.rules if r.example is not None]


@pytest.mark.parametrize("rule", EXAMPLES, ids=[r.id for r in EXAMPLES])
def test_every_example_triggers_its_rule_and_the_counterexample_does_not(rule, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    example = rule.example
    assert example is not None

    def document(text: str) -> str:
        return text if example.scope == "document" else CLEAN.format(bullet=f"- {' '.join(text.split())}\n")

    found = finding_ids(document(example.triggers), tmp_path, "triggers")
    assert any(rule.covers(i) for i in found), f"{rule.id}: the example does not trigger it ({sorted(found)})"
    if example.passes is not None:
        clean = finding_ids(document(example.passes), tmp_path, "passes")
        assert not any(rule.covers(i) for i in clean), f"{rule.id}: the counterexample triggers it"


def test_the_clean_resume_is_clean_for_every_bullet_rule(tmp_path: Path) -> None:
    found = finding_ids(CLEAN.format(bullet=""), tmp_path, "clean")
    bullet_rules = [r for r in EXAMPLES if r.example and r.example.scope == "bullet"]
    assert not [r.id for r in bullet_rules if any(r.covers(i) for i in found)]


def test_docs_rules_md_is_current() -> None:
    current = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert current == render_markdown(REGISTRY), "run python tools/build_docs.py and commit docs/rules.md"


def test_an_empty_file_is_bad_input_named_text_empty(tmp_path: Path) -> None:
    from resume_check.errors import InputError
    from resume_check.extract import extract

    empty = tmp_path / "cv.md"
    empty.write_text("<!-- nothing here yet -->\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        extract(empty)
    assert caught.value.warning_id == "text.empty"


def test_registry_validation_names_the_problem() -> None:
    good = {"id": "x.y", "severity": "info", "title": "t", "help": "h", "tested_in": "tests/x.py"}
    assert isinstance(parse_rules({"rules": [good]}), Registry)
    for bad, message in (
        ({**good, "severity": "loud"}, "severity must be one of"),
        ({**good, "id": "nodot"}, "unique and dotted"),
        ({k: v for k, v in good.items() if k != "tested_in"}, "give `examples` or the test"),
        ({**good, "examples": {"scope": "page", "triggers": "x"}}, "scope: bullet|document"),
    ):
        with pytest.raises(LexiconError, match=re.escape(message)):
            parse_rules({"rules": [bad]})
    with pytest.raises(LexiconError, match="unique"):
        parse_rules({"rules": [good, good]})


def test_rules_command_lists_and_explains() -> None:
    listing = CliRunner().invoke(main, ["rules"])
    assert listing.exit_code == 0 and len(listing.output.splitlines()) == len(REGISTRY.rules)
    assert re.search(r"^impact\.weak +warning +A duty, not an achievement$", listing.output, re.MULTILINE)
    one = CliRunner().invoke(main, ["rules", "ats.cliche.team-player"])
    assert one.exit_code == 0 and one.output.startswith("ats.cliche.* (info)")
    as_json = json.loads(CliRunner().invoke(main, ["rules", "impact.weak", "--format", "json"]).output)
    assert as_json["doc"] == "docs/rules.md#impactweak" and as_json["examples"]["scope"] == "bullet"
    typo = CliRunner().invoke(main, ["rules", "impact.weakk"])
    assert typo.exit_code == 2 and "Did you mean: impact.weak" in typo.output


def test_config_switches_are_checked_with_did_you_mean(tmp_path: Path) -> None:
    assert unknown_switches(["impact.weak", "impact", "ats.cliche.team-player", "methodology"], ["methodology"]) == []
    assert unknown_switches(["impact.weakk"], []) == [
        "'impact.weakk' names no rule or term; did you mean 'impact.weak'?"
    ]
    cv = tmp_path / "cv.md"
    cv.write_text(CLEAN.format(bullet=""), encoding="utf-8")
    (tmp_path / ".resume-check.toml").write_text('disable = ["impact.weakk"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(cv), "--format", "line"])
    assert result.exit_code == 3
    assert "disable in" in result.stderr and "did you mean 'impact.weak'?" in result.stderr
    # lexicon ids (terms, categories, packs) are valid switches too
    (tmp_path / ".resume-check.toml").write_text('disable = ["methodology.scrum", "ats.contact"]\n', "utf-8")
    assert CliRunner().invoke(main, ["check", str(cv), "--format", "line"]).exit_code == 0


def test_init_template_names_only_real_rules(tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["init", "--path", str(tmp_path)]).exit_code == 0
    text = (tmp_path / ".resume-check.toml").read_text("utf-8")
    named = re.findall(r'"((?:text|docx|ats|impact|gate|baseline)\.[a-z0-9.-]+)"', text)
    assert named, "the template shows rule ids to switch off"
    assert [n for n in named if REGISTRY.find(n) is None and n not in REGISTRY.prefixes()] == []


def test_sarif_rules_carry_the_registry_help() -> None:
    from test_ci_formats import results

    from resume_check.render import sarif

    doc = json.loads(sarif.render_results(results()))
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    weak = rules["impact.weak"]
    assert weak["shortDescription"]["text"] == "A duty, not an achievement"
    assert weak["help"]["text"].startswith("Openers such as") and "docs/rules.md#impactweak" in weak["help"]["text"]
    assert all(r["help"]["text"] and r["shortDescription"]["text"] != r["id"] for r in rules.values())
