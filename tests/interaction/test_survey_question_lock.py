"""A survey that has responses locks its questions: editing, adding or removing a question after the first
response would falsify the results, so the admin refuses with a message; other fields stay editable."""

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from interaction.models import SurveyQuestion
from interaction.surveys.submission import submit_response

from .survey_builders import questions, survey

LOCKED = "问题和选项已锁定"


def edit_url(item):
    return f"/admin/snippets/interaction/survey/edit/{item.pk}/"


def form_data(item, rows=None, **fields):
    """The edit form as a browser sends it: textareas with CRLF line ends, the stored questions unless ``rows``."""
    local = timezone.localtime
    data = {"organisation": item.organisation_id, "title": item.title, "intro": item.intro.replace("\n", "\r\n"),
            "opens_at": local(item.opens_at).strftime("%Y-%m-%d %H:%M"),
            "closes_at": local(item.closes_at).strftime("%Y-%m-%d %H:%M"), "live": "on"}
    rows = rows if rows is not None else [
        {"id": q.pk, "text": q.text, "kind": q.kind, "required": q.required, "choices_text": q.choices_text}
        for q in questions(item)]
    stored = sum(1 for row in rows if row.get("id"))
    data.update({"questions-TOTAL_FORMS": len(rows), "questions-INITIAL_FORMS": stored,
                 "questions-MIN_NUM_FORMS": 1, "questions-MAX_NUM_FORMS": 1000})
    for number, row in enumerate(rows):
        prefix = f"questions-{number}-"
        data.update({f"{prefix}id": row.get("id", ""), f"{prefix}text": row["text"], f"{prefix}kind": row["kind"],
                     f"{prefix}choices_text": row.get("choices_text", "").replace("\n", "\r\n"),
                     f"{prefix}ORDER": number + 1})
        if row.get("required"):
            data[f"{prefix}required"] = "on"
        if row.get("DELETE"):
            data[f"{prefix}DELETE"] = "1"
    data.update(fields)
    return data


@pytest.fixture
def answered(department):
    item = survey(department)
    first, second, _third = questions(item)
    submit_response(item, "respondent-1", [(first, 0, ""), (second, 1, "")])
    return item


@pytest.fixture
def office(db, client):
    client.force_login(User.objects.create_superuser("office", password="pw"))
    return client


def stored_questions(item):
    return [(q.text, q.kind, q.choices_text) for q in SurveyQuestion.objects.filter(survey=item).order_by("sort_order")]


def test_an_unchanged_questionnaire_still_saves_other_fields(office, answered):
    response = office.post(edit_url(answered), form_data(answered, title="城区公交线路优化调查（延长）"))
    assert response.status_code == 302, response.content.decode()[:2000]
    answered.refresh_from_db()
    assert answered.title == "城区公交线路优化调查（延长）"


def edited(item, change):
    rows = [{"id": q.pk, "text": q.text, "kind": q.kind, "required": q.required, "choices_text": q.choices_text}
            for q in questions(item)]
    return change(rows) or rows


@pytest.mark.parametrize("change", [
    pytest.param(lambda rows: rows[0].update(text="您每周乘坐几次公交？"), id="question text"),
    pytest.param(lambda rows: rows[0].update(choices_text="每天\n从不"), id="options"),
    pytest.param(lambda rows: rows[1].update(kind="single"), id="type"),
    pytest.param(lambda rows: rows[2].update(required=True), id="required"),
    pytest.param(lambda rows: rows[1].update(DELETE=True), id="removed"),
    pytest.param(lambda rows: rows.append({"text": "新增的问题", "kind": "text", "required": False}), id="added"),
])
def test_changing_the_questions_after_a_response_is_refused_with_a_message(office, answered, change):
    before = stored_questions(answered)
    response = office.post(edit_url(answered), form_data(answered, rows=edited(answered, change)))
    assert response.status_code == 200
    html = response.content.decode()
    assert "本调查已收到1份答卷" in html and LOCKED in html
    assert stored_questions(answered) == before


def test_before_the_first_response_the_questions_can_be_edited(office, department):
    item = survey(department)
    rows = edited(item, lambda rows: rows[0].update(text="您每周乘坐几次公交？"))
    response = office.post(edit_url(item), form_data(item, rows=rows))
    assert response.status_code == 302
    assert stored_questions(item)[0][0] == "您每周乘坐几次公交？"
