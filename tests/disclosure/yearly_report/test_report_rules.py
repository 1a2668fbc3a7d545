"""The yearly report, right: repeal dates decide table 2, table 3 has its heading row, the public page shows every
column, the report section is no menu item, and missing reports are listed and reminded from 1 January."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from disclosure.yearly_report.due import missing_reports, report_due_on, send_report_reminders
from disclosure.yearly_report.models import YearlyReport, YearlyReportReminder
from disclosure.yearly_report.publishing import REPORT_COLUMN_SLUG, submit_report
from disclosure.yearly_report.table2 import derive_table2
from disclosure.yearly_report.table3 import compute_table3
from portal.column_kinds import ColumnKind
from portal.models import ColumnPage
from portal.taxonomy import Validity
from tests.factories import column, make_organisation, policy, user_in

D = datetime.date
pytestmark = pytest.mark.django_db


def normative(policies, title, written, repealed=None, number="SJYD-1"):
    return policy(policies, title=title, number="示教发〔2024〕1号", written_date=written, is_normative=True,
                  normative_registration_number=number, repealed_on=repealed,
                  validity=Validity.REPEALED if repealed else Validity.VALID)


def test_a_repeal_on_31_december_counts_in_that_year_and_on_1_january_in_the_next(department):
    policies = column(department, ColumnKind.POLICIES)
    normative(policies, "于年末废止的办法", D(2024, 3, 1), repealed=D(2025, 12, 31))
    normative(policies, "于元旦废止的办法", D(2024, 3, 1), repealed=D(2026, 1, 1))
    assert derive_table2(2025, department) == {"normative_issued": 0, "normative_abolished": 1, "normative_valid": 1}
    assert derive_table2(2026, department) == {"normative_issued": 0, "normative_abolished": 1, "normative_valid": 0}


def test_republishing_a_repealed_document_changes_nothing(department):
    """Before: 本年废止 counted documents marked 废止 whose record last changed in the year."""
    policies = column(department, ColumnKind.POLICIES)
    page = normative(policies, "旧办法", D(2020, 3, 1), repealed=D(2024, 6, 30))
    before = derive_table2(2026, department)
    page.title = "旧办法（更正标题）"
    page.save_revision().publish()
    assert derive_table2(2026, department) == before == {"normative_issued": 0, "normative_abolished": 0,
                                                        "normative_valid": 0}


def test_a_normative_document_needs_its_registration_number_and_a_repealed_one_its_date(department):
    policies = column(department, ColumnKind.POLICIES)
    page = policy(policies, title="关于规范管理的通知")
    page.is_normative = True
    with pytest.raises(ValidationError, match="登记号"):
        page.full_clean()
    page.normative_registration_number = "SJYD-2026-002"
    page.validity = Validity.REPEALED
    with pytest.raises(ValidationError, match="废止或失效日期"):
        page.full_clean()


def test_the_policy_page_shows_its_registration_number_repeal_date_and_replacement(client, department):
    policies = column(department, ColumnKind.POLICIES)
    new = normative(policies, "新办法", D(2025, 1, 1), number="SJYD-2025-001")
    old = normative(policies, "旧办法", D(2020, 1, 1), repealed=D(2025, 1, 1), number="SJYD-2020-001")
    old.replaced_by = new
    old.save_revision().publish()
    html = client.get(old.url).content.decode()
    assert "SJYD-2020-001" in html and "2025年1月1日" in html and "新办法" in html


def test_table3_has_its_results_heading_row(department):
    rows = compute_table3(2026, department).rows()
    labels = [section for section, _sub, _values in rows]
    heading = labels.index("三、本年度办理结果")
    assert labels[heading - 1].startswith("二、") and labels[heading + 1] == "（一）予以公开"
    assert rows[heading][2] is None


def test_the_public_report_page_shows_every_column_without_a_scrolling_wrapper(client, department):
    report = YearlyReport.objects.create(organisation=department, year=2026)
    page = submit_report(report)
    page.refresh_from_db()
    page.current_workflow_task_state.approve(user=user_in(department.approvers_group))
    page.refresh_from_db()
    html = client.get(page.url).content.decode()
    table3 = html[html.index('class="report-table table3"'):]
    table3 = table3[:table3.index("</table>")]
    assert "总计" in table3 and "三、本年度办理结果" in table3
    before = html[:html.index('class="report-table table3"')]
    assert before.rstrip().endswith('<div class="table3-wrap"><table')  # not the sideways-scrolling .table-wrap


def test_the_report_section_is_not_a_menu_item(department):
    submit_report(YearlyReport.objects.create(organisation=department, year=2026))
    section = ColumnPage.objects.get(slug=REPORT_COLUMN_SLUG)
    assert section.title == "政府信息公开年报" and section.show_in_menus is False


def test_deadlines_are_31_january_for_departments_and_31_march_for_the_county(department, county):
    assert report_due_on(department, 2026) == D(2027, 1, 31)
    assert report_due_on(county, 2026) == D(2027, 3, 31)


def test_missing_reports_are_listed_and_reminded_from_1_january_each_once(department, county):
    department.email = "jyj@example.gov.cn"
    department.save()
    county.email = "xf@example.gov.cn"
    county.save()
    township = make_organisation("城关镇人民政府", "cgz", "township", short_name="城关镇")
    published = YearlyReport.objects.create(organisation=township, year=2025, published_at=datetime.datetime(
        2026, 1, 20, tzinfo=datetime.UTC))
    names = [item.organisation.name for item in missing_reports(2025)]
    assert department.name in names and county.name in names and published.organisation.name not in names
    sent = []
    send_report_reminders(D(2025, 12, 31), send=lambda *mail: sent.append(mail))  # about 2024's reports only
    assert not any("2025年" in subject for _to, subject, _body in sent)
    sent.clear()
    assert send_report_reminders(D(2026, 1, 1), send=lambda *mail: sent.append(mail)) == 2
    assert send_report_reminders(D(2026, 1, 2), send=lambda *mail: sent.append(mail)) == 0
    send_report_reminders(D(2026, 1, 24), send=lambda *mail: sent.append(mail))  # a week before 31 January
    assert [to for to, *_rest in sent].count("jyj@example.gov.cn") == 2
    send_report_reminders(D(2026, 2, 1), send=lambda *mail: sent.append(mail))
    assert YearlyReportReminder.objects.filter(organisation=department, year=2025, key="overdue").exists()
    assert not YearlyReportReminder.objects.filter(organisation=county, year=2025, key="overdue").exists()
    assert any("超过发布期限" in subject for _to, subject, _body in sent)


def test_the_office_sees_the_missing_list(client, department, county):
    from departments.roles import ensure_information_office_group

    client.force_login(user_in(ensure_information_office_group()))
    html = client.get("/admin/disclosure-reports/").content.decode()
    assert "尚未发布" in html and department.name in html
