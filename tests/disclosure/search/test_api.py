"""The JSON API answers with exactly the documented fields."""

from tests import factories


def test_api_shape(client, department, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="家庭医生签约服务通知", body="推进家庭医生签约服务。")
    body = client.get("/api/search/", {"q": "家庭医生"}).json()
    assert set(body) >= {"query", "count", "page", "num_pages", "took_ms", "results", "facets", "suggestions"}
    assert (body["query"], body["count"], body["page"], body["num_pages"]) == ("家庭医生", 1, 1, 1)
    result = body["results"][0]
    assert set(result) == {"title", "url", "index_number", "organisation", "genre", "kind", "topic", "published_at",
                           "snippet"}
    assert result["kind"] == "document"
    assert (body["did_you_mean"], body["corrected_from"], body["relaxed"]) == (None, None, False)
    assert result["organisation"] == {"slug": department.slug, "name": department.name}
    assert "<mark>家庭医生</mark>" in result["snippet"]
    assert set(body["facets"]) == {"kind", "organisation", "genre", "topic", "year"}
    assert body["facets"]["kind"] == [{"value": "document", "label": "文件资料", "count": 1}]
    assert body["facets"]["organisation"] == [{"value": department.slug, "label": department.name, "count": 1}]


def test_zero_results_suggest_popular_queries_sharing_a_word(client, department, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="医疗保险参保缴费通知")
    for _ in range(3):
        client.get("/api/search/", {"q": "医疗保险"})
    body = client.get("/api/search/", {"q": "医疗保险报销比例调整"}).json()
    assert body["count"] == 0
    assert "医疗保险" in body["suggestions"]
