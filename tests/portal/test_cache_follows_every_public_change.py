"""The anonymous page cache follows every change that alters what an anonymous visitor may see.

Publishing already renewed it; view restrictions, redirects, Sites and site settings must too,
and the sitemap follows the same generation instead of a 15-minute cache of its own.
"""

import pytest
from django.core.cache import cache
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction, Site

from portal import page_cache
from tests import factories


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    cache.clear()
    page_cache.forget_local()
    yield
    cache.clear()
    page_cache.forget_local()


def test_a_page_locked_to_staff_is_not_served_from_the_cache_any_more(client, department):
    article = factories.article(factories.column(department), title="仅限内部查看的会议纪要")
    assert "仅限内部查看的会议纪要" in client.get(article.url).content.decode()
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(article.url)
    assert response.status_code == 302, "Wagtail asks for a login instead of the cached public copy"
    assert "仅限内部查看的会议纪要" not in client.get(department.home_page.url).content.decode()


def test_removing_a_restriction_shows_the_item_on_cached_listings_again(client, department):
    article = factories.article(factories.column(department), title="恢复公开的通知")
    restriction = PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert "恢复公开的通知" not in client.get(department.home_page.url).content.decode()

    restriction.delete()

    assert "恢复公开的通知" in client.get(department.home_page.url).content.decode()


def test_a_new_redirect_replaces_a_cached_404(client, department):
    column = factories.column(department)
    assert client.get("/old-news/").status_code == 404
    assert client.get("/old-news/")["X-Page-Cache"] == "hit"

    Redirect.objects.create(old_path="/old-news", redirect_page=column)

    response = client.get("/old-news/")
    assert response.status_code == 301
    assert response["Location"].endswith(column.url)


def test_a_site_edit_renews_cached_pages(client, county):
    client.get("/")
    generation = page_cache.current_generation()
    site = Site.objects.get(is_default_site=True)
    site.site_name = "示例县人民政府门户网站"
    site.save()
    assert page_cache.current_generation() > generation


def test_the_sitemap_follows_the_page_cache_generation(client, department):
    def sitemap_section():
        return client.get("/sitemap-pages.xml").content.decode()

    assert "xinwen-fabuhui" not in sitemap_section()
    factories.article(factories.column(department), title="新闻发布会", slug="xinwen-fabuhui")
    assert "xinwen-fabuhui" in sitemap_section()
