"""辅助工具 in a real browser: high contrast, large pointer, reading guide, read-aloud, reflow at zoom; axe-core."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import DESKTOP, PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
ALL_ON = {"high_contrast": "1", "big_cursor": "1", "reading_guide": "1"}


def test_switching_high_contrast_by_its_link_is_remembered_across_pages(county_site, open_page, live_server):
    page = open_page(DESKTOP)
    page.goto(live_server.url + county_site["article"].url)
    page.locator(".assist-tools summary").click()
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="高对比度").click()
    assert "high-contrast" in page.locator("html").get_attribute("class")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    page.goto(live_server.url + "/wzdt/")
    assert "high-contrast" in page.locator("html").get_attribute("class")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_all_tools_on_large_pointer_reading_guide_and_no_serious_axe_findings(county_site, open_page, live_server, viewport):
    page = open_page(viewport, cookies=ALL_ON)
    page.goto(live_server.url + county_site["article"].url)
    assert "cursor-large" in page.evaluate("getComputedStyle(document.body).cursor")
    page.mouse.move(200, 300)
    guide = page.locator(".reading-guide-line")
    assert guide.count() == 1
    assert abs(guide.bounding_box()["y"] + guide.bounding_box()["height"] / 2 - 300) < 30
    has_speech = page.evaluate("'speechSynthesis' in window")
    page.locator(".assist-tools summary").click()
    assert page.locator("[data-read-aloud]").is_visible() == has_speech
    screenshot(page, f"assistive-{'phone' if viewport is PHONE else 'desktop'}")
    problems = [f"{v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in Axe().run(page).response["violations"]
                if v["impact"] in ("serious", "critical")]
    assert not problems, "\n".join(problems)


def test_at_four_hundred_percent_zoom_the_page_reflows_without_sideways_scrolling(county_site, open_page, live_server):
    page = open_page({"width": 320, "height": 256}, cookies={"font_size": "large"})  # 1280×1024 at 400 %
    for url in (county_site["article"].url, county_site["policy"].url, "/disclosure/", "/ldxx/"):
        page.goto(live_server.url + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px"
