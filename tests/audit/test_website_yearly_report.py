"""政府网站工作年度报表 (国办函〔2018〕12号): generated for a year, edited by the office, published, reminded from 1 January."""

import datetime

import time_machine

from audit.models import WebsiteYearlyReport, WebsiteYearlyReportReminder
from audit.website_report_publishing import (
    approve_report,
    edit_report,
    generate_report,
    publish_report,
    send_website_report_reminders,
    website_for_key,
)
from departments.models import Organisation
from departments.roles import ensure_information_office_group
from interaction.handling import dispose, reply
from portal.column_kinds import ColumnKind
from portal.models import ArticlePage
from tests.audit.conftest import at
from tests.factories import article, column, guide, user_in
from tests.interaction.builders import letter, mailbox_of
from tests.interaction.survey_builders import survey

D = datetime.date


def county():
    return Organisation.objects.get(kind=Organisation.Kind.COUNTY)


def publish_at(moment, parent, **fields):
    with time_machine.travel(moment, tick=False):
        return article(parent, **fields)


def office(client=None, email="office@example.gov.cn"):
    user = user_in(ensure_information_office_group(), email=email)
    if client is not None:
        client.force_login(user)
    return user


def test_the_report_counts_the_year_from_the_catalogue_guides_and_letters(opened_department):
    publish_at(at(2025, 3, 1), column(county(), ColumnKind.HEADLINES), title="县政府召开常务会议")
    publish_at(at(2025, 6, 1), column(opened_department, ColumnKind.NOTICES), title="关于开展暑期安全教育的通知")
    publish_at(at(2025, 7, 1), column(opened_department, ColumnKind.OVERVIEW), title="教育局机构职能")
    publish_at(at(2025, 8, 1), column(opened_department, ColumnKind.FINANCE), title="2025年部门预算")
    publish_at(at(2026, 1, 5), column(opened_department, ColumnKind.NEWS), title="2026年的信息不计入")
    # The two guides below are catalogued too: 信息公开目录 counts them with the budget.
    with time_machine.travel(at(2025, 9, 1), tick=False):
        guide(column(opened_department, ColumnKind.GUIDES), online_url="https://zwfw.example.gov.cn/1")
        guide(column(opened_department, ColumnKind.GUIDES), title="学生资助申请", slug="zz")
    box = mailbox_of(opened_department)
    answered = letter(box, D(2025, 5, 6))
    with time_machine.travel(at(2025, 5, 16), tick=False):
        reply(answered, "已安排维修。", actor=None)
    letter(box, D(2025, 11, 3))
    spam = letter(box, D(2025, 11, 4))
    survey(opened_department, opens_at=at(2025, 4, 1), closes_at=at(2025, 4, 30))
    survey(opened_department, opens_at=at(2024, 4, 1), closes_at=at(2024, 4, 30), title="上一年的调查")
    dispose(spam, "invalid", "广告信息", actor=None)
    with time_machine.travel(at(2026, 1, 2), tick=False):
        report = generate_report(website_for_key("portal"), 2025)
    figures = report.figures
    assert (figures["info_total"], figures["info_news"], figures["info_overview"], figures["info_catalogue"]) == (6, 2, 1, 3)
    assert (figures["services"], figures["services_online"], figures["service_catalogue"]) == (2, 1, True)
    assert (figures["letters_received"], figures["letters_answered"], figures["letters_average_days"]) == (2, 1, 10)
    assert figures["letters_published"] == 1
    assert figures["surveys"] == 1  # 征集调查期数: the survey opened in 2025 only
    assert figures["site_type"] == "政府门户网站" and figures["probe_visits"] == 0 and figures["monitoring"] is False


def test_the_office_edits_entered_rows_and_regenerating_keeps_them(client, opened_department):
    office(client)
    with time_machine.travel(at(2026, 1, 5), tick=False):
        response = client.post("/admin/audit/yearly-reports/", {"site": "portal", "year": "2025"})
        report = WebsiteYearlyReport.objects.get(site_key="portal", year=2025)
        assert response.status_code == 302 and response["Location"].endswith(f"/{report.pk}/")
        data = {"unique_visitors": "12345", "unified_platform": "1", "weibo": "示例县发布，820条，1.2万", "info_total": "7"}
        assert client.post(f"/admin/audit/yearly-reports/{report.pk}/", data).status_code == 302
        refused = client.post(f"/admin/audit/yearly-reports/{report.pk}/", {"unique_visitors": "１２"})
        negative = client.post(f"/admin/audit/yearly-reports/{report.pk}/", {"unique_visitors": "-3"})
        bad_year = client.get("/admin/audit/yearly-reports/?year=25")
        client.post("/admin/audit/yearly-reports/", {"site": "portal", "year": "2025"})
    report.refresh_from_db()
    assert report.figures["unique_visitors"] == 12345 and report.figures["unified_platform"] is True
    assert report.figures["weibo"] == "示例县发布，820条，1.2万"
    assert report.figures["info_total"] == 0  # a generated row is counted again when the office regenerates
    assert refused.status_code == 400 and "请填写整数" in refused.content.decode()
    assert negative.status_code == 400 and "不能为负数" in negative.content.decode()
    assert bad_year.status_code == 400 and "四位数字" in bad_year.content.decode()


def test_publishing_puts_the_tables_on_the_portal_and_republishing_updates_the_same_page(client, opened_department):
    user = office(client)
    with time_machine.travel(at(2026, 1, 20), tick=False):
        report = generate_report(website_for_key("portal"), 2025)
        assert client.post(f"/admin/audit/yearly-reports/{report.pk}/", {"unique_visitors": "500"}).status_code == 302
        assert client.post(f"/admin/audit/yearly-reports/{report.pk}/", {"action": "approve"}).status_code == 302
        response = client.post(f"/admin/audit/yearly-reports/{report.pk}/", {"action": "publish"})
    assert response.status_code == 302
    report.refresh_from_db()
    page = ArticlePage.objects.get(pk=report.page_id)
    assert page.live and page.get_parent().slug == "wzndbb" and page.url == "/wzndbb/2025/"
    assert page.title == f"{report.website_name}2025年政府网站工作年度报表"
    assert report.published_at.date() == D(2026, 1, 20) and report.published_by == user
    html = client.get(page.url).content.decode()
    assert "信息发布" in html and "独立用户访问总量" in html and "500" in html
    with time_machine.travel(at(2026, 1, 25), tick=False):
        edit_report(report, {**report.figures, "unique_visitors": 600})
        approve_report(report, user)
        publish_report(report, website_for_key("portal"))
    assert ArticlePage.objects.filter(title=page.title).count() == 1
    assert "600" in client.get("/wzndbb/2025/").content.decode()
    report.refresh_from_db()
    assert report.published_at.date() == D(2026, 1, 20) and report.last_published_at.date() == D(2026, 1, 25)
    with time_machine.travel(at(2027, 1, 3), tick=False):
        later = generate_report(website_for_key("portal"), 2026)
    assert later.figures["topics_maintained"] == 0  # the report's own column is not a 专栏专题


def test_the_office_is_reminded_from_1_january_once_per_stage_until_published(opened_department):
    office()
    sent = []

    def send(recipients, subject, body):
        sent.append((recipients, subject))

    WebsiteYearlyReport.objects.create(site_key="portal", website_name="门户", year=2024, published_at=at(2025, 1, 20))
    assert send_website_report_reminders(D(2025, 12, 31), send) == 0  # last year's (2024) report is published
    assert send_website_report_reminders(D(2026, 1, 1), send) == 1
    assert send_website_report_reminders(D(2026, 1, 2), send) == 0
    assert len(sent) == 1 and sent[0][0] == ["office@example.gov.cn"]
    assert sent[0][1].startswith("请于2026-01-31前发布") and sent[0][1].endswith("2025年政府网站工作年度报表")
    assert send_website_report_reminders(D(2026, 1, 24), send) == 1
    with time_machine.travel(at(2026, 1, 30), tick=False):
        report = approve_report(generate_report(website_for_key("portal"), 2025), office(email="approver@example.gov.cn"))
        publish_report(report, website_for_key("portal"))
    assert send_website_report_reminders(D(2026, 2, 1), send) == 0
    assert list(WebsiteYearlyReportReminder.objects.values_list("key", flat=True).order_by("sent_at")) == [
        "from-1-january", "week-before"]


def test_a_failing_mail_server_leaves_the_reminder_for_the_next_run(opened_department):
    office()

    def broken(recipients, subject, body):
        raise OSError("mail server down")

    assert send_website_report_reminders(D(2026, 2, 3), broken) == 0
    assert send_website_report_reminders(D(2026, 2, 3), lambda *args: None) == 1
    assert WebsiteYearlyReportReminder.objects.get().key == "overdue"


def test_a_department_editor_cannot_open_the_yearly_reports(client, opened_department):
    client.force_login(user_in(opened_department.editors_group))
    assert client.get("/admin/audit/yearly-reports/").status_code == 403
