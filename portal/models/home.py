"""The county portal's home page: aggregates every tree through the catalogue."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from departments.directory import active_organisations, organisation_directory, share_site_root_paths
from departments.leaders import LeadersRouteMixin
from departments.models import Organisation
from portal.column_kinds import ColumnKind

from .base import BasePage, catalogue_entries
from .columns import ColumnPage


class ServiceLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("名称"), max_length=20)
    page = blocks.PageChooserBlock(label=_("链接页面"), required=False)
    url = blocks.URLBlock(label=_("外部链接"), required=False)

    class Meta:
        icon = "link"
        label = _("服务入口")
        template = "components/streamfield/service_link.html"


class PortalHomePage(LeadersRouteMixin, BasePage):
    intro = models.TextField(_("县情简介"), blank=True)
    service_links = StreamField(
        [("link", ServiceLinkBlock())], verbose_name=_("办事服务入口"), blank=True, max_num=12
    )
    items_per_block = models.PositiveSmallIntegerField(_("每个版块条数"), default=8)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("service_links")]
    settings_panels = [*BasePage.settings_panels, FieldPanel("items_per_block")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portal.ColumnPage", "departments.OrganisationIndexPage"]
    page_description = _("县政府门户网站首页，汇集全县各部门和乡镇的信息。")
    max_count = 1
    in_site_map = True
    column = None  # the top of the tree is in no column (saves the ancestor query)

    class Meta:
        verbose_name = _("门户首页")
        verbose_name_plural = _("门户首页")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(portal_home_listings(self.organisation, self.items_per_block))
        context["columns"] = list(ColumnPage.objects.child_of(self).live().public().in_menu().order_by("path"))
        share_site_root_paths(context["columns"])
        return context


def portal_home_listings(county, limit):
    """Everything the portal home lists (a dict of context names), eight queries whatever the size of the county:
    the county's own headlines, notices and policies, department and township news, guides and the directory."""
    organisations = active_organisations()
    by_id = {org.pk: org for org in organisations}
    departments, townships = organisation_directory(organisations)
    entries = catalogue_entries()
    return {
        "headlines": entries.latest_for_organisation(county, [ColumnKind.HEADLINES, ColumnKind.NEWS], limit, by_id),
        "notices": entries.latest_for_organisation(county, [ColumnKind.NOTICES], limit, by_id),
        "policies": entries.latest_for_organisation(county, [ColumnKind.POLICIES], limit, by_id),
        "department_news": entries.latest_by_kind_of_organisation(Organisation.Kind.DEPARTMENT, limit, by_id),
        "township_news": entries.latest_by_kind_of_organisation(Organisation.Kind.TOWNSHIP, limit, by_id),
        "guides": entries.latest_guides(limit, by_id),
        "departments": departments,
        "townships": townships,
    }
