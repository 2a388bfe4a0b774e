"""CI format ``junit``: JUnit XML (Ant/JUnitReport schema), one testsuite per file, one testcase per file and rule.

Each file has a ``resume-check.gate`` testcase (failed when the gate failed) and one testcase per rule id that
reported something: a failure for findings at or above the minimum severity and for gate or baseline failures,
an error for a file that could not be analysed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from ..gate import INPUT_RULE, Annotation, CheckResult, collect_annotations

GATE_CASE = "resume-check.gate"
HOSTNAME = "localhost"  # a constant, so the output does not depend on the machine


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters from untrusted text)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20 and ord(ch) not in (0xFFFE, 0xFFFF)))


def _attr(text: str) -> str:
    return quoteattr(_clean(text))


def _case(name: str, classname: str, body: str = "") -> str:
    if not body:
        return f'    <testcase name={_attr(name)} classname={_attr(classname)} time="0"/>'
    return f'    <testcase name={_attr(name)} classname={_attr(classname)} time="0">\n{body}\n    </testcase>'


def _where(a: Annotation, path: str) -> str:
    return f"{path}:{a.line}" if a.line is not None else path


def render_results(results: Sequence[CheckResult], *, color: bool = False, timestamp: dt.datetime | None = None) -> str:
    """The JUnit XML document (``color`` is ignored; ``timestamp`` defaults to now, UTC, whole seconds)."""
    when = (timestamp or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%dT%H:%M:%S")
    suites = []
    for number, result in enumerate(results):
        items = collect_annotations(result)
        by_rule: dict[str, list[Annotation]] = {}
        for a in items:
            by_rule.setdefault(a.rule_id, []).append(a)
        cases = []
        failures = errors = 0
        gate_body = ""
        if result.error is None and not result.passed:
            reasons = "\n".join(f"{fa.id}: {fa.message}" for fa in result.failures)
            gate_body = (
                f"      <failure type={_attr(GATE_CASE)} message={_attr(f'{len(result.failures)} gate failure(s)')}>"
                f"{escape(_clean(reasons))}</failure>"
            )
            failures += 1
        if result.error is None:
            cases.append(_case(GATE_CASE, result.path, gate_body))
        for rule_id, rule_items in by_rule.items():
            text = "\n".join(f"{_where(a, result.path)}: {a.severity}: {a.message}" for a in rule_items)
            first = rule_items[0].message
            if rule_id == INPUT_RULE:
                body = f"      <error type={_attr(rule_id)} message={_attr(first)}>{escape(_clean(text))}</error>"
                errors += 1
            else:
                body = f"      <failure type={_attr(rule_id)} message={_attr(first)}>{escape(_clean(text))}</failure>"
                failures += 1
            cases.append(_case(rule_id, result.path, body))
        suites.append(
            f'  <testsuite name={_attr(result.path)} package={_attr(result.path)} id="{number}" '
            f'timestamp="{when}" hostname="{HOSTNAME}" tests="{len(cases)}" failures="{failures}" '
            f'errors="{errors}" time="0">\n'
            "    <properties/>\n" + "\n".join(cases) + "\n    <system-out/>\n    <system-err/>\n  </testsuite>"
        )
    body = "\n".join(suites)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n{body}\n</testsuites>\n'
