"""Atomic file output: write a temporary file beside the target, then rename it into place.

``write_output`` is for the reports and files the user names (``--output``): it writes through a symlink to the
file it points at, refuses what is not a regular file (a device node, a FIFO, a folder), a read-only file and the
input files themselves, and keeps an existing file's mode (a new file gets 0644 under the umask).
``temp_beside``/``replace_with`` are the bare steps, used by the start-up cache, whose files stay private (0600).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError

#: the mode of a new output file before the umask (what ``open`` and shell redirection give)
NEW_FILE_MODE = 0o666


def write_atomic(path: str | os.PathLike[str], text: str, *, inputs: Iterable[str] = ()) -> None:
    """Write ``text`` (UTF-8) to ``path`` so that readers see the old file or the new one, never half.

    Raises OutputError (exit 3) naming the path when it cannot or must not be written (see the module doc).
    """
    write_output(path, text.encode("utf-8"), inputs=inputs)


def write_output(path: str | os.PathLike[str], data: bytes, *, inputs: Iterable[str] = ()) -> None:
    """``write_atomic`` for bytes."""
    shown = os.fspath(path)
    if not shown:
        raise OutputError("the output path is empty; give a file name, or '-' for standard output")
    target = Path(os.path.realpath(shown))  # through symlinks: the link stays, its target gets the new content
    via = f" (the link {shown} points there)" if str(target) != os.path.abspath(shown) else ""
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    except OSError as err:
        raise OutputError(f"{shown}: cannot write there ({err.strerror}); choose another --output path") from None
    if old is not None:
        if stat.S_ISDIR(old.st_mode):
            raise OutputError(f"{target}{via}: is a folder; give a file name inside it")
        if not stat.S_ISREG(old.st_mode):
            raise OutputError(
                f"{target}{via}: is not a regular file (a device, FIFO or socket); give a file path, "
                "or leave out --output (or give '-') to write to standard output"
            )
        if not old.st_mode & 0o222:
            raise OutputError(f"{target}{via}: is read-only; make it writable or choose another --output path")
        for given in inputs:
            with contextlib.suppress(OSError):
                if given != "-" and os.path.samefile(given, target):
                    raise OutputError(
                        f"{shown}: is the input file {given}; writing the report there would destroy it, "
                        "choose another --output path"
                    )
    mode = stat.S_IMODE(old.st_mode) if old is not None else NEW_FILE_MODE & ~_umask()
    try:
        handle = temp_beside(target)
    except OSError as err:
        raise OutputError(f"{shown}: cannot write there ({err.strerror}); choose another --output path") from None
    try:
        os.fchmod(handle[0], mode)
        if old is not None and (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
            with contextlib.suppress(OSError):  # keep the owner where we may (as root); else the file is ours
                os.fchown(handle[0], old.st_uid, old.st_gid)
        replace_with(handle, target, data)
    except OSError as err:
        Path(handle[1]).unlink(missing_ok=True)
        raise OutputError(
            f"{shown}: cannot write there ({err.strerror or err}); free some space or choose another --output path"
        ) from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def temp_beside(target: Path) -> tuple[int, str]:
    """A new temporary file in ``target``'s folder (an open descriptor and its path, mode 0600); raises OSError."""
    folder = target.parent if str(target.parent) else Path(".")
    return tempfile.mkstemp(prefix=f".{target.name[:100]}.", suffix=".tmp", dir=folder)


def replace_with(handle: tuple[int, str], target: Path, data: bytes) -> None:
    """Write ``data`` to the temporary file from ``temp_beside`` and rename it onto ``target``; on any failure
    the temporary file is removed and the error raised."""
    fd, tmp = handle
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
