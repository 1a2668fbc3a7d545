"""Citizens apply online: stored first, once, with clear Chinese messages and nothing lost."""

from unittest import mock

import pytest
from django.core import mail

from disclosure.applications.models import Application, ApplicationNotification

from .builders import CITIZEN, COMPANY

pytestmark = pytest.mark.django_db


def url(organisation):
    return f"/disclosure/apply/{organisation.slug}/"


def post(client, organisation, data, answer="19", form=None):
    if form is None:
        form = client.get(url(organisation)).context["form"]
    payload = {**data, "captcha_id": form["captcha_id"].value(), "captcha_answer": answer,
               "form_token": form["form_token"].value()}
    return client.post(url(organisation), payload)


def test_the_form_shows_a_captcha_and_the_article_29_fields(client, department, known_captcha):
    response = client.get(url(department))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("十二加七等于多少", "居民身份证", "统一社会信用代码", "所需政府信息", "纸质", "当面领取", "商业企业"):
        assert text in html
    assert "---------" not in html  # no empty radio button pre-selected


def test_a_citizen_gets_a_tracking_number_on_screen(client, department, known_captcha):
    response = post(client, department, CITIZEN)
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.organisation == department
    assert application.tracking_number.startswith(f"YSQ-{application.submitted_at.year}-000001-")
    receipt = client.get(response["Location"])
    assert application.tracking_number in receipt.content.decode()


def test_a_legal_person_with_a_valid_credit_code_can_apply(client, department, known_captcha):
    assert post(client, department, COMPANY).status_code == 302
    application = Application.objects.get()
    assert application.credit_code == COMPANY["credit_code"]
    assert application.organisation_category == "business"
    assert application.id_number == ""


def test_an_invalid_id_number_is_explained_next_to_the_field_and_other_input_kept(client, department, known_captcha):
    response = post(client, department, {**CITIZEN, "id_number": "110105194912310021"})
    assert response.status_code == 400
    form = response.context["form"]
    assert "校验位错误" in form.errors["id_number"][0]
    html = response.content.decode()
    assert CITIZEN["information_name"] in html and CITIZEN["address"] in html
    assert not Application.objects.exists()


def test_an_invalid_credit_code_is_explained(client, department, known_captcha):
    response = post(client, department, {**COMPANY, "credit_code": "91330100MA2B000010"})
    assert response.status_code == 400
    assert "统一社会信用代码" in response.context["form"].errors["credit_code"][0]


def test_a_wrong_captcha_answer_keeps_the_input(client, department, known_captcha):
    response = post(client, department, CITIZEN, answer="20")
    assert response.status_code == 400
    assert "验证问题回答错误" in response.context["form"].errors["captcha_answer"][0]
    assert CITIZEN["information_description"] in response.content.decode()
    assert not Application.objects.exists()


def test_oversized_input_gets_a_clear_message(client, department, known_captcha):
    response = post(client, department, {**CITIZEN, "information_name": "很" * 201})
    assert response.status_code == 400
    assert "内容过长：最多200个字" in response.context["form"].errors["information_name"][0]


def test_organisation_fields_are_required_for_legal_persons(client, department, known_captcha):
    response = post(client, department, {**COMPANY, "legal_representative": "", "organisation_category": ""})
    errors = response.context["form"].errors
    assert "法定代表人" in errors["legal_representative"][0]
    assert "组织类别" in errors["organisation_category"][0]


def test_a_double_click_creates_one_application(client, department, known_captcha):
    form = client.get(url(department)).context["form"]
    first = post(client, department, CITIZEN, form=form)
    # The second click re-sends the very same form: same token, CAPTCHA already used up.
    second = post(client, department, CITIZEN, form=form)
    assert first.status_code == second.status_code == 302
    assert Application.objects.count() == 1
    receipt = client.get(second["Location"]).content.decode()
    assert Application.objects.get().tracking_number in receipt


def test_the_same_token_submitted_twice_with_valid_captchas_returns_the_first_record(client, department, known_captcha):
    form = client.get(url(department)).context["form"]
    token = form["form_token"].value()
    post(client, department, CITIZEN, form=form)
    fresh = client.get(url(department)).context["form"]
    payload = {**CITIZEN, "captcha_id": fresh["captcha_id"].value(), "captcha_answer": "19", "form_token": token}
    response = client.post(url(department), payload)
    assert response.status_code == 302
    assert Application.objects.count() == 1


def test_a_failing_mail_server_keeps_the_application_and_retries(client, department, known_captcha,
                                                                   django_capture_on_commit_callbacks):
    department.email = "xxgk@example.gov.cn"
    department.save()
    with mock.patch("disclosure.applications.notifications.send_mail", side_effect=ConnectionRefusedError("down")):
        with django_capture_on_commit_callbacks(execute=True):
            assert post(client, department, CITIZEN).status_code == 302
    application = Application.objects.get()
    pending = ApplicationNotification.objects.filter(application=application)
    assert pending.count() == 2
    assert all(n.state == "pending" and n.attempts == 1 and "down" in n.last_error for n in pending)

    from django.core.management import call_command

    call_command("send_application_notifications")
    assert set(pending.values_list("state", flat=True)) == {"sent"}
    assert {m.to[0] for m in mail.outbox} == {"xxgk@example.gov.cn", CITIZEN["email"]}
    assert application.tracking_number in mail.outbox[0].subject


def test_submissions_are_rate_limited_per_ip(client, department, known_captcha, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {"application": (2, 600)}
    for _attempt in range(2):
        post(client, department, {**CITIZEN, "name": ""})
    assert post(client, department, CITIZEN).status_code == 429
    assert not Application.objects.exists()


def test_an_unknown_or_inactive_organisation_has_no_form(client, department):
    assert client.get("/disclosure/apply/no-such-org/").status_code == 404
    department.active = False
    department.save()
    assert client.get(url(department)).status_code == 404


def test_the_apply_index_lists_organisations_and_the_receipt_needs_a_submission(client, department):
    response = client.get("/disclosure/apply/")
    assert response.status_code == 200
    assert f"/disclosure/apply/{department.slug}/" in response.content.decode()
    assert client.get(f"/disclosure/apply/{department.slug}/submitted/")["Location"] == url(department)


# ---- only the applicant fields of the chosen type count (the other group may be hidden by the page's script) ----

LEFTOVER_ORGANISATION_FIELDS = {
    "credit_code": "X" * 30, "legal_representative": "李四", "contact_person": "张三", "organisation_category": "nonsense",
}
LEFTOVER_CITIZEN_FIELDS = {"id_type": "no-such-type", "id_number": "1" * 41}


def test_a_citizen_is_not_held_up_by_leftovers_in_the_organisation_fields(client, department, known_captcha):
    response = post(client, department, {**CITIZEN, **LEFTOVER_ORGANISATION_FIELDS})
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.id_number == CITIZEN["id_number"] and application.id_type == "resident_id"
    for name in LEFTOVER_ORGANISATION_FIELDS:
        assert getattr(application, name) == "", name


def test_a_legal_person_is_not_held_up_by_leftovers_in_the_citizen_fields(client, department, known_captcha):
    response = post(client, department, {**COMPANY, **LEFTOVER_CITIZEN_FIELDS})
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.credit_code == COMPANY["credit_code"] and application.organisation_category == "business"
    assert application.id_type == "" and application.id_number == ""


def test_only_the_chosen_types_fields_are_checked_and_errors_point_at_them(client, department, known_captcha):
    response = post(client, department, {**CITIZEN, "id_number": "", **LEFTOVER_ORGANISATION_FIELDS})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"id_number"}
    html = response.content.decode()
    assert 'aria-describedby="id_id_number_error"' in html and 'id="id_id_number_error"' in html
    assert 'aria-invalid="true"' in html
    assert CITIZEN["address"] in html and CITIZEN["information_name"] in html


def test_the_form_groups_the_applicant_fields_for_the_script(client, department, known_captcha):
    html = client.get(url(department)).content.decode()
    assert html.count('class="applicant-fields"') == 2
    assert '<fieldset class="applicant-fields" id="citizen-fields" data-applicant-fields="citizen">' in html
    assert '<legend>法人或其他组织填写</legend>' in html
    assert "js/application-form.js" in html
    assert " hidden" not in html.split('id="citizen-fields"')[1][:80], "both groups are shown without JavaScript"
