"""The public question form: the consultation comment form (CAPTCHA, form token, optional contact details)
with the question's own length limits and wording."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..consultations.forms import CommentForm
from ..models import InterviewQuestion

QUESTION_MIN_LENGTH = 5
QUESTION_MAX_LENGTH = 1000


class QuestionForm(CommentForm):
    class Meta(CommentForm.Meta):
        model = InterviewQuestion
        widgets = {**CommentForm.Meta.widgets,
                   "body": forms.Textarea(attrs={"rows": 6, "maxlength": QUESTION_MAX_LENGTH})}
        help_texts = {
            **CommentForm.Meta.help_texts,
            "body": _("%(min)s至%(max)s字。") % {"min": QUESTION_MIN_LENGTH, "max": QUESTION_MAX_LENGTH},
        }
        error_messages = {**CommentForm.Meta.error_messages, "body": {"required": _("请填写问题内容。")}}

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if len(body) < QUESTION_MIN_LENGTH:
            raise ValidationError(_("问题太短，请至少写%(min)s个字。") % {"min": QUESTION_MIN_LENGTH})
        if len(body) > QUESTION_MAX_LENGTH:
            raise ValidationError(_("问题不能超过%(max)s字（现为%(length)s字），请精简后再提交。")
                                  % {"max": QUESTION_MAX_LENGTH, "length": len(body)})
        return body
