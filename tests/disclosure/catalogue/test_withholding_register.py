"""保密审查 follow-up (条例 art. 17): the catalogue's "no review record" filter and the register of decisions
not to publish proactively (不予主动公开登记), seen by the office and by each organisation for its own."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from departments.roles import INFORMATION_OFFICE_GROUP, ensure_information_office_group
from disclosure.catalogue.withholding import decision_rows, withholding_decisions
from disclosure.models import CatalogueEntry
from portal.models import ArticlePage
from portal.taxonomy import DisclosureMode
from tests import factories
from tests.disclosure.catalogue.test_confidentiality_review import add_url, article_post

pytestmark = pytest.mark.django_db

REASON = "涉及个人隐私，依据《政府信息公开条例》第十五条不予公开。"


@pytest.fixture
def office():
    ensure_information_office_group()
    return factories.user_in(Group.objects.get(name=INFORMATION_OFFICE_GROUP), username="xxb")


@pytest.fixture
def approver(department):
    return factories.user_in(department.approvers_group, username="jyj-approver", first_name="丽", last_name="王")


def withhold(client, user, organisation, slug, mode=DisclosureMode.WITHHELD, reason=REASON):
    """Save (not publish) a new item with a decision not to publish it proactively, through the admin form."""
    client.force_login(user)
    response = client.post(add_url(factories.column(organisation)), article_post(slug, mode, reason))
    assert response.status_code == 302
    return ArticlePage.objects.get(slug=slug)


def register_text(client, user, query=""):
    client.force_login(user)
    response = client.get(reverse("withholding_register") + query)
    assert response.status_code == 200
    return response.content.decode()


# --- the catalogue's 保密审查记录 filter -----------------------------------------------------------------------

def test_the_catalogue_listing_filters_entries_published_without_a_review_record(client, office, department, approver):
    column = factories.column(department)
    reviewed = factories.publish(column, ArticlePage(title="已审查的通知", body=[("paragraph", "<p>一</p>")]), user=approver)
    factories.article(column, title="脚本导入的旧信息")  # no person behind it: no review record
    assert CatalogueEntry.objects.get(page=reviewed).confidentiality_reviewer == "王丽（jyj-approver）"

    client.force_login(office)
    missing = client.get(reverse("catalogue:index"), {"review_record": "missing"}).content.decode()
    assert "脚本导入的旧信息" in missing and "已审查的通知" not in missing
    present = client.get(reverse("catalogue:index"), {"review_record": "present"}).content.decode()
    assert "已审查的通知" in present and "脚本导入的旧信息" not in present
    assert "无审查记录" in client.get(reverse("catalogue:index")).content.decode()


def test_a_made_up_review_record_filter_value_is_not_a_server_error(client, office, department):
    factories.article(factories.column(department), title="脚本导入的旧信息")
    client.force_login(office)
    response = client.get(reverse("catalogue:index"), {"review_record": "<script>"})
    assert response.status_code == 200


# --- the register ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", [DisclosureMode.ON_APPLICATION, DisclosureMode.WITHHELD])
def test_a_saved_decision_not_to_publish_is_in_the_register_with_reason_organisation_reviewer_and_time(
        client, office, department, approver, mode):
    page = withhold(client, approver, department, "private", mode)
    (row,) = decision_rows(withholding_decisions())
    assert (row.page_id, row.mode, row.reason, row.organisation, row.decided_by, row.live) == (
        page.pk, mode, REASON, "示例县教育局", "王丽（jyj-approver）", False)
    assert row.decided_at == page.latest_revision.created_at

    html = register_text(client, office)
    for shown in ("城关镇低保对象家庭经济状况核查情况", str(mode.label), REASON, "示例县教育局", "王丽（jyj-approver）",
                  f"{timezone.localtime(row.decided_at):%Y-%m-%d %H:%M}", "未在网站发布"):
        assert shown in html


def test_proactive_items_and_decisions_reversed_before_publishing_are_not_in_the_register(client, department, approver):
    factories.publish(factories.column(department), ArticlePage(title="公开的", body=[("paragraph", "<p>一</p>")]),
                      user=approver)
    page = withhold(client, approver, department, "reconsidered")
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]),
                article_post("reconsidered", DisclosureMode.PROACTIVE, **{"action-publish": "1"}))
    page.refresh_from_db()
    assert page.live
    assert list(withholding_decisions()) == []


def test_a_live_item_later_decided_not_to_publish_is_flagged_for_withdrawal(department, approver):
    page = factories.publish(factories.column(department), ArticlePage(title="工作动态", body=[("paragraph", "<p>一</p>")]),
                             user=approver)
    page.disclosure_mode, page.withholding_reason = DisclosureMode.WITHHELD, "属于内部事务信息（条例第十六条）。"
    page.save_revision(user=approver)
    (row,) = decision_rows(withholding_decisions())
    assert row.live and row.site_status == "网站上仍有已发布的版本，应撤回"


def test_each_organisation_sees_its_own_decisions_and_the_office_sees_all(client, office, department, township, approver):
    township_editor = factories.user_in(township.editors_group, username="cgz-editor")
    withhold(client, approver, department, "jyj-private")
    withhold(client, township_editor, township, "cgz-private", reason="属于过程性信息（条例第十六条第二款）。")

    department_view = register_text(client, approver)
    assert REASON in department_view and "属于过程性信息" not in department_view
    township_view = register_text(client, township_editor)
    assert "属于过程性信息" in township_view and REASON not in township_view
    office_view = register_text(client, office)
    assert REASON in office_view and "属于过程性信息" in office_view
    # The office narrows to one organisation; an organisation cannot widen to another's with the filter.
    assert REASON not in register_text(client, office, f"?organisation={township.pk}")
    assert REASON not in register_text(client, township_editor, f"?organisation={department.pk}")


def test_people_with_no_organisation_are_refused_and_do_not_see_the_menu_entry(client, department, approver):
    withhold(client, approver, department, "private")
    outsider = User.objects.create_user("outsider", password="pw")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    assert client.get(reverse("withholding_register")).status_code == 403
    assert client.get(reverse("withholding_register_results")).status_code == 403
    assert reverse("withholding_register") not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(approver)
    assert reverse("withholding_register") in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_register_exports_as_csv_and_xlsx_in_beijing_time(client, office, department, approver):
    withhold(client, approver, department, "private")
    client.force_login(office)
    response = client.get(reverse("withholding_register"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    decided_at = timezone.localtime(ArticlePage.objects.get(slug="private").latest_revision.created_at)
    assert decided_at.utcoffset() == datetime.timedelta(hours=8)
    assert rows == [
        ["标题", "公开属性", "不予主动公开的理由和依据", "机构", "审查人", "审查时间", "网站状态"],
        ["城关镇低保对象家庭经济状况核查情况", "不予公开", REASON, "示例县教育局", "王丽（jyj-approver）",
         f"{decided_at:%Y-%m-%d %H:%M}", "未在网站发布"],
    ]
    response = client.get(reverse("withholding_register"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [cell.value for cell in sheet[2]] == rows[1]


@pytest.mark.parametrize("query", ["?organisation=abc", "?decision_mode=proactive", "?decided_at_after=2026-13-45",
                                   "?organisation=99999"])
def test_bad_filter_values_are_not_server_errors(client, office, department, approver, query):
    withhold(client, approver, department, "private")
    client.force_login(office)
    assert client.get(reverse("withholding_register") + query).status_code == 200


def test_a_decision_date_on_a_calendar_edge_is_a_filter_error_not_a_500(client, office, department):
    page = register_text(client, office, "?decided_at_from=0001-01-01")
    assert "日期应在 1900-01-01 至 2999-12-31 之间。" in page
