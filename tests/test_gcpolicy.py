"""The garbage-collector policy of the installed command and batch workers (gcpolicy.engine_start_up)."""

from __future__ import annotations

import gc

import pytest

from resume_check.runtime.gcpolicy import OLDER_THRESHOLDS, YOUNG_THRESHOLD, engine_start_up


@pytest.fixture
def restore_gc():  # type: ignore[no-untyped-def]
    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("restore_gc")
def test_start_up_holds_the_collector_then_freezes_and_raises_the_young_threshold() -> None:
    gc.enable()
    frozen_before = gc.get_freeze_count()
    with engine_start_up():
        assert not gc.isenabled()
        made = [[i] for i in range(1000)]  # long-lived start-up objects
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen_before + len(made)
    assert gc.get_threshold() == (YOUNG_THRESHOLD, *OLDER_THRESHOLDS)


@pytest.mark.usefixtures("restore_gc")
def test_start_up_leaves_a_disabled_collector_disabled_even_when_building_fails() -> None:
    gc.disable()
    with pytest.raises(RuntimeError), engine_start_up():
        raise RuntimeError("the engine could not be built")
    assert not gc.isenabled()
    assert gc.get_threshold() == (YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
