"""The audit's rules, kept as data so the information office can change them without a release.

Two tables: ``ColumnRule`` (one row per column kind: how often such a column must be updated,
更新周期) and ``VetoRule`` (the whole-site failures, 单项否决, with their thresholds). Both are
seeded with the national defaults (政府网站与政务新媒体检查指标, 国办秘函〔2019〕19号) by a data
migration; the admin offers editing only, never adding or deleting, so every kind and every
veto always has exactly one row.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.column_kinds import ColumnKind

SOURCE_INSPECTION = _("依据：政府网站与政务新媒体检查指标（国办秘函〔2019〕19号）。")
NEGATIVE_LIMIT_MESSAGE = _("期限和阈值不能为负数。")


def non_negative(label):
    return MinValueValidator(0, message=_("%(label)s不能为负数。") % {"label": label})


class ColumnRule(models.Model):
    """更新周期: how many days a column of one kind may go without a new item before it is stale."""

    column_kind = models.CharField(_("栏目类型"), max_length=32, choices=ColumnKind.choices, unique=True, editable=False)
    limit_days = models.IntegerField(
        _("更新期限（天）"),
        null=True,
        blank=True,
        validators=[non_negative(_("更新期限"))],
        help_text=_("超过此天数无新发布即为“栏目不更新”。留空表示此类栏目无更新要求。依据：政府网站与政务新媒体检查指标（国办秘函〔2019〕19号）。"),
    )
    limit_months = models.IntegerField(
        _("更新期限（月）"),
        null=True,
        blank=True,
        validators=[non_negative(_("更新期限"))],
        help_text=_("按自然月计的期限（如“6 个月”：2026-05-31 更新的栏目到 2026-11-30 仍为按期）。填写后取代按天计的期限。"
                    "依据：政府网站与政务新媒体检查指标（国办秘函〔2019〕19号）。"),
    )
    warning_days = models.IntegerField(
        _("提醒天数"),
        null=True,
        blank=True,
        validators=[non_negative(_("提醒天数"))],
        help_text=_("达到此天数即提前提醒（如 14 天栏目在第 10 天提醒）。留空表示不提前提醒。"),
    )
    counts_toward_frequent_veto = models.BooleanField(
        _("计入“动态要闻与通知公告、政策文件”否决项"),
        default=False,
        help_text=_("检查指标：动态、要闻类栏目 2 周未更新，与通知公告、政策文件类栏目 6 个月未更新，合计 5 个及以上即单项否决。"),
    )
    source = models.CharField(_("依据"), max_length=255, blank=True, editable=False)

    class Meta:
        verbose_name = _("栏目更新规则")
        verbose_name_plural = _("栏目更新规则")
        ordering = ["limit_days", "column_kind"]
        constraints = [
            models.CheckConstraint(
                condition=Q(limit_days__isnull=True) | Q(limit_days__gte=0),
                name="audit_column_rule_limit_non_negative",
                violation_error_message=NEGATIVE_LIMIT_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(limit_months__isnull=True) | Q(limit_months__gte=0),
                name="audit_column_rule_months_non_negative",
                violation_error_message=NEGATIVE_LIMIT_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(warning_days__isnull=True) | Q(warning_days__gte=0),
                name="audit_column_rule_warning_non_negative",
                violation_error_message=NEGATIVE_LIMIT_MESSAGE,
            ),
        ]

    def __str__(self):
        return str(self.get_column_kind_display())

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.limit_months is not None and self.limit_days is not None:
            raise ValidationError({"limit_months": _("按天计和按月计的期限只能填写一个。")})
        if self.limit_days is not None and self.warning_days is not None and self.warning_days > self.limit_days:
            raise ValidationError({"warning_days": _("提醒天数不能大于更新期限。")})


class VetoRule(models.Model):
    """单项否决: one whole-site failure and the threshold at which it triggers (with an earlier warning)."""

    class Code(models.TextChoices):
        STALE_FREQUENT = "stale_frequent", _("动态要闻与通知公告、政策文件栏目不更新")
        OVERDUE_COLUMNS = "overdue_columns", _("应更新未更新栏目过多")
        EMPTY_COLUMNS = "empty_columns", _("空白栏目过多")
        DORMANT_HOME = "dormant_home", _("首页不更新")
        FALSE_DATES = "false_dates", _("疑似伪造发稿日期")
        INTERACTION = "interaction", _("互动回应差")
        UNREACHABLE = "unreachable", _("站点无法访问")
        CONTENT_ERRORS = "content_errors", _("严重错误（内容巡查）")
        SERVICE = "service", _("服务不实用")

    code = models.CharField(_("否决项"), max_length=32, choices=Code.choices, unique=True, editable=False)
    threshold = models.IntegerField(
        _("否决阈值"), validators=[non_negative(_("否决阈值"))],
        help_text=_("达到此值即单项否决。"),
    )
    warning_threshold = models.IntegerField(
        _("提醒阈值"), null=True, blank=True, validators=[non_negative(_("提醒阈值"))],
        help_text=_("达到此值即提前提醒；留空表示不提前提醒。"),
    )
    enabled = models.BooleanField(_("启用"), default=True)
    unit = models.CharField(_("单位"), max_length=16, editable=False)
    explanation = models.TextField(_("说明与依据"), editable=False)

    class Meta:
        verbose_name = _("单项否决规则")
        verbose_name_plural = _("单项否决规则")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(threshold__gte=0),
                name="audit_veto_threshold_non_negative",
                violation_error_message=NEGATIVE_LIMIT_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(warning_threshold__isnull=True) | Q(warning_threshold__gte=0),
                name="audit_veto_warning_non_negative",
                violation_error_message=NEGATIVE_LIMIT_MESSAGE,
            ),
        ]

    def __str__(self):
        return str(self.get_code_display())

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.warning_threshold is not None and self.threshold is not None and self.warning_threshold > self.threshold:
            raise ValidationError({"warning_threshold": _("提醒阈值不能大于否决阈值。")})
