"""Admin roles that exist in every installation, independent of any one organisation."""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

INFORMATION_OFFICE_GROUP = "县政务公开办"

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
    # The security log (安全日志): read and export (security/reports.py).
    ("security", "view_securityevent"),
]


def permissions(pairs):
    found = []
    for app_label, codename in pairs:
        found.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
    return found


def ensure_information_office_group():
    """The county information office (信息办 / 政务公开办): manages organisations, audits every site."""
    group, _created = Group.objects.get_or_create(name=INFORMATION_OFFICE_GROUP)
    group.permissions.add(*permissions(INFORMATION_OFFICE_PERMISSIONS))
    return group


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
        user._information_office_cache = user.groups.filter(name=INFORMATION_OFFICE_GROUP).exists()
    return user._information_office_cache


DESCRIPTION = _("县政务公开办：管理部门与乡镇、审核门户内容、检查各站点更新情况。")
