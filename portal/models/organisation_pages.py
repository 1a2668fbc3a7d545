"""The page types of an organisation's tree: the 部门 / 乡镇 directory and a department's or township's home.

They are pages, so they live with the pages; their app label stays ``departments`` (content types, templates
under ``templates/pages/departments/`` and the migrations that created them do not change).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from departments.directory import share_site_root_paths
from departments.leaders import LeadersRouteMixin
from departments.models import Organisation

from .base import BasePage, catalogue_entries
from .columns import ColumnPage


def columns_with_latest(home_page, per_column):
    """The home page's columns, each with its newest entries: two queries however many columns.

    A list of (``ColumnPage``, list of ``CatalogueEntry``) in menu order."""
    columns = list(ColumnPage.objects.child_of(home_page).live().public().in_menu().order_by("path"))
    share_site_root_paths(columns)
    by_column = catalogue_entries().latest_per_column([column.pk for column in columns], per_column)
    return [(column, by_column.get(column.pk, [])) for column in columns]


class OrganisationIndexPage(BasePage):
    """部门 / 乡镇: the portal's directory of department or township sub-sites."""

    kind = models.CharField(_("机构类型"), max_length=16, choices=Organisation.Kind.choices, default=Organisation.Kind.DEPARTMENT)
    intro = models.TextField(_("说明"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("kind"), FieldPanel("intro")]
    parent_page_types = ["portal.PortalHomePage"]
    subpage_types = ["departments.DepartmentHomePage"]
    page_description = _("部门或乡镇子站的目录页。")
    is_creatable = False  # made by provisioning, one per kind
    in_site_map = True
    column = None  # above every column

    class Meta:
        app_label = "departments"
        verbose_name = _("机构目录")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisations"] = (
            Organisation.objects.active().filter(kind=self.kind, home_page__live=True).select_related("home_page")
        )
        return context


class DepartmentHomePage(LeadersRouteMixin, BasePage):
    """A department's or township's sub-site home: its columns, contacts and responsibilities."""

    intro = models.TextField(_("简介"), blank=True)
    items_per_column = models.PositiveSmallIntegerField(_("每个栏目显示条数"), default=6)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    settings_panels = [*BasePage.settings_panels, FieldPanel("items_per_column")]
    parent_page_types = ["departments.OrganisationIndexPage"]
    subpage_types = ["portal.ColumnPage"]
    page_description = _("部门或乡镇子站首页，由机构开通时自动创建。")
    is_creatable = False  # a home without its organisation would have no editors, workflow or index numbers
    in_site_map = True
    column = None  # above its columns

    class Meta:
        app_label = "departments"
        verbose_name = _("部门/乡镇首页")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["column_blocks"] = columns_with_latest(self, self.items_per_column)
        context["leaders"] = list(self.organisation.leaders.all()) if self.organisation else []
        return context
