"""The survey editor's form: staff choose only among their own organisations, and once a survey has responses
its questions are locked (changing, adding or removing a question after the first response would falsify
the results: the answers already given were given to the questions as they stood)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from departments.staff import staff_organisations

QUESTION_FIELDS = ("text", "kind", "required", "choices_text")


def _normalised(name, value):
    """Browsers send a textarea's lines with CRLF and may pad them; only what a respondent saw counts."""
    if name == "choices_text":
        return [line.strip() for line in (value or "").splitlines() if line.strip()]
    if isinstance(value, str):
        return value.strip()
    return value


def questions_changed(formset):
    """True when the submitted questions differ from the stored ones: one edited (text, type, required,
    options), removed, or added. Reordering alone is not a change of the questionnaire."""
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        stored = form.instance.pk is not None
        if formset.can_delete and formset._should_delete_form(form):
            if stored:
                return True
            continue
        if not stored:
            if form.has_changed():
                return True
            continue
        if any(_normalised(name, form.initial.get(name)) != _normalised(name, data.get(name, form.initial.get(name)))
               for name in QUESTION_FIELDS):
            return True
    return False


class SurveyAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "organisation" in self.fields:
            self.fields["organisation"].queryset = staff_organisations(self.for_user)

    def responses_received(self):
        if self.instance.pk is None:
            return 0
        return self.instance.responses.count()

    def is_valid(self):
        """Refuses any change to the questions of a survey that has responses, with the count in the message;
        the other fields (dates, publishing the results) stay editable."""
        valid = super().is_valid()
        formset = self.formsets.get("questions") if hasattr(self, "formsets") else None
        received = self.responses_received() if formset is not None else 0
        if received and questions_changed(formset):
            self.add_error(None, ValidationError(_(
                "本调查已收到%(count)d份答卷，问题和选项已锁定，不能修改、增加或删除：答卷是按原来的问题填写的，"
                "修改后统计结果将失实。如需调整，请新建一个调查。") % {"count": received}))
            return False
        return valid
