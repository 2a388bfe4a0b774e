"""Untrusted names made safe to show: file names of any encoding and control characters, written as visible escapes.

A file name that is not valid UTF-8 reaches Python as lone surrogates (``surrogateescape``: byte 0xE9 is U+DCE9),
which no UTF-8 output can encode; a name holding ESC, CR or LF would drive a terminal or inject a CI log command.
``display_path`` writes such characters percent-encoded, as in a URI: ``caf%E9.md``, ``%1B``, ``%0A`` (``%u202E``
above U+00FF), so the name stays recognisable, every output format can hold it, nothing in it is interpreted,
and no backslash is added that a reader could take for a Windows path separator. Names without such characters
are unchanged.
"""

from __future__ import annotations

import re

#: what is escaped: C0 and C1 controls, DEL, lone surrogates, bidi controls (Trojan Source), line/paragraph
#: separators and the BOM
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"%{code - 0xDC00:02X}"
    return f"%{code:02X}" if code < 0x100 else f"%u{code:04X}"


def display_path(path: str) -> str:
    """``path`` with undecodable bytes and control/bidi characters written as visible escapes (see module doc)."""
    if path.isprintable():
        return path  # no control, format, surrogate or separator character: the usual case, unchanged
    return _UNSAFE.sub(_escape, path)


def escape_controls(text: str) -> str:
    """A message for a terminal or a CI log: like ``display_path``, but tabs are kept as they are harmless."""
    if text.isprintable():
        return text
    return _UNSAFE.sub(lambda m: "\t" if m.group() == "\t" else _escape(m), text)
