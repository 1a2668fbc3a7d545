"""The yearly disclosure report (政府信息公开工作年度报告, 国办公开办函〔2021〕30号).

``YearlyReport`` holds what staff write and enter (narrative, table 2 figures, table 4); table 3
is always computed from the applications (``disclosure.yearly_report.table3``) and frozen into
``table3_snapshot`` when the report is published. Publishing creates or updates a
``YearlyReportPage`` in the organisation's tree, which is catalogued like any disclosed page
with the genre 报告.
"""

from django.db import models
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.models.base import DisclosedPage
from portal.taxonomy import Genre

from .table3 import COLUMN_LABELS, COLUMNS, Table3
from .table4 import TABLE4_GROUPS, TABLE4_RESULTS
from .xlsx import report_workbook


def _count(label):
    return models.PositiveIntegerField(label, default=0)


class YearlyReport(models.Model):
    """One organisation's (or, without organisation, the whole county's) report for one year."""

    organisation = models.ForeignKey(
        "departments.Organisation", verbose_name=_("机构"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="yearly_reports", help_text=_("留空表示全县汇总。"),
    )
    year = models.PositiveSmallIntegerField(_("年度"))

    overview = models.TextField(_("一、总体情况"), blank=True)
    problems = models.TextField(_("五、存在的主要问题及改进情况"), blank=True)
    other_matters = models.TextField(_("六、其他需要报告的事项"), blank=True)

    # Table 2 (二、主动公开政府信息情况)
    regulations_issued = _count(_("规章：本年制发件数"))
    regulations_abolished = _count(_("规章：本年废止件数"))
    regulations_valid = _count(_("规章：现行有效件数"))
    normative_issued = _count(_("行政规范性文件：本年制发件数"))
    normative_abolished = _count(_("行政规范性文件：本年废止件数"))
    normative_valid = _count(_("行政规范性文件：现行有效件数"))
    licensing_decisions = _count(_("行政许可：本年处理决定数量"))
    penalty_decisions = _count(_("行政处罚：本年处理决定数量"))
    coercion_decisions = _count(_("行政强制：本年处理决定数量"))
    fees_amount = models.DecimalField(_("行政事业性收费：本年收费金额（万元）"), max_digits=14, decimal_places=4, default=0)

    # Table 4 (四、政府信息公开行政复议、行政诉讼情况)
    reconsideration_upheld = _count(_("行政复议：结果维持"))
    reconsideration_corrected = _count(_("行政复议：结果纠正"))
    reconsideration_other = _count(_("行政复议：其他结果"))
    reconsideration_pending = _count(_("行政复议：尚未审结"))
    reconsideration_total = _count(_("行政复议：总计"))
    litigation_direct_upheld = _count(_("未经复议直接起诉：结果维持"))
    litigation_direct_corrected = _count(_("未经复议直接起诉：结果纠正"))
    litigation_direct_other = _count(_("未经复议直接起诉：其他结果"))
    litigation_direct_pending = _count(_("未经复议直接起诉：尚未审结"))
    litigation_direct_total = _count(_("未经复议直接起诉：总计"))
    litigation_after_upheld = _count(_("复议后起诉：结果维持"))
    litigation_after_corrected = _count(_("复议后起诉：结果纠正"))
    litigation_after_other = _count(_("复议后起诉：其他结果"))
    litigation_after_pending = _count(_("复议后起诉：尚未审结"))
    litigation_after_total = _count(_("复议后起诉：总计"))

    # 保密审查 (条例 art. 17), derived with table 2 from the catalogue: items that went live in the year, and
    # how many of them carry the reviewer's sign-off (items published before the record existed do not).
    proactive_published = models.PositiveIntegerField(_("本年主动公开信息条数"), default=0, editable=False)
    proactive_reviewed = models.PositiveIntegerField(_("其中有保密审查记录的条数"), default=0, editable=False)

    table2_derived_at = models.DateTimeField(_("表二最近从目录统计时间"), null=True, blank=True, editable=False)
    table3_snapshot = models.JSONField(_("表三（发布时固定）"), null=True, blank=True, editable=False)
    page = models.OneToOneField(
        "disclosure.YearlyReportPage", verbose_name=_("发布页面"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )
    submitted_at = models.DateTimeField(_("提交审核时间"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("政府信息公开工作年度报告")
        verbose_name_plural = _("政府信息公开年报")
        ordering = ["-year", "organisation_id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="unique_report_per_org_year"),
            models.UniqueConstraint(
                fields=["year"], condition=models.Q(organisation__isnull=True), name="unique_county_report_per_year"
            ),
        ]

    def __str__(self):
        if self.is_county_wide:
            return f"{self.year}年全县政府信息公开工作情况汇总（内部统计）"
        return f"{self.subject_name}{self.year}年政府信息公开工作年度报告"

    @property
    def is_county_wide(self):
        """The sum over every organisation: an internal statistic, not the county government's own statutory report."""
        return self.organisation_id is None

    @property
    def subject_name(self):
        return self.organisation.name if self.organisation_id else str(_("全县"))

    def table4(self):
        """[(label, [5 numbers])] in the official order."""
        return [
            (label, [getattr(self, f"{group}_{result}") for result, _label in TABLE4_RESULTS])
            for group, label in TABLE4_GROUPS
        ]


class YearlyReportPage(RoutablePageMixin, DisclosedPage):
    """年度报告页面: the published report, catalogued with the genre 报告. Written by publishing, not by hand."""

    default_genre = Genre.REPORT
    genre_editable = False
    # Filed under the yearly-report item of the publishing organisation's kind (法定主动公开内容, 条例 arts. 49–50).
    statutory_item_codes = ("a50-yearly-report-department", "a50-yearly-report-township", "a50-yearly-report-county")

    report_year = models.PositiveSmallIntegerField(_("年度"))

    content_panels = [*DisclosedPage.content_panels, FieldPanel("summary"), *DisclosedPage.disclosure_panels]
    parent_page_types = ["portal.ColumnPage"]
    subpage_types = []
    page_description = _("政府信息公开工作年度报告（由“年度报告”功能生成，经审核后发布）。")

    class Meta:
        verbose_name = _("政府信息公开工作年度报告")
        verbose_name_plural = _("政府信息公开工作年度报告")

    @property
    def report(self):
        return YearlyReport.objects.select_related("organisation").filter(page=self).first()

    def get_genre(self):
        return Genre.REPORT

    def body_text(self):
        report = self.report
        if report is None:
            return ""
        return " ".join(part for part in (report.overview, report.problems, report.other_matters) if part)

    def published_table3(self, report):
        return Table3.from_snapshot(report.table3_snapshot) if report and report.table3_snapshot else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        report = self.report
        context["report"] = report
        context["table3"] = self.published_table3(report)
        context["column_labels"] = [COLUMN_LABELS[column] for column in COLUMNS]
        return context

    @path("xlsx/", name="xlsx")
    def xlsx(self, request):
        """The published report as XLSX, with the table 3 frozen at publication."""
        report = self.report
        if report is None:
            raise Http404
        response = HttpResponse(
            report_workbook(report, self.published_table3(report)),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="yearly-report-{report.year}.xlsx"'
        return response


class YearlyReportReminder(models.Model):
    """A reminder about a missing yearly report that has been sent (each one once)."""

    organisation = models.ForeignKey("departments.Organisation", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("报告年度"))
    key = models.CharField(_("提醒"), max_length=32)
    sent_at = models.DateTimeField(_("发送时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("年度报告提醒")
        constraints = [models.UniqueConstraint(fields=["organisation", "year", "key"], name="unique_report_reminder")]
