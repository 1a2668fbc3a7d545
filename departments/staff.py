"""Which organisations a member of staff works for: the one question every per-organisation admin view asks."""

from django.db.models import Q

from .models import Organisation
from .roles import is_information_office


def member_organisations(user):
    """The organisations through whose editors or approvers group ``user`` works - not widened for the office.

    A queryset of ``Organisation`` (inactive ones included: call ``.active()``); empty for anonymous or
    inactive users. The one definition of "staff of an organisation" (letters, surveys, findings, audit panels).
    """
    if not user.is_authenticated or not user.is_active:
        return Organisation.objects.none()
    groups = user.groups.all()
    return Organisation.objects.filter(Q(editors_group__in=groups) | Q(approvers_group__in=groups)).distinct()


def staff_organisations(user):
    """The organisations ``user`` may act for: every one for the information office (and superusers), else
    ``member_organisations``. A queryset of ``Organisation``; empty for anonymous or inactive users."""
    if user.is_authenticated and is_information_office(user):
        return Organisation.objects.all()
    return member_organisations(user)


def staff_pages(user, model):
    """The live-or-draft pages of ``model`` (a Page subclass) in the trees of ``staff_organisations(user)``:
    all of them for the information office. A queryset of ``model``; empty for anonymous or inactive users."""
    if user.is_authenticated and is_information_office(user):
        return model.objects.all()
    pages = model.objects.none()
    for organisation in member_organisations(user).select_related("home_page"):
        if organisation.home_page_id:
            pages = pages | model.objects.descendant_of(organisation.home_page)
    return pages
