"""站点无法访问: one row per visit the probe made to a website's page (``manage.py probe_sites``).

The inspection monitors a site for a week, at least 20 visits a day, and fails it when pages do not
load within 15 seconds in 5% or more of the visits (国办秘函〔2019〕19号). Each row is one visit:
which website (by 网站标识码), which URL, when, how long it took and what went wrong, if anything.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProbeResult(models.Model):
    site_id_code = models.CharField(_("网站标识码"), max_length=20, db_index=True)
    url = models.URLField(_("网址"), max_length=500)
    is_home = models.BooleanField(_("首页"), default=False)
    probed_at = models.DateTimeField(_("监测时间"), db_index=True)
    elapsed_ms = models.PositiveIntegerField(_("用时（毫秒）"), null=True, blank=True)
    status_code = models.PositiveSmallIntegerField(_("HTTP 状态码"), null=True, blank=True)
    ok = models.BooleanField(_("按时打开"), help_text=_("在规定时间（默认 15 秒）内返回 2xx 页面。"))
    error = models.CharField(_("错误"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("可用性监测记录")
        verbose_name_plural = _("可用性监测记录")
        ordering = ["-probed_at"]
        indexes = [models.Index(fields=["site_id_code", "probed_at"], name="audit_probe_site_time")]

    def __str__(self):
        return f"{self.url} {self.probed_at:%Y-%m-%d %H:%M}"
