"""阅读次数: the flushed view count of a page (increments are buffered in the cache first).

``PageViewCount`` is the running total a citizen sees under an article; ``PageViewDay`` keeps the same
views per local day, so a period (the 政府网站工作年度报表's year, 国办函〔2018〕12号) can be counted.
A view is dated by the day its flush reaches the database (cron runs the flush every minute).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageViewCount(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("页面"), primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    count = models.PositiveBigIntegerField(_("阅读次数"), default=0)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("阅读次数")
        verbose_name_plural = _("阅读次数")

    def __str__(self):
        return f"{self.page_id}: {self.count}"


class PageViewDay(models.Model):
    """The views of one page counted on one local (Asia/Shanghai) day."""

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("页面"), on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("日期"))
    count = models.PositiveBigIntegerField(_("阅读次数"), default=0)

    class Meta:
        verbose_name = _("每日阅读次数")
        verbose_name_plural = _("每日阅读次数")
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="unique_page_view_day")]
        indexes = [models.Index(fields=["day", "page"], name="page_view_day_by_day")]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.count}"
