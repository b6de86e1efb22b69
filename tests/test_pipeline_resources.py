"""Resources for a batch: loaded once, and out of the cyclic garbage collector's reach."""
import gc

from dashboard.resources import default_resources, settle_for_batch


def test_settling_for_a_batch_gives_the_shared_resources_and_freezes_them_for_the_collector():
    gc.unfreeze()
    threshold = gc.get_threshold()
    try:
        resources = settle_for_batch()
        assert resources is default_resources()
        assert gc.get_freeze_count() > 100_000  # the gazetteer's and lexicons' objects among them
        assert gc.get_threshold() == (10_000, *threshold[1:])
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
