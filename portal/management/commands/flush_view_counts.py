"""manage.py flush_view_counts: move buffered 阅读次数 from the cache into the database (run from cron)."""

from django.core.management.base import BaseCommand

from portal import view_counts


class Command(BaseCommand):
    help = "把缓存中累积的阅读次数写入数据库（建议每分钟由 cron 运行一次）。"

    def handle(self, *args, **options):
        flushed = view_counts.flush()
        total = sum(flushed.values())
        self.stdout.write(f"已写入 {len(flushed)} 个页面的 {total} 次阅读。")
