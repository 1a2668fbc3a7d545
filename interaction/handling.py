"""What staff do with a letter: assign it, forward it to another organisation, answer it.

Each step leaves a ``LetterEvent`` so the trail survives reassignment; permission checks are
the caller's job (``letter_access.can_handle``), these functions state the business rules.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .deadlines import reply_timeliness
from .letter_access import can_handle
from .models import Letter, LetterEvent
from .statistics import invalidate_statistics


@transaction.atomic
def assign(letter, assignee, actor):
    """Give the letter to one staff member (经办人) who can handle it."""
    if assignee is not None and not can_handle(assignee, letter):
        raise ValidationError(_("只能指定承办机构的工作人员或县政务公开办人员为经办人。"))
    letter.assigned_to = assignee
    if letter.status == letter.Status.RECEIVED:
        letter.status = letter.Status.IN_PROGRESS
    letter.save(update_fields=["assigned_to", "status"])
    LetterEvent.objects.create(
        letter=letter, kind=LetterEvent.Kind.ASSIGNED, actor=actor,
        note=(assignee.get_full_name() or assignee.get_username()) if assignee else _("取消指定"),
    )


@transaction.atomic
def forward(letter, organisation, actor, note=""):
    """转办: the other organisation handles the letter from now on; the deadline does not restart."""
    if letter.status == letter.Status.ANSWERED:
        raise ValidationError(_("已答复的信件不能转办。"))
    if organisation.pk == letter.organisation_id:
        raise ValidationError(_("信件已由该机构办理，请选择其他机构。"))
    previous = letter.organisation_id
    letter.organisation = organisation
    letter.assigned_to = None
    letter.status = letter.Status.RECEIVED
    letter.save(update_fields=["organisation", "assigned_to", "status"])
    LetterEvent.objects.create(
        letter=letter, kind=LetterEvent.Kind.FORWARDED, actor=actor,
        from_organisation_id=previous, to_organisation=organisation, note=note,
    )


@transaction.atomic
def dispose(letter, disposition, reason, actor, now=None):
    """认定: mark the letter 无效 / 不予受理 / 转信访 with a reason, or clear the mark (``disposition`` "").

    A marked letter is not a valid message for the inspection's 互动回应差 rule (国办秘函〔2019〕19号);
    the reason is required so the office can show an inspector why. Raises ``ValidationError``
    for an unknown disposition or a mark without a reason.
    """
    reason = (reason or "").strip()
    if disposition and disposition not in Letter.Disposition.values:
        raise ValidationError(_("未知的处理结论。"))
    if disposition and not reason:
        raise ValidationError(_("请填写认定理由。"))
    letter.disposition = disposition or ""
    letter.disposition_reason = reason if disposition else ""
    letter.disposed_at = (now or timezone.now()) if disposition else None
    letter.disposed_by = actor if disposition else None
    letter.save(update_fields=["disposition", "disposition_reason", "disposed_at", "disposed_by"])
    label = Letter.Disposition(disposition).label if disposition else _("撤销认定，按有效留言办理")
    LetterEvent.objects.create(letter=letter, kind=LetterEvent.Kind.DISPOSED, actor=actor, note=f"{label}：{reason}" if reason else str(label))


@transaction.atomic
def reply(letter, text, actor, now=None):
    """Answer the letter on behalf of the organisation handling it; a later reply corrects the earlier one."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("请填写答复内容。"))
    now = now or timezone.now()
    letter.reply = text
    letter.replied_by = actor
    letter.replying_organisation_id = letter.organisation_id
    letter.replied_at = now
    letter.replied_on = timezone.localdate(now)
    letter.status = letter.Status.ANSWERED
    letter.working_days_to_reply, letter.replied_on_time = reply_timeliness(letter)
    letter.save(update_fields=[
        "reply", "replied_by", "replying_organisation", "replied_at", "replied_on", "status",
        "working_days_to_reply", "replied_on_time",
    ])
    LetterEvent.objects.create(letter=letter, kind=LetterEvent.Kind.REPLIED, actor=actor, from_organisation_id=letter.organisation_id)
    transaction.on_commit(lambda: invalidate_statistics(letter.mailbox_id))


@transaction.atomic
def decide_publication(letter, publish, actor, reason=""):
    """Staff decide whether an answered letter goes public: only with the writer's consent, and held back with a reason.

    Raises ``ValidationError`` when publishing a letter whose writer did not consent, or holding
    one back without saying why. The public lists follow ``Letter.is_public``.
    """
    reason = (reason or "").strip()
    if publish and not letter.may_publish:
        raise ValidationError(_("来信人未同意公开，不能公开。"))
    if not publish and not reason:
        raise ValidationError(_("请写明不予公开的理由（如涉及个人隐私）。"))
    letter.withheld_from_public = not publish
    letter.save(update_fields=["withheld_from_public"])
    LetterEvent.objects.create(letter=letter, kind=LetterEvent.Kind.PUBLISHED if publish else LetterEvent.Kind.WITHHELD,
                               actor=actor, note=reason)
    transaction.on_commit(lambda: invalidate_statistics(letter.mailbox_id))
