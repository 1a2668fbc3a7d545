"""What a citizen sees on each page type: identity, menus from the live tree, breadcrumbs, dates, attachments."""

import pytest
from django.template import loader

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(county_pages):
    return county_pages


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_portal_home_shows_the_county_emblem_aggregations_and_a_menu_built_from_the_tree(client, site):
    html = html_of(client, "/")
    assert "<svg class=\"emblem\"" in html and ">示</text>" in html
    for heading in ("要闻动态", "通知公告", "部门动态", "乡镇动态", "办事服务", "部门网站", "乡镇网站"):
        assert heading in html
    nav = html.split('aria-label="主导航"')[1].split("</nav>")[0]
    for title, url in (("要闻动态", "/yw/"), ("部门", "/departments/"), ("乡镇", "/townships/"),
                       ("政府信息公开", "/disclosure/"), ("政民互动", "/interaction/"), ("搜索", "/search/")):
        assert f'href="{url}"' in nav and title in nav
    assert 'aria-current="page"' in nav
    assert "县教育局开展秋季学期校园安全大检查" in html and "教育局" in html


def test_a_column_hidden_from_menus_leaves_the_main_menu(client, site):
    column = factories.column(site["county"], "interpretations")
    column.show_in_menus = False
    column.save_revision().publish()
    nav = html_of(client, "/").split('aria-label="主导航"')[1].split("</nav>")[0]
    assert "政策解读" not in nav


def test_department_home_has_its_own_name_menu_and_way_back_in_the_portals_colours(client, site):
    html = html_of(client, site["education"].home_page.url)
    assert "<style nonce=" in html and ":root{--brand:#b31b1b;" in html and "--banner:#b31b1b;" in html
    assert '<span class="site-name-main">示例县教育局</span>' in html
    nav = html.split('aria-label="主导航"')[1].split("</nav>")[0]
    assert "本站首页" in nav and "工作动态" in nav and "机构概况" in nav and "县政府门户" in nav
    assert "返回县政府门户网站" in html
    assert "当前位置" in html
    assert "0571-12345678" in html and "李明" in html and "机构职能" in html


def test_column_listing_has_breadcrumbs_side_menu_and_dates(client, site):
    html = html_of(client, site["news_column"].url)
    assert "当前位置" in html and "示例县教育局" in html
    assert 'class="side-menu"' in html and 'aria-current="page">工作动态' in html
    assert "县教育局开展秋季学期校园安全大检查" in html
    assert "<time datetime=" in html


def test_article_shows_metadata_date_source_and_view_count(client, site):
    html = html_of(client, site["article"].url)
    assert "索引号" in html and "发布日期" in html and "来源：县教育局办公室" in html and "阅读次数" in html
    assert "作者：王芳" in html
    assert html.count("<h1") == 1


def test_policy_shows_number_attachment_type_and_size_and_its_interpretation(client, site):
    html = html_of(client, site["policy"].url)
    assert "示教发〔2025〕7号" in html
    assert "PDF文件" in html and "KB" in html
    assert "一图读懂《示例县2025年义务教育招生入学工作方案》" in html
    interpretation = html_of(client, site["interpretation"].url)
    assert "解读文件" in interpretation and site["policy"].title in interpretation


def test_service_guide_shows_its_facts_materials_and_forms(client, site):
    html = html_of(client, site["guide"].url)
    for text in ("事项名称", "办理对象", "承诺时限", "5个工作日", "申请材料", "转学申请表", "原件1份", "表格下载", "DOCX文件"):
        assert text in html


def test_every_page_has_landmarks_skip_link_and_language(client, site):
    for url in ("/", site["education"].home_page.url, site["news_column"].url, site["article"].url, site["guide"].url):
        html = html_of(client, url)
        assert '<html lang="zh-CN"' in html
        assert 'class="skip-link" href="#main"' in html and '<main id="main"' in html
        assert "<header" in html and "<footer" in html and 'role="search"' in html
        assert '<label for="site-search"' in html


def test_unknown_pages_get_a_chinese_404_in_the_portal_design(client, site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "抱歉，您访问的页面不存在" in html and 'aria-label="主导航"' in html


def test_the_500_page_needs_no_database_or_static_files():
    html = loader.get_template("500.html").render()
    assert "系统暂时繁忙" in html and 'lang="zh-CN"' in html and "<link" not in html


def test_no_page_loads_anything_from_another_host(client, site):
    for url in ("/", site["article"].url):
        html = html_of(client, url)
        for marker in ('src="http', "src=\"//", 'href="//', "@import", "fonts.googleapis"):
            assert marker not in html


def test_the_menu_is_built_once_and_then_read_from_the_cache(rf, site, settings, django_assert_num_queries):
    from portal import navigation

    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    request = rf.get("/")
    navigation.portal_menu(request)
    request = rf.get("/")
    with django_assert_num_queries(1):  # only the site lookup, which Wagtail itself caches per request
        items = navigation.portal_menu(request)
    assert [item["title"] for item in items][:2] == ["首页", "要闻动态"]
