"""manage.py catalogue_sync [--check]: bring the catalogue in line with the live pages, or report how it differs."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from disclosure.catalogue import sync


class Command(BaseCommand):
    help = _("从已发布页面重建政府信息公开目录（幂等，不改变任何索引号）；--check 只报告差异，有差异时以非零状态退出。")

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help=_("只报告差异，不做修改；有差异时退出码为 1。")
        )

    def handle(self, *args, check=False, **options):
        differences = sync.compare()
        for difference in differences:
            self.stdout.write(difference.describe())
        if not differences:
            self.stdout.write(self.style.SUCCESS(_("目录与已发布页面一致，无需修改。")))
            return
        actions = ("create", "update", "restore", "restrict", "withdraw")
        counts = {action: sum(1 for d in differences if d.action == action) for action in actions}
        summary = _("共 %(total)d 处差异：新建 %(create)d，更新 %(update)d，恢复 %(restore)d，"
                    "隐私不一致 %(restrict)d，撤回 %(withdraw)d。") % {
            "total": len(differences), **counts
        }
        if check:
            raise CommandError(summary)
        sync.apply(differences)
        self.stdout.write(self.style.SUCCESS(_("已修正。") + summary))
