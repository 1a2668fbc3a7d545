"""Who may see the audit and change its rules: the county information office (and superusers) only."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.response import TemplateResponse
from wagtail.permission_policies.base import BasePermissionPolicy

from departments.roles import INFORMATION_OFFICE_GROUP, is_information_office


class InformationOfficePolicy(BasePermissionPolicy):
    """The rules can be viewed and changed by the office; nobody adds or deletes them (one row per kind)."""

    ALLOWED_ACTIONS = {"view", "change"}

    def user_has_permission(self, user, action):
        return action in self.ALLOWED_ACTIONS and user.is_authenticated and is_information_office(user)

    def users_with_any_permission(self, actions):
        if not self.ALLOWED_ACTIONS.intersection(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True).filter(
            Q(is_superuser=True) | Q(groups__name=INFORMATION_OFFICE_GROUP)
        ).distinct()


def may_audit(user):
    return user.is_authenticated and is_information_office(user)


def forbidden(request):
    """A real 403 page (Wagtail's own handling would redirect to the admin home with a message)."""
    return TemplateResponse(request, "audit/forbidden.html", {}, status=403)
