"""Admin registration of applications for disclosure and yearly reports (imported by disclosure/wagtail_hooks.py)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .access import handles_any


class HandlerMenuItem(MenuItem):
    """Shown only to staff of an organisation and to the information office."""

    def is_shown(self, request):
        return handles_any(request.user)


@hooks.register("register_admin_urls")
def register_application_admin_urls():
    return [
        path("disclosure-applications/", include("disclosure.applications.admin_urls",
                                                  namespace="disclosure_applications_admin")),
        path("disclosure-reports/", include("disclosure.reports.admin_urls", namespace="disclosure_reports_admin")),
    ]


@hooks.register("register_admin_menu_item")
def register_application_menu_item():
    return HandlerMenuItem(_("依申请公开"), reverse("disclosure_applications_admin:index"), icon_name="mail",
                           order=230, name="disclosure-applications")


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return HandlerMenuItem(_("信息公开年报"), reverse("disclosure_reports_admin:index"), icon_name="doc-full",
                           order=231, name="disclosure-reports")
