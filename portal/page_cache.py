"""Full-page cache for anonymous visitors, invalidated by bumping one global generation number.

Every cache key carries the current *generation*. Publishing, unpublishing, moving or deleting
any page (and editing an organisation or the site identity) bumps it, so every cached page and
menu is stale at once and is simply never read again; old entries expire by their timeout.
That is coarse, but it is always right, and it is the only rule an editor needs to know:
"what I publish is on the portal home immediately".
"""

import hashlib
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "portal:cache-generation"

# Requests and responses the page cache must never touch. Search answers follow the index, which the
# task worker updates *after* the publish that renewed the cache, and every query must reach the query log.
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/healthz/", "/preferences/", "/static/", "/media/",
                     "/search/", "/api/search/")
SESSION_LIKE_COOKIES = ("messages",)
CACHEABLE_STATUSES = (200, 404)


def cache_seconds():
    """How long an anonymous page stays cached; 0 switches the page cache off."""
    return int(getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 300))


# Each process remembers the generation for a second and keeps its hottest pages in memory, so a
# hit costs no cache round trip at all. Entries are keyed by generation, so they never go stale
# for longer than GENERATION_MEMO_SECONDS after another process publishes.
GENERATION_MEMO_SECONDS = 1.0
LOCAL_ENTRIES = 256
_lock = threading.Lock()
_memo = {"generation": None, "read_at": 0.0}
_local_pages = OrderedDict()


def current_generation():
    """The current generation; initialised from the clock if missing so it never goes backwards."""
    now = time.monotonic()
    if _memo["generation"] is not None and now - _memo["read_at"] < GENERATION_MEMO_SECONDS:
        return _memo["generation"]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
        generation = cache.get(GENERATION_KEY) or 0
    _remember_generation(generation, now)
    return generation


def _remember_generation(generation, now=None):
    with _lock:
        if generation != _memo["generation"]:
            _local_pages.clear()
        _memo["generation"] = generation
        _memo["read_at"] = time.monotonic() if now is None else now


def bump_generation():
    """Make every cached page and menu stale (this process at once, the others within a second)."""
    try:
        generation = cache.incr(GENERATION_KEY)
    except ValueError:
        generation = int(time.time() * 1000)
        cache.set(GENERATION_KEY, generation, timeout=None)
    _remember_generation(generation)


def invalidate():
    """Make every cached page stale: now (this transaction's own requests see it) and again on commit (nothing
    another request cached from the not-yet-committed state outlives the commit). Safe outside a transaction."""
    bump_generation()
    transaction.on_commit(bump_generation, robust=True)


def generation_key(*parts):
    """A cache key that belongs to the current generation."""
    return ":".join(["portal", str(current_generation()), *(str(part) for part in parts)])


def request_is_cacheable(request):
    """Anonymous GETs only: no session (logged-in users, pending messages), no credentials."""
    if request.method != "GET" or cache_seconds() <= 0:
        return False
    if request.path.startswith(EXCLUDED_PREFIXES):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or any(name in request.COOKIES for name in SESSION_LIKE_COOKIES):
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def response_is_cacheable(response):
    """Only plain public responses: nothing that sets a cookie (CSRF token, session) or asks not to be stored."""
    if response.status_code not in CACHEABLE_STATUSES or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def page_key(request, preference_suffix):
    """host + path + query + the reading preferences that change the markup."""
    raw = f"{request.get_host()}|{request.get_full_path()}|{preference_suffix}"
    return generation_key("page", hashlib.sha1(raw.encode("utf-8")).hexdigest())


def store(key, response, counted_page_id=None):
    headers = {name: value for name, value in response.items() if name.lower() not in ("set-cookie",)}
    entry = (response.status_code, headers, response.content, counted_page_id)
    cache.set(key, entry, cache_seconds())
    _keep_local(key, entry)


def fetch(key):
    now = time.monotonic()
    with _lock:
        local = _local_pages.get(key)
        if local is not None and local[0] > now:
            _local_pages.move_to_end(key)
            return local[1]
    entry = cache.get(key)
    if entry is not None:
        _keep_local(key, entry)
    return entry


def _keep_local(key, entry):
    with _lock:
        _local_pages[key] = (time.monotonic() + cache_seconds(), entry)
        _local_pages.move_to_end(key)
        while len(_local_pages) > LOCAL_ENTRIES:
            _local_pages.popitem(last=False)


def forget_local():
    """Drop this process's memory of pages and generation (tests that clear the shared cache)."""
    with _lock:
        _local_pages.clear()
        _memo["generation"] = None

