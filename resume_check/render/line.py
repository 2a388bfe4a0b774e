"""CI format ``line``: ``path:line:col: severity rule-id message``, one annotation per line (grep/editor friendly).

Whole-file annotations use line 1, column 1 so every line parses with the same pattern. An annotation that fails
the gate ends with `` [fails]``; the others are shown for information (at or above ``min_severity``). Control
characters from input (a file name's ESC or newline, a label's) are written as visible escapes
(``escaping.escape_controls``).
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from ..ci.gate import CheckResult, collect_annotations
from ..escaping import escape_controls

COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}
FAILS = " [fails]"


def render_results(results: Sequence[CheckResult], *, color: bool = False) -> str:
    """One line per annotation, files in the given order; empty when nothing is to be reported."""
    lines = []
    for result in results:
        for a in collect_annotations(result):
            severity = click.style(a.severity, fg=COLORS.get(a.severity)) if color else a.severity
            message = escape_controls(" ".join(a.message.split())) + (FAILS if a.fails else "")
            where = f"{escape_controls(result.path)}:{a.line or 1}:{a.column or 1}"
            lines.append(f"{where}: {severity} {escape_controls(a.rule_id)} {message}")
    return "".join(line + "\n" for line in lines)
