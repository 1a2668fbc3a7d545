"""Who may see a letter: staff of the organisation handling it and the information office; nobody else.

Staff of an organisation are the members of its editors or approvers group (provisioned with
the organisation). Every time personal data is shown, ``record_personal_data_access`` writes a
row to ``PersonalDataAccess`` so the information office can answer "who looked at this".
"""


from departments.roles import is_information_office
from departments.staff import member_organisations

from .antispam import client_ip
from .models import Letter, PersonalDataAccess


def letters_visible_to(user):
    if not user.is_authenticated or not user.is_active:
        return Letter.objects.none()
    if is_information_office(user):
        return Letter.objects.all()
    return Letter.objects.filter(organisation__in=member_organisations(user).values("pk"))


def can_handle(user, letter):
    if not user.is_authenticated or not user.is_active:
        return False
    return is_information_office(user) or member_organisations(user).filter(pk=letter.organisation_id).exists()


def may_use_mailbox_admin(user):
    return user.is_authenticated and user.is_active and (is_information_office(user) or member_organisations(user).exists())


def record_personal_data_access(request, letter, purpose):
    ip = client_ip(request)
    PersonalDataAccess.objects.create(
        letter=letter, user=request.user, purpose=purpose[:40], ip_address=ip if ip != "unknown" else None
    )
