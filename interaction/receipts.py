"""The on-screen receipt (tracking code + query password), shown once to the browser that wrote the letter.

The password exists in clear only here: kept in the cache for ten minutes under the form token,
bound to the writer's session, and deleted when shown. A double click's second request finds
the receipt the first request stored and shows it, so the citizen never loses their password.
"""

from django.core.cache import cache

RECEIPT_SECONDS = 600


def _key(token):
    return f"interaction:receipt:{token}"


def session_key(request):
    if not request.session.session_key:
        request.session.save()
    return request.session.session_key


def store_receipt(request, token, receipt):
    cache.set(
        _key(token),
        {"session": session_key(request), "code": receipt.tracking_code, "password": receipt.password, "letter": receipt.letter.pk},
        RECEIPT_SECONDS,
    )


def take_receipt(request, token):
    """The receipt for ``token`` if this session stored it; removed so it is shown only once."""
    stored = cache.get(_key(token))
    if not stored or stored["session"] != request.session.session_key:
        return None
    cache.delete(_key(token))
    return stored
