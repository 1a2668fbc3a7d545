"""A citizen writes a letter, gets a tracking code and password once, and can look the letter up."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings

from interaction.models import Letter, LetterEvent

from .builders import mailbox_of
from .web import form_data


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()


def write_url(mailbox):
    return f"/interaction/mailbox/{mailbox.slug}/write/"


def submit(client, mailbox, **overrides):
    page = client.get(write_url(mailbox)).content.decode()
    return client.post(write_url(mailbox), form_data(page, **overrides))


def test_every_organisation_has_a_mailbox_and_the_county_a_leader_mailbox(county, department):
    assert mailbox_of(department).name == "教育局信箱"
    assert mailbox_of(county, "leader").name == "县长信箱"
    assert mailbox_of(county, "leader").slug == "xianzhang"


def test_letter_is_stored_and_the_receipt_shown_once(client, county, department, django_capture_on_commit_callbacks):
    box = mailbox_of(department)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, box)
    assert response.status_code == 302
    letter = Letter.objects.get()
    assert letter.mailbox == box and letter.organisation == department
    assert letter.name == "王小明" and letter.phone == "13812345678"
    assert len(letter.tracking_code) == 12
    receipt_page = client.get(response["Location"]).content.decode()
    assert letter.tracking_code in receipt_page
    assert "查询密码只显示这一次" in receipt_page
    assert "查询密码已在首次提交后显示" in client.get(response["Location"]).content.decode()  # not shown again
    assert letter.due_on is not None  # today 2026-11-25 + 10 working days is within 2026


def test_the_query_password_is_stored_hashed_and_works_for_lookup(client, county, department, django_capture_on_commit_callbacks):
    box = mailbox_of(department)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, box)
    page = client.get(response["Location"]).content.decode()
    import re

    code, password = re.findall(r"<code>([A-Z0-9]+)</code>", page)
    letter = Letter.objects.get()
    assert password not in letter.query_password
    found = client.post("/interaction/lookup/", {"tracking_code": code.lower(), "password": password.lower()})
    assert found.status_code == 200
    assert "待处理" in found.content.decode() and letter.subject in found.content.decode()
    wrong = client.post("/interaction/lookup/", {"tracking_code": code, "password": "WRONGPW2"})
    assert wrong.status_code == 404
    assert "查询码或查询密码不正确" in wrong.content.decode()


def test_double_submit_creates_one_letter(client, county, department):
    box = mailbox_of(department)
    page = client.get(write_url(box)).content.decode()
    data = form_data(page)
    first = client.post(write_url(box), data)
    # The second click carries the same token; the CAPTCHA was used up, so the token decides.
    from interaction.submission import submit_letter

    second = submit_letter(box, {**data, "may_publish": True}, submission_token=Letter.objects.get().submission_token)
    assert first.status_code == 302
    assert second.duplicate is True
    assert Letter.objects.count() == 1


def test_double_click_through_the_view_shows_the_first_receipt(client, county, department):
    box = mailbox_of(department)
    page = client.get(write_url(box)).content.decode()
    data = form_data(page)
    first = client.post(write_url(box), data)
    # Same token, fresh CAPTCHA (as if both requests passed validation concurrently).
    page = client.get(write_url(box)).content.decode()
    again = form_data(page, form_token=data["form_token"])
    second = client.post(write_url(box), again)
    assert Letter.objects.count() == 1
    assert second["Location"] == first["Location"]
    assert "<code>" in client.get(second["Location"]).content.decode()


def test_wrong_captcha_keeps_the_input_and_says_so_next_to_the_field(client, county, department):
    box = mailbox_of(department)
    response = submit(client, box, captcha_answer="999")
    html = response.content.decode()
    assert response.status_code == 400
    assert "验证问题回答错误或已过期" in html
    assert 'id="id_captcha_answer_error"' in html
    assert 'aria-describedby="id_captcha_answer_helptext id_captcha_answer_error"' in html or 'aria-describedby="id_captcha_answer_error"' in html
    assert "城关镇幸福路路灯不亮" in html and "13812345678" in html
    assert not Letter.objects.exists()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("phone", "12345", "请填写正确的联系电话"),
        ("phone", "", "请填写联系电话"),
        ("name", "", "请填写姓名"),
        ("email", "not-an-email", "请填写正确的电子邮箱"),
        ("message", "太短", "内容太短"),
        ("message", "很" * 3001, "内容不能超过3000字"),
        ("subject", "题" * 101, "标题不能超过100个字"),
        ("category", "spam", "请选择来信类别"),
    ],
)
def test_bad_input_gets_a_chinese_message_next_to_the_field(client, county, department, field, value, message):
    box = mailbox_of(department)
    response = submit(client, box, **{field: value})
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert f'id="id_{field}_error"' in html
    assert "幸福路中段路灯" in html or field == "message"
    assert not Letter.objects.exists()


@pytest.mark.parametrize("phone", ["13812345678", "0571-87654321", "057187654321", "+86 138 1234 5678", "１３８１２３４５６７８"])
def test_mobile_and_landline_numbers_are_accepted(client, county, department, phone):
    box = mailbox_of(department)
    assert submit(client, box, phone=phone).status_code == 302


def test_forged_form_token_is_refused(client, county, department):
    box = mailbox_of(department)
    response = submit(client, box, form_token="forged")
    assert response.status_code == 400
    assert "表单已失效" in response.content.decode()


@override_settings(PUBLIC_FORM_RATE_LIMITS={"letter": (2, 600)})
def test_per_ip_rate_limit_answers_429_in_chinese(client, county, department):
    box = mailbox_of(department)
    assert submit(client, box).status_code == 302
    assert submit(client, box).status_code == 302
    limited = submit(client, box)
    assert limited.status_code == 429
    assert "提交过于频繁" in limited.content.decode()
    assert Letter.objects.count() == 2


def test_oversized_request_is_a_400_not_a_500(client, county, department):
    box = mailbox_of(department)
    page = client.get(write_url(box)).content.decode()
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10_000):
        response = client.post(write_url(box), form_data(page, message="长" * 20_000))
    assert response.status_code == 400
    assert not Letter.objects.exists()


def test_notification_goes_to_the_organisation_without_personal_data(client, county, department, django_capture_on_commit_callbacks):
    department.email = "jyj@example.gov.cn"
    department.save()
    box = mailbox_of(department)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, box)
    letter = Letter.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["jyj@example.gov.cn"]
    assert letter.tracking_code in message.subject
    assert "王小明" not in message.body and "13812345678" not in message.body
    letter.refresh_from_db()
    assert letter.notified_at is not None


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server unreachable")


@override_settings(EMAIL_BACKEND="tests.interaction.test_writing_letters.FailingBackend")
def test_a_failing_mail_server_never_loses_the_letter_and_it_is_retried(client, county, department, django_capture_on_commit_callbacks):
    department.email = "jyj@example.gov.cn"
    department.save()
    box = mailbox_of(department)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, box)
    assert response.status_code == 302
    letter = Letter.objects.get()
    assert letter.notified_at is None and letter.notify_attempts == 1
    assert "unreachable" in letter.notify_error
    assert letter.events.filter(kind=LetterEvent.Kind.NOTIFY_FAILED).exists()

    from datetime import timedelta

    from django.utils import timezone

    from interaction.notifications import retry_pending_notifications

    later = timezone.now() + timedelta(minutes=5)
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        assert retry_pending_notifications(now=later) == (1, 0)
        assert retry_pending_notifications(now=later) == (0, 0)  # sent once only
    letter.refresh_from_db()
    assert letter.notified_at is not None
    assert len(mail.outbox) == 1


@override_settings(PUBLIC_FORM_RATE_LIMITS={"lookup": (3, 600)})
def test_lookup_attempts_are_rate_limited(client, county):
    for _ in range(3):
        assert client.post("/interaction/lookup/", {"tracking_code": "ABCDEFGHJKMN", "password": "WRONGPW2"}).status_code == 404
    assert client.post("/interaction/lookup/", {"tracking_code": "ABCDEFGHJKMN", "password": "WRONGPW2"}).status_code == 429


def test_a_closed_mailbox_accepts_no_letters(client, county, department):
    box = mailbox_of(department)
    box.active = False
    box.save()
    assert client.get(write_url(box)).status_code == 403


def test_cron_leaves_a_fresh_letter_to_the_task_worker(county, department):
    import datetime

    from django.utils import timezone

    from interaction.notifications import pending_notifications

    from .builders import letter

    now = timezone.now()
    fresh = letter(mailbox_of(department), received=now)
    assert fresh not in pending_notifications(now)
    assert fresh in pending_notifications(now + datetime.timedelta(minutes=11))
