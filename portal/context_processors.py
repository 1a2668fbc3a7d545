"""Site chrome every public template needs: the portal's name and its home, for header and footer."""

from wagtail.models import Site


def site_chrome(request):
    site = Site.find_for_request(request) if request is not None else None
    return {"current_site": site}
