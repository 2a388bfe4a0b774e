"""CI format ``junit``: JUnit XML (the Ant/JUnitReport schema), one testsuite per file, one testcase per rule.

Each file has one testcase per rule id it reported (findings at or above ``min_severity``, gate and baseline
failures): a ``failure`` when any of that rule's annotations fails the gate, an ``error`` for a file that could
not be analysed, and a passing testcase whose ``system-out`` lists the findings shown for information. A file with
nothing to report has one passing ``resume-check.gate`` testcase. The suite's counts are the testcases' own, so
"3 failures" means three failing rules, each reported once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from ..ci.gate import INPUT_RULE, Annotation, CheckResult, collect_annotations

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
        by_rule: dict[str, list[Annotation]] = {}
        for a in collect_annotations(result):
            by_rule.setdefault(a.rule_id, []).append(a)
        cases: list[str] = []
        info: list[str] = []
        failures = errors = 0
        for rule_id, rule_items in by_rule.items():
            failing = [a for a in rule_items if a.fails]
            shown = failing or rule_items
            text = escape(_clean("\n".join(f"{_where(a, result.path)}: {a.severity}: {a.message}" for a in shown)))
            message = shown[0].message if len(shown) == 1 else f"{len(shown)} times: {shown[0].message}"
            if rule_id == INPUT_RULE:
                body = f"      <error type={_attr(rule_id)} message={_attr(message)}>{text}</error>"
                errors += 1
            elif failing:
                body = f"      <failure type={_attr(rule_id)} message={_attr(message)}>{text}</failure>"
                failures += 1
            else:  # shown for information only: the testcase passes
                body = ""
                info.append(text)
            cases.append(_case(rule_id, result.path, body))
        if not cases:
            cases.append(_case(GATE_CASE, result.path))
        properties = "    <properties/>\n"
        if result.analysis is not None:  # what the file was measured against, and why
            target = result.analysis.target
            properties = (
                "    <properties>\n"
                f'      <property name="resume-check.target" value={_attr(f"{target.kind}:{target.id}")}/>\n'
                f'      <property name="resume-check.target-reason" value={_attr(_clean(target.reason))}/>\n'
                "    </properties>\n"
            )
        suites.append(
            f'  <testsuite name={_attr(result.path)} package={_attr(result.path)} id="{number}" '
            f'timestamp="{when}" hostname="{HOSTNAME}" tests="{len(cases)}" failures="{failures}" '
            f'errors="{errors}" time="0">\n'
            + properties
            + "\n".join(cases)
            + (f"\n    <system-out>{chr(10).join(info)}</system-out>" if info else "\n    <system-out/>")
            + "\n    <system-err/>\n  </testsuite>"
        )
    body = "\n".join(suites)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n{body}\n</testsuites>\n'
