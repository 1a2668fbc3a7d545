"""领导信息 page of a channel (``<home>/ldxx/``): the organisation's leaders with photo, position, 分工 and 简历.

A Wagtail routable-page route on the portal home (the county government's leaders) and on each
department or township home, so the page has that channel's header, menu and footer.
"""

from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class LeadersRouteMixin(RoutablePageMixin):
    """Adds ``ldxx/`` (领导信息) under a channel's home page."""

    @path("ldxx/", name="leaders")
    def leaders_page(self, request):
        """The organisation owning this home (the county on the portal home) and its leaders in their order."""
        organisation = self.organisation
        leaders = list(organisation.leaders.select_related("photo").order_by("sort_order", "pk")) if organisation else []
        return self.render(request, template="pages/departments/leaders.html", context_overrides={
            "leaders_organisation": organisation,
            "leaders": leaders,
            "extra_meta_tags": {"ColumnName": _("领导信息"), "ColumnType": _("机构职能")},
        })

    def leaders_url(self, request=None):
        """The 领导信息 page's URL on this site (relative where Wagtail gives one), for links."""
        return (self.get_url(request) or "") + self.reverse_subpage("leaders")
