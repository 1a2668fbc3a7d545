"""政府网站工作年度报表 (国办函〔2018〕12号): the year's own page views, 草稿 → 已审核 → 已发布 with who and when,
the footer link to each year's stable address, and the office's admin-home reminder from 1 January."""

import contextlib

import pytest
import time_machine
from django.core.cache import cache

from audit.models import WebsiteYearlyReport
from audit.website_report_publishing import approve_report, generate_report, publish_report, website_for_key
from departments.models import Organisation
from departments.roles import ensure_information_office_group
from portal import view_counts
from portal.column_kinds import ColumnKind
from portal.models import PageViewCount
from tests.audit.conftest import at
from tests.factories import article, column, make_organisation, user_in

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"


@pytest.fixture(autouse=True)
def clean_view_buffer():
    cache.clear()
    view_counts.forget_local()
    yield
    cache.clear()
    view_counts.forget_local()


def office(client=None, username=None):
    user = user_in(ensure_information_office_group(), username=username, email="office@example.gov.cn")
    if client is not None:
        client.user = user
        client.force_login(user)
    return user


@contextlib.contextmanager
def logged_in(client, user, moment):
    """Travel to ``moment`` with ``user`` freshly logged in (an admin session ends after 30 idle minutes)."""
    client.user = user
    with time_machine.travel(moment, tick=False):
        client.logout()
        client.force_login(user)
        yield


def views_at(moment, page, times):
    with time_machine.travel(moment, tick=False):
        for _ in range(times):
            view_counts.record_view(page.pk, BROWSER)
        view_counts.flush()


def test_the_report_counts_the_page_views_of_its_year_not_the_running_total(opened_department):
    county = Organisation.objects.get(kind=Organisation.Kind.COUNTY)
    with time_machine.travel(at(2024, 12, 1), tick=False):
        news = article(column(county, ColumnKind.HEADLINES), title="县政府召开常务会议")
    views_at(at(2024, 12, 31, 23, 59), news, 4)
    views_at(at(2025, 1, 1, 0, 1), news, 3)  # Beijing time: the first minute of 2025
    views_at(at(2025, 12, 31, 23, 59), news, 2)
    views_at(at(2026, 1, 1, 8), news, 5)
    assert PageViewCount.objects.get(page=news).count == 14  # what citizens see under the article
    with time_machine.travel(at(2026, 1, 2), tick=False):
        report = generate_report(website_for_key("portal"), 2025)
    assert report.figures["total_visits"] == 5


def test_each_step_is_explicit_and_records_who_and_when(client, opened_department):
    editor = office(username="zhang")
    approver = office(username="li")
    with logged_in(client, editor, at(2026, 1, 10)):
        client.post("/admin/audit/yearly-reports/", {"site": "portal", "year": "2025"})
        report = WebsiteYearlyReport.objects.get(site_key="portal", year=2025)
        assert report.status == "draft" and report.edited_by == editor
        refused = client.post(f"/admin/audit/yearly-reports/{report.pk}/", {"action": "publish"})
    assert refused.status_code == 400 and "须先审核通过" in refused.content.decode()
    assert WebsiteYearlyReport.objects.get(pk=report.pk).page is None
    with logged_in(client, approver, at(2026, 1, 12, 9, 30)):
        assert client.post(f"/admin/audit/yearly-reports/{report.pk}/", {"action": "approve"}).status_code == 302
        twice = client.post(f"/admin/audit/yearly-reports/{report.pk}/", {"action": "approve"})
    assert twice.status_code == 400 and "没有待审核的修改" in twice.content.decode()
    report.refresh_from_db()
    assert (report.status, report.approved_by, report.approved_at) == ("approved", approver, at(2026, 1, 12, 9, 30))
    with logged_in(client, editor, at(2026, 1, 13, 15)):
        assert client.post(f"/admin/audit/yearly-reports/{report.pk}/", {"action": "publish"}).status_code == 302
        page = client.get(f"/admin/audit/yearly-reports/{report.pk}/").content.decode()
    report.refresh_from_db()
    assert (report.status, report.published_by, report.published_at) == ("published", editor, at(2026, 1, 13, 15))
    assert "已发布" in page and "zhang，2026-01-13 15:00" in page and "li，2026-01-12 09:30" in page
    # A change after publication is a new draft: the website keeps the approved version until the next approval.
    with logged_in(client, editor, at(2026, 1, 20)):
        assert client.post(f"/admin/audit/yearly-reports/{report.pk}/", {"unique_visitors": "777"}).status_code == 302
        refused = client.post(f"/admin/audit/yearly-reports/{report.pk}/", {"action": "publish"})
    report.refresh_from_db()
    assert refused.status_code == 400 and report.status == "draft" and report.approved_by is None
    assert report.figures["unique_visitors"] == 777
    assert "777" not in client.get("/wzndbb/2025/").content.decode()


def test_the_footer_links_to_the_published_reports_and_each_year_keeps_its_address(client, opened_department):
    user = office()
    assert "政府网站年度报表" not in client.get("/").content.decode()  # nothing published yet: no empty link
    website = website_for_key("portal")
    for year in (2024, 2025):
        with time_machine.travel(at(year + 1, 1, 15), tick=False):
            publish_report(approve_report(generate_report(website, year), user), website, user)
    home = client.get("/").content.decode()
    assert '<a href="/wzndbb/">政府网站年度报表</a>' in home
    listing = client.get("/wzndbb/").content.decode()
    assert "/wzndbb/2024/" in listing and "/wzndbb/2025/" in listing
    response = client.get("/wzndbb/2024/")
    assert response.status_code == 200 and "2024年政府网站工作年度报表" in response.content.decode()
    channel = client.get(opened_department.home_page.url).content.decode()
    assert '<a href="/wzndbb/">政府网站年度报表</a>' in channel  # a department channel is part of the portal website


def dashboard(client, moment):
    """The admin home at ``moment``, logged in afresh (an admin session ends after 30 idle minutes)."""
    with time_machine.travel(moment, tick=False):
        client.logout()
        client.force_login(client.user)
        return client.get("/admin/").content.decode()


def test_the_office_sees_the_reminder_from_1_january_until_the_report_is_published(client, opened_department):
    user = office(client)
    WebsiteYearlyReport.objects.create(site_key="portal", website_name="示例县人民政府", year=2024,
                                       status="published", published_at=at(2025, 1, 20))
    assert "政府网站工作年度报表待发布" not in dashboard(client, at(2025, 12, 31, 18))
    on_new_year = dashboard(client, at(2026, 1, 1, 8))
    assert "请于 2026-01-31 前发布2025年政府网站工作年度报表" in on_new_year and "已超过发布期限" not in on_new_year
    on_deadline = dashboard(client, at(2026, 1, 31, 20))
    assert "请于 2026-01-31 前发布" in on_deadline and "已超过发布期限" not in on_deadline
    overdue = dashboard(client, at(2026, 2, 1, 9))
    assert "已超过发布期限：2025年政府网站工作年度报表应于 2026-01-31 前" in overdue
    website = website_for_key("portal")
    with time_machine.travel(at(2026, 2, 3), tick=False):
        report = approve_report(generate_report(website, 2025), user)
    assert "已审核，待发布" in dashboard(client, at(2026, 2, 3, 10))  # approved is not yet published
    with time_machine.travel(at(2026, 2, 3, 11), tick=False):
        publish_report(report, website, user)
    assert "政府网站工作年度报表待发布" not in dashboard(client, at(2026, 2, 4))


def test_a_department_editor_is_not_shown_the_office_reminder(client, opened_department):
    client.user = user_in(opened_department.editors_group)
    assert "政府网站工作年度报表待发布" not in dashboard(client, at(2026, 2, 10))


def test_an_organisation_with_its_own_website_publishes_and_links_its_report_on_its_own_host(client, opened_department):
    """Sibling of the portal case: a website of its own (hostname and 标识码) gets the column under its own home."""
    user = office()
    with time_machine.travel(at(2025, 1, 2), tick=False):
        own = make_organisation("示例县公安局", "gaj", hostname="gaj.example.gov.cn", site_id_code="3301000012")
    website = website_for_key("3301000012")
    with time_machine.travel(at(2026, 1, 15), tick=False):
        page = publish_report(approve_report(generate_report(website, 2025), user), website, user)
    assert page.get_parent().get_parent().pk == own.home_page_id and page.slug == "2025"
    assert WebsiteYearlyReport.objects.get(site_key="3301000012").published_at == at(2026, 1, 15)
    own_home = client.get("/", HTTP_HOST="gaj.example.gov.cn").content.decode()
    assert '<a href="/wzndbb/">政府网站年度报表</a>' in own_home
    assert "政府网站年度报表" not in client.get("/").content.decode()  # the portal's own report is not published
