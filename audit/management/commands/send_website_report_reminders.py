"""Cron (daily): remind the information office of websites whose 政府网站工作年度报表 of last year is unpublished."""

from django.core.management.base import BaseCommand

from audit.website_report_publishing import send_website_report_reminders


class Command(BaseCommand):
    help = "提醒县政务公开办发布上一年度政府网站工作年度报表（1月1日起，1月31日截止）。"

    def handle(self, *args, **options):
        self.stdout.write(f"sent={send_website_report_reminders()}")
