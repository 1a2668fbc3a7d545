"""Writing the security log: one ``record`` function and the signal handlers that call it.

Handlers are connected in ``signal_handlers.register_signal_handlers``: Django's login, logout and
failed-login signals, django-axes' lockout signal, and changes of group membership, user and group
permissions, the superuser flag and Wagtail's page and collection permissions.
"""

import ipaddress
import logging

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .context import current_request

logger = logging.getLogger("security")


def client_address(request):
    """The client's IP address, through ``SECURITY_CLIENT_IP_CALLABLE`` (the portal's trusted-proxy rule),
    or None when there is no request or no valid address ("unknown" from a request without REMOTE_ADDR
    would make PostgreSQL's inet column refuse the whole row)."""
    if request is None:
        return None
    path = getattr(settings, "SECURITY_CLIENT_IP_CALLABLE", "")
    if path:
        from django.utils.module_loading import import_string

        address = import_string(path)(request)
    else:
        address = request.META.get("REMOTE_ADDR")
    try:
        return str(ipaddress.ip_address(address)) if address else None
    except ValueError:
        return None


def record(kind, *, user=None, username="", request=None, detail=""):
    """Add one ``SecurityEvent``; ``request`` defaults to the request being served (if any).

    Never raises: a failure to log is itself logged, and the login or change it describes goes on.
    """
    from .models import SecurityEvent

    request = request or current_request.get()
    acting = getattr(request, "user", None) if request is not None else None
    actor = acting.get_username() if acting is not None and getattr(acting, "is_authenticated", False) else ""
    if user is not None and not username:
        username = user.get_username()
    try:
        with transaction.atomic():  # a savepoint: a refused row must not break the caller's transaction
            return SecurityEvent.objects.create(
                kind=kind,
                user=user if user is not None and user.pk else None,
                username=(username or "")[:150],
                actor=(actor or username or "")[:150],
                ip_address=client_address(request),
                user_agent=(request.META.get("HTTP_USER_AGENT", "") if request is not None else "")[:255],
                path=(request.path if request is not None else "")[:255],
                detail=detail,
            )
    except Exception:  # noqa: BLE001 - the log must never break a login
        logger.exception("Could not write the security log (%s, %s)", kind, username)
        return None


def on_login(sender, request, user, **kwargs):
    from .models import SecurityEvent

    record(SecurityEvent.Kind.LOGIN, user=user, request=request)


def on_logout(sender, request, user, **kwargs):
    from .models import SecurityEvent

    if user is not None:
        record(SecurityEvent.Kind.LOGOUT, user=user, request=request)


def on_login_failed(sender, credentials, request=None, **kwargs):
    from .models import SecurityEvent

    record(SecurityEvent.Kind.LOGIN_FAILED, username=str(credentials.get("username", "")), request=request)


def on_lockout(sender, request, username, ip_address, **kwargs):
    from .models import SecurityEvent

    record(SecurityEvent.Kind.LOCKOUT, username=username or "", request=request,
           detail=_("连续登录失败次数过多，已锁定（地址 %(ip)s）。") % {"ip": ip_address})


PERMISSION_ACTIONS = {
    "add": gettext_lazy("新增"), "change": gettext_lazy("修改"), "delete": gettext_lazy("删除"),
    "view": gettext_lazy("查看"), "publish": gettext_lazy("发布"), "lock": gettext_lazy("锁定"),
    "unlock": gettext_lazy("解锁"), "bulk_delete": gettext_lazy("批量删除"), "choose": gettext_lazy("选择"),
    "access_admin": gettext_lazy("进入后台"),
}


def permission_label(permission):
    """A permission in Chinese for the log: '机构：新增'. Django stores permission names in English at
    migrate time ("Can add 机构"), so the label is built from the model's verbose name and the action."""
    model = permission.content_type.model_class()
    subject = str(model._meta.verbose_name) if model is not None else permission.content_type.model
    action = permission.codename
    if model is not None and action.endswith(f"_{model._meta.model_name}"):
        action = action[: -len(model._meta.model_name) - 1]
    return f"{subject}：{PERMISSION_ACTIONS.get(action, permission.codename)}"


def _label(obj):
    from django.contrib.auth.models import Permission

    return permission_label(obj) if isinstance(obj, Permission) else str(obj)


def _names(model, pks):
    if not pks:
        return ""
    queryset = model.objects.filter(pk__in=pks)
    if hasattr(model, "content_type"):
        queryset = queryset.select_related("content_type")
    return "、".join(_label(obj) for obj in queryset)


def object_permission_label(instance):
    """A Wagtail page or collection permission row in Chinese: '用户组 X：页面“Y”的 页面：发布'."""
    target = getattr(instance, "page", None) or getattr(instance, "collection", None)
    return _("用户组 %(group)s 对“%(target)s”的权限 %(permission)s") % {
        "group": instance.group, "target": target, "permission": permission_label(instance.permission)}


def on_user_groups_changed(sender, instance, action, model, pk_set, reverse, **kwargs):
    """User.groups changed, from either side (a user's groups, or a group's users)."""
    from django.contrib.auth import get_user_model

    from .models import SecurityEvent

    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    verb = _("加入") if action == "post_add" else _("移出")
    if reverse:  # instance is a Group, pk_set are users
        users = get_user_model().objects.filter(pk__in=pk_set or [])
        for user in users:
            record(SecurityEvent.Kind.GROUP_CHANGED, user=user, detail=f"{verb} {instance}")
    else:
        groups = _names(model, pk_set) if action != "pre_clear" else "、".join(str(g) for g in instance.groups.all())
        record(SecurityEvent.Kind.GROUP_CHANGED, user=instance, detail=f"{verb} {groups}")


def on_permissions_changed(sender, instance, action, model, pk_set, reverse, **kwargs):
    """User.user_permissions or Group.permissions changed."""
    from django.contrib.auth.models import Group

    from .models import SecurityEvent

    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    verb = _("授予") if action == "post_add" else _("收回")
    names = _names(model, pk_set) if pk_set else _("全部权限")
    holder = f"{_('用户组')} {instance}" if isinstance(instance, Group) else str(instance)
    user = None if isinstance(instance, Group) else instance
    record(SecurityEvent.Kind.PERMISSION_CHANGED, user=user, username=str(instance),
           detail=f"{holder}：{verb} {names}")


def on_object_permission_saved(sender, instance, created=False, raw=False, **kwargs):
    """Wagtail's GroupPagePermission / GroupCollectionPermission rows: a group's rights in a tree.

    Rows loaded as they are (``raw``: a fixture, a restore) are not a change anyone made, and their
    group may not be loaded yet."""
    if raw:
        return
    from .models import SecurityEvent

    verb = _("删除") if kwargs.get("signal_name") == "delete" else (_("新增") if created else _("修改"))
    record(SecurityEvent.Kind.PERMISSION_CHANGED, username=str(instance.group),
           detail=f"{sender._meta.verbose_name}：{verb} {object_permission_label(instance)}")


def on_object_permission_deleted(sender, instance, **kwargs):
    on_object_permission_saved(sender, instance, signal_name="delete")


def on_user_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    """The superuser and staff flags: the most powerful permission change of all (not for rows loaded
    as they are from a fixture or a restore)."""
    if raw:
        return
    from .models import SecurityEvent

    previous = getattr(instance, "_security_flags", None)
    current = (instance.is_superuser, instance.is_staff, instance.is_active)
    if previous is not None and previous != current:
        record(SecurityEvent.Kind.PERMISSION_CHANGED, user=instance,
               detail=_("超级管理员：%(su)s；后台人员：%(staff)s；启用：%(active)s") % {
                   "su": _("是") if current[0] else _("否"),
                   "staff": _("是") if current[1] else _("否"),
                   "active": _("是") if current[2] else _("否")})
    elif created and instance.is_superuser:
        record(SecurityEvent.Kind.PERMISSION_CHANGED, user=instance, detail=_("新建超级管理员"))
    instance._security_flags = current


def on_user_loaded(sender, instance, **kwargs):
    instance._security_flags = (instance.is_superuser, instance.is_staff, instance.is_active)
