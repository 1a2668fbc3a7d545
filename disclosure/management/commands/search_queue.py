"""``search_queue``: how many index changes are waiting, and process them now without a worker."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from disclosure.models import PendingIndexUpdate
from disclosure.search import queue


class Command(BaseCommand):
    help = "Show the search index queue; --process writes the pending changes now."

    def add_arguments(self, parser):
        parser.add_argument("--process", action="store_true", help="Write every pending change now.")

    def handle(self, **options):
        if options["process"]:
            done = queue.process_all()
            self.stdout.write(_("已写入 %(n)s 条索引变更。") % {"n": done})
        waiting = PendingIndexUpdate.objects.count()
        failing = PendingIndexUpdate.objects.filter(attempts__gt=0).count()
        self.stdout.write(_("待写入：%(n)s 条，其中失败重试中：%(f)s 条。") % {"n": waiting, "f": failing})
