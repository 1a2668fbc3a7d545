"""``manage.py content_patrol``: re-check every public page and attachment with the current lists (nightly cron)."""

import json

from django.core.management.base import BaseCommand, CommandError

from ...patrol import findings_as_json, run_patrol


class Command(BaseCommand):
    help = "巡检：用当前词表重新检查所有已公开页面及其附件，记录并解决内容安全问题。"

    def add_arguments(self, parser):
        parser.add_argument("--organisation", help="只巡检这个机构（英文标识）的页面。")
        parser.add_argument("--format", choices=["text", "json"], default="text",
                            help="json：输出未解决问题 {\"findings\": [...]}，供检查使用。")
        parser.add_argument("--no-attachments", action="store_true", help="不读取附件。")

    def handle(self, *args, **options):
        from departments.models import Organisation

        organisation = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(slug=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"没有英文标识为“{options['organisation']}”的机构。")
        summary = run_patrol(organisation, attachments=not options["no_attachments"])
        if options["format"] == "json":
            findings = findings_as_json()
            if organisation is not None:
                findings["findings"] = [row for row in findings["findings"] if row["organisation_slug"] == organisation.slug]
            self.stdout.write(json.dumps(findings, ensure_ascii=False, indent=1))
        else:
            self.stdout.write(
                f"巡检 {summary.pages} 个页面，用时 {summary.seconds:.1f} 秒；新发现 {summary.opened} 个问题，解决 {summary.resolved} 个。"
            )
