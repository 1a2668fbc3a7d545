"""The security log (安全审计记录) and the password history behind "not recently used".

GB/T 22239-2019 8.1.4.3 (安全审计) asks for a record of security-relevant events with date, time,
user, type and outcome, protected from deletion; 网络安全法 art. 21(3) asks that network logs be
kept for at least six months. ``SecurityEvent`` rows are only ever added (by signal handlers in
``security.events``) and removed by ``prune_security_log`` once older than the retention period.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SecurityEvent(models.Model):
    class Kind(models.TextChoices):
        LOGIN = "login", _("登录成功")
        LOGOUT = "logout", _("退出登录")
        LOGIN_FAILED = "login_failed", _("登录失败")
        LOCKOUT = "lockout", _("账号或地址被锁定")
        IDLE_TIMEOUT = "idle_timeout", _("超时自动退出")
        OTP_VERIFIED = "otp_verified", _("动态口令验证通过")
        OTP_FAILED = "otp_failed", _("动态口令错误")
        OTP_ENROLLED = "otp_enrolled", _("绑定动态口令")
        PASSWORD_CHANGED = "password_changed", _("修改密码")
        GROUP_CHANGED = "group_changed", _("用户组变更")
        PERMISSION_CHANGED = "permission_changed", _("权限变更")
        PRIVATE_FILE_REFUSED = "private_file_refused", _("拒绝访问非公开文件")

    at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)
    kind = models.CharField(_("事件"), max_length=32, choices=Kind.choices, db_index=True)
    username = models.CharField(_("账号"), max_length=150, blank=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("用户"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    actor = models.CharField(_("操作人"), max_length=150, blank=True,
                             help_text=_("权限变更时，做出变更的账号；登录类事件与账号相同。"))
    ip_address = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True)
    user_agent = models.CharField(_("浏览器"), max_length=255, blank=True)
    path = models.CharField(_("地址"), max_length=255, blank=True)
    detail = models.TextField(_("详情"), blank=True)

    class Meta:
        verbose_name = _("安全日志")
        verbose_name_plural = _("安全日志")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.get_kind_display()} {self.username}"


class PasswordHistory(models.Model):
    """Hashes of a user's earlier passwords (never the passwords), for ``NotRecentlyUsedValidator``."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    password = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("历史密码")
        verbose_name_plural = _("历史密码")
        ordering = ["-created_at", "-pk"]
