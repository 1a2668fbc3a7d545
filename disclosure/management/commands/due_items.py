"""manage.py due_items [--as-of YYYY-MM-DD] [--format text|json]: statutory items due or late, per organisation."""

import datetime
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from disclosure.catalogue.due_items import due_items, report_as_data


class Command(BaseCommand):
    help = "列出各机构法定主动公开内容中应公开未公开、逾期公开、缺少栏目和机构信息缺失的事项。"

    def add_arguments(self, parser):
        parser.add_argument("--as-of", help="截至日期 YYYY-MM-DD，默认今天")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, as_of=None, format="text", **options):
        try:
            day = datetime.date.fromisoformat(as_of) if as_of else timezone.localdate()
        except ValueError:
            raise CommandError(f"无法识别的日期“{as_of}”，请按 YYYY-MM-DD 格式填写。") from None
        report = due_items(day)
        if format == "json":
            self.stdout.write(json.dumps(report_as_data(report, day), ensure_ascii=False, indent=2))
            return
        for due in report:
            self.stdout.write(f"{due.organisation.name}：适用事项 {len(due.applicable_items)} 项，问题 {len(due.findings)} 条")
            for finding in due.findings:
                item = f"［{finding.item.name}］" if finding.item else ""
                self.stdout.write(f"  - {finding.label}{item}{finding.detail}")
