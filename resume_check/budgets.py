"""Budgets for untrusted input (résumés, configs, lexicon packs): the limits in one place, and a bounded reader.

The README's "Limits" table lists every budget here and in the modules that enforce it. Going over one is an
input error (exit 3) naming the file and the limit, or, where the analysis can honestly go on, a truncation with
a warning finding.
"""

from __future__ import annotations

import os
import stat

#: bytes of one config file (``.resume-check.toml`` or ``pyproject.toml``)
MAX_CONFIG_BYTES = 1024 * 1024
#: nesting depth of tables and arrays in a config file (a deeper one is refused before it is parsed)
MAX_TOML_DEPTH = 32
#: characters of one line of a résumé; a longer line is refused (no résumé line is pages long)
MAX_LINE_CHARS = 20_000
#: characters of a whole résumé's text (spaCy's own default limit); a longer text is refused
MAX_DOCUMENT_CHARS = 1_000_000


class NotRegularFile(OSError):
    """The path names a folder, a FIFO, a device or a socket, not a regular file."""


class TooLarge(OSError):
    """The file holds more bytes than allowed."""


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Opened without blocking (a FIFO never stalls the read) and checked on the open descriptor, so nothing can swap
    the file between the check and the read; ``/dev/zero`` and FIFOs are refused (NotRegularFile), and at most
    ``limit + 1`` bytes are read whatever the file claims its size is (TooLarge). Other failures are the usual
    OSError subclasses (FileNotFoundError, PermissionError, ...).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(0, "is not a regular file (a FIFO, device or socket)")
        if info.st_size > limit:
            raise TooLarge(0, f"{info.st_size:,} bytes is over the {limit:,}-byte limit")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise TooLarge(0, f"over the {limit:,}-byte limit")
        return b"".join(chunks)
    finally:
        os.close(fd)
