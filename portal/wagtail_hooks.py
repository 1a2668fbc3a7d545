"""Wagtail hooks of the portal: the front end's view counts and the admin of organisations (部门与乡镇)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .middleware import COUNTED_PAGE_ATTRIBUTE
from .organisation_admin import OrganisationViewSet

register_snippet(OrganisationViewSet)


@hooks.register("before_serve_page")
def mark_page_for_view_count(page, request, serve_args, serve_kwargs):
    """Disclosed pages (articles, policies, interpretations, guides) get a 阅读次数; the middleware counts it."""
    if getattr(page, "is_disclosed", False) and request.method == "GET":
        setattr(request, COUNTED_PAGE_ATTRIBUTE, page.pk)
