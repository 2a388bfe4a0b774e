"""Find lexicon terms in résumé text with spaCy matchers; return Match records (spaCy objects stay here)."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import InputError, LexiconError
from .lexicon import TARGET_PACK, Lexicon, expand_phrase, lexicon_forms, spelling_table
from .models import Match, Resume

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: how a hit was found, for breaking ties between equally long hits: a form as written beats a token
#: pattern, which beats an inflection
_RANK_EXACT, _RANK_PATTERN, _RANK_LEMMA = 0, 1, 2
#: lemmas whose inflections mean something else ("leaning", "safest")
_NO_INFLECT = frozenset({"lean", "safe", "platform"})
#: hits this short ("C", "R", "Go") are dropped when glued by a hyphen or '&' to a word: C-suite, go-live, R&D
_SHORT = 2
_GLUE = "-&"
_NEWLINE = re.compile("\n")
_COLUMNS = {"ORTH": 0, "LOWER": 1, "LEMMA": 2}  # columns of the token rows _find reads (see _find)


@dataclass(frozen=True, slots=True)
class MatcherStats:
    """What was built, and how long it took (seconds)."""

    terms: int
    phrase_patterns: int
    lemma_patterns: int
    acronym_patterns: int
    token_patterns: int
    special_cases: int
    build_seconds: float
    from_cache: bool = False


@dataclass(frozen=True, slots=True)
class MatcherState:
    """A TermMatcher compiled to plain data: what the disk cache keeps (see ``TermMatcher.state``).

    The phrase tables hold each pattern as the hashes of its tokens' attribute (LOWER, LEMMA or ORTH), the
    form ``PhraseMatcher.add`` accepts directly, so installing a state tokenises and lemmatises nothing.
    """

    special_words: tuple[str, ...]
    phrase: dict[str, tuple[tuple[int, ...], ...]]
    lemma: dict[str, tuple[tuple[int, ...], ...]]
    exact: dict[str, tuple[tuple[int, ...], ...]]
    exclude: dict[str, tuple[tuple[int, ...], ...]]
    exclude_lemma: dict[str, tuple[tuple[int, ...], ...]]
    patterns: tuple[tuple[str, list[list[dict[str, Any]]]], ...]
    focus: dict[str, frozenset[tuple[str, ...]]]
    lemma_prefixes: dict[tuple[str, tuple[str, ...]], frozenset[tuple[str, ...]] | None]


class TermMatcher:
    """Matchers for one lexicon on one pipeline. Build with :func:`build_matcher`; reuse for every résumé."""

    def __init__(self, nlp: Language, lexicon: Lexicon, state: MatcherState | None = None) -> None:
        """Compile the matchers for ``lexicon``, or install a ``state`` compiled earlier for the same lexicon
        and pipeline (see :meth:`state`; the disk cache keeps one)."""
        from spacy.attrs import IDX, LEMMA, LENGTH, LOWER, ORTH
        from spacy.matcher import Matcher, PhraseMatcher

        from .nlp import add_special_case_words, special_case_forms

        started = time.perf_counter()
        self.nlp = nlp
        self.lexicon = lexicon
        self._special_words = state.special_words if state is not None else special_case_forms(lexicon)
        add_special_case_words(nlp, self._special_words)
        vocab = nlp.vocab
        # typed Any: their add() takes hash sequences as well as Docs (see _keywords), which the stubs do not say
        self._phrase: Any = PhraseMatcher(vocab, attr="LOWER")
        self._lemma: Any = PhraseMatcher(vocab, attr="LEMMA")
        self._exact: Any = PhraseMatcher(vocab, attr="ORTH")
        # one token Matcher per term, with what each of its patterns requires (column of the token rows, accepted
        # hashes): it runs only on the lines holding those words (see _pattern_hits)
        self._pattern_groups: list[tuple[Matcher, tuple[tuple[tuple[int, frozenset[int]], ...], ...] | None]] = []
        self._no_inflect = frozenset(vocab.strings.add(word) for word in _NO_INFLECT)
        self._row_attrs = [ORTH, LOWER, LEMMA, IDX, LENGTH]
        #: per column of the token rows (ORTH, LOWER, LEMMA): every hash some pattern requires, sorted (numpy)
        self._required_arrays: tuple[Any, ...] = ()
        self._exclude: Any = PhraseMatcher(vocab, attr="LOWER")
        self._exclude_lemma: Any = PhraseMatcher(vocab, attr="LEMMA")  # "press releases" for "press release"
        self._has_exclude: set[str] = set()
        #: per term with patterns: its forms as lower-case token tuples, to narrow a pattern hit to the term
        self._focus: dict[str, frozenset[tuple[str, ...]]] = {}
        #: (term id, lemmas of a form) -> None when an inflected hit is fine, else the allowed words before the last
        self._lemma_prefixes: dict[tuple[str, tuple[str, ...]], frozenset[tuple[str, ...]] | None] = {}
        #: per term with patterns: (term id, patterns as given to spaCy), for :meth:`state`
        self._term_patterns: list[tuple[str, list[list[dict[str, Any]]]]] = []
        if state is None:
            self._compile()
        else:
            self._install(state)
        import numpy

        required: tuple[set[int], set[int], set[int]] = (set(), set(), set())
        for _, needs in self._pattern_groups:
            for column, hashes in (pair for need in needs or () for pair in need):
                required[column].update(hashes)
        self._required_arrays = tuple(numpy.array(sorted(hashes), dtype=numpy.uint64) for hashes in required)
        self.stats = MatcherStats(
            terms=len(lexicon.terms),
            phrase_patterns=_pattern_count(self._phrase),
            lemma_patterns=_pattern_count(self._lemma),
            acronym_patterns=_pattern_count(self._exact),
            token_patterns=sum(len(patterns) for _, patterns in self._term_patterns),
            special_cases=len(self._special_words),  # needed by the lexicon, added now or before
            build_seconds=time.perf_counter() - started,
            from_cache=state is not None,
        )

    def _compile(self) -> None:
        """Tokenise and lemmatise every form of every term into the matchers.

        The forms are tokenised as one text, a form per line, and run through the pipeline once: a form's tokens
        and lemmas do not depend on the lines around it (the tokenizer works word by word, the lemmatizer looks
        each word up), and one Doc of 20,000 tokens costs far less than 5,000 Docs of four. The matchers get
        each form as the hashes of its tokens' attribute, the form ``PhraseMatcher.add`` takes in place of Docs.
        """
        from .nlp import lemma_table

        nlp, lexicon = self.nlp, self.lexicon
        strings = nlp.vocab.strings
        all_forms = lexicon_forms(lexicon)
        forms = [(term, phrase) for term in lexicon.terms for phrase in all_forms[term.id][0]]
        tokens = _tokenise(nlp, [phrase for _, phrase in forms], annotate=True)
        lower_keys: dict[str, list[tuple[int, ...]]] = {}
        lemma_keys: dict[str, list[tuple[int, ...]]] = {}
        seen_lemmas: set[tuple[str, tuple[str, ...]]] = set()
        table = lemma_table(nlp)
        with_patterns = {term.id for term in lexicon.terms if term.patterns}
        phrase_tokens: dict[str, set[tuple[str, ...]]] = {}  # for narrowing pattern hits (see _narrow)
        plurals: list[tuple[str, str]] = []  # (term id, form with its plural ending)
        for (term, phrase), form in zip(forms, tokens, strict=True):
            lower_keys.setdefault(term.id, []).append(form.lowers)
            if term.id in with_patterns:
                phrase_tokens.setdefault(term.id, set()).add(form.lower_)
            last_lower, last_lemma = form.lower_[-1], form.lemma_[-1]
            # a plural the lookup table does not know ("standups", "roadmaps") would not reach the lemma
            # "standup": add it as written
            plural = _plural(last_lower) if table is not None and last_lemma == last_lower else None
            if plural is not None and plural not in table:
                plurals.append((term.id, phrase[: form.last_start] + plural))
            # inflections of multi-word forms ("kicked off", "kick-off meetings") and of one-word forms written
            # in their base form. A one-word form that is itself inflected ("programming", lemma "program") gets
            # none: it would find "programmes". Same lemmas are added once.
            lemmas = form.lemma_
            readings = [] if len(lemmas) == 1 and last_lemma != last_lower else [lemmas]
            # ... except a plural noun a job posting asks for ("stakeholders"): its singular shows it as well
            # ("stakeholder workshops"). Lexicon terms keep the rule: their plural forms are chosen with care
            if not readings and term.pack == TARGET_PACK and _is_plural_of(last_lower, last_lemma):
                readings = [lemmas]
            # the lookup table lemmatises "meeting" as the verb ("meet") but "meetings" as the noun ("meeting"):
            # a form ending in such a word also gets its noun reading, so "kick-off meeting" finds "meetings"
            if last_lemma != last_lower and last_lower.endswith("ing"):
                readings.append((*lemmas[:-1], last_lower))
            # a participle before the last word ("managed services") must stay as written, or the form would
            # find "managing services": remember the words as written for the check in _find
            participle = any(
                lem != low and low.endswith(("ed", "ing"))
                for low, lem in zip(form.lower_[:-1], lemmas[:-1], strict=True)
            )
            prefix = form.lower_[:-1] if participle else None
            for reading in readings:
                key = (term.id, reading)
                if prefix is None:
                    self._lemma_prefixes[key] = None
                elif key not in self._lemma_prefixes or self._lemma_prefixes[key] is not None:
                    self._lemma_prefixes[key] = (self._lemma_prefixes.get(key) or frozenset()) | {prefix}
                if key not in seen_lemmas:
                    seen_lemmas.add(key)
                    hashes = form.lemmas if reading is lemmas else tuple(strings.add(w) for w in reading)
                    lemma_keys.setdefault(term.id, []).append(hashes)
        for (term_id, _), form in zip(plurals, _tokenise(nlp, [p for _, p in plurals]), strict=True):
            lower_keys[term_id].append(form.lowers)
        for term_id, keys in lower_keys.items():
            self._phrase.add(term_id, keys)
            if term_id in lemma_keys:
                self._lemma.add(term_id, lemma_keys[term_id])
        exact_forms = [(term.id, a) for term in lexicon.terms for a in all_forms[term.id][1]]
        exact_tokens = _tokenise(nlp, [a for _, a in exact_forms], orth=True)
        for (term_id, _), form in zip(exact_forms, exact_tokens, strict=True):
            self._exact.add(term_id, [form.orths])
        focus_forms = [
            (term.id, x) for term in lexicon.terms if term.patterns
            for x in (term.label, *all_forms[term.id][1], *term.focus)
        ]
        focus_tokens = _tokenise(nlp, [x for _, x in focus_forms])
        excluded = [(term.id, f) for term in lexicon.terms for phrase in term.exclude for f in expand_phrase(phrase)]
        excluded_tokens = _tokenise(nlp, [f for _, f in excluded], annotate=True)
        focus: dict[str, set[tuple[str, ...]]] = {}
        for (term_id, _), form in zip(focus_forms, focus_tokens, strict=True):
            focus.setdefault(term_id, set()).add(form.lower_)
        for term in lexicon.terms:
            if term.patterns:
                self._add_patterns(term.id, [[_normalise_token(t) for t in p] for p in term.patterns], pack=term.pack)
                self._focus[term.id] = frozenset(phrase_tokens.get(term.id, set()) | focus[term.id])
        for (term_id, _), form in zip(excluded, excluded_tokens, strict=True):
            self._exclude.add(term_id, [form.lowers])
            self._exclude_lemma.add(term_id, [form.lemmas])
            self._has_exclude.add(term_id)

    def state(self) -> MatcherState:
        """The compiled matchers as plain data, to install later with ``TermMatcher(nlp, lexicon, state)``."""

        def keywords(matcher: Any) -> dict[str, tuple[tuple[int, ...], ...]]:
            return {key: tuple(sorted(patterns)) for key, patterns in sorted(_keywords(matcher).items())}

        return MatcherState(
            special_words=tuple(self._special_words),
            phrase=keywords(self._phrase),
            lemma=keywords(self._lemma),
            exact=keywords(self._exact),
            exclude=keywords(self._exclude),
            exclude_lemma=keywords(self._exclude_lemma),
            patterns=tuple((term_id, patterns) for term_id, patterns in self._term_patterns),
            focus=dict(self._focus),
            lemma_prefixes=dict(self._lemma_prefixes),
        )

    def _install(self, state: MatcherState) -> None:
        """Fill the matchers from a state compiled earlier: no tokenising, no lemmatising."""
        tables: tuple[tuple[Any, dict[str, tuple[tuple[int, ...], ...]]], ...] = (
            (self._phrase, state.phrase),
            (self._lemma, state.lemma),
            (self._exact, state.exact),
            (self._exclude, state.exclude),
            (self._exclude_lemma, state.exclude_lemma),
        )
        for matcher, table in tables:
            for key, keywords in table.items():
                matcher.add(key, list(keywords))  # PhraseMatcher takes hash sequences as well as Docs
        self._has_exclude.update(state.exclude)
        for term_id, patterns in state.patterns:
            self._add_patterns(term_id, patterns, validate=False)
        self._focus.update(state.focus)
        self._lemma_prefixes.update(state.lemma_prefixes)

    def _add_patterns(
        self, term_id: str, patterns: list[list[dict[str, Any]]], *, validate: bool = True, pack: str = ""
    ) -> None:
        from spacy.matcher import Matcher

        self._term_patterns.append((term_id, patterns))
        matcher = Matcher(self.nlp.vocab, validate=validate)
        strings = self.nlp.vocab.strings
        needs = tuple(
            tuple(
                (_COLUMNS[attr], frozenset(strings.add(value) for value in values))
                for attr, values in _requirements(pattern)
            )
            for pattern in patterns
        )
        self._pattern_groups.append((matcher, None if any(not n for n in needs) else needs))
        try:
            matcher.add(term_id, patterns)  # no greedy filter: a shorter hit may survive the line check
        except ValueError as err:  # spaCy MatchPatternError
            first = str(err).strip().splitlines()
            detail = " ".join(line.strip() for line in first if line.strip())[:300]
            raise LexiconError(
                f"pack {pack!r}, term {term_id}: a token pattern is not valid for spaCy ({detail}); "
                "fix the pattern (see lexicons/FORMAT.md)"
            ) from None

    def _narrow(self, doc: Doc, start: int, end: int, term_id: str) -> tuple[int, int]:
        """A pattern hit that contains the term's label or a form ("Languages: C", "Python, C") is narrowed to it."""
        focus = self._focus.get(term_id)
        if not focus:
            return start, end
        lowers = [t.lower_ for t in doc[start:end]]
        for size in range(len(lowers) - 1, 0, -1):  # longest first; the whole hit is the fallback
            for i in range(len(lowers) - size + 1):
                if tuple(lowers[i : i + size]) in focus:
                    return start + i, start + i + size
        return start, end

    # -------------------------------------------------------------------------------------- matching

    def match(self, resume: Resume) -> tuple[Match, ...]:
        """Every term occurrence in ``resume.text`` (one pipeline call), with the block it stands in.

        A hit never spans two blocks: blocks are joined with newlines and a hit containing one is dropped.
        """
        if not resume.blocks:
            return ()
        return tuple(
            Match(term_id=tid, start=s, end=e, text=resume.text[s:e], block=resume.block_at(s))
            for s, e, tid in self._find(resume.text)
        )

    def match_text(self, text: str) -> tuple[Match, ...]:
        """Every term occurrence in a plain string (``block`` is 0)."""
        return tuple(Match(term_id=tid, start=s, end=e, text=text[s:e], block=0) for s, e, tid in self._find(text))

    def _find(self, text: str) -> list[tuple[int, int, str]]:
        if not text.strip():
            return []
        if len(text) > self.nlp.max_length:
            raise InputError(
                f"the text is {len(text):,} characters, over the {self.nlp.max_length:,} the matcher accepts; "
                "is this really a résumé?"
            )
        # the end of the text ends a line: a pattern that wants a line break after a list item ("…, Closing")
        # finds the last item too; the extra token is never part of a hit (edge whitespace is trimmed below)
        doc = self.nlp(text if text.endswith("\n") else text + "\n")
        strings = self.nlp.vocab.strings
        excluded = self._excluded(doc)
        # token attributes as one array (ORTH, LOWER, LEMMA, IDX, LENGTH): a Token object per access, or a Python
        # int per cell, costs more than the work done with it
        table = doc.to_array(self._row_attrs)
        starts: list[int] = table[:, 3].tolist()
        ends: list[int] = (table[:, 3] + table[:, 4]).tolist()
        candidates: list[tuple[int, int, str, int]] = []  # token start, token end, term id, rank
        for matcher, rank in ((self._phrase, _RANK_EXACT), (self._exact, _RANK_EXACT)):
            if len(matcher):  # an empty matcher warns (spaCy W036)
                candidates.extend((start, end, strings[key], rank) for key, start, end in matcher(doc))
        if self._pattern_groups:
            candidates.extend(self._pattern_hits(doc, text, table, starts))
        if len(self._lemma):
            for key, start, end in self._lemma(doc):
                lowers: list[int] = table[start:end, 1].tolist()
                lemmas: list[int] = table[start:end, 2].tolist()
                # some words change meaning when inflected: "leaning it" is not "Lean IT"
                if any(lem in self._no_inflect and lem != low for low, lem in zip(lowers, lemmas, strict=True)):
                    continue
                term_id = strings[key]
                allowed = self._lemma_prefixes.get((term_id, tuple(strings[lem] for lem in lemmas)))
                if allowed is not None and tuple(strings[low] for low in lowers[:-1]) not in allowed:
                    continue  # "managing services" is not "managed services"
                candidates.append((start, end, term_id, _RANK_LEMMA))
        kept = []
        for start, end, term_id, rank in candidates:
            # context tokens of a pattern (", Lean", "Lean)") are not part of the hit: trim edge punctuation
            while end - start > 1 and not _has_alnum(text[starts[start] : ends[start]]):
                start += 1
            while end - start > 1 and not _has_alnum(text[starts[end - 1] : ends[end - 1]]):
                end -= 1
            s, e = starts[start], ends[end - 1]
            if "\n" in text[s:e] or not _stands_alone(text, s, e):
                continue
            if term_id in self._has_exclude and any(xs <= start and end <= xe for xs, xe in excluded.get(term_id, ())):
                continue
            kept.append((start, end, s, e, rank, term_id))
        return _longest_first(kept)

    def _pattern_hits(self, doc: Doc, text: str, table: Any, starts: list[int]) -> list[tuple[int, int, str, int]]:
        """Hits of the token patterns. A term's Matcher runs only over the lines that hold every word one of
        its patterns requires: the Matcher evaluates IN/NOT_IN predicates in Python for every token it sees,
        the costliest step by far if run over the whole résumé for each of the terms with patterns.

        A line's window takes in the line-break tokens either side of it, so patterns that use a line break
        as context still see it (and a line break counts as a word of both lines it separates); pattern gaps
        never cross a line break (IS_SPACE: false) and a hit that spans one is dropped later anyway, so no hit
        is lost by looking line by line.
        """
        import numpy

        strings = self.nlp.vocab.strings
        count = len(starts)
        # token indices of the line breaks (a whitespace token holding "\n"); line k lies between breaks k-1 and k
        breaks = sorted({bisect.bisect_right(starts, m.start()) - 1 for m in _NEWLINE.finditer(text)})
        bounds = [-1, *breaks, count]
        is_break = set(breaks)
        where: tuple[dict[int, set[int]], dict[int, set[int]], dict[int, set[int]]] = ({}, {}, {})
        for column in (0, 1, 2):
            # only the few tokens some pattern requires are looked at in Python; each token's value is looked up in
            # the sorted required values (numpy.isin sorts both sides on every call, twice the cost here)
            required = self._required_arrays[column]
            if not len(required):
                continue
            values_here = table[:, column]
            at = numpy.searchsorted(required, values_here)
            at[at == len(required)] = 0
            found_at = numpy.flatnonzero(required[at] == values_here)
            if not len(found_at):
                continue
            lines_of = numpy.searchsorted(breaks, found_at, side="left").tolist()
            index = where[column]
            for i, value, line in zip(found_at.tolist(), table[found_at, column].tolist(), lines_of, strict=True):
                lines = index.setdefault(value, set())
                lines.add(line)
                if i in is_break:
                    lines.add(line + 1)
        out = []
        for token_matcher, needs in self._pattern_groups:
            selected: set[int] = set()
            if needs is None:
                selected.update(range(len(bounds) - 1))
            else:
                for need in needs:
                    common: set[int] | None = None
                    for column, values in need:
                        index = where[column]
                        hit: set[int] = set()
                        # the values both here and required, found in C over the smaller side
                        for value in values.intersection(index) if len(index) < len(values) else index.keys() & values:
                            hit |= index[value]
                        common = hit if common is None else common & hit
                        if not common:
                            break
                    if common:
                        selected |= common
            for number in sorted(selected):
                lo, hi = max(bounds[number], 0), min(bounds[number + 1] + 1, count)
                for key, start, end in token_matcher(doc[lo:hi]):
                    term_id = strings[key]
                    start, end = self._narrow(doc, lo + start, lo + end, term_id)
                    out.append((start, end, term_id, _RANK_PATTERN))
        return out

    def _excluded(self, doc: Doc) -> dict[str, list[tuple[int, int]]]:
        if not self._has_exclude:
            return {}
        out: dict[str, list[tuple[int, int]]] = {}
        strings = self.nlp.vocab.strings
        for key, start, end in (*self._exclude(doc), *self._exclude_lemma(doc)):
            out.setdefault(strings[key], []).append((start, end))
        return out


@dataclass(frozen=True, slots=True)
class _Form:
    """One lexicon form, tokenised: its tokens' ORTH, LOWER and LEMMA hashes and strings."""

    orths: tuple[int, ...]  # only when asked for
    lowers: tuple[int, ...]
    lemmas: tuple[int, ...]
    lower_: tuple[str, ...]
    lemma_: tuple[str, ...]
    last_start: int  # where the last token starts, in characters from the start of the form


def _tokenise(nlp: Language, phrases: Sequence[str], *, annotate: bool = False, orth: bool = False) -> list[_Form]:
    """Tokenise ``phrases`` (each without line breaks) as one text, a phrase per line; with ``annotate``, run the
    pipeline's components too (for lemmas); ``orth``: fill ``orths`` too. One _Form per phrase, in order."""
    from spacy.attrs import IDX, LEMMA, LOWER, ORTH

    if not phrases:
        return []
    text = "\n".join(phrases)
    doc = nlp.make_doc(text)
    if annotate:
        doc = _annotate(nlp, [doc])[0]
    strings = nlp.vocab.strings
    offsets = list(itertools.accumulate((len(p) + 1 for p in phrases[:-1]), initial=0))
    grouped: list[list[list[int]]] = [[] for _ in phrases]
    # columns: IDX, LOWER, then LEMMA and ORTH when asked for (every cell becomes a Python int: ask for few)
    attrs = [IDX, LOWER, *([LEMMA] if annotate else []), *([ORTH] if orth else [])]
    for row in doc.to_array(attrs).tolist():
        start = row[0]
        if text[start] == "\n":
            continue  # the line break between two phrases
        grouped[bisect.bisect_right(offsets, start) - 1].append(row)
    out = []
    for offset, rows in zip(offsets, grouped, strict=True):
        lowers = tuple(r[1] for r in rows)
        lemmas = tuple(r[2] for r in rows) if annotate else lowers
        lower_ = tuple(strings[h] for h in lowers)
        out.append(
            _Form(
                orths=tuple(r[-1] for r in rows) if orth else (),
                lowers=lowers,
                lemmas=lemmas,
                lower_=lower_,
                lemma_=tuple(strings[h] for h in lemmas) if annotate else lower_,
                last_start=rows[-1][0] - offset,
            )
        )
    return out


def _keywords(matcher: Any) -> dict[str, set[tuple[int, ...]]]:
    """A PhraseMatcher's patterns as the attribute hashes of their tokens (what it pickles as, and exactly what
    ``PhraseMatcher.add`` accepts in place of Docs)."""
    docs: dict[str, set[tuple[int, ...]]] = matcher.__reduce__()[1][1]
    return docs


def _pattern_count(matcher: Any) -> int:
    return sum(len(patterns) for patterns in _keywords(matcher).values())


def _is_plural_of(plural: str, singular: str) -> bool:
    """Whether ``plural`` is the regular plural of ``singular`` ("stakeholders", "processes", "priorities")."""
    return plural in (singular + "s", singular + "es") or (singular.endswith("y") and plural == singular[:-1] + "ies")


def _plural(word: str) -> str | None:
    """The regular English plural of a lower-case word, or None when it is not a plain word or ends in -s."""
    if len(word) < 3 or not word.isalpha() or word.endswith("s"):
        return None
    if word.endswith(("x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _annotate(nlp: Language, docs: list[Doc]) -> list[Doc]:
    """Run the pipeline's components (not the tokenizer) over already tokenised docs, in batches."""
    for _name, proc in nlp.pipeline:
        pipe = getattr(proc, "pipe", None)
        docs = list(pipe(docs)) if pipe is not None else [proc(doc) for doc in docs]
    return docs


_TRIGGER_ATTRS = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "LEMMA": "LEMMA"}


def _requirements(pattern: list[dict[str, Any]]) -> tuple[tuple[str, frozenset[str]], ...]:
    """The words a pattern cannot match without: (attribute, accepted values) of each required token that names
    literal values (no OP, "+" or "{n,m}" with n >= 1; a string or an IN list of ORTH/TEXT, LOWER or LEMMA)."""
    out = []
    for token in pattern:
        op = str(token.get("OP", ""))
        if op in ("?", "*", "!") or op.startswith(("{0", "{,")):
            continue
        for key, attr in _TRIGGER_ATTRS.items():
            value = token.get(key)
            if isinstance(value, str):
                out.append((attr, frozenset({value})))
            elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
                out.append((attr, frozenset(value["IN"])))
    return tuple(out)


def _normalise_token(token: dict[str, Any]) -> dict[str, Any]:
    """Lower-case LEMMA values (lemmas are lower-cased, see nlp.py), and give LOWER and LEMMA values their other
    British/American spellings: {LEMMA: organise} also accepts "organize"."""
    out = dict(token)
    table = spelling_table()
    for key in ("LOWER", "LEMMA"):
        if key not in out:
            continue
        value = out[key]
        if isinstance(value, str):
            spellings = _spellings(value.lower() if key == "LEMMA" else value, table)
            value = spellings[0] if len(spellings) == 1 else {"IN": list(spellings)}
        elif isinstance(value, dict):
            value = {
                op: [w for v in arg for w in _spellings(v.lower() if key == "LEMMA" else v, table)]
                if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg)
                else arg
                for op, arg in value.items()
            }
        out[key] = value
    return out


def _spellings(word: str, table: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    others = table.get(word, ())
    return (word, *(w for w in others if w != word))


def _has_alnum(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _stands_alone(text: str, start: int, end: int) -> bool:
    """False when the hit is part of a longer word ("Scrum" in "Scrumban-ish" tokens, "C" in "C-suite")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if (before.isalnum() and text[start].isalnum()) or (after.isalnum() and text[end - 1].isalnum()):
        return False
    if end - start <= _SHORT:
        if after in _GLUE and end + 1 < len(text) and text[end + 1].isalnum():
            return False
        if before in _GLUE and start >= 2 and text[start - 2].isalnum():
            return False
    return True


def _longest_first(candidates: Iterable[tuple[int, int, int, int, int, str]]) -> list[tuple[int, int, str]]:
    """Resolve overlaps: the longest hit (in characters) wins; ties go to the earlier start, then to a form
    as written over a token pattern over an inflection, then to the smaller term id."""
    ordered = sorted(set(candidates), key=lambda c: (-(c[3] - c[2]), c[2], c[4], c[5]))
    taken: set[int] = set()
    chosen = []
    for start, end, s, e, _rank, term_id in ordered:
        tokens = range(start, end)
        if any(i in taken for i in tokens):
            continue
        taken.update(tokens)
        chosen.append((s, e, term_id))
    chosen.sort()
    return chosen


def build_matcher(nlp: Language, lexicon: Lexicon) -> TermMatcher:
    """Build (or reuse) the matchers for ``lexicon`` on ``nlp``; cached per (pipeline, lexicon) identity.

    Adds the lexicon's tokenizer special cases to ``nlp`` (see ``nlp.add_special_cases``).
    Raises LexiconError when a token pattern is rejected by spaCy.
    """
    return _build_cached(nlp, lexicon)


@functools.lru_cache(maxsize=8)
def _build_cached(nlp: Language, lexicon: Lexicon) -> TermMatcher:
    return TermMatcher(nlp, lexicon)


def check_examples(matcher: TermMatcher, term_ids: Iterable[str] | None = None) -> tuple[str, ...]:
    """Run terms' examples and counterexamples; one message per failure (empty when all behave).

    ``term_ids``: the terms to check (default: all of the matcher's lexicon).
    """
    lexicon = matcher.lexicon
    wanted = set(term_ids) if term_ids is not None else None
    problems = []
    for term in lexicon.terms:
        if wanted is not None and term.id not in wanted:
            continue
        for text in term.examples:
            if term.id not in {m.term_id for m in matcher.match_text(text)}:
                found = ", ".join(f"{m.term_id} ({m.text!r})" for m in matcher.match_text(text)) or "nothing"
                problems.append(f"{term.id}: example {text!r} does not match it (found: {found})")
        for text in term.counterexamples:
            hits = [m.text for m in matcher.match_text(text) if m.term_id == term.id]
            if hits:
                problems.append(f"{term.id}: counterexample {text!r} matches it at {hits[0]!r}")
    return tuple(problems)
