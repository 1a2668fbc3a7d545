"""Small forms for the processing steps in the admin; the rules themselves are in ``processing``."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from disclosure.applications.models import Application
from disclosure.models.notices import DeliveryMethod
from security.strict_input import StrictDateField, StrictIntegerField

from .choices import OFFLINE_CHANNELS, ConsultedParty, FeeBasis, Outcome
from .deadlines import MAX_EXTENSION
from .forms import APPLICANT_FIELDS, CONTACT_FIELDS, INFORMATION_FIELDS, ApplicantFieldsForm


class DateInput(forms.DateInput):
    input_type = "date"


def date_field(label):
    return StrictDateField(label=label, widget=DateInput, initial=timezone.localdate,
                           error_messages={"required": _("请填写日期。"), "invalid": _("请填写有效日期。")})


class ConfirmReceiptForm(forms.Form):
    received_on = date_field(_("确认收到日期"))


class CorrectionRequestForm(forms.Form):
    requested_on = date_field(_("要求补正日期"))
    request_text = forms.CharField(label=_("需要补正的事项（逐项写明）"), widget=forms.Textarea(attrs={"rows": 3}),
                                   max_length=2000)
    correct_by = forms.DateField(label=_("补正期限（不填则为15个工作日）"), widget=DateInput, required=False,
                                 error_messages={"invalid": _("请填写有效日期。")})


class CorrectionReceivedForm(forms.Form):
    received_on = date_field(_("收到补正申请日期"))


class ExtensionForm(forms.Form):
    days = StrictIntegerField(label=_("延长工作日数"), min_value=1, max_value=MAX_EXTENSION, initial=MAX_EXTENSION)
    reason = forms.CharField(label=_("延期理由"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)
    approver = forms.CharField(label=_("批准人（政府信息公开工作机构负责人）"), max_length=50)
    extended_on = date_field(_("延期日期"))


class ConsultationForm(forms.Form):
    party_kind = forms.ChoiceField(label=_("征求对象类别"), choices=ConsultedParty.choices)
    third_party = forms.CharField(label=_("征求对象名称"), max_length=100)
    sent_on = date_field(_("发出征求意见日期"))
    note = forms.CharField(label=_("说明"), required=False, max_length=1000)


class ConsultationEndForm(forms.Form):
    replied_on = date_field(_("收到意见或期满日期"))


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(label=_("办理结果"), choices=[("", _("请选择"))] + Outcome.choices)
    answered_on = date_field(_("答复日期"))
    reply_letter = forms.FileField(label=_("答复书"), error_messages={"required": _("请上传答复书。")})
    note = forms.CharField(label=_("答复说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class ReasonsRequestForm(forms.Form):
    asked_on = date_field(_("要求说明理由日期"))
    question = forms.CharField(label=_("需要申请人说明的事项"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class ReasonsAnswerForm(forms.Form):
    answered_on = date_field(_("收到说明日期"))
    answer = forms.CharField(label=_("申请人的说明（摘要）"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                             max_length=2000)


class DeferralForm(forms.Form):
    due_on = forms.DateField(label=_("确定的答复期限"), widget=DateInput,
                             error_messages={"required": _("请填写日期。"), "invalid": _("请填写有效日期。")})
    reason = forms.CharField(label=_("延迟答复理由"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)
    decided_on = date_field(_("决定日期"))


class FeeNoticeForm(forms.Form):
    basis = forms.ChoiceField(label=_("计收方式"), choices=FeeBasis.choices)
    pages = forms.IntegerField(label=_("页数（按量计收时填写）"), required=False, min_value=1, max_value=100000)
    notified_on = date_field(_("收费通知日期"))


class PaymentForm(forms.Form):
    paid_on = date_field(_("缴费日期"))


class DeliveryForm(forms.Form):
    method = forms.ChoiceField(label=_("送达方式"), choices=[
        (value, label) for value, label in DeliveryMethod.choices
        if value in (DeliveryMethod.POST, DeliveryMethod.IN_PERSON, DeliveryMethod.FAX)
    ])
    delivered_on = date_field(_("送达日期（邮寄填签收日期）"))
    tracking_number = forms.CharField(label=_("邮件单号"), max_length=50, required=False)
    signed_by = forms.CharField(label=_("签收人"), max_length=50, required=False)
    evidence = forms.FileField(label=_("送达凭证（扫描件）"), required=False)
    note = forms.CharField(label=_("说明"), max_length=200, required=False)


class OfflineApplicationForm(ApplicantFieldsForm):
    """登记线下申请: the applicant's fields as on the public form, plus channel, receipt date and evidence."""

    channel = forms.ChoiceField(label=_("申请渠道"), choices=[
        (value, label) for value, label in Application._meta.get_field("channel").choices if value in OFFLINE_CHANNELS
    ])
    received_on = forms.DateField(
        label=_("收到申请日期"), widget=DateInput, initial=timezone.localdate,
        help_text=_("当面提交的为提交之日；邮寄的为签收之日；传真、电子邮件的为双方确认之日（条例第三十一条）。"),
        error_messages={"required": _("请填写收到申请日期。"), "invalid": _("请填写有效日期。")},
    )
    receipt_evidence = forms.FileField(label=_("收件凭证（信封、签收单、传真件或邮件的扫描件）"), required=False)
    receipt_note = forms.CharField(label=_("收到日期说明（收到日期早于今天时必填）"), required=False, max_length=1000,
                                   widget=forms.Textarea(attrs={"rows": 2}))
    organisation = forms.ModelChoiceField(label=_("受理机关"), queryset=None,
                                          error_messages={"required": _("请选择受理机关。")})

    class Meta(ApplicantFieldsForm.Meta):
        fields = [*APPLICANT_FIELDS, *CONTACT_FIELDS, *INFORMATION_FIELDS]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


ACTION_FORMS = {
    "confirm": ConfirmReceiptForm,
    "correction": CorrectionRequestForm,
    "corrected": CorrectionReceivedForm,
    "extend": ExtensionForm,
    "consult": ConsultationForm,
    "answer": AnswerForm,
    "reasons": ReasonsRequestForm,
    "defer": DeferralForm,
    "fee": FeeNoticeForm,
}
