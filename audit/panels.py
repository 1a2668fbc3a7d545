"""The department view: a panel on a department editor's or approver's admin home page.

It shows the columns of *their own* organisation(s) that are due soon, overdue or empty, with
the date by which each must be updated, so they can act before the information office calls.
Other organisations are never shown: membership of the organisation's editors or approvers
group is what selects the organisation.

The information office also sees, from 1 January until they are published, last year's unpublished
政府网站工作年度报表 (国办函〔2018〕12号), marked overdue after 31 January.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from departments.staff import member_organisations

from .dates import today
from .findings import build_report
from .permissions import may_audit
from .website_report_publishing import reports_awaiting_publication


def due_columns(user, day=None):
    """(organisation audit, columns that need attention sorted by due date) for each of the user's organisations."""
    organisation_ids = list(member_organisations(user).active().values_list("pk", flat=True))
    if not organisation_ids:
        return []
    report = build_report(day or today(), organisation_ids=organisation_ids, ranked=False, with_websites=False)
    result = []
    for audit in report.organisations:
        due = sorted(
            (column for column in audit.columns if column.is_due),
            key=lambda column: (column.due_on is None, column.due_on or column.opened_on),
        )
        result.append((audit, due))
    return result


class DueColumnsPanel(Component):
    name = "audit_due_columns"
    template_name = "audit/includes/due_columns_panel.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {"organisations": due_columns(self.user), "heading": _("本单位栏目更新提醒")}


class WebsiteReportReminderPanel(Component):
    """The office's reminder to publish last year's website reports (shown to office members only)."""

    name = "audit_website_report_reminder"
    template_name = "audit/includes/website_report_reminder_panel.html"
    order = 80

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        awaiting = reports_awaiting_publication(today()) if may_audit(self.user) else None
        return {"awaiting": awaiting, "heading": _("政府网站工作年度报表待发布")}
