"""Notices of an application (告知书) and the proof that they were delivered (送达).

Every step the applicant (or a consulted party) must be told of produces a ``Notice`` from the
editable ``NoticeTemplate`` of its kind, with the case's facts filled in and the text frozen as
issued. Each ``NoticeDelivery`` records one way it reached its addressee — the online status
page, e-mail, post with a tracking number, in person with a signature — which is the 送达
evidence an auditor or a court asks for.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from security.private_files import RandomName, private_storage


class NoticeKind(models.TextChoices):
    CORRECTION = "correction", _("补正告知书")
    EXTENSION = "extension", _("延期答复告知书")
    CONSULTATION = "consultation", _("征求意见函")
    REASONS = "reasons", _("要求说明理由告知书")
    DEFERRAL = "deferral", _("延迟答复告知书")
    FEE = "fee", _("收费通知")
    REPLY = "reply", _("政府信息公开申请答复书")


class DeliveryMethod(models.TextChoices):
    """送达方式."""

    ONLINE = "online", _("网上查询页面")
    EMAIL = "email", _("电子邮件")
    POST = "post", _("邮寄")
    IN_PERSON = "in_person", _("当面送达")
    FAX = "fax", _("传真")


# The placeholders a template may use: ``{{名称}}`` with a fact every notice, or its kind, can fill.
PLACEHOLDER = re.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")

# Facts every notice knows, then those of each kind.
COMMON_FACTS = ("申请人", "申请编号", "受理机关", "所需信息", "收到申请日期", "制作日期", "查询网址")
KIND_FACTS = {
    NoticeKind.CORRECTION: ("补正事项", "补正期限"),
    NoticeKind.EXTENSION: ("延长工作日数", "延期理由", "答复期限"),
    NoticeKind.CONSULTATION: ("征求对象", "征求意见期限"),
    NoticeKind.REASONS: ("需要说明的事项",),
    NoticeKind.DEFERRAL: ("答复期限", "延迟理由"),
    NoticeKind.FEE: ("计收方式", "收费数量", "收费金额", "缴费期限"),
    NoticeKind.REPLY: ("办理结果", "答复说明"),
}
ALL_FACTS = frozenset(COMMON_FACTS).union(*KIND_FACTS.values())


def validate_template_text(text, field):
    """Refuse placeholders that no notice can fill (``ValidationError`` on ``field``)."""
    unknown = sorted({name for name in PLACEHOLDER.findall(text or "") if name not in ALL_FACTS})
    if unknown:
        raise ValidationError({field: gettext("未知的占位符：%(names)s。可用的占位符：%(known)s。")
                               % {"names": "、".join(unknown), "known": "、".join(sorted(ALL_FACTS))}})


class NoticeTemplate(models.Model):
    """The wording of one kind of notice; ``{{申请人}}``-style placeholders take the case's facts."""

    kind = models.CharField(_("告知书类别"), max_length=16, choices=NoticeKind.choices, unique=True)
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(
        _("正文"),
        help_text=_("可用的占位符见下方说明，例如 {{申请人}}、{{申请编号}}、{{补正事项}}；未知的占位符不能保存。"),
    )
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("告知书模板")
        verbose_name_plural = _("告知书模板")
        ordering = ["kind"]

    def __str__(self):
        return self.get_kind_display()

    def clean(self):
        validate_template_text(self.title, "title")
        validate_template_text(self.body, "body")


class Notice(models.Model):
    """One issued notice, its text frozen as it was sent."""

    application = models.ForeignKey("disclosure.Application", on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("类别"), max_length=16, choices=NoticeKind.choices)
    addressee = models.CharField(_("送达对象"), max_length=100)
    to_applicant = models.BooleanField(
        _("送达申请人"), default=True, help_text=_("征求意见函送达第三方或其他机关，申请人看不到。")
    )
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文"))
    issued_on = models.DateField(_("制作日期"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("告知书")
        verbose_name_plural = _("告知书")
        ordering = ["issued_on", "pk"]

    def __str__(self):
        return self.title


class NoticeDelivery(models.Model):
    """送达记录: how and when one notice reached its addressee."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="deliveries")
    method = models.CharField(_("送达方式"), max_length=16, choices=DeliveryMethod.choices)
    delivered_on = models.DateField(_("送达日期"), null=True, blank=True,
                                    help_text=_("邮寄的填签收日期；电子邮件在发送成功后自动填写。"))
    tracking_number = models.CharField(_("邮件单号"), max_length=50, blank=True)
    signed_by = models.CharField(_("签收人"), max_length=50, blank=True)
    evidence = models.FileField(_("送达凭证"), upload_to=RandomName("applications/deliveries"), storage=private_storage,
                                blank=True,
                                help_text=_("签收单、送达回证或邮寄回执的扫描件。"))
    email = models.ForeignKey("disclosure.ApplicationNotification", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+", verbose_name=_("邮件"))
    note = models.CharField(_("说明"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("送达记录")
        verbose_name_plural = _("送达记录")
        ordering = ["recorded_at", "pk"]

    @property
    def delivered(self):
        """Delivered when a date is known; an e-mail once the outbox has sent it."""
        if self.method == DeliveryMethod.EMAIL and self.email_id:
            return self.email.state == "sent"
        return self.delivered_on is not None
