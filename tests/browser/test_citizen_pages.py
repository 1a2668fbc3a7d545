"""What a citizen sees, in a real browser: the journey, phones, elderly mode, keyboard and axe-core."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import DESKTOP, PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def page_urls(site):
    return {
        "home": "/",
        "department": site["education"].home_page.url,
        "township": site["township"].home_page.url,
        "column": site["news_column"].url,
        "article": site["article"].url,
        "policy": site["policy"].url,
        "interpretation": site["interpretation"].url,
        "guide": site["guide"].url,
        "not-found": "/no-such-page/",
    }


def test_portal_home_to_department_to_column_to_article_and_back_by_breadcrumb(county_site, open_page, live_server):
    page = open_page(DESKTOP)
    page.goto(live_server.url + "/")
    assert page.locator("h2", has_text="部门动态").is_visible()
    assert page.locator(".site-name-main").inner_text() == "示例县人民政府"

    page.locator(".org-links").get_by_role("link", name="示例县教育局").click()
    assert page.locator("h1").inner_text() == "示例县教育局"
    assert page.locator(".site-name-main").inner_text() == "示例县教育局"
    nav = page.get_by_role("navigation", name="主导航")
    assert nav.get_by_role("link", name="县政府门户").is_visible()

    nav.get_by_role("link", name="工作动态").click()
    assert page.locator("h1").inner_text() == "工作动态"
    assert page.get_by_role("navigation", name="当前位置").is_visible()

    page.get_by_role("link", name="县教育局开展秋季学期校园安全大检查").click()
    assert page.locator("h1").inner_text() == "县教育局开展秋季学期校园安全大检查"
    assert "阅读次数" in page.locator(".article-meta").inner_text()
    assert "来源：县教育局办公室" in page.locator(".article-meta").inner_text()
    assert page.locator(".metadata-block").get_by_text("索引号").is_visible()

    breadcrumbs = page.get_by_role("navigation", name="当前位置")
    breadcrumbs.get_by_role("link", name="示例县教育局").click()
    assert page.locator("h1").inner_text() == "示例县教育局"
    page.get_by_role("navigation", name="当前位置").get_by_role("link", name="首页").click()
    assert page.url.rstrip("/") == live_server.url


def test_every_page_type_fits_a_phone_without_horizontal_scrolling(county_site, open_page, live_server):
    pages = page_urls(county_site)
    pages.update({"catalogue": "/disclosure/", "search": "/search/?q=教育"})
    for viewport, label in ((PHONE, "phone"), (DESKTOP, "desktop")):
        page = open_page(viewport)
        for name, url in pages.items():
            response = page.goto(live_server.url + url)
            if name in ("catalogue", "search") and response.status == 404:
                continue  # those views are built by other parts of the project
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {label} width"
            screenshot(page, f"{name}-{label}")
            if viewport is PHONE and name not in ("catalogue", "search"):
                small = page.evaluate(
                    """() => [...document.querySelectorAll('.main-nav a, .reading-tools a, .search-box button, .search-box input, .pagination a, .more, .side-menu a, .breadcrumbs a')]
                        .filter(el => el.offsetParent !== null)
                        .map(el => el.getBoundingClientRect())
                        .filter(r => r.height < 44 || r.width < 44).length"""
                )
                assert small == 0, f"{name}: {small} controls smaller than 44px on a phone"


def test_elderly_mode_switched_on_persists_across_pages(county_site, open_page, live_server):
    page = open_page(PHONE)
    page.goto(live_server.url + "/")
    base_size = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="长者模式").click()
    assert "elder-mode" in page.locator("html").get_attribute("class")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 20 > base_size
    page.goto(live_server.url + county_site["article"].url)
    assert "elder-mode" in page.locator("html").get_attribute("class")
    assert page.get_by_role("link", name="退出长者模式").is_visible()
    screenshot(page, "article-phone-elderly")
    page.goto(live_server.url + county_site["education"].home_page.url)
    screenshot(page, "department-phone-elderly")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="退出长者模式").click()
    assert "elder-mode" not in page.locator("html").get_attribute("class")


def test_font_size_switch_works_and_is_remembered(county_site, open_page, live_server):
    page = open_page(DESKTOP)
    page.goto(live_server.url + "/")
    page.locator('[data-pref-font="large"]').click()
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "18px"
    page.goto(live_server.url + county_site["article"].url)
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "18px"


def test_keyboard_alone_reaches_the_skip_link_search_box_and_main_menu(county_site, open_page, live_server):
    page = open_page(DESKTOP)
    page.goto(live_server.url + county_site["article"].url)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(
            "(() => { const el = document.activeElement; return [el.id, el.closest('.main-nav') ? 'menu' : '', el.textContent.trim()]; })()"
        ))
    assert any(element_id == "site-search" for element_id, _, _ in reached)
    menu_items = [text for _, where, text in reached if where == "menu"]
    assert "工作动态" in menu_items and "县政府门户" in menu_items
    focus_style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focus_style != "none"
    page.goto(live_server.url + "/")
    page.focus("#site-search")
    page.keyboard.type("养老保险")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    assert "/search/" in page.url and "q=" in page.url


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_core_finds_no_serious_or_critical_violations(county_site, open_page, live_server, viewport):
    axe = Axe()
    page = open_page(viewport)
    pages = page_urls(county_site)
    pages.update({"catalogue": "/disclosure/", "search": "/search/?q=教育"})
    problems = []
    for name, url in pages.items():
        response = page.goto(live_server.url + url)
        if name in ("catalogue", "search") and response.status == 404:
            continue  # those views are built by other parts of the project
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"]][:3]
                problems.append(f"{name}: {violation['id']} ({violation['impact']}) {targets}")
    assert not problems, "\n".join(problems)
