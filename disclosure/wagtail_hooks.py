from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from departments.admin_access import InformationOfficePolicy

from .applications import admin_hooks as application_admin_hooks  # noqa: F401  (applications, yearly reports)
from .catalogue.statutory import ItemAdoption, StatutoryItem
from .catalogue.statutory_viewsets import StatutoryItemViewSetGroup
from .catalogue.viewsets import CatalogueEntryViewSet, TopicViewSet
from .search import admin_hooks as search_admin_hooks  # noqa: F401  (synonyms, editors' picks, zero-results report)

register_permission_policy(StatutoryItem, InformationOfficePolicy(StatutoryItem))
register_permission_policy(ItemAdoption, InformationOfficePolicy(ItemAdoption))
register_snippet(TopicViewSet)
register_snippet(StatutoryItemViewSetGroup)


@hooks.register("register_admin_viewset")
def register_catalogue_viewset():
    return CatalogueEntryViewSet("catalogue")
