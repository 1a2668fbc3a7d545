"""Stored findings of the content checks (内容安全问题) and recorded overrides of blocking ones.

A finding is what one check saw in one place of one page or attachment: the patrol (巡检) stores
them per page, organisation and responsible editor; the inspection reads them as
``apps.get_model("content_checks", "ContentFinding")``. A finding stays open until a later check of
the same page no longer sees it (``resolved_at`` is then set); it is never deleted, so "what was
open on 1 March" can always be answered. See docs/content-checks.md.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FindingKind(models.TextChoices):
    PERSONAL_DATA = "personal_data", _("个人信息")
    SENSITIVE_WORD = "sensitive_word", _("敏感词/禁用词")
    TYPO = "typo", _("错别字")
    WORDING = "wording", _("严重表述错误")
    BROKEN_LINK = "broken_link", _("失效链接")
    UNCHECKED = "unchecked", _("无法检查")


class Severity(models.TextChoices):
    BLOCK = "block", _("阻止发布")
    WARN = "warn", _("提醒")


def _moment(value):
    """A date means the end of that day in the site's time zone; a datetime is taken as it is."""
    if isinstance(value, datetime.datetime):
        return value
    next_day = datetime.datetime.combine(value + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(next_day) - datetime.timedelta(microseconds=1)


class ContentFindingQuerySet(models.QuerySet):
    def open(self):
        """Findings not resolved yet."""
        return self.filter(resolved_at__isnull=True)

    def open_as_of(self, when):
        """Findings that were open at ``when``: a date (end of that local day) or an aware datetime.

        Found at or before that moment and not resolved by then.
        """
        moment = _moment(when)
        return self.filter(found_at__lte=moment).filter(
            models.Q(resolved_at__isnull=True) | models.Q(resolved_at__gt=moment)
        )

    def blocking(self):
        return self.filter(severity=Severity.BLOCK)

    def for_organisation(self, organisation):
        return self.filter(organisation=organisation)


class ContentFinding(models.Model):
    """One problem one check found in one place (a page field or an attachment) of one page."""

    kind = models.CharField(_("类型"), max_length=20, choices=FindingKind.choices, db_index=True)
    severity = models.CharField(_("级别"), max_length=8, choices=Severity.choices)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("页面"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="content_findings",
    )
    organisation = models.ForeignKey(
        "departments.Organisation", verbose_name=_("机构"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="content_findings",
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("责任编辑"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="content_findings", help_text=_("最后发布该页面的人。"),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("附件"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.CharField(_("网址"), max_length=500, blank=True)
    location = models.CharField(_("位置"), max_length=200, blank=True, help_text=_("字段、正文段落或附件名。"))
    position = models.PositiveIntegerField(_("字符位置"), null=True, blank=True)
    rule = models.CharField(_("规则"), max_length=200, blank=True, help_text=_("命中的词表条目或识别规则。"))
    message = models.CharField(_("说明"), max_length=300)
    excerpt = models.CharField(
        _("摘录"), max_length=300, blank=True, help_text=_("命中处的上下文；个人信息已打码。")
    )
    fingerprint = models.CharField(_("指纹"), max_length=64, editable=False, db_index=True)
    found_at = models.DateTimeField(_("发现时间"), db_index=True)
    last_seen_at = models.DateTimeField(_("最近一次发现"))
    resolved_at = models.DateTimeField(_("解决时间"), null=True, blank=True, db_index=True)

    objects = ContentFindingQuerySet.as_manager()

    class Meta:
        verbose_name = _("内容问题")
        verbose_name_plural = _("内容安全问题")
        ordering = ["-found_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["fingerprint"], condition=models.Q(resolved_at__isnull=True), name="one_open_finding_per_fingerprint"
            )
        ]
        indexes = [models.Index(fields=["organisation", "resolved_at", "found_at"], name="finding_org_open")]

    def __str__(self):
        return f"{self.get_kind_display()}：{self.message}"

    @property
    def is_open(self):
        return self.resolved_at is None


class PublicationOverride(models.Model):
    """An approver published despite blocking findings, with a recorded reason (page history and audit)."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("页面"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("版本"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审核人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("理由"))
    findings = models.JSONField(_("被放行的问题"), default=list)
    created_at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("放行记录")
        verbose_name_plural = _("放行记录")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.page_id} {self.created_at:%Y-%m-%d %H:%M}"
