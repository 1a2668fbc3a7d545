"""manage.py tamper_check: compare the live sites with the publish-time fingerprints (网页防篡改)."""

from django.core.management.base import BaseCommand, CommandError

from security.fingerprints import record_baseline
from security.tamper import alert, run_check


class Command(BaseCommand):
    help = ("网页防篡改检查：从各站点取回公开页面、静态文件、附件和图片，与发布时记录的指纹比对，"
            "发现未经发布的改动即写入安全日志并邮件通知政务公开办。")

    def add_arguments(self, parser):
        parser.add_argument("--baseline", action="store_true",
                            help="把当前公开的页面和文件全部记为基准（首次启用、部署静态文件后或恢复备份后运行）")
        parser.add_argument("--fail-on-finding", action="store_true", help="发现改动时以非零状态退出（供 cron 报警）")

    def handle(self, baseline=False, fail_on_finding=False, **options):
        if baseline:
            counts = record_baseline()
            self.stdout.write(f"已记录基准指纹：页面 {counts['pages']} 个，附件 {counts['documents']} 个，"
                              f"图片 {counts['images']} 张，静态文件 {counts['static']} 个。")
            return
        findings = run_check()
        alert(findings)
        for finding in findings:
            self.stdout.write(f"篡改告警 {finding.line()}")
        self.stdout.write(f"网页防篡改检查完成：发现 {len(findings)} 处未经发布的改动。")
        if findings and fail_on_finding:
            raise CommandError(f"发现 {len(findings)} 处未经发布的改动。")
