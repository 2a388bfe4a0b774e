"""A direct JSON encoder for the reports: the text ``json.dumps(..., indent=2)`` writes, without losing the C
accelerator that the standard library drops whenever ``indent`` is set."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any


def dumps(data: Any) -> str:
    """Deterministic JSON text: insertion order kept, UTF-8 characters as is, 2-space indent, final newline.

    The same text as ``json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)``, written by a
    direct encoder because the standard library drops its C accelerator whenever ``indent`` is set.
    """
    parts: list[str] = []
    try:
        _encode(data, "\n", parts)
    except _Unsupported:
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    parts.append("\n")
    return "".join(parts)


class _Unsupported(Exception):
    """A value the direct encoder leaves to the json module (subclasses, non-string keys, NaN)."""


_encode_str = json.encoder.encode_basestring  # the C version when available, as json.dumps uses


def _float(value: float) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        raise _Unsupported  # json.dumps raises its own ValueError
    return float.__repr__(value)


#: JSON text of scalar values by exact type (subclasses such as IntEnum are left to the json module)
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: _encode_str,
    int: int.__repr__,
    float: _float,
    bool: lambda value: "true" if value else "false",
    type(None): lambda value: "null",
}


def _encode(value: Any, newline: str, parts: list[str]) -> None:
    """Append the JSON text of ``value`` at the nesting whose line break + indent is ``newline``."""
    scalar = _SCALARS.get(type(value))
    if scalar is not None:
        parts.append(scalar(value))
        return
    kind = type(value)
    inner = newline + "  "
    if kind is dict:
        if not value:
            parts.append("{}")
            return
        opening = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Unsupported
            scalar = _SCALARS.get(type(item))
            if scalar is not None:
                parts.append(opening + _encode_str(key) + ": " + scalar(item))
            else:
                parts.append(opening + _encode_str(key) + ": ")
                _encode(item, inner, parts)
            opening = "," + inner
        parts.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            parts.append("[]")
            return
        opening = "[" + inner
        for item in value:
            scalar = _SCALARS.get(type(item))
            if scalar is not None:
                parts.append(opening + scalar(item))
            else:
                parts.append(opening)
                _encode(item, inner, parts)
            opening = "," + inner
        parts.append(newline + "]")
    else:
        raise _Unsupported
