"""The information office is a role, not a group name: renaming 县政务公开办 in the admin keeps its powers."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import override_settings

from departments.roles import INFORMATION_OFFICE_GROUP, ensure_information_office_group, is_information_office
from interaction.letter_access import may_use_mailbox_admin
from security.otp_policy import otp_required

pytestmark = pytest.mark.django_db


@pytest.fixture
def renamed_office_member():
    group = Group.objects.get(name=INFORMATION_OFFICE_GROUP)
    member = User.objects.create_user("xxb", password="pw")
    member.groups.add(group)
    group.name = "县政府办公室政务公开科"
    group.save()
    return User.objects.get(pk=member.pk)


def test_a_renamed_office_group_keeps_the_office_powers(renamed_office_member):
    assert is_information_office(renamed_office_member)
    assert may_use_mailbox_admin(renamed_office_member)


def test_a_renamed_office_group_still_must_use_a_second_factor(renamed_office_member):
    assert otp_required(renamed_office_member)


def test_migrate_does_not_recreate_the_old_name_beside_the_renamed_group(renamed_office_member):
    group = ensure_information_office_group()
    assert group.name == "县政府办公室政务公开科"
    assert not Group.objects.filter(name=INFORMATION_OFFICE_GROUP).exists()


def test_a_new_group_given_the_old_name_gets_no_powers(renamed_office_member):
    impostor = User.objects.create_user("impostor", password="pw")
    impostor.groups.add(Group.objects.create(name=INFORMATION_OFFICE_GROUP))
    impostor = User.objects.get(pk=impostor.pk)
    assert not is_information_office(impostor)
    with override_settings(SECURITY_OTP_REQUIRED_GROUPS=[]):
        assert not otp_required(impostor)


def test_the_office_pages_open_for_a_member_of_the_renamed_group(client, renamed_office_member, county):
    client.force_login(renamed_office_member)
    assert client.get("/admin/audit/").status_code == 200
    assert client.get("/admin/snippets/departments/organisation/").status_code == 200
