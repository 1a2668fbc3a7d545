"""Synonyms, editors' picks, the query log, popular searches and the zero-results report."""

from django.template import Context, Template

from disclosure.models import EditorsPick, SearchQueryLog, SynonymGroup
from tests import factories
from tests.disclosure.search.helpers import find, titles


def test_seeded_synonyms_expand_queries(department, search_index, indexed):
    assert SynonymGroup.objects.filter(words__contains="社会保险").exists()
    with indexed():
        factories.article(factories.column(department), title="社会保险待遇资格认证通知")
        factories.article(factories.column(department), title="住房公积金提取指南")
    assert titles(find("社保")) == ["社会保险待遇资格认证通知"]
    assert titles(find("公积金")) == ["住房公积金提取指南"]


def test_a_new_synonym_takes_effect(department, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="农村妇女宫颈癌和乳腺癌免费筛查")
    assert titles(find("两癌筛查")) == []
    SynonymGroup.objects.create(words="两癌筛查、宫颈癌和乳腺癌免费筛查")
    assert titles(find("两癌筛查")) == ["农村妇女宫颈癌和乳腺癌免费筛查"]


def test_editors_picks_are_pinned_on_top(department, search_index, indexed):
    column = factories.column(department)
    with indexed():
        factories.article(column, title="疫苗接种门诊时间调整")
        pinned = factories.article(column, title="预防接种服务指南", body="疫苗接种地点和时间。")
    EditorsPick.objects.create(query=" 疫苗接种 ", entry=pinned.catalogue_entry, description="官方指南")
    outcome = find("疫苗接种")
    assert outcome.picks[0]["title"] == "预防接种服务指南"
    assert titles(outcome) == ["预防接种服务指南", "疫苗接种门诊时间调整"]


def test_every_search_is_logged_without_personal_data(client, department, search_index):
    client.get("/search/", {"q": "不动产登记"}, REMOTE_ADDR="10.1.2.3")
    log = SearchQueryLog.objects.get()
    assert (log.query, log.result_count, log.scope) == ("不动产登记", 0, "")
    field_names = {field.name for field in SearchQueryLog._meta.get_fields()}
    assert not field_names & {"ip", "ip_address", "user", "session", "user_agent"}
    assert "10.1.2.3" not in str(SearchQueryLog.objects.values().get())



def test_id_numbers_mobile_numbers_and_emails_in_a_query_are_never_stored_or_shown_again(client, department, search_index, indexed):
    from disclosure.id_numbers import make_id_number

    id_number = make_id_number("33019919850312001")
    with indexed():
        factories.article(factories.column(department), title="2026年低保对象名单公示")
    for _ in range(3):
        client.get("/search/", {"q": f"低保 {id_number.lower()}"})
        client.get("/search/", {"q": "低保 13800001234 wang.li@example.com"})
    stored = set(SearchQueryLog.objects.values_list("query", flat=True))
    assert stored == {"低保 ［手机号］ ［邮箱］", "低保 ［身份证号］"}
    # A credit code or index number is not personal and stays searchable and logged as typed.
    client.get("/search/", {"q": "113301990010000018"})
    assert SearchQueryLog.objects.filter(query="113301990010000018").exists()
    html = Template("{% load search_tags %}{% popular_searches %}").render(Context({}))
    assert "［" not in html and id_number[:6] not in html

def test_popular_searches_tag_shows_the_weeks_queries(client, department, search_index, indexed):
    # Asked by five different visitors (the 热词 threshold, disclosure/search/hot_words.py).
    with indexed():
        factories.article(factories.column(department), title="创业担保贷款申请指南")
    for number in range(5):
        client.get("/search/", {"q": "创业担保贷款"}, REMOTE_ADDR=f"10.0.0.{number + 1}")
        client.get("/search/", {"q": "查无此词火星"}, REMOTE_ADDR=f"10.0.0.{number + 1}")
    html = Template("{% load search_tags %}{% popular_searches %}").render(Context({}))
    assert "创业担保贷款" in html and "火星" not in html


def test_information_office_sees_zero_result_queries(client, department, search_index):
    from django.contrib.auth.models import User

    from departments.roles import ensure_information_office_group

    client.get("/search/", {"q": "查无此词火星"})
    office = factories.user_in(ensure_information_office_group(), is_staff=True)
    office.user_permissions.add(*__import__("django.contrib.auth.models", fromlist=["Permission"]).Permission.objects
                                .filter(codename="access_admin"))
    client.force_login(office)
    response = client.get("/admin/reports/search-zero-results/")
    assert response.status_code == 200
    assert "查无此词火星" in response.content.decode()
    editor = User.objects.create_user("editor", password="pw", is_staff=True)
    client.force_login(editor)
    assert client.get("/admin/reports/search-zero-results/").status_code in (302, 403)
