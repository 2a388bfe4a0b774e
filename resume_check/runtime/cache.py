"""A disk cache for what every run would otherwise rebuild at start-up: the loaded lexicon and the compiled matchers.

Parsing the packs and tokenising and lemmatising every lexicon form is most of start-up; loading the cached result is a
small part of that (the README's speed table has the figures). An entry is keyed by a fingerprint of everything the
result depends on (the pack files' bytes, the code that compiles them, and the versions of Python, spaCy and
spacy-lookups-data), so a changed pack or an upgrade never serves a stale entry: it simply misses and is rebuilt.

The cache holds lexicon data only, never résumé text. Entries are pickles, written atomically into a directory
that only the user can read or write (mode 0700), like Python's own ``__pycache__``. Every failure (a missing,
unreadable or corrupt entry, a read-only directory) is a miss, never an error: the cache only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..lexicon import Lexicon
    from ..matching import TermMatcher

#: bump when the layout of cached values changes
CACHE_FORMAT = 1
SUFFIX = ".pickle"
PREFIX = "engine-"
#: the modules whose code decides what a cached lexicon or matcher holds
CACHED_CODE = (
    "runtime/cache.py",
    "datafile.py",
    "lexicon.py",
    "matching.py",
    "models.py",
    "nlp.py",
    "runtime/tokenizer.py",
)
#: lexicons and matchers already loaded from the disk cache in this process, by key
_LOADED: dict[str, tuple[Lexicon, TermMatcher]] = {}


def lexicon_and_matcher(
    nlp: Any, lexicons: Sequence[str] = (), folder: str | None = None
) -> tuple[Lexicon, TermMatcher]:
    """The bundled packs plus ``lexicons``, and their matchers on ``nlp`` (the default pipeline).

    With a ``folder``, both come from the disk cache there when it holds them (installing a compiled state takes
    a few milliseconds), and are stored there after compiling when it does not. Raises LexiconError for a bad
    pack, as ``load_lexicon`` does.
    """
    from ..lexicon import load_lexicon
    from ..matching import TermMatcher, build_matcher

    key = entry_key(lexicons) if folder else None
    if folder and key is not None:
        if key in _LOADED:
            return _LOADED[key]
        entry = load(folder, key)
        if isinstance(entry, tuple) and len(entry) == 2:
            lexicon, state = entry
            _LOADED[key] = (lexicon, TermMatcher(nlp, lexicon, state))
            return _LOADED[key]
    lexicon = load_lexicon(lexicons)
    matcher = build_matcher(nlp, lexicon)
    if folder and key is not None:
        store(folder, key, (lexicon, matcher.state()))
        _LOADED[key] = (lexicon, matcher)
    return lexicon, matcher


def forget_loaded() -> None:
    """Drop what this process loaded from the disk cache (the next call reads the disk again)."""
    _LOADED.clear()


def entry_key(lexicons: Sequence[str] = ()) -> str | None:
    """The key of the cache entry for the bundled packs plus ``lexicons``; None when a pack cannot be read (the
    normal load then reports it)."""
    import importlib.metadata
    import importlib.resources
    import sys

    from .. import __version__
    from ..budgets import read_regular
    from ..lexicon import BUNDLED_PACKAGE, MAX_PACK_BYTES

    here = Path(__file__).parent.parent  # the package folder (CACHED_CODE is relative to it)
    parts: list[bytes | str] = [__version__, sys.version]
    for dist in ("spacy", "spacy-lookups-data"):
        try:
            parts.append(f"{dist} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{dist} none")
    try:
        parts.extend((here / name).read_bytes() for name in CACHED_CODE)
        bundled = importlib.resources.files(BUNDLED_PACKAGE)
        for item in sorted(bundled.iterdir(), key=lambda p: p.name):
            if item.is_file() and not item.name.endswith((".py", ".pyc", ".md")):
                parts.extend((item.name, item.read_bytes()))
        for pack in lexicons:  # a FIFO or /dev/zero is refused here too (a miss; loading the pack says why)
            parts.extend((os.path.realpath(pack), read_regular(pack, MAX_PACK_BYTES)))
    except OSError:
        return None
    return fingerprint(parts)


def fingerprint(parts: Iterable[bytes | str]) -> str:
    """A hex digest of ``parts`` (each one length-prefixed, so ("ab", "c") and ("a", "bc") differ)."""
    digest = hashlib.sha256(f"resume-check cache {CACHE_FORMAT}".encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:32]


def entry_path(folder: str | os.PathLike[str], key: str) -> Path:
    return Path(folder) / f"{PREFIX}{key}{SUFFIX}"


def load(folder: str | os.PathLike[str], key: str) -> Any | None:
    """The value stored under ``key``, or None when there is none or it cannot be read."""
    path = entry_path(folder, key)
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a corrupt or truncated entry, or one written by another version: rebuild it
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        return None


def store(folder: str | os.PathLike[str], key: str, value: Any) -> bool:
    """Store ``value`` under ``key`` atomically; False (and nothing written) when the folder is not writable."""
    from .atomic import replace_with, temp_beside

    target = entry_path(folder, key)
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        replace_with(temp_beside(target), target, data)
    except Exception:
        return False
    return True


def entries(folder: str | os.PathLike[str]) -> list[Path]:
    """The cache's entry files, sorted."""
    root = Path(folder)
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.name.startswith(PREFIX) and p.name.endswith(SUFFIX))


def clear(folder: str | os.PathLike[str]) -> int:
    """Delete every entry; the number deleted."""
    removed = 0
    for path in entries(folder):
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed
