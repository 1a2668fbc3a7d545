"""Who is making the current request, for log entries written far from any request (signals)."""

from contextvars import ContextVar

current_request = ContextVar("security_current_request", default=None)


class RequestContextMiddleware:
    """Remembers the request for the duration of the view (see ``events.record``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
