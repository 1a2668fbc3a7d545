"""Phones (375×812): the main menu folds into a <details>, the page's <h1> is in the first screen,
the catalogue's table is a stack of cards; the new article tools and the leaders page pass axe-core."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from departments.models import Leader
from tests.browser.conftest import DESKTOP, PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def first_screen_urls(site):
    return {
        "department": site["education"].home_page.url,
        "column": site["news_column"].url,
        "article": site["article"].url,
        "policy": site["policy"].url,
        "interpretation": site["interpretation"].url,
        "guide": site["guide"].url,
        "leaders": site["education"].home_page.url + "ldxx/",
        "catalogue": "/disclosure/",
        "search": "/search/?q=教育",
        "site-map": "/wzdt/",
    }


def test_on_a_phone_every_pages_h1_is_in_the_first_screen(county_site, open_page, live_server):
    page = open_page(PHONE)
    late = []
    for name, url in first_screen_urls(county_site).items():
        assert page.goto(live_server.url + url).status == 200, name
        heading = page.locator("h1").first
        assert heading.is_visible(), name
        box = heading.bounding_box()
        if box["y"] + box["height"] > PHONE["height"]:
            late.append(f"{name}: h1 ends at {box['y'] + box['height']:.0f}px")
        screenshot(page, f"first-screen-{name}-phone")
    assert not late, "\n".join(late)


def test_on_a_phone_the_main_menu_is_folded_and_opens_without_javascript(county_site, browser, live_server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="zh-CN")
    try:
        page = context.new_page()
        page.goto(live_server.url + county_site["article"].url)
        nav = page.get_by_role("navigation", name="主导航")
        assert not nav.get_by_role("link", name="工作动态").is_visible()
        toggle = nav.locator("summary")
        assert toggle.inner_text().strip() == "栏目导航"
        assert toggle.bounding_box()["height"] >= 44
        toggle.click()
        link = nav.get_by_role("link", name="工作动态")
        assert link.is_visible() and link.bounding_box()["height"] >= 44
        with page.expect_navigation():
            link.click()
        assert page.locator("h1").inner_text() == "工作动态"
    finally:
        context.close()


def test_on_a_desktop_the_menu_is_open_and_the_phone_toggle_hidden(county_site, open_page, live_server):
    page = open_page(DESKTOP)
    page.goto(live_server.url + county_site["article"].url)
    nav = page.get_by_role("navigation", name="主导航")
    assert nav.get_by_role("link", name="工作动态").is_visible()
    assert not nav.locator("summary").is_visible()


def test_on_a_phone_the_catalogue_table_is_a_stack_of_labelled_cards(county_site, open_page, live_server):
    page = open_page(PHONE)
    page.goto(live_server.url + "/disclosure/")
    row = page.locator(".catalogue-table tbody tr").first
    assert row.evaluate("el => getComputedStyle(el).display") == "block"
    assert not page.locator(".catalogue-table thead").is_visible() or page.locator(".catalogue-table thead").bounding_box()["height"] <= 1
    index_cell = row.locator("td.col-index")
    assert index_cell.evaluate("el => getComputedStyle(el, '::before').content") == '"索引号"'
    title_box = row.locator("td.col-title").bounding_box()
    assert title_box["width"] > PHONE["width"] * 0.8  # the title runs across the card, not squeezed in a column
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_the_share_entry_opens_a_qr_code_and_the_related_links_show(county_site, open_page, live_server):
    from portal.models import RelatedItem

    RelatedItem.objects.create(page=county_site["article"], target=county_site["guide"], sort_order=0)
    for viewport, label in ((PHONE, "phone"), (DESKTOP, "desktop")):
        page = open_page(viewport)
        page.goto(live_server.url + county_site["article"].url)
        assert page.get_by_role("link", name=county_site["guide"].title).is_visible()
        page.locator(".share-entry summary").click()
        qr = page.locator("svg.share-qr")
        assert qr.is_visible() and qr.bounding_box()["width"] >= 120
        screenshot(page, f"article-tools-{label}")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_core_finds_nothing_serious_on_the_leaders_site_map_and_article_tools(county_site, open_page, live_server, viewport):
    Leader.objects.create(organisation=county_site["county"], name="陈伟", position="县长", duties="主持县政府全面工作。",
                          cv="2016.03—2021.08 示例县副县长\n2021.08— 示例县县长")
    axe = Axe()
    page = open_page(viewport)
    problems = []
    for name, url in {"leaders": "/ldxx/", "department-leaders": county_site["education"].home_page.url + "ldxx/",
                      "article": county_site["article"].url, "site-map": "/wzdt/"}.items():
        page.goto(live_server.url + url)
        if name == "article":
            page.locator(".share-entry summary").click()
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                problems.append(f"{name}: {violation['id']} {[node['target'] for node in violation['nodes']][:3]}")
    assert not problems, "\n".join(problems)
