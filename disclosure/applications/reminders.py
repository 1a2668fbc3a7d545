"""Reminders to staff before every due date of an open application, and to the office when overdue.

Watched dates: the last day to ask for a correction (7 working days, art. 30), the answer's due
date (art. 33, with pauses), each consultation's 15th working day (arts. 32, 34), and the fee's
payment deadline (after which the case may be closed). Staff of the handling organisation get a
mail ``REMIND_BEFORE`` working days ahead and on the day; the county information office (the
county organisation's e-mail) gets one when an answer is overdue. Each reminder is sent once:
its key (what and which date) is stored on the outbox row.
"""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from departments.models import Organisation
from disclosure.applications.models import Application, ApplicationNotification
from interaction.working_days import working_days_between_provisional

from . import deadlines
from .choices import Status
from .notifications import deliver_pending
from .submission import admin_link

REMIND_BEFORE = 3


def watched_dates(application, today):
    """[(key, label, date)] of the application's coming statutory dates."""
    dates = []
    if application.status == Status.PROCESSING and not application.correction_requested_on:
        last_day = deadlines.correction_deadline(application.received_on)
        if last_day:
            dates.append(("correction-window", _("要求补正的最后期限"), last_day))
    due = deadlines.current_due(deadlines.Clock.of(application), today)
    if due.on:
        dates.append(("answer", _("答复期限") + (_("（暂按周末推算）") if due.provisional else ""), due.on))
    for consultation in application.consultations.all():
        if consultation.replied_on is None:
            lapses_on = deadlines.consultation_lapses_on(consultation.sent_on, provisional=True)[0]
            dates.append((f"consultation-{consultation.pk}", _("征求%(party)s意见的15个工作日期满")
                          % {"party": consultation.third_party}, lapses_on))
    for fee in application.fee_notices.all():
        if fee.paid_on is None and fee.pay_by:
            dates.append((f"fee-{fee.pk}", _("信息处理费缴费期限（逾期可终止办理）"), fee.pay_by))
    return dates


def _queue(application, key, recipient, subject, body):
    if not recipient or ApplicationNotification.objects.filter(application=application, reminder_key=key).exists():
        return False
    ApplicationNotification.objects.create(application=application, reminder_key=key, recipient=recipient,
                                           subject=subject, body=body)
    return True


def office_email():
    county = Organisation.objects.filter(kind=Organisation.Kind.COUNTY).exclude(email="").first()
    return county.email if county else ""


def queue_reminders(today=None):
    """Queue every reminder due ``today``; returns how many were queued (none twice)."""
    today = today or timezone.localdate()
    queued = 0
    office = office_email()
    open_applications = (
        Application.objects.exclude(status__in=[Status.ANSWERED, Status.SUBMITTED]).select_related("organisation")
        .prefetch_related(Prefetch("consultations"), "reasons_requests", "fee_notices")
    )
    for application in open_applications.iterator(chunk_size=500):
        for key, label, day in watched_dates(application, today):
            left, _provisional = working_days_between_provisional(today, day)
            if 0 <= left <= REMIND_BEFORE:
                queued += _queue(
                    application, f"{key}:{day.isoformat()}", application.organisation.email,
                    _("办理提醒：%(number)s %(label)s %(date)s") % {"number": application.tracking_number,
                                                                 "label": label, "date": day.isoformat()},
                    _("政府信息公开申请 %(number)s（%(info)s）的%(label)s为%(date)s，还有%(left)d个工作日。\n%(url)s")
                    % {"number": application.tracking_number, "info": application.information_name, "label": label,
                       "date": day.isoformat(), "left": left, "url": admin_link(application)},
                )
            if key == "answer" and today > day:
                queued += _queue(
                    application, f"overdue:{day.isoformat()}", office,
                    _("超期提醒：%(org)s的政府信息公开申请 %(number)s 已超过答复期限") % {
                        "org": application.organisation.name, "number": application.tracking_number},
                    _("%(org)s的政府信息公开申请 %(number)s 答复期限为%(date)s，至今未答复。\n%(url)s")
                    % {"org": application.organisation.name, "number": application.tracking_number,
                       "date": day.isoformat(), "url": admin_link(application)},
                )
    return queued


def send_reminders(today=None):
    """Queue today's reminders and send the outbox; returns (queued, sent, failed)."""
    queued = queue_reminders(today)
    sent, failed = deliver_pending()
    return queued, sent, failed

