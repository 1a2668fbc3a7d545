"""The full rebuild (bulk.py): worker processes write segments that together hold what one process writes."""

import datetime
import os
import signal

import pytest
from whoosh import fields as whoosh_fields

from disclosure.search import bulk, whoosh_engine
from disclosure.search.segment_writer import ArraySegmentWriter
from tests import factories
from tests.disclosure.search.helpers import find, titles

TITLES = [f"{place}全面推行河长制工作第{number}次推进会" for number in range(12) for place in ("城关镇", "东河镇")]


@pytest.fixture
def articles(department, search_index, indexed):
    column = factories.column(department)
    with indexed():
        for title in TITLES:
            factories.article(column, title=title, body="会议部署巡河、护河和河道保洁工作。")
        factories.article(column, title="县长调研河道治理", body="调研组察看了河道，长期以来制度建设不断完善。")


def answers():
    """Per word: how many entries match, and the first page of titles in rank order."""
    return {word: (outcome.total, titles(outcome))
            for word in ("河长制", "城关镇", "河", "推进会", "长期") for outcome in [find(word)]}


@pytest.mark.django_db
def test_worker_processes_writing_several_segments_find_what_one_process_finds(articles):
    bulk.rebuild(procs=1)
    in_one_process = answers()
    assert len(whoosh_engine.current_view().parts) == 1
    count, _seconds = bulk.rebuild(procs=2, limitmb=0.005)  # a new segment every few documents
    assert count == whoosh_engine.document_count()
    assert len(whoosh_engine.current_view().parts) > 2
    assert answers() == in_one_process
    assert in_one_process["河长制"][0] == len(TITLES)
    assert in_one_process["长期"] == (1, ["县长调研河道治理"])


@pytest.mark.django_db
def test_a_failing_worker_fails_the_rebuild_and_leaves_the_live_index(articles, monkeypatch, search_index):
    before = answers()

    def fail(self, **fields):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ArraySegmentWriter, "add_document", fail)  # the forked workers inherit it
    with pytest.raises(bulk.RebuildFailed, match="disk full"):
        bulk.rebuild(procs=2)
    monkeypatch.undo()
    whoosh_engine.forget_view()
    assert answers() == before
    parent = os.path.dirname(search_index)
    assert [name for name in os.listdir(parent) if ".building-" in name] == []


@pytest.mark.django_db
def test_a_worker_failing_while_batches_are_still_queued_fails_the_rebuild_at_once(articles, monkeypatch):
    """Workers that reported an error and stopped while the queue to them was full left the rebuild waiting for
    room forever (a stopped worker's exit code is 0), and its unsent batches kept the process from exiting."""
    monkeypatch.setattr(bulk, "BATCH_SIZE", 1)  # 25 batches for a queue of 8
    monkeypatch.setattr(bulk, "WORKER_CHECK_SECONDS", 0.2)

    def fail(self, **fields):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ArraySegmentWriter, "add_document", fail)

    def waited_too_long(signum, frame):
        raise TimeoutError("the rebuild is still waiting for its stopped workers")

    previous = signal.signal(signal.SIGALRM, waited_too_long)
    signal.alarm(30)
    try:
        with pytest.raises(bulk.RebuildFailed, match="disk full"):
            bulk.rebuild(procs=2)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


DATES = [datetime.datetime(2026, month, 15, 9, 0, tzinfo=datetime.UTC) for month in (3, 1, 2)]


@pytest.mark.django_db
def test_dates_are_a_column_only_and_an_index_with_date_terms_still_sorts_by_date(department, search_index, indexed,
                                                                                  monkeypatch):
    column = factories.column(department)
    with indexed():
        for number, date in enumerate(DATES):
            factories.article(column, title=f"河长制工作简报第{number + 1}期", body="详见附件。", display_date=date)
    newest_first = ["河长制工作简报第1期", "河长制工作简报第3期", "河长制工作简报第2期"]

    bulk.rebuild(procs=1)
    with whoosh_engine.open_index().reader() as reader:
        assert reader.has_column("published_at") and list(reader.lexicon("published_at")) == []
    assert titles(find("河长制", sort="date")) == newest_first

    # An index built while dates were indexed fields as well (Whoosh's DATETIME: the same column, plus terms).
    monkeypatch.setattr("disclosure.search.backend.DateColumn", lambda: whoosh_fields.DATETIME(sortable=True))
    bulk.rebuild(procs=1)
    monkeypatch.undo()
    with whoosh_engine.open_index().reader() as reader:
        assert list(reader.lexicon("published_at"))
    with indexed():  # written by the running site's writer, with the dates a column only
        factories.article(column, title="河长制工作简报第4期", body="详见附件。",
                          display_date=datetime.datetime(2026, 4, 15, 9, 0, tzinfo=datetime.UTC))
    assert titles(find("河长制", sort="date")) == ["河长制工作简报第4期", *newest_first]
