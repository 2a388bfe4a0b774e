"""Tests for resume_check.numbers: the shared median agrees with the standard library's."""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_check.numbers import median


@given(st.lists(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), min_size=1, max_size=40))
def test_median_matches_statistics(values: list[float]) -> None:
    assert median(values) == statistics.median(values)


def test_median_of_ints_and_an_iterator() -> None:
    assert median(iter([3, 1, 2])) == 2
    assert median([4, 1, 3, 2]) == 2.5


def test_median_of_nothing_is_an_error() -> None:
    with pytest.raises(ValueError, match="empty"):
        median([])
