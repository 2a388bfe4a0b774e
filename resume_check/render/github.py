"""CI format ``github``: GitHub Actions workflow commands that annotate files in a pull request.

``::warning file=cv.md,line=12,col=1,title=impact.weak::message``. An annotation that fails the gate is an
``error`` whatever its severity, titled ``rule-id (fails the gate)``; the others map warning -> warning and
info -> notice. Data is escaped (%, CR, LF) and properties also escape ``:`` and ``,`` (the workflow-command spec).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..ci.gate import CheckResult, collect_annotations
from ..escaping import escape_controls

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Workflow-command data: %, CR and LF escaped as the spec says; other control characters (ESC would colour
    the log) written as visible escapes first."""

    def part(text: str) -> str:  # a control character made visible (%1B) must not read back as one: % after
        return escape_controls(text).replace("%", "%25")

    return "%0A".join("%0D".join(part(piece) for piece in line.split("\r")) for line in text.split("\n"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_results(results: Sequence[CheckResult], *, color: bool = False) -> str:
    """One workflow command per annotation (``color`` is ignored: the Actions log does its own)."""
    lines = []
    for result in results:
        for a in collect_annotations(result):
            props = [f"file={escape_property(result.path)}"]
            if a.line is not None:
                props.append(f"line={a.line}")
                if a.column is not None:
                    props.append(f"col={a.column}")
            title = f"{a.rule_id} (fails the gate)" if a.fails else a.rule_id
            props.append(f"title={escape_property(title)}")
            command = "error" if a.fails else COMMANDS.get(a.severity, "warning")
            lines.append(f"::{command} {','.join(props)}::{escape_data(a.message)}")
    return "".join(line + "\n" for line in lines)
