"""System checks: the security log is kept at least six months (网络安全法 art. 21(3))."""

from django.conf import settings
from django.core.checks import Error, register

MINIMUM_RETENTION_DAYS = 183


@register("security")
def check_log_retention(app_configs=None, **kwargs):
    days = getattr(settings, "SECURITY_LOG_RETENTION_DAYS", MINIMUM_RETENTION_DAYS)
    if days < MINIMUM_RETENTION_DAYS:
        return [Error(
            f"SECURITY_LOG_RETENTION_DAYS is {days}; network logs must be kept at least six months "
            f"({MINIMUM_RETENTION_DAYS} days, Cybersecurity Law art. 21).",
            id="security.E001",
        )]
    return []
