"""A per-IP limit on public form submissions, counted in the cache (fixed windows).

Limits are per *scope* (``"letter"``, ``"lookup"``, ``"application"`` …) and configurable:
``settings.PUBLIC_FORM_RATE_LIMITS = {"letter": (5, 600)}`` means five per ten minutes.
Behind a reverse proxy every request comes from the proxy, so ``X-Forwarded-For`` is honoured —
only when the direct peer is listed in ``settings.TRUSTED_PROXIES``, otherwise anyone could
pick their own address.
"""

import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _

DEFAULT_LIMITS = {
    "letter": (5, 600),
    "application": (5, 600),
    "lookup": (20, 600),
    "consultation_comment": (5, 600),
    "survey_response": (10, 3600),  # households and offices share one address
    "interview_question": (5, 600),
}
FALLBACK_LIMIT = (10, 600)


def limit_for(scope):
    configured = getattr(settings, "PUBLIC_FORM_RATE_LIMITS", {}) or {}
    count, seconds = configured.get(scope) or DEFAULT_LIMITS.get(scope) or FALLBACK_LIMIT
    return int(count), int(seconds)


def _trusted(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    for entry in getattr(settings, "TRUSTED_PROXIES", []) or []:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_ip(request):
    """The client's address: the peer, or the last untrusted hop of X-Forwarded-For behind trusted proxies."""
    peer = request.META.get("REMOTE_ADDR", "") or "unknown"
    if not _trusted(peer):
        return peer
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer
    return peer


def _key(scope, request, window):
    digest = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{window}"


def _window(seconds):
    return int(time.time() // seconds)


def rate_limited(request, scope):
    """Whether this client has used up its allowance for ``scope`` in the current window."""
    count, seconds = limit_for(scope)
    return (cache.get(_key(scope, request, _window(seconds))) or 0) >= count


def record_attempt(request, scope):
    """Count one submission for this client; returns the count so far in this window."""
    _count, seconds = limit_for(scope)
    key = _key(scope, request, _window(seconds))
    cache.add(key, 0, seconds + 5)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds + 5)
        return 1


def rate_limited_response(request, scope, trail=()):
    """The page shown instead of the form: HTTP 429 with a plain Chinese explanation.

    ``trail``: the refused form's breadcrumbs (当前位置), (title, url) pairs; this page takes the form's place."""
    count, seconds = limit_for(scope)
    title = _("提交过于频繁")
    steps = [*list(trail)[:-1], (title, "")]
    response = render(
        request,
        "interaction/rate_limited.html",
        {"limit_count": count, "limit_minutes": max(1, seconds // 60), "message": _("提交过于频繁，请稍后再试。"),
         "trail": steps},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
