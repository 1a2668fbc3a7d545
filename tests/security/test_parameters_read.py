"""The hostile-input battery aims at the parameters a route reads (tests/security/parameters_read.py):
what it counts as a read decides what gets tested, so it is tested itself."""

import pytest
from django.test import RequestFactory

from tests.security.parameters_read import EVERY, parameters_read, recording


def test_a_value_asked_for_is_read_and_the_rest_are_not():
    with recording() as reads:
        query = RequestFactory().get("/x/", {"page": "2", "q": "社保", "sort": "date"}).GET
        query.get("page")
        "sort" in query  # noqa: B015 - asking whether a parameter is there reads it too
    assert reads == {"page", "sort"}


@pytest.mark.parametrize("whole", ["items", "keys", "values", "lists", "dict", "__iter__"])
def test_taking_the_query_as_a_whole_reads_every_parameter(whole):
    with recording() as reads:
        query = RequestFactory().get("/x/", {"page": "2"}).GET
        list(getattr(query, whole)()) if whole != "dict" else query.dict()
    assert EVERY in reads


def test_copying_the_query_into_a_link_is_not_a_read_but_what_the_copy_is_asked_for_is():
    with recording() as reads:
        query = RequestFactory().get("/x/", {"page": "2", "q": "社保"}).GET
        link = query.copy()
        link.pop("page")
        link.urlencode()
    assert reads == {"page"}


def test_outside_the_block_nothing_is_recorded():
    with recording() as reads:
        pass
    RequestFactory().get("/x/", {"page": "2"}).GET.get("page")
    assert reads == set()


@pytest.mark.django_db
def test_the_search_page_reads_its_own_parameters_and_not_the_preferences(client):
    read = parameters_read(client, "/search/", ["q", "page", "sort", "scope", "elder", "next"])
    assert read[:4] == ["q", "page", "sort", "scope"]
    assert "kind" in read[4:]  # the 办事服务/互动交流 facet, missing from the battery's hand-kept list
    assert "elder" not in read and "next" not in read


@pytest.mark.django_db
def test_a_parameter_the_callers_list_lacks_is_found_too(client):
    read = parameters_read(client, "/preferences/", ["elder", "font"])
    assert read[:2] == ["elder", "font"]
    assert {"contrast", "cursor", "guide"} <= set(read[2:])
