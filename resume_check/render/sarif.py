"""CI format ``sarif``: SARIF 2.1.0 for code-scanning dashboards (one run, rules with help, relative locations)."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import PurePath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..ci.gate import CheckResult, collect_annotations
from ..rules import DOC_PATH, load_rules

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: for an id the registry does not declare (a user lexicon's rule, say): still a valid, helpful rule entry
DEFAULT_HELP = "Reported by resume-check. Run `resume-check check FILE` for the full report and how to fix it."


def artifact_uri(path: str) -> str:
    """The path as an RFC 3986 URI reference that names the file exactly: relative for a relative path, file://
    when absolute; forward slashes; every byte of the file name other than letters, digits, ``-._~`` and the
    separators percent-encoded, so ``%``, spaces, ``#``, ``?``, non-ASCII names (as UTF-8) and names that are not
    UTF-8 (their own bytes, from surrogateescape) all decode back to the file: ``os.fsdecode(unquote_to_bytes(uri))``.
    A colon in a relative path is encoded too, so its first segment never reads as a URI scheme."""
    posix = PureWindowsPath(path).as_posix() if "\\" in path else path
    raw = os.fsencode(posix)  # the name's bytes: UTF-8, or the original bytes of a name that is not UTF-8
    if PurePath(posix).is_absolute():
        return "file://" + ("" if posix.startswith("/") else "/") + quote(raw, safe="/:")
    return quote(raw.removeprefix(b"./"), safe="/")


def to_dict(results: Sequence[CheckResult]) -> dict[str, Any]:
    """The SARIF log as plain data."""
    registry = load_rules()
    rules: dict[str, dict[str, Any]] = {}
    sarif_results: list[dict[str, Any]] = []
    for result in results:
        for a in collect_annotations(result):
            if a.rule_id not in rules:
                rule = registry.find(a.rule_id)
                title = rule.title if rule else a.rule_id
                help_text = rule.help if rule else DEFAULT_HELP
                more = f"`resume-check rules {rule.id}` or {DOC_PATH}#{rule.anchor}" if rule else "`resume-check rules`"
                rules[a.rule_id] = {
                    "id": a.rule_id,
                    "name": a.rule_id,
                    "shortDescription": {"text": title},
                    "fullDescription": {"text": help_text},
                    "help": {
                        "text": f"{help_text} More: {more}.",
                        "markdown": f"**{title}**\n\n{help_text}\n\nMore: {more}.",
                    },
                    "defaultConfiguration": {"level": LEVELS.get(rule.severity if rule else a.severity, "warning")},
                }
            location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(result.file or result.path)}}
            if a.line is not None and a.line >= 1:
                region: dict[str, Any] = {"startLine": a.line}
                if a.column is not None and a.column >= 1:
                    region["startColumn"] = a.column
                location["region"] = region
            sarif_results.append(
                {
                    "ruleId": a.rule_id,
                    "ruleIndex": list(rules).index(a.rule_id),
                    # code scanning fails a check on "error": a finding fails the gate exactly when it is one here
                    "level": "error" if a.fails else LEVELS.get(a.severity, "warning"),
                    "message": {"text": a.message},
                    "properties": {"severity": a.severity, "failsGate": a.fails},
                    "locations": [
                        {"physicalLocation": location}
                        if a.key is None
                        else {"physicalLocation": location, "logicalLocations": [{"fullyQualifiedName": a.key}]}
                    ],
                }
            )
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "resume-check",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": list(rules.values()),
                    }
                },
                "results": sarif_results,
                "columnKind": "unicodeCodePoints",
                # what each file was measured against (role profile, job posting or the whole lexicon) and why
                "properties": {
                    "targets": [
                        {
                            "file": r.path,
                            "kind": r.analysis.target.kind,
                            "id": r.analysis.target.id,
                            "reason": r.analysis.target.reason,
                        }
                        for r in results
                        if r.analysis is not None
                    ]
                },
            }
        ],
    }


def render_results(results: Sequence[CheckResult], *, color: bool = False) -> str:
    """The SARIF log as indented JSON text (``color`` is ignored)."""
    return json.dumps(to_dict(results), indent=2, ensure_ascii=False) + "\n"
