"""The search engine's term caches keep the most recently used bitmaps, not the first inserted."""

from disclosure.search.whoosh_engine import TermCache


def test_a_term_read_again_survives_eviction_of_older_ones():
    cache = TermCache(size=2)
    cache.put("社", 0b10)
    cache.put("保", 0b100)
    assert cache.get("社") == 0b10  # 社 is now the most recently used
    cache.put("险", 0b1000)
    assert cache.get("保") is None
    assert cache.get("社") == 0b10
    assert cache.get("险") == 0b1000
    assert len(cache) == 2


def test_put_returns_the_value_and_replaces_an_existing_key():
    cache = TermCache(size=2)
    assert cache.put("a", 0b10) == 0b10
    cache.put("a", 0b100)
    assert cache.get("a") == 0b100
    assert len(cache) == 1
