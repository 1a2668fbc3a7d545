from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .applications import admin_hooks as application_admin_hooks  # noqa: F401  (applications, yearly reports)
from .catalogue.viewsets import CatalogueEntryViewSet, TopicViewSet
from .search import admin_hooks as search_admin_hooks  # noqa: F401  (synonyms, editors' picks, zero-results report)

register_snippet(TopicViewSet)


@hooks.register("register_admin_viewset")
def register_catalogue_viewset():
    return CatalogueEntryViewSet("catalogue")
