"""The amounts of the information processing fee (信息处理费), editable by the information office.

Defaults are those of 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号): per item, free up to
10 applications a month per applicant, 100 元 per item for the 11th to 30th, then 100 元 more
per item for every further band of 10; per volume, free up to 30 pages, then 10 / 20 / 40 元 a
page for pages 31–100 / 101–200 / beyond; payment within 20 working days of the notice. The
computation is ``disclosure.applications.fees``.
"""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


def _money(label, default):
    return models.DecimalField(label, max_digits=8, decimal_places=2, default=Decimal(default))


@register_setting(icon="tag")
class ProcessingFeeSettings(BaseGenericSetting):
    free_items_per_month = models.PositiveSmallIntegerField(
        _("按件计收：每月免费件数"), default=10, help_text=_("同一申请人一个自然月内累计申请不超过该件数的，不收费。")
    )
    item_band_upper = models.PositiveSmallIntegerField(_("按件计收：第一档上限（件）"), default=30)
    item_band_price = _money(_("按件计收：第一档每件（元）"), "100")
    item_step_size = models.PositiveSmallIntegerField(_("按件计收：此后每档件数"), default=10)
    item_step_increase = _money(_("按件计收：每档每件增加（元）"), "100")
    free_pages = models.PositiveSmallIntegerField(_("按量计收：免费页数"), default=30)
    page_band1_upper = models.PositiveSmallIntegerField(_("按量计收：第一档上限（页）"), default=100)
    page_band1_price = _money(_("按量计收：第一档每页（元）"), "10")
    page_band2_upper = models.PositiveSmallIntegerField(_("按量计收：第二档上限（页）"), default=200)
    page_band2_price = _money(_("按量计收：第二档每页（元）"), "20")
    page_band3_price = _money(_("按量计收：超过第二档每页（元）"), "40")
    payment_working_days = models.PositiveSmallIntegerField(
        _("缴费期限（工作日）"), default=20, help_text=_("自收到收费通知次日起计算；逾期未缴纳的，不再处理该申请。")
    )

    class Meta:
        verbose_name = _("信息处理费标准")
