"""Which organisation a request's site belongs to: a department or township sub-site searches itself first."""

from django.core.cache import cache
from wagtail.models import Site

from departments.models import Organisation


def site_organisation(request):
    """The organisation whose home page is the root of the request's Site, unless it is the county portal."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    key = f"search:site-organisation:{site.pk}:{site.root_page_id}"
    organisation_id = cache.get(key)
    if organisation_id is None:
        organisation = Organisation.objects.filter(home_page_id=site.root_page_id, active=True).first()
        organisation_id = organisation.pk if organisation and organisation.kind != Organisation.Kind.COUNTY else 0
        cache.set(key, organisation_id, 60)
    return Organisation.objects.filter(pk=organisation_id).first() if organisation_id else None
