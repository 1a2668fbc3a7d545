import datetime
import os
import shutil

import pytest
import time_machine

# Every test runs at this moment (Beijing time), with the clock ticking from there, whatever the machine's
# date: "today", "the past year" and the working-day calendar are the same on every run. A test that needs
# another date travels there itself (time_machine nests).
SUITE_NOW = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


@pytest.fixture(autouse=True, scope="session")
def fixed_clock():
    """No test reads the real clock: the suite starts at ``SUITE_NOW`` (session-wide, so module fixtures
    such as the seeded demo county see it too)."""
    with time_machine.travel(SUITE_NOW, tick=True):
        yield


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: memoised 热词, facet counts or rate-limit counters of one
    test must not decide another's outcome (the database is rolled back, the cache is not)."""
    from django.core.cache import cache

    from disclosure.search.memo import forget

    cache.clear()
    forget()
    yield


@pytest.fixture
def county(db):
    from tests.factories import county

    return county()


@pytest.fixture
def department(county):
    from tests.factories import make_organisation

    return make_organisation("示例县教育局", "jyj", short_name="教育局")


@pytest.fixture
def township(county):
    from departments.models import Organisation
    from tests.factories import make_organisation

    return make_organisation("城关镇人民政府", "cgz", Organisation.Kind.TOWNSHIP, short_name="城关镇")


def chromium_path():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def pytest_collection_modifyitems(config, items):
    """Browser tests are skipped by name when no Chromium is installed, or when ``PORTAL_BROWSER_TESTS=0``
    (CI's PostgreSQL run: they already ran on SQLite, and the front end does not depend on the database).

    Tests that commit real transactions flush the database when they end, so they are marked
    ``serial``: `make test` runs them after the parallel run, in one process.
    """
    has_chromium = chromium_path() is not None
    browser_tests_off = os.environ.get("PORTAL_BROWSER_TESTS") == "0"
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is not None and marker.kwargs.get("transaction"):
            item.add_marker(pytest.mark.serial)
        if item.get_closest_marker("browser") and not has_chromium:
            item.add_marker(pytest.mark.skip(reason=f"{item.nodeid}: no Chromium installed"))
        elif item.get_closest_marker("browser") and browser_tests_off:
            item.add_marker(pytest.mark.skip(reason=f"{item.nodeid}: PORTAL_BROWSER_TESTS=0"))
