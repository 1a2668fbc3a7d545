"""Connections made when the app is ready (see apps.py): the security log's sources and strict admin fields."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save


def register_signal_handlers():
    from axes.signals import user_locked_out
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    from . import events
    from .admin_fields import register_strict_admin_fields
    from .fingerprint_signals import register_fingerprint_signals

    register_strict_admin_fields()
    register_fingerprint_signals()
    user = get_user_model()
    user_logged_in.connect(events.on_login, dispatch_uid="security_login")
    user_logged_out.connect(events.on_logout, dispatch_uid="security_logout")
    user_login_failed.connect(events.on_login_failed, dispatch_uid="security_login_failed")
    user_locked_out.connect(events.on_lockout, dispatch_uid="security_lockout")
    m2m_changed.connect(events.on_user_groups_changed, sender=user.groups.through, dispatch_uid="security_groups")
    m2m_changed.connect(events.on_permissions_changed, sender=user.user_permissions.through,
                        dispatch_uid="security_user_permissions")
    m2m_changed.connect(events.on_permissions_changed, sender=Group.permissions.through,
                        dispatch_uid="security_group_permissions")
    post_init.connect(events.on_user_loaded, sender=user, dispatch_uid="security_user_loaded")
    post_save.connect(events.on_user_saved, sender=user, dispatch_uid="security_user_saved")
    for model in (GroupPagePermission, GroupCollectionPermission):
        post_save.connect(events.on_object_permission_saved, sender=model, dispatch_uid=f"security_{model.__name__}_save")
        post_delete.connect(events.on_object_permission_deleted, sender=model,
                            dispatch_uid=f"security_{model.__name__}_delete")
