"""When yearly reports are due, which are missing, and reminding the organisations (条例第四十九条、第五十条).

Every department and township publishes its report for year Y by 31 January of Y+1; the county
government by 31 March. From 1 January the organisations whose report is not published are
reminded (on 1 January or the first run after it, a week before the deadline, and once when it
has passed), and the information office sees the list of missing reports at any time.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from departments.models import Organisation
from disclosure.yearly_report.models import YearlyReport, YearlyReportReminder

WEEK_BEFORE = datetime.timedelta(days=7)


def report_due_on(organisation, year):
    """The statutory deadline of ``organisation``'s report for ``year``: 31 March for the county government, else 31 January."""
    if organisation.kind == Organisation.Kind.COUNTY:
        return datetime.date(year + 1, 3, 31)
    return datetime.date(year + 1, 1, 31)


@dataclass
class MissingReport:
    organisation: Organisation
    year: int
    due_on: datetime.date
    state: str  # "draft", "submitted" (under review) or "none"

    def overdue(self, today):
        return today > self.due_on

    @property
    def state_label(self):
        return {"draft": _("已起草未提交"), "submitted": _("审核中"), "none": _("未起草")}[self.state]


def missing_reports(year, organisations=None):
    """[MissingReport] of the active organisations (or ``organisations``) without a published report for ``year``."""
    organisations = Organisation.objects.active() if organisations is None else organisations.filter(active=True)
    reports = {report.organisation_id: report for report in
               YearlyReport.objects.filter(year=year, organisation__in=organisations)}
    missing = []
    for organisation in organisations.order_by("kind", "sort_order", "pk"):
        report = reports.get(organisation.pk)
        if report is not None and report.published_at is not None:
            continue
        state = "none" if report is None else ("submitted" if report.submitted_at else "draft")
        missing.append(MissingReport(organisation, year, report_due_on(organisation, year), state))
    return missing


def reminder_key(missing, today):
    """Which reminder is due today for one missing report, or None."""
    if today > missing.due_on:
        return "overdue"
    if today >= missing.due_on - WEEK_BEFORE:
        return "week-before"
    if today.year == missing.year + 1:
        return "from-1-january"
    return None


def send_report_reminders(today=None, send=None):
    """Remind each organisation with a missing report of last year; each reminder once. Returns how many were sent.

    ``send(recipient, subject, body)`` sends one e-mail (default: Django's ``send_mail``).
    """
    from django.conf import settings
    from django.core.mail import send_mail

    today = today or timezone.localdate()
    send = send or (lambda to, subject, body: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to]))
    year = today.year - 1
    sent = 0
    for missing in missing_reports(year):
        key = reminder_key(missing, today)
        organisation = missing.organisation
        if key is None or not organisation.email:
            continue
        if YearlyReportReminder.objects.filter(organisation=organisation, year=year, key=key).exists():
            continue
        subject = _("请按时发布%(year)d年政府信息公开工作年度报告") % {"year": year}
        if key == "overdue":
            subject = _("%(year)d年政府信息公开工作年度报告已超过发布期限") % {"year": year}
        body = _("%(org)s的%(year)d年政府信息公开工作年度报告应于%(due)s前发布（条例第四十九条、第五十条），目前状态：%(state)s。")
        body %= {"org": organisation.name, "year": year, "due": missing.due_on.isoformat(), "state": missing.state_label}
        try:
            send(organisation.email, subject, body)
        except Exception:  # a failing mail server must not stop the other reminders; retried next run
            continue
        YearlyReportReminder.objects.create(organisation=organisation, year=year, key=key)
        sent += 1
    return sent
