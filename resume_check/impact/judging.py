"""Judging one unit: is it a statement, and if so is it strong, unquantified or weak (and why)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from string import ascii_lowercase

from ..dates import MONTHS, find_dates
from ..metrics import AGENT_BY, find_metrics
from ..models import Metric, Verdict
from ..structure import load_headings
from ..verbs import Tense, VerbForm, VerbLexicon, load_verbs
from .openers import WeakLexicon
from .units import _DATE_PREFIX, _DATE_RANGE, _LABEL_LIST, _YEAR, _YEAR_RANGE, _Unit, _word_starts
from .words import (
    _ADJECTIVAL,
    _COMPANY_END,
    _CONTEXT_OPENER,
    _DETERMINERS,
    _HEADER_SMALL,
    _JOB_NOUNS,
    _LEAD_IN_FIRST,
    _NOT_WORK_PRODUCT,
    _PRESENT_WORDS,
    _RECOGNISED,
    _SELF_DESCRIPTION,
    _SELF_NOUNS,
    _TITLE_SMALL,
    is_recognition,
    load_work_products,
)

#: "chosen to", "asked to" before the verb of the work: what was done is that verb ("Chosen to run the programme");
#: an invitation ("Invited to speak at ...") is an honour (``is_recognition``)
_CHOSEN_TO = re.compile(
    rf"^(?:(?:was|were|been|got)\s+)?(?!invited\b)(?:(?P<honour>{_RECOGNISED})|asked|hired|brought in|engaged)"
    r"\s+to\s+(?!be\b)",
    re.IGNORECASE,
)

#: a lead-in before the verb may be this many words long ("As PMO lead for the retail division, delivered ...")
MAX_LEAD_IN_WORDS = 8


#: a paragraph this short ending in a year range ("Delivery Lead, Acme (2019 – 2021)") is a role header
MAX_HEADER_WORDS = 16


#: labels before a colon or dash may run this many words into the statement
MAX_LABEL_WORDS = 8


@dataclass(frozen=True, slots=True)
class _Judgement:
    verdict: Verdict | None  # None: not a statement (a title, date or label line)
    verb: str | None = None
    family: str | None = None
    lemma: str | None = None
    base: str | None = None
    tense: Tense | None = None
    reason: str = ""  # weak: duty, hedge, role, first-person, passive, no-verb
    opener_id: str | None = None
    advice: str = ""
    rest: str = ""  # the words after the verb or weak opener
    skip: int = 0  # characters of header prefix (title, company, dates) before the statement proper
    rewrite_verb: str | None = None  # forced: the opener's own rewrite ("Partnered with") or the passive participle
    fallback_verb: str | None = None  # used when the words after the opener suggest no verb family
    honour: bool = False  # it records an honour: "Selected by the board as ...", "the only analyst to be awarded ..."
    misspelt: str | None = None  # the opening verb as written when it misspells ``verb`` ("Exceded" for "Exceeded")


#: the shortest word read as a misspelt verb: shorter ones are too often other words a letter away
MIN_MISSPELT_LETTERS = 6
#: the endings of the forms a misspelt opener is looked for in: a past form or a gerund ("Exceded", "Coordinting")
_MISSPELT_ENDINGS = ("ed", "ing")


def misspelt_verb(word: str, lex: VerbLexicon) -> VerbForm | None:
    """The one action verb form that ``word`` misspells by a single letter, or None.

    "Exceded", "Acheived", "Devloped", "Implamented": a letter left out, added, changed or two swapped, with the
    first letter kept. Only a past form or a gerund (ending "ed" or "ing", the forms that open a statement; a noun
    opener is not looked at) of at least ``MIN_MISSPELT_LETTERS`` letters, in lower or title case (not a name
    like "GitLab" or an acronym), that no verb form of the lexicon spells and that is no English word form at all
    (spacy-lookups-data's lists: "planed" and "lobbied" are words); and only when the forms one letter away are of
    one verb ("Mangaed" is "managed", a word a letter from two verbs is left alone).
    """
    low = word.lower()
    if len(low) < MIN_MISSPELT_LETTERS or not low.endswith(_MISSPELT_ENDINGS) or low in lex.forms:
        return None  # the openers that are nouns ("Management", "Execution") are not looked at
    if not low.isascii() or not low.isalpha():
        return None
    if not (word.islower() or word[1:].islower()):
        return None
    forms = [f for c in _one_letter_away(low) if c[0] == low[0] and (f := lex.forms.get(c)) is not None]
    if not forms or len({f.lemma for f in forms}) != 1:
        return None
    from ..extract.pdf_text import english_words  # loaded only for a word a letter from a verb

    if low in english_words():
        return None
    # of one verb's forms ("exceed" and "exceeded" are both a letter from "exceded"), the one of the tense the
    # ending says, then the longest, then the first in the alphabet: never the order of a set
    tense = "past" if low.endswith("ed") else "gerund" if low.endswith("ing") else None
    return min(forms, key=lambda f: (f.tense != tense, -len(f.form), f.form))


def _one_letter_away(word: str) -> set[str]:
    """Every string one deletion, swap of neighbours, change or insertion of a letter away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in ascii_lowercase)
    out.update(a + c + b for a, b in splits for c in ascii_lowercase)
    out.discard(word)
    return out


def _cased_like(word: str, model: str) -> str:
    """``word`` in the case of ``model``: "exceeded" like "Exceded" is "Exceeded"."""
    return word.capitalize() if model[:1].isupper() else word


def _verb_at(words: Sequence[str], lex: VerbLexicon) -> tuple[VerbForm, int] | None:
    """The action verb opening ``words``, refusing nouns that look like verbs ("Lead developer", "Design of")."""
    found = lex.lookup(words)
    if found is None and words and "-" in words[0]:
        found = lex.lookup([words[0].replace("-", ""), *words[1:]])  # "devel-oping" rejoined across a line break
        if found is None and words[0].startswith(("co-", "re-")):
            found = lex.lookup([words[0][3:], *words[1:]])  # "co-architected", "re-platformed"
    if found is None:
        return None
    form, size = found
    following = words[size] if len(words) > size else ""
    ambiguous = form.tense in ("present", "either") and form.form == form.base and form.lemma in lex.noun_ambiguous
    # "Research integrated into ...", "Budget reduced by ...": a noun with a participle, not an imperative
    participle = following.endswith("ed") or (following in lex.participles and following not in lex.forms)
    if ambiguous and (not following or following in _JOB_NOUNS or following in ("of", "and/or") or participle):
        return None
    if form.tense == "gerund" and (following == "of" or following in _JOB_NOUNS):  # "Engineering Manager"
        return None
    if (
        form.form in _ADJECTIVAL
        and following not in _DETERMINERS
        and not following[:1].isdigit()
        and (
            following in ("and", "&", "")
            or following.endswith(("-oriented", "-driven", "-minded", "-focused", ","))
            or any(w.strip(",") in _SELF_NOUNS for w in words[size : size + 4])
        )
    ):
        return None  # "Accomplished IT project manager", "Organised and detail-oriented", "Certified Scrum Master"
    return form, size


def opens_with_action_verb(text: str) -> bool:
    """Whether ``text`` opens with an action verb of ``lexicons/verbs.yaml`` (not a noun that looks like one)."""
    words = [w for _, _, w in _word_starts(text, 4)]
    return bool(words) and _verb_at(words, load_verbs()) is not None


def _strip_header(
    text: str, words: list[tuple[int, int, str]], lex: VerbLexicon, weak: WeakLexicon | None = None
) -> int:
    """Length of a date or title prefix before the verb ("2017 – Present Leading ...", "Engineer, Amazon Led ...")."""
    i = 0
    while i < len(words) and _DATE_PREFIX.match(text[words[i][0] :] + " ") and i < 6:
        i += 1
    if 0 < i < len(words):
        verb = _verb_at([w for _, _, w in words[i:]], lex)
        if verb is not None:
            return words[i][0]
    # a title-case run (job title, company, place) glued to the first sentence by the layout
    if _verb_at([w for _, _, w in words], lex) is not None:
        return 0
    for k in range(2, min(len(words), 16)):
        start = words[k][0]
        if not text[start].isupper() or text[:start].rstrip().endswith("("):
            continue  # "Net Tech for the Brigade (Assigned to ...)": an aside, not a header before the verb
        verb = _verb_at([w for _, _, w in words[k:]], lex)
        after_dates = (
            _YEAR.search(words[k - 1][2]) is not None
            and _YEAR.search(words[k][2]) is None
            and words[k][2][:3] not in MONTHS
            and len(words) - k >= 4
        )
        if verb is None and (after_dates or (weak is not None and weak.any_opener.match(text[start:]))):
            # "Church ..., Oregon — Missionary Nov. 2018 - Nov.2022 Worked 65+ hours weekly ...": the statement
            # starts after the header's dates (or at a weak opener), whatever its first word
            if all(text[s].isupper() or text[s].isdigit() or w in _HEADER_SMALL for s, _, w in words[:k]):
                return start
            break
        if verb is None or verb[0].tense not in ("past", "gerund"):
            continue
        if verb[0].tense == "gerund" and not re.search(r"[,|–—\d]| - ", text[:start]):
            break  # "Oregon Threat Information Gathering ...": a gerund inside a name, not a glued header
        prefix = words[:k]
        if all(text[s].isupper() or text[s].isdigit() or w in _HEADER_SMALL for s, _, w in prefix):
            return start
        break
    return 0


class _LazyMetrics:
    """The metrics of a unit's text, found on first use: most units that are not statements never need them."""

    __slots__ = ("_metrics", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._metrics: tuple[Metric, ...] | None = None

    def get(self) -> tuple[Metric, ...]:
        if self._metrics is None:
            self._metrics = find_metrics(self._text)
        return self._metrics

    def found(self) -> bool:
        return bool(self.get())


def _judge(unit: _Unit, lex: VerbLexicon, weak: WeakLexicon, has_metrics: Callable[[], bool]) -> _Judgement:
    text = unit.text
    words = _word_starts(text)
    if not words:
        return _Judgement(None)
    if text.isupper() and len(text.split()) <= MAX_HEADER_WORDS:
        return _Judgement(None)  # a heading in capitals the structure stage left as text ("MY LIFE PHILOSOPHY")
    year_range = _YEAR_RANGE.search(text)
    if (
        year_range
        and not unit.bullet
        and len(text.split()) <= MAX_HEADER_WORDS
        and not text[year_range.end() :].strip(" )]|,.–—-")
    ):
        return _Judgement(None)  # "Engineering Manager, CenturyLink (2015 - 2017)": a role header, not a statement
    if _is_context(text, unit) or (_skills_list(text) and not _verb_first(words, lex, past_counts=True)):
        return _Judgement(None)
    if unit.list_item and (len(words) < 2 or (_title_case(text) and not _verb_first(words, lex))):
        return _Judgement(None)  # a skills item of a pipe list ("Budget Planning", "Monitoring")
    skip = _strip_header(text, words, lex, weak)
    if unit.role_header and not skip:
        return _Judgement(None)  # a role's title, employer, dates or place (structure.find_roles): context
    if skip:
        words = [w for w in words if w[0] >= skip]
    plain = [w for _, _, w in words]

    # weak openers, also after adverbs ("Actively participated in") and a lead-in ("In 2019, helped ...")
    for start_index in _opening_positions(text, words, lex):
        head = text[words[start_index][0] :]
        m = weak.any_opener.match(head)
        if m:
            opener = weak.openers[int((m.lastgroup or "o0")[1:])]
            return _Judgement(
                "weak",
                verb=m.group().strip(),
                reason=opener.kind,
                opener_id=opener.id,
                advice=opener.advice,
                rest=head[m.end() :].strip(" ,:;-–—"),
                skip=skip,
                rewrite_verb=opener.rewrite or None,
                fallback_verb=_family_rewrite(opener.family, lex),
            )
        found = _verb_at(plain[start_index:], lex)
        misspelt = None
        if found is None:
            written = text[words[start_index][0] : words[start_index][1]]
            corrected = misspelt_verb(written, lex)
            if corrected is not None and _verb_at([corrected.form, *plain[start_index + 1 :]], lex) is not None:
                found, misspelt = (corrected, 1), written
        if found is not None:
            form, size = found
            verb_start = words[start_index][0]
            verb_end = words[start_index + size - 1][1]
            return _Judgement(
                "strong" if has_metrics() else "unquantified",
                verb=_cased_like(form.form, misspelt) if misspelt else text[verb_start:verb_end],
                misspelt=misspelt,
                family=form.family,
                lemma=form.lemma,
                base=form.base,
                tense=form.tense,
                rest=text[verb_end:].strip(" ,:;-–—"),
                skip=skip,
                # led by its verb, an honour only when it opens the line ("Selected by the board as ...", not
                # "Implemented a process that was chosen to be the standard")
                honour=is_recognition(text[skip:], opening_only=True),
            )

    statement = text[skip:] if skip else text
    honour = is_recognition(statement)
    chosen = None if honour else _CHOSEN_TO.match(statement)  # "Chosen to speak at ..." is an honour
    if chosen is not None:
        # "Chosen to run the programme", "Asked to lead the audit": the work is the verb after "to"
        after = statement[chosen.end() :].split()
        found = _verb_at([w.strip(".,;:()").lower() for w in after], lex)
        if found is not None:
            form, size = found
            return _Judgement(
                "strong" if has_metrics() else "unquantified",
                verb=" ".join([statement[: chosen.end()].strip(), *after[:size]]),
                family=form.family,
                lemma=form.lemma,
                base=form.base,
                tense="past",  # "Chosen to lead" tells of the past, whatever the tense of "lead"
                rest=" ".join(after[size:]),
                skip=skip,
            )
        # "Selected to attend the Sergeants Major Academy": no work the verb lexicon knows follows, so the selection
        # is what it records
        honour = chosen.group("honour") is not None
    if honour:
        # an honour ("the only analyst to be awarded ...") is something achieved, not a passive hiding the doer
        return _Judgement(
            "strong" if has_metrics() else "unquantified",
            reason="recognition",
            rest=statement.strip(),
            skip=skip,
            honour=True,
        )
    passive = weak.passive.match(statement)
    if passive and _is_participle(passive.group("participle"), lex) and not AGENT_BY.search(passive.group("rest")):
        subject = passive.group("subject").strip()
        subject_verbs = (_verb_at([w.strip(".,;:()")], lex) for w in subject.lower().split())
        if not any(found is not None and found[0].tense == "past" for found in subject_verbs):
            subject_words = subject.split()
            first = subject_words[0] if subject_words else ""
            # "The migration" -> "the migration", "Dashboards" -> "dashboards"; a name stays ("Raspberry Pi")
            second = subject_words[1] if len(subject_words) > 1 else ""
            name = second[:1].isupper() and second[1:].islower()  # "Pi" in a name; "KPI" is an acronym
            if first.lower() in _DETERMINERS or (first[:1].isupper() and first[1:].islower() and not name):
                subject = subject[0].lower() + subject[1:]
            return _Judgement(
                "weak",
                verb=f"{passive.group('aux')} {passive.group('participle')}",
                reason="passive",
                advice=weak.passive_advice,
                rest=f"{subject} {passive.group('rest').strip()}".strip(),
                skip=skip,
                rewrite_verb=passive.group("participle").capitalize(),
            )

    # no verb: a title, company, date or label line, a self-description in a summary, or a noun-phrase bullet
    if statement.strip().endswith(":"):
        return _Judgement(None, reason="label")  # "Notable accomplishments:" (same role, no new entry)
    if _is_non_statement(statement, unit, has_metrics):
        return _Judgement(None)
    if (unit.bullet or unit.list_item) and _names_work_product(statement):
        # "Asset management system for ...", "Workshop paper on ...": something made, stated without a verb
        return _Judgement(
            "strong" if has_metrics() else "unquantified", reason="product", rest=statement.strip(), skip=skip
        )
    return _Judgement("weak", verb=None, reason="no-verb", rest=statement.strip(), skip=skip)


_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|app|ai|co|uk|edu|gov)(?:/\S*)?", re.IGNORECASE
)


def _ends_with_date(text: str) -> bool:
    """A line that ends in a date or date range ("Research Assistant Summer 2021", "Project X | C++ Mar. 2020")."""
    stripped = text.rstrip(" )]")
    dates = find_dates(stripped)
    return (bool(dates) and dates[-1].end == len(stripped) and dates[-1].fmt != "present") or bool(
        dates and dates[-1].fmt == "present" and dates[-1].end == len(stripped) and len(dates) > 1
    )


#: a line that is one quotation of three words or more from end to end, its attribution of up to four words after
#: a dash ("— Peter Drucker"); a quoted name before a statement ("“Project Phoenix” – led the migration") is not one
_QUOTATION = re.compile(
    r"[\"“](?:[^\"“”\s]+\s+){2,}[^\"“”\s]+[\"”][.!]?(?:\s*[-–—]\s*[^\"“”\s]+(?:\s+[^\"“”\s]+){0,3})?"
)


def _is_context(text: str, unit: _Unit) -> bool:
    """Lines that are context for statements whatever their first word: a quotation, a project or role title ending
    in a date, an employer line ("Custom Building Improvements, Inc."), a label with a list or a link, a bare URL, a
    skill claim ("Proficient in Salesforce"), an organisation–role line ("Tech Impact program - Instructor,
    Mentor")."""
    stripped = text.strip()
    words = stripped.split()
    if not words:
        return True
    if _QUOTATION.fullmatch(stripped):
        return True  # a motto or a quoted testimonial: someone's words, not what the person did
    short = len(words) <= MAX_HEADER_WORDS and not stripped.endswith(".")
    if not unit.bullet and short and _ends_with_date(stripped):
        return True
    if not unit.bullet and len(words) <= 8 and _COMPANY_END.search(stripped):
        return True
    label, colon, rest = stripped.partition(":")
    if (
        colon
        and len(label.split()) <= 3
        and not rest.startswith("//")
        and (
            _LABEL_LIST.match(stripped)
            or (rest.strip() and not _URL.sub("", rest).strip(" ,;|/-–—"))
            or ("," in rest and not rest.rstrip().endswith(".") and not opens_with_action_verb(rest.strip()))
        )
    ):
        return True  # "Scopes: full-stack, back-end, APIs", "Web servers: Apache, nginx", "MDN Web Docs: https://..."
    links = sum(len(m.group()) for m in _URL.finditer(stripped))
    if links and (len(_URL.sub(" ", stripped).split()) <= 3 or links >= 0.4 * len(stripped)):
        return True  # a bare URL, a project name and its link, a list of profile links
    if _SELF_DESCRIPTION.match(stripped):
        return True
    return short and len(words) <= 12 and _org_role_line(stripped)


#: items of a skills list: at least this many, each of at most MAX_SKILL_WORDS words
MIN_SKILLS = 3
MAX_SKILL_WORDS = 4


def _skills_list(text: str) -> bool:
    """A comma list of short title-case items with no figure ("Python, Pulumi, GCP, Cloud Run, Helm", "Effective
    Communication, Stakeholder Engagement, Problem-Solving."): skills, not a statement. The caller checks that it
    does not open with a plain verb ("Managed AWS, Azure, GCP" is a statement)."""
    stripped = text.strip().rstrip(".")
    items = [item.strip() for item in stripped.split(",")]
    return (
        len(items) >= MIN_SKILLS
        and not any(ch.isdigit() for ch in stripped)
        and all(0 < len(item.split()) <= MAX_SKILL_WORDS and _title_case(item) for item in items)
    )


def _verb_first(words: list[tuple[int, int, str]], lex: VerbLexicon, *, past_counts: bool = False) -> bool:
    """Whether the words open with a verb that cannot be a noun or a gerund ("Conduct ...", not "Budget Planning"),
    or with ``past_counts`` any past tense ("Led Cloud Migration, Data Centre Exit ...": "lead" is also a noun,
    "Led" is not)."""
    found = _verb_at([w for _, _, w in words], lex)
    if found is None:
        return False
    form = found[0]
    return (past_counts and form.tense == "past") or (form.tense != "gerund" and form.lemma not in lex.noun_ambiguous)


_PHRASE_HEAD_END = re.compile(r"[,;:(]|\s(?:for|of|on|in|with|to|at|by|from|that|which|using|about|into)\s", re.I)


def _names_work_product(text: str) -> bool:
    """A noun phrase whose head names something made (system, paper, talk), with no role or title word in it."""
    end = _PHRASE_HEAD_END.search(text)
    phrase = text[: end.start()] if end else text
    words = [w.strip(".,;:()'\"").lower() for w in phrase.split()]
    words = [w for w in words if w]
    if not words or len(words) > 8:
        return False
    titles = load_headings().titles
    if any(w in titles or w in _NOT_WORK_PRODUCT for w in words):
        return False
    products = load_work_products()
    return words[-1] in products or " ".join(words[-2:]) in products


def _title_case(text: str) -> bool:
    """Every word of two or more letters capitalised ("Cyberspace Operations Planning", "Azure AD")."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 1]
    return bool(words) and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)


def _org_role_line(text: str) -> bool:
    """ "Organisation - Role[, Role]" in title case with no verb: a role line, not a statement."""
    parts = re.split(r"\s[-–—]\s", text, maxsplit=1)
    if len(parts) != 2:
        return False
    org, roles = parts
    titles = load_headings().titles
    role_words = [w.strip(",.;()").lower() for w in roles.split() if w.strip(",.;()")]
    capitalised = [w for w in (org + " " + roles).split() if w[:1].isalpha()]
    title_case = bool(capitalised) and sum(w[0].isupper() for w in capitalised) >= 0.7 * len(capitalised)
    return title_case and any(w in titles for w in role_words)


def _opening_positions(text: str, words: list[tuple[int, int, str]], lex: VerbLexicon) -> list[int]:
    """Word indexes where the statement proper may start: 0, after -ly adverbs, after a short comma lead-in."""
    positions = [0]
    i = 0
    while i < min(2, len(words) - 1) and words[i][2].endswith("ly") and words[i][2] not in lex.forms:
        i += 1
        positions.append(i)
    # after a label ("Data Warehousing: built ...", "Acme Ltd - 2013 - Helped to ...")
    for k in range(1, min(len(words), MAX_LABEL_WORDS + 1)):
        between = text[words[k - 1][1] : words[k][0]]
        if (":" in between or " – " in between or " — " in between or " - " in between) and words[k][
            2
        ] not in _PRESENT_WORDS:
            positions.append(k)  # not "Jan 2023 – present": "present" there is a date, not a verb
    if words and words[0][2] in _LEAD_IN_FIRST:
        for k in range(1, min(len(words), MAX_LEAD_IN_WORDS + 1)):
            between = text[words[k - 1][1] : words[k][0]]
            if "," in between:
                positions.append(k)
                if k + 1 < len(words) and words[k][2].endswith("ly") and words[k][2] not in lex.forms:
                    positions.append(k + 1)
                break
    return positions


def _is_participle(word: str, lex: VerbLexicon) -> bool:
    lowered = word.lower()
    return lowered in lex.participles or (lowered.endswith("ed") and len(lowered) >= 4)


def _is_non_statement(text: str, unit: _Unit, has_metrics: Callable[[], bool]) -> bool:
    stripped = text.strip()
    words = stripped.split()
    if not words:
        return True
    if unit.section == "summary":
        return True  # a self-description ("Seasoned project manager with ..."), not an action
    if not unit.first_in_block and _CONTEXT_OPENER.match(stripped):
        return True  # context for the previous sentence ("The system automates ...")
    if _DATE_RANGE.search(stripped) and len(words) <= 16:
        return True
    if _LABEL_LIST.match(stripped):
        return True  # "Agile practices: retrospectives, TDD, pair programming"
    capitalised = [w for w in words if w[:1].isalpha()]
    title = bool(capitalised) and sum(w[0].isupper() for w in capitalised) >= 0.7 * len(capitalised)
    if unit.bullet:
        # an award or a role line in title case ("Multi-Top Driver Award Winner", "Acme Ltd, Data Analyst 2012")
        return (len(words) <= 3 and not has_metrics()) or (
            title and not stripped.endswith(".") and (len(words) <= 8 or bool(_YEAR.search(stripped)))
        )
    if len(words) <= 8 and not stripped.endswith("."):
        return True
    title_case = sum(w[0].isupper() for w in capitalised) >= 0.7 * len(capitalised) if capitalised else False
    return title_case and not stripped.endswith(".")


def _family_rewrite(family_id: str, lex: VerbLexicon) -> str | None:
    family = lex.families.get(family_id)
    return family.rewrite if family else None
