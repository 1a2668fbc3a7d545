"""Who sees what: the information office maintains the lists and sees every finding; an organisation's
editors and approvers see their own organisation's findings."""

from departments.roles import is_information_office
from departments.staff import staff_organisations


def may_see_findings(user):
    return user.is_authenticated and (is_information_office(user) or staff_organisations(user).exists())
