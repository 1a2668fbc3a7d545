"""Atom feeds of newly disclosed items: the whole county's, and each organisation's.

Item links are the entries' links for the host that serves the feed (``links.py``): an item of that
Site on the feed's own host, an item of another Site on that Site's current address.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from departments.models import Organisation

from ..models import CatalogueEntry
from . import links

FEED_SIZE = 50


@dataclass
class FeedScope:
    """What one request for a feed asks for: its request (for links) and the organisation, if any."""

    request: object
    organisation: Organisation | None = None


class CatalogueFeed(Feed):
    """/disclosure/feed/: the newest public entries of every organisation."""

    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        return FeedScope(request)

    def title(self, obj=None):
        return _("政府信息公开目录：最新公开信息")

    def subtitle(self, obj=None):
        return _("全县各部门、乡镇最新主动公开的政府信息。")

    def link(self, obj=None):
        return reverse("disclosure:index")

    def entries(self, obj=None):
        return CatalogueEntry.objects.public().select_related("organisation", "topic")

    def items(self, obj=None):
        items = list(self.entries(obj)[:FEED_SIZE])
        for item in items:
            item.feed_link = links.entry_url(item, obj.request if obj else None)
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return f"urn:index-number:{item.index_number}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.display_date

    def item_updateddate(self, item):
        return item.last_updated_at

    def item_author_name(self, item):
        return item.organisation.name

    def item_categories(self, item):
        return [label for label in (item.get_genre_display(), item.topic and item.topic.full_name) if label]


class OrganisationFeed(CatalogueFeed):
    """/disclosure/<org>/feed/: one organisation's newest public entries."""

    def get_object(self, request, org_slug):
        return FeedScope(request, get_object_or_404(Organisation, slug=org_slug))

    def title(self, obj=None):
        return _("%(name)s：最新公开信息") % {"name": obj.organisation.name}

    def subtitle(self, obj=None):
        return _("%(name)s最新主动公开的政府信息。") % {"name": obj.organisation.name}

    def link(self, obj=None):
        return reverse("disclosure:organisation", args=[obj.organisation.slug])

    def entries(self, obj=None):
        return super().entries(obj).filter(organisation=obj.organisation)
