"""Severities, defined once: the three levels, their order, and the two ways the code compares them."""

from __future__ import annotations

from typing import Literal

Severity = Literal["error", "warning", "info"]
#: in ascending order
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
#: for listings: most severe first
MOST_SEVERE_FIRST: tuple[Severity, ...] = tuple(reversed(SEVERITIES))


def rank(severity: str) -> int:
    """Ascending strength, for thresholds: info 0, warning 1, error 2; an unknown level counts as the strongest
    (a gate fails on what it cannot place rather than let it pass)."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


def at_least(severity: str, floor: str) -> bool:
    """Whether ``severity`` reaches the threshold ``floor``."""
    return rank(severity) >= rank(floor)


def listing_order(severity: str) -> int:
    """Sort key for listings: error 0, warning 1, info 2, anything unknown last."""
    return MOST_SEVERE_FIRST.index(severity) if severity in MOST_SEVERE_FIRST else len(MOST_SEVERE_FIRST)
