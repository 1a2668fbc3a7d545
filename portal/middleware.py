"""Serve anonymous visitors from the full-page cache, and count article views without a DB write.

Placed high in MIDDLEWARE (right after WhiteNoise) so a hit skips sessions, CSRF, auth and the
page tree, and a miss stores the response exactly as the inner middleware finished it.
"""

from django.http import HttpResponse

from . import page_cache, view_counts
from .reading_preferences import ReadingPreferences

COUNTED_PAGE_ATTRIBUTE = "_portal_counted_page_id"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache.request_is_cacheable(request):
            response = self.get_response(request)
            self.count_view(request, getattr(request, COUNTED_PAGE_ATTRIBUTE, None))
            return response

        key = page_cache.page_key(request, ReadingPreferences.from_request(request).cache_suffix)
        entry = page_cache.fetch(key)
        if entry is not None:
            status, headers, content, counted_page_id = entry
            response = HttpResponse(content, status=status)
            for name, value in headers.items():
                response[name] = value
            response["X-Page-Cache"] = "hit"
            self.count_view(request, counted_page_id)
            return response

        response = self.get_response(request)
        counted_page_id = getattr(request, COUNTED_PAGE_ATTRIBUTE, None)
        if page_cache.response_is_cacheable(response):
            page_cache.store(key, response, counted_page_id)
            response["X-Page-Cache"] = "miss"
        self.count_view(request, counted_page_id)
        return response

    @staticmethod
    def count_view(request, page_id):
        if page_id and view_counts.record_view(page_id, request.META.get("HTTP_USER_AGENT", "")):
            view_counts.maybe_flush()
