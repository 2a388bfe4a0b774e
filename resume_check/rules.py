"""The rule registry: every finding id, declared once in ``lexicons/rules.yaml`` with its severity, title, help,
documentation anchor and examples.

Everything a user reads about a rule is derived from here: ``resume-check rules``, ``docs/rules.md``, SARIF
``rules[]``, the validation of config ``disable``/``enable`` and inline-suppression ids, and the ``init`` template.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .errors import LexiconError
from .severity import SEVERITIES

RULES_FILE = "rules.yaml"
#: where the generated rule reference lives in the repository; SARIF ``helpUri`` points at its anchors
DOC_PATH = "docs/rules.md"


@dataclass(frozen=True, slots=True)
class Example:
    scope: str  # "bullet": one more experience bullet of a clean résumé; "document": the whole résumé (Markdown)
    triggers: str
    passes: str | None


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: str
    title: str
    help: str
    family: bool = False  # a prefix whose members are made at run time (ats.section.skills)
    example: Example | None = None
    tested_in: str | None = None  # the test file covering a rule no text résumé can trigger

    @property
    def anchor(self) -> str:
        """The rule's anchor in docs/rules.md (GitHub's heading slug of the id)."""
        return self.id.replace(".", "").lower()

    def covers(self, finding_id: str) -> bool:
        return finding_id == self.id or (self.family and finding_id.startswith(self.id + "."))


@dataclass(frozen=True, slots=True)
class Registry:
    rules: tuple[Rule, ...]

    def find(self, finding_id: str) -> Rule | None:
        """The rule declaring ``finding_id`` (exactly, or as a member of a family)."""
        for rule in self.rules:
            if rule.covers(finding_id):
                return rule
        return None

    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rules)

    def prefixes(self) -> frozenset[str]:
        """Every id and every dotted prefix of one ("impact", "ats.contact"), as config switches accept them."""
        out: set[str] = set()
        for rule in self.rules:
            parts = rule.id.split(".")
            out.update(".".join(parts[: i + 1]) for i in range(len(parts)))
        return frozenset(out)


def _text(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{RULES_FILE}, {where}: `{key}` must be a non-empty string; reinstall resume-check")
    return " ".join(value.split()) if key in ("title", "help") else value


def parse_rules(data: dict[str, Any]) -> Registry:
    """Validate the registry's data (ids unique and dotted, known severities, examples well formed)."""
    entries = data.get("rules")
    if not isinstance(entries, list) or not entries:
        raise LexiconError(f"{RULES_FILE}: needs a non-empty `rules:` list; reinstall resume-check")
    rules: list[Rule] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise LexiconError(f"{RULES_FILE}, entry {number}: must be a mapping; reinstall resume-check")
        rule_id = _text(entry, "id", f"entry {number}")
        where = f"entry {number} ({rule_id})"
        if rule_id in seen or "." not in rule_id:
            raise LexiconError(f"{RULES_FILE}, {where}: ids are unique and dotted (family.rule)")
        seen.add(rule_id)
        severity = _text(entry, "severity", where)
        if severity not in SEVERITIES:
            raise LexiconError(f"{RULES_FILE}, {where}: severity must be one of {', '.join(SEVERITIES)}")
        example = None
        raw = entry.get("examples")
        if raw is not None:
            if not isinstance(raw, dict) or raw.get("scope") not in ("bullet", "document"):
                raise LexiconError(f"{RULES_FILE}, {where}: examples need `scope: bullet|document`")
            triggers, passes = raw.get("triggers"), raw.get("passes")
            if not isinstance(triggers, str) or not triggers.strip() or not isinstance(passes, str | None):
                raise LexiconError(f"{RULES_FILE}, {where}: examples need a `triggers` text (and `passes` text)")
            example = Example(str(raw["scope"]), triggers, passes)
        tested_in = entry.get("tested_in")
        if example is None and not tested_in:
            raise LexiconError(f"{RULES_FILE}, {where}: give `examples` or the test that covers it (`tested_in`)")
        rules.append(
            Rule(
                id=rule_id,
                severity=severity,
                title=_text(entry, "title", where),
                help=_text(entry, "help", where),
                family=bool(entry.get("family", False)),
                example=example,
                tested_in=str(tested_in) if tested_in else None,
            )
        )
    return Registry(tuple(rules))


@functools.lru_cache(maxsize=1)
def load_rules() -> Registry:
    """The bundled registry (read once per process)."""
    from .datafile import read_bundled_yaml

    return parse_rules(read_bundled_yaml(RULES_FILE))


def unknown_switches(switches: Iterable[str], known: Iterable[str]) -> list[str]:
    """Messages for ``disable``/``enable`` ids that name neither a rule (or prefix of one) nor anything in ``known``
    (lexicon term, category and pack ids), each with a "did you mean" where one is close."""
    registry = load_rules()
    valid = set(registry.prefixes()) | set(known)
    out = []
    for switch in switches:
        key = switch.rstrip(".")
        if key in ("*", "") or key in valid or registry.find(key) is not None:
            continue
        close = difflib.get_close_matches(key, sorted(valid), n=1, cutoff=0.75)
        hint = f"; did you mean {close[0]!r}?" if close else "; see `resume-check rules` and `resume-check lexicons`"
        out.append(f"{switch!r} names no rule or term{hint}")
    return out


def check_switches(disabled: Iterable[str], enabled: Iterable[str], known: Iterable[str], where: str) -> None:
    """Raise ConfigError when a ``disable``/``enable`` id names nothing (``known``: lexicon ids and their prefixes)."""
    from .errors import ConfigError

    known_prefixes = {".".join(k.split(".")[: i + 1]) for k in known for i in range(k.count(".") + 1)}
    for key, values in (("disable", disabled), ("enable", enabled)):
        problems = unknown_switches(values, known_prefixes)
        if problems:
            raise ConfigError(f"{key} in {where}: {problems[0]}; fix the id or remove it")


def describe(rule: Rule) -> str:
    """A rule as text, for ``resume-check rules ID``."""
    lines = [f"{rule.id}{'.*' if rule.family else ''} ({rule.severity}): {rule.title}", "", rule.help]
    if rule.example is not None:
        lines += ["", "Example that triggers it:", *("  " + x for x in rule.example.triggers.strip().splitlines())]
        if rule.example.passes:
            lines += ["Example that does not:", *("  " + x for x in rule.example.passes.strip().splitlines())]
    lines += ["", f"Switch it off: disable = [{rule.id!r}] in .resume-check.toml, or an inline comment", ""]
    return "\n".join(lines)


def to_dict(rule: Rule) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": rule.id,
        "family": rule.family,
        "severity": rule.severity,
        "title": rule.title,
        "help": rule.help,
        "doc": f"{DOC_PATH}#{rule.anchor}",
    }
    if rule.example is not None:
        out["examples"] = {
            "scope": rule.example.scope,
            "triggers": rule.example.triggers,
            "passes": rule.example.passes,
        }
    return out


def render_list(registry: Registry) -> str:
    """``resume-check rules``: one line a rule (a family's id ends in ``.*``), severity and title."""
    width = max(len(r.id) + (2 if r.family else 0) for r in registry.rules)
    return "".join(
        f"{r.id + ('.*' if r.family else ''):<{width}}  {r.severity:<7}  {r.title}\n" for r in registry.rules
    )


def render_json(registry: Registry) -> str:
    """``resume-check rules --format json``: every rule as a JSON array."""
    import json

    return json.dumps([to_dict(r) for r in registry.rules], ensure_ascii=False, indent=2) + "\n"


def render_markdown(registry: Registry) -> str:
    """docs/rules.md: the reference of every rule, generated (``python tools/build_docs.py``; a test keeps it so)."""
    out = [
        "# Rules",
        "",
        "Every finding resume-check reports, generated from `lexicons/rules.yaml` by `python tools/build_docs.py`",
        "(a test fails when this file is out of date). `resume-check rules ID` prints the same. Switch a rule off",
        'with `disable = ["ID"]` in `.resume-check.toml` or an inline comment (`<!-- resume-check: disable=ID -->`).',
        "",
        "| id | severity | what it finds |",
        "|---|---|---|",
    ]
    out += [f"| [`{r.id}{'.*' if r.family else ''}`](#{r.anchor}) | {r.severity} | {r.title} |" for r in registry.rules]
    for rule in registry.rules:
        out += ["", f"## {rule.id}", "", f"**{rule.title}** ({rule.severity})", "", rule.help]
        if rule.example is not None:
            out += ["", "Triggers it:", "", "```markdown", rule.example.triggers.strip(), "```"]
            if rule.example.passes:
                out += ["", "Does not:", "", "```markdown", rule.example.passes.strip(), "```"]
    return "\n".join(out) + "\n"
