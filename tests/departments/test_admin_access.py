"""Organisations are managed in the Wagtail admin by the information office, and by nobody else."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from departments.models import Organisation
from departments.roles import INFORMATION_OFFICE_GROUP, is_information_office
from tests import factories

from .conftest import ADD_URL, EDIT_URL, LIST_URL, organisation_post


def test_the_information_office_group_exists_after_migrate_with_its_permissions(db):
    group = Group.objects.get(name=INFORMATION_OFFICE_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "add_organisation", "change_organisation", "view_organisation"} <= codenames
    assert "delete_organisation" not in codenames, "deleting an organisation would orphan its disclosure records"


def test_the_information_office_can_list_add_and_edit_organisations(office_client, department):
    assert office_client.get(reverse(LIST_URL)).status_code == 200
    assert office_client.get(reverse(ADD_URL)).status_code == 200
    response = office_client.get(reverse(EDIT_URL, args=[department.pk]))
    assert response.status_code == 200
    assert "示例县教育局" in response.content.decode()


def test_the_information_office_is_recognised(office_user, department):
    editor = factories.user_in(department.editors_group)
    assert is_information_office(office_user)
    assert not is_information_office(editor)


@pytest.mark.parametrize("role", ["editors_group", "approvers_group"])
def test_department_staff_cannot_see_add_or_edit_organisations(client, department, township, role):
    client.force_login(factories.user_in(getattr(department, role)))
    for url in (reverse(LIST_URL), reverse(ADD_URL), reverse(EDIT_URL, args=[department.pk]),
                reverse(EDIT_URL, args=[township.pk])):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response["Location"] != url
    before = Organisation.objects.count()
    response = client.post(reverse(ADD_URL), organisation_post())
    assert response.status_code in (302, 403)
    assert Organisation.objects.count() == before
    response = client.post(reverse(EDIT_URL, args=[township.pk]), organisation_post(name="被篡改的名称", slug="cgz"))
    assert response.status_code in (302, 403)
    township.refresh_from_db()
    assert township.name == "城关镇人民政府"


def test_anonymous_visitors_are_sent_to_the_login_page(client, county):
    response = client.get(reverse(LIST_URL))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_the_organisations_menu_is_offered_to_the_information_office_only(client, office_user, department):
    client.force_login(office_user)
    assert reverse(LIST_URL) in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(factories.user_in(department.editors_group))
    assert reverse(LIST_URL) not in client.get(reverse("wagtailadmin_home")).content.decode()
