"""/sitemap.xml: every live public page of every site, at its canonical address.

Wagtail's own sitemap lists the pages of the site the request came to; the county's departments
and townships may have their own hosts, and search engines should learn about all of them from
the portal. So this lists the pages under every Site's root, each once, with the URL Wagtail
considers canonical for it (a department page on its own host when it has one): pages of the
Site that answers on the host that was asked, other Sites' pages on their current address.

Not cached on its own: the anonymous page cache keeps it, under the same generation as every page,
so it changes at once with a publish, a view restriction, a move or a Site edit.
"""

from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from . import links


class AllSitesSitemap(Sitemap):
    limit = 10_000

    def items(self):
        roots = list(Site.objects.values_list("root_page__path", flat=True))
        if not roots:
            return Page.objects.none()
        under_a_site = Q()
        for path in roots:
            under_a_site |= Q(path__startswith=path)
        return Page.objects.filter(under_a_site).live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        """Like Wagtail's, but each URL is the canonical one: on the asked host for its own Site's pages."""
        urls = []
        for item in self.paginator.page(page).object_list:
            location = self.location_of(item)
            urls.extend({**info, "location": location} for info in item.get_sitemap_urls(None) if location)
        last_mods = {info.get("lastmod") for info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


    def location_of(self, page):
        """The page's canonical absolute URL for this request ("" if it has none): the asked host for pages of
        the Site answering it, the page's own Site's current address otherwise (``links.url_for``)."""
        site_id, root_url, path = page.get_url_parts() or (None, None, None)
        if not path:
            return ""
        url = links.url_for(site_id, path, f"{root_url}{path}" if root_url else "", self.request)
        if url.startswith("/") and self.request is not None:
            return self.request.build_absolute_uri(url)
        return url


SECTIONS = {"pages": AllSitesSitemap}


def _prepared(request):
    return {name: sitemap(request) for name, sitemap in SECTIONS.items()}


def sitemap_index(request):
    return sitemap_views.index(request, _prepared(request), sitemap_url_name="disclosure:sitemap-section")


def sitemap_section(request, section):
    return sitemap_views.sitemap(request, _prepared(request), section=section)
