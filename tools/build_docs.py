"""Regenerate the documentation derived from the code: docs/rules.md from the rule registry (lexicons/rules.yaml).

python tools/build_docs.py          # rewrite docs/rules.md
python tools/build_docs.py --check  # exit 1 when it is out of date (the tests do the same)
"""

from __future__ import annotations

import sys
from pathlib import Path

from resume_check.rules import load_rules, render_markdown

ROOT = Path(__file__).resolve().parent.parent
RULES_DOC = ROOT / "docs" / "rules.md"


def main(argv: list[str]) -> int:
    text = render_markdown(load_rules())
    if "--check" in argv:
        current = RULES_DOC.read_text("utf-8") if RULES_DOC.exists() else ""
        if current != text:
            print(f"{RULES_DOC} is out of date: run python tools/build_docs.py")
            return 1
        return 0
    RULES_DOC.write_text(text, encoding="utf-8")
    print(f"wrote {RULES_DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
