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
from django.utils.translation import gettext_lazy as _

from portal import page_cache

from ..models import HotWordRule, SearchQueryLog
from .models import normalise_query

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


class CandidateState:
    """Where a candidate stands (labels shown in the admin list 热词候选)."""

    SHOWN = "shown"
    BELOW_THRESHOLD = "below"
    BLOCKED = "blocked"
    HIDDEN = "hidden"
    PINNED = "pinned"
    LABELS = {
        SHOWN: _("达到门槛，正在显示"),
        BELOW_THRESHOLD: _("未达人数门槛，不显示"),
        BLOCKED: _("含屏蔽词，不显示"),
        HIDDEN: _("已隐藏"),
        PINNED: _("已置顶"),
    }


def candidate_review(days=7):
    """The office's moderation list: each query of the last ``days`` days that found something, as
    ``[{"query", "visitors", "times", "state", "state_label", "decided"}]`` (most visitors first).

    ``state`` is a ``CandidateState`` value; ``decided`` is True when one of the office's own rules (pin or
    hide) settles the term - the office's 采用 pins a term, 不采用 hides it. Nothing here changes anything.
    """
    pinned, block_words, hidden = rules()
    threshold = min_visitors()
    rows = []
    for row in candidates(days):
        query = row["query"]
        if query in pinned:
            state = CandidateState.PINNED
        elif query in hidden:
            state = CandidateState.HIDDEN
        elif is_blocked(query, block_words, set()):
            state = CandidateState.BLOCKED
        elif row["visitors"] < threshold:
            state = CandidateState.BELOW_THRESHOLD
        else:
            state = CandidateState.SHOWN
        rows.append({**row, "state": state, "state_label": str(CandidateState.LABELS[state]),
                     "decided": state in (CandidateState.PINNED, CandidateState.HIDDEN)})
    return rows


def decide(term, kind, note=""):
    """The office's decision on a candidate: ``kind`` is ``HotWordRule.Kind.PIN`` (采用, shown first whatever
    its count) or ``HotWordRule.Kind.HIDE`` (不采用, never shown); ``None`` withdraws an earlier decision.

    ``term`` is normalised as queries are; replaces any earlier pin or hide of the same term and returns
    the rule (or None). Raises ``ValueError`` for an empty term or another kind (a block word is edited in
    热词管理, since it reaches every query containing it).
    """
    term = normalise_query(term or "")
    if not term:
        raise ValueError("empty term")
    if kind not in (HotWordRule.Kind.PIN, HotWordRule.Kind.HIDE, None):
        raise ValueError(f"not a candidate decision: {kind!r}")
    HotWordRule.objects.filter(term=term, kind__in=[HotWordRule.Kind.PIN, HotWordRule.Kind.HIDE]).delete()
    if kind is None:
        return None
    order = 0
    if kind == HotWordRule.Kind.PIN:
        last = HotWordRule.objects.filter(kind=kind).order_by("-sort_order").values_list("sort_order", flat=True).first()
        order = (last or 0) + 1
    return HotWordRule.objects.create(term=term, kind=kind, sort_order=order, note=note)


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
    forget()
    page_cache.invalidate()


def register_signal_handlers():
    from django.db.models.signals import post_delete, post_save

    post_save.connect(rules_changed, sender=HotWordRule, dispatch_uid="hot-word-rule-saved")
    post_delete.connect(rules_changed, sender=HotWordRule, dispatch_uid="hot-word-rule-deleted")
