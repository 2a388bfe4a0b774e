"""Small numeric helpers shared by the stages (no ``statistics`` import: it slows a cold start)."""

from __future__ import annotations

from collections.abc import Iterable


def median(values: Iterable[float]) -> float:
    """As ``statistics.median`` (the same arithmetic), without importing statistics on a cold start."""
    data = sorted(values)
    n = len(data)
    if n == 0:
        raise ValueError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2
