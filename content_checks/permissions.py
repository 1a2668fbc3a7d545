"""Who sees what: the information office maintains the lists and sees every finding; an organisation's
editors and approvers see their own organisation's findings."""

from django.apps import apps
from django.db.models import Q

from departments.roles import is_information_office


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
