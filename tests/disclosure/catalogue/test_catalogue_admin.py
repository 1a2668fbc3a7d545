"""Staff see every entry in the admin, withdrawn ones too; nobody can add, edit or delete one there."""

import pytest
from django.contrib.auth.models import User
from django.urls import NoReverseMatch, reverse

from disclosure.catalogue.viewsets import ReadOnlyCataloguePolicy
from disclosure.models import CatalogueEntry
from tests import factories


@pytest.fixture
def entries(department):
    live = factories.article(factories.column(department), title="仍然公开的信息")
    gone = factories.article(factories.column(department), title="已经撤回的信息")
    gone.unpublish()
    return CatalogueEntry.objects.get(page_key=live.pk), CatalogueEntry.objects.get(page_key=gone.pk)


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("admin", "admin@example.gov.cn", "pw")


def test_staff_see_live_and_withdrawn_entries(client, entries, department):
    editor = factories.user_in(department.editors_group)
    client.force_login(editor)
    response = client.get("/admin/catalogue/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "仍然公开的信息" in html and "已经撤回的信息" in html


def test_the_inspect_page_shows_the_system_times_and_withdrawal(client, entries, superuser):
    _live, gone = entries
    client.force_login(superuser)
    html = client.get(f"/admin/catalogue/inspect/{gone.pk}/").content.decode()
    assert gone.index_number in html
    assert gone.withdrawal_reason in html
    assert "首次发布时间" in html and "最后更新时间" in html


@pytest.mark.parametrize("name", ["add", "edit", "delete", "copy"])
def test_there_is_no_address_to_change_an_entry(name):
    with pytest.raises(NoReverseMatch):
        reverse(f"catalogue:{name}", args=[] if name == "add" else [1])


def test_even_a_superuser_cannot_post_changes(client, entries, superuser):
    live, _gone = entries
    client.force_login(superuser)
    for url in (f"/admin/catalogue/edit/{live.pk}/", f"/admin/catalogue/delete/{live.pk}/", "/admin/catalogue/new/"):
        response = client.post(url, {"title": "篡改", "first_published_at": "2000-01-01 00:00"})
        assert response.status_code == 404
    live.refresh_from_db()
    assert live.title == "仍然公开的信息"
    assert CatalogueEntry.objects.count() == 2


def test_the_policy_refuses_every_change_to_everyone(superuser):
    policy = ReadOnlyCataloguePolicy(CatalogueEntry)
    assert policy.user_has_permission(superuser, "view")
    for action in ("add", "change", "delete"):
        assert not policy.user_has_permission(superuser, action)


def test_citizens_cannot_see_the_admin_list(client, entries):
    response = client.get("/admin/catalogue/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
