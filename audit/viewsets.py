"""Admin registration: the dashboard and the two rule tables, grouped under one menu item (站点监测)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from departments.admin_access import InformationOfficeMenuItem
from portal.admin_columns import yes_no_list_display

from . import due_items_views, views, website_report_views
from .models import ColumnRule, VetoRule


class AuditDashboardViewSet(ViewSet):
    name = "audit"
    icon = "warning"
    menu_label = _("监测总览")
    menu_order = 100

    @property
    def menu_item_class(self):
        return InformationOfficeMenuItem

    @property
    def menu_url(self):
        return reverse("audit:dashboard")

    def get_urlpatterns(self):
        return [
            path("", views.DashboardView.as_view(), name="dashboard"),
            path("export/<str:file_format>/", views.export_table, name="export"),
            path("organisation/<slug:slug>/", views.OrganisationAuditView.as_view(), name="organisation"),
            path("website/<str:key>/", views.WebsiteAuditView.as_view(), name="website"),
            path("report/", views.inspection_report_view, name="inspection_report"),
            path("report/xlsx/", views.inspection_report_view, {"file_format": "xlsx"}, name="inspection_report_xlsx"),
        ]


class ColumnRuleViewSet(ModelViewSet):
    model = ColumnRule
    name = "audit_column_rule"
    url_prefix = "audit/rules/columns"
    icon = "time"
    menu_label = _("栏目更新规则")
    add_to_admin_menu = False
    form_fields = ["limit_days", "limit_months", "warning_days", "counts_toward_frequent_veto"]
    list_display = yes_no_list_display(ColumnRule, ["__str__", "limit_days", "limit_months", "warning_days", "counts_toward_frequent_veto", "source"])
    inspect_view_enabled = False
    copy_view_enabled = False

    @property
    def menu_item_class(self):
        return InformationOfficeMenuItem


class VetoRuleViewSet(ModelViewSet):
    model = VetoRule
    name = "audit_veto_rule"
    url_prefix = "audit/rules/vetoes"
    icon = "cross"
    menu_label = _("单项否决规则")
    add_to_admin_menu = False
    form_fields = ["threshold", "warning_threshold", "enabled"]
    list_display = yes_no_list_display(VetoRule, ["__str__", "threshold", "warning_threshold", "unit", "enabled", "explanation"])
    inspect_view_enabled = False
    copy_view_enabled = False

    @property
    def menu_item_class(self):
        return InformationOfficeMenuItem


class DueItemsViewSet(ViewSet):
    """法定公开事项检查: what each organisation owes by 条例 arts. 20–21 and 26 (see disclosure.catalogue.due_items)."""

    name = "audit_due_items"
    url_prefix = "audit/due-items"
    icon = "date"
    menu_label = _("法定公开事项检查")
    menu_order = 150

    @property
    def menu_item_class(self):
        return InformationOfficeMenuItem

    @property
    def menu_url(self):
        return reverse("audit_due_items:index")

    def get_urlpatterns(self):
        return [
            path("", due_items_views.DueItemsView.as_view(), name="index"),
            path("<slug:slug>/", due_items_views.OrganisationDueItemsView.as_view(), name="organisation"),
        ]


class WebsiteYearlyReportViewSet(ViewSet):
    """政府网站工作年度报表 (国办函〔2018〕12号): generated, edited and published by the office."""

    name = "audit_yearly_reports"
    url_prefix = "audit/yearly-reports"
    icon = "doc-full"
    menu_label = _("网站年度报表")
    menu_order = 160

    @property
    def menu_item_class(self):
        return InformationOfficeMenuItem

    @property
    def menu_url(self):
        return reverse("audit_yearly_reports:index")

    def get_urlpatterns(self):
        return [
            path("", website_report_views.ReportListView.as_view(), name="index"),
            path("<str:pk>/", website_report_views.ReportEditView.as_view(), name="edit"),
        ]


class AuditViewSetGroup(ViewSetGroup):
    items = (AuditDashboardViewSet, DueItemsViewSet, WebsiteYearlyReportViewSet, ColumnRuleViewSet, VetoRuleViewSet)
    menu_label = _("站点监测")
    menu_icon = "warning"
    menu_order = 250
