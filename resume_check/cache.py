"""A disk cache for what every run would otherwise rebuild at start-up: the loaded lexicon and the compiled matchers.

Parsing the packs and tokenising and lemmatising every lexicon form takes about 300 ms; loading the cached result
takes a few. An entry is keyed by a fingerprint of everything the result depends on (the pack files' bytes, the
code that compiles them, and the versions of Python, spaCy and spacy-lookups-data), so a changed pack or an
upgrade never serves a stale entry: it simply misses and is rebuilt.

The cache holds lexicon data only, never résumé text. Entries are pickles, written atomically into a directory
that only the user can read or write (mode 0700), like Python's own ``__pycache__``. Every failure (a missing,
unreadable or corrupt entry, a read-only directory) is a miss, never an error: the cache only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any

#: bump when the layout of cached values changes
CACHE_FORMAT = 1
SUFFIX = ".pickle"
PREFIX = "engine-"


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
