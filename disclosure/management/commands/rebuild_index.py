"""``rebuild_index``: haystack's command name, rebuilt fast for our Whoosh index (see ``search/bulk.py`` and ``search/queue.py``).

Our app comes before haystack and Wagtail in INSTALLED_APPS, so this command is the one
``manage.py rebuild_index`` runs. With any other haystack backend (Elasticsearch) it hands
over to haystack's own ``rebuild_index``: delete the index, create it with the backend's settings
and mappings, then index the catalogue in batches. Wagtail's page index stays ``wagtail_update_index``.
"""

import os

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from haystack import connections
from haystack.management.commands.rebuild_index import Command as HaystackRebuildCommand

from disclosure.search.backend import CountyWhooshSearchBackend
from disclosure.search.bulk import LIMIT_MB
from disclosure.search.queue import rebuild_index


class Command(HaystackRebuildCommand):
    help = "Rebuild the catalogue search index from the database, using several processes."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--limitmb", type=int, default=LIMIT_MB,
                            help="Postings a worker keeps in memory before writing them as a segment, in MB.")

    def handle(self, **options):
        backend = connections["default"].get_backend()
        if not isinstance(backend, CountyWhooshSearchBackend):
            # Our Whoosh-only option is unknown to haystack's clear_index/update_index (call_command rejects it).
            options.pop("limitmb", None)
            return super().handle(**options)
        if options["interactive"]:
            answer = input(_("这将重建整个搜索索引（重建期间搜索照常可用）。确定吗？[y/N] "))
            if answer.strip().lower() not in ("y", "yes"):
                raise CommandError(_("已取消。"))
        procs = options["workers"] or min(2, os.cpu_count() or 1)
        verbosity = options.get("verbosity", 1)

        def progress(count):
            if verbosity > 1:
                self.stdout.write(f"{count} …")

        count, seconds = rebuild_index(procs=procs, chunk_size=options.get("batchsize") or 2000,
                                 limitmb=options["limitmb"], progress=progress)
        if verbosity:
            self.stdout.write(self.style.SUCCESS(
                _("已重建搜索索引：%(count)s 条，用时 %(seconds).1f 秒（%(procs)s 个进程）。")
                % {"count": count, "seconds": seconds, "procs": procs}))
