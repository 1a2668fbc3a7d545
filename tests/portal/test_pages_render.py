"""What a citizen sees: the portal home aggregates every tree, sub-site homes and columns list their items.

Asserts content and links in the HTML, not styling (the front end owns the look).
"""

import datetime
import re

import pytest
from django.utils import timezone

from departments.models import Leader
from portal.column_kinds import ColumnKind
from tests import factories


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def html(client, url, status=200, **extra):
    response = client.get(url, **extra)
    assert response.status_code == status, url
    return response.content.decode()


def text_of(page_html):
    """The visible text, squeezed, for order-sensitive checks."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page_html))


@pytest.fixture
def county_with_content(county, department, township):
    portal = county
    factories.article(factories.column(portal, ColumnKind.HEADLINES), title="县委常委会研究部署冬春农田水利建设", display_date=days_ago(1))
    factories.article(factories.column(portal, ColumnKind.NOTICES), title="关于2026年元旦放假安排的通知", display_date=days_ago(2))
    factories.article(factories.column(department, ColumnKind.NEWS), title="教育局开展校园食品安全专项检查", display_date=days_ago(3))
    factories.article(factories.column(township, ColumnKind.NEWS), title="城关镇召开人居环境整治推进会", display_date=days_ago(4))
    factories.guide(factories.column(department, ColumnKind.GUIDES), title="义务教育阶段转学办理", display_date=days_ago(5))
    return {"county": county, "department": department, "township": township}


def test_the_portal_home_aggregates_every_tree_each_item_labelled(client, county_with_content):
    page = html(client, "/")
    for title in ("县委常委会研究部署冬春农田水利建设", "关于2026年元旦放假安排的通知",
                  "教育局开展校园食品安全专项检查", "城关镇召开人居环境整治推进会", "义务教育阶段转学办理"):
        assert title in page, title
    for heading in ("要闻动态", "通知公告", "部门动态", "乡镇动态", "办事服务"):
        assert heading in page, heading

    visible = text_of(page)
    assert re.search(r"教育局开展校园食品安全专项检查 教育局 \d{4}-\d\d-\d\d", visible), "部门动态 names the department"
    assert re.search(r"城关镇召开人居环境整治推进会 城关镇 \d{4}-\d\d-\d\d", visible), "乡镇动态 names the township"
    assert re.search(r"义务教育阶段转学办理 教育局", visible), "service guides name their organisation"


def test_the_portal_home_sorts_department_and_township_news_into_their_own_blocks(client, county_with_content):
    page = html(client, "/")
    departments_block = page[page.index("部门动态"):page.index("乡镇动态")]
    assert "教育局开展校园食品安全专项检查" in departments_block
    assert "城关镇召开人居环境整治推进会" not in departments_block


def test_the_portal_home_links_to_every_department_and_township(client, county_with_content):
    factories.make_organisation("示例县卫生健康局", "wjj", short_name="卫健局")
    page = html(client, "/")
    assert 'href="/departments/jyj/"' in page and "示例县教育局" in page
    assert 'href="/departments/wjj/"' in page and "示例县卫生健康局" in page
    assert 'href="/townships/cgz/"' in page and "城关镇人民政府" in page


def test_newest_first_and_limited_on_the_portal_home(client, county):
    column = factories.column(county, ColumnKind.HEADLINES)
    for number in range(1, 12):
        factories.article(column, title=f"第{number:02d}条要闻", display_date=days_ago(30 - number))
    page = html(client, "/")
    assert page.index("第11条要闻") < page.index("第10条要闻") < page.index("第05条要闻")
    assert "第01条要闻" not in page, "only the newest items_per_block items"


def test_a_department_home_shows_columns_latest_items_contacts_duties_leaders_and_the_way_back(client, county, department):
    department.address, department.phone, department.office_hours = "示例县文教路18号", "0571-88886666", "工作日 8:30-17:00"
    department.responsibilities = "<p>负责全县各级各类教育的统筹规划和管理。</p>"
    department.save()
    Leader.objects.create(organisation=department, name="李明", position="局长", duties="主持全面工作", sort_order=0)
    factories.article(factories.column(department, ColumnKind.NEWS), title="较早的工作动态", display_date=days_ago(10))
    factories.article(factories.column(department, ColumnKind.NEWS), title="最新的工作动态", display_date=days_ago(1))
    factories.policy(factories.column(department, ColumnKind.POLICIES), title="关于进一步规范中小学办学行为的通知", number="示教〔2026〕3号")

    page = html(client, "/departments/jyj/")
    for column_title in ("工作动态", "通知公告", "政策文件", "政策解读", "办事指南", "人事信息", "规划计划", "财政资金", "机构概况"):
        assert column_title in page, column_title
    assert page.index("最新的工作动态") < page.index("较早的工作动态")
    assert "关于进一步规范中小学办学行为的通知" in page
    assert 'href="/departments/jyj/gzdt/"' in page
    for fact in ("示例县文教路18号", "0571-88886666", "工作日 8:30-17:00", "负责全县各级各类教育的统筹规划和管理。", "李明", "局长", "主持全面工作"):
        assert fact in page, fact
    assert "返回县政府门户网站" in page and 'href="/"' in page


def test_a_department_home_shows_nothing_from_other_trees(client, county_with_content):
    page = html(client, "/departments/jyj/")
    assert "城关镇召开人居环境整治推进会" not in page
    assert "县委常委会研究部署冬春农田水利建设" not in page


def test_a_column_lists_its_items_newest_first_with_pagination(client, department):
    column = factories.column(department, ColumnKind.NOTICES)
    column.per_page = 5
    column.save_revision().publish()
    for number in range(1, 13):
        factories.article(column, title=f"通知第{number:02d}号", display_date=days_ago(20 - number))

    first = html(client, "/departments/jyj/tzgg/")
    assert first.index("通知第12号") < first.index("通知第11号") < first.index("通知第08号")
    assert "通知第07号" not in first
    assert 'href="?page=2"' in first

    second = html(client, "/departments/jyj/tzgg/?page=2")
    assert "通知第07号" in second and "通知第03号" in second and "通知第12号" not in second
    third = html(client, "/departments/jyj/tzgg/?page=3")
    assert "通知第01号" in third and "通知第02号" in third


@pytest.mark.parametrize("bad", ["abc", "0", "-1", "999", "2.5", ""])
def test_bad_page_numbers_never_fail(client, department, bad):
    column = factories.column(department, ColumnKind.NOTICES)
    for number in range(1, 4):
        factories.article(column, title=f"公告{number}", display_date=days_ago(number))
    page = html(client, f"/departments/jyj/tzgg/?page={bad}")
    assert "公告1" in page


def test_an_empty_column_says_so(client, department):
    assert "暂无信息" in html(client, "/departments/jyj/rsxx/")


def test_an_article_shows_its_title_date_source_and_body(client, department):
    factories.article(factories.column(department), title="全县教育系统安全工作会议召开", body="会议要求各校落实安全责任。",
                      display_date=timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 30)))
    article_url = factories.column(department).get_children().get().url
    page = html(client, article_url)
    assert "全县教育系统安全工作会议召开" in page
    assert "会议要求各校落实安全责任。" in page
    assert "2026-03-02" in page
    assert "示例县教育局" in page


@pytest.mark.parametrize("url", ["/no-such-page/", "/departments/jyj/no-such-column/", "/departments/nobody/"])
def test_unknown_urls_get_a_chinese_404(client, department, url):
    page = html(client, url, status=404)
    assert "抱歉，您访问的页面不存在" in page
    assert '<html lang="zh-CN"' in page
