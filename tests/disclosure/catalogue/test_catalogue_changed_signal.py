"""Every catalogue change is announced once, at the catalogue, with the affected entries and the kind of change.

Search, the page cache and the catalogue's own facet counts follow this announcement
(``disclosure.catalogue.signals.catalogue_changed``), so whichever path changes an entry - publishing,
withdrawal, a move, ``catalogue_sync``, an organisation renamed - must send it.
"""

import pytest
from django.core.management import call_command

from disclosure.catalogue.signals import ChangeKind, announce, catalogue_changed
from disclosure.models import CatalogueEntry, PendingIndexUpdate
from portal.column_kinds import ColumnKind
from tests import factories


@pytest.fixture
def heard():
    calls = []

    def receiver(sender, entry_ids, kind, **kwargs):
        calls.append((kind, set(entry_ids)))

    catalogue_changed.connect(receiver, sender=CatalogueEntry, dispatch_uid="test-heard")
    yield calls
    catalogue_changed.disconnect(sender=CatalogueEntry, dispatch_uid="test-heard")


def entry_of(page):
    return CatalogueEntry.objects.get(page_key=page.pk)


def test_publishing_announces_the_new_entry(department, heard):
    page = factories.article(factories.column(department))
    assert heard == [(ChangeKind.PUBLISHED, {entry_of(page).pk})]


def test_unpublishing_and_deleting_announce_a_withdrawal(department, heard):
    first = factories.article(factories.column(department), title="撤销发布的通知")
    second = factories.article(factories.column(department), title="删除的通知")
    heard.clear()

    first.unpublish()
    second_id = entry_of(second).pk
    second.delete()

    assert heard == [(ChangeKind.WITHDRAWN, {entry_of(first).pk}), (ChangeKind.WITHDRAWN, {second_id})]


def test_moving_a_column_announces_every_entry_below_it_once(department, heard):
    news = factories.column(department, ColumnKind.NEWS)
    pages = [factories.article(news, title=f"工作动态{n}") for n in range(3)]
    notices = factories.column(department, ColumnKind.NOTICES)
    heard.clear()

    news.move(notices, pos="last-child")

    assert heard == [(ChangeKind.MOVED, {entry_of(page).pk for page in pages})]


def test_catalogue_sync_announces_what_it_repaired(department, heard):
    page = factories.article(factories.column(department))
    entry = entry_of(page)
    CatalogueEntry.objects.filter(pk=entry.pk).update(title="被改乱的标题")
    heard.clear()

    call_command("catalogue_sync", stdout=open("/dev/null", "w"))

    assert heard == [(ChangeKind.SYNCED, {entry.pk})]


def test_renaming_an_organisation_announces_its_entries_as_a_bulk_change(department, heard):
    pages = [factories.article(factories.column(department), title=f"通知{n}") for n in range(2)]
    heard.clear()

    department.name = "示例县教育和体育局"
    department.save()

    assert (ChangeKind.BULK, {entry_of(page).pk for page in pages}) in heard


def test_an_announcement_queues_exactly_those_entries_for_search(department):
    page = factories.article(factories.column(department))
    entry = entry_of(page)
    PendingIndexUpdate.objects.all().delete()

    announce([entry.pk, None, entry.pk], ChangeKind.BULK)

    assert list(PendingIndexUpdate.objects.values_list("entry_id", flat=True)) == [entry.pk]


def test_nothing_is_sent_for_no_entries_and_an_unknown_kind_is_refused(heard):
    assert announce([], ChangeKind.BULK) == frozenset()
    assert heard == []
    with pytest.raises(ValueError):
        announce([1], "renamed")
