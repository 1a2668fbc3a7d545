"""热词候选: the information office reviews this week's candidate 热词 in the admin and adopts (pins) or
rejects (hides) them; nobody else can."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from departments.roles import ensure_information_office_group
from disclosure.models import HotWordRule, SearchQueryLog
from disclosure.search.hot_words import CandidateState, candidate_review, decide, hot_words
from tests import factories

pytestmark = pytest.mark.django_db


def asked(query, visitors, result_count=3):
    for number in range(visitors):
        SearchQueryLog.objects.create(query=query, scope="", result_count=result_count, took_ms=5,
                                      visitor=f"v{number:015d}")


@pytest.fixture
def office(client, county):
    user = factories.user_in(ensure_information_office_group(), username="xxb")
    client.force_login(user)
    return client


def states():
    return {row["query"]: row["state"] for row in candidate_review()}


def test_each_candidate_says_whether_it_shows_and_why_not(settings):
    settings.SEARCH_HOT_WORD_MIN_VISITORS = 3
    asked("医保报销", 5)
    asked("公积金", 2)
    asked("县长 骂人话", 4)
    asked("冬季供暖", 4)
    asked("火星移民", 9, result_count=0)  # found nothing: not a candidate at all
    HotWordRule.objects.create(term="骂人话", kind=HotWordRule.Kind.BLOCK)
    HotWordRule.objects.create(term="冬季供暖", kind=HotWordRule.Kind.HIDE)
    assert states() == {"医保报销": CandidateState.SHOWN, "公积金": CandidateState.BELOW_THRESHOLD,
                        "县长 骂人话": CandidateState.BLOCKED, "冬季供暖": CandidateState.HIDDEN}


def test_adopting_pins_a_term_and_rejecting_hides_it_and_either_can_be_undone(settings):
    settings.SEARCH_HOT_WORD_MIN_VISITORS = 3
    asked("医保报销", 5)
    asked("公积金", 2)
    decide("公积金", HotWordRule.Kind.PIN)
    decide("医保报销", HotWordRule.Kind.HIDE)
    assert hot_words() == ["公积金"]
    assert states() == {"公积金": CandidateState.PINNED, "医保报销": CandidateState.HIDDEN}
    decide("医保报销", HotWordRule.Kind.PIN)  # changing one's mind replaces the earlier decision
    assert hot_words() == ["公积金", "医保报销"]
    decide("公积金", None)
    decide("医保报销", None)
    assert hot_words() == ["医保报销"] and not HotWordRule.objects.exists()


@pytest.mark.parametrize("kind", [HotWordRule.Kind.BLOCK, "approve"])
def test_a_candidate_decision_is_only_pin_or_hide(kind):
    with pytest.raises(ValueError):
        decide("公积金", kind)
    with pytest.raises(ValueError):
        decide("   ", HotWordRule.Kind.PIN)


def test_the_office_sees_the_candidates_and_adopts_and_rejects_them_in_the_admin(office, settings):
    settings.SEARCH_HOT_WORD_MIN_VISITORS = 3
    asked("医保报销", 5)
    asked("公积金", 2)
    html = office.get(reverse("hot_word_candidates")).content.decode()
    assert "医保报销" in html and "达到门槛，正在显示" in html and "未达人数门槛，不显示" in html
    assert reverse("hot_word_candidates") in office.get(reverse("wagtailadmin_home")).content.decode()

    response = office.post(reverse("hot_word_candidates_decide"), {"term": "公积金", "decision": "pin"})
    assert response.status_code == 302
    office.post(reverse("hot_word_candidates_decide"), {"term": "医保报销", "decision": "hide"})
    assert hot_words() == ["公积金"]
    html = office.get(reverse("hot_word_candidates")).content.decode()
    assert "已置顶" in html and "已隐藏" in html and "撤销" in html


def test_the_candidates_export_as_csv(office, settings):
    settings.SEARCH_HOT_WORD_MIN_VISITORS = 3
    asked("医保报销", 5)
    response = office.get(reverse("hot_word_candidates"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows == [["搜索词", "访客数", "搜索次数", "状态"], ["医保报销", "5", "5", "达到门槛，正在显示"]]


@pytest.mark.parametrize("data", [{"term": "公积金", "decision": "block"}, {"term": "", "decision": "pin"},
                                  {"decision": "pin"}, {"term": "词" * 101, "decision": "pin"}])
def test_bad_decisions_change_nothing_and_say_so(office, data):
    response = office.post(reverse("hot_word_candidates_decide"), data, follow=True)
    assert response.status_code == 200
    assert "操作无效" in response.content.decode()
    assert not HotWordRule.objects.exists()


def test_a_department_editor_can_neither_see_nor_decide(client, department):
    asked("医保报销", 5)
    editor = factories.user_in(department.editors_group)
    editor.user_permissions.add(*Permission.objects.filter(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse("hot_word_candidates")).status_code == 302  # Wagtail: back to the dashboard
    assert "医保报销" not in client.get(reverse("hot_word_candidates"), follow=True).content.decode()
    client.post(reverse("hot_word_candidates_decide"), {"term": "医保报销", "decision": "hide"})
    assert not HotWordRule.objects.exists()
    assert reverse("hot_word_candidates") not in client.get(reverse("wagtailadmin_home")).content.decode()
