"""The TOTP step of the admin login: verify a code, or enrol an authenticator app first.

django-otp keeps the devices and the verified state; these two small views are the Wagtail-side
glue (wagtail-2fa, which once did this, is unmaintained). A failed code is logged and counted by
django-otp's own throttling (each failure doubles the wait before the next try).
"""

import base64

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from security.strict_input import StrictInputError, ascii_digits

from . import recovery_codes
from .events import record
from .models import SecurityEvent
from .next_url import safe_next_url
from .otp_policy import confirmed_devices, otp_required

ADMIN_HOME = "/admin/"


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("动态口令"), max_length=12,
        help_text=gettext_lazy("打开手机上的身份验证器应用，输入显示的6位数字。"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
        error_messages={"required": gettext_lazy("请输入6位动态口令。")},
    )

    def clean_token(self):
        try:
            token = ascii_digits(self.cleaned_data["token"].replace(" ", ""))
        except StrictInputError:
            raise forms.ValidationError(_("动态口令是6位数字。")) from None
        if len(token) != 6:
            raise forms.ValidationError(_("动态口令是6位数字。"))
        return token


class VerifyForm(TokenForm):
    """The login step: the 6-digit code, or one of the recovery codes issued at enrolment."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["token"].help_text = _("输入手机身份验证器显示的6位数字；手机不在身边时，可输入一个恢复码（如 abcd-efgh）。")
        self.fields["token"].widget.attrs["inputmode"] = "text"
        self.recovery_code = None

    def clean_token(self):
        raw = self.cleaned_data["token"]
        code = recovery_codes.normalise(raw)
        if code is not None:
            self.recovery_code = code
            return code
        try:
            return super().clean_token()
        except forms.ValidationError:
            raise forms.ValidationError(_("动态口令是6位数字，恢复码是8位字母和数字（如 abcd-efgh）。")) from None


RECOVERY_SESSION_KEY = "security_new_recovery_codes"


@never_cache
@login_required(login_url="wagtailadmin_login")
def verify(request):
    """Ask for the current code of the user's confirmed device."""
    devices = list(confirmed_devices(request.user))
    if not devices:
        return redirect("security_otp_setup")
    form = VerifyForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid() and form.recovery_code:
        device, remaining = recovery_codes.use_recovery_code(request.user, form.recovery_code)
        if device is not None:
            otp_login(request, device)
            record(SecurityEvent.Kind.OTP_VERIFIED, user=request.user, request=request,
                   detail=recovery_codes.remaining_message(remaining))
            messages.warning(request, recovery_codes.remaining_message(remaining))
            return redirect(safe_next_url(request, default=ADMIN_HOME))
        record(SecurityEvent.Kind.OTP_FAILED, user=request.user, request=request, detail=_("恢复码错误或已用过"))
        form.add_error("token", _("恢复码不正确或已经用过。"))
        status = 400
    elif request.method == "POST" and form.is_valid():
        for device in devices:
            allowed, _data = device.verify_is_allowed()
            if allowed and device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                record(SecurityEvent.Kind.OTP_VERIFIED, user=request.user, request=request)
                return redirect(safe_next_url(request, default=ADMIN_HOME))
        record(SecurityEvent.Kind.OTP_FAILED, user=request.user, request=request)
        form.add_error("token", _("动态口令不正确或已过期，请等待下一个口令后重试。"))
        status = 400
    elif request.method == "POST":
        status = 400
    return TemplateResponse(request, "security/otp_verify.html", {"form": form, "next": safe_next_url(request, default=ADMIN_HOME)},
                            status=status)


def _qr_data_uri(device):
    svg = segno.make(device.config_url, error="m").svg_inline(scale=4)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@never_cache
@login_required(login_url="wagtailadmin_login")
def setup(request):
    """Enrol an authenticator app: show the QR code and the key, confirm with one code."""
    if confirmed_devices(request.user).exists() and not request.user.is_verified():
        return redirect("security_otp_verify")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=_("身份验证器"), confirmed=False)
    form = TokenForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            record(SecurityEvent.Kind.OTP_ENROLLED, user=request.user, request=request)
            # Shown once, on the next page: the session holds them only until then.
            request.session[RECOVERY_SESSION_KEY] = recovery_codes.issue_recovery_codes(request.user)
            return redirect(f"{reverse('security_otp_recovery_codes')}?{urlencode({'next': safe_next_url(request, default=ADMIN_HOME)})}")
        record(SecurityEvent.Kind.OTP_FAILED, user=request.user, request=request, detail=_("绑定时口令错误"))
        form.add_error("token", _("动态口令不正确，请核对手机时间后输入新的口令。"))
        status = 400
    elif request.method == "POST":
        status = 400
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return TemplateResponse(request, "security/otp_setup.html", {
        "form": form, "next": safe_next_url(request, default=ADMIN_HOME), "qr": _qr_data_uri(device),
        "secret": " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)),
        "required": otp_required(request.user),
    }, status=status)


@never_cache
@login_required(login_url="wagtailadmin_login")
def recovery_codes_view(request):
    """The recovery codes issued at enrolment, once: a reload or a second visit shows nothing."""
    codes = request.session.pop(RECOVERY_SESSION_KEY, None)
    if not codes:
        return redirect(safe_next_url(request, default=ADMIN_HOME))
    return TemplateResponse(request, "security/otp_recovery_codes.html", {
        "codes": [recovery_codes.display(code) for code in codes], "next": safe_next_url(request, default=ADMIN_HOME),
    })
