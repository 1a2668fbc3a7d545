"""More of the county in one search: documents, service guides, public letters with their replies and
organisations (职能, 地址, 电话), each with its kind (文件资料 / 办事服务 / 互动交流 / 机构), a 类别 facet with
counts and ``?kind=``; letters only as their public page shows them, and only while public."""

import datetime

from disclosure.search.kinds import ResultKind
from interaction.handling import decide_publication, reply
from tests import factories
from tests.disclosure.search.helpers import find, titles
from tests.interaction.builders import letter, mailbox_of

# A resident identity card number with a valid GB 11643 check character, and a mobile number.
ID_NUMBER = "11010519491231002X"
MOBILE = "13912345678"


def _public_letter(department, subject, message, answer, **fields):
    item = letter(mailbox_of(department), datetime.date(2026, 11, 2), subject=subject, message=message, **fields)
    reply(item, answer, actor=None)
    return item


def _kinds(outcome):
    return {result["title"]: result["kind"] for result in outcome.results}


def test_each_kind_is_found_by_a_word_of_its_own_text(department, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="秋季学期工作安排", body="全县中小学推进课后延时服务。")
        factories.guide(factories.column(department, factories.ColumnKind.GUIDES), title="教师资格认定",
                        location="县政务服务中心二楼七号窗口")
        _public_letter(department, "关于校车接送时间的咨询", "希望校车能在城西片区增设停靠点。",
                       "已协调客运公司在青石桥增设停靠点。")
        department.address = "示例县文昌路八号"
        department.phone = "0571-86001234"
        department.responsibilities = "<p>负责全县学前教育和义务教育的统筹规划。</p>"
        department.save()

    assert _kinds(find("课后延时")) == {"秋季学期工作安排": "document"}
    assert _kinds(find("二楼七号窗口")) == {"教师资格认定": "service"}  # a service guide field (办理地点)
    assert _kinds(find("城西片区")) == {"关于校车接送时间的咨询": "interaction"}  # the letter
    assert _kinds(find("青石桥")) == {"关于校车接送时间的咨询": "interaction"}  # its reply
    assert _kinds(find("文昌路")) == {"示例县教育局": "organisation"}  # 地址
    assert _kinds(find("86001234")) == {"示例县教育局": "organisation"}  # 电话
    assert _kinds(find("学前教育")) == {"示例县教育局": "organisation"}  # 职能


def test_a_public_letter_result_shows_what_its_public_page_shows_and_links_to_it(client, department, search_index,
                                                                                indexed):
    with indexed():
        item = _public_letter(department, "青石桥路面坑洼", "青石桥北侧路面坑洼，雨天积水。", "已安排修补。", name="李大山")
    body = client.get("/api/search/", {"q": "青石桥"}).json()
    (result,) = body["results"]
    assert result["kind"] == "interaction" and result["index_number"] == ""
    assert result["organisation"]["name"] == "示例县教育局"
    assert result["url"].endswith(f"/interaction/mailbox/{item.mailbox.slug}/letters/{item.pk}/")
    assert client.get(result["url"]).status_code == 200
    assert "<mark>青石桥</mark>" in result["snippet"]
    page = client.get("/search/", {"q": "青石桥"}).content.decode()
    assert "互动交流" in page and "答复日期：" in page
    # The writer's name and contact details are in no result and find nothing.
    for query in ("李大山", "13812345678", "wxm@example.com"):
        assert titles(find(query)) == []
    assert "李大山" not in page and "13812345678" not in page


def test_numbers_in_a_letter_are_masked_in_results_and_highlights_as_on_its_page(client, department, search_index,
                                                                                indexed):
    with indexed():
        item = _public_letter(
            department, "低保复核进度咨询",
            f"我的身份证号是{ID_NUMBER}，电话{MOBILE}，想了解低保复核进度。",
            f"请致电回访。已核实身份证{ID_NUMBER}对应的申请，复核将于月底完成。",
        )
    public_page = client.get(f"/interaction/mailbox/{item.mailbox.slug}/letters/{item.pk}/").content.decode()
    assert ID_NUMBER not in public_page and MOBILE not in public_page
    assert "1101**********002X" in public_page and "139****5678" in public_page

    for query in ("低保复核", "5678", "002X", "1101"):
        api = client.get("/api/search/", {"q": query})
        text = api.content.decode()
        page = client.get("/search/", {"q": query}).content.decode()
        assert api.json()["count"] == 1, query
        for html in (text, page):
            assert ID_NUMBER not in html and MOBILE not in html, query
            assert "12345678" not in html and "19491231" not in html, query
    # Highlighting marks the masked text's own characters, never the hidden ones.
    snippet = client.get("/api/search/", {"q": "5678"}).json()["results"][0]["snippet"]
    assert "139****<mark>5678</mark>" in snippet
    # The hidden digits are not in the index: nothing finds the letter by them.
    for hidden in ("12345678", "91234", "19491231", MOBILE, ID_NUMBER):
        assert titles(find(hidden)) == [], hidden


def test_letters_not_answered_not_consented_or_held_back_are_never_found(department, search_index, indexed):
    box = mailbox_of(department)
    with indexed():
        letter(box, datetime.date(2026, 11, 2), subject="菜市场排水沟堵塞待处理")
        private = letter(box, datetime.date(2026, 11, 3), subject="菜市场排水沟不同意公开", may_publish=False)
        reply(private, "已疏通。", actor=None)
        held = letter(box, datetime.date(2026, 11, 4), subject="菜市场排水沟涉及隐私")
        reply(held, "已疏通。", actor=None)
        decide_publication(held, publish=False, actor=None, reason="涉及他人隐私")
        shown = letter(box, datetime.date(2026, 11, 5), subject="菜市场排水沟已公开")
        reply(shown, "已疏通。", actor=None)
    assert titles(find("菜市场排水沟")) == ["菜市场排水沟已公开"]


def test_a_withdrawn_letter_leaves_search_through_the_catalogue_change_signal(department, search_index, indexed):
    from disclosure.catalogue.signals import catalogue_changed
    from interaction.models import Letter

    with indexed():
        item = _public_letter(department, "幸福路路灯不亮", "幸福路中段路灯两周不亮。", "路灯已修复。")
    assert titles(find("幸福路")) == ["幸福路路灯不亮"]

    announced = []

    def receiver(sender, entry_ids, kind, **kwargs):
        announced.append((kind, set(entry_ids)))

    catalogue_changed.connect(receiver, sender=Letter)
    try:
        with indexed():
            decide_publication(item, publish=False, actor=None, reason="来信人要求撤回公开")
    finally:
        catalogue_changed.disconnect(receiver, sender=Letter)
    assert announced == [("withdraw", {item.pk})]
    assert titles(find("幸福路")) == []

    with indexed():
        decide_publication(Letter.objects.get(pk=item.pk), publish=True, actor=None)
    assert titles(find("幸福路")) == ["幸福路路灯不亮"]


def test_an_organisation_leaves_search_when_deactivated_or_its_home_page_is_unpublished(department, search_index,
                                                                                      indexed):
    from wagtail.models import Page

    with indexed():
        department.address = "示例县文昌路八号"
        department.save()
    assert titles(find("文昌路")) == ["示例县教育局"]
    with indexed():
        department.active = False
        department.save()
    assert titles(find("文昌路")) == []
    with indexed():
        department.active = True
        department.save()
    assert titles(find("文昌路")) == ["示例县教育局"]
    with indexed():
        Page.objects.get(pk=department.home_page_id).specific.unpublish()
    assert titles(find("文昌路")) == []


def test_kind_facet_counts_every_kind_and_the_api_filters_by_kind(client, department, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="幸福路改造工程公示")
        factories.article(factories.column(department), title="幸福路沿街立面整治")
        factories.guide(factories.column(department, factories.ColumnKind.GUIDES), title="占道施工许可",
                        location="幸福路政务服务中心")
        _public_letter(department, "幸福路路灯不亮", "路灯两周不亮。", "已修复。")
        department.address = "示例县幸福路八号"
        department.save()

    body = client.get("/api/search/", {"q": "幸福路"}).json()
    assert body["count"] == 5
    assert body["facets"]["kind"] == [
        {"value": "document", "label": "文件资料", "count": 2},
        {"value": "service", "label": "办事服务", "count": 1},
        {"value": "interaction", "label": "互动交流", "count": 1},
        {"value": "organisation", "label": "机构", "count": 1},
    ]
    for kind, expected in (("document", {"幸福路改造工程公示", "幸福路沿街立面整治"}), ("service", {"占道施工许可"}),
                           ("interaction", {"幸福路路灯不亮"}), ("organisation", {"示例县教育局"})):
        narrowed = client.get("/api/search/", {"q": "幸福路", "kind": kind}).json()
        assert {result["title"] for result in narrowed["results"]} == expected, kind
        assert {result["kind"] for result in narrowed["results"]} == {kind}
        assert narrowed["count"] == len(expected)
    # Existing fields are unchanged: a letter has them too, empty where it has no value.
    fields = {"title", "url", "index_number", "organisation", "genre", "kind", "topic", "published_at", "snippet"}
    assert all(set(result) == fields for result in body["results"])

    page = client.get("/search/", {"q": "幸福路"}).content.decode()
    for label in ResultKind.labels:
        assert str(label) in page
    assert "kind=interaction" in page and "kind=organisation" in page


def test_an_unknown_kind_is_a_json_400_in_chinese(client, department, search_index):
    response = client.get("/api/search/", {"q": "幸福路", "kind": "letters"})
    assert response.status_code == 400 and response["Content-Type"].startswith("application/json")
    assert "类别" in response.json()["detail"]


def test_result_rows_are_read_by_key_without_an_order_that_scans_every_entry(department, search_index, indexed):
    """With ORDER BY display_date, SQLite walked the (status, date) index over every public entry to read the 20
    rows of a page: 20–70 ms at 100,000 entries instead of about 1 (benchmarks/search_bench.py)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with indexed():
        factories.article(factories.column(department), title="校车接送时间调整", body="城西片区增设停靠点。")
        _public_letter(department, "关于校车接送时间的咨询", "希望校车能增设停靠点。", "已协调增设停靠点。")
        department.responsibilities = "<p>负责校车接送的统筹管理。</p>"
        department.save()
    with CaptureQueriesContext(connection) as queries:
        assert sorted(_kinds(find("校车")).values()) == ["document", "interaction", "organisation"]
    by_key = [query["sql"] for query in queries.captured_queries
              if ".\"id\" IN (" in query["sql"] and query["sql"].lstrip().startswith("SELECT")
              and any(table in query["sql"].split(" WHERE ")[0] for table in
                      ('FROM "disclosure_catalogueentry"', 'FROM "interaction_letter"', 'FROM "departments_organisation"'))]
    assert len(by_key) == 3
    assert [sql for sql in by_key if "ORDER BY" in sql] == []
