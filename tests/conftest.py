import datetime
import os
import shutil

import pytest
import time_machine

# Every test runs at this moment (Beijing time), with the clock ticking from there, whatever the machine's
# date: "today", "the past year" and the working-day calendar are the same on every run. A test that needs
# another date travels there itself (time_machine nests).
SUITE_NOW = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


def pytest_sessionstart(session):
    """The migrated template database is built here, once, before any xdist worker starts (tests/migrated_database.py)."""
    if not hasattr(session.config, "workerinput"):
        from tests.migrated_database import build_template

        build_template()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """pytest-django's hook before it creates the test databases: start them from the migrated template."""
    from tests.migrated_database import use_migrated_template

    use_migrated_template()


@pytest.fixture(autouse=True, scope="session")
def fixed_clock():
    """No test reads the real clock: the suite starts at ``SUITE_NOW`` (session-wide, so module fixtures
    such as the seeded demo county see it too)."""
    with time_machine.travel(SUITE_NOW, tick=True):
        yield


@pytest.fixture(autouse=True, scope="session")
def without_wagtails_own_indexes():
    """Wagtail's reference index (usage counts in its admin) and its admin search index are not under test,
    and the product reads neither; their post-save tasks ran on every save (about a fifth of the time spent
    building pages in fixtures). Admin search is already off (``AUTO_UPDATE: False`` in the test settings),
    so its task only re-read each saved object. A test of either connects the handlers again.

    Wagtail connects the reference-index handlers again after every ``migrate`` and ``flush`` (its own
    ``post_migrate`` receiver); that receiver is disconnected too, else creating the test database and
    every transactional test's flush would switch the index back on."""
    from django.db.models.signals import post_migrate, post_save, pre_migrate
    from modelsearch import index as search_index
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import (
        connect_reference_index_signal_handlers,
        disconnect_reference_index_signal_handlers,
    )

    searched = [model for model in search_index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    pre_migrate.disconnect(disconnect_reference_index_signal_handlers)
    post_migrate.disconnect(connect_reference_index_signal_handlers)
    disconnect_reference_index_signal_handlers()
    for model in searched:
        post_save.disconnect(post_save_signal_handler, sender=model)
    yield
    connect_reference_index_signal_handlers()
    pre_migrate.connect(disconnect_reference_index_signal_handlers)
    post_migrate.connect(connect_reference_index_signal_handlers)
    for model in searched:
        post_save.connect(post_save_signal_handler, sender=model)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: memoised 热词, facet counts or rate-limit counters of one
    test must not decide another's outcome (the database is rolled back, the cache is not)."""
    from django.core.cache import cache

    from disclosure.search.memo import forget

    cache.clear()
    forget()
    yield


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """One transaction around a test module, rolled back when the module ends, so data a module-scoped
    fixture builds once is seen by each of the module's tests; pytest-django nests each test's own
    transaction inside it (a savepoint), so what a test changes is still undone after that test.
    Not for modules with transactional (serial) tests."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def built_county(module_db, django_db_blocker):
    """``tests.browser.site_data.build_county()`` once per module: ``{name: (model, pk)}``."""
    from tests.browser.site_data import build_county, keys_of

    with django_db_blocker.unblock():
        return keys_of(build_county())


@pytest.fixture
def county_pages(db, built_county):
    """The small complete county of ``build_county()`` (pages of every type, three organisations), built
    once per module and read afresh for each test: ``{"county": Organisation, "article": ArticlePage, …}``."""
    from tests.browser.site_data import pages_from

    return pages_from(built_county)


ORGANISATIONS = {
    # fixture name: (name, slug, kind, short name)
    "county": ("示例县人民政府", "county", "county", "县政府"),
    "department": ("示例县教育局", "jyj", "department", "教育局"),
    "township": ("城关镇人民政府", "cgz", "township", "城关镇"),
}
SHARED = "shared_"


def _organisation(fixture_name):
    from departments.models import Organisation
    from tests.factories import county, make_organisation

    name, slug, kind, short_name = ORGANISATIONS[fixture_name]
    existing = Organisation.objects.filter(slug=slug, kind=kind).first()
    if existing is not None:
        return existing
    if kind == "county":
        return county()
    return make_organisation(name, slug, kind, short_name=short_name)


def _shared(fixture_name):
    @pytest.fixture(scope="module", name=SHARED + fixture_name)
    def shared(module_db, django_db_blocker):
        with django_db_blocker.unblock():
            if fixture_name != "county":
                _organisation("county")
            return _organisation(fixture_name).pk

    return shared


shared_county = _shared("county")
shared_department = _shared("department")
shared_township = _shared("township")


def _fixture(fixture_name):
    def organisation(request, db):
        """Provisioned for this test, or read from its module's shared one (``pytest_collection_modifyitems``)."""
        from departments.models import Organisation

        if SHARED + fixture_name in request.fixturenames:
            return Organisation.objects.get(pk=request.getfixturevalue(SHARED + fixture_name))
        if fixture_name != "county":
            request.getfixturevalue("county")
        return _organisation(fixture_name)

    return pytest.fixture(organisation, name=fixture_name)


county = _fixture("county")
department = _fixture("department")
township = _fixture("township")


def share_organisations(items):
    """Provision the county, department and township fixtures once per test module instead of once per
    test (each takes about half a second of page publishing) where every test of the module asks for the
    organisation and none commits transactions: the module's tests then read the same organisations, and
    each test's changes are still rolled back (``module_db``). A test that does not ask for one never sees
    it, because a module with such a test provisions per test as before; so does a module with a test
    marked ``own_organisations`` (one that needs to make them itself, after another fixture)."""
    by_module = {}
    for item in items:
        by_module.setdefault(item.module, []).append(item)
    for module_items in by_module.values():
        if any(_is_transactional(item) for item in module_items):
            continue
        wanted = [name for name in ORGANISATIONS if all(_asks_for(item, name) for item in module_items)]
        for item in module_items:
            # Module-scoped fixtures first, so they are built outside the test's own transaction.
            item.fixturenames[:0] = [SHARED + name for name in wanted if SHARED + name not in item.fixturenames]


def _asks_for(item, name):
    """Whether the test has the organisation, directly or because its department or township made it."""
    names = item.fixturenames
    if item.get_closest_marker("own_organisations"):
        return False
    if name == "county":
        return any(fixture in names for fixture in ORGANISATIONS)
    return name in names


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    transactional = marker is not None and marker.kwargs.get("transaction")
    return transactional or "live_server" in item.fixturenames or "transactional_db" in item.fixturenames


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
    share_organisations(items)
    has_chromium = chromium_path() is not None
    browser_tests_off = os.environ.get("PORTAL_BROWSER_TESTS") == "0"
    for item in items:
        if _is_transactional(item):
            item.add_marker(pytest.mark.serial)
        if item.get_closest_marker("browser") and not has_chromium:
            item.add_marker(pytest.mark.skip(reason=f"{item.nodeid}: no Chromium installed"))
        elif item.get_closest_marker("browser") and browser_tests_off:
            item.add_marker(pytest.mark.skip(reason=f"{item.nodeid}: PORTAL_BROWSER_TESTS=0"))
