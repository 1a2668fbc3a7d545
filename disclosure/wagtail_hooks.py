from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from departments.admin_access import InformationOfficePolicy
from departments.staff import staff_organisations
from portal.admin_refusal import refuse_with_403

from .applications import admin_hooks as application_admin_hooks  # noqa: F401  (applications, yearly reports)
from .catalogue.statutory import ItemAdoption, StatutoryItem
from .catalogue.statutory_viewsets import StatutoryItemViewSetGroup
from .catalogue.viewsets import CatalogueEntryViewSet, TopicViewSet
from .catalogue.withholding_report import WithholdingReportView
from .search import admin_hooks as search_admin_hooks  # noqa: F401  (synonyms, editors' picks, zero-results report)

register_permission_policy(StatutoryItem, InformationOfficePolicy(StatutoryItem))
register_permission_policy(ItemAdoption, InformationOfficePolicy(ItemAdoption))
register_snippet(TopicViewSet)
register_snippet(StatutoryItemViewSetGroup)


@hooks.register("register_admin_viewset")
def register_catalogue_viewset():
    return CatalogueEntryViewSet("catalogue")


def _organisation_staff_only(view):
    """The register is for the information office and each organisation's own editors and approvers."""
    @refuse_with_403("disclosure/catalogue/admin/withholding_forbidden.html")
    def checked(request, *args, **kwargs):
        if not staff_organisations(request.user).exists():
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


@hooks.register("register_admin_urls")
def register_withholding_register_urls():
    return [
        path("reports/withholding/", _organisation_staff_only(WithholdingReportView.as_view()), name="withholding_register"),
        path("reports/withholding/results/", _organisation_staff_only(WithholdingReportView.as_view(results_only=True)),
             name="withholding_register_results"),
    ]


class OrganisationStaffMenuItem(MenuItem):
    def is_shown(self, request):
        return staff_organisations(request.user).exists()


@hooks.register("register_reports_menu_item")
def register_withholding_register_menu_item():
    return OrganisationStaffMenuItem(_("不予主动公开登记"), reverse("withholding_register"), name="withholding-register",
                                     icon_name="lock", order=880)
