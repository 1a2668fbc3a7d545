"""Admin for organisations: saving one provisions its whole room on the platform.

Saving and provisioning run in one transaction (Wagtail wraps ``save_instance`` in
``transaction.atomic``). If provisioning refuses (a hostname or slug already used), the
transaction is rolled back and the form is shown again with the reason: nothing is half made.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from departments.models import Organisation

from .admin_columns import yes_no_list_display
from .provisioning import provision

PROVISIONED_FIELDS = ("home_page", "editors_group", "approvers_group", "collection", "workflow")


class ProvisioningMixin:
    def save_instance(self):
        return provision(super().save_instance())

    def form_valid(self, form):
        snapshot = {field: getattr(form.instance, f"{field}_id") for field in PROVISIONED_FIELDS}
        was_new = form.instance.pk is None
        try:
            return super().form_valid(form)
        except ValidationError as error:
            # The atomic block around save_instance has been rolled back; forget what it assigned.
            if was_new:
                form.instance.pk = None
                form.instance._state.adding = True
            for field, value in snapshot.items():
                setattr(form.instance, f"{field}_id", value)
            form.add_error(None, error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class ProvisioningCreateView(ProvisioningMixin, CreateView):
    pass


class ProvisioningEditView(ProvisioningMixin, EditView):
    pass


class OrganisationViewSet(SnippetViewSet):
    """部门与乡镇: managed by the county information office (县政务公开办) through model permissions."""

    model = Organisation
    icon = "group"
    menu_label = _("部门与乡镇")
    menu_name = "organisations"
    menu_order = 210
    add_to_admin_menu = True
    list_display = yes_no_list_display(Organisation, ["name", "short_name", "kind", "slug", "credit_code", "sort_order", "active"])
    list_filter = ["kind", "active"]
    search_fields = ["name", "short_name", "slug"]
    ordering = ["kind", "sort_order"]
    add_view_class = ProvisioningCreateView
    edit_view_class = ProvisioningEditView
