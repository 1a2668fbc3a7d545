"""The survey editor's form: staff choose only among their own organisations."""

from wagtail.admin.forms import WagtailAdminModelForm

from departments.models import Organisation
from departments.roles import is_information_office

from ..letter_access import organisations_of


def organisations_for(user):
    """Every organisation for the information office, else the user's own (through their groups)."""
    if is_information_office(user) or user.is_superuser:
        return Organisation.objects.all()
    return organisations_of(user)


class SurveyAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "organisation" in self.fields:
            self.fields["organisation"].queryset = organisations_for(self.for_user)
