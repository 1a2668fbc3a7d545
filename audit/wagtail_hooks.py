"""Admin registration for the audit: the 站点监测 menu (dashboard and rules), the department panel and
the office's reminder of unpublished website yearly reports."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from departments.admin_access import InformationOfficePolicy

from .models import ColumnRule, VetoRule
from .panels import DueColumnsPanel, WebsiteReportReminderPanel
from .viewsets import AuditViewSetGroup

# One row per rule kind: the office views and changes them; nobody adds or deletes one.
register_permission_policy(ColumnRule, InformationOfficePolicy(ColumnRule, actions={"view", "change"}))
register_permission_policy(VetoRule, InformationOfficePolicy(VetoRule, actions={"view", "change"}))


@hooks.register("register_admin_viewset")
def register_audit_viewsets():
    return AuditViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_due_columns_panel(request, panels):
    panels.append(DueColumnsPanel(request.user))


@hooks.register("construct_homepage_panels")
def add_website_report_reminder_panel(request, panels):
    panels.append(WebsiteReportReminderPanel(request.user))
