"""Who runs which interview in the admin, and the live record's form that only offers those interviews.

Kept apart from ``admin`` (viewsets) because the record entry model names this form as its base form class;
so this module refers to the interaction models by name (``apps.get_model``, the form's own querysets), never
by import.
"""

from django.apps import apps
from wagtail.admin.forms import WagtailAdminModelForm

from departments.staff import staff_pages


def interviews_visible_to(user):
    """The interview pages ``user`` may run: all for the information office, else those in their organisations' trees."""
    return staff_pages(user, apps.get_model("interaction", "InterviewPage"))


class RecordEntryForm(WagtailAdminModelForm):
    """Staff choose among the interviews they run, those interviews' guests and their published questions."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        interviews = interviews_visible_to(self.for_user)
        self.fields["interview"].queryset = interviews
        guests, questions = self.fields["guest"].queryset, self.fields["question"].queryset
        self.fields["guest"].queryset = guests.filter(page__in=interviews.values("pk"))
        self.fields["question"].queryset = questions.filter(
            interview__in=interviews.values("pk"), status=questions.model.Status.PUBLISHED)
