"""The search page: what a citizen sees, facets that narrow, sub-site scope, and friendly answers to odd input."""

import pytest

from portal.column_kinds import ColumnKind
from tests import factories


@pytest.fixture
def published(department, township, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="义务教育招生入学工作通知",
                          body="今年秋季义务教育招生工作即将开始，请家长关注。")
        factories.article(factories.column(township), title="城关镇义务教育学校开放日",
                          body="城关镇组织义务教育学校开放日活动。")
        factories.policy(factories.column(department, ColumnKind.POLICIES), title="关于规范义务教育办学行为的意见",
                         number="示教发〔2025〕3号")
    return department, township


def test_results_show_count_title_organisation_date_index_number_and_highlighted_snippet(client, published):
    response = client.get("/search/", {"q": "招生"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "找到 1 条结果" in html and "毫秒" in html
    assert "<mark>招生</mark>" in html
    assert "示例县教育局" in html
    assert "索引号：" in html and "发布日期：" in html


def test_query_and_document_text_are_escaped(client, department, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="关于<script>alert(1)</script>防范的提示",
                          body="注意<img src=x onerror=alert(2)>防范电信诈骗。")
    response = client.get("/search/", {"q": "<script>alert(1)</script> 防范"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_facets_count_and_narrow_the_results(client, published):
    department, township = published
    response = client.get("/search/", {"q": "义务教育"})
    outcome = response.context["outcome"]
    assert outcome.total == 3
    organisations = {item["value"]: item["count"] for item in outcome.facets["organisation"]}
    assert organisations == {department.slug: 2, township.slug: 1}
    narrowed = client.get("/search/", {"q": "义务教育", "org": township.slug}).context["outcome"]
    assert [result["title"] for result in narrowed.results] == ["城关镇义务教育学校开放日"]
    genre = client.get("/search/", {"q": "义务教育", "genre": "opinion"}).context["outcome"]
    assert genre.total <= 3
    assert all(item["selected"] for item in genre.facets["genre"] if item["value"] == "opinion")


def test_a_department_subsite_searches_itself_by_default_and_scope_all_widens(client, published):
    department, township = published
    scoped = client.get("/search/", {"q": "义务教育", "org": department.slug}).context
    assert scoped["outcome"].total == 2
    assert scoped["widen_link"]
    from disclosure.search.params import read_params
    from disclosure.search.service import search

    assert search(read_params({"q": "义务教育"}), site_organisation=township, log=False).total == 1
    assert search(read_params({"q": "义务教育", "scope": "all"}), site_organisation=township, log=False).total == 3


def test_pagination(client, department, search_index, indexed):
    column = factories.column(department)
    with indexed():
        for number in range(23):
            factories.article(column, title=f"第{number + 1}期安全生产简报")
    first = client.get("/search/", {"q": "安全生产"}).context["outcome"]
    second = client.get("/search/", {"q": "安全生产", "page": 2}).context["outcome"]
    assert (first.total, first.num_pages, len(first.results), len(second.results)) == (23, 2, 20, 3)
    assert not {r["id"] for r in first.results} & {r["id"] for r in second.results}


# A NUL ("\x00") is no query a person types: it is refused with a 400 before any view
# (tests/security/test_null_characters.py).
@pytest.mark.parametrize("query", ["", "   ", "，。！？……", "AND OR (", "title:", "*", "招生" * 1000, "\x01"])
def test_odd_queries_get_a_friendly_answer_never_an_error(client, published, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    api = client.get("/api/search/", {"q": query})
    assert api.status_code == 200


def test_bad_parameters_are_explained_not_errors(client, published):
    response = client.get("/search/", {"q": "招生", "page": "abc", "sort": "x", "year": "99999", "org": "nope"})
    assert response.status_code == 200
    assert "页码无效" in response.content.decode()
    assert client.get("/api/search/", {"q": "招生", "page": "abc"}).status_code == 400
