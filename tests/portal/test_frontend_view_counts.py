"""阅读次数: buffered in the cache (no database write per view), flushed in batches, bots not counted."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from portal import view_counts
from portal.models import PageViewCount
from tests import factories

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Linux; Android 10) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    view_counts.forget_local()
    yield
    cache.clear()
    view_counts.forget_local()


@pytest.fixture
def article(department):
    return factories.article(factories.column(department), title="县教育局部署冬季校园安全工作")


def test_a_view_is_buffered_without_touching_the_database(article, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert view_counts.record_view(article.pk, BROWSER)
        view_counts.push_local()
    assert not PageViewCount.objects.exists()
    assert view_counts.pending_views(article.pk) == 1
    assert view_counts.view_count(article.pk) == 1


@pytest.mark.parametrize("agent", ["", "Baiduspider/2.0", "Googlebot/2.1", "curl/8.0", "python-requests/2.31", "Mozilla/5.0 HeadlessChrome/120"])
def test_obvious_bots_are_not_counted(article, agent):
    assert not view_counts.record_view(article.pk, agent)
    assert view_counts.view_count(article.pk) == 0


def test_flush_moves_buffered_views_into_the_database_in_one_batch(article, department):
    other = factories.article(factories.column(department), title="另一篇文章")
    for _ in range(3):
        view_counts.record_view(article.pk, BROWSER)
    view_counts.record_view(other.pk, BROWSER)
    assert view_counts.flush() == {article.pk: 3, other.pk: 1}
    assert PageViewCount.objects.get(page=article).count == 3
    assert view_counts.pending_views(article.pk) == 0
    view_counts.record_view(article.pk, BROWSER)
    view_counts.flush()
    assert PageViewCount.objects.get(page=article).count == 4
    assert view_counts.view_count(article.pk) == 4


def test_views_arriving_during_a_flush_are_kept_for_the_next_one(article, monkeypatch):
    view_counts.record_view(article.pk, BROWSER)
    view_counts.push_local()
    original_decr = cache.decr

    def decr_after_a_concurrent_view(key, delta=1):
        cache.incr(key)  # a visitor arrives between reading and taking the count
        return original_decr(key, delta)

    monkeypatch.setattr(cache, "decr", decr_after_a_concurrent_view)
    view_counts.flush()
    monkeypatch.undo()
    assert view_counts.flush() == {article.pk: 1}
    assert PageViewCount.objects.get(page=article).count == 2


def test_the_management_command_flushes(article, capsys):
    view_counts.record_view(article.pk, BROWSER)
    call_command("flush_view_counts")
    assert "1 个页面的 1 次阅读" in capsys.readouterr().out
    assert PageViewCount.objects.get(page=article).count == 1


def test_visiting_an_article_counts_and_shows_the_count(client, article):
    client.get(article.url, HTTP_USER_AGENT=BROWSER)
    client.get(article.url, HTTP_USER_AGENT=BROWSER)
    html = client.get(article.url, HTTP_USER_AGENT=BROWSER).content.decode()
    assert "阅读次数" in html
    assert '<span class="view-count">2</span>' in html  # the two earlier visits
    assert view_counts.view_count(article.pk) == 3


def test_column_pages_and_bots_are_not_counted(client, article):
    client.get(article.get_parent().url, HTTP_USER_AGENT=BROWSER)
    client.get(article.url, HTTP_USER_AGENT="Baiduspider")
    assert view_counts.view_count(article.pk) == 0


def test_views_served_from_the_page_cache_are_counted_too(client, article, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    client.get(article.url, HTTP_USER_AGENT=BROWSER)
    response = client.get(article.url, HTTP_USER_AGENT=BROWSER)
    assert response["X-Page-Cache"] == "hit"
    assert view_counts.view_count(article.pk) == 2
