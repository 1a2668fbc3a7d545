"""manage.py restore_portal DIR: check the manifest, restore database and files, migrate, rebuild the search index."""

import time

from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from security.backups import BackupError, restore
from security.events import record
from security.models import SecurityEvent


class Command(BaseCommand):
    help = ("从 backup_portal 的备份恢复门户（先核对校验和）：数据库、媒体文件、非公开文件，"
            "然后执行数据库迁移并重建搜索索引。恢复前请停止网站和任务进程。")

    def add_arguments(self, parser):
        parser.add_argument("directory", help="backup_portal 写出的备份目录")
        parser.add_argument("--force", action="store_true", help="当前安装已有数据时仍然覆盖")
        parser.add_argument("--no-index", action="store_true", help="不重建搜索索引")

    def handle(self, directory, force=False, no_index=False, **options):
        started = time.monotonic()
        try:
            manifest = restore(directory, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        # A backup of an older release: bring its schema up to this code.
        call_command("migrate", interactive=False, verbosity=0)
        cache.clear()  # pages cached before the restore show what is no longer there
        if not no_index:
            call_command("rebuild_index", interactive=False, verbosity=0)
        record(SecurityEvent.Kind.RESTORE, detail=f"{directory}（备份时间 {manifest['created_at']}）")
        self.stdout.write(f"已从 {directory} 恢复（备份时间 {manifest['created_at']}），"
                          f"用时 {time.monotonic() - started:.1f} 秒。")
