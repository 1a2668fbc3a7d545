"""网站地图: every website, channel and column of the county, as one nested list of links.

The structure pages of the tree (portal home, the 部门/乡镇 directories, each channel's home and
its columns) declare ``in_site_map = True``; content pages (articles, policies …) are not listed —
they are reached through their columns and the XML sitemap. One query for the pages, one for
the Sites (cached by Wagtail), whatever the size of the county.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.models import Page, Site, get_page_models

from departments.leaders import LeadersRouteMixin


@dataclass
class SiteMapNode:
    title: str
    url: str
    own_site: str = ""  # the hostname, when this channel is a website of its own
    children: list = field(default_factory=list)


def structure_page_types():
    """Content types of the page models that make up the structure shown in the site map."""
    models = [model for model in get_page_models() if getattr(model, "in_site_map", False)]
    return list(ContentType.objects.get_for_models(*models).values())


def leaders_page_types():
    """Content type ids of the channel homes that have a 领导信息 page (``departments.leaders``)."""
    models = [model for model in get_page_models() if issubclass(model, LeadersRouteMixin)]
    return {content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()}


def site_map(request):
    """The live, public structure pages as a forest of :class:`SiteMapNode`, in tree order.

    Each node's URL is the one Wagtail gives for ``request`` (relative on the same site, absolute
    on another host). A channel that is the root of a Site other than the one asked for carries its
    hostname in ``own_site``.
    """
    pages = list(
        Page.objects.live().public().filter(content_type__in=structure_page_types())
        .only("id", "path", "depth", "title", "url_path", "slug", "live", "locale_id", "content_type_id")
        .order_by("path")
    )
    leader_types = leaders_page_types()
    site_roots = {site.root_page_id: site.hostname for site in Site.objects.all()}
    current = Site.find_for_request(request)
    nodes_by_path = {}
    forest = []
    for page in pages:
        own_site = ""
        if page.pk in site_roots and (current is None or current.root_page_id != page.pk) and page.depth > 2:
            own_site = site_roots[page.pk]
        node = SiteMapNode(title=page.title, url=page.get_url(request) or "", own_site=own_site)
        if page.content_type_id in leader_types and node.url:
            node.children.append(SiteMapNode(title=_("领导信息"), url=node.url + "ldxx/"))
        parent = nodes_by_path.get(page.path[: -page.steplen])
        (parent.children if parent is not None else forest).append(node)
        nodes_by_path[page.path] = node
    return forest
