"""When the index cannot answer, the database does (with a notice); `check` warns about a missing or stale index."""

import shutil

import pytest

from disclosure.search import whoosh_engine
from disclosure.search.checks import check_search_index
from tests import factories
from tests.disclosure.search.helpers import find


def test_a_missing_index_falls_back_to_the_database_with_a_notice(client, department, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="老旧小区改造项目公示", body="改造内容包括管网。")
    shutil.rmtree(search_index)
    whoosh_engine.forget_view()
    outcome = find("老旧小区 管网")
    assert outcome.used_fallback
    assert [result["title"] for result in outcome.results] == ["老旧小区改造项目公示"]
    response = client.get("/search/", {"q": "老旧小区"})
    assert response.status_code == 200 and "搜索索引暂时不可用" in response.content.decode()


def test_a_corrupt_index_falls_back_too(department, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="农村饮水安全巩固提升")
    for path in __import__("pathlib").Path(search_index).glob("*.toc"):
        path.write_bytes(b"garbage")
    whoosh_engine.forget_view()
    outcome = find("饮水安全")
    assert outcome.used_fallback and outcome.total == 1


@pytest.mark.own_organisations  # the organisations are indexed too: the index is empty only if they come after it
def test_check_warns_when_the_index_is_empty_or_missing(db, search_index, department, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        factories.article(factories.column(department), title="残疾人两项补贴发放公示")
    assert [message.id for message in check_search_index()] == ["search.W002"]
    shutil.rmtree(search_index)
    assert [message.id for message in check_search_index()] == ["search.W001"]


def test_check_is_quiet_when_the_index_is_current(department, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="残疾人两项补贴发放公示")
    assert check_search_index() == []


def test_check_does_not_hide_a_difference_of_one_entry(department, search_index, indexed):
    """search.W003: one entry withdrawn behind the queue's back is one citizen still finding it."""
    from django.utils import timezone

    from disclosure.models import CatalogueEntry, PendingIndexUpdate

    column = factories.column(department)
    with indexed():
        kept = factories.article(column, title="残疾人两项补贴发放公示")
        factories.article(column, title="城乡低保标准调整公告")
    CatalogueEntry.objects.exclude(page=kept).update(status=CatalogueEntry.Status.WITHDRAWN)  # no signal, no queue
    messages = check_search_index()
    assert [message.id for message in messages] == ["search.W003"]
    from disclosure.search.organisations import OrganisationIndex

    organisations = OrganisationIndex().index_queryset().count()  # the county and the department are found too
    assert organisations == 2
    assert f"索引 {organisations + 2} 条，应可搜索 {organisations + 1} 条" in messages[0].msg
    # A queued update explains exactly that one difference.
    PendingIndexUpdate.objects.create(entry_id=CatalogueEntry.objects.exclude(page=kept).get().pk, queued_at=timezone.now())
    assert check_search_index() == []
