"""Two publishers in the same organisation at the same moment get distinct, consecutive serials (PostgreSQL)."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from disclosure.catalogue import registration
from disclosure.models import CatalogueEntry
from portal.column_kinds import ColumnKind
from portal.models import ArticlePage
from tests import factories

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent publishing needs PostgreSQL (set DATABASE_URL=postgres://…)")


def drafts(parent, titles):
    """Draft pages made beforehand, so that the publishers share nothing but the serial counter."""
    pages = []
    for title in titles:
        page = ArticlePage(title=title, body=[("paragraph", f"<p>{title}</p>")], live=False)
        type(parent).objects.get(pk=parent.pk).add_child(instance=page)
        pages.append(page.pk)
    return pages


def publish_in_parallel(batches):
    """Each thread publishes its batch of drafts in its own connection; a barrier makes them start together."""
    barrier = threading.Barrier(len(batches))
    errors = []

    def worker(batch):
        try:
            barrier.wait(timeout=10)
            for page_id in batch:
                with transaction.atomic():
                    ArticlePage.objects.get(pk=page_id).save_revision().publish()
        except Exception as error:  # reported to the main thread below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(batch,)) for batch in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors


@pytest.fixture
def slow_counter(monkeypatch):
    """Keep the counter row locked a little while, so the other publisher really has to wait for it."""
    original = registration.next_serial

    def next_serial(organisation, year):
        serial = original(organisation, year)
        time.sleep(0.2)
        return serial

    monkeypatch.setattr(registration, "next_serial", next_serial)


def serials(organisation):
    return sorted(CatalogueEntry.objects.filter(organisation=organisation).values_list("index_serial", flat=True))


def test_two_publishers_at_once_get_distinct_consecutive_serials_for_a_new_year_counter(slow_counter):
    factories.county()
    department = factories.make_organisation("示例县交通运输局", "jtj", short_name="交通局")

    first = drafts(factories.column(department, ColumnKind.NEWS), ["甲的第一篇"])
    second = drafts(factories.column(department, ColumnKind.NOTICES), ["乙的第一篇"])

    publish_in_parallel([first, second])

    assert serials(department) == [1, 2]


def test_many_concurrent_publishes_never_share_or_skip_a_serial(slow_counter):
    factories.county()
    department = factories.make_organisation("示例县水利局", "slj", short_name="水利局")
    news = factories.column(department)
    factories.article(news, title="先有一篇")  # the counter row exists: every publisher contends for its lock

    first = drafts(news, [f"甲{i}" for i in range(5)])
    second = drafts(factories.column(department, ColumnKind.NOTICES), [f"乙{i}" for i in range(5)])

    publish_in_parallel([first, second])

    assert serials(department) == list(range(1, 12))
    numbers = CatalogueEntry.objects.filter(organisation=department).values_list("index_number", flat=True)
    assert len(set(numbers)) == 11
