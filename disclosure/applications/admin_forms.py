"""Small forms for the processing steps in the admin; the rules themselves are in ``processing``."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from security.strict_input import StrictDateField, StrictIntegerField

from .choices import Outcome
from .deadlines import MAX_EXTENSION


class DateInput(forms.DateInput):
    input_type = "date"


def date_field(label):
    return StrictDateField(label=label, widget=DateInput, initial=timezone.localdate,
                           error_messages={"required": _("请填写日期。"), "invalid": _("请填写有效日期。")})


class ConfirmReceiptForm(forms.Form):
    received_on = date_field(_("确认收到日期"))


class CorrectionRequestForm(forms.Form):
    requested_on = date_field(_("要求补正日期"))
    request_text = forms.CharField(label=_("需要补正的事项和补正期限"), widget=forms.Textarea(attrs={"rows": 3}),
                                   max_length=2000)


class CorrectionReceivedForm(forms.Form):
    received_on = date_field(_("收到补正申请日期"))


class ExtensionForm(forms.Form):
    days = StrictIntegerField(label=_("延长工作日数"), min_value=1, max_value=MAX_EXTENSION, initial=MAX_EXTENSION)
    reason = forms.CharField(label=_("延期理由"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)
    approver = forms.CharField(label=_("批准人（政府信息公开工作机构负责人）"), max_length=50)
    extended_on = date_field(_("延期日期"))


class ConsultationForm(forms.Form):
    third_party = forms.CharField(label=_("第三方"), max_length=100)
    sent_on = date_field(_("发出征求意见日期"))
    note = forms.CharField(label=_("说明"), required=False, max_length=1000)


class ConsultationEndForm(forms.Form):
    replied_on = date_field(_("收到意见或期满日期"))


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(label=_("办理结果"), choices=[("", _("请选择"))] + Outcome.choices)
    answered_on = date_field(_("答复日期"))
    reply_letter = forms.FileField(label=_("答复书"), error_messages={"required": _("请上传答复书。")})
    note = forms.CharField(label=_("答复说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


ACTION_FORMS = {
    "confirm": ConfirmReceiptForm,
    "correction": CorrectionRequestForm,
    "corrected": CorrectionReceivedForm,
    "extend": ExtensionForm,
    "consult": ConsultationForm,
    "answer": AnswerForm,
}
