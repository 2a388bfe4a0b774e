"""The spaCy pipeline: blank English + lookup lemmatizer (lower-cased lemmas), or an installed trained pipeline."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .lexicon import Lexicon

#: name of the component that lower-cases lemmas (see ``_LemmaCase``)
LEMMA_CASE = "resume_check_lemma_case"
#: factory of the default pipeline's lemmatizer (see ``_LookupLemmatizer``)
LOOKUP_LEMMATIZER = "resume_check_lookup_lemmatizer"
#: symbols that make a word a special case; hyphens are left to the tokenizer's infix rules (kick-off, lean-agile)
_SYMBOL_RE = re.compile(r"[#+./&@]")
_EDGE_PUNCT = "()[]{}\"'`,;:!?"
_CACHE_LIMIT = 200_000
#: trade-mark signs stay separate tokens so "PRINCE2®" still matches "PRINCE2"
_TRADEMARK_RE = re.compile(r"[®™©]")


def build_nlp(model: str | None = None, *, tuned: bool = True) -> Language:
    """Build (once per process and model) the pipeline the matchers and the text share.

    ``model=None``: ``spacy.blank("en")`` plus the lookup lemmatizer with spacy-lookups-data's table (no
    network, no trained model; see ``_LookupLemmatizer``). ``model=NAME``: ``spacy.load(NAME)`` of an installed
    pipeline, with a last component after its own lemmatizer. Either way every lemma is lower case, so "Managed"
    and "managed" both lemmatise to "manage".
    ``tuned`` (``Settings.tuned``): the blank pipeline's tokenizer caches whole chunks across documents
    (``runtime.tokenizer``; the same tokens).
    Raises ConfigError when the model is not installed or the lookup tables are missing.
    """
    return _build_nlp_cached(model, tuned)


@functools.lru_cache(maxsize=4)
def _build_nlp_cached(model: str | None, tuned: bool = True) -> Language:
    import spacy

    _register_components()
    if model is None:
        nlp = spacy.blank("en")
        try:
            table = _lemma_table_data()
        except (ValueError, OSError, KeyError) as err:  # catalogue/spaCy errors: spacy-lookups-data missing
            raise ConfigError(
                f"cannot initialise the lookup lemmatizer ({err}); install it with: pip install spacy-lookups-data"
            ) from None
        lemmatizer: Any = nlp.add_pipe(LOOKUP_LEMMATIZER, name="lemmatizer")
        lemmatizer.table = table
        if tuned:
            from .runtime.tokenizer import ChunkTokenizer

            nlp.tokenizer = ChunkTokenizer(nlp.tokenizer, nlp.vocab)
        return nlp
    else:
        try:
            nlp = spacy.load(model)
        except OSError:
            raise ConfigError(
                f"spaCy model {model!r} is not installed; install it with: python -m spacy download {model} "
                "(or leave out --model to use the built-in blank English pipeline)"
            ) from None
        except Exception as err:
            raise ConfigError(f"spaCy model {model!r} cannot be loaded: {err}") from None
    nlp.add_pipe(LEMMA_CASE, last=True)
    return nlp


def import_spacy_without_cli() -> None:
    """Import spaCy without running its command-line package (a large share of ``import spacy``).

    ``spacy/__init__.py`` imports ``spacy.cli.info`` only to offer ``spacy.info``, and that pulls in spaCy's whole
    command line: typer, weasel, requests, httpx, jinja2 and rich, none of which a pipeline uses. While spaCy
    loads, ``spacy.cli`` and ``spacy.cli.info`` are stand-ins; ``spacy.info`` is a stand-in function that
    imports the real one when called. The stand-ins leave ``sys.modules`` as soon as spaCy has loaded, so a later
    ``import spacy.cli`` (a trained pipeline's code, a user's script) gets the real package. Does nothing when
    spaCy (or its command line) is already imported, or cannot be found (the ordinary import then reports it).
    """
    import importlib.util
    import os
    import sys
    import types

    if any(name in sys.modules for name in ("spacy", "spacy.cli", "spacy.cli.info")):
        return  # loaded (or half-loaded by a failed import) already: never replace a real module
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return
    package = types.ModuleType("spacy.cli")
    package.__path__ = [os.path.join(folder, "cli") for folder in spec.submodule_search_locations]
    info_module = types.ModuleType("spacy.cli.info")

    def info(*args: Any, **kwargs: Any) -> Any:
        """spaCy's ``spacy.info``, imported on first use."""
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    info_module.info = info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": package, "spacy.cli.info": info_module}
    sys.modules.update(stand_ins)
    try:
        import spacy  # noqa: F401
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        loaded = sys.modules.get("spacy")
        if loaded is not None and getattr(loaded, "cli", None) is package:
            del loaded.cli


def _lemma_table_data() -> dict[str, str]:
    """The English ``lemma_lookup`` table of spacy-lookups-data (word as written -> lemma).

    Read as spaCy's own ``load_lookups`` reads it: the package's entry point, then its JSON file.
    """
    from spacy.util import load_language_data, registry

    data = registry.lookups.get("en")  # KeyError/catalogue error when spacy-lookups-data is missing
    table: Any = load_language_data(data["lemma_lookup"])
    if not isinstance(table, dict):
        raise ValueError(f"the lemma_lookup table of spacy-lookups-data is a {type(table).__name__}, not a mapping")
    return table


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory(LEMMA_CASE):
        Language.factory(LEMMA_CASE, func=_make_lemma_case)
    if not Language.has_factory(LOOKUP_LEMMATIZER):
        Language.factory(LOOKUP_LEMMATIZER, func=_make_lookup_lemmatizer)


def _make_lookup_lemmatizer(nlp: Language, name: str) -> _LookupLemmatizer:
    return _LookupLemmatizer(nlp)


def _make_lemma_case(nlp: Language, name: str) -> _LemmaCase:
    return _LemmaCase(nlp)


def _lower_lemma(word: str, lemma: str, table: Any) -> str:
    """``lemma`` lower-cased; where it is just the word as written with capitals ("Managed": the case-sensitive
    lookup table had no entry), the lemma of its lower-case form from ``table`` instead."""
    lower = word.lower()
    if lemma == word and word != lower:
        lemma = table.get(lower, lower) if table else lower
    return lemma.lower()


class _LookupLemmatizer:
    """spaCy's lookup lemmatizer and the lower-casing of ``_LemmaCase`` in one pass over the words.

    The lemma of a word is ``table.get(word, word)`` with spacy-lookups-data's ``lemma_lookup`` table, exactly
    what spaCy's ``Lemmatizer(mode="lookup")`` gives; where the table has no entry for the word as written
    ("Managed") its lower-case form is looked up; the result is lower-cased. A lemma depends on the word alone,
    so each distinct word is worked out once per process and a Doc is one array lookup per token, not a Python
    ``Token`` object per token as in spaCy's component. The tests check it against spaCy's own component on
    every key of the table.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.table: dict[str, str] = {}
        #: orth id -> lower-case lemma id; per process, bounded by _CACHE_LIMIT
        self._cache: dict[int, int] = {}

    def lemma(self, word: str) -> str:
        return _lower_lemma(word, self.table.get(word, word), self.table)

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import LEMMA, ORTH

        if not len(doc):
            return doc
        cache = self._cache
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        strings = self.nlp.vocab.strings
        lemmas = []
        for orth in doc.to_array(ORTH).tolist():
            lemma = cache.get(orth)
            if lemma is None:
                lemma = cache[orth] = strings.add(self.lemma(strings[orth]))
            lemmas.append(lemma)
        column: Any = numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1)
        doc.from_array([LEMMA], column)
        return doc


class _LemmaCase:
    """Lower-case every lemma; where the lookup table had no entry for the text as written ("Managed"),
    look up its lower-case form instead. The spaCy lookup table is case-sensitive, the matchers are not."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._table: Any = None
        #: (orth id, lemma id) -> lower-case lemma id; per process, bounded by _CACHE_LIMIT
        self._cache: dict[tuple[int, int], int] = {}

    def _lookup_table(self) -> Any:
        if self._table is None:
            table: Any = {}
            if "lemmatizer" in self.nlp.pipe_names:
                lemmatizer: Any = self.nlp.get_pipe("lemmatizer")
                lookups = getattr(lemmatizer, "lookups", None)
                if lookups is not None and lookups.has_table("lemma_lookup"):
                    table = lookups.get_table("lemma_lookup")
            self._table = table
        return self._table

    def _fix(self, orth: int, lemma: int) -> int:
        strings = self.nlp.vocab.strings
        text = strings[orth]
        return strings.add(_lower_lemma(text, strings[lemma] if lemma else text, self._lookup_table()))

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, ORTH

        if not len(doc):
            return doc
        # token attributes through arrays: creating a Token object per word costs more than the lookup itself
        array: Any = doc.to_array([ORTH, LEMMA])
        cache = self._cache
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        changed = False
        for i, (orth, lemma) in enumerate(array.tolist()):
            new = cache.get((orth, lemma))
            if new is None:
                new = cache[(orth, lemma)] = self._fix(orth, lemma)
            if new != lemma:
                array[i, 1] = new
                changed = True
        if changed:
            doc.from_array([LEMMA], array[:, 1:2])
        return doc


def lemma_table(nlp: Language) -> Any:
    """The lookup lemmatizer's table (word -> lemma, with ``in`` and ``get``), or None for other lemmatizers."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(lemmatizer, _LookupLemmatizer):
        return lemmatizer.table or None
    component = nlp.get_pipe(LEMMA_CASE) if LEMMA_CASE in nlp.pipe_names else None
    if not isinstance(component, _LemmaCase):
        return None
    table = component._lookup_table()
    return table if table else None


def special_case_forms(lexicon: Lexicon) -> tuple[str, ...]:
    """The lexicon forms containing symbols that the tokenizer splits (C#, CI/CD) and so become special cases."""
    from .lexicon import lexicon_forms

    out: dict[str, None] = {}
    for phrases, exact in lexicon_forms(lexicon).values():
        for form in (*phrases, *exact):
            for word in form.split(" "):
                word = _TRADEMARK_RE.sub("", word).strip(_EDGE_PUNCT)
                if word.endswith(".") and not _SYMBOL_RE.search(word[:-1]):
                    continue  # an abbreviation ("Sr."): the sentence-final period must stay splittable
                if _SYMBOL_RE.search(word) and any(c.isalnum() for c in word):
                    out.setdefault(word, None)
    return tuple(out)


def add_special_cases(nlp: Language, lexicon: Lexicon) -> tuple[str, ...]:
    """Make every symbol-bearing lexicon word (C#, C++, .NET, CI/CD, ITF+, Node.js) one token.

    Added as written, lower case and upper case (special cases are case-sensitive). Words the tokenizer
    already keeps whole are skipped. Idempotent; special cases accumulate on ``nlp``'s tokenizer.
    Returns the strings added.
    """
    return add_special_case_words(nlp, special_case_forms(lexicon))


def add_special_case_words(nlp: Language, words: Iterable[str]) -> tuple[str, ...]:
    """``add_special_cases`` for words already picked out by ``special_case_forms``."""
    from spacy.attrs import ORTH

    tokenizer: Any = nlp.tokenizer
    added = []
    for word in words:
        for form in dict.fromkeys((word, word.lower(), word.upper())):
            if len(tokenizer(form)) > 1:
                tokenizer.add_special_case(form, [{ORTH: form}])
                added.append(form)
    return tuple(added)
