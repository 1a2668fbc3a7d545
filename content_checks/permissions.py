"""Who sees what: the information office maintains the lists and sees every finding; an organisation's
editors and approvers see their own organisation's findings."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from departments.roles import INFORMATION_OFFICE_GROUP, is_information_office


class InformationOfficeListPolicy(BasePermissionPolicy):
    """The word lists: the office adds, changes and deletes entries; nobody else touches them."""

    def user_has_permission(self, user, action):
        return user.is_authenticated and is_information_office(user)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True).filter(
            Q(is_superuser=True) | Q(groups__name=INFORMATION_OFFICE_GROUP)
        ).distinct()


def visible_organisations(user):
    """The organisations whose findings ``user`` may see (all of them for the office)."""
    Organisation = apps.get_model("departments", "Organisation")
    if not user.is_authenticated:
        return Organisation.objects.none()
    if is_information_office(user):
        return Organisation.objects.all()
    groups = user.groups.all()
    return Organisation.objects.filter(Q(editors_group__in=groups) | Q(approvers_group__in=groups)).distinct()


def may_see_findings(user):
    return user.is_authenticated and (is_information_office(user) or visible_organisations(user).exists())
