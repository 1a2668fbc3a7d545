"""Demo logins: a superuser, a department editor and approver, and the county information office.

Passwords are only (re)set when the account is new or no longer matches the demo password,
so running the seed again leaves existing accounts untouched.
"""

import os
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from departments.models import Organisation
from departments.roles import ensure_information_office_group

DEFAULT_PASSWORD = "Demo@2026"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    password: str


def demo_password():
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD


def ensure_logins(department_slug="jyj"):
    password = demo_password()
    logins = [DemoLogin("admin", "超级管理员（全部权限）", password)]
    _ensure_user("admin", password, superuser=True, last_name="系统管理员")
    department = Organisation.objects.filter(slug=department_slug).first()
    if department is not None and department.editors_group_id and department.approvers_group_id:
        _ensure_user(f"{department_slug}_editor", password, groups=[department.editors_group], last_name=f"{department.short_name}编辑")
        _ensure_user(f"{department_slug}_approver", password, groups=[department.approvers_group], last_name=f"{department.short_name}审核")
        logins += [
            DemoLogin(f"{department_slug}_editor", f"{department.name}编辑（只能在本局子站撰稿、提交审核）", password),
            DemoLogin(f"{department_slug}_approver", f"{department.name}审核（审核并发布本局稿件）", password),
        ]
    _ensure_user("xxb", password, groups=[ensure_information_office_group()], last_name="县政务公开办")
    logins.append(DemoLogin("xxb", "县政务公开办（管理部门与乡镇、检查各站更新情况）", password))
    return logins


def _ensure_user(username, password, superuser=False, groups=(), last_name=""):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"is_staff": superuser, "is_superuser": superuser, "last_name": last_name,
                  "email": f"{username}@shilixian.gov.cn"},
    )
    if created or not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    missing = [group for group in groups if not user.groups.filter(pk=group.pk).exists()]
    if missing:
        user.groups.add(*missing)
    return user
