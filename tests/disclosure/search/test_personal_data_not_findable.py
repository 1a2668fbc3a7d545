"""A page that shows an ID, mobile or bank card number cannot be found by it through search (issue item 5).

The index receives the masked text, snippets and titles are masked, and the numbers in a query are not
searched for, not even by the database fallback when the index is down.
"""

import shutil

from disclosure.id_numbers import make_id_number
from disclosure.search import whoosh_engine
from tests import factories

ID_NUMBER = make_id_number("33010619850312123")
MOBILE = "13912345678"
CARD = "6222021234567890128"


def publish_list(department, indexed):
    """A list that reached the public before the content checks existed (or was published with an override)."""
    from portal import publication_checks

    checks = publication_checks._checks[:]
    publication_checks._checks.clear()
    try:
        with indexed():
            page = factories.article(
                factories.column(department), title="2026年度困难学生资助名单公示",
                body=f"王小明，身份证号 {ID_NUMBER}，联系电话 {MOBILE}，银行卡号 {CARD}，资助金额 2000 元。",
            )
    finally:
        publication_checks._checks[:] = checks
    assert page.live
    return page


def test_the_search_api_does_not_find_a_page_by_the_id_number_it_shows(client, department, search_index, indexed):
    publish_list(department, indexed)
    for number in (ID_NUMBER, ID_NUMBER.lower(), MOBILE, CARD):
        body = client.get("/api/search/", {"q": number}).json()
        assert body["count"] == 0, number
        assert number not in str(body["results"])
    assert "不能按身份证号" in client.get("/api/search/", {"q": ID_NUMBER}).json()["message"]


def test_the_page_is_found_by_its_words_with_the_numbers_masked_in_the_snippet(client, department, search_index, indexed):
    publish_list(department, indexed)
    body = client.get("/api/search/", {"q": f"资助名单 {ID_NUMBER}"}).json()
    assert body["count"] == 1
    snippet = body["results"][0]["snippet"]
    assert ID_NUMBER not in snippet and MOBILE not in snippet and CARD not in snippet
    assert "3301**********1233"[:4] in snippet and "**********" in snippet and "139****5678" in snippet


def test_the_database_fallback_does_not_find_it_either(client, department, search_index, indexed):
    publish_list(department, indexed)
    shutil.rmtree(search_index)
    whoosh_engine.forget_view()
    body = client.get("/api/search/", {"q": ID_NUMBER}).json()
    assert body["count"] == 0
    body = client.get("/api/search/", {"q": "资助名单"}).json()
    assert body["count"] == 1 and ID_NUMBER not in str(body["results"])


def test_the_index_never_receives_the_numbers(department, search_index, indexed):
    from disclosure.models import CatalogueEntry
    from disclosure.search_indexes import CatalogueEntryIndex

    page = publish_list(department, indexed)
    entry = CatalogueEntry.objects.get(page_key=page.pk)
    text = CatalogueEntryIndex().prepare_text(entry)
    assert "资助金额" in text
    assert ID_NUMBER not in text and MOBILE not in text and CARD not in text


def test_an_index_number_and_a_credit_code_stay_searchable(client, department, search_index, indexed):
    """Only checksum-valid identifiers are masked: an 18-digit credit code is not an ID number."""
    with indexed():
        factories.article(factories.column(department), title="营业执照变更公告", body="统一社会信用代码 113301990010000018。")
    assert client.get("/api/search/", {"q": "113301990010000018"}).json()["count"] == 1
