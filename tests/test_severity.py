"""One definition of severity order: thresholds rank upwards, listings put the most severe first."""

from __future__ import annotations

from resume_check import severity
from resume_check.ci import gate
from resume_check.render import common


def test_threshold_rank_and_listing_order_agree() -> None:
    assert [severity.rank(s) for s in ("info", "warning", "error")] == [0, 1, 2]
    assert sorted(["info", "error", "warning"], key=severity.listing_order) == ["error", "warning", "info"]
    assert severity.at_least("error", "warning") and not severity.at_least("info", "warning")
    # an unknown level fails a gate rather than passing it, and is listed last
    assert severity.rank("fatal") > severity.rank("error")
    assert severity.listing_order("fatal") > severity.listing_order("info")
    # the gate and the renderers use these very functions, not copies that could drift apart
    assert gate.severity_rank is severity.rank and common.severity_rank is severity.listing_order
