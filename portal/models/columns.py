"""栏目: a column lists its items newest first, read from the catalogue."""

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel

from portal.column_kinds import ColumnKind
from security.strict_input import page_or_first

from .base import BasePage, catalogue_entries

CONTENT_PAGE_TYPES = [
    "portal.ArticlePage",
    "portal.PolicyDocumentPage",
    "portal.PolicyInterpretationPage",
    "portal.ServiceGuidePage",
]


class ColumnPage(BasePage):
    kind = models.CharField(
        _("栏目类型"),
        max_length=32,
        choices=ColumnKind.choices,
        default=ColumnKind.NEWS,
        help_text=_("决定审计采用的更新周期要求。"),
    )
    description = models.CharField(_("栏目说明"), max_length=255, blank=True)
    keywords = models.CharField(_("栏目关键词"), max_length=255, blank=True)
    per_page = models.PositiveSmallIntegerField(_("每页条数"), default=20)
    statutory_items = ParentalManyToManyField(
        "disclosure.StatutoryItem",
        verbose_name=_("对应法定公开事项"),
        blank=True,
        related_name="+",
        help_text=_("本栏目发布的信息对应的法定主动公开事项。栏目类型已对应的事项（如财政资金对应预决算）无需再选。"),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("keywords"),
        FieldPanel("statutory_items", widget=forms.CheckboxSelectMultiple),
    ]
    settings_panels = [*BasePage.settings_panels, FieldPanel("per_page")]

    parent_page_types = ["portal.PortalHomePage", "departments.DepartmentHomePage", "portal.ColumnPage"]
    subpage_types = [*CONTENT_PAGE_TYPES, "portal.ColumnPage", "interaction.ConsultationPage", "interaction.InterviewPage"]
    page_description = _("栏目：按时间倒序列出其中发布的信息。")
    in_site_map = True

    class Meta:
        verbose_name = _("栏目")
        verbose_name_plural = _("栏目")

    def entries(self):
        return catalogue_entries().public().filter(column=self).select_related("organisation")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.entries().only(
            "title", "url", "site", "path", "display_date", "summary", "index_number", "organisation__name",
            "organisation__short_name",
        ), self.per_page)
        try:
            page_obj = paginator.page(page_or_first(request.GET.get("page")))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context["page_obj"] = page_obj
        context["entries"] = page_obj.object_list
        context["subcolumns"] = self.get_children().live().public().type(ColumnPage).specific()
        return context

    def meta_tags(self, request=None):
        tags = super().meta_tags(request)
        tags["ColumnName"] = self.title
        if self.keywords:
            tags["ColumnKeywords"] = self.keywords
        return tags

    @property
    def column(self):
        return self
