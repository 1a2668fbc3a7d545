"""Remind staff of the coming statutory dates of open applications, and the office of overdue ones (cron, daily)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from disclosure.applications.reminders import send_reminders


class Command(BaseCommand):
    help = "提醒承办机构依申请公开的各项办理期限，答复超期的提醒县政务公开办（每天运行一次）。"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按该日期计算（YYYY-MM-DD），默认今天")

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("日期格式应为 YYYY-MM-DD。") from None
        queued, sent, failed = send_reminders(today)
        self.stdout.write(f"queued={queued} sent={sent} failed={failed}")
