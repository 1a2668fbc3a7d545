"""A plain 403 page for admin views that hold personal data.

Wagtail's admin turns ``PermissionDenied`` into a redirect to the dashboard with a message; for
letters and applications a refused member of staff should see why, on a page of its own.
"""

import functools

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse


def refuse_with_403(template_name):
    """Decorator: a view's ``PermissionDenied`` becomes ``template_name`` rendered with status 403."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except PermissionDenied:
                return TemplateResponse(request, template_name, status=403)

        return wrapped

    return decorator
