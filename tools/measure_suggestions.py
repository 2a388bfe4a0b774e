"""Count the suggestions on the real corpus and the samples, and those that carry a figure not in the statement
(a statement's rewrite) or any figure at all (a cliché's example).

Usage: python tools/measure_suggestions.py [FOLDER ...]   (default: ../shared/corpus/real and samples/)

A figure is "invented" when a run of digits in the suggestion, outside a [placeholder], does not occur in the
statement's own text. Prints one line per offending suggestion with -v, then the totals.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from resume_check.analysis import analyse_path, build_engine
from resume_check.errors import ResumeCheckError

_PLACEHOLDER = re.compile(r"\[[^\]]*\]")
_DIGITS = re.compile(r"\d+")
#: where a finding names its line: "(line 5)", "(lines 5, 9)"
_LINE_REF = re.compile(r"\(lines? [\d, ]+\)")
SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".json")


def invented_figures(suggestion: str, statement: str) -> list[str]:
    """Digit runs of ``suggestion`` (outside [placeholders]) that ``statement`` does not contain."""
    outside = _PLACEHOLDER.sub(" ", suggestion)
    own = set(_DIGITS.findall(statement))
    return [d for d in _DIGITS.findall(outside) if d not in own]


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    folders = [Path(a) for a in argv if a != "-v"] or [Path("../shared/corpus/real"), Path("samples")]
    engine = build_engine()
    checked = invented = 0
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in SUFFIXES or path.name.isupper() or path.stem.isupper():
                continue
            try:
                analysis = analyse_path(path, engine=engine)
            except ResumeCheckError as err:
                print(f"skip {path.name}: {err}", file=sys.stderr)
                continue
            for st in analysis.impact.statements:
                if not st.suggestion:
                    continue
                checked += 1
                bad = invented_figures(st.suggestion, st.text)
                if bad:
                    invented += 1
                    if verbose:
                        print(f"{path.name}:{st.line}: {bad} {st.suggestion[:160]}")
            for finding in analysis.findings:
                if not finding.id.startswith("ats.cliche."):
                    continue  # a cliché's advice is an example of its own, quoting nothing of the résumé's
                checked += 1
                bad = invented_figures(_LINE_REF.sub(" ", finding.message), "")
                if bad:
                    invented += 1
                    if verbose:
                        print(f"{path.name}:{finding.line}: {bad} {finding.message[:160]}")
    print(f"suggestions checked: {checked}; with invented figures: {invented}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
