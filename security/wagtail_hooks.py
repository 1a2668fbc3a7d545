"""Admin wiring: the TOTP pages under /admin/security/ and the security log report."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .log_view import SecurityLogReportView
from .panels import TamperAlertPanel


def _log_viewer_only(view):
    def checked(request, *args, **kwargs):
        if not request.user.has_perm("security.view_securityevent"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


@hooks.register("register_admin_urls")
def register_security_urls():
    return [
        path("security/", include(urls)),
        path("reports/security-log/", _log_viewer_only(SecurityLogReportView.as_view()), name="security_log"),
        path("reports/security-log/results/", _log_viewer_only(SecurityLogReportView.as_view(results_only=True)),
             name="security_log_results"),
    ]


class SecurityLogMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("security.view_securityevent")


@hooks.register("register_reports_menu_item")
def register_security_log_menu_item():
    return SecurityLogMenuItem(_("安全日志"), reverse("security_log"), icon_name="warning", order=900)


@hooks.register("construct_homepage_panels")
def add_tamper_alert_panel(request, panels):
    panels.append(TamperAlertPanel(request.user))
