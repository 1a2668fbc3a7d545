"""政府网站工作年度报表 (国办函〔2018〕12号): one website's yearly figures, generated, edited by the office, published.

Each website (one 网站标识码) publishes its report for year Y on its home by 31 January of Y+1.
``figures`` holds every row of the official form by its code (``audit/website_report_figures.py``):
the rows software can count are generated from the catalogue, letters, guides, view counts and the
probe; the others are entered by the information office, which may also correct any generated value.

A report goes 草稿 → 已审核 → 已发布, each step by a named member of the office at a recorded time: any change
to the figures (an edit, a recount) returns it to 草稿 and clears the approval, and only an approved report is
published. A published report that is changed again stays on the website as published until the new
version is approved and published.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WebsiteYearlyReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        APPROVED = "approved", _("已审核，待发布")
        PUBLISHED = "published", _("已发布")

    site_key = models.CharField(_("网站"), max_length=40, help_text=_("网站标识码（门户网站未登记时为 portal）。"))
    website_name = models.CharField(_("网站名称"), max_length=100)
    year = models.PositiveSmallIntegerField(_("年度"))
    figures = models.JSONField(_("报表数据"), default=dict, blank=True)
    generated_at = models.DateTimeField(_("最近生成时间"), null=True, blank=True, editable=False)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("发布页面"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )
    published_at = models.DateTimeField(_("首次发布时间"), null=True, blank=True, editable=False)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT, editable=False)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("最近修改人"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )
    edited_at = models.DateTimeField(_("最近修改时间"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审核人"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )
    approved_at = models.DateTimeField(_("审核时间"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("发布人"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )
    last_published_at = models.DateTimeField(_("最近发布时间"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("政府网站工作年度报表")
        verbose_name_plural = _("政府网站工作年度报表")
        ordering = ["-year", "site_key"]
        constraints = [models.UniqueConstraint(fields=["site_key", "year"], name="unique_website_report_per_year")]

    def __str__(self):
        return f"{self.website_name}{self.year}年政府网站工作年度报表"


class WebsiteYearlyReportReminder(models.Model):
    """A reminder about an unpublished website report that has been sent (each one once)."""

    site_key = models.CharField(_("网站"), max_length=40)
    year = models.PositiveSmallIntegerField(_("报表年度"))
    key = models.CharField(_("提醒"), max_length=32)
    sent_at = models.DateTimeField(_("发送时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("网站年度报表提醒")
        constraints = [models.UniqueConstraint(fields=["site_key", "year", "key"], name="unique_website_report_reminder")]
