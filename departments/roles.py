"""Admin roles that exist in every installation, independent of any one organisation."""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

from .models import StaffRole

# The name the office group is created with; after that it may be renamed freely (``StaffRole`` keeps the key).
INFORMATION_OFFICE_GROUP = "县政务公开办"
# Lookups from a user's (or a group's) side: "member of the information office", by the role's stable key.
OFFICE_MEMBER_LOOKUP = {"groups__staff_role__key": StaffRole.Key.INFORMATION_OFFICE}

INFORMATION_OFFICE_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("departments", "add_organisation"),
    ("departments", "change_organisation"),
    ("departments", "view_organisation"),
    ("disclosure", "view_catalogueentry"),
    ("disclosure", "add_topic"),
    ("disclosure", "change_topic"),
    ("disclosure", "view_topic"),
    ("disclosure", "add_noticetemplate"),
    ("disclosure", "change_noticetemplate"),
    ("disclosure", "view_noticetemplate"),
    ("disclosure", "change_processingfeesettings"),
    ("disclosure", "view_processingfeesettings"),
    # The security log (安全日志): read and export (security/log_view.py).
    ("security", "view_securityevent"),
]


def permissions(pairs):
    found = []
    for app_label, codename in pairs:
        found.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
    return found


def ensure_information_office_group():
    """The county information office's group (信息办 / 政务公开办): manages organisations, audits every site.

    Found by its ``StaffRole`` key, whatever it is called now; created as ``INFORMATION_OFFICE_GROUP`` (or an
    existing group of that name adopted) the first time. Returns the ``Group`` with its permissions granted.
    """
    role = StaffRole.objects.select_related("group").filter(key=StaffRole.Key.INFORMATION_OFFICE).first()
    if role is None:
        group, _created = Group.objects.get_or_create(name=INFORMATION_OFFICE_GROUP)
        role = StaffRole.objects.create(key=StaffRole.Key.INFORMATION_OFFICE, group=group)
    role.group.permissions.add(*permissions(INFORMATION_OFFICE_PERMISSIONS))
    return role.group


def is_information_office(user):
    """True for active superusers and members of the office group.

    The answer is kept on the user object, as Django keeps ``_perm_cache``: every office-only menu item,
    panel and view of one admin page asks, and each asking was one query (the audit dashboard made 82).
    """
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_information_office_cache"):
        user._information_office_cache = user.groups.filter(staff_role__key=StaffRole.Key.INFORMATION_OFFICE).exists()
    return user._information_office_cache


DESCRIPTION = _("县政务公开办：管理部门与乡镇、审核门户内容、检查各站点更新情况。")
