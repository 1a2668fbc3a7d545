"""Only live entries are searchable; changes reach the index only after the publishing transaction commits."""

from disclosure.models import CatalogueEntry, PendingIndexUpdate
from disclosure.search import whoosh_engine
from portal.models import ArticlePage
from tests import factories
from tests.disclosure.search.helpers import find, titles


def test_a_draft_edit_of_a_live_page_never_reaches_the_index(department, search_index, indexed):
    with indexed():
        page = factories.article(factories.column(department), title="城乡居民医保参保缴费通知")
    page = ArticlePage.objects.get(pk=page.pk)
    page.title = "草稿里的新标题绿化"
    with indexed():
        page.save_revision()
    assert titles(find("绿化")) == []
    assert titles(find("参保缴费")) == ["城乡居民医保参保缴费通知"]


def test_unpublishing_removes_the_item_from_results(department, search_index, indexed):
    with indexed():
        page = factories.article(factories.column(department), title="森林防火紧急通知")
    assert titles(find("森林防火")) == ["森林防火紧急通知"]
    with indexed():
        page.unpublish()
    assert titles(find("森林防火")) == []
    assert CatalogueEntry.objects.get(page_key=page.pk).status == CatalogueEntry.Status.WITHDRAWN


def test_deleting_a_page_removes_the_item_from_results(department, search_index, indexed):
    with indexed():
        page = factories.article(factories.column(department), title="防汛抗旱工作部署")
    with indexed():
        page.delete()
    assert titles(find("防汛抗旱")) == []


def test_nothing_is_indexed_before_the_transaction_commits(department, search_index, django_capture_on_commit_callbacks):
    organisations = whoosh_engine.document_count()  # the county and the department (kind 机构)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        factories.article(factories.column(department), title="高标准农田建设项目公示")
        assert whoosh_engine.document_count() == organisations
    assert PendingIndexUpdate.objects.exists()
    assert callbacks, "indexing is requested on commit"
    for callback in callbacks:
        callback()
    assert titles(find("高标准农田")) == ["高标准农田建设项目公示"]
    assert not PendingIndexUpdate.objects.exists()
