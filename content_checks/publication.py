"""Content checks on the way to live: the editor's form, every publish, and approvers' overrides.

Registered with ``portal.publication_checks`` (the page layer calls it; it never imports us):

- in the editor's form, publishing or approving with blocking findings is refused with a message next
  to each field; submitting for approval is allowed (the approver decides); saving never is refused;
- ``before_publish`` runs on every path to live (workflow approval, scheduled publishing, bulk actions,
  revert, the create view) against the revision that goes live;
- an approver (a user who may publish the page) can publish despite blocking findings by writing a
  reason (放行理由): recorded as a ``PublicationOverride`` and in the page's history (Wagtail log action
  ``content_checks.override``). An override covers exactly the findings it was given for; a new
  blocking finding needs a new reason. Rule: 国办秘函〔2019〕19号 单项否决 (严重错误、泄露个人信息).
"""

import contextvars
from dataclasses import dataclass

from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.publication_checks import PublicationRefused

from .models import PublicationOverride
from .runner import check_page

OVERRIDE_ACTION = "content_checks.override"


@dataclass(frozen=True)
class PendingOverride:
    user_id: int
    reason: str
    keys: frozenset
    findings: tuple


_pending = contextvars.ContextVar("content_checks_pending_override", default=None)


def override_key(result):
    """What identifies a finding for an override, independent of the page's id (new pages have none yet)."""
    return result.fingerprint("")


def describe(result):
    return {"kind": result.kind, "severity": result.severity, "message": result.message,
            "location": result.location, "excerpt": result.excerpt, "key": override_key(result)}


def can_override(user, page, parent_page=None):
    if user is None or not user.is_authenticated:
        return False
    if page.pk and page.path:
        return page.permissions_for_user(user).can_publish()
    return parent_page is not None and parent_page.permissions_for_user(user).can_publish_subpage()


def overridden_keys(page_id):
    keys = set()
    for findings in PublicationOverride.objects.filter(page_id=page_id).values_list("findings", flat=True):
        keys.update(item.get("key") for item in findings or [])
    return keys


def record_override(page, revision, user, reason, findings):
    override = PublicationOverride.objects.create(page_id=page.pk, revision=revision, user=user, reason=reason,
                                                  findings=list(findings))
    log(instance=page, action=OVERRIDE_ACTION, user=user, revision=revision,
        data={"reason": reason, "findings": [{"kind": f["kind"], "message": f["message"], "location": f["location"]}
                                             for f in findings]})
    return override


def refusal_messages(blocking):
    return [_("%(message)s（%(location)s）") % {"message": r.message, "location": r.location} for r in blocking]


class ContentPublicationCheck:
    """The object registered with ``portal.publication_checks``."""

    def validate_form(self, form, action):
        if action == "save" or form.errors:
            return
        page = form.instance
        results = check_page(page)
        blocking = [result for result in results if result.blocks]
        if action == "submit" or not blocking:
            return
        keys = frozenset(override_key(result) for result in blocking)
        if page.pk and keys <= overridden_keys(page.pk):
            return
        user = getattr(form, "for_user", None)
        parent = getattr(form, "parent_page", None)
        reason = (form.cleaned_data.get("publication_override_reason") or "").strip()
        if reason and can_override(user, page, parent):
            _pending.set(PendingOverride(user.pk, reason, keys, tuple(describe(result) for result in blocking)))
            return
        for result in blocking:
            field = result.field_name if result.field_name in form.fields else None
            form.add_error(field, _("内容检查未通过，不能发布：%(message)s（%(location)s）") % {
                "message": result.message, "location": result.location})
        if can_override(user, page, parent):
            form.add_error("publication_override_reason", _("如以上问题经核实确需发布，请在“设置”中填写放行理由后再发布。"))

    def before_publish(self, page, revision, user, version):
        blocking = [result for result in check_page(version) if result.blocks]
        if not blocking:
            return
        keys = {override_key(result) for result in blocking}
        pending = _pending.get()
        if pending is not None and user is not None and pending.user_id == user.pk and keys <= pending.keys:
            record_override(page, revision, user, pending.reason, pending.findings)
            _pending.set(None)
            return
        if keys <= overridden_keys(page.pk):
            return
        raise PublicationRefused(refusal_messages(blocking), page_id=page.pk)


publication_check = ContentPublicationCheck()
