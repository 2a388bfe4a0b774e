"""Impact statements: judge each experience, project and summary statement (action verb + measured result).

``analyse_impact(resume)`` turns the bullets (and the sentences of paragraphs) of the experience, projects and
summary sections into ``Statement`` records with a verdict, the metrics found (``metrics.find_metrics``) and a
concrete suggestion, plus an ``ImpactSummary`` and ``impact.*`` findings.

Verdicts:
- ``strong``: opens with an action verb (``lexicons/verbs.yaml``), possibly after a short lead-in ("As PMO lead,",
  "Successfully"), and carries at least one metric;
- ``unquantified``: opens with an action verb, no metric;
- ``weak``: opens with a duty or hedge (``lexicons/weak_openers.yaml``: "Responsible for", "Helped with" ...), a
  first-person pronoun, an agentless passive ("The migration was delivered ..."), or no verb at all. A weak opener
  stays weak when a number follows; the suggestion says so and shows the rewrite.

Skipped as non-statements: headings, lines ending in ":" ("Notable accomplishments:"), job title/company/date
lines (short, title-case or carrying a date range, no verb), and, in the summary, sentences that describe the
person rather than an action ("Seasoned project manager with ..."). In paragraphs, a later sentence that opens with
"The/This/It ..." and has no verb of the candidate's is context for the previous one, not a statement.

Everything is deterministic; regular expressions are compiled at import and the lexicons are loaded once.

The package follows the stages of that job, one module each: ``words`` (the vocabulary of statements, from
``lexicons/statements.yaml``), ``openers`` (weak openers and hedges), ``units`` (what is judged: bullets and
sentences), ``judging`` (the verdict of one unit), ``suggestions`` (its rewrite) and ``analysis`` (``analyse_impact``:
statements, summary and findings). The action-verb lexicon is ``resume_check.verbs``, shared with extraction.
"""

from __future__ import annotations

from ..metrics import find_metrics
from ..verbs import VerbFamily, VerbForm, VerbLexicon, _inflect, load_verbs
from .analysis import LONG_BULLET_WORDS, OVERUSED_MAX, OVERUSED_MIN_STATEMENTS, OVERUSED_SHARE, analyse_impact
from .judging import MAX_HEADER_WORDS, MAX_LABEL_WORDS, MAX_LEAD_IN_WORDS, opens_with_action_verb
from .openers import WeakLexicon, WeakOpener, load_weak_openers
from .suggestions import EXCERPT_CHARS
from .units import OPENING_WORDS, PIPE_LIST_MIN, STATEMENT_SECTIONS
from .words import load_work_products

__all__ = [
    "EXCERPT_CHARS",
    "LONG_BULLET_WORDS",
    "MAX_HEADER_WORDS",
    "MAX_LABEL_WORDS",
    "MAX_LEAD_IN_WORDS",
    "OPENING_WORDS",
    "OVERUSED_MAX",
    "OVERUSED_MIN_STATEMENTS",
    "OVERUSED_SHARE",
    "PIPE_LIST_MIN",
    "STATEMENT_SECTIONS",
    "VerbFamily",
    "VerbForm",
    "VerbLexicon",
    "WeakLexicon",
    "WeakOpener",
    "_inflect",
    "analyse_impact",
    "find_metrics",
    "load_verbs",
    "load_weak_openers",
    "load_work_products",
    "opens_with_action_verb",
]
