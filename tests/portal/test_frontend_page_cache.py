"""Anonymous pages come from the cache; publishing, unpublishing and moving make them fresh at once."""

import pytest
from django.core.cache import cache

from portal import page_cache
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    cache.clear()
    page_cache.forget_local()
    yield
    cache.clear()
    page_cache.forget_local()


def test_a_second_anonymous_visit_is_served_from_the_cache_without_queries(client, county, django_assert_num_queries):
    assert client.get("/")["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = client.get("/")
    assert response["X-Page-Cache"] == "hit"
    assert "示例县人民政府" in response.content.decode()


def test_a_newly_published_item_appears_on_the_portal_home_at_once(client, county):
    client.get("/")
    factories.article(factories.column(county, "headlines"), title="全县秋冬季森林防火工作会议召开")
    response = client.get("/")
    assert "全县秋冬季森林防火工作会议召开" in response.content.decode()


def test_unpublishing_removes_the_item_from_cached_pages(client, department):
    article = factories.article(factories.column(department), title="即将撤下的一条动态")
    assert "即将撤下的一条动态" in client.get(department.home_page.url).content.decode()
    article.unpublish()
    assert "即将撤下的一条动态" not in client.get(department.home_page.url).content.decode()


def test_moving_a_page_invalidates_the_cache(client, department):
    column = factories.column(department)
    article = factories.article(column, title="将被移动的文章")
    client.get(column.url)
    generation = page_cache.current_generation()
    article.move(factories.column(department, "notices"), pos="last-child")
    assert page_cache.current_generation() > generation


def test_reading_preferences_get_their_own_cache_entries(client, county):
    client.get("/")
    client.cookies["elder_mode"] = "1"
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "elder-mode" in response.content.decode()


def test_logged_in_editors_never_see_or_fill_the_cache(client, county, django_user_model):
    client.get("/")
    user = django_user_model.objects.create_user("editor", password="pw", is_superuser=True)
    client.force_login(user)
    response = client.get("/")
    assert "X-Page-Cache" not in response


def test_responses_that_set_cookies_are_not_stored(rf):
    from django.http import HttpResponse

    response = HttpResponse("x")
    response.set_cookie("csrftoken", "abc")
    assert not page_cache.response_is_cacheable(response)
    assert page_cache.response_is_cacheable(HttpResponse("x"))


def test_the_query_string_is_part_of_the_key(client, county):
    client.get("/yw/")
    assert client.get("/yw/?page=2")["X-Page-Cache"] == "miss"
    assert client.get("/yw/?page=2")["X-Page-Cache"] == "hit"


def test_unknown_pages_are_cached_as_404_and_stay_404(client, county):
    assert client.get("/no-such-page/").status_code == 404
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and response["X-Page-Cache"] == "hit"


def test_search_answers_are_never_cached_so_they_follow_the_index_and_every_query_is_logged(client, county):
    from disclosure.models import SearchQueryLog

    for url in ("/search/?q=森林防火", "/api/search/?q=森林防火"):
        client.get(url)
        assert "X-Page-Cache" not in client.get(url)
    assert SearchQueryLog.objects.filter(query="森林防火").count() == 4
