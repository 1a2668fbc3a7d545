"""``manage.py probe_sites``: record availability and load time of each website (站点无法访问).

Run from cron every 10–15 minutes (or from a second host against the same database). Requests go only
to the sites' configured hosts, mapped by ``SITE_CHECK_ADDRESSES``; see docs/site-checks.md.
"""

import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from audit.probes import probe_all


class Command(BaseCommand):
    help = _("访问各网站首页和部分栏目页，记录能否在 15 秒内打开及用时（单项否决：站点无法访问）。")

    def add_arguments(self, parser):
        parser.add_argument("--site", action="append", dest="sites", help=_("只监测此网站标识码的网站（门户未登记标识码时为 portal），可重复。"))
        parser.add_argument("--timeout", type=float, help=_("超时秒数，默认 15。"))

    def handle(self, *args, sites=None, timeout=None, **options):
        started = time.monotonic()
        done = probe_all(keys=sites, timeout=timeout)
        for key, results in done.items():
            failed = [result for result in results if not result.ok]
            self.stdout.write(_("%(key)s：访问 %(count)s 个页面，失败 %(failed)s 个") % {"key": key, "count": len(results), "failed": len(failed)})
            for result in failed:
                self.stdout.write(f"  ! {result.url} {result.error}")
        self.stdout.write(_("用时 %(seconds).2f 秒") % {"seconds": time.monotonic() - started})
