"""Broken links, images and attachments (错链、错图、错附件), as the link checker found them.

One ``LinkCheckRun`` per website per run (``manage.py check_links``); one ``LinkCheck`` per link
found on a page of that website, with the page, its column and its organisation, so a finding can
be given to the editor who can fix it. Only failures and the counts are kept; a link that worked
leaves no row, so the table does not grow with the size of the sites.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkCheckRun(models.Model):
    site_id_code = models.CharField(_("网站标识码"), max_length=20, db_index=True)
    started_at = models.DateTimeField(_("开始时间"), db_index=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    pages_checked = models.PositiveIntegerField(_("检查页面数"), default=0)
    links_checked = models.PositiveIntegerField(_("检查链接数"), default=0)
    requests_made = models.PositiveIntegerField(_("请求次数"), default=0)
    external_checked = models.BooleanField(_("检查外部链接"), default=False)

    class Meta:
        verbose_name = _("链接检查")
        verbose_name_plural = _("链接检查")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.site_id_code} {self.started_at:%Y-%m-%d %H:%M}"


class LinkCheck(models.Model):
    class Kind(models.TextChoices):
        LINK = "link", _("链接")
        IMAGE = "image", _("图片")
        ATTACHMENT = "attachment", _("附件")

    run = models.ForeignKey(LinkCheckRun, on_delete=models.CASCADE, related_name="broken_links")
    source_url = models.URLField(_("所在页面"), max_length=500)
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("所在页面"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    column = models.ForeignKey("wagtailcore.Page", verbose_name=_("所在栏目"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    organisation = models.ForeignKey("departments.Organisation", verbose_name=_("所属机构"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    editor = models.CharField(_("最后编辑人"), max_length=150, blank=True)
    on_home = models.BooleanField(_("位于首页"), default=False)
    target_url = models.CharField(_("链接地址"), max_length=1000)
    kind = models.CharField(_("类型"), max_length=12, choices=Kind.choices, default=Kind.LINK)
    external = models.BooleanField(_("外部链接"), default=False)
    status_code = models.PositiveSmallIntegerField(_("HTTP 状态码"), null=True, blank=True)
    error = models.CharField(_("错误"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("失效链接")
        verbose_name_plural = _("失效链接")
        ordering = ["run", "source_url", "target_url"]

    def __str__(self):
        return f"{self.source_url} → {self.target_url}"
