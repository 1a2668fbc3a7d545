"""Admin for organisations: saving one provisions its whole room on the platform."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from .models import Organisation
from .provisioning import provision


class ProvisioningCreateView(CreateView):
    def save_instance(self):
        return provision(super().save_instance())


class ProvisioningEditView(EditView):
    def save_instance(self):
        return provision(super().save_instance())


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("部门与乡镇")
    menu_name = "organisations"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "short_name", "kind", "slug", "credit_code", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "short_name", "slug"]
    ordering = ["kind", "sort_order"]
    add_view_class = ProvisioningCreateView
    edit_view_class = ProvisioningEditView
