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
        BACKUP = "backup", _("备份")
        RESTORE = "restore", _("从备份恢复")
        TAMPER = "tamper", _("网页或文件被篡改")

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


class PageFingerprint(models.Model):
    """SHA-256 of a public page's normalised content region as published (网页防篡改, security/fingerprints.py).

    Written only when the page is published through Wagtail (or by ``tamper_check --baseline``); the
    tamper check compares what the web server serves today with it.
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("页面"))
    url = models.CharField(_("网址"), max_length=1000)
    sha256 = models.CharField(_("指纹（SHA-256）"), max_length=64)
    revision_id = models.BigIntegerField(_("版本"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("记录时间"), default=timezone.now)

    class Meta:
        verbose_name = _("页面指纹")
        verbose_name_plural = _("页面指纹")

    def __str__(self):
        return f"{self.url} {self.sha256[:12]}"


class FileFingerprint(models.Model):
    """SHA-256 and size of a static file, a public document or an image as deployed or uploaded."""

    class Kind(models.TextChoices):
        STATIC = "static", _("静态文件")
        DOCUMENT = "document", _("附件")
        IMAGE = "image", _("图片")

    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("文件"), max_length=500, help_text=_("静态文件的路径，或附件、图片的编号。"))
    url = models.CharField(_("网址"), max_length=1000)
    sha256 = models.CharField(_("指纹（SHA-256）"), max_length=64)
    size = models.BigIntegerField(_("大小（字节）"))
    recorded_at = models.DateTimeField(_("记录时间"), default=timezone.now)

    class Meta:
        verbose_name = _("文件指纹")
        verbose_name_plural = _("文件指纹")
        constraints = [models.UniqueConstraint(fields=["kind", "name"], name="security_file_fingerprint_unique")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.name}"
