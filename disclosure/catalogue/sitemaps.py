"""/sitemap.xml: every live public page of every site, at its canonical address.

Wagtail's own sitemap lists the pages of the site the request came to; the county's departments
and townships may have their own hosts, and search engines should learn about all of them from
the portal. So this lists the pages under every Site's root, each once, with the URL Wagtail
considers canonical for it (a department page on its own host when it has one).
"""

from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Q
from django.views.decorators.cache import cache_page
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site


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
        """Like Wagtail's, but each URL is the canonical one (the catalogue's), whatever host was asked."""
        urls = []
        for item in self.paginator.page(page).object_list:
            urls.extend(info for info in item.get_sitemap_urls(None) if info.get("location"))
        last_mods = {info.get("lastmod") for info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


SECTIONS = {"pages": AllSitesSitemap}


def _prepared(request):
    return {name: sitemap(request) for name, sitemap in SECTIONS.items()}


@cache_page(60 * 15)
def sitemap_index(request):
    return sitemap_views.index(request, _prepared(request), sitemap_url_name="disclosure:sitemap-section")


@cache_page(60 * 15)
def sitemap_section(request, section):
    return sitemap_views.sitemap(request, _prepared(request), section=section)
