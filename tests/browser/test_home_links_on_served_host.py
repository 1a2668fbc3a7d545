"""A newcomer runs the site on 127.0.0.1 with a port (``make run``): every link on the home page works.

The default Site stays as ``migrate`` made it (localhost, port 80), exactly as on a fresh checkout; the
browser reaches the live server's own host and port. Every link of the home page must lead to a page
that answers on that host, and clicking a news item from the home page reaches the item.
"""

from urllib.parse import urljoin, urlsplit

import pytest
from wagtail.models import Site

from tests.browser.conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def fresh_county(live_server, settings):
    from django.core.cache import cache

    from portal import page_cache
    from tests.browser.site_data import build_county

    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    cache.clear()
    page_cache.forget_local()
    default = Site.objects.get(is_default_site=True)
    assert (default.hostname, default.port) == ("localhost", 80), "as a clean migrate leaves it"
    pages = build_county()
    yield pages
    cache.clear()
    page_cache.forget_local()


def test_every_link_on_the_home_page_works_on_the_host_that_served_it(fresh_county, open_page, live_server):
    page = open_page(DESKTOP)
    page.goto(live_server.url + "/")
    served = urlsplit(live_server.url)
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(link => link.getAttribute('href'))")
    targets = sorted({urljoin(live_server.url + "/", href).split("#")[0] for href in hrefs
                      if not href.startswith(("mailto:", "tel:", "javascript:", "#"))})
    assert len(targets) > 20
    elsewhere = [url for url in targets if urlsplit(url).netloc != served.netloc]
    assert [url for url in elsewhere if urlsplit(url).hostname in ("localhost", "127.0.0.1")] == [], \
        "no link may send the visitor to another port of this machine (localhost:80)"
    broken = []
    for url in [url for url in targets if urlsplit(url).netloc == served.netloc]:
        response = page.request.get(url, max_redirects=5)
        if response.status >= 400:
            broken.append((url, response.status))
    assert broken == []


def test_clicking_a_news_item_on_the_home_page_opens_it(fresh_county, open_page, live_server):
    page = open_page(DESKTOP)
    page.goto(live_server.url + "/")
    lead = page.locator(".lead-story h3 a")
    title = lead.inner_text()
    lead.click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).netloc == urlsplit(live_server.url).netloc
    assert page.locator("h1").inner_text() == title

    page.goto(live_server.url + "/")
    department_item = page.locator("section", has=page.locator("h2", has_text="部门动态")).locator("a.entry-title").first
    item_title = department_item.inner_text()
    department_item.click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == item_title
