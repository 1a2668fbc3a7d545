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


@hooks.register("construct_page_action_menu")
def submit_first_for_editors_who_cannot_publish(menu_items, request, context):
    """An editor who may not publish sees 提交审核 as the main button and 保存草稿 in its menu (one click less).

    Wagtail makes the first item the button; for approvers and the office (who can publish) nothing changes.
    """
    names = [getattr(item, "name", "") for item in menu_items]
    if "action-publish" in names or "action-submit" not in names:
        return
    menu_items.insert(0, menu_items.pop(names.index("action-submit")))
