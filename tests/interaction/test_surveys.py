"""网上调查: one response per browser, a per-IP limit, refusals when closed, results as SVG and a table."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from interaction.models import SurveyAnswer, SurveyQuestion, SurveyResponse
from interaction.surveys.results import survey_results
from interaction.surveys.submission import AlreadyAnswered, SurveyClosed, submit_response

from .survey_builders import questions, survey


def url(item):
    return f"/interaction/surveys/{item.pk}/"


def answers(item, single="0", multiple=("0", "2"), text="希望延长末班车时间。"):
    single_q, multiple_q, text_q = questions(item)
    data = {f"q{single_q.pk}": single, f"q{text_q.pk}": text}
    if multiple is not None:
        data[f"q{multiple_q.pk}"] = list(multiple)
    return data


@pytest.fixture
def open_survey(department):
    return survey(department)


def test_a_citizen_answers_once(client, open_survey):
    page = client.get(url(open_survey))
    assert page.status_code == 200 and "同一浏览器只能提交一次" in page.content.decode()
    response = client.post(url(open_survey), answers(open_survey))
    assert response.status_code == 302
    stored = SurveyResponse.objects.get()
    assert sorted(SurveyAnswer.objects.filter(response=stored, choice__isnull=False).values_list("choice", flat=True)) == [0, 0, 2]
    again = client.post(url(open_survey), answers(open_survey))
    assert again.status_code == 409 and "您已参加过本次调查" in again.content.decode()
    assert SurveyResponse.objects.count() == 1
    assert "您已参加过本次调查" in client.get(url(open_survey)).content.decode()


def test_without_the_cookie_the_answer_is_refused_with_a_message(client, open_survey):
    response = client.post(url(open_survey), answers(open_survey))
    assert response.status_code == 400 and "请允许本网站使用 Cookie" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_required_questions_and_bad_choices_get_chinese_messages(client, open_survey):
    client.get(url(open_survey))
    missing = client.post(url(open_survey), answers(open_survey, single=""))
    assert missing.status_code == 400 and "此题必答，请选择一项" in missing.content.decode()
    bogus = client.post(url(open_survey), answers(open_survey, single="7", multiple=("9",)))
    assert bogus.status_code == 400 and "请从列出的选项中选择" in bogus.content.decode()
    too_long = client.post(url(open_survey), answers(open_survey, text="长" * 1001))
    assert too_long.status_code == 400 and "不能超过1000字" in too_long.content.decode()
    script = client.post(url(open_survey), answers(open_survey, single="<script>alert(1)</script>"))
    assert script.status_code == 400 and "<script>alert(1)</script>" not in script.content.decode()
    assert not SurveyResponse.objects.exists()


def test_optional_questions_may_be_left_out(client, open_survey):
    client.get(url(open_survey))
    assert client.post(url(open_survey), answers(open_survey, multiple=None, text="")).status_code == 302


def test_the_per_ip_limit_stops_a_flood_of_fresh_cookies(client, open_survey, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {"survey_response": (3, 3600)}
    statuses = []
    for _attempt in range(4):
        client.cookies.clear()
        client.get(url(open_survey))
        statuses.append(client.post(url(open_survey), answers(open_survey)).status_code)
    assert statuses == [302, 302, 302, 429]
    assert SurveyResponse.objects.count() == 3


def test_a_closed_survey_refuses_answers(client, department):
    now = timezone.now()
    closed = survey(department, opens_at=now - datetime.timedelta(days=30), closes_at=now - datetime.timedelta(days=1))
    client.get(url(closed))
    response = client.post(url(closed), answers(closed))
    assert response.status_code == 403 and "不再接收答卷" in response.content.decode()
    with pytest.raises(SurveyClosed):
        submit_response(closed, "token", [])
    assert not SurveyResponse.objects.exists()


def test_an_unpublished_survey_is_not_shown(client, department):
    hidden = survey(department, live=False)
    assert client.get(url(hidden)).status_code == 404
    assert client.get("/interaction/surveys/abc/").status_code == 404


def test_the_same_respondent_cannot_answer_twice_through_the_service(open_survey):
    submit_response(open_survey, "same-token", [])
    with pytest.raises(AlreadyAnswered):
        submit_response(open_survey, "same-token", [])
    assert SurveyResponse.objects.count() == 1


def test_results_are_published_after_the_close_as_svg_and_table(client, department):
    now = timezone.now()
    item = survey(department, opens_at=now - datetime.timedelta(days=30), closes_at=now + datetime.timedelta(days=1))
    single_q, multiple_q, text_q = questions(item)
    for index, (single, multiple) in enumerate([(0, [0, 1]), (0, [1]), (1, []), (2, [1, 2])]):
        submit_response(item, f"respondent-{index}", [(single_q, single, ""), *[(multiple_q, c, "") for c in multiple],
                                                       (text_q, None, "13812345678 请联系我")])
    item.closes_at = now - datetime.timedelta(hours=1)
    item.publish_results = True
    item.save()
    results = survey_results(item)
    assert results.responses == 4
    single = results.questions[0]
    assert [(option.label, option.count, option.percent) for option in single.options] == [
        ("每天", 2, 50.0), ("每周几次", 1, 25.0), ("很少", 1, 25.0)]
    assert [option.count for option in results.questions[1].options] == [1, 3, 1]
    assert results.questions[1].answered == 3 and results.questions[2].answered == 4
    html = client.get(url(item)).content.decode()
    assert '<svg role="img"' in html and "<table" in html and "共收到有效答卷 4 份" in html
    assert "13812345678" not in html and "文字答复 4 份（不公开）" in html


def test_results_cannot_be_published_before_the_close(open_survey):
    open_survey.publish_results = True
    with pytest.raises(ValidationError, match="截止后才能公布结果"):
        open_survey.full_clean()


def test_a_choice_question_needs_two_options(open_survey):
    question = SurveyQuestion(survey=open_survey, text="只有一个选项？", kind="single", choices_text="是")
    with pytest.raises(ValidationError, match="至少需要两个选项"):
        question.full_clean()


def test_staff_see_only_their_organisations_surveys(client, department, township, open_survey):
    from tests.factories import user_in

    other = survey(township, title="城关镇集贸市场满意度调查")
    client.force_login(user_in(township.editors_group))
    listing = client.get("/admin/snippets/interaction/survey/").content.decode()
    assert other.title in listing and open_survey.title not in listing
    assert client.get(f"/admin/snippets/interaction/survey/edit/{open_survey.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/snippets/interaction/survey/edit/{other.pk}/").status_code == 200
