"""Publishing a yearly report through the organisation's approval workflow.

Staff submit the report: table 3 is frozen, a draft ``YearlyReportPage`` is written in the
organisation's 政府信息公开年报 section (a column kept out of the menus, created on first use) and
submitted to the organisation's Wagtail workflow; its approvers (for the county government also
the information office) approve it in Wagtail's own moderation screens, which publishes the page
and so registers its catalogue entry (genre 报告), listed in the organisation's 政府信息公开 page
under 政府信息公开工作年度报告. A report that fails the official check of table 3 is refused.

The county-wide sum is an internal statistic, not the county government's own statutory report
(that is the county government organisation's report), so it is never published.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.yearly_report.models import YearlyReport, YearlyReportPage
from portal.column_kinds import ColumnKind
from portal.models import ColumnPage

from .table3 import COLUMN_LABELS, compute_table3

REPORT_COLUMN_SLUG = "gknb"
REPORT_COLUMN_TITLE = "政府信息公开年报"


def report_column(organisation):
    """The organisation's 年报 section: a column out of the menus, created the first time a report is submitted."""
    home = organisation.home_page
    column = ColumnPage.objects.child_of(home).filter(slug=REPORT_COLUMN_SLUG).first()
    if column is None:
        column = ColumnPage(title=REPORT_COLUMN_TITLE, slug=REPORT_COLUMN_SLUG, kind=ColumnKind.OTHER,
                            description=_("本机关政府信息公开工作年度报告。"), show_in_menus=False)
        home.add_child(instance=column)
        column.save_revision().publish()
    elif column.show_in_menus:
        column.show_in_menus = False
        column.save_revision().publish()
    return column


def report_title(report):
    return _("%(name)s%(year)d年政府信息公开工作年度报告") % {"name": report.organisation.name, "year": report.year}


def report_slug(report):
    return f"{report.year}-report"


def check_table3(report):
    table3 = compute_table3(report.year, report.organisation)
    broken = table3.check()
    if broken:
        raise ValidationError(
            _("表三数据不平衡（一+二≠三（七）+四）：%(columns)s，请核对申请办理记录。")
            % {"columns": "、".join(str(COLUMN_LABELS[column]) for column in broken)}
        )
    return table3


@transaction.atomic
def submit_report(report, user=None):
    """Freeze table 3, write the report page as a draft and submit it to the organisation's workflow.

    Returns the page. Raises ``ValidationError`` for the county-wide sum, a table 3 that fails its
    check, or an organisation without a workflow. Submitting again replaces the version under review.
    """
    if report.is_county_wide:
        raise ValidationError(_("全县汇总是内部统计数据，不是县政府本级的法定年度报告，不能发布。"
                                "县政府本级年度报告请在“机构”中选择县政府。"))
    table3 = check_table3(report)
    organisation = report.organisation
    page = report.page
    if page is None:
        page = YearlyReportPage(title=report_title(report), report_year=report.year, slug=report_slug(report),
                                live=False)
        report_column(organisation).add_child(instance=page)
    workflow = page.get_workflow()
    if workflow is None:
        raise ValidationError(_("本机关网站未配置审核流程，请联系县政务公开办。"))
    page.title = report_title(report)
    page.summary = (report.overview or "")[:200]
    report.table3_snapshot = table3.to_snapshot()
    report.page = page
    report.submitted_at = timezone.now()
    report.save()
    page.save_revision(user=user)
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    workflow.start(page, user)
    return page


def mark_published(page):
    """The approved report page went live: record when on its report."""
    YearlyReport.objects.filter(page=page).update(published_at=timezone.now())
