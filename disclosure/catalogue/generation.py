"""The catalogue's generation: a number that changes whenever any entry changes.

Facet counts (and anything else derived from the whole catalogue) are cached under the current
generation, so they are recomputed only after a catalogue change (``signals.catalogue_changed``) - never stale,
and cheap in between, when a county catalogue is read thousands of times for each change.
"""

import time

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "disclosure:catalogue-generation"


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def _bump():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): start from the clock so it never goes backwards
        cache.set(GENERATION_KEY, time.time_ns(), None)


def renew():
    """Follows ``signals.catalogue_changed``. Bumped now (so this transaction's own reads are fresh) and
    again on commit (so nothing another request cached from the not-yet-committed state outlives the commit)."""
    _bump()
    transaction.on_commit(_bump, robust=True)
