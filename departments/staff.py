"""Which organisations a member of staff works for: the one question every per-organisation admin view asks."""

from django.db.models import Q

from .models import Organisation
from .roles import is_information_office


def staff_organisations(user):
    """The organisations ``user`` works for (member of its editors or approvers group); every one for the office.

    A queryset of ``Organisation``; empty for anonymous or inactive users.
    """
    if not user.is_authenticated or not user.is_active:
        return Organisation.objects.none()
    if is_information_office(user):
        return Organisation.objects.all()
    groups = user.groups.all()
    return Organisation.objects.filter(Q(editors_group__in=groups) | Q(approvers_group__in=groups)).distinct()
