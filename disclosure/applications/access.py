"""Who may see an application: the handling organisation's staff and the information office.

"Staff of an organisation" are the members of its editors and approvers groups (created by
provisioning). Every staff view of personal data goes through ``log_view``.
"""

import ipaddress

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from departments.models import Organisation
from departments.roles import is_information_office
from disclosure.applications.models import PersonalDataView
from interaction.antispam import client_ip
from portal.admin_refusal import refuse_with_403


def handled_organisations(user):
    """The organisations whose applications ``user`` may handle."""
    if not user.is_authenticated or not user.is_active:
        return Organisation.objects.none()
    if is_information_office(user):
        return Organisation.objects.all()
    groups = user.groups.all()
    return Organisation.objects.filter(Q(editors_group__in=groups) | Q(approvers_group__in=groups)).distinct()


def can_handle(user, organisation_id):
    return handled_organisations(user).filter(pk=organisation_id).exists()


def handles_any(user):
    return handled_organisations(user).exists()


def require_handler(user, organisation_id):
    if not can_handle(user, organisation_id):
        raise PermissionDenied


def log_view(request, application, action):
    """Record that ``request.user`` saw ``application``'s personal data."""
    PersonalDataView.objects.create(
        application=application, user=request.user, action=action, ip_address=_ip_or_none(client_ip(request))
    )


def _ip_or_none(value):
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


# Views over applications and yearly reports refuse with their own explanation.
forbidden_as_403 = refuse_with_403("disclosure/applications/admin/forbidden.html")
