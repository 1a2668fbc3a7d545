"""/api/catalogue/: exactly the documented fields; with ``since`` a harvester can mirror the catalogue."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from disclosure.models import CatalogueEntry
from portal.column_kinds import ColumnKind
from portal.models import ArticlePage
from tests import factories

FIELDS = {
    "index_number", "title", "url", "organisation", "genre", "topic", "document_number", "written_date",
    "display_date", "published_at", "updated_at", "validity", "status",
    "summary", "made_date", "statutory_item",
}


@pytest.fixture
def items(department, township):
    policy = factories.policy(factories.column(department, ColumnKind.POLICIES), title="关于做好秋季学期开学工作的通知")
    news = factories.article(factories.column(department), title="县教育局召开安全工作会议")
    town = factories.article(factories.column(township), title="城关镇开展防汛演练")
    return {"policy": policy, "news": news, "town": town}


def test_results_carry_exactly_the_documented_fields(client, items, department):
    data = client.get("/api/catalogue/").json()
    assert data["count"] == 3 and data["next"] is None
    assert set(data) == {"count", "next", "results"}
    result = next(item for item in data["results"] if item["title"] == "关于做好秋季学期开学工作的通知")
    assert set(result) == FIELDS
    entry = CatalogueEntry.objects.get(page_key=items["policy"].pk)
    assert result["index_number"] == entry.index_number
    assert result["organisation"] == {"slug": department.slug, "name": department.name}
    assert result["document_number"] == "示政发〔2025〕12号"
    assert result["genre"] == "notice" and result["validity"] == "valid" and result["status"] == "live"
    assert result["url"].startswith("http")
    assert result["summary"] == entry.summary and result["summary"].startswith("各乡镇人民政府")
    assert result["statutory_item"] == "a20-01-normative-documents"
    assert datetime.datetime.fromisoformat(result["published_at"]) == entry.first_published_at


def test_filters_and_absolute_next_links(client, items, department):
    for title in ("一", "二", "三"):
        factories.article(factories.column(department), title=f"动态{title}")
    first = client.get("/api/catalogue/", {"org": department.slug, "page_size": "2"}).json()
    assert first["count"] == 5
    assert first["next"].startswith("http://testserver/api/catalogue/?")
    assert "org=jyj" in first["next"] and "page=2" in first["next"]
    last = client.get(first["next"].replace("page=2", "page=3")).json()
    assert len(last["results"]) == 1 and last["next"] is None


def test_since_includes_withdrawn_entries_in_order_of_change(client, items):
    start = timezone.now()
    with time_machine.travel(start + datetime.timedelta(minutes=5)):
        items["news"].unpublish()
    with time_machine.travel(start + datetime.timedelta(minutes=10)):
        page = ArticlePage.objects.get(pk=items["town"].pk)
        page.title = "城关镇开展防汛演练（更新）"
        page.save_revision().publish()

    since = (start + datetime.timedelta(minutes=1)).isoformat()
    data = client.get("/api/catalogue/", {"since": since}).json()
    assert [(item["title"], item["status"]) for item in data["results"]] == [
        ("县教育局召开安全工作会议", "withdrawn"),
        ("城关镇开展防汛演练（更新）", "live"),
    ]
    assert data["results"][0]["updated_at"] < data["results"][1]["updated_at"]
    assert "县教育局召开安全工作会议" not in str(client.get("/api/catalogue/").json())


def test_since_accepts_an_unescaped_plus_in_the_offset(client, items):
    response = client.get("/api/catalogue/?since=2000-01-01T00:00:00+08:00")
    assert response.status_code == 200
    assert response.json()["count"] == 3


@pytest.mark.parametrize(
    "query, field",
    [
        ({"since": "yesterday"}, "since"),
        ({"since": "2025-13-45T99:00"}, "since"),
        ({"org": "nobody"}, "org"),
        ({"topic": "abc"}, "topic"),
        ({"year": "abcd"}, "year"),
        ({"genre": "poem"}, "genre"),
    ],
)
def test_bad_parameters_get_a_400_naming_the_field(client, items, query, field):
    response = client.get("/api/catalogue/", query)
    assert response.status_code == 400
    data = response.json()
    assert data["detail"] and field in data["errors"]


@pytest.mark.parametrize("query", [{"page": "abc"}, {"page": "-1"}, {"page_size": "1000"}, {"page_size": "x"}])
def test_bad_paging_gets_a_400(client, items, query):
    response = client.get("/api/catalogue/", query)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_a_page_past_the_end_is_empty(client, items):
    data = client.get("/api/catalogue/", {"page": "50"}).json()
    assert data == {"count": 3, "next": None, "results": []}


def test_the_date_made_is_the_written_date_or_else_the_day_shown_as_published(client, department):
    """生成日期 (条例 art. 12): a document's 成文日期; news has none, so the day it is shown as published."""
    with time_machine.travel(datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC), tick=False):
        factories.policy(factories.column(department, ColumnKind.POLICIES), title="成文日期早于发布的文件",
                         written_date=datetime.date(2026, 3, 2))
        factories.article(factories.column(department), title="没有成文日期的新闻")
    made = {item["title"]: item["made_date"] for item in client.get("/api/catalogue/").json()["results"]}
    assert made == {"成文日期早于发布的文件": "2026-03-02", "没有成文日期的新闻": "2026-03-10"}
