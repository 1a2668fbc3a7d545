"""Who must use a second factor (TOTP) to enter the admin, and who may.

GB/T 22239-2019 8.1.4.1 d): "应采用口令、密码技术、生物技术等两种或两种以上组合的鉴别技术对用户进行身份鉴别".
Required for superusers, for every group that holds a standing role (``departments.StaffRole``: the county
information office, found by its key, so renaming the group keeps the requirement), for the groups named in
``SECURITY_OTP_REQUIRED_GROUPS`` (none by default) and for every group that approves in a Wagtail workflow (``GroupApprovalTask`` - the
organisations' approvers). Optional for everyone else (editors); once an editor has enrolled a
device it is asked for at every login.
"""

from django.conf import settings
from django.db.models import Q


def otp_required(user):
    """True when ``user`` may not use the admin without a verified TOTP device."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    from wagtail.models import GroupApprovalTask

    required = list(getattr(settings, "SECURITY_OTP_REQUIRED_GROUPS", ()))
    if user.groups.filter(Q(staff_role__isnull=False) | Q(name__in=required)).exists():
        return True
    return GroupApprovalTask.objects.filter(active=True, groups__in=user.groups.all()).exists()


def confirmed_devices(user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True)


def needs_verification(user):
    """True when the session must pass the TOTP step: required by role, or the user enrolled a device."""
    if not user.is_authenticated or user.is_verified():
        return False
    return otp_required(user) or confirmed_devices(user).exists()
