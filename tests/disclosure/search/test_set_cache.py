"""The search engine's caches of document sets are bounded by the documents they hold, not by their number."""

from disclosure.search.whoosh_engine import SetCache


def test_the_least_recently_used_sets_go_when_the_budget_of_document_numbers_is_exceeded():
    cache = SetCache(budget=12)
    cache.put("common", frozenset(range(6)))
    cache.put("rare", frozenset({1}))
    assert cache.get("common") == frozenset(range(6))  # now the most recently used
    cache.put("other", frozenset(range(3)))
    assert cache.size == 11
    assert cache.get("rare") is None
    assert cache.get("common") == frozenset(range(6))
    assert cache.get("other") == frozenset(range(3))


def test_a_set_larger_than_the_budget_is_kept_alone_until_the_next_one_and_empty_sets_count():
    cache = SetCache(budget=5)
    cache.put("huge", frozenset(range(100)))
    assert cache.get("huge") is not None
    cache.put("small", frozenset({1}))
    assert cache.get("huge") is None
    assert cache.get("small") == frozenset({1})
    for number in range(10):
        cache.put(("nothing", number), frozenset())
    assert cache.size <= 5
    assert len(cache.items) <= 5


def test_replacing_a_key_does_not_count_it_twice():
    cache = SetCache(budget=100)
    cache.put("word", frozenset(range(40)))
    cache.put("word", frozenset(range(40)))
    assert cache.size == 41
