"""热词 are moderated: a raw query reaches the portal home only past a threshold of distinct visitors and
the information office's block list; the office hides and pins terms, and tunes synonyms and picks itself."""

import pytest
from django.contrib.auth.models import Permission
from django.test import RequestFactory

from departments.roles import ensure_information_office_group
from disclosure.models import HotWordRule, SearchQueryLog
from disclosure.search.hot_words import hot_words, visitor_key
from tests import factories

pytestmark = pytest.mark.django_db


def asked(query, visitors, times_each=1, result_count=3):
    for number in range(visitors):
        for _ in range(times_each):
            SearchQueryLog.objects.create(query=query, scope="", result_count=result_count, took_ms=5,
                                          visitor=f"v{number:015d}")


def test_a_query_needs_the_threshold_of_distinct_visitors(settings):
    settings.SEARCH_HOT_WORD_MIN_VISITORS = 5
    asked("养老保险", visitors=5)
    asked("刷屏的词", visitors=1, times_each=50)  # one visitor repeating a word does not make it hot
    asked("四个人的词", visitors=4)
    assert hot_words() == ["养老保险"]


def test_queries_that_found_nothing_or_carry_personal_data_never_show(settings):
    settings.SEARCH_HOT_WORD_MIN_VISITORS = 2
    asked("火星移民", visitors=9, result_count=0)
    asked("低保 ［手机号］", visitors=9)
    assert hot_words() == []


def test_the_block_list_removes_every_query_containing_a_blocked_word(settings):
    settings.SEARCH_HOT_WORD_MIN_VISITORS = 2
    asked("县长 骂人话", visitors=9)
    asked("骂人话", visitors=8)
    asked("医保报销", visitors=3)
    HotWordRule.objects.create(term="骂人话", kind=HotWordRule.Kind.BLOCK)
    assert hot_words() == ["医保报销"]


def test_the_office_hides_one_term_and_pins_others_first(settings):
    settings.SEARCH_HOT_WORD_MIN_VISITORS = 2
    asked("医保报销", visitors=9)
    asked("公积金", visitors=5)
    assert hot_words() == ["医保报销", "公积金"]
    HotWordRule.objects.create(term="医保报销", kind=HotWordRule.Kind.HIDE)
    HotWordRule.objects.create(term="冬季供暖", kind=HotWordRule.Kind.PIN, sort_order=2)
    HotWordRule.objects.create(term="义务教育招生", kind=HotWordRule.Kind.PIN, sort_order=1)
    assert hot_words() == ["义务教育招生", "冬季供暖", "公积金"]  # a rule change applies at once, cache or not


def test_hiding_is_exact_while_blocking_is_by_containment(settings):
    settings.SEARCH_HOT_WORD_MIN_VISITORS = 1
    asked("公积金", visitors=3)
    asked("公积金提取", visitors=2)
    HotWordRule.objects.create(term="公积金", kind=HotWordRule.Kind.HIDE)
    assert hot_words() == ["公积金提取"]


def test_old_queries_fall_out_of_the_week(settings, time_machine):
    import datetime

    settings.SEARCH_HOT_WORD_MIN_VISITORS = 1
    time_machine.move_to(datetime.datetime(2026, 11, 20, 10, tzinfo=datetime.UTC))
    asked("上上周的词", visitors=3)
    time_machine.move_to(datetime.datetime(2026, 11, 30, 10, tzinfo=datetime.UTC))
    assert hot_words() == []


def test_the_visitor_key_changes_daily_and_keeps_no_address(time_machine):
    import datetime

    request = RequestFactory().get("/search/", REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="Mozilla/5.0")
    today = visitor_key(request)
    assert len(today) == 16 and "10.1.2.3" not in today
    other = RequestFactory().get("/search/", REMOTE_ADDR="10.1.2.4", HTTP_USER_AGENT="Mozilla/5.0")
    assert visitor_key(other) != today
    time_machine.move_to(datetime.datetime(2026, 12, 1, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8))))
    assert visitor_key(request) != today


def test_the_portal_home_shows_only_moderated_hot_words(client, county, settings):
    from tests.browser.site_data import build_county

    build_county()
    settings.SEARCH_HOT_WORD_MIN_VISITORS = 3
    asked("义务教育招生", visitors=3)
    asked("只有我搜的词", visitors=1, times_each=20)
    html = client.get("/").content.decode()
    hot = html.split('<nav class="popular-searches"')[1].split("</nav>")[0]
    assert "义务教育招生" in hot and "只有我搜的词" not in hot
    HotWordRule.objects.create(term="招生", kind=HotWordRule.Kind.BLOCK)
    assert "义务教育招生" not in client.get("/").content.decode()  # the cached home page is renewed at once


def test_searches_record_a_visitor_key(client, department):
    client.get("/search/", {"q": "不动产登记"}, REMOTE_ADDR="10.9.9.9")
    log = SearchQueryLog.objects.get()
    assert len(log.visitor) == 16 and "10.9.9.9" not in log.visitor


def office_client(client):
    office = factories.user_in(ensure_information_office_group(), is_staff=True)
    office.user_permissions.add(*Permission.objects.filter(codename="access_admin"))
    client.force_login(office)
    return client


@pytest.mark.parametrize("model", ["synonymgroup", "editorspick", "hotwordrule"])
def test_the_information_office_edits_synonyms_picks_and_hot_word_rules(client, county, model):
    office = office_client(client)
    assert office.get(f"/admin/snippets/disclosure/{model}/").status_code == 200
    assert office.get(f"/admin/snippets/disclosure/{model}/add/").status_code == 200


def test_the_office_adds_a_block_word_in_the_admin(client, county):
    office = office_client(client)
    response = office.post("/admin/snippets/disclosure/hotwordrule/add/",
                           {"term": " 骂人话 ", "kind": "block", "sort_order": "0", "note": "不文明用语"})
    assert response.status_code == 302
    assert HotWordRule.objects.get().term == "骂人话"


@pytest.mark.parametrize("model", ["synonymgroup", "editorspick", "hotwordrule"])
def test_a_department_editor_cannot_tune_search(client, department, model):
    editor = factories.user_in(department.editors_group, is_staff=True)
    client.force_login(editor)
    response = client.get(f"/admin/snippets/disclosure/{model}/add/")
    assert response.status_code in (302, 403)
