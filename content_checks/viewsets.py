"""Admin: the 内容安全 menu — findings, sensitive words, fixed formulations."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from departments.admin_access import InformationOfficeMenuItem
from portal.admin_columns import yes_no_list_display

from . import views
from .models import FixedFormulation, SensitiveWord
from .permissions import may_see_findings


class FindingsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_findings(request.user)


class FindingsViewSet(ViewSet):
    name = "content_checks"
    icon = "warning"
    menu_label = _("内容安全问题")
    menu_order = 100

    @property
    def menu_item_class(self):
        return FindingsMenuItem

    @property
    def menu_url(self):
        return reverse("content_checks:findings")

    def get_urlpatterns(self):
        return [
            path("", views.FindingListView.as_view(), name="findings"),
            path("patrol/", views.run_patrol, name="run_patrol"),
        ]


class SensitiveWordViewSet(ModelViewSet):
    model = SensitiveWord
    name = "content_checks_sensitive_word"
    url_prefix = "content-checks/sensitive-words"
    icon = "cross"
    menu_label = _("敏感词/禁用词")
    form_fields = ["word", "category", "severity", "suggestion", "note", "active"]
    list_display = yes_no_list_display(SensitiveWord, ["word", "category", "severity", "suggestion", "active", "updated_at"])
    list_filter = ["category", "severity", "active"]
    search_fields = ["word", "note"]
    copy_view_enabled = False
    inspect_view_enabled = False

    @property
    def menu_item_class(self):
        return InformationOfficeMenuItem


class FixedFormulationViewSet(ModelViewSet):
    model = FixedFormulation
    name = "content_checks_fixed_formulation"
    url_prefix = "content-checks/formulations"
    icon = "edit"
    menu_label = _("规范表述（错别字）")
    form_fields = ["wrong", "correct", "severity", "note", "active"]
    list_display = yes_no_list_display(FixedFormulation, ["wrong", "correct", "severity", "active", "updated_at"])
    list_filter = ["severity", "active"]
    search_fields = ["wrong", "correct"]
    copy_view_enabled = False
    inspect_view_enabled = False

    @property
    def menu_item_class(self):
        return InformationOfficeMenuItem


class ContentChecksViewSetGroup(ViewSetGroup):
    menu_label = _("内容安全")
    menu_icon = "warning"
    menu_order = 260
    items = (FindingsViewSet, SensitiveWordViewSet, FixedFormulationViewSet)
