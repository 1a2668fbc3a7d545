"""Staff sessions in the admin: an idle timeout, and the TOTP step after the password.

``StaffSessionMiddleware`` runs after django-otp's ``OTPMiddleware`` (which sets
``request.user.is_verified``). Under ``/admin/`` it

* ends a session left idle longer than ``SECURITY_SESSION_IDLE_SECONDS`` (default 30 minutes;
  GB/T 22239-2019 8.1.4.1 b) "应具有登录失败处理功能，应配置并启用结束会话…、登录连接超时自动退出");
* sends a user who must use TOTP, or who enrolled a device, to the verify (or enrolment) page before
  any other admin page is served.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .events import record
from .otp_policy import confirmed_devices, needs_verification, otp_required

LAST_SEEN_KEY = "security_last_seen"
ADMIN_PREFIX = "/admin/"
# Reachable before the second factor: logging in and out, the two TOTP pages, the admin's static i18n.
OPEN_ADMIN_PATHS = ("/admin/login/", "/admin/logout/", "/admin/security/otp/", "/admin/jsi18n/",
                    "/admin/password_reset/")


def idle_seconds():
    return int(getattr(settings, "SECURITY_SESSION_IDLE_SECONDS", 30 * 60))


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and request.path.startswith(ADMIN_PREFIX):
            response = self._idle_timeout(request) or self._second_factor(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _idle_timeout(self, request):
        now = time.time()
        last_seen = request.session.get(LAST_SEEN_KEY)
        limit = idle_seconds()
        if limit and last_seen is not None and now - last_seen > limit:
            from .models import SecurityEvent

            record(SecurityEvent.Kind.IDLE_TIMEOUT, user=request.user, request=request,
                   detail=_("%(minutes)d分钟未操作") % {"minutes": limit // 60})
            logout(request)
            messages.info(request, _("您已超过%(minutes)d分钟未操作，为保护账号安全已自动退出，请重新登录。")
                          % {"minutes": limit // 60})
            return redirect(f"{reverse('wagtailadmin_login')}?{urlencode({'next': request.get_full_path()})}")
        request.session[LAST_SEEN_KEY] = now
        return None

    def _second_factor(self, request):
        if not getattr(settings, "SECURITY_OTP_ENFORCED", True):
            return None
        if request.path.startswith(OPEN_ADMIN_PATHS) or not needs_verification(request.user):
            return None
        step = "security_otp_verify" if confirmed_devices(request.user).exists() else "security_otp_setup"
        if step == "security_otp_setup" and not otp_required(request.user):
            return None
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
