"""``manage.py check_links``: crawl each website and record broken links, images and attachments.

External links are checked only with ``LINK_CHECK_EXTERNAL`` on; see docs/site-checks.md.
"""

import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from audit.link_checker import check_all


class Command(BaseCommand):
    help = _("检查各网站页面上的链接、图片和附件，记录失效的项目（扣分项：错链、错图、错附件）。")

    def add_arguments(self, parser):
        parser.add_argument("--site", action="append", dest="sites", help=_("只检查此网站标识码的网站，可重复。"))

    def handle(self, *args, sites=None, **options):
        started = time.monotonic()
        for run in check_all(keys=sites):
            self.stdout.write(_("%(key)s：检查页面 %(pages)s 个、链接 %(links)s 个，请求 %(requests)s 次，失效 %(broken)s 个") % {
                "key": run.site_id_code, "pages": run.pages_checked, "links": run.links_checked,
                "requests": run.requests_made, "broken": run.broken_links.count()})
        seconds = time.monotonic() - started
        self.stdout.write(_("用时 %(seconds).2f 秒") % {"seconds": seconds})
