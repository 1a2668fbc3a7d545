"""Wagtail hooks of the portal's front end."""

from wagtail import hooks

from .middleware import COUNTED_PAGE_ATTRIBUTE


@hooks.register("before_serve_page")
def mark_page_for_view_count(page, request, serve_args, serve_kwargs):
    """Disclosed pages (articles, policies, interpretations, guides) get a 阅读次数; the middleware counts it."""
    if getattr(page, "is_disclosed", False) and request.method == "GET":
        setattr(request, COUNTED_PAGE_ATTRIBUTE, page.pk)
