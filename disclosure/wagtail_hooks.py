from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .applications import admin_hooks as application_admin_hooks  # noqa: F401  (applications, yearly reports)
from .catalogue.statutory import ItemAdoption, StatutoryItem
from .catalogue.statutory_viewsets import InformationOfficeEditsPolicy, StatutoryItemViewSetGroup
from .catalogue.viewsets import CatalogueEntryViewSet, TopicViewSet
from .search import admin_hooks as search_admin_hooks  # noqa: F401  (synonyms, editors' picks, zero-results report)

register_permission_policy(StatutoryItem, InformationOfficeEditsPolicy(StatutoryItem))
register_permission_policy(ItemAdoption, InformationOfficeEditsPolicy(ItemAdoption))
register_snippet(TopicViewSet)
register_snippet(StatutoryItemViewSetGroup)


@hooks.register("register_admin_viewset")
def register_catalogue_viewset():
    return CatalogueEntryViewSet("catalogue")
