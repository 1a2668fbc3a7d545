"""Who may see an application: the handling organisation's staff and the information office.

"Staff of an organisation" are the members of its editors and approvers groups (created by
provisioning). Every staff view of personal data goes through ``log_view``.
"""

import ipaddress

from django.core.exceptions import PermissionDenied

from departments.staff import staff_organisations
from disclosure.applications.models import PersonalDataView
from interaction.antispam import client_ip
from portal.admin_refusal import refuse_with_403


def handled_organisations(user):
    """The organisations whose applications ``user`` may handle: ``departments.staff.staff_organisations``."""
    return staff_organisations(user)


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
