"""Remind organisations whose yearly disclosure report of last year is not yet published (cron, daily from 1 January)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from disclosure.yearly_report.due import missing_reports, send_report_reminders


class Command(BaseCommand):
    help = "提醒尚未发布上一年度政府信息公开工作年度报告的机构（部门、乡镇1月31日前，县政府3月31日前）。"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按该日期计算（YYYY-MM-DD），默认今天")
        parser.add_argument("--list", action="store_true", help="只列出缺少年度报告的机构，不发提醒")

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("日期格式应为 YYYY-MM-DD。") from None
        if options["list"]:
            today = today or datetime.date.today()
            for missing in missing_reports(today.year - 1):
                flag = "超期" if missing.overdue(today) else ""
                self.stdout.write(f"{missing.organisation.name}\t{missing.due_on}\t{missing.state_label}\t{flag}")
            return
        self.stdout.write(f"sent={send_report_reminders(today)}")
