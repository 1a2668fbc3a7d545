"""Delete security log entries older than SECURITY_LOG_RETENTION_DAYS (never fewer than 183 days)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from security.checks import MINIMUM_RETENTION_DAYS
from security.models import SecurityEvent


class Command(BaseCommand):
    help = "删除超过保存期限（SECURITY_LOG_RETENTION_DAYS，至少183天）的安全日志。"

    def handle(self, *args, **options):
        days = max(int(getattr(settings, "SECURITY_LOG_RETENTION_DAYS", 400)), MINIMUM_RETENTION_DAYS)
        cutoff = timezone.now() - datetime.timedelta(days=days)
        deleted, _details = SecurityEvent.objects.filter(at__lt=cutoff).delete()
        self.stdout.write(f"删除 {deleted} 条早于 {timezone.localtime(cutoff):%Y-%m-%d} 的安全日志（保存 {days} 天）。")
