"""Articles, policy documents and their interpretations: the disclosed content of every tree."""

from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from portal.blocks import AttachmentListBlock, BodyBlock
from portal.column_kinds import ColumnKind
from portal.taxonomy import Genre, Validity

from .base import DisclosedPage

COLUMN_PARENTS = ["portal.ColumnPage"]


class ArticlePage(DisclosedPage):
    """News or notice (新闻 / 通知公告)."""

    source = models.CharField(_("来源"), max_length=100, blank=True, help_text=_("不填则显示发布机构。"))
    author = models.CharField(_("作者"), max_length=100, blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("封面图"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A new article opens with an empty 正文 paragraph to type into (two clicks less than 插入块 → 正文).
    body = StreamField(BodyBlock(), verbose_name=_("正文"), default=[("paragraph", "")])

    content_panels = [
        *DisclosedPage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("source"), FieldPanel("author"), FieldPanel("cover_image")], heading=_("来源与配图")),
        FieldPanel("body"),
        *DisclosedPage.disclosure_panels,
    ]
    parent_page_types = COLUMN_PARENTS
    subpage_types = []
    page_description = _("新闻、通知公告等一般信息。")

    class Meta:
        verbose_name = _("文章")
        verbose_name_plural = _("文章")

    def get_genre(self):
        if self.genre:
            return self.genre
        column = self.column
        return Genre.NOTICE if column is not None and column.kind == ColumnKind.NOTICES else Genre.NEWS


class PolicyDocumentPage(DisclosedPage):
    """政策文件: a formal document with 文号, 成文日期 and 有效性."""

    default_genre = Genre.NOTICE

    document_number = models.CharField(_("文号"), max_length=100, blank=True, help_text=_("例如：示政发〔2025〕12号"))
    written_date = models.DateField(_("成文日期"), null=True, blank=True)
    issuing_body = models.CharField(_("发布机构"), max_length=200, blank=True, help_text=_("不填则为本站所属机构。"))
    validity = models.CharField(_("有效性"), max_length=16, choices=Validity.choices, default=Validity.VALID)
    # 行政规范性文件 (国办发〔2018〕37号): counted in table 2 of the yearly report by these fields alone.
    is_normative = models.BooleanField(
        _("行政规范性文件"), default=False,
        help_text=_("涉及公民、法人和其他组织权利义务，具有普遍约束力，在一定期限内反复适用的公文（国办发〔2018〕37号）。"
                    "年度报告表二只统计勾选的文件。"),
    )
    normative_registration_number = models.CharField(
        _("登记号"), max_length=100, blank=True, help_text=_("行政规范性文件的统一登记号。")
    )
    repealed_on = models.DateField(
        _("废止或失效日期"), null=True, blank=True,
        help_text=_("有效性为“废止”或“失效”时填写；年度报告按此日期统计本年废止件数和年末现行有效件数。"),
    )
    replaced_by = models.ForeignKey(
        "portal.PolicyDocumentPage", verbose_name=_("替代文件"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="replaces", help_text=_("取代本文件的新文件（如有）。"),
    )
    body = StreamField(BodyBlock(), verbose_name=_("正文"))
    attachments = StreamField(AttachmentListBlock(), verbose_name=_("附件"), blank=True)

    content_panels = [
        *DisclosedPage.content_panels,
        MultiFieldPanel(
            [FieldPanel("document_number"), FieldPanel("written_date"), FieldPanel("issuing_body"), FieldPanel("validity")],
            heading=_("文件信息"),
        ),
        MultiFieldPanel(
            [FieldPanel("is_normative"), FieldPanel("normative_registration_number"), FieldPanel("repealed_on"),
             FieldPanel("replaced_by")],
            heading=_("行政规范性文件与废止"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("attachments"),
        *DisclosedPage.disclosure_panels,
    ]
    parent_page_types = COLUMN_PARENTS
    subpage_types = []
    page_description = _("政策文件：带文号、成文日期和有效性的正式文件。")

    class Meta:
        verbose_name = _("政策文件")
        verbose_name_plural = _("政策文件")

    def clean(self):
        """A 行政规范性文件 has its 登记号; a repealed or expired document its date, and only such a one."""
        from django.core.exceptions import ValidationError

        super().clean()
        errors = {}
        if self.is_normative and not self.normative_registration_number.strip():
            errors["normative_registration_number"] = _("行政规范性文件请填写登记号。")
        if self.validity in (Validity.EXPIRED, Validity.REPEALED) and self.repealed_on is None:
            errors["repealed_on"] = _("有效性为废止或失效的，请填写废止或失效日期。")
        if self.validity == Validity.VALID and self.repealed_on is not None:
            errors["repealed_on"] = _("有效的文件不应填写废止或失效日期；请同时把有效性改为“废止”或“失效”。")
        if self.written_date and self.repealed_on and self.repealed_on < self.written_date:
            errors["repealed_on"] = _("废止或失效日期不能早于成文日期。")
        if self.replaced_by_id and self.replaced_by_id == self.pk:
            errors["replaced_by"] = _("替代文件不能是本文件。")
        if errors:
            raise ValidationError(errors)

    def catalogue_metadata(self):
        return {
            **super().catalogue_metadata(),
            "is_normative": self.is_normative,
            "normative_registration_number": self.normative_registration_number,
            "repealed_on": self.repealed_on,
        }

    def interpretations(self):
        return (PolicyInterpretationPage.objects.live().public().filter(policy=self)
                .order_by(Coalesce("display_date", "first_published_at").desc()))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["interpretations"] = self.interpretations()
        return context


class PolicyInterpretationPage(DisclosedPage):
    """政策解读: explains one policy document and is shown on it."""

    default_genre = Genre.INTERPRETATION

    policy = models.ForeignKey(
        PolicyDocumentPage,
        verbose_name=_("解读的文件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(_("来源"), max_length=100, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("正文"))

    content_panels = [
        *DisclosedPage.content_panels,
        FieldPanel("policy"),
        FieldPanel("source"),
        FieldPanel("summary"),
        FieldPanel("body"),
        *DisclosedPage.disclosure_panels,
    ]
    parent_page_types = COLUMN_PARENTS
    subpage_types = []
    page_description = _("政策解读：对某一政策文件的解读，会显示在该文件页面上。")

    class Meta:
        verbose_name = _("政策解读")
        verbose_name_plural = _("政策解读")
