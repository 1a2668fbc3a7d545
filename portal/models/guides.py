"""办事指南: a service guide, structured the way citizens and 12345 operators read them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from portal.blocks import AttachmentListBlock, GuideTextBlock
from portal.taxonomy import Genre

from .base import DisclosedPage, stream_text


class MaterialBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("材料名称"), max_length=200)
    form = blocks.CharBlock(label=_("材料形式"), required=False, max_length=60, help_text=_("如：原件1份、复印件2份"))
    notes = blocks.CharBlock(label=_("备注"), required=False, max_length=300)

    class Meta:
        icon = "doc-empty"
        label = _("申请材料")
        template = "components/streamfield/material.html"


class ServiceGuidePage(DisclosedPage):
    default_genre = Genre.SERVICE_GUIDE
    genre_editable = False

    service_name = models.CharField(_("事项名称"), max_length=200)
    legal_basis = models.TextField(
        _("设定依据"), blank=True,
        help_text=_("设立本事项的法律、法规、规章条款，例如《中华人民共和国义务教育法》第十二条。检查要素之一。"),
    )
    online_url = models.URLField(
        _("网上办理地址"), max_length=500, blank=True,
        help_text=_("可在线办理时填写办理系统的网址（如政务服务网上的事项页面）。"),
    )
    applicants = models.TextField(_("办理对象"))
    conditions = StreamField(GuideTextBlock(), verbose_name=_("办理条件"), blank=True)
    materials = StreamField(
        [("material", MaterialBlock())], verbose_name=_("申请材料"), blank=True
    )
    process = StreamField(GuideTextBlock(), verbose_name=_("办理流程"), blank=True)
    legal_time_limit = models.CharField(_("法定时限"), max_length=100, blank=True)
    promised_time_limit = models.CharField(_("承诺时限"), max_length=100, blank=True)
    fees = models.CharField(_("收费标准"), max_length=200, default="不收费")
    location = models.CharField(_("办理地点"), max_length=255, blank=True)
    office_hours = models.CharField(_("办理时间"), max_length=255, blank=True)
    phone = models.CharField(_("咨询电话"), max_length=100, blank=True)
    forms = StreamField(AttachmentListBlock(), verbose_name=_("表格下载"), blank=True)

    content_panels = [
        *DisclosedPage.content_panels,
        FieldPanel("service_name"),
        FieldPanel("summary"),
        FieldPanel("legal_basis"),
        FieldPanel("applicants"),
        FieldPanel("conditions"),
        FieldPanel("materials"),
        FieldPanel("process"),
        MultiFieldPanel(
            [
                FieldPanel("legal_time_limit"),
                FieldPanel("promised_time_limit"),
                FieldPanel("fees"),
                FieldPanel("location"),
                FieldPanel("office_hours"),
                FieldPanel("phone"),
                FieldPanel("online_url"),
            ],
            heading=_("办理信息"),
        ),
        FieldPanel("forms"),
        *DisclosedPage.disclosure_panels,
    ]
    parent_page_types = ["portal.ColumnPage"]
    subpage_types = []
    page_description = _("办事指南：事项名称、办理条件、材料、流程、时限、收费和咨询方式。")

    class Meta:
        verbose_name = _("办事指南")
        verbose_name_plural = _("办事指南")

    def body_text(self):
        parts = [self.service_name, self.legal_basis, self.applicants, stream_text(self.conditions), stream_text(self.process)]
        parts += [block.value["name"] for block in self.materials]
        parts += [self.legal_time_limit, self.promised_time_limit, self.fees, self.location, self.phone]
        return " ".join(part for part in parts if part)
