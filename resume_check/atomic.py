"""Atomic file output: write a temporary file beside the target, then rename it into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import InputError


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` so that readers see the old file or the new one, never half."""
    target = Path(path)
    try:
        handle = temp_beside(target)
    except OSError as err:
        raise InputError(f"{target}: cannot write there ({err.strerror}); choose another --output path") from None
    replace_with(handle, target, text.encode("utf-8"))


def temp_beside(target: Path) -> tuple[int, str]:
    """A new temporary file in ``target``'s folder (an open descriptor and its path); raises OSError."""
    folder = target.parent if str(target.parent) else Path(".")
    return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)


def replace_with(handle: tuple[int, str], target: Path, data: bytes) -> None:
    """Write ``data`` to the temporary file from ``temp_beside`` and rename it onto ``target``; on any failure
    the temporary file is removed and the error raised."""
    fd, tmp = handle
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
