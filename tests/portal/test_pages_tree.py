"""Editors can only build sensible trees: every page type says where it may live and what it may hold."""

import pytest

from portal.models import (
    ArticlePage,
    ColumnPage,
    DepartmentHomePage,
    OrganisationIndexPage,
    PolicyDocumentPage,
    PolicyInterpretationPage,
    PortalHomePage,
    ServiceGuidePage,
)
from tests import factories

CONTENT_TYPES = [ArticlePage, PolicyDocumentPage, PolicyInterpretationPage, ServiceGuidePage]


@pytest.fixture
def tree(department):
    home = department.home_page.specific
    return {
        "portal": PortalHomePage.objects.get(),
        "index": home.get_parent().specific,
        "home": home,
        "column": factories.column(department),
        "article": factories.article(factories.column(department)),
    }


@pytest.mark.parametrize("page_type", CONTENT_TYPES)
def test_content_pages_can_only_be_created_inside_a_column(tree, page_type):
    assert page_type.can_create_at(tree["column"])
    for elsewhere in ("portal", "index", "home", "article"):
        assert not page_type.can_create_at(tree[elsewhere]), elsewhere
    assert page_type.allowed_parent_page_models() == [ColumnPage]
    assert page_type.allowed_subpage_models() == []


def test_columns_live_under_the_portal_a_sub_site_home_or_another_column(tree):
    for parent in ("portal", "home", "column"):
        assert ColumnPage.can_create_at(tree[parent]), parent
    for parent in ("index", "article"):
        assert not ColumnPage.can_create_at(tree[parent]), parent
    assert set(CONTENT_TYPES) | {ColumnPage} <= set(ColumnPage.allowed_subpage_models())
    assert DepartmentHomePage not in ColumnPage.allowed_subpage_models()


def test_a_department_home_only_exists_under_an_organisation_index_and_only_holds_columns(tree):
    assert DepartmentHomePage.allowed_parent_page_models() == [OrganisationIndexPage]
    assert DepartmentHomePage.can_exist_under(tree["index"])
    for elsewhere in ("portal", "home", "column", "article"):
        assert not DepartmentHomePage.can_exist_under(tree[elsewhere]), elsewhere
    assert DepartmentHomePage.allowed_subpage_models() == [ColumnPage]


def test_sub_site_homes_and_indexes_are_made_by_provisioning_not_by_hand(tree):
    """A home page without its organisation would have no editors, workflow or index numbers."""
    assert not DepartmentHomePage.can_create_at(tree["index"])
    assert not OrganisationIndexPage.can_create_at(tree["portal"])
    assert OrganisationIndexPage.can_exist_under(tree["portal"])
    assert OrganisationIndexPage.allowed_subpage_models() == [DepartmentHomePage]


def test_there_is_one_portal_home_at_the_top_of_the_tree(tree):
    root = tree["portal"].get_parent()
    assert not PortalHomePage.can_create_at(root), "max_count = 1"
    assert PortalHomePage.allowed_parent_page_models()[0]._meta.label == "wagtailcore.Page"
    assert set(PortalHomePage.allowed_subpage_models()) >= {ColumnPage, OrganisationIndexPage}
    assert ArticlePage not in PortalHomePage.allowed_subpage_models()


def test_the_admin_offers_only_allowed_types(tree, admin_client):
    from django.urls import reverse

    response = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=[tree["home"].pk]))
    assert response.status_code in (200, 302)
    if response.status_code == 302:  # only one allowed type: Wagtail goes straight to its form
        assert "/portal/columnpage/" in response["Location"]
    add_article_at_home = reverse("wagtailadmin_pages:add", args=["portal", "articlepage", tree["home"].pk])
    response = admin_client.get(add_article_at_home)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] != add_article_at_home
    admin_client.post(add_article_at_home, {"title": "放错位置的文章", "slug": "misplaced"})
    assert not ArticlePage.objects.filter(slug="misplaced").exists()
