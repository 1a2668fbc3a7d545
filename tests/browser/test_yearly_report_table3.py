"""Table 3 of a published yearly report, in a real browser: the 总计 column and the "三、本年度办理结果"
heading row are on screen without a sideways scroll of the table (issue: the public page hid 总计)."""

import pytest

from disclosure.models import YearlyReport
from disclosure.yearly_report.publishing import submit_report
from tests.browser.conftest import DESKTOP, PHONE, screenshot
from tests.factories import user_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def published_report_url(organisation):
    report = YearlyReport.objects.create(organisation=organisation, year=2025, overview="本年度，我局认真贯彻落实条例。")
    page = submit_report(report)
    page.refresh_from_db()
    page.current_workflow_task_state.approve(user=user_in(organisation.approvers_group))
    page.refresh_from_db()
    return page.url


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_total_column_and_the_results_heading_are_visible_without_scrolling_the_table(
        county_site, open_page, live_server, viewport):
    url = published_report_url(county_site["education"])
    page = open_page(viewport)
    page.goto(live_server.url + url)
    table = page.locator("table.table3")
    table.scroll_into_view_if_needed()
    total = table.locator("thead th", has_text="总计").first
    heading = table.locator("th", has_text="三、本年度办理结果").first
    wrap = table.evaluate("t => { const w = t.closest('.table3-wrap') || t.parentElement;"
                          " return {scroll: w.scrollWidth, client: w.clientWidth}; }")
    screenshot(page, f"yearly-report-table3-{'phone' if viewport is PHONE else 'desktop'}")
    assert wrap["scroll"] <= wrap["client"] + 1, wrap  # the table fits its box: nothing hides behind a scroll
    for cell in (total, heading):
        box = cell.bounding_box()
        assert box is not None and box["width"] > 0
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 1, (cell.inner_text(), box)
