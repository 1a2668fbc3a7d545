"""Publishing a yearly report as a page in the organisation's catalogue.

The page goes into the organisation's 政府信息公开年报 column (created on first use); the county-wide
report goes into the county government's tree. Publishing freezes table 3 and refuses a table
that fails the official check, so a published report never contradicts itself.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from departments.models import Organisation
from departments.roles import is_information_office
from disclosure.reports.models import YearlyReportPage
from portal.column_kinds import ColumnKind
from portal.models import ColumnPage

from .table3 import COLUMN_LABELS, compute_table3

REPORT_COLUMN_SLUG = "gknb"
REPORT_COLUMN_TITLE = "政府信息公开年报"


def publishing_organisation(report):
    if report.organisation_id:
        return report.organisation
    county = Organisation.objects.filter(kind=Organisation.Kind.COUNTY).first()
    if county is None or county.home_page_id is None:
        raise ValidationError(_("尚未设置县政府机构，无法发布全县汇总报告。"))
    return county


def report_column(organisation):
    """The organisation's 年报 column, created the first time a report is published."""
    home = organisation.home_page
    column = ColumnPage.objects.child_of(home).filter(slug=REPORT_COLUMN_SLUG).first()
    if column is None:
        column = ColumnPage(title=REPORT_COLUMN_TITLE, slug=REPORT_COLUMN_SLUG, kind=ColumnKind.OTHER,
                            description=_("本机关政府信息公开工作年度报告。"))
        home.add_child(instance=column)
        column.save_revision().publish()
    return column


def report_title(report, organisation):
    if report.organisation_id:
        return _("%(name)s%(year)d年政府信息公开工作年度报告") % {"name": organisation.name, "year": report.year}
    return _("%(name)s%(year)d年政府信息公开工作年度报告（全县汇总）") % {"name": organisation.name, "year": report.year}


def report_slug(report):
    return f"{report.year}-report" if report.organisation_id else f"{report.year}-county-wide"


@transaction.atomic
def publish_report(report, user=None):
    """Freeze table 3, create or update the report page and publish it (which catalogues it).

    Raises ``PublishPagePermissionError`` for a user who may not publish in that tree.
    """
    table3 = compute_table3(report.year, report.organisation)
    broken = table3.check()
    if broken:
        raise ValidationError(
            _("表三数据不平衡（一+二≠三（七）+四）：%(columns)s，请核对申请办理记录。")
            % {"columns": "、".join(str(COLUMN_LABELS[column]) for column in broken)}
        )
    report.table3_snapshot = table3.to_snapshot()
    organisation = publishing_organisation(report)
    page = report.page
    if page is None:
        page = YearlyReportPage(title=report_title(report, organisation), report_year=report.year,
                                slug=report_slug(report), display_date=timezone.now())
        report_column(organisation).add_child(instance=page)
    page.title = report_title(report, organisation)
    page.summary = (report.overview or "")[:200]
    report.page = page
    report.published_at = timezone.now()
    report.save()
    # Wagtail's own rule: whoever may publish in the organisation's tree (its approvers). The
    # information office, which compiles the reports, may publish any of them.
    office = user is None or is_information_office(user)
    page.save_revision(user=user).publish(user=user, skip_permission_checks=office)
    return page
