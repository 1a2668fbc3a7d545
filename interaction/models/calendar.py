"""The official working-day calendar (法定节假日与调休) that every statutory deadline is counted on.

Only exceptions to the Monday–Friday week are stored: holidays (which may fall on any weekday)
and adjusted working days (调休, usually a Saturday or Sunday). A year counts as known only once
its ``CalendarYear`` says the State Council schedule has been entered in full; deadlines that
touch an unknown year are not computed rather than guessed.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class CalendarDay(models.Model):
    """One date that differs from the ordinary week: a public holiday or an adjusted working day."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("放假")
        WORKDAY = "workday", _("调休上班")

    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=8, choices=Kind.choices)
    name = models.CharField(_("名称"), max_length=60, blank=True, help_text=_("例如：春节、国庆节调休上班。"))

    panels = [FieldPanel("date"), FieldPanel("kind"), FieldPanel("name")]

    class Meta:
        verbose_name = _("节假日与调休")
        verbose_name_plural = _("节假日与调休")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()} {self.name}".strip()


class CalendarYear(models.Model):
    """Whether a year's holiday schedule (国务院办公厅节假日安排通知) has been entered completely."""

    year = models.PositiveSmallIntegerField(_("年份"), unique=True)
    complete = models.BooleanField(
        _("已录入完整安排"),
        default=False,
        help_text=_("国务院办公厅公布当年节假日安排并全部录入后再勾选；未勾选的年份不计算办理期限。"),
    )
    source = models.CharField(
        _("来源"), max_length=200, blank=True, help_text=_("例如：国办发明电〔2025〕7号，或 chinesecalendar 1.11.0。")
    )
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    panels = [FieldPanel("year"), FieldPanel("complete"), FieldPanel("source")]

    class Meta:
        verbose_name = _("年度节假日安排")
        verbose_name_plural = _("年度节假日安排")
        ordering = ["-year"]

    def __str__(self):
        return f"{self.year}"

    def clean(self):
        super().clean()
        if self.year is not None and not 1949 < self.year < 2200:
            raise ValidationError({"year": _("请输入正确的年份。")})
