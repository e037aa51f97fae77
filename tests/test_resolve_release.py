"""After a large run's resolution, what the resolver loaded is forgotten (newsfold.resolve.release_resolver_data)."""

from __future__ import annotations

import gc

import pytest

from newsfold.names.fold import make_part_key
from newsfold.resolve import release_resolver_data


@pytest.mark.parametrize("token", ["Soleimani", "Sulaimani", "Пушкин"])
def test_release_forgets_the_name_caches_and_keeps_their_answers(token):
    # A cleared memo answers the same when asked again: releasing changes memory, never a result.
    before = make_part_key(token)
    assert make_part_key.cache_info().currsize >= 1
    assert release_resolver_data() >= 1
    assert make_part_key.cache_info().currsize == 0
    assert make_part_key(token) == before


def test_release_makes_frozen_objects_collectable_again():
    # load_registry freezes its objects out of the collector's sight; after the release none is left frozen.
    gc.freeze()
    assert gc.get_freeze_count() > 0
    release_resolver_data()
    assert gc.get_freeze_count() == 0
