"""Which websites there are (网站, one 网站标识码 each) and which organisations are channels of which.

The inspection (国办秘函〔2019〕19号) judges websites, and the 2017 guideline (国办发〔2017〕47号) has
county departments and townships publish as channels of the county portal. So: the county portal
(the default Wagtail Site, its 标识码 from ``SiteIdentity``) is one website whose channels are every
organisation without a website of its own; an organisation with its own hostname and its own
``site_id_code`` is a website of its own, its only channel itself. Two queries.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from wagtail.models import Site

from departments.models import Organisation
from departments.site_codes import is_own_website
from portal.models import SiteIdentity

PORTAL_KEY = "portal"


@dataclass
class Website:
    """One website: its identity, the organisation whose home is its home page, and its channels."""

    site_id_code: str
    name: str
    hostname: str
    home_organisation_id: int | None
    channel_ids: list = field(default_factory=list)
    is_portal: bool = False
    port: int = 80

    @property
    def key(self):
        """What probe and link-check records are filed under: the 标识码, or ``portal`` while it has none."""
        return self.site_id_code or (PORTAL_KEY if self.is_portal else f"host:{self.hostname}")

    @property
    def root_url(self):
        port = "" if self.port in (80, 443, None) else f":{self.port}"
        scheme = "https" if self.port == 443 else "http"
        return f"{scheme}://{self.hostname}{port}/"


def portal_identity():
    """(site_id_code, name, hostname, port) of the county portal (the default Site); blanks when none exists."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return "", _("县政府门户网站"), "", 80
    identity = SiteIdentity.objects.filter(site=site).first()  # reading never creates the settings row
    code = identity.site_id_code if identity else ""
    name = (identity.site_name if identity else "") or site.site_name or _("县政府门户网站")
    return code, name, site.hostname, site.port


def resolve_websites(organisation_rows=None):
    """Every website, the portal first; ``organisation_rows`` are ``(id, kind, name, hostname, site_id_code)``.

    Without rows, the active organisations are read (one query). An organisation counts as its own
    website only with both a hostname and a 标识码 different from the portal's.
    """
    if organisation_rows is None:
        organisation_rows = list(
            Organisation.objects.active().filter(home_page__isnull=False)
            .order_by("kind", "sort_order", "pk").values_list("id", "kind", "name", "hostname", "site_id_code")
        )
    code, name, hostname, port = portal_identity()
    portal = Website(site_id_code=code, name=name, hostname=hostname, home_organisation_id=None, is_portal=True, port=port)
    websites = [portal]
    for organisation_id, kind, organisation_name, own_host, own_code in organisation_rows:
        if is_own_website(own_host, own_code, code):
            websites.append(Website(site_id_code=own_code, name=organisation_name, hostname=own_host,
                                    home_organisation_id=organisation_id, channel_ids=[organisation_id]))
            continue
        portal.channel_ids.append(organisation_id)
        if kind == Organisation.Kind.COUNTY:
            portal.home_organisation_id = organisation_id
    return websites


def website_of(websites, organisation_id):
    return next((website for website in websites if organisation_id in website.channel_ids), None)
