"""Admin for the statutory items (法定主动公开事项) and each organisation's decisions on them.

The county information office keeps the list (national items seeded from 条例 arts. 20–21, local
items for one organisation) and records where an item does not apply, with the reason.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from departments.roles import INFORMATION_OFFICE_GROUP, is_information_office

from .statutory import ItemAdoption, StatutoryItem


class InformationOfficeEditsPolicy(BasePermissionPolicy):
    """Only the information office (and superusers) see and edit the statutory items."""

    def user_has_permission(self, user, action):
        return user.is_authenticated and is_information_office(user)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True).filter(
            Q(is_superuser=True) | Q(groups__name=INFORMATION_OFFICE_GROUP)
        ).distinct()


class StatutoryItemViewSet(SnippetViewSet):
    model = StatutoryItem
    icon = "list-ol"
    menu_label = _("公开事项")
    list_display = ["name", "applies_to", "time_limit_text", "legal_basis", "organisation", "unverified", "active"]
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
