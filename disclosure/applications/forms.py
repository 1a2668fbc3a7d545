"""The public application form (条例第二十九条) with every check a citizen needs explained."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from departments.credit_codes import validate_credit_code
from disclosure.applications.models import Application
from disclosure.id_numbers import normalise, validate_id_number
from interaction.antispam import CaptchaMixin, FormTokenMixin
from security.strict_input import is_ascii_digits, nfkc, strict_formfield

from .choices import ApplicantType, IdType

CITIZEN_REQUIRED = {"id_type": _("请选择证件类型。"), "id_number": _("请填写证件号码。")}
ORGANISATION_REQUIRED = {
    "credit_code": _("请填写统一社会信用代码。"),
    "legal_representative": _("请填写法定代表人或负责人。"),
    "contact_person": _("请填写联系人。"),
    "organisation_category": _("请选择组织类别。"),
}
CITIZEN_FIELDS = ("id_type", "id_number")
ORGANISATION_FIELDS = ("credit_code", "legal_representative", "contact_person", "organisation_category")
APPLICANT_FIELDS = ["applicant_type", "name", *CITIZEN_FIELDS, *ORGANISATION_FIELDS]
CONTACT_FIELDS = ["phone", "email", "address", "postcode"]
INFORMATION_FIELDS = [
    "information_name", "information_document_number", "information_description", "purpose",
    "provision_form", "delivery_method",
]


def too_long(limit):
    return _("内容过长：最多%(limit)d个字。") % {"limit": limit}


class ApplicantFieldsForm(forms.ModelForm):
    """Fields for both applicant types; ``clean`` checks and keeps only the chosen type's group.

    The page hides the other group with a script (both show without one), so whatever it still
    holds — left over from switching type, or typed with the script off — must neither block the
    application with an error the citizen cannot see nor be stored.
    """

    formfield_callback = strict_formfield

    class Meta:
        model = Application
        fields = [*APPLICANT_FIELDS, *CONTACT_FIELDS, *INFORMATION_FIELDS]
        widgets = {
            "applicant_type": forms.RadioSelect,
            "provision_form": forms.RadioSelect,
            "delivery_method": forms.RadioSelect,
            "information_description": forms.Textarea(attrs={"rows": 4}),
            "purpose": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"name": _("申请人姓名或名称"), "information_document_number": _("文号（如知道）")}
        help_texts = {
            "name": _("公民填写姓名；法人或其他组织填写全称。"),
            "information_description": _("请尽量写明信息的名称、文号、制作时间或其他能够确定该信息的特征。"),
            "purpose": _("选填。"),
            "organisation_category": _("用于年度报告的统计分类。"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = too_long(field.max_length)
                field.widget.attrs.setdefault("maxlength", field.max_length)
        for name in ("id_type", "organisation_category"):
            self.fields[name].choices = [("", _("请选择"))] + list(self.fields[name].choices)[1:]
        self.fields["phone"].error_messages["required"] = _("请填写联系电话。")
        self.fields["address"].error_messages["required"] = _("请填写通信地址。")
        self.fields["name"].error_messages["required"] = _("请填写申请人姓名或名称。")
        self.fields["information_name"].error_messages["required"] = _("请填写所需政府信息的名称。")
        self.fields["email"].error_messages["invalid"] = _("请填写有效的电子邮箱地址，例如 name@example.com。")
        for name in ("applicant_type", "provision_form", "delivery_method"):
            field = self.fields[name]
            field.choices = [choice for choice in field.choices if choice[0] != ""]  # no "---------" radio
            field.error_messages["required"] = _("请选择一项。")

    def clean_phone(self):
        phone = "".join(nfkc(self.cleaned_data["phone"]).split())
        digits = phone.replace("-", "").lstrip("+")
        if not is_ascii_digits(digits) or not 7 <= len(digits) <= 15:
            raise ValidationError(_("请填写有效的电话号码（手机号码或带区号的固定电话）。"))
        return phone

    def clean_postcode(self):
        postcode = nfkc(self.cleaned_data.get("postcode", "")).strip()
        if postcode and (len(postcode) != 6 or not is_ascii_digits(postcode)):
            raise ValidationError(_("邮政编码应为6位数字。"))
        return postcode

    def clean(self):
        cleaned = super().clean()
        applicant_type = cleaned.get("applicant_type")
        if applicant_type == ApplicantType.CITIZEN:
            self._ignore(cleaned, ORGANISATION_FIELDS)
            self._require(cleaned, CITIZEN_REQUIRED)
            self._clean_id_number(cleaned)
        elif applicant_type == ApplicantType.ORGANISATION:
            self._ignore(cleaned, CITIZEN_FIELDS)
            self._require(cleaned, ORGANISATION_REQUIRED)
            code = (cleaned.get("credit_code") or "").strip().upper()
            if code:
                try:
                    validate_credit_code(code)
                except ValidationError as error:
                    self.add_error("credit_code", error)
                cleaned["credit_code"] = code
        if cleaned.get("delivery_method") == "email" and not cleaned.get("email"):
            self.add_error("email", _("选择通过电子邮件获取的，请填写电子邮箱。"))
        if cleaned.get("delivery_method") == "mail" and not cleaned.get("postcode") and "postcode" not in self.errors:
            self.add_error("postcode", _("选择邮寄的，请填写邮政编码。"))
        return cleaned

    def _ignore(self, cleaned, names):
        """The other applicant type's fields: their field errors are dropped and nothing of them is stored."""
        for name in names:
            self._errors.pop(name, None)
            cleaned[name] = ""

    def _require(self, cleaned, messages):
        for name, message in messages.items():
            if not (cleaned.get(name) or "").strip() and name not in self.errors:
                self.add_error(name, message)

    def _clean_id_number(self, cleaned):
        number = normalise(cleaned.get("id_number", ""))
        if not number or "id_number" in self.errors:
            return
        if cleaned.get("id_type") == IdType.RESIDENT_ID:
            try:
                validate_id_number(number)
            except ValidationError as error:
                self.add_error("id_number", error)
                return
        elif len(number) < 4:
            self.add_error("id_number", _("证件号码过短，请核对。"))
            return
        cleaned["id_number"] = number

    def application_data(self):
        """The model fields to store (the form token and CAPTCHA are not part of the record)."""
        return {name: self.cleaned_data.get(name, "") for name in self._meta.fields}


class ApplicationForm(FormTokenMixin, CaptchaMixin, ApplicantFieldsForm):
    """The public form: the applicant's fields with a CAPTCHA and a one-time form token."""


class StatusLookupForm(forms.Form):
    tracking_number = forms.CharField(
        label=_("申请编号"), max_length=40,
        error_messages={"required": _("请填写申请编号。"), "max_length": too_long(40)},
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "YSQ-2026-000123-XXXXXX"}),
    )
    identity_last4 = forms.CharField(
        label=_("证件号码后4位"), min_length=4, max_length=4,
        help_text=_("公民填写身份证件号码后4位，法人或其他组织填写统一社会信用代码后4位。"),
        error_messages={"required": _("请填写证件号码后4位。"), "min_length": _("请填写4位。"),
                        "max_length": _("请填写4位。")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "size": 6}),
    )

    def clean_tracking_number(self):
        return "".join(self.cleaned_data["tracking_number"].split()).upper()

    def clean_identity_last4(self):
        return self.cleaned_data["identity_last4"].strip().upper()


CORRECTION_TYPES = (".pdf", ".jpg", ".jpeg", ".png", ".doc", ".docx")
CORRECTION_MAX_BYTES = 10 * 1024 * 1024


class CorrectionUploadForm(forms.Form):
    """网上补正 on the status page: what the applicant adds, with an optional scanned document."""

    text = forms.CharField(
        label=_("补正内容"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": too_long(4000)},
        help_text=_("请针对补正告知书列明的事项逐项说明。"),
    )
    attachment = forms.FileField(
        label=_("补正材料（可选）"), required=False,
        help_text=_("PDF、图片或Word文件，不超过10MB。"),
    )

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            if not upload.name.lower().endswith(CORRECTION_TYPES):
                raise ValidationError(_("只能上传PDF、JPG、PNG或Word文件。"))
            if upload.size > CORRECTION_MAX_BYTES:
                raise ValidationError(_("文件不能超过10MB。"))
        return upload

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("text") or "").strip() and not cleaned.get("attachment") and not self.errors:
            raise ValidationError(_("请填写补正内容或上传补正材料。"))
        return cleaned
