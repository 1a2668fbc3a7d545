"""The Elasticsearch road (``disclosure/search/elastic.py``), end to end against a stub server.

No Elasticsearch can run on this machine, so ``es_stub.py`` stands in: a real HTTP server the real
client and haystack talk to, which evaluates the queries the engine sends. Everything on our side
(the mapping haystack creates, the queue's bulk writes, the engine's query, the fallback) is real.
"""

import contextlib
import json
import socket

import elasticsearch
import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings
from haystack import connections

from disclosure.models import PendingIndexUpdate
from disclosure.search import documents, elastic, engines, queue
from disclosure.search.checks import check_search_index
from disclosure.search.query import parse
from disclosure.search.segmenter import identifier_key, index_terms
from portal.column_kinds import ColumnKind
from tests import factories
from tests.disclosure.search.es_stub import StubElasticsearch
from tests.disclosure.search.helpers import find, titles

INDEX = "county_test"


@contextlib.contextmanager
def haystack_connection(**options):
    """The default haystack connection switched to an Elasticsearch engine for the block."""
    connection = {"ENGINE": "disclosure.search.elastic.CountyElasticsearchEngine", "INDEX_NAME": INDEX,
                  "CHINESE_ANALYZER": "presegmented", **options}
    old_info = connections.connections_info
    with override_settings(HAYSTACK_CONNECTIONS={"default": connection}):
        connections.connections_info = settings.HAYSTACK_CONNECTIONS
        try:
            yield connections.reload("default").get_backend()
        finally:
            connections.connections_info = old_info
            connections.reload("default")


@pytest.fixture
def es_server():
    server = StubElasticsearch().start()
    yield server
    server.stop()


@pytest.fixture
def elastic_search(es_server):
    with haystack_connection(URL=es_server.url):
        yield es_server


def catalogue_documents(server):
    """The server's catalogue documents (organisations, kind 机构, are in the index too)."""
    return {key: doc for key, doc in server.documents(INDEX).items() if key.startswith("disclosure.catalogueentry.")}


def closed_port_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/"


def test_the_engine_is_chosen_by_the_backend(elastic_search):
    assert engines.current() is elastic


def test_publishing_creates_the_index_with_chinese_analysis_and_sends_presegmented_text(
        department, elastic_search, indexed):
    with indexed():
        page = factories.policy(factories.column(department, ColumnKind.POLICIES), title="关于做好社会保险扩面工作的通知",
                                number="示政发〔2025〕12号")
    created = elastic_search.requests_to("PUT", f"/{INDEX}")
    assert created and created[0].body["settings"]["analysis"]["analyzer"]["county_presegmented"] == {
        "type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}
    mapping = elastic_search.requests_to("PUT", f"/{INDEX}/_mapping")[-1].body["properties"]
    assert mapping["text"]["analyzer"] == mapping["title"]["analyzer"] == "county_presegmented"
    assert mapping["identifiers"] == {"type": "keyword"}
    assert all(mapping[name] == {"type": "keyword"} for name in ("kind", "organisation", "genre", "topic", "year"))
    assert mapping["published_at"] == {"type": "date"}

    bulk = elastic_search.requests_to("POST", f"/{INDEX}/_bulk")
    assert len(bulk) == 1 and bulk[0].params["refresh"] == "true"
    (doc,) = [item for item in bulk[0].body if item.get("django_ct") == "disclosure.catalogueentry"]
    entry = page.catalogue_entry
    catalogue_index = documents.catalogue_index()
    assert doc["text"] == " ".join(index_terms(catalogue_index.prepare_text(entry)))
    assert {"社会保险", "社会", "保险", "工作", "通知"} <= set(doc["text"].split())
    assert doc["title"] == " ".join("关于做好社会保险扩面工作的通知")
    assert doc["match_text"].startswith(" ".join("关于做好社会保险扩面工作的通知") + " | ")
    assert sorted(doc["identifiers"]) == sorted([identifier_key("示政发〔2025〕12号"), identifier_key(entry.index_number)])
    assert doc["organisation"] == "jyj" and doc["django_id"] == str(entry.pk)
    assert not PendingIndexUpdate.objects.exists()
    assert check_search_index() == []


@pytest.fixture
def published(department, township, elastic_search, indexed):
    with indexed():
        factories.article(factories.column(department), title="全县召开民生工作会议",
                          body="会议要求落实社会保险扩面，深入开展就业帮扶。")
        factories.article(factories.column(department), title="社会保险费征缴工作通知", body="请各单位按时缴纳。")
        factories.policy(factories.column(department, ColumnKind.POLICIES), title="关于印发农村人居环境整治方案的通知",
                         number="示政发〔2025〕12号")
        factories.policy(factories.column(department, ColumnKind.POLICIES), title="关于印发森林防火工作方案的通知",
                         number="示政发〔2025〕13号")
        factories.article(factories.column(township), title="城关镇就业帮扶工作总结", body="开展就业帮扶专场招聘。")
    return elastic_search


def test_words_inside_sentences_all_words_synonyms_and_title_ranking(published):
    assert titles(find("社会保险")) == ["社会保险费征缴工作通知", "全县召开民生工作会议"]
    assert titles(find("社保")) == ["社会保险费征缴工作通知", "全县召开民生工作会议"]  # synonym 社保 → 社会保险
    assert titles(find("社会保险 就业帮扶")) == ["全县召开民生工作会议"]
    assert titles(find("扩面")) == ["全县召开民生工作会议"]
    assert titles(find("林业")) == []
    searches = published.requests_to("POST", f"/{INDEX}/_search")
    assert searches and all(request.body["size"] == 20 and request.body["track_total_hits"] for request in searches)


def test_document_numbers_are_found_exactly_and_first(published):
    assert titles(find("示政发〔2025〕12号"))[0] == "关于印发农村人居环境整治方案的通知"
    assert titles(find("示政发[2025]12号"))[0] == "关于印发农村人居环境整治方案的通知"
    assert titles(find("示政发〔2025〕13号"))[0] == "关于印发森林防火工作方案的通知"


def test_filters_narrow_facets_count_and_date_sort(published, township):
    outcome = find("就业帮扶")
    assert sorted(titles(outcome)) == ["全县召开民生工作会议", "城关镇就业帮扶工作总结"]
    assert {item["value"]: item["count"] for item in outcome.facets["organisation"]} == {"jyj": 1, "cgz": 1}
    assert sum(item["count"] for item in outcome.facets["year"]) == 2
    assert titles(find("就业帮扶", org="cgz")) == ["城关镇就业帮扶工作总结"]
    assert titles(find("工作", sort="date"))[0] == "城关镇就业帮扶工作总结"  # published last


def test_the_search_page_answers_from_elasticsearch(client, published):
    html = client.get("/search/", {"q": "社保"}).content.decode()
    assert "费征缴工作通知" in html and "找到 2 条结果" in html and "搜索索引暂时不可用" not in html


def test_unpublishing_removes_the_entry(department, elastic_search, indexed):
    with indexed():
        page = factories.article(factories.column(department), title="森林防火紧急通知")
    assert titles(find("森林防火")) == ["森林防火紧急通知"]
    with indexed():
        page.unpublish()
    assert titles(find("森林防火")) == []
    assert catalogue_documents(elastic_search) == {}
    last_bulk = elastic_search.requests_to("POST", f"/{INDEX}/_bulk")[-1]
    assert last_bulk.body == [{"delete": {"_id": queue.get_identifier_for_pk(page.catalogue_entry.pk)}}]


def test_rebuild_index_goes_through_haystack_and_check_warns_until_then(department, elastic_search,
                                                                        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        factories.article(factories.column(department), title="高标准农田建设项目公示")
    assert [message.id for message in check_search_index()] == ["search.W001"]  # no index on the server yet
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert elastic_search.requests_to("DELETE", f"/{INDEX}")
    assert len(catalogue_documents(elastic_search)) == 1
    assert titles(find("农田")) == ["高标准农田建设项目公示"]
    PendingIndexUpdate.objects.all().delete()
    assert check_search_index() == []


def test_letters_and_organisations_are_found_masked_by_kind_and_a_held_back_letter_leaves(client, department,
                                                                                         elastic_search, indexed):
    import datetime

    from interaction.handling import decide_publication, reply
    from tests.interaction.builders import letter, mailbox_of

    with indexed():
        factories.article(factories.column(department), title="幸福路改造工程公示")
        item = letter(mailbox_of(department), datetime.date(2026, 11, 2), subject="幸福路路灯不亮",
                      message="电话13912345678，幸福路中段路灯不亮。")
        reply(item, "已修复。", actor=None)
        department.address = "示例县幸福路八号"
        department.save()
    body = client.get("/api/search/", {"q": "幸福路"}).json()
    assert {row["value"]: row["count"] for row in body["facets"]["kind"]} == {
        "document": 1, "interaction": 1, "organisation": 1}
    assert {row["title"]: row["kind"] for row in body["results"]} == {
        "幸福路改造工程公示": "document", "幸福路路灯不亮": "interaction", "示例县教育局": "organisation"}
    assert [row["title"] for row in client.get("/api/search/", {"q": "幸福路", "kind": "interaction"}).json()["results"]] \
        == ["幸福路路灯不亮"]
    sent = json.dumps(elastic_search.documents(INDEX), ensure_ascii=False)
    assert "13912345678" not in sent and "王小明" not in sent
    assert "139****<mark>5678</mark>" in client.get("/api/search/", {"q": "5678"}).json()["results"][0]["snippet"]
    with indexed():
        decide_publication(item, publish=False, actor=None, reason="涉及隐私")
    assert titles(find("幸福路", kind="interaction")) == []
    assert f"interaction.letter.{item.pk}" not in elastic_search.documents(INDEX)


def test_an_unreachable_server_falls_back_to_the_database_and_keeps_updates_pending(client, department, indexed):
    with haystack_connection(URL=closed_port_url()):
        with indexed():
            factories.article(factories.column(department), title="老旧小区改造项目公示", body="改造内容包括管网。")
        pending = PendingIndexUpdate.objects.get(model="disclosure.catalogueentry")
        assert pending.attempts == 1 and "ConnectionError" in pending.last_error
        outcome = find("老旧小区 管网")
        assert outcome.used_fallback and "搜索索引暂时不可用" in outcome.notice
        assert [result["title"] for result in outcome.results] == ["老旧小区改造项目公示"]
        assert [message.id for message in check_search_index()] == ["search.W001"]


def test_plugin_analyzers_send_raw_text_and_a_server_without_the_plugin_refuses_loudly(department, es_server):
    with haystack_connection(URL=es_server.url, CHINESE_ANALYZER="ik_max_word") as backend:
        _name, mapping = backend.build_schema(connections["default"].get_unified_index().all_searchfields())
        assert mapping["text"] == {"type": "text", "norms": False, "analyzer": "ik_max_word",
                                   "search_analyzer": "ik_smart"}
        page = factories.article(factories.column(department), title="社会保险费征缴工作通知")
        doc = backend.prepare_document(documents.catalogue_index(), page.catalogue_entry)
        assert doc["text"].startswith("社会保险费征缴工作通知")
        assert doc["title"] == " ".join("社会保险费征缴工作通知")  # characters for the title tiers, in every mode
        body = json.dumps(elastic.build_query(parse("社会保险"), {}, "relevance", 0, 20, "ik_max_word"), ensure_ascii=False)
        assert '{"match": {"text": {"query": "社会保险", "operator": "and"}}}' in body and '"term": {"text"' not in body
        with pytest.raises(elasticsearch.RequestError, match="ik_max_word"):
            backend.setup()  # the stub, like a server without the IK plugin, has no such analyzer
    with pytest.raises(ImproperlyConfigured):
        with haystack_connection(URL=es_server.url, CHINESE_ANALYZER="jieba"):
            pass
