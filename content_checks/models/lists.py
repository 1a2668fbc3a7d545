"""Lists the information office maintains in the admin: sensitive words and fixed formulations."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .findings import Severity


class WordCategory(models.TextChoices):
    POLITICAL = "political", _("政治敏感")
    BANNED = "banned", _("禁用表述")
    ADVERTISING = "advertising", _("广告极限词")
    VULGAR = "vulgar", _("低俗不雅")
    VIOLENCE = "violence", _("暴恐违法")
    OTHER = "other", _("其他")


class SensitiveWord(models.Model):
    """敏感词/禁用词: matched in one pass, ignoring inserted spaces, punctuation and full-width forms."""

    word = models.CharField(
        _("词语"), max_length=100, unique=True, error_messages={"unique": _("词表中已有这个词。")}
    )
    category = models.CharField(_("类别"), max_length=16, choices=WordCategory.choices, default=WordCategory.OTHER)
    severity = models.CharField(_("级别"), max_length=8, choices=Severity.choices, default=Severity.BLOCK)
    suggestion = models.CharField(_("建议改为"), max_length=100, blank=True)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    active = models.BooleanField(_("启用"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("敏感词")
        verbose_name_plural = _("敏感词/禁用词")
        ordering = ["category", "word"]

    def __str__(self):
        return self.word


class FixedFormulation(models.Model):
    """错别字: a standard formulation (会议、法律、口号的规范表述) and one common wrong form of it."""

    wrong = models.CharField(
        _("错误写法"), max_length=100, unique=True, error_messages={"unique": _("已登记过这个错误写法。")}
    )
    correct = models.CharField(_("规范写法"), max_length=100)
    severity = models.CharField(_("级别"), max_length=8, choices=Severity.choices, default=Severity.BLOCK)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    active = models.BooleanField(_("启用"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("规范表述")
        verbose_name_plural = _("规范表述（错别字）")
        ordering = ["correct", "wrong"]

    def __str__(self):
        return f"{self.wrong} → {self.correct}"
