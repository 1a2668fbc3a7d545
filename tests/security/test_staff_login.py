"""Staff logins through the real Wagtail login view: lockout, second factor, idle timeout, the log.

等保 2.0 (GB/T 22239-2019) 8.1.4.1: login failure handling, session timeout, two-factor
authentication for administrators; 8.1.4.3: security audit records.
"""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from departments.roles import INFORMATION_OFFICE_GROUP, ensure_information_office_group
from security.models import SecurityEvent

pytestmark = pytest.mark.django_db

PASSWORD = "Kai-Feng#2026x"
NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


@pytest.fixture
def protected(settings):
    settings.AXES_ENABLED = True
    settings.SECURITY_OTP_ENFORCED = True


def office_user(username="xxb"):
    user = User.objects.create_user(username, password=PASSWORD)
    user.groups.add(ensure_information_office_group())
    return user


def login(client, username, password, address="10.1.2.3"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def current_token(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return totp.token()


def test_fifteen_wrong_passwords_lock_the_account_with_a_chinese_message(client, protected, county):
    office_user()
    statuses = [login(client, "xxb", f"wrong-{n}").status_code for n in range(15)]
    assert statuses[:4] == [200] * 4  # the login form again, with its error
    assert set(statuses[5:]) == {429}
    response = login(client, "xxb", PASSWORD)
    assert response.status_code == 429  # even the right password, until the cool-off ends
    text = response.content.decode()
    assert "登录已被暂时锁定" in text and "30分钟后再试" in text
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.LOCKOUT, username="xxb").exists()
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.LOGIN_FAILED, username="xxb").count() >= 5


def test_one_address_trying_many_accounts_is_locked_out_too(client, protected, county):
    for n in range(6):
        login(client, f"guess{n}", "password", address="10.9.9.9")
    assert login(client, "someone-else", "password", address="10.9.9.9").status_code == 429
    assert login(client, "someone-else", "password", address="10.8.8.8").status_code == 200


def test_the_lockout_ends_after_the_cool_off(client, protected, county):
    office_user()
    with time_machine.travel(NOW, tick=False) as clock:
        for _attempt in range(6):
            login(client, "xxb", "wrong")
        assert login(client, "xxb", PASSWORD).status_code == 429
        clock.shift(datetime.timedelta(minutes=31))
        assert login(client, "xxb", PASSWORD).status_code == 302


def test_a_superuser_must_enrol_a_second_factor_before_any_admin_page(client, protected, county):
    User.objects.create_superuser("root", "root@example.com", PASSWORD)
    with time_machine.travel(NOW, tick=False) as clock:
        assert login(client, "root", PASSWORD).status_code == 302
        response = client.get("/admin/pages/")
        assert response.status_code == 302 and response["Location"].startswith("/admin/security/otp/setup/")
        setup = client.get(response["Location"])
        assert setup.status_code == 200 and "data:image/svg+xml;base64," in setup.content.decode()
        device = TOTPDevice.objects.get(user__username="root")
        wrong = client.post("/admin/security/otp/setup/", {"token": "000000" if current_token(device) != 0 else "111111"})
        assert wrong.status_code == 400
        clock.shift(datetime.timedelta(seconds=31))  # django-otp's throttle after a failure, and a new code
        done = client.post("/admin/security/otp/setup/?next=/admin/pages/", {"token": f"{current_token(device):06d}"})
        # The recovery codes are shown once (tests/security/test_recovery_codes.py), then the page asked for.
        assert done.status_code == 302 and done["Location"].startswith("/admin/security/otp/recovery-codes/")
        assert client.get(done["Location"]).status_code == 200
        assert client.get(done["Location"])["Location"] == "/admin/pages/"
        assert client.get("/admin/pages/").status_code == 200
    kinds = set(SecurityEvent.objects.filter(username="root").values_list("kind", flat=True))
    assert {SecurityEvent.Kind.LOGIN, SecurityEvent.Kind.OTP_ENROLLED, SecurityEvent.Kind.OTP_FAILED} <= kinds


def test_the_information_office_is_asked_for_its_code_at_every_login(client, protected, county):
    user = office_user()
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    with time_machine.travel(NOW, tick=False) as clock:
        login(client, "xxb", PASSWORD)
        response = client.get("/admin/")
        assert response["Location"].startswith("/admin/security/otp/verify/")
        refused = client.post("/admin/security/otp/verify/", {"token": "12345٦"})
        assert refused.status_code == 400 and "6位数字" in refused.content.decode()
        clock.shift(datetime.timedelta(seconds=31))
        client.post("/admin/security/otp/verify/", {"token": f"{current_token(device):06d}"})
        assert client.get("/admin/").status_code == 200


def test_approvers_must_use_a_second_factor_and_editors_may(client, protected, department):
    approver = User.objects.create_user("approver", password=PASSWORD)
    approver.groups.add(department.approvers_group)
    editor = User.objects.create_user("editor", password=PASSWORD)
    editor.groups.add(department.editors_group)
    login(client, "approver", PASSWORD)
    assert client.get("/admin/")["Location"].startswith("/admin/security/otp/setup/")
    client.post("/admin/logout/")
    login(client, "editor", PASSWORD)
    assert client.get("/admin/").status_code == 200
    # An editor who enrolled is asked for the code from then on.
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.post("/admin/logout/")
    login(client, "editor", PASSWORD)
    assert client.get("/admin/")["Location"].startswith("/admin/security/otp/verify/")


def test_an_idle_admin_session_ends_after_thirty_minutes(client, protected, county):
    User.objects.create_user("editor", password=PASSWORD, is_superuser=False)
    editor = User.objects.get(username="editor")
    editor.groups.add(Group.objects.get_or_create(name="someone")[0])
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    with time_machine.travel(NOW, tick=False) as clock:
        login(client, "editor", PASSWORD)
        assert client.get("/admin/").status_code == 200
        clock.shift(datetime.timedelta(minutes=29))
        assert client.get("/admin/").status_code == 200
        clock.shift(datetime.timedelta(minutes=31))
        response = client.get("/admin/")
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
        follow = client.get(response["Location"])
        assert "自动退出" in follow.content.decode()
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.IDLE_TIMEOUT, username="editor").exists()


def test_group_and_permission_changes_are_logged_with_who_made_them(client, county):
    office = office_user("office")
    target = User.objects.create_user("target", password=PASSWORD)
    from django.test import RequestFactory

    from security.context import current_request

    request = RequestFactory().get("/admin/users/")
    request.user = office
    token = current_request.set(request)
    try:
        target.groups.add(Group.objects.get(name=INFORMATION_OFFICE_GROUP))
        target.is_superuser = True
        target.save()
    finally:
        current_request.reset(token)
    group_event = SecurityEvent.objects.get(kind=SecurityEvent.Kind.GROUP_CHANGED, username="target")
    assert group_event.actor == "office" and INFORMATION_OFFICE_GROUP in group_event.detail
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.PERMISSION_CHANGED, username="target",
                                        detail__contains="超级管理员：是").exists()


def test_the_office_exports_the_security_log_and_an_editor_cannot(client, county, department):
    office = office_user()
    login(client, "nobody", "wrong")
    client.force_login(office)
    listing = client.get("/admin/reports/security-log/")
    assert listing.status_code == 200 and "登录失败" in listing.content.decode()
    export = client.get("/admin/reports/security-log/?export=csv")
    assert export.status_code == 200
    body = b"".join(export.streaming_content).decode("utf-8-sig") if export.streaming else export.content.decode()
    assert "nobody" in body and "登录失败" in body
    editor = User.objects.create_user("editor", password=PASSWORD)
    editor.groups.add(department.editors_group)
    client.force_login(editor)
    refused = client.get("/admin/reports/security-log/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail: "no permission"
