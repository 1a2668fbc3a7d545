"""Retry notification e-mails for letters whose first attempt failed (run every few minutes from cron)."""

from django.core.management.base import BaseCommand

from interaction.notifications import retry_pending_notifications


class Command(BaseCommand):
    help = "重新发送此前失败的新来信通知邮件（建议每 5 分钟运行一次）。"

    def handle(self, *args, **options):
        sent, failed = retry_pending_notifications()
        self.stdout.write(f"已发送 {sent} 封，仍失败 {failed} 封。")
