"""Admin registration for the audit: the 站点监测 menu (dashboard and rules) and the department panel."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import ColumnRule, VetoRule
from .panels import DueColumnsPanel
from .permissions import InformationOfficePolicy
from .viewsets import AuditViewSetGroup

register_permission_policy(ColumnRule, InformationOfficePolicy(ColumnRule))
register_permission_policy(VetoRule, InformationOfficePolicy(VetoRule))


@hooks.register("register_admin_viewset")
def register_audit_viewsets():
    return AuditViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_due_columns_panel(request, panels):
    panels.append(DueColumnsPanel(request.user))
