"""The public comment form: anonymous or with contact details, the same CAPTCHA and form token as letters."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from security.strict_input import strict_formfield

from ..antispam import CaptchaMixin, FormTokenMixin
from ..forms import normalise_phone, validate_phone
from ..models import ConsultationComment

COMMENT_MIN_LENGTH = 5
COMMENT_MAX_LENGTH = 3000


class CommentForm(CaptchaMixin, FormTokenMixin, forms.ModelForm):
    formfield_callback = strict_formfield

    class Meta:
        model = ConsultationComment
        fields = ["name", "phone", "email", "body"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 10, "maxlength": COMMENT_MAX_LENGTH}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {
            "name": _("选填。不填即匿名提交；填写的，公开时只显示姓氏。"),
            "phone": _("选填，便于工作人员就您的意见联系您，不会公开。"),
            "email": _("选填，不会公开。"),
            "body": _("%(min)s至%(max)s字。可写明对哪一条、为什么、建议如何修改。")
            % {"min": COMMENT_MIN_LENGTH, "max": COMMENT_MAX_LENGTH},
        }
        error_messages = {
            "name": {"max_length": _("姓名不能超过%(limit_value)d个字。")},
            "phone": {"max_length": _("联系电话过长，请检查。")},
            "email": {"invalid": _("请填写正确的电子邮箱，或留空。"), "max_length": _("电子邮箱过长，请检查。")},
            "body": {"required": _("请填写意见内容。")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].max_length = 20

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data["phone"])
        if phone:
            validate_phone(phone)
        return phone

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if len(body) < COMMENT_MIN_LENGTH:
            raise ValidationError(_("意见太短，请至少写%(min)s个字。") % {"min": COMMENT_MIN_LENGTH})
        if len(body) > COMMENT_MAX_LENGTH:
            raise ValidationError(_("意见不能超过%(max)s字（现为%(length)s字），请精简后再提交。")
                                  % {"max": COMMENT_MAX_LENGTH, "length": len(body)})
        return body
