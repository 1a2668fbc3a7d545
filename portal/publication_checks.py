"""Checks that run before a page goes live, registered by apps above the page layer.

The page layer imports nothing above it, so the content checks (``content_checks``) register here
instead of being called: ``register(check)`` with an object that has

- ``validate_form(form, action)``: called by every page's admin form after its fields are cleaned,
  with ``action`` one of ``"save"``, ``"submit"``, ``"approve"``, ``"publish"``; adds errors next to
  fields to refuse;
- ``before_publish(page, revision, user, version)``: called by ``BasePage.publish`` on every path to live
  (editor, workflow approval, scheduled publishing, bulk actions, revert) with ``version``, the page as it
  would go live (the revision deserialised once, by the caller); raises ``PublicationRefused``.

A refused publication without a user (scheduled publishing) is logged and skipped, so one refused page
does not stop the others in the same run.
"""

import logging

from django import forms
from django.contrib import messages as django_messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

logger = logging.getLogger(__name__)

_checks = []


class PublicationRefused(Exception):
    """Publication stopped by a check; ``messages`` says why, in Chinese; ``page_id`` which page.

    Not a ``PermissionDenied``: Wagtail's admin would turn that into its generic "no permission"
    redirect. ``PublicationRefusedMiddleware`` shows the reasons on the page's edit view instead.
    """

    def __init__(self, messages, page_id=None):
        self.messages = list(messages)
        self.page_id = page_id
        super().__init__("；".join(str(message) for message in self.messages))


class PublicationRefusedMiddleware:
    """A refusal raised in any admin view (workflow approval, bulk publish, revert) becomes a 4xx-free
    redirect to the page's editor with the reasons as error messages; the transaction is rolled back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublicationRefused):
            return None
        for message in exception.messages:
            django_messages.error(request, _gettext("内容检查未通过，未发布：%(m)s") % {"m": message})
        if exception.page_id:
            return redirect("wagtailadmin_pages:edit", exception.page_id)
        return redirect("wagtailadmin_home")


def register(check):
    if check not in _checks:
        _checks.append(check)
    return check


def registered():
    return list(_checks)


def action_of(data) -> str:
    """Which of Wagtail's editor actions a POST is: publish, approve, submit or save."""
    if data.get("action-publish"):
        return "publish"
    if data.get("action-workflow-action") and data.get("workflow-action-name") == "approve":
        return "approve"
    if data.get("action-submit") or data.get("action-restart-workflow"):
        return "submit"
    return "save"


def before_publish(page, revision, user, version):
    """Run every registered check on ``version`` (``revision`` as a page object); raises ``PublicationRefused``."""
    for check in _checks:
        check.before_publish(page, revision, user, version)


class PageForm(WagtailAdminPageForm):
    """Every page's admin form: Wagtail's, plus the registered pre-publication checks and their override."""

    publication_override_reason = forms.CharField(
        label=_("放行理由"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("仅审核人使用：内容检查提示“阻止发布”的问题经核实无误、确需发布时，在此写明理由；理由记入页面历史和审计。"),
    )

    def _post_clean(self):
        super()._post_clean()
        if not self.is_bound:
            return
        action = action_of(self.data)
        if action in ("publish", "approve") and not self.errors:
            self._refuse_in_form()
        for check in _checks:
            check.validate_form(self, action)

    def _refuse_in_form(self):
        """The page's own refusal (``BasePage.refuse_publication``), shown on the form instead of after it."""
        try:
            self.instance.refuse_publication(self.instance)
        except PublicationRefused as refusal:
            for message in refusal.messages:
                self.add_error(None, message)
