"""Provisioning an organisation's room on the platform, in one transaction and idempotently.

``provision(organisation)`` makes sure the organisation has: its home page under the portal's
部门 or 乡镇 index, the standard columns, an editors and an approvers group with page
permissions on its tree only, a collection with matching permissions, a moderation workflow
on its tree and, if it has a hostname, a Wagtail Site rooted at its home. Running it again
creates nothing new; renaming updates titles and names in place.
"""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from departments.hostnames import hostname_taken
from departments.models import Organisation
from departments.roles import ensure_information_office_group, permissions

from .column_kinds import PORTAL_COLUMNS, STANDARD_COLUMNS, column_defaults
from .models import ColumnPage, DepartmentHomePage, OrganisationIndexPage, PortalHomePage, SiteIdentity

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
APPROVER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
INDEX_TITLES = {
    Organisation.Kind.DEPARTMENT: ("departments", "部门"),
    Organisation.Kind.TOWNSHIP: ("townships", "乡镇"),
}


class ProvisioningError(ValidationError):
    pass


def portal_home():
    home = PortalHomePage.objects.first()
    if home is None:
        raise ProvisioningError(_("尚未创建门户首页，无法开通子站。"))
    return home


def check_hostname_free(organisation):
    if hostname_taken(organisation.hostname, organisation):
        raise ProvisioningError({"hostname": _("域名 %(host)s 已被其他站点使用，请换一个。") % {"host": organisation.hostname}})


def check_slug_free(organisation):
    """The home page's slug must be free under its index (another page may hold it without an organisation)."""
    if organisation.kind == Organisation.Kind.COUNTY:
        return
    index = OrganisationIndexPage.objects.child_of(portal_home()).filter(kind=organisation.kind).first()
    if index is None:
        return
    clash = Page.objects.child_of(index).filter(slug=organisation.slug)
    if organisation.home_page_id:
        clash = clash.exclude(pk=organisation.home_page_id)
    if clash.exists():
        raise ProvisioningError({"slug": _("英文标识 %(slug)s 已被同一目录下的其他页面使用，请换一个。") % {"slug": organisation.slug}})


@transaction.atomic
def provision(organisation):
    """Create or bring up to date everything the organisation needs. Safe to run any number of times."""
    check_hostname_free(organisation)
    check_slug_free(organisation)
    home = ensure_home_page(organisation)
    organisation.home_page = home
    ensure_columns(organisation, home)
    organisation.editors_group = ensure_group(organisation.editors_group, _("%(name)s 编辑") % {"name": organisation.name})
    organisation.approvers_group = ensure_group(
        organisation.approvers_group, _("%(name)s 审核") % {"name": organisation.name}
    )
    grant_page_permissions(organisation.editors_group, home, EDITOR_PAGE_PERMISSIONS)
    grant_page_permissions(organisation.approvers_group, home, APPROVER_PAGE_PERMISSIONS)
    organisation.collection = ensure_collection(organisation)
    for group in (organisation.editors_group, organisation.approvers_group):
        grant_collection_permissions(group, organisation.collection)
    organisation.workflow = ensure_workflow(organisation, home)
    ensure_site(organisation, home)
    organisation.save()
    return organisation


def ensure_home_page(organisation):
    if organisation.kind == Organisation.Kind.COUNTY:
        return portal_home()
    home = organisation.home_page.specific if organisation.home_page_id else None
    index = ensure_index_page(organisation.kind)
    if home is None:
        home = DepartmentHomePage(title=organisation.name, slug=organisation.slug, show_in_menus=organisation.active)
        index.add_child(instance=home)
        home.save_revision().publish()
        return home
    changed = False
    if home.title != organisation.name:
        home.title = organisation.name
        changed = True
    if home.show_in_menus != organisation.active:
        home.show_in_menus = organisation.active
        changed = True
    if changed:
        home.save_revision().publish()
    return home


def ensure_index_page(kind):
    home = portal_home()
    index = OrganisationIndexPage.objects.child_of(home).filter(kind=kind).first()
    if index is None:
        slug, title = INDEX_TITLES[kind]
        index = OrganisationIndexPage(title=title, slug=slug, kind=kind, show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def ensure_columns(organisation, home):
    standard = PORTAL_COLUMNS if organisation.kind == Organisation.Kind.COUNTY else STANDARD_COLUMNS
    existing_kinds = set(ColumnPage.objects.child_of(home).values_list("kind", flat=True))
    existing_slugs = set(Page.objects.child_of(home).values_list("slug", flat=True))
    for kind, slug, title in standard:
        if kind in existing_kinds or slug in existing_slugs:
            continue
        description, keywords = column_defaults(kind, organisation.name)
        column = ColumnPage(title=title, slug=slug, kind=kind, show_in_menus=True, description=description, keywords=keywords)
        home.add_child(instance=column)
        column.save_revision().publish()


def ensure_group(group, name):
    if group is None:
        group, _created = Group.objects.get_or_create(name=name)
    elif group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    group.permissions.add(*permissions([("wagtailadmin", "access_admin")]))
    return group


def grant_page_permissions(group, page, codenames):
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def ensure_collection(organisation):
    collection = organisation.collection
    if collection is None:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=organisation.name).first() or root.add_child(name=organisation.name)
    elif collection.name != organisation.name:
        collection.name = organisation.name
        collection.save(update_fields=["name"])
    return collection


def grant_collection_permissions(group, collection):
    for permission in permissions(COLLECTION_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def ensure_workflow(organisation, home):
    """Editor submits → the organisation's approvers approve (the information office too, for the portal)."""
    name = _("%(name)s 审核流程") % {"name": organisation.name}
    task_name = _("%(name)s 领导审核") % {"name": organisation.short_name}
    workflow = organisation.workflow
    if workflow is None:
        workflow = Workflow.objects.create(name=name, active=True)
        task = GroupApprovalTask.objects.create(name=task_name)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    elif workflow.name != name:
        workflow.name = name
        workflow.save(update_fields=["name"])
    task = workflow.tasks.first().specific
    if task.name != task_name:
        task.name = task_name
        task.save(update_fields=["name"])
    task.groups.add(organisation.approvers_group)
    if organisation.kind == Organisation.Kind.COUNTY:
        task.groups.add(ensure_information_office_group())
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def ensure_site(organisation, home):
    if organisation.kind == Organisation.Kind.COUNTY:
        return None
    site = Site.objects.filter(root_page=home).first()
    if not organisation.hostname:
        if site is not None:
            site.delete()
        return None
    if site is None:
        site = Site(root_page=home)
    site.hostname = organisation.hostname
    site.port = 80
    site.site_name = organisation.name
    site.is_default_site = False
    site.save()
    ensure_site_identity(organisation, site)
    return site


def ensure_site_identity(organisation, site):
    """An organisation that is its own website shows its own 网站标识码 (SiteIDCode) on its pages."""
    identity = SiteIdentity.for_site(site)
    wanted_name = organisation.name if organisation.is_own_website else identity.site_name
    if identity.site_id_code != organisation.site_id_code or identity.site_name != wanted_name:
        identity.site_id_code = organisation.site_id_code
        identity.site_name = wanted_name
        identity.save()
