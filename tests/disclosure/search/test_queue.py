"""One writer: publishing never waits on or fails because of the index lock; held-back updates are applied later."""

import pytest
from whoosh.filedb.filestore import FileStorage

from disclosure.models import PendingIndexUpdate
from disclosure.search import queue
from disclosure.search.backend import IndexLocked
from tests import factories
from tests.disclosure.search.helpers import find, titles


def test_publishing_succeeds_while_the_index_is_locked_and_the_update_lands_later(
        department, search_index, indexed, monkeypatch):
    monkeypatch.setattr("disclosure.search.backend.WRITER_TIMEOUT_SECONDS", 0.1)
    lock = FileStorage(search_index).lock("MAIN_WRITELOCK")
    assert lock.acquire(blocking=False)
    try:
        with indexed():
            page = factories.article(factories.column(department), title="退役军人优待证申领指南")
        assert page.live
        pending = PendingIndexUpdate.objects.get()
        assert pending.attempts == 1 and "IndexLocked" in pending.last_error
        assert titles(find("优待证")) == []
    finally:
        lock.release()
    assert queue.process_all() == 1
    assert titles(find("优待证")) == ["退役军人优待证申领指南"]
    assert not PendingIndexUpdate.objects.exists()


def test_a_locked_index_raises_so_the_task_is_retried(department, search_index, monkeypatch):
    monkeypatch.setattr("disclosure.search.backend.WRITER_TIMEOUT_SECONDS", 0.1)
    factories.article(factories.column(department), title="垃圾分类宣传周活动")
    lock = FileStorage(search_index).lock("MAIN_WRITELOCK")
    lock.acquire(blocking=False)
    try:
        with pytest.raises(IndexLocked):
            queue.process_pending()
    finally:
        lock.release()
    assert PendingIndexUpdate.objects.get().attempts == 1


def test_pending_updates_are_written_in_one_batch(department, search_index, monkeypatch):
    column = factories.column(department)
    for title in ("河长制工作通报", "林长制工作通报", "耕地保护工作通报"):
        factories.article(column, title=title)
    assert PendingIndexUpdate.objects.count() == 3
    writes = []
    from disclosure.search.backend import CountyWhooshSearchBackend

    original = CountyWhooshSearchBackend.apply_changes

    def counting(self, index, objects=(), removed_identifiers=(), more=()):
        writes.append(len(list(objects)) + sum(len(each) for _index, each in more))
        return original(self, index, objects=objects, removed_identifiers=removed_identifiers, more=more)

    monkeypatch.setattr(CountyWhooshSearchBackend, "apply_changes", counting)
    assert queue.process_all() == 3
    assert writes == [3]
    assert sorted(titles(find("工作通报"))) == ["林长制工作通报", "河长制工作通报", "耕地保护工作通报"]
