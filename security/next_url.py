"""Where a page sends the visitor back to: ``?next=`` only when it is a path on this site.

One rule for every ``next`` the product reads (the reading-preference links, the two-factor steps): a local
path (``/…``) on the requesting host, never another host or scheme (an open redirect, GB/T 22239-2019
8.1.4.x) and never a bare word, which ``django.shortcuts.redirect`` would look up as a URL name (``?next=²``
answered 500 with NoReverseMatch).
"""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next_url(request, default="/"):
    """``next`` from the query or the form when it is a path on this host, else ``default``; a str."""
    target = request.GET.get("next") or request.POST.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return target if allowed and target.startswith("/") else default
