"""Staff edit the yearly report, publish it as a catalogued page of genre 报告, and download XLSX."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from departments.roles import ensure_information_office_group
from disclosure.applications.choices import Outcome
from disclosure.applications.models import Application
from disclosure.models import CatalogueEntry
from disclosure.yearly_report.forms import ReportForm
from disclosure.yearly_report.models import YearlyReport, YearlyReportPage
from disclosure.yearly_report.publishing import submit_report
from disclosure.yearly_report.table2 import derive_table2
from disclosure.yearly_report.xlsx import report_workbook
from portal.column_kinds import ColumnKind
from portal.taxonomy import Genre, Validity
from tests.disclosure.applications.builders import application
from tests.factories import column, make_organisation, policy, user_in

D = datetime.date
pytestmark = pytest.mark.django_db


def answered(organisation, received_on, answered_on, outcome):
    app = application(organisation, received_on)
    Application.objects.filter(pk=app.pk).update(answered_on=answered_on, outcome=outcome, status="answered")


def test_table2_counts_only_documents_marked_as_normative(department):
    """Before: every formal document in a 政策文件 column was counted as a 行政规范性文件."""
    policies = column(department, ColumnKind.POLICIES)
    policy(policies, title="关于印发2026年教育工作要点的通知", number="示教发〔2026〕1号", written_date=D(2026, 2, 1))
    policy(policies, title="关于规范校外培训的通知", number="示教发〔2026〕9号", written_date=D(2026, 5, 1),
           is_normative=True, normative_registration_number="SJYD-2026-001")
    policy(policies, title="旧办法", number="示教发〔2019〕3号", written_date=D(2019, 5, 1), validity=Validity.REPEALED,
           is_normative=True, normative_registration_number="SJYD-2019-003", repealed_on=D(2026, 6, 1))
    figures = derive_table2(2026, department)
    assert figures == {"normative_issued": 1, "normative_valid": 1, "normative_abolished": 1}
    assert derive_table2(2025, department) == {"normative_issued": 0, "normative_valid": 1, "normative_abolished": 0}


def test_table4_totals_must_add_up_and_blank_totals_are_filled(department):
    report = YearlyReport.objects.create(organisation=department, year=2026)
    data = {name: 0 for name in ReportForm.Meta.fields if name not in ("overview", "problems", "other_matters")}
    data.update({"reconsideration_upheld": 2, "reconsideration_corrected": 1, "reconsideration_total": 0,
                 "litigation_direct_pending": 1, "litigation_direct_total": 5})
    form = ReportForm(data, instance=report)
    assert not form.is_valid()
    assert "总计应等于" in form.errors["litigation_direct_total"][0]
    data["litigation_direct_total"] = 1
    form = ReportForm(data, instance=report)
    assert form.is_valid(), form.errors
    form.save()
    report.refresh_from_db()
    assert report.reconsideration_total == 3
    assert [numbers for _label, numbers in report.table4()][0] == [2, 1, 0, 0, 3]


def approve(page, user=None):
    """What an approver does in Wagtail's moderation screen: approve the task, which publishes."""
    page.refresh_from_db()
    page.current_workflow_task_state.approve(user=user)


def test_an_approved_report_is_a_catalogued_page_with_frozen_table3(department, client):
    answered(department, D(2026, 3, 2), D(2026, 3, 20), Outcome.DISCLOSED)
    report = YearlyReport.objects.create(organisation=department, year=2026, overview="本年度，我局认真贯彻落实条例。",
                                         licensing_decisions=12)
    page = submit_report(report)
    assert not page.live and not CatalogueEntry.objects.filter(page=page).exists()
    approve(page, user_in(department.approvers_group))
    report.refresh_from_db()
    assert report.published_at is not None
    entry = CatalogueEntry.objects.get(page=page)
    assert entry.genre == Genre.REPORT and entry.organisation == department
    assert entry.title == "示例县教育局2026年政府信息公开工作年度报告"
    listed = CatalogueEntry.objects.public().filter(organisation=department, genre=Genre.REPORT,
                                                    page__in=YearlyReportPage.objects.all())
    assert list(listed) == [entry]
    page.refresh_from_db()
    html = client.get(page.url).content.decode()
    assert "本年度，我局认真贯彻落实条例。" in html and "四、结转下年度继续办理" in html

    answered(department, D(2026, 4, 1), D(2026, 4, 20), Outcome.DISCLOSED)  # after publication
    report.refresh_from_db()
    assert report.table3_snapshot["counts"]["new"]["total"] == 1
    again = submit_report(report)
    assert again.pk == page.pk
    approve(again, user_in(department.approvers_group))
    report.refresh_from_db()
    assert report.table3_snapshot["counts"]["new"]["total"] == 2
    assert CatalogueEntry.objects.filter(genre=Genre.REPORT).count() == 1

    download = client.get(page.url + "xlsx/")
    assert download.status_code == 200
    sheet = load_workbook(io.BytesIO(download.content)).active
    assert sheet["A1"].value == str(report)


def test_the_county_wide_sum_is_an_internal_statistic_and_never_published(department, county):
    """Before: it was published into the county tree as if it were the county government's own report."""
    answered(department, D(2026, 3, 2), D(2026, 3, 20), Outcome.DISCLOSED)
    county_wide = YearlyReport.objects.create(organisation=None, year=2026)
    assert "内部统计" in str(county_wide)
    with pytest.raises(ValidationError, match="内部统计"):
        submit_report(county_wide)
    assert not YearlyReportPage.objects.exists()


def test_publishing_refuses_an_unbalanced_table(department, monkeypatch):
    from disclosure.yearly_report import publishing

    monkeypatch.setattr(publishing.compute_table3(2026).__class__, "check", lambda self: ["total"])
    with pytest.raises(ValidationError, match="表三数据不平衡"):
        submit_report(YearlyReport.objects.create(organisation=department, year=2026))
    assert not YearlyReportPage.objects.exists()


def test_the_xlsx_follows_the_official_layout(department):
    answered(department, D(2026, 3, 2), D(2026, 3, 20), Outcome.WITHHELD_STATE_SECRET)
    report = YearlyReport.objects.create(organisation=department, year=2026, normative_issued=3, fees_amount="1.5",
                                         reconsideration_upheld=1, reconsideration_total=1)
    sheet = load_workbook(io.BytesIO(report_workbook(report))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    flat = [value for row in values for value in row if value is not None]
    for heading in ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
                    "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "法人或其他组织",
                    "未经复议直接起诉", "复议后起诉"):
        assert heading in flat
    normative = next(row for row in values if row[0] == "行政规范性文件")
    assert 3 in normative
    secret = next(row for row in values if row[1] == "1.属于国家秘密")
    assert secret[0] == "（三）不予公开" and secret[2:9] == [1, 0, 0, 0, 0, 0, 1]
    fees = next(row for row in values if row[0] == "行政事业性收费")
    assert 1.5 in fees


def test_report_admin_is_for_the_organisation_and_the_office_only(client, department):
    other = make_organisation("示例县民政局", "mzj", short_name="民政局")
    report = YearlyReport.objects.create(organisation=department, year=2026)
    county_wide = YearlyReport.objects.create(organisation=None, year=2026)
    client.force_login(user_in(other.editors_group))
    assert client.get(f"/admin/disclosure-reports/{report.pk}/").status_code == 403
    assert client.get(f"/admin/disclosure-reports/{county_wide.pk}/").status_code == 403
    client.force_login(user_in(department.editors_group))
    assert client.get(f"/admin/disclosure-reports/{report.pk}/").status_code == 200
    assert client.get(f"/admin/disclosure-reports/{county_wide.pk}/").status_code == 403
    response = client.get(f"/admin/disclosure-reports/{report.pk}/xlsx/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    client.force_login(user_in(ensure_information_office_group()))
    assert client.get(f"/admin/disclosure-reports/{county_wide.pk}/").status_code == 200


def test_staff_submit_through_the_admin_and_the_approvers_publish(client, department):
    """Editors prepare and submit the report; the organisation's approvers approve it, which publishes it."""
    client.force_login(user_in(department.editors_group))
    response = client.post("/admin/disclosure-reports/", {"organisation": str(department.pk), "year": "2026"})
    report = YearlyReport.objects.get()
    assert response.status_code == 302 and report.table2_derived_at is not None
    data = {name: 0 for name in ReportForm.Meta.fields}
    data.update({"overview": "总体情况说明", "problems": "问题", "other_matters": "无"})
    assert client.post(f"/admin/disclosure-reports/{report.pk}/", data).status_code == 302
    submitted = client.post(f"/admin/disclosure-reports/{report.pk}/publish/", follow=True)
    assert "已提交审核" in submitted.content.decode()
    report.refresh_from_db()
    assert report.page is not None and not report.page.live and report.published_at is None
    approver = user_in(department.approvers_group)
    client.force_login(approver)
    task_state = report.page.current_workflow_task_state
    response = client.post(f"/admin/pages/workflow/action/{report.page.pk}/approve/{task_state.pk}/",
                           {"comment": ""})
    assert response.status_code in (200, 302)
    report.refresh_from_db()
    assert report.page.live and report.published_at is not None
