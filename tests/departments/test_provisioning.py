"""Creating an organisation in the admin provisions its whole room in one transaction, idempotently."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Task,
    Workflow,
    WorkflowPage,
)

from departments.directory import organisation_directory
from departments.models import Organisation
from disclosure.models import CatalogueEntry
from portal import provisioning
from portal.column_kinds import STANDARD_COLUMNS, ColumnKind
from portal.models import ColumnPage, DepartmentHomePage, OrganisationIndexPage
from tests import factories

from .conftest import ADD_URL, EDIT_URL, organisation_post


def counts():
    """Everything provisioning can create, counted."""
    return {
        "organisations": Organisation.objects.count(),
        "pages": Page.objects.count(),
        "groups": Group.objects.count(),
        "group_permissions": Group.permissions.through.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collections": Collection.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "workflows": Workflow.objects.count(),
        "tasks": Task.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
        "sites": Site.objects.count(),
    }


def create_in_admin(client, **fields):
    return client.post(reverse(ADD_URL), organisation_post(**fields))


def edit_in_admin(client, organisation, **fields):
    organisation.refresh_from_db()
    current = {
        "name": organisation.name, "short_name": organisation.short_name, "slug": organisation.slug,
        "kind": organisation.kind, "credit_code": organisation.credit_code, "sort_order": str(organisation.sort_order),
        "hostname": organisation.hostname, "active": "on" if organisation.active else "", "leaders": [],
    }
    current.update(fields)
    return client.post(reverse(EDIT_URL, args=[organisation.pk]), organisation_post(**current))


def test_creating_a_department_in_the_admin_provisions_its_whole_room(office_client):
    response = create_in_admin(office_client, hostname="JTYSJ.example.gov.cn")
    assert response.status_code == 302, response.content.decode()[:2000]

    organisation = Organisation.objects.get(slug="jtysj")
    assert organisation.hostname == "jtysj.example.gov.cn"
    assert [leader.name for leader in organisation.leaders.all()] == ["王建国"]

    home = organisation.home_page.specific
    assert isinstance(home, DepartmentHomePage) and home.live
    assert home.title == "示例县交通运输局"
    index = home.get_parent().specific
    assert isinstance(index, OrganisationIndexPage) and index.kind == "department" and index.title == "部门"
    assert home.url_path == "/home/departments/jtysj/"

    columns = list(ColumnPage.objects.child_of(home).order_by("path"))
    assert [(column.kind, column.title) for column in columns] == [(kind, title) for kind, _slug, title in STANDARD_COLUMNS]
    assert len(columns) == 9 and all(column.live for column in columns)

    editors, approvers = organisation.editors_group, organisation.approvers_group
    assert editors.name == "示例县交通运输局 编辑" and approvers.name == "示例县交通运输局 审核"
    editor_codes = set(GroupPagePermission.objects.filter(group=editors).values_list("permission__codename", flat=True))
    approver_codes = set(GroupPagePermission.objects.filter(group=approvers).values_list("permission__codename", flat=True))
    assert editor_codes == {"add_page", "change_page"}
    assert {"add_page", "change_page", "publish_page"} <= approver_codes
    assert set(GroupPagePermission.objects.filter(group__in=[editors, approvers]).values_list("page", flat=True)) == {home.pk}
    assert editors.permissions.filter(codename="access_admin").exists()

    assert organisation.collection.name == "示例县交通运输局"
    for group in (editors, approvers):
        granted = GroupCollectionPermission.objects.filter(group=group)
        assert set(granted.values_list("collection", flat=True)) == {organisation.collection.pk}
        assert {"add_image", "choose_image", "add_document", "choose_document"} <= set(
            granted.values_list("permission__codename", flat=True)
        )

    workflow = organisation.workflow
    assert WorkflowPage.objects.get(page=home).workflow == workflow
    assert home.get_workflow() == workflow and columns[0].get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.all()) == [approvers]

    site = Site.objects.get(hostname="jtysj.example.gov.cn")
    assert site.root_page_id == home.pk and not site.is_default_site


def test_a_township_goes_under_the_township_index(office_client):
    assert create_in_admin(office_client, name="示例县清溪镇人民政府", short_name="清溪镇", slug="qxz", kind="township").status_code == 302
    home = Organisation.objects.get(slug="qxz").home_page
    assert home.url_path == "/home/townships/qxz/"
    assert home.get_parent().specific.kind == "township"


def test_the_hostname_serves_the_same_tree(office_client, client):
    create_in_admin(office_client, hostname="jtysj.example.gov.cn")
    organisation = Organisation.objects.get(slug="jtysj")
    page = factories.article(factories.column(organisation, ColumnKind.NOTICES), title="关于春运期间道路客运安排的通告")

    own_host = client.get("/", HTTP_HOST="jtysj.example.gov.cn")
    assert own_host.status_code == 200
    assert "示例县交通运输局" in own_host.content.decode()
    assert "关于春运期间道路客运安排的通告" in own_host.content.decode()

    article_on_own_host = client.get(f"/tzgg/{page.slug}/", HTTP_HOST="jtysj.example.gov.cn")
    article_on_portal = client.get(f"/departments/jtysj/tzgg/{page.slug}/", HTTP_HOST="localhost")
    assert article_on_own_host.status_code == article_on_portal.status_code == 200
    assert "关于春运期间道路客运安排的通告" in article_on_portal.content.decode()


def test_provisioning_twice_duplicates_nothing(office_client, department):
    before = counts()
    provisioning.provision(Organisation.objects.get(pk=department.pk))
    provisioning.provision(Organisation.objects.get(pk=department.pk))
    assert counts() == before
    assert edit_in_admin(office_client, department).status_code == 302
    assert counts() == before


def test_renaming_updates_titles_and_names_in_place(office_client, department):
    page = factories.article(factories.column(department))
    entry = CatalogueEntry.objects.get(page=page)
    before = counts()
    ids = (department.home_page_id, department.editors_group_id, department.collection_id, department.workflow_id)

    response = edit_in_admin(office_client, department, name="示例县教育体育局", short_name="教体局")
    assert response.status_code == 302

    department.refresh_from_db()
    assert counts() == before
    assert (department.home_page_id, department.editors_group_id, department.collection_id, department.workflow_id) == ids
    assert department.home_page.title == "示例县教育体育局"
    assert department.editors_group.name == "示例县教育体育局 编辑"
    assert department.approvers_group.name == "示例县教育体育局 审核"
    assert department.collection.name == "示例县教育体育局"
    assert department.workflow.name == "示例县教育体育局 审核流程"
    assert department.home_page.url_path == "/home/departments/jyj/"
    entry.refresh_from_db()
    assert entry.status == CatalogueEntry.Status.LIVE and entry.index_number.endswith("-00001")


def test_re_ordering_changes_the_portal_directory(office_client, county):
    first = factories.make_organisation("示例县财政局", "czj", sort_order=10)
    second = factories.make_organisation("示例县民政局", "mzj", sort_order=20)
    assert [org.slug for org in organisation_directory()[0]] == ["czj", "mzj"]
    assert edit_in_admin(office_client, second, sort_order="5").status_code == 302
    assert [org.slug for org in organisation_directory()[0]] == ["mzj", "czj"]
    first.refresh_from_db()
    assert first.home_page.live


def test_deactivating_hides_the_sub_site_but_keeps_its_content_and_catalogue(office_client, client, department):
    page = factories.article(factories.column(department), title="教育局年度招生工作安排")
    live_entries = CatalogueEntry.objects.public().filter(organisation=department).count()
    pages = Page.objects.descendant_of(department.home_page, inclusive=True).count()
    assert "示例县教育局" in client.get("/").content.decode()

    assert edit_in_admin(office_client, department, active="").status_code == 302

    department.refresh_from_db()
    assert not department.active
    assert department not in organisation_directory()[0]
    assert not [entry for entry in CatalogueEntry.objects.latest_by_kind_of_organisation("department", 50) if entry.organisation_id == department.pk]
    portal = client.get("/").content.decode()
    assert "教育局年度招生工作安排" not in portal and 'href="/departments/jyj/"' not in portal
    assert "示例县教育局" not in client.get("/departments/").content.decode()

    assert Page.objects.descendant_of(department.home_page, inclusive=True).count() == pages
    assert CatalogueEntry.objects.public().filter(organisation=department).count() == live_entries
    page.refresh_from_db()
    assert page.live

    assert edit_in_admin(office_client, department, active="on").status_code == 302
    assert "教育局年度招生工作安排" in client.get("/").content.decode()


def test_a_duplicate_slug_is_refused_and_nothing_is_provisioned(office_client, department):
    before = counts()
    response = create_in_admin(office_client, slug="jyj")
    assert response.status_code == 200
    assert "这个英文标识已被其他机构使用，请换一个。" in response.content.decode()
    assert counts() == before


@pytest.mark.parametrize("hostname", ["jyj.example.gov.cn", "JYJ.Example.gov.cn", "localhost"])
def test_a_duplicate_hostname_is_refused_and_nothing_is_provisioned(office_client, county, hostname):
    factories.make_organisation("示例县教育局", "jyj", hostname="jyj.example.gov.cn")
    before = counts()
    response = create_in_admin(office_client, hostname=hostname)
    assert response.status_code == 200
    assert f"域名 {hostname.lower()} 已被其他站点使用，请换一个。" in response.content.decode()
    assert counts() == before


def test_a_slug_held_by_a_page_without_organisation_is_refused_and_nothing_is_provisioned(office_client, department):
    index = department.home_page.get_parent()
    index.add_child(instance=DepartmentHomePage(title="旧交通局网站", slug="jtysj"))
    before = counts()
    response = create_in_admin(office_client)
    assert response.status_code == 200
    assert "英文标识 jtysj 已被同一目录下的其他页面使用，请换一个。" in response.content.decode()
    assert counts() == before


def test_a_refusal_late_in_provisioning_rolls_everything_back(office_client, county, monkeypatch):
    def refuse(organisation, home):
        raise provisioning.ProvisioningError({"hostname": "域名解析尚未生效，请稍后再试。"})

    monkeypatch.setattr(provisioning, "ensure_site", refuse)
    before = counts()
    response = create_in_admin(office_client, hostname="jtysj.example.gov.cn")
    assert response.status_code == 200
    assert "域名解析尚未生效，请稍后再试。" in response.content.decode()
    assert counts() == before


def test_a_crash_late_in_provisioning_rolls_everything_back(county, monkeypatch):
    def crash(organisation, home):
        raise RuntimeError("disk full")

    monkeypatch.setattr(provisioning, "ensure_workflow", crash)
    before = counts()
    with pytest.raises(RuntimeError):
        factories.make_organisation("示例县交通运输局", "jtysj")
    assert counts() == before


def test_a_crash_during_an_admin_save_rolls_back_the_whole_request(office_client, monkeypatch):
    def crash(organisation, home):
        raise RuntimeError("disk full")

    monkeypatch.setattr(provisioning, "ensure_site", crash)
    office_client.raise_request_exception = False
    before = counts()
    response = create_in_admin(office_client)
    assert response.status_code == 500
    assert counts() == before


def test_the_kind_and_slug_cannot_change_once_the_sub_site_exists(office_client, department):
    response = edit_in_admin(office_client, department, slug="jyj2", kind="township")
    assert response.status_code == 200
    content = response.content.decode()
    assert "子站开通后不能修改英文标识" in content and "子站开通后不能修改机构类型" in content
    department.refresh_from_db()
    assert department.slug == "jyj" and department.kind == "department"


def test_editor_groups_have_no_global_page_or_collection_permissions(department):
    assert not department.editors_group.permissions.filter(content_type__app_label="wagtailcore").exists()
    assert not Permission.objects.filter(group=department.editors_group, codename="publish_page").exists()
