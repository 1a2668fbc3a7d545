"""Admin pieces for what only the county information office (县政务公开办) may see or edit.

One menu item class and one permission policy, used by every app whose admin screens belong to
the office (audit rules, content-check lists, statutory items, search reports).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.base import BasePermissionPolicy

from .roles import OFFICE_MEMBER_LOOKUP, is_information_office


class InformationOfficeMenuItem(MenuItem):
    """Shown to members of the information office and superusers only."""

    def is_shown(self, request):
        return request.user.is_authenticated and is_information_office(request.user)


class InformationOfficePolicy(BasePermissionPolicy):
    """The office (and superusers) may do ``actions`` on the model; nobody else may do anything.

    ``actions=None`` allows every action; e.g. ``{"view", "change"}`` for tables of fixed rows.
    """

    def __init__(self, model, actions=None, **kwargs):
        super().__init__(model, **kwargs)
        self.actions = set(actions) if actions is not None else None

    def allows(self, action):
        return self.actions is None or action in self.actions

    def user_has_permission(self, user, action):
        return self.allows(action) and user.is_authenticated and is_information_office(user)

    def users_with_any_permission(self, actions):
        if not any(self.allows(action) for action in actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True).filter(
            Q(is_superuser=True) | Q(**OFFICE_MEMBER_LOOKUP)
        ).distinct()
