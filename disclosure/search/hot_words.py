"""热词 as the information office allows them: what the portal home shows of what visitors searched.

A raw query reaches the home page only when, in the last ``days`` days, it found something, was asked
by at least ``SEARCH_HOT_WORD_MIN_VISITORS`` distinct visitors (default 5: one person repeating a word,
or a script, cannot put it there), contains no word of the office's block list and is not hidden. Terms
the office pins come first, whatever their count. Rules live in ``HotWordRule`` (admin: 站点搜索 → 热词管理).

A visitor is a keyed hash of address and browser that changes every day (``visitor_key``), so
distinct visitors can be counted without keeping an IP address; one person on two days counts twice.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone

from ..models import HotWordRule, SearchQueryLog

GENERATION_KEY = "search:hot-words:generation"
CACHE_KEY = "search:hot-words:{generation}:{days}:{limit}"
REDACTED_MARK = "［"


def min_visitors():
    """The threshold of distinct visitors (int ≥ 1) from ``SEARCH_HOT_WORD_MIN_VISITORS``."""
    return max(1, int(getattr(settings, "SEARCH_HOT_WORD_MIN_VISITORS", 5)))


def visitor_key(request):
    """16 hex characters for this visitor today: HMAC-SHA256 of (local date, address, user agent) under SECRET_KEY.

    Not reversible and not linkable across days; '' without a request.
    """
    if request is None:
        return ""
    address = request.META.get("REMOTE_ADDR", "")
    agent = request.META.get("HTTP_USER_AGENT", "")[:300]
    message = f"{timezone.localdate():%Y%m%d}|{address}|{agent}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:16]


def forget():
    """Called when a rule changes: the next read recomputes the list."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def is_blocked(query, block_words, hidden):
    """True when the office's rules keep ``query`` (normalised) off every public list."""
    return query in hidden or any(word and word in query for word in block_words)


def rules():
    """``(pinned terms in order, block words, hidden terms)`` from ``HotWordRule``."""
    pinned, block_words, hidden = [], [], set()
    for rule in HotWordRule.objects.order_by("sort_order", "pk"):
        if rule.kind == HotWordRule.Kind.PIN:
            pinned.append(rule.term)
        elif rule.kind == HotWordRule.Kind.BLOCK:
            block_words.append(rule.term)
        else:
            hidden.add(rule.term)
    return pinned, block_words, hidden


def candidates(days=7):
    """Queries of the last ``days`` days that found something, with their distinct visitors and searches:
    ``[{"query", "visitors", "times"}]``, most visitors first (what the office reviews)."""
    since = timezone.now() - timedelta(days=days)
    return list(
        SearchQueryLog.objects.filter(searched_at__gte=since, result_count__gt=0).exclude(query__contains=REDACTED_MARK)
        .exclude(visitor="").values("query")
        .annotate(visitors=Count("visitor", distinct=True), times=Count("pk"))
        .order_by("-visitors", "-times", "query")
    )


def hot_words(days=7, limit=10):
    """The public 热词 (list of str, at most ``limit``): pinned terms, then queries past the threshold and the
    block list, most distinct visitors first. Cached for ten minutes; a rule change takes effect at once."""
    generation = cache.get(GENERATION_KEY, 0)
    key = CACHE_KEY.format(generation=generation, days=days, limit=limit)
    words = cache.get(key)
    if words is None:
        pinned, block_words, hidden = rules()
        threshold = min_visitors()
        words = [term for term in pinned if not is_blocked(term, block_words, set())][:limit]
        for row in candidates(days):
            if len(words) >= limit or row["visitors"] < threshold:
                break
            if row["query"] not in words and not is_blocked(row["query"], block_words, hidden):
                words.append(row["query"])
        cache.set(key, words, 600)
    return words


def rules_changed(sender=None, **kwargs):
    """A rule was saved or deleted: recompute the 热词 and renew cached pages that show them (the portal home)."""
    from portal import page_cache

    forget()
    page_cache.invalidate()


def register_signal_handlers():
    from django.db.models.signals import post_delete, post_save

    post_save.connect(rules_changed, sender=HotWordRule, dispatch_uid="hot-word-rule-saved")
    post_delete.connect(rules_changed, sender=HotWordRule, dispatch_uid="hot-word-rule-deleted")
