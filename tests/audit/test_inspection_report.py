"""The dashboard leads with websites; the printable inspection report shows each veto with its evidence."""

import io

import time_machine
from openpyxl import load_workbook

from departments.models import Organisation
from departments.roles import ensure_information_office_group
from portal.column_kinds import ColumnKind
from tests.audit.builders import published_at
from tests.audit.conftest import at
from tests.factories import user_in

NOW = at(2026, 3, 10, 12)


def office(client):
    client.force_login(user_in(ensure_information_office_group()))


def test_the_dashboard_leads_with_the_failing_portal_in_large_type(client, opened_township):
    county = Organisation.objects.get(kind=Organisation.Kind.COUNTY)
    published_at(at(2026, 3, 1), county, ColumnKind.HEADLINES)
    published_at(at(2026, 3, 2), opened_township, ColumnKind.NEWS, title="白沙乡召开春耕动员会", display_date=at(2026, 2, 20))
    office(client)
    with time_machine.travel(NOW, tick=False):
        page = client.get("/admin/audit/").content.decode()
    assert page.index("按网站检查") < page.index("各栏目（子站）明细")
    assert "audit-verdict audit-verdict--fail" in page
    assert "单项否决：检查不合格" in page
    assert "疑似伪造发稿日期</strong>：显示的发布日期与实际首次发布时间相差超过 1 天的信息 1 条" in page


def test_the_printable_report_cites_the_evidence_and_the_xlsx_holds_the_same(client, opened_township):
    county = Organisation.objects.get(kind=Organisation.Kind.COUNTY)
    published_at(at(2026, 3, 1), county, ColumnKind.HEADLINES)
    published_at(at(2026, 3, 2), opened_township, ColumnKind.NEWS, title="白沙乡召开春耕动员会", display_date=at(2026, 2, 20))
    office(client)
    with time_machine.travel(NOW, tick=False):
        html = client.get("/admin/audit/report/?as_of=2026-03-09").content.decode()
        workbook = client.get("/admin/audit/report/xlsx/?as_of=2026-03-09")
        refused = client.get("/admin/audit/report/?as_of=2026-13-01")
        unknown = client.get("/admin/audit/report/?site=nosuchsite")
    assert "政府网站检查报告（截至 2026-03-09）" in html
    assert "检查结论：单项否决，不合格" in html
    assert "白沙乡召开春耕动员会" in html and "2026-02-20" in html and "2026-03-02" in html
    sheet = load_workbook(io.BytesIO(workbook.content))["问题与证据"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert any(row[2] == "疑似伪造发稿日期" and "白沙乡召开春耕动员会" in row[5] for row in rows)
    assert refused.status_code == 400 and "YYYY-MM-DD" in refused.content.decode()
    assert unknown.status_code == 400


def test_the_website_drill_down_lists_its_channels(client, opened_township):
    office(client)
    with time_machine.travel(NOW, tick=False):
        response = client.get("/admin/audit/website/portal/")
        missing = client.get("/admin/audit/website/0000000000/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "城关镇人民政府" in page and "示例县教育局" in page
    assert missing.status_code == 404


def test_a_department_editor_cannot_open_the_inspection_report(client, opened_department):
    client.force_login(user_in(opened_department.editors_group))
    assert client.get("/admin/audit/report/").status_code == 403
