"""Admin registration and the editor's side of the content checks: warnings shown, refusals explained."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from departments.admin_access import InformationOfficePolicy
from portal.publication_checks import PublicationRefused

from .models import FixedFormulation, SensitiveWord, Severity
from .publication import OVERRIDE_ACTION, publication_check
from .runner import check_page
from .viewsets import ContentChecksViewSetGroup

register_permission_policy(SensitiveWord, InformationOfficePolicy(SensitiveWord))
register_permission_policy(FixedFormulation, InformationOfficePolicy(FixedFormulation))

SHOWN_IN_MESSAGES = 8


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ContentChecksViewSetGroup()


@hooks.register("register_log_actions")
def register_override_action(actions):
    actions.register_action(OVERRIDE_ACTION, _("内容检查放行"), _("审核人填写理由后放行了内容检查的阻止项"))


def show_findings(request, page):
    """The page's current findings as messages at the top of the editor (warnings never stop anyone)."""
    if not hasattr(page, "base_form_class"):
        return
    results = check_page(page)
    if not results:
        return
    blocking = [result for result in results if result.severity == Severity.BLOCK]
    lines = [f"{result.message}（{result.location}）" for result in (blocking + [r for r in results if r not in blocking])]
    more = len(lines) - SHOWN_IN_MESSAGES
    text = _("内容检查：%(n)s 个问题，其中 %(b)s 个阻止发布。") % {"n": len(results), "b": len(blocking)}
    text += "；".join(lines[:SHOWN_IN_MESSAGES]) + (_("……另有 %(m)s 个") % {"m": more} if more > 0 else "")
    (messages.error if blocking else messages.warning)(request, text)


@hooks.register("before_edit_page")
def warn_in_the_editor(request, page):
    if request.method == "GET":
        show_findings(request, page.get_latest_revision_as_object())


@hooks.register("before_publish_page")
def guard_the_edit_view(request, page):
    """The edit view publishes without ``page.publish``; run the same guard (and record a pending override).

    ``page`` is the form's saved instance, the very content of the revision going live: no deserialising."""
    try:
        publication_check.before_publish(page, page.latest_revision, request.user, page)
    except PublicationRefused as refusal:
        for message in refusal.messages:
            messages.error(request, _("内容检查未通过，未发布：%(m)s") % {"m": message})
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_copy_page")
def refuse_publishing_copies_with_blocking_findings(request, page):
    """Copying a page and publishing the copy is a path to live: the copy must pass the checks too."""
    if request.method != "POST" or not request.POST.get("publish_copies"):
        return None
    blocking = [result for result in check_page(page.specific) if result.severity == Severity.BLOCK]
    if not blocking:
        return None
    messages.error(request, _("内容检查未通过，不能复制并发布：%(m)s") % {
        "m": "；".join(f"{result.message}（{result.location}）" for result in blocking)})
    return redirect("wagtailadmin_pages:copy", page.pk)
