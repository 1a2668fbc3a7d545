"""Applications for disclosure (依申请公开): the application, its processing trail and its outbox.

An application is personal data: it is never a page, never catalogued and never indexed. Only
the handling organisation's staff and the information office see it, and every view is logged
in ``PersonalDataView``. Rules about dates live in ``disclosure.applications.deadlines``; the
steps that change an application live in ``disclosure.applications.processing``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from security.private_files import RandomName, private_storage

from .choices import (
    ApplicantType,
    Channel,
    ConsultedParty,
    DeliveryMethod,
    FeeBasis,
    IdType,
    OrganisationCategory,
    Outcome,
    ProvisionForm,
    Status,
)


class ApplicationSerial(models.Model):
    """The last tracking-number serial handed out per year; row-locked while assigning."""

    year = models.PositiveSmallIntegerField(unique=True)
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("申请编号序号")


class Application(models.Model):
    """One application for government information (政府信息公开申请, 条例第二十九条)."""

    tracking_number = models.CharField(_("申请编号"), max_length=40, unique=True, editable=False)
    organisation = models.ForeignKey(
        "departments.Organisation", verbose_name=_("受理机关"), on_delete=models.PROTECT, related_name="applications"
    )
    form_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False,
        help_text=_("表单一次性令牌：同一表单重复提交只生成一条申请。"),
    )
    submitted_at = models.DateTimeField(_("提交时间"), editable=False, db_index=True)

    # Applicant (申请人)
    applicant_type = models.CharField(_("申请人类型"), max_length=16, choices=ApplicantType.choices)
    name = models.CharField(_("姓名或名称"), max_length=100)
    id_type = models.CharField(_("证件类型"), max_length=20, choices=IdType.choices, blank=True)
    id_number = models.CharField(_("证件号码"), max_length=40, blank=True)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    legal_representative = models.CharField(_("法定代表人"), max_length=50, blank=True)
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True)
    organisation_category = models.CharField(
        _("组织类别"), max_length=20, choices=OrganisationCategory.choices, blank=True,
        help_text=_("用于年度报告表三的统计栏目。"),
    )
    phone = models.CharField(_("联系电话"), max_length=30)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=200)
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)

    # The information wanted (所需信息)
    information_name = models.CharField(_("所需信息名称"), max_length=200)
    information_document_number = models.CharField(_("文号"), max_length=100, blank=True)
    information_description = models.TextField(_("其他特征描述"), max_length=2000, blank=True)
    purpose = models.TextField(_("用途"), max_length=500, blank=True)
    provision_form = models.CharField(_("提供形式"), max_length=16, choices=ProvisionForm.choices)
    delivery_method = models.CharField(_("获取方式"), max_length=16, choices=DeliveryMethod.choices)

    # How it arrived (条例第三十一条)
    channel = models.CharField(_("申请渠道"), max_length=16, choices=Channel.choices, default=Channel.ONLINE)
    receipt_evidence = models.FileField(
        _("收件凭证"), upload_to=RandomName("applications/evidence"), storage=private_storage, blank=True,
        help_text=_("信封、签收单、传真件或邮件的扫描件。"),
    )
    receipt_note = models.TextField(
        _("收到日期说明"), blank=True, help_text=_("收到日期早于登记日期的，写明原因（如邮件签收后次日登记）。"),
    )

    # Processing (办理)
    status = models.CharField(_("状态"), max_length=24, choices=Status.choices, default=Status.SUBMITTED, db_index=True)
    received_on = models.DateField(
        _("收到申请日期"), db_index=True,
        help_text=_("网上提交的，以双方确认之日为收到日期；未确认前默认为提交日期。"),
    )
    receipt_confirmed_at = models.DateTimeField(_("确认收到时间"), null=True, blank=True, editable=False)
    receipt_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    correction_requested_on = models.DateField(_("要求补正日期"), null=True, blank=True)
    correction_request = models.TextField(_("补正要求"), blank=True)
    correction_due_on = models.DateField(_("补正期限"), null=True, blank=True)
    corrected_received_on = models.DateField(_("收到补正申请日期"), null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField(_("延长工作日数"), default=0)
    extended_on = models.DateField(_("延期日期"), null=True, blank=True)
    extension_reason = models.TextField(_("延期理由"), blank=True)
    extension_approver = models.CharField(_("批准人"), max_length=50, blank=True,
                                          help_text=_("政府信息公开工作机构负责人。"))
    deferred_due_on = models.DateField(
        _("确定的延迟答复期限"), null=True, blank=True,
        help_text=_("条例第三十五条：申请理由合理但无法在法定期限内答复的，确定延迟答复的合理期限。"),
    )
    deferred_reason = models.TextField(_("延迟答复理由"), blank=True)
    outcome = models.CharField(_("办理结果"), max_length=32, choices=Outcome.choices, blank=True, db_index=True)
    answered_on = models.DateField(_("答复日期"), null=True, blank=True, db_index=True)
    outcome_note = models.TextField(_("答复说明"), blank=True)
    # Outside MEDIA_ROOT under a random name, served only by the permission-checking admin view (security/private_files.py).
    reply_letter = models.FileField(_("答复书"), upload_to=RandomName("applications/replies"), storage=private_storage,
                                    blank=True)

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("依申请公开")
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "status"], name="application_org_status")]

    def __str__(self):
        return self.tracking_number

    @property
    def is_citizen(self):
        return self.applicant_type == ApplicantType.CITIZEN

    @property
    def identity_number(self):
        """What the applicant types (last 4 characters) to look the application up."""
        return self.id_number if self.is_citizen else self.credit_code

    @property
    def report_column(self):
        """The table-3 column this applicant is counted in."""
        return "natural_person" if self.is_citizen else (self.organisation_category or OrganisationCategory.OTHER)


class ThirdPartyConsultation(models.Model):
    """征求意见: of a third party (条例第三十二条) or another organ (第三十四条).

    The time it takes is not counted towards the answer deadline, but only up to 15 working days
    after it was sent; after that it has lapsed (逾期未提出意见) and the clock runs again.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="consultations")
    party_kind = models.CharField(_("征求对象类别"), max_length=16, choices=ConsultedParty.choices,
                                  default=ConsultedParty.THIRD_PARTY)
    third_party = models.CharField(_("征求对象"), max_length=100)
    sent_on = models.DateField(_("发出征求意见日期"))
    replied_on = models.DateField(_("收到意见日期"), null=True, blank=True)
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("征求意见")
        ordering = ["sent_on", "pk"]


class ReasonsRequest(models.Model):
    """要求说明理由 (条例第三十五条): the clock waits from the request until the applicant answers."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reasons_requests")
    asked_on = models.DateField(_("要求说明理由日期"))
    question = models.TextField(_("需要说明的事项"))
    answered_on = models.DateField(_("收到说明日期"), null=True, blank=True)
    answer = models.TextField(_("申请人的说明"), blank=True)

    class Meta:
        verbose_name = _("要求说明理由")
        ordering = ["asked_on", "pk"]


class FeeNotice(models.Model):
    """收费通知 (条例第四十二条, 国办函〔2020〕109号): the clock waits from the notice until payment."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="fee_notices")
    basis = models.CharField(_("计收方式"), max_length=16, choices=FeeBasis.choices)
    quantity = models.PositiveIntegerField(_("件数或页数"),
                                           help_text=_("按件计收：申请人本月累计第几件；按量计收：页数。"))
    amount = models.DecimalField(_("收费金额（元）"), max_digits=10, decimal_places=2)
    notified_on = models.DateField(_("发出收费通知日期"))
    pay_by = models.DateField(_("缴费期限"), null=True, blank=True)
    paid_on = models.DateField(_("缴费日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("收费通知")
        ordering = ["notified_on", "pk"]


class CorrectionSubmission(models.Model):
    """A correction the applicant sent through the status page (网上补正)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="correction_submissions")
    submitted_at = models.DateTimeField(_("提交时间"), auto_now_add=True)
    text = models.TextField(_("补正内容"), max_length=4000)
    attachment = models.FileField(_("补正材料"), upload_to=RandomName("applications/corrections"),
                                  storage=private_storage, blank=True)

    class Meta:
        verbose_name = _("网上补正")
        ordering = ["submitted_at", "pk"]


class ApplicationEvent(models.Model):
    """The processing trail of one application, written by the processing functions only."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("提交申请")
        RECEIPT_CONFIRMED = "receipt_confirmed", _("确认收到")
        CORRECTION_REQUESTED = "correction_requested", _("要求补正")
        CORRECTION_RECEIVED = "correction_received", _("收到补正")
        EXTENDED = "extended", _("延长答复期限")
        CONSULTATION_STARTED = "consultation_started", _("征求意见")
        CONSULTATION_ENDED = "consultation_ended", _("收到意见")
        REASONS_REQUESTED = "reasons_requested", _("要求说明理由")
        REASONS_RECEIVED = "reasons_received", _("收到理由说明")
        DEFERRED = "deferred", _("确定延迟答复期限")
        FEE_NOTIFIED = "fee_notified", _("发出收费通知")
        FEE_PAID = "fee_paid", _("缴纳信息处理费")
        NOTICE_ISSUED = "notice_issued", _("制作告知书")
        NOTICE_DELIVERED = "notice_delivered", _("送达")
        ANSWERED = "answered", _("作出答复")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("事项"), max_length=32, choices=Kind.choices)
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("办理记录")
        ordering = ["at", "pk"]


class PersonalDataView(models.Model):
    """Every staff view of an applicant's personal data (查看记录), for accountability."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="views")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("查看时间"), auto_now_add=True, db_index=True)
    action = models.CharField(_("操作"), max_length=40)
    ip_address = models.GenericIPAddressField(_("IP地址"), null=True, blank=True)

    class Meta:
        verbose_name = _("个人信息查看记录")
        ordering = ["-at", "-pk"]


class ApplicationNotification(models.Model):
    """Outbox of e-mails about an application: stored with it, sent afterwards, retried until sent."""

    class State(models.TextChoices):
        PENDING = "pending", _("待发送")
        SENT = "sent", _("已发送")
        GAVE_UP = "gave_up", _("多次失败，已停止")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notifications")
    reminder_key = models.CharField(
        _("提醒标识"), max_length=80, blank=True, db_index=True,
        help_text=_("办理期限提醒的标识（事项和日期），同一提醒只发一次。"),
    )
    recipient = models.EmailField(_("收件人"))
    subject = models.CharField(_("主题"), max_length=200)
    body = models.TextField(_("内容"))
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    last_error = models.TextField(_("最近错误"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("申请通知邮件")
        ordering = ["created_at", "pk"]
