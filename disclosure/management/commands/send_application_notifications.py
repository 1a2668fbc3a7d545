"""Retry the pending notification e-mails of applications for disclosure (run from cron, e.g. every 10 minutes)."""

from django.core.management.base import BaseCommand

from disclosure.applications.notifications import deliver_pending


class Command(BaseCommand):
    help = "发送（重试）依申请公开的待发送通知邮件。"

    def handle(self, *args, **options):
        sent, failed = deliver_pending()
        self.stdout.write(f"sent={sent} failed={failed}")
