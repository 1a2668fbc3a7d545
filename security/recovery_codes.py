"""Recovery codes for staff with a second factor (django-otp's static tokens): a way in when the phone is lost.

Ten single-use codes are issued when a staff member enrols an authenticator app, shown once, and
usable instead of the 6-digit code at login; each works once (django-otp deletes a used token) and
django-otp's throttling slows guessing. Enrolling again issues a new set and voids the old one.
GB/T 22239-2019 8.1.4.1 d) asks for two factors; this keeps the second one without a locked-out office.
"""

import re

from django.utils.translation import gettext as _

RECOVERY_DEVICE_NAME = "恢复码"
CODE_COUNT = 10
# StaticToken.random_token(): 5 random bytes in lower-case base32, shown as "abcd-efgh".
CODE_PATTERN = re.compile(r"[a-z2-7]{8}")


def issue_recovery_codes(user, count=CODE_COUNT):
    """Replace ``user``'s recovery codes with ``count`` new ones; returns them (plain str, 8 characters each)."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE_NAME).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _index in range(count)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def display(code):
    """``abcdefgh`` as ``abcd-efgh`` (easier to copy down)."""
    return f"{code[:4]}-{code[4:]}"


def normalise(raw):
    """The code typed by the user (any case, spaces or hyphens) as stored, or ``None`` if it cannot be one.

    Only ASCII letters and digits 2-7 count: no NFKC here, a code is copied from a sheet, not typed in a
    full-width input method."""
    code = re.sub(r"[\s-]", "", raw or "").lower()
    return code if CODE_PATTERN.fullmatch(code) else None


def use_recovery_code(user, code):
    """Consume ``code`` (normalised) if it is one of ``user``'s unused recovery codes.

    Returns ``(device, number of codes left)`` on success, ``(None, None)`` otherwise."""
    from django_otp.plugins.otp_static.models import StaticDevice

    for device in StaticDevice.objects.filter(user=user, confirmed=True):
        allowed, _data = device.verify_is_allowed()
        if allowed and device.verify_token(code):
            return device, device.token_set.count()
    return None, None


def remaining_message(remaining):
    return _("已使用恢复码登录，还剩 %(count)s 个。") % {"count": remaining}
