from wagtail.snippets.models import register_snippet

from .viewsets import OrganisationViewSet

register_snippet(OrganisationViewSet)
