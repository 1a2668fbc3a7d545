"""The processing steps of an application, each a plain function that enforces the regulation.

Each step checks its rule, changes the application, and writes one ``ApplicationEvent``; a step
that breaks a rule raises ``ProcessingError`` with a message for staff. Views and tests call
these functions; nothing else changes an application's processing fields.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.applications.models import ApplicationEvent, ThirdPartyConsultation

from . import deadlines
from .choices import Outcome, Status


class ProcessingError(ValidationError):
    pass


def _today():
    return timezone.localdate()


def _require_open(application):
    if application.status == Status.ANSWERED:
        raise ProcessingError(_("该申请已答复，不能再办理此事项。"))


def _require_confirmed(application):
    _require_open(application)
    if application.status == Status.SUBMITTED:
        raise ProcessingError(_("请先确认收到该申请。"))


def _not_in_future(day, label):
    if day > _today():
        raise ProcessingError(_("%(label)s不能晚于今天。") % {"label": label})


def _event(application, kind, user, note=""):
    ApplicationEvent.objects.create(application=application, kind=kind, user=user, note=note)


@transaction.atomic
def confirm_receipt(application, user, received_on=None):
    """确认收到 (art. 31): for online applications the day both sides confirm is the receipt date."""
    if application.status != Status.SUBMITTED:
        raise ProcessingError(_("该申请已确认收到。"))
    received_on = received_on or _today()
    submitted_on = timezone.localdate(application.submitted_at)
    if received_on < submitted_on:
        raise ProcessingError(_("收到日期不能早于提交日期（%(date)s）。") % {"date": submitted_on.isoformat()})
    _not_in_future(received_on, _("收到日期"))
    application.received_on = received_on
    application.receipt_confirmed_at = timezone.now()
    application.receipt_confirmed_by = user
    application.status = Status.PROCESSING
    application.save(update_fields=["received_on", "receipt_confirmed_at", "receipt_confirmed_by", "status"])
    _event(application, ApplicationEvent.Kind.RECEIPT_CONFIRMED, user, received_on.isoformat())
    return application


@transaction.atomic
def request_correction(application, user, requested_on, request_text):
    """要求补正 (art. 30): once only, within 7 working days of receipt, saying what to correct."""
    _require_confirmed(application)
    if application.correction_requested_on is not None:
        raise ProcessingError(_("补正只能要求一次，该申请已于%(date)s要求过补正。")
                              % {"date": application.correction_requested_on.isoformat()})
    if not (request_text or "").strip():
        raise ProcessingError(_("请写明需要补正的事项和合理的补正期限。"))
    if requested_on < application.received_on:
        raise ProcessingError(_("要求补正的日期不能早于收到申请的日期。"))
    _not_in_future(requested_on, _("要求补正日期"))
    last_day = deadlines.correction_deadline(application.received_on)
    if last_day is None:
        raise ProcessingError(str(deadlines.CALENDAR_MISSING))
    if requested_on > last_day:
        raise ProcessingError(_("补正应在收到申请之日起7个工作日内一次性提出，期限已于%(date)s届满。")
                              % {"date": last_day.isoformat()})
    application.correction_requested_on = requested_on
    application.correction_request = request_text.strip()
    application.status = Status.AWAITING_CORRECTION
    application.save(update_fields=["correction_requested_on", "correction_request", "status"])
    _event(application, ApplicationEvent.Kind.CORRECTION_REQUESTED, user, request_text.strip())
    return application


@transaction.atomic
def record_correction(application, user, received_on):
    """收到补正: the 20 working days start again from this day."""
    if application.status != Status.AWAITING_CORRECTION:
        raise ProcessingError(_("该申请没有待补正的事项。"))
    if received_on < application.correction_requested_on:
        raise ProcessingError(_("收到补正的日期不能早于要求补正的日期。"))
    _not_in_future(received_on, _("收到补正日期"))
    application.corrected_received_on = received_on
    application.status = Status.PROCESSING
    application.save(update_fields=["corrected_received_on", "status"])
    _event(application, ApplicationEvent.Kind.CORRECTION_RECEIVED, user, received_on.isoformat())
    return application


@transaction.atomic
def extend(application, user, days, reason, approver, extended_on=None):
    """延长答复期限 (art. 33): once, at most 20 working days, with reason and the approving head."""
    _require_confirmed(application)
    if application.status == Status.AWAITING_CORRECTION:
        raise ProcessingError(_("申请人尚未补正，答复期限尚未开始计算，无需延期。"))
    if application.extension_days:
        raise ProcessingError(_("答复期限只能延长一次，该申请已于%(date)s延长%(days)d个工作日。")
                              % {"date": application.extended_on.isoformat(), "days": application.extension_days})
    if not 1 <= days <= deadlines.MAX_EXTENSION:
        raise ProcessingError(_("延长的期限最长不得超过20个工作日。"))
    if not (reason or "").strip():
        raise ProcessingError(_("请填写延期理由。"))
    if not (approver or "").strip():
        raise ProcessingError(_("请填写批准延期的政府信息公开工作机构负责人。"))
    extended_on = extended_on or _today()
    _not_in_future(extended_on, _("延期日期"))
    due = deadlines.answer_due(deadlines.Clock.of(application))
    if due is not None and extended_on > due:
        raise ProcessingError(_("答复期限已于%(date)s届满，不能再延期。") % {"date": due.isoformat()})
    application.extension_days = days
    application.extended_on = extended_on
    application.extension_reason = reason.strip()
    application.extension_approver = approver.strip()
    application.save(update_fields=["extension_days", "extended_on", "extension_reason", "extension_approver"])
    _event(application, ApplicationEvent.Kind.EXTENDED, user,
           _("延长%(days)d个工作日，批准人：%(approver)s；理由：%(reason)s")
           % {"days": days, "approver": approver.strip(), "reason": reason.strip()})
    return application


@transaction.atomic
def start_consultation(application, user, third_party, sent_on, note=""):
    """征求第三方意见 (art. 32): recorded so its working days are left out of the count."""
    _require_confirmed(application)
    if not (third_party or "").strip():
        raise ProcessingError(_("请填写被征求意见的第三方。"))
    if sent_on < application.received_on:
        raise ProcessingError(_("征求意见日期不能早于收到申请的日期。"))
    _not_in_future(sent_on, _("征求意见日期"))
    if application.consultations.filter(replied_on__isnull=True).exists():
        raise ProcessingError(_("已有尚未结束的征求意见，请先登记其结果。"))
    consultation = ThirdPartyConsultation.objects.create(
        application=application, third_party=third_party.strip(), sent_on=sent_on, note=note
    )
    _event(application, ApplicationEvent.Kind.CONSULTATION_STARTED, user, third_party.strip())
    return consultation


@transaction.atomic
def end_consultation(consultation, user, replied_on):
    if consultation.replied_on is not None:
        raise ProcessingError(_("该征求意见已结束。"))
    if replied_on < consultation.sent_on:
        raise ProcessingError(_("收到意见的日期不能早于发出征求意见的日期。"))
    _not_in_future(replied_on, _("收到意见日期"))
    consultation.replied_on = replied_on
    consultation.save(update_fields=["replied_on"])
    _event(consultation.application, ApplicationEvent.Kind.CONSULTATION_ENDED, user,
           f"{consultation.third_party} {replied_on.isoformat()}")
    return consultation


@transaction.atomic
def answer(application, user, outcome, answered_on, reply_letter, note=""):
    """作出答复 (arts. 36-39): one outcome of the yearly-report table, with the reply letter."""
    _require_confirmed(application)
    if outcome not in Outcome.values:
        raise ProcessingError(_("请选择办理结果。"))
    if application.status == Status.AWAITING_CORRECTION and outcome != Outcome.OTHER_NO_CORRECTION:
        raise ProcessingError(_("申请人尚未补正；逾期不补正的，请选择“申请人无正当理由逾期不补正”。"))
    if not reply_letter:
        raise ProcessingError(_("请上传答复书。"))
    if answered_on < application.received_on:
        raise ProcessingError(_("答复日期不能早于收到申请的日期。"))
    _not_in_future(answered_on, _("答复日期"))
    if application.consultations.filter(replied_on__isnull=True).exists():
        raise ProcessingError(_("还有尚未结束的征求意见，请先登记其结果。"))
    application.outcome = outcome
    application.answered_on = answered_on
    application.outcome_note = note
    application.reply_letter = reply_letter
    application.status = Status.ANSWERED
    application.save(update_fields=["outcome", "answered_on", "outcome_note", "reply_letter", "status"])
    _event(application, ApplicationEvent.Kind.ANSWERED, user, Outcome(outcome).label)
    return application


def due_date(application, today=None):
    """The current due date of a stored application, or None (see ``deadlines.explain_missing_due``)."""
    return deadlines.answer_due(deadlines.Clock.of(application), today)


def due_dates(applications, today=None):
    """{pk: due date or None} for many applications in two queries (listings, audits, reports)."""
    from collections import defaultdict

    periods = defaultdict(list)
    consultations = ThirdPartyConsultation.objects.filter(application__in=applications.values("pk"))
    for application_id, sent_on, replied_on in consultations.values_list("application_id", "sent_on", "replied_on"):
        periods[application_id].append((sent_on, replied_on))
    fields = ("pk", "received_on", "correction_requested_on", "corrected_received_on", "extension_days")
    return {
        pk: deadlines.answer_due(deadlines.Clock(received, requested, corrected, extension, tuple(periods[pk])), today)
        for pk, received, requested, corrected, extension in applications.values_list(*fields)
    }

