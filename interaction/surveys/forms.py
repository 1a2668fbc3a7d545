"""The questionnaire as a form: one field per question, built from the survey's questions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import SurveyQuestion

TEXT_ANSWER_MAX_LENGTH = 1000


def field_name(question):
    return f"q{question.pk}"


def question_field(question):
    label = question.text
    if question.kind == SurveyQuestion.Kind.TEXT:
        return forms.CharField(
            label=label, required=question.required, max_length=TEXT_ANSWER_MAX_LENGTH, strip=True,
            widget=forms.Textarea(attrs={"rows": 4, "maxlength": TEXT_ANSWER_MAX_LENGTH}),
            help_text=_("不超过%(max)d字。文字答复不公开。") % {"max": TEXT_ANSWER_MAX_LENGTH},
            error_messages={"required": _("此题必答，请填写。"),
                            "max_length": _("不能超过%(limit_value)d字（现为%(show_value)d字）。")},
        )
    choices = [(str(index), text) for index, text in enumerate(question.choices)]
    if question.kind == SurveyQuestion.Kind.MULTIPLE:
        return forms.MultipleChoiceField(
            label=label, required=question.required, choices=choices, widget=forms.CheckboxSelectMultiple,
            help_text=_("可多选。"),
            error_messages={"required": _("此题必答，请至少选择一项。"), "invalid_choice": _("请从列出的选项中选择。"),
                            "invalid_list": _("请从列出的选项中选择。")},
        )
    return forms.ChoiceField(
        label=label, required=question.required, choices=choices, widget=forms.RadioSelect,
        error_messages={"required": _("此题必答，请选择一项。"), "invalid_choice": _("请从列出的选项中选择。")},
    )


class SurveyForm(forms.Form):
    """``cleaned_data`` maps each question's field name to a choice index string, a list of them, or a text."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[field_name(question)] = question_field(question)

    def answers(self):
        """[(question, choice index or None, text), …] for the answered questions."""
        rows = []
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            if not value:
                continue
            if question.kind == SurveyQuestion.Kind.TEXT:
                rows.append((question, None, value))
            elif question.kind == SurveyQuestion.Kind.MULTIPLE:
                rows.extend((question, int(choice), "") for choice in sorted(set(value), key=int))
            else:
                rows.append((question, int(value), ""))
        return rows
