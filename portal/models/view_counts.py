"""阅读次数: the flushed view count of a page (increments are buffered in the cache first)."""

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
