"""The information office's dashboard: who may see it, what it shows, how it sorts, filters and exports."""

import datetime
import io

import pytest
import time_machine
from openpyxl import load_workbook

from departments.roles import ensure_information_office_group
from portal.column_kinds import ColumnKind
from tests.audit.builders import published_at
from tests.audit.conftest import at
from tests.factories import user_in

NOW = at(2026, 3, 10, 12)


@pytest.fixture
def office_client(client, opened_department):
    client.force_login(user_in(ensure_information_office_group()))
    return client


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_a_department_editor_is_refused_the_dashboard_with_403(client, opened_department, frozen):
    client.force_login(user_in(opened_department.editors_group))
    assert client.get("/admin/audit/").status_code == 403
    assert client.get("/admin/audit/export/csv/").status_code == 403
    assert client.get(f"/admin/audit/organisation/{opened_department.slug}/").status_code == 403


def test_a_department_editor_cannot_change_the_rules(client, opened_department, frozen):
    from audit.models import ColumnRule

    client.force_login(user_in(opened_department.editors_group))
    rule = ColumnRule.objects.get(column_kind=ColumnKind.NEWS)
    response = client.get(f"/admin/audit/rules/columns/edit/{rule.pk}/")
    assert response.status_code == 302 and response.url == "/admin/"  # Wagtail's "permission denied" redirect


def test_the_office_sees_one_row_per_organisation_with_its_figures(office_client, opened_department, opened_township):
    published_at(at(2026, 3, 1), opened_department, ColumnKind.NEWS)
    with time_machine.travel(NOW, tick=False):
        response = office_client.get("/admin/audit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/wagtailadmin/" in html  # the dashboard is a Wagtail admin page
    assert "示例县教育局" in html and "城关镇人民政府" in html and "示例县人民政府" in html
    rows = {audit.slug: audit for audit in response.context["rows"]}
    assert rows["jyj"].items_30d == 1
    assert rows["jyj"].last_published.date() == datetime.date(2026, 3, 1)
    assert rows["cgz"].last_published is None
    assert rows["jyj"].rank == 1 and rows["jyj"].peers == 1
    assert rows["jyj"].overdue_messages is not None


def test_the_table_filters_townships_and_sorts_by_score(office_client, opened_department, opened_township):
    published_at(at(2026, 3, 1), opened_department, ColumnKind.NEWS)
    with time_machine.travel(NOW, tick=False):
        townships = office_client.get("/admin/audit/?kind=township")
        by_score = office_client.get("/admin/audit/?ordering=-score")
        by_name = office_client.get("/admin/audit/?ordering=name")
    assert [audit.slug for audit in townships.context["rows"]] == ["cgz"]
    scores = [audit.score.value for audit in by_score.context["rows"]]
    assert scores == sorted(scores, reverse=True)
    assert 'aria-sort="descending"' in by_score.content.decode()
    assert [audit.name for audit in by_name.context["rows"]] == sorted(audit.name for audit in by_name.context["rows"])


@pytest.mark.parametrize("query, message", [
    ("as_of=2026-13-45", "无法识别的日期"),
    ("as_of=yesterday", "无法识别的日期"),
    ("as_of=2026-03-11", "晚于今天"),
    ("kind=province", "未知的机构类型"),
    ("ordering=password", "不能按"),
])
def test_bad_parameters_get_a_chinese_message_and_400(office_client, frozen, query, message):
    response = office_client.get(f"/admin/audit/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_as_of_view_shows_the_audit_as_it_stood_that_day(office_client, opened_department):
    published_at(at(2026, 2, 1), opened_department, ColumnKind.NEWS)
    with time_machine.travel(NOW, tick=False):
        then = office_client.get("/admin/audit/?as_of=2026-02-05")
        now = office_client.get("/admin/audit/")
    jyj_then = next(audit for audit in then.context["rows"] if audit.slug == "jyj")
    assert jyj_then.items_30d == 1
    jyj_now = next(audit for audit in now.context["rows"] if audit.slug == "jyj")
    assert jyj_then.stale_columns == 0 and jyj_now.stale_columns == 1


def test_the_drill_down_lists_columns_with_status_and_an_accessible_chart(office_client, opened_department):
    published_at(at(2026, 1, 15), opened_department, ColumnKind.NEWS)
    published_at(at(2026, 3, 1), opened_department, ColumnKind.NOTICES, title="关于春季开学的通知", display_date=at(2025, 12, 1))
    with time_machine.travel(NOW, tick=False):
        response = office_client.get("/admin/audit/organisation/jyj/")
    assert response.status_code == 200
    html = response.content.decode()
    news = next(column for column in response.context["columns"] if column.kind == ColumnKind.NEWS)
    assert (news.days_since, news.limit_days, news.status) == (54, 14, "stale")
    assert 'role="img"' in html and "<title id=\"audit-monthly-title\">" in html and "<desc" in html
    assert "2026-01</th><td>1</td>" in html.replace("\n", "")
    assert "关于春季开学的通知" in html  # listed as a possible false date
    assert len(response.context["chart"].bars) == 24


def test_an_unknown_organisation_is_404(office_client, frozen):
    assert office_client.get("/admin/audit/organisation/nosuch/").status_code == 404


def test_the_table_exports_as_csv_and_xlsx_with_the_same_rows(office_client, opened_department, opened_township):
    with time_machine.travel(NOW, tick=False):
        csv_response = office_client.get("/admin/audit/export/csv/?kind=department")
        xlsx_response = office_client.get("/admin/audit/export/xlsx/?as_of=2026-03-01")
        bad = office_client.get("/admin/audit/export/pdf/")
    text = csv_response.content.decode("utf-8-sig")
    assert csv_response["Content-Disposition"].startswith("attachment")
    assert text.splitlines()[0].startswith("机构,英文标识,类型")
    assert "示例县教育局" in text and "城关镇" not in text
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert set(names) == {"示例县人民政府", "示例县教育局", "城关镇人民政府"}
    assert bad.status_code == 400


def test_the_menu_shows_the_audit_to_the_office_only(client, opened_department, frozen):
    client.force_login(user_in(ensure_information_office_group()))
    assert "/admin/audit/" in client.get("/admin/").content.decode()
    client.force_login(user_in(opened_department.editors_group))
    assert "/admin/audit/" not in client.get("/admin/").content.decode()
