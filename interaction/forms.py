"""Public forms: writing a letter and looking one up. Errors are Chinese, next to the field."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from security.strict_input import strict_formfield

from .antispam import CaptchaMixin, FormTokenMixin
from .models import Letter

MESSAGE_MIN_LENGTH = 10
MESSAGE_MAX_LENGTH = 3000

# re.ASCII: without it \d also matches "٣" and other scripts' digits, and a number nobody can dial is stored.
MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)
LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$", re.ASCII)


def normalise_phone(value):
    """Full-width digits, spaces and brackets are common in typed phone numbers; keep digits and dashes."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    text = re.sub(r"[\s()（）]", "", text).replace("—", "-").replace("－", "-")
    if text.startswith("+86"):
        text = text[3:].lstrip("-")
    return text


def validate_phone(value):
    if not (MOBILE.match(value) or LANDLINE.match(value)):
        raise ValidationError(
            _("请填写正确的联系电话：11位手机号码（如 13812345678）或带区号的固定电话（如 0571-87654321）。"),
            code="invalid_phone",
        )


class LetterForm(CaptchaMixin, FormTokenMixin, forms.ModelForm):
    formfield_callback = strict_formfield

    class Meta:
        model = Letter
        fields = ["name", "phone", "email", "category", "subject", "message", "may_publish"]
        labels = {"may_publish": _("同意在网站上公开本信及答复（公开时隐去姓名和联系方式）")}
        widgets = {
            "category": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 10, "maxlength": MESSAGE_MAX_LENGTH}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {
            "phone": _("手机号码或带区号的固定电话，仅用于工作人员联系您，不会公开。"),
            "email": _("选填，不会公开。"),
            "message": _("%(min)s至%(max)s字。请写明事情经过、地点和诉求。") % {"min": MESSAGE_MIN_LENGTH, "max": MESSAGE_MAX_LENGTH},
        }
        error_messages = {
            "name": {"required": _("请填写姓名。"), "max_length": _("姓名不能超过%(limit_value)d个字。")},
            "phone": {"required": _("请填写联系电话。"), "max_length": _("联系电话过长，请检查。")},
            "email": {"invalid": _("请填写正确的电子邮箱，或留空。"), "max_length": _("电子邮箱过长，请检查。")},
            "category": {"required": _("请选择来信类别。"), "invalid_choice": _("请选择来信类别。")},
            "subject": {"required": _("请填写标题。"), "max_length": _("标题不能超过%(limit_value)d个字。")},
            "message": {"required": _("请填写来信内容。")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].max_length = 20
        self.fields["category"].choices = list(Letter.Category.choices)
        self.fields["email"].required = False

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if len(name) < 2:
            raise ValidationError(_("请填写真实姓名（至少2个字）。"))
        return name

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data["phone"])
        validate_phone(phone)
        return phone

    def clean_subject(self):
        subject = " ".join(self.cleaned_data["subject"].split())
        if len(subject) < 4:
            raise ValidationError(_("标题太短，请用一句话概括您的诉求（至少4个字）。"))
        return subject

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < MESSAGE_MIN_LENGTH:
            raise ValidationError(_("内容太短，请至少写%(min)s个字。") % {"min": MESSAGE_MIN_LENGTH})
        if len(message) > MESSAGE_MAX_LENGTH:
            raise ValidationError(
                _("内容不能超过%(max)s字（现为%(length)s字），请精简后再提交。") % {"max": MESSAGE_MAX_LENGTH, "length": len(message)}
            )
        return message


class LookupForm(forms.Form):
    tracking_code = forms.CharField(
        label=_("查询码"), max_length=20, error_messages={"required": _("请填写查询码。")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    password = forms.CharField(
        label=_("查询密码"), max_length=20, error_messages={"required": _("请填写查询密码。")},
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )
