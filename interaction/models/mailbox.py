"""Citizen mailboxes (县长信箱, 部门信箱), the letters written to them, and the trail of handling them.

A letter holds personal data (name, phone, e-mail): it is visible only to the handling
organisation's staff and the information office (see ``letter_access.py``), every staff view
of it is recorded in ``PersonalDataAccess``, and it is never put in the disclosure catalogue.
Only a public letter (answered, published with the writer's consent and not held back:
``Letter.objects.public()``) is shown on the mailbox pages and found by the county search
(``interaction/search_indexes.py``), and both show exactly the same masked form: the name as 王**,
no phone or e-mail, and identity card, mobile and bank card numbers in the texts masked
(``public_message``, ``public_reply``).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from disclosure.personal_data import mask_personal_data


class Mailbox(models.Model):
    """One mailbox: the county leader's (县长信箱) or an organisation's (部门/乡镇信箱)."""

    class Kind(models.TextChoices):
        LEADER = "leader", _("领导信箱")
        ORGANISATION = "organisation", _("部门信箱")

    organisation = models.ForeignKey(
        "departments.Organisation", verbose_name=_("所属机构"), on_delete=models.CASCADE, related_name="mailboxes"
    )
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices, default=Kind.ORGANISATION)
    slug = models.SlugField(_("网址标识"), max_length=60, unique=True)
    name = models.CharField(_("信箱名称"), max_length=60)
    intro = models.TextField(_("说明"), blank=True, help_text=_("显示在写信页上方，例如受理范围和办理时限。"))
    reply_working_days = models.PositiveSmallIntegerField(
        _("答复期限（工作日）"), default=10, help_text=_("自收信次日起计算的工作日数，节假日和调休按国家安排。")
    )
    notify_email = models.EmailField(
        _("新信件通知邮箱"), blank=True, help_text=_("留空则使用机构的电子邮箱。")
    )
    active = models.BooleanField(_("开放写信"), default=True)
    sort_order = models.PositiveIntegerField(_("显示顺序"), default=100)

    panels = [
        FieldPanel("name"), FieldPanel("intro"), FieldPanel("reply_working_days"),
        FieldPanel("notify_email"), FieldPanel("active"), FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("信箱")
        verbose_name_plural = _("信箱")
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["organisation", "kind"], name="one_mailbox_per_kind_per_org")]

    def __str__(self):
        return self.name

    @property
    def notification_address(self):
        return self.notify_email or self.organisation.email


class LetterQuerySet(models.QuerySet):
    def public(self):
        """Letters anyone may read: answered, the writer consented to publication, and not held back."""
        return self.filter(status=Letter.Status.ANSWERED, may_publish=True, withheld_from_public=False)


class Letter(models.Model):
    """A letter from a citizen (来信), kept exactly as submitted, with its handling state."""

    class Category(models.TextChoices):
        ENQUIRY = "enquiry", _("咨询")
        SUGGESTION = "suggestion", _("建议")
        COMPLAINT = "complaint", _("投诉")
        HELP = "help", _("求助")

    class Status(models.TextChoices):
        RECEIVED = "received", _("待处理")
        IN_PROGRESS = "in_progress", _("办理中")
        ANSWERED = "answered", _("已答复")

    class Disposition(models.TextChoices):
        INVALID = "invalid", _("无效留言")
        NOT_ACCEPTED = "not_accepted", _("不予受理")
        PETITION = "petition", _("转信访")

    mailbox = models.ForeignKey(Mailbox, verbose_name=_("信箱"), on_delete=models.PROTECT, related_name="letters")
    organisation = models.ForeignKey(
        "departments.Organisation", verbose_name=_("承办机构"), on_delete=models.PROTECT, related_name="letters",
        help_text=_("当前负责办理的机构；转办后随之改变。"),
    )
    tracking_code = models.CharField(_("查询码"), max_length=16, unique=True)
    query_password = models.CharField(_("查询密码（哈希）"), max_length=200)
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    name = models.CharField(_("姓名"), max_length=30)
    phone = models.CharField(_("联系电话"), max_length=20)
    email = models.EmailField(_("电子邮箱"), blank=True)
    subject = models.CharField(_("标题"), max_length=100)
    message = models.TextField(_("内容"))
    category = models.CharField(_("类别"), max_length=12, choices=Category.choices)
    may_publish = models.BooleanField(_("同意公开"), default=False)
    withheld_from_public = models.BooleanField(
        _("不予公开"), default=False, help_text=_("即使来信人同意，内容涉及个人隐私等不宜公开时勾选。")
    )

    received_at = models.DateTimeField(_("收信时间"), db_index=True)
    received_on = models.DateField(_("收信日期"))
    # First day of the month received: the statistics group by a plain column (no per-row date functions).
    received_month = models.DateField(_("收信月份"), editable=False)
    due_on = models.DateField(_("答复期限"), null=True, blank=True, help_text=_("节假日安排未发布时为空，录入后自动补算。"))
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.RECEIVED)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("经办人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    reply = models.TextField(_("答复内容"), blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("答复人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    replying_organisation = models.ForeignKey(
        "departments.Organisation", verbose_name=_("答复机构"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    replied_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    replied_on = models.DateField(_("答复日期"), null=True, blank=True)
    working_days_to_reply = models.PositiveSmallIntegerField(_("答复用时（工作日）"), null=True, blank=True)
    replied_on_time = models.BooleanField(_("按期答复"), null=True, blank=True)

    # 无效 / 不予受理 / 转信访: such a letter is not a valid message for the inspection's 互动回应差 rule.
    disposition = models.CharField(
        _("处理结论"), max_length=16, choices=Disposition.choices, blank=True,
        help_text=_("认定为无效留言、不予受理或转信访渠道办理的，须填写理由；这类来信不计入“互动回应差”检查。"),
    )
    disposition_reason = models.TextField(_("认定理由"), blank=True)
    disposed_at = models.DateTimeField(_("认定时间"), null=True, blank=True)
    disposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("认定人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    notified_at = models.DateTimeField(_("通知发送时间"), null=True, blank=True)
    notify_attempts = models.PositiveSmallIntegerField(_("通知尝试次数"), default=0)
    notify_error = models.CharField(_("通知错误"), max_length=300, blank=True)
    notify_last_attempt_at = models.DateTimeField(_("最近一次通知尝试"), null=True, blank=True)

    objects = LetterQuerySet.as_manager()

    class Meta:
        verbose_name = _("来信")
        verbose_name_plural = _("来信")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["mailbox", "received_on"], name="letter_mailbox_received"),
            models.Index(
                fields=["mailbox", "received_month", "status", "replied_on_time", "working_days_to_reply"],
                name="letter_monthly_statistics",
            ),
            models.Index(fields=["organisation", "status"], name="letter_org_status"),
            models.Index(fields=["status", "received_on"], name="letter_status_received"),
            models.Index(fields=["mailbox", "status", "-replied_at"], name="letter_mailbox_answered"),
        ]

    def __str__(self):
        return f"{self.tracking_code} {self.subject}"

    def save(self, *args, **kwargs):
        if self.received_on is not None:
            self.received_month = self.received_on.replace(day=1)
        super().save(*args, **kwargs)

    @property
    def masked_name(self):
        """王** : the first character and two asterisks, so neither the name nor its length shows."""
        return f"{self.name[:1]}**" if self.name else "**"

    @property
    def public_message(self):
        """The letter's text as published: identity card, mobile and bank card numbers masked."""
        return mask_personal_data(self.message)

    @property
    def public_reply(self):
        """The reply as published, masked the same way."""
        return mask_personal_data(self.reply)

    @property
    def is_public(self):
        return self.status == self.Status.ANSWERED and self.may_publish and not self.withheld_from_public

    def is_overdue(self, today):
        return self.status != self.Status.ANSWERED and self.due_on is not None and today > self.due_on


class LetterEvent(models.Model):
    """The trail of a letter: received, notified, assigned, forwarded, answered (办理记录)."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("收信")
        NOTIFIED = "notified", _("已通知承办机构")
        NOTIFY_FAILED = "notify_failed", _("通知发送失败")
        ASSIGNED = "assigned", _("指定经办人")
        FORWARDED = "forwarded", _("转办")
        REPLIED = "replied", _("答复")
        DEADLINE = "deadline", _("计算答复期限")
        DISPOSED = "disposed", _("认定处理结论")
        PUBLISHED = "published", _("决定公开")
        WITHHELD = "withheld", _("决定不予公开")

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("事项"), max_length=16, choices=Kind.choices)
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_organisation = models.ForeignKey(
        "departments.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_organisation = models.ForeignKey(
        "departments.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")
        ordering = ["at", "pk"]


class PersonalDataAccess(models.Model):
    """Every time a staff member is shown a letter writer's personal data (个人信息查阅记录)."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    purpose = models.CharField(_("操作"), max_length=40)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("个人信息查阅记录")
        verbose_name_plural = _("个人信息查阅记录")
        ordering = ["-at"]
