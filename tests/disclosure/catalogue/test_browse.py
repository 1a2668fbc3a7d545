"""Citizens browse the catalogue: filters with counts, newest first, pages, the guide, index-number lookup."""

import datetime

import pytest
from django.urls import resolve
from django.utils import timezone

from disclosure.catalogue.filters import facet_choices
from disclosure.models import CatalogueEntry, Topic
from portal.column_kinds import ColumnKind
from portal.taxonomy import Validity
from tests import factories


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def catalogue(department, township):
    """Five public items in two organisations and one withdrawn item."""
    education = Topic.objects.get(name="教育", parent__name="科技、教育")
    policies = factories.column(department, ColumnKind.POLICIES)
    items = {
        "policy": factories.policy(policies, title="关于做好秋季学期开学工作的通知", display_date=days_ago(3), topic=education),
        "repealed": factories.policy(
            policies, title="关于旧收费标准的通知", number="示教发〔2023〕3号", validity=Validity.REPEALED,
            repealed_on=datetime.date(2024, 1, 1), display_date=datetime.datetime(2023, 5, 1, 9, tzinfo=datetime.UTC),
        ),
        "news": factories.article(factories.column(department), title="县教育局召开安全工作会议", display_date=days_ago(1)),
        "town": factories.article(factories.column(township), title="城关镇开展防汛演练", display_date=days_ago(2)),
        "guide": factories.guide(factories.column(township, ColumnKind.GUIDES), display_date=days_ago(5)),
    }
    gone = factories.article(factories.column(township), title="已撤回的旧闻", display_date=days_ago(4))
    gone.unpublish()
    items["gone"] = gone
    return items


def test_the_county_catalogue_lists_public_items_newest_first(client, catalogue):
    response = client.get("/disclosure/")
    assert response.status_code == 200
    html = response.content.decode()
    titles = ["县教育局召开安全工作会议", "城关镇开展防汛演练", "关于做好秋季学期开学工作的通知", "城乡居民基本养老保险参保登记", "关于旧收费标准的通知"]
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions)
    assert "已撤回的旧闻" not in html
    assert CatalogueEntry.objects.get(page_key=catalogue["policy"].pk).index_number in html
    assert "共 5 条信息" in html


def test_filters_narrow_the_list(client, catalogue, department):
    html = client.get("/disclosure/", {"org": department.slug, "validity": "valid"}).content.decode()
    assert "关于做好秋季学期开学工作的通知" in html and "县教育局召开安全工作会议" in html
    assert "城关镇开展防汛演练" not in html and "关于旧收费标准的通知" not in html

    html = client.get("/disclosure/", {"year": "2023"}).content.decode()
    assert "关于旧收费标准的通知" in html and "共 1 条信息" in html

    html = client.get("/disclosure/", {"genre": "service_guide"}).content.decode()
    assert "城乡居民基本养老保险参保登记" in html and "共 1 条信息" in html


def test_a_top_level_topic_finds_items_filed_under_its_subtopics(client, catalogue):
    parent = Topic.objects.get(name="科技、教育", parent=None)
    html = client.get("/disclosure/", {"topic": parent.pk}).content.decode()
    assert "关于做好秋季学期开学工作的通知" in html and "共 1 条信息" in html


def test_each_choice_shows_how_many_items_it_would_show(catalogue, department, township):
    base = CatalogueEntry.objects.public()
    choices = facet_choices(base, {"org": department})
    orgs = {choice.value: choice.count for choice in choices["org"]}
    assert orgs == {department.slug: 3, township.slug: 2}  # the org facet ignores the org filter itself
    validity = {choice.value: choice.count for choice in choices["validity"]}
    assert validity == {"valid": 2, "repealed": 1}  # the other facets count within the chosen organisation
    years = {choice.value: choice.count for choice in choices["year"]}
    assert years["2023"] == 1
    topics = {choice.label: choice.count for choice in choices["topic"]}
    assert topics == {"科技、教育": 1, "教育": 1}


# Five facet counts, the page of entries and the chrome (site, identity, menus, the footer's 政府网站年度报表 link,
# looked up once per page-cache generation): a fixed number however many items there are.
PAGE_QUERIES = 21


def test_counts_are_aggregate_queries_not_one_query_per_item(client, catalogue, django_assert_max_num_queries):
    with django_assert_max_num_queries(PAGE_QUERIES):
        response = client.get("/disclosure/")
    factories.article(factories.column(catalogue["news"].organisation), title="再多一条")
    with django_assert_max_num_queries(PAGE_QUERIES):
        assert client.get("/disclosure/").status_code == 200
    assert "（3）" in response.content.decode()  # 教育局 has three public items


def test_pages_keep_the_filters(client, catalogue, department, monkeypatch):
    monkeypatch.setattr("disclosure.catalogue.views.PER_PAGE", 2)
    first = client.get("/disclosure/", {"org": department.slug}).content.decode()
    assert "第 1 / 2 页" in first
    assert "org=jyj&amp;page=2" in first
    second = client.get("/disclosure/", {"org": department.slug, "page": "2"}).content.decode()
    assert "关于旧收费标准的通知" in second and "共 3 条信息" in second


@pytest.mark.parametrize(
    "query, message",
    [
        ({"page": "abc"}, "页码必须是正整数"),
        ({"page": "0"}, "页码必须是正整数"),
        ({"org": "no-such-org"}, "没有找到这个发布机构"),
        ({"topic": "99999"}, "没有这个主题分类"),
        ({"topic": "abc"}, "没有这个主题分类"),
        ({"genre": "poem"}, "没有这个体裁"),
        ({"year": "twenty"}, "年份应为四位数字"),
        ({"year": "20250"}, "年份应为四位数字"),
        ({"validity": "maybe"}, "有效性只能是"),
    ],
)
def test_bad_input_gets_a_clear_message_not_an_error(client, catalogue, query, message):
    response = client.get("/disclosure/", query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_page_past_the_end_is_empty_and_says_so(client, catalogue):
    response = client.get("/disclosure/", {"page": "99"})
    assert response.status_code == 200
    assert "第 99 页没有信息，共 1 页" in response.content.decode()


def test_an_organisation_page_has_its_catalogue_guide_and_report_section(client, catalogue, department):
    department.address = "示例县人民路1号"
    department.phone = "0571-12345678"
    department.fax = "0571-12345679"
    department.office_hours = "工作日 8:30-17:00"
    department.email = "jyj@example.gov.cn"
    department.save()

    response = client.get(f"/disclosure/{department.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "信息公开指南" in html
    for fact in ("示例县人民路1号", "0571-12345678", "0571-12345679", "工作日 8:30-17:00", "jyj@example.gov.cn"):
        assert fact in html
    assert "关于做好秋季学期开学工作的通知" in html
    assert "城关镇开展防汛演练" not in html
    assert "暂无年度报告" in html
    assert "共 3 条信息" in html


def test_an_organisation_page_filters_and_refuses_bad_input(client, catalogue, department):
    html = client.get(f"/disclosure/{department.slug}/", {"validity": "repealed"}).content.decode()
    assert "关于旧收费标准的通知" in html and "共 1 条信息" in html
    assert client.get(f"/disclosure/{department.slug}/", {"page": "x"}).status_code == 400


def test_an_unknown_organisation_gets_a_chinese_404(client, catalogue):
    response = client.get("/disclosure/nobody/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_the_application_pages_are_not_shadowed_by_organisation_pages():
    assert resolve("/disclosure/apply/").namespace == "disclosure_applications"
    assert resolve("/disclosure/jyj/").url_name == "organisation"


def test_an_index_number_leads_to_the_live_page(client, catalogue):
    entry = CatalogueEntry.objects.get(page_key=catalogue["policy"].pk)
    assert "/" in entry.index_number
    response = client.get(f"/disclosure/item/{entry.index_number}/")
    assert response.status_code == 302
    assert response["Location"] == entry.path, "on the host that asked: relative, never a stored host"


def test_a_withdrawn_index_number_shows_when_and_why(client, catalogue):
    entry = CatalogueEntry.objects.get(page_key=catalogue["gone"].pk)
    response = client.get(f"/disclosure/item/{entry.index_number}/")
    html = response.content.decode()
    assert response.status_code == 410
    assert "该信息已撤回" in html
    assert entry.withdrawal_reason in html
    assert timezone.localtime(entry.withdrawn_at).strftime("%Y-%m-%d %H:%M") in html


def test_an_unknown_index_number_gets_a_chinese_404(client, catalogue):
    response = client.get("/disclosure/item/000000000/2025-99999/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_counts_are_cached_until_the_catalogue_changes(client, catalogue, department):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def grouped_queries():
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/disclosure/", {"genre": "news"}).content.decode()
        return sum("GROUP BY" in query["sql"] for query in queries.captured_queries), html

    first, _html = grouped_queries()
    again, html = grouped_queries()
    assert first == 5 and again == 0
    assert f'value="{department.slug}">示例县教育局（1）' in html

    factories.article(factories.column(department), title="又一条教育新闻")
    after, html = grouped_queries()
    assert after == 5
    assert f'value="{department.slug}">示例县教育局（2）' in html
