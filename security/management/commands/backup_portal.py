"""manage.py backup_portal DIR: database, media and private files with a manifest of checksums."""

import time

from django.core.management.base import BaseCommand, CommandError

from security.backups import BackupError, backup
from security.events import record
from security.models import SecurityEvent


class Command(BaseCommand):
    help = "备份门户：数据库（SQLite 在线备份或 pg_dump）、媒体文件、非公开文件，附校验清单。"

    def add_arguments(self, parser):
        parser.add_argument("directory", help="备份目录（不存在或为空）")

    def handle(self, directory, **options):
        started = time.monotonic()
        try:
            manifest = backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from None
        size = sum(item["size"] for item in manifest["files"].values())
        elapsed = time.monotonic() - started
        record(SecurityEvent.Kind.BACKUP, detail=f"{directory}：{len(manifest['files'])} 个文件，{size} 字节")
        self.stdout.write(f"已备份到 {directory}：{len(manifest['files'])} 个文件，{size / 1e6:.1f} MB，"
                          f"用时 {elapsed:.1f} 秒。")
