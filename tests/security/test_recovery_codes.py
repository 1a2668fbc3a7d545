"""Recovery codes (django-otp static tokens): issued and shown once at enrolment, each usable once at login."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import User
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from security.models import SecurityEvent
from security.recovery_codes import issue_recovery_codes, normalise
from tests.security.test_staff_login import PASSWORD, current_token, login, office_user

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
CODE = re.compile(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>")


@pytest.fixture
def protected(settings):
    settings.AXES_ENABLED = True
    settings.SECURITY_OTP_ENFORCED = True


def test_enrolment_shows_ten_recovery_codes_once(client, protected, county):
    User.objects.create_superuser("root", "root@example.com", PASSWORD)
    with time_machine.travel(NOW, tick=False):
        login(client, "root", PASSWORD)
        client.get("/admin/security/otp/setup/")
        device = TOTPDevice.objects.get(user__username="root")
        done = client.post("/admin/security/otp/setup/?next=/admin/pages/", {"token": f"{current_token(device):06d}"})
        shown = client.get(done["Location"])
        codes = CODE.findall(shown.content.decode())
        assert len(codes) == 10 and len(set(codes)) == 10
        assert "只显示这一次" in shown.content.decode()
        assert sorted(StaticToken.objects.filter(device__user__username="root").values_list("token", flat=True)) == \
            sorted(code.replace("-", "") for code in codes)
        again = client.get(done["Location"])
        assert again.status_code == 302 and again["Location"] == "/admin/pages/"


def test_a_recovery_code_lets_the_office_in_once_without_the_phone(client, protected, county):
    user = office_user()
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    codes = issue_recovery_codes(user)
    with time_machine.travel(NOW, tick=False) as clock:
        login(client, "xxb", PASSWORD)
        assert client.get("/admin/")["Location"].startswith("/admin/security/otp/verify/")
        typed = f" {codes[3][:4].upper()}-{codes[3][4:]} "  # as copied from the sheet
        done = client.post("/admin/security/otp/verify/?next=/admin/", {"token": typed})
        assert done.status_code == 302 and done["Location"] == "/admin/"
        assert client.get("/admin/").status_code == 200
        event = SecurityEvent.objects.filter(username="xxb", kind=SecurityEvent.Kind.OTP_VERIFIED).get()
        assert "还剩 9 个" in event.detail

        client.post("/admin/logout/")
        clock.shift(datetime.timedelta(minutes=1))
        login(client, "xxb", PASSWORD)
        reused = client.post("/admin/security/otp/verify/", {"token": codes[3]})
        assert reused.status_code == 400 and "已经用过" in reused.content.decode()
        assert client.get("/admin/")["Location"].startswith("/admin/security/otp/verify/")
    assert SecurityEvent.objects.filter(username="xxb", kind=SecurityEvent.Kind.OTP_FAILED).exists()


def test_enrolling_again_voids_the_old_codes(county):
    user = office_user()
    old = issue_recovery_codes(user)
    new = issue_recovery_codes(user)
    stored = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert stored == set(new) and not stored & set(old)


@pytest.mark.parametrize("raw, expected", [
    ("abcd-efgh", "abcdefgh"), ("ABCD EFGH", "abcdefgh"), ("abcd2345", "abcd2345"),
    ("abcd-efg", None), ("abcd-efg1", None), ("ａｂｃｄｅｆｇｈ", None), ("123456", None), ("", None),
])
def test_recovery_codes_are_read_strictly(raw, expected):
    assert normalise(raw) == expected


def test_a_garbled_code_gets_a_clear_message(client, protected, county):
    user = office_user()
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    login(client, "xxb", PASSWORD)
    refused = client.post("/admin/security/otp/verify/", {"token": "abc-²"})
    assert refused.status_code == 400 and "恢复码是8位字母和数字" in refused.content.decode()


@pytest.mark.parametrize("next_value", ["²", "pages", "wagtailadmin_home", "javascript:alert(1)", "//evil.example/"])
def test_a_next_that_is_not_a_path_of_this_site_leads_to_the_admin_home(client, county, next_value):
    """``next`` is an address, never a view name: ``²`` was passed to ``redirect()``, which looked it up as a
    URL name and answered 500 (NoReverseMatch); found by the hostile-input probe."""
    User.objects.create_superuser("root", "root@example.com", PASSWORD)
    client.force_login(User.objects.get(username="root"))
    response = client.get("/admin/security/otp/recovery-codes/", {"next": next_value})
    assert response.status_code == 302 and response["Location"] == "/admin/"
