"""Admin for the statutory items (法定主动公开事项) and each organisation's decisions on them.

The county information office keeps the list (``departments.admin_access.InformationOfficePolicy``,
registered in ``disclosure/wagtail_hooks.py``) (national items seeded from 条例 arts. 20–21, local
items for one organisation) and records where an item does not apply, with the reason.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.admin_columns import yes_no_list_display

from .statutory import ItemAdoption, StatutoryItem


class StatutoryItemViewSet(SnippetViewSet):
    model = StatutoryItem
    icon = "list-ol"
    menu_label = _("公开事项")
    list_display = yes_no_list_display(StatutoryItem, ["name", "applies_to", "time_limit_text", "legal_basis", "organisation", "unverified", "active"])
    list_filter = ["applies_to", "schedule", "unverified", "active", "organisation"]
    search_fields = ["name", "content_elements", "legal_basis"]


class ItemAdoptionViewSet(SnippetViewSet):
    model = ItemAdoption
    icon = "cross"
    menu_label = _("不适用事项")
    list_display = ["organisation", "item", "applies", "reason"]
    list_filter = ["organisation", "applies"]


class StatutoryItemViewSetGroup(SnippetViewSetGroup):
    items = (StatutoryItemViewSet, ItemAdoptionViewSet)
    menu_label = _("法定主动公开事项")
    menu_icon = "list-ol"
    menu_order = 230
