"""The processing steps of an application, each a plain function that enforces the regulation.

Each step checks its rule, changes the application, and writes one ``ApplicationEvent``; a step
that breaks a rule raises ``ProcessingError`` with a message for staff. Views and tests call
these functions; nothing else changes an application's processing fields.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.applications.models import (
    ApplicationEvent,
    CorrectionSubmission,
    FeeNotice,
    ReasonsRequest,
    ThirdPartyConsultation,
)
from disclosure.models.notices import NoticeKind
from interaction.working_days import add_working_days_provisional

from . import deadlines, fees
from .choices import Channel, ConsultedParty, FeeBasis, Outcome, Status
from .notices import issue_notice
from .submission import queue_staff_mail

# The period given to the applicant for a correction when staff do not set one (working days).
DEFAULT_CORRECTION_PERIOD = 15


class ProcessingError(ValidationError):
    pass


def _today():
    return timezone.localdate()


def _require_open(application):
    if application.status == Status.ANSWERED:
        raise ProcessingError(_("该申请已答复，不能再办理此事项。"))


def _require_processing(application):
    """A step of the organ's own: not while the applicant's turn (补正, 说明理由, 缴费) is open."""
    _require_confirmed(application)
    if application.status == Status.AWAITING_CORRECTION:
        raise ProcessingError(_("申请人尚未补正，答复期限尚未开始计算。"))
    if application.status == Status.AWAITING_REASONS:
        raise ProcessingError(_("正在等待申请人说明理由，请先登记其说明。"))
    if application.status == Status.AWAITING_PAYMENT:
        raise ProcessingError(_("正在等待申请人缴纳信息处理费，请先登记缴费。"))


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
    if application.channel != Channel.ONLINE:
        raise ProcessingError(_("线下申请在登记时已确定收到日期。"))
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
def request_correction(application, user, requested_on, request_text, correct_by=None):
    """要求补正 (art. 30): once only, within 7 working days of receipt, saying what to correct and by when.

    ``correct_by`` defaults to 15 working days after the request. Issues the 补正告知书.
    """
    _require_processing(application)
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
    if correct_by is None:
        correct_by = add_working_days_provisional(requested_on, DEFAULT_CORRECTION_PERIOD)[0]
    if correct_by <= requested_on:
        raise ProcessingError(_("补正期限应晚于要求补正的日期。"))
    application.correction_requested_on = requested_on
    application.correction_request = request_text.strip()
    application.correction_due_on = correct_by
    application.status = Status.AWAITING_CORRECTION
    application.save(update_fields=["correction_requested_on", "correction_request", "correction_due_on", "status"])
    _event(application, ApplicationEvent.Kind.CORRECTION_REQUESTED, user, request_text.strip())
    issue_notice(application, NoticeKind.CORRECTION, {"补正事项": request_text.strip(), "补正期限": correct_by},
                 user, requested_on)
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
    """延长答复期限 (art. 33): once, at most 20 working days, with reason and the approving head.

    Issues the 延期答复告知书 with the new due date.
    """
    _require_confirmed(application)
    if application.status == Status.AWAITING_CORRECTION:
        raise ProcessingError(_("申请人尚未补正，答复期限尚未开始计算，无需延期。"))
    _require_processing(application)
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
    new_due = deadlines.current_due(deadlines.Clock.of(application), extended_on)
    issue_notice(application, NoticeKind.EXTENSION,
                 {"延长工作日数": days, "延期理由": reason.strip(), "答复期限": new_due.on}, user, extended_on)
    return application


@transaction.atomic
def start_consultation(application, user, third_party, sent_on, note="", party_kind=ConsultedParty.THIRD_PARTY):
    """征求意见 of a third party (art. 32) or another organ (art. 34), with the letter to them.

    Several may run at once; their time is left out of the count once (see ``deadlines``), and
    each only up to its 15th working day.
    """
    _require_processing(application)
    if party_kind not in ConsultedParty.values:
        raise ProcessingError(_("请选择征求对象类别。"))
    if not (third_party or "").strip():
        raise ProcessingError(_("请填写被征求意见的第三方或机关。"))
    if sent_on < application.received_on:
        raise ProcessingError(_("征求意见日期不能早于收到申请的日期。"))
    _not_in_future(sent_on, _("征求意见日期"))
    consultation = ThirdPartyConsultation.objects.create(
        application=application, third_party=third_party.strip(), sent_on=sent_on, note=note, party_kind=party_kind,
    )
    _event(application, ApplicationEvent.Kind.CONSULTATION_STARTED, user,
           f"{ConsultedParty(party_kind).label}：{third_party.strip()}")
    issue_notice(application, NoticeKind.CONSULTATION,
                 {"征求对象": third_party.strip(),
                  "征求意见期限": deadlines.consultation_lapses_on(sent_on, provisional=True)[0]},
                 user, sent_on, addressee=third_party.strip())
    return consultation


def consultation_state(consultation, today):
    """(lapses on, lapsed?) of one consultation: 15 working days after it was sent (arts. 32, 34)."""
    lapses_on, _provisional = deadlines.consultation_lapses_on(consultation.sent_on, provisional=True)
    if consultation.replied_on is not None:
        return lapses_on, consultation.replied_on > lapses_on
    return lapses_on, today > lapses_on


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
def request_reasons(application, user, asked_on, question):
    """要求说明理由 (art. 35): the clock waits until the applicant answers. Issues the notice."""
    _require_processing(application)
    if not (question or "").strip():
        raise ProcessingError(_("请写明需要申请人说明的事项。"))
    if asked_on < application.received_on:
        raise ProcessingError(_("要求说明理由的日期不能早于收到申请的日期。"))
    _not_in_future(asked_on, _("要求说明理由日期"))
    request = ReasonsRequest.objects.create(application=application, asked_on=asked_on, question=question.strip())
    application.status = Status.AWAITING_REASONS
    application.save(update_fields=["status"])
    _event(application, ApplicationEvent.Kind.REASONS_REQUESTED, user, question.strip())
    issue_notice(application, NoticeKind.REASONS, {"需要说明的事项": question.strip()}, user, asked_on)
    return request


@transaction.atomic
def record_reasons(request, user, answered_on, answer_text=""):
    """收到理由说明: the clock runs again from the next day."""
    application = request.application
    if request.answered_on is not None:
        raise ProcessingError(_("已登记过申请人的说明。"))
    if answered_on < request.asked_on:
        raise ProcessingError(_("收到说明的日期不能早于要求说明理由的日期。"))
    _not_in_future(answered_on, _("收到说明日期"))
    request.answered_on = answered_on
    request.answer = (answer_text or "").strip()
    request.save(update_fields=["answered_on", "answer"])
    if application.status == Status.AWAITING_REASONS:
        application.status = Status.PROCESSING
        application.save(update_fields=["status"])
    _event(application, ApplicationEvent.Kind.REASONS_RECEIVED, user, request.answer)
    return request


@transaction.atomic
def defer(application, user, due_on, reason, decided_on=None):
    """确定延迟答复的合理期限 (art. 35), after the applicant's reasons; the notice tells them."""
    _require_processing(application)
    if not application.reasons_requests.filter(answered_on__isnull=False).exists():
        raise ProcessingError(_("确定延迟答复期限前，应先要求申请人说明理由并登记其说明（条例第三十五条）。"))
    if application.deferred_due_on:
        raise ProcessingError(_("已确定过延迟答复期限。"))
    if not (reason or "").strip():
        raise ProcessingError(_("请填写延迟答复的理由。"))
    decided_on = decided_on or _today()
    _not_in_future(decided_on, _("决定日期"))
    current = deadlines.current_due(deadlines.Clock.of(application), decided_on).on
    if current is not None and due_on <= current:
        raise ProcessingError(_("延迟答复期限应晚于现行答复期限（%(date)s）。") % {"date": current.isoformat()})
    application.deferred_due_on = due_on
    application.deferred_reason = reason.strip()
    application.save(update_fields=["deferred_due_on", "deferred_reason"])
    _event(application, ApplicationEvent.Kind.DEFERRED, user, f"{due_on.isoformat()}：{reason.strip()}")
    issue_notice(application, NoticeKind.DEFERRAL, {"答复期限": due_on, "延迟理由": reason.strip()}, user, decided_on)
    return application


@transaction.atomic
def notify_fee(application, user, basis, notified_on, pages=None):
    """收费通知 (art. 42; 国办函〔2020〕109号): the amount from the fee settings, payment within the set period.

    Refused when the fee is nil (within the free items or pages). The clock waits until payment.
    """
    _require_processing(application)
    _not_in_future(notified_on, _("收费通知日期"))
    if notified_on < application.received_on:
        raise ProcessingError(_("收费通知日期不能早于收到申请的日期。"))
    try:
        quantity, amount = fees.compute_fee(application, basis, pages)
    except ValueError:
        raise ProcessingError(_("按量计收请填写页数；计收方式只能是按件或按量。")) from None
    if amount <= 0:
        raise ProcessingError(_("该申请在免费范围内（%(basis)s，%(quantity)d），不收取信息处理费。")
                              % {"basis": FeeBasis(basis).label, "quantity": quantity})
    pay_by = add_working_days_provisional(notified_on, fees.fee_settings().payment_working_days)[0]
    fee = FeeNotice.objects.create(application=application, basis=basis, quantity=quantity, amount=amount,
                                   notified_on=notified_on, pay_by=pay_by)
    application.status = Status.AWAITING_PAYMENT
    application.save(update_fields=["status"])
    _event(application, ApplicationEvent.Kind.FEE_NOTIFIED, user, f"{FeeBasis(basis).label} {quantity} {amount}元")
    described = (_("本月第%(n)d件申请") if basis == FeeBasis.PER_ITEM else _("%(n)d页")) % {"n": quantity}
    issue_notice(application, NoticeKind.FEE, {"计收方式": FeeBasis(basis).label, "收费数量": described,
                                               "收费金额": f"{amount:.2f}", "缴费期限": pay_by}, user, notified_on)
    return fee


@transaction.atomic
def record_payment(fee, user, paid_on):
    """缴费: the clock runs again from the next day."""
    application = fee.application
    if fee.paid_on is not None:
        raise ProcessingError(_("已登记过缴费。"))
    if application.status == Status.ANSWERED:
        raise ProcessingError(_("该申请已办结，不能再登记缴费。"))
    if paid_on < fee.notified_on:
        raise ProcessingError(_("缴费日期不能早于收费通知日期。"))
    _not_in_future(paid_on, _("缴费日期"))
    fee.paid_on = paid_on
    fee.save(update_fields=["paid_on"])
    if application.status == Status.AWAITING_PAYMENT:
        application.status = Status.PROCESSING
        application.save(update_fields=["status"])
    _event(application, ApplicationEvent.Kind.FEE_PAID, user, paid_on.isoformat())
    return fee


@transaction.atomic
def receive_online_correction(application, text, attachment=None, now=None):
    """The applicant corrected through the status page: received that day, the clock restarts (art. 30)."""
    if application.status != Status.AWAITING_CORRECTION:
        raise ProcessingError(_("该申请目前不需要补正。"))
    if not (text or "").strip() and not attachment:
        raise ProcessingError(_("请填写补正内容或上传补正材料。"))
    now = now or timezone.now()
    submission = CorrectionSubmission.objects.create(application=application, text=(text or "").strip(),
                                                     attachment=attachment or "")
    record_correction(application, None, timezone.localdate(now))
    queue_staff_mail(application, _("申请人已网上补正 %(number)s") % {"number": application.tracking_number},
                     _("政府信息公开申请 %(number)s 的申请人已在网上提交补正，答复期限自今日重新计算。")
                     % {"number": application.tracking_number})
    return submission


def _check_closing(application, outcome, answered_on):
    """While the applicant's turn is open only its closing outcome (or, for art. 35, a decision) fits."""
    if application.status == Status.AWAITING_CORRECTION and outcome != Outcome.OTHER_NO_CORRECTION:
        raise ProcessingError(_("申请人尚未补正；逾期不补正的，请选择“申请人无正当理由逾期不补正”。"))
    if outcome == Outcome.OTHER_NO_CORRECTION and application.correction_due_on \
            and answered_on <= application.correction_due_on:
        raise ProcessingError(_("补正期限（%(date)s）尚未届满。") % {"date": application.correction_due_on.isoformat()})
    unpaid = application.fee_notices.filter(paid_on__isnull=True).order_by("-notified_on").first()
    if application.status == Status.AWAITING_PAYMENT and outcome != Outcome.OTHER_UNPAID:
        raise ProcessingError(_("申请人尚未缴费；逾期未缴纳的，请选择“申请人逾期未按收费通知要求缴纳费用”。"))
    if outcome == Outcome.OTHER_UNPAID:
        if unpaid is None:
            raise ProcessingError(_("该申请没有未缴费的收费通知。"))
        if unpaid.pay_by and answered_on <= unpaid.pay_by:
            raise ProcessingError(_("缴费期限（%(date)s）尚未届满，不能以逾期未缴费为由终止办理。")
                                  % {"date": unpaid.pay_by.isoformat()})


@transaction.atomic
def answer(application, user, outcome, answered_on, reply_letter, note=""):
    """作出答复 (arts. 36-39): one outcome of the yearly-report table, with the reply letter.

    Issues the 答复书 notice (and mails it); the uploaded signed letter is offered for download too.
    """
    _require_confirmed(application)
    if outcome not in Outcome.values:
        raise ProcessingError(_("请选择办理结果。"))
    if not reply_letter:
        raise ProcessingError(_("请上传答复书。"))
    if answered_on < application.received_on:
        raise ProcessingError(_("答复日期不能早于收到申请的日期。"))
    _not_in_future(answered_on, _("答复日期"))
    _check_closing(application, outcome, answered_on)
    if application.consultations.filter(replied_on__isnull=True).exists() and outcome not in CLOSING_OUTCOMES:
        open_ones = [c for c in application.consultations.filter(replied_on__isnull=True)
                     if not consultation_state(c, answered_on)[1]]
        if open_ones:
            raise ProcessingError(_("还有尚未结束且未满15个工作日的征求意见，请先登记其结果。"))
    application.outcome = outcome
    application.answered_on = answered_on
    application.outcome_note = note
    application.reply_letter = reply_letter
    application.status = Status.ANSWERED
    application.save(update_fields=["outcome", "answered_on", "outcome_note", "reply_letter", "status"])
    _event(application, ApplicationEvent.Kind.ANSWERED, user, Outcome(outcome).label)
    issue_notice(application, NoticeKind.REPLY, {"办理结果": Outcome(outcome).label, "答复说明": note or ""},
                 user, answered_on)
    return application


CLOSING_OUTCOMES = (Outcome.OTHER_NO_CORRECTION, Outcome.OTHER_UNPAID)


def due_date(application, today=None):
    """The current due date of a stored application, or None (see ``deadlines.explain_missing_due``)."""
    return deadlines.answer_due(deadlines.Clock.of(application), today)


def due_dates(applications, today=None):
    """{pk: due date or None} for many applications in four queries (listings, audits, reports)."""
    return {pk: due.on if not due.provisional else None for pk, due in current_dues(applications, today).items()}


def current_dues(applications, today=None):
    """{pk: ``deadlines.Due``} for many applications in four queries (provisional where the calendar lacks a year)."""
    from collections import defaultdict

    ids = applications.values("pk")
    consultations, reasons, fee_pauses = defaultdict(list), defaultdict(list), defaultdict(list)
    rows = ThirdPartyConsultation.objects.filter(application__in=ids)
    for application_id, sent_on, replied_on in rows.values_list("application_id", "sent_on", "replied_on"):
        consultations[application_id].append((sent_on, replied_on))
    rows = ReasonsRequest.objects.filter(application__in=ids)
    for application_id, asked_on, answered_on in rows.values_list("application_id", "asked_on", "answered_on"):
        reasons[application_id].append((asked_on, answered_on))
    rows = FeeNotice.objects.filter(application__in=ids)
    for application_id, notified_on, paid_on in rows.values_list("application_id", "notified_on", "paid_on"):
        fee_pauses[application_id].append((notified_on, paid_on))
    fields = ("pk", "received_on", "correction_requested_on", "corrected_received_on", "extension_days",
              "deferred_due_on")
    today = today or _today()
    return {
        pk: deadlines.current_due(deadlines.Clock.build(
            received, requested, corrected, extension, consultations[pk], reasons[pk], fee_pauses[pk], deferred,
        ), today)
        for pk, received, requested, corrected, extension, deferred in applications.values_list(*fields)
    }
