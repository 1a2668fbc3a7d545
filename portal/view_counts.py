"""阅读次数 without a database write per view.

A view increments a counter in the shared cache (Redis in production). The first pending
increment of a page also writes its id into a numbered "dirty" slot, so a flush knows which
counters to read without scanning the cache. ``flush()`` moves pending counts into
``PageViewCount`` (the running total) and ``PageViewDay`` (the same views on the flush's local day, so a
year can be counted) in one short transaction; it runs from ``manage.py flush_view_counts``
(cron) and opportunistically at most once a minute from a page view. Obvious bots are not counted.
"""

import logging
import re
import threading
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models import F

from portal.models import PageViewCount, PageViewDay

logger = logging.getLogger(__name__)

PENDING_KEY = "portal:views:pending:{}"
SEQUENCE_KEY = "portal:views:dirty-seq"
SLOT_KEY = "portal:views:dirty:{}"
FLUSHED_UPTO_KEY = "portal:views:flushed-upto"
FLUSH_LOCK_KEY = "portal:views:flush-lock"
FLUSH_DUE_KEY = "portal:views:flush-due"
BUFFER_TIMEOUT = 7 * 24 * 3600
OPPORTUNISTIC_FLUSH_SECONDS = 60
# Each process adds up its views for up to a second and then pushes them to the shared cache in one
# increment per page, so a view on a cached page costs no cache round trip either.
LOCAL_PUSH_SECONDS = 1.0

_lock = threading.Lock()
_local = {"counts": {}, "pushed_at": time.monotonic(), "flush_checked_at": 0.0}

BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|baidu|yandex|sogou|bytespider|headless|phantom|curl|wget|python|httpclient|"
    r"java/|go-http|okhttp|scrapy|axios|node-fetch|libwww|monitor|check|preview|facebookexternalhit",
    re.IGNORECASE,
)


def is_bot(user_agent):
    """Empty user agents and anything that names itself a bot, crawler, script or monitor."""
    return not user_agent or bool(BOT_PATTERN.search(user_agent))


def record_view(page_id, user_agent=""):
    """Count one view of ``page_id`` in the cache. Returns False when the visitor is not counted."""
    if not page_id or is_bot(user_agent):
        return False
    with _lock:
        _local["counts"][page_id] = _local["counts"].get(page_id, 0) + 1
        due = time.monotonic() - _local["pushed_at"] >= LOCAL_PUSH_SECONDS
    if due:
        push_local()
    return True


def push_local():
    """Move this process's counts into the shared cache buffer."""
    with _lock:
        counts, _local["counts"] = _local["counts"], {}
        _local["pushed_at"] = time.monotonic()
    for page_id, added in counts.items():
        _add_pending(page_id, added)


def _add_pending(page_id, added):
    key = PENDING_KEY.format(page_id)
    cache.add(key, 0, BUFFER_TIMEOUT)
    try:
        pending = cache.incr(key, added)
    except ValueError:  # evicted between add and incr
        cache.set(key, added, BUFFER_TIMEOUT)
        pending = added
    if pending == added:  # the buffer was empty: put the page on the dirty list
        _mark_dirty(page_id)


def forget_local():
    """Drop this process's unpushed counts (tests that clear the shared cache)."""
    with _lock:
        _local["counts"] = {}
        _local["flush_checked_at"] = 0.0


def _mark_dirty(page_id):
    cache.add(SEQUENCE_KEY, 0, None)
    try:
        slot = cache.incr(SEQUENCE_KEY)
    except ValueError:
        cache.set(SEQUENCE_KEY, 1, None)
        slot = 1
    cache.set(SLOT_KEY.format(slot), page_id, BUFFER_TIMEOUT)


def pending_views(page_id):
    return (cache.get(PENDING_KEY.format(page_id)) or 0) + _local["counts"].get(page_id, 0)


def flush():
    """Move every pending count into the database. Returns {page_id: added}. One flush at a time."""
    push_local()
    if not cache.add(FLUSH_LOCK_KEY, 1, 300):
        return {}
    try:
        return _flush_locked()
    finally:
        cache.delete(FLUSH_LOCK_KEY)


def _flush_locked():
    from django.utils import timezone
    from wagtail.models import Page

    upto = cache.get(SEQUENCE_KEY) or 0
    start = (cache.get(FLUSHED_UPTO_KEY) or 0) + 1
    slot_keys = [SLOT_KEY.format(slot) for slot in range(start, upto + 1)]
    page_ids = set(cache.get_many(slot_keys).values()) if slot_keys else set()
    taken = {}
    for page_id in page_ids:
        key = PENDING_KEY.format(page_id)
        pending = cache.get(key) or 0
        if pending <= 0:
            continue
        try:
            remaining = cache.decr(key, pending)
        except ValueError:
            remaining = 0
        taken[page_id] = pending
        if remaining > 0:  # views arrived while we flushed: keep the page on the dirty list
            _mark_dirty(page_id)
    existing_pages = set(Page.objects.filter(pk__in=taken).values_list("pk", flat=True))
    today = timezone.localdate()
    with transaction.atomic():
        for page_id, added in taken.items():
            if page_id not in existing_pages:
                continue
            updated = PageViewCount.objects.filter(page_id=page_id).update(count=F("count") + added)
            if not updated:
                PageViewCount.objects.create(page_id=page_id, count=added)
            updated = PageViewDay.objects.filter(page_id=page_id, day=today).update(count=F("count") + added)
            if not updated:
                PageViewDay.objects.create(page_id=page_id, day=today, count=added)
    cache.set(FLUSHED_UPTO_KEY, upto, None)
    cache.delete_many(slot_keys)
    if taken:
        logger.info("Flushed view counts of %d pages", len(taken))
    return taken


def maybe_flush():
    """Flush at most once a minute from ordinary traffic, so counts land even without cron."""
    now = time.monotonic()
    if now - _local["flush_checked_at"] < LOCAL_PUSH_SECONDS:
        return
    _local["flush_checked_at"] = now
    if cache.add(FLUSH_DUE_KEY, 1, OPPORTUNISTIC_FLUSH_SECONDS):
        try:
            flush()
        except Exception:  # a failed flush must never break a page view; the counts stay buffered
            logger.exception("Opportunistic view-count flush failed")


def view_count(page_id):
    """What citizens see: flushed count plus what is still buffered."""
    stored = PageViewCount.objects.filter(page_id=page_id).values_list("count", flat=True).first() or 0
    return stored + pending_views(page_id)
