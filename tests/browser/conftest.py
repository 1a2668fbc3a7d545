"""Playwright driving the system Chromium against pytest-django's live server."""

import os
import shutil
from pathlib import Path

import pytest

SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", Path(__file__).resolve().parents[2] / "screenshots"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PHONE = {"width": 375, "height": 812}

# Playwright's sync API keeps an event loop running in the test thread; the ORM calls made by the
# tests themselves (building data) are still plain synchronous calls, so Django's guard is relaxed.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or shutil.which("chromium-browser"), args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def county_site(live_server, settings):
    """The small county of tests/browser/site_data.py, with the page cache on as in production."""
    from urllib.parse import urlsplit

    from django.core.cache import cache
    from wagtail.models import Site

    from portal import page_cache, view_counts

    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    cache.clear()
    page_cache.forget_local()
    view_counts.forget_local()
    # The catalogue records absolute URLs: let the default site be the live server, as a real host would be.
    address = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
    pages = _built_county()
    yield pages
    cache.clear()
    page_cache.forget_local()
    view_counts.forget_local()


_snapshot = {}


def _built_county():
    """``build_county()``'s pages. On the in-memory SQLite test database the county is built once per session
    and copied (SQLite's backup API) into each test's freshly flushed database: the same rows, primary keys and
    files, in milliseconds instead of seconds; the search index is rebuilt from them."""
    import sqlite3

    from django.db import connection, transaction

    from disclosure.search import bulk
    from tests.browser.site_data import build_county, keys_of, pages_from

    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    if not in_memory or not _snapshot:
        with transaction.atomic():  # the search queue runs once when it commits, not once per published page
            pages = build_county()
        if in_memory:
            copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(copy)
            _snapshot.update(database=copy, keys=keys_of(pages))
        return pages
    _snapshot["database"].backup(connection.connection)
    bulk.rebuild(procs=1)
    return pages_from(_snapshot["keys"])


@pytest.fixture
def open_page(browser, live_server):
    """open_page(viewport, cookies=None) -> a fresh Playwright page; blocks every request off the live server."""
    contexts = []

    def opener(viewport=DESKTOP, cookies=None):
        context = browser.new_context(viewport=viewport, locale="zh-CN", device_scale_factor=1,
                                      has_touch=viewport is PHONE, is_mobile=viewport is PHONE)
        context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
        if cookies:
            context.add_cookies([{"name": name, "value": value, "url": live_server.url} for name, value in cookies.items()])
        contexts.append(context)
        return context.new_page()

    yield opener
    for context in contexts:
        for page in context.pages:
            page.wait_for_load_state("load")  # no request may still be running when the database is flushed
        context.close()


def screenshot(page, name):
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"{name}.png"), full_page=True)
